//! The edge: diagnostics and build results turned into text for people, JSON for programs and
//! annotations for GitHub Actions.

use crate::diagnostic::{Diagnostic, Severity};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

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
    /// `s` in colour `code` (an SGR number) when colour is on.
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }
}

/// The largest file whose lines are quoted under its findings.
const EXCERPT_LIMIT: crate::input::Limit =
    crate::input::Limit { bytes: 16 << 20, setting: "(excerpts)" };

/// Findings printed per file by [`human`]; the rest are counted in one line (the JSON report
/// lists them all). 2,000 findings on one line printed 175 MB before.
pub const MAX_SHOWN_PER_FILE: usize = 50;

/// Render diagnostics for people: grouped by file, each with `file:line:col`, the field path,
/// an excerpt of the source line with the span underlined, and the fix.
pub fn human(diags: &[Diagnostic], root: &Path, palette: Palette) -> String {
    // Read as the loader reads it: a symlink out of the project shows nothing.
    let source_of = |file: &Path| {
        let bytes = crate::input::read(root, file, EXCERPT_LIMIT).ok()?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    };
    human_with(diags, &source_of, palette)
}

/// [`human`] with the sources from `source_of(file)` instead of the disk. At most
/// [`MAX_SHOWN_PER_FILE`] findings a file are shown (errors first); a line counts the rest.
pub fn human_with(
    diags: &[Diagnostic],
    source_of: &dyn Fn(&Path) -> Option<String>,
    palette: Palette,
) -> String {
    let mut by_file: BTreeMap<&PathBuf, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diags {
        by_file.entry(&d.file).or_default().push(d);
    }
    let mut out = String::new();
    for (file, ds) in by_file {
        let source = source_of(file).unwrap_or_default();
        let lines: Vec<&str> = source.lines().collect();
        let shown = shown_indices(&ds);
        for &i in &shown {
            write_finding(&mut out, ds[i], file, &lines, palette);
        }
        let hidden: Vec<&Diagnostic> = ds
            .iter()
            .enumerate()
            .filter(|(i, _)| shown.binary_search(i).is_err())
            .map(|(_, d)| *d)
            .collect();
        if !hidden.is_empty() {
            let errors = hidden.iter().filter(|d| d.is_error()).count();
            let _ = writeln!(
                out,
                "… and {} more in {} ({} errors, {} warnings); `--format json` lists all\n",
                hidden.len(),
                terminal_safe(&file.display().to_string()),
                errors,
                hidden.len() - errors
            );
        }
    }
    out
}

/// Which of one file's findings to show, in their order: errors first, then warnings, up to
/// [`MAX_SHOWN_PER_FILE`].
fn shown_indices(ds: &[&Diagnostic]) -> Vec<usize> {
    let errors = ds.iter().enumerate().filter(|(_, d)| d.is_error()).map(|(i, _)| i);
    let warnings = ds.iter().enumerate().filter(|(_, d)| !d.is_error()).map(|(i, _)| i);
    let mut picked: Vec<usize> = errors.chain(warnings).take(MAX_SHOWN_PER_FILE).collect();
    picked.sort_unstable();
    picked
}

/// One finding: headline, place, excerpt with underline, fix.
fn write_finding(out: &mut String, d: &Diagnostic, file: &Path, lines: &[&str], palette: Palette) {
    let (label, colour) = match d.severity {
        Severity::Error => ("error", "1;31"),
        Severity::Warning => ("warning", "1;33"),
        Severity::Hint => ("hint", "1;36"),
    };
    let headline = palette.paint(colour, &format!("{label}[{}]", d.code));
    let _ = writeln!(out, "{headline}: {}", terminal_safe(&d.message));
    let name = terminal_safe(&file.display().to_string()).into_owned();
    let place = match d.position {
        Some(p) => format!("{name}:{}:{}", p.line, p.column),
        None => name,
    };
    let field =
        if d.field.is_empty() { String::new() } else { format!("  ({})", terminal_safe(&d.field)) };
    let _ = writeln!(out, "  {} {place}{field}", palette.paint("1;34", "-->"));
    if let Some(p) = d.position
        && let Some(line) = lines.get(p.line.wrapping_sub(1))
    {
        let num = p.line.to_string();
        let pad = " ".repeat(num.len());
        let bar = palette.paint("1;34", "|");
        let ex = excerpt(line, p.column.saturating_sub(1), d.span_len);
        let _ = writeln!(out, "  {pad} {bar}");
        let _ = writeln!(out, "  {} {bar} {}", palette.paint("1;34", &num), ex.text);
        let marks = palette.paint(colour, &"^".repeat(ex.width.max(1)));
        let _ = writeln!(out, "  {pad} {bar} {}{marks}", ex.indent);
    }
    if !d.fix.is_empty() {
        let _ = writeln!(out, "  {} fix: {}", palette.paint("1;36", "="), terminal_safe(&d.fix));
    }
    out.push('\n');
}

