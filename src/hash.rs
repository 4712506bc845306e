//! Content hashing: one function every stage uses to name what it has seen (a file's text, a
//! briefing's inputs, a digest's selection).

/// Hex BLAKE3 of a sequence of byte strings (each length-prefixed, so parts cannot blur).
/// BLAKE3 rather than SHA-256: an edit rebuild hashes every content file, and software
/// SHA-256 was a fifth of its time.
///
/// Small parts are gathered and hashed a few kilobytes at a time (the same hash: BLAKE3 does
/// not depend on how its input is cut): a listing page's key is a hundred parts of a few
/// bytes, and a call of `update` for each took 2.5 times the instructions of one per page.
pub fn hash_parts<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    const GATHER: usize = 4096;
    let mut h = blake3::Hasher::new();
    let mut small = Vec::with_capacity(GATHER + 64);
    for p in parts {
        small.extend_from_slice(&(p.len() as u64).to_le_bytes());
        if p.len() >= GATHER {
            h.update(&small);
            small.clear();
            h.update(p);
        } else {
            small.extend_from_slice(p);
        }
        if small.len() >= GATHER {
            h.update(&small);
            small.clear();
        }
    }
    h.update(&small);
    h.finalize().to_hex().to_string()
}

#[cfg(test)]
mod tests {
    use super::hash_parts;

    /// The definition: BLAKE3 of each part's length (8 bytes, little-endian) and bytes.
    fn by_definition(parts: &[Vec<u8>]) -> String {
        let mut all = Vec::new();
        for p in parts {
            all.extend_from_slice(&(p.len() as u64).to_le_bytes());
            all.extend_from_slice(p);
        }
        blake3::hash(&all).to_hex().to_string()
    }

    #[test]
    fn parts_gathered_or_not_hash_as_defined() {
        let sizes = [0, 1, 7, 64, 1000, 4095, 4096, 5000, 3, 10_000, 2];
        let parts: Vec<Vec<u8>> =
            sizes.iter().enumerate().map(|(i, &n)| vec![i as u8 + 1; n]).collect();
        for k in 0..=parts.len() {
            let some = &parts[..k];
            assert_eq!(hash_parts(some.iter().map(Vec::as_slice)), by_definition(some));
        }
        let many: Vec<Vec<u8>> = (0..2000).map(|i: u32| i.to_le_bytes().to_vec()).collect();
        assert_eq!(hash_parts(many.iter().map(Vec::as_slice)), by_definition(&many));
        // Cutting the parts differently changes the hash (the lengths are hashed too).
        assert_ne!(hash_parts([&b"ab"[..], b"c"]), hash_parts([&b"a"[..], b"bc"]));
    }
}
