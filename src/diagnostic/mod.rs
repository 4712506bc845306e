//! Diagnostics shared by every stage: what went wrong, where, and how to fix it.
//!
//! Stages produce [`Diagnostic`] values; only the CLI edge turns them into text, JSON or
//! GitHub annotations, so the same finding reads the same in every output.

pub mod report;

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A better way to write something that is not wrong (a figure that could be a
    /// reference); never fails a check, even with `--deny warnings`.
    Hint,
    /// Worth a look; the briefing still builds.
    Warning,
    /// The briefing is not published until this is fixed.
    Error,
}

/// A 1-based line and column in a source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// One finding about one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code such as `Y0103`; documented in the README.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// The file the finding is about, relative to the project root where possible.
    pub file: PathBuf,
    /// Where in the file, when known.
    pub position: Option<Position>,
    /// Field path such as `facts[3].label.en`; empty for the whole file.
    pub field: String,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do about it, in one sentence.
    pub fix: String,
    /// Byte length of the offending text at `position`, for underlining (0 = unknown).
    #[serde(skip_serializing_if = "is_zero")]
    pub span_len: usize,
}

/// A diagnostic as read back from the build cache.
#[derive(Deserialize)]
struct Stored {
    code: String,
    severity: Severity,
    file: PathBuf,
    position: Option<Position>,
    field: String,
    message: String,
    fix: String,
    #[serde(default)]
    span_len: usize,
}

impl<'de> Deserialize<'de> for Diagnostic {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Stored::deserialize(d).map(Diagnostic::from)
    }
}

impl From<Stored> for Diagnostic {
    fn from(s: Stored) -> Self {
        Diagnostic {
            code: intern_code(s.code),
            severity: s.severity,
            file: s.file,
            position: s.position,
            field: s.field,
            message: s.message,
            fix: s.fix,
            span_len: s.span_len,
        }
    }
}

/// Codes read back from the build cache, interned: a few dozen distinct strings at most.
fn intern_code(code: String) -> &'static str {
    use std::collections::BTreeSet;
    use std::sync::{Mutex, OnceLock};
    static CODES: OnceLock<Mutex<BTreeSet<&'static str>>> = OnceLock::new();
    let mut codes = CODES.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = codes.get(code.as_str()) {
        return c;
    }
    let c: &'static str = Box::leak(code.into_boxed_str());
    codes.insert(c);
    c
}

/// Whether a span length is zero (then it is left out of the JSON).
fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Diagnostic {
    /// A new error with the given code, field path, message and fix.
    pub fn error(
        code: &'static str,
        field: impl Into<String>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Error, code, field, message, fix)
    }

    /// A new warning with the given code, field path, message and fix.
    pub fn warning(
        code: &'static str,
        field: impl Into<String>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Warning, code, field, message, fix)
    }

    /// A finding of `severity` (the public constructors name it).
    fn new(
        severity: Severity,
        code: &'static str,
        field: impl Into<String>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            file: PathBuf::new(),
            position: None,
            field: field.into(),
            message: message.into(),
            fix: fix.into(),
            span_len: 0,
        }
    }

    /// Whether this finding stops the briefing from being published.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Whether this finding is only a hint.
    pub fn is_hint(&self) -> bool {
        self.severity == Severity::Hint
    }
}

impl std::fmt::Display for Diagnostic {
    /// `file:line:col: error[Y0103] field: message (fix: …)` on one line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(p) = self.position {
            write!(f, ":{}:{}", p.line, p.column)?;
        }
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        };
        write!(f, ": {sev}[{}]", self.code)?;
        if !self.field.is_empty() {
            write!(f, " {}:", self.field)?;
        }
        write!(f, " {}", self.message)?;
        if !self.fix.is_empty() {
            write!(f, " (fix: {})", self.fix)?;
        }
        Ok(())
    }
}
