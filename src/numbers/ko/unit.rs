//! Phase 5: the unit after the number: `%`/`%p`, a Hangul word (`배`, `위`, a counter, a
//! currency, `년`/`월`/`일`, `대`), a Latin unit or an ISO code; and what the unit makes of it.

use super::{Expr, Ko, duration_marker, word_end};
use crate::numbers::lexicon::ko::{NATIVE_COUNTERS, SUFFIXES, Suf, TOP_N_WORDS, particle_start};
use crate::numbers::lexicon::{iso_code, latin_unit};
use crate::numbers::quantity::{Amount, Approx, DurationUnit, Unit};
use crate::numbers::scan::{digit_at, skip_ident, skip_word};
use crate::numbers::text::{ch, is_hangul, is_int, lit, prev_ch, space, to_i64};
use rust_decimal::Decimal;

/// What an expression measures, before its trailing qualifiers.
pub(super) struct Measure {
    pub unit: Unit,
    pub amount: Amount,
    pub noun: Option<String>,
}

/// The unit phase's verdict: a measure to finish, or done (the expression was recorded or is
/// no quantity) with where scanning resumes.
pub(super) enum Reading {
    Measured(Measure),
    Done(usize),
}

/// A measure of `unit` over `x`'s value or range, without a noun.
fn measure(x: &Expr, unit: Unit) -> Reading {
    Reading::Measured(Measure { unit, amount: x.amount(), noun: None })
}

impl Expr {
    /// The value or range read.
    pub(super) fn amount(&self) -> Amount {
        match self.right {
            Some(r) => Amount::Range(self.lo, r.value),
            None => Amount::Exact(self.lo),
        }
    }
}

