//! What a scalar becomes, by field type: a pinned table, and the same inputs read by
//! serde_yaml (the reader this one replaced) with identical values and error texts.

use super::super::{de, index};
use crate::content::Limits;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::fmt::Debug;

/// What a value read as "anything" turned out to be.
#[derive(Debug, PartialEq)]
enum Any {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    U128(u128),
    I128(i128),
    F64(String),
    Str(String),
    Seq,
    Map,
    Enum,
}

impl<'de> Deserialize<'de> for Any {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// Records which visit the reader chose.
        struct Probe;
        impl<'de> serde::de::Visitor<'de> for Probe {
            type Value = Any;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("anything")
            }
            fn visit_unit<E>(self) -> Result<Any, E> {
                Ok(Any::Null)
            }
            fn visit_none<E>(self) -> Result<Any, E> {
                Ok(Any::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Any, E> {
                Ok(Any::Bool(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Any, E> {
                Ok(Any::U64(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Any, E> {
                Ok(Any::I64(v))
            }
            fn visit_u128<E>(self, v: u128) -> Result<Any, E> {
                Ok(Any::U128(v))
            }
            fn visit_i128<E>(self, v: i128) -> Result<Any, E> {
                Ok(Any::I128(v))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Any, E> {
                Ok(Any::F64(format!("{v:?}")))
            }
            fn visit_str<E>(self, v: &str) -> Result<Any, E> {
                Ok(Any::Str(v.into()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut s: A) -> Result<Any, A::Error> {
                while s.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Any::Seq)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Any, A::Error> {
                while m.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
                Ok(Any::Map)
            }
            fn visit_enum<A: serde::de::EnumAccess<'de>>(self, _: A) -> Result<Any, A::Error> {
                Ok(Any::Enum)
            }
        }
        d.deserialize_any(Probe)
    }
}

/// A value, or the error's text and place (line, column).
type Read<T> = Result<T, (String, Option<(usize, usize)>)>;

/// `v: <scalar>` read as `T`, by this reader: the value, or the error text and place.
fn now<T: DeserializeOwned>(src: &str) -> Read<T> {
    let walked = index::walk(src, &Limits::default()).map_err(|d| (d.message, None))?;
    de::from_document::<T>(&walked.document).map_err(|e| (e.to_string(), e.location()))
}

/// The same by serde_yaml.
fn serde_yaml<T: DeserializeOwned>(src: &str) -> Read<T> {
    serde_yaml::from_str::<T>(src)
        .map_err(|e| (e.to_string(), e.location().map(|l| (l.line(), l.column()))))
}

/// One field of type `T`, so the error has a path.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Field<T> {
    v: T,
}

/// Both readers agree on `v: <scalar>` read as `T`; this reader's result is returned.
fn same<T: DeserializeOwned + PartialEq + Debug>(scalar: &str) -> Result<T, String> {
    let src = format!("v: {scalar}\n");
    let (mut old, mut new) = (serde_yaml::<Field<T>>(&src), now::<Field<T>>(&src));
    if scalar.starts_with(['!', '|', '>']) {
        // libyaml places a tagged node at its tag and a block at its `|`, yaml-rust2 at its
        // text: the diagnostics
        // take the place from the position index, so only the raw place differs.
        let unplaced = |r: &mut Read<Field<T>>| {
            if let Err((text, at)) = r {
                text.truncate(text.find(" at line ").unwrap_or(text.len()));
                *at = None;
            }
        };
        unplaced(&mut old);
        unplaced(&mut new);
    }
    assert_eq!(old, new, "{src:?} as {}", std::any::type_name::<T>());
    new.map(|f| f.v).map_err(|e| e.0)
}

#[test]
fn scalars_read_as_anything() {
    use Any::*;
    // Scalar → what a field of no fixed type (`deserialize_any`, as a fact's value) gets.
    let table: Vec<(&str, Any)> = vec![
        ("2024", U64(2024)),
        ("-7", I64(-7)),
        ("+12", U64(12)),
        ("0x10", U64(16)),
        ("0o17", U64(15)),
        ("0b101", U64(5)),
        ("-0x1F", I64(-31)),
        ("0123", Str("0123".into())),
        ("1e3", F64("1000.0".into())),
        ("1_000", Str("1_000".into())),
        (".inf", F64("inf".into())),
        ("-.Inf", F64("-inf".into())),
        (".nan", F64("NaN".into())),
        ("18446744073709551616", U128(18446744073709551616)),
        ("-9223372036854775809", I128(-9223372036854775809)),
        ("yes", Str("yes".into())),
        ("on", Str("on".into())),
        ("True", Bool(true)),
        ("FALSE", Bool(false)),
        ("~", Null),
        ("null", Null),
        ("", Null),
        ("'~'", Str("~".into())),
        ("\"2024\"", Str("2024".into())),
        ("!!str 2024", Str("2024".into())),
        ("!!int '12'", U64(12)),
        ("!!float 1", F64("1.0".into())),
        ("2024-01-05", Str("2024-01-05".into())),
        ("12:30", Str("12:30".into())),
        ("[1, 2]", Seq),
        ("{a: 1}", Map),
    ];
    for (scalar, expected) in table {
        assert_eq!(same::<Any>(scalar), Ok(expected), "{scalar:?}");
    }
}

#[test]
fn scalars_read_as_text() {
    // A string field takes any scalar as written: `2024`, `yes`, `~`, `.inf`, `0x10`.
    for (scalar, text) in [
        ("2024", "2024"),
        ("yes", "yes"),
        ("~", "~"),
        ("null", "null"),
        (".inf", ".inf"),
        ("0x10", "0x10"),
        ("1e3", "1e3"),
        ("'it''s'", "it's"),
        ("\"a\\tb\"", "a\tb"),
        ("\"\"", ""),
        ("", ""),
    ] {
        assert_eq!(same::<String>(scalar), Ok(text.to_string()), "{scalar:?}");
    }
    // An optional string: null (`~`, `null`, nothing) is absent; quoted it is text.
    for (scalar, text) in [
        ("~", None),
        ("null", None),
        ("", None),
        ("'null'", Some("null")),
        ("2024", Some("2024")),
        ("!!null ~", None),
    ] {
        assert_eq!(same::<Option<String>>(scalar), Ok(text.map(str::to_string)), "{scalar:?}");
    }
    // Lists and maps are not text.
    assert!(same::<String>("[a]").is_err_and(|e| e.contains("invalid type: sequence")));
    assert!(same::<String>("{a: 1}").is_err_and(|e| e.contains("invalid type: map")));
}

#[test]
fn scalars_read_as_numbers_and_flags() {
    for scalar in [
        "2024",
        "-7",
        "+12",
        "0x10",
        "0x-1",
        "+-1",
        "0123",
        "00",
        "1.5",
        "1e3",
        "yes",
        "~",
        "''",
        "\"5\"",
        "!!int '5'",
        "|\n  5\n",
        "!!int |\n  5\n",
        "18446744073709551616",
        "[1]",
        "{}",
    ] {
        same::<u64>(scalar).ok();
        same::<i64>(scalar).ok();
        same::<u128>(scalar).ok();
        same::<i128>(scalar).ok();
        same::<f64>(scalar).ok();
        same::<bool>(scalar).ok();
        same::<Option<u64>>(scalar).ok();
        same::<()>(scalar).ok();
        same::<Vec<u64>>(scalar).ok();
    }
    assert_eq!(same::<u64>("0x10"), Ok(16));
    assert_eq!(same::<u64>("+12"), Ok(12));
    assert!(same::<u64>("0123").is_err());
    assert!(same::<u64>("\"5\"").is_err_and(|e| e.starts_with("v: invalid type: string \"5\"")));
    assert_eq!(same::<bool>("True"), Ok(true));
    assert!(same::<bool>("yes").is_err());
    assert_eq!(same::<f64>("-.INF"), Ok(f64::NEG_INFINITY));
    assert_eq!(same::<Vec<u64>>(""), Ok(vec![]));
}
