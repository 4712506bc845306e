//! A table read from an HTML page, an HWPX file or a PDF: its cells as a GFM pipe table in
//! the draft's body, and its numeric cells as figures labelled by their row and column
//! headers (`2024년 AI 프로젝트 수`).

use super::lines::escape_markdown;

/// The most rows and columns a table keeps (the rest is dropped): a draft table is for an
/// editor to read, and a hostile file must not make the draft quadratic.
const MAX_ROWS: usize = 200;
/// See [`MAX_ROWS`].
const MAX_COLS: usize = 30;

/// A table: rows of cell texts (plain text, one line each), the first row the column
/// headers and the first column the row headers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Table {
    /// The rows, each padded to the same number of cells.
    pub rows: Vec<Vec<String>>,
}

/// A cell where a file puts it: its row and column and how many of each it spans.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct PlacedCell {
    /// Row, from 0.
    pub row: usize,
    /// Column, from 0.
    pub col: usize,
    /// Rows spanned (at least 1).
    pub rows: usize,
    /// Columns spanned (at least 1).
    pub cols: usize,
    /// The text.
    pub text: String,
}

/// Places cells row by row the way HTML does: each cell in the first column of its row not
/// covered by a cell above that spans rows. `rows` holds each row's cells as
/// `(text, rowspan, colspan)` in a [`SpanCell`].
pub(crate) fn place_rows(rows: Vec<Vec<SpanCell>>) -> Vec<PlacedCell> {
    let mut covered: std::collections::HashSet<(usize, usize)> = Default::default();
    let mut placed = Vec::new();
    for (r, row) in rows.into_iter().enumerate().take(MAX_ROWS) {
        let mut c = 0;
        for cell in row {
            while covered.contains(&(r, c)) {
                c += 1;
            }
            if c >= MAX_COLS {
                break;
            }
            let (rows, cols) = (cell.rows.clamp(1, MAX_ROWS), cell.cols.clamp(1, MAX_COLS));
            for dr in 0..rows {
                for dc in 0..cols {
                    covered.insert((r + dr, c + dc));
                }
            }
            placed.push(PlacedCell { row: r, col: c, rows, cols, text: cell.text });
            c += cols;
        }
    }
    placed
}

/// A cell as a row lists it, with its spans.
pub(crate) struct SpanCell {
    /// The text.
    pub text: String,
    /// Rows spanned.
    pub rows: usize,
    /// Columns spanned.
    pub cols: usize,
}

/// A numeric cell of a table as the figure reader takes it.
pub(crate) struct CellFigure {
    /// The cell's text, with the column's unit added to a bare number (`78` under `(%)`).
    pub text: String,
    /// The row header and the column header (`2024년 AI 프로젝트 수`).
    pub label: String,
    /// The fact's note: where the figure stands (`표: 2024년 / AI 프로젝트 수: 432만 개`).
    pub note: String,
    /// A year the row or column header names (`2024년`, `2024`), as the fact's `as_of`.
    pub year: Option<String>,
}

impl Table {
    /// A table from rows of cell texts: whitespace folded, empty rows dropped, rows padded
    /// to the widest; `None` when nothing is left.
    pub(crate) fn new(rows: Vec<Vec<String>>) -> Option<Table> {
        let mut rows: Vec<Vec<String>> = rows
            .into_iter()
            .take(MAX_ROWS)
            .map(|r| r.into_iter().take(MAX_COLS).map(|c| fold_space(&c)).collect::<Vec<_>>())
            .filter(|r: &Vec<String>| r.iter().any(|c| !c.is_empty()))
            .collect();
        let width = rows.iter().map(Vec::len).max()?;
        for r in rows.iter_mut() {
            r.resize(width, String::new());
        }
        Some(Table { rows })
    }

