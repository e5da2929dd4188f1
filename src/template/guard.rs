//! Guards for untrusted templates (bảo vệ khi nạp mẫu lạ): a template folder copied from another
//! office is data, never code that may read files, recurse or run without end.
//!
//! - At load: `template.toml` and `body.tera` are read only when they resolve inside their own
//!   folder (a symlink pointing elsewhere is refused), each at most [`MAX_SOURCE_BYTES`]; the
//!   body may use only the tags [`ALLOWED_TAGS`] (no `include`, `extends`, `import`, components,
//!   `set`: a body template is one file and keeps no state), with `for` loops nested at most
//!   [`MAX_LOOP_DEPTH`] deep. A refused tag is reported with its file, line and column.
//! - At render: `range()` gives at most [`MAX_RANGE`] items, `replace` and `indent` refuse an
//!   output past [`MAX_OUTPUT_BYTES`], the output is written through a [`BoundedWriter`] that stops
//!   at [`MAX_OUTPUT_BYTES`] or after [`RENDER_TIME_LIMIT`], and the render runs on a worker thread
//!   that the caller stops waiting for at that limit.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use tera::{Kwargs, State, Tera, TeraResult};

use super::TemplateError;

/// Largest accepted `template.toml` or `body.tera`, bytes (kích thước tối đa của tệp mẫu).
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024;
/// Largest body markup a template may produce, bytes (kích thước nội dung tối đa).
pub const MAX_OUTPUT_BYTES: usize = 4 * 1024 * 1024;
/// Longest a body template may take to render (thời gian dựng tối đa).
pub const RENDER_TIME_LIMIT: Duration = Duration::from_secs(2);
/// Most items `range()` gives in a template (số phần tử tối đa của `range`).
pub const MAX_RANGE: i64 = 1000;
/// Deepest nesting of `{% for %}` loops (số vòng lặp lồng nhau tối đa): one, so a loop that
/// writes nothing (which no output bound can stop) costs at most one pass over its items.
pub const MAX_LOOP_DEPTH: usize = 1;
/// The only Tera tags a body template may use (các thẻ Tera được dùng).
pub const ALLOWED_TAGS: &[&str] = &[
    "if",
    "elif",
    "else",
    "endif",
    "for",
    "endfor",
    "break",
    "continue",
    "filter",
    "endfilter",
    "raw",
    "endraw",
];

/// Reads `file` of a template folder, refusing a path that resolves outside `folder` (a
/// symlink to another place) and a file past [`MAX_SOURCE_BYTES`].
pub(crate) fn read_inside(folder: &Path, file: &Path) -> Result<String, TemplateError> {
    let io = |path: &Path, source| TemplateError::Io {
        path: path.to_path_buf(),
        source,
    };
    let root = folder.canonicalize().map_err(|e| io(folder, e))?;
    let real = file.canonicalize().map_err(|e| io(file, e))?;
    if !real.starts_with(&root) {
        return Err(TemplateError::Outside {
            path: file.display().to_string(),
        });
    }
    let size = std::fs::metadata(&real).map_err(|e| io(file, e))?.len();
    if size > MAX_SOURCE_BYTES {
        return Err(TemplateError::TooLarge {
            path: file.display().to_string(),
            limit: MAX_SOURCE_BYTES,
            actual: size,
        });
    }
    let text = std::fs::read_to_string(&real).map_err(|e| io(file, e))?;
    Ok(crate::model::text::source_text(&text).into_owned())
}

