//! Character-level helpers shared by the parsers: normalisation of look-alike characters,
//! character classes, and reading digit runs into exact decimals.

use rust_decimal::Decimal;

/// Folds the look-alikes real text uses into one canonical character, so the parsers only
/// ever match ASCII digits, `%`, `~`, `'`, `-`, a plain space and Hangul big units.
/// Byte positions are always those of the original text.
#[inline]
pub(crate) fn norm(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c {
        '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
        '\u{FF21}'..='\u{FF3A}' => char::from(b'A' + (c as u32 - 0xFF21) as u8),
        '\u{FF41}'..='\u{FF5A}' => char::from(b'a' + (c as u32 - 0xFF41) as u8),
        '\u{FF05}' => '%',
        '\u{FF0E}' => '.',
        '\u{FF0C}' => ',',
        '\u{FF04}' => '$',
        '\u{FF08}' => '(',
        '\u{FF09}' => ')',
        // The four tildes of the notes (U+007E is ASCII already).
        '\u{223C}' | '\u{301C}' | '\u{FF5E}' => '~',
        // The minus sign and the horizontal bar some outlets print for it (`원유(―13.6%)`).
        '\u{2212}' | '\u{2015}' => '-',
        // Figure dash and em dash as ranges read them: `5—7개`.
        '\u{2012}' | '\u{2014}' => '–',
        '兆' => '조',
        '億' => '억',
        '萬' | '万' => '만',
        '\u{2018}' | '\u{2019}' | '\u{2032}' | '\u{00B4}' | '\u{FF07}' => '\'',
        '\u{00A0}' | '\u{202F}' | '\u{2009}' => ' ',
        '\u{FFE6}' => '₩',
        _ => c,
    }
}

/// The normalised character at byte `pos` and the position after it.
#[inline]
pub(crate) fn ch(s: &str, pos: usize) -> Option<(char, usize)> {
    let c = s.get(pos..)?.chars().next()?;
    Some((norm(c), pos + c.len_utf8()))
}

/// The normalised character ending at byte `pos` and its start.
#[inline]
pub(crate) fn prev_ch(s: &str, pos: usize) -> Option<(char, usize)> {
    let c = s.get(..pos)?.chars().next_back()?;
    Some((norm(c), pos - c.len_utf8()))
}

pub(crate) use crate::text::is_hangul;

/// Characters that make a number part of a word or a name when glued to it.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Skips one optional space (only one: a wider gap separates expressions).
#[inline]
pub(crate) fn space(s: &str, pos: usize) -> usize {
    match ch(s, pos) {
        Some((' ', n)) => n,
        _ => pos,
    }
}

/// If `word` (normalised ASCII or Hangul, matched exactly) starts at `pos`, the end of it.
#[inline]
pub(crate) fn lit(s: &str, pos: usize, word: &str) -> Option<usize> {
    let rest = s.get(pos..)?;
    if rest.starts_with(word) {
        return Some(pos + word.len());
    }
    // Slow path only when the text has a non-ASCII look-alike (full-width forms).
    let mut p = pos;
    for w in word.chars() {
        let (c, n) = ch(s, p)?;
        if c != w {
            return None;
        }
        p = n;
    }
    Some(p)
}

/// Like [`lit`] but ASCII case-insensitive.
#[inline]
pub(crate) fn lit_ci(s: &str, pos: usize, word: &str) -> Option<usize> {
    let rest = s.as_bytes().get(pos..)?;
    if rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word.as_bytes()) {
        return Some(pos + word.len());
    }
    None
}

/// Whether the text before `pos` ends with `word` (ASCII case-insensitive) at a word boundary;
/// returns the start of the word.
pub(crate) fn ends_with_word_ci(s: &str, pos: usize, word: &str) -> Option<usize> {
    let before = s.as_bytes().get(..pos)?;
    if before.len() < word.len() {
        return None;
    }
    let start = pos - word.len();
    if !before[start..].eq_ignore_ascii_case(word.as_bytes()) {
        return None;
    }
    match prev_ch(s, start) {
        Some((c, _)) if is_word_char(c) => None,
        _ => Some(start),
    }
}

/// 10^exp as a decimal (exp ≤ 28).
pub(crate) fn pow10(exp: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(exp.min(28)), 0)
}

/// A run of digits as written: `4,006`, `47.3`, `0.5`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Digits {
    pub value: Decimal,
    pub end: usize,
    /// Digits before the decimal point (commas not counted).
    pub int_digits: usize,
    pub frac_digits: usize,
    pub comma: bool,
    pub leading_zero: bool,
}

