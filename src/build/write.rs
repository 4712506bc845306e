//! Writing: rendered files go into the output folder atomically (an unchanged file is not
//! rewritten), and what a deleted briefing or digest left behind is removed.

use super::file_map;
use super::incremental::{CACHE_FILE, Cache, Entry};
use super::{BuildError, BuildOptions, BuildReport, Timings};
use crate::content::{Format, Loaded};
use crate::output::write_inside;
use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One output file in memory.
#[derive(Clone, Debug)]
pub struct OutputFile {
    /// Path relative to the output folder.
    pub path: PathBuf,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

impl OutputFile {
    /// The file `path` holding `bytes`.
    pub fn new(path: PathBuf, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile { path, bytes: bytes.into() }
    }
}

/// The paths of `files` and their sizes, their bytes dropped.
pub fn paths(files: Vec<OutputFile>) -> (Vec<PathBuf>, Vec<u64>) {
    files.into_iter().map(|f| (f.path, f.bytes.len() as u64)).unzip()
}

/// Write files atomically into `out`; returns how many changed on disk.
fn write_files(files: &[OutputFile], out: &Path) -> Result<usize, BuildError> {
    let mut written = 0;
    for f in files {
        if write_inside(out, &f.path, &f.bytes)
            .map_err(|source| BuildError::Write { path: out.join(&f.path), source })?
        {
            written += 1;
        }
    }
    Ok(written)
}

/// Write `files` into `out`, counting them (and the time) in `report`.
pub fn write_all(
    files: &[OutputFile],
    out: &Path,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    let t0 = Instant::now();
    report.produced += files.len();
    report.written += write_files(files, out)?;
    report.timings.write += t0.elapsed().as_secs_f64();
    Ok(())
}

/// What writing one rendered briefing left behind (the bytes are gone).
pub struct Written {
    /// Briefing id.
    pub id: String,
    /// The files, relative to the output folder.
    pub paths: Vec<PathBuf>,
    /// Their sizes, in the order of `paths`.
    pub sizes: Vec<u64>,
    /// How many of them changed on disk.
    pub written: usize,
    /// `.notdef` glyphs in its PDFs.
    pub notdef: usize,
    /// Its rendering times.
    pub timings: Timings,
    /// Seconds spent writing.
    pub write_time: f64,
}

/// Everything one document produced, in memory until all of it has succeeded.
#[derive(Default)]
pub struct Rendered {
    /// Its files.
    pub files: Vec<OutputFile>,
    /// `.notdef` glyphs in its PDFs.
    pub notdef: usize,
    /// Its rendering times.
    pub timings: Timings,
}

impl Rendered {
    /// Add another edition's files, glyph count and rendering times to these.
    pub fn absorb(&mut self, other: Rendered) {
        self.files.extend(other.files);
        self.notdef += other.notdef;
        self.timings.add_rendering(&other.timings);
    }
}

/// Write one briefing's files into `out`.
pub fn write_briefing(id: String, rendered: Rendered, out: &Path) -> Result<Written, BuildError> {
    let t0 = Instant::now();
    let written = write_files(&rendered.files, out)?;
    let (paths, sizes) = paths(rendered.files);
    Ok(Written {
        id,
        paths,
        sizes,
        written,
        notdef: rendered.notdef,
        timings: rendered.timings,
        write_time: t0.elapsed().as_secs_f64(),
    })
}

/// Delete what a briefing or digest that no longer exists left in `out`.
pub fn remove_outputs(files: &[PathBuf], out: &Path, report: &mut BuildReport) {
    for f in files {
        if crate::output::remove_inside(out, f) {
            report.removed += 1;
        }
    }
}

/// A content file that is gone takes its outputs (and its emptied folder) with it; a broken
/// one keeps its last good outputs (nothing is lost while the editor fixes it).
pub fn remove_deleted_briefings(
    files: &[Loaded],
    cache: &mut Cache,
    out: &Path,
    report: &mut BuildReport,
) {
    let present: BTreeSet<&OsStr> = files.iter().map(|f| file_map::key(&f.file)).collect();
    let gone: Vec<String> = cache
        .briefings
        .iter()
        .filter(|(_, e)| !present.contains(file_map::key(&e.source)))
        .map(|(id, _)| id.clone())
        .collect();
    for id in gone {
        if let Some(e) = cache.briefings.remove(&id) {
            remove_outputs(&e.files, out, report);
            if let Some(dir) = crate::output::inside(out, Path::new(&id)) {
                let _ = std::fs::remove_dir(dir);
            }
        }
    }
}

/// Digests taken out of the configuration take their files with them.
pub fn remove_dropped_digests(
    names: &BTreeSet<String>,
    cache: &mut Cache,
    out: &Path,
    report: &mut BuildReport,
) {
    let dropped: Vec<String> =
        cache.digests.keys().filter(|n| !names.contains(*n)).cloned().collect();
    for name in dropped {
        if let Some(e) = cache.digests.remove(&name) {
            remove_outputs(&e.files, out, report);
        }
    }
}

/// The last build's cache vouches for files this build is about to rewrite: were this build
/// killed before saving its own, an edit undone would find the killed build's files "fresh".
/// So no cache on disk until this build's is saved (after a kill the next build renders
/// everything again).
pub fn forget_cache(out: &Path) {
    let _ = std::fs::remove_file(out.join(CACHE_FILE));
}

/// Save this build's cache. Only a build without errors or warnings (hints aside: a build
/// only counts them) may be skipped next time: otherwise the next run must report them again.
pub fn save_cache(
    cache: &mut Cache,
    raw_inputs: String,
    opts: &BuildOptions,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    let clean = report.diagnostics.iter().all(|d| d.is_hint()) && report.failed.is_empty();
    cache.clean_inputs = clean.then_some(raw_inputs);
    let t0 = Instant::now();
    cache
        .save(&opts.out)
        .map_err(|source| BuildError::Write { path: opts.out.join(CACHE_FILE), source })?;
    report.timings.setup += t0.elapsed().as_secs_f64();
    Ok(())
}

/// A cache entry for files that came from no one content file (digests, index pages).
pub fn listing_entry(hash: String, files: Vec<OutputFile>, notdef: usize) -> Entry {
    let (files, sizes) = paths(files);
    Entry { hash, files, sizes, notdef, source: PathBuf::new() }
}

/// The files of one edition as they are rendered: `<dir>/<stem>.<extension>`.
pub struct EditionFiles {
    /// The folder under the output folder.
    pub dir: PathBuf,
    /// `<id>.<lang>` (or `<digest>.<lang>`).
    stem: String,
    /// What is rendered so far.
    pub rendered: Rendered,
}

impl EditionFiles {
    /// No files yet.
    pub fn new(dir: PathBuf, stem: String) -> Self {
        EditionFiles { dir, stem, rendered: Rendered::default() }
    }

    /// The PDF edition, with its layout and export times and its missing glyphs.
    pub fn add_pdf(&mut self, pdf: crate::render::pdf::Pdf) {
        let t = &mut self.rendered.timings;
        (t.layout, t.export) = (pdf.layout, pdf.export);
        self.rendered.notdef = pdf.notdef;
        self.add(Format::Pdf, pdf.bytes);
    }

    /// The HWPX edition, which took `seconds` to write.
    pub fn add_hwpx(&mut self, bytes: Vec<u8>, seconds: f64) {
        self.rendered.timings.hwpx = seconds;
        self.add(Format::Hwpx, bytes);
    }

    /// The edition in `format`.
    pub fn add(&mut self, format: Format, bytes: impl Into<Vec<u8>>) {
        let path = self.dir.join(format!("{}.{}", self.stem, format.extension()));
        self.rendered.files.push(OutputFile::new(path, bytes));
    }
}