/// Checks the tags of a body template: only [`ALLOWED_TAGS`], loops at most
/// [`MAX_LOOP_DEPTH`] deep. Errors carry the file, line and column (1-based).
pub(crate) fn check_tags(path: &str, body: &str) -> Result<(), TemplateError> {
    if body.len() as u64 > MAX_SOURCE_BYTES {
        return Err(TemplateError::TooLarge {
            path: path.to_string(),
            limit: MAX_SOURCE_BYTES,
            actual: body.len() as u64,
        });
    }
    let mut depth = 0usize;
    let mut in_raw = false;
    let mut at = 0usize;
    while let Some(found) = body[at..].find("{%") {
        let start = at + found;
        // The closing `%}` is looked for after the opening `{%` (in "{%}" they overlap).
        let Some(len) = body[start + 2..].find("%}") else {
            // Unclosed tag: Tera reports it with its position.
            return Ok(());
        };
        let inner = body[start + 2..start + 2 + len]
            .trim_start_matches(['-', '+'])
            .trim_start();
        let name: String = inner
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        at = start + 2 + len + 2;
        if in_raw {
            in_raw = name != "endraw";
            continue;
        }
        let (line, column) = line_col(body, start);
        let refuse = |message: String| TemplateError::Refused {
            path: path.to_string(),
            line,
            column,
            message,
        };
        if !ALLOWED_TAGS.contains(&name.as_str()) {
            return Err(refuse(match name.as_str() {
                "include" | "extends" | "import" => format!(
                    "thẻ {{% {name} %}} không được dùng: mẫu văn bản chỉ gồm một tệp body.tera, không đọc tệp khác"
                ),
                _ => format!(
                    "thẻ {{% {name} %}} không được dùng trong mẫu văn bản (chỉ dùng: {})",
                    ALLOWED_TAGS.join(", ")
                ),
            }));
        }
        match name.as_str() {
            "raw" => in_raw = true,
            "for" => {
                depth += 1;
                if depth > MAX_LOOP_DEPTH {
                    return Err(refuse(format!(
                        "vòng lặp {{% for %}} lồng quá {MAX_LOOP_DEPTH} tầng"
                    )));
                }
            }
            "endfor" => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Replaces Tera's `range`, `replace` and `indent` with bounded versions.
pub(crate) fn register(tera: &mut Tera) {
    tera.register_function("range", |kwargs: Kwargs, _: &State| range(&kwargs));
    tera.register_filter("replace", |v: &str, kwargs: Kwargs, _: &State| {
        replace(v, &kwargs)
    });
    tera.register_filter("indent", |v: &str, kwargs: Kwargs, _: &State| {
        indent(v, &kwargs)
    });
}

fn range(kwargs: &Kwargs) -> TeraResult<Vec<i64>> {
    let start = kwargs.get::<i64>("start")?.unwrap_or(0);
    let end = kwargs.must_get::<i64>("end")?;
    let step = kwargs.get::<i64>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(tera::Error::message("range: step_by không được bằng 0"));
    }
    let len = if step > 0 {
        (i128::from(end) - i128::from(start)).max(0) / i128::from(step)
    } else {
        (i128::from(start) - i128::from(end)).max(0) / -i128::from(step)
    };
    if len > i128::from(MAX_RANGE) {
        return Err(tera::Error::message(format!(
            "range cho {len} phần tử, quá giới hạn {MAX_RANGE} của mẫu văn bản"
        )));
    }
    Ok((0..len as i64).map(|i| start + i * step).collect())
}

fn too_long() -> tera::Error {
    tera::Error::message(format!(
        "kết quả dài quá {MAX_OUTPUT_BYTES} byte, giới hạn nội dung của mẫu văn bản"
    ))
}

fn replace(v: &str, kwargs: &Kwargs) -> TeraResult<String> {
    let from = kwargs.must_get::<&str>("from")?;
    let to = kwargs.must_get::<&str>("to")?;
    let hits = if from.is_empty() {
        v.chars().count() + 1
    } else {
        v.matches(from).count()
    };
    let size = v.len().saturating_add(hits.saturating_mul(to.len()));
    if size > MAX_OUTPUT_BYTES {
        return Err(too_long());
    }
    Ok(v.replace(from, to))
}

fn indent(v: &str, kwargs: &Kwargs) -> TeraResult<String> {
    let width = kwargs.get::<usize>("width")?.unwrap_or(4).min(100);
    let first = kwargs.get::<bool>("first")?.unwrap_or(false);
    let blank = kwargs.get::<bool>("blank")?.unwrap_or(false);
    let lines = v.lines().count();
    if v.len().saturating_add(lines.saturating_mul(width)) > MAX_OUTPUT_BYTES {
        return Err(too_long());
    }
    let pad = " ".repeat(width);
    let mut out = String::with_capacity(v.len() + lines * width);
    for (i, line) in v.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if (i > 0 || first) && (blank || !line.trim().is_empty()) {
            out.push_str(&pad);
        }
        out.push_str(line);
    }
    Ok(out)
}

/// An output sink that fails once it holds more than its byte limit or its deadline has
/// passed (bộ ghi có giới hạn): Tera stops rendering at its next write.
#[derive(Debug)]
pub struct BoundedWriter {
    /// What was written so far.
    pub out: Vec<u8>,
    limit: usize,
    deadline: Instant,
    /// Why the writer stopped, if it did.
    pub stopped: Option<Stop>,
}

/// Why a [`BoundedWriter`] stopped (lý do dừng).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// More than the byte limit.
    Size,
    /// Past the deadline.
    Time,
}

impl BoundedWriter {
    /// A writer holding at most `limit` bytes until `deadline`.
    pub fn new(limit: usize, deadline: Instant) -> Self {
        Self {
            out: Vec::new(),
            limit,
            deadline,
            stopped: None,
        }
    }
}

impl Write for BoundedWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.out.len() + buf.len() > self.limit {
            self.stopped = Some(Stop::Size);
        } else if Instant::now() > self.deadline {
            self.stopped = Some(Stop::Time);
        }
        if self.stopped.is_some() {
            return Err(std::io::Error::other("giới hạn mẫu văn bản"));
        }
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
