//! `yoyak serve`: the editors' loop. Build, serve `build/` on the loopback interface, rebuild
//! when content, templates, fonts or `yoyak.yaml` change, and reload open pages.
//!
//! - Live reload: HTML responses (never the files on disk) get a small script that polls
//!   `/__yoyak/version` and reloads the page when the build version changes.
//! - Errors: when the last build had errors, HTML responses also get an overlay listing them
//!   (file, line, field, what is wrong and the fix, all escaped); the last good output is
//!   still what is served, since a broken briefing keeps its last good files.
//! - A small HTTP/1.1 server (`Connection: close`, GET and HEAD only) with bounded threads
//!   and connections ([`conn`]); it answers only requests addressed to the loopback host it
//!   listens on ([`http`]).

mod conn;
mod http;
mod overlay;

pub use conn::{HEAD_TIMEOUT, MAX_HEAD, MAX_PENDING, MAX_QUEUED, WORKERS};
pub use overlay::{escape_html, inject};

use crate::build::{BuildOptions, build};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::report::{self, Palette};
use notify::{EventKind, RecursiveMode, Watcher};
use overlay::{overlay_html, overlay_message};
use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The path pages poll for the build version.
pub const VERSION_PATH: &str = "/__yoyak/version";

/// How long the watcher waits for a burst of file events to end before it rebuilds.
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// The longest a steady stream of file events can put a rebuild off.
const MAX_DEBOUNCE: Duration = Duration::from_secs(1);

/// What to serve.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// Project root (holds `content/`).
    pub root: PathBuf,
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Open the site in a browser once it is up (best effort).
    pub open: bool,
}

/// Failures that stop the server (a broken build does not: it shows as an overlay).
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// There is no `content/` folder: probably not a project folder.
    #[error("no content folder at {0}: run yoyak serve in a project folder or pass --root DIR")]
    NoContent(PathBuf),
    /// The port could not be bound.
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Bind {
        /// The port asked for.
        port: u16,
        /// Why.
        source: std::io::Error,
    },
    /// File watching could not start.
    #[error("cannot watch {path} for changes: {source}")]
    Watch {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: notify::Error,
    },
    /// The Ctrl-C handler could not be installed.
    #[error("cannot handle Ctrl-C: {0}")]
    Signal(String),
}

/// What the HTTP threads need to know about the latest build.
#[derive(Debug, Default)]
struct State {
    /// Changes whenever the pages should reload.
    version: String,
    /// Escaped HTML of the last build's errors; empty when it had none.
    overlay: String,
}

/// The live state shared between the watcher and the HTTP threads.
#[derive(Clone)]
struct Shared {
    state: Arc<Mutex<State>>,
    /// Makes versions of different server runs differ, so a restarted server reloads pages.
    run: String,
}

impl Shared {
    /// The current version and overlay.
    fn snapshot(&self) -> (String, String) {
        let s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        (s.version.clone(), s.overlay.clone())
    }
}

/// Messages to the main loop.
enum Msg {
    /// A file system event.
    Fs(notify::Result<notify::Event>),
    /// Ctrl-C.
    Stop,
}

/// Run the server until Ctrl-C: build, print the URL on standard output, serve, watch, rebuild.
pub fn serve(opts: &ServeOptions) -> Result<(), ServeError> {
    if !opts.root.join("content").is_dir() {
        return Err(ServeError::NoContent(opts.root.join("content")));
    }
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, opts.port)))
        .map_err(|source| ServeError::Bind { port: opts.port, source })?;
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(opts.port);
    let url = format!("http://127.0.0.1:{port}/");
    // Absolute, so that the watcher's event paths compare with it.
    let root = opts.root.canonicalize().unwrap_or_else(|_| opts.root.clone());
    let out = BuildOptions::new(&root).out;

    let (tx, rx) = channel::<Msg>();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Msg::Stop);
    })
    .map_err(|e| ServeError::Signal(e.to_string()))?;
    let (mut watcher, mut watched) = watch(&root, tx.clone())?;

    let shared = Shared { state: Arc::new(Mutex::new(State::default())), run: run_id() };
    eprintln!("yoyak: building {}", root.display());
    rebuild(&root, &shared, 0);

    let host_ok = vec![format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    let site = http::Site { out, shared: shared.clone(), host_ok };
    std::thread::spawn(move || conn::run(listener, site));
    println!("yoyak: serving {url} (Ctrl-C to stop)");
    let _ = std::io::stdout().flush();
    if opts.open {
        open_browser(&url);
    }

    let mut builds = 1u64;
    loop {
        let first = match rx.recv() {
            Ok(Msg::Stop) | Err(_) => break,
            Ok(Msg::Fs(event)) => event,
        };
        if !relevant(&root, &first) {
            continue;
        }
        let saved = Instant::now();
        if !settle(&rx, saved) {
            break;
        }
        // `templates/` or `fonts/` may have been created since the start. Files written into
        // a new folder before it was watched raise no event: give it a moment to fill.
        if watch_inputs(&mut watcher, &root, &mut watched) {
            std::thread::sleep(DEBOUNCE);
            if matches!(rx.try_recv(), Ok(Msg::Stop)) {
                break;
            }
            while let Ok(Msg::Fs(_)) = rx.try_recv() {}
        }
        let build_time = rebuild(&root, &shared, builds);
        builds += 1;
        // From the save (the debounce included) and the build alone: what an editor waits for,
        // and what yoyak spent.
        eprintln!(
            "yoyak: change → rebuilt in {:.2}s (build {:.2}s)",
            saved.elapsed().as_secs_f64(),
            build_time
        );
    }
    eprintln!("yoyak: stopped");
    Ok(())
}

