//! The 보도자료 (press release) layout: what a Korean release carries besides a briefing's
//! content — 보도시점 (embargo), 배포 일시, the issuing organisation, contacts and 붙임.
//!
//! Times are Korean Standard Time (UTC+9), the zone every 보도자료 is written in.

use super::{Briefing, Text};
use crate::diagnostic::Diagnostic;
use jiff::civil::{Date, DateTime};
use serde::{Deserialize, Serialize};

/// How a briefing is laid out.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// The bilingual briefing (default).
    #[default]
    Briefing,
    /// A 보도자료: label box, 보도시점/배포 row, title box, body, contact table.
    PressRelease,
}

impl Layout {
    /// The name written in YAML (`briefing`, `press-release`).
    pub fn name(self) -> &'static str {
        match self {
            Layout::Briefing => "briefing",
            Layout::PressRelease => "press-release",
        }
    }
}

/// What a press release adds (`release:`; read when `layout: press-release`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// The issuing organisation; defaults to `source.publisher`.
    #[serde(default)]
    pub organisation: Option<Text>,
    /// The `- 부제 -` line under the title.
    #[serde(default)]
    pub subtitle: Option<Text>,
    /// 보도시점: `immediate` (즉시), or `YYYY-MM-DD HH:MM` / `YYYY-MM-DD` in Korean time.
    #[schemars(extend("examples" = ["immediate", "2026-02-15 12:00"]))]
    pub embargo: String,
    /// 배포 일시: `YYYY-MM-DD HH:MM` or `YYYY-MM-DD` in Korean time.
    #[schemars(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2})?$"))]
    pub distributed: String,
    /// 담당 부서 and people to call, 책임자 first.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// 붙임: documents attached to the release.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

/// One person to contact about the release.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// 담당 부서.
    pub department: Text,
    /// 책임자 (`responsible`) or 담당자 (`officer`).
    pub role: ContactRole,
    /// 직위, e.g. 과장 / Director.
    #[serde(default)]
    pub position: Option<Text>,
    /// 성명.
    pub name: Text,
    /// Telephone number, e.g. `031-739-7300`.
    #[schemars(pattern(r"^\+?[0-9][0-9 ()-]*$"))]
    pub phone: String,
    /// E-mail address.
    #[serde(default)]
    #[schemars(email)]
    pub email: Option<String>,
}

/// A contact's part in the release.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ContactRole {
    /// 책임자: the head who answers for the release.
    Responsible,
    /// 담당자: the officer who wrote it.
    Officer,
}

/// A document attached to the release (붙임).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// Its title.
    pub title: Text,
    /// Where to get it (http or https).
    #[serde(default)]
    #[schemars(url, pattern("^https?://"))]
    pub url: Option<String>,
}

/// A moment in Korean time, as a release states it: a day, or a day and a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ReleaseTime {
    /// The moment (midnight when only a day is given).
    pub at: DateTime,
    /// Whether a time of day was given.
    pub has_time: bool,
}

/// When a release may be published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Embargo {
    /// 즉시 보도: as soon as it is received.
    Immediate,
    /// Not before this moment.
    Until(ReleaseTime),
}

/// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` (a `T` also separates them).
pub fn parse_release_time(s: &str) -> Option<ReleaseTime> {
    let s = s.trim();
    let (day, time) = match s.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (s, None),
    };
    let (y, m, d) = super::parse_date(day)?;
    let date = Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()?;
    let Some(time) = time else {
        return Some(ReleaseTime {
            at: date.to_datetime(jiff::civil::Time::midnight()),
            has_time: false,
        });
    };
    let (h, min) = time.split_once(':')?;
    if h.len() != 2 || min.len() != 2 {
        return None;
    }
    let (h, min): (i8, i8) = (h.parse().ok()?, min.parse().ok()?);
    // `Date::at` panics on an invalid time: build the time fallibly first.
    let time = jiff::civil::Time::new(h, min, 0, 0).ok()?;
    Some(ReleaseTime { at: date.to_datetime(time), has_time: true })
}

impl Release {
    /// The embargo, or `None` when it is not a valid time (validation reports it).
    pub fn embargo(&self) -> Option<Embargo> {
        match self.embargo.trim() {
            "immediate" | "즉시" => Some(Embargo::Immediate),
            s => parse_release_time(s).map(Embargo::Until),
        }
    }

    /// The distribution time, or `None` when it is not valid (validation reports it).
    pub fn distributed(&self) -> Option<ReleaseTime> {
        parse_release_time(&self.distributed)
    }

    /// The organisation named on top: `organisation`, else the source's publisher.
    pub fn organisation<'a>(&'a self, b: &'a Briefing) -> &'a Text {
        self.organisation.as_ref().unwrap_or(&b.source.publisher)
    }

    /// Every text field of the release with its path, for the language and size checks.
    pub fn texts(&self) -> Vec<(String, &Text)> {
        let mut out = Vec::new();
        if let Some(t) = &self.organisation {
            out.push(("release.organisation".to_string(), t));
        }
        if let Some(t) = &self.subtitle {
            out.push(("release.subtitle".into(), t));
        }
        for (i, c) in self.contacts.iter().enumerate() {
            out.push((format!("release.contacts[{i}].department"), &c.department));
            if let Some(t) = &c.position {
                out.push((format!("release.contacts[{i}].position"), t));
            }
            out.push((format!("release.contacts[{i}].name"), &c.name));
        }
        for (i, a) in self.attachments.iter().enumerate() {
            out.push((format!("release.attachments[{i}].title"), &a.title));
        }
        out
    }
}

