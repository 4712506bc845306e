//! `yoyak import`: from a raw Korean article (as pasted by an editor) to a briefing draft.
//!
//! The article is split into its parts (`structure`): the dateline, the title line,
//! paragraphs, sub-headings and bullet lists, with bylines, e-mail addresses, wire credits,
//! `(끝)` and transmission lines dropped. Every figure is read by the number engine and
//! becomes a draft fact (`figures`), dated by the time expression of its own sentence. The
//! draft is written as YAML by hand (`emit`) so it reads like a file an editor wrote: block
//! scalars for Markdown, `TODO` markers wherever a person has to write or check something.
//!
//! Decisions:
//! - No date in the article: `date: 1970-01-01` with a `# TODO` comment (a valid date, so the
//!   draft loads; the file is named `undated-<slug>.yaml`).
//! - No publisher found: `{ko: "TODO: 발행 기관", en: "TODO: publisher"}`.
//! - No title line: the lead's first sentence is proposed as the title (with a comment).
//! - Paragraphs before the first sub-heading are the lead; an article without sub-headings is
//!   all lead.
//! - `28개 중 25개`: the content format has no ratio value, so the fact is a count of the
//!   part (25) whose label names the whole (`… 28개 중`) and whose note is the sentence.
//! - Every translation is the literal marker `TODO: translate`.

mod emit;
mod figures;
mod structure;

pub use figures::{DraftFact, MAX_NOTE};

use crate::content::{Config, FactValue};
use crate::numbers::{Approx, Style};
use crate::text::is_hangul_syllable;
use emit::Emitter;
use figures::Element;
use std::path::{Path, PathBuf};
use structure::Block;

/// The date written when the article has none (the draft must still load).
pub const UNDATED: &str = "1970-01-01";

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The article has no text.
    #[error("{0}: the article is empty; paste the article text into the file")]
    Empty(String),
    /// The article is not UTF-8.
    #[error("{name}: not valid UTF-8 (byte {offset}); save the article as UTF-8")]
    NotUtf8 {
        /// The article file (or `standard input`).
        name: String,
        /// Where the first invalid byte is.
        offset: usize,
    },
    /// The article could not be read.
    #[error("cannot read {name}: {source}")]
    Read {
        /// The article file (or `standard input`).
        name: String,
        /// Why.
        source: std::io::Error,
    },
    /// The draft's file exists and `--force` was not given.
    #[error("{0} already exists; pass --force to overwrite it, or -o PATH to write elsewhere")]
    Exists(PathBuf),
    /// The draft could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// A section of the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSection {
    /// The sub-heading as written.
    pub heading: String,
    /// Its paragraphs and lists as Markdown.
    pub body: String,
}

/// What `import` recovered from an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The article's date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The body that issued the report or announcement, as written (`한국개발연구원(KDI)`).
    pub publisher: Option<String>,
    /// The title line as it appears in the article, if it has one.
    pub title_line: Option<String>,
    /// The Korean title: the title line, else a proposal from the lead's first sentence.
    pub title: String,
    /// Paragraphs before the first sub-heading, as Markdown.
    pub lead: Option<String>,
    /// Proposed key points (1–3 sentences of the lead).
    pub summary: Vec<String>,
    /// Sub-headings with their bodies.
    pub sections: Vec<DraftSection>,
    /// Every figure as a draft fact, in document order.
    pub facts: Vec<DraftFact>,
    /// `[a-z0-9-]+` from the Latin words of the publisher and title (`spri-ai`), or `draft`.
    pub slug: String,
}

/// Decodes article bytes: UTF-8 (a BOM is dropped), any line ends. `name` is for messages.
pub fn decode(bytes: &[u8], name: &str) -> Result<String, ImportError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| ImportError::NotUtf8 { name: name.to_string(), offset: e.valid_up_to() })?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n").replace('\u{feff}', "");
    if text.trim().is_empty() {
        return Err(ImportError::Empty(name.to_string()));
    }
    Ok(text)
}

/// Reads an article (bytes as in a file) into a draft. `style` is the project's number style
/// (used for the whole of a ratio in its label).
pub fn draft(bytes: &[u8], name: &str, style: &Style) -> Result<Draft, ImportError> {
    let text = decode(bytes, name)?;
    Ok(draft_text(&text, style))
}