/// Reads `123`, `1,234,567` (a comma groups only when exactly three digits follow it and no
/// fourth: `84.5%, 152.2%` and `1,2` are separate numbers) and an optional `.5`.
pub(crate) fn read_digits(s: &str, pos: usize) -> Option<Digits> {
    let mut mant: i128 = 0;
    let mut n_digits = 0usize;
    let push = |mant: &mut i128, n_digits: &mut usize, c: char| -> Option<()> {
        if *n_digits >= 28 {
            return None;
        }
        *mant = *mant * 10 + (c as i128 - '0' as i128);
        *n_digits += 1;
        Some(())
    };
    let mut p = pos;
    let mut first_digit = None;
    while let Some((c @ '0'..='9', n)) = ch(s, p) {
        first_digit.get_or_insert(c);
        push(&mut mant, &mut n_digits, c)?;
        p = n;
    }
    let lead = n_digits;
    if lead == 0 {
        return None;
    }
    let mut comma = false;
    if lead <= 3 {
        // `,ddd` groups: exactly three digits after the comma, then no fourth digit.
        while let Some((',', n)) = ch(s, p) {
            let mut q = n;
            let mut group = ['0'; 3];
            let mut k = 0;
            while k < 3 {
                match ch(s, q) {
                    Some((c @ '0'..='9', m)) => {
                        group[k] = c;
                        k += 1;
                        q = m;
                    }
                    _ => break,
                }
            }
            let fourth = matches!(ch(s, q), Some((c, _)) if c.is_ascii_digit());
            if k < 3 || fourth {
                break;
            }
            for c in group {
                push(&mut mant, &mut n_digits, c)?;
            }
            comma = true;
            p = q;
        }
    }
    let int_digits = n_digits;
    let mut frac_digits = 0usize;
    if let Some(('.', n)) = ch(s, p)
        && matches!(ch(s, n), Some((c, _)) if c.is_ascii_digit())
    {
        let mut q = n;
        while let Some((c @ '0'..='9', m)) = ch(s, q) {
            push(&mut mant, &mut n_digits, c)?;
            frac_digits += 1;
            q = m;
        }
        p = q;
    }
    let value = Decimal::try_from_i128_with_scale(mant, frac_digits as u32).ok()?;
    Some(Digits {
        value,
        end: p,
        int_digits,
        frac_digits,
        comma,
        leading_zero: first_digit == Some('0') && int_digits > 1,
    })
}

/// Reads plain digits only (no comma, no decimal point): (value, digit count, end).
pub(crate) fn read_int(s: &str, pos: usize) -> Option<(i64, usize, usize)> {
    let mut p = pos;
    let mut v: i64 = 0;
    let mut n = 0;
    while let Some((c @ '0'..='9', next)) = ch(s, p) {
        v = v.checked_mul(10)?.checked_add(c as i64 - '0' as i64)?;
        n += 1;
        p = next;
    }
    (n > 0).then_some((v, n, p))
}

/// Whether `d` is a whole number.
pub(crate) fn is_int(d: Decimal) -> bool {
    d.fract().is_zero()
}

/// `d` as an i64 when whole and in range.
pub(crate) fn to_i64(d: Decimal) -> Option<i64> {
    if !is_int(d) {
        return None;
    }
    i64::try_from(d.normalize().mantissa()).ok()
}

/// Normalised power of ten exponent if `d` is exactly 10^k, k ≥ 1.
pub(crate) fn pow10_exp(d: Decimal) -> Option<u32> {
    let n = d.normalize();
    if n.scale() != 0 || n.is_sign_negative() {
        return None;
    }
    let mut m = n.mantissa();
    let mut k = 0;
    while m >= 10 && m % 10 == 0 {
        m /= 10;
        k += 1;
    }
    (m == 1 && k >= 1).then_some(k)
}

/// Resolves a two-digit year: up to five years past the dateline (or 2030 without one) it is
/// 20xx, otherwise 19xx (`97년` → 1997, `'23년` → 2023).
pub(crate) fn two_digit_year(yy: i32, dateline: Option<(i32, u8, u8)>) -> i32 {
    let pivot = dateline.map(|d| d.0 % 100 + 5).unwrap_or(30);
    if yy <= pivot { 2000 + yy } else { 1900 + yy }
}

/// Days in a month (for validating parsed dates; February allows 29).
pub(crate) fn valid_day(month: Option<u8>, day: u32) -> bool {
    let max = match month {
        Some(2) => 29,
        Some(4 | 6 | 9 | 11) => 30,
        _ => 31,
    };
    (1..=max).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn digits(s: &str) -> Option<(String, usize, bool)> {
        read_digits(s, 0).map(|d| (d.value.to_string(), d.end, d.comma))
    }

    #[test]
    fn commas_group_only_exact_thousands() {
        assert_eq!(digits("1,234,567명"), Some(("1234567".into(), 9, true)));
        assert_eq!(digits("8,000만"), Some(("8000".into(), 5, true)));
        // `, ` separates list items; a one-digit group is no group.
        assert_eq!(digits("84.5%, 152.2%"), Some(("84.5".into(), 4, false)));
        assert_eq!(digits("1,2위"), Some(("1".into(), 1, false)));
        assert_eq!(digits("1234,567"), Some(("1234".into(), 4, false)));
        assert_eq!(digits("1,0000"), Some(("1".into(), 1, false)));
    }

    #[test]
    fn full_width_digits_and_overflow() {
        assert_eq!(digits("１２３．５"), Some(("123.5".into(), 15, false)));
        assert_eq!(digits(&"9".repeat(40)), None);
        assert_eq!(digits("abc"), None);
    }

    #[test]
    fn look_alikes_fold() {
        for t in ['~', '∼', '〜', '～'] {
            assert_eq!(norm(t), '~');
        }
        assert_eq!(norm('兆'), '조');
        assert_eq!(norm('％'), '%');
        assert_eq!(norm('’'), '\'');
    }

    #[test]
    fn helpers() {
        assert_eq!(pow10_exp(Decimal::from(10_000)), Some(4));
        assert_eq!(pow10_exp(Decimal::from(20_000)), None);
        assert_eq!(pow10_exp(Decimal::ONE), None);
        assert_eq!(to_i64(Decimal::from_str("12.0").unwrap()), Some(12));
        assert_eq!(to_i64(Decimal::from_str("12.5").unwrap()), None);
        assert_eq!(two_digit_year(97, None), 1997);
        assert_eq!(two_digit_year(23, None), 2023);
        assert_eq!(two_digit_year(31, Some((2026, 1, 1))), 2031);
        assert!(valid_day(Some(2), 29) && !valid_day(Some(4), 31) && valid_day(None, 31));
    }
}
