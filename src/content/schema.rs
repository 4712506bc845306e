//! JSON Schemas (draft 2020-12) of the content format, generated from the Rust types.
//!
//! The schemas come from `#[derive(schemars::JsonSchema)]` on the types in [`crate::content`],
//! so they cannot drift from what the loader accepts. Editors get completion and checking while
//! typing: content files start with a `# yaml-language-server: $schema=…` line (see
//! [`MODELINE`]) that points at the copy `build` writes to `build/schema/`.
//!
//! The schema is a first line of defence for editors only; the loader and `check` remain the
//! authority (they also check what a schema cannot: unique ids, chart references, translations).

use crate::content::{Briefing, Config};
use schemars::generate::SchemaSettings;
use schemars::{Schema, SchemaGenerator, json_schema};
use std::path::PathBuf;

/// Where `build` writes the briefing schema, relative to the output folder.
pub const BRIEFING_SCHEMA_FILE: &str = "schema/briefing.schema.json";

/// Where `build` writes the `yoyak.yaml` schema, relative to the output folder.
pub const CONFIG_SCHEMA_FILE: &str = "schema/yoyak.schema.json";

/// The first line of every content file that `yoyak new` and `yoyak init` write. The path is
/// relative to the content file (`content/x.yaml` → `build/schema/…`), which is how the YAML
/// language server (VS Code's YAML extension) resolves it.
pub const MODELINE: &str = "# yaml-language-server: $schema=../build/schema/briefing.schema.json";

/// The first line of the `yoyak.yaml` that `yoyak init` writes (relative to the project root).
pub const CONFIG_MODELINE: &str = "# yaml-language-server: $schema=build/schema/yoyak.schema.json";

/// The JSON Schema generator every schema is made with (draft 2020-12).
fn generator() -> SchemaGenerator {
    SchemaSettings::draft2020_12().into_generator()
}

/// `$schema`, `title` and `description` first, as people expect to read them.
fn with_header(schema: Schema, title: &str, description: &str) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    let mut rest = match schema.to_value() {
        serde_json::Value::Object(map) => map,
        other => return other,
    };
    if let Some(s) = rest.remove("$schema") {
        out.insert("$schema".into(), s);
    }
    rest.remove("title");
    rest.remove("description");
    out.insert("title".into(), title.into());
    out.insert("description".into(), description.into());
    out.extend(rest);
    serde_json::Value::Object(out)
}

/// The JSON Schema of one briefing file (`content/*.yaml`, except `glossary.yaml`).
pub fn briefing_schema() -> serde_json::Value {
    let schema = generator().into_root_schema_for::<Briefing>();
    let mut value = with_header(
        schema,
        "yoyak briefing",
        "One briefing: every text is a map from language code to text (ko, en, …). \
         브리핑 하나: 모든 글은 언어 코드별 텍스트 묶음입니다 (ko, en, …).",
    );
    // An empty id means "the file name"; offering `""` as a completion would only confuse.
    if let Some(id) = value.pointer_mut("/properties/id").and_then(|v| v.as_object_mut()) {
        id.remove("default");
    }
    value
}

/// The JSON Schema of the optional project file `yoyak.yaml`.
pub fn config_schema() -> serde_json::Value {
    let schema = generator().into_root_schema_for::<Config>();
    let mut value = with_header(
        schema,
        "yoyak project settings (yoyak.yaml)",
        "Every field is optional. 모든 항목은 선택입니다.",
    );
    // serde accepts `base_url` as an alias of `base-url`; schemars does not know aliases.
    if let Some(props) = value.get_mut("properties").and_then(|p| p.as_object_mut())
        && let Some(base) = props.get("base-url").cloned()
    {
        props.insert("base_url".into(), base);
    }
    value
}

/// The schema files `build` writes into the output folder: (path relative to it, bytes).
pub fn files() -> Vec<(PathBuf, Vec<u8>)> {
    let pretty = |v: serde_json::Value| {
        let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
        s.push('\n');
        s.into_bytes()
    };
    vec![
        (PathBuf::from(BRIEFING_SCHEMA_FILE), pretty(briefing_schema())),
        (PathBuf::from(CONFIG_SCHEMA_FILE), pretty(config_schema())),
    ]
}

/// Write [`files`] under `out` (unchanged files are left alone).
pub fn write_files(out: &std::path::Path) -> std::io::Result<()> {
    for (path, bytes) in files() {
        crate::output::write_atomic(&out.join(path), &bytes)?;
    }
    Ok(())
}

/// The schema of `numbers:` in `yoyak.yaml` (the number engine's house style). Written by hand:
/// a derive on [`crate::numbers::Style`] would put each choice behind a `$ref` with a `const`
/// per variant and add a per-field `default`, changing the published schema; a test checks
/// every value against this one.
pub fn number_style(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "House style for generated numbers. 숫자 표기 방식.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "korean-spacing": {
                "description": "spaced: 2조 5000억 원 · wire: 2조5000억원",
                "enum": ["spaced", "wire"]
            },
            "krw": {
                "description": "won-after: 2.5 trillion won · code-before: KRW 2.5 trillion",
                "enum": ["won-after", "code-before"]
            }
        }
    })
}
