//! Property tests: any article text drafts a briefing that loads without errors, and any
//! bytes give a draft or an error, never a panic.

use proptest::prelude::*;
use std::path::PathBuf;
use yoyak::content::{Config, load_file};
use yoyak::import::draft;
use yoyak::numbers::Style;

/// Hangul, digits, big units, tildes, full-width digits, blank lines, bullets, metadata.
fn article_text() -> impl Strategy<Value = String> {
    let pool: Vec<&'static str> = vec![
        "가",
        "기업",
        "은",
        "는",
        "의",
        "를",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "1",
        "2",
        "9",
        "0",
        "12",
        "4,320",
        "47.3",
        "만",
        "억",
        "조",
        "천",
        "개",
        "명",
        "곳",
        "원",
        " 달러",
        "%",
        "%p",
        "배",
        "위",
        "대",
        "년",
        "월",
        "일",
        "~",
        "∼",
        "〜",
        "～",
        "１２３",
        "％",
        "△",
        "□",
        "○",
        "·",
        "- ",
        ".",
        ". ",
        ",",
        "(",
        ")",
        "\"",
        "'",
        "약 ",
        " 이상",
        "여",
        "수",
        " 중 ",
        "지난해 ",
        "올해 ",
        " date 2026-02-15 ",
        "입력 2026.03.18 10:30\n",
        "(끝)",
        "\n2026/03/17 11:00 송고",
        " 기자 ",
        "a@b.co",
        "(서울=연합뉴스) ",
        "연구원(KDI)은 ",
        "#",
        "*",
        "`",
        "&amp;",
        "<b>",
        "\\",
        ":",
        "\t",
        "\u{feff}",
        "\u{0}",
        "\u{85}",
        "\u{2028}",
        "---",
        "이번 ",
        "보다",
        "넘어섰다",
    ];
    prop::collection::vec(
        prop_oneof![
            8 => prop::sample::select(pool).prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
        ],
        0..160,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Import never panics, and whatever it drafts loads as a briefing without errors.
    #[test]
    fn any_article_drafts_a_loadable_briefing(text in article_text()) {
        match draft(text.as_bytes(), "prop", &Style::default()) {
            Ok(mut d) => {
                let config = Config::default();
                let _ = yoyak::import::fit(&mut d, &config.limits);
                let yaml = d.to_yaml(&config.languages, "prop");
                let loaded = load_file(PathBuf::from("content/prop.yaml"), yaml.clone().into_bytes(), &config);
                let errors: Vec<_> = loaded.diagnostics.iter().filter(|x| x.is_error()).collect();
                prop_assert!(errors.is_empty(), "{:#?}\n{}", errors, yaml);
            }
            Err(e) => prop_assert!(text.trim().replace('\u{feff}', "").trim().is_empty(), "{e}"),
        }
    }

    /// Arbitrary bytes: an error or a draft, never a panic.
    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = draft(&bytes, "bytes", &Style::default());
    }
}
