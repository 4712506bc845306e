//! `yoyak new` and `yoyak init`: a commented briefing skeleton and a whole new project, both of
//! which build at once, before anyone has edited them.
//!
//! Every comment in what these write is bilingual (Korean, then English), since the editors
//! who fill the files in read Korean first. Placeholders are visible text ("제목을 입력하세요" /
//! "Write the title"), never invented figures: the fact sheet and charts are written as
//! commented-out examples.

use crate::content::schema::{CONFIG_MODELINE, MODELINE};
use crate::content::{self, Config, Layout};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The GitHub Actions workflow that checks, builds and publishes to GitHub Pages. The same file
/// is yoyak's own `.github/workflows/publish.yml`, so the two cannot drift.
pub const PUBLISH_WORKFLOW: &str = include_str!("../.github/workflows/publish.yml");

/// The sample briefing `init` puts into a new project (yoyak's own example content).
const SAMPLE_BRIEFING: &str = include_str!("../content/2026-02-15-spri-open-source-ai.yaml");

/// The sample briefing's file name under `content/`.
const SAMPLE_FILE: &str = "2026-02-15-spri-open-source-ai.yaml";

/// What can stop `new` or `init`.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    /// The id is not `[a-z0-9-]+`.
    #[error(
        "`{0}` is not a valid id: use lower-case letters, digits and dashes, e.g. `kdi-chip-exports`"
    )]
    BadId(String),
    /// The date is not a real `YYYY-MM-DD` date.
    #[error("`{0}` is not a date: write YYYY-MM-DD, e.g. 2026-02-15")]
    BadDate(String),
    /// There is no `content/` folder to write into.
    #[error("no content folder at {0}: run `yoyak init` first, or pass --root DIR")]
    NoContent(PathBuf),
    /// The file to write exists already.
    #[error("{0} exists already; nothing was written (pick another id or date)")]
    Exists(PathBuf),
    /// Another briefing already uses the id.
    #[error("the id `{id}` is already used by {file}; pick another id")]
    IdTaken {
        /// The id.
        id: String,
        /// The file that uses it.
        file: PathBuf,
    },
    /// `init` found a `content/` folder with files in it.
    #[error(
        "{0} is not empty; `yoyak init` only starts new projects (use `yoyak new ID` to add a briefing)"
    )]
    ContentNotEmpty(PathBuf),
    /// `yoyak.yaml` could not be read as settings.
    #[error("yoyak.yaml: {0}")]
    Config(String),
    /// Reading or writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// `map_err` for an I/O failure at `path`.
fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ScaffoldError + '_ {
    move |source| ScaffoldError::Io { path: path.to_path_buf(), source }
}

/// Today's date in the local time zone, `YYYY-MM-DD`. The one place yoyak reads the clock
/// (builds never do: they are reproducible).
pub fn today() -> String {
    jiff::Zoned::now().date().to_string()
}

/// The project's languages: from `yoyak.yaml` when present, else the defaults (`[ko, en]`).
fn project_config(root: &Path) -> Result<Config, ScaffoldError> {
    let (config, ds) =
        content::load_config(root).map_err(|e| ScaffoldError::Config(e.to_string()))?;
    if let Some(d) = ds.first() {
        let at = d.position.map(|p| format!("{}:{}: ", p.line, p.column)).unwrap_or_default();
        return Err(ScaffoldError::Config(format!("{at}{} (fix: {})", d.message, d.fix)));
    }
    Ok(config)
}

