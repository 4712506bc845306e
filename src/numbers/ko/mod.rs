//! Finding numeric expressions in Korean text.
//!
//! The shared scanner ([`super::scan`]) hands this grammar every digit and the few Hangul
//! syllables that start digit-less forms (`수만`, `천만`, `두 배`, `지난해`). An expression is
//! read in phases, one file each: [`prefix`] (`약`, `최대`, `$`) → [`number`] (myriad groups,
//! with the units of [`scale`]) → `여` → [`range`] (`~`) → [`unit`](mod@unit) (`%`, `배`, a counter, a
//! currency, a year) → [`suffix`] (ratio `중`, bounds `이상`, `가량`). Dates and the other
//! starts live in [`date`] and [`start`].

mod date;
mod number;
mod prefix;
mod range;
mod scale;
mod start;
mod suffix;
mod unit;

use super::lexicon::ko::{Suf, particle_start};
use super::quantity::{Approx, Found};
use super::scan::{self, Dateline, Grammar, Scan, glued_to_name, skip_ident, skip_word};
use super::text::{ch, is_hangul, prev_ch};
use number::Core;
use rust_decimal::Decimal;
use std::ops::{Deref, DerefMut};

/// Finds every numeric expression in Korean text.
pub(crate) fn find(text: &str, dateline: Dateline) -> Vec<Found> {
    let mut k = Ko { scan: Scan::new(text, dateline) };
    scan::scan(text, &mut k);
    k.scan.out
}

/// A scan of Korean text: the shared scan state plus the Korean grammar as methods.
struct Ko<'a> {
    scan: Scan<'a>,
}

impl<'a> Deref for Ko<'a> {
    type Target = Scan<'a>;
    fn deref(&self) -> &Scan<'a> {
        &self.scan
    }
}

impl DerefMut for Ko<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.scan
    }
}

impl Grammar for Ko<'_> {
    /// See [`Ko::at_digit`].
    fn at_digit(&mut self, i: usize) -> usize {
        self.at_digit(i)
    }

    /// Latin words are names in Korean text (`GPT-4o`): skipped whole.
    fn at_word(&mut self, i: usize) -> usize {
        skip_word(self.s, i)
    }

    /// Apostrophe years (`'23년`) and the Hangul syllables that start digit-less forms.
    fn at_other(&mut self, i: usize, c: char) -> Option<usize> {
        match c {
            '\'' => self.at_apostrophe(i),
            '수' | '몇' => self.at_vague(i),
            '천' | '백' | '십' => self.at_bare_unit(i),
            '지' | '작' | '올' | '금' | '내' | '재' | '이' | '다' => {
                self.at_relative(i).or_else(|| self.at_native(i))
            }
            '한' | '두' | '세' | '네' | '여' | '일' | '아' | '열' => self.at_native(i),
            _ => None,
        }
    }
}

/// What the phases have read of one expression so far.
#[derive(Clone, Copy, Debug)]
struct Expr {
    /// Where the expression starts (its prefix included).
    start: usize,
    approx: Approx,
    neg: bool,
    /// A currency written before the number (`$`, `USD `).
    cur: Option<&'static str>,
    left: Core,
    /// The right end of a range.
    right: Option<Core>,
    /// The lower (or only) value; a bare left end may have taken the right end's scale.
    lo: Decimal,
    /// End of the left number and its `여`.
    p: usize,
    suf: Suf,
    /// End of the expression so far.
    end: usize,
}

impl<'a> Ko<'a> {
    /// A digit at `i`: decides between a name, a date, an identifier and an expression.
    fn at_digit(&mut self, i: usize) -> usize {
        let s = self.s;
        if let Some(end) = glued_to_name(s, i) {
            return end;
        }
        // 제3조, 제1회: legal articles and ordinal editions, not quantities.
        if let Some(('제', ps)) = prev_ch(s, i)
            && !matches!(prev_ch(s, ps), Some((c, _)) if is_hangul(c))
        {
            return skip_ident(s, i);
        }
        if let Some(end) = self.numeric_date(i) {
            return end;
        }
        let Some(core) = self.core(i) else {
            return skip_ident(s, i);
        };
        self.after_core(i, core)
    }

    /// Everything after the number: range, suffix, ratio, bounds. Returns where scanning
    /// resumes (0 when a native numeral turned out to be no quantity).
    fn after_core(&mut self, i: usize, left: Core) -> usize {
        let s = self.s;
        let pre = if left.native { prefix::Prefix::none(i) } else { self.prefixes(i) };
        // Identifier chains: `1.2.3`, `14:30`, `1/2`.
        if !left.native
            && let Some((c, n)) = ch(s, left.end)
            && matches!(c, '.' | ':' | '/')
            && scan::digit_at(s, n)
        {
            return skip_ident(s, i);
        }
        if let Some(end) = self.fraction(&pre, &left) {
            return end;
        }
        let mut x = self.suffixed(pre, left);
        if let Some(resume) = self.rejected(i, &x) {
            return resume;
        }
        if x.neg {
            x.lo = -x.lo;
        }
        match self.unit(&x) {
            unit::Reading::Measured(m) => self.finish(&x, m),
            unit::Reading::Done(end) => end,
        }
    }
}

/// Whether a word may end at `pos`: end of text, a non-Hangul character or a particle.
fn word_end(s: &str, pos: usize, allow_dae: bool) -> bool {
    match ch(s, pos) {
        None => true,
        Some((c, _)) if !is_hangul(c) => true,
        Some((c, _)) => particle_start(c) || (allow_dae && c == '대'),
    }
}

/// Whether a word after `N년`/`N일` (one optional space) makes it a length of time.
pub(super) fn duration_marker(s: &str, end: usize) -> bool {
    let q = super::text::space(s, end);
    let markers = super::lexicon::ko::DURATION_MARKERS;
    markers.iter().any(|w| super::text::lit(s, q, w).is_some())
}