impl Ko<'_> {
    /// The longest suffix word at `pos` (no spacing, no word-end check).
    pub(super) fn suffix_word(&self, pos: usize) -> Option<(Suf, usize)> {
        let s = self.s;
        let first = ch(s, pos)?.0;
        let mut best: Option<(Suf, usize)> = None;
        for &(w, suf) in SUFFIXES {
            if !w.starts_with(first) {
                continue;
            }
            if let Some(e) = lit(s, pos, w)
                && best.is_none_or(|(_, be)| e > be)
            {
                best = Some((suf, e));
            }
        }
        best
    }

    /// The suffix after a number: one optional space, then `%`/`%p`, a Hangul word that ends
    /// where a word may end, a Latin unit or an ISO code.
    pub(super) fn suffix(&self, p: usize, native: bool) -> (Suf, usize) {
        let s = self.s;
        let q = space(s, p);
        let Some((c, n)) = ch(s, q) else {
            return (Suf::None, p);
        };
        if c == '%' {
            if let Some(e) = lit(s, n, "p").or_else(|| lit(s, n, "P"))
                && !matches!(ch(s, e), Some((c, _)) if c.is_ascii_alphabetic())
            {
                return (Suf::Pp, e);
            }
            if let Some(e) = lit(s, n, "포인트") {
                return (Suf::Pp, e);
            }
            return (Suf::Percent, n);
        }
        if is_hangul(c) {
            return self.hangul_suffix(q, native).unwrap_or((Suf::None, p));
        }
        if c.is_ascii_alphabetic() {
            return latin_suffix(s, p, q);
        }
        (Suf::None, p)
    }

    /// A Hangul unit word at `q` that ends where a word may end.
    fn hangul_suffix(&self, q: usize, native: bool) -> Option<(Suf, usize)> {
        let s = self.s;
        if native
            && let Some(e) = lit(s, q, "달")
            && word_end(s, e, false)
        {
            return Some((Suf::Dal, e));
        }
        let (suf, e) = self.suffix_word(q)?;
        let ok = match suf {
            // A year or a month is one whatever follows (`2024년말`, `12월초`).
            Suf::Nyeon | Suf::Wol | Suf::Il => true,
            Suf::Counter(_) | Suf::Cur(_) | Suf::Percent => word_end(s, e, true),
            _ => word_end(s, e, false),
        };
        ok.then_some((suf, e))
    }

    /// Whether the read expression is no quantity after all: where scanning resumes then
    /// (0 for a native numeral without its counter).
    pub(super) fn rejected(&self, i: usize, x: &Expr) -> Option<usize> {
        let s = self.s;
        if x.suf == Suf::Name {
            return Some(skip_word(s, i));
        }
        // `02-1234-5678`: a hyphenated identifier, not a range.
        if x.right.is_none()
            && let Some(('-', n)) = ch(s, x.p)
            && digit_at(s, n)
        {
            return Some(skip_ident(s, i));
        }
        if x.left.native {
            let ok = match x.suf {
                Suf::Counter(c) => NATIVE_COUNTERS.contains(&c),
                Suf::Times => x.left.value >= Decimal::TWO,
                Suf::Dal => true,
                _ => false,
            };
            if !ok {
                return Some(0);
            }
        }
        if x.suf == Suf::None {
            return self.bare_rejected(x);
        }
        None
    }

    /// A bare number glued to an unknown word (`1분기`, `2차전지`) or following a name
    /// (`Llama 3`, `코로나19`) is not a quantity.
    fn bare_rejected(&self, x: &Expr) -> Option<usize> {
        let s = self.s;
        let glued_word = matches!(ch(s, x.p), Some((c, _)) if is_hangul(c) && !particle_start(c));
        if x.right.is_none() && glued_word {
            return Some(skip_to_word_end(s, x.p));
        }
        if x.right.is_none()
            && x.left.plain
            && x.approx == Approx::Exact
            && x.cur.is_none()
            && (latin_word_before(s, x.start) || hangul_glued_before(s, x.start))
        {
            return Some(x.left.end);
        }
        None
    }

    /// What the unit word makes of the number (recording dates and years itself).
    pub(super) fn unit(&mut self, x: &Expr) -> Reading {
        let s = self.s;
        let plain = |unit: Unit| measure(x, unit);
        match x.suf {
            // Rejected before; a name is no quantity.
            Suf::Name => Reading::Done(x.end),
            Suf::None => plain(self.bare_unit(x)),
            Suf::Percent => plain(Unit::Percent),
            Suf::Pp => plain(Unit::PercentagePoints),
            Suf::Times => plain(Unit::Times),
            Suf::Rank if !is_int(x.lo) || x.left.top > 0 => Reading::Done(x.end),
            Suf::Rank => plain(Unit::Rank),
            Suf::Cur(code) => plain(Unit::Currency(code.into())),
            // `3주 연속`, `2주 만에`: weeks, not shares.
            Suf::Counter("주") if duration_marker(s, x.end) => {
                plain(Unit::Duration(DurationUnit::Weeks))
            }
            // `1인 가구`, `1인 미디어`: a kind of household or medium, not a number of people.
            Suf::Counter("인") if person_kind(s, x.end) => Reading::Done(x.end),
            Suf::Counter(c) => counted(x, c),
            Suf::Latin(u) => counted(x, u),
            Suf::AgeSe => plain(Unit::Age),
            Suf::Gaewol | Suf::Dal => plain(Unit::Duration(DurationUnit::Months)),
            Suf::NyeonGan => plain(Unit::Duration(DurationUnit::Years)),
            Suf::IlGan => plain(Unit::Duration(DurationUnit::Days)),
            Suf::JuGan => plain(Unit::Duration(DurationUnit::Weeks)),
            Suf::Dae => self.dae(x),
            Suf::Nyeon => Reading::Done(self.year_or_years(x)),
            Suf::Wol => Reading::Done(self.month(x)),
            Suf::Il => self.day_or_days(x),
        }
    }

    /// A number with no unit word: a currency from before it, a year, or a count.
    fn bare_unit(&self, x: &Expr) -> Unit {
        match x.cur {
            Some(code) => Unit::Currency(code.into()),
            // A bare four-digit 19xx/20xx with no counter is a year in Korean prose
            // (`'2025 공공데이터 백서'`), never a count.
            None if x.right.is_none()
                && x.left.plain
                && x.approx == Approx::Exact
                && is_int(x.lo)
                && (Decimal::from(1900)..=Decimal::from(2099)).contains(&x.lo) =>
            {
                Unit::Year
            }
            None => Unit::Count,
        }
    }

    /// `N대`: the top N (`3대 강국`), an ordinal (`21대 국회`), an age decade (`40대`) or a
    /// machine count (`서버 3대`).
    fn dae(&self, x: &Expr) -> Reading {
        let s = self.s;
        let end = x.end;
        let q = space(s, end);
        let spaced_word = q != end && matches!(ch(s, q), Some((c, _)) if is_hangul(c));
        if TOP_N_WORDS.iter().any(|w| lit(s, q, w).is_some()) || (q != end && digit_at(s, q)) {
            return Reading::Done(end);
        }
        let lo = x.lo;
        let decade = |d: Decimal| {
            x.left.top == 0 && to_i64(d).is_some_and(|v| (10..=90).contains(&v) && v % 10 == 0)
        };
        let nine = Decimal::from(9);
        let age = |lo: Decimal, hi: Decimal| {
            Reading::Measured(Measure {
                unit: Unit::Age,
                amount: Amount::Range(lo, hi),
                noun: None,
            })
        };
        match x.right.map(|r| r.value) {
            Some(h) if decade(lo) && decade(h) => age(lo, h + nine),
            None if decade(lo) => age(lo, lo + nine),
            // `3대 강국`: "the three great powers", not three machines.
            None if x.left.top == 0 && is_int(lo) && lo < Decimal::from(10) && spaced_word => {
                Reading::Done(end)
            }
            _ => counted(x, "대"),
        }
    }
}

