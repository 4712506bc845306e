//! The 보도자료 view of an edition: what the press-release layout shows besides the briefing's
//! content, written for the edition's language — the label box, the 보도시점/배포 row, the
//! `- 부제 -` line, the contact table and 붙임, and the list marks of the body.
//!
//! Korean editions follow the government skeleton (`notes/hwpx.md` §2.2): dates as
//! `2026. 2. 15.(일)`, 24-hour times, 개조식 marks □ → ○ → - → ※. Other languages keep the
//! structure with English labels and ordinary bullets, as ministries' English releases do.

use super::{Passage, passage, ui::Ui};
use crate::content::{Briefing, ContactRole, Embargo, Release, ReleaseTime};
use serde::Serialize;

/// The fixed words of a press release in one language.
#[derive(Clone, Debug, Serialize)]
pub struct ReleaseWords {
    /// The label box: "보도자료" / "Press Release".
    pub label: &'static str,
    /// "보도시점" / "Release".
    pub embargo: &'static str,
    /// "배포" / "Distributed".
    pub distributed: &'static str,
    /// Heading of the contact table: "담당 부서" / "Contact".
    pub contact: &'static str,
    /// Column heads of the contact table.
    pub department: &'static str,
    /// "구분" / "Role": 책임자 or 담당자.
    pub role: &'static str,
    /// "직위" / "Position".
    pub position: &'static str,
    /// "성명" / "Name".
    pub name: &'static str,
    /// "전화" / "Phone".
    pub phone: &'static str,
    /// "이메일" / "E-mail".
    pub email: &'static str,
    /// "붙임" / "Attachments".
    pub attachments: &'static str,
}

/// The press-release words for `lang`: Korean, else English.
fn words(lang: &str) -> ReleaseWords {
    match lang {
        "ko" => ReleaseWords {
            label: "보도자료",
            embargo: "보도시점",
            distributed: "배포",
            contact: "담당 부서",
            department: "부서",
            role: "구분",
            position: "직위",
            name: "성명",
            phone: "전화",
            email: "이메일",
            attachments: "붙임",
        },
        _ => ReleaseWords {
            label: "Press Release",
            embargo: "Release",
            distributed: "Distributed",
            contact: "Contact",
            department: "Department",
            role: "Role",
            position: "Position",
            name: "Name",
            phone: "Phone",
            email: "E-mail",
            attachments: "Attachments",
        },
    }
}

/// One row of the contact table.
#[derive(Clone, Debug, Serialize)]
pub struct ContactView {
    /// 담당 부서.
    pub department: Passage,
    /// "책임자" / "Responsible" or "담당자" / "Officer".
    pub role: &'static str,
    /// 직위, if given.
    pub position: Option<Passage>,
    /// 성명.
    pub name: Passage,
    /// Telephone number as written.
    pub phone: String,
    /// E-mail address, if given.
    pub email: Option<String>,
}

/// One 붙임 entry.
#[derive(Clone, Debug, Serialize)]
pub struct AttachmentView {
    /// Title in the edition's language.
    pub title: Passage,
    /// Link, if given.
    pub url: Option<String>,
}

/// Everything the press-release layout adds to an edition.
#[derive(Clone, Debug, Serialize)]
pub struct ReleaseView {
    /// Fixed words in the edition's language.
    pub words: ReleaseWords,
    /// The issuing organisation.
    pub organisation: Passage,
    /// The `- 부제 -` line, without the dashes.
    pub subtitle: Option<Passage>,
    /// The 보도시점 value: "즉시 보도" / "2026. 2. 15.(일) 12:00 이후".
    pub embargo: String,
    /// True for 즉시 보도 (for immediate release).
    pub immediate: bool,
    /// The 배포 value: "2026. 2. 13.(금) 10:00".
    pub distributed: String,
    /// The contact table, in file order (책임자 first by convention).
    pub contacts: Vec<ContactView>,
    /// 붙임.
    pub attachments: Vec<AttachmentView>,
    /// The mark of each unordered list level in the body (deeper levels repeat the last).
    pub list_marks: Vec<&'static str>,
}

