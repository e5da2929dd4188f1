//! Scope decision (phạm vi áp dụng): before the rules run on a .docx, decide whether the
//! rule set applies to it at all. A file that is not an administrative document (a contract,
//! a CV, an application form, a thesis) and a document signed before the rule set took
//! effect are reported as outside the rule set, with the reason, and judged by no rule.
//!
//! Only the recognised elements of the [`View`] are used: the issuing body (cơ quan ban
//! hành), the số ký hiệu, the national title and the date line (địa danh, ngày).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::registry::RuleSet;
use super::rules::{is_upper, parse_date, parse_number, upper_key};
use super::view::View;

/// Whether the rule set applies to a document (trạng thái phạm vi).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopeStatus {
    /// Trong phạm vi: the rules were run.
    InScope,
    /// Không phải văn bản hành chính: neither an issuing body nor a số ký hiệu.
    NotAdministrative,
    /// Ban hành trước ngày bộ quy tắc có hiệu lực.
    BeforeRuleset,
}

/// The scope decision reported with a check (phạm vi áp dụng).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scope {
    /// The decision.
    pub status: ScopeStatus,
    /// Why, in Vietnamese; absent for a plain in-scope document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The rules that applied instead (văn bản áp dụng khi đó), for `before_ruleset`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applies: Option<String>,
}

impl Default for Scope {
    fn default() -> Self {
        Scope::in_scope()
    }
}

impl Scope {
    /// In scope, nothing to say.
    pub fn in_scope() -> Self {
        Scope {
            status: ScopeStatus::InScope,
            reason: None,
            applies: None,
        }
    }

    /// Whether the rules run on the document.
    pub fn is_in_scope(&self) -> bool {
        self.status == ScopeStatus::InScope
    }

    /// Vietnamese label of the status, for tables.
    pub fn label(&self) -> &'static str {
        match self.status {
            ScopeStatus::InScope => "trong phạm vi",
            ScopeStatus::NotAdministrative => "không phải VBHC",
            ScopeStatus::BeforeRuleset => "trước bộ quy tắc",
        }
    }
}

/// The heading of a not-administrative report.
pub const NOT_ADMINISTRATIVE: &str = "Không phải văn bản hành chính theo NĐ 30 / HD 36";

/// Titles of documents that carry a quốc hiệu but are not issued by a body: applications
/// (đơn), contracts, CVs, pledges, declarations, theses. Compared as NFC upper case, as the
/// whole line or its first words.
const FORM_TITLES: [&str; 17] = [
    "ĐƠN",
    "HỢP ĐỒNG",
    "SƠ YẾU LÝ LỊCH",
    "LÝ LỊCH",
    "BẢN LÝ LỊCH",
    "GIẤY CAM KẾT",
    "BẢN CAM KẾT",
    "CAM KẾT",
    "TỜ KHAI",
    "BẢN KHAI",
    "BẢN TỰ KIỂM ĐIỂM",
    "GIẤY XÁC NHẬN",
    "BẢN XÁC NHẬN",
    "LUẬN VĂN",
    "LUẬN ÁN",
    "KHÓA LUẬN",
    "ĐỒ ÁN",
];

/// Whether a line is the title of a form, contract or CV ("ĐƠN XIN NGHỈ PHÉP",
/// "HỢP ĐỒNG LAO ĐỘNG").
pub fn is_form_title(text: &str) -> bool {
    let k = upper_key(text.trim());
    is_upper(text)
        && !k.starts_with("ĐƠN VỊ")
        && FORM_TITLES
            .iter()
            .any(|w| k == *w || k.strip_prefix(w).is_some_and(|r| r.starts_with(' ')))
}

/// The issue date as far as the document fills it in (ngày ban hành): the year always, the
/// month and day when written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssueDay {
    /// Năm.
    pub year: i32,
    /// Tháng, if filled in.
    pub month: Option<u32>,
    /// Ngày, if filled in.
    pub day: Option<u32>,
}

