//! Is a text written in the language of its field? (Y0202, Y0203, Y0204)
//!
//! whatlang misjudges short and mixed strings, which Korean report text is full of
//! (`SPRi는 오픈소스AI가` comes out as Slovenian), and on long text it only counts characters
//! per script, where a Hangul syllable weighs as much as one Latin letter. So scripts are
//! judged by a weighted count: a Hangul syllable carries about as much text as 2.5 Latin
//! letters; digits, punctuation and Hanja are ignored; in a Korean field, acronyms (`AI`,
//! `SPRi`, `R&D`) and tokens glued to digits (`GPT-4o`, `H100`) are normal and do not count,
//! and capitalised Latin words (names) count half. whatlang, restricted to the project's
//! languages, breaks near-even counts on long texts and tells apart configured languages that
//! share a script (German in an `en` field), which no script count can.

use crate::text::is_hangul;
use std::ops::Range;

/// How much text one Hangul syllable (or CJK ideograph/kana) stands for, in Latin letters.
const SYLLABLE_WEIGHT: f64 = 2.5;

/// Texts with at least this many words (and characters) count as long.
const LONG_WORDS: usize = 8;
const LONG_CHARS: usize = 40;

/// whatlang answers below this confidence are left to the script count.
const MIN_CONFIDENCE: f64 = 0.5;

/// A text that does not look like its field's language.
#[derive(Clone, Debug, PartialEq)]
pub struct Mismatch {
    /// What the text looks like instead, for messages: `Korean`, `Latin-script text`, `German`.
    pub looks_like: &'static str,
    /// For a script mismatch, the share of the weighted letters in the wrong script (0–1).
    pub share: Option<f64>,
}

/// Weighted letter counts of a text, by script family.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    hangul: f64,
    latin: f64,
    kana: f64,
    han: f64,
}

/// Full-width ASCII forms (`ＡＩ`, `１２３％`) as their ASCII letters.
pub fn normalise_width(text: &str) -> String {
    text.chars()
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            _ => c,
        })
        .collect()
}

/// Hiragana, katakana and their phonetic extensions.
fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x31F0..=0x31FF)
}

/// A CJK ideograph (Hanja), in the common blocks.
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF)
}

/// An acronym or house abbreviation: `AI`, `SPRi`, `PoC`, `R&D`, `KISDI`, `X`.
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(char::is_ascii_alphabetic).count();
    let upper = word.chars().filter(char::is_ascii_uppercase).count();
    letters <= 6 && upper * 2 >= letters && upper > 0
}

/// Split into words at whitespace and punctuation, keeping `&` and `'` inside words
/// (`R&D`, `Naver's`), and tell apart runs of each script inside a word (`오픈소스AI가`).
fn counts(text: &str, in_korean_field: bool) -> Counts {
    let mut c = Counts::default();
    for word in text.split(|ch: char| {
        ch.is_whitespace() || !(ch.is_alphanumeric() || ch == '&' || ch == '\'' || ch == '-')
    }) {
        // Hyphenated Latin compounds count as one word (`open-source`), but `GPT-4o` is a name.
        let has_digit = word.chars().any(|ch| ch.is_ascii_digit());
        let latin: String = word.chars().filter(char::is_ascii_alphabetic).collect();
        for ch in word.chars() {
            if is_hangul(ch) {
                c.hangul += SYLLABLE_WEIGHT;
            } else if is_kana(ch) {
                c.kana += SYLLABLE_WEIGHT;
            } else if is_han(ch) {
                c.han += SYLLABLE_WEIGHT;
            }
        }
        if latin.is_empty() {
            continue;
        }
        // A Latin run glued to Hangul (`오픈소스AI가`) is judged by its own letters.
        for run in word
            .split(|ch: char| !(ch.is_ascii_alphabetic() || ch == '&' || ch == '\''))
            .filter(|r| r.chars().any(|ch| ch.is_ascii_alphabetic()))
        {
            let n = run.chars().filter(char::is_ascii_alphabetic).count() as f64;
            if !in_korean_field {
                c.latin += n;
            } else if has_digit || is_acronym(run) {
                // `GPT-4o`, `H100`, `AI`, `SPRi`: normal inside Korean text.
            } else if run.starts_with(|ch: char| ch.is_ascii_uppercase()) {
                // Names (`Llama`, `Transformer`) are normal too; a whole English sentence
                // still has its lowercase words.
                c.latin += n / 2.0;
            } else {
                c.latin += n;
            }
        }
    }
    c
}