/// The 개조식 marks of Korean releases, and ordinary bullets elsewhere.
fn list_marks(lang: &str) -> Vec<&'static str> {
    match lang {
        "ko" => vec!["□", "○", "-", "※"],
        _ => vec!["•", "◦", "–", "·"],
    }
}

/// The role's name in `lang`.
fn role_name(role: ContactRole, lang: &str) -> &'static str {
    match (role, lang) {
        (ContactRole::Responsible, "ko") => "책임자",
        (ContactRole::Officer, "ko") => "담당자",
        (ContactRole::Responsible, _) => "Responsible",
        (ContactRole::Officer, _) => "Officer",
    }
}

/// A release time as the edition's language writes it: `2026. 2. 15.(일) 12:00` in Korean,
/// `Sunday, 15 February 2026, 12:00 KST` otherwise.
pub fn release_time_text(t: ReleaseTime, lang: &str) -> String {
    let d = t.at.date();
    let time = t.has_time.then(|| format!("{:02}:{:02}", t.at.hour(), t.at.minute()));
    if lang == "ko" {
        const DAYS: [&str; 7] = ["월", "화", "수", "목", "금", "토", "일"];
        let day = DAYS[usize::from(d.weekday().to_monday_zero_offset() as u8)];
        let mut s = format!("{}. {}. {}.({day})", d.year(), d.month(), d.day());
        if let Some(time) = time {
            s.push(' ');
            s.push_str(&time);
        }
        return s;
    }
    let day = d.strftime("%A, %-d %B %Y").to_string();
    match time {
        Some(time) => format!("{day}, {time} KST"),
        None => day,
    }
}

/// The 보도시점 text and whether it is immediate.
fn embargo_text(embargo: Option<Embargo>, lang: &str) -> (String, bool) {
    match (embargo, lang) {
        (Some(Embargo::Immediate) | None, "ko") => ("즉시 보도".into(), true),
        (Some(Embargo::Immediate) | None, _) => ("For immediate release".into(), true),
        (Some(Embargo::Until(t)), "ko") => (format!("{} 이후", release_time_text(t, lang)), false),
        (Some(Embargo::Until(t)), _) => {
            (format!("Embargoed until {}", release_time_text(t, lang)), false)
        }
    }
}

/// The press-release view of `b` in `lang`, when its layout is `press-release`.
pub fn release_view(b: &Briefing, lang: &str, ui: &Ui) -> Option<ReleaseView> {
    let r: &Release = b.release.as_ref()?;
    let (embargo, immediate) = embargo_text(r.embargo(), lang);
    let contacts = r
        .contacts
        .iter()
        .map(|c| ContactView {
            department: passage(&c.department, lang, ui),
            role: role_name(c.role, lang),
            position: c.position.as_ref().map(|p| passage(p, lang, ui)),
            name: passage(&c.name, lang, ui),
            phone: super::printable(&c.phone).into(),
            email: c.email.as_deref().map(|e| super::printable(e).into()),
        })
        .collect();
    Some(ReleaseView {
        words: words(lang),
        organisation: passage(r.organisation(b), lang, ui),
        subtitle: r.subtitle.as_ref().map(|s| passage(s, lang, ui)),
        embargo,
        immediate,
        distributed: r.distributed().map(|t| release_time_text(t, lang)).unwrap_or_default(),
        contacts,
        attachments: r
            .attachments
            .iter()
            .map(|a| AttachmentView { title: passage(&a.title, lang, ui), url: a.url.clone() })
            .collect(),
        list_marks: list_marks(lang),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_release_time;

    #[test]
    fn korean_releases_write_dates_the_government_way() {
        let t = parse_release_time("2026-02-15 12:00").unwrap();
        assert_eq!(release_time_text(t, "ko"), "2026. 2. 15.(일) 12:00");
        assert_eq!(release_time_text(t, "en"), "Sunday, 15 February 2026, 12:00 KST");
        let d = parse_release_time("2026-02-13").unwrap();
        assert_eq!(release_time_text(d, "ko"), "2026. 2. 13.(금)");
        assert_eq!(embargo_text(Some(Embargo::Until(t)), "ko").0, "2026. 2. 15.(일) 12:00 이후");
        assert_eq!(embargo_text(Some(Embargo::Immediate), "en").0, "For immediate release");
    }
}
