//! Phase 3: scale words after a number (`4.32 million`, `90.87bn`) and the scale letters glued
//! after a currency amount (`$4.5B`).

use super::{Num, word_ci, word_end};
use crate::numbers::lexicon::en::{SCALE_ABBREVIATIONS, SCALE_WORDS, glued_scale as glued_letters};
use crate::numbers::text::{pow10, space};

/// A scale word after `p`: its exponent and end. Full words need a space before them.
pub(super) fn scale_word(s: &str, p: usize) -> Option<(u32, usize)> {
    let q = space(s, p);
    for (w, e) in SCALE_WORDS {
        if q != p
            && let Some(end) = word_ci(s, q, w)
        {
            return Some((e, end));
        }
    }
    for (w, e) in SCALE_ABBREVIATIONS {
        if let Some(end) = word_ci(s, q, w) {
            return Some((e, end));
        }
    }
    None
}

/// `$4.5B`, `$90.87bn`: scale letters glued after a currency amount; `None` on overflow.
pub(super) fn glued_scale(s: &str, n: &mut Num) -> Option<()> {
    if n.scale > 0 {
        return Some(());
    }
    let e = word_end(s, n.end);
    if let Some(x) = glued_letters(&s[n.end..e]) {
        n.value = n.value.checked_mul(pow10(x))?.normalize();
        n.scale = x;
        n.end = e;
    }
    Some(())
}
