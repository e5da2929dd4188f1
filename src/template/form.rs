//! The form of a document type (biểu mẫu): the fields a template asks for, as data read from
//! `templates/<loại>/template.toml`.

use serde::{Deserialize, Serialize};

use crate::layout::DocType;
use crate::model::{Issuer, Signer, System, Urgency};

/// What kind of input a form field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of plain text.
    Line,
    /// Several lines of body markup (sections, items, bold, footnotes...).
    Markup,
}

/// One field of a template's form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FormField {
    /// Variable name used in `body.tera` and in the draft's `[fields]` table.
    pub name: String,
    /// Nhãn shown to the user (Vietnamese).
    pub label: String,
    /// Gợi ý: a hint under the input.
    #[serde(default)]
    pub hint: String,
    /// Input kind.
    #[serde(default = "default_kind")]
    pub kind: FieldKind,
    /// Bắt buộc: must be filled before the document can be rendered.
    #[serde(default)]
    pub required: bool,
    /// Giá trị mặc định offered in a new draft.
    #[serde(default)]
    pub default: String,
}

fn default_kind() -> FieldKind {
    FieldKind::Markup
}

/// Where the document type of a template comes from: the built-in table, or declared inline.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub(crate) enum TypeRef {
    /// A slug of the built-in table, e.g. "ke-hoach".
    Slug(String),
    /// A type declared by the template itself.
    Inline(DocType),
}

/// `template.toml` as written on disk.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TemplateFile {
    #[serde(rename = "type")]
    pub(crate) doc_type: TypeRef,
    pub(crate) label: Option<String>,
    #[serde(default)]
    pub(crate) description: String,
    #[serde(default = "default_systems")]
    pub(crate) systems: Vec<System>,
    #[serde(default = "default_true")]
    pub(crate) closing_mark: bool,
    #[serde(default)]
    pub(crate) urgency: Option<Urgency>,
    #[serde(default)]
    pub(crate) signer_roles: Vec<String>,
    #[serde(default)]
    pub(crate) issued_by: Option<String>,
    #[serde(default)]
    pub(crate) number_with_year: bool,
    #[serde(default)]
    pub(crate) starter: Option<Starter>,
    #[serde(default)]
    pub(crate) fields: Vec<FormField>,
}

/// Who issues and signs a new draft of a type whose kind fixes them (người ban hành, người
/// ký mặc định): a Nghị định is issued by the Chính phủ and signed "TM. CHÍNH PHỦ / THỦ
/// TƯỚNG", a Thông tư by a Bộ and its Bộ trưởng, a Thông tư liên tịch by two Bộ side by side.
/// A type without one starts with the generic office and signer of [`crate::draft::Draft::starter`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Starter {
    /// The issuing bodies, lead body first; two for a joint form.
    #[serde(default)]
    pub issuers: Vec<Issuer>,
    /// One signature block per issuing body, in the order of `issuers`.
    #[serde(default)]
    pub signers: Vec<Signer>,
}

fn default_systems() -> Vec<System> {
    vec![System::State, System::Party]
}

fn default_true() -> bool {
    true
}

/// A document type's template: its form and the Tera template that lays out the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TemplateDef {
    /// Folder name under `templates/`, e.g. "ke-hoach".
    pub slug: String,
    /// Name shown to the user, e.g. "Kế hoạch".
    pub label: String,
    /// One sentence on when to use it.
    pub description: String,
    /// The document type it produces.
    pub doc_type: DocType,
    /// Systems the template is offered for.
    pub systems: Vec<System>,
    /// Whether the body ends with "./.".
    pub closing_mark: bool,
    /// Mức độ khẩn a new draft of this type starts with (công điện: KHẨN); the user may change it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Urgency>,
    /// Chức danh of the two or three people of one body who sign side by side, left to right
    /// as on paper: a Biên bản is signed by the thư ký (left) and the chủ tọa (right), NĐ 30
    /// Phụ lục III Mẫu 1.9. Empty for a type signed by one person per issuing body. A new
    /// draft starts with one signer per role, the right-hand one (who presides) first, as the
    /// lead body of a joint document is (see [`crate::model::Document::signers`]); a draft of
    /// such a type may add a signer up to [`crate::layout::MAX_SIGNERS_SIDE_BY_SIDE`], naming
    /// the role in its position (a class's "GIẢNG VIÊN CHỦ NHIỆM", left of the thư ký).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signer_roles: Vec<String>,
    /// Văn bản ban hành kèm theo: the type of the document that issues this one when it is
    /// drafted on its own, as the text attached to its decision (NĐ 30 Phụ lục III, Mẫu 1.3: a
    /// Quy chế, Quy định or Điều lệ "ban hành kèm theo Quyết định"). Such a document prints no
    /// số and no date of its own: the draft's number, date and issuer are the decision's,
    /// cited in the "(Ban hành kèm theo Quyết định số … ngày … của …)" line under its trích
    /// yếu; its signature and Nơi nhận are optional. `None` for every other template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_by: Option<DocType>,
    /// Whether the số carries the year of issue, as a văn bản quy phạm pháp luật's does
    /// ("Số: 12/2025/TT-BTC"); a new draft starts with it (core only, not sent to the UI).
    #[serde(skip)]
    pub number_with_year: bool,
    /// The issuers and signers a new draft starts with, when the type fixes them (core only).
    #[serde(skip)]
    pub starter: Option<Starter>,
    /// The form fields, in display order.
    pub fields: Vec<FormField>,
}

impl TemplateDef {
    /// Looks up a form field by name.
    pub fn field(&self, name: &str) -> Option<&FormField> {
        self.fields.iter().find(|f| f.name == name)
    }
}
