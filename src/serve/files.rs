//! The files `yoyak serve` answers with: request paths mapped into `build/` (never out of
//! it), and their content types.

use percent_encoding::percent_decode_str;
use std::path::{Path, PathBuf};

/// The `Content-Type` of a served file, by its extension. A table of the types yoyak writes
/// rather than a MIME crate: the feed must be `application/atom+xml` and Markdown
/// `text/markdown`, with a charset on every text type.
pub(super) fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "md" => "text/markdown; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/atom+xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "pdf" => "application/pdf",
        // The type an HWPX package names in its own `mimetype` entry.
        "hwpx" => "application/hwp+zip",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        _ => "application/octet-stream",
    }
}

/// Whether a served file is an HTML page (which gets the live-reload script and overlay).
pub(super) fn is_html(path: &Path) -> bool {
    content_type(path).starts_with("text/html")
}

/// The file under `out` that a request path (`%XX` escapes decoded) names, if it is safely
/// inside `out`: no `..`, no hidden file, no symbolic link leading out.
pub(super) fn resolve(out: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut file = out.to_path_buf();
    for part in decoded.split('/').filter(|p| !p.is_empty()) {
        if part == "." || part == ".." || part.starts_with('.') {
            return None;
        }
        file.push(part);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    let real = file.canonicalize().ok()?;
    let base = out.canonicalize().ok()?;
    (real.starts_with(&base) && real.is_file()).then_some(real)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("build");
        std::fs::create_dir_all(out.join("a")).unwrap();
        std::fs::write(out.join("index.html"), "x").unwrap();
        std::fs::write(out.join("a/b.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret"), "x").unwrap();
        assert!(resolve(&out, "/").is_some());
        assert!(resolve(&out, "/a/b.html").is_some());
        assert!(resolve(&out, "/a/%62.html").is_some());
        for bad in ["/../secret", "/a/../../secret", "/%2e%2e/secret", "/.yoyak-cache.json", "/%zz"]
        {
            assert!(resolve(&out, bad).is_none(), "{bad}");
        }
        assert!(resolve(&out, "/%ff").is_none(), "not UTF-8");
    }

    #[test]
    fn hwpx_is_served_as_an_hwpx_package() {
        assert_eq!(content_type(Path::new("b/b.ko.hwpx")), "application/hwp+zip");
    }
}
