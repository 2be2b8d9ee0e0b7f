//! Victims and suspects a report names, with their age and what befell them.
//!
//! Casualty-recording standards ask for names wherever they are known. A name counts
//! here only where copy marks it as a victim's or a suspect's: an age after it ("Shawn
//! Johnson, 21,"), or "identified as". Spokespeople and officials, named with a role and
//! no age, are the quotes' speakers, not the incident's people.

use crate::analysis::{is_name_word, Analysis};
use crate::tokens::TokenKind;
use crate::words;
use tally_core::{NamedPerson, PersonStatus};

/// Words that end a run of capitalised words as a name: the run is an institution or a
/// street, not a person.
fn is_institution_word(word: &str) -> bool {
    matches!(
        word,
        "police"
            | "county"
            | "department"
            | "street"
            | "avenue"
            | "road"
            | "hospital"
            | "school"
            | "church"
            | "university"
            | "center"
            | "office"
            | "court"
            | "city"
            | "drive"
            | "boulevard"
            | "lane"
            | "park"
            | "township"
            | "sheriff"
            | "news"
            | "bureau"
    )
}

pub fn find_people(a: &Analysis<'_>) -> Vec<NamedPerson> {
    let n = a.tokens.len();
    let mut people: Vec<NamedPerson> = Vec::new();
    // The last person found: where their name ends, and what befell them.
    let mut last: Option<(usize, Option<PersonStatus>)> = None;
    let mut i = 0;
    while i < n {
        // "Nineteen-year-old Christian Dawson", "Advertisement Obryan Spikes": an age or a
        // page's furniture before a name is not part of it.
        let furniture =
            a.lower(i).ends_with("year-old") || matches!(a.lower(i), "advertisement" | "update" | "breaking");
        if !is_name_word(&a.tokens[i])
            || words::is_title(a.lower(i))
            || words::is_not_name(a.lower(i))
            || furniture
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut words_in = 0;
        while end < n && end - start < 6 {
            let t = &a.tokens[end];
            let lower = a.lower(end);
            if end > start && (!t.space_before || t.newline_before) && !t.is('.') {
                break;
            }
            if t.is('.') && end > start && a.tokens[end - 1].text.len() == 1 {
                end += 1; // a middle initial's full stop: "Shawn L. Johnson"
                continue;
            }
            let name_like = t.is_word()
                && (is_name_word(t) || words::is_name_particle(lower))
                && !is_institution_word(lower)
                && !words::is_not_name(lower);
            if !name_like {
                break;
            }
            words_in += 1;
            end += 1;
        }
        // Suffixes: "Jr.", "Sr.", "III".
        if matches!(a.lower(end), "jr" | "sr" | "ii" | "iii") {
            end += 1;
            if a.tokens.get(end).is_some_and(|t| t.is('.')) {
                end += 1;
            }
        }
        let shouting = a.tokens[start..end]
            .iter()
            .all(|t| !t.text.bytes().any(|b| b.is_ascii_lowercase()));
        if words_in < 2 || shouting {
            i = start + 1;
            continue;
        }
        let age = age_after(a, end).or_else(|| age_before(a, start));
        // "killing Juan Garcia and Alvaro Becerra": a name joined to the last one found
        // shares its lot.
        let joined = last.filter(|&(last_end, _)| {
            last_end < start
                && start - last_end <= 2
                && (last_end..start).all(|k| matches!(a.lower(k), "," | "and"))
                && (last_end..start).any(|k| a.lower(k) == "and")
        });
        // "Mayor John Cranley of Cincinnati", "Coach Kevin Kenny": an official, unless the
        // copy says what befell them ("Officer Lena Moss was shot").
        let official =
            start > 0 && words::is_official(a.lower(start - 1)) || words::is_official(a.lower(start));
        let marked = if official {
            harmed_after(a, end)
        } else {
            age.is_some() || joined.is_some() || marked_as_victim_or_suspect(a, start, end)
        };
        if marked {
            let span = a.tokens[start].span.start..a.tokens[end - 1].span.end;
            let name = a.body[span.clone()].trim_end_matches(',').to_string();
            if !people.iter().any(|p| p.name == name) {
                let status = status_of(a, start, end).or(joined.and_then(|(_, s)| s));
                last = Some((end, status));
                people.push(NamedPerson {
                    role: status.map(|s| {
                        if s == PersonStatus::Arrested {
                            "suspect"
                        } else {
                            "victim"
                        }
                        .to_string()
                    }),
                    name,
                    age,
                    status,
                    start: span.start,
                    end: span.end,
                });
            }
        }
        i = end.max(start + 1);
    }
    people
}

