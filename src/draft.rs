//! The draft file (bản thảo): what a secretary fills in, saved as TOML by the CLI and the app.
//! A draft names a template and holds the header facts plus the template's form fields;
//! [`Draft::render`] turns it into a [`Document`]. The format is documented in
//! `docs/draft-format.md`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::markup::{self, MarkupError};
use crate::model::{
    text, DecisionWording, Document, IssueDate, Issuer, PlaceDate, Recipients, ReferenceNumber,
    Secrecy, Signer, System, Urgency,
};
use crate::template::{BodyContext, FieldKind, TemplateDef, TemplateError, Templates};

/// A draft file: template + header + form fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// Template slug (loại văn bản), e.g. "ke-hoach".
    pub template: String,
    /// Hệ thể thức: "state" (NĐ 30) or "party" (HD 36).
    pub system: System,
    /// Số: blank (absent) in a draft until the văn thư issues it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// Đơn vị soạn thảo for a state công văn's số ký hiệu ("UBND-VP").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The số carries the year of issue: "Số: 11/2018/QĐ-UBND", as a Quyết định or Nghị
    /// quyết that is a văn bản quy phạm pháp luật is numbered. State only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub number_with_year: bool,
    /// Địa danh.
    pub place: String,
    /// Ngày tháng năm ban hành (day and month may be left out).
    pub date: IssueDate,
    /// Mức độ khẩn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Urgency>,
    /// Độ mật.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secrecy: Option<Secrecy>,
    /// Trích yếu nội dung.
    pub subject: String,
    /// Kính gửi (công văn, tờ trình).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addressees: Vec<String>,
    /// Override of the template's "./." ending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing_mark: Option<bool>,
    /// The text attached to a decision (a template with `issued_by`): the office's words for
    /// the decision in the line under the title; other templates ignore it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<DecisionWording>,
    /// Cơ quan ban hành (one, or two for a joint document; the first is the lead).
    pub issuers: Vec<Issuer>,
    /// Form field values by name (see the template's `template.toml`).
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// Người ký: one; two for a joint document (one per body, the lead's first), or two or
    /// three of one body signing side by side (a Biên bản's chủ tọa first, then its thư ký,
    /// then a third such as the giảng viên chủ nhiệm; see [`TemplateDef::signer_roles`] and
    /// [`max_signers`]). The first signs on the right, the next ones leftwards.
    pub signers: Vec<Signer>,
    /// Nơi nhận.
    #[serde(default)]
    pub recipients: Recipients,
}

/// Most signers a draft of `template` issued by `issuers` bodies holds (số người ký tối đa):
/// one per body, so two for a joint document; for a type whose people of one body sign side
/// by side ([`TemplateDef::signer_roles`], a Biên bản) as many as the signature grid places
/// ([`crate::layout::MAX_SIGNERS_SIDE_BY_SIDE`]), whatever number of roles the template
/// starts a draft with: a draft names each signer's role in its `position`.
pub fn max_signers(template: &TemplateDef, issuers: usize) -> usize {
    if issuers <= 1 && !template.signer_roles.is_empty() {
        crate::layout::MAX_SIGNERS_SIDE_BY_SIDE
    } else {
        2
    }
}

/// Largest draft file Vanban reads, bytes (kích thước bản thảo tối đa): about 300 pages of text.
pub const MAX_DRAFT_BYTES: usize = 1024 * 1024;

/// Why a draft cannot be read or rendered. Each message names the place at fault.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    /// The TOML does not parse or does not fit the draft format.
    #[error("bản thảo không hợp lệ: {0}")]
    Syntax(String),
    /// A required value is missing or empty.
    #[error("thiếu `{field}` ({label}) trong bản thảo")]
    Missing {
        /// Path of the field, e.g. `fields.muc_dich` or `signers[0].name`.
        field: String,
        /// What it is, in Vietnamese.
        label: String,
    },
    /// A value is present but wrong.
    #[error("`{field}` không hợp lệ: {message}")]
    Invalid {
        /// Path of the field.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// A markup field has a markup error.
    #[error("`fields.{field}` ({label}), {source}")]
    Markup {
        /// Field name.
        field: String,
        /// Its label.
        label: String,
        /// The markup error, with the line within the field.
        #[source]
        source: MarkupError,
    },
    /// The template failed.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// The draft file is larger than [`MAX_DRAFT_BYTES`].
    #[error("bản thảo quá lớn: {actual} byte, tối đa {limit} byte")]
    TooLarge {
        /// The bound, bytes.
        limit: usize,
        /// The draft's size, bytes.
        actual: usize,
    },
}

