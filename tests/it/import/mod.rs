//! `yoyak import`: raw articles in `tests/fixtures/import/` against their `*.expected.yaml`,
//! the draft loading and building, issue 18's drafting rules; property tests in
//! [`properties`], the command line in [`cli`].

mod cli;
mod properties;

use crate::common::repo;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use yoyak::content::{Config, load_file};
use yoyak::import::{Draft, DraftFact, draft, draft_text, draft_text_dated};
use yoyak::numbers::{Amount, Decimal, Style, Unit};

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/import")
}

/// A fact reduced to what the expectations say: (source, value, unit, noun, approx, as_of).
type Row = [String; 6];

fn dec(d: &Decimal) -> String {
    d.normalize().to_string()
}

/// What the number engine read, not the YAML: a ratio stays `{part, whole}` here.
fn row(f: &DraftFact) -> Row {
    let q = &f.found.quantity;
    let value = match &q.amount {
        Amount::Exact(d) => dec(d),
        Amount::Range(lo, hi) => format!("[{}, {}]", dec(lo), dec(hi)),
        Amount::Ratio { part, whole } => format!("{{part: {}, whole: {}}}", dec(part), dec(whole)),
        Amount::Date { .. } => "date".into(),
    };
    let unit = match &q.unit {
        Unit::Count => "count".to_string(),
        Unit::Percent => "percent".into(),
        Unit::PercentagePoints => "percentage-points".into(),
        Unit::Times => "times".into(),
        Unit::Rank => "rank".into(),
        Unit::Ratio => "ratio".into(),
        Unit::Currency(c) => c.clone(),
        other => format!("{other:?}"),
    };
    let approx = serde_json::to_value(q.approx).unwrap().as_str().unwrap().to_string();
    [
        f.found.source.clone(),
        value,
        unit,
        q.noun.clone().unwrap_or_else(|| "null".into()),
        approx,
        f.as_of.clone().unwrap_or_else(|| "null".into()),
    ]
}

fn yaml_str(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::Null => None,
        serde_yaml::Value::String(s) => Some(s.clone()),
        other => Some(serde_yaml::to_string(other).unwrap().trim().to_string()),
    }
}

fn yaml_number(v: &serde_yaml::Value) -> String {
    let text = match v {
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::String(s) => s.clone(),
        other => panic!("not a number: {other:?}"),
    };
    dec(&Decimal::from_str(&text).unwrap_or_else(|_| panic!("not a decimal: {text}")))
}

fn expected_row(f: &serde_yaml::Value) -> Row {
    let value = match &f["value"] {
        serde_yaml::Value::Sequence(s) => {
            format!("[{}, {}]", yaml_number(&s[0]), yaml_number(&s[1]))
        }
        serde_yaml::Value::Mapping(_) => format!(
            "{{part: {}, whole: {}}}",
            yaml_number(&f["value"]["part"]),
            yaml_number(&f["value"]["whole"])
        ),
        v => yaml_number(v),
    };
    let s = |k: &str| yaml_str(&f[k]).unwrap_or_else(|| "null".into());
    [s("source"), value, s("unit"), s("noun"), s("approx"), s("as_of")]
}

/// The article's draft and its expectations.
fn load(txt: &str, expected: &str) -> (Draft, serde_yaml::Value) {
    let bytes = std::fs::read(fixtures().join(txt)).unwrap();
    let d = draft(&bytes, txt, &Style::default()).expect("the fixture imports");
    let exp: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(fixtures().join(expected)).unwrap()).unwrap();
    (d, exp)
}