/// The whatlang language for a BCP 47 primary tag, for the languages yoyak users write in.
fn whatlang_lang(code: &str) -> Option<whatlang::Lang> {
    use whatlang::Lang::*;
    Some(match code {
        "ko" => Kor,
        "en" => Eng,
        "ja" => Jpn,
        "zh" => Cmn,
        "de" => Deu,
        "fr" => Fra,
        "es" => Spa,
        "it" => Ita,
        "pt" => Por,
        "ru" => Rus,
        "vi" => Vie,
        "id" => Ind,
        "th" => Tha,
        "nl" => Nld,
        _ => return None,
    })
}

/// Script families yoyak is sure about: which family a language is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Hangul,
    Latin,
    /// Japanese and Chinese: only "not Hangul" is checked for them.
    Cjk,
    /// A language without a known family: only "not Hangul" is checked.
    Unknown,
}

/// The script family a language code is written in.
fn family(code: &str) -> Family {
    match code {
        "ko" => Family::Hangul,
        "ja" | "zh" => Family::Cjk,
        "en" | "de" | "fr" | "es" | "it" | "pt" | "vi" | "id" | "nl" | "tr" | "pl" | "sv"
        | "da" | "no" | "fi" | "cs" | "ms" => Family::Latin,
        _ => Family::Unknown,
    }
}

/// Whether a text is long enough for whatlang to be trusted ([`LONG_WORDS`] words and
/// [`LONG_CHARS`] characters).
fn is_long(text: &str) -> bool {
    text.split_whitespace().count() >= LONG_WORDS && text.chars().count() >= LONG_CHARS
}

/// Whether `text`, found in the `lang` field of a project with `languages`, looks like it is
/// written in another language: a non-Korean field that is mostly Hangul, or a Korean field
/// that is mostly Latin (or kana), by the weighted script count, with whatlang breaking ties on
/// long texts; and, for long texts only, another configured language in the same script
/// (German in an `en` field of a `[ko, en, de]` project), when whatlang is sure of it.
pub fn mismatch(text: &str, lang: &str, languages: &[String]) -> Option<Mismatch> {
    let text = normalise_width(text);
    let fam = family(lang);
    let c = counts(&text, fam == Family::Hangul);
    // (wrong, right): weighted letters in a script the field should not use, and the rest.
    let (wrong, right, looks_like) = match fam {
        Family::Hangul => (c.latin + c.kana, c.hangul, "Latin-script text"),
        Family::Latin | Family::Cjk | Family::Unknown => {
            (c.hangul, c.latin + c.kana + c.han, "Korean")
        }
    };
    let long = is_long(&text);
    if wrong >= 2.0 {
        let share = wrong / (wrong + right);
        let mut verdict = share > 0.5;
        if long && share > TIE.0 && share < TIE.1 {
            verdict = whatlang_script_verdict(&text, lang, fam, languages).unwrap_or(verdict);
        }
        if verdict {
            return Some(Mismatch { looks_like, share: Some(share) });
        }
    }
    if long {
        return same_script_language(&text, lang, languages)
            .map(|l| Mismatch { looks_like: l.eng_name(), share: None });
    }
    None
}

/// Script shares this close to even are left to whatlang on long texts.
const TIE: (f64, f64) = (0.4, 0.6);

/// A whatlang detector limited to the project's languages (and Korean and English).
fn detector(languages: &[String]) -> whatlang::Detector {
    let mut allow: Vec<whatlang::Lang> =
        languages.iter().filter_map(|l| whatlang_lang(l)).collect();
    for l in [whatlang::Lang::Kor, whatlang::Lang::Eng] {
        if !allow.contains(&l) {
            allow.push(l);
        }
    }
    whatlang::Detector::with_allowlist(allow)
}

/// Another configured language written in the same script as `lang`, when whatlang is sure.
fn same_script_language(text: &str, lang: &str, languages: &[String]) -> Option<whatlang::Lang> {
    let own = whatlang_lang(lang)?;
    let info = detector(languages).detect(text)?;
    let other = info.lang();
    let configured = languages.iter().any(|l| whatlang_lang(l) == Some(other));
    let same_script = family(lang) == Family::Latin && info.script() == whatlang::Script::Latin;
    (other != own && configured && same_script && info.is_reliable()).then_some(other)
}