/// A draft from decoded article text (never fails, never panics).
pub fn draft_text(text: &str, style: &Style) -> Draft {
    let article = structure::parse(text);

    // Figures: title and headings restate, paragraphs and list items carry.
    let mut elements: Vec<Element> = Vec::new();
    if let Some(t) = &article.title {
        elements.push(Element { text: t, heading: true });
    }
    for b in &article.blocks {
        match b {
            Block::Para(p) => elements.push(Element { text: p, heading: false }),
            Block::Heading(h) => elements.push(Element { text: h, heading: true }),
            Block::List(items) => {
                elements.extend(items.iter().map(|(_, t)| Element { text: t, heading: false }))
            }
        }
    }
    let facts = figures::facts(&elements, article.date, style);

    // Lead and sections.
    let mut lead_blocks: Vec<&Block> = Vec::new();
    let mut sections: Vec<(String, Vec<&Block>)> = Vec::new();
    for b in &article.blocks {
        match b {
            Block::Heading(h) => sections.push((h.clone(), Vec::new())),
            b => match sections.last_mut() {
                Some((_, body)) => body.push(b),
                None => lead_blocks.push(b),
            },
        }
    }
    let lead = (!lead_blocks.is_empty()).then(|| markdown(&lead_blocks));
    let sections: Vec<DraftSection> = sections
        .into_iter()
        .map(|(heading, body)| DraftSection { heading, body: markdown(&body) })
        .collect();

    // Title and key points from the lead's sentences.
    let sentences_of = |blocks: &mut dyn Iterator<Item = &Block>| -> Vec<String> {
        blocks
            .filter_map(|b| match b {
                Block::Para(p) => Some(p),
                _ => None,
            })
            .flat_map(|p| figures::sentences(p).into_iter().map(|r| p[r].trim().to_string()))
            .filter(|s| !s.is_empty())
            .collect()
    };
    let mut lead_sentences = sentences_of(&mut lead_blocks.iter().copied());
    if lead_sentences.is_empty() {
        lead_sentences = sentences_of(&mut article.blocks.iter());
    }
    let title_line = article.title.clone();
    let (title, skip) = match &title_line {
        Some(t) => (t.clone(), 0),
        None => match lead_sentences.first() {
            Some(s) => (s.trim_end_matches(['.', '。']).trim().to_string(), 1),
            None => (first_text(&article.blocks).unwrap_or_else(|| "TODO: 제목".into()), 0),
        },
    };
    let title = if title.trim().is_empty() { "TODO: 제목".to_string() } else { title };
    let mut summary: Vec<String> = Vec::new();
    for s in lead_sentences.iter().skip(skip) {
        if summary.len() == 3 {
            break;
        }
        if !summary.contains(s) {
            summary.push(s.clone());
        }
    }
    if summary.is_empty() {
        summary.push(lead_sentences.first().cloned().unwrap_or_else(|| title.clone()));
    }

    let publisher = publisher(&article.blocks);
    let slug = slug(publisher.as_deref(), &title);
    let date = article.date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
    Draft { date, publisher, title_line, title, lead, summary, sections, facts, slug }
}

/// The text of the first block, for a title when there is nothing better.
fn first_text(blocks: &[Block]) -> Option<String> {
    blocks.iter().find_map(|b| match b {
        Block::Para(t) | Block::Heading(t) => Some(t.clone()),
        Block::List(items) => items.first().map(|(_, t)| t.clone()),
    })
}

