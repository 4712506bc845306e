//! The one walk over a file's YAML events: where every field path sits, duplicate keys,
//! limits (aliases, expanded size, nesting) counted before anything expands, and the events
//! of the first document kept for [`super::de`] to read the values from.

use super::error::Mark;
use super::events::{Document, Event as DeEvent, Scalar, ScalarStyle};
use super::{PositionIndex, join};
use crate::content::limits::Limits;
use crate::diagnostic::{Diagnostic, Position};
use std::collections::HashMap;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser, Tag};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// A file read once: the index, the first document's events, and whether more follow.
pub(super) struct Walked {
    /// Where every path sits.
    pub index: PositionIndex,
    /// The first document, for the values.
    pub document: Document,
    /// Whether another document follows the first (serde_yaml refused such files).
    pub more_documents: bool,
}

/// Walk the YAML events once and remember where every path starts; refuse duplicate keys
/// and what breaks `limits`.
pub(super) fn walk(src: &str, limits: &Limits) -> Result<Walked, Box<Diagnostic>> {
    let mut recv = Indexer::new(limits);
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
    if let Some(d) = recv.refused {
        return Err(d);
    }
    // The same parser, one event further: anything but the end is a second document.
    let more_documents =
        !recv.stream_ended && !matches!(parser.next_token(), Ok((Event::StreamEnd, _)));
    let mut document = recv.document;
    place_block_maps_at_first_key(&mut document);
    end_block_scalar_at_end_of_file(&mut document, src);
    if !recv.document_seen {
        // No document at all (an empty file): one empty value, placed at the end.
        document.events.push((DeEvent::Void, recv.stream_end));
    }
    Ok(Walked { index: recv.index, document, more_documents })
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
    /// How many bytes of nodes the open map or list holds so far.
    fn size_mut(&mut self) -> &mut u64 {
        match self {
            Frame::Map { size, .. } | Frame::Seq { size, .. } => size,
        }
    }
}

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
    /// The first document's events, for the values.
    document: Document,
    /// Where in `document` each anchor's node starts, by anchor id.
    anchor_events: HashMap<usize, usize>,
    /// Whether a document has started; whether the first one is still open.
    document_seen: bool,
    in_document: bool,
    /// Whether the parser has reported the end of the input, and where it is.
    stream_ended: bool,
    stream_end: Mark,
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
    fn on_scalar(&mut self, text: &str, plain: bool, anchor: usize, mark: &Marker) {
        let bytes = text.len() as u64 + 1;
        self.add_size(bytes);
        if anchor > 0 {
            self.anchors.insert(anchor, bytes);
        }
        match self.next_path() {
            Some(path) => {
                if plain && text.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c)) {
                    self.index.numbers.insert(path.clone(), text.to_string());
                }
                self.index.values.insert(path, (position(mark), text.len().max(1)));
            }
            None => self.on_key(text.to_string(), mark),
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

/// A marker's place as people count it (1-based column).
fn position(mark: &Marker) -> Position {
    Position { line: mark.line(), column: mark.col() + 1 }
}

impl Indexer {
    /// A fresh walk under `limits`.
    fn new(limits: &Limits) -> Self {
        Indexer {
            stack: Vec::new(),
            index: PositionIndex::default(),
            limits: limits.clone(),
            anchors: HashMap::new(),
            aliases: 0,
            total: 0,
            refused: None,
            document: Document::default(),
            anchor_events: HashMap::new(),
            document_seen: false,
            in_document: false,
            stream_ended: false,
            stream_end: Mark { line: 1, col: 0 },
        }
    }

    /// Keep an event of the first document for the values; `anchor` marks it as named.
    fn record(&mut self, event: DeEvent, anchor: usize, mark: Marker) {
        if !self.in_document {
            return;
        }
        if anchor > 0 {
            self.anchor_events.insert(anchor, self.document.events.len());
        }
        self.document.events.push((event, mark.into()));
    }

    /// Where the anchor `id` names, as an event for the values.
    fn alias_event(&self, id: usize) -> DeEvent {
        // The parser refuses an unknown anchor; an empty value is the safe reading anyway.
        self.anchor_events.get(&id).map_or(DeEvent::Void, |&at| DeEvent::Alias(at))
    }

