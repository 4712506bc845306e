//! The serde `Deserializer` trait over the YAML events: what each Rust type asks of the
//! document (a string, a number, a list, a struct…), answered from the reader in [`super::de`].
//!
//! Adapted from serde_yaml 0.9 (David Tolnay; MIT OR Apache-2.0, the licences yoyak uses).

use super::access::{EnumAccess, MapAccess, SeqAccess};
use super::de::{Deserializer, invalid_type};
use super::error::Error;
use super::events::{Event, Scalar, ScalarStyle};
use super::scalar::{
    TAG_BOOL, TAG_FLOAT, TAG_INT, TAG_NULL, parse_bool, parse_f64, parse_null, parse_signed_int,
    parse_unsigned_int, visit_scalar,
};
use serde::de::{self, Unexpected, Visitor};

/// Whether an untagged plain scalar at this place is null (empty, `~`, `null`).
fn is_plain_null(scalar: &Scalar, tagged_already: bool) -> bool {
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
