//! Tables on a PDF page, found from where the text stands (a PDF's text layer has no cells):
//!
//! - runs (see [`super::layout`]) on one baseline are a row; a row of two or more runs may be
//!   a table row, and rows of a table follow each other at most [`ROW_GAP`] font sizes apart;
//! - a cell that wraps puts a line of one run just below (or, centred, just above) its row,
//!   closer than [`CELL_LINE`] font sizes: it joins that row (a line above the first row is a
//!   caption or a unit, and stays text);
//! - columns are the x-extents of the runs merged where they overlap: cells of a column line
//!   up left, right or centred, so they overlap; words of justified prose overlap everything,
//!   so prose never splits into columns;
//! - it is a table only with two rows, two columns and a column (not the first) whose cells
//!   below the header row are all figures, two at least (`25.0`, `3.6%`, `약 70점`): this
//!   keeps two-column layouts out; nor when the first column is only bullets or item numbers
//!   (a list with a wide indent).
//!
//! The work is one sort of the page's runs by position and passes over them.

use super::layout::{Line, Run};
use crate::import::table::Table;

/// Runs whose baselines differ by less than this many font sizes are on one row.
const SAME_BASELINE: f64 = 0.3;
/// A line of one run closer than this many font sizes to a row is a wrapped cell's line.
const CELL_LINE: f64 = 1.6;
/// Rows of one table are at most this many font sizes apart.
const ROW_GAP: f64 = 4.0;
/// A figure cell is at most this many characters (`100곳 중 3곳`, `1,234.5억 원`).
const FIGURE_CHARS: usize = 16;

/// A line of a page: text, or a table drawn over one or more lines.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum PageLine {
    /// A line of text.
    Text(String),
    /// A table.
    Table(Table),
}

/// Where a run is: its line and its place in the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct At {
    /// Index of the line.
    line: usize,
    /// Index of the run in the line.
    run: usize,
}

/// Runs on one baseline, and the lines of wrapped cells that joined them.
#[derive(Clone, Debug)]
struct Row {
    /// The top baseline.
    top: f64,
    /// The bottom baseline.
    bottom: f64,
    /// Font size of the first run.
    size: f64,
    /// How many runs are on the row's own baseline.
    own: usize,
    /// The runs.
    runs: Vec<At>,
}

/// The page's lines with the tables among them put in their place: a table where its first
/// line was, the lines it was drawn as (and blank lines between them) gone.
pub(super) fn read_page(lines: &[Line], text: impl Fn(&str) -> String) -> Vec<PageLine> {
    let run = |a: &At| &lines[a.line].runs[a.run];
    let mut taken: Vec<Option<usize>> = vec![None; lines.len()];
    let mut counts: Vec<usize> = vec![0; lines.len()];
    let mut tables = Vec::new();
    for block in blocks(rows(lines)) {
        let Some(table) = table(&block, &run, &text) else { continue };
        let ats: Vec<At> = block.iter().flat_map(|r| r.runs.iter().copied()).collect();
        for a in &ats {
            counts[a.line] += 1;
        }
        let whole: Vec<usize> =
            ats.iter().map(|a| a.line).filter(|&l| counts[l] == lines[l].runs.len()).collect();
        let (Some(&first), Some(&last)) = (whole.iter().min(), whole.iter().max()) else {
            continue;
        };
        for l in first..=last {
            if (counts[l] == lines[l].runs.len() || lines[l].text.trim().is_empty())
                && taken[l].is_none()
            {
                taken[l] = Some(tables.len());
            }
        }
        for a in &ats {
            counts[a.line] = 0;
        }
        tables.push(Some(table));
    }
    let mut out = Vec::with_capacity(lines.len());
    for (line, owner) in lines.iter().zip(&taken) {
        match owner {
            Some(t) => out.extend(tables[*t].take().map(PageLine::Table)),
            None => out.push(PageLine::Text(line.text.clone())),
        }
    }
    out
}

