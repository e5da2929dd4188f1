//! Fills a template starter as a secretary would (place, date, number, subject, names, the
//! "..." placeholders), shared by the tests that export every starter.

use vanban::draft::Draft;
use vanban::model::{IssueDate, System};

/// Fills the header facts of a starter draft so it renders and checks clean.
pub fn filled(d: &mut Draft) {
    d.place = "Hà Nội".into();
    d.date = IssueDate {
        day: Some(5),
        month: Some(2),
        year: 2024,
    };
    d.number = Some(7);
    if d.template == "cong-van" && d.system == System::State {
        d.unit = Some("TH".into());
    }
    d.subject = "Về việc thực hiện phong trào thi đua năm 2024".into();
    for s in &mut d.signers {
        s.name = "Nguyễn Văn An".into();
    }
    for i in &mut d.issuers {
        if let Some(sup) = &mut i.superior {
            *sup = sup.replace("...", "BẮC KẠN");
        }
    }
    d.recipients.archive = d.recipients.archive.replace("...", "VP");
}
