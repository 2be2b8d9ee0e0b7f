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
            // "Crime Stoppers of Oakland", "Photo Courtesy of", "New Life Assembly of God".
            | "stoppers"
            | "courtesy"
            | "photo"
            | "assembly"
            | "newsletters"
            | "sign"
            | "association"
            | "council"
            | "foundation"
            | "coalition"
            | "academy"
            | "college"
            | "library"
            | "committee"
            | "services"
            | "ministries"
            | "league"
            | "club"
            | "restaurant"
            | "grill"
            | "lounge"
            | "apartments"
            | "mall"
            | "market"
            | "company"
            | "group"
            | "agency"
            | "institute"
            | "society"
            | "museum"
            | "station"
            | "district"
            | "authority"
            | "patrol"
            | "healthcare"
            | "samaritan"
            | "order"
            | "division"
            | "coverage"
            | "caption"
            // "the Big Bend Region", "Wenonah High", "Smith Rd", "Unlawful Possession".
            | "region"
            | "high"
            | "rd"
            | "st"
            | "co"
            | "deputies"
            | "possession"
            | "herald"
            | "suv"
            | "dna"
            // "the Special Response Team", "Weapon Information – Shotgun", "Incident Number".
            | "team"
            | "unit"
            | "squad"
            | "information"
            | "number"
            | "compilation"
            | "prison"
            | "jail"
    )
}

/// Whether the sentence holding token `i` is a pointer to another story: "RELATED: Inside
/// the ranch where Antonin Scalia was found dead", "READ MORE: ...". Its people are that
/// story's.
fn in_pointer(a: &Analysis<'_>, i: usize) -> bool {
    let first = a.sentences[a.sentence_of[i]].start;
    let head = (first..(first + 3).min(a.tokens.len())).take_while(|&k| a.tokens[k].is_word());
    let colon = head.clone().last().map_or(first, |k| k + 1);
    a.tokens.get(colon).is_some_and(|t| t.is(':'))
        && head.map(|k| a.lower(k)).all(|w| {
            matches!(
                w,
                "related" | "read" | "more" | "see" | "also" | "watch" | "previously"
            )
        })
}

/// For each token, whether it is on a line that opens with a year and a colon, past a
/// month or a photo credit: an entry of a timeline of past events ("August 1982: Eight
/// people killed at a welding shop", "istock 1993: Dr. X is shot to death"). Its people
/// are those events'.
fn timeline_entries(a: &Analysis<'_>) -> Vec<bool> {
    let mut entries = vec![false; a.tokens.len()];
    for line in crate::tokens::lines(&a.tokens) {
        let dated = (line.start..(line.start + 3).min(line.end)).any(|k| {
            let t = &a.tokens[k];
            t.kind == TokenKind::Number
                && t.text.len() == 4
                && t.text.starts_with(['1', '2'])
                && a.tokens.get(k + 1).is_some_and(|n| n.is(':'))
        });
        entries[line].fill(dated);
    }
    entries
}

pub fn find_people(a: &Analysis<'_>) -> Vec<NamedPerson> {
    let n = a.tokens.len();
    let timeline = timeline_entries(a);
    let mut people: Vec<NamedPerson> = Vec::new();
    // The last person found: where their name ends, and what befell them.
    let mut last: Option<(usize, Option<PersonStatus>)> = None;
    // The runs of name words nothing marked as a person's, by their tokens; and the list
    // of such names the copy is in the middle of ("Ralph Robinson, Shekirrah Thomas and").
    let mut unmarked: Vec<(usize, usize)> = Vec::new();
    let mut waiting: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        // "Nineteen-year-old Christian Dawson", "Twenty-five-day-old Marcus Thomas",
        // "Advertisement Obryan Spikes": an age or a
        // page's furniture before a name is not part of it.
        let furniture =
            a.lower(i).ends_with("-old") || matches!(a.lower(i), "advertisement" | "update" | "breaking");
        // "CCSO Tyriek Jackson": an agency's initials before a name, as a photo credit.
        let initials = a.tokens[i].text.len() >= 2
            && a.tokens[i].text.bytes().all(|b| b.is_ascii_uppercase())
            && a.tokens
                .get(i + 1)
                .is_some_and(|t| is_name_word(t) && t.text.bytes().any(|b| b.is_ascii_lowercase()));
        if !is_name_word(&a.tokens[i])
            || initials
            // "the Big Bend Region": a place or a body, not a person.
            || lower_before(a, i, 1) == "the"
            || in_pointer(a, i)
            || timeline[i]
            || a.carousel[i]
            || words::is_title(a.lower(i))
            || words::is_not_name(a.lower(i))
            || words::is_car_make(a.lower(i))
            || furniture
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut words_in = 0;
        while end < n && end - start < 6 {
            // "Jesus “JJ” Oropeza", "Darmayah 'Bug' Smith": a nickname in quotes is part of
            // the name, as recorders write it.
            if end > start {
                if let Some(after) = nickname_at(a, end) {
                    end = after;
                    continue;
                }
            }
            let t = &a.tokens[end];
            let lower = a.lower(end);
            if end > start && (!t.space_before || t.newline_before) && !t.is('.') {
                break;
            }
            if t.is('.') && end > start && a.tokens[end - 1].text.len() == 1 {
                end += 1; // a middle initial's full stop: "Shawn L. Johnson"
                continue;
            }
            // "Latoya A. Andrews": a middle initial, even one that spells a word.
            let initial = end > start
                && t.text.len() == 1
                && t.is_capitalised()
                && a.tokens.get(end + 1).is_some_and(|t| t.is('.'));
            let name_like = initial
                || t.is_word()
                    && (is_name_word(t) || words::is_name_particle(lower))
                    && !is_institution_word(without_possessive(lower))
                    && !words::is_not_name(lower);
            if !name_like {
                break;
            }
            words_in += 1;
            end += 1;
        }
        // Suffixes: "Jr.", "Sr.", "III", also after a comma ("Larry Lynch, Jr., 28").
        let suffix = |k: usize| matches!(a.lower(k), "jr" | "sr" | "ii" | "iii");
        if end > start + 1 && suffix(end - 1) {
            words_in -= 1;
        } else if a.lower(end) == "," && suffix(end + 1) {
            end += 2;
        } else if suffix(end) {
            end += 1;
        }
        if end > start && suffix(end - 1) && a.tokens.get(end).is_some_and(|t| t.is('.')) {
            end += 1;
        }
        let shouting = a.tokens[start..end]
            .iter()
            .all(|t| !t.text.bytes().any(|b| b.is_ascii_lowercase()));
        // "Long Beach", "Des Moines": a place the gazetteer knows, not a person; nor "West
        // Texas".
        let place = || {
            a.places.iter().any(|m| m.tokens == (start..end))
                || crate::lexicon::is_state_word(a.lower(end - 1))
        };
        // "Elvia Malagon / Chicago Tribune": a photographer's credit.
        let credit = a.lower(end) == "/" && a.tokens.get(end + 1).is_some_and(|t| t.is_capitalised());
        if words_in < 2 || shouting || place() || credit {
            i = start + 1;
            continue;
        }
        let age = age_of(a, start, end);
        // "killing Juan Garcia and Alvaro Becerra": a name joined to the last one found
        // shares its lot.
        let joined = last.filter(|&(last_end, _)| listed_between(a, last_end, start));
        // "Mayor John Cranley of Cincinnati", "Coach Kevin Kenny": an official, unless the
        // copy says what befell them ("Officer Lena Moss was shot").
        let before = |k: usize| lower_before(a, start, k);
        let rank = |w: &str| words::is_official(w) || is_rank(w);
        let official =
            rank(before(1)) || before(1) == "." && rank(before(2)) || words::is_official(a.lower(start));
        let marked = if official {
            // "the killings of Deputy Danny Oliver and Detective Michael Davis".
            harmed_after(a, end)
                || marked_before(a, start)
                || joined.is_some_and(|(_, status)| status.is_some())
        } else {
            // "victim Miosha Cook said": a victim who speaks is still one.
            (!speaks(a, start, end) || matches!(before(1), "victim" | "victims"))
                && (age.is_some() || joined.is_some() || marked_as_victim_or_suspect(a, start, end))
        };
        if !marked {
            if !waiting
                .last()
                .is_some_and(|&(_, w_end)| listed_between(a, w_end, start))
            {
                waiting.clear();
            }
            // "of Southeast D.C. and Zoruan Harris": a place, not a name in a list.
            if !matches!(before(1), "of" | "in" | "at" | "on" | "from" | "near") {
                waiting.push((start, end));
            }
            if !official {
                unmarked.push((start, end));
            }
            i = end.max(start + 1);
            continue;
        }
        let actor = acted_after(a, end);
        let status = if actor {
            None
        } else {
            object_of_deed(a, start, end)
                .or(joined.and_then(|(_, s)| s))
                .or_else(|| charged_against(a, start).then_some(PersonStatus::Arrested))
                .or_else(|| status_of(a, start, end))
        };
        // "the victim's mother, Tomeka Smith", "another neighbor, Susan Janik": someone who
        // tells of the shooting, unless the copy says what befell them.
        if status.is_none() && !actor && (is_bystander(a, start) || described_as_bystander(a, end)) {
            i = end.max(start + 1);
            continue;
        }
        // "Jemarko Walker and Curtis McShann are being held", "Ralph Robinson, Shekirrah
        // Thomas and Bryant Turner all suffered injuries": the names a list joins to this
        // one by "and" share what befell it.
        if waiting
            .last()
            .is_some_and(|&(_, w_end)| and_between(a, w_end, start))
        {
            for (w_start, w_end) in waiting.drain(..) {
                let age = age_of(a, w_start, w_end);
                add_person(a, &mut people, w_start..w_end, age, status, actor);
            }
        }
        waiting.clear();
        // "Detective Michael Davis": the person is named without the rank.
        let named_from = if words::is_official(a.lower(start)) && end - start > 2 {
            start + 1
        } else {
            start
        };
        add_person(a, &mut people, named_from..end, age, status, actor);
        last = Some((end, status));
        i = end.max(start + 1);
    }
    named_again(a, &unmarked, &mut people);
    fate_told_later(a, &mut people);
    people.sort_by_key(|p| p.start);
    people
}

