//! Outputs stay whole under SIGKILL (ghi tệp nguyên vẹn khi tiến trình bị giết): the `vanban`
//! binary is killed at random points while `render -o` writes a big draft and while
//! `check --fix` writes a big .docx, many times; after each kill the target is either absent
//! (or the old file, byte for byte) or the complete new file, which opens and reads back.
//! Nothing else is written but the named output and, at most, a `.vanban-*.tmp` left by a kill.
//! Also: the commands refuse to write over their input.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use vanban::draft::Draft;
use vanban::reader::{apply_edits, read_docx, DocxEdit, Limits, Target};
use vanban::template::Templates;

const BIN: &str = env!("CARGO_BIN_EXE_vanban");

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// A big draft: an example with its body fields repeated (about 2,000 paragraphs).
fn big_draft(copies: usize) -> String {
    let source = std::fs::read_to_string(example("ke-hoach-dan-van-kheo-bac-kan-2024.toml"))
        .expect("example exists");
    let mut d = Draft::from_toml(&source).unwrap();
    for v in d.fields.values_mut() {
        if v.lines().count() > 2 {
            *v = std::iter::repeat_n(v.as_str(), copies)
                .collect::<Vec<_>>()
                .join("\n");
        }
    }
    d.to_toml()
}

/// A tiny pseudo-random sequence (xorshift), seeded from the clock and printed so a failing
/// run can be repeated with `VANBAN_KILL_SEED`.
struct Rng(u64);

impl Rng {
    fn new() -> Self {
        let seed = std::env::var("VANBAN_KILL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        eprintln!("VANBAN_KILL_SEED={seed}");
        Self(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// Runs `args` once to the end and returns how long it took.
fn full_run(args: &[&Path]) -> Duration {
    let t = Instant::now();
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    t.elapsed()
}

/// After a kill: the target is `old` (or absent when `old` is `None`) or a complete .docx with
/// `paragraphs` paragraphs; the folder holds nothing else but `keep` and leftover temp files.
fn assert_whole(target: &Path, old: Option<&[u8]>, paragraphs: usize, keep: &[&Path]) -> bool {
    let new = match std::fs::read(target) {
        Err(_) => {
            assert!(old.is_none(), "the old file vanished");
            false
        }
        Ok(bytes) if Some(bytes.as_slice()) == old => false,
        Ok(bytes) => {
            let file = read_docx(&bytes, &Limits::default())
                .unwrap_or_else(|e| panic!("a half-written output ({} bytes): {e}", bytes.len()));
            assert_eq!(file.paragraphs().len(), paragraphs, "incomplete output");
            true
        }
    };
    for e in std::fs::read_dir(target.parent().unwrap()).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let leftover = name.starts_with(".vanban-") && name.ends_with(".tmp");
        assert!(
            p == target || keep.contains(&p.as_path()) || leftover,
            "unexpected file {name}"
        );
        if leftover {
            std::fs::remove_file(&p).unwrap();
        }
    }
    new
}

/// Kills `args` at random points `rounds` times; each round starts with the target absent
/// (odd rounds) or holding `old`.
fn kill_many(
    args: &[&Path],
    target: &Path,
    old: &[u8],
    paragraphs: usize,
    keep: &[&Path],
    rounds: usize,
) -> (usize, usize) {
    let mut rng = Rng::new();
    let span = full_run(args).as_micros() as u64;
    eprintln!("{:?}: a full run takes {} ms", args[0], span / 1000);
    let expected = std::fs::read(target).unwrap();
    assert!(read_docx(&expected, &Limits::default()).is_ok());
    let (mut killed_before, mut completed) = (0, 0);
    for round in 0..rounds {
        let before = (round % 2 == 0).then_some(old);
        match before {
            Some(b) => std::fs::write(target, b).unwrap(),
            None => {
                let _ = std::fs::remove_file(target);
            }
        }
        let mut child = Command::new(BIN)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Most kills land in the last third, where the output is written.
        let at = if rng.below(4) == 0 {
            rng.below(span)
        } else {
            span * 2 / 3 + rng.below(span / 2)
        };
        std::thread::sleep(Duration::from_micros(at));
        let _ = child.kill(); // SIGKILL on Unix.
        let _ = child.wait();
        if assert_whole(target, before, paragraphs, keep) {
            completed += 1;
        } else {
            killed_before += 1;
        }
    }
    (killed_before, completed)
}

fn render_paragraphs(draft: &str) -> usize {
    let doc = Draft::from_toml(draft)
        .unwrap()
        .render(&Templates::builtin().unwrap())
        .unwrap();
    let bytes = vanban::docx::write_docx(&doc).unwrap();
    read_docx(&bytes, &Limits::default())
        .unwrap()
        .paragraphs()
        .len()
}

#[test]
fn render_output_is_whole_under_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("ke-hoach.toml");
    let source = big_draft(60);
    std::fs::write(&draft, &source).unwrap();
    let paragraphs = render_paragraphs(&source);
    let target = dir.path().join("ke-hoach.docx");
    let old = vanban::docx::write_docx(
        &Draft::from_toml(
            &std::fs::read_to_string(example("chi-thi-03-dan-van-xuan-loc-2023.toml")).unwrap(),
        )
        .unwrap()
        .render(&Templates::builtin().unwrap())
        .unwrap(),
    )
    .unwrap();
    let args = [Path::new("render"), &draft, Path::new("-o"), &target];
    let (before, completed) = kill_many(&args, &target, &old, paragraphs, &[&draft], 24);
    eprintln!("render: {before} kills left the old state, {completed} found the new file");
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        source,
        "the draft was changed"
    );
}

#[test]
fn check_fix_output_is_whole_under_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let source = big_draft(12);
    let doc = Draft::from_toml(&source)
        .unwrap()
        .render(&Templates::builtin().unwrap())
        .unwrap();
    let clean = vanban::docx::write_docx(&doc).unwrap();
    // A fixable fault on every paragraph: the body font.
    let broken = apply_edits(
        &clean,
        &[DocxEdit::SetRunProps {
            target: Target::All,
            font: Some("Arial".into()),
            size: None,
            bold: None,
            italic: None,
            underline: None,
        }],
    )
    .unwrap();
    let input = dir.path().join("van-ban.docx");
    std::fs::write(&input, &broken).unwrap();
    let paragraphs = read_docx(&broken, &Limits::default())
        .unwrap()
        .paragraphs()
        .len();
    let target = dir.path().join("van-ban.da-sua.docx");
    let args = [
        Path::new("check"),
        &input,
        Path::new("--fix"),
        Path::new("-o"),
        &target,
    ];
    let (before, completed) = kill_many(&args, &target, &clean, paragraphs, &[&input], 24);
    eprintln!("check --fix: {before} kills left the old state, {completed} found the new file");
    assert_eq!(
        std::fs::read(&input).unwrap(),
        broken,
        "the input was changed"
    );
}