/// Create `content/<date>-<id>.yaml` under `root`: a commented skeleton in `layout` that builds
/// as it is. `date` defaults to [`today`]. Never overwrites; refuses an id another briefing
/// uses. Returns the new file's path.
pub fn new_briefing(
    root: &Path,
    id: &str,
    date: Option<&str>,
    layout: Layout,
) -> Result<PathBuf, ScaffoldError> {
    if !content::is_id(id) {
        return Err(ScaffoldError::BadId(id.to_string()));
    }
    let date = date.map(str::to_string).unwrap_or_else(today);
    if content::parse_date(&date).is_none() {
        return Err(ScaffoldError::BadDate(date));
    }
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        return Err(ScaffoldError::NoContent(content_dir));
    }
    let config = project_config(root)?;
    if let Ok(project) = content::load_project(root)
        && let Some(f) =
            project.files.iter().find(|f| f.briefing.as_ref().is_some_and(|b| b.id == id))
    {
        return Err(ScaffoldError::IdTaken { id: id.to_string(), file: f.file.clone() });
    }
    let path = content_dir.join(format!("{date}-{id}.yaml"));
    let text = skeleton(id, &date, &config.languages, layout);
    let mut file =
        std::fs::OpenOptions::new().write(true).create_new(true).open(&path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                ScaffoldError::Exists(path.clone())
            } else {
                ScaffoldError::Io { path: path.clone(), source: e }
            }
        })?;
    file.write_all(text.as_bytes()).map_err(io(&path))?;
    // So the editor's schema line resolves before the first build (best effort: `build/` is
    // only a cache of generated files).
    let _ = crate::content::schema::write_files(&root.join("build"));
    Ok(path)
}

/// Placeholder text for `lang`: Korean and English as given, any other language the English
/// text tagged with its code (so a third language is visibly still to be written).
fn placeholder(lang: &str, ko: &str, en: &str) -> String {
    match lang {
        "ko" => ko.to_string(),
        "en" => en.to_string(),
        other => format!("{en} ({other})"),
    }
}

/// A YAML scalar: plain when that is safe, else double-quoted (JSON strings are valid YAML).
fn scalar(s: &str) -> String {
    let risky = s.is_empty()
        || s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_whitespace())
        || s.ends_with(char::is_whitespace)
        || s.contains(": ")
        || s.contains(" #");
    if risky { serde_json::to_string(s).unwrap_or_default() } else { s.to_string() }
}

/// A block text map (`ko: …` / `en: …` lines) at `indent` spaces.
fn text_lines(out: &mut String, indent: usize, langs: &[String], ko: &str, en: &str) {
    let pad = " ".repeat(indent);
    for lang in langs {
        out.push_str(&format!("{pad}{lang}: {}\n", scalar(&placeholder(lang, ko, en))));
    }
}

/// A Markdown text map with `|` block scalars at `indent` spaces.
fn markdown_lines(out: &mut String, indent: usize, langs: &[String], ko: &str, en: &str) {
    let pad = " ".repeat(indent);
    for lang in langs {
        out.push_str(&format!("{pad}{lang}: |\n{pad}  {}\n", placeholder(lang, ko, en)));
    }
}

/// A flow text map `{ko: …, en: …}` for the commented examples.
fn flow(langs: &[String], ko: &str, en: &str) -> String {
    let parts: Vec<String> =
        langs.iter().map(|l| format!("{l}: {}", scalar(&placeholder(l, ko, en)))).collect();
    format!("{{{}}}", parts.join(", "))
}

/// The text of a new briefing file: every field explained in Korean and English comments,
/// placeholders in every configured language, optional numbers and charts commented out. A
/// press release adds `layout:` and the `release:` block, its fields marked `TODO`.
pub fn skeleton(id: &str, date: &str, languages: &[String], layout: Layout) -> String {
    let mut s = String::new();
    s.push_str(MODELINE);
    s.push('\n');
    skeleton_header(&mut s, id, languages, layout);
    skeleton_identity(&mut s, id, date, languages);
    if layout == Layout::PressRelease {
        skeleton_release(&mut s, date, languages);
    }
    skeleton_texts(&mut s, languages);
    skeleton_sections(&mut s, languages);
    skeleton_examples(&mut s, languages);
    s
}