/// Whether a headline calls its report a police blotter or log: items of many cases, one a
/// line ("Shooting arrest, shoe heist and drugs: March 14 Police Blotter", "Public Safety
/// Log").
pub fn is_blotter(title: &str) -> bool {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    words.iter().any(|w| w == "blotter")
        || words
            .windows(2)
            .any(|w| matches!(w[0].as_str(), "police" | "safety" | "crime" | "arrest") && w[1] == "log")
}

/// Keeps, of a blotter's people, those named in an item that tells of a shooting: the others
/// are other cases' (a shoplifter, a driver stopped with drugs).
pub fn keep_to_shooting_items(a: &Analysis<'_>, people: &mut Vec<NamedPerson>) {
    // An item is a line.
    let items = crate::tokens::lines(&a.tokens);
    let item_of = |token: usize| items[items.partition_point(|line| line.start <= token) - 1].clone();
    people.retain(|p| {
        let token = a.tokens.partition_point(|t| t.span.start < p.start);
        token >= a.tokens.len()
            || item_of(token).any(|k| {
                matches!(
                    a.lower(k),
                    "shooting" | "shot" | "shoots" | "gunshot" | "gunfire" | "wounded" | "killed" | "fatally"
                )
            })
    });
}

/// A name's first and last words, in lower case: given name and surname.
pub(crate) fn given_and_surname(name: &str) -> (String, String) {
    let mut words = name.split_whitespace().map(str::to_lowercase);
    let given = words.next().unwrap_or_default();
    let surname = words.next_back().unwrap_or_else(|| given.clone());
    (given, surname)
}

/// "Detectives are looking for Dale Pruitt. … Pruitt was arrested Tuesday": someone whose
/// fate their own sentence leaves untold takes it from the first later sentence that tells
/// it of their surname, where that is an arrest. Not where the surname acts ("Pruitt shot at
/// deputies"): that is what they did.
fn fate_told_later(a: &Analysis<'_>, people: &mut [NamedPerson]) {
    let names: Vec<(String, String)> = people.iter().map(|p| given_and_surname(&p.name)).collect();
    for (i, person) in people.iter_mut().enumerate() {
        if person.status.is_some() {
            continue;
        }
        // A surname the report gives several people ("the Currys") is no one's alone.
        let shared = names
            .iter()
            .any(|(given, surname)| *surname == names[i].1 && *given != names[i].0);
        let Some(surname) = person.name.split_whitespace().last().map(str::to_lowercase) else {
            continue;
        };
        if person.name.split_whitespace().count() < 2 {
            continue;
        }
        let Ok(end) = a.tokens.binary_search_by_key(&person.end, |t| t.span.end) else {
            continue;
        };
        let later = || (end + 1..a.tokens.len()).filter(|&k| surname_alone_at(a, k, &surname));
        let fate = later()
            .filter(|&k| !acted_after(a, k + 1))
            .find_map(|k| status_of(a, k, k + 1));
        // A later "was shot" is as often of one who died of it, and a later "killing" as
        // often the deed a suspect is tried for: only an arrest, or a death told of the
        // surname opening its sentence ("Fischer was taken to University Health, where he was
        // pronounced dead").
        if let Some(status) = fate.filter(|&s| s == PersonStatus::Arrested) {
            person.role.get_or_insert_with(|| "suspect".to_string());
            person.status = Some(status);
        } else if !shared
            && later().any(|k| a.sentences[a.sentence_of[k]].start == k && sentence_tells_death(a, k))
        {
            person.role.get_or_insert_with(|| "victim".to_string());
            person.status = Some(PersonStatus::Killed);
        }
    }
}

/// Whether the sentence opening at `k` says its subject died: "died", "was pronounced
/// dead", "was killed", "succumbed".
fn sentence_tells_death(a: &Analysis<'_>, k: usize) -> bool {
    let sentence = a.sentences[a.sentence_of[k]].clone();
    sentence.clone().any(|i| {
        let before = if i > sentence.start { a.lower(i - 1) } else { "" };
        match a.lower(i) {
            "died" | "succumbed" => true,
            "dead" => before == "pronounced",
            "killed" => matches!(before, "was" | "been"),
            _ => false,
        }
    })
}

