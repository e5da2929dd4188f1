//! Typed errors of the reader and the patcher, with messages in Vietnamese for the user.

use thiserror::Error;

/// Why a .docx could not be read (lỗi đọc tệp .docx).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReadError {
    /// The file is empty.
    #[error("Tệp rỗng (0 byte), không phải tệp .docx.")]
    Empty,
    /// An OLE compound file: a password-protected (encrypted) Office file, or an old .doc.
    #[error("Tệp được mã hoá bằng mật khẩu hoặc là tệp Word cũ (.doc), không đọc được. Hãy gỡ mật khẩu hoặc lưu lại dưới dạng .docx rồi thử lại.")]
    Encrypted,
    /// Not a zip archive at all.
    #[error("Tệp không phải là tệp .docx (không phải gói ZIP của Office Open XML).")]
    NotZip,
    /// The zip archive is cut short or damaged.
    #[error("Tệp .docx bị hỏng hoặc bị cắt cụt: {detail}")]
    Corrupt {
        /// What the zip reader saw.
        detail: String,
    },
    /// A zip archive that lacks the parts every .docx has.
    #[error("Tệp không phải là văn bản Word (.docx): thiếu phần {part}.")]
    NotDocx {
        /// The missing part, e.g. "word/document.xml".
        part: String,
    },
    /// An entry is encrypted with a zip password.
    #[error("Phần {part} trong tệp được mã hoá, không đọc được.")]
    EncryptedEntry {
        /// The entry name.
        part: String,
    },
    /// A limit was exceeded (zip bomb, too many entries, too big a file).
    #[error("Tệp vượt quá giới hạn an toàn: {what} ({actual} > {limit}).")]
    TooLarge {
        /// Which limit, in Vietnamese.
        what: &'static str,
        /// The limit.
        limit: u64,
        /// The size seen (at least; reading stops at the limit).
        actual: u64,
    },
    /// A part is not well-formed XML, declares a DTD (entity bomb), or nests too deep.
    #[error("Phần {part} có XML không hợp lệ: {detail}")]
    Xml {
        /// The part, e.g. "word/document.xml".
        part: String,
        /// What is wrong.
        detail: String,
    },
}

/// Why edits could not be applied to a .docx (lỗi sửa tệp .docx).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PatchError {
    /// The input could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The document carries a digital signature: changing it would break the signature.
    #[error("Văn bản đã được ký số: không được sửa tự động (sửa sẽ làm mất hiệu lực chữ ký).")]
    Signed,
    /// The document is protected against editing.
    #[error("Văn bản đang được bảo vệ chống chỉnh sửa: không sửa tự động.")]
    Protected,
    /// An edit names a paragraph that does not exist.
    #[error("Không có đoạn văn số {index} (văn bản có {count} đoạn).")]
    NoSuchParagraph {
        /// The index asked for.
        index: usize,
        /// How many paragraphs the body has.
        count: usize,
    },
    /// An edit names a section that does not exist.
    #[error("Không có mục (section) số {index} (văn bản có {count} mục).")]
    NoSuchSection {
        /// The index asked for.
        index: usize,
        /// How many sections the body has.
        count: usize,
    },
    /// The text to replace is not in the paragraph (the document changed since it was checked).
    #[error("Không tìm thấy \"{find}\" trong đoạn văn số {paragraph}.")]
    TextNotFound {
        /// Paragraph index.
        paragraph: usize,
        /// The text looked for.
        find: String,
    },
    /// An edit that makes no sense (e.g. an empty search text).
    #[error("Yêu cầu sửa không hợp lệ: {0}")]
    InvalidEdit(String),
    /// Writing the new package failed.
    #[error("Không ghi được tệp .docx mới: {0}")]
    Write(String),
}
