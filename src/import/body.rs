//! The article's blocks as Markdown for the draft's `lead` and section bodies: the article is
//! plain text, so everything that Markdown would read as markup is escaped.

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
