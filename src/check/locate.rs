//! Where a span inside a text field sits in the YAML source.
//!
//! The position index knows where each field's scalar starts. A literal block scalar (`|`)
//! keeps its text verbatim line by line, and a scalar written on one line without escapes
//! holds its text verbatim too, so a byte span of the value maps to an exact line and column.
//! Anything else (folded `>` blocks, multi-line plain scalars, escapes) falls back to the
//! field's own position.

use crate::diagnostic::Position;

/// The exact position of `value[span]` in `source`, given that the scalar holding `value`
/// starts at `start`. None when the text is not stored verbatim.
pub fn span_position(
    source: &str,
    start: Position,
    value: &str,
    span: std::ops::Range<usize>,
) -> Option<Position> {
    let span_start = span.start;
    let lines: Vec<&str> = source.split('\n').collect();
    let first = lines.get(start.line.checked_sub(1)?)?.trim_end_matches('\r');
    let at: String = first.chars().skip(start.column - 1).collect();
    if at.starts_with('|') {
        return literal_block(&lines[start.line..], start.line, value, span);
    }
    if at.starts_with('>') {
        return None;
    }
    // The parser may place a block scalar at its first content line instead of its header.
    if let Some(prev) = start.line.checked_sub(2).and_then(|i| lines.get(i)) {
        match block_header(prev) {
            Some('|') => {
                return literal_block(&lines[start.line - 1..], start.line - 1, value, span);
            }
            Some(_) => return None,
            None => {}
        }
    }
    // One line, verbatim: plain, or quoted without escapes before the end of the span.
    let (skip, body) = match at.chars().next() {
        Some(q @ ('\'' | '"')) => (1, at[1..].split(q).next().unwrap_or_default()),
        _ => (0, at.as_str()),
    };
    let prefix = value.get(..span_start)?;
    if prefix.contains('\n') || !body.starts_with(prefix) {
        return None;
    }
    // The span itself must be there too, or the match was a coincidence of prefixes.
    if !body[prefix.len()..].starts_with(value.get(span)?) {
        return None;
    }
    Some(Position { line: start.line, column: start.column + skip + prefix.chars().count() })
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
fn literal_block(
    after: &[&str],
    header_line: usize,
    value: &str,
    span: std::ops::Range<usize>,
) -> Option<Position> {
    // An explicit indentation indicator (`|2`) is relative to the parent, which is not
    // tracked here; the first content line tells the same truth for ordinary blocks.
    let indent = after
        .iter()
        .map(|l| l.trim_end_matches('\r'))
        .find(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())?;
    let prefix = value.get(..span.start)?;
    let k = prefix.matches('\n').count();
    let col_in_line = prefix.rsplit('\n').next().unwrap_or_default();
    let src_line = after.get(k)?.trim_end_matches('\r');
    let content = src_line.get(indent..).unwrap_or_default();
    let value_line = value.split('\n').nth(k)?;
    // A sanity check: the source line must hold the value line verbatim.
    if content != value_line || !value_line.contains(value.get(span)?.split('\n').next()?) {
        return None;
    }
    Some(Position { line: header_line + 1 + k, column: indent + col_in_line.chars().count() + 1 })
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
    fn escapes_and_folds_fall_back() {
        let src = "t: \"a\\\"b 89%\"\n";
        assert_eq!(span_position(src, pos(1, 4), "a\"b 89%", 4..7), None);
        let src = "t: >\n  a\n  b 89%\n";
        assert_eq!(span_position(src, pos(1, 4), "a b 89%\n", 4..7), None);
    }
}
