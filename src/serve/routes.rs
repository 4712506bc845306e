//! Answering one request of `yoyak serve`: the `Host` check, GET and HEAD of files under
//! `build/` (HTML with the live-reload script and the error overlay), and the build version.
//! How connections are accepted and their heads read is in [`super::server`].

use super::VERSION_PATH;
use super::files::{content_type, is_html, resolve};
use super::http::{Head, Response, encode, send, text};
use super::live::{Shared, Snapshot};
use super::overlay::{escape_html, inject};
use std::net::TcpStream;
use std::path::PathBuf;

/// What every request is answered from: the output folder, the live state and the `Host`
/// values that address this server.
pub(super) struct Site {
    /// The output folder served.
    pub out: PathBuf,
    /// The latest build's version and overlay.
    pub shared: Shared,
    /// `127.0.0.1:PORT` and `localhost:PORT`.
    pub host_ok: Vec<String>,
}

/// Answer the request whose head is `head` on `stream` (one request; `Connection: close`).
pub(super) fn answer(stream: &mut TcpStream, head: &Head, site: &Site) {
    let head_only = head.method == "HEAD";
    send(stream, &encode(&response(head, site), head_only));
}

/// The response to a parsed request.
fn response(head: &Head, site: &Site) -> Response {
    // Only pages addressed to this server: a page on another site cannot read it through a
    // DNS name that resolves to 127.0.0.1 (DNS rebinding).
    if !head.host.as_ref().is_some_and(|h| site.host_ok.contains(h)) {
        return text("421 Misdirected Request", "wrong host\n");
    }
    if head.method != "GET" && head.method != "HEAD" {
        return text("405 Method Not Allowed", "GET only\n");
    }
    let path = head.target.split(['?', '#']).next().unwrap_or("/");
    let live = site.shared.snapshot();
    if path == VERSION_PATH {
        return text("200 OK", &live.version);
    }
    match resolve(&site.out, path) {
        Some(file) => match std::fs::read(&file) {
            Ok(bytes) if is_html(&file) => {
                let html = String::from_utf8_lossy(&bytes);
                let body = inject(&html, &live.version, &live.overlay).into_bytes();
                Response { status: "200 OK", content_type: content_type(&file), body }
            }
            Ok(body) => Response { status: "200 OK", content_type: content_type(&file), body },
            Err(_) => text("404 Not Found", "not found\n"),
        },
        None => not_found_page(path, &live),
    }
}

/// The HTML 404: it also reloads once the page exists, and shows why it does not yet.
fn not_found_page(path: &str, live: &Snapshot) -> Response {
    let page = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Not found</title></head>\
<body><h1>Not found</h1><p>{}</p></body></html>",
        escape_html(path)
    );
    Response {
        status: "404 Not Found",
        content_type: "text/html; charset=utf-8",
        body: inject(&page, &live.version, &live.overlay).into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site serving a temporary `build/` with one page, and the folder that holds it.
    fn site() -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("build");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("index.html"), "<html><body>hi</body></html>").unwrap();
        std::fs::write(out.join("feed.xml"), "<feed/>").unwrap();
        let host_ok = vec!["127.0.0.1:8000".to_string(), "localhost:8000".to_string()];
        (dir, Site { out, shared: Shared::new(), host_ok })
    }

    /// A request head.
    fn head(method: &str, target: &str, host: Option<&str>) -> Head {
        Head { method: method.into(), target: target.into(), host: host.map(String::from) }
    }

    #[test]
    fn routes_check_the_host_and_method_and_serve_pages_with_the_reload_script() {
        let (_dir, site) = site();
        let ok = Some("127.0.0.1:8000");
        for host in [None, Some("evil.example:8000"), Some("127.0.0.1:9")] {
            assert_eq!(response(&head("GET", "/", host), &site).status, "421 Misdirected Request");
        }
        assert_eq!(response(&head("POST", "/", ok), &site).status, "405 Method Not Allowed");
        let page = response(&head("GET", "/?x=1", Some("localhost:8000")), &site);
        assert_eq!(page.status, "200 OK");
        assert!(String::from_utf8(page.body).unwrap().contains(VERSION_PATH));
        let feed = response(&head("HEAD", "/feed.xml", ok), &site);
        assert_eq!(
            (feed.content_type, feed.body),
            ("application/atom+xml; charset=utf-8", b"<feed/>".to_vec())
        );
        assert_eq!(response(&head("GET", VERSION_PATH, ok), &site).status, "200 OK");
        let missing = response(&head("GET", "/nope.html", ok), &site);
        assert_eq!(missing.status, "404 Not Found");
        assert!(String::from_utf8(missing.body).unwrap().contains(VERSION_PATH));
    }
}
