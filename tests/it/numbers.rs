//! The number engine against real-world forms (Korean report and news style, English
//! briefing style), round trips through the formatter, and robustness on arbitrary text.

use proptest::prelude::*;
use std::str::FromStr;
use yoyak::numbers::*;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn q(amount: Amount, unit: Unit) -> Quantity {
    Quantity { amount, unit, approx: Approx::Exact, noun: None }
}

fn ex(v: &str, unit: Unit) -> Quantity {
    Quantity::exact(d(v), unit)
}

fn count(v: &str, noun: &str) -> Quantity {
    ex(v, Unit::Count).with_noun(noun)
}

fn range(lo: &str, hi: &str, unit: Unit) -> Quantity {
    q(Amount::Range(d(lo), d(hi)), unit)
}

fn ratio(part: &str, whole: &str) -> Quantity {
    q(Amount::Ratio { part: d(part), whole: d(whole) }, Unit::Ratio)
}

fn krw(v: &str) -> Quantity {
    ex(v, Unit::Currency("KRW".into()))
}

fn usd(v: &str) -> Quantity {
    ex(v, Unit::Currency("USD".into()))
}

fn date(y: Option<i32>, m: Option<u8>, day: Option<u8>) -> Quantity {
    Quantity::date(y, m, day)
}

const PCT: Unit = Unit::Percent;
const PP: Unit = Unit::PercentagePoints;
const TIMES: Unit = Unit::Times;
const RANK: Unit = Unit::Rank;
const YEAR: Unit = Unit::Year;
const AGE: Unit = Unit::Age;
const COUNT: Unit = Unit::Count;

