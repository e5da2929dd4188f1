//! The `vanban` command line: a thin edge over the core library.

fn main() -> std::process::ExitCode {
    vanban::cli::main()
}
