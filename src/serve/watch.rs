//! Watching the build inputs of `yoyak serve`: `content/`, `templates/`, `fonts/` and
//! `yoyak.yaml`, through notify-debouncer-full.
//!
//! The debouncer holds each file event back for [`DEBOUNCE`] and hands over what has waited
//! that long as one batch, merged per file, so an editor's save (write, rename, chmod) arrives
//! as one batch and a steady stream of events never puts a rebuild off. The full debouncer
//! (rather than -mini) because it keeps each event's kind: the build's own reads raise
//! `Access` events, which must not start another build.

use super::ServeError;
use notify_debouncer_full::notify::event::{AccessKind, AccessMode};
use notify_debouncer_full::notify::{self, EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache};
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

/// How long the watcher holds a file event back so that a burst of them arrives as one batch.
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// The folders whose files are build inputs (`yoyak.yaml` is watched through the root).
const INPUT_DIRS: [&str; 3] = ["content", "templates", "fonts"];

/// The debounced watcher and the input folders it watches.
pub(super) struct InputWatch {
    /// Stops watching when dropped.
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    /// The project root (absolute, so that event paths compare with it).
    root: PathBuf,
    /// The input folders watched recursively so far.
    watched: Vec<PathBuf>,
}

impl InputWatch {
    /// Watch `content/`, `templates/`, `fonts/` (recursively, when present) and the root
    /// itself (for `yoyak.yaml` and for those folders appearing), handing each debounced batch
    /// to `on_batch`. The root watch is not recursive, so `build/` and `target/` stay quiet.
    pub(super) fn start(
        root: &Path,
        on_batch: impl FnMut(DebounceEventResult) + Send + 'static,
    ) -> Result<InputWatch, ServeError> {
        let failed = |path: &Path| {
            let path = path.to_path_buf();
            move |source| ServeError::Watch { path, source }
        };
        let debouncer =
            notify_debouncer_full::new_debouncer(DEBOUNCE, None, on_batch).map_err(failed(root))?;
        let mut watch = InputWatch { debouncer, root: root.to_path_buf(), watched: Vec::new() };
        watch.debouncer.watch(root, RecursiveMode::NonRecursive).map_err(failed(root))?;
        for path in watch.unwatched_inputs() {
            watch.debouncer.watch(&path, RecursiveMode::Recursive).map_err(failed(&path))?;
            watch.watched.push(path);
        }
        Ok(watch)
    }

    /// Input folders that exist but are not watched yet.
    fn unwatched_inputs(&self) -> Vec<PathBuf> {
        INPUT_DIRS
            .iter()
            .map(|dir| self.root.join(dir))
            .filter(|path| path.is_dir() && !self.watched.contains(path))
            .collect()
    }

    /// Start watching input folders created after the server started (best effort); whether
    /// a folder was added.
    pub(super) fn watch_new_inputs(&mut self) -> bool {
        let before = self.watched.len();
        for path in self.unwatched_inputs() {
            if self.debouncer.watch(&path, RecursiveMode::Recursive).is_ok() {
                self.watched.push(path);
            }
        }
        self.watched.len() > before
    }

    /// When the first change in a debounced batch that can change the build happened; `None`
    /// when nothing in it can. A watcher error might hide a change, so it counts (as now).
    pub(super) fn first_change(&self, batch: &DebounceEventResult) -> Option<Instant> {
        match batch {
            Ok(events) => {
                events.iter().filter(|e| relevant_event(&self.root, e)).map(|e| e.time).min()
            }
            Err(_) => Some(Instant::now()),
        }
    }
}

/// Whether a file event can change the build. Reads (including the build's own) are not;
/// neither are editors' hidden swap files and backups, nor anything outside the inputs.
fn relevant_event(root: &Path, event: &DebouncedEvent) -> bool {
    let kind_counts = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    };
    kind_counts && event.paths.iter().any(|p| is_input(root, p))
}

/// Whether `path` is a build input: under an input folder or `yoyak.yaml`, and not a hidden
/// file, swap file or backup.
fn is_input(root: &Path, path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
        return false;
    }
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut parts = rel.components();
    match parts.next() {
        Some(Component::Normal(first)) => {
            let first = first.to_string_lossy();
            INPUT_DIRS.contains(&first.as_ref())
                || (first == "yoyak.yaml" && parts.next().is_none())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_inputs_count() {
        let root = Path::new("/p");
        for yes in
            ["/p/content/a.yaml", "/p/templates/x/index.html", "/p/fonts/a.ttf", "/p/yoyak.yaml"]
        {
            assert!(is_input(root, Path::new(yes)), "{yes}");
        }
        for no in [
            "/p/build/index.html",
            "/p/content/.a.yaml.swp",
            "/p/content/a.yaml~",
            "/p/content/a.swp",
            "/p/yoyak.yaml/x",
            "/p/target/x",
        ] {
            assert!(!is_input(root, Path::new(no)), "{no}");
        }
    }
}
