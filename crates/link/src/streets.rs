//! The streets a report names: "the 1400 block of Celis Street", "on Lamar Avenue". Two
//! reports of one shooting name the same street far more often than two shootings do, even
//! where one puts it in the city and the other in its neighbourhood or county.
//!
//! A hand-written scan rather than a regular expression: one pass over the words, which
//! linking runs on every new report's text.

/// Street words and the abbreviations copy uses for them, with their full form.
const SUFFIXES: &[(&str, &str)] = &[
    ("street", "street"),
    ("st", "street"),
    ("avenue", "avenue"),
    ("ave", "avenue"),
    ("road", "road"),
    ("rd", "road"),
    ("boulevard", "boulevard"),
    ("blvd", "boulevard"),
    ("drive", "drive"),
    ("dr", "drive"),
    ("lane", "lane"),
    ("ln", "lane"),
    ("way", "way"),
    ("place", "place"),
    ("court", "court"),
    ("parkway", "parkway"),
    ("pkwy", "parkway"),
    ("highway", "highway"),
    ("hwy", "highway"),
    ("circle", "circle"),
    ("terrace", "terrace"),
    ("trail", "trail"),
    ("pike", "pike"),
];

/// Capitalised words that begin a sentence or name no street ("On Street", "Police Road").
const NOT_NAMES: &[&str] = &[
    "a", "an", "the", "on", "in", "at", "near", "off", "police", "wall", "main", "this", "that", "one",
];

/// How much of a report is read for streets: the event is told near the top.
const READ_BYTES: usize = 4000;

/// The streets a text names, as keys: lower case, the street word spelled out
/// ("lamar avenue", "105th street"); and the blocks it names, as [`block`] keys. Each
/// once, in order of first mention.
pub fn streets(text: &str) -> Vec<String> {
    let mut end = text.len().min(READ_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let words: Vec<&str> = text[..end].split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    for (i, raw) in words.iter().enumerate() {
        if let Some(key) = block(&words, i) {
            if !out.contains(&key) {
                out.push(key);
            }
        }
        // "Avenue," "St." "Road's": the street word without what follows it.
        let bare = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_ascii_lowercase();
        let Some(&(_, full)) = SUFFIXES.iter().find(|(s, _)| *s == lower) else {
            continue;
        };
        if !bare.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        // Up to three capitalised words or one ordinal before it: "Martin Luther King",
        // "105th". A word that ends a sentence or clause stops the name.
        let mut name: Vec<String> = Vec::new();
        for k in (i.saturating_sub(3)..i).rev() {
            let word = words[k];
            let suffix_word = matches!(word, "Jr." | "Sr.");
            if word.ends_with(['.', ',', ';', ':', '"', '\u{201d}']) && !is_initial(word) && !suffix_word {
                break;
            }
            let ordinal = is_ordinal(word);
            let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase())
                && word
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '\'' | '-'));
            if !(capitalised || ordinal) || NOT_NAMES.contains(&word.to_ascii_lowercase().as_str()) {
                break;
            }
            name.insert(0, word.to_ascii_lowercase());
            if ordinal {
                break;
            }
        }
        // "Police Road" is rare; "North Street" tells too little; a name needs a word that
        // is not a compass point.
        let compass = |w: &str| matches!(w, "north" | "south" | "east" | "west" | "n." | "s." | "e." | "w.");
        if name.is_empty() || name.iter().all(|w| compass(w)) {
            continue;
        }
        let key = format!("{} {full}", name.join(" "));
        if !out.contains(&key) {
            out.push(key);
        }
    }
    out
}

/// The block named from word `i` on, as a key: "the 3400 block of West Fulton Boulevard",
/// "the 3400-block of West Fulton" and "the 3400 block of W. Fulton" are all "3400 block
/// of w fulton". The street word is left out, since copy often drops it, and the compass
/// point is abbreviated. A block number and a street name together are rare enough that two
/// reports naming both within days tell of one shooting, or one round-up's part of it.
fn block(words: &[&str], i: usize) -> Option<String> {
    // Every word of a report passes here: a suffix and an equality are all most cost.
    let (number, of) = match words[i].strip_suffix("-block") {
        Some(number) => (number, i + 1),
        None if words.get(i + 1) == Some(&"block") => (words[i], i + 2),
        None => return None,
    };
    if number.len() < 2 || !number.bytes().all(|b| b.is_ascii_digit()) || words.get(of) != Some(&"of") {
        return None;
    }
    let mut name: Vec<String> = Vec::new();
    for word in words.iter().skip(of + 1).take(4) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_ascii_lowercase();
        let capitalised = bare.starts_with(|c: char| c.is_ascii_uppercase());
        if bare.is_empty() || !(capitalised || is_ordinal(bare)) || SUFFIXES.iter().any(|(s, _)| *s == lower)
        {
            break;
        }
        let point = match lower.as_str() {
            "north" | "n" => "n",
            "south" | "s" => "s",
            "east" | "e" => "e",
            "west" | "w" => "w",
            other => other,
        };
        name.push(point.to_string());
        // "of West Fulton, police said": a clause's end ends the name; an initial's full
        // stop does not ("W. Fulton").
        if bare.len() < word.len() && !(bare.len() == 1 && word.ends_with('.')) {
            break;
        }
    }
    let named = name.iter().any(|w| !matches!(w.as_str(), "n" | "s" | "e" | "w"));
    named.then(|| format!("{number} block of {}", name.join(" ")))
}

/// "1st", "105th", "22nd", "3rd".
fn is_ordinal(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th")
}

/// "L." in "Martin L. King": an initial, not a sentence's end.
fn is_initial(word: &str) -> bool {
    word.len() == 2 && word.starts_with(|c: char| c.is_ascii_uppercase()) && word.ends_with('.')
}

/// Whether a street key is a bare numbered street ("15th street"), which most cities have.
pub fn is_numbered(key: &str) -> bool {
    key.split(' ').next().is_some_and(is_ordinal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_is_one_key_however_copy_writes_it() {
        let told = [
            "Two boys were shot in the 3400 block of West Fulton Boulevard about noon.",
            "It happened in the 3400-block of West Fulton, police said.",
            "Officers found him in the 3400 block of W. Fulton Blvd. on Tuesday.",
        ];
        for text in told {
            assert!(
                streets(text).contains(&"3400 block of w fulton".to_string()),
                "{text}"
            );
        }
        // A block of no named street, or one spelled out in words, is no key.
        assert!(streets("in the 3400 block of the street").is_empty());
        assert!(streets("in the first block of Kempton Drive")
            .iter()
            .all(|k| !k.contains("block")));
        assert!(streets("in the 100 block of West").is_empty());
    }

    #[test]
    fn streets_as_copy_names_them() {
        let text = "Police found the victim in the 1400 block of Celis Street late Sunday. \
            A second man was shot near Martin Luther King Jr. Blvd. and 105th St., and officers \
            closed Lamar Avenue. On Street parking was banned. He walked south on Main Street.";
        assert_eq!(
            streets(text),
            [
                "1400 block of celis",
                "celis street",
                "luther king jr. boulevard",
                "105th street",
                "lamar avenue"
            ]
        );
        assert!(is_numbered("105th street"));
        assert!(!is_numbered("1400 block of celis"));
        assert!(!is_numbered("lamar avenue"));
    }
}
