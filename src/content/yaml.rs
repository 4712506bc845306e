//! The one place that parses YAML.
//!
//! serde_yaml turns a file into typed values; it does not expose where each node sits, so a
//! second, event-level pass (yaml-rust2) records the line and column of every field path.
//! Validation later uses those positions to point editors at the exact line.

use crate::diagnostic::{Diagnostic, Position};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// Where each field path (`facts[3].label.en`) starts in a YAML file.
#[derive(Clone, Debug, Default)]
pub struct PositionIndex {
    values: BTreeMap<String, (Position, usize)>,
    keys: BTreeMap<String, (Position, usize)>,
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
pub fn parse<T: DeserializeOwned>(src: &str) -> Result<(T, PositionIndex), Box<Diagnostic>> {
    let index = index_positions(src)?;
    match serde_yaml::from_str::<T>(src) {
        Ok(value) => Ok((value, index)),
        Err(err) => Err(Box::new(translate_error(&err, &index))),
    }
}

/// Walk the YAML events once and remember where every path starts.
fn index_positions(src: &str) -> Result<PositionIndex, Box<Diagnostic>> {
    let mut recv = Indexer::default();
    let mut parser = Parser::new_from_str(src);
    if let Err(e) = parser.load(&mut recv, false) {
        let m = e.marker();
        let mut d = Diagnostic::error(
            "Y0101",
            "",
            format!("YAML syntax error: {}", e.info()),
            "check the indentation and quoting on this line or the one above it; text containing `: ` or starting with a quote must be quoted as a whole",
        );
        d.position = Some(Position { line: m.line(), column: m.col() + 1 });
        return Err(Box::new(d));
    }
    Ok(recv.index)
}

enum Frame {
    Map { path: String, pending_key: Option<String> },
    Seq { path: String, next: usize },
}

#[derive(Default)]
struct Indexer {
    stack: Vec<Frame>,
    index: PositionIndex,
}

impl Indexer {
    /// Path of the node that starts now, consuming the parent's pending key or index.
    /// Returns None when the node is a mapping key.
    fn next_path(&mut self) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Map { path, pending_key }) => pending_key.take().map(|k| join(path, &k)),
            Some(Frame::Seq { path, next }) => {
                let p = format!("{path}[{next}]");
                *next += 1;
                Some(p)
            }
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

fn position(mark: &Marker) -> Position {
    Position { line: mark.line(), column: mark.col() + 1 }
}

impl MarkedEventReceiver for Indexer {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(text, ..) => match self.next_path() {
                Some(path) => {
                    self.index.values.insert(path, (position(&mark), text.len().max(1)));
                }
                None => {
                    if let Some(Frame::Map { path, pending_key }) = self.stack.last_mut() {
                        let full = join(path, &text);
                        self.index.keys.insert(full, (position(&mark), text.len().max(1)));
                        *pending_key = Some(text);
                    }
                }
            },
            Event::MappingStart(..) => {
                let path = self.next_path().unwrap_or_default();
                self.index.values.entry(path.clone()).or_insert((position(&mark), 1));
                self.stack.push(Frame::Map { path, pending_key: None });
            }
            Event::SequenceStart(..) => {
                let path = self.next_path().unwrap_or_default();
                self.index.values.entry(path.clone()).or_insert((position(&mark), 1));
                self.stack.push(Frame::Seq { path, next: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            Event::Alias(_) => {
                self.next_path();
            }
            _ => {}
        }
    }
}

/// Turn a serde_yaml error into a diagnostic with a field path, position and fix.
fn translate_error(err: &serde_yaml::Error, index: &PositionIndex) -> Diagnostic {
    let full = err.to_string();
    // serde_yaml appends " at line L column C"; the position is taken from `location()`.
    let text = match full.find(" at line ") {
        Some(i) => &full[..i],
        None => full.as_str(),
    };
    let (path, message) = split_path(text);
    let loc = err.location().map(|l| Position { line: l.line(), column: l.column() });

    let mut d = if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or_default();
        let expected = backticked(rest.split_once("expected").map(|x| x.1).unwrap_or_default());
        let field = join(&path, name);
        let fix = match nearest(name, &expected) {
            Some(best) => {
                format!("did you mean `{best}`? Known keys here: {}", expected.join(", "))
            }
            None => format!("remove it; known keys here: {}", expected.join(", ")),
        };
        let mut d = Diagnostic::error("Y0103", field.clone(), format!("unknown key `{name}`"), fix);
        if let Some((p, len)) = index.keys.get(&field) {
            d.position = Some(*p);
            d.span_len = *len;
        }
        d
    } else if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or_default();
        Diagnostic::error(
            "Y0104",
            join(&path, name),
            format!("required field `{name}` is missing"),
            format!("add `{name}:` here (see the content format in the README)"),
        )
    } else if message.starts_with("duplicate entry") {
        Diagnostic::error(
            "Y0105",
            path.clone(),
            message.to_string(),
            "remove or rename one of the two entries",
        )
    } else {
        Diagnostic::error(
            "Y0102",
            path.clone(),
            message.replace("invalid type: ", "wrong type: "),
            type_fix(message),
        )
    };
    if d.position.is_none() {
        d.position = index.value(&d.field).map(|(p, _)| p).or(loc);
    }
    d
}

/// serde_yaml prefixes errors below the root with `path: `.
fn split_path(text: &str) -> (String, &str) {
    if let Some((head, rest)) = text.split_once(": ") {
        let looks_like_path =
            !head.is_empty() && head.chars().all(|c| c.is_alphanumeric() || "._-[]".contains(c));
        if looks_like_path {
            return (head.to_string(), rest);
        }
    }
    (String::new(), text)
}

fn backticked(s: &str) -> Vec<String> {
    s.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

/// The known key closest to a misspelt one, if any is close enough to be a likely typo.
pub fn nearest<'a>(name: &str, known: &'a [String]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), k))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.as_str())
}

fn type_fix(message: &str) -> String {
    if message.contains("expected a number") {
        "write the number alone, without quotes or units, e.g. `value: 4320000` or `value: [10, 249]`".into()
    } else if message.contains("expected a sequence") {
        "write a list: one `- item` per line".into()
    } else if message.contains("expected a map") || message.contains("struct") {
        "write a map of keys, e.g. `{ko: …, en: …}`".into()
    } else if message.contains("expected a string") {
        "write plain text; quote it if it starts with a special character".into()
    } else {
        "use the type shown in the content format (README)".into()
    }
}
