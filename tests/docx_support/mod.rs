//! Test documents built in Rust for the DOCX writer tests: a state Chỉ thị, a Party Báo
//! cáo with footnotes and two parts, a joint Party plan with two signers, a state draft
//! with a blank number and day, and a state công văn with Kính gửi. Text comes from the
//! real documents in the project's examples.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "../examples_dir/mod.rs"]
mod examples_dir;

use vanban::layout::DocTypeTable;
use vanban::model::{
    Authority, Block, Body, Document, Inline, IssueDate, Issuer, PlaceDate, Recipients,
    ReferenceNumber, Signer, Span, System, Table,
};

pub fn text(s: &str) -> Span {
    Span::Text {
        text: s.into(),
        bold: false,
        italic: false,
    }
}
pub fn italic(s: &str) -> Span {
    Span::Text {
        text: s.into(),
        bold: false,
        italic: true,
    }
}
pub fn bold(s: &str) -> Span {
    Span::Text {
        text: s.into(),
        bold: true,
        italic: false,
    }
}
pub fn note(s: &str) -> Span {
    Span::Footnote { text: s.into() }
}
pub fn para(s: &str) -> Block {
    Block::Paragraph {
        content: Inline::plain(s),
    }
}
pub fn spans(v: Vec<Span>) -> Block {
    Block::Paragraph { content: Inline(v) }
}
pub fn section(s: &str) -> Block {
    Block::Section {
        title: Inline::plain(s),
    }
}
pub fn heading(level: u8, s: &str) -> Block {
    Block::Heading {
        level,
        title: Inline::plain(s),
    }
}
pub fn numbered(level: u8, s: &str) -> Block {
    Block::Numbered {
        level,
        content: Inline::plain(s),
    }
}
pub fn dash(s: &str) -> Block {
    Block::Dash {
        content: Inline::plain(s),
    }
}
pub fn part(s: &str) -> Block {
    Block::Part {
        title: Inline::plain(s),
    }
}

fn doc_type(slug: &str) -> vanban::layout::DocType {
    DocTypeTable::builtin().by_slug(slug).unwrap().clone()
}

fn date(day: Option<u8>, month: Option<u8>, year: i32) -> IssueDate {
    IssueDate { day, month, year }
}

const CT_1: &str = "Tổ chức quán triệt và thể chế hóa chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về công tác dân vận trong tình hình mới gắn với nhiệm vụ phục hồi và phát triển kinh tế - xã hội trên địa bàn huyện sau đại dịch COVID-19; xác định công tác dân vận là nhiệm vụ của cả hệ thống chính trị, trong đó xây dựng nền hành chính nhà nước phục vụ Nhân dân, dân chủ, pháp quyền, chuyên nghiệp, hiện đại, trong sạch, vững mạnh, công khai, minh bạch.";
const CT_2: &str = "Đẩy mạnh các hoạt động tuyên truyền, giáo dục nhằm nâng cao nhận thức về ý nghĩa, tầm quan trọng của công tác dân vận; về vị trí, vai trò, trách nhiệm của cơ quan hành chính nhà nước, chính quyền các cấp và cán bộ, công chức, viên chức trong thực hiện công tác dân vận, bảo đảm công tác dân vận luôn gần gũi với Nhân dân.";
const CT_4: &str = "Tổ chức triển khai có hiệu quả Chương trình cải cách hành chính huyện Xuân Lộc giai đoạn 2021 - 2030 theo Quyết định số 13969/QĐ-UBND ngày 15/12/2021 của UBND huyện nhằm nâng cao hiệu lực, hiệu quả, công khai, minh bạch trong hoạt động quản lý, điều hành của cơ quan hành chính nhà nước và chính quyền các cấp; đảm bảo điều kiện thuận lợi cho nhân dân phát huy quyền làm chủ, giám sát hoạt động của bộ máy nhà nước.";
const CT_5: &str = "Đề cao vai trò, trách nhiệm của người đứng đầu chính quyền các cấp trong việc thực hiện công tác dân vận chính quyền; tăng cường giáo dục đạo đức công vụ, nâng cao tinh thần trách nhiệm, ý thức phục vụ Nhân dân cho đội ngũ cán bộ, công chức, viên chức; xây dựng, kiện toàn đội ngũ cán bộ, công chức thực sự là công bộc của Nhân dân.";