/// "Police identified the victim as X", in a report whose lead tells only deaths (or only
/// wounded): X is among the dead (or the wounded). Read once the lead is known, and never
/// of a suspect ("identified the suspects as"), nor where the lead tells both or the report
/// names someone of the other fate.
pub fn settle_identified(a: &Analysis<'_>, people: &mut [NamedPerson], lead: Option<&tally_core::Lead>) {
    let Some(lead) = lead else {
        return;
    };
    let told = |c: &Option<tally_core::Count>| c.and_then(|c| c.key()).is_some_and(|n| n > 0);
    let status = match (told(&lead.killed), told(&lead.injured)) {
        (true, false) => PersonStatus::Killed,
        (false, true) => PersonStatus::Injured,
        _ => return,
    };
    // A report that names both the dead and the wounded leaves "identified as" open.
    let other = match status {
        PersonStatus::Killed => PersonStatus::Injured,
        _ => PersonStatus::Killed,
    };
    if people.iter().any(|p| p.status == Some(other)) {
        return;
    }
    for person in people
        .iter_mut()
        .filter(|p| p.status.is_none() && p.role.is_none())
    {
        let Ok(start) = a.tokens.binary_search_by_key(&person.start, |t| t.span.start) else {
            continue;
        };
        // "Family members say the victim is 17-year-old Isaiah Johnson."
        let b = past_age_and_rank(a, start);
        let before = |k: usize| lower_before(a, start, k);
        let victim_is = matches!(before(b), "is" | "was")
            && (before(b + 1) == "victim" || before(b + 1) == "name" && before(b + 2) == "victim's");
        if victim_is {
            person.status = Some(status);
            person.role = Some("victim".to_string());
            continue;
        }
        let sentence = a.sentences[a.sentence_of[start]].start;
        let Some(identified) = (sentence.max(start.saturating_sub(12))..start)
            .rev()
            .find(|&k| a.lower(k) == "identified")
        else {
            continue;
        };
        let between = || (identified..start).map(|k| a.lower(k));
        let as_ = between().any(|w| w == "as");
        let suspect =
            between().any(|w| matches!(w, "suspect" | "suspects" | "shooter" | "gunman" | "driver"));
        if as_ && !suspect {
            person.status = Some(status);
            person.role = Some("victim".to_string());
        }
    }
}

/// How many days before the lead's day a person's own sentence must date their harm for
/// them to be another shooting's.
const OTHER_CASE_DAYS: i64 = 3;

/// Drops the dead and wounded whose own sentence dates their harm days before the lead's
/// shooting: "Johnson is the second Wenonah High School student to be killed within a week.
/// Juzahris Webb, 17, was shot and killed Jan. 31" in a report of a shooting of 7 February.
/// They are another shooting's, and would tie this report to it.
pub fn drop_other_cases(
    a: &Analysis<'_>,
    people: &mut Vec<NamedPerson>,
    lead: Option<&tally_core::Lead>,
    report_day: Option<chrono::NaiveDate>,
) {
    let (Some(lead), Some(report_day)) = (lead, report_day) else {
        return;
    };
    let Some(day) = lead.date.filter(|_| lead.date_end.is_none()) else {
        return;
    };
    let harmed = |p: &NamedPerson| {
        matches!(p.status, Some(PersonStatus::Killed | PersonStatus::Injured))
            || p.role.as_deref() == Some("victim")
    };
    let earlier = |p: &NamedPerson| {
        let Ok(start) = a.tokens.binary_search_by_key(&p.start, |t| t.span.start) else {
            return false;
        };
        let sentence = a.sentences[a.sentence_of[start]].clone();
        a.times
            .iter()
            .filter(|t| sentence.contains(&t.start) && t.is_day() && !crate::lead::is_stamp(a, t))
            .filter_map(|t| crate::time::resolve(t.value, report_day)?.start)
            .any(|d| (day - d).num_days() > OTHER_CASE_DAYS)
    };
    let dated_before: Vec<bool> = people.iter().map(|p| harmed(p) && earlier(p)).collect();
    // Only beside someone else the report names who is no suspect ("the victim is
    // 17-year-old Isaiah Johnson"): a follow-up whose lead missed the shooting's day
    // ("Spenson Bennett Jr., 13, was struck by a bullet … on December 29th", in March) names
    // its own victim so.
    let suspect =
        |p: &NamedPerson| p.status == Some(PersonStatus::Arrested) || p.role.as_deref() == Some("suspect");
    let own_victim = people
        .iter()
        .zip(&dated_before)
        .any(|(p, &before)| !before && !suspect(p));
    if !own_victim {
        return;
    }
    let mut keep = dated_before.iter().map(|&before| !before);
    people.retain(|_| keep.next().unwrap_or(true));
}

/// "... asked to see Pierce Montie's gun. Montie, 15, pulled ...": a full name nothing marked,
/// whose surname on its own is later marked as a victim's or a suspect's, is that person.
fn named_again(a: &Analysis<'_>, unmarked: &[(usize, usize)], people: &mut Vec<NamedPerson>) {
    for &(start, end) in unmarked {
        let surname = without_possessive(a.lower(end - 1));
        let Some(k) = (end..a.tokens.len()).find(|&k| {
            surname_alone_at(a, k, surname)
                && (age_after(a, k + 1).is_some() || marked_as_victim_or_suspect(a, k, k + 1))
        }) else {
            continue;
        };
        let age = age_after(a, k + 1).or_else(|| age_before(a, start));
        let actor = acted_after(a, k + 1);
        let status = if actor { None } else { status_of(a, k, k + 1) };
        add_person(a, people, start..end, age, status, actor);
    }
}

/// Whether token `k` is a surname (in lower case) standing alone, as copy names someone
/// again: capitalised, with no name word either side ("Pruitt was arrested", not "Ann
/// Pruitt").
fn surname_alone_at(a: &Analysis<'_>, k: usize, surname: &str) -> bool {
    a.lower(k) == surname
        && a.tokens[k].is_capitalised()
        && !is_name_word(&a.tokens[k - 1])
        && !a.tokens.get(k + 1).is_some_and(is_name_word)
}

/// The token `k` places before `start`, in lower case, or "" before the first.
fn lower_before<'a>(a: &'a Analysis<'_>, start: usize, k: usize) -> &'a str {
    start.checked_sub(k).map_or("", |i| a.lower(i))
}

/// A name's age, told after it (", 21,") or before it ("27-year-old").
fn age_of(a: &Analysis<'_>, start: usize, end: usize) -> Option<u32> {
    age_after(a, end).or_else(|| age_before(a, start))
}

fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Ranks that make the name after them an official's, a spokesperson's most often:
/// "sheriff's Lt. Kenneth Nelson", "Sen. Bill Nelson".
fn is_rank(word: &str) -> bool {
    matches!(
        word,
        "lt" | "lieutenant"
            | "sgt"
            | "sergeant"
            | "capt"
            | "captain"
            | "cpl"
            | "corporal"
            | "det"
            | "sen"
            | "senator"
            | "rep"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "commissioner"
            | "president"
            | "minister"
            | "attorney"
    )
}

/// Whether a name follows a word that makes its bearer a relative or a neighbour of the
/// people of the story ("the boy's mother, Jonitra Parker", "neighbor Taylor Hirlinger",
/// "his great-aunt Sheila Dordies", "his cousin, 14-year-old Ray Lum"). Spouses, children
/// and partners are as often the victims, and are not among them; parents only where they
/// speak.
fn is_bystander(a: &Analysis<'_>, start: usize) -> bool {
    // Past an age: "the boy's cousin, 14-year-old Malakhai Williams".
    let mut k = start + 1 - past_age_and_rank(a, start);
    if k > 0 && a.lower(k - 1) == "," {
        k -= 1;
    }
    if k == 0 {
        return false;
    }
    // A parent is as often the one who left the gun out: only one who speaks ("said the
    // boy's mother, Jonitra Parker") is a bystander.
    let parent = matches!(
        a.lower(k - 1),
        "mother" | "father" | "mom" | "dad" | "stepfather" | "stepmother"
    );
    let speaking = (k.saturating_sub(5)..k - 1).any(|j| words::is_speech_verb(a.lower(j)));
    parent && speaking
        || matches!(
            a.lower(k - 1),
            "grandmother"
                | "grandfather"
                | "grandma"
                | "grandpa"
                | "great-aunt"
                | "great-uncle"
                | "great-grandmother"
                | "aunt"
                | "uncle"
                | "cousin"
                | "neighbor"
                | "neighbour"
                | "pastor"
                | "godmother"
                | "godfather"
                | "resident"
                | "witness"
        )
}

