//! Stage 1: load `content/*.yaml` and `yoyak.yaml` into typed, validated values.
//!
//! Each briefing file is loaded on its own, so one broken file never hides the others: a
//! [`Loaded`] carries either a briefing or the diagnostics that explain why there is none.

mod config;
mod guard;
mod limits;
pub mod refs;
mod release;
pub mod schema;
mod validate;
pub mod yaml;

pub use crate::text::is_http_url;
pub use config::{CONFIG_FILE, CONFIG_LIMIT, Config, DigestSpec, Format, Limits};
use rayon::prelude::*;
pub use release::{
    Attachment, Contact, ContactRole, Embargo, Layout, Release, ReleaseTime, parse_release_time,
};
pub use validate::{is_id, parse_date};

use crate::diagnostic::Diagnostic;
use crate::numbers::Approx;
pub use crate::numbers::FactValue;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The reserved file in `content/` that holds term pairs instead of a briefing.
pub const GLOSSARY_FILE: &str = "glossary.yaml";

/// A text in several languages: language code → text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(transparent)]
#[schemars(extend("propertyNames" = {"pattern": "^[a-z]{2,3}$"}, "minProperties" = 1))]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// The text in `lang`, if present and not blank.
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.0.get(lang).map(String::as_str).filter(|s| !s.trim().is_empty())
    }
}

/// Where a briefing's content comes from.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Who published the original report or article.
    pub publisher: Text,
    /// The original report's title.
    #[serde(default)]
    pub title: Option<Text>,
    /// Link to the original (http or https).
    #[serde(default)]
    #[schemars(url, pattern("^https?://"))]
    pub url: Option<String>,
}

/// A headed part of the briefing body.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Plain-text heading.
    pub heading: Text,
    /// Markdown body.
    pub body: Text,
}

/// One row of the fact sheet. Its text in every language is generated from `value`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Identifier, `[a-z0-9-]+`, unique within the briefing.
    #[schemars(pattern(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"))]
    pub id: String,
    /// What the number counts.
    pub label: Text,
    /// The number itself.
    pub value: FactValue,
    /// `count`, `percent`, `percentage-points`, `times`, `rank` or an ISO 4217 code.
    #[schemars(extend("examples" = ["count", "percent", "percentage-points", "times", "rank", "KRW", "USD"]))]
    pub unit: String,
    /// Counter or noun that follows the number (`개` / `projects`).
    #[serde(default)]
    pub noun: Option<Text>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(pattern(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))]
    #[schemars(extend("type" = ["string", "integer", "null"]))]
    pub as_of: Option<String>,
    /// Exact (default), about, over or under.
    #[serde(default)]
    pub approx: Option<Approx>,
    /// House-style text that overrides the generated one; must mean the same.
    #[serde(default)]
    pub display: Option<Text>,
    /// Markdown note.
    #[serde(default)]
    pub note: Option<Text>,
}

impl Fact {
    /// The number-engine quantity this fact stands for, with its noun in `lang`; `None` when
    /// its unit is not one the engine knows (validation has reported that already).
    pub fn quantity(&self, lang: &str) -> Option<crate::numbers::Quantity> {
        let unit = crate::numbers::parse_unit(&self.unit)?;
        let noun = self.noun.as_ref().and_then(|n| n.get(lang)).map(str::to_string);
        let approx = self.approx.unwrap_or(Approx::Exact);
        Some(crate::numbers::Quantity { amount: self.value.amount(), unit, approx, noun })
    }
}

/// A picture of several facts.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// Identifier, `[a-z0-9-]+`.
    #[schemars(pattern(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"))]
    pub id: String,
    /// Chart title.
    pub title: Text,
    /// Only `bar` for now.
    #[serde(default = "default_chart_kind")]
    #[schemars(extend("examples" = ["bar"]))]
    pub kind: String,
    /// Ids of the facts to draw, in order.
    #[schemars(inner(pattern(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")))]
    pub facts: Vec<String>,
}

/// A chart without `kind:` is a bar chart.
fn default_chart_kind() -> String {
    "bar".into()
}