/// The page's runs grouped into rows by baseline, top to bottom, each row left to right.
fn rows(lines: &[Line]) -> Vec<Row> {
    let run = |a: &At| &lines[a.line].runs[a.run];
    let sane = |r: &Run| {
        [r.x0, r.x1, r.y, r.size].iter().all(|v| v.is_finite()) && r.size > 0.0 && r.x1 >= r.x0
    };
    let mut all: Vec<At> = lines
        .iter()
        .enumerate()
        .flat_map(|(line, l)| (0..l.runs.len()).map(move |run| At { line, run }))
        .filter(|a| sane(run(a)) && !run(a).text.trim().is_empty())
        .collect();
    all.sort_by(|a, b| run(a).y.total_cmp(&run(b).y).then(run(a).x0.total_cmp(&run(b).x0)));
    let mut out: Vec<Row> = Vec::new();
    for a in all {
        let r = run(&a);
        match out.last_mut() {
            Some(row) if (r.y - row.top).abs() <= SAME_BASELINE * row.size => {
                row.runs.push(a);
                row.own += 1;
            }
            _ => out.push(Row { top: r.y, bottom: r.y, size: r.size, own: 1, runs: vec![a] }),
        }
    }
    out
}

/// Runs of rows that may be tables: rows of two or more runs close together, with the lines
/// of wrapped cells joined to their rows.
fn blocks(rows: Vec<Row>) -> Vec<Vec<Row>> {
    let mut out = Vec::new();
    let mut block: Vec<Row> = Vec::new();
    let mut single: Option<Row> = None;
    for mut row in rows {
        let size = row.size;
        if row.own >= 2 {
            // A line just above joins a row of the table (a centred row's wrapped cell), not
            // the header: above a table it is a caption or a unit (`(단위: %)`).
            let had_single = single.is_some();
            let above = single
                .take()
                .filter(|s| !block.is_empty() && row.top - s.bottom < CELL_LINE * size);
            let near = block.last().is_some_and(|last| row.top - last.bottom <= ROW_GAP * size);
            if (had_single && above.is_none()) || !near {
                out.push(std::mem::take(&mut block));
            }
            if let Some(s) = above {
                row.runs.splice(0..0, s.runs);
                row.top = s.top;
            }
            block.push(row);
            continue;
        }
        let wrapped = single.is_none()
            && block.last().is_some_and(|last| row.top - last.bottom < CELL_LINE * size);
        match block.last_mut() {
            Some(last) if wrapped => {
                last.runs.extend(row.runs);
                last.bottom = row.bottom;
            }
            _ => {
                if single.is_some() {
                    out.push(std::mem::take(&mut block));
                }
                single = Some(row);
            }
        }
    }
    out.push(block);
    out.retain(|b| b.len() >= 2);
    out
}

/// The table a block of rows is, if it is one (see the module's rules).
fn table<'a>(
    block: &[Row],
    run: &impl Fn(&At) -> &'a Run,
    text: &impl Fn(&str) -> String,
) -> Option<Table> {
    let columns = columns(block.iter().flat_map(|r| r.runs.iter().map(run)));
    if columns.len() < 2 {
        return None;
    }
    let mut grid: Vec<Vec<String>> = Vec::with_capacity(block.len());
    for row in block {
        let mut runs: Vec<&Run> = row.runs.iter().map(run).collect();
        runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
        let mut cells: Vec<(String, f64)> = vec![(String::new(), f64::NAN); columns.len()];
        for r in runs {
            let col = columns.partition_point(|c| c.1 < r.x0).min(columns.len() - 1);
            let (cell, y) = &mut cells[col];
            join_cell(cell, *y, r, &text(&r.text));
            *y = r.y;
        }
        grid.push(cells.into_iter().map(|(c, _)| c).collect());
    }
    (has_figure_column(&grid) && !is_list(&grid)).then(|| Table::new(grid)).flatten()
}

/// The x-extents of the runs merged where they overlap, left to right.
fn columns<'a>(runs: impl Iterator<Item = &'a Run>) -> Vec<(f64, f64)> {
    let mut spans: Vec<(f64, f64)> = runs.map(|r| (r.x0, r.x1)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f64, f64)> = Vec::new();
    for (x0, x1) in spans {
        match out.last_mut() {
            Some(last) if x0 <= last.1 => last.1 = last.1.max(x1),
            _ => out.push((x0, x1)),
        }
    }
    out
}