/// Whether the words around a name make it a victim's or a suspect's: "identified as X",
/// "killed X", "the shooting death of X", "a woman, X,", "X, of Neenah", "X was shot".
fn marked_as_victim_or_suspect(a: &Analysis<'_>, start: usize, end: usize) -> bool {
    let before = |k: usize| if start >= k { a.lower(start - k) } else { "" };
    // Step back over an age: "identified as 27-year-old Selemon Belai".
    let mut b = 1;
    while matches!(before(b), "-" | "year-old" | "old")
        || a.tokens
            .get(start.wrapping_sub(b))
            .is_some_and(|t| t.kind == TokenKind::Number)
    {
        b += 1;
        if b > 4 {
            break;
        }
    }
    let identified =
        before(b) == "as" && (start.saturating_sub(b + 4)..start).any(|k| a.lower(k) == "identified");
    let harmed = matches!(
        before(b),
        "killed"
            | "shot"
            | "wounded"
            | "injured"
            | "arrested"
            | "charged"
            | "murdered"
            | "killing"
            | "shooting"
    ) || before(b) == "of"
        && matches!(before(b + 1), "death" | "murder" | "killing" | "slaying")
        // "shooter Syed Farook", "victim Lena Moss": the role names the person.
        || matches!(before(b), "shooter" | "gunman" | "suspect" | "victim" | "suspects" | "victims");
    let appositive = before(1) == ","
        && (start.saturating_sub(4)..start - 1).any(|k| words::is_singular_victim(a.lower(k)));
    let after = |k: usize| a.lower(end + k);
    let of_town = after(0) == "," && after(1) == "of"
        || after(0) == "of" && a.tokens.get(end + 1).is_some_and(|t| t.is_capitalised());
    identified || harmed || appositive || of_town || harmed_after(a, end)
}

/// Whether the words after a name say what befell the person: "X was shot", "X died".
fn harmed_after(a: &Analysis<'_>, end: usize) -> bool {
    let after = |k: usize| a.lower(end + k);
    matches!(after(0), "was" | "were" | "is" | "has" | "had")
        && matches!(
            after(1),
            "shot"
                | "killed"
                | "wounded"
                | "injured"
                | "found"
                | "pronounced"
                | "arrested"
                | "charged"
                | "hospitalized"
                | "taken"
                | "struck"
        )
        || matches!(after(0), "died" | "dies")
}

/// An age just before a name: "27-year-old Selemon Belai".
fn age_before(a: &Analysis<'_>, start: usize) -> Option<u32> {
    if start < 3 || !matches!(a.lower(start - 1), "year-old") || !a.tokens[start - 2].is('-') {
        return None;
    }
    let t = &a.tokens[start - 3];
    (t.kind == TokenKind::Number)
        .then(|| t.text.parse().ok())
        .flatten()
        .filter(|&n: &u32| (1..=110).contains(&n))
}

/// The age copy puts after a name: ", 21," or " (21)".
fn age_after(a: &Analysis<'_>, end: usize) -> Option<u32> {
    let number = |k: usize| {
        let t = a.tokens.get(k)?;
        (t.kind == TokenKind::Number)
            .then(|| t.text.parse::<u32>().ok())
            .flatten()
            .filter(|&n| (1..=110).contains(&n))
    };
    let t = a.tokens.get(end)?;
    if t.is(',') || t.is('(') {
        let age = number(end + 1)?;
        let after = a.tokens.get(end + 2)?;
        let closes = after.is(',')
            || after.is(')')
            || after.is('.')
            || after.is(';')
            || matches!(a.lower(end + 2), "of" | "and" | "was" | "is");
        return closes.then_some(age);
    }
    None
}

