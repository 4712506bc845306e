//! `yoyak.yaml`: the project's languages, number style, digests and site settings.

pub use super::limits::{CONFIG_LIMIT, Limits};
use super::{Text, yaml};
use crate::diagnostic::Diagnostic;
use crate::numbers::Style;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The optional project file at the root.
pub const CONFIG_FILE: &str = "yoyak.yaml";

/// Project settings. Every field has a default, so the file is optional.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Config {
    /// Languages of every edition; the first is the source language.
    #[schemars(length(min = 1), inner(pattern("^[a-z]{2,3}$")))]
    pub languages: Vec<String>,
    /// The publication's name, per language.
    pub title: Text,
    /// Absolute URL where `build/` is published (for the feed).
    #[serde(alias = "base_url")]
    #[schemars(url)]
    pub base_url: Option<String>,
    /// House style for numbers.
    #[schemars(schema_with = "crate::content::schema::number_style")]
    pub numbers: Style,
    /// Named digests.
    pub digests: BTreeMap<String, DigestSpec>,
    /// How many of the newest briefings the Atom feed lists, each in every language (0: all).
    /// Feed readers download the whole feed on every poll: 1,000 briefings made it 3.7 MB.
    pub feed_limit: usize,
    /// Briefings per listing page (the index, and each tag, year and month page): 1–1,000.
    #[schemars(range(min = 1, max = 1000))]
    pub page_size: usize,
    /// Ceilings on what one input may cost (content comes from pull requests).
    pub limits: Limits,
    /// The formats every briefing and digest is written in (default: all four).
    #[schemars(length(min = 1))]
    pub formats: Vec<Format>,
}

/// An output format of briefings and digests.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown (`.md`, with chart SVGs beside it).
    Md,
    /// A web page (`.html`).
    Html,
    /// PDF through typst (`.pdf`).
    Pdf,
    /// 한/글 document (`.hwpx`, KS X 6101 OWPML).
    Hwpx,
}

impl Format {
    /// Every format, in the order the editions link them.
    pub const ALL: [Format; 4] = [Format::Html, Format::Pdf, Format::Hwpx, Format::Md];

    /// The file extension (and the YAML name).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Hwpx => "hwpx",
        }
    }
}

/// Briefings per listing page unless `page-size` says otherwise.
pub const DEFAULT_PAGE_SIZE: usize = 50;

/// The most briefings one listing page may hold.
pub const MAX_PAGE_SIZE: usize = 1000;

/// Briefings in the Atom feed unless `feed-limit` says otherwise.
pub const DEFAULT_FEED_LIMIT: usize = 50;

impl Default for Config {
    fn default() -> Self {
        Config {
            languages: vec!["ko".into(), "en".into()],
            title: Text(
                [
                    ("ko".to_string(), "요약 브리핑".to_string()),
                    ("en".into(), "yoyak briefings".into()),
                ]
                .into_iter()
                .collect(),
            ),
            base_url: None,
            numbers: Style::default(),
            digests: BTreeMap::new(),
            feed_limit: DEFAULT_FEED_LIMIT,
            page_size: DEFAULT_PAGE_SIZE,
            limits: Limits::default(),
            formats: Format::ALL.to_vec(),
        }
    }
}

impl Config {
    /// The source language (the first configured).
    pub fn source_lang(&self) -> &str {
        &self.languages[0]
    }

    /// Whether briefings and digests are written in `format`.
    pub fn writes(&self, format: Format) -> bool {
        self.formats.contains(&format)
    }
}

/// A named selection of briefings published together.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct DigestSpec {
    /// Digest title per language.
    pub title: Option<Text>,
    /// First date included (`YYYY-MM-DD`).
    #[schemars(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub since: Option<String>,
    /// Last date included (`YYYY-MM-DD`).
    #[schemars(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub until: Option<String>,
    /// Only briefings with at least one of these tags.
    pub tags: Vec<String>,
}

/// Parse and check `yoyak.yaml`.
pub fn parse_config(src: &str) -> Result<Config, Vec<Diagnostic>> {
    let (config, index) = yaml::parse::<Config>(src, &Limits::default()).map_err(|d| vec![*d])?;
    let mut ds = Vec::new();
    if config.languages.is_empty() {
        ds.push(Diagnostic::error(
            "Y0104",
            "languages",
            "no languages configured",
            "list at least one language code, the source language first: `languages: [ko, en]`",
        ));
    }
    for (i, lang) in config.languages.iter().enumerate() {
        if !super::validate::is_lang_code(lang) {
            ds.push(Diagnostic::error(
                "Y0102",
                format!("languages[{i}]"),
                format!("`{lang}` is not a language code"),
                "use a two- or three-letter lower-case code such as `ko`, `en`, `ja`",
            ));
        }
    }
    if config.formats.is_empty() {
        ds.push(Diagnostic::error(
            "Y0104",
            "formats",
            "no output formats configured",
            "list at least one of md, html, pdf, hwpx, or remove `formats:` to write all four",
        ));
    }
    if !(1..=MAX_PAGE_SIZE).contains(&config.page_size) {
        ds.push(Diagnostic::error(
            "Y0118",
            "page-size",
            format!("`page-size: {}` is out of range", config.page_size),
            format!("list between 1 and {MAX_PAGE_SIZE} briefings per page (the default is {DEFAULT_PAGE_SIZE})"),
        ));
    }
    for name in config.digests.keys() {
        // The name becomes a file name under build/digest/.
        if !super::validate::is_id(name) {
            ds.push(Diagnostic::error(
                "Y0108",
                format!("digests.{name}"),
                format!("`{name}` is not a valid digest name"),
                "use lower-case letters, digits and dashes only, e.g. `monthly-2026-02`",
            ));
        }
    }
    for d in &mut ds {
        d.position = index.key(&d.field).map(|p| p.0);
    }
    if ds.is_empty() { Ok(config) } else { Err(ds) }
}