/// The opening comment: which language is the source, how placeholders and quoting work.
fn skeleton_header(s: &mut String, id: &str, langs: &[String], layout: Layout) {
    let source = langs.first().map(String::as_str).unwrap_or("ko");
    let others: Vec<&str> = langs.iter().skip(1).map(String::as_str).collect();
    s.push_str(&format!(
        "# {kind}: {id}\n\
         #\n\
         # 모든 글은 언어별로 씁니다. 원문 언어: {source}, 번역: {others}.\n\
         # Every text is written per language. Source language: {source}; translations: {others}.\n\
         # 자리표시 글(\"…입력하세요\")도 그대로 빌드됩니다. 바꿔 쓰고 저장하세요.\n\
         # The placeholders (\"Write …\") build as they are: replace them and save.\n\
         # 미리보기 / Preview while you type: yoyak serve   ·   검사 / Check: yoyak check\n\
         # 짧은 글(제목, 항목 이름)은 일반 텍스트, 긴 글(lead, body, note)은 마크다운입니다.\n\
         # Short fields (titles, labels) are plain text; long ones (lead, body, note) are Markdown.\n\
         # 콜론과 공백(\": \")이 들어간 글은 따옴표로 감싸세요: title: {{ko: \"부제: 설명\"}}\n\
         # Quote a text that contains \": \" as a whole: title: {{en: \"Part one: the setup\"}}\n\n",
        others = if others.is_empty() { "-".to_string() } else { others.join(", ") },
        kind = match layout {
            Layout::Briefing => "새 브리핑 / New briefing",
            Layout::PressRelease => "새 보도자료 / New press release",
        },
    ));
}

/// `id`, `date` and the `source` block.
fn skeleton_identity(s: &mut String, id: &str, date: &str, langs: &[String]) {
    s.push_str(&format!(
        "# 식별자: 영문 소문자, 숫자, 하이픈(-). 결과 파일 이름과 주소에 쓰입니다.\n\
         # Identifier: lower-case letters, digits and dashes; used in output file names and links.\n\
         id: {id}\n\n\
         # 원문 보고서나 기사의 날짜 (YYYY-MM-DD).\n\
         # Date of the source report or article (YYYY-MM-DD).\n\
         date: {date}\n\n"
    ));
    s.push_str(
        "# 출처 (필수). / Source (required).\n\
         source:\n\
         \x20 # 발행 기관. / Who published the original.\n\
         \x20 publisher:\n",
    );
    text_lines(s, 4, langs, "발행 기관을 입력하세요", "Write the publisher");
    s.push_str(&format!(
        "  # 원문 제목 (선택). / The original's title (optional).\n\
         \x20 # title: {}\n\
         \x20 # 원문 링크 (선택, http:// 또는 https://). / Link to the original (optional, http(s) only).\n\
         \x20 # url: https://example.org/report\n\n",
        flow(langs, "원문 제목", "Original title")
    ));
}

