//! What a YAML scalar means: null, a boolean, an integer, a float or a string.
//!
//! The rules are serde_yaml 0.9's (the YAML 1.2 core schema as it resolves it), so files read
//! exactly as they did when serde_yaml parsed them: `yes` stays a string, `~` is null, `0x10`
//! is 16, `.inf` a float, `0123` a string (leading zeros). The unit tests pin every case.
//!
//! Adapted from serde_yaml 0.9 (David Tolnay; MIT OR Apache-2.0, the licences yoyak uses).

use super::error::Error;
use super::events::{Scalar, ScalarStyle};
use serde::de::{self, Expected, Unexpected, Visitor};
use std::num::ParseIntError;

/// The tags that force a scalar's type (`!!bool`, `!!int`, `!!float`, `!!null`).
pub(super) const TAG_BOOL: &str = "tag:yaml.org,2002:bool";
pub(super) const TAG_INT: &str = "tag:yaml.org,2002:int";
pub(super) const TAG_FLOAT: &str = "tag:yaml.org,2002:float";
pub(super) const TAG_NULL: &str = "tag:yaml.org,2002:null";

/// Reads an integer of one type from text, radix aware (`0x`, `0o`, `0b`).
type FromRadix<T> = fn(&str, u32) -> Result<T, ParseIntError>;

/// `null`, `Null`, `NULL` or `~`.
pub(super) fn parse_null(scalar: &str) -> Option<()> {
    matches!(scalar, "null" | "Null" | "NULL" | "~").then_some(())
}