impl IssueDay {
    /// Whether the document was certainly issued before `from`. A date known only by its
    /// year (a draft's blanks "ngày … tháng … năm 2019") is before only when the year is.
    pub fn is_before(&self, from: NaiveDate) -> bool {
        match (self.month, self.day) {
            (Some(m), Some(d)) => match NaiveDate::from_ymd_opt(self.year, m, d) {
                Some(date) => date < from,
                None => (self.year, m) < (from.year(), from.month()),
            },
            (Some(m), None) => (self.year, m) < (from.year(), from.month()),
            _ => self.year < from.year(),
        }
    }
}

/// Parses the date line: "Hà Nội, ngày 05 tháng 3 năm 2019", its blank form "ngày    tháng
/// năm 2019", or the numeric "Hà Nội, ngày 05/3/2019".
pub fn parse_issue_day(text: &str) -> Option<IssueDay> {
    let num = |s: &str| s.parse::<u32>().ok().filter(|&v| v > 0);
    if let Some(d) = parse_date(text) {
        return Some(IssueDay {
            year: d.year,
            month: num(&d.month).filter(|&m| m <= 12),
            day: num(&d.day).filter(|&d| d <= 31),
        });
    }
    let (_, rest) = text.trim().split_once(',')?;
    let rest = rest.trim();
    let rest = rest.strip_prefix("ngày").unwrap_or(rest).trim();
    let rest = rest.trim_end_matches('.');
    let parts: Vec<&str> = rest.split(['/', '-', '.']).collect();
    match parts.as_slice() {
        [d, m, y] if y.len() == 4 => Some(IssueDay {
            year: y.parse().ok()?,
            month: Some(num(m).filter(|&m| m <= 12)?),
            day: Some(num(d).filter(|&d| d <= 31)?),
        }),
        _ => None,
    }
}

/// The recognised issue date of the document, if its date line is found and has a year.
/// Without a date line, a date set on the số's line after a tab or a run of spaces ("Số:
/// 213/TB-ĐTII⇥   TP. HCM, ngày 10 tháng 4 năm 2012") is read.
pub fn issue_day(view: &View) -> Option<IssueDay> {
    let Some(i) = view.parts.dia_danh_ngay else {
        let so = view.parts.so_ky_hieu?;
        return view
            .para(so)
            .text
            .split(['\t', '\u{a0}'])
            .flat_map(|piece| piece.split("   "))
            .find_map(|piece| parse_issue_day(piece.trim()));
    };
    parse_issue_day(&view.para(i).text)
}

/// A date as Vietnamese documents write it: day with two digits, months 1 and 2 with two
/// ("05/3/2020", "03/02/2018").
fn vn_date(d: NaiveDate) -> String {
    let m = if d.month() < 3 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    format!("{:02}/{m}/{}", d.day(), d.year())
}

/// Legal normative documents (văn bản quy phạm pháp luật): their layout follows the law on
/// promulgating legal documents, not NĐ 30 Phụ lục I (NĐ 30, Điều 1 khoản 2). Compared as
/// the whole title line.
const LEGAL_NORMATIVE_TITLES: [&str; 6] = [
    "NGHỊ ĐỊNH",
    "THÔNG TƯ",
    "THÔNG TƯ LIÊN TỊCH",
    "LUẬT",
    "PHÁP LỆNH",
    "NGHỊ QUYẾT LIÊN TỊCH",
];

/// Internal slips that carry an office header but are none of the 29 types of NĐ 30 Điều 7:
/// a phiếu trình routing a file to the leader, a ballot among members, a summary of opinions.
/// Compared as the start of the title line.
const INTERNAL_SLIP_TITLES: [&str; 5] = [
    "PHIẾU TRÌNH",
    "PHIẾU GHI Ý KIẾN",
    "PHIẾU XIN Ý KIẾN",
    "PHIẾU LẤY Ý KIẾN",
    "TỔNG HỢP Ý KIẾN",
];

