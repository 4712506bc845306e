//! The article's blocks as Markdown for the draft's `lead` and section bodies: the article is
//! plain text, so everything that Markdown would read as markup is escaped.

pub use super::lines::escape_markdown;
use super::structure::Block;

/// Paragraphs and lists as Markdown: text escaped, lists as `-` items indented per level.
pub(super) fn markdown(blocks: &[&Block]) -> String {
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
            Block::Table(t) => parts.push(t.markdown()),
        }
    }
    parts.join("\n\n")
}
