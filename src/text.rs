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
/// characters XML 1.0 does not allow (and the loader refuses) are dropped.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_forbidden_control(c) => {}
            c => out.push(c),
        }
    }
    out
}