/// Whether a name's apposition makes its bearer a neighbour or a witness: "Danzel Harris,
/// 24, a next-door neighbor who had known them".
fn described_as_bystander(a: &Analysis<'_>, end: usize) -> bool {
    if a.lower(end) != "," {
        return false;
    }
    (end + 1..(end + 7).min(a.tokens.len()))
        .take_while(|&k| !matches!(a.lower(k), "." | ";"))
        .any(|k| {
            matches!(
                a.lower(k),
                "neighbor" | "neighbour" | "witness" | "bystander" | "resident"
            )
        })
}

/// Whether the name is a speaker's: "said Bill Nelson, 34,", "Neenah West, said", "Rosa
/// Diaz, 40, told reporters". Witnesses and relatives speak; the dead do not.
fn speaks(a: &Analysis<'_>, start: usize, end: usize) -> bool {
    let speech = |w: &str| {
        matches!(
            w,
            "said" | "says" | "told" | "added" | "explained" | "recalled" | "wrote" | "spoke" | "testified"
        )
    };
    // "“...,” said X", not "Police said X was shot".
    if start > 1 && speech(a.lower(start - 1)) && matches!(a.lower(start - 2), "," | "”" | "\"" | "'") {
        return true;
    }
    // Past an apposition: ", 34, father of a girl,".
    let mut k = end;
    if a.lower(k) == "," {
        k += 1;
        if speech(a.lower(k)) {
            return true;
        }
        while k < a.tokens.len() && k - end < 12 && a.lower(k) != "," && a.lower(k) != "." {
            k += 1;
        }
        if a.lower(k) != "," {
            return false;
        }
        k += 1;
    }
    speech(a.lower(k))
}

/// Whether a list's comma, or "and", stands between two names: "X, Y", "X, and Y".
fn listed_between(a: &Analysis<'_>, end: usize, start: usize) -> bool {
    end < start && start - end <= 2 && (end..start).all(|k| matches!(a.lower(k), "," | "and"))
}

/// Whether only "and" (with a comma or two) stands between the name ending at `end` and
/// the one starting at `start`: "Juan Garcia and Alvaro Becerra".
fn and_between(a: &Analysis<'_>, end: usize, start: usize) -> bool {
    listed_between(a, end, start) && (end..start).any(|k| a.lower(k) == "and")
}

/// Records the person named by the tokens `range`, once a name.
/// Where a nickname in quotes that starts at token `at` ends, when a name word follows it:
/// an opening quote, one or two capitalised words, the closing quote.
fn nickname_at(a: &Analysis<'_>, at: usize) -> Option<usize> {
    let quote = |k: usize, open: bool| {
        a.tokens.get(k).is_some_and(|t| match t.text {
            "\"" | "'" => true,
            "\u{201c}" | "\u{2018}" => open,
            "\u{201d}" | "\u{2019}" => !open,
            _ => false,
        })
    };
    if !quote(at, true) || !a.tokens[at].space_before {
        return None;
    }
    let close = (at + 2..(at + 4).min(a.tokens.len())).find(|&k| quote(k, false))?;
    let words = &a.tokens[at + 1..close];
    let after = a.tokens.get(close + 1)?;
    (words.iter().all(|t| t.is_word() && t.is_capitalised()) && after.space_before && is_name_word(after))
        .then_some(close + 1)
}

fn add_person(
    a: &Analysis<'_>,
    people: &mut Vec<NamedPerson>,
    range: std::ops::Range<usize>,
    age: Option<u32>,
    status: Option<PersonStatus>,
    actor: bool,
) {
    let span = a.tokens[range.start].span.start..a.tokens[range.end - 1].span.end;
    // "Pierce Montie's gun": the name without the possessive.
    let name = a.body[span.clone()].trim_end_matches(',');
    let name = without_possessive(name).to_string();
    let span = span.start..span.start + name.len();
    if people.iter().any(|p| p.name == name) {
        return;
    }
    let role = if actor || status == Some(PersonStatus::Arrested) {
        Some("suspect")
    } else {
        status.map(|_| "victim")
    };
    people.push(NamedPerson {
        role: role.map(str::to_string),
        name,
        age,
        status,
        start: span.start,
        end: span.end,
    });
}

/// Whether the words around a name make it a victim's or a suspect's: "identified as X",
/// "killed X", "the shooting death of X", "a woman, X,", "X, of Neenah", "X was shot".
fn marked_as_victim_or_suspect(a: &Analysis<'_>, start: usize, end: usize) -> bool {
    let before = |k: usize| lower_before(a, start, k);
    // "the victim, X"; "An 18-year-old, Orlando Gonzalez, was charged".
    let appositive = before(1) == ","
        && ((start.saturating_sub(4)..start - 1).any(|k| words::is_singular_victim(a.lower(k)))
            || before(2).ends_with("year-old"));
    let after = |k: usize| a.lower(end + k);
    let of_town = after(0) == "," && after(1) == "of"
        || after(0) == "of" && a.tokens.get(end + 1).is_some_and(|t| t.is_capitalised());
    marked_before(a, start)
        || appositive
        || of_town
        || harmed_after(a, end)
        || subject_harmed(a, start, end)
        || alleged_after(a, end)
}

/// Whether the copy says what a name did only as alleged or reported, in the words after
/// it: "Derrick Harris Jr. and an accomplice allegedly broke into the residence". Only
/// lower-case words and no preposition may stand between, so that the name is the subject
/// of the deed ("was charged with Aggravated Assault for allegedly shooting" names a charge).
fn alleged_after(a: &Analysis<'_>, end: usize) -> bool {
    const REACH: usize = 5;
    (end..(end + REACH).min(a.tokens.len()))
        .take_while(|&k| {
            a.tokens[k].is_word()
                && !a.tokens[k].is_capitalised()
                && !matches!(
                    a.lower(k),
                    "for" | "of" | "in" | "to" | "with" | "at" | "on" | "by" | "from" | "after"
                )
        })
        .any(|k| matches!(a.lower(k), "allegedly" | "reportedly"))
}

/// Whether a name that opens its sentence is the one the sentence says was harmed, by a
/// pronoun: "Samantha Pazdernik was trying to holster a gun when it went off and she was
/// hit", "Antwone Price was in a home when he was shot".
fn subject_harmed(a: &Analysis<'_>, start: usize, end: usize) -> bool {
    let sentence = a.sentences[a.sentence_of[start]].clone();
    if sentence.start != start || speaks(a, start, end) {
        return false;
    }
    (end..sentence.end).any(|k| {
        matches!(a.lower(k), "he" | "she")
            && matches!(a.lower(k + 1), "was" | "had")
            && (k + 2..(k + 4).min(sentence.end))
                .any(|j| matches!(a.lower(j), "shot" | "hit" | "struck" | "wounded" | "killed"))
    })
}

