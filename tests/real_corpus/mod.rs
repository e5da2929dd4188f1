//! The real corpus: .docx files offices wrote in Word (`tests/fixtures/real/`), and the facts
//! labelled by hand for each in its `manifest.toml`, read once for every test that uses them.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The folder of the real files.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

/// One real file and what a person read on its printed page.
#[derive(Debug, Deserialize)]
#[allow(dead_code)] // Each test reads the labels it needs.
pub struct Entry {
    /// File name in [`dir`].
    pub name: String,
    /// A văn bản hành chính (or Party document) rather than a form, a contract, a thesis.
    #[serde(default)]
    pub administrative: bool,
    /// Governed by NĐ 30 or HD 36 (false: a legal normative text, a court form).
    #[serde(default = "yes")]
    pub governed: bool,
    /// "state", "party", "joint" or "none".
    pub system: String,
    /// Issued before NĐ 30 came into force.
    pub pre_nd30: bool,
    /// Tên loại as printed.
    pub doc_type: String,
    /// Issuers as printed (superior and name joined by a space; bodies of a joint one by " + ").
    pub issuer: String,
    /// Số ký hiệu as printed.
    pub number: String,
    /// "YYYY-MM-DD" when day and month are printed, "" else.
    pub date: String,
    /// Trích yếu.
    #[serde(default)]
    pub subject: Option<String>,
    /// Signer names.
    #[serde(default)]
    pub signers: Option<Vec<String>>,
    /// How many Nơi nhận lines.
    #[serde(default)]
    pub recipients: Option<usize>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
struct Manifest {
    file: Vec<Entry>,
}

/// Every entry of the manifest, in its order.
pub fn entries() -> Vec<Entry> {
    let text = std::fs::read_to_string(dir().join("manifest.toml")).unwrap();
    toml::from_str::<Manifest>(&text).unwrap().file
}