/// Every expectation of one fixture, with a readable report of all differences at once.
fn check_fixture(txt: &str, expected: &str) {
    let (d, exp) = load(txt, expected);
    let mut problems = Vec::new();
    if d.date != yaml_str(&exp["date"]) {
        problems.push(format!("date: got {:?}, expected {:?}", d.date, yaml_str(&exp["date"])));
    }
    if d.publisher != yaml_str(&exp["publisher"]) {
        problems.push(format!(
            "publisher: got {:?}, expected {:?}",
            d.publisher,
            yaml_str(&exp["publisher"])
        ));
    }
    if d.title_line != yaml_str(&exp["title"]) {
        problems.push(format!(
            "title: got {:?}, expected {:?}",
            d.title_line,
            yaml_str(&exp["title"])
        ));
    }
    let headings: Vec<String> = d.sections.iter().map(|s| s.heading.clone()).collect();
    let want: Vec<String> =
        exp["headings"].as_sequence().unwrap().iter().map(|h| yaml_str(h).unwrap()).collect();
    if headings != want {
        problems.push(format!("headings: got {headings:?}, expected {want:?}"));
    }

    // Facts as a multiset.
    let mut got: Vec<Row> = d.facts.iter().map(row).collect();
    let mut missing = Vec::new();
    for f in exp["facts"].as_sequence().unwrap() {
        let e = expected_row(f);
        match got.iter().position(|g| *g == e) {
            Some(i) => {
                got.remove(i);
            }
            None => missing.push(e),
        }
    }
    for m in &missing {
        problems.push(format!("fact missing or different: expected {m:?}"));
    }
    for g in &got {
        problems.push(format!("unexpected fact: {g:?}"));
    }

    // Not facts: no fact may sit inside one of these in its sentence.
    for nf in exp["not_facts"].as_sequence().unwrap() {
        let nf = yaml_str(nf).unwrap();
        for f in &d.facts {
            let s = &f.found.source;
            let inside = *s == nf
                || (nf.contains(s.as_str())
                    && f.note.contains(&nf)
                    && !f.note.replace(&nf, "").contains(s.as_str()));
            if inside {
                problems.push(format!("`{s}` became a fact but is part of not-fact `{nf}`"));
            }
        }
    }

    // Ids are unique and valid; the draft loads.
    let mut ids: Vec<&str> = d.facts.iter().map(|f| f.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), d.facts.len(), "fact ids are unique");
    assert_loads(&d, txt);

    assert!(problems.is_empty(), "{txt}:\n  {}", problems.join("\n  "));
}

/// The draft's YAML loads without errors, and its facts are the draft's.
pub(crate) fn assert_loads(d: &Draft, origin: &str) {
    let config = Config::default();
    let yaml = d.to_yaml(&config.languages, origin);
    assert!(
        yaml.starts_with("# yaml-language-server: $schema=../build/schema/briefing.schema.json\n")
    );
    let loaded = load_file(PathBuf::from("content/draft.yaml"), yaml.clone().into_bytes(), &config);
    let errors: Vec<_> = loaded.diagnostics.iter().filter(|x| x.is_error()).collect();
    assert!(errors.is_empty(), "{origin}: the draft has errors: {errors:#?}\n{yaml}");
    let b = loaded.briefing.expect("a briefing");
    assert_eq!(b.facts.len(), d.facts.len());
    for (y, f) in b.facts.iter().zip(&d.facts) {
        assert_eq!(y.id, f.id);
        assert_eq!(y.value, f.value, "{}: value of {}", origin, f.found.source);
        assert_eq!(y.unit, f.unit);
        assert_eq!(y.as_of, f.as_of);
        assert_eq!(y.label.get("ko"), Some(f.label.as_str()));
        assert_eq!(y.label.get("en"), Some("TODO: translate"));
        let approx = y.approx.unwrap_or(yoyak::numbers::Approx::Exact);
        assert_eq!(approx, f.found.quantity.approx);
    }
    assert_eq!(b.sections.len(), d.sections.len());
    for (y, s) in b.sections.iter().zip(&d.sections) {
        assert_eq!(y.heading.get("ko"), Some(s.heading.as_str()));
    }
    assert_eq!(b.date, d.date.clone().unwrap_or_else(today));
}

#[test]
fn seed() {
    check_fixture("00-seed.txt", "seed.expected.yaml");
}

#[test]
fn dateline_lead() {
    check_fixture("01-dateline-lead.txt", "01-dateline-lead.expected.yaml");
}

#[test]
fn crlf_bom() {
    check_fixture("02-crlf-bom.txt", "02-crlf-bom.expected.yaml");
    let (d, _) = load("02-crlf-bom.txt", "02-crlf-bom.expected.yaml");
    let yaml = d.to_yaml(&["ko".into(), "en".into()], "02");
    assert!(!yaml.contains('\r') && !yaml.contains('\u{feff}'), "no CR or BOM leaks");
}

#[test]
fn wire_bullets() {
    check_fixture("03-wire-bullets.txt", "03-wire-bullets.expected.yaml");
    let (d, _) = load("03-wire-bullets.txt", "03-wire-bullets.expected.yaml");
    let lead = d.lead.unwrap();
    assert!(
        lead.contains("\n- 분야별로는")
            && lead.contains("\n  - 반도체:")
            && lead.contains("\n    - HBM")
    );
    for gone in ["연합뉴스", "김철수", "kim@yna.co.kr", "(끝)", "송고"] {
        assert!(!lead.contains(gone), "{gone} is dropped");
    }
}