/// `layout: press-release` and the `release:` block: every field, with `TODO` markers that
/// `yoyak check` reports until they are filled in (the file loads and builds meanwhile).
fn skeleton_release(s: &mut String, date: &str, langs: &[String]) {
    let todo = |ko: &str, en: &str| flow(langs, &format!("TODO: {ko}"), &format!("TODO: {en}"));
    s.push_str(&format!(
        "# 보도자료 형식: 표지 상자, 보도시점/배포, 제목 상자, 본문, 담당 부서 표.\n\
         # The press-release layout: label box, 보도시점/배포 row, title box, body, contact table.\n\
         layout: press-release\n\n\
         # 보도자료 항목. TODO 표시는 채운 뒤 지우세요. / The release's own fields; replace every TODO.\n\
         release:\n\
         \x20 # 발행 기관 (선택, 기본값: source.publisher). / Issuing organisation (optional; default: source.publisher).\n\
         \x20 organisation: {org}\n\
         \x20 # 부제 (선택): 제목 아래 \"- 부제 -\" 줄. / Subtitle (optional): the \"- subtitle -\" line under the title.\n\
         \x20 subtitle: {subtitle}\n\
         \x20 # 보도시점: immediate(즉시 보도) 또는 한국 시각 \"YYYY-MM-DD HH:MM\" (엠바고).\n\
         \x20 # Embargo: immediate, or the Korean time before which it must not be published.\n\
         \x20 embargo: immediate\n\
         \x20 # 배포 일시 (한국 시각, 보도시점보다 늦을 수 없음). / When it is sent (Korean time; not after the embargo).\n\
         \x20 distributed: {date} 09:00\n\
         \x20 # 담당 부서: 책임자(responsible) 먼저, 담당자(officer) 다음. / Contacts: the head first, then the officer.\n\
         \x20 contacts:\n",
        org = todo("기관 이름", "organisation"),
        subtitle = todo("부제", "subtitle"),
    ));
    for (role, position) in
        [("responsible", ("과장", "Director")), ("officer", ("주무관", "Officer"))]
    {
        s.push_str(&format!(
            "    - department: {dept}\n\
             \x20     role: {role}\n\
             \x20     position: {position}   # 선택 / optional\n\
             \x20     name: {name}\n\
             \x20     phone: 000-000-0000   # TODO: 전화번호 / phone number\n\
             \x20     # email: name@example.kr   # 선택 / optional\n",
            dept = todo("부서", "department"),
            position = todo(position.0, position.1),
            name = todo("이름", "name"),
        ));
    }
    s.push_str(&format!(
        "  # 붙임 (선택): 첨부 문서의 제목과 링크. / Attachments (optional): title and link.\n\
         \x20 attachments:\n\
         \x20   - title: {title}\n\
         \x20     # url: https://example.org/report.pdf\n\n",
        title = todo("첨부 문서 제목", "attachment title"),
    ));
}

/// `title`, `lead` and `summary`.
fn skeleton_texts(s: &mut String, langs: &[String]) {
    s.push_str(
        "# 제목 (필수, 일반 텍스트). / Title (required, plain text).\n\
         title:\n",
    );
    text_lines(s, 2, langs, "제목을 입력하세요", "Write the title");
    s.push_str(
        "\n# 리드 (선택, 마크다운): 첫 소제목 앞에 오는 문단. 필요 없으면 지우세요.\n\
         # Lead (optional, Markdown): the paragraphs before the first section. Delete if unused.\n\
         lead:\n",
    );
    markdown_lines(s, 2, langs, "리드 문단을 입력하세요.", "Write the lead paragraph.");
    s.push_str(
        "\n# 핵심 요점 (필수, 1~7개, 일반 텍스트). 요점마다 \"- \"로 시작합니다.\n\
         # Key points (required, 1 to 7, plain text). Each starts with \"- \".\n\
         summary:\n",
    );
    // One list item: its first language opens it with `- `.
    for (i, lang) in langs.iter().enumerate() {
        let lead = if i == 0 { "  - " } else { "    " };
        s.push_str(&format!(
            "{lead}{lang}: {}\n",
            scalar(&placeholder(lang, "첫 번째 요점을 입력하세요", "Write the first key point"))
        ));
    }
}

/// One `sections` entry with a heading and a body.
fn skeleton_sections(s: &mut String, langs: &[String]) {
    s.push_str(
        "\n# 본문 (선택): 소제목(일반 텍스트)과 본문(마크다운, 표 가능)의 목록.\n\
         # Body (optional): a list of headings (plain text) with bodies (Markdown, tables allowed).\n\
         sections:\n\
         \x20 - heading:\n",
    );
    text_lines(s, 6, langs, "소제목을 입력하세요", "Write the section heading");
    s.push_str("    body:\n");
    markdown_lines(
        s,
        6,
        langs,
        "본문을 입력하세요. **굵게**, 목록, 표 같은 마크다운을 쓸 수 있습니다.",
        "Write the body. Markdown such as **bold**, lists and tables works.",
    );
}

