//! A PDF's text with where it stands: pdf-extract walks the content streams and hands each
//! glyph to an [`OutputDev`] with its text matrix; this one writes the page's lines exactly as
//! pdf-extract's own plain-text output does (so text outside tables reads as before) and also
//! keeps each line's runs: stretches of glyphs on one baseline with no wide gap inside, which
//! is what a table cell's text is on one line.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// A gap wider than this many font sizes ends a run: cell padding in tables (yoyak's are at
/// least 10 pt apart at 8.5–10 pt) is wider, a word space (even stretched by justification)
/// narrower.
const RUN_GAP: f64 = 0.9;

/// Glyphs on one baseline with no wide gap between them.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Run {
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Baseline, from the top of the page down.
    pub y: f64,
    /// Font size as set on the page.
    pub size: f64,
    /// The text, with the spaces the plain-text output puts between words.
    pub text: String,
}

/// A line of a page as pdf-extract's plain-text output writes it, with its runs.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Line {
    /// The line's text.
    pub text: String,
    /// Its runs, left to right as the file draws them.
    pub runs: Vec<Run>,
}

/// The pages of a loaded PDF as lines with runs; stops at the first page that cannot be read,
/// as pdf-extract's page-by-page extraction does.
pub(super) fn pages(doc: &lopdf::Document) -> Vec<Vec<Line>> {
    let mut out = Vec::new();
    for page in 1..=doc.get_pages().len() as u32 {
        let mut dev = Collector::default();
        if pdf_extract::output_doc_page(doc, &mut dev, page).is_err() {
            break;
        }
        out.push(dev.lines);
    }
    out
}

/// Collects one page: pdf-extract's plain-text rules for line breaks and spaces
/// (`PlainTextOutput`), plus runs.
struct Collector {
    /// The page's lines so far; the last is being written.
    lines: Vec<Line>,
    /// Page height, to measure baselines from the top.
    height: f64,
    /// Where the last glyph ended.
    last_end: f64,
    /// The last glyph's baseline.
    last_y: f64,
    /// Whether the next glyph starts a word (the file says so).
    first_char: bool,
    /// The last glyph as the file placed it (`x`, `y`) and where it ended by its width or,
    /// when the file gives none, by an estimate: see [`advance`].
    pen: (f64, f64, f64),
}

impl Default for Collector {
    fn default() -> Self {
        Collector {
            lines: vec![Line::default()],
            height: 0.0,
            last_end: 100_000.0,
            last_y: 0.0,
            first_char: false,
            pen: (f64::NAN, f64::NAN, f64::NAN),
        }
    }
}

impl Collector {
    /// Starts a new line.
    fn newline(&mut self) {
        self.lines.push(Line::default());
    }

    /// Adds a glyph at `x`, `y` to the current line's runs: a new run after a wide gap, a
    /// change of baseline or a step back to the left.
    fn add_to_run(&mut self, x: f64, y: f64, end: f64, size: f64, text: &str, spaced: bool) {
        let Some(line) = self.lines.last_mut() else { return };
        let continues = line.runs.last().is_some_and(|r| {
            x <= r.x1 + RUN_GAP * size && x >= r.x1 - size && (y - r.y).abs() <= 0.5 * size
        });
        match line.runs.last_mut() {
            Some(run) if continues => {
                if spaced {
                    run.text.push(' ');
                }
                run.text.push_str(text);
                run.x1 = run.x1.max(end);
            }
            _ => line.runs.push(Run { x0: x, x1: end, y, size, text: text.to_string() }),
        }
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _: u32,
        media_box: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    /// pdf-extract's `PlainTextOutput::output_character`, its arithmetic written out (the
    /// page flip and the font size vector), plus the run.
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let (x, y) = (trm.m31, self.height - trm.m32);
        let (vx, vy) = (font_size * (trm.m11 + trm.m21), font_size * (trm.m12 + trm.m22));
        let size = (vx * vy).sqrt();
        let mut spaced = false;
        if self.first_char {
            let dy = (y - self.last_y).abs();
            if dy > size * 1.5 {
                self.newline();
            }
            if x < self.last_end && dy > size * 0.5 {
                self.newline();
            }
            if x > self.last_end + size * 0.1 {
                spaced = true;
            }
        }
        let end = x + width * size;
        let (px, py, pen_end) = self.pen;
        let advance = if width > 0.0 { width } else { advance(char) };
        // A font without widths (pdf-extract reads none from the CID fonts Typst writes)
        // leaves every glyph of a string, and every string of a `TJ` array, where the first
        // began, moved only by the array's kerning (far less than a glyph): place each after
        // the one before. A string the file places itself has moved on by about a glyph.
        let kerned = width <= 0.0 && y == py && (x - px).abs() < 0.5 * (pen_end - px).abs();
        let at = if kerned { pen_end + (x - px) } else { x };
        self.pen = (x, y, at + advance * size);
        let (run_x, run_end) = (at, at + advance * size);
        let Some(line) = self.lines.last_mut() else { return Ok(()) };
        if spaced {
            line.text.push(' ');
        }
        line.text.push_str(char);
        // A space already written before a glyph that starts a new line's first run.
        let spaced = spaced && !line.runs.is_empty();
        self.add_to_run(run_x, y, run_end, size, char, spaced);
        self.first_char = false;
        self.last_y = y;
        self.last_end = end;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.first_char = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A glyph's advance in font sizes when the file gives none: a Hangul syllable or another
/// full-width character about 0.9, Latin and digits about half, a space a quarter.
fn advance(glyph: &str) -> f64 {
    glyph
        .chars()
        .map(|c| match c {
            ' ' => 0.25,
            '0'..='9' => 0.58,
            'A'..='Z' | '%' => 0.65,
            'a'..='z' => 0.5,
            c if c.is_ascii() => 0.33,
            c if crate::text::is_hangul_syllable(c) || c >= '\u{2E80}' => 0.9,
            _ => 0.6,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines are pdf-extract's own plain text, so text outside tables reads as before.
    #[test]
    fn lines_are_pdf_extracts_plain_text() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import-formats");
        for name in ["kdi-ai.pdf", "exports-table.pdf", "prose.pdf"] {
            let bytes = std::fs::read(dir.join(name)).unwrap();
            let want = pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap();
            let doc = lopdf::Document::load_mem(&bytes).unwrap();
            let got: Vec<String> = pages(&doc)
                .iter()
                .map(|p| p.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n"))
                .collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn estimated_advances() {
        assert!((advance("한국") - 1.8).abs() < 1e-9);
        assert!((advance("25.0") - (3.0 * 0.58 + 0.33)).abs() < 1e-9);
    }
}
