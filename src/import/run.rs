//! The command's input and output: the article's bytes from a file or standard input, the
//! project's configuration, and the draft written where it belongs (or handed back for
//! standard output).

use super::draft::draft_extracted;
use super::formats::{Format, detect, extract};
use super::{Draft, ImportError};
use crate::content::Config;
use std::path::{Path, PathBuf};

/// What `yoyak import` is asked to do.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// The article file; `-` reads standard input.
    pub article: PathBuf,
    /// The project folder (its `yoyak.yaml` gives the languages and number style).
    pub root: PathBuf,
    /// Where to write: default `<root>/content/<id>.yaml`; `-` means standard output.
    pub output: Option<PathBuf>,
    /// Overwrite an existing file.
    pub force: bool,
    /// `--date YYYY-MM-DD`: the briefing's date, over the article's own; it also places the
    /// article's relative dates (`15일`, `지난해`).
    pub date: Option<String>,
}

/// What `yoyak import` did.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The draft.
    pub draft: Draft,
    /// Its YAML text.
    pub yaml: String,
    /// The file written, or `None` when the YAML is for standard output.
    pub written: Option<PathBuf>,
    /// Things the user should know (an unreadable `yoyak.yaml`).
    pub warnings: Vec<String>,
}

/// The largest article `import` reads (a long report as text is a few hundred kilobytes).
pub const ARTICLE_LIMIT: u64 = 16 << 20;

/// Decodes article bytes: UTF-8 (a BOM is dropped), any line ends. `name` is for messages.
pub fn decode(bytes: &[u8], name: &str) -> Result<String, ImportError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| ImportError::NotUtf8 { name: name.to_string(), offset: e.valid_up_to() })?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n").replace('\u{feff}', "");
    if text.trim().is_empty() {
        return Err(ImportError::Empty(name.to_string()));
    }
    Ok(text)
}

/// A draft from an article file's bytes in any format [`detect`] tells from `path` and the
/// bytes (never panics; a file that cannot be read is an error). Not yet within a project's
/// limits: [`super::fit()`] does that, as [`run`] does before writing.
pub fn draft_file(
    bytes: &[u8],
    path: &Path,
    style: &crate::numbers::Style,
) -> Result<Draft, ImportError> {
    let name = path.display().to_string();
    let extracted = extract(bytes, detect(path, bytes), &name)?;
    Ok(draft_extracted(&extracted, style, None))
}

/// The article's bytes from a file or standard input, refusing more than [`ARTICLE_LIMIT`].
fn read_article(path: &Path, stdin: bool) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let source: Box<dyn Read> = match stdin {
        true => Box::new(std::io::stdin()),
        false => Box::new(std::fs::File::open(path)?),
    };
    let mut bytes = Vec::new();
    source.take(ARTICLE_LIMIT + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > ARTICLE_LIMIT {
        let message = format!(
            "the article is over {} MiB; import takes one report at a time",
            ARTICLE_LIMIT >> 20
        );
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, message));
    }
    Ok(bytes)
}

/// Reads the article, drafts it and writes the draft (unless it goes to standard output).
pub fn run(opts: &ImportOptions) -> Result<Imported, ImportError> {
    let stdin = opts.article == Path::new("-");
    let name =
        if stdin { "standard input".to_string() } else { opts.article.display().to_string() };
    let bytes = read_article(&opts.article, stdin)
        .map_err(|source| ImportError::Read { name: name.clone(), source })?;
    let given = match &opts.date {
        Some(d) => Some(crate::content::parse_date(d).ok_or_else(|| ImportError::Date(d.clone()))?),
        None => None,
    };
    let mut warnings = Vec::new();
    let config = project_config(&opts.root, &mut warnings);
    let format = if stdin { Format::Text } else { detect(&opts.article, &bytes) };
    let extracted = extract(&bytes, format, &name)?;
    let mut draft = draft_extracted(&extracted, &config.numbers, given);
    warnings.extend(super::fit(&mut draft, &config.limits));
    let origin = if stdin {
        name.clone()
    } else {
        opts.article.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or(name)
    };
    let (yaml, unlinked) = super::yaml::linked(draft.to_yaml(&config.languages, &origin), &config);
    warnings.extend(unlinked);
    if yaml.len() as u64 > config.limits.file_size {
        warnings.push(format!(
            "the draft is {} bytes, over `limits.file-size` ({}): `yoyak check` will refuse it \
             until it is cut (drop sections the briefing does not need) or the limit is raised",
            yaml.len(),
            config.limits.file_size
        ));
    }
    let target = target_path(opts, &draft);
    if let Some(path) = &target {
        write_draft(path, &yaml, opts.force)?;
    }
    Ok(Imported { draft, yaml, written: target, warnings })
}

/// Where the draft goes: `-o PATH`, else `<root>/content/<id>.yaml`; `None` for `-o -`
/// (standard output).
fn target_path(opts: &ImportOptions, draft: &Draft) -> Option<PathBuf> {
    match &opts.output {
        Some(p) if p == Path::new("-") => None,
        Some(p) => Some(p.clone()),
        None => Some(opts.root.join("content").join(format!("{}.yaml", draft.id()))),
    }
}

/// Writes the draft atomically, refusing to replace an existing file unless `force`.
fn write_draft(path: &Path, yaml: &str, force: bool) -> Result<(), ImportError> {
    if path.exists() && !force {
        return Err(ImportError::Exists(path.to_path_buf()));
    }
    crate::output::write_atomic(path, yaml.as_bytes())
        .map_err(|source| ImportError::Write { path: path.to_path_buf(), source })?;
    Ok(())
}

/// The project's `yoyak.yaml`, or the defaults (with a warning when it does not load).
fn project_config(root: &Path, warnings: &mut Vec<String>) -> Config {
    let path = root.join(crate::content::CONFIG_FILE);
    match crate::content::load_config(root) {
        Ok((c, ds)) if ds.is_empty() => c,
        _ => {
            warnings.push(format!(
                "{} does not load; the draft uses the default languages (ko, en) and number style",
                path.display()
            ));
            Config::default()
        }
    }
}
