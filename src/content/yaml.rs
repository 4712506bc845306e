//! The one place that parses YAML.
//!
//! serde_yaml turns a file into typed values; it does not expose where each node sits, so a
//! second, event-level pass (yaml-rust2) records the line and column of every field path.
//! Validation later uses those positions to point editors at the exact line.

use super::config::Limits;
use crate::diagnostic::{Diagnostic, Position};
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap};
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// Where each field path (`facts[3].label.en`) starts in a YAML file.
#[derive(Clone, Debug, Default)]
pub struct PositionIndex {
    values: BTreeMap<String, (Position, usize)>,
    keys: BTreeMap<String, (Position, usize)>,
    /// The text of every plain scalar that may be a number, by path: a fact's value is read
    /// from it exactly, since serde_yaml hands over a float.
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
/// nesting) are refused before serde_yaml sees the text, so an alias bomb is never expanded.
pub fn parse<T: DeserializeOwned>(
    src: &str,
    limits: &Limits,
) -> Result<(T, PositionIndex), Box<Diagnostic>> {
    if let Some(d) = control_character(src) {
        return Err(Box::new(d));
    }
    let index = index_positions(src, limits)?;
    match serde_yaml::from_str::<T>(src) {
        Ok(value) => Ok((value, index)),
        Err(err) => Err(Box::new(translate_error(&err, &index))),
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

/// Walk the YAML events once and remember where every path starts; refuse duplicate keys
/// and what breaks `limits`.
fn index_positions(src: &str, limits: &Limits) -> Result<PositionIndex, Box<Diagnostic>> {
    let mut recv = Indexer { limits: limits.clone(), ..Default::default() };
    let mut parser = Parser::new_from_str(src);
    if let Err(e) = parser.load(&mut recv, false) {
        let m = e.marker();
        if e.info().contains("recursion limit") {
            // The reader's own ceiling, far below what would exhaust the stack.
            let message = "lists and maps nest deeper than the YAML reader allows".to_string();
            return Err(limit_error(m, String::new(), message, "limits.nesting"));
        }
        let mut d = Diagnostic::error(
            "Y0101",
            "",
            format!("YAML syntax error: {}", e.info()),
            "check the indentation and quoting on this line or the one above it; text containing `: ` or starting with a quote must be quoted as a whole",
        );
        d.position = Some(Position { line: m.line(), column: m.col() + 1 });
        return Err(Box::new(d));
    }
    match recv.refused {
        Some(d) => Err(d),
        None => Ok(recv.index),
    }
}

enum Frame {
    Map {
        path: String,
        pending_key: Option<String>,
        /// Keys seen so far, with where each was written (for duplicate keys).
        keys: HashMap<String, Position>,
        /// Bytes under this node once aliases are expanded.
        size: u64,
        anchor: usize,
    },
    Seq {
        path: String,
        next: usize,
        size: u64,
        anchor: usize,
    },
}

impl Frame {
    fn size_mut(&mut self) -> &mut u64 {
        match self {
            Frame::Map { size, .. } | Frame::Seq { size, .. } => size,
        }
    }
}

#[derive(Default)]
struct Indexer {
    stack: Vec<Frame>,
    index: PositionIndex,
    limits: Limits,
    /// Expanded size of each anchored node, by anchor id.
    anchors: HashMap<usize, u64>,
    aliases: u64,
    /// Expanded size of what has been closed at the top level.
    total: u64,
    /// The first reason to refuse the file; later events are ignored.
    refused: Option<Box<Diagnostic>>,
}

impl Indexer {
    /// Path of the node that starts now, consuming the parent's pending key or index.
    /// Returns None when the node is a mapping key.
    fn next_path(&mut self) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Map { path, pending_key, .. }) => {
                pending_key.take().map(|k| join(path, &k))
            }
            Some(Frame::Seq { path, next, .. }) => {
                let p = format!("{path}[{next}]");
                *next += 1;
                Some(p)
            }
        }
    }

    /// Count `bytes` of expanded input towards the enclosing node (or the file).
    fn add_size(&mut self, bytes: u64) {
        // Saturating: a project may raise the limits as far as it likes.
        let size = match self.stack.last_mut() {
            Some(frame) => frame.size_mut(),
            None => &mut self.total,
        };
        *size = size.saturating_add(bytes);
    }

    /// Stop reading the file: `message` names the limit, `setting` raises it.
    fn refuse(&mut self, mark: &Marker, field: String, message: String, setting: &str) {
        self.refused = Some(limit_error(mark, field, message, setting));
    }

