//! The pipeline's middle: decoded article text → its parts (`structure`) → draft facts
//! (`figures`), lead and sections as Markdown (`body`), a title and key points from the lead,
//! the publisher and the file's slug.

use super::figures::{self, DraftFact, Element};
use super::formats::{self, Extracted};
use super::structure::{self, Article, Block};
use super::table::CellFigure;
use super::{ImportError, body, decode, publisher, sentences};
use crate::numbers::Style;

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

/// Reads an article (bytes as in a file) into a draft. `style` is the project's number style
/// (used for the whole of a ratio in its label).
pub fn draft(bytes: &[u8], name: &str, style: &Style) -> Result<Draft, ImportError> {
    let text = decode(bytes, name)?;
    Ok(draft_text(&text, style))
}

/// A draft from decoded article text (never fails, never panics).
pub fn draft_text(text: &str, style: &Style) -> Draft {
    draft_text_dated(text, style, None)
}

/// A draft from decoded article text dated `given` (`--date`) when that is `Some`, else by
/// the article's own dateline.
pub fn draft_text_dated(text: &str, style: &Style, given: Option<(i32, u8, u8)>) -> Draft {
    draft_extracted(&Extracted { text: text.to_string(), tables: Vec::new() }, style, given)
}

/// A draft from what a format reader extracted: article text with table markers, and the
/// tables they stand for.
pub(crate) fn draft_extracted(
    extracted: &Extracted,
    style: &Style,
    given: Option<(i32, u8, u8)>,
) -> Draft {
    let mut article = structure::parse(&extracted.text);
    formats::restore(&mut article, &extracted.tables);
    article.date = given.or(article.date);
    let cells: Vec<Vec<CellFigure>> = article
        .blocks
        .iter()
        .map(|b| match b {
            Block::Table(t) => t.cell_figures(),
            _ => Vec::new(),
        })
        .collect();
    let facts = figures::facts(&figure_elements(&article, &cells), article.date, style);
    let parts = LeadAndSections::of(&article.blocks);
    let lead = (!parts.lead.is_empty()).then(|| body::markdown(&parts.lead));
    let sections: Vec<DraftSection> = parts
        .sections
        .into_iter()
        .map(|s| DraftSection { heading: s.heading, body: body::markdown(&s.body) })
        .collect();
    let lead_sentences = lead_sentences(&parts.lead, &article.blocks);
    let title = propose_title(&article, &lead_sentences);
    let summary = propose_summary(&lead_sentences, &title);
    let publisher = publisher::publisher(&article.blocks);
    let slug = slug(publisher.as_deref(), &title.text);
    let date = article.date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
    let title_line = article.title;
    Draft { date, publisher, title_line, title: title.text, lead, summary, sections, facts, slug }
}

impl Draft {
    /// The briefing id and file stem: `<date>-<slug>`, or `undated-<slug>`.
    pub fn id(&self) -> String {
        format!("{}-{}", self.date.as_deref().unwrap_or("undated"), self.slug)
    }
}

/// The texts figures are read from, in order: title and headings restate, paragraphs, list
/// items and table cells carry. `cells[i]` are the numeric cells of block `i` (a table).
fn figure_elements<'a>(article: &'a Article, cells: &'a [Vec<CellFigure>]) -> Vec<Element<'a>> {
    let text = |text: &'a str, heading: bool| Element { text, heading, cell: None };
    let mut elements: Vec<Element> = Vec::new();
    if let Some(t) = &article.title {
        elements.push(text(t, true));
    }
    for (i, b) in article.blocks.iter().enumerate() {
        match b {
            // A first paragraph without a full stop (a deck under the headline) restates.
            Block::Para(p) => elements.push(text(p, i == 0 && super::lines::heading_like(p))),
            Block::Heading(h) => elements.push(text(h, true)),
            Block::List(items) => elements.extend(items.iter().map(|(_, t)| text(t, false))),
            Block::Table(_) => {
                elements.extend(cells.get(i).into_iter().flatten().map(|c| Element {
                    text: &c.text,
                    heading: false,
                    cell: Some(c),
                }))
            }
        }
    }
    elements
}

/// A sub-heading and the blocks under it, before they become Markdown.
struct SectionBlocks<'a> {
    /// The sub-heading as written.
    heading: String,
    /// The paragraphs and lists up to the next sub-heading.
    body: Vec<&'a Block>,
}