/// `true`/`false` in three spellings each (not `yes`/`no`: YAML 1.2).
pub(super) fn parse_bool(scalar: &str) -> Option<bool> {
    match scalar {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// The radix prefixes YAML integers may carry.
const RADIXES: [(&str, &str, u32); 3] = [("0x", "-0x", 16), ("0o", "-0o", 8), ("0b", "-0b", 2)];

/// What a radix prefix says about `unpositive` (text without a leading `+`).
enum Prefixed<T> {
    /// It reads as this number.
    Number(T),
    /// A sign after the prefix (`0x-1`): no number at all.
    Refused,
    /// No prefix, or digits the radix cannot read: try the next reading.
    NotThis,
}

/// `0x…`, `0o…` or `0b…` with `prefix` and `radix`.
fn positive_radix<T>(
    unpositive: &str,
    prefix: &str,
    radix: u32,
    read: FromRadix<T>,
) -> Prefixed<T> {
    let Some(rest) = unpositive.strip_prefix(prefix) else { return Prefixed::NotThis };
    if rest.starts_with(['+', '-']) {
        return Prefixed::Refused;
    }
    read(rest, radix).map_or(Prefixed::NotThis, Prefixed::Number)
}

/// `-0x…`, `-0o…` or `-0b…` with `prefix` and `radix`, read as a negative number.
fn negative_radix<T>(scalar: &str, prefix: &str, radix: u32, read: FromRadix<T>) -> Option<T> {
    let rest = scalar.strip_prefix(prefix)?;
    read(&format!("-{rest}"), radix).ok()
}

/// A non-negative integer: decimal (`+` allowed), or `0x`/`0o`/`0b`.
pub(super) fn parse_unsigned_int<T>(scalar: &str, read: FromRadix<T>) -> Option<T> {
    let unpositive = scalar.strip_prefix('+').unwrap_or(scalar);
    for (prefix, _, radix) in RADIXES {
        match positive_radix(unpositive, prefix, radix, read) {
            Prefixed::Number(int) => return Some(int),
            Prefixed::Refused => return None,
            Prefixed::NotThis => {}
        }
    }
    if unpositive.starts_with(['+', '-']) || digits_but_not_number(scalar) {
        return None;
    }
    read(unpositive, 10).ok()
}

/// A signed integer, for fields typed as signed.
pub(super) fn parse_signed_int<T>(scalar: &str, read: FromRadix<T>) -> Option<T> {
    let unpositive = match scalar.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => scalar,
    };
    for (prefix, negative, radix) in RADIXES {
        match positive_radix(unpositive, prefix, radix, read) {
            Prefixed::Number(int) => return Some(int),
            Prefixed::Refused => return None,
            Prefixed::NotThis => {}
        }
        if let Some(int) = negative_radix(scalar, negative, radix, read) {
            return Some(int);
        }
    }
    if digits_but_not_number(scalar) {
        return None;
    }
    read(unpositive, 10).ok()
}

/// A negative integer (or any decimal the type reads), `-0x…` included.
pub(super) fn parse_negative_int<T>(scalar: &str, read: FromRadix<T>) -> Option<T> {
    for (_, negative, radix) in RADIXES {
        if let Some(int) = negative_radix(scalar, negative, radix, read) {
            return Some(int);
        }
    }
    if digits_but_not_number(scalar) {
        return None;
    }
    read(scalar, 10).ok()
}

/// A float: decimal or scientific, `.inf`, `-.inf`, `.nan` in their three spellings.
pub(super) fn parse_f64(scalar: &str) -> Option<f64> {
    let unpositive = match scalar.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => scalar,
    };
    if let ".inf" | ".Inf" | ".INF" = unpositive {
        return Some(f64::INFINITY);
    }
    if let "-.inf" | "-.Inf" | "-.INF" = scalar {
        return Some(f64::NEG_INFINITY);
    }
    if let ".nan" | ".NaN" | ".NAN" = scalar {
        return Some(f64::NAN.copysign(1.0));
    }
    unpositive.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Leading zeros before digits (`0123`) make a string in YAML 1.2, not a number.
pub(super) fn digits_but_not_number(scalar: &str) -> bool {
    let scalar = scalar.strip_prefix(['-', '+']).unwrap_or(scalar);
    scalar.len() > 1 && scalar.starts_with('0') && scalar[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Hand an integer to `visitor` in the narrowest type that holds it; the visitor back when
/// the text is no integer.
pub(super) fn visit_int<'de, V: Visitor<'de>>(
    visitor: V,
    v: &str,
) -> Result<Result<V::Value, Error>, V> {
    if let Some(int) = parse_unsigned_int(v, u64::from_str_radix) {
        return Ok(visitor.visit_u64(int));
    }
    if let Some(int) = parse_negative_int(v, i64::from_str_radix) {
        return Ok(visitor.visit_i64(int));
    }
    if let Some(int) = parse_unsigned_int(v, u128::from_str_radix) {
        return Ok(visitor.visit_u128(int));
    }
    if let Some(int) = parse_negative_int(v, i128::from_str_radix) {
        return Ok(visitor.visit_i128(int));
    }
    Err(visitor)
}

/// An untagged plain scalar, resolved by its text: null, bool, int, float, else string.
pub(super) fn visit_untagged_scalar<'de, V: Visitor<'de>>(
    visitor: V,
    v: &str,
) -> Result<V::Value, Error> {
    if v.is_empty() || parse_null(v) == Some(()) {
        return visitor.visit_unit();
    }
    if let Some(boolean) = parse_bool(v) {
        return visitor.visit_bool(boolean);
    }
    let visitor = match visit_int(visitor, v) {
        Ok(result) => return result,
        Err(visitor) => visitor,
    };
    if !digits_but_not_number(v)
        && let Some(float) = parse_f64(v)
    {
        return visitor.visit_f64(float);
    }
    visitor.visit_str(v)
}

/// A scalar handed to a visitor that takes anything: its tag decides, else its text (plain
/// scalars) or it is a string (quoted and block scalars).
pub(super) fn visit_scalar<'de, V: Visitor<'de>>(
    visitor: V,
    scalar: &Scalar,
    tagged_already: bool,
) -> Result<V::Value, Error> {
    let v = scalar.value.as_str();
    if let (Some(tag), false) = (&scalar.tag, tagged_already) {
        match tag.as_str() {
            TAG_BOOL => {
                return match parse_bool(v) {
                    Some(b) => visitor.visit_bool(b),
                    None => Err(de::Error::invalid_value(Unexpected::Str(v), &"a boolean")),
                };
            }
            TAG_INT => {
                return match visit_int(visitor, v) {
                    Ok(result) => result,
                    Err(_) => Err(de::Error::invalid_value(Unexpected::Str(v), &"an integer")),
                };
            }
            TAG_FLOAT => {
                return match parse_f64(v) {
                    Some(f) => visitor.visit_f64(f),
                    None => Err(de::Error::invalid_value(Unexpected::Str(v), &"a float")),
                };
            }
            TAG_NULL => {
                return match parse_null(v) {
                    Some(()) => visitor.visit_unit(),
                    None => Err(de::Error::invalid_value(Unexpected::Str(v), &"null")),
                };
            }
            t if t.starts_with('!') && scalar.style == ScalarStyle::Plain => {
                return visit_untagged_scalar(visitor, v);
            }
            _ => {}
        }
    } else if scalar.style == ScalarStyle::Plain {
        return visit_untagged_scalar(visitor, v);
    }
    visitor.visit_str(v)
}

/// A plain scalar, or a `|` block scalar explicitly tagged `expected`, may be read as that
/// type; anything else is a string.
pub(super) fn is_plain_or_tagged_literal_scalar(
    expected: &str,
    scalar: &Scalar,
    tagged_already: bool,
) -> bool {
    match (scalar.style, &scalar.tag, tagged_already) {
        (ScalarStyle::Plain, _, _) => true,
        (ScalarStyle::Literal, Some(tag), false) => tag == expected,
        _ => false,
    }
}

/// The "invalid type: …, expected …" error for a scalar, naming what the scalar reads as.
pub(super) fn invalid_scalar_type(scalar: &Scalar, exp: &dyn Expected) -> Error {
    /// A visitor that accepts nothing, so every visit becomes serde's own type error.
    struct InvalidType<'a> {
        exp: &'a dyn Expected,
    }
    impl<'de> Visitor<'de> for InvalidType<'_> {
        type Value = std::convert::Infallible;
        fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
            self.exp.fmt(formatter)
        }
    }
    match visit_scalar(InvalidType { exp }, scalar, false) {
        Ok(never) => match never {},
        Err(error) => error,
    }
}

#[cfg(test)]
mod tests;