/// One briefing, as written in a content file.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Briefing {
    /// `[a-z0-9-]+`; defaults to the file name without `.yaml`.
    #[serde(default)]
    #[schemars(pattern(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"))]
    pub id: String,
    /// Date of the source, `YYYY-MM-DD`.
    #[schemars(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub date: String,
    /// The source.
    pub source: Source,
    /// Title.
    pub title: Text,
    /// Optional lead paragraphs (Markdown).
    #[serde(default)]
    pub lead: Option<Text>,
    /// Key points, 1–7.
    #[schemars(length(min = 1, max = 7))]
    pub summary: Vec<Text>,
    /// Body sections.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// The fact sheet, in display order.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Charts over facts.
    #[serde(default)]
    pub charts: Vec<Chart>,
    /// Tags: digests select by them, and each has a page on the site.
    #[serde(default)]
    #[schemars(inner(pattern(r"^\S([^\n\r\t]*\S)?$"), length(min = 1, max = 50)))]
    pub tags: Vec<String>,
    /// `briefing` (default) or `press-release` (보도자료).
    #[serde(default)]
    pub layout: Layout,
    /// What a press release adds: 보도시점, 배포, organisation, contacts, 붙임.
    #[serde(default)]
    pub release: Option<Release>,
}

impl Briefing {
    /// What index pages, the feed and digest selection read: everything but the lead, the
    /// body, the facts and the charts. The title and key points hold their figure references
    /// written out in each language (the facts they refer to are not kept), so a listing shows
    /// what the edition shows.
    pub fn slim(&self, style: &crate::numbers::Style) -> Briefing {
        let written = |t: &Text| {
            let mut out = t.clone();
            for (lang, text) in out.0.iter_mut() {
                if crate::numbers::refs::has_refs(text) {
                    *text = refs::Resolver::new(self, lang, style).expand(text).text();
                }
            }
            out
        };
        Briefing {
            id: self.id.clone(),
            date: self.date.clone(),
            source: self.source.clone(),
            title: written(&self.title),
            lead: None,
            summary: self.summary.iter().map(written).collect(),
            sections: Vec::new(),
            facts: Vec::new(),
            charts: Vec::new(),
            tags: self.tags.clone(),
            layout: self.layout,
            release: None,
        }
    }

    /// The fact with this id.
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }
}

/// `content/glossary.yaml`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    /// What the glossary is for, per language.
    #[serde(default)]
    pub note: Option<Text>,
    /// Term pairs.
    #[serde(default)]
    pub terms: Vec<BTreeMap<String, String>>,
}

/// The outcome of loading one content file.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// Path relative to the project root, e.g. `content/x.yaml`.
    pub file: PathBuf,
    /// The file's text (for excerpts in diagnostics).
    pub source: String,
    /// The briefing, unless an error stopped it.
    pub briefing: Option<Briefing>,
    /// Where each field sits in the file.
    pub positions: yaml::PositionIndex,
    /// Errors and warnings found while loading.
    pub diagnostics: Vec<Diagnostic>,
    /// Hash of the file's bytes.
    pub hash: String,
    /// Taken from the build cache instead of parsed: `briefing` is [`Briefing::slim`], and
    /// `source` and `positions` are empty. [`load_file`] gives the whole briefing.
    pub reused: bool,
}

impl Loaded {
    /// Whether this file has an error (and so must not be published).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Everything `content/` and `yoyak.yaml` hold.
#[derive(Clone, Debug)]
pub struct Project {
    /// Project root.
    pub root: PathBuf,
    /// Settings from `yoyak.yaml` (defaults when absent).
    pub config: Config,
    /// Every briefing file, sorted by file name.
    pub files: Vec<Loaded>,
    /// The glossary, when `content/glossary.yaml` exists and loads.
    pub glossary: Glossary,
    /// Findings about `yoyak.yaml` and `glossary.yaml`.
    pub diagnostics: Vec<Diagnostic>,
}

impl Project {
    /// Briefings that loaded without errors.
    pub fn briefings(&self) -> impl Iterator<Item = &Briefing> {
        self.files.iter().filter(|f| !f.has_errors()).filter_map(|f| f.briefing.as_ref())
    }

    /// All diagnostics, project-level first, then per file in file order.
    pub fn all_diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().chain(self.files.iter().flat_map(|f| f.diagnostics.iter()))
    }
}

/// Failures that stop loading altogether (as opposed to a broken file, which is a diagnostic).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// There is no `content/` folder.
    #[error("no content folder at {0}: run yoyak in a project folder or pass --root DIR")]
    NoContent(PathBuf),
    /// A project-wide file (`yoyak.yaml`, the glossary, the content folder) could not be
    /// read safely.
    #[error(transparent)]
    Read(#[from] crate::input::ReadError),
}

/// Load the project at `root`: its config, glossary and every briefing file.
pub fn load_project(root: &Path) -> Result<Project, LoadError> {
    load_project_reusing(root, load_config(root)?, &|_| None)
}

