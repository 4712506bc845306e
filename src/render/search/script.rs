//! JSON that may sit inside a `<script>` element: no `<` (which could end it) and no U+2028 or
//! U+2029 (line ends to older JavaScript) in any string.

/// serde_json's compact form with `<`, U+2028 and U+2029 inside strings escaped, so that no
/// text ends a script element or a line of script.
pub struct ScriptSafe;

impl serde_json::ser::Formatter for ScriptSafe {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            let escaped = match c {
                '<' => "\\u003c",
                '\u{2028}' => "\\u2028",
                '\u{2029}' => "\\u2029",
                _ => continue,
            };
            w.write_all(&fragment.as_bytes()[start..i])?;
            w.write_all(escaped.as_bytes())?;
            start = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
}

/// Whether `json` holds nothing [`ScriptSafe`] escapes, so that it may be copied as it is
/// (three byte searches rather than one scan decoding every character).
pub fn is_script_safe(json: &str) -> bool {
    !(json.as_bytes().contains(&b'<') || json.contains('\u{2028}') || json.contains('\u{2029}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_script_safe_writes_is_script_safe_and_reads_back() {
        let text = "a</script><b>\u{2028}줄\u{2029}끝 \"q\"";
        let mut out = Vec::new();
        let mut writer = serde_json::Serializer::with_formatter(&mut out, ScriptSafe);
        serde::Serialize::serialize(&[text], &mut writer).unwrap();
        let json = String::from_utf8(out).unwrap();
        assert!(is_script_safe(&json), "{json}");
        assert_eq!(serde_json::from_str::<[String; 1]>(&json).unwrap(), [text.to_string()]);
        assert!(!is_script_safe(&serde_json::to_string(&[text]).unwrap()));
    }
}
