//! The limits on hostile or huge input (`limits:` in `yoyak.yaml`), apart from the rest of the
//! configuration because the YAML reader needs them before any configuration is read.

use serde::{Deserialize, Serialize};

/// How big and how deep an input may be before yoyak refuses it, each checked before the
/// work it bounds. The defaults are far above any real briefing; a project raises one in
/// `yoyak.yaml` under `limits:` (every error that hits a limit names its setting).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Limits {
    /// Largest content, glossary or template file, in bytes (checked before it is read).
    pub file_size: u64,
    /// Largest font file in `fonts/`, in bytes.
    pub font_size: u64,
    /// Most YAML aliases (`*name`) in one file.
    pub aliases: u64,
    /// Largest file once its aliases are expanded, in bytes (an alias repeats what it names).
    pub expanded_size: u64,
    /// Deepest nesting of lists and maps in one file.
    pub nesting: u64,
    /// Most facts in one briefing.
    pub facts: u64,
    /// Longest text field (a title, a body, a note), in characters.
    pub text_length: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_size: 1 << 20,
            font_size: 64 << 20,
            aliases: 100,
            expanded_size: 4 << 20,
            nesting: 32,
            facts: 200,
            text_length: 100_000,
        }
    }
}

impl Limits {
    /// The file-size limit for [`crate::input::read`].
    pub fn file(&self) -> crate::input::Limit {
        crate::input::Limit { bytes: self.file_size, setting: "limits.file-size" }
    }

    /// The font-size limit for [`crate::input::read`].
    pub fn font(&self) -> crate::input::Limit {
        crate::input::Limit { bytes: self.font_size, setting: "limits.font-size" }
    }
}

/// `yoyak.yaml` itself is read before its limits are known: this is its own ceiling.
pub const CONFIG_LIMIT: crate::input::Limit =
    crate::input::Limit { bytes: 1 << 20, setting: "(fixed for yoyak.yaml)" };
