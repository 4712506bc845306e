//! `yoyak check`: load the project, run the editorial checks, print every finding as text,
//! JSON or GitHub annotations.

use super::args::{CheckArgs, Deny, Format};
use super::{CliError, Outcome};
use std::io::Write;
use yoyak::diagnostic::report;

/// Check as `args` say; errors (or with `--deny warnings` any warning) end in exit 1.
pub fn run(args: &CheckArgs) -> Result<Outcome, CliError> {
    let mut project = yoyak::content::load_project(&args.root)?;
    // The diff goes to stdout, unless the report itself does (JSON, GitHub annotations).
    let diff_to_stdout = matches!(args.format, Format::Human);
    if args.fix && fix(&project, &args.root, diff_to_stdout)? {
        project = yoyak::content::load_project(&args.root)?;
    }
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
    Ok(Outcome::failed_if(diags.iter().any(|d| d.is_error() || (deny_warnings && !d.is_hint()))))
}

/// `--fix`: each file's literal mentions of facts rewritten as references, by byte edits of
/// the file (comments and layout stay), written atomically; the diff goes to stdout (or
/// stderr). Whether any file changed.
fn fix(
    project: &yoyak::content::Project,
    root: &std::path::Path,
    diff_to_stdout: bool,
) -> Result<bool, CliError> {
    let mut changed = false;
    let mut out: Box<dyn Write> =
        if diff_to_stdout { Box::new(std::io::stdout()) } else { Box::new(std::io::stderr()) };
    for loaded in &project.files {
        let (new, left) = yoyak::check::fix(loaded, &project.config);
        if left > 0 {
            let _ = writeln!(
                std::io::stderr(),
                "{}: {left} figure(s) left as written (several facts fit, or the text is not \
                 stored verbatim); see the Y0904 hints",
                report::terminal_safe(&loaded.file.display().to_string())
            );
        }
        let Some(new) = new else { continue };
        let name = loaded.file.to_string_lossy().replace('\\', "/");
        // Thousands of edited lines make an exact diff quadratic: past a second, similar
        // gives a correct, less minimal one.
        let diff = similar::TextDiff::configure()
            .timeout(std::time::Duration::from_secs(1))
            .diff_lines(loaded.source.as_str(), new.as_str());
        let shown =
            diff.unified_diff().header(&format!("a/{name}"), &format!("b/{name}")).to_string();
        let _ = write!(out, "{}", report::terminal_safe(&shown));
        yoyak::output::write_inside(root, &loaded.file, new.as_bytes()).map_err(|e| {
            std::io::Error::other(format!("cannot write {}: {e}", loaded.file.display()))
        })?;
        changed = true;
    }
    Ok(changed)
}