/// The kind of document its title names when NĐ 30 does not govern that kind: the first
/// capitals line after the header (a few lines down), as printed.
fn ungoverned_title(view: &View) -> Option<String> {
    let parts = &view.parts;
    // The header ends at the national title, or at the số and date just under it (a form's
    // own date line near its signature is further down and does not count).
    let national = [parts.tieu_ngu, parts.quoc_hieu, parts.dang]
        .into_iter()
        .flatten()
        .max()?;
    let after = [parts.so_ky_hieu, parts.dia_danh_ngay]
        .into_iter()
        .flatten()
        .filter(|&i| i <= national + 6)
        .fold(national, usize::max);
    let paras = &view.paras;
    // The first capitals line, past a "DỰ THẢO" mark set above the title.
    let title = (after + 1..paras.len().min(after + 6))
        .map(|i| paras[i].text.trim())
        .filter(|t| t.chars().any(char::is_alphabetic) && is_upper(t))
        .find(|t| !upper_key(t).starts_with("DỰ THẢO"))?;
    if let Some(why) = legal_normative(title) {
        return Some(why);
    }
    let k = upper_key(title);
    INTERNAL_SLIP_TITLES
        .iter()
        .find(|w| k == **w || k.strip_prefix(**w).is_some_and(|r| r.starts_with(' ')))
        .map(|_| {
            format!(
                "«{title}» là phiếu nội bộ, không thuộc 29 loại văn bản hành chính của NĐ 30 \
                 (Điều 7)"
            )
        })
}

/// Why a document titled `title` (its tên loại, in any case) is outside NĐ 30 as a văn bản
/// quy phạm pháp luật, or `None` for any other title.
fn legal_normative(title: &str) -> Option<String> {
    let k = upper_key(title);
    LEGAL_NORMATIVE_TITLES.contains(&k.as_str()).then(|| {
        format!(
            "«{}» là văn bản quy phạm pháp luật: thể thức theo Luật Ban hành văn bản quy \
             phạm pháp luật và văn bản hướng dẫn, không theo NĐ 30/2020/NĐ-CP (Điều 1 khoản 2)",
            title.trim()
        )
    })
}

/// Decides whether `set` applies to a draft of the type named `type_name` (a draft's
/// tên loại, "Thông tư"): a văn bản quy phạm pháp luật Vanban drafts (Nghị định, Thông tư)
/// is outside the rule set as the same document read from a .docx is; `forced` (a rule set
/// chosen with `--ruleset`) runs the rules anyway and says so.
pub fn for_draft(type_name: &str, set: &RuleSet, forced: bool) -> Scope {
    let Some(why) = legal_normative(&crate::model::text::upper(type_name)) else {
        return Scope::in_scope();
    };
    let reason = format!("{NOT_ADMINISTRATIVE}: {why}.");
    if forced {
        return Scope {
            status: ScopeStatus::InScope,
            reason: Some(format!(
                "Vẫn kiểm tra theo bộ quy tắc {} đã chọn (--ruleset), dù: {reason}",
                set.id
            )),
            applies: None,
        };
    }
    Scope {
        status: ScopeStatus::NotAdministrative,
        reason: Some(reason),
        applies: None,
    }
}

/// Tiêu đề of the Hồ Chí Minh Communist Youth Union and Young Pioneers, set where a state
/// document has its quốc hiệu and a Party one "ĐẢNG CỘNG SẢN VIỆT NAM". Their documents
/// follow the Central Youth Union's own guidance ("***" under the body, "Số: 12-NX/ĐTN"),
/// neither NĐ 30 nor HD 36. Compared as the whole line.
const YOUTH_UNION_TITLES: [&str; 3] = [
    "ĐOÀN TNCS HỒ CHÍ MINH",
    "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH",
    "ĐỘI THIẾU NIÊN TIỀN PHONG HỒ CHÍ MINH",
];

