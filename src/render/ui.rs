//! The fixed words of an edition (headings such as "Key points"), per language.
//!
//! Built in for the languages we know; any other configured language falls back to English
//! words around its own content, so adding a language never breaks a build.

use serde::Serialize;

/// Interface strings for one edition.
#[derive(Clone, Debug, Serialize)]
pub struct Ui {
    /// "Key points".
    pub key_points: &'static str,
    /// "Fact sheet".
    pub fact_sheet: &'static str,
    /// "Source".
    pub source: &'static str,
    /// "As of".
    pub as_of: &'static str,
    /// "Label" column prefix.
    pub label: &'static str,
    /// "Value" column prefix.
    pub value: &'static str,
    /// Shown where a translation is missing.
    pub missing: &'static str,
    /// "Published".
    pub date: &'static str,
    /// "Other editions".
    pub editions: &'static str,
    /// "Page".
    pub page: &'static str,
    /// "Briefings" (index page).
    pub briefings: &'static str,
    /// "Charts".
    pub charts: &'static str,
    /// "Made with yoyak" credit.
    pub generated: &'static str,
    /// "Contents".
    pub contents: &'static str,
    /// "Period".
    pub period: &'static str,
    /// "Combined fact sheet".
    pub combined_facts: &'static str,
    /// "Digests".
    pub digests: &'static str,
    /// "Briefing".
    pub briefing: &'static str,
    /// "Languages".
    pub languages: &'static str,
    /// Name of the language itself (한국어, English).
    pub language_name: &'static str,
    /// "Tags".
    pub tags: &'static str,
    /// "Tag" (before a tag page's tag).
    pub tag: &'static str,
    /// "Years".
    pub years: &'static str,
    /// "Browse by tag and year" (the overview page).
    pub archive: &'static str,
    /// "Previous page".
    pub previous: &'static str,
    /// "Next page".
    pub next: &'static str,
    /// "Pages" (the pagination's label).
    pub pagination: &'static str,
    /// "Skip to content".
    pub skip: &'static str,
    /// "Search" (the search box's label).
    pub search: &'static str,
    /// What the search box takes: words, numbers.
    pub search_hint: &'static str,
    /// How many briefings match; `{n}` is the number.
    pub search_count: &'static str,
    /// When none matches.
    pub search_none: &'static str,
}

/// The interface strings for `lang`: a language without its own words gets the English ones
/// (and no name of its own to show in the language switcher).
pub fn ui(lang: &str) -> Ui {
    match lang {
        "ko" => KO,
        "ja" => JA,
        "zh" => ZH,
        "en" => EN,
        _ => Ui { language_name: "", ..EN },
    }
}

/// The Korean words.
const KO: Ui = Ui {
    key_points: "핵심 요약",
    fact_sheet: "주요 수치",
    source: "출처",
    as_of: "기준",
    label: "항목",
    value: "수치",
    missing: "번역 없음",
    date: "발행일",
    editions: "다른 판",
    page: "쪽",
    briefings: "브리핑",
    charts: "차트",
    generated: "yoyak으로 생성",
    contents: "목차",
    period: "기간",
    combined_facts: "종합 주요 수치",
    digests: "다이제스트",
    briefing: "브리핑",
    languages: "언어",
    language_name: "한국어",
    tags: "태그",
    tag: "태그",
    years: "연도",
    archive: "태그·연도별 보기",
    previous: "이전 쪽",
    next: "다음 쪽",
    pagination: "쪽 이동",
    skip: "본문 바로가기",
    search: "검색",
    search_hint: "단어나 수치로 검색 (예: 오픈소스, 432만)",
    search_count: "{n}건",
    search_none: "찾는 브리핑이 없습니다",
};

/// The Japanese words.
const JA: Ui = Ui {
    key_points: "要点",
    fact_sheet: "主要な数値",
    source: "出典",
    as_of: "基準",
    label: "項目",
    value: "数値",
    missing: "翻訳なし",
    date: "発行日",
    editions: "他の版",
    page: "ページ",
    briefings: "ブリーフィング",
    charts: "グラフ",
    generated: "yoyakで生成",
    contents: "目次",
    period: "期間",
    combined_facts: "主要な数値一覧",
    digests: "ダイジェスト",
    briefing: "ブリーフィング",
    languages: "言語",
    language_name: "日本語",
    tags: "タグ",
    tag: "タグ",
    years: "年",
    archive: "タグ・年別に見る",
    previous: "前のページ",
    next: "次のページ",
    pagination: "ページ",
    skip: "本文へ移動",
    search: "検索",
    search_hint: "語句や数値で検索",
    search_count: "{n}件",
    search_none: "該当するブリーフィングはありません",
};

/// The Chinese words.
const ZH: Ui = Ui {
    key_points: "要点",
    fact_sheet: "主要数据",
    source: "来源",
    as_of: "截至",
    label: "项目",
    value: "数值",
    missing: "缺少翻译",
    date: "发布日期",
    editions: "其他版本",
    page: "页",
    briefings: "简报",
    charts: "图表",
    generated: "由 yoyak 生成",
    contents: "目录",
    period: "期间",
    combined_facts: "综合数据",
    digests: "摘要",
    briefing: "简报",
    languages: "语言",
    language_name: "中文",
    tags: "标签",
    tag: "标签",
    years: "年份",
    archive: "按标签和年份浏览",
    previous: "上一页",
    next: "下一页",
    pagination: "分页",
    skip: "跳到正文",
    search: "搜索",
    search_hint: "按词语或数字搜索",
    search_count: "{n} 条结果",
    search_none: "没有匹配的简报",
};

/// The English words.
const EN: Ui = Ui {
    key_points: "Key points",
    fact_sheet: "Fact sheet",
    source: "Source",
    as_of: "As of",
    label: "Label",
    value: "Value",
    missing: "translation missing",
    date: "Published",
    editions: "Other editions",
    page: "Page",
    briefings: "Briefings",
    charts: "Charts",
    generated: "Generated with yoyak",
    contents: "Contents",
    period: "Period",
    combined_facts: "Combined fact sheet",
    digests: "Digests",
    briefing: "Briefing",
    languages: "Languages",
    language_name: "English",
    tags: "Tags",
    tag: "Tag",
    years: "Years",
    archive: "Browse by tag and year",
    previous: "Previous page",
    next: "Next page",
    pagination: "Pages",
    skip: "Skip to content",
    search: "Search",
    search_hint: "Words or numbers, e.g. open source, 4.32 million",
    search_count: "Matches: {n}",
    search_none: "No briefing matches",
};