/// State Chỉ thị (Xuân Lộc 2023): long enough for two pages.
pub fn state_chi_thi() -> Document {
    let mut blocks = vec![
        para("Thực hiện Chỉ thị số 05/CT-UBND ngày 21/6/2023 của Chủ tịch UBND tỉnh Đồng Nai về tiếp tục tăng cường và đổi mới công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp tỉnh Đồng Nai trong tình hình mới."),
        spans(vec![
            text("Nhằm tạo sự chuyển biến mạnh mẽ từ nhận thức đến hành động, thực hiện phong cách "),
            italic("“Trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân”"),
            text("; Chủ tịch Ủy ban nhân dân huyện yêu cầu các cơ quan chuyên môn, đơn vị sự nghiệp, ủy ban nhân dân các xã, thị trấn tập trung thực hiện tốt các nội dung sau:"),
        ]),
    ];
    for t in [CT_1, CT_2, CT_4, CT_5, CT_1, CT_2, CT_4] {
        blocks.push(numbered(1, t));
    }
    blocks.push(para("Thủ trưởng các cơ quan chuyên môn, đơn vị sự nghiệp thuộc UBND huyện và Chủ tịch UBND các xã, thị trấn chịu trách nhiệm thực hiện Chỉ thị này."));
    Document {
        issued_by: None,
        decision: None,
        doc_type: doc_type("chi-thi"),
        system: System::State,
        issuers: vec![Issuer {
            superior: None,
            name: "Ủy ban nhân dân huyện Xuân Lộc".into(),
            abbr: "UBND".into(),
            system: None,
        }],
        number: ReferenceNumber {
            number: Some(3),
            unit: None,
            year: None,
        },
        place_date: PlaceDate {
            place: "Xuân Lộc".into(),
            date: date(Some(12), Some(7), 2023),
        },
        urgency: None,
        secrecy: None,
        subject: "Về tiếp tục tăng cường và đổi mới công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp huyện Xuân Lộc trong tình hình mới".into(),
        addressees: vec![],
        body: Body { blocks },
        closing_mark: true,
        signers: vec![Signer {
            stacked: Vec::new(),
            authority: None,
            on_behalf: None,
            position: "Chủ tịch".into(),
            name: "Nguyễn Thị Cát Tiên".into(),
        }],
        recipients: Recipients {
            electronic: false,
            items: vec![
                "UBND tỉnh Đồng Nai".into(),
                "Sở Nội vụ tỉnh Đồng Nai".into(),
                "TT. Huyện ủy; TT. HĐND huyện".into(),
                "Ban Dân vận Huyện ủy".into(),
                "UBND các xã, thị trấn".into(),
            ],
            archive: "VT, NV".into(),
        },
    }
}