/// Paragraphs and lists as Markdown: text escaped, lists as `-` items indented per level.
fn markdown(blocks: &[&Block]) -> String {
    let mut parts = Vec::new();
    for b in blocks {
        match b {
            Block::Para(p) | Block::Heading(p) => parts.push(escape_markdown(p)),
            Block::List(items) => parts.push(
                items
                    .iter()
                    .map(|(level, t)| format!("{}- {}", "  ".repeat(*level), escape_markdown(t)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        }
    }
    parts.join("\n\n")
}

/// Plain text as a Markdown paragraph that renders as the same text: inline markup characters
/// get a backslash, and so does anything that would start a block (`#`, `>`, `-`, `1.`).
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    // `&amp;` and the like: an entity reference would turn into its character.
    let mut i = 0;
    while let Some(at) = out[i..].find('&').map(|a| a + i) {
        let rest = &out[at + 1..];
        let name = rest.trim_start_matches('#');
        let len = name.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(name.len());
        if len > 0 && name[len..].starts_with(';') {
            out.insert(at, '\\');
            i = at + 2;
        } else {
            i = at + 1;
        }
    }
    // Block starts: only the first character of the paragraph can open one.
    if out.starts_with(['#', '-', '+', '=', '~']) {
        out.insert(0, '\\');
    } else if let Some(end) = out.find(|c: char| !c.is_ascii_digit())
        && end > 0
        && out[end..].starts_with(['.', ')'])
    {
        out.insert(end, '\\');
    }
    out
}

/// Endings of Korean organisation names: institutes, agencies, ministries, banks.
const ORG_ENDINGS: &[&str] = &[
    "연구소",
    "연구원",
    "진흥원",
    "개발원",
    "정보원",
    "평가원",
    "감독원",
    "관리원",
    "분석원",
    "연구회",
    "위원회",
    "협의회",
    "연합회",
    "진흥회",
    "협회",
    "재단",
    "공사",
    "공단",
    "은행",
    "센터",
    "기구",
    "학회",
    "청",
    "처",
    "부",
];

/// Words ending like an organisation that are none.
const NOT_ORGS: &[&str] = &[
    "정부", "일부", "내부", "외부", "전부", "본부", "세부", "여부", "간부", "학부", "상부", "하부",
];

/// The organisation that issued what the article reports: the first name with an acronym in
/// parentheses (`소프트웨어정책연구소(SPRi)가`), else the first organisation that is the subject
/// of a sentence (`중소벤처기업부는`). The title is not searched (headlines abbreviate).
fn publisher(blocks: &[Block]) -> Option<String> {
    let texts: Vec<&str> = blocks
        .iter()
        .flat_map(|b| match b {
            Block::Para(p) => vec![p.as_str()],
            Block::List(items) => items.iter().map(|(_, t)| t.as_str()).collect(),
            Block::Heading(_) => vec![],
        })
        .collect();
    for with_acronym in [true, false] {
        for t in &texts {
            if let Some(name) = find_org(t, with_acronym) {
                return Some(name);
            }
        }
    }
    None
}

/// The first organisation name in `text`, with an `(ACRONYM)` after it when `with_acronym`.
fn find_org(text: &str, with_acronym: bool) -> Option<String> {
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else { break };
        if !is_hangul_syllable(c) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let run: usize =
            text[start..].chars().take_while(|c| is_hangul_syllable(*c)).map(char::len_utf8).sum();
        i = start + run;
        let glued_before = text[..start].chars().next_back().is_some_and(|p| p.is_alphanumeric());
        if glued_before {
            continue;
        }
        let word = &text[start..i];
        // The name is the run, or the run less a particle (`중소벤처기업부는`).
        let mut candidates = vec![(word, "")];
        for p in ["은", "는", "이", "가", "의", "도"] {
            if let Some(stem) = word.strip_suffix(p) {
                candidates.push((stem, p));
            }
        }
        for (name, particle) in candidates {
            if !is_org(name) {
                continue;
            }
            let after = &text[start + name.len()..];
            if with_acronym && particle.is_empty() {
                let Some(inner) = after.strip_prefix('(') else { continue };
                let Some(close) = inner.find(')') else { continue };
                let acronym = &inner[..close];
                let ok = (1..=15).contains(&acronym.chars().count())
                    && acronym.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '&');
                let rest = &inner[close + 1..];
                let subject = ["은", "는", "이", "가", "의", "도", "에", ",", " "]
                    .iter()
                    .any(|p| rest.starts_with(p))
                    || rest.is_empty();
                if ok && subject && !rest.starts_with(' ') {
                    return Some(format!("{name}({acronym})"));
                }
            } else if !with_acronym
                && !particle.is_empty()
                && ["은", "는", "이", "가"].contains(&particle)
            {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// Whether a Hangul word names an organisation.
fn is_org(w: &str) -> bool {
    let n = w.chars().count();
    n >= 3
        && !NOT_ORGS.iter().any(|x| w.ends_with(x))
        && ORG_ENDINGS.iter().any(|e| w.ends_with(e) && n > e.chars().count())
}

/// `[a-z0-9-]+` from the Latin words of the publisher and the title, at most four words.
fn slug(publisher: Option<&str>, title: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for text in [publisher.unwrap_or(""), title] {
        let mut word = String::new();
        for c in text.chars().chain(std::iter::once(' ')) {
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
            } else if !word.is_empty() {
                let w = std::mem::take(&mut word);
                if !w.starts_with(|c: char| c.is_ascii_digit())
                    && !words.contains(&w)
                    && words.len() < 4
                {
                    words.push(w);
                }
            }
        }
    }
    if words.is_empty() { "draft".to_string() } else { words.join("-") }
}

impl Draft {
    /// The briefing id and file stem: `<date>-<slug>`, or `undated-<slug>`.
    pub fn id(&self) -> String {
        format!("{}-{}", self.date.as_deref().unwrap_or("undated"), self.slug)
    }

    /// The draft as a content file. `languages` are the project's (the first is the source
    /// language, written from the article; the others get `TODO: translate`); `origin` names
    /// the article in the header comment.
    pub fn to_yaml(&self, languages: &[String], origin: &str) -> String {
        let mut langs: Vec<String> = vec!["ko".to_string()];
        langs.extend(languages.iter().filter(|l| *l != "ko").cloned());
        let mut e = Emitter { out: String::new(), langs };
        e.line(0, crate::content::schema::MODELINE);
        e.line(0, &format!("# Draft from `yoyak import` of {}.", emit::comment(origin)));
        e.line(
            0,
            "# Check every field against the article, replace each TODO (\"TODO: translate\" in",
        );
        e.line(0, "# every translation), then run `yoyak check` and delete these comments.");
        e.line(0, "");
        e.line(0, &format!("id: {}", self.id()));
        match &self.date {
            Some(d) => e.line(0, &format!("date: {d}")),
            None => e.line(
                0,
                &format!(
                    "date: {UNDATED}  # TODO: the article has no date; write the report's date"
                ),
            ),
        }
        e.line(0, "");
        e.line(0, "source:");
        match &self.publisher {
            Some(p) => e.flow_text(2, "publisher", p, None, None),
            None => {
                let langs = e.langs.clone();
                let parts: Vec<String> = langs
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let v = if i == 0 { "TODO: 발행 기관" } else { "TODO: publisher" };
                        format!("{l}: {}", emit::quoted(v))
                    })
                    .collect();
                e.line(
                    2,
                    &format!(
                        "publisher: {{{}}}  # TODO: no publisher found in the article",
                        parts.join(", ")
                    ),
                );
            }
        }
        e.line(0, "");
        let note = self
            .title_line
            .is_none()
            .then_some("TODO: proposed from the lead's first sentence; shorten it");
        e.flow_text(0, "title", &self.title, None, note);
        if let Some(lead) = &self.lead {
            e.line(0, "");
            e.block_text(0, "lead", lead, None);
        }
        e.line(0, "");
        e.line(0, "summary:  # TODO: proposed from the lead; rewrite as 1-7 key points");
        for s in &self.summary {
            e.line(2, &format!("- ko: {}", emit::quoted(s)));
            let langs = e.langs.clone();
            for l in &langs[1..] {
                e.line(4, &format!("{l}: {}", emit::quoted(emit::TODO_TRANSLATE)));
            }
        }
        if !self.sections.is_empty() {
            e.line(0, "");
            e.line(0, "sections:");
            for s in &self.sections {
                e.flow_text(2, "- heading", &s.heading, None, None);
                e.block_text(4, "body", &s.body, None);
            }
        }
        if !self.facts.is_empty() {
            e.line(0, "");
            e.line(
                0,
                "facts:  # every figure of the article; delete the ones the briefing does not need",
            );
            for f in &self.facts {
                self.fact_yaml(&mut e, f);
            }
        }
        e.out
    }

    fn fact_yaml(&self, e: &mut Emitter, f: &DraftFact) {
        e.line(
            2,
            &format!("- id: {}  # {}", f.id, emit::comment(&format!("원문: {}", f.found.source))),
        );
        let label_note = f.label.starts_with("TODO").then_some("TODO: name what the figure counts");
        e.flow_text(4, "label", &f.label, None, label_note);
        let value = match &f.value {
            FactValue::Single(v) => v.to_string(),
            FactValue::Range(lo, hi) => format!("[{lo}, {hi}]"),
        };
        match &f.found.quantity.amount {
            crate::numbers::Amount::Ratio { part, whole } => e.line(
                4,
                &format!(
                    "value: {value}  # {part} of {whole}: the content format has no ratio value"
                ),
            ),
            _ => e.line(4, &format!("value: {value}")),
        }
        e.line(4, &format!("unit: {}", f.unit));
        if let Some(noun) = &f.found.quantity.noun {
            e.flow_text(4, "noun", noun, None, None);
        }
        if let Some(as_of) = &f.as_of {
            e.line(4, &format!("as_of: {}", emit::quoted(as_of)));
        }
        let approx = match f.found.quantity.approx {
            Approx::Exact => None,
            Approx::About => Some("about"),
            Approx::Over => Some("over"),
            Approx::Under => Some("under"),
            Approx::Some => Some("some"),
        };
        if let Some(a) = approx {
            e.line(4, &format!("approx: {a}"));
        }
        e.block_text(4, "note", &escape_markdown(&f.note), None);
    }
}

/// What `yoyak import` is asked to do.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// The article file; `-` reads standard input.
    pub article: PathBuf,
    /// The project folder (its `yoyak.yaml` gives the languages and number style).
    pub root: PathBuf,
    /// Where to write: default `<root>/content/<id>.yaml`; `-` means standard output.
    pub output: Option<PathBuf>,
    /// Overwrite an existing file.
    pub force: bool,
}

