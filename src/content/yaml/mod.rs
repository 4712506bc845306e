//! The one place that parses YAML: one parse (yaml-rust2 events) gives the typed values and
//! where each field sits.
//!
//! [`index`] walks the events once: it records the line and column of every field path
//! (validation points editors at the exact line), refuses duplicate keys and inputs over the
//! limits before anything expands, and keeps the first document's events. [`de`] reads the
//! typed values (serde) from those events with serde_yaml 0.9's rules and wording, so values
//! and messages are what they were when serde_yaml parsed the files.

mod access;
mod de;
mod deserialize;
mod error;
mod events;
mod index;
mod scalar;
mod translate;

use super::limits::Limits;
use crate::diagnostic::{Diagnostic, Position};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
pub use translate::nearest;

/// Where each field path (`facts[3].label.en`) starts in a YAML file.
#[derive(Clone, Debug, Default)]
pub struct PositionIndex {
    values: BTreeMap<String, (Position, usize)>,
    keys: BTreeMap<String, (Position, usize)>,
    /// The text of every plain scalar that may be a number, by path: a fact's value is read
    /// from it exactly, since the deserializer hands over a float.
    numbers: BTreeMap<String, String>,
}

impl PositionIndex {
    /// An index that knows only where the `id:` value sits (for a file not parsed again).
    pub fn with_id(at: Option<(Position, usize)>) -> Self {
        let mut index = PositionIndex::default();
        if let Some(at) = at {
            index.values.insert("id".into(), at);
        }
        index
    }

    /// The position of the value at `path`, or of its nearest ancestor that has one.
    pub fn value(&self, path: &str) -> Option<(Position, usize)> {
        let mut p = path.to_string();
        loop {
            if let Some(found) = self.values.get(&p) {
                return Some(*found);
            }
            p = parent_path(&p)?;
        }
    }

    /// Whether the file itself has a value at exactly `path` (not just an ancestor).
    pub fn is_written(&self, path: &str) -> bool {
        self.values.contains_key(path)
    }

    /// The number at `path` as written, when it is a plain scalar that looks like one.
    pub fn number_text(&self, path: &str) -> Option<&str> {
        self.numbers.get(path).map(String::as_str)
    }

    /// The position of the key that introduces `path` (for unknown or duplicate keys).
    pub fn key(&self, path: &str) -> Option<(Position, usize)> {
        self.keys.get(path).copied().or_else(|| self.value(path))
    }
}

/// `facts[3].label` → `facts[3]` → `facts` → `` → None.
pub fn parent_path(path: &str) -> Option<String> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '['])?;
    Some(path[..cut].to_string())
}

/// Parse `src` into `T`, returning the value and the position index, or one diagnostic that
/// says what is wrong and where. Unknown keys get the nearest known key as a suggestion.
/// Control characters, duplicate keys and inputs over `limits` (aliases, expanded size,
/// nesting) are refused before any value is read, so an alias bomb is never expanded.
pub fn parse<T: DeserializeOwned>(
    src: &str,
    limits: &Limits,
) -> Result<(T, PositionIndex), Box<Diagnostic>> {
    if let Some(d) = control_character(src) {
        return Err(Box::new(d));
    }
    let walked = index::walk(src, limits)?;
    let refused =
        |e: error::Error| translate::translate_error(&e.to_string(), e.location(), &walked.index);
    match de::from_document::<T>(&walked.document) {
        // serde_yaml read one document and refused a file with more.
        Ok(_) if walked.more_documents => Err(Box::new(refused(error::Error::fixed(
            "deserializing from YAML containing more than one document is not supported",
            None,
        )))),
        Ok(value) => Ok((value, walked.index)),
        Err(e) => Err(Box::new(refused(e))),
    }
}

pub use crate::text::is_forbidden_control;

/// The first raw control character in the file (a NUL, an ESC), placed exactly.
fn control_character(src: &str) -> Option<Diagnostic> {
    // A file may end its lines with CR LF; inside a text a CR is refused like any control.
    let (at, c) = src.char_indices().find(|(_, c)| *c != '\r' && is_forbidden_control(*c))?;
    let line = src[..at].matches('\n').count() + 1;
    let column = src[..at].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let mut d = Diagnostic::error(
        "Y0116",
        "",
        format!("the file holds the control character U+{:04X}", c as u32),
        "delete it: control characters are invisible and not text (a paste from another program can bring them)",
    );
    d.position = Some(Position { line, column });
    d.span_len = c.len_utf8();
    Some(d)
}

/// `path.key`, or `key` at the root.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

#[cfg(test)]
mod tests;