#[test]
fn ratios_ranges() {
    check_fixture("04-ratios-ranges.txt", "04-ratios-ranges.expected.yaml");
}

#[test]
fn no_date_title() {
    check_fixture("05-no-date-title.txt", "05-no-date-title.expected.yaml");
    let (d, _) = load("05-no-date-title.txt", "05-no-date-title.expected.yaml");
    assert!(d.id().starts_with("undated-"));
    let yaml = d.to_yaml(&["ko".into(), "en".into()], "05");
    // Undated: today's date as a placeholder with a TODO, never the epoch.
    assert!(yaml.contains(&format!("date: {}  # TODO", today())), "{yaml}");
    assert!(!yaml.contains("1970"));
}

/// Today in the system's time zone, as an undated draft gets it.
fn today() -> String {
    jiff::Zoned::now().date().to_string()
}

/// Every dateline form of issue 18: the date recovered, relative dates placed by it.
#[test]
fn dateline_forms() {
    let style = Style::default();
    let cases: &[(&str, Option<&str>)] = &[
        ("2026.02.15\n\n정부는 예산 30%를 늘렸다.\n", Some("2026-02-15")),
        ("제목 줄\n2026년 2월 15일\n\n정부는 예산 30%를 늘렸다.\n", Some("2026-02-15")),
        ("보도시점 2026. 2. 15.(일) 12:00\n\n정부는 예산 30%를 늘렸다.\n", Some("2026-02-15")),
        (
            "[서울=뉴스] 15일 정부는 2026년 2월 조사에서 예산이 30% 늘었다고 밝혔다.\n",
            Some("2026-02-15"),
        ),
        ("[서울=뉴스] 15일 정부는 예산을 30% 늘렸다고 밝혔다.\n", None),
        ("정부는 예산을 30% 늘렸다.\n", None),
    ];
    for (text, want) in cases {
        let d = draft_text(text, &style);
        assert_eq!(d.date.as_deref(), *want, "{text}");
    }
    // `--date` gives the date and places the bare day's month.
    let d = draft_text_dated(
        "[서울=뉴스] 15일 정부는 예산을 30% 늘렸다고 밝혔다.\n",
        &style,
        Some((2026, 3, 2)),
    );
    assert_eq!(d.date.as_deref(), Some("2026-03-02"));
    assert_eq!(d.id(), format!("2026-03-02-{}", d.slug));
}

#[test]
fn publisher_placeholder_and_proposed_title() {
    let d = draft_text("오늘 시장에서 사과 값이 30% 올랐다. 상인들은 걱정했다.", &Style::default());
    assert_eq!(d.publisher, None);
    assert_eq!(d.title, "오늘 시장에서 사과 값이 30% 올랐다");
    let yaml = d.to_yaml(&["ko".into(), "en".into()], "x");
    assert!(
        yaml.contains(r#"publisher: {ko: "TODO: 발행 기관", en: "TODO: publisher"}"#),
        "{yaml}"
    );
    assert_loads(&d, "x");
}

/// A temporary project with the seed's draft in `content/`.
fn seed_draft_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(fixtures().join("00-seed.txt")).unwrap();
    let d = draft(&bytes, "00-seed.txt", &Style::default()).unwrap();
    let yaml = d.to_yaml(&Config::default().languages, "00-seed.txt");
    let path = dir.path().join("content").join(format!("{}.yaml", d.id()));
    yoyak::output::write_atomic(&path, yaml.as_bytes()).unwrap();
    dir
}

#[test]
fn seed_draft_builds() {
    let dir = seed_draft_project();
    let r = yoyak::build::build(&yoyak::build::BuildOptions::new(dir.path())).expect("build runs");
    assert!(!r.has_errors(), "{:#?} {:#?}", r.failed, r.diagnostics);
    assert_eq!(r.built, vec!["2026-02-15-spri-ai".to_string()]);
    let md = std::fs::read_to_string(
        dir.path().join("build/2026-02-15-spri-ai/2026-02-15-spri-ai.ko.md"),
    )
    .unwrap();
    assert!(md.contains("432만 개") && md.contains("225만 개 이상"), "{md}");
}

/// `check` on the draft: no errors, only the untranslated/placeholder markers as warnings.
#[test]
fn seed_draft_checks_with_only_marker_warnings() {
    let dir = seed_draft_project();
    let p = yoyak::content::load_project(dir.path()).unwrap();
    let mut diags: Vec<_> = p.all_diagnostics().cloned().collect();
    diags.extend(yoyak::check::check_project(&p));
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{} {}: {}", d.code, d.field, d.message))
        .collect();
    assert!(
        errors.is_empty(),
        "{} errors, e.g. {:#?}",
        errors.len(),
        &errors[..errors.len().min(5)]
    );
    assert!(diags.iter().any(|d| d.code == "Y0204"), "the TODO markers are reported");
}