/// How many paragraphs from the top the header's tiêu đề is looked for.
const HEADER_SPAN: usize = 12;

/// The Đoàn's or Đội's tiêu đề at the head of a document with neither a quốc hiệu nor the
/// Party's title, as printed ("ĐOÀN TNCS HỒ CHÍ MINH").
pub fn youth_union_title(view: &View) -> Option<&str> {
    if view.parts.quoc_hieu.is_some() || view.parts.dang.is_some() {
        return None;
    }
    view.paras
        .iter()
        .take(HEADER_SPAN)
        .map(|p| p.text.trim())
        .find(|t| {
            let k = upper_key(t);
            YOUTH_UNION_TITLES.iter().any(|w| upper_key(w) == k)
        })
}

/// Why the document is not an administrative document, or `None` when it may be one.
fn not_administrative(view: &View) -> Option<String> {
    if let Some(why) = ungoverned_title(view) {
        return Some(why);
    }
    if let Some(title) = youth_union_title(view) {
        return Some(format!(
            "văn bản của Đoàn, Đội (tiêu đề «{title}»): thể thức theo hướng dẫn riêng của \
             Trung ương Đoàn TNCS Hồ Chí Minh, không theo NĐ 30/2020/NĐ-CP hay HD 36-HD/VPTW"
        ));
    }
    let parts = &view.parts;
    let paras = &view.paras;
    // The national title written as plain paragraphs (a form's layout): the issuing body
    // stands left of or above it, never under it.
    let national = [parts.quoc_hieu, parts.tieu_ngu, parts.dang]
        .into_iter()
        .flatten()
        .filter(|&i| paras[i].cell.is_none())
        .max();
    let under_national = |i: usize| paras[i].cell.is_none() && national.is_some_and(|q| i > q);
    let title = national.and_then(|q| {
        (q + 1..paras.len().min(q + 8))
            .find(|&i| paras[i].cell.is_none() && is_form_title(&paras[i].text))
    });
    let issuer = parts
        .ban_hanh
        .iter()
        .any(|&i| !(under_national(i) && is_form_title(&paras[i].text)));
    // A số ký hiệu: "Số: 12/QĐ-UBND", "Số 415-KH/TU", or blank "Số:    /UBND-VP". The number
    // of a contract under its title ("Số: 05/2023/HĐLĐ") is the contract's.
    let number = parts.so_ky_hieu.filter(|&i| {
        let under_title = title.is_some_and(|t| i > t);
        parse_number(&paras[i].text)
            .is_some_and(|n| n.symbol.chars().next().is_some_and(char::is_alphabetic))
            && !under_title
    });
    let header = parts.quoc_hieu.is_some() || parts.dang.is_some();
    let quoted = title.map(|t| format!(" (tiêu đề «{}»)", paras[t].text.trim()));
    if !issuer && number.is_none() {
        return Some(format!(
            "không nhận ra tên cơ quan ban hành và số, ký hiệu{}",
            quoted.unwrap_or_default()
        ));
    }
    if !header && number.is_none() {
        return Some(
            "không có quốc hiệu, tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM» hay số, ký hiệu".to_string(),
        );
    }
    None
}

/// Decides whether `set` applies to the document of `view`. `forced` (a rule set chosen
/// explicitly with `--ruleset`) runs the rules anyway and says so in the reason.
pub fn decide(view: &View, set: &RuleSet, forced: bool) -> Scope {
    let out = if let Some(why) = not_administrative(view) {
        Scope {
            status: ScopeStatus::NotAdministrative,
            reason: Some(format!("{NOT_ADMINISTRATIVE}: {why}.")),
            applies: None,
        }
    } else {
        match before_ruleset(view, set) {
            Some(s) => s,
            None => return Scope::in_scope(),
        }
    };
    if forced {
        return Scope {
            status: ScopeStatus::InScope,
            reason: out.reason.map(|r| {
                format!(
                    "Vẫn kiểm tra theo bộ quy tắc {} đã chọn (--ruleset), dù: {r}",
                    set.id
                )
            }),
            applies: None,
        };
    }
    out
}

