//! Export benchmark: the Báo cáo example (17 pages, 23 footnotes) rendered to .docx bytes
//! by `vanban::docx::write_docx`, timed per export (median of many), next to python-docx
//! building a document of the same paragraphs in the same run (bench/export_python_docx.py,
//! timed the same way). Prints both figures and the ratio, and the CPU time of a batch of
//! calls over their number for the whole export, the layout pass (`laid::lay_out`) alone, the
//! .docx translation alone, the HTML preview and the plain text.
//!
//! Run: `cargo bench --bench export` (needs the test venv: VANBAN_PYTHON or .venv/bin/python).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use vanban::draft::Draft;
use vanban::model::{label_blocks, Block, Document, Span};
use vanban::template::Templates;

const ITERATIONS: usize = 300;
const EXAMPLE: &str = "examples/bao-cao-tong-ket-dan-van-2019.toml";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load() -> Document {
    let source = std::fs::read_to_string(root().join(EXAMPLE)).expect("the Báo cáo example");
    let draft = Draft::from_toml(&source).expect("a valid draft");
    draft
        .render(&Templates::builtin().expect("built-in templates"))
        .expect("the draft renders")
}

/// The same paragraphs as plain data for python-docx: header lines, title, every body
/// block with its label and runs, the footnote texts, the Nơi nhận and signature lines.
fn paragraphs(doc: &Document) -> Value {
    let mut out = Vec::new();
    let line = |text: String, bold: bool, italic: bool, size: f32, align: &str| json!({"runs": [{"text": text, "bold": bold, "italic": italic}], "size": size, "align": align});
    let l = vanban::layout::layout(doc.system);
    for issuer in &doc.issuers {
        if let Some(s) = &issuer.superior {
            out.push(line(s.to_uppercase(), false, false, 14.0, "center"));
        }
        out.push(line(
            issuer.name.to_uppercase(),
            true,
            false,
            14.0,
            "center",
        ));
    }
    out.push(line(doc.number_line(), false, false, 14.0, "center"));
    out.push(line(
        vanban::docx::PARTY_TITLE.into(),
        true,
        false,
        15.0,
        "center",
    ));
    out.push(line(
        doc.place_date.render(doc.system),
        false,
        true,
        14.0,
        "center",
    ));
    out.push(line(doc.type_line(), true, false, 16.0, "center"));
    out.push(line(doc.subject.clone(), true, false, 14.0, "center"));
    let labels = label_blocks(&doc.body.blocks, doc.system);
    for (block, label) in doc.body.blocks.iter().zip(labels) {
        let Some(inline) = block.inline() else {
            continue;
        };
        let heading = matches!(
            block,
            Block::Part { .. } | Block::Section { .. } | Block::Heading { .. }
        );
        let mut runs = Vec::new();
        if let Some(label) = label {
            runs.push(json!({"text": format!("{label} "), "bold": heading, "italic": false}));
        }
        for span in &inline.0 {
            if let Span::Text { text, bold, italic } = span {
                runs.push(json!({"text": text, "bold": *bold || heading, "italic": italic}));
            }
        }
        out.push(json!({"runs": runs, "size": f32::from(l.body.size.preferred.0) / 2.0, "align": "justify", "indent": true}));
    }
    for note in doc.body.footnotes() {
        out.push(line(note.to_string(), false, false, 12.0, "justify"));
    }
    for r in doc.recipients.lines(doc.system) {
        out.push(line(r, false, false, 12.0, "left"));
    }
    for s in &doc.signers {
        for (t, auth) in s.title_lines(doc.system) {
            out.push(line(t, auth, false, 14.0, "center"));
        }
        out.push(line(s.name.clone(), true, false, 14.0, "center"));
    }
    Value::Array(out)
}

/// CPU time this thread has run (Linux schedstat), so a loaded machine's waiting does not
/// count: the figure compares work, not luck with the scheduler.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn python() -> PathBuf {
    std::env::var_os("VANBAN_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".venv/bin/python"))
}

