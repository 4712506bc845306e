//! `yoyak man`: the man pages, generated from the arguments in [`super::args`].

use super::args::{Cli, ManArgs};
use super::{CliError, Outcome};
use clap::CommandFactory;

/// Print the main page (roff) on standard output, or write a page per command into `args.out`.
pub fn run(args: &ManArgs) -> Result<Outcome, CliError> {
    let cmd = Cli::command();
    match &args.out {
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            clap_mangen::generate_to(cmd, dir)?;
        }
        None => clap_mangen::Man::new(cmd).render(&mut std::io::stdout())?,
    }
    Ok(Outcome::Clean)
}