    /// A table from placed cells: a cell spanning rows or columns is repeated in each (so
    /// every cell has its row and column headers), except a row merged across the whole
    /// table, written once; cells past the limits are dropped.
    pub(crate) fn from_cells(cells: Vec<PlacedCell>) -> Option<Table> {
        let in_range = |c: &&PlacedCell| c.row < MAX_ROWS && c.col < MAX_COLS;
        let cells: Vec<&PlacedCell> = cells.iter().filter(in_range).collect();
        let height = cells.iter().map(|c| c.row.saturating_add(c.rows)).max()?.min(MAX_ROWS);
        let width = cells.iter().map(|c| c.col.saturating_add(c.cols)).max()?.min(MAX_COLS);
        let mut grid = vec![vec![String::new(); width]; height];
        // A hostile file may list a million cells each spanning the whole grid: no more cells
        // are filled in than the grid has places.
        for cell in cells.iter().take(MAX_ROWS * MAX_COLS) {
            let rows = cell.row..cell.row.saturating_add(cell.rows).min(height);
            // A row merged across the whole table (a note, a group's title) has no column
            // headers to give: its text once, in the first cell, not in every column.
            let across = cell.col == 0 && cell.cols >= width && width > 1;
            let span = if across { 1 } else { cell.cols };
            for row in &mut grid[rows] {
                let cols = cell.col..cell.col.saturating_add(span).min(width);
                for slot in &mut row[cols] {
                    slot.clone_from(&cell.text);
                }
            }
        }
        Table::new(grid)
    }

    /// The table as a GFM pipe table: the first row is the header row; cell text is escaped
    /// (a `|` included) so it renders as written.
    pub(crate) fn markdown(&self) -> String {
        let mut lines: Vec<String> = Vec::with_capacity(self.rows.len() + 1);
        for (i, row) in self.rows.iter().enumerate() {
            let cells: Vec<String> = row.iter().map(|c| escape_cell(c)).collect();
            lines.push(format!("| {} |", cells.join(" | ")));
            if i == 0 {
                lines.push(format!("|{}|", vec![" --- "; row.len()].join("|")));
            }
        }
        lines.join("\n")
    }

    /// Whether the table only lays text out (a title box, a banner row merged across the
    /// table, blank cells for spacing): no row holds two different texts. 한/글 documents draw
    /// boxes this way; read as a table they would repeat one text in every column.
    pub(crate) fn is_layout(&self) -> bool {
        self.rows.iter().all(|row| {
            let mut texts = row.iter().filter(|c| !c.is_empty());
            let first = texts.next();
            texts.all(|c| Some(c) == first)
        })
    }

    /// The cells below the header row and right of the header column that hold a number,
    /// with the labels their headers give them.
    pub(crate) fn cell_figures(&self) -> Vec<CellFigure> {
        let Some(header) = self.rows.first() else { return Vec::new() };
        let mut out = Vec::new();
        for row in self.rows.iter().skip(1) {
            let row_head = row.first().map(String::as_str).unwrap_or("");
            for (j, cell) in row.iter().enumerate().skip(1) {
                if !cell.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
                    continue;
                }
                let col_head = header.get(j).map(String::as_str).unwrap_or("");
                let text = with_column_unit(cell, col_head);
                let label = join_label(row_head, &strip_unit(col_head));
                let note = format!("표: {row_head} / {col_head}: {cell}");
                let year = header_year(row_head).or_else(|| header_year(col_head));
                out.push(CellFigure { text, label, note, year });
            }
        }
        out
    }
}

/// A header that is a year (`2024년`, `2024`, `'24년` is not read): its four digits.
fn header_year(header: &str) -> Option<String> {
    let y = header.trim().trim_end_matches('년').trim();
    let plausible = y.len() == 4
        && y.chars().all(|c| c.is_ascii_digit())
        && (y.starts_with("19") || y.starts_with("20"));
    plausible.then(|| y.to_string())
}

/// Runs of whitespace (line breaks in a cell included) as one space, ends trimmed.
fn fold_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A cell's text for a pipe table: inline Markdown escaped (`|` too). A cell starts no
/// block, so the escaper's block-start escapes (`25\.0`) are not wanted: it is given the
/// text after a letter, which is then taken off.
fn escape_cell(c: &str) -> String {
    let escaped = escape_markdown(&format!("x{c}"));
    escaped.strip_prefix('x').unwrap_or(&escaped).to_string()
}