/// A count of `noun` (`432만 개`, `3 GW`).
/// Whether `N인` ending at `end` names a kind (`1인 가구`, `2인 가족`, `1인 미디어`).
fn person_kind(s: &str, end: usize) -> bool {
    const KINDS: &[&str] = &["가구", "미디어", "가족", "창조기업", "크리에이터", "방송", "체제"];
    lit(s, end, " ").is_some_and(|q| KINDS.iter().any(|k| lit(s, q, k).is_some()))
}

/// A count of `noun`s.
fn counted(x: &Expr, noun: &str) -> Reading {
    Reading::Measured(Measure {
        unit: Unit::Count,
        amount: x.amount(),
        noun: Some(noun.to_string()),
    })
}

/// Latin letters at `q` after a number ending at `p`: a measure unit, an ISO code or, glued,
/// a name (`4o`, `70B`).
fn latin_suffix(s: &str, p: usize, q: usize) -> (Suf, usize) {
    let mut e = q;
    while let Some((c, n)) = ch(s, e) {
        if c.is_ascii_alphabetic() {
            e = n;
        } else {
            break;
        }
    }
    let word = &s[q..e];
    let digit_after = matches!(ch(s, e), Some((c, _)) if c.is_ascii_digit());
    if !digit_after && word.is_ascii() {
        if let Some(u) = latin_unit(word) {
            return (Suf::Latin(u), e);
        }
        if let Some(code) = iso_code(word) {
            return (Suf::Cur(code), e);
        }
    }
    if q == p { (Suf::Name, e) } else { (Suf::None, p) }
}

/// Whether the number at `start` follows a Latin word and a single space (`Llama 3`).
fn latin_word_before(s: &str, start: usize) -> bool {
    match prev_ch(s, start) {
        Some((' ', ps)) => matches!(prev_ch(s, ps), Some((c, _)) if c.is_ascii_alphanumeric()),
        _ => false,
    }
}

/// Whether a Hangul syllable is glued right before `start` (`코로나19`: a name).
fn hangul_glued_before(s: &str, start: usize) -> bool {
    matches!(prev_ch(s, start), Some((c, _)) if is_hangul(c))
}

/// The end of the Hangul or alphanumeric word at `p`.
fn skip_to_word_end(s: &str, mut p: usize) -> usize {
    while let Some((c, n)) = ch(s, p) {
        if is_hangul(c) || c.is_ascii_alphanumeric() {
            p = n;
        } else {
            break;
        }
    }
    p
}
