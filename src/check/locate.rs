//! Where a span inside a text field sits in the YAML source.
//!
//! The position index knows where each field's scalar starts. A literal block scalar (`|`)
//! keeps its text verbatim line by line, and a scalar written on one line without escapes
//! holds its text verbatim too, so a byte span of the value maps to an exact line and column.
//! Anything else (folded `>` blocks, multi-line plain scalars, escapes) falls back to the
//! field's own position.

use crate::diagnostic::Position;

/// The exact position of `value[span]` in `source`, given that the scalar holding `value`
/// starts at `start`. None when the text is not stored verbatim. For many spans of one file,
/// split the source once and build a [`FieldMap`] per field instead.
pub fn span_position(
    source: &str,
    start: Position,
    value: &str,
    span: std::ops::Range<usize>,
) -> Option<Position> {
    let lines: Vec<&str> = source.split('\n').collect();
    FieldMap::new(&lines, start, value)?.position(value, span)
}

/// How the bytes of one field's value map to positions in the source, built once per field so
/// that placing each of its findings costs no more than the finding (20,000 findings in one
/// text were quadratic when every finding split the file and counted from its start).
#[derive(Debug)]
pub struct FieldMap {
    kind: Kind,
    /// `chars[b]`: characters in `value[..b]` (for the column of a byte offset).
    chars: Vec<u32>,
}

#[derive(Debug)]
enum Kind {
    /// On the scalar's line from `column` (1-based, after any quote): `value[..verbatim]` is
    /// written verbatim there.
    OneLine { line: usize, column: usize, verbatim: usize },
    /// A literal block: value line k is source line `first_line + k` after `indent` spaces;
    /// `starts[k]` is where value line k starts, `verbatim[k]` whether the source holds it.
    Literal { first_line: usize, indent: usize, starts: Vec<usize>, verbatim: Vec<bool> },
}

impl FieldMap {
    /// The map of a scalar starting at `start` in the source `lines` (split at `\n`); None
    /// when no part of the value is stored verbatim (folded blocks).
    pub fn new(lines: &[&str], start: Position, value: &str) -> Option<FieldMap> {
        let first = lines.get(start.line.checked_sub(1)?)?.trim_end_matches('\r');
        let at_byte = first.char_indices().nth(start.column.checked_sub(1)?).map(|(i, _)| i)?;
        let at = &first[at_byte..];
        let kind = if at.starts_with('|') {
            literal_block(&lines[start.line..], start.line, value)?
        } else if at.starts_with('>') {
            return None;
        } else {
            // The parser may place a block scalar at its first content line, not its header.
            let header = start.line.checked_sub(2).and_then(|i| lines.get(i));
            match header.and_then(|prev| block_header(prev)) {
                Some('|') => literal_block(&lines[start.line - 1..], start.line - 1, value)?,
                Some(_) => return None,
                None => one_line(at, start, value),
            }
        };
        Some(FieldMap { kind, chars: char_counts(value) })
    }

    /// The position of `value[span]`, when the source holds it verbatim.
    pub fn position(&self, value: &str, span: std::ops::Range<usize>) -> Option<Position> {
        value.get(span.clone())?;
        let chars = |b: usize| self.chars[b] as usize;
        match &self.kind {
            Kind::OneLine { line, column, verbatim } => (span.end <= *verbatim)
                .then(|| Position { line: *line, column: column + chars(span.start) }),
            Kind::Literal { first_line, indent, starts, verbatim } => {
                let k = starts.partition_point(|s| *s <= span.start).checked_sub(1)?;
                verbatim.get(k).copied().filter(|v| *v)?;
                let column = indent + chars(span.start) - chars(starts[k]) + 1;
                Some(Position { line: first_line + k, column })
            }
        }
    }
}

/// `chars[b]` = characters in `value[..b]`, for every byte offset `b` (inclusive of the end).
fn char_counts(value: &str) -> Vec<u32> {
    let mut out = Vec::with_capacity(value.len() + 1);
    let mut n = 0u32;
    for &b in value.as_bytes() {
        out.push(n);
        // A UTF-8 continuation byte does not start a character.
        if b & 0xC0 != 0x80 {
            n += 1;
        }
    }
    out.push(n);
    out
}

/// One line, verbatim: plain, or quoted up to the first escape or closing quote.
fn one_line(at: &str, start: Position, value: &str) -> Kind {
    let (skip, body) = match at.chars().next() {
        Some(q @ ('\'' | '"')) => (1, at[1..].split(q).next().unwrap_or_default()),
        _ => (0, at),
    };
    let verbatim = value.bytes().zip(body.bytes()).take_while(|(a, b)| a == b).count();
    // Cut back to a character boundary of the value.
    let verbatim = (0..=verbatim).rev().find(|b| value.is_char_boundary(*b)).unwrap_or(0);
    Kind::OneLine { line: start.line, column: start.column + skip, verbatim }
}

