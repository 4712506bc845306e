//! What `yoyak serve` adds to the HTML it serves: the live-reload script and the error
//! overlay (never written to the files on disk).

use super::VERSION_PATH;
use crate::build::BuildReport;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::report::{self, Palette};
use std::path::Path;

/// Escape text for HTML element content and attribute values.
pub use crate::render::escape_xml as escape_html;

const OVERLAY_STYLE: &str = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;\
z-index:2147483647;margin:0;padding:.75rem 1rem;background:#fff5f5;color:#1b1f24;\
border-top:4px solid #c62828;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;\
box-shadow:0 -4px 16px rgba(0,0,0,.2)";

/// The overlay box: a title, a note that the last good build is shown, and `body`.
fn overlay_frame(title: &str, body: &str) -> String {
    format!(
        "<div id=\"yoyak-overlay\" role=\"alert\" style=\"{OVERLAY_STYLE}\">\
<button type=\"button\" onclick=\"this.parentNode.remove()\" aria-label=\"close\" \
style=\"float:right;font-size:1.2rem;border:0;background:none;cursor:pointer\">×</button>\
<strong style=\"color:#c62828\">{}</strong>\
<p style=\"margin:.25rem 0\">The page shows the last good build. 마지막으로 성공한 빌드를 보여 줍니다.</p>\
{body}</div>",
        escape_html(title)
    )
}

/// The overlay for the last build's errors: each with file, line, field, message, the source
/// line underlined and the fix, exactly as `yoyak build` prints them; empty when none.
pub(super) fn overlay_html(root: &Path, errors: &[Diagnostic], r: &BuildReport) -> String {
    let unexplained: Vec<_> = r
        .failed
        .iter()
        .filter(|f| !errors.iter().any(|d| d.file == f.file))
        .map(|f| format!("not built: {}: {}", f.file.display(), f.reason))
        .collect();
    if errors.is_empty() && unexplained.is_empty() {
        return String::new();
    }
    let mut body = String::new();
    for d in errors {
        let text = report::human(std::slice::from_ref(d), root, Palette::new(false));
        body.push_str(&format!(
            "<pre style=\"margin:.6rem 0 0;white-space:pre-wrap\">{}</pre>",
            escape_html(text.trim_end())
        ));
    }
    for line in &unexplained {
        body.push_str(&format!("<pre style=\"margin:.25rem 0\">{}</pre>", escape_html(line)));
    }
    let n = errors.len() + unexplained.len();
    let title = format!(
        "yoyak: {n} error{} in the content · 내용 오류 {n}건",
        if n == 1 { "" } else { "s" }
    );
    overlay_frame(&title, &body)
}

/// The overlay for a build that stopped before building anything.
pub(super) fn overlay_message(message: &str) -> String {
    overlay_frame(
        "yoyak: the build failed · 빌드 실패",
        &format!("<pre style=\"margin:.25rem 0\">{}</pre>", escape_html(message)),
    )
}

/// How often an open page asks for the build version, in milliseconds: a save shows within a
/// second when the rebuild takes up to about half of it, and a local request is cheap.
const POLL_MS: u32 = 100;

/// The live-reload script, carrying the version the page was served with.
fn reload_script(version: &str) -> String {
    format!(
        "<script>/* yoyak serve: live reload */(function(){{var v={v};function poll(){{\
fetch({path},{{cache:\"no-store\"}}).then(function(r){{return r.text()}}).then(function(t){{\
if(t!==v){{location.reload()}}else{{setTimeout(poll,{POLL_MS})}}}},function(){{setTimeout(poll,1000)}})}}\
setTimeout(poll,{POLL_MS})}})();</script>",
        v = serde_json::to_string(version).unwrap_or_default(),
        path = serde_json::to_string(VERSION_PATH).unwrap_or_default(),
    )
}

/// Insert the live-reload script and the error overlay before the last `</body>` of a served
/// HTML page (or at its end when it has none).
pub fn inject(html: &str, version: &str, overlay: &str) -> String {
    let snippet = format!("{overlay}{}", reload_script(version));
    let at = html.to_ascii_lowercase().rfind("</body>").unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + snippet.len());
    out.push_str(&html[..at]);
    out.push_str(&snippet);
    out.push_str(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inject_goes_before_the_last_body_end_tag() {
        let html = "<html><body><p>&lt;/body&gt;</p></BODY></html>";
        let out = inject(html, "v1", "<div id=\"yoyak-overlay\"></div>");
        let at = out.find("</BODY>").unwrap();
        assert!(out[..at].contains("yoyak-overlay"));
        assert!(out[..at].contains("__yoyak/version"));
        assert!(out.ends_with("</BODY></html>"));
    }

    #[test]
    fn overlay_text_is_escaped() {
        let o = overlay_message("<script>alert(1)</script>");
        assert!(!o.contains("<script>alert"));
        assert!(o.contains("&lt;script&gt;"));
    }
}