/// Adds a run's text to a cell: a space between runs on one baseline, the PDF line-join rule
/// (a Korean word split before its ending is one word again) between lines of a wrapped cell.
fn join_cell(cell: &mut String, last_y: f64, run: &Run, text: &str) {
    if text.is_empty() {
        return;
    }
    if cell.is_empty() {
        cell.push_str(text);
    } else if (run.y - last_y).abs() <= SAME_BASELINE * run.size {
        cell.push(' ');
        cell.push_str(text);
    } else {
        super::join_line(cell, text);
    }
}

/// Whether a column other than the first holds only figures below the header row, two at
/// least.
fn has_figure_column(grid: &[Vec<String>]) -> bool {
    let width = grid.first().map_or(0, Vec::len);
    (1..width).any(|col| {
        let cells: Vec<&str> = grid
            .iter()
            .skip(1)
            .filter_map(|row| row.get(col))
            .map(String::as_str)
            .filter(|c| !c.is_empty())
            .collect();
        cells.len() >= 2 && cells.iter().all(|c| is_figure(c))
    })
}

/// Whether the first column holds only bullets or item numbers (`•`, `1.`, `가.`): a list
/// set with a wide indent, whose items may well start with figures.
fn is_list(grid: &[Vec<String>]) -> bool {
    let mark = |c: &str| {
        c.chars().count() <= 4 && (super::starts_item(c) || !c.chars().any(char::is_alphanumeric))
    };
    grid.iter().filter_map(|row| row.first()).filter(|c| !c.is_empty()).all(|c| mark(c))
}