/// Issue 18's drafting rules through the public API: restated figures are one fact with the
/// most informative note, labels name what is measured, and the forms the engine now reads.
#[test]
fn issue_18_drafts() {
    let style = Style::default();
    let text = "국민 91.8% 인터넷 이용\n\n\
        지난해 우리 국민의 91.8%가 인터넷을 이용했다.\n\n\
        ■ 이용률\n\n\
        국민 인터넷 이용률(91.8%)은 1년 전보다 0.3%포인트 올랐고, 하루 1회 이상 이용하는 비율은 93.9%였다. \
        이용 시간은 주 평균 16시간 30분이었다.\n\n\
        [조사 개요]\n\n\
        15〜64세 고용률(OECD 비교 기준)은 69.6%였다. 응답자는 3만512명, 예산은 2억350만 원이었다. \
        종사자 10~249명 규모 중소기업의 오픈소스AI 활용률은 78%로 대기업(67%)보다 높았다. \
        만 20∼64세 성인 약 10명 중 9명이 이용했다.\n";
    let d = draft_text(text, &style);
    let headings: Vec<&str> = d.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["이용률", "조사 개요"]);
    let by_source = |s: &str| d.facts.iter().filter(|f| f.found.source == s).collect::<Vec<_>>();
    // Title, lead and section say 91.8%: one fact, its note the longest sentence.
    let share = by_source("91.8%");
    assert_eq!(share.len(), 1, "{:#?}", d.facts);
    assert!(share[0].note.starts_with("국민 인터넷 이용률(91.8%)은"), "{}", share[0].note);
    // `하루 1회 이상` qualifies the share after it.
    assert!(by_source("1회 이상").is_empty());
    assert_eq!(
        by_source("16시간 30분")[0].value,
        yoyak::content::FactValue::Single(Decimal::from(990))
    );
    assert_eq!(by_source("69.6%")[0].label, "고용률");
    assert_eq!(by_source("78%")[0].label, "중소기업의 오픈소스AI 활용률");
    assert_eq!(by_source("67%")[0].label, "대기업");
    assert_eq!(
        by_source("3만512명")[0].value,
        yoyak::content::FactValue::Single(Decimal::from(30512))
    );
    assert_eq!(
        by_source("2억350만 원")[0].value,
        yoyak::content::FactValue::Single(Decimal::from(203_500_000))
    );
    assert_eq!(by_source("약 10명 중 9명").len(), 1);
    // `만 20∼64세` is an age, not 200,000.
    assert!(d.facts.iter().all(|f| !f.found.source.contains("20∼64")));
    assert_loads(&d, "issue-18");
}

/// Labels name what the figure measures, not the word next to it (issue 18).
#[test]
fn labels_name_what_is_measured() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "종사자 10~249명 규모 중소기업의 오픈소스AI 활용률은 78%로 나타났다.",
            "78%",
            "중소기업의 오픈소스AI 활용률",
        ),
        ("15세 이상 고용률은 61.2%로 전년동월대비 0.8%포인트 상승했다.", "0.8%포인트", "고용률"),
        (
            "국내 수출규모가 지난해 같은 달 대비 2.5% 증가한 479억달러였다.",
            "479억달러",
            "국내 수출규모",
        ),
        ("석유제품(△13.9%)은 줄었다.", "13.9%", "석유제품"),
        ("실업자는 12만명 감소한 74만 4000명이다.", "74만 4000명", "실업자"),
        (
            "가구 스마트폰 보유율은 ’12년(65.0%) 대비 ’18년 94.8%로 늘었다.",
            "65.0%",
            "가구 스마트폰 보유율",
        ),
        ("(인터넷이용률) 전년 대비 1.2%p 상승한 91.5%로 꾸준히 늘었다.", "91.5%", "인터넷이용률"),
        ("지난 10년 간 이용률은 15.0%p 증가했다.", "15.0%p", "이용률"),
        ("15〜64세 고용률(OECD 비교 기준)은 69.6%였다.", "69.6%", "고용률"),
    ];
    for (text, source, label) in cases {
        let d = draft_text(text, &Style::default());
        let f =
            d.facts.iter().find(|f| f.found.source == *source).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(f.label, *label, "{text}");
    }
}
