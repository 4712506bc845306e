//! Postings (which documents hold a key) as short strings, whichever is shorter: a list of
//! base-36 gaps (`0,5,1z`: documents 0, 5 and 76) for a rare key, or `~` and a bitset in
//! base 64 (six documents a character) for a common one. `templates/search.js` decodes both.

/// The base-64 digits of a bitset.
const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Append `n` in base 36 (lowercase) to `out`.
fn push_base36(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 7];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits[i..].iter().for_each(|&d| out.push(char::from(d)));
}

/// The postings of `ids` (ascending, each below `n`) among `n` documents.
pub fn encode(ids: &[u32], n: usize) -> String {
    let bitset_len = 1 + n.div_ceil(6);
    let mut list = String::new();
    let mut prev = None;
    for &id in ids {
        if prev.is_some() {
            list.push(',');
        }
        push_base36(&mut list, prev.map_or(id, |p| id - p));
        prev = Some(id);
        if list.len() > bitset_len {
            return bitset(ids, n);
        }
    }
    list
}

/// `ids` as `~` and a bitset in base 64.
fn bitset(ids: &[u32], n: usize) -> String {
    let mut bits = vec![0u8; n.div_ceil(6)];
    for &id in ids {
        bits[id as usize / 6] |= 1 << (id % 6);
    }
    std::iter::once('~').chain(bits.into_iter().map(|b| B64[b as usize] as char)).collect()
}

/// The value of base-64 digit `c`, if it is one.
fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Whether `s` is postings among `n` documents as [`encode`] writes them, or could: a list
/// [`decode`] reads, or a bitset of exactly the length `n` needs with no document past `n`.
pub fn is_valid(s: &str, n: usize) -> bool {
    match s.strip_prefix('~') {
        Some(bits) => bits.len() == n.div_ceil(6) && bit_counts(bits, n).is_some(),
        None => decode(s, n).is_some(),
    }
}

/// How many documents bitset digits `bits` name; `None` when a digit is not base 64 or names
/// a document past `n`.
fn bit_counts(bits: &str, n: usize) -> Option<u32> {
    let mut count = 0;
    for (i, c) in bits.bytes().enumerate() {
        let v = b64_value(c)?;
        // Bits past document n - 1 in the last digit must be clear.
        let past = (i * 6 + 6).saturating_sub(n).min(6);
        (v >> (6 - past) == 0).then_some(())?;
        count += v.count_ones();
    }
    Some(count)
}

/// Bitset postings `s` among `n` documents with each `(id, holds)` of `changes` set or cleared,
/// when the result is surely still a bitset (its list would take two characters a document
/// or more, longer than the bitset): an edit then rewrites a common key's postings without
/// decoding them. `None` for list postings or a result [`encode`] might write as a list.
pub fn patch_bitset(s: &str, changes: &[(u32, bool)], n: usize) -> Option<String> {
    let bits = s.strip_prefix('~')?;
    let mut digits = bits.as_bytes().to_vec();
    for &(id, holds) in changes {
        let digit = digits.get_mut(id as usize / 6)?;
        let v = b64_value(*digit)?;
        let bit = 1 << (id % 6);
        *digit = B64[usize::from(if holds { v | bit } else { v & !bit })];
    }
    let patched = String::from_utf8(digits).ok()?;
    let count = bit_counts(&patched, n)? as usize;
    (2 * count > 1 + (1 + n.div_ceil(6))).then(|| format!("~{patched}"))
}

/// The document numbers of postings `s` among `n` documents; `None` when `s` is malformed or
/// names a document past `n`.
pub fn decode(s: &str, n: usize) -> Option<Vec<u32>> {
    if let Some(bits) = s.strip_prefix('~') {
        let mut out = Vec::new();
        for (i, c) in bits.bytes().enumerate() {
            let v = b64_value(c)?;
            for bit in 0..6 {
                if v & (1 << bit) != 0 {
                    let id = i * 6 + bit;
                    (id < n).then_some(())?;
                    out.push(id as u32);
                }
            }
        }
        return Some(out);
    }
    let mut out: Vec<u32> = Vec::new();
    for gap in s.split(',').filter(|g| !g.is_empty()) {
        let gap = u32::from_str_radix(gap, 36).ok()?;
        let id = match out.last() {
            Some(&p) => p.checked_add(gap).filter(|_| gap > 0)?,
            None => gap,
        };
        ((id as usize) < n).then_some(())?;
        out.push(id);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_keys_are_lists_and_common_ones_bitsets() {
        assert_eq!(encode(&[0, 5, 81], 1000), "0,5,24");
        let all: Vec<u32> = (0..1000).collect();
        let s = encode(&all, 1000);
        assert!(s.starts_with('~') && s.len() == 1 + 167, "{s}");
        assert_eq!(encode(&[35, 35 + 36, 35 + 36 + 1296], 10_000), "z,10,100");
        for ids in [vec![0, 5, 81], all, vec![999], vec![], (0..1000).step_by(3).collect()] {
            assert_eq!(decode(&encode(&ids, 1000), 1000), Some(ids));
        }
    }

    #[test]
    fn a_patched_bitset_is_the_bitset_encoded_again() {
        let n = 100;
        let ids: Vec<u32> = (0..n as u32).filter(|i| i % 3 != 0).collect();
        let s = encode(&ids, n);
        let patched = patch_bitset(&s, &[(0, true), (1, false), (99, true)], n).unwrap();
        let mut expected: Vec<u32> = ids.iter().copied().filter(|&i| i != 1).collect();
        expected.extend([0, 99]);
        expected.sort_unstable();
        assert_eq!(patched, encode(&expected, n));
        // Too few documents left to be sure of the bitset form: not patched.
        let few = encode(&(0..40).collect::<Vec<u32>>(), n);
        let clear: Vec<(u32, bool)> = (0..35).map(|i| (i, false)).collect();
        assert_eq!(patch_bitset(&few, &clear, n), None);
        assert_eq!(patch_bitset("0,5", &[(1, true)], n), None);
    }

    #[test]
    fn only_postings_encode_could_write_are_valid() {
        let s = encode(&(0..50).collect::<Vec<u32>>(), 50);
        assert!(is_valid(&s, 50) && is_valid("0,5,1z", 100));
        // One digit too many; a document past n in the last digit.
        assert!(!is_valid(&format!("{s}A"), 50) && !is_valid("~////////g", 50));
        assert!(is_valid("~////////D", 50) && !is_valid("~////////E", 50));
        assert!(!is_valid("0,0", 100));
    }

    #[test]
    fn malformed_postings_are_refused() {
        for bad in ["0,0", "zz", "~!", "1,x", "~//", "Z"] {
            assert_eq!(decode(bad, 10), None, "{bad}");
        }
    }
}
