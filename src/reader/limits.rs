//! Safety limits and the bounded zip reader (giới hạn an toàn): a .docx is a zip archive from
//! an unknown sender, so sizes are checked while inflating, never taken from the headers.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::ZipArchive;

use super::error::ReadError;

/// Most columns a table's grid may have (số cột tối đa của bảng): Word's own limit. A cell's
/// `w:gridSpan` is cut to it, and cells past it are joined into the last column on import,
/// so no table from an unknown file can make a grid of millions of columns.
pub const MAX_TABLE_COLUMNS: usize = 63;

/// Limits applied while reading a .docx (giới hạn khi đọc tệp .docx); `docs/limits.md` states
/// each bound with its message, time and memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted file (compressed), bytes.
    pub max_compressed: u64,
    /// Largest accepted uncompressed size of one part, bytes.
    pub max_part: u64,
    /// Largest accepted total uncompressed size of the parts read, bytes.
    pub max_total: u64,
    /// Most zip entries accepted.
    pub max_entries: usize,
    /// Deepest XML element nesting accepted.
    pub max_xml_depth: usize,
    /// Most body paragraphs accepted (số đoạn văn tối đa), tables included.
    pub max_paragraphs: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_compressed: 50 * 1024 * 1024,
            max_part: 64 * 1024 * 1024,
            max_total: 200 * 1024 * 1024,
            max_entries: 2000,
            max_xml_depth: 256,
            max_paragraphs: 100_000,
        }
    }
}

/// The signature of an OLE compound file (encrypted Office files, old .doc).
const OLE_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// A zip package opened with limits; parts are inflated on demand with streaming checks.
pub(crate) struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
    /// Entry names (exact, as stored) by lower-case name, for case-insensitive part lookup.
    names: HashMap<String, String>,
    total: u64,
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a zip package, checking the signature, the size and the entry count.
    pub(crate) fn open(bytes: &'a [u8], limits: &Limits) -> Result<Self, ReadError> {
        if bytes.is_empty() {
            return Err(ReadError::Empty);
        }
        if bytes.starts_with(&OLE_SIGNATURE[..4]) {
            return Err(ReadError::Encrypted);
        }
        if bytes.len() as u64 > limits.max_compressed {
            return Err(ReadError::TooLarge {
                what: "dung lượng tệp",
                limit: limits.max_compressed,
                actual: bytes.len() as u64,
            });
        }
        if !bytes.starts_with(b"PK") {
            return Err(ReadError::NotZip);
        }
        // The entry count from the end record, before the zip crate builds its index of every
        // entry (a central directory of a million entries would cost memory first).
        if let Some(declared) = declared_entries(bytes) {
            if declared > limits.max_entries {
                return Err(ReadError::TooLarge {
                    what: "số phần trong gói ZIP",
                    limit: limits.max_entries as u64,
                    actual: declared as u64,
                });
            }
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| zip_error(&e, bytes))?;
        if archive.len() > limits.max_entries {
            return Err(ReadError::TooLarge {
                what: "số phần trong gói ZIP",
                limit: limits.max_entries as u64,
                actual: archive.len() as u64,
            });
        }
        let names = archive
            .file_names()
            .map(|n| (n.to_ascii_lowercase(), n.to_string()))
            .collect();
        Ok(Self {
            archive,
            limits: *limits,
            names,
            total: 0,
        })
    }

    /// Whether an entry exists (case-insensitive, as OPC part names are).
    pub(crate) fn has(&self, name: &str) -> bool {
        self.names.contains_key(&name.to_ascii_lowercase())
    }

    /// All entry names as stored.
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.names.values().map(String::as_str)
    }

    /// Inflates one part, or `None` when it is absent. Stops as soon as a limit is passed.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ReadError> {
        let Some(stored) = self.names.get(&name.to_ascii_lowercase()).cloned() else {
            return Ok(None);
        };
        let mut file = match self.archive.by_name(&stored) {
            Ok(f) => f,
            Err(ZipError::UnsupportedArchive(m)) if m.contains("assword") => {
                return Err(ReadError::EncryptedEntry { part: stored });
            }
            Err(e) => {
                return Err(ReadError::Corrupt {
                    detail: format!("{stored}: {e}"),
                })
            }
        };
        if file.encrypted() {
            return Err(ReadError::EncryptedEntry { part: stored });
        }
        // The declared size is only a hint: reject early when it already says too much,
        // then count the bytes actually inflated.
        let remaining = self.limits.max_total.saturating_sub(self.total);
        let cap = self.limits.max_part.min(remaining);
        let declared = file.size();
        let limits = self.limits;
        let total = self.total;
        if declared > cap {
            return Err(too_large(&limits, total, declared, cap));
        }
        // Inflate at most one byte past the declared size: a header that lies is caught as
        // soon as the data runs past it, never after inflating up to the limit.
        let mut out = Vec::with_capacity(declared.min(16 << 20) as usize);
        let result = (&mut file).take(declared + 1).read_to_end(&mut out);
        drop(file);
        let read = result.map_err(|e| ReadError::Corrupt {
            detail: format!("{stored}: {e}"),
        })?;
        if read as u64 > declared {
            return Err(ReadError::Corrupt {
                detail: format!(
                    "{stored}: dữ liệu giải nén dài hơn kích thước khai báo ({declared} byte), có thể là bom ZIP"
                ),
            });
        }
        self.total += read as u64;
        Ok(Some(out))
    }
}

fn too_large(limits: &Limits, total: u64, actual: u64, cap: u64) -> ReadError {
    if cap < limits.max_part {
        ReadError::TooLarge {
            what: "tổng dung lượng giải nén",
            limit: limits.max_total,
            actual: total + actual,
        }
    } else {
        ReadError::TooLarge {
            what: "dung lượng giải nén của một phần",
            limit: limits.max_part,
            actual,
        }
    }
}

/// The total entry count of the end-of-central-directory record, if one is found in the last
/// 64 KiB (zip64 archives, which say 0xFFFF here, are left to the zip crate and the later check).
fn declared_entries(bytes: &[u8]) -> Option<usize> {
    const EOCD: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    let start = bytes.len().saturating_sub(22 + 0xFFFF);
    let tail = &bytes[start..];
    let at = tail.windows(4).rposition(|w| w == EOCD)?;
    let rec = tail.get(at..at + 22)?;
    let total = usize::from(u16::from_le_bytes([rec[10], rec[11]]));
    (total != 0xFFFF).then_some(total)
}

fn zip_error(e: &ZipError, bytes: &[u8]) -> ReadError {
    match e {
        ZipError::InvalidArchive(_) | ZipError::Io(_) => {
            // A local header at the start but no readable central directory: cut short.
            if bytes.starts_with(b"PK\x03\x04") {
                ReadError::Corrupt {
                    detail: format!("không đọc được mục lục gói ZIP ({e})"),
                }
            } else {
                ReadError::NotZip
            }
        }
        ZipError::UnsupportedArchive(m) if m.contains("assword") => ReadError::Encrypted,
        other => ReadError::Corrupt {
            detail: other.to_string(),
        },
    }
}