    /// The start and end of documents and of the input.
    fn on_boundary(&mut self, ev: &Event, mark: Marker) {
        match ev {
            Event::DocumentStart => {
                self.in_document = !self.document_seen;
                self.document_seen = true;
            }
            Event::DocumentEnd => self.in_document = false,
            Event::StreamEnd => (self.stream_ended, self.stream_end) = (true, mark.into()),
            _ => {}
        }
    }
}

/// yaml-rust2 places a block map at the `:` after its first key, libyaml (and so serde_yaml,
/// whose positions the messages carry) at the key itself: a map that starts after its first
/// key is moved there. Flow maps (`{`) and explicit keys (`?`) start before it and stay.
fn place_block_maps_at_first_key(document: &mut Document) {
    let at = |m: &Mark| (m.line, m.col);
    for i in 1..document.events.len() {
        let (before, after) = document.events.split_at_mut(i);
        if let ((DeEvent::MappingStart(_), map), (_, first_key)) = (&mut before[i - 1], &after[0])
            && at(first_key) < at(map)
        {
            *map = *first_key;
        }
    }
}

/// A `|` or `>` block that runs to the end of a file without a final line break: yaml-rust2
/// gives it one anyway, libyaml (serde_yaml) does not, as YAML says; the break is taken off.
fn end_block_scalar_at_end_of_file(document: &mut Document, src: &str) {
    if src.ends_with(['\n', '\r']) {
        return;
    }
    let last_line = src.rsplit(['\n', '\r']).next().unwrap_or_default().trim_start();
    let last_scalar = document.events.iter_mut().rev().find_map(|(e, _)| match e {
        DeEvent::Scalar(s) => Some(s),
        _ => None,
    });
    if let Some(scalar) = last_scalar
        && matches!(scalar.style, ScalarStyle::Literal | ScalarStyle::Folded)
        && !last_line.is_empty()
        && let Some(body) = scalar.value.strip_suffix('\n')
        && body.ends_with(last_line)
    {
        scalar.value.truncate(body.len());
    }
}

/// A yaml-rust2 tag as one string (`!!int` → `tag:yaml.org,2002:int`, `!x` → `!x`).
fn tag_text(tag: Option<Tag>) -> Option<String> {
    tag.map(|t| t.handle + &t.suffix)
}

/// How a scalar is written, in the deserializer's terms.
fn scalar_style(style: TScalarStyle) -> ScalarStyle {
    match style {
        TScalarStyle::Plain => ScalarStyle::Plain,
        TScalarStyle::SingleQuoted => ScalarStyle::SingleQuoted,
        TScalarStyle::DoubleQuoted => ScalarStyle::DoubleQuoted,
        TScalarStyle::Literal => ScalarStyle::Literal,
        TScalarStyle::Folded => ScalarStyle::Folded,
    }
}

impl MarkedEventReceiver for Indexer {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        if self.refused.is_some() {
            return;
        }
        match ev {
            Event::Scalar(text, style, anchor, tag) => {
                self.on_scalar(&text, style == TScalarStyle::Plain, anchor, &mark);
                let scalar = Scalar { value: text, style: scalar_style(style), tag: tag_text(tag) };
                self.record(DeEvent::Scalar(scalar), anchor, mark);
            }
            Event::MappingStart(anchor, tag) => {
                self.open(true, anchor, &mark);
                self.record(DeEvent::MappingStart(tag_text(tag)), anchor, mark);
            }
            Event::SequenceStart(anchor, tag) => {
                self.open(false, anchor, &mark);
                self.record(DeEvent::SequenceStart(tag_text(tag)), anchor, mark);
            }
            Event::MappingEnd => {
                self.close();
                self.record(DeEvent::MappingEnd, 0, mark);
            }
            Event::SequenceEnd => {
                self.close();
                self.record(DeEvent::SequenceEnd, 0, mark);
            }
            Event::Alias(id) => {
                self.on_alias(id, &mark);
                let event = self.alias_event(id);
                self.record(event, 0, mark);
            }
            other => self.on_boundary(&other, mark),
        }
    }
}
