//! The events of one YAML document as the position index keeps them, and the scalars in them:
//! what the typed reader ([`super::de`]) walks.

use super::error::Mark;

/// How a scalar is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScalarStyle {
    /// Unquoted: its text decides its type.
    Plain,
    /// `'…'`.
    SingleQuoted,
    /// `"…"`.
    DoubleQuoted,
    /// `|` block.
    Literal,
    /// `>` block.
    Folded,
}

/// A scalar with its tag (resolved: `!!int` → `tag:yaml.org,2002:int`).
#[derive(Debug)]
pub struct Scalar {
    /// The text, escapes and folding applied.
    pub value: String,
    /// How it is written.
    pub style: ScalarStyle,
    /// Its tag, if it has one.
    pub tag: Option<String>,
}

/// One event of the first document, as the deserializer reads it.
#[derive(Debug)]
pub enum Event {
    /// `*name`: the index of the event the anchor is on.
    Alias(usize),
    /// A scalar.
    Scalar(Scalar),
    /// A list opens (with its tag).
    SequenceStart(Option<String>),
    /// A list closes.
    SequenceEnd,
    /// A map opens (with its tag).
    MappingStart(Option<String>),
    /// A map closes.
    MappingEnd,
    /// An empty file: no document at all.
    Void,
}

/// The events of the first document and where each starts.
#[derive(Debug, Default)]
pub struct Document {
    /// Events in file order.
    pub events: Vec<(Event, Mark)>,
}