#[test]
fn render_refuses_to_write_over_its_draft() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("ke-hoach.toml");
    let source =
        std::fs::read_to_string(example("ke-hoach-dan-van-kheo-bac-kan-2024.toml")).unwrap();
    std::fs::write(&draft, &source).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    for out in [draft.clone(), dir.path().join("sub/../ke-hoach.toml")] {
        let o = Command::new(BIN)
            .args([Path::new("render"), &draft, Path::new("-o"), &out])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("trùng bản thảo"), "{err}");
        assert_eq!(std::fs::read_to_string(&draft).unwrap(), source);
    }
}

#[test]
fn check_fix_refuses_to_overwrite_its_input_without_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("van-ban.docx");
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check/f05-body-arial.docx"),
    )
    .unwrap();
    std::fs::write(&input, &bytes).unwrap();
    let o = Command::new(BIN)
        .args([
            Path::new("check"),
            &input,
            Path::new("--fix"),
            Path::new("-o"),
            &input,
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--overwrite"));
    assert_eq!(std::fs::read(&input).unwrap(), bytes);
}

#[test]
fn db_backup_refuses_the_library_file_itself() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thu-vien.db");
    let o = Command::new(BIN)
        .args([Path::new("db"), Path::new("--db"), &db, Path::new("check")])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let before = std::fs::read(&db).unwrap();
    let o = Command::new(BIN)
        .args([
            Path::new("db"),
            Path::new("--db"),
            &db,
            Path::new("backup"),
            &db,
        ])
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("trùng tệp thư viện"));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}
