//! Character and string rules every stage shares: one definition each, so the loader, the
//! checks, the number engine and the renderers cannot disagree about what a character is.

/// Any Hangul: precomposed syllables (가–힣), conjoining jamo and compatibility jamo.
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// A precomposed Hangul syllable (가–힣) only: the letters of a written Korean word, without
/// the loose jamo that [`is_hangul`] also accepts.
pub fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Whether `c` is a control character that has no place in a text (tab and newline do):
/// the loader refuses these and the renderers strip them, by this one rule.
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n')
}

/// Well-formed absolute http(s) URL with a host (no network access). Every ASCII character
/// must be one RFC 3986 allows in a URL: `<`, `>`, `"`, `\\`, `` ` ``, spaces and control
/// characters would end the link in Markdown or HTML and let the rest act as markup.
pub fn is_http_url(url: &str) -> bool {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty()
                && url.chars().all(is_url_char)
                && host.chars().all(|c| c.is_alphanumeric() || ".-:[]".contains(c))
        }
        None => false,
    }
}

/// A character a URL may hold as written: RFC 3986's unreserved, reserved and `%`, or a
/// non-ASCII letter (Korean paths are common; browsers percent-encode them).
fn is_url_char(c: char) -> bool {
    match c.is_ascii() {
        true => c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c),
        false => !c.is_whitespace() && !c.is_control(),
    }
}

/// Rough width of `s` in em, for layouts that cannot measure with the font (chart label
/// columns, HWPX column widths and hanging indents): Hangul, CJK, full-width forms and the
/// geometric marks of Korean lists (□ ○) 1, Latin capitals 0.68, anything else 0.55.
pub fn width_em(s: &str) -> f64 {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x11FF
            | 0x25A0..=0x25FF
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFF00..=0xFF60 => 1.0,
            _ if c.is_ascii_uppercase() => 0.68,
            _ => 0.55,
        })
        .sum()
}

/// Escape text for XML and HTML (element content and attribute values alike); the control
/// characters XML 1.0 does not allow (and the loader refuses) are dropped: those
/// [`is_forbidden_control`] names.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    // Runs of plain text are copied whole: a page's text is mostly Korean, three bytes a
    // character, and escaping it a character at a time was a fifth of a listing page's
    // instructions.
    let (mut copied, mut i) = (0, 0);
    while i < bytes.len() {
        let (replacement, width) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            0..=0x08 | 0x0b..=0x1f | 0x7f => ("", 1),
            // U+0080–U+009F, the C1 controls: 0xC2 (never inside a character) and 0x80–0x9F.
            0xc2 if matches!(bytes.get(i + 1), Some(0x80..=0x9f)) => ("", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[copied..i]);
        out.push_str(replacement);
        i += width;
        copied = i;
    }
    out.push_str(&s[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`escape_xml`] a character at a time, by its definition.
    fn escaped_by_chars(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars().filter(|&c| !is_forbidden_control(c)) {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn markup_and_controls_are_escaped_or_dropped_and_korean_kept() {
        let s = "<b a='1'>\u{1}한국\u{85}어 & \"x\"\u{7f}\t\n</b>\u{a0}";
        assert_eq!(
            escape_xml(s),
            "&lt;b a=&#39;1&#39;&gt;한국어 &amp; &quot;x&quot;\t\n&lt;/b&gt;\u{a0}"
        );
    }

    proptest! {
        #[test]
        fn any_text_escapes_as_it_does_a_character_at_a_time(s in "(.|[\u{0}-\u{a0}]|[가-힣])*") {
            prop_assert_eq!(escape_xml(&s), escaped_by_chars(&s));
        }
    }
}
