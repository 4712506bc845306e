//! `sitemap.xml`: every HTML page of the site at its absolute address, each with its editions
//! in the other languages (`xhtml:link` alternates), as the overridable `sitemap.xml`
//! template reads it (as `sitemap`).

use super::meta::Alternate;
use serde::Serialize;

/// One page in one language.
#[derive(Clone, Debug, Serialize)]
pub struct SitemapUrl {
    /// Absolute address.
    pub loc: String,
    /// `YYYY-MM-DD` of the newest briefing it shows, when known.
    pub lastmod: Option<String>,
    /// The page in every language and `x-default` (none with one language).
    pub alternates: Vec<Alternate>,
}

/// The sitemap.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SitemapView {
    /// Every page, in the order added.
    pub urls: Vec<SitemapUrl>,
}

impl SitemapView {
    /// Add a page in every language: `paths` are (language, path under `build/`), source
    /// language first; `base` is the site's address ending in `/`.
    pub fn add(&mut self, base: &str, paths: &[(String, String)], lastmod: Option<&str>) {
        let mut alternates = Vec::new();
        if paths.len() > 1 {
            alternates = paths
                .iter()
                .map(|(l, p)| Alternate { hreflang: l.clone(), href: format!("{base}{p}") })
                .collect();
            if let Some((_, source)) = paths.first() {
                alternates.push(Alternate {
                    hreflang: "x-default".into(),
                    href: format!("{base}{source}"),
                });
            }
        }
        for (_, p) in paths {
            self.urls.push(SitemapUrl {
                loc: format!("{base}{p}"),
                lastmod: lastmod.map(str::to_string),
                alternates: alternates.clone(),
            });
        }
    }
}
