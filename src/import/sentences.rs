//! Where the sentences of a paragraph are: figures are dated, labelled and noted within their
//! sentence, and the title and key points are proposed from the lead's sentences.

use std::ops::Range;

/// The sentences of a text as byte ranges (a sentence ends at `.`, `?` or `!` followed by a
/// space or the end, closing quotes included).
pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '?' | '!' | '。' | '．' | '？' | '！') {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, q)) = chars.peek() {
            if "\"'”’」』)）".contains(q) {
                end = j + q.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if chars.peek().is_none_or(|(_, n)| n.is_whitespace()) {
            out.push(start..end);
            start = end;
        }
    }
    if text[start..].trim().is_empty() {
        if let Some(last) = out.last_mut() {
            last.end = text.len();
        }
    } else {
        out.push(start..text.len());
    }
    // Leading spaces belong to no sentence.
    for r in &mut out {
        r.start += text[r.clone()].len() - text[r.clone()].trim_start().len();
    }
    out
}
