//! `yoyak completions`: a shell completion script, generated from the arguments in
//! [`super::args`].

use super::args::{Cli, CompletionsArgs};
use super::{CliError, Outcome};
use clap::CommandFactory;

/// Print the completion script for `args.shell` on standard output.
pub fn run(args: &CompletionsArgs) -> Result<Outcome, CliError> {
    let mut cmd = Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "yoyak", &mut std::io::stdout());
    Ok(Outcome::Clean)
}
