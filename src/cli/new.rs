//! `yoyak new`: write a commented skeleton briefing into the project's `content/`.

use super::args::NewArgs;
use super::{CliError, Outcome};
use std::io::Write;

/// Write the skeleton; its path goes to standard output (for scripts), a hint to standard error.
pub fn run(args: &NewArgs) -> Result<Outcome, CliError> {
    let path = yoyak::scaffold::new_briefing(
        &args.root,
        &args.id,
        args.date.as_deref(),
        args.layout.into(),
    )?;
    let _ = writeln!(std::io::stdout(), "{}", path.display());
    eprintln!("created {}: fill it in, then `yoyak serve` to preview", path.display());
    Ok(Outcome::Clean)
}
