//! Writing a quantity in Korean: myriad groups (`2조 5000억 원`), counters spaced or glued per
//! house style, `약`/`이상`/`미만` and the year forms (`2018년 이후`).

use super::{KoreanSpacing, Style, commas, decade, plain_range};
use crate::numbers::quantity::{Amount, Approx, DurationUnit, Quantity, Unit};
use crate::numbers::text::pow10_exp;
use rust_decimal::Decimal;

/// Korean myriad form: below 10,000 with commas (`4,006`), above in 4-digit groups named
/// 경/조/억/만 (`2조 5000억`). Returns the text and whether it ends with a myriad unit (which
/// decides the space before a counter in spaced style).
fn ko_num(d: Decimal, spaced: bool) -> (String, bool) {
    if d.abs() < Decimal::from(10_000) {
        return (commas(d), false);
    }
    let n = d.normalize();
    let sign = if n.is_sign_negative() { "-" } else { "" };
    let abs = n.abs();
    let int = abs.trunc();
    let frac = abs - int;
    let Ok(mut rest) = u128::try_from(int.mantissa()) else {
        return (commas(d), false);
    };
    // trunc() keeps scale 0 for whole numbers here, so the mantissa is the integer.
    if int.scale() != 0 {
        rest = int.normalize().mantissa() as u128;
    }
    let mut parts: Vec<String> = Vec::new();
    for (exp, name) in [(16u32, "경"), (12, "조"), (8, "억"), (4, "만")] {
        let unit = 10u128.pow(exp);
        let g = rest / unit;
        rest %= unit;
        if g > 0 {
            parts.push(format!("{g}{name}"));
        }
    }
    let ends_unit = rest == 0 && frac.is_zero();
    if !ends_unit {
        let f = frac.normalize().to_string();
        let f = f.strip_prefix('0').unwrap_or(if frac.is_zero() { "" } else { &f });
        parts.push(format!("{rest}{f}"));
    }
    let sep = if spaced { " " } else { "" };
    (format!("{sign}{}", parts.join(sep)), ends_unit)
}

/// The Korean word for a currency code (`KRW` → `원`), when there is one.
fn ko_currency(code: &str) -> Option<&'static str> {
    Some(match code {
        "KRW" => "원",
        "USD" => "달러",
        "JPY" => "엔",
        "CNY" => "위안",
        "EUR" => "유로",
        "GBP" => "파운드",
        "HKD" => "홍콩달러",
        "TWD" => "대만달러",
        "AUD" => "호주달러",
        "CAD" => "캐나다달러",
        "SGD" => "싱가포르달러",
        "CHF" => "스위스프랑",
        "INR" => "루피",
        "RUB" => "루블",
        "THB" => "바트",
        _ => return None,
    })
}

/// `q` in Korean.
pub(super) fn ko(q: &Quantity, style: &Style) -> String {
    let w = Writer { spaced: style.korean_spacing == KoreanSpacing::Spaced };
    if let Some(text) = w.vague(q) {
        return text;
    }
    let body = w.body(q);
    match (q.approx, &q.unit) {
        (Approx::Exact, _) => body,
        (Approx::About, Unit::Year) => format!("{body}경"),
        (Approx::Over, Unit::Year) => format!("{body} 이후"),
        (Approx::Under, Unit::Year) => format!("{body} 이전"),
        (Approx::About | Approx::Some, _) => format!("약 {body}"),
        (Approx::Over, _) => format!("{body} 이상"),
        (Approx::Under, _) => format!("{body} 미만"),
    }
}

/// A number as written, and whether it ends with a myriad unit.
type Written = (String, bool);

/// Korean writing in one spacing style.
struct Writer {
    spaced: bool,
}

impl Writer {
    /// Counter after a number: spaced after a myriad unit (`432만 개`), glued after digits
    /// (`4,006개사`) and always glued in wire style.
    fn attach(&self, (num, ends_unit): Written, word: &str) -> String {
        if self.spaced && ends_unit { format!("{num} {word}") } else { format!("{num}{word}") }
    }

    /// A number in myriad form.
    fn num(&self, d: Decimal) -> Written {
        ko_num(d, self.spaced)
    }

    /// A value or range (`10~249`), a ratio as `whole/part`.
    fn value(&self, a: &Amount) -> Written {
        match a {
            Amount::Exact(v) => self.num(*v),
            Amount::Range(lo, hi) => {
                let (h, e) = self.num(*hi);
                (format!("{}~{}", self.num(*lo).0, h), e)
            }
            Amount::Ratio { part, whole } => {
                (format!("{}/{}", self.num(*whole).0, self.num(*part).0), false)
            }
            Amount::Date { .. } => (String::new(), false),
        }
    }

