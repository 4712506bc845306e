//! Finding numeric expressions in English text (and, without the English words, in any other
//! language: digits, `%`, ranges, currency symbols and ISO dates).

use super::parse_ko::{ISO_CODES, skip_ident, skip_word};
use super::quantity::{Amount, Approx, DurationUnit, Found, Quantity, Unit};
use super::text::{
    ch, ends_with_word_ci, is_int, lit, lit_ci, pow10, prev_ch, read_digits, read_int, space,
    to_i64, valid_day,
};
use rust_decimal::Decimal;

type Dateline = Option<(i32, u8, u8)>;

/// Finds every numeric expression in English text. With `words` false only language-neutral
/// forms are read (the fallback for languages other than Korean and English).
pub(crate) fn find(text: &str, dateline: Dateline, words: bool) -> Vec<Found> {
    let mut e = En { s: text, dl: dateline, words, out: Vec::new() };
    e.run();
    e.out
}

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Month names for formatting.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Spelled numbers read as quantities; `one` only in ratios, multipliers and with a scale.
pub(crate) const SPELLED: &[(&str, i64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Words that never are the noun counted by a number.
const NOT_NOUNS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "nor",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "for",
    "with",
    "as",
    "than",
    "that",
    "this",
    "these",
    "those",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "not",
    "no",
    "per",
    "percent",
    "percentage",
    "points",
    "point",
    "more",
    "less",
    "fewer",
    "over",
    "under",
    "about",
    "around",
    "between",
    "up",
    "down",
    "out",
    "into",
    "since",
    "before",
    "after",
    "during",
    "while",
    "but",
    "so",
    "if",
    "each",
    "every",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "when",
    "where",
    "why",
    "how",
    "all",
    "both",
    "such",
    "only",
    "also",
    "just",
    "then",
    "there",
    "here",
    "ago",
    "times",
    "fold",
    "million",
    "billion",
    "trillion",
    "thousand",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "old",
    "won",
    "dollars",
    "yen",
    "yuan",
    "euros",
    "it",
    "they",
    "we",
    "he",
    "she",
    "you",
    "among",
    "within",
    "through",
    "across",
    "against",
    "via",
    "above",
    "below",
    "later",
    "earlier",
    "apiece",
    "respectively",
    "alone",
    "said",
    "says",
    "rose",
    "fell",
    "grew",
    "increased",
    "decreased",
    "declined",
    "reached",
    "remained",
    "became",
    "were",
    "to",
    "yet",
    "than",
    "too",
    "of",
    "or",
    "and",
    "st",
    "nd",
    "rd",
    "th",
];

/// Capitalised words that may precede a plain number without making it a name (`In 2024`).
const NOT_NAMES: &[&str] = &[
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "of",
    "with",
    "about",
    "around",
    "over",
    "under",
    "since",
    "before",
    "after",
    "until",
    "some",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "and",
    "or",
    "but",
    "the",
    "only",
    "just",
    "than",
    "between",
    "among",
    "into",
    "during",
    "within",
    "per",
    "all",
    "more",
    "less",
    "fewer",
    "up",
    "last",
    "this",
    "next",
    "each",
    "every",
    "estimated",
    "an",
    "a",
    "by",
    "aged",
    "than",
    "nearly",
    "least",
    "most",
    "above",
    "below",
    "exactly",
    "total",
    "another",
    "another",
    "those",
    "these",
    "its",
    "their",
    "his",
    "her",
    "our",
    "only",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Suf {
    None,
    Percent,
    Pp,
    Times,
    Rank,
    /// `1990s`, `40s`.
    DecadeS,
    /// `40 years old`, `40-year-old`.
    AgeOld,
    Dur(DurationUnit),
    Cur(&'static str),
    Latin(&'static str),
    Name,
}

/// A number before its suffix: `4.32 million`, `4,006`, `seven`.
#[derive(Clone, Copy, Debug)]
struct Num {
    value: Decimal,
    end: usize,
    /// Exponent of the scale word (`million` = 6), 0 if none.
    scale: u32,
    comma: bool,
    int_digits: usize,
    frac: bool,
    spelled: bool,
}

/// What the words before a number say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pre {
    None,
    Approx(Approx),
    /// `since`/`after` (Over) and `before` (Under): bounds that only years take.
    YearBound(Approx),
    Aged,
    InTheir,
    Between,
    From,
}

struct En<'a> {
    s: &'a str,
    dl: Dateline,
    words: bool,
    out: Vec<Found>,
}

fn digit_at(s: &str, pos: usize) -> bool {
    matches!(ch(s, pos), Some((c, _)) if c.is_ascii_digit())
}

fn letter_at(s: &str, pos: usize) -> bool {
    matches!(ch(s, pos), Some((c, _)) if c.is_ascii_alphabetic())
}

/// End of the ASCII-letter word at `pos` (raw ASCII only, so words slice safely).
fn word_end(s: &str, mut pos: usize) -> usize {
    let b = s.as_bytes();
    while pos < b.len() && b[pos].is_ascii_alphabetic() {
        pos += 1;
    }
    pos
}

/// `word` (case-insensitive) at `pos`, ending at a word boundary.
fn word_ci(s: &str, pos: usize, word: &str) -> Option<usize> {
    let e = lit_ci(s, pos, word)?;
    (!letter_at(s, e) && !digit_at(s, e)).then_some(e)
}

/// ` word` (one space, then the word) at `pos`.
fn sp_word(s: &str, pos: usize, word: &str) -> Option<usize> {
    let q = space(s, pos);
    if q == pos {
        return None;
    }
    word_ci(s, q, word)
}

fn spelled_value(w: &str) -> Option<i64> {
    SPELLED.iter().find(|(sw, _)| sw.eq_ignore_ascii_case(w)).map(|&(_, v)| v)
}

fn scale_word(s: &str, p: usize) -> Option<(u32, usize)> {
    let q = space(s, p);
    for (w, e) in [("thousand", 3), ("million", 6), ("billion", 9), ("trillion", 12)] {
        if q != p
            && let Some(end) = word_ci(s, q, w)
        {
            return Some((e, end));
        }
    }
    for (w, e) in [("bn", 9), ("mn", 6), ("tn", 12)] {
        if let Some(end) = word_ci(s, q, w) {
            return Some((e, end));
        }
    }
    None
}

impl<'a> En<'a> {
    fn run(&mut self) {
        let s = self.s;
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (c, n) = if b < 0x80 {
                (b as char, i + 1)
            } else {
                match ch(s, i) {
                    Some(x) => x,
                    None => break,
                }
            };
            let next = if c.is_ascii_digit() {
                self.at_digit(i)
            } else if c.is_ascii_alphabetic() {
                if b >= 0x80 || matches!(prev_ch(s, i), Some((p, _)) if p.is_ascii_alphanumeric()) {
                    skip_word(s, i)
                } else {
                    self.at_word(i)
                }
            } else {
                n
            };
            i = if next > i { next } else { n };
        }
    }

    fn push(&mut self, start: usize, end: usize, quantity: Quantity) {
        self.out.push(Found { span: start..end, source: self.s[start..end].to_string(), quantity });
    }

    fn at_digit(&mut self, i: usize) -> usize {
        let s = self.s;
        if let Some((pc, ps)) = prev_ch(s, i) {
            if pc.is_ascii_alphanumeric() {
                return skip_word(s, i);
            }
            if matches!(pc, '-' | '_' | '.' | '/')
                && matches!(prev_ch(s, ps), Some((c, _)) if c.is_ascii_alphanumeric())
            {
                return skip_ident(s, i);
            }
        }
        if let Some(e) = self.iso_date(i) {
            return e;
        }
        if self.words
            && let Some(e) = self.day_month(i)
        {
            return e;
        }
        let Some(num) = self.digits_num(i) else {
            return skip_ident(s, i);
        };
        self.expr(i, num).unwrap_or_else(|| skip_ident(s, i))
    }

    /// Digits with an optional scale word.
    fn digits_num(&self, i: usize) -> Option<Num> {
        let s = self.s;
        let d = read_digits(s, i)?;
        let mut num = Num {
            value: d.value,
            end: d.end,
            scale: 0,
            comma: d.comma,
            int_digits: d.int_digits,
            frac: d.frac_digits > 0,
            spelled: false,
        };
        if self.words
            && let Some((e, end)) = scale_word(s, d.end)
        {
            num.value = d.value.checked_mul(pow10(e))?.normalize();
            num.scale = e;
            num.end = end;
        }
        Some(num)
    }

    /// A number at `q`: digits or (with words) a spelled number.
    fn num_at(&self, q: usize) -> Option<Num> {
        let s = self.s;
        if digit_at(s, q) {
            return self.digits_num(q);
        }
        if !self.words || !letter_at(s, q) {
            return None;
        }
        let we = word_end(s, q);
        let v = spelled_value(&s[q..we])?;
        let mut num = Num {
            value: Decimal::from(v),
            end: we,
            scale: 0,
            comma: false,
            int_digits: 0,
            frac: false,
            spelled: true,
        };
        if let Some((e, end)) = scale_word(s, we) {
            num.value = num.value.checked_mul(pow10(e))?;
            num.scale = e;
            num.end = end;
        }
        Some(num)
    }

    fn at_word(&mut self, i: usize) -> usize {
        let s = self.s;
        let we = word_end(s, i);
        if !self.words || digit_at(s, we) {
            return skip_word(s, i);
        }
        let w = &s[i..we];
        let handled = self
            .at_month(i, we)
            .or_else(|| self.at_spelled(i, we))
            .or_else(|| self.at_times_word(i, we))
            .or_else(|| self.at_vague(i, we))
            .or_else(|| self.at_a_scale(i, we))
            .or_else(|| self.at_relative_year(i, we))
            .or_else(|| self.at_teens(i, we));
        match handled {
            Some(e) if e > i => e,
            _ => {
                let _ = w;
                skip_word(s, i)
            }
        }
    }

    /// `2026-02-15`.
    fn iso_date(&mut self, i: usize) -> Option<usize> {
        let s = self.s;
        let y = read_digits(s, i)?;
        if y.int_digits != 4 || y.comma || y.frac_digits > 0 {
            return None;
        }
        let year = to_i64(y.value)? as i32;
        let p = lit(s, y.end, "-")?;
        let m = read_digits(s, p)?;
        if m.int_digits != 2 || m.frac_digits > 0 {
            return None;
        }
        let p = lit(s, m.end, "-")?;
        let d = read_digits(s, p)?;
        if d.int_digits != 2 || d.frac_digits > 0 {
            return None;
        }
        let month = to_i64(m.value)?;
        let day = to_i64(d.value)?;
        if !(1..=12).contains(&month) || !valid_day(Some(month as u8), day as u32) {
            return None;
        }
        if matches!(ch(s, d.end), Some((c, _)) if c.is_ascii_alphanumeric() || c == '-') {
            return None;
        }
        self.push(i, d.end, Quantity::date(Some(year), Some(month as u8), Some(day as u8)));
        Some(d.end)
    }

    /// `15 February 2026`.
    fn day_month(&mut self, i: usize) -> Option<usize> {
        let s = self.s;
        let d = read_digits(s, i)?;
        if d.int_digits > 2 || d.comma || d.frac_digits > 0 {
            return None;
        }
        let q = space(s, d.end);
        if q == d.end {
            return None;
        }
        let (month, me) = month_word(s, q)?;
        let day = to_i64(d.value)? as u32;
        if !valid_day(Some(month), day) {
            return None;
        }
        let mut end = me;
        let mut year = None;
        if let Some(y) = year_after(s, me) {
            year = Some(y.0);
            end = y.1;
        }
        self.push(i, end, Quantity::date(year, Some(month), Some(day as u8)));
        Some(end)
    }

    /// `February 15, 2026`, `Feb. 15`, `December 2025`, `in December`.
    fn at_month(&mut self, i: usize, _we: usize) -> Option<usize> {
        let s = self.s;
        // Month names are proper nouns: `may` is a verb.
        if !matches!(ch(s, i), Some((c, _)) if c.is_ascii_uppercase()) {
            return None;
        }
        let (month, me) = month_word(s, i)?;
        let q = space(s, me);
        if q != me
            && let Some(d) = read_digits(s, q)
            && !d.comma
            && d.frac_digits == 0
        {
            if d.int_digits <= 2 {
                let day = to_i64(d.value)? as u32;
                if !valid_day(Some(month), day) {
                    return None;
                }
                let mut end = d.end;
                for suf in ["st", "nd", "rd", "th"] {
                    if let Some(e) = word_ci(s, end, suf) {
                        end = e;
                        break;
                    }
                }
                if letter_at(s, end) || digit_at(s, end) {
                    return None;
                }
                let mut year = None;
                let comma = lit(s, end, ",").unwrap_or(end);
                if let Some((y, ye)) = year_after(s, comma) {
                    year = Some(y);
                    end = ye;
                }
                self.push(i, end, Quantity::date(year, Some(month), Some(day as u8)));
                return Some(end);
            }
            if d.int_digits == 4
                && !letter_at(s, d.end)
                && let Some(y) = to_i64(d.value)
            {
                self.push(i, d.end, Quantity::date(Some(y as i32), Some(month), None));
                return Some(d.end);
            }
        }
        // A full month name alone; `May` and `March` only after `in`.
        let full = me - i == MONTH_NAMES[month as usize - 1].len();
        let ambiguous = matches!(month, 3 | 5);
        let after_in = ends_with_word_ci(s, i.saturating_sub(1), "in").is_some()
            && matches!(prev_ch(s, i), Some((' ', _)));
        if full && (!ambiguous || after_in) {
            self.push(i, me, Quantity::date(None, Some(month), None));
            return Some(me);
        }
        None
    }

    /// `three companies`, `one in four`, `seven times`, `two million`.
    fn at_spelled(&mut self, i: usize, we: usize) -> Option<usize> {
        let s = self.s;
        spelled_value(&s[i..we])?;
        let num = self.num_at(i)?;
        let e = self.expr(i, num)?;
        Some(e)
    }

    /// `twice`, `sevenfold`, `twofold`.
    fn at_times_word(&mut self, i: usize, we: usize) -> Option<usize> {
        let s = self.s;
        let w = &s[i..we];
        let v = if w.eq_ignore_ascii_case("twice") {
            2
        } else {
            let stem = w
                .len()
                .checked_sub(4)
                .filter(|&k| w[k..].eq_ignore_ascii_case("fold"))
                .map(|k| &w[..k])?;
            spelled_value(stem)?
        };
        let (approx, start) = match en_prefix(s, i) {
            (Pre::Approx(a), st) => (a, st),
            _ => (Approx::Exact, i),
        };
        let q = Quantity::exact(Decimal::from(v), Unit::Times).with_approx(approx);
        self.push(start, we, q);
        Some(we)
    }

    /// `tens of thousands of models`, `trillions of won`, `several million`.
    fn at_vague(&mut self, i: usize, we: usize) -> Option<usize> {
        let s = self.s;
        let w = &s[i..we];
        let base = |w: &str| -> Option<u32> {
            Some(match w.to_ascii_lowercase().as_str() {
                "dozens" => 1,
                "hundreds" => 2,
                "thousands" => 3,
                "millions" => 6,
                "billions" => 9,
                "trillions" => 12,
                _ => return None,
            })
        };
        let mut p = we;
        let exp = if w.eq_ignore_ascii_case("several") {
            let q = space(s, we);
            let we2 = word_end(s, q);
            let e = match s[q..we2].to_ascii_lowercase().as_str() {
                "dozen" => 1,
                "hundred" => 2,
                "thousand" => 3,
                "million" => 6,
                "billion" => 9,
                "trillion" => 12,
                _ => return None,
            };
            p = we2;
            e
        } else if w.eq_ignore_ascii_case("tens") || w.eq_ignore_ascii_case("hundreds") {
            let mult = if w.eq_ignore_ascii_case("tens") { 1 } else { 2 };
            match sp_word(s, we, "of").map(|e| (space(s, e), e)) {
                Some((q, _)) => {
                    let we2 = word_end(s, q);
                    match base(&s[q..we2]) {
                        Some(b) if b >= 3 => {
                            p = we2;
                            mult + b
                        }
                        _ if mult == 2 => 2,
                        _ => return None,
                    }
                }
                None if mult == 2 => 2,
                None => return None,
            }
        } else {
            base(w)?
        };
        // `… of models`, `… of won`.
        let of = sp_word(s, p, "of")?;
        let q = space(s, of);
        let we3 = word_end(s, q);
        let word = &s[q..we3];
        let (unit, noun) = if let Some(code) = currency_word(word) {
            (Unit::Currency(code.into()), None)
        } else if let Some(code) = ISO_CODES.iter().find(|c| **c == word) {
            (Unit::Currency((*code).into()), None)
        } else if is_noun(word) {
            (Unit::Count, Some(word.to_string()))
        } else {
            return None;
        };
        let q = Quantity { amount: Amount::Exact(pow10(exp)), unit, approx: Approx::Some, noun };
        self.push(i, we3, q);
        Some(we3)
    }

    /// `a million people`, `a billion dollars`.
    fn at_a_scale(&mut self, i: usize, we: usize) -> Option<usize> {
        let s = self.s;
        let w = &s[i..we];
        if !(w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an")) {
            return None;
        }
        let (e, end) = scale_word(s, we)?;
        let num = Num {
            value: pow10(e),
            end,
            scale: e,
            comma: false,
            int_digits: 1,
            frac: false,
            spelled: true,
        };
        self.expr(i, num)
    }

    /// `last year`, `this year`, `next year` against the dateline.
    fn at_relative_year(&mut self, i: usize, we: usize) -> Option<usize> {
        let s = self.s;
        let (y, _, _) = self.dl?;
        let w = &s[i..we];
        let off =
            ["last", "this", "next"].iter().position(|x| x.eq_ignore_ascii_case(w))? as i32 - 1;
        let e = sp_word(s, we, "year")?;
        self.push(i, e, Quantity::exact(Decimal::from(y + off), Unit::Year));
        Some(e)
    }

    /// `in their teens`.
    fn at_teens(&mut self, i: usize, we: usize) -> Option<usize> {
        let s = self.s;
        if !s[i..we].eq_ignore_ascii_case("teens") {
            return None;
        }
        let (pre, start) = en_prefix(s, i);
        if pre != Pre::InTheir {
            return None;
        }
        // `in their teens to 20s`.
        let mut top = 10;
        let mut we = we;
        for conn in [" to ", " and ", "–"] {
            if let Some(q) = lit(s, we, conn)
                && let Some((v, 2, e)) = read_int(s, q)
                && v % 10 == 0
                && v > 10
                && let Some(e) = lit(s, e, "s")
                && !letter_at(s, e)
            {
                top = v;
                we = e;
                break;
            }
        }
        let q = Quantity {
            amount: Amount::Range(Decimal::from(10), Decimal::from(top + 9)),
            unit: Unit::Age,
            approx: Approx::Exact,
            noun: None,
        };
        self.push(start, we, q);
        Some(we)
    }

    /// The suffix after a number.
    fn suffix(&self, p: usize) -> (Suf, usize) {
        let s = self.s;
        let Some((c, n)) = ch(s, p) else {
            return (Suf::None, p);
        };
        if c == '%' {
            if let Some(e) = lit_ci(s, n, "p")
                && !letter_at(s, e)
            {
                return (Suf::Pp, e);
            }
            return (Suf::Percent, n);
        }
        if c.is_ascii_alphabetic() {
            let e = word_end(s, p);
            let w = &s[p..e];
            if digit_at(s, e) {
                return (Suf::Name, e);
            }
            if self.words {
                for o in ["st", "nd", "rd", "th"] {
                    if w.eq_ignore_ascii_case(o) {
                        return (Suf::Rank, e);
                    }
                }
                if w == "s" {
                    return (Suf::DecadeS, e);
                }
                if w.eq_ignore_ascii_case("fold") {
                    return (Suf::Times, e);
                }
            }
            if let Some(u) = super::parse_ko::latin_unit(w) {
                return (Suf::Latin(u), e);
            }
            if let Some(code) = ISO_CODES.iter().find(|c| **c == w) {
                return (Suf::Cur(code), e);
            }
            return (Suf::Name, e);
        }
        if !self.words {
            return (Suf::None, p);
        }
        if c == '-' && letter_at(s, n) {
            let e = word_end(s, n);
            let w = &s[n..e];
            if w.eq_ignore_ascii_case("fold") {
                return (Suf::Times, e);
            }
            if w.eq_ignore_ascii_case("year")
                && let Some(x) = lit_ci(s, e, "-old")
                && !letter_at(s, x)
            {
                return (Suf::AgeOld, x);
            }
            if let Some(u) = dur_word(w)
                && !matches!(ch(s, e), Some(('-', _)))
            {
                return (Suf::Dur(u), e);
            }
            return (Suf::Name, e);
        }
        if c == ' ' {
            let q = n;
            for (w, suf) in [
                ("percentage points", Suf::Pp),
                ("percentage point", Suf::Pp),
                ("percent", Suf::Percent),
                ("per cent", Suf::Percent),
                ("pct", Suf::Percent),
                ("pp", Suf::Pp),
                ("times", Suf::Times),
                ("years old", Suf::AgeOld),
                ("year old", Suf::AgeOld),
                ("won", Suf::Cur("KRW")),
                ("US dollars", Suf::Cur("USD")),
                ("dollars", Suf::Cur("USD")),
                ("dollar", Suf::Cur("USD")),
                ("yen", Suf::Cur("JPY")),
                ("yuan", Suf::Cur("CNY")),
                ("euros", Suf::Cur("EUR")),
                ("euro", Suf::Cur("EUR")),
            ] {
                if let Some(e) = word_ci(s, q, w) {
                    return (suf, e);
                }
            }
            let e = word_end(s, q);
            let w = &s[q..e];
            if !w.is_empty() && !digit_at(s, e) {
                if let Some(u) = dur_word(w) {
                    return (Suf::Dur(u), e);
                }
                if let Some(code) = ISO_CODES.iter().find(|c| **c == w) {
                    return (Suf::Cur(code), e);
                }
                if let Some(u) = super::parse_ko::latin_unit(w) {
                    return (Suf::Latin(u), e);
                }
            }
        }
        (Suf::None, p)
    }

    /// A range connector after `p`: `–`, `~`, a glued `-`, ` to ` (not after `from`), ` and `
    /// (after `between`). Returns where the right end starts (after a repeated currency sign).
    fn range_conn(&self, p: usize, pre: Pre, cur: Option<&str>) -> Option<(usize, bool)> {
        let s = self.s;
        let (c, n) = ch(s, p)?;
        let mut hyphen = false;
        let mut q = match c {
            '–' | '~' => n,
            '-' => {
                hyphen = true;
                n
            }
            ' ' => {
                let q = space(s, p);
                let after = if let Some((c2, n2)) = ch(s, q)
                    && matches!(c2, '–' | '~')
                {
                    Some(space(s, n2))
                } else if self.words && pre != Pre::From && pre != Pre::Between {
                    sp_word(s, p, "to").map(|e| space(s, e))
                } else if self.words && pre == Pre::Between {
                    sp_word(s, p, "and").map(|e| space(s, e))
                } else {
                    None
                };
                after?
            }
            _ => return None,
        };
        if let Some(code) = cur
            && let Some((c, n)) = ch(s, q)
            && currency_symbol(c) == Some(code)
        {
            q = n;
        }
        let ok = digit_at(s, q) || (self.words && letter_at(s, q) && !hyphen);
        ok.then_some((q, hyphen))
    }

    /// Reads the rest of an expression from a number at `i`.
    fn expr(&mut self, i: usize, mut left: Num) -> Option<usize> {
        let s = self.s;
        let mut start = i;
        // A code before the number must not be the end of the figure before (`62 INR 1596`:
        // `INR` belongs to 62; fuzz: numbers_en found the two spans overlapping).
        let floor = self.out.last().map_or(0, |f| f.span.end);
        // Currency sign or code before the number.
        let mut cur: Option<&'static str> = None;
        if let Some((c, ps)) = prev_ch(s, start)
            && let Some(code) = currency_symbol(c)
        {
            cur = Some(code);
            start = ps;
            if c == '$' && s[..start].ends_with("US") {
                start -= 2;
            }
        } else if let Some((' ', ps)) = prev_ch(s, start)
            && ps >= 3 + floor
            && let Some(code) = s.get(ps - 3..ps).and_then(|w| ISO_CODES.iter().find(|c| **c == w))
            && !matches!(prev_ch(s, ps - 3), Some((c, _)) if c.is_ascii_alphanumeric())
        {
            cur = Some(code);
            start = ps - 3;
        }
        let mut neg = false;
        if let Some(('-', ps)) = prev_ch(s, start)
            && matches!(prev_ch(s, ps), None | Some((' ' | '(' | '\n', _)))
        {
            neg = true;
            start = ps;
        }
        let (pre, pre_start) = if self.words { en_prefix(s, start) } else { (Pre::None, start) };
        if !left.spelled
            && let Some((c, n)) = ch(s, left.end)
            && matches!(c, '.' | ':' | '/' | ',')
            && digit_at(s, n)
            && c != ','
        {
            return Some(skip_ident(s, i));
        }
        // `$4.5B`, `$90.87bn`: glued scale letters after a currency sign.
        if cur.is_some() && left.scale == 0 {
            let e = word_end(s, left.end);
            let exp = match &s[left.end..e] {
                "K" | "k" => Some(3),
                "M" | "m" | "mn" => Some(6),
                "B" | "b" | "bn" => Some(9),
                "T" | "tn" => Some(12),
                _ => None,
            };
            if let Some(x) = exp {
                left.value = left.value.checked_mul(pow10(x))?.normalize();
                left.scale = x;
                left.end = e;
            }
        }
        let (mut suf, mut end) = self.suffix(left.end);
        if suf == Suf::Name {
            return Some(skip_ident(s, i).max(end));
        }
        let mut lo = left.value;
        let mut right: Option<Num> = None;
        if suf == Suf::None {
            if let Some((q, hyphen)) = self.range_conn(left.end, pre, cur)
                && let Some(mut r) = self.num_at(q)
                && !r.spelled
            {
                if cur.is_some() && r.scale == 0 {
                    let e = word_end(s, r.end);
                    let exp = match &s[r.end..e] {
                        "K" | "k" => Some(3),
                        "M" | "m" | "mn" => Some(6),
                        "B" | "b" | "bn" => Some(9),
                        "T" | "tn" => Some(12),
                        _ => None,
                    };
                    if let Some(x) = exp {
                        r.value = r.value.checked_mul(pow10(x))?.normalize();
                        r.scale = x;
                        r.end = e;
                    }
                }
                let (rs, re) = self.suffix(r.end);
                let mut l2 = lo;
                // `1–2 million`: a bare left end shares the right end's scale.
                if left.scale == 0
                    && !left.comma
                    && r.scale > 0
                    && let Some(x) = lo.checked_mul(pow10(r.scale))
                    && x <= r.value
                {
                    l2 = x;
                }
                let hyphen_ok = !hyphen || !matches!(ch(s, re), Some(('-', _)));
                if rs != Suf::Name && hyphen_ok && l2 <= r.value {
                    lo = l2;
                    suf = rs;
                    end = re;
                    right = Some(r);
                }
            }
        } else if let Some((q, _)) = self.range_conn(end, pre, cur)
            && let Some(r) = self.num_at(q)
            && !r.spelled
        {
            let (rs, re) = self.suffix(r.end);
            if rs == suf && lo <= r.value {
                end = re;
                right = Some(r);
            }
        }
        if right.is_none()
            && suf == Suf::None
            && let Some(('-', n)) = ch(s, left.end)
            && digit_at(s, n)
        {
            return Some(skip_ident(s, i));
        }
        let hi = right.map(|r| r.value);
        if neg {
            lo = -lo;
        }
        let amount = match hi {
            Some(h) => Amount::Range(lo, h),
            None => Amount::Exact(lo),
        };
        let mut approx = match pre {
            Pre::Approx(a) => a,
            _ => Approx::Exact,
        };
        let mut start_final =
            if matches!(pre, Pre::Approx(_) | Pre::Between) { pre_start } else { start };

        let year_like = |n: &Num| {
            !n.spelled
                && n.scale == 0
                && !n.comma
                && !n.frac
                && n.int_digits == 4
                && (1800..=2199).contains(&to_i64(n.value).unwrap_or(0))
        };
        let rank_no = {
            let before = &s[..start];
            before
                .strip_suffix(' ')
                .unwrap_or(before)
                .strip_suffix("No.")
                .filter(|b| !b.ends_with(|c: char| c.is_alphanumeric()))
                .map(str::len)
        };
        let mut noun: Option<String> = None;
        let unit = match suf {
            Suf::Name => return None,
            // `No. 1`: a rank.
            Suf::None if right.is_none() && is_int(lo) && cur.is_none() && rank_no.is_some() => {
                start_final = rank_no.unwrap_or(start);
                Unit::Rank
            }
            Suf::None => {
                if let Some(code) = cur {
                    Unit::Currency(code.into())
                } else if year_like(&left) && right.as_ref().is_none_or(year_like) && !neg {
                    if let Pre::YearBound(a) = pre {
                        approx = a;
                        start_final = pre_start;
                    }
                    Unit::Year
                } else if pre == Pre::Aged {
                    start_final = pre_start;
                    Unit::Age
                } else {
                    // Ratios: `one in four`, `25 of 28`, `25 of the 28`, `1 out of 5`.
                    if right.is_none()
                        && left.scale == 0
                        && is_int(left.value)
                        && let Some((whole, e)) = self.ratio_whole(left.end)
                        && whole >= left.value
                    {
                        let mut end = e;
                        let mut noun = None;
                        if let Some((n, ne)) = noun_after(s, end) {
                            noun = Some(n);
                            end = ne;
                        }
                        if let Some((a, e)) = en_postfix(s, end) {
                            approx = a;
                            end = e;
                        }
                        let q = Quantity {
                            amount: Amount::Ratio { part: lo, whole },
                            unit: Unit::Ratio,
                            approx,
                            noun,
                        };
                        self.push(start_final, end, q);
                        return Some(end);
                    }
                    // `Llama 3`, `Table 2`, `iPhone 16`: a plain number after a name.
                    if right.is_none()
                        && left.scale == 0
                        && !left.comma
                        && !left.spelled
                        && approx == Approx::Exact
                        && name_before(s, start)
                    {
                        return Some(left.end);
                    }
                    if let Some((n, ne)) = noun_after(s, end) {
                        noun = Some(n);
                        end = ne;
                    }
                    if left.spelled
                        && left.scale == 0
                        && (noun.is_none() || left.value < Decimal::TWO)
                    {
                        return None;
                    }
                    Unit::Count
                }
            }
            Suf::Percent => Unit::Percent,
            Suf::Pp => Unit::PercentagePoints,
            Suf::Times => Unit::Times,
            Suf::Rank => {
                if !is_int(lo) || left.scale > 0 {
                    return Some(end);
                }
                Unit::Rank
            }
            Suf::Cur(code) => Unit::Currency(code.into()),
            Suf::Latin(u) => {
                noun = Some(u.to_string());
                Unit::Count
            }
            Suf::Dur(u) => Unit::Duration(u),
            Suf::AgeOld => {
                if pre == Pre::Aged {
                    start_final = pre_start;
                }
                Unit::Age
            }
            Suf::DecadeS => {
                let decade =
                    |n: &Num| to_i64(n.value).filter(|v| n.scale == 0 && !n.comma && v % 10 == 0);
                let Some(l) = decade(&left) else {
                    return Some(end);
                };
                // `40s to 50s`, `40s and 50s`, `1990s–2000s`.
                let mut h = hi.and_then(|_| right.as_ref().and_then(decade)).unwrap_or(l);
                if right.is_none() {
                    for conn in [" to ", " and ", "–", "-"] {
                        if let Some(q) = lit(s, end, conn)
                            && let Some(d) = read_digits(s, q)
                            && let Some(e) = lit(s, d.end, "s")
                            && !letter_at(s, e)
                            && let Some(v) = to_i64(d.value).filter(|v| v % 10 == 0 && *v > l)
                            && d.int_digits == left.int_digits
                        {
                            h = v;
                            end = e;
                            break;
                        }
                    }
                }
                let unit = if left.int_digits == 4 {
                    Unit::Year
                } else if (10..=90).contains(&l) && left.int_digits == 2 {
                    if pre == Pre::InTheir {
                        start_final = pre_start;
                    }
                    Unit::Age
                } else {
                    return Some(end);
                };
                let q = Quantity {
                    amount: Amount::Range(Decimal::from(l), Decimal::from(h + 9)),
                    unit,
                    approx,
                    noun: None,
                };
                self.push(start_final, end, q);
                return Some(end);
            }
        };
        if left.spelled && left.scale == 0 && unit == Unit::Rank {
            return None;
        }
        if let Some(e) = lit(s, end, "+")
            && !digit_at(s, e)
        {
            approx = Approx::Over;
            end = e;
        }
        let mut unit = unit;
        if let Some((a, e)) = en_postfix(s, end) {
            // `65 or older`: an age bound.
            if unit == Unit::Count
                && noun.is_none()
                && (s[end..e].ends_with("older") || s[end..e].ends_with("younger"))
            {
                unit = Unit::Age;
            }
            approx = a;
            end = e;
        }
        let q = Quantity { amount, unit, approx, noun };
        self.push(start_final, end, q);
        Some(end)
    }

    /// ` in four`, ` out of 5`, ` of 28`, ` of the 28`.
    fn ratio_whole(&self, p: usize) -> Option<(Decimal, usize)> {
        let s = self.s;
        let q = if let Some(e) = sp_word(s, p, "in") {
            e
        } else if let Some(e) = sp_word(s, p, "out").and_then(|e| sp_word(s, e, "of")) {
            e
        } else if let Some(e) = sp_word(s, p, "of") {
            sp_word(s, e, "the").unwrap_or(e)
        } else {
            return None;
        };
        let r = space(s, q);
        if r == q {
            return None;
        }
        let n = self.num_at(r)?;
        let year_like = n.int_digits == 4 && !n.comma && n.scale == 0;
        if !is_int(n.value) || n.scale > 0 || year_like || n.value.is_zero() {
            return None;
        }
        if n.spelled || !letter_at(s, n.end) {
            return Some((n.value, n.end));
        }
        None
    }
}

/// A month name at `pos` (with an optional `.` after an abbreviation): (month, end).
fn month_word(s: &str, pos: usize) -> Option<(u8, usize)> {
    let we = word_end(s, pos);
    let w = &s[pos..we];
    let &(name, m) = MONTHS.iter().find(|(n, _)| n.eq_ignore_ascii_case(w))?;
    if !matches!(ch(s, pos), Some((c, _)) if c.is_ascii_uppercase()) {
        return None;
    }
    let mut end = we;
    if name.len() <= 4
        && name != "june"
        && name != "july"
        && let Some(e) = lit(s, we, ".")
    {
        end = e;
    }
    Some((m, end))
}

/// ` 2026` after a date.
fn year_after(s: &str, p: usize) -> Option<(i32, usize)> {
    let q = space(s, p);
    if q == p {
        return None;
    }
    let d = read_digits(s, q)?;
    if d.int_digits != 4 || d.comma || d.frac_digits > 0 || letter_at(s, d.end) {
        return None;
    }
    Some((to_i64(d.value)? as i32, d.end))
}

fn dur_word(w: &str) -> Option<DurationUnit> {
    Some(match w.to_ascii_lowercase().as_str() {
        "day" | "days" => DurationUnit::Days,
        "week" | "weeks" => DurationUnit::Weeks,
        "month" | "months" => DurationUnit::Months,
        "year" | "years" => DurationUnit::Years,
        _ => return None,
    })
}

fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₩' => "KRW",
        _ => return None,
    })
}

fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w.to_ascii_lowercase().as_str() {
        "won" => "KRW",
        "dollars" => "USD",
        "yen" => "JPY",
        "yuan" => "CNY",
        "euros" => "EUR",
        "pounds" => "GBP",
        _ => return None,
    })
}

fn is_noun(w: &str) -> bool {
    w.len() >= 2
        && w.as_bytes()[0].is_ascii_lowercase()
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !NOT_NOUNS.contains(&w)
}

/// The counted noun after a number: ` companies`, ` people`.
fn noun_after(s: &str, p: usize) -> Option<(String, usize)> {
    let q = space(s, p);
    if q == p {
        return None;
    }
    let mut e = q;
    while let Some((c, n)) = ch(s, e) {
        if c.is_ascii_lowercase() || (c == '-' && e > q && letter_at(s, n)) {
            e = n;
        } else {
            break;
        }
    }
    if digit_at(s, e) || matches!(ch(s, e), Some((c, _)) if c.is_ascii_uppercase()) {
        return None;
    }
    let w = &s[q..e];
    is_noun(w).then(|| (w.to_string(), e))
}

/// Whether a capitalised word that is not a preposition or qualifier stands right before
/// the number, with one space (`Llama 3`, `Table 2`).
fn name_before(s: &str, start: usize) -> bool {
    let Some((' ', ps)) = prev_ch(s, start) else {
        return false;
    };
    let mut b = ps;
    while let Some((c, p)) = prev_ch(s, b) {
        if c.is_ascii_alphanumeric() || c == '-' {
            b = p;
        } else {
            break;
        }
    }
    let w = &s[b..ps];
    if w.is_empty() {
        return false;
    }
    let first = w.as_bytes()[0];
    let has_upper = w.bytes().any(|c| c.is_ascii_uppercase());
    (first.is_ascii_uppercase() || has_upper)
        && !NOT_NAMES.iter().any(|n| n.eq_ignore_ascii_case(w))
        && MONTHS.iter().all(|(m, _)| !m.eq_ignore_ascii_case(w))
}

