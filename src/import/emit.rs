//! A small YAML writer for drafts: readable (block scalars for Markdown, one field a line,
//! comments where the editor has work to do) and always loadable (every scalar quoted and
//! escaped unless it is known to be safe plain).

use std::fmt::Write;

/// Whether libyaml (serde_yaml) and yaml-rust2 accept `c` unescaped in a scalar.
fn printable(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && !matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}')
}

/// A double-quoted YAML scalar holding exactly `s`.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if printable(c) => out.push(c),
            c if (c as u32) <= 0xff => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            c if (c as u32) <= 0xffff => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08X}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// Whether `s` can be written as a literal block scalar (`|`) and read back as `s` plus one
/// final line break: printable, no tabs, no blank-looking lines with spaces, a first line
/// that does not start with a space (it sets the indentation), no final line break.
pub(crate) fn block_ok(s: &str) -> bool {
    !s.trim().is_empty()
        && !s.starts_with([' ', '\n'])
        && !s.ends_with('\n')
        && s.chars().all(|c| c == '\n' || printable(c))
        && s.lines().all(|l| l.is_empty() || (!l.trim().is_empty() && !l.ends_with(' ')))
}

/// `text` as a one-line YAML comment body (no line breaks, only printable characters).
pub(crate) fn comment(text: &str) -> String {
    text.chars().map(|c| if printable(c) { c } else { ' ' }).collect()
}

/// Writes a draft line by line.
pub(crate) struct Emitter {
    /// The YAML so far.
    pub out: String,
    /// The source language (the article's text) first, then the languages to translate into.
    pub langs: Vec<String>,
}

/// The marker in every field that still needs a translation.
pub(crate) const TODO_TRANSLATE: &str = "TODO: translate";

impl Emitter {
    /// A line at `indent` spaces.
    pub fn line(&mut self, indent: usize, text: &str) {
        self.out.push_str(&" ".repeat(indent));
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// `key: {ko: "…", en: "TODO: translate"}` for a short plain text; `others` replaces the
    /// translation marker (for placeholders in every language).
    pub fn flow_text(
        &mut self,
        indent: usize,
        key: &str,
        source: &str,
        others: Option<&str>,
        note: Option<&str>,
    ) {
        let mut parts = Vec::new();
        for (i, lang) in self.langs.iter().enumerate() {
            let value = if i == 0 { source } else { others.unwrap_or(TODO_TRANSLATE) };
            parts.push(format!("{lang}: {}", quoted(value)));
        }
        let mut line = format!("{key}: {{{}}}", parts.join(", "));
        if let Some(note) = note {
            line.push_str("  # ");
            line.push_str(&comment(note));
        }
        self.line(indent, &line);
    }

    /// `key:` and then one line per language, the source text as a block scalar when it can be
    /// one (Markdown reads better that way). `key` may be `- ` prefixed list syntax.
    pub fn block_text(&mut self, indent: usize, key: &str, source: &str, note: Option<&str>) {
        match note {
            Some(n) => self.line(indent, &format!("{key}:  # {}", comment(n))),
            None => self.line(indent, &format!("{key}:")),
        }
        self.langs_block(indent + 2, source);
    }

    /// The language lines of a text at `indent`.
    pub fn langs_block(&mut self, indent: usize, source: &str) {
        let langs = self.langs.clone();
        for (i, lang) in langs.iter().enumerate() {
            if i > 0 {
                self.line(indent, &format!("{lang}: {}", quoted(TODO_TRANSLATE)));
            } else if block_ok(source) {
                self.line(indent, &format!("{lang}: |"));
                for l in source.split('\n') {
                    if l.is_empty() {
                        self.out.push('\n');
                    } else {
                        self.line(indent + 2, l);
                    }
                }
            } else {
                self.line(indent, &format!("{lang}: {}", quoted(source)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn round_trip(s: &str) {
        let mut e = Emitter { out: String::new(), langs: vec!["ko".into(), "en".into()] };
        e.block_text(0, "body", s, Some("a\ncomment\u{0}"));
        e.flow_text(0, "label", s, None, Some(s));
        let v: BTreeMap<String, BTreeMap<String, String>> =
            serde_yaml::from_str(&e.out).unwrap_or_else(|err| panic!("{err}\n{}", e.out));
        let body = &v["body"]["ko"];
        assert!(body == s || *body == format!("{s}\n"), "{body:?} != {s:?}\n{}", e.out);
        assert_eq!(v["label"]["ko"], s);
        assert_eq!(v["label"]["en"], TODO_TRANSLATE);
    }

    #[test]
    fn scalars_read_back() {
        for s in [
            "",
            " lead space",
            "a: b # c",
            "글로벌 '오픈소스AI'\n\n- 목록\n  - 하위",
            "tab\there",
            "\u{feff}bom\u{85}nel\u{2028}ls\u{7f}\u{1}\u{fffe}",
            "\"quoted\" \\ back",
            "trailing\n",
            "line  \nspace",
            "---\n...",
            "|\n>",
            "😀 astral",
        ] {
            round_trip(s);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_reads_back(s in proptest::prelude::any::<String>()) {
            round_trip(&s);
        }

        #[test]
        fn markdown_like_strings_read_back(s in "[ a\n#|:'\"\\\t-]{0,40}") {
            round_trip(&s);
        }
    }
}