/// The article body cut at its sub-headings.
struct LeadAndSections<'a> {
    /// The blocks before the first sub-heading.
    lead: Vec<&'a Block>,
    /// Each sub-heading with its blocks.
    sections: Vec<SectionBlocks<'a>>,
}

impl<'a> LeadAndSections<'a> {
    /// Cuts the blocks at each sub-heading.
    fn of(blocks: &'a [Block]) -> Self {
        let mut lead: Vec<&Block> = Vec::new();
        let mut sections: Vec<SectionBlocks> = Vec::new();
        for b in blocks {
            match b {
                Block::Heading(h) => {
                    sections.push(SectionBlocks { heading: h.clone(), body: Vec::new() })
                }
                b => match sections.last_mut() {
                    Some(section) => section.body.push(b),
                    None => lead.push(b),
                },
            }
        }
        LeadAndSections { lead, sections }
    }
}

/// The trimmed, non-empty sentences of the paragraphs among `blocks`.
fn paragraph_sentences<'a>(blocks: impl Iterator<Item = &'a Block>) -> Vec<String> {
    blocks
        .filter_map(|b| match b {
            Block::Para(p) => Some(p),
            _ => None,
        })
        .flat_map(|p| sentences::sentences(p).into_iter().map(|r| p[r].trim().to_string()))
        .filter(|s| !s.is_empty())
        .collect()
}

/// The sentences the title and key points are proposed from: the lead's, or the whole body's
/// when the lead has none.
fn lead_sentences(lead: &[&Block], all: &[Block]) -> Vec<String> {
    let sentences = paragraph_sentences(lead.iter().copied());
    if sentences.is_empty() { paragraph_sentences(all.iter()) } else { sentences }
}

/// The draft's Korean title.
struct ProposedTitle {
    /// The title text (`TODO: 제목` when nothing could be proposed).
    text: String,
    /// Taken from the first lead sentence, which the key points then leave out.
    from_lead: bool,
}

/// The title line, else the first lead sentence (without its full stop), else the first
/// block's text, else `TODO: 제목`.
fn propose_title(article: &Article, lead_sentences: &[String]) -> ProposedTitle {
    let (text, from_lead) = match &article.title {
        Some(t) => (t.clone(), false),
        None => match lead_sentences.first() {
            Some(s) => (s.trim_end_matches(['.', '。']).trim().to_string(), true),
            None => (first_text(&article.blocks).unwrap_or_else(|| "TODO: 제목".into()), false),
        },
    };
    let text = if text.trim().is_empty() { "TODO: 제목".to_string() } else { text };
    ProposedTitle { text, from_lead }
}

/// Up to three distinct lead sentences as key points (after the one the title was taken
/// from); at least one: the first lead sentence, else the title.
fn propose_summary(lead_sentences: &[String], title: &ProposedTitle) -> Vec<String> {
    let mut summary: Vec<String> = Vec::new();
    for s in lead_sentences.iter().skip(usize::from(title.from_lead)) {
        if summary.len() == 3 {
            break;
        }
        if !summary.contains(s) {
            summary.push(s.clone());
        }
    }
    if summary.is_empty() {
        summary.push(lead_sentences.first().cloned().unwrap_or_else(|| title.text.clone()));
    }
    summary
}

/// The text of the first block, for a title when there is nothing better.
fn first_text(blocks: &[Block]) -> Option<String> {
    blocks.iter().find_map(|b| match b {
        Block::Para(t) | Block::Heading(t) => Some(t.clone()),
        Block::List(items) => items.first().map(|(_, t)| t.clone()),
        Block::Table(_) => None,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug(Some("소프트웨어정책연구소(SPRi)"), "오픈소스 AI 보고서"), "spri-ai");
        assert_eq!(slug(None, "2025 보고서"), "draft");
    }

    #[test]
    fn title_from_the_lead_leaves_the_key_points() {
        let article = structure::parse("첫 문장이다. 둘째 문장이다.\n");
        let sentences = lead_sentences(&LeadAndSections::of(&article.blocks).lead, &[]);
        let title = propose_title(&article, &sentences);
        assert_eq!(title.text, "첫 문장이다");
        assert!(title.from_lead);
        assert_eq!(propose_summary(&sentences, &title), ["둘째 문장이다."]);
    }
}