/// A stamp that differs between server runs (time and process id).
fn run_id() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{:x}", nanos ^ u128::from(std::process::id()))
}

/// Wait for a burst of file events that began at `saved` to end (an editor's save is often
/// several events: write, rename, chmod); false when the server is to stop.
fn settle(rx: &Receiver<Msg>, saved: Instant) -> bool {
    loop {
        match rx.recv_timeout(DEBOUNCE) {
            Ok(Msg::Fs(_)) if saved.elapsed() < MAX_DEBOUNCE => continue,
            Ok(Msg::Fs(_)) | Err(RecvTimeoutError::Timeout) => return true,
            Ok(Msg::Stop) | Err(RecvTimeoutError::Disconnected) => return false,
        }
    }
}

/// The folders whose files are build inputs (`yoyak.yaml` is watched through the root).
const INPUT_DIRS: [&str; 3] = ["content", "templates", "fonts"];

/// Watch `content/`, `templates/`, `fonts/` (recursively, when present) and the root itself
/// (for `yoyak.yaml` and for those folders appearing). The root watch is not recursive, so
/// `build/` and `target/` stay quiet.
fn watch(
    root: &Path,
    tx: Sender<Msg>,
) -> Result<(notify::RecommendedWatcher, Vec<PathBuf>), ServeError> {
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(Msg::Fs(event));
    })
    .map_err(|source| ServeError::Watch { path: root.to_path_buf(), source })?;
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|source| ServeError::Watch { path: root.to_path_buf(), source })?;
    let mut watched = Vec::new();
    for dir in INPUT_DIRS {
        let path = root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|source| ServeError::Watch { path: path.clone(), source })?;
            watched.push(path);
        }
    }
    Ok((watcher, watched))
}

/// Start watching input folders created after the server started (best effort); whether a
/// folder was added.
fn watch_inputs(
    watcher: &mut notify::RecommendedWatcher,
    root: &Path,
    watched: &mut Vec<PathBuf>,
) -> bool {
    let before = watched.len();
    for dir in INPUT_DIRS {
        let path = root.join(dir);
        if path.is_dir()
            && !watched.contains(&path)
            && watcher.watch(&path, RecursiveMode::Recursive).is_ok()
        {
            watched.push(path);
        }
    }
    watched.len() > before
}

/// Whether a file event can change the build. Reads (including the build's own) are not;
/// neither are editors' hidden swap files and backups, nor anything outside the inputs.
fn relevant(root: &Path, event: &notify::Result<notify::Event>) -> bool {
    let Ok(event) = event else { return true };
    let kind_counts = match event.kind {
        EventKind::Access(notify::event::AccessKind::Close(notify::event::AccessMode::Write)) => {
            true
        }
        EventKind::Access(_) => false,
        _ => true,
    };
    kind_counts
        && event.paths.iter().any(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
            if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
                return false;
            }
            let rel = p.strip_prefix(root).unwrap_or(p);
            let mut parts = rel.components();
            match parts.next() {
                Some(Component::Normal(first)) => {
                    let first = first.to_string_lossy();
                    matches!(first.as_ref(), "content" | "templates" | "fonts")
                        || (first == "yoyak.yaml" && parts.next().is_none())
                }
                _ => false,
            }
        })
}

/// Build once and publish the outcome to the HTTP threads. `n` numbers the build. Returns the
/// build's wall time in seconds (0 when it stopped with an error).
fn rebuild(root: &Path, shared: &Shared, n: u64) -> f64 {
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
    let mut s = shared.state.lock().unwrap_or_else(|e| e.into_inner());
    if n == 0 || changed || s.overlay != overlay {
        s.version = format!("{}-{n}", shared.run);
    }
    s.overlay = overlay;
    took
}

/// Open `url` in the default browser, if a way to do so is at hand; failure is not an error.
fn open_browser(url: &str) {
    let candidates: &[(&str, &[&str])] = if cfg!(target_os = "macos") {
        &[("open", &[])]
    } else if cfg!(windows) {
        &[("cmd", &["/C", "start", ""])]
    } else {
        &[("xdg-open", &[])]
    };
    for (program, args) in candidates {
        let spawned = std::process::Command::new(program)
            .args(*args)
            .arg(url)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        if spawned.is_ok() {
            return;
        }
    }
    eprintln!("yoyak: could not open a browser; open {url} yourself");
}
