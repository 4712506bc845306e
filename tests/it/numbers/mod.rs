//! The number engine against real-world forms (Korean report and news style, English
//! briefing style), round trips through the formatter, and robustness on arbitrary text.
//! The tables of forms are in [`cases`], the property tests in [`properties`].

mod cases;
mod properties;

use cases::{NOTHING_EN, NOTHING_KO, english_cases, korean_cases};
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