/// How far back from a name its marking words start, past an age ("identified as
/// 27-year-old Selemon Belai") and a rank ("striking Officer Scott Davis"): 1 where there is
/// neither.
fn past_age_and_rank(a: &Analysis<'_>, start: usize) -> usize {
    let before = |k: usize| lower_before(a, start, k);
    let mut b = 1;
    while matches!(before(b), "-" | "year-old" | "old" | "year")
        || words::is_title(before(b)) && b == 1
        || a.tokens
            .get(start.wrapping_sub(b))
            .is_some_and(|t| t.kind == TokenKind::Number)
    {
        b += 1;
        if b > 4 {
            break;
        }
    }
    b
}

/// What befell someone named as the object of a deed: "the death of X", "the killings of
/// Deputy X" (killed); "the shootings of X" (wounded, unless the shooting was fatal or the
/// sentence says they died). Never a suspect's lot, whatever else the sentence says
/// ("charged in the shootings of X").
fn object_of_deed(a: &Analysis<'_>, start: usize, end: usize) -> Option<PersonStatus> {
    let b = past_age_and_rank(a, start);
    let before = |k: usize| lower_before(a, start, k);
    if before(b) != "of" {
        return None;
    }
    let fatal = deed_is_fatal(before(b + 1))?;
    if fatal
        || matches!(before(b + 2), "fatal" | "deadly")
        || status_of(a, start, end) == Some(PersonStatus::Killed)
    {
        Some(PersonStatus::Killed)
    } else {
        Some(PersonStatus::Injured)
    }
}

/// Whether a deed done to someone ("the X of Jane Doe") kills: a death, murder, killing,
/// slaying or homicide does; a shooting may not. `None` for no such deed.
fn deed_is_fatal(word: &str) -> Option<bool> {
    match word {
        "death" | "deaths" | "murder" | "murders" | "killing" | "killings" | "slaying" | "slayings"
        | "homicide" => Some(true),
        "shooting" | "shootings" => Some(false),
        _ => None,
    }
}

/// Whether the words before a name say what befell the person, or their role: "identified
/// as X", "killed X", "the shooting death of X", "killing Officer X", "the suspect is X".
fn marked_before(a: &Analysis<'_>, start: usize) -> bool {
    let before = |k: usize| lower_before(a, start, k);
    let b = past_age_and_rank(a, start);
    // "identified the 2-year-old killed Saturday afternoon in High Point as Benson Jones".
    let identified =
        before(b) == "as" && (start.saturating_sub(b + 14)..start).any(|k| a.lower(k) == "identified");
    // "the victims are Larry Taylor and his two children", "the suspect is X".
    let role = |w: &str| {
        matches!(
            w,
            "victim" | "victims" | "suspect" | "suspects" | "shooter" | "gunman"
        )
    };
    // "The victim's name is Natasha Archer."
    let name_is = matches!(before(b + 1), "name" | "names") && role(without_possessive(before(b + 2)));
    let role_is = matches!(before(b), "is" | "are" | "was" | "were") && (role(before(b + 1)) || name_is);
    // "after the shooting Mayor John Cranley said": the deed as a noun marks no one.
    let noun = matches!(before(b), "shooting" | "killing")
        && (matches!(before(b + 1), "the" | "a" | "an" | "this" | "that")
            || without_possessive(before(b + 1)) != before(b + 1));
    let harmed = !noun
        && matches!(
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
            | "striking"
            | "wounding"
            | "injuring"
            | "named"
            | "found"
            | "detained"
            | "apprehended"
            | "captured"
            | "charging"
            | "indicted"
    ) || charged_against(a, start)
        || before(b) == "of" && deed_is_fatal(before(b + 1)).is_some()
        // "shooter Syed Farook", "victim Lena Moss": the role names the person.
        || matches!(before(1), "shooter" | "gunman" | "suspect" | "victim" | "suspects" | "victims");
    identified || role_is || harmed
}

/// Whether a name is the one a charge is against: "charges against X", "the case against
/// X", "Charges were filed yesterday against X".
fn charged_against(a: &Analysis<'_>, start: usize) -> bool {
    const REACH: usize = 5;
    let b = past_age_and_rank(a, start);
    if lower_before(a, start, b) != "against" {
        return false;
    }
    let sentence = a.sentences[a.sentence_of[start]].start;
    (start.saturating_sub(b + REACH).max(sentence)..start).any(|k| {
        matches!(
            a.lower(k),
            "charges"
                | "charge"
                | "case"
                | "complaint"
                | "complaints"
                | "indictment"
                | "warrant"
                | "warrants"
        )
    })
}

/// Whether the words after a name say what befell the person: "X was shot", "X died".
fn harmed_after(a: &Analysis<'_>, end: usize) -> bool {
    let (k, auxiliary) = verb_after(a, end);
    let verb = a.lower(k);
    if !auxiliary {
        // "Tommy Lee Ward arrested Tuesday", as headlines put it.
        return matches!(
            verb,
            "died"
                | "dies"
                | "suffered"
                | "sustained"
                | "arrested"
                | "indicted"
                | "sentenced"
                | "convicted"
                | "faces"
        ) || acted_after(a, end);
    }
    matches!(verb, "held" | "booked" | "jailed" | "accused")
        || matches!(
            verb,
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
                | "recovering"
                | "flown"
                | "airlifted"
                | "rushed"
        )
}

/// The verb after a name, past auxiliaries and adverbs ("X, Jr. and Y are being held", "X
/// allegedly shot five people"), and whether an auxiliary stood before it.
fn verb_after(a: &Analysis<'_>, end: usize) -> (usize, bool) {
    let mut k = end;
    // "Kyle Holaday, 26, also shot and killed the family dog": past the age.
    if a.lower(k) == ","
        && a.tokens.get(k + 1).is_some_and(|t| t.kind == TokenKind::Number)
        && a.lower(k + 2) == ","
    {
        k += 3;
    }
    // "Austin Moody, who played football for Sheridan High, died": past the clause.
    if a.lower(k) == "," && a.lower(k + 1) == "who" {
        let sentence_end = a.sentences[a.sentence_of[end.min(a.tokens.len() - 1)]].end;
        if let Some(close) = (k + 2..(k + 25).min(sentence_end)).find(|&j| a.lower(j) == ",") {
            k = close + 1;
        }
    }
    let mut auxiliary = false;
    loop {
        match a.lower(k) {
            "was" | "were" | "is" | "are" | "has" | "had" | "have" | "been" | "being" => auxiliary = true,
            "allegedly" | "reportedly" | "later" | "then" | "fatally" | "critically" | "seriously"
            | "also" | "accidentally" | "all" | "both" | "now" | "still" => {}
            _ => return (k, auxiliary),
        }
        k += 1;
    }
}

/// Whether the name is the subject of the shooting: "Jarvis Garrett allegedly shot five
/// people", "Robert Hand shot his girlfriend". Such a person is a suspect, whatever else
/// the sentence says befell someone.
fn acted_after(a: &Analysis<'_>, end: usize) -> bool {
    let (k, auxiliary) = verb_after(a, end);
    !auxiliary
        && matches!(
            a.lower(k),
            "shot" | "killed" | "fired" | "opened" | "stabbed" | "pulled"
        )
}

