//! `yoyak check`: load the project, run the editorial checks, print every finding as text,
//! JSON or GitHub annotations.

use super::args::{CheckArgs, Deny, Format};
use super::{CliError, Outcome};
use std::io::Write;
use yoyak::diagnostic::report;

/// Check as `args` say; errors (or with `--deny warnings` any finding) end in exit 1.
pub fn run(args: &CheckArgs) -> Result<Outcome, CliError> {
    let project = yoyak::content::load_project(&args.root)?;
    let mut diags: Vec<_> = project.all_diagnostics().cloned().collect();
    diags.extend(yoyak::check::check_project(&project));
    let diags = report::sorted(diags);
    let files = project.files.len();
    // A closed pipe (`| head`) is not worth a panic.
    let _ = match args.format {
        Format::Human => writeln!(
            std::io::stderr(),
            "{}{}",
            report::human(&diags, &args.root, super::stderr_palette()),
            report::summary(&diags, files)
        ),
        Format::Json => writeln!(std::io::stdout(), "{}", report::json(&diags, files)),
        Format::Github => write!(std::io::stdout(), "{}", report::github(&diags)),
    };
    let deny_warnings = args.deny.contains(&Deny::Warnings);
    Ok(Outcome::failed_if(diags.iter().any(|d| d.is_error() || deny_warnings)))
}