fn main() {
    let doc = load();
    // Warm up, then time each export.
    let mut size = 0;
    for _ in 0..10 {
        size = vanban::docx::write_docx(&doc).unwrap().len();
    }
    let mut times = Vec::with_capacity(ITERATIONS);
    let mut cpu = Vec::with_capacity(ITERATIONS);
    for _ in 0..ITERATIONS {
        let cpu_start = thread_cpu();
        let start = Instant::now();
        let bytes = vanban::docx::write_docx(&doc).unwrap();
        times.push(start.elapsed());
        if let (Some(a), Some(b)) = (cpu_start, thread_cpu()) {
            cpu.push(b.saturating_sub(a));
        }
        std::hint::black_box(bytes);
    }
    let rust_cpu = (!cpu.is_empty()).then(|| median(cpu));
    let p95 = {
        let mut t = times.clone();
        t.sort();
        t[t.len() * 95 / 100]
    };
    let rust = median(times);
    // The parts of an export and the other two back ends: CPU time of a batch of calls over
    // their number (the thread's CPU clock here ticks every 4 ms: single calls read 0 or 4).
    let time = |f: &dyn Fn()| {
        let a = thread_cpu()?;
        for _ in 0..ITERATIONS {
            f();
        }
        let b = thread_cpu()?;
        Some(b.saturating_sub(a).as_secs_f64() * 1e3 / ITERATIONS as f64)
    };
    let whole = time(&|| {
        std::hint::black_box(vanban::docx::write_docx(&doc).unwrap());
    });
    if let Some(ms) = whole {
        println!(
            "vanban write_docx: mean CPU time {ms:.3} ms per export over a batch of {ITERATIONS}"
        );
    }
    let laid = vanban::laid::lay_out(&doc);
    let parts = [
        (
            "layout pass (laid::lay_out)",
            time(&|| {
                std::hint::black_box(vanban::laid::lay_out(&doc));
            }),
        ),
        (
            "docx translation and packing (docx::write_laid_out)",
            time(&|| {
                std::hint::black_box(vanban::docx::write_laid_out(&laid).unwrap());
            }),
        ),
        (
            "HTML preview (preview::render, layout pass included)",
            time(&|| {
                std::hint::black_box(vanban::preview::render(&doc));
            }),
        ),
        (
            "plain text (model::plain_text, layout pass included)",
            time(&|| {
                std::hint::black_box(vanban::model::plain_text(&doc));
            }),
        ),
    ];
    for (name, ms) in parts {
        if let Some(ms) = ms {
            println!("  {name}: mean CPU time {ms:.3} ms per call");
        }
    }
    let paragraphs = paragraphs(&doc);
    println!(
        "vanban write_docx: Báo cáo ({} paragraphs, {} footnotes, {} bytes): median {:.2} ms, p95 {:.2} ms over {ITERATIONS} exports",
        paragraphs.as_array().map_or(0, Vec::len),
        doc.body.footnotes().len(),
        size,
        rust.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3,
    );
    if let Some(c) = rust_cpu {
        println!(
            "vanban write_docx: median CPU time {:.2} ms per export",
            c.as_secs_f64() * 1e3
        );
    }

    let input = std::env::temp_dir().join(format!("vanban-bench-{}.json", std::process::id()));
    std::fs::write(&input, paragraphs.to_string()).unwrap();
    let script = root().join("bench/export_python_docx.py");
    let out = Command::new(python())
        .arg(&script)
        .arg(&input)
        .arg(ITERATIONS.to_string())
        .output();
    let _ = std::fs::remove_file(&input);
    match out {
        Ok(out) if out.status.success() => {
            let v: Value = serde_json::from_slice(&out.stdout).expect("JSON from the script");
            let py_ms = v["median_ms"].as_f64().unwrap();
            println!(
                "python-docx, same paragraphs (no real footnotes: it has no API for them): median {py_ms:.2} ms, p95 {:.2} ms over {} builds",
                v["p95_ms"].as_f64().unwrap(),
                v["iterations"]
            );
            let py_cpu = v["median_cpu_ms"].as_f64().unwrap();
            println!("python-docx: median CPU time {py_cpu:.2} ms per build");
            println!(
                "ratio: vanban is {:.1}× faster than python-docx (wall-clock medians)",
                py_ms / (rust.as_secs_f64() * 1e3)
            );
            if let Some(c) = rust_cpu {
                println!(
                    "ratio: vanban is {:.1}× faster than python-docx (CPU-time medians)",
                    py_cpu / (c.as_secs_f64() * 1e3)
                );
            }
        }
        Ok(out) => eprintln!(
            "python-docx run failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => eprintln!("no Python venv ({e}): python-docx figure skipped"),
    }
}
