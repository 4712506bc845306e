//! Typed values (serde) from the YAML events the position index has already walked: one parse
//! gives the values and where each sits.
//!
//! A port of serde_yaml 0.9's event deserializer onto yaml-rust2's events, kept faithful so
//! every value and every error message reads as it did under serde_yaml (the scalar rules are
//! in [`super::scalar`], the error wording in [`super::error`]).

use super::access::{EnumAccess, MapAccess, SeqAccess};
use super::error::{Error, Mark, Path};
use super::scalar::{
    TAG_BOOL, TAG_FLOAT, TAG_INT, TAG_NULL, invalid_scalar_type, is_plain_or_tagged_literal_scalar,
    parse_bool, parse_f64, parse_null, parse_signed_int, parse_unsigned_int, visit_scalar,
};
use serde::de::{self, Expected, Unexpected, Visitor};

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
    fn typed_scalar<'de, V: Visitor<'de>>(
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
    fn enum_tag(tag: &'d Option<String>, tagged_already: bool) -> Option<&'d str> {
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

/// Whether an untagged plain scalar at this place is null (empty, `~`, `null`).
fn is_plain_null(scalar: &super::de::Scalar, tagged_already: bool) -> bool {
    if scalar.style != ScalarStyle::Plain {
        false
    } else if let (Some(tag), false) = (&scalar.tag, tagged_already) {
        tag == TAG_NULL && parse_null(&scalar.value).is_some()
    } else {
        scalar.value.is_empty() || parse_null(&scalar.value).is_some()
    }
}

/// Whether an event stands for an empty list or map (an empty file, or a bare `key:`).
fn is_empty_collection(event: &Event) -> bool {
    match event {
        Event::Void => true,
        Event::Scalar(scalar) => scalar.value.is_empty() && scalar.style == ScalarStyle::Plain,
        _ => false,
    }
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let tagged_already = self.current_enum.is_some();
        let (next, mark) = self.next_event_mark()?;
        let result = match next {
            Event::Alias(target) => {
                let mut pos = *target;
                self.jump(&mut pos)?.deserialize_any(visitor)
            }
            Event::Scalar(scalar) => match Deserializer::enum_tag(&scalar.tag, tagged_already) {
                Some(tag) => {
                    *self.pos -= 1;
                    visitor.visit_enum(EnumAccess { de: self, name: None, tag })
                }
                None => visit_scalar(visitor, scalar, tagged_already),
            },
            Event::SequenceStart(tag) => match Deserializer::enum_tag(tag, tagged_already) {
                Some(tag) => {
                    *self.pos -= 1;
                    visitor.visit_enum(EnumAccess { de: self, name: None, tag })
                }
                None => self.visit_sequence(visitor, mark),
            },
            Event::MappingStart(tag) => match Deserializer::enum_tag(tag, tagged_already) {
                Some(tag) => {
                    *self.pos -= 1;
                    visitor.visit_enum(EnumAccess { de: self, name: None, tag })
                }
                None => self.visit_mapping(visitor, mark),
            },
            Event::SequenceEnd | Event::MappingEnd => Err(Error::end_of_stream()),
            Event::Void => visitor.visit_none(),
        };
        result.map_err(|e| e.fix_mark(mark, &self.path))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_scalar(TAG_BOOL, visitor, |text, visitor| match parse_bool(text) {
            Some(b) => Ok(visitor.visit_bool(b)),
            None => Err(visitor),
        })
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_scalar(TAG_INT, visitor, |text, visitor| {
            match parse_signed_int(text, i64::from_str_radix) {
                Some(int) => Ok(visitor.visit_i64(int)),
                None => Err(visitor),
            }
        })
    }

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_scalar(TAG_INT, visitor, |text, visitor| {
            match parse_signed_int(text, i128::from_str_radix) {
                Some(int) => Ok(visitor.visit_i128(int)),
                None => Err(visitor),
            }
        })
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_scalar(TAG_INT, visitor, |text, visitor| {
            match parse_unsigned_int(text, u64::from_str_radix) {
                Some(int) => Ok(visitor.visit_u64(int)),
                None => Err(visitor),
            }
        })
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_scalar(TAG_INT, visitor, |text, visitor| {
            match parse_unsigned_int(text, u128::from_str_radix) {
                Some(int) => Ok(visitor.visit_u128(int)),
                None => Err(visitor),
            }
        })
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_scalar(TAG_FLOAT, visitor, |text, visitor| match parse_f64(text) {
            Some(f) => Ok(visitor.visit_f64(f)),
            None => Err(visitor),
        })
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    /// Any scalar reads as its text: a string field takes `2024` or `yes` as written.
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (next, mark) = self.next_event_mark()?;
        let result = match next {
            Event::Scalar(scalar) => visitor.visit_str(&scalar.value),
            Event::Alias(target) => {
                let mut pos = *target;
                self.jump(&mut pos)?.deserialize_str(visitor)
            }
            other => Err(invalid_type(other, &visitor)),
        };
        result.map_err(|e| e.fix_mark(mark, &self.path))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(bytes_unsupported())
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(bytes_unsupported())
    }

    /// Null (`~`, `null`, empty) is `None`; anything else, quoted `"null"` included, is `Some`.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let is_some = match self.peek_event()? {
            Event::Alias(target) => {
                *self.pos += 1;
                let mut pos = *target;
                return self.jump(&mut pos)?.deserialize_option(visitor);
            }
            Event::Scalar(scalar) => {
                let tagged_already = self.current_enum.is_some();
                match (&scalar.tag, tagged_already) {
                    _ if scalar.style != ScalarStyle::Plain => true,
                    (Some(tag), false) if tag == TAG_NULL => match parse_null(&scalar.value) {
                        Some(()) => false,
                        None => {
                            let found = Unexpected::Str(&scalar.value);
                            return Err(de::Error::invalid_value(found, &"null"));
                        }
                    },
                    (Some(_), false) => true,
                    _ => !scalar.value.is_empty() && parse_null(&scalar.value).is_none(),
                }
            }
            Event::SequenceStart(_) | Event::MappingStart(_) => true,
            Event::SequenceEnd | Event::MappingEnd => return Err(Error::end_of_stream()),
            Event::Void => false,
        };
        if is_some {
            visitor.visit_some(self)
        } else {
            *self.pos += 1;
            self.current_enum = None;
            visitor.visit_none()
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let tagged_already = self.current_enum.is_some();
        let (next, mark) = self.next_event_mark()?;
        let result = match next {
            Event::Scalar(scalar) if is_plain_null(scalar, tagged_already) => visitor.visit_unit(),
            Event::Scalar(scalar) => {
                Err(de::Error::invalid_value(Unexpected::Str(&scalar.value), &"null"))
            }
            Event::Alias(target) => {
                let mut pos = *target;
                self.jump(&mut pos)?.deserialize_unit(visitor)
            }
            Event::Void => visitor.visit_unit(),
            other => Err(invalid_type(other, &visitor)),
        };
        result.map_err(|e| e.fix_mark(mark, &self.path))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let (_, mark) = self.peek_event_mark()?;
        self.recursion_check(mark, |de| visitor.visit_newtype_struct(de))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (next, mark) = self.next_event_mark()?;
        let result = match next {
            Event::Alias(target) => {
                let mut pos = *target;
                self.jump(&mut pos)?.deserialize_seq(visitor)
            }
            Event::SequenceStart(_) => self.visit_sequence(visitor, mark),
            other if is_empty_collection(other) => {
                visitor.visit_seq(SeqAccess { empty: true, de: self, len: 0 })
            }
            other => Err(invalid_type(other, &visitor)),
        };
        result.map_err(|e| e.fix_mark(mark, &self.path))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (next, mark) = self.next_event_mark()?;
        let result = match next {
            Event::Alias(target) => {
                let mut pos = *target;
                self.jump(&mut pos)?.deserialize_map(visitor)
            }
            Event::MappingStart(_) => self.visit_mapping(visitor, mark),
            other if is_empty_collection(other) => {
                visitor.visit_map(MapAccess { empty: true, de: self, len: 0, key: None })
            }
            other => Err(invalid_type(other, &visitor)),
        };
        result.map_err(|e| e.fix_mark(mark, &self.path))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        super::access::deserialize_enum(self, name, variants, visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.ignore_any()?;
        visitor.visit_unit()
    }
}

/// serde_yaml's refusal of byte strings.
fn bytes_unsupported() -> Error {
    Error::fixed("serialization and deserialization of bytes in YAML is not implemented", None)
}
