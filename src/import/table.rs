//! A table read from an HTML page, an HWPX file or a PDF: its cells as a GFM pipe table in
//! the draft's body, and its numeric cells as figures labelled by their row and column
//! headers (`2024년 AI 프로젝트 수`).

use super::body::escape_markdown;

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
        ("", "") => super::figures::TODO_LABEL.to_string(),
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
