//! `yoyak serve`: the editors' loop. Build, serve `build/` on the loopback interface, rebuild
//! when content, templates, fonts or `yoyak.yaml` change, and reload open pages.
//!
//! - Watching ([`watch`]): notify-debouncer-full batches the file events of the inputs; a
//!   batch that touches one starts a rebuild ([`live`]), which publishes a new version.
//! - Live reload: HTML responses (never the files on disk) get a small script that polls
//!   `/__yoyak/version` and reloads the page when the build version changes ([`overlay`]).
//! - Errors: when the last build had errors, HTML responses also get an overlay listing them
//!   (file, line, field, what is wrong and the fix, all escaped); the last good output is
//!   still what is served, since a broken briefing keeps its last good files.
//! - A small HTTP/1.1 server (`Connection: close`, GET and HEAD only) with bounded threads,
//!   connections, head sizes and time ([`server`]); it answers only requests addressed to the
//!   loopback host it listens on ([`routes`]).

mod files;
mod http;
mod live;
mod overlay;
mod routes;
mod server;
mod watch;

pub use overlay::{escape_html, inject};
pub use server::{HEAD_TIMEOUT, MAX_HEAD, MAX_PENDING, MAX_QUEUED, WORKERS};
pub use watch::DEBOUNCE;

use crate::build::BuildOptions;
use live::{Shared, rebuild};
use notify_debouncer_full::{DebounceEventResult, notify};
use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use watch::InputWatch;

/// The path pages poll for the build version.
pub const VERSION_PATH: &str = "/__yoyak/version";

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

/// Messages to the main loop.
enum Msg {
    /// A debounced batch of file events (or watcher errors).
    Fs(DebounceEventResult),
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

    let (tx, rx) = channel::<Msg>();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Msg::Stop);
    })
    .map_err(|e| ServeError::Signal(e.to_string()))?;
    let mut watch = InputWatch::start(&root, move |batch| {
        let _ = tx.send(Msg::Fs(batch));
    })?;

    let shared = Shared::new();
    eprintln!("yoyak: building {}", root.display());
    rebuild(&root, &shared, 0);

    let host_ok = vec![format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    let site = routes::Site { out: BuildOptions::new(&root).out, shared: shared.clone(), host_ok };
    std::thread::spawn(move || server::run(listener, site));
    println!("yoyak: serving {url} (Ctrl-C to stop)");
    let _ = std::io::stdout().flush();
    if opts.open {
        open_browser(&url);
    }
    rebuild_on_changes(&root, &shared, &mut watch, &rx);
    eprintln!("yoyak: stopped");
    Ok(())
}

/// Rebuild whenever a batch of file events touches an input, until Ctrl-C.
fn rebuild_on_changes(root: &Path, shared: &Shared, watch: &mut InputWatch, rx: &Receiver<Msg>) {
    let mut builds = 1u64;
    loop {
        let batch = match rx.recv() {
            Ok(Msg::Stop) | Err(_) => return,
            Ok(Msg::Fs(batch)) => batch,
        };
        let Some(saved) = watch.first_change(&batch) else { continue };
        // `templates/` or `fonts/` may have been created since the start. Files written into
        // a new folder before it was watched raise no event: give it a moment to fill.
        if watch.watch_new_inputs() {
            std::thread::sleep(DEBOUNCE);
        }
        // Batches that came in meanwhile are covered by this build.
        loop {
            match rx.try_recv() {
                Ok(Msg::Fs(_)) => continue,
                Ok(Msg::Stop) => return,
                Err(_) => break,
            }
        }
        let build_time = rebuild(root, shared, builds);
        builds += 1;
        // From the save (the debounce included) and the build alone: what an editor waits for,
        // and what yoyak spent.
        eprintln!(
            "yoyak: change → rebuilt in {:.2}s (build {:.2}s)",
            saved.elapsed().as_secs_f64(),
            build_time
        );
    }
}

/// Open `url` in the default browser (best effort): failure is not an error.
fn open_browser(url: &str) {
    if open::that_detached(url).is_err() {
        eprintln!("yoyak: could not open a browser; open {url} yourself");
    }
}