    /// A scalar: a value at its path, or a key of the open map (checked for duplicates).
    fn on_scalar(&mut self, text: String, plain: bool, anchor: usize, mark: &Marker) {
        let bytes = text.len() as u64 + 1;
        self.add_size(bytes);
        if anchor > 0 {
            self.anchors.insert(anchor, bytes);
        }
        match self.next_path() {
            Some(path) => {
                if plain && text.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c)) {
                    self.index.numbers.insert(path.clone(), text.clone());
                }
                self.index.values.insert(path, (position(mark), text.len().max(1)));
            }
            None => self.on_key(text, mark),
        }
    }

    /// A mapping key: refused when the map already has it (YAML would keep the last silently).
    fn on_key(&mut self, text: String, mark: &Marker) {
        let Some(Frame::Map { path, pending_key, keys, .. }) = self.stack.last_mut() else {
            return;
        };
        let full = join(path, &text);
        if let Some(first) = keys.get(&text) {
            let mut d = Diagnostic::error(
                "Y0115",
                full,
                format!(
                    "`{text}` is written twice here (lines {} and {})",
                    first.line,
                    mark.line()
                ),
                "keep one of the two: YAML would silently drop the first",
            );
            d.position = Some(position(mark));
            d.span_len = text.len().max(1);
            self.refused = Some(Box::new(d));
            return;
        }
        keys.insert(text.clone(), position(mark));
        self.index.keys.insert(full, (position(mark), text.len().max(1)));
        *pending_key = Some(text);
    }

    /// A list or map opens: checked against the nesting limit.
    fn open(&mut self, map: bool, anchor: usize, mark: &Marker) {
        let path = self.next_path().unwrap_or_default();
        if self.stack.len() as u64 >= self.limits.nesting {
            let message = format!("lists and maps nest deeper than {} levels", self.limits.nesting);
            self.refuse(mark, path, message, "limits.nesting");
            return;
        }
        self.index.values.entry(path.clone()).or_insert((position(mark), 1));
        self.stack.push(match map {
            true => Frame::Map { path, pending_key: None, keys: HashMap::new(), size: 1, anchor },
            false => Frame::Seq { path, next: 0, size: 1, anchor },
        });
    }

    /// A list or map closes: its expanded size goes to its parent (and its anchor).
    fn close(&mut self) {
        let Some(frame) = self.stack.pop() else { return };
        let (size, anchor) = match frame {
            Frame::Map { size, anchor, .. } | Frame::Seq { size, anchor, .. } => (size, anchor),
        };
        if anchor > 0 {
            self.anchors.insert(anchor, size);
        }
        self.add_size(size);
    }

    /// An alias repeats what it names: counted, and its size added again.
    fn on_alias(&mut self, id: usize, mark: &Marker) {
        let path = self.next_path().unwrap_or_default();
        self.aliases += 1;
        if self.aliases > self.limits.aliases {
            let message = format!("more than {} aliases (`*name`)", self.limits.aliases);
            return self.refuse(mark, path, message, "limits.aliases");
        }
        let size = self.anchors.get(&id).copied().unwrap_or(1);
        self.add_size(size);
        let open = self.stack.iter_mut().fold(0u64, |sum, f| sum.saturating_add(*f.size_mut()));
        let expanded = self.total.saturating_add(open);
        if expanded > self.limits.expanded_size {
            let message = format!(
                "with its aliases expanded the file is over {} bytes",
                self.limits.expanded_size
            );
            self.refuse(mark, path, message, "limits.expanded-size");
        }
    }
}

/// A file over a limit: `message` says which, `setting` raises it.
fn limit_error(mark: &Marker, field: String, message: String, setting: &str) -> Box<Diagnostic> {
    let fix = format!(
        "simplify the file, or raise `{setting}` in yoyak.yaml if it is meant to be this big"
    );
    let mut d = Diagnostic::error("Y0114", field, message, fix);
    d.position = Some(position(mark));
    Box::new(d)
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

fn position(mark: &Marker) -> Position {
    Position { line: mark.line(), column: mark.col() + 1 }
}

impl MarkedEventReceiver for Indexer {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        if self.refused.is_some() {
            return;
        }
        match ev {
            Event::Scalar(text, style, anchor, _) => {
                self.on_scalar(text, style == TScalarStyle::Plain, anchor, &mark)
            }
            Event::MappingStart(anchor, _) => self.open(true, anchor, &mark),
            Event::SequenceStart(anchor, _) => self.open(false, anchor, &mark),
            Event::MappingEnd | Event::SequenceEnd => self.close(),
            Event::Alias(id) => self.on_alias(id, &mark),
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