/// What [`load_project_reusing`] may take instead of reading and parsing a content file
/// (given its path relative to the root): an earlier [`Loaded`] of the same bytes.
pub type Reuse<'a> = dyn Fn(&Path) -> Option<Loaded> + Sync + 'a;

/// `yoyak.yaml` (defaults when absent) and what is wrong with it. A broken file gives the
/// defaults and its diagnostics; one that cannot be read safely stops the run.
pub fn load_config(root: &Path) -> Result<(Config, Vec<Diagnostic>), LoadError> {
    let Some(src) = read_text(root, Path::new(CONFIG_FILE), CONFIG_LIMIT)? else {
        return Ok((Config::default(), Vec::new()));
    };
    Ok(match config::parse_config(&src) {
        Ok(c) => (c, Vec::new()),
        Err(mut ds) => {
            ds.iter_mut().for_each(|d| d.file = PathBuf::from(CONFIG_FILE));
            (Config::default(), ds)
        }
    })
}

/// [`load_project`] with the project's [`load_config`] already read, taking unchanged files
/// from `reuse` (the build cache) instead of parsing them: an edit rebuild of 1,000 briefings
/// parses one.
pub fn load_project_reusing(
    root: &Path,
    (config, mut diagnostics): (Config, Vec<Diagnostic>),
    reuse: &Reuse,
) -> Result<Project, LoadError> {
    let content_dir = Path::new("content");
    let paths = match crate::input::list(root, content_dir).map_err(LoadError::Read)? {
        Some(paths) => paths,
        None => return Err(LoadError::NoContent(root.join(content_dir))),
    };
    let glossary = load_glossary(root, &config, &mut diagnostics)?;
    let paths: Vec<PathBuf> = paths
        .into_iter()
        .filter(|p| {
            p.extension().is_some_and(|e| e == "yaml" || e == "yml")
                && p.file_name().is_some_and(|n| n != GLOSSARY_FILE)
        })
        .collect();
    // Files parse independently: spread them over the thread pool (order is kept).
    let mut files: Vec<Loaded> = paths
        .into_par_iter()
        .map(|rel| match reuse(&rel) {
            Some(loaded) => loaded,
            None => read_and_load(root, rel, &config),
        })
        .collect();
    validate::check_unique_ids(&mut files);
    Ok(Project { root: root.to_path_buf(), config, files, glossary, diagnostics })
}

/// `content/glossary.yaml`, or an empty glossary (with a diagnostic when it is broken).
fn load_glossary(
    root: &Path,
    config: &Config,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Glossary, LoadError> {
    let rel = Path::new("content").join(GLOSSARY_FILE);
    let Some(src) = read_text(root, &rel, config.limits.file())? else {
        return Ok(Glossary::default());
    };
    Ok(match yaml::parse::<Glossary>(&src, &config.limits) {
        Ok((g, _)) => g,
        Err(mut d) => {
            d.file = rel;
            diagnostics.push(*d);
            Glossary::default()
        }
    })
}

/// A project file as text (lossy), `None` when it does not exist; refused when it is not a
/// regular file inside the project or is over `limit`.
fn read_text(
    root: &Path,
    rel: &Path,
    limit: crate::input::Limit,
) -> Result<Option<String>, LoadError> {
    let bytes = crate::input::read_optional(root, rel, limit).map_err(LoadError::Read)?;
    Ok(bytes.map(|b| String::from_utf8_lossy(&b).into_owned()))
}

/// Read one content file safely and load it; a file that cannot be read is a diagnostic
/// for that file, and the others still load.
pub fn read_and_load(root: &Path, rel: PathBuf, config: &Config) -> Loaded {
    match crate::input::read(root, &rel, config.limits.file()) {
        Ok(bytes) => load_file(rel, bytes, config),
        Err(e) => {
            let fix = match &e {
                crate::input::ReadError::TooLarge { .. } => {
                    "split the briefing, or raise the limit"
                }
                _ => "replace it with a regular file inside the project, or delete it",
            };
            failed(rel, String::new(), Diagnostic::error("Y0113", "", e.to_string(), fix))
        }
    }
}

/// A file that gave no briefing, with the one diagnostic that says why.
fn failed(file: PathBuf, hash: String, mut d: Diagnostic) -> Loaded {
    d.file = file.clone();
    Loaded {
        file,
        source: String::new(),
        briefing: None,
        positions: Default::default(),
        diagnostics: vec![d],
        hash,
        reused: false,
    }
}

/// Load one briefing file from its bytes; never panics, whatever the bytes.
pub fn load_file(file: PathBuf, bytes: Vec<u8>, config: &Config) -> Loaded {
    let hash = crate::hash::hash_parts([bytes.as_slice()]);
    load_hashed(file, bytes, hash, config)
}

/// Why bytes are not UTF-8 text, in the editor's terms.
fn not_utf8(bytes: &[u8], e: &std::string::FromUtf8Error) -> Diagnostic {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let message = if utf16 {
        "the file is UTF-16, not UTF-8".to_string()
    } else {
        format!("the file is not valid UTF-8 (byte {})", e.utf8_error().valid_up_to())
    };
    Diagnostic::error("Y0101", "", message, "save the file as UTF-8")
}

/// Load one content file whose bytes hash to `hash`: decode, parse, validate.
fn load_hashed(file: PathBuf, bytes: Vec<u8>, hash: String, config: &Config) -> Loaded {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let source = match String::from_utf8(bytes) {
        Ok(s) => s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s),
        Err(e) => {
            let d = not_utf8(e.as_bytes(), &e);
            return failed(file, hash, d);
        }
    };
    let (briefing, positions, mut diagnostics) = match parse_briefing(&source, stem, config) {
        Ok((b, positions, ds)) => (b, positions, ds),
        Err(d) => (None, Default::default(), vec![*d]),
    };
    for d in &mut diagnostics {
        d.file = file.clone();
    }
    Loaded { file, source, briefing, positions, diagnostics, hash, reused: false }
}

