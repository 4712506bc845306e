//! Lists, maps and enums for the event deserializer ([`super::de`]), as serde_yaml reads them.
//!
//! Adapted from serde_yaml 0.9 (David Tolnay; MIT OR Apache-2.0, the licences yoyak uses).

use super::de::{CurrentEnum, Deserializer, parse_tag};
use super::error::{Error, Mark, Path};
use super::events::Event;
use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeSeed, Expected, Unexpected, Visitor};

impl Deserializer<'_> {
    /// Skip one whole value.
    pub(super) fn ignore_any(&mut self) -> Result<(), Error> {
        let mut depth = 0usize;
        loop {
            match self.next_event_mark()?.0 {
                Event::SequenceStart(_) | Event::MappingStart(_) => depth += 1,
                Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
                Event::Alias(_) | Event::Scalar(_) | Event::Void => {}
            }
            if depth == 0 {
                return Ok(());
            }
        }
    }

    /// Read a list's elements with `visitor`, then check nothing is left over.
    pub(super) fn visit_sequence<'de, V: Visitor<'de>>(
        &mut self,
        visitor: V,
        mark: Mark,
    ) -> Result<V::Value, Error> {
        let (value, len) = self.recursion_check(mark, |de| {
            let mut seq = SeqAccess { empty: false, de, len: 0 };
            let value = visitor.visit_seq(&mut seq)?;
            Ok((value, seq.len))
        })?;
        self.end_sequence(len)?;
        Ok(value)
    }

    /// Read a map's entries with `visitor`, then check nothing is left over.
    pub(super) fn visit_mapping<'de, V: Visitor<'de>>(
        &mut self,
        visitor: V,
        mark: Mark,
    ) -> Result<V::Value, Error> {
        let (value, len) = self.recursion_check(mark, |de| {
            let mut map = MapAccess { empty: false, de, len: 0, key: None };
            let value = visitor.visit_map(&mut map)?;
            Ok((value, map.len))
        })?;
        self.end_mapping(len)?;
        Ok(value)
    }

    /// Skip the elements the visitor left and fail if there were any.
    fn end_sequence(&mut self, len: usize) -> Result<(), Error> {
        let total = {
            let mut seq = SeqAccess { empty: false, de: self, len };
            while de::SeqAccess::next_element::<de::IgnoredAny>(&mut seq)?.is_some() {}
            seq.len
        };
        self.next_event_mark()?;
        if total == len {
            return Ok(());
        }
        let expected =
            ExpectedLength { len, what: "sequence of", one: "element", many: "elements" };
        Err(de::Error::invalid_length(total, &expected))
    }

    /// Skip the entries the visitor left and fail if there were any.
    fn end_mapping(&mut self, len: usize) -> Result<(), Error> {
        let total = {
            let mut map = MapAccess { empty: false, de: self, len, key: None };
            while de::MapAccess::next_entry::<de::IgnoredAny, de::IgnoredAny>(&mut map)?.is_some() {
            }
            map.len
        };
        self.next_event_mark()?;
        if total == len {
            return Ok(());
        }
        let expected =
            ExpectedLength { len, what: "map containing", one: "entry", many: "entries" };
        Err(de::Error::invalid_length(total, &expected))
    }
}

/// The elements of a list.
pub(super) struct SeqAccess<'a, 'd> {
    /// A bare `key:` read as a list: no elements and no closing event.
    pub empty: bool,
    pub de: &'a mut Deserializer<'d>,
    /// Elements read so far.
    pub len: usize,
}

impl<'de> de::SeqAccess<'de> for SeqAccess<'_, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.empty {
            return Ok(None);
        }
        match self.de.peek_event()? {
            Event::SequenceEnd | Event::Void => Ok(None),
            _ => {
                let path = Path::Seq { parent: &self.de.path, index: self.len };
                let mut element = Deserializer {
                    document: self.de.document,
                    pos: self.de.pos,
                    jumpcount: self.de.jumpcount,
                    path,
                    remaining_depth: self.de.remaining_depth,
                    current_enum: None,
                };
                self.len += 1;
                seed.deserialize(&mut element).map(Some)
            }
        }
    }
}

/// The entries of a map.
pub(super) struct MapAccess<'a, 'd> {
    /// A bare `key:` read as a map: no entries and no closing event.
    pub empty: bool,
    pub de: &'a mut Deserializer<'d>,
    /// Entries read so far.
    pub len: usize,
    /// The text of the key just read, when it is a scalar (for the value's path).
    pub key: Option<&'d str>,
}

impl<'de> de::MapAccess<'de> for MapAccess<'_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.empty {
            return Ok(None);
        }
        match self.de.peek_event()? {
            Event::MappingEnd | Event::Void => Ok(None),
            Event::Scalar(scalar) => {
                self.len += 1;
                self.key = Some(&scalar.value);
                seed.deserialize(&mut *self.de).map(Some)
            }
            _ => {
                self.len += 1;
                self.key = None;
                seed.deserialize(&mut *self.de).map(Some)
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let path = match self.key {
            Some(key) => Path::Map { parent: &self.de.path, key },
            None => Path::Unknown { parent: &self.de.path },
        };
        let mut value = Deserializer {
            document: self.de.document,
            pos: self.de.pos,
            jumpcount: self.de.jumpcount,
            path,
            remaining_depth: self.de.remaining_depth,
            current_enum: None,
        };
        seed.deserialize(&mut value)
    }
}