/// A telephone number as releases print them: digits with `-`, spaces, parentheses, an
/// optional leading `+`.
fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let body = s.strip_prefix('+').unwrap_or(s);
    (4..=20).contains(&digits)
        && body.starts_with(|c: char| c.is_ascii_digit() || c == '(')
        && body.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | ' ' | '(' | ')' | '.'))
}

/// `local@domain.tld`, without spaces: enough to catch a name typed in the wrong field.
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>'))
        && !domain.contains('@')
}

/// The layout and `release:` agree, and the release's times, phones, addresses and links are
/// well formed. Warnings (no contacts, a passed embargo) are `check`'s.
pub fn validate(b: &Briefing) -> Vec<Diagnostic> {
    let mut ds = Vec::new();
    match (b.layout, &b.release) {
        (Layout::PressRelease, None) => ds.push(Diagnostic::error(
            "Y0801",
            "layout",
            "a press release needs a `release:` block",
            "add `release:` with `embargo` (a time or `immediate`), `distributed` and `contacts`, \
             or remove `layout: press-release`",
        )),
        (Layout::Briefing, Some(_)) => ds.push(Diagnostic::error(
            "Y0801",
            "release",
            "`release:` is only used by the press-release layout",
            "add `layout: press-release`, or remove the `release:` block",
        )),
        (_, Some(r)) => validate_release(r, &mut ds),
        (_, None) => {}
    }
    ds
}

/// The checks on a `release:` block.
fn validate_release(r: &Release, ds: &mut Vec<Diagnostic>) {
    let embargo = r.embargo();
    if embargo.is_none() {
        ds.push(Diagnostic::error(
            "Y0802",
            "release.embargo",
            format!("`{}` is not a release time", r.embargo),
            "write `immediate` (즉시 보도), or the Korean time as YYYY-MM-DD HH:MM, e.g. \
             2026-02-15 12:00",
        ));
    }
    let distributed = r.distributed();
    if distributed.is_none() {
        ds.push(Diagnostic::error(
            "Y0802",
            "release.distributed",
            format!("`{}` is not a release time", r.distributed),
            "write the Korean time of distribution as YYYY-MM-DD HH:MM, e.g. 2026-02-13 10:00",
        ));
    }
    if let (Some(Embargo::Until(e)), Some(d)) = (embargo, distributed)
        && e.at < d.at
    {
        ds.push(Diagnostic::error(
            "Y0803",
            "release.embargo",
            format!(
                "the embargo ({}) is earlier than the distribution ({})",
                r.embargo, r.distributed
            ),
            "a release cannot be held until before it is sent: move the embargo after \
             `distributed`, or write `immediate`",
        ));
    }
    validate_contacts(r, ds);
}

/// Phones, e-mail addresses and attachment links.
fn validate_contacts(r: &Release, ds: &mut Vec<Diagnostic>) {
    for (i, c) in r.contacts.iter().enumerate() {
        if !is_phone(&c.phone) {
            ds.push(Diagnostic::error(
                "Y0804",
                format!("release.contacts[{i}].phone"),
                format!("`{}` is not a telephone number", c.phone),
                "write the number with digits and dashes, e.g. 031-739-7300 or +82-31-739-7300",
            ));
        }
        if let Some(email) = &c.email
            && !is_email(email)
        {
            ds.push(Diagnostic::error(
                "Y0804",
                format!("release.contacts[{i}].email"),
                format!("`{email}` is not an e-mail address"),
                "write the address as name@example.kr, or remove `email`",
            ));
        }
    }
    for (i, a) in r.attachments.iter().enumerate() {
        if let Some(url) = &a.url
            && !crate::text::is_http_url(url)
        {
            ds.push(Diagnostic::error(
                "Y0701",
                format!("release.attachments[{i}].url"),
                format!("`{url}` is not an http(s) URL"),
                "use a full address starting with https:// (or http://)",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_times_are_days_or_days_and_minutes() {
        let t = parse_release_time("2026-02-15 12:00").unwrap();
        assert!(t.has_time);
        assert_eq!(t.at.to_string(), "2026-02-15T12:00:00");
        assert_eq!(parse_release_time("2026-02-15T06:30").unwrap().at.hour(), 6);
        assert!(!parse_release_time("2026-02-15").unwrap().has_time);
        for bad in ["2026-02-30 10:00", "2026-02-15 24:00", "2026-02-15 9:00", "tomorrow", ""] {
            assert_eq!(parse_release_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn phones_and_addresses_are_recognised() {
        for ok in ["031-739-7300", "+82-31-739-7300", "(044) 202-4321", "02 2100 1234"] {
            assert!(is_phone(ok), "{ok}");
        }
        for bad in ["홍길동", "123", "031-739-7300 ext", "-031"] {
            assert!(!is_phone(bad), "{bad}");
        }
        assert!(is_email("press@spri.kr"));
        for bad in ["press", "a@b", "a b@c.kr", "@spri.kr", "a@spri.kr."] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