/// Characters of context shown before the span.
const CONTEXT_BEFORE: usize = 40;
/// Characters of the span underlined at most.
const MAX_SPAN: usize = 80;
/// Characters shown in all, before, in and after the span.
const MAX_EXCERPT: usize = 160;

/// A window of a source line for the terminal, and where its underline goes.
#[derive(Debug, PartialEq, Eq)]
struct Excerpt {
    /// The window, made terminal-safe, with `…` where the line was cut.
    text: String,
    /// What goes before the underline: a space per cell (tabs kept) up to the span.
    indent: String,
    /// Terminal cells the span covers.
    width: usize,
}

/// The window of `line` around the span at character column `col` (0-based), `bytes` long
/// (0: up to the first space): at most [`MAX_EXCERPT`] characters, cut at characters.
fn excerpt(line: &str, col: usize, bytes: usize) -> Excerpt {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let at = col.min(chars.len());
    let from = at.saturating_sub(CONTEXT_BEFORE);
    let start_byte = chars.get(at).map_or(line.len(), |(b, _)| *b);
    let span_bytes = if bytes == 0 {
        line[start_byte..].split_whitespace().next().map_or(1, str::len)
    } else {
        bytes
    };
    // The span in characters: those starting before its end byte, at least one.
    let span_end = chars[at..].iter().take_while(|(b, _)| *b < start_byte + span_bytes).count();
    let span_end = at + span_end.clamp(1, MAX_SPAN).min(chars.len() - at);
    let to = (span_end.max(at) + MAX_EXCERPT.saturating_sub(span_end - from)).min(chars.len());
    let mut text = String::new();
    let mut indent = String::new();
    if from > 0 {
        text.push('…');
        indent.push(' ');
    }
    let mut width = 0;
    for (i, &(_, c)) in chars.iter().enumerate().take(to).skip(from) {
        let shown = terminal_safe_char(c);
        let cells = shown.as_ref().map_or_else(|| cell_width(c), String::len);
        match &shown {
            Some(s) => text.push_str(s),
            None => text.push(c),
        }
        if i < at {
            if c == '\t' { indent.push('\t') } else { indent.push_str(&" ".repeat(cells)) }
        } else if i < span_end {
            width += cells;
        }
    }
    if to < chars.len() {
        text.push('…');
    }
    Excerpt { text, indent, width }
}

/// Terminal cells of a printable character: two for wide (Hangul, CJK, full-width) ones.
fn cell_width(c: char) -> usize {
    if is_wide(c) { 2 } else { 1 }
}

/// Whether `c` takes two terminal columns (Hangul, CJK, full-width forms).
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// `s` safe to print on a terminal: control characters other than tab and newline (ESC, BEL,
/// CR, DEL, C1) and bidirectional overrides become visible escapes such as `\x1b` and
/// `\u{202e}`, so text from content cannot move the cursor, retitle the window or reorder
/// what is shown. yoyak's own colours are added around the result, never inside it.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| terminal_safe_char(c).is_some()) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match terminal_safe_char(c) {
            Some(e) => out.push_str(&e),
            None => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The visible escape of a character a terminal would act on; `None` for printable ones.
fn terminal_safe_char(c: char) -> Option<String> {
    let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if c == '\t' || c == '\n' || !(c.is_control() || bidi) {
        return None;
    }
    Some(if (c as u32) < 0x80 {
        format!("\\x{:02x}", c as u32)
    } else {
        c.escape_unicode().to_string()
    })
}

/// One-line summary: `2 errors, 1 warning in 3 files` (`, 4 hints` when there are any).
pub fn summary(diags: &[Diagnostic], files: usize) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let hints = diags.iter().filter(|d| d.is_hint()).count();
    let warnings = diags.len() - errors - hints;
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let hints = if hints > 0 { format!(", {}", plural(hints, "hint")) } else { String::new() };
    format!(
        "{}, {}{hints} in {}",
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
    let hints = diags.iter().filter(|d| d.is_hint()).count();
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
        "summary": {
            "errors": errors,
            "warnings": diags.len() - errors - hints,
            "hints": hints,
            "files": files
        },
        "diagnostics": items,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// GitHub Actions annotations, one per line (terminal-safe: the log viewer and a local
/// terminal act on ESC too).
pub fn github(diags: &[Diagnostic]) -> String {
    let esc_data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let esc_prop = |s: &str| esc_data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for d in diags {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "notice",
        };
        let file = d.file.to_string_lossy();
        let mut props = format!("file={}", terminal_safe(&esc_prop(&file)));
        if let Some(p) = d.position {
            let _ = write!(props, ",line={},col={}", p.line, p.column);
        }
        let title = format!("{} {}", d.code, d.field);
        let _ = write!(props, ",title={}", terminal_safe(&esc_prop(&title)));
        let data = format!("{} (fix: {})", d.message, d.fix);
        let _ = writeln!(out, "::{kind} {props}::{}", terminal_safe(&esc_data(&data)));
    }
    out
}
