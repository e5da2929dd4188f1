//! Command-line front end (`vanban ...`): parses arguments with clap and calls the core.
//!
//! Each subcommand lives in its own module; messages to the user are Vietnamese.
//! Exit codes: 0 success, 1 findings or a failed operation, 2 unreadable input or bad usage.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Top-level arguments of `vanban`.
#[derive(Debug, Parser)]
#[command(
    name = "vanban",
    version,
    about = "Soạn thảo và kiểm tra thể thức văn bản (NĐ 30/2020, HD 36-HD/VPTW)"
)]
pub struct Cli {
    /// The subcommand to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands of `vanban`.
#[derive(Debug, Subcommand)]
pub enum Command {}

/// Runs the CLI and maps the outcome to a process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {}
}