/// Party Báo cáo (Kiên Giang 2019): two parts, "I-" sections, dash lists, italics, footnotes.
pub fn party_bao_cao() -> Document {
    let blocks = vec![
        part("Báo cáo tổng kết công tác dân vận năm 2019"),
        spans(vec![
            text("Năm 2019, là năm thứ tư thực hiện Nghị quyết Đại hội lần thứ XII của Đảng và Nghị quyết Đại hội X Đảng bộ tỉnh trong điều kiện có nhiều thuận lợi và khó khăn đan xen. Dịch tả lợn Châu Phi diễn biến phức tạp, kéo dài, gây hậu quả nghiêm trọng"),
            note("Xảy ra tại 712/957 ấp, thuộc địa bàn 128/145 xã, phường, 15/15 huyện, thành phố, có 3.730 hộ nuôi lợn bị dịch bệnh, tiêu hủy là 48.630 con."),
            text(". Thời tiết diễn biến bất lợi cho sản xuất và đời sống"),
            note("Trong năm 2019, ảnh hưởng của mưa, bão, triều cường dâng cao bất thường gây thiệt hại trên diện rộng trong tỉnh, làm sạt lở nghiêm trọng 86km bờ sông, đê biển."),
            text(", giá lúa khó tiêu thụ, gây khó khăn cho nông dân."),
        ]),
        para("Lòng tin của nhân dân đối với Đảng, Nhà nước được nâng lên. Các giai cấp, tầng lớp nhân dân tin tưởng vào sự lãnh đạo của Đảng, quản lý điều hành của Nhà nước."),
        section("Kết quả công tác dân vận của hệ thống chính trị"),
        heading(1, "Sự lãnh đạo, chỉ đạo của cấp ủy đảng"),
        Block::Dash {
            content: Inline(vec![
                text("Các cấp ủy đảng tiếp tục tăng cường chỉ đạo thực hiện công tác dân vận. Đã ban hành nhiều chương trình, kế hoạch, công văn chỉ đạo công tác dân vận trên các lĩnh vực"),
                note("Tỉnh ủy ban hành 12 văn bản; các huyện, thành ủy ban hành 146 văn bản."),
                text("."),
            ]),
        },
        Block::Dash {
            content: Inline(vec![
                text("Phong trào thi đua "),
                italic("“Dân vận khéo”"),
                text(" tiếp tục được triển khai rộng khắp, có 1.254 mô hình được công nhận."),
            ]),
        },
        heading(1, "Công tác dân vận của chính quyền"),
        para(CT_4),
        para(CT_5),
        section("Đánh giá chung"),
        para(CT_2),
        part("Phương hướng, nhiệm vụ công tác dân vận năm 2020"),
        section("Nhiệm vụ trọng tâm"),
        numbered(1, CT_1),
        numbered(1, CT_2),
        section("Tổ chức thực hiện"),
        numbered(1, "Ban thường vụ các huyện, thành ủy, đảng ủy trực thuộc xây dựng kế hoạch cụ thể hóa triển khai thực hiện công tác dân vận năm 2020."),
        numbered(1, "Giao Ban Dân vận Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan, theo dõi, giám sát việc triển khai thực hiện và tham mưu Ban Thường vụ Tỉnh ủy tổng kết vào cuối năm 2020."),
    ];
    Document {
        issued_by: None,
        decision: None,
        doc_type: doc_type("bao-cao"),
        system: System::Party,
        issuers: vec![Issuer {
            superior: Some("Đảng bộ tỉnh Kiên Giang".into()),
            name: "Tỉnh ủy".into(),
            abbr: "TU".into(),
            system: None,
        }],
        number: ReferenceNumber {
            number: Some(245),
            unit: None,
            year: None,
        },
        place_date: PlaceDate {
            place: "Kiên Giang".into(),
            date: date(Some(6), Some(1), 2020),
        },
        urgency: None,
        secrecy: None,
        subject: "tổng kết công tác dân vận năm 2019 và chương trình\nchỉ đạo năm 2020".into(),
        addressees: vec![],
        body: Body { blocks },
        closing_mark: true,
        signers: vec![Signer {
            stacked: Vec::new(),
            authority: Some(Authority::Tm),
            on_behalf: Some("Ban Thường vụ".into()),
            position: "Phó Bí thư Thường trực".into(),
            name: "Đặng Tuyết Em".into(),
        }],
        recipients: Recipients {
            electronic: false,
            items: vec![
                "Ban Dân vận TW, Văn phòng TW (HN)".into(),
                "Các ban Trung ương (phía Nam)".into(),
                "Các đ/c Tỉnh ủy viên".into(),
                "Các huyện, thành ủy, ĐUTT".into(),
            ],
            archive: "Văn phòng Tỉnh ủy".into(),
        },
    }
}

