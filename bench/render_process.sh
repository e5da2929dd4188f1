#!/usr/bin/env bash
# `vanban render` as a whole process: exec, read the draft, load the templates, lay out, write
# the .docx atomically (temp file, fsync, rename), exit. Median wall time of RUNS runs of:
#   render -o   the Báo cáo example to .docx (what a secretary's "Xuất" costs from the CLI)
#   render --text  the same without the .docx and the disk (CPU side only)
#   templates   the process floor: exec, clap, loading and checking every template
# next to a peer measured in the same run: python-docx saving an empty document from a fresh
# process (needs the test venv: .venv/bin/python with python-docx, made by scripts/setup.sh).
#
#   bench/render_process.sh            # builds the release CLI if missing, 200 runs
#   RUNS=50 bench/render_process.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
target=${CARGO_TARGET_DIR:-$root/target}
bin="$target/release/vanban"
runs=${RUNS:-200}
[ -x "$bin" ] || cargo build --release --locked --bin vanban
example="$root/examples/bao-cao-tong-ket-dan-van-2019.toml"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python=${VANBAN_PYTHON:-$root/.venv/bin/python}

python3 - "$runs" "$bin" "$example" "$out" "$python" <<'PY'
import os, statistics, subprocess, sys, time
runs, bin_, example, out, python = int(sys.argv[1]), *sys.argv[2:]
def median_ms(cmd):
    xs = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        xs.append((time.perf_counter() - t) * 1000)
    xs.sort()
    return statistics.median(xs), xs[int(len(xs) * 0.95) - 1]
rows = [
    ("vanban render -o (Báo cáo → .docx)", [bin_, "render", example, "-o", os.path.join(out, "bao-cao.docx")]),
    ("vanban render --text", [bin_, "render", example, "--text"]),
    ("vanban templates (process floor)", [bin_, "templates"]),
]
peer = None
if os.access(python, os.X_OK):
    peer = ("python-docx: save an empty document", [python, "-c", f"import docx; docx.Document().save({os.path.join(out, 'peer.docx')!r})"])
    rows.append(peer)
res = {}
for name, cmd in rows:
    res[name] = median_ms(cmd)
    print(f"{name:42s} median {res[name][0]:7.2f} ms   p95 {res[name][1]:7.2f} ms   ({runs} runs)")
if peer:
    r = res[peer[0]][0] / res[rows[0][0]][0]
    print(f"ratio: a full vanban render -o takes 1/{r:.1f} of the time python-docx needs to save an empty document")
PY