/// An age just before a name: "27-year-old Selemon Belai", "a 19-year-old, Marcus Webb,"; and
/// as some copy spells it, "52 year-old Robert Hand", "50 year old Howard Reno".
fn age_before(a: &Analysis<'_>, start: usize) -> Option<u32> {
    let before = |k: usize| lower_before(a, start, k);
    let mut k = match (before(1), before(2)) {
        ("year-old", _) => 2,
        // "An 18-year-old, Orlando Gonzalez,": the age as a noun, the name in apposition.
        (",", "year-old") => 3,
        // "his 15-year-old stepson Corbin Hillaker", "19-year-old man Jacobe Payton".
        (who, "year-old") if is_kin_or_person(who) => 3,
        ("old", "year") => 3,
        ("old", "-") if before(3) == "year" => 4,
        _ => return None,
    };
    if before(k) == "-" {
        k += 1;
    }
    let t = a.tokens.get(start.checked_sub(k)?)?;
    (t.kind == TokenKind::Number)
        .then(|| t.text.parse().ok())
        .flatten()
        .filter(|&n: &u32| (1..=110).contains(&n))
}

/// A word for who someone is that copy puts between their age and their name: "his
/// 20-year-old brother Dillon Jackson", "a 19-year-old man Jacobe Payton".
fn is_kin_or_person(word: &str) -> bool {
    matches!(
        word,
        "son"
            | "daughter"
            | "stepson"
            | "stepdaughter"
            | "brother"
            | "sister"
            | "nephew"
            | "niece"
            | "cousin"
            | "grandson"
            | "granddaughter"
            | "friend"
            | "girlfriend"
            | "boyfriend"
            | "wife"
            | "husband"
            | "man"
            | "woman"
            | "boy"
            | "girl"
            | "teen"
            | "teenager"
    )
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
        // "Justin Aiken and Cody Bouphavong, both 21,"; "Aron Turner, age 31, of".
        let end = if matches!(a.lower(end + 1), "both" | "age" | "aged") {
            end + 1
        } else {
            end
        };
        let age = number(end + 1)?;
        let after = a.tokens.get(end + 2)?;
        // "and Tobiasz Cudnik, 32 – were wounded": a dash closes the age too.
        let closes = after.is(',')
            || after.is(')')
            || after.is('.')
            || after.is(';')
            || matches!(after.text, "-" | "--" | "\u{2013}" | "\u{2014}")
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
            "arrested" | "charged" | "booked" | "held" | "jailed" | "custody" | "suspect" | "accused"
            | "indicted" | "sentenced" | "convicted" | "faces" => PersonStatus::Arrested,
            // "fatally shot his ex-wife".
            "wounded" | "shot" if k > 0 && a.lower(k - 1) == "fatally" => PersonStatus::Killed,
            // "shot to death", "shot dead".
            "shot" if a.lower(k + 1) == "dead" || a.lower(k + 1) == "to" && a.lower(k + 2) == "death" => {
                PersonStatus::Killed
            }
            "wounded" | "wounding" | "injured" | "injuring" | "hospitalized" | "shot" | "hurt"
            | "striking" | "struck" | "hit" | "wounds" | "injuries" => PersonStatus::Injured,
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
    use tally_core::{Document, NamedPerson, PersonStatus};

    /// The people a report of `body` names.
    fn people_in(body: &str) -> Vec<NamedPerson> {
        let ex = Extractor::new(ExtractConfig::default()).unwrap();
        extract(&Document::new("p", body.to_string()), &ex).people
    }

    /// Their names alone.
    fn names_in(body: &str) -> Vec<String> {
        people_in(body).into_iter().map(|p| p.name).collect()
    }

    type Fate<'a> = (&'a str, Option<u32>, Option<PersonStatus>);

    /// Each one's name, age and status.
    fn fates_of(people: &[NamedPerson]) -> Vec<Fate<'_>> {
        people
            .iter()
            .map(|p| (p.name.as_str(), p.age, p.status))
            .collect()
    }

    /// Charges filed against people name them as suspects, however many words part the
    /// charges from "against"; an argument against someone names no one.
    #[test]
    fn charges_against_people_name_suspects() {
        let people = people_in(
            "Charges were filed yesterday against Darnell Pike and Corey Lund in the killing of \
             a teenager near Muskogee.",
        );
        assert_eq!(
            people
                .iter()
                .map(|p| (p.name.as_str(), p.role.as_deref()))
                .collect::<Vec<_>>(),
            [("Darnell Pike", Some("suspect")), ("Corey Lund", Some("suspect"))]
        );
        assert!(names_in("The council voted against Mary Oakes on Tuesday.").is_empty());
    }

    /// Someone who allegedly did the deed, or is named after an age as a noun, is named;
    /// a charge's name before "for allegedly" is no one.
    #[test]
    fn an_alleged_deed_and_an_age_in_apposition_name_people() {
        assert_eq!(
            names_in(
                "Tremaine Boyd and an accomplice allegedly forced their way into the apartment before the tenant fired."
            ),
            ["Tremaine Boyd"]
        );
        assert_eq!(
            fates_of(&people_in(
                "A 19-year-old, Marcus Webb, was charged with unlawful use of a weapon."
            )),
            [("Marcus Webb", Some(19), Some(PersonStatus::Arrested))]
        );
        assert!(names_in(
            "A neighbour was arrested. He was charged with Aggravated Assault for allegedly firing at a car."
        )
        .is_empty());
    }

    /// An age before a kinship word or "man" is the named person's; a name the copy says
    /// is the victim's, or is recovering or faces charges, is named.
    #[test]
    fn ages_before_kin_and_names_said_otherwise_name_people() {
        assert_eq!(
            fates_of(&people_in(
                "Two men ran from the store, 21-year-old Omar Fields and his 19-year-old brother Isaiah \
                 Fields, but both were fatally shot."
            )),
            [
                ("Omar Fields", Some(21), Some(PersonStatus::Killed)),
                ("Isaiah Fields", Some(19), Some(PersonStatus::Killed))
            ]
        );
        assert_eq!(
            names_in("The gunman has been identified as Lee Darby. The victim's name is Rosa Pruitt."),
            ["Lee Darby", "Rosa Pruitt"]
        );
        assert_eq!(
            fates_of(&people_in(
                "Tobias Kent faces charges of reckless homicide in the death of his friend."
            )),
            [("Tobias Kent", None, Some(PersonStatus::Arrested))]
        );
        assert_eq!(
            fates_of(&people_in(
                "Dana Whitlock is now recovering from wounds to her leg and arm."
            )),
            [("Dana Whitlock", None, Some(PersonStatus::Injured))]
        );
        // A sentence's first word is no given name: "Neither Rohan nor his friends".
        assert!(
            names_in("Neither Rohan nor his friends were in a gang. Rohan was rushed to a hospital.")
                .iter()
                .all(|n| !n.starts_with("Neither"))
        );
    }

    /// An age closed by a dash is still the name's; an age of days or months before a
    /// name is no part of it.
    #[test]
    fn ages_closed_by_a_dash_or_told_in_days_are_not_names() {
        assert_eq!(
            fates_of(&people_in(
                "Four others – Lena Ortiz, 24; Kyle Banner, 25; and Piotr Walczak, 32 – were wounded."
            )),
            [
                ("Lena Ortiz", Some(24), Some(PersonStatus::Injured)),
                ("Kyle Banner", Some(25), Some(PersonStatus::Injured)),
                ("Piotr Walczak", Some(32), Some(PersonStatus::Injured))
            ]
        );
        assert_eq!(
            names_in(
                "Police identified the baby. Twenty-five-day-old Jaylen Marsh died from gunshot wounds."
            ),
            ["Jaylen Marsh"]
        );
    }

    /// A name whose age comes between it and its deed is the one who did it.
    #[test]
    fn the_deed_after_a_names_age_is_its_own() {
        let people = people_in("Dale Ruark, 26, also shot and killed the family dog, deputies said.");
        assert_eq!(
            people
                .iter()
                .map(|p| (p.name.as_str(), p.role.as_deref(), p.status))
                .collect::<Vec<_>>(),
            [("Dale Ruark", Some("suspect"), None)]
        );
    }

    #[test]
    fn the_victim_identified_shares_the_leads_fate() {
        let ex = Extractor::new(ExtractConfig::default()).unwrap();
        let mut doc = Document::new(
            "p",
            "A teenager was shot and killed Monday night outside an apartment complex in Antioch. \
             Police identified the victim as 16-year-old Marcus Pratt. \
             Officers later identified the suspect as Dwayne Holt."
                .to_string(),
        );
        doc.title = Some("Teen killed in Antioch shooting".to_string());
        let people = extract(&doc, &ex).people;
        let got: Vec<(&str, Option<PersonStatus>)> =
            people.iter().map(|p| (p.name.as_str(), p.status)).collect();
        assert_eq!(
            got,
            [
                ("Marcus Pratt", Some(PersonStatus::Killed)),
                ("Dwayne Holt", Some(PersonStatus::Arrested))
            ]
        );
        assert_eq!(people[0].role.as_deref(), Some("victim"));
    }

    #[test]
    fn an_arrest_told_of_a_surname_later_is_the_persons() {
        let body = "Detectives spent the week looking for Dale Pruitt after the shooting on Elm Street. \
                    Pruitt was arrested Tuesday at a motel in Dover.";
        let people = people_in(body);
        assert_eq!(
            fates_of(&people),
            [("Dale Pruitt", None, Some(PersonStatus::Arrested))]
        );
        assert_eq!(people[0].role.as_deref(), Some("suspect"));
        // What the surname did is no fate: "Pruitt shot at deputies" is the deed.
        let body = "Detectives spent the week looking for Dale Pruitt after the shooting on Elm Street. \
                    Pruitt shot at deputies on Monday. Pruitt was arrested Tuesday at a motel in Dover.";
        assert_eq!(
            fates_of(&people_in(body)),
            [("Dale Pruitt", None, Some(PersonStatus::Arrested))]
        );
    }

    #[test]
    fn a_death_told_of_a_surname_opening_its_sentence_is_the_persons() {
        let body = "Officers found 31-year-old Darius Kemble about 2 a.m. in the parking lot of a \
                    grocery on Hearne Avenue. Kemble was taken to a hospital, where he was \
                    pronounced dead.";
        let people = people_in(body);
        assert_eq!(
            fates_of(&people),
            [("Darius Kemble", Some(31), Some(PersonStatus::Killed))]
        );
        assert_eq!(people[0].role.as_deref(), Some("victim"));
        // A death told in a sentence the surname does not open may be anyone's.
        let body = "Officers found 31-year-old Darius Kemble in the parking lot of a grocery. \
                    A man who drove off with Kemble was pronounced dead later.";
        assert_eq!(fates_of(&people_in(body)), [("Darius Kemble", Some(31), None)]);
        // Nor is a surname that two of the people share one person's.
        let body = "Officers found Darius Kemble, 31, and Nia Kemble, 29, outside the home. \
                    Kemble was taken to a hospital, where he was pronounced dead.";
        assert_eq!(
            fates_of(&people_in(body)),
            [("Darius Kemble", Some(31), None), ("Nia Kemble", Some(29), None)]
        );
    }

    #[test]
    fn officials_and_page_furniture_are_not_the_incidents_people() {
        let body = "Mayor Ellen Barrow of Fairview called the shooting senseless. \
                    Nineteen-year-old Corey Lyle was shot in the arm. \
                    Advertisement Dale Pruitt, 40, was charged with assault. \
                    Officer Tina Marsh was shot in the leg.";
        let names = names_in(body);
        assert_eq!(names, ["Corey Lyle", "Dale Pruitt", "Tina Marsh"]);
    }

    #[test]
    fn the_shooting_as_a_noun_marks_no_one() {
        // After "the shooting", the mayor is still an official; "shooting Officer X" marks
        // the officer.
        let body = "At a news conference after the shooting Mayor Ellen Barrow urged calm. \
                    A man opened fire on Elm Street, shooting Officer Tina Marsh.";
        assert_eq!(names_in(body), ["Tina Marsh"]);
    }

    /// A timeline's entries ("August 1982: …") tell past events: their people are not the
    /// report's. The report's own lines keep theirs.
    #[test]
    fn a_timelines_entries_name_no_one_of_the_report() {
        let body = "Marcus Webb, 31, was shot and killed outside a bar on Friday.\n\n\
                    Past shootings in the county:\n\n\
                    March 1994: Dale Horton, 40, is shot to death at a truck stop.\n\n\
                    photo 2003: Ellen Voss, 22, was killed in a drive-by.";
        assert_eq!(names_in(body), ["Marcus Webb"]);
    }

    /// A police blotter keeps the people of its shooting's item, not a shoplifter's.
    #[test]
    fn a_blotter_keeps_the_people_of_its_shooting() {
        let ex = Extractor::new(ExtractConfig::default()).unwrap();
        let mut doc = Document::new(
            "blotter",
            "Ewing\n\nShooting arrest: Darius Holt, 24, was arrested in a March 2 shooting that \
             wounded a man on Olden Avenue.\n\nHamilton\n\nTag switch: Nora Feld, 51, was \
             arrested after switching price tags at a department store."
                .to_string(),
        );
        doc.title = Some("Shooting arrest and a tag switch: March 9 Police Blotter".to_string());
        let names: Vec<String> = extract(&doc, &ex).people.into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["Darius Holt"]);
        // The same copy under a plain headline is one report's, and keeps both.
        doc.title = Some("Man arrested in shooting".to_string());
        assert_eq!(extract(&doc, &ex).people.len(), 2);
        assert!(super::is_blotter("Daily Blotter") && super::is_blotter("Public Safety Log (Nov. 17)"));
        assert!(!super::is_blotter("Log truck driver shot"));
    }

    #[test]
    fn a_list_of_cases_names_no_ones_incident() {
        // A police page of open cases: forty-five names, each another shooting's.
        let firsts = [
            "Aaron", "Bettie", "Calvin", "Denise", "Ervin", "Faye", "Glen", "Hattie", "Ivan",
        ];
        let lasts = ["Abbott", "Burris", "Cole", "Dunn", "Estes"];
        let body: String = firsts
            .iter()
            .flat_map(|f| lasts.iter().map(move |l| (f, l)))
            .enumerate()
            .map(|(k, (f, l))| format!("{f} {l}, {}, was shot and killed on Case No. {k}.\n\n", 20 + k))
            .collect();
        let ex = Extractor::new(ExtractConfig::default()).unwrap();
        let extraction = extract(&Document::new("open-cases", body), &ex);
        assert!(extraction.people.is_empty());
        assert!(
            extraction
                .diagnostics
                .iter()
                .any(|d| d.kind == tally_core::DiagnosticKind::ListOfCases
                    && d.message.starts_with("45 people"))
        );
    }

    #[test]
    fn the_objects_of_a_deed_and_the_lists_that_follow_them() {
        let body =
            "Rudd was charged in the shootings of Ama Kofi, Lyle Varga and Oren Pike in the Delta Region. \
                    The sheriff called the killings of Deputy Carla Nunn and Detective Hugo Ames senseless. \
                    Ward Ellis, age 31, of the 3900 block was found dead. \
                    Tommy Lee Birch arrested Tuesday on a murder warrant.\n\n\
                    RELATED: Where Lena Frost was found dead last year";
        let people = people_in(body);
        assert_eq!(
            fates_of(&people),
            [
                ("Ama Kofi", None, Some(PersonStatus::Injured)),
                ("Lyle Varga", None, Some(PersonStatus::Injured)),
                ("Oren Pike", None, Some(PersonStatus::Injured)),
                ("Carla Nunn", None, Some(PersonStatus::Killed)),
                ("Hugo Ames", None, Some(PersonStatus::Killed)),
                ("Ward Ellis", Some(31), Some(PersonStatus::Killed)),
                ("Tommy Lee Birch", None, Some(PersonStatus::Arrested)),
            ]
        );
        let people = people_in(
            "Dana Voss was trying to holster a pistol when it went off and she was hit in the leg. \
             Omar Lutz said he heard the shot.",
        );
        assert_eq!(
            fates_of(&people),
            [("Dana Voss", None, Some(PersonStatus::Injured))]
        );
        let body = "Weapon Information – Shotgun. The Special Response Team arrested two men. \
                    A black Nissan Maxima was found abandoned nearby. \
                    Police identified the school as Wenonah High. \
                    Her work won awards from the West Texas press association, and police arrested Dale Ruiz.";
        let names = names_in(body);
        assert_eq!(names, ["Dale Ruiz"]);
    }

    #[test]
    fn headline_words_and_the_counted_are_no_names() {
        let body = "Four U.S. Marines were killed Thursday. \
                    Victims Nora Plank, 33, and Eli Dunn, 40, were shot outside a store. \
                    Police said Boy Killed was the headline on a flyer.";
        let names = names_in(body);
        assert_eq!(names, ["Nora Plank", "Eli Dunn"]);
    }

    #[test]
    fn victims_and_suspects_named_with_their_ages() {
        let body = "Police said Darnell K. Price, 21, of Lynchburg was shot and killed. Tanya Wells, 34, was hospitalized. \
                    Officers later arrested Marcus Hill, 19, on a murder charge. Lt. Dana Ortiz said the case was open. \
                    The coroner identified the woman as Rosa Delgado. The shooting killed Brandon Crawford. \
                    A 20-year-old woman, Emoni House, died. Jonathan Stoffel of Neenah was shot.";
        let people = people_in(body);
        assert_eq!(
            fates_of(&people),
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
    fn relatives_and_neighbours_who_tell_of_it_are_not_its_people() {
        let body = "Police said Dorian Pratt, 19, was shot and killed on Vine Street. \
                    \"He was a sweet boy,\" said his grandmother, Loretta Pratt. Another neighbor, \
                    Gail Moss, heard three shots. \"I ran outside,\" said Pratt's mother, Denise \
                    Allen. The father, Ray Pratt, was charged with leaving the gun in the car. \
                    Dale Moss, 24, a next-door neighbor, heard the shots. \
                    \"He was just a kid,\" said his cousin, 14-year-old Malik Lum. \
                    \"It came out of nowhere,\" victim Nia Cobb said.";
        assert_eq!(names_in(body), ["Dorian Pratt", "Ray Pratt", "Nia Cobb"]);
    }

    #[test]
    fn credits_and_captions_are_not_people() {
        let body = "Man wounded in Gage Park shooting Elvia Malagon / Chicago Tribune A man was \
                    wounded early Saturday.\n\nFive Children Hurt in Easter Sunday Shooting View Full \
                    Caption\n\nPolice said Marcus Dean, 22, was wounded.";
        assert_eq!(names_in(body), ["Marcus Dean"]);
    }

    #[test]
    fn what_befell_someone_past_a_clause_about_them() {
        let body = "Marcus Lee, who played football for Sheridan High, died at the scene. \
                    Tina Ruiz, who lives next door, heard the shots.";
        assert_eq!(
            fates_of(&people_in(body)),
            [("Marcus Lee", None, Some(PersonStatus::Killed))]
        );
    }

    #[test]
    fn nicknames_in_quotes_and_the_shot_to_death() {
        let body = "Police identified the man as Terrell “TJ” Banks, 24, who was shot to death on Elm \
                    Street. Friends said Alana 'Lani' Ruiz was shot dead beside him. \
                    \"He was a good man,\" Banks' aunt said.";
        assert_eq!(
            fates_of(&people_in(body)),
            [
                ("Terrell “TJ” Banks", Some(24), Some(PersonStatus::Killed)),
                ("Alana 'Lani' Ruiz", None, Some(PersonStatus::Killed)),
            ]
        );
    }

    #[test]
    fn names_told_as_copy_spells_them() {
        let body = "Deputies said 47 year-old Wade Tillis shot his neighbor, 52-year-old Irma J. Soto, on Friday. \
                    Officers found Russell Pike, Jr., 30, on the porch. \
                    Kendra Moss, Tomas Reyes and Ada Quinn all suffered gunshot wounds. \
                    Neighbors said the boys were handling Caleb Stroud's rifle. Stroud, 14, was hospitalized. \
                    \"We heard four shots,\" said Lionel Burke, 61, a neighbor. \
                    According to sheriff's Lt. Mara Fenn, the rifle was loaded.";
        let people = people_in(body);
        type Seen<'a> = (&'a str, Option<u32>, Option<PersonStatus>, Option<&'a str>);
        let got: Vec<Seen> = people
            .iter()
            .map(|p| (p.name.as_str(), p.age, p.status, p.role.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Wade Tillis", Some(47), None, Some("suspect")),
                (
                    "Irma J. Soto",
                    Some(52),
                    Some(PersonStatus::Injured),
                    Some("victim")
                ),
                ("Russell Pike, Jr.", Some(30), None, None),
                ("Kendra Moss", None, Some(PersonStatus::Injured), Some("victim")),
                ("Tomas Reyes", None, Some(PersonStatus::Injured), Some("victim")),
                ("Ada Quinn", None, Some(PersonStatus::Injured), Some("victim")),
                (
                    "Caleb Stroud",
                    Some(14),
                    Some(PersonStatus::Injured),
                    Some("victim")
                ),
            ]
        );
    }

    #[test]
    fn institutions_and_places_are_not_people() {
        let body = "Photo Courtesy of Clark County Sheriff. Crime Stoppers of Tulsa is offering a reward. \
                    Her brother, Fort Wayne, was shot. Her cousin, Dion Marsh, was shot.";
        let names = names_in(body);
        assert_eq!(names, ["Dion Marsh"]);
    }

    #[test]
    fn names_in_a_list_and_after_a_role() {
        let body = "Five people were found dead. They are Ray Collins, 58; Karen Sand, 53; and Eric Collins, 32. \
                    Witnesses said shooter Owen Pratt fled on foot. Two men opened fire, killing Juan Ortega and Luis Mena.";
        let names = names_in(body);
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

    #[test]
    fn names_found_identified_captured_and_said_to_be_the_victims() {
        let body = "Deputies found Dale Hobbs with a gunshot wound to his leg. Relatives identified the \
                    4-year-old killed Sunday evening in Ridgeway as Kyla Dunn. Police said the victims are \
                    Ron Tate and his son. Officers captured Lyle Grant in Kansas. Omar Pike and Ty Rusk, \
                    both 19, were wounded.";
        let people = people_in(body);
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Dale Hobbs",
                "Kyla Dunn",
                "Ron Tate",
                "Lyle Grant",
                "Omar Pike",
                "Ty Rusk"
            ]
        );
        assert_eq!(people[5].age, Some(19));
    }
}