/// Joint Party plan (Kiên Giang 2021): two issuing bodies under one superior, two signers.
pub fn joint_party_ke_hoach() -> Document {
    let blocks = vec![
        para("Thực hiện Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị về Quy chế công tác dân vận của hệ thống chính trị, Ban Dân vận Tỉnh ủy và Ban cán sự đảng Ủy ban nhân dân tỉnh thống nhất xây dựng Kế hoạch phối hợp như sau:"),
        section("Mục đích, yêu cầu"),
        numbered(1, CT_2),
        section("Nội dung phối hợp"),
        heading(1, "Công tác tuyên truyền"),
        numbered(2, CT_4),
        numbered(2, CT_5),
        section("Tổ chức thực hiện"),
        para("Định kỳ hằng năm, hai cơ quan tổ chức sơ kết, đánh giá kết quả thực hiện Kế hoạch."),
    ];
    Document {
        issued_by: None,
        decision: None,
        doc_type: doc_type("ke-hoach"),
        system: System::Party,
        issuers: vec![
            Issuer {
                superior: Some("Tỉnh ủy Kiên Giang".into()),
                name: "Ban Dân vận Tỉnh ủy".into(),
                abbr: "BDVTU".into(),
                system: None,
            },
            Issuer {
                superior: Some("Tỉnh ủy Kiên Giang".into()),
                name: "Ban cán sự đảng UBND tỉnh".into(),
                abbr: "BCSĐUBND".into(),
                system: None,
            },
        ],
        number: ReferenceNumber {
            number: Some(415),
            unit: None,
            year: None,
        },
        place_date: PlaceDate {
            place: "Kiên Giang".into(),
            date: date(Some(15), Some(4), 2021),
        },
        urgency: None,
        secrecy: None,
        subject: "phối hợp thực hiện công tác dân vận giai đoạn 2021 - 2025".into(),
        addressees: vec![],
        body: Body { blocks },
        closing_mark: true,
        signers: vec![
            // Signers follow the issuers: the lead (Ban Dân vận) first; it is printed on the right.
            Signer {
                stacked: Vec::new(),
                authority: None,
                on_behalf: Some("Ban Dân vận Tỉnh ủy".into()),
                position: "Trưởng ban".into(),
                name: "Nguyễn Văn Phích".into(),
            },
            Signer {
                stacked: Vec::new(),
                authority: Some(Authority::Tm),
                on_behalf: Some("Ban cán sự đảng".into()),
                position: "Bí thư".into(),
                name: "Lâm Minh Thành".into(),
            },
        ],
        recipients: Recipients {
            electronic: false,
            items: vec![
                "Ban Dân vận TW (HN, T78)".into(),
                "Văn phòng Chính phủ".into(),
                "Thường trực Tỉnh ủy".into(),
            ],
            archive: "BDVTU, BCSĐUBND".into(),
        },
    }
}

/// State draft (Bắc Kạn 2024): number and day left blank for the văn thư; a table.
pub fn state_draft() -> Document {
    let blocks = vec![
        para("Thực hiện Kế hoạch số 89/KH-UBND ngày 20/02/2024 của UBND tỉnh Bắc Kạn về việc thực hiện phong trào “Dân vận khéo” năm 2024, Văn phòng UBND tỉnh xây dựng Kế hoạch như sau:"),
        section("Mục đích, yêu cầu"),
        heading(1, "Mục đích"),
        para("Nhằm nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức và người lao động về thực hiện phong trào “Dân vận khéo” năm 2024."),
        heading(1, "Yêu cầu"),
        para("Triển khai phong trào “Dân vận khéo” phải đảm bảo tính thiết thực, hiệu quả gắn với thực hiện nhiệm vụ chính trị, nhiệm vụ chuyên môn."),
        Block::Table(Table {
            header_rows: 1,
            rows: vec![
                vec![Inline::plain("Nội dung"), Inline::plain("Thời gian"), Inline::plain("Đơn vị")],
                vec![Inline::plain("Đăng ký mô hình"), Inline::plain("Tháng 3/2024"), Inline::plain("Các phòng")],
            ],
            merged: Vec::new(),
        }),
        section("Tổ chức thực hiện"),
        numbered(1, "Các phòng, ban, đơn vị trực thuộc Văn phòng theo chức năng, nhiệm vụ tổ chức thực hiện nghiêm túc Kế hoạch này."),
        para("Trên đây là Kế hoạch thực hiện phong trào “Dân vận khéo” năm 2024 của Văn phòng UBND tỉnh Bắc Kạn."),
    ];
    Document {
        issued_by: None,
        decision: None,
        doc_type: doc_type("ke-hoach"),
        system: System::State,
        issuers: vec![Issuer {
            superior: Some("UBND tỉnh Bắc Kạn".into()),
            name: "Văn phòng".into(),
            abbr: "VP".into(),
            system: None,
        }],
        number: ReferenceNumber::default(),
        place_date: PlaceDate {
            place: "Bắc Kạn".into(),
            date: date(None, Some(2), 2024),
        },
        urgency: None,
        secrecy: None,
        subject: "Thực hiện phong trào “Dân vận khéo” năm 2024".into(),
        addressees: vec![],
        body: Body { blocks },
        closing_mark: true,
        signers: vec![Signer {
            stacked: Vec::new(),
            authority: None,
            on_behalf: None,
            position: "Chánh Văn phòng".into(),
            name: "Vũ Đức Chính".into(),
        }],
        recipients: Recipients {
            electronic: true,
            items: vec!["LĐVP".into(), "Các phòng, ban, đơn vị trực thuộc VP".into()],
            archive: "VT, HCTC-QTTV".into(),
        },
    }
}