/// What the name's sentence says befell them: the nearest verb after the name, else before.
fn status_of(a: &Analysis<'_>, start: usize, end: usize) -> Option<PersonStatus> {
    let sentence = a.sentences.get(a.sentence_of[start])?.clone();
    let of = |k: usize| -> Option<PersonStatus> {
        Some(match a.lower(k) {
            "killed" | "killing" | "died" | "dead" | "fatally" | "slain" | "murdered" | "homicide" => {
                PersonStatus::Killed
            }
            "arrested" | "charged" | "booked" | "custody" | "suspect" | "accused" | "indicted"
            | "sentenced" | "convicted" => PersonStatus::Arrested,
            "wounded" | "wounding" | "injured" | "injuring" | "hospitalized" | "shot" | "hurt" => {
                PersonStatus::Injured
            }
            _ => return None,
        })
    };
    (end..sentence.end)
        .find_map(|k| {
            let status = of(k)?;
            // "was shot and killed": the worse of the two.
            if status == PersonStatus::Injured
                && (k + 1..(k + 4).min(sentence.end)).any(|j| of(j) == Some(PersonStatus::Killed))
            {
                return Some(PersonStatus::Killed);
            }
            Some(status)
        })
        .or_else(|| (sentence.start..start).rev().find_map(of))
}

#[cfg(test)]
mod tests {
    use crate::{extract, ExtractConfig, Extractor};
    use tally_core::{Document, PersonStatus};

    #[test]
    fn officials_and_page_furniture_are_not_the_incidents_people() {
        let ex = Extractor::new(ExtractConfig::default()).unwrap();
        let body = "Mayor Ellen Barrow of Fairview called the shooting senseless. \
                    Nineteen-year-old Corey Lyle was shot in the arm. \
                    Advertisement Dale Pruitt, 40, was charged with assault. \
                    Officer Tina Marsh was shot in the leg.";
        let doc = Document::new("p", body.to_string());
        let names: Vec<String> = extract(&doc, &ex).people.into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["Corey Lyle", "Dale Pruitt", "Tina Marsh"]);
    }

    #[test]
    fn victims_and_suspects_named_with_their_ages() {
        let ex = Extractor::new(ExtractConfig::default()).unwrap();
        let body = "Police said Darnell K. Price, 21, of Lynchburg was shot and killed. Tanya Wells, 34, was hospitalized. \
                    Officers later arrested Marcus Hill, 19, on a murder charge. Lt. Dana Ortiz said the case was open. \
                    The coroner identified the woman as Rosa Delgado. The shooting killed Brandon Crawford. \
                    A 20-year-old woman, Emoni House, died. Jonathan Stoffel of Neenah was shot.";
        let doc = Document::new("p", body.to_string());
        let people = extract(&doc, &ex).people;
        let got: Vec<(&str, Option<u32>, Option<PersonStatus>)> = people
            .iter()
            .map(|p| (p.name.as_str(), p.age, p.status))
            .collect();
        assert_eq!(
            got,
            [
                ("Darnell K. Price", Some(21), Some(PersonStatus::Killed)),
                ("Tanya Wells", Some(34), Some(PersonStatus::Injured)),
                ("Marcus Hill", Some(19), Some(PersonStatus::Arrested)),
                ("Rosa Delgado", None, None),
                ("Brandon Crawford", None, Some(PersonStatus::Killed)),
                ("Emoni House", None, Some(PersonStatus::Killed)),
                ("Jonathan Stoffel", None, Some(PersonStatus::Injured)),
            ]
        );
        assert_eq!(&body[people[0].start..people[0].end], "Darnell K. Price");
        assert_eq!(people[2].role.as_deref(), Some("suspect"));
    }

    #[test]
    fn names_in_a_list_and_after_a_role() {
        let ex = Extractor::new(ExtractConfig::default()).unwrap();
        let body = "Five people were found dead. They are Ray Collins, 58; Karen Sand, 53; and Eric Collins, 32. \
                    Witnesses said shooter Owen Pratt fled on foot. Two men opened fire, killing Juan Ortega and Luis Mena.";
        let doc = Document::new("p", body.to_string());
        let names: Vec<String> = extract(&doc, &ex).people.into_iter().map(|p| p.name).collect();
        assert_eq!(
            names,
            [
                "Ray Collins",
                "Karen Sand",
                "Eric Collins",
                "Owen Pratt",
                "Juan Ortega",
                "Luis Mena"
            ]
        );
    }
}
