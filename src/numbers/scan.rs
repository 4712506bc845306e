//! The scanner both grammars share: one left-to-right walk over the text that hands each
//! candidate start (a digit, a word, a grammar's own start characters) to the language's
//! grammar, plus the word-boundary tests and the readings before a number (a name glued to
//! it, a currency sign or code, a minus) that do not depend on the language.

use super::lexicon::{currency_symbol, iso_code};
use super::quantity::{Found, Quantity};
use super::text::{ch, prev_ch};

/// The article's dateline `(year, month, day)`, for relative dates.
pub(crate) type Dateline = Option<(i32, u8, u8)>;

/// One scan: the text, its dateline and the expressions found so far.
pub(crate) struct Scan<'a> {
    pub s: &'a str,
    pub dl: Dateline,
    pub out: Vec<Found>,
}

impl<'a> Scan<'a> {
    /// A new scan of `s` with nothing found yet.
    pub fn new(s: &'a str, dl: Dateline) -> Self {
        Scan { s, dl, out: Vec::new() }
    }

    /// Records an expression spanning `start..end`.
    pub fn push(&mut self, start: usize, end: usize, quantity: Quantity) {
        self.out.push(Found { span: start..end, source: self.s[start..end].to_string(), quantity });
    }

    /// The end of the last expression found: nothing before it may join a new one.
    pub fn floor(&self) -> usize {
        self.out.last().map_or(0, |f| f.span.end)
    }
}

/// What a language's grammar does at each candidate start. Each returns where scanning
/// resumes; a position not past `i` means "nothing here" and the scan moves one character on.
pub(crate) trait Grammar {
    /// A digit (ASCII or full-width) at `i`.
    fn at_digit(&mut self, i: usize) -> usize;
    /// An ASCII letter at `i` that starts a word (no letter or digit glued before it).
    fn at_word(&mut self, i: usize) -> usize;
    /// Any other character `c` (normalised) at `i`.
    fn at_other(&mut self, i: usize, c: char) -> Option<usize>;
}

/// Walks `s` once, left to right, giving every candidate start to `grammar`.
pub(crate) fn scan(s: &str, grammar: &mut impl Grammar) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII is by far the commonest case and needs no decoding or normalisation.
        let (c, n) = if b < 0x80 {
            (b as char, i + 1)
        } else {
            match ch(s, i) {
                Some(x) => x,
                None => break,
            }
        };
        let end = if c.is_ascii_digit() {
            Some(grammar.at_digit(i))
        } else if c.is_ascii_alphabetic() {
            // Full-width letters and letters inside a word start nothing.
            let inside =
                b >= 0x80 || matches!(prev_ch(s, i), Some((p, _)) if p.is_ascii_alphanumeric());
            Some(if inside { skip_word(s, i) } else { grammar.at_word(i) })
        } else if b < 0x80 && b != b'\'' {
            None
        } else {
            grammar.at_other(i, c)
        };
        i = end.filter(|&e| e > i).unwrap_or(n);
    }
}

/// Whether an ASCII digit is at `pos`.
pub(crate) fn digit_at(s: &str, pos: usize) -> bool {
    matches!(ch(s, pos), Some((c, _)) if c.is_ascii_digit())
}

/// Whether an ASCII letter is at `pos`.
pub(crate) fn letter_at(s: &str, pos: usize) -> bool {
    matches!(ch(s, pos), Some((c, _)) if c.is_ascii_alphabetic())
}

/// Skips an ASCII word with its glued digits and inner `-`/`.`/`_` (`GPT-4o`, `H100`, `v1.2`).
pub(crate) fn skip_word(s: &str, mut pos: usize) -> usize {
    while let Some((c, n)) = ch(s, pos) {
        let joins = matches!(c, '-' | '.' | '_')
            && matches!(ch(s, n), Some((d, _)) if d.is_ascii_alphanumeric());
        if !(c.is_ascii_alphanumeric() || joins) {
            break;
        }
        pos = n;
    }
    pos
}

