//! Line-level rules and words every import step shares — sentence ends, heading-like lines,
//! bullet marks, dates, Markdown escaping — kept below the steps so none of them depends on
//! another to reach them.

/// A calendar date `(year, month, day)`, as the number engine takes a dateline.
pub(crate) type Ymd = (i32, u8, u8);

/// The label of a fact nothing better could be proposed for.
pub(crate) const TODO_LABEL: &str = "TODO: 항목";

/// Bullet symbols that start a list item at the start of a line.
const BULLETS: &[char] = &[
    '□', '■', '○', '●', '◦', '·', '•', '∙', '‣', '△', '▲', '▷', '▶', '◇', '◆', '◎', '※', '-', '*',
    'ㅇ',
];

/// Whether the line starts with a bullet.
pub(crate) fn is_bullet_line(line: &str) -> bool {
    bullet(line).is_some()
}

/// A line that is a bullet item.
pub(crate) struct Bullet<'a> {
    /// Its bullet symbol (`□`, `○`, `-`): each new symbol in a list is a level deeper.
    pub symbol: char,
    /// The item text after it.
    pub item: &'a str,
}

/// The bullet symbol and item text, if the line is a bullet item.
pub(crate) fn bullet(line: &str) -> Option<Bullet<'_>> {
    let t = line.trim_start();
    let c = t.chars().next()?;
    if !BULLETS.contains(&c) {
        return None;
    }
    let rest = &t[c.len_utf8()..];
    // `-`, `*` and `ㅇ` are list marks only with a space after them.
    if matches!(c, '-' | '*' | 'ㅇ') && !rest.starts_with(' ') {
        return None;
    }
    let item = rest.trim();
    (!item.is_empty()).then_some(Bullet { symbol: c, item })
}

/// Whether the text ends like a sentence (`.`, `?`, `!`, possibly inside closing quotes).
pub(crate) fn ends_sentence(t: &str) -> bool {
    let core = t.trim_end_matches(|c: char| "\"'”’」』)]）】".contains(c) || c.is_whitespace());
    core.ends_with(['.', '?', '!', '。', '．', '？', '！', ':', '：', ';'])
}

/// A short line without sentence-final punctuation and without a sentence break inside:
/// a title or a sub-heading.
pub(crate) fn heading_like(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    (2..=60).contains(&n)
        && !ends_sentence(t)
        && !t.contains(". ")
        && !is_bullet_line(t)
        && t.chars().any(char::is_alphabetic)
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