/// Parsed, guarded and validated briefing with its positions and findings. A briefing over
/// a limit comes back as `None`: nothing costly may read it.
type Parsed = (Option<Briefing>, yaml::PositionIndex, Vec<Diagnostic>);

/// Parse a briefing and validate it, each finding placed at its field's line and column.
fn parse_briefing(source: &str, stem: String, config: &Config) -> Result<Parsed, Box<Diagnostic>> {
    let (mut b, positions) = yaml::parse::<Briefing>(source, &config.limits)?;
    let place = |mut ds: Vec<Diagnostic>| {
        for d in &mut ds {
            if let Some((p, len)) = positions.value(&d.field) {
                (d.position, d.span_len) = (Some(p), len);
            }
        }
        ds
    };
    let over = place(guard::over_limits(&b, &config.limits));
    if !over.is_empty() {
        return Ok((None, positions, over));
    }
    let mut ds = place(guard::exact_values(&mut b, &positions));
    ds.extend(place(guard::control_characters(&b)));
    ds.extend(place(guard::empty_id(&positions, &b.id).into_iter().collect()));
    if b.id.is_empty() {
        b.id = stem;
    }
    ds.extend(validate::validate(&b, &positions, config));
    Ok((Some(b), positions, ds))
}

/// Whether a text field holds plain text or Markdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum TextKind {
    /// Titles, labels, headings: plain text.
    Plain,
    /// Lead, bodies, notes: CommonMark.
    Markdown,
}

impl Briefing {
    /// Every human-readable field with its path, in file order.
    pub fn texts(&self) -> Vec<(String, &Text, TextKind)> {
        use TextKind::*;
        let mut out = vec![("source.publisher".to_string(), &self.source.publisher, Plain)];
        if let Some(t) = &self.source.title {
            out.push(("source.title".into(), t, Plain));
        }
        out.push(("title".into(), &self.title, Plain));
        if let Some(t) = &self.lead {
            out.push(("lead".into(), t, Markdown));
        }
        for (i, t) in self.summary.iter().enumerate() {
            out.push((format!("summary[{i}]"), t, Plain));
        }
        for (i, s) in self.sections.iter().enumerate() {
            out.push((format!("sections[{i}].heading"), &s.heading, Plain));
            out.push((format!("sections[{i}].body"), &s.body, Markdown));
        }
        for (i, f) in self.facts.iter().enumerate() {
            out.push((format!("facts[{i}].label"), &f.label, Plain));
            if let Some(t) = &f.noun {
                out.push((format!("facts[{i}].noun"), t, Plain));
            }
            if let Some(t) = &f.display {
                out.push((format!("facts[{i}].display"), t, Plain));
            }
            if let Some(t) = &f.note {
                out.push((format!("facts[{i}].note"), t, Markdown));
            }
        }
        for (i, c) in self.charts.iter().enumerate() {
            out.push((format!("charts[{i}].title"), &c.title, Plain));
        }
        if let Some(r) = &self.release {
            out.extend(r.texts().into_iter().map(|(path, t)| (path, t, Plain)));
        }
        out
    }
}
