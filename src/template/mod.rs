//! Templates are data (mẫu văn bản): each document type is a folder under `templates/` with
//! `template.toml` (its form: fields, Vietnamese labels, hints, defaults, required flags) and
//! `body.tera` (a Tera template that arranges the filled form into body markup, see
//! [`crate::markup`]). Adding a type means adding a folder, not changing Rust.
//!
//! The folders in the repository's `templates/` are built into the binary; an office can add
//! or override types with a folder of its own ([`Templates::with_dir`]).

mod filters;
mod form;
pub mod guard;

pub use filters::ngay_thang;
pub use form::{FieldKind, FormField, Starter, TemplateDef};

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc};
use std::time::Instant;

use include_dir::{include_dir, Dir};
use serde::Serialize;
use tera::{Context, Tera};

use crate::layout::DocTypeTable;
use form::{TemplateFile, TypeRef};

static BUILTIN: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// Variables every body template may use besides its form fields.
pub const CONTEXT_VARIABLES: &[&str] = &[
    "loai",
    "he_thong",
    "co_quan",
    "co_quan_viet_tat",
    "dia_danh",
    "nam",
    "ngay",
    "trich_yeu",
];

/// Why a template could not be loaded or rendered. Messages name the file and the line.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// A draft names a type no template provides.
    #[error("không có mẫu văn bản \"{slug}\"; các mẫu hiện có: {available}")]
    Unknown {
        /// The slug asked for.
        slug: String,
        /// The slugs that exist, comma-separated.
        available: String,
    },
    /// `template.toml` is not valid.
    #[error("mẫu {path}: {message}")]
    Definition {
        /// The file at fault.
        path: String,
        /// What is wrong (with line and column when known).
        message: String,
    },
    /// `body.tera` does not parse.
    #[error("mẫu {path}, dòng {line}, cột {column}: lỗi cú pháp Tera: {message}")]
    Syntax {
        /// The file at fault.
        path: String,
        /// Line, 1-based.
        line: usize,
        /// Column, 1-based.
        column: usize,
        /// Tera's explanation.
        message: String,
    },
    /// The template uses a variable its form does not declare.
    #[error("mẫu {path} dùng biến `{variable}` mà template.toml không khai báo (các trường: {declared})")]
    UndeclaredVariable {
        /// The file at fault.
        path: String,
        /// The unknown variable.
        variable: String,
        /// The declared fields.
        declared: String,
    },
    /// Rendering failed (a filter got a bad value, ...).
    #[error("không dựng được nội dung từ mẫu {path}: {message}")]
    Render {
        /// The template.
        path: String,
        /// Why.
        message: String,
    },
    /// A template file resolves outside its folder (a symlink to another place).
    #[error(
        "mẫu {path} trỏ ra ngoài thư mục mẫu của nó (liên kết tượng trưng): không đọc tệp này"
    )]
    Outside {
        /// The file or folder at fault.
        path: String,
    },
    /// A template file is larger than Vanban accepts.
    #[error("mẫu {path} quá lớn: {actual} byte, tối đa {limit} byte")]
    TooLarge {
        /// The file at fault.
        path: String,
        /// The bound, bytes.
        limit: u64,
        /// Its size, bytes.
        actual: u64,
    },
    /// `body.tera` uses a tag an untrusted template may not use, or nests loops too deep.
    #[error("mẫu {path}, dòng {line}, cột {column}: {message}")]
    Refused {
        /// The file at fault.
        path: String,
        /// Line, 1-based.
        line: usize,
        /// Column, 1-based.
        column: usize,
        /// What is refused and why.
        message: String,
    },
    /// Rendering ran past the time limit (a loop without end, or close to it).
    #[error(
        "mẫu {path} chạy quá {seconds} giây khi dựng nội dung: mẫu có vòng lặp quá lớn, đã dừng"
    )]
    TimeLimit {
        /// The template.
        path: String,
        /// The limit, seconds.
        seconds: u64,
    },
    /// Rendering produced more text than the output bound.
    #[error("mẫu {path} tạo ra nội dung dài quá {limit} byte: đã dừng")]
    OutputLimit {
        /// The template.
        path: String,
        /// The limit, bytes.
        limit: usize,
    },
    /// A folder of templates could not be read.
    #[error("không đọc được thư mục mẫu {path}: {source}")]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// The IO error.
        #[source]
        source: std::io::Error,
    },
}

