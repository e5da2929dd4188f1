//! The `vanban` command line: a thin edge over the core library. It builds the host (clock,
//! data directory, LibreOffice) and calls the core; it holds no rule, layout or numbering.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
