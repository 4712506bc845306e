//! The `yoyak` command line, one module per command. Each command's `run` returns how it
//! ended ([`Outcome`]) or why it could not run ([`CliError`]); [`exit_code`] is the one place
//! that prints such an error and turns either into the process's exit code.

pub mod args;
pub mod build;
pub mod check;
pub mod completions;
pub mod import;
pub mod init;
pub mod man;
pub mod new;
pub mod progress;
pub mod schema;
pub mod serve;

use std::io::IsTerminal;
use std::process::ExitCode;
use yoyak::diagnostic::report::{Palette, terminal_safe};

/// How a command that ran to the end went, as its exit code tells scripts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to report: exit 0.
    Clean,
    /// The content has errors (or denied warnings): exit 1.
    ContentErrors,
}

impl Outcome {
    /// [`Outcome::ContentErrors`] when `failed`, else [`Outcome::Clean`].
    pub fn failed_if(failed: bool) -> Self {
        if failed { Outcome::ContentErrors } else { Outcome::Clean }
    }
}

/// Why a command could not run (unreadable project, I/O failure, a file in the way): printed
/// as `error: <message>`, exit 2. Built from any error by `?`, keeping only its message.
#[derive(Debug)]
pub struct CliError {
    /// What went wrong, as the failing stage worded it.
    message: String,
}

impl<E: std::error::Error> From<E> for CliError {
    fn from(error: E) -> Self {
        CliError { message: error.to_string() }
    }
}

/// The exit code of a command's result: 0 clean, 1 content errors, 2 when it could not run —
/// after printing why on standard error, made terminal-safe (messages quote content).
pub fn exit_code(result: Result<Outcome, CliError>) -> ExitCode {
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::ContentErrors) => ExitCode::from(1),
        Err(error) => {
            eprintln!("error: {}", terminal_safe(&error.message));
            ExitCode::from(2)
        }
    }
}

/// Colours for diagnostics on standard error: on for a terminal, unless `NO_COLOR` is set.
pub fn stderr_palette() -> Palette {
    Palette::new(std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_keeps_the_message_of_what_failed() {
        let error = CliError::from(std::io::Error::other("disk full"));
        assert_eq!(error.message, "disk full");
    }

    #[test]
    fn only_failures_make_content_errors() {
        assert_eq!(Outcome::failed_if(false), Outcome::Clean);
        assert_eq!(Outcome::failed_if(true), Outcome::ContentErrors);
    }
}
