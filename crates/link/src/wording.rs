//! Near-duplicate reports: MinHash signatures over word shingles.
//!
//! A wire story reprinted by ten outlets is one source, not ten. Reprints keep most of
//! their wording, so the share of five-word shingles two reports have in common (their
//! Jaccard similarity) finds them; MinHash estimates it from 64 numbers a report, and
//! bands of those numbers find the candidates without comparing every pair.
//!
//! The hash is FNV-1a, written out here because the signatures are stored in the ledger
//! and must not change with a dependency's version or a process's random seed.

/// Numbers in a signature.
pub const SIGNATURE_LEN: usize = 64;
/// Numbers in a band; two reports sharing any band are compared.
const BAND: usize = 4;
/// Words in a shingle.
const SHINGLE: usize = 5;

/// Estimated similarity at and above which two reports are one story, reprinted or lightly
/// edited.
pub const REPRINT: f64 = 0.6;

fn fnv1a(bytes: impl Iterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The i-th of the fixed hash permutations' parameters.
fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A report's signature, or `None` for a text too short to have one.
pub fn signature(text: &str) -> Option<Vec<u32>> {
    // Each word hashed once, lower-cased on the fly; a shingle's hash mixes its words'.
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            fnv1a(w.chars().flat_map(char::to_lowercase).flat_map(|c| {
                let mut buf = [0; 4];
                let n = c.encode_utf8(&mut buf).len();
                buf.into_iter().take(n)
            }))
        })
        .collect();
    if words.len() < SHINGLE * 4 {
        return None;
    }
    let shingles: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| w.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &x| splitmix(h ^ x)))
        .collect();
    let mut signature = vec![u32::MAX; SIGNATURE_LEN];
    for (i, slot) in signature.iter_mut().enumerate() {
        let (a, b) = (splitmix(2 * i as u64) | 1, splitmix(2 * i as u64 + 1));
        for &h in &shingles {
            *slot = (*slot).min((h.wrapping_mul(a).wrapping_add(b) >> 32) as u32);
        }
    }
    Some(signature)
}

/// The estimated share of shingles two signatures' texts have in common.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len().max(1) as f64
}

/// The band keys a signature is indexed under: each band's position and numbers, hashed
/// to one integer (as SQLite stores it).
pub fn bands(signature: &[u32]) -> Vec<i64> {
    signature
        .chunks(BAND)
        .enumerate()
        .map(|(i, band)| {
            fnv1a(
                (i as u32)
                    .to_le_bytes()
                    .into_iter()
                    .chain(band.iter().flat_map(|v| v.to_le_bytes())),
            ) as i64
        })
        .collect()
}

/// A signature as stored: hexadecimal numbers.
pub fn to_text(signature: &[u32]) -> String {
    use std::fmt::Write;
    let mut text = String::with_capacity(signature.len() * 8);
    for v in signature {
        write!(text, "{v:08x}").expect("writing to a String never fails");
    }
    text
}

pub fn from_text(text: &str) -> Option<Vec<u32>> {
    (text.len() == SIGNATURE_LEN * 8)
        .then(|| {
            (0..SIGNATURE_LEN)
                .map(|i| u32::from_str_radix(text.get(i * 8..i * 8 + 8)?, 16).ok())
                .collect()
        })
        .flatten()
}

/// Groups `n` items, joining every pair `same` accepts (and so, transitively, chains of
/// them). Each group lists its items in order; groups come in order of their first item.
pub fn clusters(n: usize, same: impl Fn(usize, usize) -> bool) -> Vec<Vec<usize>> {
    // Union-find over the items.
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..n {
        for j in i + 1..n {
            if same(i, j) {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri] = rj;
            }
        }
    }
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        match groups.iter_mut().find(|(root, _)| *root == r) {
            Some((_, members)) => members.push(i),
            None => groups.push((r, vec![i])),
        }
    }
    groups.into_iter().map(|(_, members)| members).collect()
}

/// Whether two reports' wordings make one a reprint of the other.
pub fn reprinted(a: Option<&[u32]>, b: Option<&[u32]>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if similarity(a, b) >= REPRINT)
}

