//! The rare words reports share. Two reports of one shooting name the same victim, bar,
//! church, school or hamlet, whatever town each puts it in; two shootings seldom share more
//! than a city's name. A word is rare when few reports in the ledger use it ([`RARE`]), and
//! counts for more the fewer they are ([`weight`]).
//!
//! A hand-written scan rather than a tokenizer: linking reads every new report for these,
//! and one pass over its words is all it needs.

/// How much of a report is read: the event, its people and places are told near the top.
const READ_BYTES: usize = 3000;

/// Words a line needs to be read as prose.
const PROSE_WORDS: usize = 8;

/// A word used by more reports than this tells nothing about which incident a report is of.
pub const RARE: u32 = 20;

/// How many days apart two reports sharing rare words may be: the follow-ups on the victim's
/// name, the arrest and the vigil. Beyond it a shared surname is more often another story
/// (30 days linked more wrongly than rightly on the gun-violence reports).
pub const TERM_DAYS: i64 = 10;

/// How much rare wording two reports must share to be of one incident: two words each in
/// two or three reports of the ledger, or four or five in twenty.
pub const SHARED: f64 = 4.0;

/// How much two reports of one state within a day, or of one town within [`TERM_DAYS`],
/// must share: one word of at most five reports of the ledger.
pub const SHARED_NEAR: f64 = 2.0;

/// How much two reports of one state within a day must share where one of them names no
/// town: one word of at most eight reports of the ledger.
pub const SHARED_UNPLACED: f64 = 1.6;

/// What a shared word used by `reports` reports counts: ln(2·RARE / reports), 3.0 for a
/// word of two reports, 0.69 for one of twenty. The scale is fixed, not the ledger's size,
/// so a link made in a small ledger is made in a large one.
pub fn weight(reports: u32) -> f64 {
    (f64::from(2 * RARE) / f64::from(reports.max(1))).ln().max(0.0)
}

/// Capitalised words that every kind of report uses: days, months, the words sentences
/// start with, and the newsroom's own. In a big ledger their counts say so; in a small one,
/// where every word is in few reports, this list does.
fn is_common(word: &str) -> bool {
    tally_core::is_calendar_word(word)
        || tally_core::is_number_word(word)
        || matches!(
            word,
            "may"
                | "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "the"
                | "this"
                | "that"
                | "these"
                | "those"
                | "they"
                | "she"
                | "his"
                | "her"
                | "their"
                | "there"
                | "then"
                | "when"
                | "where"
                | "while"
                | "after"
                | "before"
                | "during"
                | "about"
                | "but"
                | "and"
                | "for"
                | "our"
                | "you"
                | "what"
                | "just"
                | "more"
                | "all"
                | "both"
                | "another"
                | "new"
                | "according"
                | "anyone"
                | "please"
                | "police"
                | "county"
                | "street"
                | "avenue"
                | "road"
                | "drive"
                | "lane"
                | "department"
                | "hospital"
                | "sheriff"
                | "officer"
                | "officers"
                | "authorities"
                | "investigators"
                | "detectives"
                | "detective"
                | "deputies"
                | "deputy"
                | "chief"
                | "sgt"
                | "officials"
                | "witnesses"
                | "neighbors"
                | "family"
                | "news"
                | "photo"
                | "copyright"
                | "share"
                | "read"
                | "updated"
                | "published"
                | "follow"
                | "facebook"
                | "twitter"
                | "press"
                | "associated"
                | "crime"
                | "stoppers"
                | "court"
                | "jail"
                | "attorney"
                | "coroner"
                | "homicide"
                | "shooting"
                | "investigation"
                | "people"
                | "children"
                | "school"
                | "city"
                | "state"
                | "north"
                | "south"
                | "east"
                | "west"
                | "center"
                | "medical"
                | "office"
                | "district"
                // A title-case headline's words of the crime and the courts: "Man Pleads
                // Guilty", "Teen Charged in Killing", "Citywide".
                | "charged"
                | "charges"
                | "guilty"
                | "pleads"
                | "pleaded"
                | "killing"
                | "killed"
                | "slain"
                | "admits"
                | "body"
                | "known"
                | "thus"
                | "citywide"
                | "sentenced"
                | "arrested"
                | "accused"
        )
}