/// A short cell starting with a number, after an approximation or a sign (`3.6%`, `약 70점`,
/// `-1.2`, `△3.4`, `20인 이상`).
fn is_figure(cell: &str) -> bool {
    let c = cell.trim();
    let c = c.strip_prefix("약").unwrap_or(c).trim_start();
    let c = c.trim_start_matches(['-', '+', '−', '△', '▲', '▼', '―']);
    c.chars().count() <= FIGURE_CHARS
        && c.chars().next().is_some_and(|d| d.is_ascii_digit() || ('０'..='９').contains(&d))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of runs `(x0, x1, text)` on baseline `y`, font size 10.
    fn line(y: f64, runs: &[(f64, f64, &str)]) -> Line {
        let runs: Vec<Run> = runs
            .iter()
            .map(|&(x0, x1, t)| Run { x0, x1, y, size: 10.0, text: t.to_string() })
            .collect();
        let text = runs.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join(" ");
        Line { text, runs }
    }

    fn read(lines: &[Line]) -> Vec<PageLine> {
        read_page(lines, |s| s.to_string())
    }

    #[test]
    fn a_report_table_with_a_wrapped_cell_is_found() {
        let lines = vec![
            line(100.0, &[(50.0, 300.0, "본문 첫 줄이다.")]),
            line(
                140.0,
                &[(50.0, 80.0, "국가"), (150.0, 200.0, "수출(%)"), (250.0, 300.0, "수입(%)")],
            ),
            line(160.0, &[(50.0, 70.0, "중국"), (170.0, 200.0, "1.6"), (270.0, 300.0, "18.8")]),
            line(180.0, &[(50.0, 90.0, "아세안"), (170.0, 200.0, "-2.1"), (265.0, 300.0, "5.0")]),
            line(192.0, &[(50.0, 90.0, "국가들")]),
            line(240.0, &[(50.0, 300.0, "본문 둘째 줄이다.")]),
        ];
        let out = read(&lines);
        assert_eq!(out.len(), 3, "{out:?}");
        let PageLine::Table(t) = &out[1] else { panic!("{out:?}") };
        assert_eq!(t.rows[0], ["국가", "수출(%)", "수입(%)"]);
        assert_eq!(t.rows[2], ["아세안 국가들", "-2.1", "5.0"]);
        assert_eq!(out[2], PageLine::Text("본문 둘째 줄이다.".into()));
    }

    #[test]
    fn a_wrapped_cell_joins_like_pdf_lines() {
        let lines = vec![
            line(100.0, &[(50.0, 80.0, "항목"), (170.0, 200.0, "값")]),
            line(120.0, &[(50.0, 100.0, "오픈소스 AI 활용"), (170.0, 200.0, "78%")]),
            line(132.0, &[(50.0, 60.0, "기업 비율")]),
            line(152.0, &[(50.0, 100.0, "기업 수"), (170.0, 200.0, "432만 개")]),
        ];
        let PageLine::Table(t) = &read(&lines)[0] else { panic!() };
        assert_eq!(t.rows[1][0], "오픈소스 AI 활용 기업 비율");
        let lines = vec![
            line(100.0, &[(50.0, 80.0, "항목"), (170.0, 200.0, "값")]),
            line(120.0, &[(50.0, 100.0, "인공지능 도입"), (170.0, 200.0, "78%")]),
            line(132.0, &[(50.0, 60.0, "을 마친 기업")]),
            line(152.0, &[(50.0, 100.0, "기업 수"), (170.0, 200.0, "432만 개")]),
        ];
        let PageLine::Table(t) = &read(&lines)[0] else { panic!() };
        assert_eq!(t.rows[1][0], "인공지능 도입을 마친 기업");
    }

    #[test]
    fn prose_lists_and_two_column_text_are_no_tables() {
        // Justified prose whose stretched gaps pass for cell gaps on some lines.
        let prose = vec![
            line(
                100.0,
                &[(50.0, 140.0, "수출은 지난해보다"), (160.0, 300.0, "크게 늘었다 2024년")],
            ),
            line(114.0, &[(50.0, 200.0, "반도체가 이끌었고"), (215.0, 300.0, "3.5% 늘었다")]),
            line(128.0, &[(50.0, 90.0, "자동차도"), (110.0, 300.0, "12.0% 늘었다")]),
        ];
        assert!(read(&prose).iter().all(|l| matches!(l, PageLine::Text(_))));
        // Two columns of text side by side.
        let columns = vec![
            line(
                100.0,
                &[(50.0, 200.0, "왼쪽 단의 첫 줄은 길다"), (250.0, 400.0, "오른쪽 단의 첫 줄")],
            ),
            line(
                114.0,
                &[
                    (50.0, 200.0, "왼쪽 단의 둘째 줄"),
                    (250.0, 400.0, "2024년에 조사한 결과 늘었다"),
                ],
            ),
            line(
                128.0,
                &[
                    (50.0, 200.0, "왼쪽 단의 셋째 줄"),
                    (250.0, 400.0, "3곳 중 1곳이 도입했다고 답했다"),
                ],
            ),
        ];
        assert!(read(&columns).iter().all(|l| matches!(l, PageLine::Text(_))));
        // A numbered list: the numbers are the first column, the text no figure.
        let list = vec![
            line(100.0, &[(50.0, 60.0, "1."), (80.0, 300.0, "조사 개요")]),
            line(114.0, &[(50.0, 60.0, "2."), (80.0, 300.0, "조사 결과")]),
            line(128.0, &[(50.0, 60.0, "3."), (80.0, 300.0, "정책 과제")]),
        ];
        assert!(read(&list).iter().all(|l| matches!(l, PageLine::Text(_))));
        // A bulleted list of figures with a wide indent.
        let bullets = vec![
            line(100.0, &[(50.0, 55.0, "•"), (80.0, 140.0, "10대 99.9%")]),
            line(114.0, &[(50.0, 55.0, "•"), (80.0, 140.0, "20대 99.9%")]),
            line(128.0, &[(50.0, 55.0, "•"), (80.0, 140.0, "70대 56.2%")]),
        ];
        assert!(read(&bullets).iter().all(|l| matches!(l, PageLine::Text(_))));
    }

    #[test]
    fn hostile_positions_do_not_panic() {
        let lines = vec![
            line(f64::NAN, &[(f64::NAN, 1.0, "1"), (f64::INFINITY, 2.0, "2")]),
            line(0.0, &[(-1e308, 1e308, "3"), (5.0, -5.0, "4")]),
            line(0.0, &[(0.0, 0.0, "5"), (0.0, 0.0, "6")]),
        ];
        let _ = read(&lines);
    }
}