/// An enum whose variant a tag names (`!variant value`).
pub(super) struct EnumAccess<'a, 'd> {
    pub de: &'a mut Deserializer<'d>,
    pub name: Option<&'static str>,
    pub tag: &'d str,
}

impl<'de, 'a, 'd> de::EnumAccess<'de> for EnumAccess<'a, 'd> {
    type Error = Error;
    type Variant = Deserializer<'a>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Deserializer<'a>), Error> {
        let variant = seed.deserialize(StrDeserializer::<Error>::new(self.tag))?;
        let current_enum = Some(CurrentEnum { name: self.name, tag: self.tag });
        let de = Deserializer {
            document: self.de.document,
            pos: self.de.pos,
            jumpcount: self.de.jumpcount,
            path: self.de.path,
            remaining_depth: self.de.remaining_depth,
            current_enum,
        };
        Ok((variant, de))
    }
}

impl<'de> de::VariantAccess<'de> for Deserializer<'_> {
    type Error = Error;

    fn unit_variant(mut self) -> Result<(), Error> {
        de::Deserialize::deserialize(&mut self)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(mut self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(&mut self)
    }

    fn tuple_variant<V: Visitor<'de>>(
        mut self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(&mut self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        mut self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_struct(&mut self, "", fields, visitor)
    }
}

/// An enum written as its variant's name (`approx: over`).
pub(super) struct UnitVariantAccess<'a, 'd> {
    pub de: &'a mut Deserializer<'d>,
}

impl<'de, 'a, 'd> de::EnumAccess<'de> for UnitVariantAccess<'a, 'd> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        Ok((seed.deserialize(&mut *self.de)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariantAccess<'_, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value, Error> {
        Err(de::Error::invalid_type(Unexpected::UnitVariant, &"newtype variant"))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value, Error> {
        Err(de::Error::invalid_type(Unexpected::UnitVariant, &"tuple variant"))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Error> {
        Err(de::Error::invalid_type(Unexpected::UnitVariant, &"struct variant"))
    }
}

/// An enum: a scalar names a unit variant, a tag (`!variant`) names any variant; a list or
/// map without a tag is refused.
pub(super) fn deserialize_enum<'de, 'd, V: Visitor<'de>>(
    de: &mut Deserializer<'d>,
    name: &'static str,
    _variants: &'static [&'static str],
    visitor: V,
) -> Result<V::Value, Error> {
    let (next, mark) = de.peek_event_mark()?;
    let result = if let Some(current) = de.current_enum {
        if let Event::Scalar(scalar) = next
            && !scalar.value.is_empty()
        {
            visitor.visit_enum(UnitVariantAccess { de: &mut *de })
        } else {
            let message = match current.name {
                Some(name) => format!(
                    "deserializing nested enum in {name}::{} from YAML is not supported yet",
                    current.tag
                ),
                None => format!(
                    "deserializing nested enum in !{} from YAML is not supported yet",
                    current.tag
                ),
            };
            Err(de::Error::custom(message))
        }
    } else {
        match next {
            Event::Alias(target) => {
                *de.pos += 1;
                let mut pos = *target;
                deserialize_enum(&mut de.jump(&mut pos)?, name, &[], visitor)
            }
            Event::Scalar(scalar) => match parse_tag(scalar.tag.as_deref()) {
                Some(tag) => {
                    return visitor.visit_enum(EnumAccess { de: &mut *de, name: Some(name), tag });
                }
                None => visitor.visit_enum(UnitVariantAccess { de: &mut *de }),
            },
            Event::MappingStart(tag) | Event::SequenceStart(tag) => {
                if let Some(tag) = parse_tag(tag.as_deref()) {
                    return visitor.visit_enum(EnumAccess { de: &mut *de, name: Some(name), tag });
                }
                let found = match next {
                    Event::MappingStart(_) => Unexpected::Map,
                    _ => Unexpected::Seq,
                };
                let err: Error = de::Error::invalid_type(found, &"a YAML tag starting with '!'");
                Err(err.fix_mark(mark, &de.path))
            }
            Event::SequenceEnd | Event::MappingEnd | Event::Void => Err(Error::end_of_stream()),
        }
    };
    result.map_err(|e| e.fix_mark(mark, &de.path))
}

/// The length a list or map was expected to have, worded as serde_yaml words it ("sequence of
/// 1 element", "map containing 3 entries").
struct ExpectedLength {
    len: usize,
    what: &'static str,
    one: &'static str,
    many: &'static str,
}

impl Expected for ExpectedLength {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let noun = if self.len == 1 { self.one } else { self.many };
        write!(f, "{} {} {noun}", self.what, self.len)
    }
}