/// whatlang's answer, restricted to the project's languages (plus Korean and English):
/// Some(true) = another script family, Some(false) = the field's own, None = not sure.
fn whatlang_script_verdict(
    text: &str,
    lang: &str,
    fam: Family,
    languages: &[String],
) -> Option<bool> {
    let info = detector(languages).detect(text)?;
    if info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    if Some(info.lang()) == whatlang_lang(lang) {
        return Some(false);
    }
    let found = match info.script() {
        whatlang::Script::Hangul => Family::Hangul,
        whatlang::Script::Latin => Family::Latin,
        whatlang::Script::Hiragana | whatlang::Script::Katakana | whatlang::Script::Mandarin => {
            Family::Cjk
        }
        _ => Family::Unknown,
    };
    match (fam, found) {
        (Family::Hangul, Family::Latin) => Some(true),
        (Family::Hangul, _) => None,
        (_, Family::Hangul) => Some(true),
        _ => Some(false),
    }
}

/// Whether a text identical in two languages still holds words that needed translating:
/// any Hangul, or a lowercase Latin word of three letters or more. Numbers and names
/// (`GPT-4o`, `Llama 3`, `Hugging Face`, `SPRi`) are the same in every language.
pub fn needs_translation(text: &str) -> bool {
    let text = normalise_width(text);
    text.chars().any(is_hangul)
        || text
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() >= 3 && w.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// A marker an editor left in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// Where it is in the text (bytes).
    pub span: Range<usize>,
    /// The marker word: `TODO`, `FIXME` or `TRANSLATE`.
    pub word: &'static str,
}

/// Markers an editor left for later: `TODO`, `FIXME`, `TRANSLATE`, as whole upper-case words.
pub fn markers(text: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    for marker in ["TODO", "FIXME", "TRANSLATE"] {
        for (i, _) in text.match_indices(marker) {
            let before = text[..i].chars().next_back();
            let after = text[i + marker.len()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '_');
            if boundary(before) && boundary(after) {
                out.push(Marker { span: i..i + marker.len(), word: marker });
            }
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs() -> Vec<String> {
        vec!["ko".into(), "en".into()]
    }

    #[test]
    fn short_mixed_korean_is_korean() {
        for t in
            ["SPRi는 오픈소스AI가", "AI 기반", "ＡＩ 반도체", "GPT-4o 출시 이후", "PoC 지원 120건"]
        {
            assert_eq!(mismatch(t, "ko", &langs()), None, "{t}");
        }
    }

    #[test]
    fn untranslated_is_flagged() {
        assert!(mismatch("AI 기반", "en", &langs()).is_some());
        assert!(mismatch("Key points", "ko", &langs()).is_some());
        assert!(mismatch("AI-based", "ko", &langs()).is_some());
        assert_eq!(mismatch("GPT-4o", "ko", &langs()), None);
    }

    #[test]
    fn same_script_languages_need_whatlang_and_configuration() {
        let german = "Die Regierung wird in diesem Jahr einen großen Teil des Haushalts für \
                      künstliche Intelligenz ausgeben und das meiste davon im ersten Halbjahr.";
        let three: Vec<String> = ["ko", "en", "de"].iter().map(|s| s.to_string()).collect();
        let m = mismatch(german, "en", &three).expect("German in an en field");
        assert_eq!((m.looks_like, m.share), ("German", None));
        assert_eq!(mismatch(german, "en", &langs()), None, "German is not configured");
        assert_eq!(mismatch(german, "de", &three), None);
    }

    #[test]
    fn identical_names_need_no_translation() {
        for t in ["GPT-4o", "Llama 3", "Hugging Face", "SPRi", "2024", "47.3%"] {
            assert!(!needs_translation(t), "{t}");
        }
        assert!(needs_translation("주요 내용"));
        assert!(needs_translation("open-source AI"));
    }

    #[test]
    fn markers_are_whole_words() {
        assert_eq!(markers("TODO: 번역").len(), 1);
        assert_eq!(markers("[TRANSLATE] x").len(), 1);
        assert!(markers("TODOS, todo").is_empty());
    }
}