/// The words a text may share with another report of its incident, as keys: each
/// capitalised word of three letters or more, in lower case and without a possessive
/// ("Troyer's" is "troyer"), and each block number ("the 1400 block" is "#1400"). Sorted,
/// each once.
pub fn terms(text: &str) -> Vec<String> {
    let mut end = text.len().min(READ_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // A social-media handle ("— Cincinnati Police (@CincyPD)") is on every post its
    // account makes, not one incident's.
    fn split(line: &str) -> Vec<&str> {
        line.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
            .filter(|w| !w.is_empty())
            .filter(|w| {
                let at = w.as_ptr() as usize - line.as_ptr() as usize;
                !line[..at].ends_with('@')
            })
            .collect()
    }
    // A photo's credit run into the prose of a flattened page ("… Elvia Malagon / Chicago
    // Tribune A 34-year-old man was shot …"): the photographer's name, on every page they
    // shot, is left out (the outlet's is common on its own site).
    fn split_credits(line: &str) -> Vec<&str> {
        let capitalised = |w: &&&str| w.chars().next().is_some_and(char::is_uppercase);
        let mut words = Vec::new();
        let mut parts = line.split(" / ").peekable();
        while let Some(part) = parts.next() {
            let mut part_words = split(part);
            if parts.peek().is_some() {
                let credit = part_words.iter().rev().take(3).take_while(capitalised).count();
                part_words.truncate(part_words.len() - credit);
            }
            words.extend(part_words);
        }
        words
    }
    // Only prose: a short line is a page's furniture ("Submit", "Bears", "Score"), a
    // caption's credit ("Elvia Malagon / Chicago Tribune") or a heading, and is on every
    // page of its site.
    let words: Vec<&str> = text[..end]
        .lines()
        .map(split_credits)
        .filter(|words| words.len() >= PROSE_WORDS)
        .flatten()
        .collect();
    // A text that tells of no harm is a page's furniture ("Welcome to WBBM Newsradio 780"),
    // not a report of the incident: its words are no one's.
    let tells_harm = words.iter().any(|w| is_harm_word(&w.to_lowercase()));
    if !tells_harm {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for (i, raw) in words.iter().enumerate() {
        let word = raw
            .trim_matches(|c| c == '\'' || c == '\u{2019}')
            .trim_end_matches("'s")
            .trim_end_matches("\u{2019}s");
        if word.chars().all(|c| c.is_ascii_digit()) {
            if (2..=5).contains(&word.len())
                && words.get(i + 1).is_some_and(|w| w.eq_ignore_ascii_case("block"))
            {
                out.push(format!("#{word}"));
            }
            continue;
        }
        let mut chars = word.chars();
        let capitalised = chars.next().is_some_and(char::is_uppercase)
            && chars.clone().next().is_some_and(char::is_lowercase)
            && chars.all(char::is_alphabetic);
        if capitalised && word.chars().count() >= 3 {
            let lower = word.to_lowercase();
            if !is_common(&lower) {
                out.push(lower);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Words that tell of someone shot, hurt or killed.
fn is_harm_word(word: &str) -> bool {
    matches!(
        word,
        "shot"
            | "shots"
            | "shooting"
            | "shootings"
            | "shooter"
            | "gunman"
            | "gunfire"
            | "gunshot"
            | "gunshots"
            | "fired"
            | "killed"
            | "killing"
            | "dead"
            | "died"
            | "death"
            | "wounded"
            | "wounds"
            | "injured"
            | "injuries"
            | "hurt"
            | "murder"
            | "murdered"
            | "homicide"
            | "slain"
            | "stabbed"
    )
}

/// The rare words of `rare` (each with how many reports use it) that `other` (sorted, as
/// [`terms`] gives) also has, and what they count together.
pub fn shared<'a>(rare: &'a [(String, u32)], other: &[String]) -> (Vec<&'a str>, f64) {
    let mut words = Vec::new();
    let mut total = 0.0;
    for (word, reports) in rare {
        if other.binary_search(word).is_ok() {
            words.push(word.as_str());
            total += weight(*reports);
        }
    }
    (words, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_words_and_blocks() {
        let text = "SMICKSBURG - Eli Troyer's cousin was shot in the 1400 block of Celis Street, \
            State Police said on Monday. McKee Township's chief, O'Neil, said the 22 victims' names were not out.";
        // Capitals alone ("SMICKSBURG") are a dateline's shouting, "O'Neil" is read no
        // further than its apostrophe allows, and "State", "Police", "Street" and "Monday"
        // are in every report: none is kept.
        assert_eq!(
            terms(text),
            ["#1400", "celis", "eli", "mckee", "township", "troyer"]
        );
    }

    #[test]
    fn a_pages_furniture_and_credits_are_no_terms() {
        let text = "Bears\nCubs\nScore\nDana Okafor / Daily Ledger\n\
            Eli Troyer was shot outside a Smicksburg feed store on Monday, troopers said.";
        assert_eq!(terms(text), ["eli", "smicksburg", "troyer"]);
        // A caption's credit run into the prose of a flattened page.
        let run_in = "Feed store shooting Dana Okafor / Daily Ledger Eli Troyer was shot outside \
            a Smicksburg feed store on Monday, troopers said.";
        assert_eq!(
            terms(run_in),
            ["daily", "eli", "feed", "ledger", "smicksburg", "troyer"]
        );
        // A police account's handle, embedded with its post.
        let post = "Eli Troyer was shot outside a Smicksburg feed store on Monday, police said (@SmicksburgPD) March 6, 2017";
        assert_eq!(terms(post), ["eli", "smicksburg", "troyer"]);
    }

    #[test]
    fn a_title_case_headlines_crime_words_are_no_terms() {
        let text = "Smicksburg Man Pleads Guilty in Citywide Killing Spree That Left Two Slain\n\
            Eli Troyer admitted shooting two men at a Smicksburg feed store, troopers said.";
        assert_eq!(
            terms(text),
            ["eli", "left", "man", "smicksburg", "spree", "troyer"]
        );
    }

    #[test]
    fn a_text_that_tells_of_no_harm_has_no_terms() {
        let blurb = "Welcome to WKXR Newsradio 880, the home of Lakeside Loons baseball, \
            joining forces with Channel 9 to give you the best the valley has to offer.";
        assert!(terms(blurb).is_empty());
    }

    #[test]
    fn rarer_words_count_for_more() {
        assert!(weight(2) > weight(5));
        assert!(weight(5) > weight(RARE));
        assert!(weight(RARE) > 0.0);
        assert_eq!(weight(10 * RARE), 0.0);
        let rare = vec![("troyer".to_string(), 2), ("smicksburg".to_string(), 3)];
        let other = terms("A Smicksburg man, Eli Troyer, was hurt on the farm, troopers said.");
        let (words, total) = shared(&rare, &other);
        assert_eq!(words, ["troyer", "smicksburg"]);
        assert!(total >= SHARED);
        let (words, _) = shared(
            &rare,
            &terms("A Punxsutawney man was hurt on the farm, troopers said."),
        );
        assert!(words.is_empty());
    }
}
