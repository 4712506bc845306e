//! What the `<head>` of every HTML page says about it (the `_head.html` partial reads it as
//! `meta`): the canonical address, the page in the other languages, and the link preview.

use crate::content::Config;
use serde::Serialize;

/// The published address of `build/`, ending in `/`, when `base_url` is set.
pub fn base_url(config: &Config) -> Option<String> {
    Some(format!("{}/", config.base_url.as_deref()?.trim().trim_end_matches('/')))
}

/// `to` (relative to `build/`) as a link from the page at `from` (relative to `build/`).
pub fn relative(from: &str, to: &str) -> String {
    format!("{}{to}", "../".repeat(from.matches('/').count()))
}

/// The Open Graph locale of a language (`ko_KR`, `en_US`), or the code itself.
pub fn locale(lang: &str) -> String {
    match lang {
        "ko" => "ko_KR".into(),
        "en" => "en_US".into(),
        "ja" => "ja_JP".into(),
        "zh" => "zh_CN".into(),
        other => other.into(),
    }
}

/// One `<link rel="alternate" hreflang>`: the page in a language (or `x-default`).
#[derive(Clone, Debug, Serialize)]
pub struct Alternate {
    /// A language code, or `x-default` (the source-language page).
    pub hreflang: String,
    /// Absolute with `base_url`, else relative to the page.
    pub href: String,
}

/// The head lines of one HTML page.
#[derive(Clone, Debug, Serialize)]
pub struct PageMeta {
    /// The page's language.
    pub lang: String,
    /// Its Open Graph locale (`ko_KR`).
    pub locale: String,
    /// The other languages' locales (`og:locale:alternate`).
    pub other_locales: Vec<String>,
    /// The title a shared link shows.
    pub title: String,
    /// One line on what the page holds (`description`, `og:description`).
    pub description: String,
    /// `article` (a briefing) or `website` (lists and digests).
    pub og_type: &'static str,
    /// The publication's name (`og:site_name`).
    pub site_name: String,
    /// The page's absolute address, when `base_url` is set.
    pub url: Option<String>,
    /// The page in every language (this one included) and `x-default`; none with one language.
    pub alternates: Vec<Alternate>,
}

/// What a page says about itself: its text, and where it and its language editions live.
pub struct PageText<'a> {
    /// The page's language.
    pub lang: &'a str,
    /// Title for link previews.
    pub title: String,
    /// One line on the page.
    pub description: String,
    /// `article` or `website`.
    pub og_type: &'static str,
    /// Per configured language, in configured order: that edition's path under `build/`.
    pub paths: Vec<(String, String)>,
}

/// The head lines of the page `text` describes.
pub fn page_meta(text: PageText, config: &Config) -> PageMeta {
    let base = base_url(config);
    let here = text.paths.iter().find(|(l, _)| l == text.lang).map_or("", |(_, p)| p.as_str());
    let href = |path: &str| match &base {
        Some(b) => format!("{b}{path}"),
        None => relative(here, path),
    };
    let mut alternates: Vec<Alternate> = Vec::new();
    if text.paths.len() > 1 {
        alternates = text
            .paths
            .iter()
            .map(|(l, p)| Alternate { hreflang: l.clone(), href: href(p) })
            .collect();
        if let Some((_, source)) = text.paths.first() {
            alternates.push(Alternate { hreflang: "x-default".into(), href: href(source) });
        }
    }
    let site_name = super::printable(config.title.get(text.lang).unwrap_or("yoyak")).into();
    PageMeta {
        lang: text.lang.to_string(),
        locale: locale(text.lang),
        other_locales: text
            .paths
            .iter()
            .filter(|(l, _)| l != text.lang)
            .map(|(l, _)| locale(l))
            .collect(),
        title: super::printable(&text.title).into(),
        description: first_line(&text.description),
        og_type: text.og_type,
        site_name,
        url: base.as_ref().map(|b| format!("{b}{here}")),
        alternates,
    }
}

/// The first line of `s`, trimmed, without control characters.
pub fn first_line(s: &str) -> String {
    super::printable(s.trim().lines().next().unwrap_or("").trim()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_climb_out_of_the_page_s_folder() {
        assert_eq!(relative("index.html", "tag/a.ko.html"), "tag/a.ko.html");
        assert_eq!(relative("tag/a.ko.html", "index.html"), "../index.html");
        assert_eq!(relative("x/x.ko.html", "x/x.en.html"), "../x/x.en.html");
    }

    #[test]
    fn alternates_name_every_language_and_the_source_as_default() {
        let mut config = Config::default();
        let paths = vec![("ko".into(), "a/a.ko.html".into()), ("en".into(), "a/a.en.html".into())];
        let text = |paths: Vec<(String, String)>| PageText {
            lang: "en",
            title: "T".into(),
            description: " first\nsecond".into(),
            og_type: "article",
            paths,
        };
        let m = page_meta(text(paths.clone()), &config);
        assert_eq!(m.url, None);
        assert_eq!(m.description, "first");
        let hrefs: Vec<_> = m.alternates.iter().map(|a| (&*a.hreflang, &*a.href)).collect();
        assert_eq!(
            hrefs,
            [("ko", "../a/a.ko.html"), ("en", "../a/a.en.html"), ("x-default", "../a/a.ko.html")]
        );
        config.base_url = Some("https://x.example/site".into());
        let m = page_meta(text(paths), &config);
        assert_eq!(m.url.as_deref(), Some("https://x.example/site/a/a.en.html"));
        assert_eq!(m.alternates[2].href, "https://x.example/site/a/a.ko.html");
        assert_eq!(
            (m.locale.as_str(), m.other_locales.as_slice()),
            ("en_US", &["ko_KR".into()][..])
        );
        assert!(
            page_meta(text(vec![("en".into(), "i.html".into())]), &config).alternates.is_empty()
        );
    }
}