/// Skips an identifier made of digits and separators (`02-1234-5678`, `1.2.3`, `14:30`).
pub(crate) fn skip_ident(s: &str, mut pos: usize) -> usize {
    let start = pos;
    while let Some((c, n)) = ch(s, pos) {
        let joins = matches!(c, '-' | '.' | ',' | ':' | '/' | '_')
            && matches!(ch(s, n), Some((d, _)) if d.is_ascii_alphanumeric());
        if !(c.is_ascii_alphanumeric() || joins) {
            break;
        }
        pos = n;
    }
    if pos == start { ch(s, pos).map(|(_, n)| n).unwrap_or(s.len()) } else { pos }
}

/// If the digit at `i` is part of a name (`H100`) or an identifier (`v1.2`, `A-3`), where
/// scanning resumes.
pub(crate) fn glued_to_name(s: &str, i: usize) -> Option<usize> {
    let (pc, ps) = prev_ch(s, i)?;
    if pc.is_ascii_alphanumeric() {
        return Some(skip_word(s, i));
    }
    if matches!(pc, '-' | '_' | '.' | '/')
        && matches!(prev_ch(s, ps), Some((c, _)) if c.is_ascii_alphanumeric())
    {
        return Some(skip_ident(s, i));
    }
    None
}

/// A currency written right before the number at `start` (`$`, `US$`, `₩`, `USD `): its code
/// and where the expression then starts. A code never reaches back before `floor` (`100 VND
/// 1000억`: `VND` belongs to 100; fuzz found the two spans overlapping).
pub(crate) fn currency_before(
    s: &str,
    start: usize,
    floor: usize,
) -> Option<(&'static str, usize)> {
    if let Some((c, ps)) = prev_ch(s, start)
        && let Some(code) = currency_symbol(c)
    {
        let us = c == '$' && s.get(..ps).is_some_and(|b| b.ends_with("US"));
        return Some((code, if us { ps - 2 } else { ps }));
    }
    if let Some((' ', ps)) = prev_ch(s, start)
        && ps >= 3 + floor
        && let Some(code) = s.get(ps - 3..ps).and_then(iso_code)
        && !matches!(prev_ch(s, ps - 3), Some((c, _)) if c.is_ascii_alphanumeric())
    {
        return Some((code, ps - 3));
    }
    None
}

/// A minus sign right before `start` that makes the number negative (`-3%`, `(-2`), not a
/// hyphen inside a word: where the expression then starts. `opens` lists the characters that
/// may stand before the sign besides the start of the text.
pub(crate) fn minus_before(s: &str, start: usize, opens: &[char]) -> Option<usize> {
    let ('-', ps) = prev_ch(s, start)? else {
        return None;
    };
    match prev_ch(s, ps) {
        None => Some(ps),
        Some((c, _)) if opens.contains(&c) => Some(ps),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_identifiers_are_skipped_whole() {
        assert_eq!(skip_word("GPT-4o 모델", 0), 6);
        assert_eq!(skip_word("v1.2.", 0), 4);
        assert_eq!(skip_ident("02-1234-5678번", 0), 12);
        // Nothing to skip: one character on, never stuck.
        assert_eq!(skip_ident("~3", 0), 1);
        assert_eq!(skip_ident("", 0), 0);
    }

    #[test]
    fn a_digit_glued_to_a_name_is_part_of_it() {
        assert_eq!(glued_to_name("H100 GPU", 1), Some(4));
        assert_eq!(glued_to_name("COVID-19 case", 6), Some(8));
        assert_eq!(glued_to_name("약 100", 4), None);
        assert_eq!(glued_to_name("100", 0), None);
    }

    #[test]
    fn currency_and_minus_before_a_number() {
        assert_eq!(currency_before("US$90", 3, 0), Some(("USD", 0)));
        assert_eq!(currency_before("₩500", 3, 0), Some(("KRW", 0)));
        assert_eq!(currency_before("KRW 1조", 4, 0), Some(("KRW", 0)));
        // A code that belongs to the figure before is not taken again.
        assert_eq!(currency_before("1 VND 2", 6, 5), None);
        assert_eq!(currency_before("XKRW 5", 5, 0), None);
        assert_eq!(minus_before("(-3%)", 2, &[' ', '(']), Some(1));
        assert_eq!(minus_before("-3", 1, &[]), Some(0));
        assert_eq!(minus_before("A-3", 2, &[' ', '(']), None);
    }
}