/// (language, text, expected (source, quantity) in order). The span must be the first
/// occurrence of the source in the text.
type Case = (&'static str, &'static str, Vec<(&'static str, Quantity)>);

fn korean_cases() -> Vec<Case> {
    use Approx::{About, Over, Under};
    vec![
        // Myriad units, every style in notes/korean.md.
        ("ko", "AI 프로젝트는 432만 개에 달한다", vec![("432만 개", count("4320000", "개"))]),
        ("ko", "허깅페이스 225만 개", vec![("225만 개", count("2250000", "개"))]),
        (
            "ko",
            "깃허브 432만개·허깅페이스 225만개",
            vec![("432만개", count("4320000", "개")), ("225만개", count("2250000", "개"))],
        ),
        ("ko", "예산 2조 5000억 원을", vec![("2조 5000억 원", krw("2500000000000"))]),
        ("ko", "예산 2조5000억원을", vec![("2조5000억원", krw("2500000000000"))]),
        ("ko", "시장 규모는 908억7000만 달러로", vec![("908억7000만 달러", usd("90870000000"))]),
        ("ko", "수출 996억8,000만달러", vec![("996억8,000만달러", usd("99680000000"))]),
        ("ko", "8조7천700억원 규모", vec![("8조7천700억원", krw("8770000000000"))]),
        ("ko", "4천6개사가 참여", vec![("4천6개사", count("4006", "개사"))]),
        ("ko", "5만6천795명이", vec![("5만6천795명", count("56795", "명"))]),
        ("ko", "2천350억5천 만 달러", vec![("2천350억5천 만 달러", usd("235050000000"))]),
        ("ko", "1.8만장 판매", vec![("1.8만장", count("18000", "장"))]),
        ("ko", "5.7조원 투자", vec![("5.7조원", krw("5700000000000"))]),
        ("ko", "8억 9000만 달러", vec![("8억 9000만 달러", usd("890000000"))]),
        ("ko", "2兆 투자", vec![("2兆", ex("2000000000000", COUNT))]),
        ("ko", "3兆원 규모", vec![("3兆원", krw("3000000000000"))]),
        ("ko", "１２３명", vec![("１２３명", count("123", "명"))]),
        ("ko", "４７．３％", vec![("４７．３％", ex("47.3", PCT))]),
        ("ko", "1,234,567명", vec![("1,234,567명", count("1234567", "명"))]),
        ("ko", "4,006개사", vec![("4,006개사", count("4006", "개사"))]),
        ("ko", "12억 3456만 7898원", vec![("12억 3456만 7898원", krw("1234567898"))]),
        ("ko", "천만 관객", vec![("천만", ex("10000000", COUNT))]),
        ("ko", "100만 유로", vec![("100만 유로", ex("1000000", Unit::Currency("EUR".into())))]),
        ("ko", "50억 엔", vec![("50억 엔", ex("5000000000", Unit::Currency("JPY".into())))]),
        ("ko", "$500 투자", vec![("$500", usd("500"))]),
        ("ko", "3GW 규모", vec![("3GW", count("3", "GW"))]),
        // Percent, percentage points.
        ("ko", "기업의 89%가", vec![("89%", ex("89", PCT))]),
        ("ko", "47.3%는", vec![("47.3%", ex("47.3", PCT))]),
        ("ko", "11.7%p 상승", vec![("11.7%p", ex("11.7", PP))]),
        ("ko", "3.5%포인트 하락", vec![("3.5%포인트", ex("3.5", PP))]),
        ("ko", "30퍼센트", vec![("30퍼센트", ex("30", PCT))]),
        ("ko", "84.5%, 152.2%", vec![("84.5%", ex("84.5", PCT)), ("152.2%", ex("152.2", PCT))]),
        ("ko", "(67%)", vec![("67%", ex("67", PCT))]),
        ("ko", "-3.5% 감소", vec![("-3.5%", ex("-3.5", PCT))]),
        // Ranges with all four tildes.
        (
            "ko",
            "종사자 10~249명 규모",
            vec![("10~249명", range("10", "249", COUNT).with_noun("명"))],
        ),
        ("ko", "10∼249명", vec![("10∼249명", range("10", "249", COUNT).with_noun("명"))]),
        ("ko", "10〜249명", vec![("10〜249명", range("10", "249", COUNT).with_noun("명"))]),
        ("ko", "10～249명", vec![("10～249명", range("10", "249", COUNT).with_noun("명"))]),
        ("ko", "10명~20명", vec![("10명~20명", range("10", "20", COUNT).with_noun("명"))]),
        (
            "ko",
            "3~5조 원",
            vec![(
                "3~5조 원",
                range("3000000000000", "5000000000000", Unit::Currency("KRW".into())),
            )],
        ),
        ("ko", "500~1만 명", vec![("500~1만 명", range("500", "10000", COUNT).with_noun("명"))]),
        ("ko", "1~2%", vec![("1~2%", range("1", "2", PCT))]),
        ("ko", "10-20%", vec![("10-20%", range("10", "20", PCT))]),
        ("ko", "2~3배", vec![("2~3배", range("2", "3", TIMES))]),
        // Ratios.
        ("ko", "4명 중 1명", vec![("4명 중 1명", ratio("1", "4").with_noun("명"))]),
        ("ko", "10곳 중 6곳", vec![("10곳 중 6곳", ratio("6", "10").with_noun("곳"))]),
        (
            "ko",
            "프레임워크 28개 중 25개가",
            vec![("28개 중 25개", ratio("25", "28").with_noun("개"))],
        ),
        ("ko", "네 명 중 한 명", vec![("네 명 중 한 명", ratio("1", "4").with_noun("명"))]),
        ("ko", "3분의 1 수준", vec![("3분의 1", ratio("1", "3"))]),
        // Multipliers, ranks, top-N, ages.
        ("ko", "2배", vec![("2배", ex("2", TIMES))]),
        ("ko", "7배 이상", vec![("7배 이상", ex("7", TIMES).with_approx(Over))]),
        ("ko", "두 배 이상", vec![("두 배 이상", ex("2", TIMES).with_approx(Over))]),
        ("ko", "세계 1위", vec![("1위", ex("1", RANK))]),
        ("ko", "40대 남성", vec![("40대", range("40", "49", AGE))]),
        ("ko", "40~50대", vec![("40~50대", range("40", "59", AGE))]),
        ("ko", "65세 이상", vec![("65세 이상", ex("65", AGE).with_approx(Over))]),
        ("ko", "전기차 1만 대", vec![("1만 대", count("10000", "대"))]),
        // Approximations and bounds.
        ("ko", "약 432만 개", vec![("약 432만 개", count("4320000", "개").with_approx(About))]),
        ("ko", "100여 명", vec![("100여 명", count("100", "명").with_approx(About))]),
        (
            "ko",
            "1년여 만에",
            vec![("1년여", ex("1", Unit::Duration(DurationUnit::Years)).with_approx(About))],
        ),
        ("ko", "1천명 가량", vec![("1천명 가량", count("1000", "명").with_approx(About))]),
        ("ko", "50% 안팎", vec![("50% 안팎", ex("50", PCT).with_approx(About))]),
        ("ko", "225만 개 이상", vec![("225만 개 이상", count("2250000", "개").with_approx(Over))]),
        ("ko", "10% 이하", vec![("10% 이하", ex("10", PCT).with_approx(Under))]),
        ("ko", "5명 미만", vec![("5명 미만", count("5", "명").with_approx(Under))]),
        ("ko", "3건 초과", vec![("3건 초과", count("3", "건").with_approx(Over))]),
        ("ko", "최대 50%", vec![("최대 50%", ex("50", PCT).with_approx(Under))]),
        ("ko", "100억원대", vec![("100억원대", krw("10000000000").with_approx(Over))]),
        ("ko", "수조원", vec![("수조원", krw("1000000000000").with_approx(Approx::Some))]),
        ("ko", "수백억 달러", vec![("수백억 달러", usd("10000000000").with_approx(Approx::Some))]),
        (
            "ko",
            "수만 개의 파생 모델",
            vec![("수만 개", count("10000", "개").with_approx(Approx::Some))],
        ),
        // Verbs are not read: the number stays exact.
        ("ko", "225만 개를 넘어섰다", vec![("225만 개", count("2250000", "개"))]),
        // Years, dates, durations.
        ("ko", "2024년 기준", vec![("2024년", ex("2024", YEAR))]),
        ("ko", "'23년 실적", vec![("'23년", ex("2023", YEAR))]),
        ("ko", "’23년 실적", vec![("’23년", ex("2023", YEAR))]),
        ("ko", "97년 외환위기", vec![("97년", ex("1997", YEAR))]),
        ("ko", "2018년 이후", vec![("2018년 이후", ex("2018", YEAR).with_approx(Over))]),
        ("ko", "2024~2026년", vec![("2024~2026년", range("2024", "2026", YEAR))]),
        ("ko", "2026년 2월 15일", vec![("2026년 2월 15일", date(Some(2026), Some(2), Some(15)))]),
        ("ko", "2월 15일 발간", vec![("2월 15일", date(None, Some(2), Some(15)))]),
        ("ko", "2024년 12월", vec![("2024년 12월", date(Some(2024), Some(12), None))]),
        ("ko", "2026.2.15 발표", vec![("2026.2.15", date(Some(2026), Some(2), Some(15)))]),
        ("ko", "date 2026-02-15", vec![("2026-02-15", date(Some(2026), Some(2), Some(15)))]),
        ("ko", "3개월 만에", vec![("3개월", ex("3", Unit::Duration(DurationUnit::Months)))]),
        ("ko", "5년간", vec![("5년간", ex("5", Unit::Duration(DurationUnit::Years)))]),
        ("ko", "3년 만에", vec![("3년", ex("3", Unit::Duration(DurationUnit::Years)))]),
        ("ko", "30일간", vec![("30일간", ex("30", Unit::Duration(DurationUnit::Days)))]),
    ]
}

fn english_cases() -> Vec<Case> {
    use Approx::{About, Over, Under};
    vec![
        (
            "en",
            "4.32 million projects",
            vec![("4.32 million projects", count("4320000", "projects"))],
        ),
        ("en", "a budget of 2.5 trillion won", vec![("2.5 trillion won", krw("2500000000000"))]),
        ("en", "worth $90.87 billion.", vec![("$90.87 billion", usd("90870000000"))]),
        ("en", "KRW 1.2 trillion", vec![("KRW 1.2 trillion", krw("1200000000000"))]),
        ("en", "US$5 million", vec![("US$5 million", usd("5000000"))]),
        ("en", "$4.5B deal", vec![("$4.5B", usd("4500000000"))]),
        ("en", "€3 billion", vec![("€3 billion", ex("3000000000", Unit::Currency("EUR".into())))]),
        ("en", "89% of companies", vec![("89%", ex("89", PCT))]),
        ("en", "89 percent", vec![("89 percent", ex("89", PCT))]),
        ("en", "11.7 percentage points", vec![("11.7 percentage points", ex("11.7", PP))]),
        ("en", "1 percentage point", vec![("1 percentage point", ex("1", PP))]),
        (
            "en",
            "10–249 people",
            vec![("10–249 people", range("10", "249", COUNT).with_noun("people"))],
        ),
        (
            "en",
            "10 to 249 employees",
            vec![("10 to 249 employees", range("10", "249", COUNT).with_noun("employees"))],
        ),
        (
            "en",
            "between 10 and 20 percent",
            vec![("between 10 and 20 percent", range("10", "20", PCT))],
        ),
        ("en", "1–2 million", vec![("1–2 million", range("1000000", "2000000", COUNT))]),
        (
            "en",
            "$3–5 billion",
            vec![("$3–5 billion", range("3000000000", "5000000000", Unit::Currency("USD".into())))],
        ),
        ("en", "one in four", vec![("one in four", ratio("1", "4"))]),
        (
            "en",
            "Six in ten adults",
            vec![("Six in ten adults", ratio("6", "10").with_noun("adults"))],
        ),
        ("en", "1 in 5", vec![("1 in 5", ratio("1", "5"))]),
        (
            "en",
            "25 of 28 frameworks",
            vec![("25 of 28 frameworks", ratio("25", "28").with_noun("frameworks"))],
        ),
        (
            "en",
            "25 of the 28 frameworks",
            vec![("25 of the 28 frameworks", ratio("25", "28").with_noun("frameworks"))],
        ),
        ("en", "grew twice as fast", vec![("twice", ex("2", TIMES))]),
        ("en", "a sevenfold rise", vec![("sevenfold", ex("7", TIMES))]),
        ("en", "seven times", vec![("seven times", ex("7", TIMES))]),
        ("en", "12 times", vec![("12 times", ex("12", TIMES))]),
        ("en", "a 3-fold increase", vec![("3-fold", ex("3", TIMES))]),
        (
            "en",
            "more than sevenfold",
            vec![("more than sevenfold", ex("7", TIMES).with_approx(Over))],
        ),
        ("en", "ranked 1st", vec![("1st", ex("1", RANK))]),
        ("en", "the 22nd", vec![("22nd", ex("22", RANK))]),
        (
            "en",
            "tens of thousands of models",
            vec![(
                "tens of thousands of models",
                count("10000", "models").with_approx(Approx::Some),
            )],
        ),
        (
            "en",
            "trillions of won",
            vec![("trillions of won", krw("1000000000000").with_approx(Approx::Some))],
        ),
        ("en", "more than 71%", vec![("more than 71%", ex("71", PCT).with_approx(Over))]),
        (
            "en",
            "over 2.25 million models",
            vec![("over 2.25 million models", count("2250000", "models").with_approx(Over))],
        ),
        (
            "en",
            "about 4.32 million",
            vec![("about 4.32 million", ex("4320000", COUNT).with_approx(About))],
        ),
        ("en", "nearly 50%", vec![("nearly 50%", ex("50", PCT).with_approx(About))]),
        (
            "en",
            "some 100 people",
            vec![("some 100 people", count("100", "people").with_approx(About))],
        ),
        (
            "en",
            "at least 3 companies",
            vec![("at least 3 companies", count("3", "companies").with_approx(Over))],
        ),
        ("en", "up to 50%", vec![("up to 50%", ex("50", PCT).with_approx(Under))]),
        (
            "en",
            "no more than 5 people",
            vec![("no more than 5 people", count("5", "people").with_approx(Under))],
        ),
        ("en", "5 or more", vec![("5 or more", ex("5", COUNT).with_approx(Over))]),
        ("en", "2 million+", vec![("2 million+", ex("2000000", COUNT).with_approx(Over))]),
        ("en", "in 2024", vec![("2024", ex("2024", YEAR))]),
        ("en", "since 2018", vec![("since 2018", ex("2018", YEAR).with_approx(Over))]),
        ("en", "before 2018", vec![("before 2018", ex("2018", YEAR).with_approx(Under))]),
        ("en", "2024–2026", vec![("2024–2026", range("2024", "2026", YEAR))]),
        ("en", "the 1990s", vec![("1990s", range("1990", "1999", YEAR))]),
        (
            "en",
            "on February 15, 2026",
            vec![("February 15, 2026", date(Some(2026), Some(2), Some(15)))],
        ),
        ("en", "on Feb. 15", vec![("Feb. 15", date(None, Some(2), Some(15)))]),
        ("en", "in December 2025", vec![("December 2025", date(Some(2025), Some(12), None))]),
        ("en", "15 February 2026", vec![("15 February 2026", date(Some(2026), Some(2), Some(15)))]),
        ("en", "2026-02-15", vec![("2026-02-15", date(Some(2026), Some(2), Some(15)))]),
        ("en", "4,006 companies", vec![("4,006 companies", count("4006", "companies"))]),
        ("en", "three companies", vec![("three companies", count("3", "companies"))]),
        ("en", "3 months", vec![("3 months", ex("3", Unit::Duration(DurationUnit::Months)))]),
        ("en", "a 3-month trial", vec![("3-month", ex("3", Unit::Duration(DurationUnit::Months)))]),
        ("en", "people in their 40s", vec![("in their 40s", range("40", "49", AGE))]),
        ("en", "aged 40", vec![("aged 40", ex("40", AGE))]),
        ("en", "a 40-year-old", vec![("40-year-old", ex("40", AGE))]),
        ("en", "5 GW", vec![("5 GW", count("5", "GW"))]),
        ("en", "-3.5%", vec![("-3.5%", ex("-3.5", PCT))]),
        ("en", "ranked No. 1", vec![("No. 1", ex("1", RANK))]),
        ("en", "people 65 or older", vec![("65 or older", ex("65", AGE).with_approx(Over))]),
        ("en", "in their teens to 20s", vec![("in their teens to 20s", range("10", "29", AGE))]),
        (
            "en",
            "1 out of 4 people",
            vec![("1 out of 4 people", ratio("1", "4").with_noun("people"))],
        ),
        (
            "en",
            "1.5 billion yen",
            vec![("1.5 billion yen", ex("1500000000", Unit::Currency("JPY".into())))],
        ),
        (
            "en",
            "between $3 billion and $5 billion",
            vec![(
                "between $3 billion and $5 billion",
                range("3000000000", "5000000000", Unit::Currency("USD".into())),
            )],
        ),
        ("en", "rose from 10 to 20", vec![("10", ex("10", COUNT)), ("20", ex("20", COUNT))]),
    ]
}

/// Text in which nothing may be found (or nothing of the given kind).
const NOTHING_KO: &[&str] = &[
    "GPT-4o 모델",
    "H100 GPU",
    "A100과 H100",
    "Llama 3 공개",
    "한국 역시 AI 3대 강국 도약을 위해",
    "10대 기업",
    "1분기 실적",
    "2차전지 산업",
    "제3조 제1항",
    "COVID-19 확산",
    "전화 02-1234-5678",
    "버전 1.2.3",
    "오후 14:30",
    "백만장자",
    "수조에 물을",
    "더 이상 보조적 대안이 아니라",
    "계약 건",
    "5G 통신",
    "3D 프린팅",
    "Qwen2.5-72B",
    "코로나19 이후",
    "오후 3시",
];

const NOTHING_EN: &[&str] = &[
    "GPT-4o is out",
    "the H100 and A100",
    "Meta released Llama 3 today",
    "see Table 2",
    "COVID-19 spread",
    "one of the largest",
    "no one knows",
    "It may rise",
    "a 24-hour strike",
    "version 1.2.3",
];

fn check(cases: Vec<Case>) -> usize {
    let mut n = 0;
    for (lang, text, want) in cases {
        let got = find(text, lang);
        let got_view: Vec<_> = got.iter().map(|f| (f.source.as_str(), &f.quantity)).collect();
        let want_view: Vec<_> = want.iter().map(|(s, q)| (*s, q)).collect();
        assert_eq!(got_view, want_view, "{lang}: {text:?}");
        for (f, (src, _)) in got.iter().zip(&want) {
            let start = text.find(src).unwrap();
            assert_eq!(f.span, start..start + src.len(), "span of {src:?} in {text:?}");
            assert_eq!(&text[f.span.clone()], f.source);
        }
        n += want.len();
    }
    n
}

#[test]
fn korean_forms() {
    let n = check(korean_cases());
    assert!(n >= 80, "{n} Korean forms");
}

#[test]
fn english_forms() {
    let n = check(english_cases());
    assert!(n >= 55, "{n} English forms");
}

#[test]
fn names_and_non_quantities_find_nothing() {
    for text in NOTHING_KO {
        assert_eq!(find(text, "ko"), vec![], "{text:?}");
    }
    for text in NOTHING_EN {
        assert_eq!(find(text, "en"), vec![], "{text:?}");
    }
}

#[test]
fn top_three_is_not_a_count_but_machines_are() {
    assert!(find("AI 3대 강국", "ko").is_empty());
    assert_eq!(find("서버 3대를 도입", "ko")[0].quantity, count("3", "대"));
}

#[test]
fn bare_day_and_relative_dates_use_the_dateline() {
    let dl = Some((2026, 2, 15));
    let text = "15일 발간. 지난해 12월 기준. 지난해부터 올해까지. 지난달 3일";
    let got: Vec<_> =
        find_with_dateline(text, "ko", dl).into_iter().map(|f| (f.source, f.quantity)).collect();
    assert_eq!(
        got,
        vec![
            ("15일".to_string(), date(Some(2026), Some(2), Some(15))),
            ("지난해 12월".to_string(), date(Some(2025), Some(12), None)),
            ("지난해".to_string(), ex("2025", YEAR)),
            ("올해".to_string(), ex("2026", YEAR)),
            ("지난달 3일".to_string(), date(Some(2026), Some(1), Some(3))),
        ]
    );
    // Without a dateline the month stays partial and the words alone are not reported.
    let got: Vec<_> = find(text, "ko").into_iter().map(|f| f.quantity).collect();
    assert_eq!(
        got,
        vec![date(None, None, Some(15)), date(None, Some(12), None), date(None, None, Some(3)),]
    );
    // Two-digit years pivot on the dateline.
    assert_eq!(find_with_dateline("'31년", "ko", dl)[0].quantity, ex("2031", YEAR));
    assert_eq!(find_with_dateline("'32년", "ko", dl)[0].quantity, ex("1932", YEAR));
    assert_eq!(find_with_dateline("last year", "en", dl)[0].quantity, ex("2025", YEAR));
}

/// The seed article (SPRi, 2026-02-15): every figure in it, nothing else.
#[test]
fn seed_article() {
    let text = "date 2026-02-15 한국 역시 AI 3대 강국 도약을 위해 오픈소스AI를 전략 자산으로 \
        재정립해야 한다는 분석이 나왔다.\n15일 소프트웨어정책연구소(SPRi)가 발간한 이슈리포트에 \
        따르면 주요 딥러닝 프레임워크 28개 중 25개가 오픈소스로 개발됐으며 트랜스포머(Transformer), \
        버트(BERT) 등 핵심 모델 구조 역시 공개를 통해 빠르게 확산됐다.\n깃허브 432만개·허깅페이스 \
        225만개…폭증하는 오픈소스 생태계\n2024년 기준 깃허브 내 AI 프로젝트는 432만 개에 달한다. \
        지난해 12월 기준 허깅페이스에 공개된 오픈소스 모델 수는 225만 개를 넘어섰다. 기업의 89%가 \
        AI 개발 과정에서 오픈소스 기술을 활용하고 있으며, 63%는 오픈소스 모델을 실제로 도입하고 \
        있다. 도입 이유로는 혁신 촉진(67%), 시장 표준 확보(67%), 생산성 향상(50%), 개발 비용 \
        절감(49%) 등이 꼽혔다. 특히 종사자 10~249명 규모 중소기업의 오픈소스AI 활용률은 78%로, \
        대기업(67%)보다 높게 나타났다. 실제 2018년 이후 발표된 대표적 AI 모델 가운데 47.3%는 \
        오픈소스 모델로 집계됐다. 오픈소스 모델의 71% 이상은 '최고 성능 개선(SOTA)'을 근거로 \
        주목받았다. 메타는 '라마' 시리즈를 공개하며 수만 개의 파생 모델을 확산시켰고, 그러나 \
        지난해부터 중국 기업의 부상도 뚜렷하다. 선진 오픈소스AI 기반 R&D 추진을 통해";
    let got: Vec<_> = find_with_dateline(text, "ko", Some((2026, 2, 15)))
        .into_iter()
        .map(|f| (f.source, f.quantity))
        .collect();
    let want: Vec<(&str, Quantity)> = vec![
        ("2026-02-15", date(Some(2026), Some(2), Some(15))),
        ("15일", date(Some(2026), Some(2), Some(15))),
        ("28개 중 25개", ratio("25", "28").with_noun("개")),
        ("432만개", count("4320000", "개")),
        ("225만개", count("2250000", "개")),
        ("2024년", ex("2024", YEAR)),
        ("432만 개", count("4320000", "개")),
        ("지난해 12월", date(Some(2025), Some(12), None)),
        ("225만 개", count("2250000", "개")),
        ("89%", ex("89", PCT)),
        ("63%", ex("63", PCT)),
        ("67%", ex("67", PCT)),
        ("67%", ex("67", PCT)),
        ("50%", ex("50", PCT)),
        ("49%", ex("49", PCT)),
        ("10~249명", range("10", "249", COUNT).with_noun("명")),
        ("78%", ex("78", PCT)),
        ("67%", ex("67", PCT)),
        ("2018년 이후", ex("2018", YEAR).with_approx(Approx::Over)),
        ("47.3%", ex("47.3", PCT)),
        ("71% 이상", ex("71", PCT).with_approx(Approx::Over)),
        ("수만 개", count("10000", "개").with_approx(Approx::Some)),
        ("지난해", ex("2025", YEAR)),
    ];
    let want: Vec<(String, Quantity)> = want.into_iter().map(|(s, q)| (s.to_string(), q)).collect();
    assert_eq!(got, want);
}

#[test]
fn formats_the_issue_examples() {
    let sp = Style::default();
    let wire = Style { korean_spacing: KoreanSpacing::Wire, krw: KrwStyle::CodeBefore };
    let cases: Vec<(Quantity, &str, &str, &str, &str)> = vec![
        // (quantity, ko spaced, ko wire, en (won after), en (code before))
        (count("4320000", "개"), "432만 개", "432만개", "4.32 million 개", "4.32 million 개"),
        (
            krw("2500000000000"),
            "2조 5000억 원",
            "2조5000억원",
            "2.5 trillion won",
            "KRW 2.5 trillion",
        ),
        (
            usd("90870000000"),
            "908억 7000만 달러",
            "908억7000만달러",
            "$90.87 billion",
            "$90.87 billion",
        ),
        (usd("890000000"), "8억 9000만 달러", "8억9000만달러", "$890 million", "$890 million"),
        (count("4006", "개사"), "4,006개사", "4,006개사", "4,006 개사", "4,006 개사"),
        (ex("4321567", COUNT), "432만 1567", "432만1567", "4,321,567", "4,321,567"),
        (
            range("10", "249", COUNT).with_noun("명"),
            "10~249명",
            "10~249명",
            "10–249 명",
            "10–249 명",
        ),
        (ex("47.3", PCT), "47.3%", "47.3%", "47.3%", "47.3%"),
        (ex("11.7", PP), "11.7%p", "11.7%p", "11.7 percentage points", "11.7 percentage points"),
        (
            ex("7", TIMES).with_approx(Approx::Over),
            "7배 이상",
            "7배 이상",
            "more than sevenfold",
            "more than sevenfold",
        ),
        (ex("2", TIMES), "2배", "2배", "twice", "twice"),
        (ex("12", TIMES), "12배", "12배", "12 times", "12 times"),
        (ex("1", RANK), "1위", "1위", "1st", "1st"),
        (
            ratio("1", "4").with_noun("명"),
            "4명 중 1명",
            "4명 중 1명",
            "one in four 명",
            "one in four 명",
        ),
        (ratio("25", "28"), "28분의 25", "28분의 25", "25 of 28", "25 of 28"),
        (
            ex("2018", YEAR).with_approx(Approx::Over),
            "2018년 이후",
            "2018년 이후",
            "since 2018",
            "since 2018",
        ),
        (
            date(Some(2026), Some(2), Some(15)),
            "2026년 2월 15일",
            "2026년 2월 15일",
            "February 15, 2026",
            "February 15, 2026",
        ),
        (range("40", "49", AGE), "40대", "40대", "in their 40s", "in their 40s"),
        (
            count("10000", "개").with_approx(Approx::Some),
            "수만 개",
            "수만개",
            "tens of thousands of 개",
            "tens of thousands of 개",
        ),
        (
            range("3000000000000", "5000000000000", Unit::Currency("KRW".into())),
            "3조~5조 원",
            "3조~5조원",
            "3–5 trillion won",
            "KRW 3–5 trillion",
        ),
    ];
    for (q, ko_sp, ko_wire, en_won, en_code) in cases {
        assert_eq!(format(&q, "ko", &sp), ko_sp);
        assert_eq!(format(&q, "ko", &wire), ko_wire);
        assert_eq!(format(&q, "en", &sp), en_won);
        assert_eq!(format(&q, "en", &wire), en_code);
    }
    // The renderer's examples: the noun is per language.
    let over = count("2250000", "개").with_approx(Approx::Over);
    assert_eq!(format(&over, "ko", &sp), "225만 개 이상");
    let over_en = count("2250000", "models").with_approx(Approx::Over);
    assert_eq!(format(&over_en, "en", &sp), "over 2.25 million models");
    assert_eq!(format(&count("4320000", "projects"), "en", &sp), "4.32 million projects");
    assert_eq!(
        format(&count("4320000", "개").with_approx(Approx::About), "ko", &sp),
        "약 432만 개"
    );
    assert_eq!(
        format(&ex("4320000", COUNT).with_approx(Approx::About), "en", &sp),
        "about 4.32 million"
    );
}

#[test]
fn other_languages_get_neutral_digits() {
    let sp = Style::default();
    assert_eq!(format(&ex("4320000", COUNT), "ja", &sp), "4,320,000");
    assert_eq!(format(&ex("47.3", PCT), "ja", &sp), "47.3%");
    assert_eq!(format(&range("10", "249", COUNT), "zh-CN", &sp), "10–249");
    assert_eq!(format(&krw("2500000000000"), "de", &sp), "KRW 2,500,000,000,000");
    assert_eq!(format(&date(Some(2026), Some(2), Some(15)), "fr", &sp), "2026-02-15");
    let found = find("売上は4,320,000円、47.3%増", "ja");
    let values: Vec<_> = found.iter().map(|f| f.quantity.clone()).collect();
    assert_eq!(values, vec![ex("4320000", COUNT), ex("47.3", PCT)]);
}

#[test]
fn style_deserialises_from_kebab_case_and_rejects_unknown_fields() {
    let s: Style =
        serde_json::from_str(r#"{"korean-spacing": "wire", "krw": "code-before"}"#).unwrap();
    assert_eq!(s.korean_spacing, KoreanSpacing::Wire);
    assert_eq!(s.krw, KrwStyle::CodeBefore);
    let s: Style = serde_json::from_str("{}").unwrap();
    assert_eq!(s, Style::default());
    assert!(serde_json::from_str::<Style>(r#"{"spacing": "wire"}"#).is_err());
    assert!(serde_json::from_str::<Style>(r#"{"krw": "dollars"}"#).is_err());
}

#[test]
fn compares_across_languages() {
    use Agreement::*;
    let ko = |t: &str| find(t, "ko").remove(0).quantity;
    let en = |t: &str| find(t, "en").remove(0).quantity;
    assert_eq!(compare(&ko("432만 개"), &en("4.32 million projects")), Same);
    assert_eq!(compare(&ko("432만 개"), &en("4.3 million projects")), PrecisionLost);
    assert_eq!(compare(&ko("432만 개"), &en("4 million projects")), PrecisionLost);
    assert_eq!(compare(&ko("432만 개"), &en("4.4 million projects")), Different);
    assert_eq!(compare(&ko("908억7000만 달러"), &en("$90.87 billion")), Same);
    assert_eq!(compare(&ko("908억7000만 달러"), &en("$91 billion")), PrecisionLost);
    assert_eq!(compare(&ko("908억7000만 달러"), &en("90.87 billion won")), Different);
    assert_eq!(compare(&ko("43.7%"), &en("47.3%")), Different);
    assert_eq!(compare(&ko("47.3%"), &en("47%")), PrecisionLost);
    assert_eq!(compare(&ko("11.7%p"), &en("11.7 percentage points")), Same);
    assert_eq!(compare(&ko("11.7%p"), &en("11.7%")), Different);
    assert_eq!(compare(&ko("10~249명"), &en("10–249 people")), Same);
    assert_eq!(compare(&ko("10~249명"), &en("10–250 people")), Different);
    assert_eq!(compare(&ko("4명 중 1명"), &en("one in four")), Same);
    assert_eq!(compare(&ko("10곳 중 6곳"), &en("60 of 100 firms")), Same);
    assert_eq!(compare(&ko("28개 중 25개"), &en("25 of the 28 frameworks")), Same);
    assert_eq!(compare(&ko("7배 이상"), &en("more than sevenfold")), Same);
    assert_eq!(compare(&ko("2배"), &en("twice")), Same);
    assert_eq!(compare(&ko("225만 개 이상"), &en("over 2.25 million")), Same);
    assert_eq!(compare(&ko("225만 개 초과"), &en("more than 2.25 million")), Same);
    assert_eq!(compare(&ko("225만 개"), &en("over 2.25 million")), PrecisionLost);
    assert_eq!(compare(&ko("약 432만 개"), &en("about 4.32 million")), Same);
    assert_eq!(compare(&ko("약 432만 개"), &en("4.32 million")), PrecisionLost);
    assert_eq!(compare(&ko("10% 이상"), &en("under 10%")), Different);
    assert_eq!(compare(&ko("수만 개"), &en("tens of thousands of models")), Same);
    assert_eq!(compare(&ko("수만 개"), &en("30,000 models")), PrecisionLost);
    assert_eq!(compare(&ko("수만 개"), &en("300,000 models")), Different);
    assert_eq!(compare(&ko("2024년"), &en("2024")), Same);
    assert_eq!(compare(&ko("2024년"), &en("2,024 projects")), Incomparable);
    assert_eq!(compare(&ko("2018년 이후"), &en("since 2018")), Same);
    assert_eq!(compare(&ko("2월 15일"), &en("February 15, 2026")), Same);
    assert_eq!(compare(&ko("2월 16일"), &en("February 15, 2026")), Different);
    assert_eq!(compare(&ko("1위"), &en("1st")), Same);
    assert_eq!(compare(&ko("1위"), &en("1 company")), Incomparable);
    assert_eq!(compare(&ko("12개월"), &en("1 year")), Same);
    assert_eq!(compare(&ko("3개월"), &en("3 weeks")), Incomparable);
    assert_eq!(compare(&ko("40대"), &en("in their 40s")), Same);
}

#[test]
fn facts_from_content_files() {
    let v: FactValue = serde_json::from_str("4320000").unwrap();
    let q = fact(&v, "count", Approx::Exact, Some("개")).unwrap();
    assert_eq!(format(&q, "ko", &Style::default()), "432만 개");
    let q = fact(&v, "count", Approx::Exact, Some("projects")).unwrap();
    assert_eq!(format(&q, "en", &Style::default()), "4.32 million projects");
    let v: FactValue = serde_json::from_str("47.3").unwrap();
    let q = fact(&v, "percent", Approx::Exact, None).unwrap();
    assert_eq!(q.amount, Amount::Exact(d("47.3")));
    assert_eq!(format(&q, "ko", &Style::default()), "47.3%");
    assert_eq!(format(&q, "en", &Style::default()), "47.3%");
    let v: FactValue = serde_json::from_str("[10, 249]").unwrap();
    let q = fact(&v, "count", Approx::Exact, Some("people")).unwrap();
    assert_eq!(format(&q, "en", &Style::default()), "10–249 people");
    let v: FactValue = serde_json::from_str("2250000").unwrap();
    let approx: Approx = serde_json::from_str("\"over\"").unwrap();
    let q = fact(&v, "count", approx, Some("models")).unwrap();
    assert_eq!(format(&q, "en", &Style::default()), "over 2.25 million models");
    let v: FactValue = serde_json::from_str("90870000000").unwrap();
    let q = fact(&v, "USD", Approx::Exact, None).unwrap();
    assert_eq!(format(&q, "en", &Style::default()), "$90.87 billion");
    assert!(matches!(fact(&v, "dollars", Approx::Exact, None), Err(FactError::UnknownUnit(_))));
    let v: FactValue = serde_json::from_str("[249, 10]").unwrap();
    assert!(matches!(fact(&v, "count", Approx::Exact, None), Err(FactError::ReversedRange(..))));

    assert_eq!(parse_unit("count"), Some(Unit::Count));
    assert_eq!(parse_unit("percentage-points"), Some(Unit::PercentagePoints));
    assert_eq!(parse_unit("times"), Some(Unit::Times));
    assert_eq!(parse_unit("rank"), Some(Unit::Rank));
    assert_eq!(parse_unit("KRW"), Some(Unit::Currency("KRW".into())));
    assert_eq!(parse_unit("CHF"), Some(Unit::Currency("CHF".into())));
    assert_eq!(parse_unit("krw"), None);
    assert_eq!(parse_unit("age"), Some(Unit::Age));
}

#[test]
fn serialises_quantities() {
    let f = &find("약 432만 개", "ko")[0];
    let json = serde_json::to_value(f).unwrap();
    assert_eq!(json["quantity"]["approx"], "about");
    assert_eq!(json["quantity"]["noun"], "개");
    assert_eq!(json["span"]["start"], 0);
}

// ---------------------------------------------------------------------------------------------
// Property tests

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

/// The forms real Korean reports use that issue 18 lists: a myriad unit followed by a bare
/// number, ratios in running text, `만` as "full age" before an age range, a figure in
/// parentheses after a name, full-width digits and every range mark.
#[test]
fn issue_18_forms() {
    let cases: Vec<Case> = vec![
        ("ko", "응답자는 3만512명이었다", vec![("3만512명", count("30512", "명"))]),
        ("ko", "예산 2억350만 원", vec![("2억350만 원", krw("203500000"))]),
        ("ko", "예산 2억350만원을", vec![("2억350만원", krw("203500000"))]),
        ("ko", "1억2만 원", vec![("1억2만 원", krw("100020000"))]),
        ("ko", "전국 1만7,744명을", vec![("1만7,744명", count("17744", "명"))]),
        ("ko", "인구 5만1천명", vec![("5만1천명", count("51000", "명"))]),
        (
            "ko",
            "국민 10명 중 7명이 이용했다",
            vec![("10명 중 7명", ratio("7", "10").with_noun("명"))],
        ),
        (
            "ko",
            "기업 100곳 중 3곳이 도입했다",
            vec![("100곳 중 3곳", ratio("3", "100").with_noun("곳"))],
        ),
        ("ko", "만 20∼64세 성인", vec![("만 20∼64세", range("20", "64", AGE))]),
        ("ko", "만 3~69세 이용자", vec![("만 3~69세", range("3", "69", AGE))]),
        ("ko", "만 13세 이상", vec![("만 13세 이상", ex("13", AGE).with_approx(Approx::Over))]),
        (
            "ko",
            "대기업(67%)과 중소기업(54.1%)",
            vec![("67%", ex("67", PCT)), ("54.1%", ex("54.1", PCT))],
        ),
        ("ko", "１２,３４５명", vec![("１２,３４５명", count("12345", "명"))]),
        ("ko", "４７．３％", vec![("４７．３％", ex("47.3", PCT))]),
        ("ko", "10~249명", vec![("10~249명", range("10", "249", COUNT).with_noun("명"))]),
        ("ko", "10∼249명", vec![("10∼249명", range("10", "249", COUNT).with_noun("명"))]),
        ("ko", "10〜249명", vec![("10〜249명", range("10", "249", COUNT).with_noun("명"))]),
        ("ko", "10～249명", vec![("10～249명", range("10", "249", COUNT).with_noun("명"))]),
        ("ko", "10–249명", vec![("10–249명", range("10", "249", COUNT).with_noun("명"))]),
        ("ko", "10—249명", vec![("10—249명", range("10", "249", COUNT).with_noun("명"))]),
        ("ko", "3 ～ 5%", vec![("3 ～ 5%", range("3", "5", PCT))]),
    ];
    check(cases);
}

/// The issue-18 forms through `yoyak check`: written one of these ways in Korean and plainly
/// in English, a figure raises no Y0301; the same English with a wrong figure does.
#[test]
fn check_reads_the_issue_18_forms() {
    use crate::common::{fixture, run_yoyak};
    let pairs: &[(&str, &str, &str)] = &[
        (
            "응답자는 3만512명이었다.",
            "There were 30,512 respondents.",
            "There were 30,521 respondents.",
        ),
        (
            "예산은 2억350만 원이다.",
            "The budget is 203.5 million won.",
            "The budget is 235 million won.",
        ),
        (
            "국민 10명 중 7명이 이용했다.",
            "Seven in ten people used it.",
            "Six in ten people used it.",
        ),
        (
            "대상은 만 20∼64세 성인이다.",
            "Adults aged 20–64 took part.",
            "Adults aged 20–65 took part.",
        ),
        ("대기업(67%)이 앞섰다.", "Large firms (67%) led.", "Large firms (76%) led."),
        ("비율은 ４７．３％였다.", "The share was 47.3%.", "The share was 43.7%."),
        ("기업 10〜249곳이 참여했다.", "10–249 firms took part.", "10–250 firms took part."),
        ("기업 10—249곳이 참여했다.", "10–249 firms took part.", "11–249 firms took part."),
    ];
    for (ko, en, wrong) in pairs {
        for (en_text, expect_error) in [(en, false), (wrong, true)] {
            let dir = fixture("check/figure-changed");
            let file = dir.path().join("content/figure-changed.yaml");
            let text = std::fs::read_to_string(&file).unwrap();
            let text = text
                .replace(
                    "ko: 기업의 89%가 AI 개발에 오픈소스 기술을 활용하고 63%는 오픈소스 모델을 도입했다.",
                    &format!("ko: \"{ko}\""),
                )
                .replace(
                    "en: 98% of companies use open-source technology in AI development and 63% have adopted open-source models.",
                    &format!("en: \"{en_text}\""),
                );
            std::fs::write(&file, text).unwrap();
            let (_, stdout, stderr) = run_yoyak(&["check", "--format", "json"], dir.path());
            let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|_| {
                panic!("{stdout}{stderr}");
            });
            let figure_errors: Vec<&serde_json::Value> = doc["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["code"] == "Y0301" && d["field"] == "summary[0].en")
                .collect();
            assert_eq!(!figure_errors.is_empty(), expect_error, "{ko} / {en_text}: {stdout}");
        }
    }
}
