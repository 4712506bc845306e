//! From raw article text to its parts: the date, the title line, paragraphs, sub-headings and
//! bullet lists, with datelines, bylines, wire credits and end marks taken out.

use super::dateline::{self, DateRank, dateline, meta_date, standalone_date};
use super::headings;
use super::lines::{Bullet, Ymd, bullet, ends_sentence, heading_like, is_bullet_line};

/// A part of the article body, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Block {
    /// A paragraph of prose (hard-wrapped lines joined with a space).
    Para(String),
    /// A sub-heading: a short line without sentence-final punctuation.
    Heading(String),
    /// A bullet list: `(level, text)` per item, level 0 the outermost.
    List(Vec<(usize, String)>),
    /// A table (from an HTML page, an HWPX file or a PDF; plain text has none).
    Table(super::table::Table),
}

/// What the article text holds.
#[derive(Clone, Debug, Default)]
pub(crate) struct Article {
    /// From the ` date YYYY-MM-DD` line, else an `입력 YYYY.MM.DD` line, else a
    /// `YYYY/MM/DD HH:MM 송고` line.
    pub date: Option<Ymd>,
    /// The headline, when the article has a line of its own for it.
    pub title: Option<String>,
    /// Everything after the title.
    pub blocks: Vec<Block>,
}

/// Splits cleaned article text (UTF-8, no BOM, `\n` line ends) into its parts.
pub(crate) fn parse(text: &str) -> Article {
    let lines = read_lines(text);
    let groups = line_groups(lines.lines);
    let mut raw = raw_blocks(&groups, lines.dateline_lead);
    let title = take_title(&mut raw, lines.dateline_lead);
    let blocks = mark_headings(raw);
    let date = lines.date.map(|(_, d)| d).or_else(|| bare_day_date(title.as_deref(), &blocks));
    Article { date, title, blocks }
}

/// A bare day in the lead's first sentence (`[서울=뉴스] 15일 …`) in the latest month the
/// article names with its year.
fn bare_day_date(title: Option<&str>, blocks: &[Block]) -> Option<Ymd> {
    let lead = blocks.iter().find_map(|b| match b {
        Block::Para(p) => Some(p.as_str()),
        _ => None,
    })?;
    let first = super::sentences::sentences(lead).into_iter().next()?;
    let day = dateline::bare_day(&lead[first])?;
    let mut found = title.map(|t| crate::numbers::find(t, "ko")).unwrap_or_default();
    for b in blocks {
        match b {
            Block::Para(t) | Block::Heading(t) => found.extend(crate::numbers::find(t, "ko")),
            Block::List(items) => {
                found.extend(items.iter().flat_map(|(_, t)| crate::numbers::find(t, "ko")))
            }
            Block::Table(_) => {}
        }
    }
    dateline::in_month(dateline::latest_month(&found)?, day)
}

/// The article's lines after the first pass, with the metadata taken out.
struct Lines {
    /// Each line, cleaned; `None` for a blank line or one taken out (dateline, metadata,
    /// byline, copyright, anything after the end mark): a paragraph break.
    lines: Vec<Option<String>>,
    /// The best date found so far and where it came from.
    date: Option<(DateRank, Ymd)>,
    /// The dateline had text after it: that text starts the lead, so there is no title line.
    dateline_lead: bool,
}

impl Lines {
    /// Keeps `ymd` when no date from a better source was found.
    fn offer_date(&mut self, rank: DateRank, ymd: Ymd) {
        if self.date.is_none_or(|(r, _)| rank < r) {
            self.date = Some((rank, ymd));
        }
    }
}

/// Cleans every line and takes out datelines, metadata, bylines, copyright lines and all
/// that follows the end mark, keeping the best date they give.
fn read_lines(text: &str) -> Lines {
    let mut out = Lines { lines: Vec::new(), date: None, dateline_lead: false };
    let mut first = true;
    let mut ended = false;
    for raw in text.split('\n') {
        let line = clean_line(raw);
        let t = line.trim();
        if t.is_empty() {
            out.lines.push(None);
            continue;
        }
        if std::mem::take(&mut first)
            && let Some((ymd, rest)) = dateline(t)
        {
            out.offer_date(DateRank::Dateline, ymd);
            out.dateline_lead = !rest.is_empty();
            out.lines.push((!rest.is_empty()).then(|| rest.to_string()));
            continue;
        }
        if let Some(ymd) = standalone_date(t) {
            out.offer_date(DateRank::Input, ymd);
            out.lines.push(None);
            continue;
        }
        if let Some((rank, ymd)) = meta_date(t) {
            out.offer_date(rank, ymd);
            out.lines.push(None);
            continue;
        }
        if ended || is_end_mark(t) {
            ended = true;
            out.lines.push(None);
            continue;
        }
        if is_byline(t) || is_copyright(t) {
            out.lines.push(None);
            continue;
        }
        out.lines.push(Some(line));
    }
    out
}

