//! Tables as real `hp:tbl` objects, written row by row: every child the package validator
//! requires (`hp:sz`, `hp:pos`, both margins, `rowCnt`/`colCnt`; per cell `hp:subList`,
//! `hp:cellAddr`, `hp:cellSpan`, `hp:cellSz`, `hp:cellMargin`).

use super::HwpxError;
use super::header::{CharShape, Fill, ParaShape};
use super::section::Body;

/// A row's height before 한/글 lays it out again (it grows to fit its text).
const ROW_HEIGHT: i32 = 1800;
/// Cell padding: left/right 1.8 mm, top/bottom 0.5 mm (한/글's defaults).
const CELL_MARGIN: [(&str, &str); 4] =
    [("left", "510"), ("right", "510"), ("top", "141"), ("bottom", "141")];

/// The shape of a table: its column widths and how many rows it has.
pub struct TableSpec {
    /// Column widths in HWPUNIT.
    pub widths: Vec<i32>,
    /// Number of rows.
    pub rows: usize,
    /// Rows at the top that repeat on each page (the header).
    pub header_rows: usize,
    /// The paragraph the table sits in (its indent).
    pub para: ParaShape,
}

/// A table being written: cells are opened in row order.
pub struct Table {
    widths: Vec<i32>,
    header_rows: usize,
    row: usize,
    col: usize,
}

impl Table {
    /// Open the table's paragraph, run and `hp:tbl` (in `lang`'s paragraph style).
    pub fn open(body: &mut Body, spec: TableSpec, lang: &str) -> Result<Table, HwpxError> {
        body.open_para(spec.para, lang)?;
        body.open_run(CharShape::BODY)?;
        let id = body.object_id();
        let (rows, cols) = (spec.rows.to_string(), spec.widths.len().to_string());
        let width: i32 = spec.widths.iter().sum();
        let height = ROW_HEIGHT * spec.rows as i32;
        let x = body.xml();
        x.open(
            "hp:tbl",
            &[
                ("id", &id),
                ("zOrder", "0"),
                ("numberingType", "TABLE"),
                ("textWrap", "TOP_AND_BOTTOM"),
                ("textFlow", "BOTH_SIDES"),
                ("lock", "0"),
                ("dropcapstyle", "None"),
                ("pageBreak", "CELL"),
                ("repeatHeader", if spec.header_rows > 0 { "1" } else { "0" }),
                ("rowCnt", &rows),
                ("colCnt", &cols),
                ("cellSpacing", "0"),
                ("borderFillIDRef", &Fill::Cell.id().to_string()),
                ("noAdjust", "0"),
            ],
        )?;
        x.empty(
            "hp:sz",
            &[
                ("width", &width.to_string()),
                ("widthRelTo", "ABSOLUTE"),
                ("height", &height.to_string()),
                ("heightRelTo", "ABSOLUTE"),
                ("protect", "0"),
            ],
        )?;
        position(x, false, spec.para.left)?;
        x.empty(
            "hp:outMargin",
            &[("left", "0"), ("right", "0"), ("top", "283"), ("bottom", "283")],
        )?;
        x.empty("hp:inMargin", &CELL_MARGIN)?;
        Ok(Table { widths: spec.widths, header_rows: spec.header_rows, row: 0, col: 0 })
    }

    /// Open the next cell (a new row starts after the last column), filled `fill`; the
    /// caller writes its paragraphs, then calls [`Table::close_cell`].
    pub fn open_cell(&mut self, body: &mut Body, fill: Fill) -> Result<(), HwpxError> {
        let x = body.xml();
        if self.col == 0 {
            x.open("hp:tr", &[])?;
        }
        let header = if self.row < self.header_rows { "1" } else { "0" };
        x.open(
            "hp:tc",
            &[
                ("name", ""),
                ("header", header),
                ("hasMargin", "0"),
                ("protect", "0"),
                ("editable", "0"),
                ("dirty", "0"),
                ("borderFillIDRef", &fill.id().to_string()),
            ],
        )?;
        x.open(
            "hp:subList",
            &[
                ("id", ""),
                ("textDirection", "HORIZONTAL"),
                ("lineWrap", "BREAK"),
                ("vertAlign", "CENTER"),
                ("linkListIDRef", "0"),
                ("linkListNextIDRef", "0"),
                ("textWidth", "0"),
                ("textHeight", "0"),
                ("hasTextRef", "0"),
                ("hasNumRef", "0"),
            ],
        )?;
        Ok(())
    }

