//! The number engine: finds, parses, formats and compares numeric expressions in Korean and
//! English (and, digits only, in any other language). No other part of yoyak parses or formats
//! numbers.
//!
//! Values are exact decimals ([`Decimal`]) throughout: `908억7000만 달러` is 90,870,000,000 and
//! prints as `$90.87 billion`, never `$91 billion`; a value that does not scale cleanly prints
//! with commas (`4,321,567`).
//!
//! Decisions worth knowing (each is pinned by a test in `tests/it/numbers/`):
//! - Names: a Latin letter or digit glued before a number (`GPT-4o`, `H100`, `COVID-19`), a
//!   Hangul word glued before a plain number (`코로나19`), Latin letters glued after it (`5G`,
//!   `70B`) and a capitalised word plus one space before a plain number (`Llama 3`, `Table 2`)
//!   make it no quantity. Identifiers (`02-1234-5678`, `1.2.3`, `14:30`) and ordinals with `제`
//!   (`제3조`) are skipped; a plain number glued to an unknown Hangul word (`1분기`, `2차전지`)
//!   too.
//! - `대`: `3대 강국`/`10대 기업`/`21대 국회` (top N, ordinals) give nothing; `40대` is
//!   [`Unit::Age`] 40–49 and `40~50대` 40–59; `1만 대`, `서버 3대를` count machines.
//! - Years: four digits with `년` (`2024년`), apostrophe years (`'23년`) and two-digit years with
//!   a month, a half or a leading zero (`24년 상반기`, `09년`) are years; other two-digit `N년`
//!   are years from 50 up (`97년` → 1997) unless a duration word follows (`50년 만에`,
//!   `70년 역사`). Two-digit years pivot at the dateline year + 5 (2030 without one). In English
//!   a plain four-digit number 1800–2199 without a comma is a year (`2,024 projects` is a count).
//! - Dates: a bare `15일` takes the dateline's year and month; `2월 15일`/`Feb. 15` keep the
//!   year unknown; relative words (`지난해`, `올해`, `지난달`, `last year`) need a dateline and
//!   are not reported without one.
//! - Verbs are not read: `225만 개를 넘어섰다` is exactly 2,250,000; only a number's own affixes
//!   qualify it. `약`/`가량`/`여`/`안팎`/`정도` and `about`/`around`/`some`/`nearly`/`almost` are
//!   all [`Approx::About`]; `이상`/`초과` and `over`/`more than`/`at least` are [`Approx::Over`]
//!   (≥ and > are not distinguished); `이하`/`미만`/`이내`/`최대` and `under`/`less than`/`up to`
//!   are [`Approx::Under`]; `100억원대`/`30%대` are Over. For years, `이후`/`since` are Over and
//!   `이전`/`before` Under.
//! - Vague amounts (`수만 개`, `tens of thousands of models`, `수조원`, `trillions of won`) are
//!   [`Approx::Some`] with the order of magnitude as value; they need a counter or currency.
//! - Ranges: `~` in its four forms and `–` (and a glued `-` when a unit follows) in Korean;
//!   `–`, `-`, `~`, `to` and `between … and` in English; `from 10 to 20` is a change, not a
//!   range. The suffix of the right end applies to both (`10~249명`), and a bare left end takes
//!   the right end's scale when that keeps it lower (`3~5조`, `1–2 million`).
//! - Ratios: `4명 중 1명`, `3분의 1`, `one in four`, `1 out of 4`, `25 of (the) 28`.
//! - Nouns: the Korean counter as written (`개`, `개사`, `명`); in English the one lowercase
//!   word after a count (`4,006 companies`). A currency has no noun: the code says it.
//! - `$` is USD and `¥` is JPY; no currency is ever converted.

mod compare;
mod derive;
mod en;
mod fact;
mod format;
mod ko;
mod lexicon;
mod quantity;
pub mod refs;
mod scan;
mod text;

pub use compare::Agreement;
pub use derive::{DEFAULT_PLACES, DeriveError, derive};
pub use fact::{FactError, FactValue, fact, parse_unit};
pub use format::{KoreanSpacing, KrwStyle, Style};
pub use quantity::{Amount, Approx, DurationUnit, Found, Quantity, Unit};
pub use rust_decimal::Decimal;

/// Every numeric expression in `text`, in order, with byte spans. `lang` is a language tag
/// (`ko`, `en`, `ko-KR`); other languages get a digits-only reading.
pub fn find(text: &str, lang: &str) -> Vec<Found> {
    find_with_dateline(text, lang, None)
}

/// Like [`find`], resolving relative dates (`지난해 12월`, `올해`, a bare `15일`, `last year`)
/// against the article's dateline `(year, month, day)`. Without one they are left partial
/// (`12월` → month 12) or, for words alone (`지난해`), not reported.
pub fn find_with_dateline(text: &str, lang: &str, dateline: Option<(i32, u8, u8)>) -> Vec<Found> {
    match format::lang_of(lang) {
        format::Lang::Ko => ko::find(text, dateline),
        format::Lang::En => en::find(text, dateline, true),
        format::Lang::Other => en::find(text, dateline, false),
    }
}

/// `q` written for `lang` in `style`, with its noun when it has one: `432만 개`,
/// `4.32 million projects`, `2조 5000억 원`, `$90.87 billion`, `over 2.25 million models`.
/// Units that carry their own word (currency, percent, times, rank, years, dates, durations,
/// ages) ignore
/// the noun. Languages other than Korean and English get neutral digits (`4,320,000`, `47.3%`,
/// `10–249`, `KRW 2,500,000,000,000`, `2026-02-15`).
pub fn format(q: &Quantity, lang: &str, style: &Style) -> String {
    format::format(q, lang, style)
}

/// Whether two quantities, usually one per language, agree (see [`Agreement`]).
pub fn compare(a: &Quantity, b: &Quantity) -> Agreement {
    compare::compare(a, b)
}

/// A date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a fact's `as_of`, a briefing's date) as
/// text for `lang`: `2025년 12월` / `December 2025`.
pub fn format_date(date: &str, lang: &str, style: &Style) -> String {
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let year = parts.next().flatten().and_then(|y| i32::try_from(y).ok());
    let month = parts.next().flatten().and_then(|m| u8::try_from(m).ok());
    let day = parts.next().flatten().and_then(|d| u8::try_from(d).ok());
    format(&Quantity::date(year, month, day), lang, style)
}
