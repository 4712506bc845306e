//! `yoyak init`: start a project, then list what was created and what was already there.

use super::args::InitArgs;
use super::{CliError, Outcome};

/// Start a project in `args.dir` and say what to do next.
pub fn run(args: &InitArgs) -> Result<Outcome, CliError> {
    let report = yoyak::scaffold::init(&args.dir)?;
    for p in &report.created {
        eprintln!("created {}", p.display());
    }
    for p in &report.kept {
        eprintln!("kept    {} (exists already)", p.display());
    }
    eprintln!("next: cd {} && yoyak serve   (add a briefing: yoyak new <id>)", args.dir.display());
    Ok(Outcome::Clean)
}
