//! The edge: diagnostics and build results turned into text for people, JSON for programs and
//! annotations for GitHub Actions.

use crate::diagnostic::{Diagnostic, Severity};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// How to print diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: grouped by file, with source excerpts.
    Human,
    /// One JSON document (see `docs/checks.md` for its shape).
    Json,
    /// GitHub Actions workflow commands (`::error file=…`).
    Github,
}

/// Findings that `--deny` turns into a failing exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Deny {
    /// Any warning fails the run (exit 1), as errors do.
    Warnings,
}

/// ANSI colours, or none when not printing to a terminal.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    on: bool,
}

impl Palette {
    /// Colour on or off.
    pub fn new(on: bool) -> Self {
        Palette { on }
    }
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }
}

/// The largest file whose lines are quoted under its findings.
const EXCERPT_LIMIT: crate::input::Limit =
    crate::input::Limit { bytes: 16 << 20, setting: "(excerpts)" };

/// Render diagnostics for people: grouped by file, each with `file:line:col`, the field path,
/// the source line with the span underlined, and the fix.
pub fn human(diags: &[Diagnostic], root: &Path, palette: Palette) -> String {
    let mut by_file: BTreeMap<&PathBuf, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diags {
        by_file.entry(&d.file).or_default().push(d);
    }
    let mut out = String::new();
    for (file, ds) in by_file {
        // Read as the loader reads it: a symlink out of the project shows nothing.
        let source = crate::input::read(root, file, EXCERPT_LIMIT)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        let lines: Vec<&str> = source.lines().collect();
        for d in ds {
            let (label, colour) = match d.severity {
                Severity::Error => ("error", "1;31"),
                Severity::Warning => ("warning", "1;33"),
            };
            let _ = writeln!(
                out,
                "{}: {}",
                palette.paint(colour, &format!("{label}[{}]", d.code)),
                d.message
            );
            let place = match d.position {
                Some(p) => format!("{}:{}:{}", file.display(), p.line, p.column),
                None => file.display().to_string(),
            };
            let field = if d.field.is_empty() { String::new() } else { format!("  ({})", d.field) };
            let _ = writeln!(out, "  {} {place}{field}", palette.paint("1;34", "-->"));
            if let Some(p) = d.position
                && let Some(line) = lines.get(p.line.wrapping_sub(1))
            {
                let num = p.line.to_string();
                let pad = " ".repeat(num.len());
                let _ = writeln!(out, "  {pad} {}", palette.paint("1;34", "|"));
                let _ = writeln!(
                    out,
                    "  {} {} {line}",
                    palette.paint("1;34", &num),
                    palette.paint("1;34", "|")
                );
                let col = p.column.saturating_sub(1);
                let prefix: String =
                    line.chars().take(col).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
                // Wide (Hangul) characters take two terminal cells.
                let prefix: String = line
                    .chars()
                    .take(col)
                    .zip(prefix.chars())
                    .map(|(c, p)| if is_wide(c) { "  ".to_string() } else { p.to_string() })
                    .collect();
                let span_chars = line.chars().skip(col).collect::<String>();
                let width = underline_width(&span_chars, d.span_len);
                let _ = writeln!(
                    out,
                    "  {pad} {} {prefix}{}",
                    palette.paint("1;34", "|"),
                    palette.paint(colour, &"^".repeat(width.max(1)))
                );
            }
            if !d.fix.is_empty() {
                let _ = writeln!(out, "  {} fix: {}", palette.paint("1;36", "="), d.fix);
            }
            out.push('\n');
        }
    }
    out
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// Terminal cells covered by the first `bytes` bytes of `s` (at least the first token).
fn underline_width(s: &str, bytes: usize) -> usize {
    let take = if bytes == 0 { s.split_whitespace().next().map_or(1, str::len) } else { bytes };
    let mut width = 0;
    for (i, c) in s.char_indices() {
        if i >= take {
            break;
        }
        width += if is_wide(c) { 2 } else { 1 };
    }
    width
}

/// One-line summary: `2 errors, 1 warning in 3 files`.
pub fn summary(diags: &[Diagnostic], files: usize) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(files, "file")
    )
}

/// The version of the JSON report shape; bumped only when a field changes meaning or goes away.
pub const JSON_VERSION: u32 = 1;

/// Diagnostics in report order: by file, then by position (unknown positions first), keeping
/// the order in which stages produced findings at the same place.
pub fn sorted(mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diags.sort_by(|a, b| a.file.cmp(&b.file).then(a.position.cmp(&b.position)));
    diags
}

/// The JSON report (`docs/checks.md` documents it):
/// `{"version": 1, "summary": {"errors", "warnings", "files"}, "diagnostics": [{"code",
/// "severity", "file", "line", "column", "field", "message", "fix"}]}`, where `line` and
/// `column` are null when unknown and `files` is the number of files checked.
pub fn json(diags: &[Diagnostic], files: usize) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let items: Vec<serde_json::Value> = diags
        .iter()
        .map(|d| {
            serde_json::json!({
                "code": d.code,
                "severity": d.severity,
                "file": d.file.to_string_lossy().replace('\\', "/"),
                "line": d.position.map(|p| p.line),
                "column": d.position.map(|p| p.column),
                "field": d.field,
                "message": d.message,
                "fix": d.fix,
            })
        })
        .collect();
    let doc = serde_json::json!({
        "version": JSON_VERSION,
        "summary": {"errors": errors, "warnings": diags.len() - errors, "files": files},
        "diagnostics": items,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// GitHub Actions annotations, one per line.
pub fn github(diags: &[Diagnostic]) -> String {
    let esc_data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let esc_prop = |s: &str| esc_data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for d in diags {
        let kind = if d.is_error() { "error" } else { "warning" };
        let mut props = format!("file={}", esc_prop(&d.file.to_string_lossy()));
        if let Some(p) = d.position {
            let _ = write!(props, ",line={},col={}", p.line, p.column);
        }
        let _ = write!(props, ",title={}", esc_prop(&format!("{} {}", d.code, d.field)));
        let _ = writeln!(
            out,
            "::{kind} {props}::{}",
            esc_data(&format!("{} (fix: {})", d.message, d.fix))
        );
    }
    out
}
