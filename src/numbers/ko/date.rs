//! Dates and years: `2026-02-15`, `2024년`, `'23년`, `97년`, `24년 상반기`, `2월 15일`, a bare
//! `15일`, `지난해 12월`; and the durations the same words can mean (`3년 만에`, `5일간`).

use super::duration_marker;
use super::suffix::{approx_after, year_postfix};
use super::unit::{Measure, Reading};
use super::{Expr, Ko, word_end};
use crate::numbers::lexicon::ko::{RELATIVE_MONTHS, RELATIVE_YEARS, YEAR_PARTS};
use crate::numbers::quantity::{Amount, Approx, DurationUnit, Quantity, Unit};
use crate::numbers::scan::digit_at;
use crate::numbers::text::{
    ch, is_hangul, lit, prev_ch, read_digits, read_int, space, to_i64, two_digit_year, valid_day,
};
use rust_decimal::Decimal;

impl Ko<'_> {
    /// `2026-02-15`, `2026.2.15`, `2026. 2. 15.`, `2024.12`.
    pub(super) fn numeric_date(&mut self, i: usize) -> Option<usize> {
        let s = self.s;
        let (year, yn, ye) = read_int(s, i)?;
        if yn != 4 || !(1900..=2100).contains(&year) {
            return None;
        }
        let (sep, p) = ch(s, ye)?;
        if !matches!(sep, '-' | '.') {
            return None;
        }
        let p = if sep == '.' { space(s, p) } else { p };
        let (month, mn, me) = read_int(s, p)?;
        if mn > 2 || !(1..=12).contains(&month) {
            return None;
        }
        let mut end = me;
        let mut day = None;
        if let Some((c, n)) = ch(s, end)
            && c == sep
            && let Some((dv, dn, de)) = read_int(s, if sep == '.' { space(s, n) } else { n })
        {
            if dn > 2 || !valid_day(Some(month as u8), dv as u32) {
                return None;
            }
            day = Some(dv as u8);
            end = de;
            if sep == '.' && matches!(ch(s, end), Some(('.', _))) {
                end += 1;
            }
        } else if sep == '-' {
            // `2024-12` is too easily a range or an identifier.
            return None;
        }
        // Anything else glued on (a digit, a letter, `%`, a counter) means this was no date.
        match ch(s, end) {
            Some((c, _)) if c.is_ascii_alphanumeric() || c == '%' || c == '-' => return None,
            Some(('.', n)) if day.is_none() && digit_at(s, n) => return None,
            Some((c, _)) if day.is_none() && is_hangul(c) => return None,
            _ => {}
        }
        self.push(i, end, Quantity::date(Some(year as i32), Some(month as u8), day));
        Some(end)
    }

    /// `N년`: a year (`2024년`, `97년`, `24년 상반기`) or a number of years (`3년 만에`).
    pub(super) fn year_or_years(&mut self, x: &Expr) -> usize {
        let s = self.s;
        let (left, end) = (x.left, x.end);
        let Some(v) = to_i64(x.lo).filter(|_| left.top == 0 && !left.comma) else {
            return end;
        };
        let is_year = match left.int_digits {
            4 => x.right.is_none_or(|r| r.int_digits == 4),
            2 if x.right.is_none() => {
                left.leading_zero
                    || self.month_after(end).is_some()
                    || YEAR_PARTS.iter().any(|w| lit(s, end, w).is_some())
                    || (v >= 50 && !duration_marker(s, end))
            }
            _ => false,
        };
        if !is_year || v < 0 {
            return self.years(x);
        }
        let year = if left.int_digits == 2 { two_digit_year(v as i32, self.dl) } else { v as i32 };
        if let Some(r) = x.right {
            let q = Quantity {
                amount: Amount::Range(Decimal::from(year), r.value),
                unit: Unit::Year,
                approx: x.approx,
                noun: None,
            };
            let (approx2, end2) = year_postfix(s, end).unwrap_or((x.approx, end));
            let q = q.with_approx(approx2);
            self.push(x.start, end2, q);
            return end2;
        }
        self.year_tail(x.start, year, end, x.approx)
    }

    /// `3년`, `1년여`, `5년 이상`: a number of years.
    fn years(&mut self, x: &Expr) -> usize {
        let (approx, end) = approx_after(self.s, x.end, x.approx);
        let unit = Unit::Duration(DurationUnit::Years);
        self.push(x.start, end, Quantity { amount: x.amount(), unit, approx, noun: None });
        end
    }

    /// After a year: a month and day make it a date; else `이후`/`이전`/`경` bound the year.
    pub(super) fn year_tail(
        &mut self,
        start: usize,
        year: i32,
        end: usize,
        approx: Approx,
    ) -> usize {
        let s = self.s;
        if let Some((m, me)) = self.month_after(end) {
            let (de, day) = self.day_after(me, Some(m));
            self.push(start, de, Quantity::date(Some(year), Some(m), day));
            return de;
        }
        let (approx, end) = year_postfix(s, end).unwrap_or((approx, end));
        let q = Quantity::exact(Decimal::from(year), Unit::Year).with_approx(approx);
        self.push(start, end, q);
        end
    }

    /// ` 12월` after a year.
    pub(super) fn month_after(&self, p: usize) -> Option<(u8, usize)> {
        let s = self.s;
        let q = space(s, p);
        let d = read_digits(s, q)?;
        if d.int_digits > 2 || d.comma || d.frac_digits > 0 {
            return None;
        }
        let e = lit(s, d.end, "월")?;
        let m = to_i64(d.value)?;
        (1..=12).contains(&m).then_some((m as u8, e))
    }

    /// ` 15일` after a month.
    pub(super) fn day_after(&self, p: usize, month: Option<u8>) -> (usize, Option<u8>) {
        let s = self.s;
        let q = space(s, p);
        if let Some(d) = read_digits(s, q)
            && d.int_digits <= 2
            && !d.comma
            && d.frac_digits == 0
            && let Some(e) = lit(s, d.end, "일")
            && let Some(v) = to_i64(d.value)
            && valid_day(month, v as u32)
            && lit(s, e, "간").is_none()
        {
            return (e, Some(v as u8));
        }
        (p, None)
    }

    /// `12월`, `2월 15일`: a month, with its day when one follows.
    pub(super) fn month(&mut self, x: &Expr) -> usize {
        let month = to_i64(x.lo).filter(|m| (1..=12).contains(m));
        let (Some(m), None) = (month, x.right) else {
            return x.end;
        };
        let (date_end, day) = self.day_after(x.end, Some(m as u8));
        self.push(x.start, date_end, Quantity::date(None, Some(m as u8), day));
        date_end
    }

    /// `15일`: a day of the dateline's month (recorded here), or `5일 동안`: days.
    pub(super) fn day_or_days(&mut self, x: &Expr) -> Reading {
        let marker = duration_marker(self.s, x.end);
        match (to_i64(x.lo), x.right) {
            (Some(d), None) if (1..=31).contains(&d) && !marker && x.left.top == 0 => {
                let q = match self.dl {
                    Some((y, m, _)) if valid_day(Some(m), d as u32) => {
                        Quantity::date(Some(y), Some(m), Some(d as u8))
                    }
                    _ => Quantity::date(None, None, Some(d as u8)),
                };
                self.push(x.start, x.end, q);
                Reading::Done(x.end)
            }
            _ => Reading::Measured(Measure {
                unit: Unit::Duration(DurationUnit::Days),
                amount: x.amount(),
                noun: None,
            }),
        }
    }

    /// `'23년`: an apostrophe year.
    pub(super) fn at_apostrophe(&mut self, i: usize) -> Option<usize> {
        let s = self.s;
        if matches!(prev_ch(s, i), Some((c, _)) if c.is_alphanumeric()) {
            return None;
        }
        let (_, n) = ch(s, i)?;
        let d = read_digits(s, n)?;
        if d.int_digits != 2 || d.comma || d.frac_digits > 0 {
            return None;
        }
        let e = lit(s, d.end, "년")?;
        let year = two_digit_year(to_i64(d.value)? as i32, self.dl);
        Some(self.year_tail(i, year, e, Approx::Exact))
    }

    /// `지난해`, `올해`, `지난해 12월`, `지난달`: resolved against the dateline.
    pub(super) fn at_relative(&mut self, i: usize) -> Option<usize> {
        let s = self.s;
        let (y, m, _) = self.dl?;
        if matches!(prev_ch(s, i), Some((c, _)) if is_hangul(c)) {
            return None;
        }
        for &(w, off) in RELATIVE_YEARS {
            if let Some(e) = lit(s, i, w)
                && word_end(s, e, false)
            {
                return Some(self.year_tail(i, y + off, e, Approx::Exact));
            }
        }
        for &(w, off) in RELATIVE_MONTHS {
            if let Some(e) = lit(s, i, w)
                && word_end(s, e, false)
            {
                let total = y * 12 + (m as i32 - 1) + off;
                let (yy, mm) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
                let (de, day) = self.day_after(e, Some(mm));
                self.push(i, de, Quantity::date(Some(yy), Some(mm), day));
                return Some(de);
            }
        }
        None
    }
}
