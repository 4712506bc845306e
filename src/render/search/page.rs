//! The search page of one language (`search.<lang>.html`): the search box and its results,
//! filled from `?q=` so a search can be shared as a link.

use crate::content::Config;
use crate::render::listing::{index_file, view::LangLink};
use crate::render::ui;
use serde::Serialize;

/// What `templates/search.html` (and the `_search.html` partial it shares with the index
/// pages) sees as `page`.
#[derive(Clone, Debug, Serialize)]
pub struct SearchPageView {
    /// Language.
    pub lang: String,
    /// Publication name.
    pub title: String,
    /// Interface words.
    pub ui: ui::Ui,
    /// The search page in each language.
    pub languages: Vec<LangLink>,
    /// The index page in this language.
    pub home: String,
}

/// The search page in `lang`.
pub fn search_page(lang: &str, config: &Config) -> SearchPageView {
    SearchPageView {
        lang: lang.into(),
        title: crate::render::printable(config.title.get(lang).unwrap_or("yoyak")).into(),
        ui: ui::ui(lang),
        languages: config
            .languages
            .iter()
            .map(|l| LangLink {
                lang: l.clone(),
                name: match ui::ui(l).language_name {
                    "" => l.clone(),
                    n => n.to_string(),
                },
                href: super::page_file(l),
                current: l == lang,
            })
            .collect(),
        home: index_file(lang, config),
    }
}