/// Runs of consecutive kept lines (a `None` line breaks a run).
fn line_groups(lines: Vec<Option<String>>) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in lines {
        match line {
            Some(l) => current.push(l),
            None if !current.is_empty() => groups.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

/// A block before headings are told from paragraphs.
struct RawBlock {
    /// The block: a paragraph, a list, or a sub-heading marked as such (`■ 조사 개요`).
    block: Block,
    /// How many lines a paragraph was written on (a heading is one line); 0 for a list.
    lines: usize,
    /// For a heading: what the line is when nothing follows it (a paragraph or a list item
    /// as written).
    fallback: Option<Block>,
}

impl RawBlock {
    /// A paragraph of one line so far.
    fn para(text: &str) -> Self {
        RawBlock { block: Block::Para(text.trim().to_string()), lines: 1, fallback: None }
    }
}

/// The paragraphs and lists of every group, wire credits taken off and empty paragraphs
/// dropped. A headline directly above the lead (no blank line between) is a paragraph of its
/// own.
fn raw_blocks(groups: &[Vec<String>], dateline_lead: bool) -> Vec<RawBlock> {
    let mut raw: Vec<RawBlock> = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        let mut group = group.as_slice();
        // A headline directly above the lead, without a blank line between them.
        if i == 0
            && !dateline_lead
            && group.len() > 1
            && heading_like(&group[0])
            && !is_bullet_line(&group[0])
            && group.last().is_some_and(|l| ends_sentence(l))
        {
            raw.push(RawBlock::para(&group[0]));
            group = &group[1..];
        }
        raw.extend(group_blocks(group));
    }
    for RawBlock { block, .. } in raw.iter_mut() {
        if let Block::Para(p) = block {
            *p = strip_wire_credit(p).to_string();
        }
    }
    raw.retain(|r| !matches!(&r.block, Block::Para(p) if p.trim().is_empty()));
    raw
}

/// The title line: a first one-line paragraph that looks like a heading (never after a
/// dateline that starts the lead). It is taken out of the blocks.
fn take_title(raw: &mut Vec<RawBlock>, dateline_lead: bool) -> Option<String> {
    if !dateline_lead
        && let Some(RawBlock { block: Block::Para(p), lines: 1, .. }) = raw.first()
        && heading_like(p)
    {
        let title = p.clone();
        raw.remove(0);
        return Some(title);
    }
    None
}

/// One-line paragraphs that look like headings become sub-headings, unless nothing is under
/// them (then a marked heading is again the line it was).
fn mark_headings(raw: Vec<RawBlock>) -> Vec<Block> {
    let marked: Vec<(Block, Option<Block>)> = raw
        .into_iter()
        .enumerate()
        .map(|(i, r)| (i == 0, r))
        .map(|(first, r)| match r.block {
            // The first block is a deck under the headline (or the lead), never a section.
            Block::Para(p) if r.lines == 1 && heading_like(&p) && !first => {
                let fallback = Block::Para(p.clone());
                (Block::Heading(p), Some(fallback))
            }
            b => (b, r.fallback),
        })
        .collect();
    let mut blocks: Vec<Block> = Vec::with_capacity(marked.len());
    for (i, (block, fallback)) in marked.iter().enumerate() {
        let next_is_body = matches!(marked.get(i + 1), Some((Block::Para(_) | Block::List(_), _)));
        match (block, fallback) {
            // A heading with nothing under it is no heading.
            (Block::Heading(_), Some(f)) if !next_is_body => push_block(&mut blocks, f.clone()),
            (b, _) => blocks.push(b.clone()),
        }
    }
    blocks
}

/// Appends a block, joining a list item to the list before it.
fn push_block(blocks: &mut Vec<Block>, block: Block) {
    if let (Some(Block::List(items)), Block::List(more)) = (blocks.last_mut(), &block) {
        items.extend(more.iter().cloned());
        return;
    }
    blocks.push(block);
}

/// What a marked heading line is when it turns out not to head anything.
fn heading_fallback(line: &str) -> Block {
    match bullet(line) {
        Some(Bullet { item, .. }) => Block::List(vec![(0, item.to_string())]),
        None => Block::Para(line.trim().to_string()),
    }
}

/// Paragraphs and lists of one group of consecutive non-blank lines, with each paragraph's
/// line count.
fn group_blocks(group: &[String]) -> Vec<RawBlock> {
    let mut out: Vec<RawBlock> = Vec::new();
    let mut symbols: Vec<char> = Vec::new();
    let marks = headings::marked_lines(group);
    for (i, line) in group.iter().enumerate() {
        let heading = match &marks[i] {
            Some(m) => Some(m.text.clone()),
            None if headings::bare_heading(group, i) => Some(line.trim().to_string()),
            None => None,
        };
        if let Some(text) = heading {
            let fallback = Some(heading_fallback(line));
            out.push(RawBlock { block: Block::Heading(text), lines: 1, fallback });
            continue;
        }
        if let Some(Bullet { symbol, item }) = bullet(line) {
            if !matches!(out.last(), Some(RawBlock { block: Block::List(_), .. })) {
                out.push(RawBlock { block: Block::List(Vec::new()), lines: 0, fallback: None });
                symbols.clear();
            }
            let level = match symbols.iter().position(|s| *s == symbol) {
                Some(l) => l,
                None => {
                    symbols.push(symbol);
                    symbols.len() - 1
                }
            }
            .min(3);
            if let Some(RawBlock { block: Block::List(items), .. }) = out.last_mut() {
                items.push((level, item.to_string()));
            }
            continue;
        }
        let t = line.trim();
        match out.last_mut() {
            // An indented line under a bullet continues the item.
            Some(RawBlock { block: Block::List(items), .. }) if line.starts_with(' ') => {
                if let Some((_, item)) = items.last_mut() {
                    item.push(' ');
                    item.push_str(t);
                }
            }
            Some(RawBlock { block: Block::Para(p), lines, .. }) => {
                p.push(' ');
                p.push_str(t);
                *lines += 1;
            }
            _ => out.push(RawBlock::para(t)),
        }
    }
    out
}

/// Tabs, odd spaces and control characters out; trailing space off.
fn clean_line(raw: &str) -> String {
    let mut s = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\t' | '\u{3000}' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => {
                s.push(' ')
            }
            '\u{feff}' | '\u{200b}' | '\u{2028}' | '\u{2029}' | '\u{85}' => {}
            c if c.is_control() => {}
            c => s.push(c),
        }
    }
    s.truncate(s.trim_end().len());
    s
}

