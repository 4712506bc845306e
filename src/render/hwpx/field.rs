//! Hyperlinks as 한/글 stores them: a `HYPERLINK` field begun and ended by controls in runs
//! of their own, the target in the field's `Command` and `Path` parameters (python-hwpx's
//! record of Hancom's form: `:`, `?`, `;`, `#` escaped by a backslash in `Command`).

use super::HwpxError;
use super::header::CharShape;
use super::section::Body;

/// The field id 한/글 gives every hyperlink (control `%hlk`).
const HYPERLINK_FIELD_ID: &str = "627600491";

/// `url` escaped for a field's `Command`.
fn command_escape(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 8);
    for c in url.chars() {
        if matches!(c, ':' | '?' | ';' | '#' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Begin a hyperlink to `url`; returns the field's id for [`end_hyperlink`].
pub fn begin_hyperlink(body: &mut Body, url: &str, shape: CharShape) -> Result<String, HwpxError> {
    let id = body.object_id();
    body.open_run(shape)?;
    let mail = url.to_ascii_lowercase().starts_with("mailto:");
    let (command, category) = if mail {
        (format!("{url};2;0;0"), "HWPHYPERLINK_TYPE_EMAIL")
    } else {
        (format!("{};1;0;0;", command_escape(url)), "HWPHYPERLINK_TYPE_URL")
    };
    let x = body.xml();
    x.open("hp:ctrl", &[])?;
    x.open(
        "hp:fieldBegin",
        &[
            ("id", &id),
            ("type", "HYPERLINK"),
            ("name", ""),
            ("editable", "0"),
            ("dirty", "0"),
            ("zorder", "-1"),
            ("fieldid", HYPERLINK_FIELD_ID),
        ],
    )?;
    x.open("hp:parameters", &[("cnt", "6"), ("name", "")])?;
    x.leaf("hp:integerParam", &[("name", "Prop")], "0")?;
    x.leaf("hp:stringParam", &[("name", "Command")], &command)?;
    x.leaf("hp:stringParam", &[("name", "Path")], url)?;
    x.leaf("hp:stringParam", &[("name", "Category")], category)?;
    x.leaf("hp:stringParam", &[("name", "TargetType")], "HWPHYPERLINK_TARGET_BOOKMARK")?;
    x.leaf("hp:stringParam", &[("name", "DocOpenType")], "HWPHYPERLINK_JUMP_CURRENTTAB")?;
    x.close("hp:parameters")?;
    x.close("hp:fieldBegin")?;
    x.close("hp:ctrl")?;
    body.close_run()?;
    Ok(id)
}

/// End the hyperlink begun as `id`.
pub fn end_hyperlink(body: &mut Body, id: &str, shape: CharShape) -> Result<(), HwpxError> {
    body.open_run(shape)?;
    let x = body.xml();
    x.open("hp:ctrl", &[])?;
    x.empty("hp:fieldEnd", &[("beginIDRef", id), ("fieldid", HYPERLINK_FIELD_ID)])?;
    x.close("hp:ctrl")?;
    body.close_run()
}

#[cfg(test)]
mod tests {
    #[test]
    fn command_escapes_hancoms_separators() {
        assert_eq!(
            super::command_escape(r"https://a.b/c?d=1;e#f\g"),
            r"https\://a.b/c\?d=1\;e\#f\\g"
        );
    }
}
