//! Y0805–Y0806: what a press release should carry before it is sent — contacts, and an
//! embargo still ahead. (Malformed times and an embargo before distribution are the loader's
//! errors, Y0802–Y0803.)

use super::FileCx;
use crate::content::{Briefing, Embargo, Layout, Project};
use crate::diagnostic::Diagnostic;

/// Y0805: a press release names no one to call.
pub(super) fn check_contacts(cx: &mut FileCx, b: &Briefing) {
    let Some(r) = &b.release else { return };
    if b.layout == Layout::PressRelease && r.contacts.is_empty() {
        let d = Diagnostic::warning(
            "Y0805",
            "release",
            "the press release lists no contacts: the contact table will be empty",
            "add `contacts:` with the 담당 부서, a `responsible` (책임자) and an `officer` \
             (담당자), each with name and phone",
        );
        cx.field("release", d);
    }
}

/// The moment the embargo check compares with: `SOURCE_DATE_EPOCH` when set (reproducible
/// runs and tests), else the clock.
pub fn now() -> jiff::Timestamp {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .unwrap_or_else(jiff::Timestamp::now)
}

/// Y0806: press releases whose embargo has passed at `now`. Kept apart from the cached
/// checks: the answer changes with the clock, not with the file.
pub fn passed_embargoes(project: &Project, now: jiff::Timestamp) -> Vec<Diagnostic> {
    // Releases are written in Korean Standard Time, which has no daylight saving.
    let kst = jiff::tz::TimeZone::fixed(jiff::tz::offset(9));
    let today = now.to_zoned(kst.clone()).datetime();
    let mut out = Vec::new();
    for loaded in project.files.iter().filter(|f| !f.has_errors()) {
        let Some(b) = &loaded.briefing else { continue };
        let Some(Embargo::Until(t)) = b.release.as_ref().and_then(|r| r.embargo()) else {
            continue;
        };
        if b.layout != Layout::PressRelease || t.at >= today {
            continue;
        }
        let mut d = Diagnostic::warning(
            "Y0806",
            "release.embargo",
            format!("the embargo ({} KST) has passed", t.at.strftime("%Y-%m-%d %H:%M")),
            "the release may be published now; write `embargo: immediate` if it is sent again, \
             or set the new embargo time",
        );
        d.file = loaded.file.clone();
        d.position = loaded.positions.value("release.embargo").map(|p| p.0);
        out.push(d);
    }
    out
}