/// Values a body template is rendered with: the form fields and a few header facts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BodyContext {
    /// Form field values by name.
    #[serde(flatten)]
    pub fields: BTreeMap<String, String>,
    /// Tên loại ("Kế hoạch").
    pub loai: String,
    /// "state" or "party".
    pub he_thong: String,
    /// Name of the (lead) issuing body.
    pub co_quan: String,
    /// Its abbreviation.
    pub co_quan_viet_tat: String,
    /// Place name.
    pub dia_danh: String,
    /// Year of issue.
    pub nam: i32,
    /// Date phrase ("ngày 05 tháng 02 năm 2024").
    pub ngay: String,
    /// Trích yếu.
    pub trich_yeu: String,
}

/// The set of available document types with their compiled body templates.
pub struct Templates {
    defs: Vec<TemplateDef>,
    /// Shared with the render worker thread (see [`guard`]).
    tera: Arc<Tera>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("defs", &self.defs)
            .finish_non_exhaustive()
    }
}

struct Source {
    slug: String,
    origin: String,
    definition: String,
    body: String,
}

impl Templates {
    /// The templates built into Vanban (the repository's `templates/` folder).
    pub fn builtin() -> Result<Self, TemplateError> {
        Self::from_sources(builtin_sources())
    }

    /// Only the document type `slug` (loại văn bản): built in, or from the office folder `dir`
    /// when it has that type. A one-shot render (`vanban render`) needs one template, so the
    /// others are neither read nor compiled; the one loaded is validated as [`Self::builtin`]
    /// validates all. An unknown slug loads every template, so the error lists those that exist.
    pub fn only(slug: &str, dir: Option<&Path>) -> Result<Self, TemplateError> {
        let mut sources: Vec<Source> = match dir {
            Some(d) => dir_sources(d)?
                .into_iter()
                .filter(|s| s.slug == slug)
                .collect(),
            None => Vec::new(),
        };
        if sources.is_empty() {
            sources = builtin_sources()
                .into_iter()
                .filter(|s| s.slug == slug)
                .collect();
        }
        if sources.is_empty() {
            return match dir {
                Some(d) => Self::with_dir(d),
                None => Self::builtin(),
            };
        }
        Self::from_sources(sources)
    }

    /// The built-in templates plus the folders of `dir` (each `<loại>/template.toml` and
    /// `<loại>/body.tera`); a folder with the same name replaces the built-in one.
    pub fn with_dir(dir: &Path) -> Result<Self, TemplateError> {
        let mut sources = builtin_sources();
        for s in dir_sources(dir)? {
            sources.retain(|b| b.slug != s.slug);
            sources.push(s);
        }
        Self::from_sources(sources)
    }

    /// Only the folders of `dir`, without the built-in ones (for tests and tools).
    pub fn only_dir(dir: &Path) -> Result<Self, TemplateError> {
        Self::from_sources(dir_sources(dir)?)
    }

    fn from_sources(mut sources: Vec<Source>) -> Result<Self, TemplateError> {
        sources.sort_by(|a, b| a.slug.cmp(&b.slug));
        let mut tera = Tera::default();
        tera.autoescape_on(Vec::<&str>::new());
        filters::register(&mut tera);
        guard::register(&mut tera);
        let mut defs = Vec::new();
        for s in &sources {
            let def = parse_definition(s)?;
            guard::check_tags(&s.origin, &s.body)?;
            tera.add_raw_template(&s.slug, &s.body)
                .map_err(|e| syntax_error(&s.origin, e))?;
            check_variables(&tera, s, &def)?;
            defs.push(def);
        }
        Ok(Self {
            defs,
            tera: Arc::new(tera),
        })
    }

    /// All document types, sorted by slug.
    pub fn list(&self) -> &[TemplateDef] {
        &self.defs
    }