/// Explains a TOML error in Vietnamese with its line and column.
pub fn toml_message(e: &toml::de::Error, source: &str) -> String {
    let msg = e.message();
    let translated = translate_serde(msg);
    match e.span() {
        Some(span) => {
            let (line, col) = line_col(source, span.start);
            format!("dòng {line}, cột {col}: {translated}")
        }
        None => translated,
    }
}

fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn translate_serde(msg: &str) -> String {
    let msg = msg.trim();
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return format!("thiếu trường bắt buộc {rest}");
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let name = rest.split(',').next().unwrap_or(rest);
        return format!("trường không được hỗ trợ {name}");
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let name = rest.split(',').next().unwrap_or(rest);
        return format!("giá trị không được hỗ trợ {name} ({rest})");
    }
    if msg.starts_with("invalid type") {
        return format!("sai kiểu dữ liệu ({msg})");
    }
    format!("lỗi cú pháp TOML ({msg})")
}

impl Draft {
    /// Reads a draft from TOML text (a leading BOM and CRLF line ends are accepted, so a
    /// draft saved by Windows Notepad reads the same as its LF twin).
    /// Drafts past [`MAX_DRAFT_BYTES`] are refused before parsing.
    pub fn from_toml(source: &str) -> Result<Self, DraftError> {
        if source.len() > MAX_DRAFT_BYTES {
            return Err(DraftError::TooLarge {
                limit: MAX_DRAFT_BYTES,
                actual: source.len(),
            });
        }
        let source = crate::model::text::source_text(source);
        toml::from_str(&source).map_err(|e| DraftError::Syntax(toml_message(&e, &source)))
    }

