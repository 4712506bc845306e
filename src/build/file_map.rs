//! Maps keyed by input file (a path relative to the project root), ordered by the path's
//! bytes. A `Path` key compares component by component, some ten times the work of comparing
//! bytes: at 1,000 briefings these maps take some 200,000 inserts, lookups and sort
//! comparisons a build, and with `PathBuf` keys that was an eighth of an edit rebuild's
//! instructions. In the cache they are JSON objects keyed by the path as text, as `PathBuf`
//! keys were.

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::{Error as _, SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::marker::PhantomData;
use std::path::Path;

/// Per input file, by its path relative to the root (as bytes: see the module).
pub type FileMap<V> = BTreeMap<OsString, V>;

/// The key of `path` in a [`FileMap`].
pub fn key(path: &Path) -> &OsStr {
    path.as_os_str()
}

/// Write `map` as a JSON object keyed by each path as text (a path that is not UTF-8 is an
/// error, as it is for a `PathBuf`).
pub fn serialize<V: Serialize, S: Serializer>(map: &FileMap<V>, s: S) -> Result<S::Ok, S::Error> {
    let mut out = s.serialize_map(Some(map.len()))?;
    for (path, value) in map {
        let text = path.to_str().ok_or_else(|| S::Error::custom("a path is not UTF-8"))?;
        out.serialize_entry(text, value)?;
    }
    out.end()
}

/// Read a map [`serialize`] wrote. Its entries come in key order, so the map is built in one
/// pass rather than by an insert (and a search) per entry.
pub fn deserialize<'de, V: Deserialize<'de>, D: Deserializer<'de>>(
    d: D,
) -> Result<FileMap<V>, D::Error> {
    d.deserialize_map(Entries(PhantomData))
}

/// The visitor of [`deserialize`].
struct Entries<V>(PhantomData<V>);

impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
    type Value = FileMap<V>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object keyed by file path")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries: Vec<(OsString, V)> = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some((path, value)) = map.next_entry::<String, V>()? {
            entries.push((path.into(), value));
        }
        // Sorted already (checked in one pass); a repeated key keeps its last value.
        Ok(entries.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Holder {
        #[serde(with = "super")]
        files: FileMap<u32>,
    }

    #[test]
    fn a_map_reads_back_as_written_and_in_byte_order_whatever_the_text_order() {
        let json = r#"{"files":{"content/b.yaml":2,"content-x/a.yaml":3,"content/a.yaml":1}}"#;
        let h: Holder = serde_json::from_str(json).unwrap();
        let keys: Vec<&OsStr> = h.files.keys().map(OsString::as_os_str).collect();
        // '-' sorts before '/': byte order, not component order.
        assert_eq!(keys, ["content-x/a.yaml", "content/a.yaml", "content/b.yaml"]);
        assert_eq!(h.files.get(key(Path::new("content/b.yaml"))), Some(&2));
        let again: Holder = serde_json::from_slice(&serde_json::to_vec(&h).unwrap()).unwrap();
        assert_eq!(again, h);
    }

    #[test]
    fn a_path_that_is_not_text_is_an_error_not_a_lost_entry() {
        use std::os::unix::ffi::OsStringExt;
        let mut files = FileMap::new();
        files.insert(OsString::from_vec(vec![b'a', 0xff]), 1);
        assert!(serde_json::to_vec(&Holder { files }).is_err());
    }
}