    /// `수만 개`, `수조 원`: a vague order of magnitude, when `q` is one.
    fn vague(&self, q: &Quantity) -> Option<String> {
        if q.approx != Approx::Some {
            return None;
        }
        let Amount::Exact(v) = q.amount else { return None };
        let k = pow10_exp(v).filter(|k| (1..=15).contains(k))?;
        let small = ["", "십", "백", "천"][(k % 4) as usize];
        let big = ["", "만", "억", "조"][(k / 4) as usize];
        let vague = (format!("수{small}{big}"), !big.is_empty() || self.spaced);
        Some(match (&q.unit, &q.noun) {
            (Unit::Currency(c), _) => match ko_currency(c) {
                Some(w) => self.attach(vague, w),
                None => format!("{} {c}", vague.0),
            },
            (_, Some(n)) => self.attach(vague, n),
            _ => vague.0,
        })
    }

    /// The quantity without its approximation.
    fn body(&self, q: &Quantity) -> String {
        let value = || self.value(&q.amount);
        match &q.unit {
            Unit::Count => match &q.noun {
                Some(n) => self.attach(value(), n),
                None => value().0,
            },
            Unit::Currency(c) => match ko_currency(c) {
                Some(w) => self.attach(value(), w),
                None => format!("{} {c}", value().0),
            },
            Unit::Percent => format!("{}%", value().0),
            Unit::PercentagePoints => format!("{}%p", value().0),
            Unit::Times => self.attach(value(), "배"),
            Unit::Rank => self.attach(value(), "위"),
            Unit::Year => format!("{}년", plain_range(&q.amount)),
            Unit::Duration(u) => {
                let w = match u {
                    DurationUnit::Days => "일간",
                    DurationUnit::Weeks => "주간",
                    DurationUnit::Months => "개월",
                    DurationUnit::Years => "년간",
                };
                self.attach(value(), w)
            }
            Unit::Age => self.age(&q.amount),
            Unit::Ratio => self.ratio(q),
            Unit::Date => ko_date(&q.amount),
        }
    }

    /// `40대`, `40~50대` for decades; `65세` otherwise.
    fn age(&self, a: &Amount) -> String {
        let nine = Decimal::from(9);
        match *a {
            Amount::Range(lo, hi) if decade(lo) && decade(hi - nine) => {
                if lo == hi - nine {
                    format!("{lo}대")
                } else {
                    format!("{lo}~{}대", hi - nine)
                }
            }
            _ => format!("{}세", self.value(a).0),
        }
    }

    /// `4명 중 1명` with a counter, `3분의 1` without.
    fn ratio(&self, q: &Quantity) -> String {
        match (&q.amount, &q.noun) {
            (Amount::Ratio { part, whole }, Some(n)) => {
                format!(
                    "{} 중 {}",
                    self.attach(self.num(*whole), n),
                    self.attach(self.num(*part), n)
                )
            }
            (Amount::Ratio { part, whole }, None) => {
                format!("{}분의 {}", self.num(*whole).0, self.num(*part).0)
            }
            (a, _) => self.value(a).0,
        }
    }
}

/// A date as `2026년 2월 15일`, leaving out what is unknown.
fn ko_date(a: &Amount) -> String {
    let Amount::Date { year, month, day } = a else {
        return plain_range(a);
    };
    let mut parts = Vec::new();
    if let Some(y) = year {
        parts.push(format!("{y}년"));
    }
    if let Some(m) = month {
        parts.push(format!("{m}월"));
    }
    if let Some(d) = day {
        parts.push(format!("{d}일"));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn korean_groups() {
        assert_eq!(ko_num(d("4006"), true), ("4,006".into(), false));
        assert_eq!(ko_num(d("4320000"), true), ("432만".into(), true));
        assert_eq!(ko_num(d("2500000000000"), true), ("2조 5000억".into(), true));
        assert_eq!(ko_num(d("2500000000000"), false), ("2조5000억".into(), true));
        assert_eq!(ko_num(d("1234567898"), true), ("12억 3456만 7898".into(), false));
        assert_eq!(ko_num(d("12345.5"), false), ("1만2345.5".into(), false));
        assert_eq!(ko_num(d("20000000000000000"), true), ("2경".into(), true));
        assert_eq!(ko_num(d("-25000"), true), ("-2만 5000".into(), false));
        // A value carrying decimal places from arithmetic still prints as a whole number.
        assert_eq!(ko_num(d("4320000.00"), true), ("432만".into(), true));
    }
}