/// `|` or `>` when `line` ends with a block scalar header (`en: |`, `- >-`, `ko: |2 # note`).
fn block_header(line: &str) -> Option<char> {
    let line = line.trim_end_matches('\r');
    // A comment after the header is allowed; text after `#` inside a value is not a comment
    // unless a space precedes it, which is all we need here.
    let code = match line.find(" #") {
        Some(i) => &line[..i],
        None => line,
    };
    let last = code.split_whitespace().next_back()?;
    let mut chars = last.chars();
    let indicator = chars.next()?;
    let rest_ok = chars.all(|c| c == '-' || c == '+' || c.is_ascii_digit());
    let before = code.trim_end().strip_suffix(last)?.trim_end();
    let after_key = before.ends_with(':') || before.ends_with('-') || before.is_empty();
    (matches!(indicator, '|' | '>') && rest_ok && after_key).then_some(indicator)
}

/// `|`, `|-`, `|+`, `|2`: value line k is source line `header + 1 + k`, after the indentation.
fn literal_block(after: &[&str], header_line: usize, value: &str) -> Option<Kind> {
    // An explicit indentation indicator (`|2`) is relative to the parent, which is not
    // tracked here; the first content line tells the same truth for ordinary blocks.
    let indent = after
        .iter()
        .map(|l| l.trim_end_matches('\r'))
        .find(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())?;
    let mut starts = Vec::new();
    let mut verbatim = Vec::new();
    let mut at = 0;
    for (k, value_line) in value.split('\n').enumerate() {
        starts.push(at);
        at += value_line.len() + 1;
        // A sanity check: the source line must hold the value line verbatim.
        let src = after.get(k).map(|l| l.trim_end_matches('\r'));
        verbatim.push(src.is_some_and(|l| l.get(indent..).unwrap_or_default() == value_line));
    }
    Some(Kind::Literal { first_line: header_line + 1, indent, starts, verbatim })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn literal_blocks_map_line_by_line() {
        let src = "a:\n  ko: |\n    첫 줄 89%\n\n    둘째 줄 98%\n  en: x\n";
        let value = "첫 줄 89%\n\n둘째 줄 98%\n";
        let at = value.find("98%").unwrap();
        assert_eq!(span_position(src, pos(2, 7), value, at..at + 3), Some(pos(5, 10)));
        let at = value.find("89%").unwrap();
        assert_eq!(span_position(src, pos(2, 7), value, at..at + 3), Some(pos(3, 9)));
    }

    #[test]
    fn block_found_from_its_first_content_line() {
        let src = "a:\n  en: |\n    first 89%\n\n    second 98%\n";
        let value = "first 89%\n\nsecond 98%\n";
        let at = value.find("98%").unwrap();
        assert_eq!(span_position(src, pos(3, 5), value, at..at + 3), Some(pos(5, 12)));
        assert_eq!(block_header("  en: |-  # note"), Some('|'));
        assert_eq!(block_header("  en: a | b"), None);
    }

    #[test]
    fn one_line_scalars_map_verbatim() {
        let src = "t: {ko: 기업의 89%, en: \"89% of firms\"}\n";
        assert_eq!(span_position(src, pos(1, 9), "기업의 89%", 10..13), Some(pos(1, 13)));
        assert_eq!(span_position(src, pos(1, 22), "89% of firms", 4..6), Some(pos(1, 27)));
    }

    #[test]
    fn a_field_map_places_many_spans() {
        let src = "t: {ko: 기업의 89%와 98%}\n";
        let lines: Vec<&str> = src.split('\n').collect();
        let value = "기업의 89%와 98%";
        let map = FieldMap::new(&lines, pos(1, 9), value).unwrap();
        let at = value.find("98%").unwrap();
        assert_eq!(map.position(value, at..at + 3), Some(pos(1, 18)));
        assert_eq!(map.position(value, 0..1), None, "not a character boundary");
        assert_eq!(map.position(value, at..value.len() + 1), None);
    }

    #[test]
    fn escapes_and_folds_fall_back() {
        let src = "t: \"a\\\"b 89%\"\n";
        assert_eq!(span_position(src, pos(1, 4), "a\"b 89%", 4..7), None);
        let src = "t: >\n  a\n  b 89%\n";
        assert_eq!(span_position(src, pos(1, 4), "a b 89%\n", 4..7), None);
    }
}