/// State công văn with Kính gửi and an urgency mark.
pub fn state_cong_van() -> Document {
    let mut d = state_chi_thi();
    d.doc_type = doc_type("cong-van");
    d.number = ReferenceNumber {
        number: Some(125),
        unit: Some("NV".into()),
        year: None,
    };
    d.subject = "triển khai phong trào “Dân vận khéo” năm 2023".into();
    d.addressees = vec![
        "Các cơ quan chuyên môn thuộc UBND huyện".into(),
        "UBND các xã, thị trấn".into(),
    ];
    d.urgency = Some(vanban::model::Urgency::Khan);
    d.body.blocks.truncate(4);
    d
}

/// Every fixture with a file stem.
pub fn all() -> Vec<(&'static str, Document)> {
    vec![
        ("state-chi-thi", state_chi_thi()),
        ("party-bao-cao", party_bao_cao()),
        ("joint-party-ke-hoach", joint_party_ke_hoach()),
        ("state-draft", state_draft()),
        ("state-cong-van", state_cong_van()),
    ]
}

/// Where tests write their files: under the target directory, never committed.
pub fn out_dir(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("docx")
        .join(test);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `doc` to `<dir>/<stem>.docx` and returns the path.
pub fn write(dir: &Path, stem: &str, doc: &Document) -> PathBuf {
    let bytes = vanban::docx::write_docx(doc).unwrap();
    let path = dir.join(format!("{stem}.docx"));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The Python of the test venv: `VANBAN_PYTHON`, else `.venv/bin/python` in the repo.
pub fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("VANBAN_PYTHON") {
        return PathBuf::from(p);
    }
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/python");
    assert!(
        p.exists(),
        "no Python venv: set VANBAN_PYTHON or run `python3 -m venv .venv && .venv/bin/pip install python-docx openxml-audit`"
    );
    p
}

/// openxml-audit of the test venv, beside its Python (`python()`).
pub fn audit_tool() -> PathBuf {
    let tool = python().with_file_name("openxml-audit");
    assert!(
        tool.exists(),
        "openxml-audit missing: .venv/bin/pip install python-docx==1.2.0 openxml-audit==0.8.0"
    );
    tool
}

/// The findings of type `schema` (ECMA-376 element order, allowed attributes and values)
/// openxml-audit reports for the .docx at `path`, one line each; empty for a valid file.
pub fn schema_findings(path: &Path) -> Vec<String> {
    let out = Command::new(audit_tool())
        .args(["-o", "json"])
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("cannot run openxml-audit: {e}"));
    // The tool exits non-zero when it has any finding; the JSON says which.
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "openxml-audit gave no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let mut findings = Vec::new();
    for file in report.as_array().expect("a JSON array of files") {
        for key in ["errors", "warnings"] {
            for f in file[key].as_array().into_iter().flatten() {
                if f["type"] == "schema" {
                    findings.push(format!(
                        "{} {} {}",
                        f["part_uri"], f["path"], f["description"]
                    ));
                }
            }
        }
    }
    findings
}

/// Runs a command and returns its stdout, failing the test with its stderr otherwise.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The real documents re-created as drafts under `examples/`, rendered to Documents
/// through `vanban::draft::Draft` and the built-in templates.
pub fn examples() -> Vec<(String, Document)> {
    let templates = vanban::template::Templates::builtin().unwrap();
    let mut out = Vec::new();
    for path in examples_dir::example_paths() {
        let source = std::fs::read_to_string(&path).unwrap();
        let draft = vanban::draft::Draft::from_toml(&source)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc = draft
            .render(&templates)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        out.push((stem, doc));
    }
    assert_eq!(out.len(), 11, "the eleven examples");
    out
}