/// Whether two headlines have no word in common that tells one shooting from another.
/// Pages whose bodies are alike under such headlines are not a reprint: what they share is
/// a site's furniture ("We have sent you a verification email") or a story both carried
/// beside their own. The words of the town both are in (`town`) tell none apart either: a
/// city paper names its city in many headlines.
pub fn headlines_apart(a: &str, b: &str, town: &[&str]) -> bool {
    let town: Vec<String> = town
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .map(str::to_lowercase)
        .collect();
    let words = |h: &str| -> Vec<String> {
        h.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .filter(|w| !is_everyday_headline_word(w) && !town.contains(w))
            .collect()
    };
    let (a, b) = (words(a), words(b));
    !a.is_empty() && !b.is_empty() && !a.iter().any(|w| b.contains(w))
}

/// Words in the headlines of shootings of every kind: they say nothing of which one.
fn is_everyday_headline_word(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "and"
            | "for"
            | "with"
            | "after"
            | "from"
            | "into"
            | "over"
            | "near"
            | "outside"
            | "inside"
            | "than"
            | "who"
            | "was"
            | "were"
            | "are"
            | "has"
            | "had"
            | "have"
            | "his"
            | "her"
            | "their"
            | "its"
            | "not"
            | "but"
            | "out"
            | "off"
            | "all"
            | "new"
            | "old"
            | "year"
            | "years"
            | "police"
            | "cops"
            | "say"
            | "says"
            | "said"
            | "man"
            | "men"
            | "woman"
            | "women"
            | "boy"
            | "boys"
            | "girl"
            | "girls"
            | "teen"
            | "teens"
            | "child"
            | "children"
            | "people"
            | "person"
            | "shot"
            | "shoots"
            | "shooting"
            | "shootings"
            | "gunfire"
            | "gunman"
            | "killed"
            | "kills"
            | "killing"
            | "dead"
            | "dies"
            | "died"
            | "death"
            | "fatal"
            | "fatally"
            | "injured"
            | "wounded"
            | "hurt"
            | "suspect"
            | "suspects"
            | "update"
            | "updated"
            | "breaking"
            | "news"
            | "video"
            | "photos"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str =
        "A gunman opened fire outside a grocery store on the city's north side late Saturday, \
        killing one man and wounding two others, police said. The victims were standing near the entrance \
        when a car pulled up and someone inside fired several shots, according to a police spokesman. \
        No arrests had been made by Sunday afternoon.";

    #[test]
    fn a_reprint_is_one_source_and_another_story_is_another() {
        let reprint = format!("{WIRE} Copyright 2017 The Associated Press. All rights reserved.");
        let other = "Firefighters rescued three children from a burning apartment building early Monday, \
            and a neighbour who ran inside to help was treated for smoke inhalation, the fire department said. \
            The cause of the fire is under investigation, officials said on Monday.";
        let sigs = [signature(WIRE), signature(&reprint), signature(other)];
        assert!(similarity(sigs[0].as_ref().unwrap(), sigs[1].as_ref().unwrap()) >= REPRINT);
        assert!(similarity(sigs[0].as_ref().unwrap(), sigs[2].as_ref().unwrap()) < 0.2);
        let refs: Vec<Option<&[u32]>> = sigs.iter().map(Option::as_deref).collect();
        assert_eq!(clusters(refs.len(), |i, j| reprinted(refs[i], refs[j])).len(), 2);
        let text = to_text(sigs[0].as_ref().unwrap());
        assert_eq!(from_text(&text), sigs[0]);
        assert_eq!(signature("Too short to tell."), None);
    }

    #[test]
    fn headlines_with_nothing_in_common_but_the_crime_are_apart() {
        assert!(headlines_apart(
            "Man killed, boy injured in apparent drive-by shooting",
            "Police: Man shoots 4 relatives, killing 2, then himself",
            &[]
        ));
        assert!(!headlines_apart(
            "Teen shot outside Dunmore pool hall",
            "Police name teen killed at Dunmore pool hall - WXYZ",
            &[]
        ));
        assert!(!headlines_apart("Shooting", "Pool hall shooting", &[]));
        // Their town's name is shared by many of a city paper's headlines.
        let (a, b) = (
            "Man dies after accidentally shooting himself in the leg, St. Louis police say",
            "St. Louis neighborhood in fear after girl, 15, is killed by stray bullet",
        );
        assert!(!headlines_apart(a, b, &[]));
        assert!(headlines_apart(a, b, &["St. Louis"]));
    }
}
