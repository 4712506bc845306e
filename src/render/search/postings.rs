//! Postings (which documents hold a key) as short strings, whichever is shorter: a list of
//! base-36 gaps (`0,5,1z`: documents 0, 5 and 76) for a rare key, or `~` and a bitset in
//! base 64 (six documents a character) for a common one. `templates/search.js` decodes both.

/// The base-64 digits of a bitset.
const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `n` in base 36 (lowercase).
fn base36(mut n: u32) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit(n % 36, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

/// The postings of `ids` (ascending, each below `n`) among `n` documents.
pub fn encode(ids: &[u32], n: usize) -> String {
    let mut list = String::new();
    let mut prev = None;
    for &id in ids {
        if prev.is_some() {
            list.push(',');
        }
        list.push_str(&base36(prev.map_or(id, |p| id - p)));
        prev = Some(id);
    }
    let bitset_len = 1 + n.div_ceil(6);
    if list.len() <= bitset_len {
        return list;
    }
    let mut bits = vec![0u8; n.div_ceil(6)];
    for &id in ids {
        bits[id as usize / 6] |= 1 << (id % 6);
    }
    std::iter::once('~').chain(bits.into_iter().map(|b| B64[b as usize] as char)).collect()
}

/// The document numbers of postings `s` among `n` documents; `None` when `s` is malformed or
/// names a document past `n`.
pub fn decode(s: &str, n: usize) -> Option<Vec<u32>> {
    if let Some(bits) = s.strip_prefix('~') {
        let mut out = Vec::new();
        for (i, c) in bits.bytes().enumerate() {
            let v = B64.iter().position(|&b| b == c)?;
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
        for ids in [vec![0, 5, 81], all, vec![999], vec![]] {
            assert_eq!(decode(&encode(&ids, 1000), 1000), Some(ids));
        }
    }

    #[test]
    fn malformed_postings_are_refused() {
        for bad in ["0,0", "zz", "~!", "1,x", "~//"] {
            assert_eq!(decode(bad, 10), None, "{bad}");
        }
    }
}
