//! What each fuzz target runs, shared with the regression tests (`tests/it/fuzz_regressions.rs`
//! includes this file), so a saved crashing input replays through exactly the target's code.
//! Every function must return normally for any bytes; a panic, a hang or a runaway allocation
//! is a finding.

use std::path::{Path, PathBuf};
use yoyak::content::{Config, Glossary, Project, load_file};
use yoyak::diagnostic::report::{self, Palette};
use yoyak::numbers::{self, Style};

/// Inputs longer than this are cut: the targets look for wrong behaviour, not slow big inputs
/// (the linearity tests cover size).
pub const MAX_INPUT: usize = 64 * 1024;

/// The input as text: invalid UTF-8 replaced, cut at `MAX_INPUT` bytes.
fn text(data: &[u8]) -> String {
    let data = &data[..data.len().min(MAX_INPUT)];
    String::from_utf8_lossy(data).into_owned()
}

/// Whether `s` holds a control character a terminal would act on (tab and newline are fine).
fn has_raw_control(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// `load`: the YAML loader and validation, with the default settings.
pub fn load(data: &[u8]) {
    let data = &data[..data.len().min(MAX_INPUT)];
    let loaded = load_file(PathBuf::from("content/fuzz.yaml"), data.to_vec(), &Config::default());
    if let Some(b) = &loaded.briefing {
        let _ = b.texts();
        let _ = b.slim(&Config::default().numbers);
    }
}

/// `numbers_ko` / `numbers_en`: find every figure, format each back in the same language and
/// read the result again. Spans must cut the text at character boundaries, in order, without
/// overlapping (`import` relies on it).
pub fn numbers(data: &[u8], lang: &str) {
    let text = text(data);
    let style = Style::default();
    for dateline in [None, Some((2026, 2, 15))] {
        let mut end = 0;
        for f in numbers::find_with_dateline(&text, lang, dateline) {
            assert_eq!(text.get(f.span.clone()), Some(f.source.as_str()), "span of {f:?}");
            assert!(f.span.start >= end, "{f:?} overlaps the figure before it");
            end = f.span.end;
            let written = numbers::format(&f.quantity, lang, &style);
            let _ = numbers::find(&written, lang);
            let _ = numbers::compare(&f.quantity, &f.quantity);
        }
    }
}

/// `import`: an article becomes a draft, and the draft's YAML loads as a briefing.
pub fn import(data: &[u8]) {
    let data = &data[..data.len().min(MAX_INPUT)];
    let Ok(mut draft) = yoyak::import::draft(data, "fuzz.txt", &Style::default()) else { return };
    // As `yoyak import` does: the draft kept within the limits it must load under.
    let _ = yoyak::import::fit(&mut draft, &Config::default().limits);
    let langs = ["ko".to_string(), "en".to_string()];
    let yaml = draft.to_yaml(&langs, "fuzz.txt");
    let loaded =
        load_file(PathBuf::from("content/draft.yaml"), yaml.into_bytes(), &Config::default());
    assert!(loaded.briefing.is_some(), "the draft does not load: {:?}", loaded.diagnostics);
}

/// `import_formats`: any bytes as an article file whose format is told by its content (an
/// HWPX package, a PDF, an HTML page, else text): an error or a draft that loads, never a panic.
pub fn import_formats(data: &[u8]) {
    let data = &data[..data.len().min(MAX_INPUT)];
    let path = std::path::Path::new("fuzz");
    let Ok(mut draft) = yoyak::import::draft_file(data, path, &Style::default()) else { return };
    let _ = yoyak::import::fit(&mut draft, &Config::default().limits);
    let langs = ["ko".to_string(), "en".to_string()];
    let yaml = draft.to_yaml(&langs, "fuzz");
    let loaded =
        load_file(PathBuf::from("content/draft.yaml"), yaml.into_bytes(), &Config::default());
    assert!(loaded.briefing.is_some(), "the draft does not load: {:?}", loaded.diagnostics);
}

/// `markdown`: Markdown to HTML, to the Typst block tree and to safe Markdown.
pub fn markdown(data: &[u8]) {
    use yoyak::markdown::{to_blocks, to_html, to_safe_markdown};
    let text = text(data);
    let _ = to_html(&text);
    let _ = to_blocks(&text);
    let safe = to_safe_markdown(&text);
    let _ = to_blocks(&safe);
}

/// `check`: load a briefing, run every per-file check, print the findings in each format.
/// Printed for people without colour, the report holds no control character from the input.
pub fn check(data: &[u8]) {
    let data = &data[..data.len().min(MAX_INPUT)];
    let file = PathBuf::from("content/fuzz.yaml");
    let loaded = load_file(file.clone(), data.to_vec(), &Config::default());
    let source = loaded.source.clone();
    let project = Project {
        root: PathBuf::from("."),
        config: Config::default(),
        files: vec![loaded],
        glossary: Glossary::default(),
        diagnostics: Vec::new(),
    };
    let mut diags: Vec<_> = project.all_diagnostics().cloned().collect();
    diags.extend(yoyak::check::check_project(&project));
    let diags = report::sorted(diags);
    let source_of = |p: &Path| (p == file).then(|| source.clone());
    let human = report::human_with(&diags, &source_of, Palette::new(false));
    assert!(!has_raw_control(&human), "raw control character in the human report");
    let github = report::github(&diags);
    assert!(!has_raw_control(&github), "raw control character in the github report");
    let _ = report::json(&diags, 1);
}