/// `(끝)` and its variants: the end of the article.
fn is_end_mark(t: &str) -> bool {
    matches!(t, "(끝)" | "<끝>" | "[끝]" | "/끝/" | "〈끝〉" | "(END)" | "(end)")
}

/// A word that is an e-mail address.
fn is_email(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    match w.split_once('@') {
        Some((user, host)) => {
            !user.is_empty()
                && host.contains('.')
                && !host.starts_with('.')
                && w.is_ascii()
                && !w.contains(' ')
        }
        None => false,
    }
}

/// `홍길동 기자 gildong@example.com`, `kim@yna.co.kr`, `이수진 기자`.
fn is_byline(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.iter().any(|w| is_email(w)) {
        let rest: usize =
            words.iter().filter(|w| !is_email(w)).map(|w| w.chars().count() + 1).sum();
        return rest <= 24 && !ends_sentence(t);
    }
    words.len() <= 4
        && t.chars().count() <= 25
        && !ends_sentence(t)
        && words.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.ends_with("기자") || w.ends_with("특파원") || w == "기자단"
        })
}

/// `<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>` and the like.
fn is_copyright(t: &str) -> bool {
    t.chars().count() <= 120
        && ["무단 전재", "무단전재", "저작권자", "Copyright", "ⓒ", "©", "재배포 금지"]
            .iter()
            .any(|m| t.contains(m))
}

/// `(서울=연합뉴스) 김철수 기자 = ` at the start of a paragraph: the text after it.
fn strip_wire_credit(p: &str) -> &str {
    let mut rest = p.trim_start();
    if let Some(open) = rest.chars().next()
        && let Some(close) = match open {
            '(' => Some(')'),
            '[' => Some(']'),
            '【' => Some('】'),
            _ => None,
        }
        && let Some(end) = rest.find(close)
        && rest[..end].chars().count() <= 40
        && rest[..end].contains('=')
    {
        rest = rest[end + close.len_utf8()..].trim_start();
    }
    if let Some(eq) = rest.find('=')
        && rest[..eq].chars().count() <= 40
    {
        let who = rest[..eq].trim();
        if who.ends_with("기자") || who.ends_with("특파원") || who.ends_with("기자들") {
            rest = rest[eq + 1..].trim_start();
        }
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_and_credits() {
        assert!(is_byline("홍길동 기자 gildong@example.com"));
        assert!(is_byline("kim@yna.co.kr"));
        assert!(is_byline("이수진 기자"));
        assert!(!is_byline("문의는 help@example.com 으로 보내면 된다는 안내가 나왔다."));
        assert_eq!(strip_wire_credit("(서울=연합뉴스) 김철수 기자 = 산업부는"), "산업부는");
        assert_eq!(strip_wire_credit("산업부는 a=b"), "산업부는 a=b");
    }

    #[test]
    fn blocks() {
        let a = parse(
            "제목 줄\n입력 2026.03.18 10:30\n\n첫 문단이다.\n\n소제목\n\n□ 가\n ○ 나\n  · 다\n",
        );
        assert_eq!(a.title.as_deref(), Some("제목 줄"));
        assert_eq!(a.date, Some((2026, 3, 18)));
        assert_eq!(
            a.blocks,
            vec![
                Block::Para("첫 문단이다.".into()),
                // A heading directly above another heading stays a line of text.
                Block::Para("소제목".into()),
                // `□` over `○` items: a marked sub-heading and its list.
                Block::Heading("가".into()),
                Block::List(vec![(0, "나".into()), (1, "다".into())]),
            ]
        );
    }
}