/// The fact sheet, a chart and tags, commented out (never invented figures in live fields).
fn skeleton_examples(s: &mut String, langs: &[String]) {
    s.push_str(&format!(
        "\n# 팩트 시트 (선택): 숫자는 한 번만 입력하면 언어별 표기(432만 개 / 4.32 million)가\n\
         # 자동으로 만들어집니다. 쓰려면 아래 줄들의 맨 앞 \"# \"를 지우고 채우세요.\n\
         # Fact sheet (optional): enter each number once; its text in every language is generated.\n\
         # To use it, remove the leading \"# \" from the lines below and fill them in.\n\
         # facts:\n\
         #   - id: github-ai-projects          # 식별자, 이 파일 안에서 유일 / identifier, unique in this file\n\
         #     label: {label}\n\
         #     value: 4320000                  # 숫자, 또는 범위 [10, 249] / a number, or a range [10, 249]\n\
         #     unit: count                     # count | percent | percentage-points | times | rank | KRW, USD, …\n\
         #     noun: {noun}   # 선택: 단위 명사 / optional: counter or noun\n\
         #     as_of: \"2024\"                   # 선택: 기준 시점 / optional: \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"\n\
         #     approx: over                    # 선택: exact(기본) | about(약) | over(이상) | under(이하)\n\
         #     display: {display}   # 선택: 표기 직접 지정, 값과 같은 뜻이어야 함 / optional override; must mean the value\n\
         #     note: {note}   # 선택, 마크다운 / optional, Markdown\n\n\
         # 차트 (선택): 팩트 여러 개를 막대그래프로. / Charts (optional): a bar chart over several facts.\n\
         # charts:\n\
         #   - id: adoption-reasons\n\
         #     title: {chart}\n\
         #     kind: bar\n\
         #     facts: [github-ai-projects]     # 위 팩트의 id, 그릴 순서대로 / fact ids, in drawing order\n\n\
         # 태그 (선택): 다이제스트가 브리핑을 고를 때 씁니다. / Tags (optional): digests select by them.\n\
         # tags: [ai-policy]\n",
        label = flow(langs, "깃허브 내 AI 프로젝트", "AI projects on GitHub"),
        noun = flow(langs, "개", "projects"),
        display = flow(langs, "432만 개", "4.32 million"),
        note = flow(langs, "주석", "Note"),
        chart = flow(langs, "차트 제목", "Chart title"),
    ));
}

/// The commented `yoyak.yaml` that `init` writes.
pub fn config_template() -> String {
    format!(
        "{CONFIG_MODELINE}\n\
         # yoyak 프로젝트 설정. 모든 항목은 선택입니다.\n\
         # yoyak project settings. Every field is optional.\n\n\
         # 언어: 첫 번째가 원문 언어입니다. 세 번째 언어(ja, zh)도 여기에 더하면 됩니다.\n\
         # Languages: the first is the source language. Add a third (ja, zh) here.\n\
         languages: [ko, en]\n\n\
         # 간행물 이름. / The publication's name.\n\
         title:\n\
         \x20 ko: 요약 브리핑\n\
         \x20 en: Briefings\n\n\
         # 게시 주소 (피드의 링크에 쓰임). GitHub Pages라면 https://<owner>.github.io/<repository>/\n\
         # Where build/ is published (feed, sitemap.xml, canonical links). GitHub Pages: https://<owner>.github.io/<repository>/\n\
         # base_url: https://example.org/briefings/\n\n\
         # 피드에 넣을 최신 브리핑 수 (0: 전부). / Newest briefings in the Atom feed (0: all).\n\
         # feed-limit: 50\n\n\
         # 목록 한 쪽의 브리핑 수 (1–1000). / Briefings per listing page (1–1000).\n\
         # page-size: 50\n\n\
         # 숫자 표기. / House style for numbers.\n\
         numbers:\n\
         \x20 korean-spacing: spaced   # spaced: 2조 5000억 원 · wire: 2조5000억원\n\
         \x20 krw: won-after           # won-after: 2.5 trillion won · code-before: KRW 2.5 trillion\n\n\
         # 다이제스트: 기간과 태그로 묶은 브리핑 모음 (양 끝 날짜 포함).\n\
         # Digests: briefings collected by date (both ends included) and tag.\n\
         # digests:\n\
         #   monthly-2026-02:\n\
         #     title: {{ko: 2026년 2월 브리핑 모음, en: Briefings of February 2026}}\n\
         #     since: 2026-02-01\n\
         #     until: 2026-02-28\n\
         #     tags: [ai-policy]\n\n\
         # 한도: 풀 리퀘스트의 콘텐츠로부터 빌드를 지킵니다. 실제 브리핑보다 훨씬 큽니다.\n\
         # Limits that keep builds of pull-request content safe; far above any real briefing.\n\
         # limits:\n\
         #   file-size: 1048576     # bytes of one content file\n\
         #   facts: 200             # facts in one briefing\n\
         #   text-length: 100000    # characters in one text field\n"
    )
}

