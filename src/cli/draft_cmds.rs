//! `vanban new`, `vanban render`, `vanban templates`: drafts in, .docx out.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{fail, TemplateArgs};
use vanban::draft::Draft;
use vanban::model::System;

/// System choice on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SystemArg {
    /// Văn bản hành chính (NĐ 30/2020/NĐ-CP).
    State,
    /// Văn bản của Đảng (HD 36-HD/VPTW).
    Party,
    /// Văn bản liên tịch của hai cơ quan (thể thức của cơ quan chủ trì: Đảng).
    Joint,
}

/// Arguments of `vanban new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Loại văn bản (xem `vanban templates`), ví dụ ke-hoach.
    pub template: String,
    /// Hệ thể thức.
    #[arg(long, value_enum, default_value = "state")]
    pub system: SystemArg,
    /// Năm ban hành (mặc định: năm nay).
    #[arg(long)]
    pub year: Option<i32>,
    #[command(flatten)]
    pub templates: TemplateArgs,
}

/// Arguments of `vanban render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Bản thảo .toml.
    pub draft: PathBuf,
    /// Tệp .docx xuất ra.
    #[arg(short, long, required_unless_present = "text")]
    pub output: Option<PathBuf>,
    /// In nội dung văn bản dạng văn bản thuần ra màn hình thay vì xuất .docx.
    #[arg(long)]
    pub text: bool,
    #[command(flatten)]
    pub templates: TemplateArgs,
}

/// Arguments of `vanban templates`.
#[derive(Debug, Args)]
pub struct TemplatesArgs {
    #[command(flatten)]
    pub templates: TemplateArgs,
}

/// Prints a starter draft for a template.
pub fn new(args: &NewArgs) -> ExitCode {
    let templates = match args.templates.load() {
        Ok(t) => t,
        Err(e) => return fail(e, 2),
    };
    let def = match templates.get(&args.template) {
        Ok(d) => d,
        Err(e) => return fail(e, 2),
    };
    let (system, joint) = match args.system {
        SystemArg::State => (System::State, false),
        SystemArg::Party => (System::Party, false),
        SystemArg::Joint => (System::Party, true),
    };
    // A type of one system only (kết luận is Party, công điện state) gets no starter it could
    // never render.
    if !def.systems.contains(&system) {
        let offered: Vec<&str> = def
            .systems
            .iter()
            .map(|s| match s {
                System::State => "--system state (nhà nước)",
                System::Party => "--system party (Đảng)",
            })
            .collect();
        return fail(
            format!(
                "mẫu \"{}\" ({}) chỉ dùng với {}",
                def.slug,
                def.label,
                offered.join(", ")
            ),
            2,
        );
    }
    let year = args.year.unwrap_or_else(|| {
        chrono::Datelike::year(&vanban::host::Host::today(&vanban::host::SystemHost))
    });
    let draft = Draft::starter(def, system, joint, year);
    print!(
        "# Bản thảo {} — sửa các giá trị rồi chạy: vanban render <tệp>.toml -o <tệp>.docx\n\
         # Định dạng: docs/draft-format.md. Số và ngày để trống cho văn thư điền khi phát hành.\n{}",
        def.label,
        draft.to_toml()
    );
    ExitCode::SUCCESS
}

/// Renders a draft file to .docx, atomically: no output file on any error.
pub fn render(args: &RenderArgs) -> ExitCode {
    let source = match std::fs::read_to_string(&args.draft) {
        Ok(s) => s,
        Err(e) => return fail(format!("không đọc được {}: {e}", args.draft.display()), 2),
    };
    let draft = match Draft::from_toml(&source) {
        Ok(d) => d,
        Err(e) => return fail(format!("{}: {e}", args.draft.display()), 1),
    };
    // One render needs one template: the others are not compiled.
    let templates = match args.templates.load_one(&draft.template) {
        Ok(t) => t,
        Err(e) => return fail(e, 2),
    };
    let document = match draft.render(&templates) {
        Ok(d) => d,
        Err(e) => return fail(format!("{}: {e}", args.draft.display()), 1),
    };
    let Some(output) = args.output.as_deref().filter(|_| !args.text) else {
        print!("{}", vanban::model::plain_text(&document));
        return ExitCode::SUCCESS;
    };
    if vanban::fsutil::same_file(output, &args.draft) {
        return fail(
            format!(
                "tệp kết quả {} trùng bản thảo: chọn tên khác cho -o (ví dụ <tên>.docx)",
                output.display()
            ),
            2,
        );
    }
    let bytes = match vanban::docx::write_docx(&document) {
        Ok(b) => b,
        Err(e) => return fail(e, 1),
    };
    if let Err(e) = vanban::fsutil::atomic_write(output, &bytes) {
        return fail(e, 1);
    }
    eprintln!("đã xuất {} ({} byte)", output.display(), bytes.len());
    ExitCode::SUCCESS
}

/// Lists the available document types.
pub fn templates(args: &TemplatesArgs) -> ExitCode {
    let templates = match args.templates.load() {
        Ok(t) => t,
        Err(e) => return fail(e, 2),
    };
    for def in templates.list() {
        let systems: Vec<&str> = def
            .systems
            .iter()
            .map(|s| match s {
                System::State => "nhà nước",
                System::Party => "Đảng",
            })
            .collect();
        println!(
            "{:<12} {:<12} [{}] {}",
            def.slug,
            def.label,
            systems.join(", "),
            def.description
        );
    }
    ExitCode::SUCCESS
}