/// Words before a number that qualify it (`more than`, `about`, `since`, `aged`).
fn en_prefix(s: &str, start: usize) -> (Pre, usize) {
    const PHRASES: &[(&str, Pre)] = &[
        ("no more than", Pre::Approx(Approx::Under)),
        ("not more than", Pre::Approx(Approx::Under)),
        ("no less than", Pre::Approx(Approx::Over)),
        ("no fewer than", Pre::Approx(Approx::Over)),
        ("more than", Pre::Approx(Approx::Over)),
        ("greater than", Pre::Approx(Approx::Over)),
        ("at least", Pre::Approx(Approx::Over)),
        ("upwards of", Pre::Approx(Approx::Over)),
        ("in excess of", Pre::Approx(Approx::Over)),
        ("just over", Pre::Approx(Approx::Over)),
        ("well over", Pre::Approx(Approx::Over)),
        ("over", Pre::Approx(Approx::Over)),
        ("above", Pre::Approx(Approx::Over)),
        ("less than", Pre::Approx(Approx::Under)),
        ("fewer than", Pre::Approx(Approx::Under)),
        ("up to", Pre::Approx(Approx::Under)),
        ("at most", Pre::Approx(Approx::Under)),
        ("just under", Pre::Approx(Approx::Under)),
        ("under", Pre::Approx(Approx::Under)),
        ("below", Pre::Approx(Approx::Under)),
        ("close to", Pre::Approx(Approx::About)),
        ("an estimated", Pre::Approx(Approx::About)),
        ("approximately", Pre::Approx(Approx::About)),
        ("roughly", Pre::Approx(Approx::About)),
        ("around", Pre::Approx(Approx::About)),
        ("about", Pre::Approx(Approx::About)),
        ("nearly", Pre::Approx(Approx::About)),
        ("almost", Pre::Approx(Approx::About)),
        ("some", Pre::Approx(Approx::About)),
        ("circa", Pre::Approx(Approx::About)),
        ("since", Pre::YearBound(Approx::Over)),
        ("after", Pre::YearBound(Approx::Over)),
        ("before", Pre::YearBound(Approx::Under)),
        ("aged", Pre::Aged),
        ("in their", Pre::InTheir),
        ("between", Pre::Between),
        ("from", Pre::From),
    ];
    let Some((' ', b)) = prev_ch(s, start) else {
        return (Pre::None, start);
    };
    for &(w, pre) in PHRASES {
        if let Some(st) = ends_with_word_ci(s, b, w) {
            // Longer phrases come first: `no more than` before `more than`.
            return (pre, st);
        }
    }
    (Pre::None, start)
}

/// `or more`, `or less`, `and over`, `or older` after a number.
fn en_postfix(s: &str, end: usize) -> Option<(Approx, usize)> {
    const PHRASES: &[(&str, Approx)] = &[
        ("or more", Approx::Over),
        ("or above", Approx::Over),
        ("or higher", Approx::Over),
        ("or over", Approx::Over),
        ("or older", Approx::Over),
        ("and over", Approx::Over),
        ("and older", Approx::Over),
        ("and above", Approx::Over),
        ("or less", Approx::Under),
        ("or fewer", Approx::Under),
        ("or below", Approx::Under),
        ("or lower", Approx::Under),
        ("or under", Approx::Under),
        ("or younger", Approx::Under),
    ];
    let q = space(s, end);
    if q == end {
        return None;
    }
    for &(w, a) in PHRASES {
        if let Some(e) = word_ci(s, q, w) {
            return Some((a, e));
        }
    }
    None
}