/// What `init` did.
#[derive(Clone, Debug, Default)]
pub struct InitReport {
    /// Files written.
    pub created: Vec<PathBuf>,
    /// Files that existed and were left as they were.
    pub kept: Vec<PathBuf>,
}

/// Start a project in `dir` (created if missing): `content/` with one sample briefing, a
/// commented `yoyak.yaml`, `.gitignore` with `build/`, and the publishing workflow. Refuses a
/// non-empty `content/`; never overwrites an existing `yoyak.yaml` or workflow.
pub fn init(dir: &Path) -> Result<InitReport, ScaffoldError> {
    let content_dir = dir.join("content");
    if let Ok(mut entries) = std::fs::read_dir(&content_dir)
        && entries.next().is_some()
    {
        return Err(ScaffoldError::ContentNotEmpty(content_dir));
    }
    std::fs::create_dir_all(&content_dir).map_err(io(&content_dir))?;
    let mut report = InitReport::default();
    write_new(
        &mut report,
        content_dir.join(SAMPLE_FILE),
        &format!("{MODELINE}\n{SAMPLE_BRIEFING}"),
    )?;
    write_new(&mut report, dir.join("yoyak.yaml"), &config_template())?;
    write_new(&mut report, dir.join(".github/workflows/publish.yml"), PUBLISH_WORKFLOW)?;
    ignore_build(&mut report, dir.join(".gitignore"))?;
    let _ = crate::content::schema::write_files(&dir.join("build"));
    Ok(report)
}

/// Write `text` to `path` (creating its folder) unless the file exists; either way, note it in
/// `report`.
fn write_new(report: &mut InitReport, path: PathBuf, text: &str) -> Result<(), ScaffoldError> {
    if path.exists() {
        report.kept.push(path);
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    std::fs::write(&path, text).map_err(io(&path))?;
    report.created.push(path);
    Ok(())
}

/// Make `.gitignore` ignore `build/`: keep a file that already does, append to one that does
/// not, create a missing one.
fn ignore_build(report: &mut InitReport, gitignore: PathBuf) -> Result<(), ScaffoldError> {
    match std::fs::read_to_string(&gitignore) {
        Ok(text) if text.lines().any(|l| matches!(l.trim(), "build" | "build/" | "/build/")) => {
            report.kept.push(gitignore);
        }
        Ok(text) => {
            let sep = if text.is_empty() || text.ends_with('\n') { "" } else { "\n" };
            std::fs::write(&gitignore, format!("{text}{sep}build/\n")).map_err(io(&gitignore))?;
            report.created.push(gitignore);
        }
        Err(_) => {
            std::fs::write(&gitignore, "build/\n").map_err(io(&gitignore))?;
            report.created.push(gitignore);
        }
    }
    Ok(())
}
