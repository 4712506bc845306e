//! Property tests: a random quantity formatted in Korean or English, in any house style, is
//! found again whole; finding and formatting never panic, and every span found is its source,
//! in order.

use super::*;
use proptest::prelude::*;

/// Values the way reports write them: a mantissa with up to 3 significant decimals at some
/// power of ten, or any integer, or a small decimal.
fn value() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (1i64..1000, 0u32..13).prop_map(|(m, e)| Decimal::from(m) * Decimal::from(10i64.pow(e))),
        (0i64..100_000_000_000).prop_map(Decimal::from),
        (0i64..100_000, 1u32..3).prop_map(|(m, s)| Decimal::new(m, s)),
    ]
}

fn small_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (0i64..1000).prop_map(Decimal::from),
        (0i64..100_000, 1u32..3).prop_map(|(m, s)| Decimal::new(m, s)),
    ]
}

/// A pair low < high sharing a power of ten (the ranges reports print).
fn range_pair() -> impl Strategy<Value = (Decimal, Decimal)> {
    (1i64..999, 1i64..999, 0u32..13).prop_filter_map("low < high", |(a, b, e)| {
        let p = Decimal::from(10i64.pow(e));
        (a < b).then(|| (Decimal::from(a) * p, Decimal::from(b) * p))
    })
}

fn approx_bound() -> impl Strategy<Value = Approx> {
    prop_oneof![Just(Approx::Exact), Just(Approx::About), Just(Approx::Over), Just(Approx::Under)]
}

fn currency() -> impl Strategy<Value = Unit> {
    prop_oneof![Just("KRW"), Just("USD"), Just("EUR"), Just("JPY"), Just("CNY"), Just("GBP")]
        .prop_map(|c| Unit::Currency(c.to_string()))
}

fn style() -> impl Strategy<Value = Style> {
    (any::<bool>(), any::<bool>()).prop_map(|(wire, code)| Style {
        korean_spacing: if wire { KoreanSpacing::Wire } else { KoreanSpacing::Spaced },
        krw: if code { KrwStyle::CodeBefore } else { KrwStyle::WonAfter },
    })
}

/// Random quantities with nouns of `lang`.
fn quantity(lang: &'static str) -> impl Strategy<Value = Quantity> {
    let nouns: Vec<&'static str> = if lang == "ko" {
        vec!["개", "명", "곳", "건", "개사", "장"]
    } else {
        vec!["projects", "companies", "people", "models"]
    };
    let noun = proptest::option::of(proptest::sample::select(nouns.clone()));
    let some_noun = proptest::sample::select(nouns);
    prop_oneof![
        (value(), approx_bound(), noun.clone()).prop_map(move |(v, a, n)| mk(
            Amount::Exact(v),
            Unit::Count,
            a,
            n
        )),
        (value(), approx_bound(), currency()).prop_map(move |(v, a, c)| mk(
            Amount::Exact(v),
            c,
            a,
            None
        )),
        (range_pair(), prop_oneof![Just(Approx::Exact), Just(Approx::About)], noun.clone())
            .prop_map(move |((lo, hi), a, n)| mk(Amount::Range(lo, hi), Unit::Count, a, n)),
        (range_pair(), currency()).prop_map(move |((lo, hi), c)| mk(
            Amount::Range(lo, hi),
            c,
            Approx::Exact,
            None
        )),
        (1u32..15, some_noun).prop_map(move |(k, n)| mk(
            Amount::Exact(Decimal::from(10i64.pow(k))),
            Unit::Count,
            Approx::Some,
            Some(n)
        )),
        (1u32..15, currency()).prop_map(move |(k, c)| mk(
            Amount::Exact(Decimal::from(10i64.pow(k))),
            c,
            Approx::Some,
            None
        )),
        (
            small_decimal(),
            approx_bound(),
            prop_oneof![Just(Unit::Percent), Just(Unit::PercentagePoints), Just(Unit::Times)]
        )
            .prop_map(move |(v, a, u)| mk(Amount::Exact(v), u, a, None)),
        (
            (0i64..100, 1i64..100),
            prop_oneof![Just(Unit::Percent), Just(Unit::PercentagePoints), Just(Unit::Times)]
        )
            .prop_filter_map("low < high", move |((a, b), u)| (a < b).then(|| mk(
                Amount::Range(Decimal::from(a), Decimal::from(b)),
                u,
                Approx::Exact,
                None
            ))),
        (1i64..300).prop_map(move |v| mk(
            Amount::Exact(Decimal::from(v)),
            Unit::Rank,
            Approx::Exact,
            None
        )),
        (1i64..100, 1i64..100, noun.clone()).prop_filter_map("part <= whole", move |(p, w, n)| {
            (p <= w).then(|| {
                mk(
                    Amount::Ratio { part: Decimal::from(p), whole: Decimal::from(w) },
                    Unit::Ratio,
                    Approx::Exact,
                    n,
                )
            })
        }),
        (1900i32..2100, approx_bound()).prop_map(move |(y, a)| mk(
            Amount::Exact(Decimal::from(y)),
            Unit::Year,
            a,
            None
        )),
        (1900i32..2099, 1i32..20).prop_map(move |(y, k)| mk(
            Amount::Range(Decimal::from(y), Decimal::from(y + k)),
            Unit::Year,
            Approx::Exact,
            None
        )),
        (1900i32..2100, 1u8..13, proptest::option::of(1u8..29), any::<bool>()).prop_map(
            move |(y, m, day, with_year)| {
                let year = (with_year || day.is_none()).then_some(y);
                Quantity::date(year, Some(m), day)
            }
        ),
        (
            1i64..120,
            prop_oneof![
                Just(DurationUnit::Days),
                Just(DurationUnit::Weeks),
                Just(DurationUnit::Months),
                Just(DurationUnit::Years)
            ]
        )
            .prop_map(move |(v, u)| mk(
                Amount::Exact(Decimal::from(v)),
                Unit::Duration(u),
                Approx::Exact,
                None
            )),
        (1i64..120).prop_map(move |v| mk(
            Amount::Exact(Decimal::from(v)),
            Unit::Age,
            Approx::Exact,
            None
        )),
        (1i64..10, 0i64..3).prop_map(move |(a, k)| mk(
            Amount::Range(Decimal::from(a * 10), Decimal::from((a + k).min(9) * 10 + 9)),
            Unit::Age,
            Approx::Exact,
            None
        )),
    ]
}