/// The unit a column header gives in parentheses at its end (`매출(억 원)`, `비율(%)`),
/// if it names one.
fn header_unit(header: &str) -> Option<&str> {
    let h = header.trim_end();
    let inner = h.strip_suffix(')').or_else(|| h.strip_suffix('）'))?;
    let open = inner.rfind(['(', '（'])?;
    let unit = inner[open..].trim_start_matches(['(', '（']).trim();
    let n = unit.chars().count();
    ((1..=6).contains(&n) && !unit.contains(|c: char| c.is_ascii_digit())).then_some(unit)
}

/// The header without its unit in parentheses (`매출(억 원)` → `매출`).
fn strip_unit(header: &str) -> String {
    let h = header.trim();
    match header_unit(h).and_then(|_| h.rfind(['(', '（'])) {
        Some(open) => h[..open].trim().to_string(),
        None => h.to_string(),
    }
}

/// A bare number (`78`, `1,234.5`) with the column's unit after it (`78%`, `1,234.5억 원`);
/// any other cell as written.
fn with_column_unit(cell: &str, header: &str) -> String {
    let bare = !cell.is_empty()
        && cell.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+'));
    match header_unit(header) {
        Some(unit) if bare => format!("{cell}{unit}"),
        _ => cell.to_string(),
    }
}

/// The label of a cell: its row header, then its column header.
fn join_label(row: &str, col: &str) -> String {
    match (row.trim(), col.trim()) {
        ("", "") => super::lines::TODO_LABEL.to_string(),
        (r, "") => r.to_string(),
        ("", c) => c.to_string(),
        (r, c) => format!("{r} {c}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Table {
        Table::new(rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect())
            .expect("a table")
    }

    #[test]
    fn spans_repeat_so_every_cell_has_headers() {
        let cell = |t: &str, rows, cols| SpanCell { text: t.into(), rows, cols };
        let placed = place_rows(vec![
            vec![cell("구분", 1, 1), cell("2024년", 1, 2)],
            vec![cell("수출", 2, 1), cell("1", 1, 1), cell("2", 1, 1)],
            vec![cell("3", 1, 1), cell("4", 1, 1)],
        ]);
        let t = Table::from_cells(placed).unwrap();
        assert_eq!(t.rows[2], ["수출", "3", "4"]);
        assert_eq!(t.rows[0], ["구분", "2024년", "2024년"]);
    }

    #[test]
    fn a_row_merged_across_the_table_is_written_once() {
        let cell = |t: &str, rows, cols| SpanCell { text: t.into(), rows, cols };
        let placed = place_rows(vec![
            vec![cell("구분", 1, 1), cell("점수", 1, 1)],
            vec![cell("실적", 1, 1), cell("10", 1, 1)],
            vec![cell("※ 최근 5년간 실적", 1, 2)],
        ]);
        let t = Table::from_cells(placed).unwrap();
        assert_eq!(t.rows[2], ["※ 최근 5년간 실적", ""]);
    }

    #[test]
    fn a_table_is_layout_when_no_row_holds_two_texts() {
        assert!(table(&[&["", "순 서", ""], &["목차", "목차", "목차"]]).is_layout());
        assert!(!table(&[&["구분", "2024년"], &["기업", "67%"]]).is_layout());
    }

    #[test]
    fn pipe_table_escapes_bars() {
        let t = table(&[&["구분", "값"], &["a|b", "3"]]);
        assert_eq!(t.markdown(), "| 구분 | 값 |\n| --- | --- |\n| a\\|b | 3 |");
    }

    #[test]
    fn cells_take_row_and_column_labels_and_units() {
        let t = table(&[&["연도", "AI 프로젝트 수", "비율(%)"], &["2024년", "432만 개", "78"]]);
        let f = t.cell_figures();
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].label, "2024년 AI 프로젝트 수");
        assert_eq!(f[0].text, "432만 개");
        assert_eq!(f[1].label, "2024년 비율");
        assert_eq!(f[1].text, "78%");
    }
}
