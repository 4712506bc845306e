//! The live state of `yoyak serve`: the build version pages poll to reload, and the error
//! overlay of the last build, shared between the rebuilding loop and the HTTP workers.

use super::overlay::{overlay_html, overlay_message};
use crate::build::{BuildOptions, build};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::report::{self, Palette};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// What the HTTP threads need to know about the latest build.
#[derive(Debug, Default)]
struct State {
    /// Changes whenever the pages should reload.
    version: String,
    /// Escaped HTML of the last build's errors; empty when it had none.
    overlay: String,
}

/// The latest build's version and overlay, as one request sees them.
pub(super) struct Snapshot {
    /// Changes whenever the pages should reload.
    pub version: String,
    /// Escaped HTML of the last build's errors; empty when it had none.
    pub overlay: String,
}

/// The live state shared between the rebuilding loop and the HTTP threads.
#[derive(Clone)]
pub(super) struct Shared {
    state: Arc<Mutex<State>>,
    /// Makes versions of different server runs differ, so a restarted server reloads pages.
    run: String,
}

impl Shared {
    /// A fresh state for this server run (no build yet).
    pub(super) fn new() -> Shared {
        Shared { state: Arc::new(Mutex::new(State::default())), run: run_id() }
    }

    /// The current version and overlay.
    pub(super) fn snapshot(&self) -> Snapshot {
        let s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        Snapshot { version: s.version.clone(), overlay: s.overlay.clone() }
    }

    /// Record the outcome of build number `n`: a new version when pages should reload (the
    /// first build, files written or removed, or different errors), and its overlay.
    fn publish(&self, n: u64, overlay: String, changed: bool) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if n == 0 || changed || s.overlay != overlay {
            s.version = format!("{}-{n}", self.run);
        }
        s.overlay = overlay;
    }
}

/// A stamp that differs between server runs (time and process id).
fn run_id() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{:x}", nanos ^ u128::from(std::process::id()))
}

/// Build once, print the diagnostics on standard error and publish the outcome to the HTTP
/// threads. `n` numbers the build. Returns the build's wall time in seconds (0 when it
/// stopped with an error).
pub(super) fn rebuild(root: &Path, shared: &Shared, n: u64) -> f64 {
    let result = build(&BuildOptions::new(root));
    let took = result.as_ref().map_or(0.0, |r| r.timings.total);
    let (overlay, changed) = match &result {
        Ok(r) => {
            let errors: Vec<Diagnostic> =
                r.diagnostics.iter().filter(|d| d.is_error()).cloned().collect();
            eprint!("{}", report::human(&r.diagnostics, root, Palette::new(false)));
            for f in &r.failed {
                let (file, reason) = (f.file.display().to_string(), &f.reason);
                let safe = report::terminal_safe;
                eprintln!("not built: {}: {}", safe(&file), safe(reason));
            }
            (overlay_html(root, &errors, r), r.written + r.removed > 0)
        }
        Err(e) => {
            eprintln!("error: {}", report::terminal_safe(&e.to_string()));
            (overlay_message(&format!("the build stopped: {e}")), false)
        }
    };
    shared.publish(n, overlay, changed);
    took
}