fn before_ruleset(view: &View, set: &RuleSet) -> Option<Scope> {
    let from = NaiveDate::parse_from_str(&set.effective_from, "%Y-%m-%d").ok()?;
    let day = issue_day(view)?;
    if !day.is_before(from) {
        return None;
    }
    let written = view
        .parts
        .dia_danh_ngay
        .map(|i| view.para(i).text.trim().to_string())
        .unwrap_or_default();
    let applies = set
        .preceded_by
        .clone()
        .unwrap_or_else(|| format!("quy định trước {}", set.short));
    Some(Scope {
        status: ScopeStatus::BeforeRuleset,
        reason: Some(format!(
            "Văn bản ghi «{written}», trước ngày {} có hiệu lực ({}): không thuộc bộ quy tắc {}; \
             khi đó áp dụng {applies}. Dùng --ruleset {} để vẫn kiểm tra theo bộ quy tắc này.",
            set.short,
            vn_date(from),
            set.id,
            set.id
        )),
        applies: Some(applies),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_as_far_as_they_are_filled_in() {
        let d = parse_issue_day("Hà Nội, ngày 15 tháng 4 năm 2019").unwrap();
        assert_eq!((d.year, d.month, d.day), (2019, Some(4), Some(15)));
        let d = parse_issue_day("Hà Nội, ngày      tháng      năm 2019").unwrap();
        assert_eq!((d.year, d.month, d.day), (2019, None, None));
        let d = parse_issue_day("……, ngày …. tháng …. năm 2019").unwrap();
        assert_eq!((d.year, d.month, d.day), (2019, None, None));
        let d = parse_issue_day("Hà Nội, ngày 05/3/2019").unwrap();
        assert_eq!((d.year, d.month, d.day), (2019, Some(3), Some(5)));
        assert_eq!(parse_issue_day("……, ngày …. tháng …. năm ……"), None);
    }

    #[test]
    fn only_a_date_certainly_before_the_effective_date_is_before() {
        let from = NaiveDate::from_ymd_opt(2020, 3, 5).unwrap();
        let day = |year, month, day| IssueDay { year, month, day };
        assert!(day(2020, Some(3), Some(4)).is_before(from));
        assert!(!day(2020, Some(3), Some(5)).is_before(from));
        assert!(day(2020, Some(2), None).is_before(from));
        assert!(!day(2020, Some(3), None).is_before(from));
        // Only the year 2020 known: it may be after 05/3/2020.
        assert!(!day(2020, None, None).is_before(from));
        assert!(day(2019, None, None).is_before(from));
    }

    #[test]
    fn form_titles_are_told_from_issuing_bodies() {
        assert!(is_form_title("ĐƠN XIN NGHỈ PHÉP"));
        assert!(is_form_title("HỢP ĐỒNG LAO ĐỘNG"));
        assert!(is_form_title("SƠ YẾU LÝ LỊCH"));
        assert!(!is_form_title("ĐƠN VỊ QUẢN LÝ DỰ ÁN"));
        assert!(!is_form_title("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN"));
        assert!(!is_form_title("Đơn xin nghỉ phép"));
    }

    #[test]
    fn effective_dates_are_written_the_vietnamese_way() {
        assert_eq!(
            vn_date(NaiveDate::from_ymd_opt(2020, 3, 5).unwrap()),
            "05/3/2020"
        );
        assert_eq!(
            vn_date(NaiveDate::from_ymd_opt(2018, 4, 3).unwrap()),
            "03/4/2018"
        );
        assert_eq!(
            vn_date(NaiveDate::from_ymd_opt(2018, 2, 13).unwrap()),
            "13/02/2018"
        );
    }
}
