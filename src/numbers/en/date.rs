//! Dates and relative years: `2026-02-15`, `15 February 2026`, `February 15, 2026`, `Feb. 15`,
//! `December 2025`, `in March`, `last year`.

use super::{En, sp_word, word_ci, word_end};
use crate::numbers::lexicon::en::{MONTH_NAMES, MONTHS, ORDINAL_ENDINGS};
use crate::numbers::quantity::{Quantity, Unit};
use crate::numbers::scan::{digit_at, letter_at};
use crate::numbers::text::{
    ch, ends_with_word_ci, lit, prev_ch, read_digits, space, to_i64, valid_day,
};
use rust_decimal::Decimal;

impl En<'_> {
    /// `2026-02-15`.
    pub(super) fn iso_date(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn day_month(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn at_month(&mut self, i: usize) -> Option<usize> {
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
                for suf in ORDINAL_ENDINGS {
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

    /// `last year`, `this year`, `next year` against the dateline.
    pub(super) fn at_relative_year(&mut self, i: usize, we: usize) -> Option<usize> {
        let s = self.s;
        let (y, _, _) = self.dl?;
        let w = &s[i..we];
        let off =
            ["last", "this", "next"].iter().position(|x| x.eq_ignore_ascii_case(w))? as i32 - 1;
        let e = sp_word(s, we, "year")?;
        self.push(i, e, Quantity::exact(Decimal::from(y + off), Unit::Year));
        Some(e)
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
