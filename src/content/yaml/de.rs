//! Typed values (serde) from the YAML events the position index has already walked: one parse
//! gives the values and where each sits.
//!
//! A port of serde_yaml 0.9's event deserializer onto yaml-rust2's events, kept faithful so
//! every value and every error message reads as it did under serde_yaml (the scalar rules are
//! in [`super::scalar`], the error wording in [`super::error`]).
//!
//! Adapted from serde_yaml 0.9 (David Tolnay; MIT OR Apache-2.0, the licences yoyak uses).

use super::error::{Error, Mark, Path};
use super::events::{Document, Event};
use super::scalar::{invalid_scalar_type, is_plain_or_tagged_literal_scalar};
use serde::de::{self, Expected, Unexpected, Visitor};

/// Reads a scalar's text as one type: the visited value, or the visitor back when the text
/// is not of that type.
type ReadScalar<'de, V> = fn(&str, V) -> Result<Result<<V as Visitor<'de>>::Value, Error>, V>;

/// Nesting serde_yaml allowed while reading values (the index refuses deeper files first
/// unless a project raises `limits.nesting`).
const DEPTH: u8 = 128;

/// Reads `T` from `document`.
pub fn from_document<T: de::DeserializeOwned>(document: &Document) -> Result<T, Error> {
    let (mut pos, mut jumpcount) = (0, 0);
    let mut de = Deserializer {
        document,
        pos: &mut pos,
        jumpcount: &mut jumpcount,
        path: Path::Root,
        remaining_depth: DEPTH,
        current_enum: None,
    };
    T::deserialize(&mut de)
}

/// The enum being read when a tag (`!variant`) named its variant.
#[derive(Copy, Clone)]
pub(super) struct CurrentEnum<'d> {
    pub name: Option<&'static str>,
    pub tag: &'d str,
}

/// A reader at one position of the document, with the path it reads.
pub struct Deserializer<'d> {
    pub(super) document: &'d Document,
    pub(super) pos: &'d mut usize,
    /// Aliases followed so far (shared by every reader of the document).
    pub(super) jumpcount: &'d mut usize,
    pub(super) path: Path<'d>,
    pub(super) remaining_depth: u8,
    pub(super) current_enum: Option<CurrentEnum<'d>>,
}

impl<'d> Deserializer<'d> {
    /// The next event without consuming it.
    pub(super) fn peek_event_mark(&self) -> Result<(&'d Event, Mark), Error> {
        match self.document.events.get(*self.pos) {
            Some((event, mark)) => Ok((event, *mark)),
            None => Err(Error::end_of_stream()),
        }
    }

    /// The next event.
    pub(super) fn peek_event(&self) -> Result<&'d Event, Error> {
        self.peek_event_mark().map(|(event, _)| event)
    }

    /// Consume the next event.
    pub(super) fn next_event_mark(&mut self) -> Result<(&'d Event, Mark), Error> {
        self.peek_event_mark().map(|(event, mark)| {
            *self.pos += 1;
            self.current_enum = None;
            (event, mark)
        })
    }

    /// A reader at what an alias names; the number of jumps is bounded so that aliases of
    /// aliases cannot make reading quadratic.
    pub(super) fn jump<'a>(&'a mut self, pos: &'a mut usize) -> Result<Deserializer<'a>, Error> {
        *self.jumpcount += 1;
        if *self.jumpcount > self.document.events.len() * 100 {
            return Err(Error::fixed("repetition limit exceeded", None));
        }
        Ok(Deserializer {
            document: self.document,
            pos,
            jumpcount: self.jumpcount,
            path: Path::Alias { parent: &self.path },
            remaining_depth: self.remaining_depth,
            current_enum: None,
        })
    }

    /// Run `f` one level deeper, refused past [`DEPTH`] levels.
    pub(super) fn recursion_check<T>(
        &mut self,
        mark: Mark,
        f: impl FnOnce(&mut Self) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let previous = self.remaining_depth;
        self.remaining_depth = match previous.checked_sub(1) {
            Some(depth) => depth,
            None => return Err(Error::fixed("recursion limit exceeded", Some(mark))),
        };
        let result = f(self);
        self.remaining_depth = previous;
        result
    }

    /// A scalar read as one type (`tag` forces it on a `|` block): `read` gives the value, or
    /// the visitor back when the text is not of that type.
    pub(super) fn typed_scalar<'de, V: Visitor<'de>>(
        &mut self,
        tag: &'static str,
        visitor: V,
        read: ReadScalar<'de, V>,
    ) -> Result<V::Value, Error> {
        let tagged_already = self.current_enum.is_some();
        let (next, mark) = self.next_event_mark()?;
        let result = match next {
            Event::Alias(target) => {
                let mut pos = *target;
                self.jump(&mut pos)?.typed_scalar(tag, visitor, read)
            }
            Event::Scalar(scalar)
                if is_plain_or_tagged_literal_scalar(tag, scalar, tagged_already) =>
            {
                match read(&scalar.value, visitor) {
                    Ok(result) => result,
                    Err(visitor) => Err(invalid_type(next, &visitor)),
                }
            }
            _ => Err(invalid_type(next, &visitor)),
        };
        result.map_err(|e| e.fix_mark(mark, &self.path))
    }

    /// A tag on a node read as any value names an enum variant (`!variant`).
    pub(super) fn enum_tag(tag: &'d Option<String>, tagged_already: bool) -> Option<&'d str> {
        if tagged_already {
            return None;
        }
        parse_tag(tag.as_deref())
    }
}

/// A local tag (`!name`) without its `!`; `None` for no tag or a global one (`!!str`).
pub(super) fn parse_tag(tag: Option<&str>) -> Option<&str> {
    let rest = tag?.strip_prefix('!')?;
    Some(if rest.is_empty() { tag? } else { rest })
}

/// serde's "invalid type" error for what `event` is.
pub(super) fn invalid_type(event: &Event, exp: &dyn Expected) -> Error {
    match event {
        Event::Scalar(scalar) => invalid_scalar_type(scalar, exp),
        Event::SequenceStart(_) => de::Error::invalid_type(Unexpected::Seq, exp),
        Event::MappingStart(_) => de::Error::invalid_type(Unexpected::Map, exp),
        Event::Alias(_) | Event::SequenceEnd | Event::MappingEnd | Event::Void => {
            Error::end_of_stream()
        }
    }
}
