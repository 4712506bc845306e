//! What a search matches, as index keys: syllables and syllable bigrams of Korean (and other
//! CJK) runs, stems of other words, and numbers by value (`#4320000`). The same rules run in
//! the browser (`templates/search.js`); shared vectors in `tests/fixtures/search/` test both.

use crate::numbers::{self, Amount, Decimal, Quantity};
use std::collections::BTreeSet;

/// Words longer than this (addresses, hashes) are not indexed.
pub const MAX_WORD: usize = 40;

/// A character of a CJK run: a Hangul syllable, a Han ideograph or kana. Such text has no
/// spaces between a word and its particle (`오픈소스AI를`), so it is matched by syllables.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{4E00}'..='\u{9FFF}' | '\u{3040}'..='\u{30FF}')
}

/// A character of a word: an ASCII letter or digit, or a Latin letter with diacritics.
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (('\u{C0}'..='\u{24F}').contains(&c) && c != '\u{D7}' && c != '\u{F7}')
}

/// Add the keys of `text` to `keys`: every syllable and adjacent pair of syllables of each
/// CJK run, and the stem of every word of 2 to [`MAX_WORD`] characters that has a letter
/// (digits alone are numbers: [`number_keys`]).
pub fn text_keys(text: &str, keys: &mut BTreeSet<String>) {
    let lower = text.to_lowercase();
    let mut run: Vec<char> = Vec::new();
    let mut word = String::new();
    for c in lower.chars().chain(std::iter::once(' ')) {
        if is_cjk(c) {
            run.push(c);
        } else if !run.is_empty() {
            run_keys(&run, keys);
            run.clear();
        }
        if is_word_char(c) {
            word.push(c);
        } else if !word.is_empty() {
            if let Some(k) = word_key(&word) {
                keys.insert(k);
            }
            word.clear();
        }
    }
}

/// The syllables and syllable bigrams of one CJK run.
fn run_keys(run: &[char], keys: &mut BTreeSet<String>) {
    for (i, c) in run.iter().enumerate() {
        keys.insert(c.to_string());
        if let Some(next) = run.get(i + 1) {
            keys.insert([*c, *next].iter().collect());
        }
    }
}

/// The key of a lowercase word: its stem, or none for a one-letter word, a word of digits
/// only or one longer than [`MAX_WORD`].
pub fn word_key(word: &str) -> Option<String> {
    let n = word.chars().count();
    let has_letter = word.chars().any(|c| !c.is_ascii_digit());
    ((2..=MAX_WORD).contains(&n) && has_letter).then(|| stem(word))
}

/// Whether `w` ends with `suffix`.
fn ends(w: &[char], suffix: &str) -> bool {
    let s: Vec<char> = suffix.chars().collect();
    w.len() >= s.len() && w[w.len() - s.len()..] == s[..]
}

/// Whether `c` is an English vowel (with `y`).
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// A small English suffix stemmer: plural `-s`/`-es`/`-ies`, then `-ing`/`-ed` (with a
/// doubled consonant undone), `-ly`, and a final `-e`, so that `models`/`model`,
/// `released`/`release`, `rapidly`/`rapid` meet. Not linguistics: the index and the query
/// run the same rules, so forms meet even where the stem is not a word.
pub fn stem(word: &str) -> String {
    let mut w: Vec<char> = word.chars().collect();
    if w.len() <= 3 {
        return word.to_string();
    }
    if ends(&w, "ies") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if ends(&w, "sses") {
        w.truncate(w.len() - 2);
    } else if ends(&w, "s") && !ends(&w, "ss") && !ends(&w, "us") && !ends(&w, "is") {
        w.pop();
    }
    let verb = if ends(&w, "ing") {
        3
    } else if ends(&w, "ed") {
        2
    } else {
        0
    };
    let rest = w.len() - verb;
    if verb > 0 && rest >= 3 && w[..rest].iter().any(|c| is_vowel(*c)) {
        w.truncate(rest);
        let n = w.len();
        if w[n - 1] == w[n - 2] && !is_vowel(w[n - 1]) && !matches!(w[n - 1], 'l' | 's' | 'z') {
            w.pop();
        }
    }
    if ends(&w, "ly") && w.len() >= 5 {
        w.truncate(w.len() - 2);
    }
    if ends(&w, "e") && w.len() > 4 {
        w.pop();
    }
    w.into_iter().collect()
}

/// The key of a numeric value: `#` and the value in plain decimal digits, without trailing
/// zeros (`#4320000`, `#47.3`).
pub fn number_key(d: &Decimal) -> String {
    format!("#{}", d.normalize())
}

/// Add the keys of a quantity: its value, both ends of a range, both sides of a ratio, the
/// year of a date (a month or a day alone is no number a reader searches for).
pub fn quantity_keys(q: &Quantity, keys: &mut BTreeSet<String>) {
    match &q.amount {
        Amount::Exact(d) => {
            keys.insert(number_key(d));
        }
        Amount::Range(a, b) | Amount::Ratio { part: a, whole: b } => {
            keys.insert(number_key(a));
            keys.insert(number_key(b));
        }
        Amount::Date { year: Some(y), .. } => {
            keys.insert(number_key(&Decimal::from(*y)));
        }
        Amount::Date { .. } => {}
    }
}

/// Add the keys of every number the number engine finds in `text` (read with `lang`'s
/// grammar; relative dates against `dateline`).
pub fn number_keys(
    text: &str,
    lang: &str,
    dateline: Option<(i32, u8, u8)>,
    keys: &mut BTreeSet<String>,
) {
    for found in numbers::find_with_dateline(text, lang, dateline) {
        quantity_keys(&found.quantity, keys);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys of `text`.
    fn keys(text: &str) -> BTreeSet<String> {
        let mut k = BTreeSet::new();
        text_keys(text, &mut k);
        k
    }

    #[test]
    fn korean_runs_give_syllables_and_bigrams() {
        let k = keys("오픈소스AI를 쓴다");
        for key in ["오", "오픈", "픈소", "소스", "ai", "를", "쓴다"] {
            assert!(k.contains(key), "{key} in {k:?}");
        }
        assert!(!k.contains("스를"), "a Latin word ends the run: {k:?}");
    }

    #[test]
    fn words_are_stemmed_and_digits_left_to_numbers() {
        let k = keys("Open-source models, 2024 GPT-4o a");
        assert_eq!(k.into_iter().collect::<Vec<_>>(), ["4o", "gpt", "model", "open", "sourc"]);
    }

    #[test]
    fn numbers_have_one_key_per_value() {
        let mut k = BTreeSet::new();
        number_keys("깃허브 AI 프로젝트는 432만 개, 비중은 47.3%", "ko", None, &mut k);
        number_keys("4.32 million projects and 10–249 employees", "en", None, &mut k);
        for key in ["#4320000", "#47.3", "#10", "#249"] {
            assert!(k.contains(key), "{key} in {k:?}");
        }
    }
}