    /// The template for `slug`, or an error listing those that exist.
    pub fn get(&self, slug: &str) -> Result<&TemplateDef, TemplateError> {
        self.defs
            .iter()
            .find(|d| d.slug == slug)
            .ok_or_else(|| TemplateError::Unknown {
                slug: slug.to_string(),
                available: self
                    .defs
                    .iter()
                    .map(|d| d.slug.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// Renders the body markup of `slug` from `ctx`, within [`guard::RENDER_TIME_LIMIT`] and
    /// [`guard::MAX_OUTPUT_BYTES`]: the render runs on a worker thread whose output writer stops
    /// at either bound, and the caller stops waiting at the time limit.
    pub fn render_body(&self, slug: &str, ctx: &BodyContext) -> Result<String, TemplateError> {
        self.get(slug)?;
        let path = body_path(slug);
        let context = Context::from_serialize(ctx).map_err(|e| TemplateError::Render {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let time_limit = TemplateError::TimeLimit {
            path: path.clone(),
            seconds: guard::RENDER_TIME_LIMIT.as_secs(),
        };
        let tera = Arc::clone(&self.tera);
        let name = slug.to_string();
        let (tx, rx) = mpsc::channel();
        let deadline = Instant::now() + guard::RENDER_TIME_LIMIT;
        std::thread::Builder::new()
            .name("vanban-template".into())
            .spawn(move || {
                let mut out = guard::BoundedWriter::new(guard::MAX_OUTPUT_BYTES, deadline);
                let result = tera.render_to(&name, &context, &mut out);
                let _ = tx.send((result, out));
            })
            .map_err(|e| TemplateError::Render {
                path: path.clone(),
                message: e.to_string(),
            })?;
        let (result, out) = rx
            .recv_timeout(guard::RENDER_TIME_LIMIT + std::time::Duration::from_millis(200))
            .map_err(|_| time_limit)?;
        match (result, out.stopped) {
            (_, Some(guard::Stop::Time)) => Err(TemplateError::TimeLimit {
                path,
                seconds: guard::RENDER_TIME_LIMIT.as_secs(),
            }),
            (_, Some(guard::Stop::Size)) => Err(TemplateError::OutputLimit {
                path,
                limit: guard::MAX_OUTPUT_BYTES,
            }),
            (Err(e), None) => Err(TemplateError::Render {
                path,
                message: tera_message(&e),
            }),
            (Ok(()), None) => String::from_utf8(out.out).map_err(|e| TemplateError::Render {
                path,
                message: e.to_string(),
            }),
        }
    }
}

fn body_path(slug: &str) -> String {
    format!("templates/{slug}/body.tera")
}

fn builtin_sources() -> Vec<Source> {
    BUILTIN
        .dirs()
        .filter_map(|dir| {
            let slug = dir.path().file_name()?.to_str()?.to_string();
            let definition = dir
                .get_file(dir.path().join("template.toml"))?
                .contents_utf8()?
                .to_string();
            let body = dir
                .get_file(dir.path().join("body.tera"))?
                .contents_utf8()?
                .to_string();
            Some(Source {
                origin: body_path(&slug),
                slug,
                definition,
                body,
            })
        })
        .collect()
}

fn dir_sources(dir: &Path) -> Result<Vec<Source>, TemplateError> {
    let io = |path: &Path, source| TemplateError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
        let path = entry.map_err(|e| io(dir, e))?.path();
        let definition_path = path.join("template.toml");
        if !path.is_dir() || !definition_path.exists() {
            continue;
        }
        let Some(slug) = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        let body_file = path.join("body.tera");
        // A folder copied from another office is untrusted: the folder and its two files must
        // resolve inside `dir` (no symlink out), within the size bound. BOM and CRLF (a folder
        // from a Windows PC) are read as plain text.
        let root = dir.canonicalize().map_err(|e| io(dir, e))?;
        if !path
            .canonicalize()
            .map_err(|e| io(&path, e))?
            .starts_with(&root)
        {
            return Err(TemplateError::Outside {
                path: path.display().to_string(),
            });
        }
        let definition = guard::read_inside(&path, &definition_path)?;
        let body = guard::read_inside(&path, &body_file)?;
        out.push(Source {
            slug,
            origin: body_file.display().to_string(),
            definition,
            body,
        });
    }
    Ok(out)
}

fn parse_definition(s: &Source) -> Result<TemplateDef, TemplateError> {
    let path = s.origin.replace("body.tera", "template.toml");
    let file: TemplateFile =
        toml::from_str(&s.definition).map_err(|e| TemplateError::Definition {
            path: path.clone(),
            message: crate::draft::toml_message(&e, &s.definition),
        })?;
    let doc_type = match file.doc_type {
        TypeRef::Slug(slug) => DocTypeTable::builtin().by_slug(&slug).cloned().ok_or_else(|| {
            TemplateError::Definition {
                path: path.clone(),
                message: format!(
                    "loại văn bản \"{slug}\" không có trong bảng chữ viết tắt; khai báo [type] với slug, name, state, party"
                ),
            }
        })?,
        TypeRef::Inline(t) => t,
    };
    let issued_by =
        match file.issued_by {
            Some(slug) => Some(DocTypeTable::builtin().by_slug(&slug).cloned().ok_or_else(
                || TemplateError::Definition {
                    path: path.clone(),
                    message: format!(
                        "issued_by: loại văn bản \"{slug}\" không có trong bảng chữ viết tắt"
                    ),
                },
            )?),
            None => None,
        };
    if !(file.signer_roles.is_empty()
        || (2..=crate::layout::MAX_SIGNERS_SIDE_BY_SIDE).contains(&file.signer_roles.len()))
        || file.signer_roles.iter().any(|r| r.trim().is_empty())
    {
        return Err(TemplateError::Definition {
            path,
            message: "signer_roles khai báo hai hoặc ba chức danh không trống, từ trái sang phải \
                      (ví dụ: [\"THƯ KÝ\", \"CHỦ TỌA\"])"
                .into(),
        });
    }
    if let Some(st) = &file.starter {
        if st.issuers.is_empty() || st.issuers.len() > 2 || st.issuers.len() != st.signers.len() {
            return Err(TemplateError::Definition {
                path,
                message: "[starter] khai báo một hoặc hai cơ quan ban hành (issuers) và mỗi cơ \
                          quan một người ký (signers)"
                    .into(),
            });
        }
    }
    let mut seen = HashSet::new();
    for f in &file.fields {
        if !seen.insert(f.name.as_str()) {
            return Err(TemplateError::Definition {
                path,
                message: format!("trường `{}` khai báo hai lần", f.name),
            });
        }
        if CONTEXT_VARIABLES.contains(&f.name.as_str()) {
            return Err(TemplateError::Definition {
                path,
                message: format!("tên trường `{}` trùng với biến có sẵn của mẫu", f.name),
            });
        }
    }
    Ok(TemplateDef {
        label: file.label.unwrap_or_else(|| doc_type.name.clone()),
        slug: s.slug.clone(),
        description: file.description,
        doc_type,
        systems: file.systems,
        closing_mark: file.closing_mark,
        urgency: file.urgency,
        signer_roles: file.signer_roles,
        issued_by,
        number_with_year: file.number_with_year,
        starter: file.starter,
        fields: file.fields,
    })
}

fn check_variables(tera: &Tera, s: &Source, def: &TemplateDef) -> Result<(), TemplateError> {
    let vars = tera
        .get_template_variables(&s.slug)
        .map_err(|e| syntax_error(&s.origin, e))?;
    let mut vars: Vec<&str> = vars.into_iter().collect();
    vars.sort_unstable();
    for v in vars {
        if def.field(v).is_none() && !CONTEXT_VARIABLES.contains(&v) {
            return Err(TemplateError::UndeclaredVariable {
                path: s.origin.clone(),
                variable: v.to_string(),
                declared: def
                    .fields
                    .iter()
                    .map(|f| f.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
    }
    Ok(())
}

fn syntax_error(path: &str, e: tera::Error) -> TemplateError {
    match e.kind() {
        tera::ErrorKind::SyntaxError(report) => TemplateError::Syntax {
            path: path.to_string(),
            line: report.span().start_line,
            column: report.span().start_col + 1,
            message: report.message().to_string(),
        },
        _ => TemplateError::Definition {
            path: path.to_string(),
            message: tera_message(&e),
        },
    }
}

fn tera_message(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    msg
}

#[cfg(test)]
mod tests;