fn mk(amount: Amount, unit: Unit, approx: Approx, noun: Option<&str>) -> Quantity {
    Quantity { amount, unit, approx, noun: noun.map(str::to_string) }
}

fn round_trip(q: &Quantity, lang: &str, style: &Style) -> Result<(), TestCaseError> {
    let text = format(q, lang, style);
    let found = find(&text, lang);
    prop_assert_eq!(found.len(), 1, "{:?} → {:?} → {:?}", q, text, found);
    prop_assert_eq!(&found[0].quantity, q, "{:?}", text);
    prop_assert_eq!(found[0].span.clone(), 0..text.len(), "{:?}", text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn korean_round_trip(q in quantity("ko"), style in style()) {
        round_trip(&q, "ko", &style)?;
    }

    #[test]
    fn english_round_trip(q in quantity("en"), style in style()) {
        round_trip(&q, "en", &style)?;
    }
}

fn check_spans(text: &str, found: &[Found]) -> Result<(), TestCaseError> {
    let mut last = 0;
    for f in found {
        prop_assert!(f.span.start >= last && f.span.start < f.span.end);
        prop_assert_eq!(text.get(f.span.clone()), Some(f.source.as_str()));
        last = f.span.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn find_never_panics_on_any_text(text in any::<String>()) {
        for lang in ["ko", "en", "ja"] {
            let found = find_with_dateline(&text, lang, Some((2026, 2, 15)));
            check_spans(&text, &found)?;
        }
    }

    #[test]
    fn find_never_panics_on_number_soup(
        text in "[0-9０-９만억조경천백십兆~∼〜～,.%％ 개명원달러약수여이상미만중대배위년월일분의'’$\\-–A-Za-z]{0,60}"
    ) {
        for lang in ["ko", "en", "ja"] {
            let found = find_with_dateline(&text, lang, Some((2026, 2, 15)));
            check_spans(&text, &found)?;
        }
    }

    #[test]
    fn formatting_never_panics(q in quantity("ko"), style in style()) {
        for lang in ["ko", "en", "ja", ""] {
            let _ = format(&q, lang, &style);
        }
    }
}