    /// Writes the draft as TOML text.
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_else(|e| format!("# lỗi ghi bản thảo: {e}\n"))
    }

    /// Whether this is a joint document of two bodies.
    pub fn is_joint(&self) -> bool {
        self.issuers.len() > 1
    }

    /// A starter draft for `template` in `system`: the form's defaults and placeholders in
    /// the header, to be edited. `joint` gives two issuers and two signers.
    pub fn starter(template: &TemplateDef, system: System, joint: bool, year: i32) -> Self {
        let (issuer, signer) = match system {
            System::State => (
                Issuer {
                    superior: Some("UBND TỈNH ...".into()),
                    name: "VĂN PHÒNG".into(),
                    abbr: "VP".into(),
                    system: None,
                },
                Signer {
                    authority: Some(crate::model::Authority::Kt),
                    on_behalf: Some("CHÁNH VĂN PHÒNG".into()),
                    stacked: Vec::new(),
                    position: "PHÓ CHÁNH VĂN PHÒNG".into(),
                    name: "Nguyễn Văn A".into(),
                },
            ),
            System::Party => (
                Issuer {
                    superior: Some("TỈNH ỦY ...".into()),
                    name: "BAN DÂN VẬN".into(),
                    abbr: "BDVTU".into(),
                    system: None,
                },
                Signer {
                    authority: Some(crate::model::Authority::Kt),
                    on_behalf: Some("TRƯỞNG BAN".into()),
                    stacked: Vec::new(),
                    position: "PHÓ TRƯỞNG BAN".into(),
                    name: "Nguyễn Văn A".into(),
                },
            ),
        };
        // A type that fixes its issuer and signer (Nghị định, Thông tư) starts with them.
        let declared = template.starter.as_ref();
        let (issuer, signer) = match declared {
            Some(st) => (st.issuers[0].clone(), st.signers[0].clone()),
            None => (issuer, signer),
        };
        let mut issuers = vec![issuer];
        let mut signers = vec![signer];
        if !joint && !template.signer_roles.is_empty() {
            // Two or three people of one body sign side by side (Biên bản: thư ký left, chủ
            // tọa right); the roles are listed left to right, the draft lists who presides
            // (the right-hand one) first.
            let names = ["Nguyễn Văn A", "Trần Văn B", "Lê Thị C"];
            signers = template
                .signer_roles
                .iter()
                .rev()
                .zip(names)
                .map(|(role, name)| Signer {
                    position: role.clone(),
                    name: name.into(),
                    ..Signer::default()
                })
                .collect();
        }
        // A type that fixes its issuers starts with them alone, joint or not: both bodies of a
        // Thông tư liên tịch, the Chính phủ of a Nghị định (never with a Party body).
        if let Some(st) = declared {
            issuers.extend(st.issuers.iter().skip(1).cloned());
            signers.extend(st.signers.iter().skip(1).cloned());
        } else if joint {
            issuers.push(Issuer {
                superior: None,
                name: "BAN CÁN SỰ ĐẢNG UBND TỈNH".into(),
                abbr: "BCSĐUBND".into(),
                system: Some(System::Party),
            });
            signers.push(Signer {
                authority: Some(crate::model::Authority::Tm),
                on_behalf: Some("BAN CÁN SỰ ĐẢNG".into()),
                stacked: Vec::new(),
                position: "BÍ THƯ".into(),
                name: "Trần Văn B".into(),
            });
        }
        let archive = match system {
            System::State => format!("{}, ...", crate::layout::ARCHIVE_OFFICE),
            System::Party => "Văn phòng ...".to_string(),
        };
        // The text attached to a decision starts as Mẫu 1.3 prints it: unsigned and without
        // Nơi nhận (the decision carries both); a signature may be added.
        let attached = template.issued_by.is_some();
        if attached {
            signers.clear();
        }
        Draft {
            template: template.slug.clone(),
            system,
            number: None,
            // A state công văn's số ký hiệu names the drafting unit ("Số: …/VP-TH", PL1 II.3.b);
            // without one it would read "Số: …/VP", which is not a valid form.
            unit: (system == System::State
                && template.doc_type.abbreviation(System::State) == Some(""))
            .then(|| "TH".into()),
            number_with_year: template.number_with_year,
            place: "...".into(),
            date: IssueDate {
                day: None,
                month: None,
                year,
            },
            urgency: template.urgency,
            secrecy: None,
            subject: if template.doc_type.no_subject {
                String::new()
            } else {
                "...".into()
            },
            addressees: Vec::new(),
            closing_mark: None,
            decision: None,
            issuers,
            fields: template
                .fields
                .iter()
                .map(|f| (f.name.clone(), f.default.clone()))
                .collect(),
            signers,
            recipients: if attached {
                Recipients::default()
            } else {
                Recipients {
                    electronic: false,
                    // "- Như trên;" names the Kính gửi addressees: a starter has none yet, so
                    // it offers a placeholder recipient instead.
                    items: vec!["...".into()],
                    archive,
                }
            },
        }
    }

    /// Renders the draft into a [`Document`] with `templates`: checks what is required,
    /// renders the body template and parses its markup.
    pub fn render(&self, templates: &Templates) -> Result<Document, DraftError> {
        let def = templates.get(&self.template)?;
        self.check_header(def)?;
        let mut fields = BTreeMap::new();
        for f in &def.fields {
            let value = text::nfc(
                self.fields
                    .get(&f.name)
                    .map(String::as_str)
                    .unwrap_or_default(),
            );
            if f.required && value.trim().is_empty() {
                return Err(DraftError::Missing {
                    field: format!("fields.{}", f.name),
                    label: f.label.clone(),
                });
            }
            if f.kind == FieldKind::Markup {
                markup::parse(&value).map_err(|source| DraftError::Markup {
                    field: f.name.clone(),
                    label: f.label.clone(),
                    source,
                })?;
            }
            fields.insert(f.name.clone(), value);
        }
        if let Some(unknown) = self.fields.keys().find(|k| def.field(k).is_none()) {
            return Err(DraftError::Invalid {
                field: format!("fields.{unknown}"),
                message: format!(
                    "mẫu \"{}\" không có trường này (các trường: {})",
                    def.slug,
                    def.fields
                        .iter()
                        .map(|f| f.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
        let lead = &self.issuers[0];
        let ctx = BodyContext {
            fields,
            loai: def.doc_type.name.clone(),
            he_thong: match self.system {
                System::State => "state".into(),
                System::Party => "party".into(),
            },
            co_quan: lead.name.clone(),
            co_quan_viet_tat: lead.abbr.clone(),
            dia_danh: self.place.clone(),
            nam: self.date.year,
            ngay: self.date.phrase(),
            trich_yeu: self.subject.clone(),
        };
        let body_markup = templates.render_body(&def.slug, &ctx)?;
        let body = markup::parse(&body_markup).map_err(|e| {
            DraftError::Template(TemplateError::Render {
                path: format!("templates/{}/body.tera", def.slug),
                message: format!("nội dung do mẫu tạo ra có lỗi ở {e}"),
            })
        })?;
        // The text attached to a decision has no số of its own, so its type needs no
        // abbreviation (an Điều lệ has none in NĐ 30); the systems it is offered for are
        // those of its template.
        let of_system = match &def.issued_by {
            Some(_) => def.systems.contains(&self.system),
            None => def.doc_type.abbreviation(self.system).is_some(),
        };
        if !of_system {
            return Err(DraftError::Invalid {
                field: "system".into(),
                message: format!(
                    "loại \"{}\" không dùng cho {}",
                    def.doc_type.name,
                    self.system.label()
                ),
            });
        }
        Ok(Document {
            doc_type: def.doc_type.clone(),
            system: self.system,
            issuers: self.issuers.iter().map(nfc_issuer).collect(),
            number: ReferenceNumber {
                number: self.number,
                unit: self.unit.clone(),
                year: self.number_with_year.then_some(self.date.year),
            },
            place_date: PlaceDate {
                place: text::nfc(self.place.trim()),
                date: self.date,
            },
            urgency: self.urgency,
            secrecy: self.secrecy,
            subject: text::squash_spaces(&text::nfc(&self.subject)),
            addressees: self
                .addressees
                .iter()
                .map(|a| text::nfc(a.trim()))
                .collect(),
            body,
            closing_mark: self.closing_mark.unwrap_or(def.closing_mark),
            signers: self.signers.iter().map(nfc_signer).collect(),
            recipients: Recipients {
                electronic: self.recipients.electronic,
                items: self.recipients.items.iter().map(|i| text::nfc(i)).collect(),
                archive: text::nfc(&self.recipients.archive),
            },
            issued_by: def.issued_by.clone(),
            decision: def
                .issued_by
                .as_ref()
                .and(self.decision.as_ref())
                .map(|w| w.nfc()),
        })
    }

    fn check_header(&self, def: &TemplateDef) -> Result<(), DraftError> {
        let missing = |field: &str, label: &str| DraftError::Missing {
            field: field.into(),
            label: label.into(),
        };
        if self.issuers.is_empty() {
            return Err(missing("issuers", "cơ quan ban hành"));
        }
        if self.issuers.len() > 2 {
            return Err(DraftError::Invalid {
                field: "issuers".into(),
                message: "văn bản liên tịch có tối đa hai cơ quan ban hành".into(),
            });
        }
        for (i, issuer) in self.issuers.iter().enumerate() {
            if issuer.name.trim().is_empty() {
                return Err(missing(
                    &format!("issuers[{i}].name"),
                    "tên cơ quan ban hành",
                ));
            }
            if issuer.abbr.trim().is_empty() {
                return Err(missing(
                    &format!("issuers[{i}].abbr"),
                    "chữ viết tắt tên cơ quan trong số ký hiệu",
                ));
            }
        }
        if self.number_with_year && self.system == System::Party {
            return Err(DraftError::Invalid {
                field: "number_with_year".into(),
                message: "số có năm (\"Số: 11/2018/QĐ-UBND\") là dạng của văn bản quy phạm \
                          pháp luật nhà nước; văn bản của Đảng ghi \"Số 05-QĐ/TU\""
                    .into(),
            });
        }
        if self.place.trim().is_empty() {
            return Err(missing("place", "địa danh"));
        }
        self.date.validate().map_err(|e| DraftError::Invalid {
            field: "date".into(),
            message: e.to_string(),
        })?;
        // A công văn may go without a "V/v" line; a Giấy giới thiệu or Giấy nghỉ phép has no
        // trích yếu at all (Mẫu 1.8, 1.10).
        if self.subject.trim().is_empty() && !def.doc_type.is_cong_van() && !def.doc_type.no_subject
        {
            return Err(missing("subject", "trích yếu nội dung"));
        }
        // The text attached to a decision may go unsigned (Mẫu 1.3): the decision is signed.
        if self.signers.is_empty() && def.issued_by.is_none() {
            return Err(missing("signers", "người ký"));
        }
        let most = max_signers(def, self.issuers.len());
        if self.signers.len() > most {
            return Err(DraftError::Invalid {
                field: "signers".into(),
                message: if most == 2 {
                    "tối đa hai người ký (một người mỗi cơ quan của văn bản liên tịch; ba người \
                     ký cạnh nhau chỉ ở loại văn bản như biên bản)"
                        .into()
                } else {
                    format!("tối đa {most} người ký cạnh nhau")
                },
            });
        }
        for (i, s) in self.signers.iter().enumerate() {
            if s.position.trim().is_empty() {
                return Err(missing(
                    &format!("signers[{i}].position"),
                    "chức vụ người ký",
                ));
            }
            if s.name.trim().is_empty() {
                return Err(missing(&format!("signers[{i}].name"), "họ tên người ký"));
            }
            if !s.stacked.is_empty()
                && (s.on_behalf.as_deref().is_none_or(|o| o.trim().is_empty())
                    || s.authority.is_none_or(|a| a == crate::model::Authority::Q))
            {
                return Err(DraftError::Invalid {
                    field: format!("signers[{i}].stacked"),
                    message: "quyền hạn ký xếp chồng (như \"KT. CHỦ TỊCH\") đứng dưới một dòng \
                              quyền hạn đầu có đủ dấu và chức danh (như \"TM. ỦY BAN NHÂN DÂN\"): \
                              điền authority và on_behalf"
                        .into(),
                });
            }
            if let Some(j) = s.stacked.iter().position(|l| l.on_behalf.trim().is_empty()) {
                return Err(missing(
                    &format!("signers[{i}].stacked[{j}].on_behalf"),
                    "chức danh sau dấu quyền hạn (như \"CHỦ TỊCH\" sau \"KT.\")",
                ));
            }
        }
        // An attached text has no Nơi nhận of its own unless the office gives it one.
        let has_recipients = def.issued_by.is_none() || !self.recipients.items.is_empty();
        if has_recipients && self.recipients.archive.trim().is_empty() {
            return Err(missing(
                "recipients.archive",
                "nơi lưu (dòng \"Lưu\" của Nơi nhận)",
            ));
        }
        Ok(())
    }
}

fn nfc_issuer(i: &Issuer) -> Issuer {
    Issuer {
        superior: i
            .superior
            .as_deref()
            .map(|s| text::squash_spaces(&text::nfc(s)))
            .filter(|s| !s.is_empty()),
        name: text::squash_spaces(&text::nfc(&i.name)),
        abbr: text::nfc(i.abbr.trim()),
        system: i.system,
    }
}

fn nfc_signer(s: &Signer) -> Signer {
    Signer {
        authority: s.authority,
        on_behalf: s
            .on_behalf
            .as_deref()
            .map(|o| text::squash_spaces(&text::nfc(o))),
        stacked: s
            .stacked
            .iter()
            .map(|l| crate::model::AuthorityLine {
                authority: l.authority,
                on_behalf: text::squash_spaces(&text::nfc(&l.on_behalf)),
            })
            .collect(),
        position: text::squash_spaces(&text::nfc(&s.position)),
        name: text::squash_spaces(&text::nfc(&s.name)),
    }
}

#[cfg(test)]
mod tests;