/// What `yoyak import` did.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The draft.
    pub draft: Draft,
    /// Its YAML text.
    pub yaml: String,
    /// The file written, or `None` when the YAML is for standard output.
    pub written: Option<PathBuf>,
    /// Things the user should know (an unreadable `yoyak.yaml`).
    pub warnings: Vec<String>,
}

/// The largest article `import` reads (a long report as text is a few hundred kilobytes).
pub const ARTICLE_LIMIT: u64 = 16 << 20;

/// The article's bytes from a file or standard input, refusing more than [`ARTICLE_LIMIT`].
fn read_article(path: &Path, stdin: bool) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let source: Box<dyn Read> = match stdin {
        true => Box::new(std::io::stdin()),
        false => Box::new(std::fs::File::open(path)?),
    };
    let mut bytes = Vec::new();
    source.take(ARTICLE_LIMIT + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > ARTICLE_LIMIT {
        let message = format!(
            "the article is over {} MiB; import takes one report at a time",
            ARTICLE_LIMIT >> 20
        );
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, message));
    }
    Ok(bytes)
}

/// Reads the article, drafts it and writes the draft (unless it goes to standard output).
pub fn run(opts: &ImportOptions) -> Result<Imported, ImportError> {
    let stdin = opts.article == Path::new("-");
    let name =
        if stdin { "standard input".to_string() } else { opts.article.display().to_string() };
    let bytes = read_article(&opts.article, stdin)
        .map_err(|source| ImportError::Read { name: name.clone(), source })?;
    let mut warnings = Vec::new();
    let config = project_config(&opts.root, &mut warnings);
    let draft = draft(&bytes, &name, &config.numbers)?;
    let origin = if stdin {
        name.clone()
    } else {
        opts.article.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or(name)
    };
    let yaml = draft.to_yaml(&config.languages, &origin);
    let target = match &opts.output {
        Some(p) if p == Path::new("-") => None,
        Some(p) => Some(p.clone()),
        None => Some(opts.root.join("content").join(format!("{}.yaml", draft.id()))),
    };
    if let Some(path) = &target {
        if path.exists() && !opts.force {
            return Err(ImportError::Exists(path.clone()));
        }
        crate::output::write_atomic(path, yaml.as_bytes())
            .map_err(|source| ImportError::Write { path: path.clone(), source })?;
    }
    Ok(Imported { draft, yaml, written: target, warnings })
}

/// The project's `yoyak.yaml`, or the defaults (with a warning when it does not load).
fn project_config(root: &Path, warnings: &mut Vec<String>) -> Config {
    let path = root.join(crate::content::CONFIG_FILE);
    match crate::content::load_config(root) {
        Ok((c, ds)) if ds.is_empty() => c,
        _ => {
            warnings.push(format!(
                "{} does not load; the draft uses the default languages (ko, en) and number style",
                path.display()
            ));
            Config::default()
        }
    }
}