    /// Close the cell opened last.
    pub fn close_cell(&mut self, body: &mut Body) -> Result<(), HwpxError> {
        let width = self.widths.get(self.col).copied().unwrap_or(0);
        let x = body.xml();
        x.close("hp:subList")?;
        x.empty(
            "hp:cellAddr",
            &[("colAddr", &self.col.to_string()), ("rowAddr", &self.row.to_string())],
        )?;
        x.empty("hp:cellSpan", &[("colSpan", "1"), ("rowSpan", "1")])?;
        x.empty(
            "hp:cellSz",
            &[("width", &width.to_string()), ("height", &ROW_HEIGHT.to_string())],
        )?;
        x.empty("hp:cellMargin", &CELL_MARGIN)?;
        x.close("hp:tc")?;
        self.col += 1;
        if self.col == self.widths.len() {
            x.close("hp:tr")?;
            self.col = 0;
            self.row += 1;
        }
        Ok(())
    }

    /// Close the table, its run and paragraph.
    pub fn close(self, body: &mut Body) -> Result<(), HwpxError> {
        body.xml().close("hp:tbl")?;
        body.close_run()?;
        body.close_para()
    }
}

/// `hp:pos` of an object anchored in its paragraph: like a character (a picture), or, for a
/// table, as a block `left` from the column's edge that may break across pages.
pub fn position(x: &mut super::xml::XmlOut, as_char: bool, left: i32) -> Result<(), HwpxError> {
    x.empty(
        "hp:pos",
        &[
            ("treatAsChar", if as_char { "1" } else { "0" }),
            ("affectLSpacing", "0"),
            ("flowWithText", "1"),
            ("allowOverlap", "0"),
            ("holdAnchorAndSO", "0"),
            ("vertRelTo", "PARA"),
            ("horzRelTo", "COLUMN"),
            ("vertAlign", "TOP"),
            ("horzAlign", "LEFT"),
            ("vertOffset", "0"),
            ("horzOffset", &left.to_string()),
        ],
    )?;
    Ok(())
}

/// Column widths summing to `total` for columns whose widest text is `ems` em of `size`
/// (HWPUNIT) text: each column gets its natural width when the table has room (the rest is
/// shared in proportion); when it has not, only the widest columns are narrowed, to a common
/// cap, so short columns (numbers, dates) never wrap.
pub fn column_widths(ems: &[f64], size: i32, total: i32) -> Vec<i32> {
    if ems.is_empty() {
        return Vec::new();
    }
    // Text, cell margins and a little slack for the estimate.
    let natural: Vec<f64> =
        ems.iter().map(|em| em.max(2.0) * f64::from(size) + 1020.0 + 300.0).collect();
    let total_f = f64::from(total);
    let sum: f64 = natural.iter().sum();
    let widths: Vec<f64> = if sum <= total_f {
        natural.iter().map(|w| w / sum * total_f).collect()
    } else {
        let cap = width_cap(&natural, total_f);
        natural.iter().map(|w| w.min(cap)).collect()
    };
    let mut out: Vec<i32> = widths.iter().map(|w| *w as i32).collect();
    let used: i32 = out.iter().sum();
    if let Some(widest) = out.iter_mut().max() {
        *widest += total - used;
    }
    out
}

/// The cap `c` with `Σ min(wᵢ, c) = total` (the columns under it keep their width).
fn width_cap(natural: &[f64], total: f64) -> f64 {
    let mut sorted = natural.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut below = 0.0;
    for (i, w) in sorted.iter().enumerate() {
        let rest = (sorted.len() - i) as f64;
        let cap = (total - below) / rest;
        if cap <= *w {
            return cap.max(0.0);
        }
        below += w;
    }
    sorted.last().copied().unwrap_or(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fill_the_table_exactly() {
        let w = column_widths(&[1.0, 40.0, 7.3], 900, 42520);
        assert_eq!(w.iter().sum::<i32>(), 42520);
        assert!(w[1] > w[2] && w[2] > w[0], "{w:?}");
        assert!(column_widths(&[], 900, 100).is_empty());
    }

    #[test]
    fn short_columns_keep_their_width_when_the_table_is_crowded() {
        let w = column_widths(&[60.0, 50.0, 4.0], 900, 42520);
        assert_eq!(w.iter().sum::<i32>(), 42520);
        assert!(w[2] >= 4 * 900 + 1020, "{w:?}");
        assert_eq!(w[0], w[1], "{w:?}");
    }
}
