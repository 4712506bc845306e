//! `yoyak import`: draft a briefing from a raw Korean article.

use super::args::ImportArgs;
use super::{CliError, Outcome};
use std::io::Write;
use yoyak::diagnostic::report::terminal_safe as safe;
use yoyak::import::ImportOptions;

/// Draft the briefing; print it (`-o -`) or say where it went and what is left to translate.
pub fn run(args: ImportArgs) -> Result<Outcome, CliError> {
    let ImportArgs { article, root, output, force, date } = args;
    let imported = yoyak::import::run(&ImportOptions { article, root, output, force, date })?;
    for w in &imported.warnings {
        eprintln!("warning: {}", safe(w));
    }
    match &imported.written {
        None => {
            let _ = write!(std::io::stdout(), "{}", imported.yaml);
        }
        Some(path) => eprintln!(
            "wrote {}: {} fact(s), {} section(s); translate the TODO fields, then `yoyak check`",
            safe(&path.display().to_string()),
            imported.draft.facts.len(),
            imported.draft.sections.len()
        ),
    }
    Ok(Outcome::Clean)
}
