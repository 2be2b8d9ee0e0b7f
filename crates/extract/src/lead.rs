//! The lead incident: the event a report is chiefly about, if any.

use crate::analysis::Analysis;
use crate::claims::Figure;
use crate::lexicon::{place_role, PlaceRole};
use crate::time::{resolve, TimeValue};
use crate::words;
use crate::Extractor;
use chrono::{Datelike, NaiveDate};
use tally_core::{Claim, ClaimKind, Count, Lead, NamedPerson, PersonStatus, Place, Qualifier};

/// The opening, where a report states its event.
const OPENING_SENTENCES: usize = 3;
/// How far down a lead figure is looked for when the opening has none.
const LEAD_SENTENCES: usize = 8;
/// How far down a lead figure is looked for when the first `LEAD_SENTENCES` count no one,
/// in sentences that tell of the report's own shooting.
const FAR_SENTENCES: usize = 16;
/// How many sentences of furniture at the top of a body the opening may be below.
const MAX_FURNITURE: usize = 4;
/// How many days before its report a day the lead's later sentences name, and tie to
/// nothing, may be to date the shooting: beyond it, it is more often another event's.
const FRESH_DAYS: i64 = 4;
/// The city of a state whose copy calls its quarters sides ("the Far South Side", "on the
/// Southwest Side"): what a report put only in that state and naming such a side is about.
const CITY_SIDES: [(&str, &str); 4] = [
    ("Illinois", "Chicago"),
    ("Texas", "San Antonio"),
    ("Arizona", "Tucson"),
    ("Wisconsin", "Milwaukee"),
];
/// How many sentences past the lead's a follow-up that dates only what came after may date
/// its shooting.
const FURTHER_SENTENCES: usize = 3;
/// How long after a holiday a headline naming it may date its shooting by it.
const HOLIDAY_DAYS: i64 = 45;
/// A figure whose period ends this long before the report is background, not the lead.
const BACKGROUND_DAYS: i64 = 60;
/// The least population of a city whose neighbourhoods copy names on their own.
const NEIGHBOURHOOD_CITY: u64 = 250_000;
/// How many days before a follow-up the shooting it dates may lie: at least a week ("this
/// month" is no date of one), at most about a year (older shootings a report recalls are
/// others).
const FOLLOWED_UP: std::ops::RangeInclusive<i64> = 7..=400;
/// How many years back a follow-up may date its shooting by the year alone ("pleaded guilty
/// to killing four … in 2015").
const FOLLOWED_UP_YEARS: i32 = 3;
/// How far a town of another state must lie from a home state's city named beside it to be
/// taken for the city's quarter of its name.
const FAR_AWAY_KM: f64 = 300.0;

fn has_word(victims: Option<&str>, wanted: &[&str]) -> bool {
    victims.is_some_and(|v| {
        v.split_whitespace()
            .any(|w| wanted.iter().any(|x| x.eq_ignore_ascii_case(w)))
    })
}

/// Cause words, strongest first, and the cause FORMAT.md names for them.
const CAUSES: &[(&[&str], &str)] = &[
    (
        &["chemical", "sarin", "chlorine", "gas", "toxic", "nerve"],
        "chemical",
    ),
    (
        &["executed", "execution", "executions", "beheaded", "beheading"],
        "execution",
    ),
    (
        &[
            "airstrike",
            "airstrikes",
            "air",
            "warplanes",
            "warplane",
            "jets",
            "aircraft",
            "raids",
            "raid",
            "helicopter",
            "helicopters",
            "drone",
            "bombing",
            "bombardment",
            "barrel",
            "bombed",
            "airstrikes",
        ],
        "airstrike",
    ),
    (
        &[
            "shelling",
            "shells",
            "shell",
            "artillery",
            "mortar",
            "mortars",
            "rocket",
            "rockets",
            "missile",
            "missiles",
            "shelled",
        ],
        "shelling",
    ),
    (
        &[
            "bomb",
            "blast",
            "explosion",
            "explosions",
            "suicide",
            "car-bomb",
            "ied",
            "exploded",
            "bombings",
            "bomber",
            "explosive",
            "landmine",
            "mine",
        ],
        "explosion",
    ),
    (
        &[
            "shot",
            "shots",
            "shooting",
            "shootout",
            "gunmen",
            "sniper",
            "snipers",
            "gunfire",
            "shootings",
            "gunman",
            "gunshot",
            "gunshots",
            "shoots",
            "shooter",
            "bullet",
            "bullets",
            "handgun",
            "shotgun",
            "rifle",
            "revolver",
            "pistol",
            "firearm",
            "roulette",
            "gun",
        ],
        "shooting",
    ),
];

/// Words that say someone died, where a report gives no figure: a shooting is "fatal".
fn is_fatal_word(word: &str) -> bool {
    matches!(
        word,
        "fatal"
            | "fatally"
            | "deadly"
            | "killed"
            | "kills"
            | "killing"
            | "dead"
            | "died"
            | "dies"
            | "death"
            | "homicide"
            | "murder"
            | "murdered"
            | "slain"
            | "slaying"
            // "succumbed to her injuries and was pronounced deceased".
            | "succumbed"
            | "succumbs"
            | "deceased"
    )
}

/// A headline's words (lower case), hyphenated ones whole: "14-year-old".
fn headline_words_of(headline: &str) -> Vec<&str> {
    headline
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect()
}

/// How many of the body's first sentences are a page's furniture, not its copy: the
/// headline again, a byline ("By Robert Mills", "Written by Greg Sapp"), a stamp
/// ("Published on January 23 2017 12:30 pm", "Last Updated on …") or a video player's
/// notice ("Please enable Javascript to watch this video"). The opening is the three
/// sentences after them.
fn furniture_sentences(a: &Analysis<'_>, headline: &str) -> usize {
    let alphanumeric = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let headline = alphanumeric(headline);
    let is_furniture = |s: &std::ops::Range<usize>| {
        let Some(last) = s.clone().last() else {
            return false;
        };
        let owned = alphanumeric(&a.body[a.tokens[s.start].span.start..a.tokens[last].span.end]);
        let words: Vec<&str> = owned.iter().map(String::as_str).collect();
        let ends_prose = matches!(a.tokens[last].text, "." | "!" | "?");
        let at = |i: usize| words.get(i).copied().unwrap_or("");
        let headline_again = !headline.is_empty() && owned == headline;
        let stamp = matches!(at(0), "published" | "posted" | "updated" | "created")
            || at(0) == "last" && at(1) == "updated"
            || at(0) == "written" && at(1) == "by";
        let byline = at(0) == "by" && words.len() <= 8;
        let player = words.contains(&"javascript") && words.contains(&"video");
        !words.is_empty() && (headline_again || !ends_prose && (stamp || byline || player))
    };
    // Furniture stands above copy: a body of one sentence (a headline read alone) is copy.
    let above_copy = a.sentences.len().saturating_sub(1).min(MAX_FURNITURE);
    a.sentences[..above_copy]
        .iter()
        .take_while(|s| is_furniture(s))
        .count()
}

/// Which tokens stand on a line of capitals alone ("DRUNKEN DRIVER GETS 3 MONTHS IN PRISON
/// AFTER DEADLY CRASH"): another story's headline a page links to, not this report's copy.
/// A line of three words or more, every one in capitals; a dateline ("PANOLA COUNTY, Miss.")
/// is not one.
fn shouted_lines(a: &Analysis<'_>) -> Vec<bool> {
    let mut shouted = vec![false; a.tokens.len()];
    for line in crate::tokens::lines(&a.tokens) {
        let words: Vec<&str> = a.tokens[line.clone()]
            .iter()
            .filter(|t| t.is_word() && t.text.chars().any(char::is_alphabetic))
            .map(|t| t.text)
            .collect();
        let capitals = |w: &&str| w.chars().all(|c| !c.is_lowercase());
        if words.len() >= 3 && words.iter().all(capitals) {
            shouted[line].fill(true);
        }
    }
    shouted
}

/// Whether the word at `i` tells that someone died: not "attempted murder", "assault with a
/// deadly weapon" or "deadly conduct", charges brought where no one did, nor the homicide
/// unit sent to a shooting.
fn tells_a_death(words: &[&str], i: usize) -> bool {
    // "attempted murder", "plotted to kill her", "the plan was to murder her".
    let attempted = i > 0 && matches!(words[i - 1], "attempted" | "attempt")
        // "attempted aggravated murder", "attempted first-degree murder".
        || i > 1 && words[i - 2] == "attempted"
        || i > 1
            && words[i - 1] == "to"
            && (1..=2).any(|k| {
                i > k
                    && matches!(
                        words[i - 1 - k],
                        "plotted"
                            | "plotting"
                            | "planned"
                            | "planning"
                            | "plan"
                            | "tried"
                            | "trying"
                            | "attempted"
                            | "attempting"
                            | "conspired"
                            | "conspiring"
                            | "threatened"
                            | "threatening"
                            | "intended"
                            | "wanted"
                    )
            });
    // "Dead River Road", "a dead end": places, not deaths.
    let place = words[i] == "dead"
        && matches!(
            words.get(i + 1),
            Some(&("river" | "creek" | "lake" | "sea" | "end"))
        );
    // "assault with a deadly weapon", "discharge causing injury or death": charges.
    let charge = words[i] == "deadly" && matches!(words.get(i + 1), Some(&("weapon" | "conduct")))
        || words[i] == "death"
            && (i > 1 && words[i - 1] == "or" && matches!(words[i - 2], "injury" | "harm")
                || words.get(i + 1) == Some(&"or") && matches!(words.get(i + 2), Some(&("injury" | "harm"))));

    // "the Metro Homicide Unit", "homicide detectives": who investigates, whoever died.
    let unit = words[i] == "homicide"
        && matches!(
            words.get(i + 1),
            Some(
                &("unit"
                    | "detective"
                    | "detectives"
                    | "investigators"
                    | "division"
                    | "squad"
                    | "bureau"
                    | "task")
            )
        );
    // "could have killed me", "I could have been killed", "nearly killed his father-in-law":
    // a death that did not happen.
    let averted = (1..=3).any(|k| {
        // Three words back only past "have been".
        let reach = k < 3 || i >= 3 && words[i - 2] == "have" && words[i - 1] == "been";
        i >= k
            && reach
            && matches!(
                words[i - k],
                "nearly" | "almost" | "narrowly" | "could" | "would" | "might" | "may"
            )
    });
    // "was taken off life support and passed away".
    let passed_away = words[i] == "passed" && words.get(i + 1) == Some(&"away");
    // "Accidental shooting takes life of Quapaw man", "claims the lives of two".
    let life_taken = matches!(words[i], "life" | "lives")
        && (1..=2).any(|k| {
            i >= k
                && matches!(
                    words[i - k],
                    "take" | "takes" | "took" | "taken" | "claim" | "claims" | "claimed"
                )
        });
    (is_fatal_word(words[i]) || passed_away || life_taken)
        && !attempted
        && !charge
        && !unit
        && !averted
        && !place
}

/// Whether words tell of several shootings at once: "in three separate shootings", "6
/// wounded in weekend shootings", "shootings across the city".
fn is_roundup(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, &w)| {
        let before = |k: usize| {
            i >= k
                && (matches!(
                    words[i - k],
                    "separate" | "several" | "multiple" | "weekend" | "overnight" | "unrelated"
                ) || small_number(words[i - k]).is_some_and(|n| n > 1))
        };
        // "1 dead, 7 wounded in Chicago shootings", "in Monday shootings": not "in the
        // Kalamazoo shootings", one spree.
        let in_some = i >= 2
            && words[i - 2] == "in"
            && !matches!(
                words[i - 1],
                "the" | "these" | "those" | "both" | "twin" | "deadly" | "mass"
            );
        // "a recent spate of shootings", "a string of violent incidents".
        let spate = (2..=3).any(|k| {
            i >= k
                && words[i - k + 1..i].contains(&"of")
                && matches!(words[i - k], "spate" | "string" | "rash" | "wave")
        });
        matches!(w, "shootings" | "incidents") && (before(1) || before(2) || spate)
            || w == "shootings" && (in_some || i >= 1 && words[i - 1] == "in")
            || w == "shootings" && matches!(words.get(i + 1).copied(), Some("across" | "throughout"))
    })
}

/// Whether words say no one was hit: "no one was hurt", "nobody was injured", "no injuries
/// were reported". Not "no one else was hurt", which says someone was, nor "nobody was
/// seriously injured", nor "nobody was injured at that location", of one place of several.
fn says_no_one_was_hit(words: &[&str]) -> bool {
    let at = |k: usize| words.get(k).copied().unwrap_or("");
    (0..words.len()).any(|i| {
        let subject = match at(i) {
            "nobody" => 1,
            "no" if at(i + 1) == "one" => 2,
            "no" if matches!(at(i + 1), "injuries" | "injury") => return true,
            _ => return false,
        };
        let verb = i + subject;
        matches!(at(verb), "was" | "were")
            && matches!(at(verb + 1), "hurt" | "injured" | "wounded" | "struck" | "hit")
            && at(verb + 2) != "at"
    })
}

/// The first quarter the opening (tokens before `end`) names as a neighbourhood, in capitals
/// before the word: "in the Austin neighborhood", "the Back of the Yards neighborhood",
/// "Chicago's Roseland neighborhood" and "the South Side Gresham neighborhood" (Roseland,
/// Gresham). Not a county.
fn named_neighbourhood(a: &Analysis<'_>, end: usize) -> Option<String> {
    let tokens = &a.tokens[..end.min(a.tokens.len())];
    let capitalised = |t: &crate::tokens::Token<'_>| t.is_capitalised();
    (0..tokens.len()).find_map(|i| {
        if !matches!(a.lower(i), "neighborhood" | "neighbourhood") {
            return None;
        }
        // Back over the capitalised words, and "of the" between two of them.
        let mut start = i;
        while start > 0 && i - start < 5 {
            let before = &tokens[start - 1];
            let joins = matches!(before.text, "of" | "the")
                && start >= 2
                && start < i
                && (capitalised(&tokens[start - 2]) || tokens[start - 2].text == "of");
            let possessive = before.text.ends_with("'s") || before.text.ends_with("\u{2019}s");
            if !possessive && (capitalised(before) || joins) {
                start -= 1;
            } else {
                break;
            }
        }
        // A side of the city before the quarter's name is no part of it.
        if let Some(side) = (start..i).rev().find(|&k| tokens[k].text == "Side") {
            start = side + 1;
        }
        while start < i && (!capitalised(&tokens[start]) || matches!(tokens[start].text, "The" | "A" | "An"))
        {
            start += 1;
        }
        (start < i && !matches!(tokens[i - 1].text, "County" | "Parish"))
            .then(|| a.text_of(start..i).to_string())
    })
}

/// The dead a headline's "murder-suicide" tells: two, three for a "double", four for a
/// "triple"; none for one "attempted".
fn murder_suicide_dead(words: &[&str]) -> Option<u64> {
    let at = |k: usize| words.get(k).copied().unwrap_or("");
    let i = (0..words.len())
        .find(|&i| at(i) == "murder-suicide" || at(i) == "murder" && at(i + 1) == "suicide")?;
    let before = |k: usize| if i >= k { at(i - k) } else { "" };
    if before(1) == "attempted" || before(2) == "attempted" {
        return None;
    }
    Some(match before(1) {
        "double" => 3,
        "triple" => 4,
        _ => 2,
    })
}

/// The toll an ordinal death tells: "a third person has died", "4th victim dies", "the
/// second victim succumbed" count three, four and two dead.
fn ordinal_dead(words: &[&str]) -> Option<u64> {
    const ORDINALS: [(&str, &str); 9] = [
        ("second", "2nd"),
        ("third", "3rd"),
        ("fourth", "4th"),
        ("fifth", "5th"),
        ("sixth", "6th"),
        ("seventh", "7th"),
        ("eighth", "8th"),
        ("ninth", "9th"),
        ("tenth", "10th"),
    ];
    let is_victim = |w: &str| {
        matches!(
            w,
            "person" | "victim" | "man" | "woman" | "teen" | "child" | "boy" | "girl" | "death" | "body"
        )
    };
    let is_death = |w: &str| {
        matches!(
            w,
            "dies" | "died" | "dead" | "killed" | "succumbed" | "succumbs" | "death" | "dying"
        )
    };
    words.iter().enumerate().find_map(|(i, w)| {
        let n = ORDINALS
            .iter()
            .position(|(word, short)| w == word || w == short)? as u64
            + 2;
        // "two men suffered injuries and a third person died": the third of those shot, the
        // one dead among the wounded.
        let after_wounded = words[i.saturating_sub(6)..i].iter().any(|w| {
            matches!(
                *w,
                "injured" | "injuries" | "wounded" | "hurt" | "injuring" | "wounding"
            )
        });
        if after_wounded {
            return None;
        }
        let victim = (i + 1..(i + 3).min(words.len())).find(|&k| is_victim(words[k]))?;
        let died = words[victim] == "death"
            || (victim + 1..(victim + 6).min(words.len())).any(|k| is_death(words[k]));
        died.then_some(n)
    })
}

/// How many people one unit of a list of victims counts, and where the unit ends: "his
/// wife" is one, "their two infant daughters" two, "a 7-year-old boy" one. A plural with no
/// number ("his children") counts no one can tell.
fn victim_unit(words: &[&str], start: usize) -> Option<(u64, usize)> {
    let at = |k: usize| words.get(k).copied().unwrap_or("");
    // "kills his daughter, himself": the killer, among the dead he lists.
    if start > 0 && matches!(at(start), "himself" | "herself" | "self") {
        return Some((1, start + 1));
    }
    let mut i = start;
    if matches!(at(i), "a" | "an" | "the" | "his" | "her" | "their") {
        i += 1;
    }
    // A number, unless it is an age ("a 31-year-old woman" comes as "31", "-", "year-old").
    let number = small_number(at(i)).filter(|_| at(i + 1) != "-");
    if number.is_some() {
        i += 1;
    }
    let mut plural = None;
    for _ in 0..5 {
        let w = at(i);
        let singular = w.strip_suffix('s').unwrap_or(w);
        let noun = match w {
            "men" | "women" | "children" | "people" | "wives" | "babies" | "deputies" => Some(true),
            "parents" | "twins" | "couple" | "grandparents" => Some(true),
            _ if words::is_singular_victim(w) && w != "suspect" && w != "gunman" => Some(false),
            _ if w.ends_with('s') && words::is_singular_victim(singular) => Some(true),
            _ => None,
        };
        if let Some(is_plural) = noun {
            plural = Some((is_plural, w));
            // "their infant daughters", "her teen son": a noun that can qualify another.
            if !matches!(w, "infant" | "teen" | "baby" | "twin" | "toddler") {
                i += 1;
                break;
            }
        } else if !(words::is_victim_modifier(w)
            || w.ends_with("-year-old")
            || w.parse::<u64>().is_ok() && at(i + 1) == "-"
            || matches!(w, "other" | "little" | "estranged" | "adult" | "own" | "elderly"))
        {
            break;
        }
        i += 1;
    }
    let count = match plural? {
        (false, _) => number.unwrap_or(1),
        (true, _) if number.is_some() => number?,
        (true, "parents" | "twins" | "couple" | "grandparents") => 2,
        (true, _) => return None,
    };
    // "a woman, 34, and her son" : an age after the noun.
    if at(i) == "," && at(i + 1).parse::<u64>().is_ok() && at(i + 2) == "," {
        i += 2;
    }
    Some((count, i))
}

/// The dead a list of victims counts, where the list is said to have died: "a mother and
/// son were found fatally shot" (two), "killing his wife and their two daughters" (three),
/// "one man and two children dead" (three). A single victim is no list: that is a figure.
/// A headline drops its commas ("mother, boy fatally shot" comes as words), so there the
/// units of a list may stand side by side (`headline`); in a body they need "," or "and".
fn listed_dead(words: &[&str], headline: bool) -> Option<u64> {
    let at = |k: usize| words.get(k).copied().unwrap_or("");
    let fatal_before = |i: usize| {
        matches!(
            at(i.wrapping_sub(1)),
            "killed" | "killing" | "kills" | "murdered" | "murdering"
        ) || matches!(at(i.wrapping_sub(1)), "shot" | "shoots") && at(i.wrapping_sub(2)) == "fatally"
    };
    let fatal_after = |j: usize| {
        let j = past_the_list(words, j);
        matches!(
            at(j),
            "dead" | "killed" | "slain" | "murdered" | "died" | "fatally"
        ) || at(j) == "shot" && (at(j + 1) == "dead" || at(j + 1) == "to" && at(j + 2) == "death")
    };
    listed(words, headline, |start, end| {
        fatal_before(start) || fatal_after(end)
    })
}

/// The wounded a headline's list of victims counts: "10-year-old girl, 14-year-old boy
/// injured in Newport News shooting" (two). Not where the list is said to have died.
fn listed_wounded(headline: &[&str]) -> Option<u64> {
    let at = |k: usize| headline.get(k).copied().unwrap_or("");
    listed(headline, true, |_, end| {
        let j = past_the_list(headline, end);
        matches!(at(j), "injured" | "wounded" | "hurt")
            || at(j) == "shot" && !matches!(at(j + 1), "dead" | "to" | "and" | "fatally" | "killed")
    })
}

/// The wounded a headline tells of one victim or by a bare figure, beside its dead: "1 dead,
/// 6-year-old girl injured", "his passenger is wounded", "4th person critically hurt", "Man
/// fatally shoots girl, injures boy", "shooting that killed 1, hurt 8". Lower-case words,
/// punctuation dropped.
fn headline_wounded(headline: &[&str]) -> Option<u64> {
    let at = |k: usize| headline.get(k).copied().unwrap_or("");
    let hurt = |w: &str| matches!(w, "injured" | "wounded" | "hurt" | "hospitalized");
    // Someone else: not the one who shot ("shot by father"), nor the wounded themself.
    let someone_else = |k: usize| {
        (victim_unit(headline, k).is_some() || small_number(at(k)).is_some())
            && at(k.wrapping_sub(1)) != "by"
            && at(k.wrapping_sub(2)) != "by"
            && !matches!(at(k), "himself" | "herself" | "self")
    };
    // "Man wounded in shooting dies", "toddler injured in accidental shooting has died": the
    // wounded died after all, unless someone else comes between ("State Trooper Wounded, one
    // suspect dead").
    let dies_after = |j: usize| {
        (j + 1..headline.len())
            .take_while(|&k| !someone_else(k))
            .any(|k| matches!(at(k), "dies" | "died" | "dead" | "death" | "pronounced"))
    };
    let fatal = |k: usize| matches!(at(k), "killed" | "dead" | "dies" | "died" | "slain");
    // "girl injured", "passenger is wounded", "person critically hurt"; "3 women killed, man
    // shot", where "shot" is the one the headline does not count among its dead.
    let victim_then_hurt = (0..headline.len()).filter_map(|i| {
        // "15-month-old injured", "others wounded", "several injured".
        let (n, end) = victim_unit(headline, i).or_else(|| {
            let w = at(i);
            let one = w.ends_with("-year-old")
                || w.ends_with("-month-old")
                || matches!(w, "others" | "several" | "multiple")
                    && !(i > 0 && matches!(at(i - 1), "no" | "and"));
            one.then(|| (1, if at(i + 1) == "people" { i + 2 } else { i + 1 }))
        })?;
        let mut j = past_the_list(headline, end);
        while matches!(at(j), "is" | "critically" | "seriously" | "also") {
            j += 1;
        }
        // "survives", "in critical condition", "in hospital", "1 critical".
        let lived = matches!(at(j), "survives" | "critical")
            || at(j) == "in" && (matches!(at(j + 1), "hospital") || at(j + 2) == "condition");
        if lived && !dies_after(j) {
            return Some(n);
        }
        let others_dead = || {
            (0..i).any(fatal)
                || (j + 1..headline.len())
                    .skip_while(|&k| !someone_else(k))
                    .any(fatal)
        };
        let shot = at(j) == "shot"
            && !matches!(at(j + 1), "dead" | "to" | "and" | "fatally" | "killed")
            && !(j + 1..headline.len())
                .take_while(|&k| !someone_else(k))
                .any(fatal)
            && others_dead();
        ((hurt(at(j)) || shot) && !dies_after(j)).then_some(n)
    });
    // "injures boy", "that injured 11-year-old boy", "hurt 8"; not the wounded who died.
    let hurt_then_victim = (0..headline.len()).filter_map(|i| {
        // "also hit second suspect": someone besides the dead.
        let also_hit = i > 0 && at(i - 1) == "also" && matches!(at(i), "hit" | "struck" | "shot");
        if !also_hit
            && !matches!(
                at(i),
                "injures" | "wounds" | "hurts" | "injured" | "wounded" | "hurt"
            )
        {
            return None;
        }
        let next = if matches!(at(i + 1), "second" | "another") {
            i + 2
        } else {
            i + 1
        };
        // A suspect counts among the hurt (no victim, so no list's unit of the dead).
        let suspect = (also_hit && at(next) == "suspect").then_some((1, next + 1));
        let (n, end) = suspect.or_else(|| victim_unit(headline, next)).or_else(|| {
            small_number(at(i + 1))
                .filter(|_| at(i + 2) != "-")
                .map(|n| (n, i + 2))
        })?;
        (!dies_after(end.saturating_sub(1))).then_some(n)
    });
    victim_then_hurt.chain(hurt_then_victim).max()
}

/// Past what may stand between a list of victims and what befell them: ", were found", "both".
fn past_the_list(words: &[&str], mut j: usize) -> usize {
    for _ in 0..3 {
        if matches!(
            words.get(j).copied().unwrap_or(""),
            "," | "were"
                | "was"
                | "found"
                | "both"
                | "all"
                | "have"
                | "has"
                | "been"
                | "later"
                | "who"
                | "are"
        ) {
            j += 1;
        }
    }
    j
}

/// The most a list of two or more victims counts, where `told(start, end)` says what befell
/// the list from `start` to `end`.
fn listed(words: &[&str], headline: bool, told: impl Fn(usize, usize) -> bool) -> Option<u64> {
    let at = |k: usize| words.get(k).copied().unwrap_or("");
    (0..words.len())
        .filter_map(|start| {
            let (mut total, mut units, mut i, mut end) = (0, 0, start, start);
            while let Some((n, unit_end)) = victim_unit(words, i) {
                total += n;
                units += 1;
                (i, end) = (unit_end, unit_end);
                match (at(i), at(i + 1)) {
                    // "kills 4-year-old, then himself".
                    (",", "and" | "then") => i += 2,
                    ("then", _) => i += 1,
                    (",", _) | ("and", _) => i += 1,
                    ("along" | "as", "with" | "well") => i += if at(i) == "as" { 3 } else { 2 },
                    _ if headline => {}
                    _ => break,
                }
            }
            (units >= 2 && told(start, end)).then_some(total)
        })
        .max()
}

/// Raises a toll to exactly `n` where it is smaller or not given: a count the report
/// spells out another way ("a third person has died", a list of the dead).
fn raise_to(count: &mut Option<Count>, n: u64) {
    if count.and_then(|c| c.key()).is_none_or(|k| k < n) {
        *count = Some(Count::exact(n));
    }
}

/// Whether a report's opening says someone was hurt and lived, without a figure: a
/// condition ("in critical condition", "non-life-threatening", "clinging to life"), a verb
/// of injury (where someone died, only one told of someone else: "her grandmother was
/// wounded"), or, where no one died, a hospital ("airlifted", "hospitalized") or a wound
/// ("was shot in the leg", "shot himself", "a gunshot wound", "hit by a stray bullet").
/// Whether the verb of harm at `i` tells of animals: "injured one of the family dogs",
/// "two horses were also hurt". The nearest noun either side is an animal's, not a person's.
fn harms_animals(words: &[&str], i: usize) -> bool {
    let person =
        |w: &str| crate::words::is_victim_noun(w) && w != "family" || crate::words::is_singular_victim(w);
    let after = words[i + 1..(i + 6).min(words.len())]
        .iter()
        .find(|w| crate::words::is_animal(w) || person(w));
    let before = words[i.saturating_sub(4)..i]
        .iter()
        .rev()
        .find(|w| crate::words::is_animal(w) || person(w));
    after.is_some_and(|w| crate::words::is_animal(w))
        || after.is_none() && before.is_some_and(|w| crate::words::is_animal(w))
}

/// Whether a word tells of someone besides a report's dead: "another", "a second", "his
/// wife", "an officer".
fn is_someone_else(word: &str) -> bool {
    matches!(
        word,
        "another"
            | "other"
            | "others"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "also"
            | "two"
            | "three"
            | "officer"
            | "deputy"
            | "grandmother"
            | "mother"
            | "father"
            | "brother"
            | "sister"
            | "wife"
            | "husband"
            | "daughter"
            | "son"
            | "girlfriend"
            | "boyfriend"
            | "friend"
    )
}

/// Whether words tell that the wounded live: "is expected to survive", "is in stable
/// condition", "suffered non-life-threatening injuries", "was released from the hospital",
/// "survived".
fn tells_survival(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, &w)| {
        let next = |k: usize| words.get(i + k).copied().unwrap_or("");
        match w {
            "expected" => {
                next(1) == "to"
                    && (matches!(next(2), "survive" | "recover" | "live")
                        || next(2) == "be" && matches!(next(3), "ok" | "okay" | "fine"))
            }
            "stable" => next(1) == "condition",
            "non-life-threatening" | "survived" | "survives" => true,
            "non" => next(1).starts_with("life"),
            "not" => next(1) == "life-threatening" || next(1) == "life" && next(2) == "-",
            "released" => next(1) == "from",
            "recovering" => i > 0 && matches!(words[i - 1], "is" | "are"),
            _ => false,
        }
    })
}

/// Whether words tell of someone hurt besides the dead, in so many words: "Paylor, who was
/// also shot", "a fourth victim remains hospitalized", "another man was wounded". (A
/// son or a wife further down may well be the dead.)
fn tells_of_another_hurt(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, &w)| {
        let injury = words::kind_verb(w) == Some(ClaimKind::Injured);
        if !injury && !matches!(w, "hit" | "struck" | "grazed" | "shot") {
            return false;
        }
        let clause = clause_start(words, i, 6);
        // Who is told of besides: "also", "another", "a second".
        let Some(marker) = words[clause..i]
            .iter()
            .rposition(|w| matches!(*w, "also" | "another" | "second" | "third" | "fourth" | "fifth"))
            .map(|k| clause + k)
        else {
            return false;
        };
        // "one of the victims was shot inside the house and another was shot outside": the
        // two of a group already told, not someone besides.
        if words[marker] == "another" && words[sentence_start(words, marker)..marker].contains(&"one") {
            return false;
        }
        // "A woman was also hit", "were also struck", "was grazed": a person's, in the passive.
        let passive = |k: usize| k < i && matches!(words[k], "was" | "were");
        let also_passive = words[i.saturating_sub(1)] == "also" && passive(i.wrapping_sub(2));
        // "Paylor, who was also shot during the incident", "A fourth shooting victim was shot
        // twice in the arm": "shot" only of someone besides, as the dead were shot too.
        let besides_shot = also_passive || words[marker] != "also" && passive(i.wrapping_sub(1));
        let hit = match w {
            "hit" | "struck" | "grazed" => passive(i.wrapping_sub(1)) || also_passive,
            "shot" => besides_shot,
            _ => false,
        };
        if !injury && (!hit || struck_a_thing(words, i)) {
            return false;
        }
        let before = i.checked_sub(1).map(|k| words[k]).unwrap_or("");
        // "The toddler also suffered a gunshot wound … and was later pronounced dead": one
        // of the dead after all.
        // ("A man was shot and killed; a second man was critically injured": the semicolon
        // parts the two.)
        let start = words[..i]
            .iter()
            .rposition(|w| matches!(*w, "." | ";"))
            .map_or(0, |k| k + 1);
        let end = words[i..]
            .iter()
            .position(|w| matches!(*w, "." | ";"))
            .map_or(words.len(), |k| i + k);
        // From the one told of besides where they are "another" or "a second": "One
        // firefighter was shot and killed and a second was critically wounded". Not "not
        // fatally wounded".
        let told_from = if words[marker] == "also" {
            start
        } else {
            marker.max(start)
        };
        let dies = (told_from..end).any(|k| {
            matches!(words[k], "dead" | "died" | "dies" | "death" | "killed")
                || words[k] == "fatally" && (k == 0 || words[k - 1] != "not")
        });
        !dies && !matches!(before, "fatally" | "mortally") && !harms_animals(words, i)
    })
}

/// Whether the sentence of word `i` ("struck") tells of a building or a car struck ("Other
/// residences were also struck by gunfire"): one named as where people were ("two others in
/// the home were also shot") is not what was struck.
fn struck_a_thing(words: &[&str], i: usize) -> bool {
    let from = sentence_start(words, i);
    let before = |j: usize| if j > from { words[j - 1] } else { "" };
    let locative = |k: usize| {
        let mut p = k;
        if matches!(before(p), "the" | "a" | "an" | "his" | "her" | "their") {
            p -= 1;
        }
        matches!(
            before(p),
            "in" | "at" | "inside" | "outside" | "near" | "of" | "from" | "into" | "to" | "by"
        )
    };
    (from..i)
        .filter(|&k| !locative(k))
        .any(|k| words::is_building_noun(words[k]) || words::is_struck_thing(words[k]))
}

/// Where the clause of word `i` begins, looking back at most `back` words: after the last
/// comma, full stop, semicolon or colon before it.
fn clause_start(words: &[&str], i: usize, back: usize) -> usize {
    (i.saturating_sub(back)..i)
        .rev()
        .find(|&k| words::is_clause_break(words[k]))
        .map_or(i.saturating_sub(back), |k| k + 1)
}

/// Where the sentence of word `i` begins: after the last full stop before it.
fn sentence_start(words: &[&str], i: usize) -> usize {
    words[..i].iter().rposition(|w| *w == ".").map_or(0, |k| k + 1)
}

fn says_someone_survived(opening: &[&str], no_one_died: bool) -> bool {
    opening.iter().enumerate().any(|(i, &w)| {
        let next = opening.get(i + 1).copied().unwrap_or("");
        let before = if i > 0 { opening[i - 1] } else { "" };
        // Where someone died, a verb of injury may be theirs ("died of an injury"): only one
        // told of someone else ("another man was wounded") says someone lived; and the
        // hospital they were flown to is where they died ("airlifted to University Health").
        let someone_else = || {
            // Within the injury word's clause: "found with gunshot wounds, said officer Jim
            // Poe" tells of no officer hurt.
            let from = clause_start(opening, i, 5);
            let to = (i + 1..(i + 4).min(opening.len()))
                .find(|&k| words::is_clause_break(opening[k]))
                .unwrap_or((i + 4).min(opening.len()));
            // "two men died from gunshot wounds": the wounds of the dead.
            let of_the_dead = opening[i.saturating_sub(3)..i]
                .iter()
                .any(|w| matches!(*w, "died" | "dies" | "die" | "succumbed"));
            !of_the_dead && opening[from..to].iter().any(|w| is_someone_else(w))
        };
        // A state told of someone the sentence names as another than the dead: "His wife was
        // taken to a hospital in critical condition".
        let of_someone_else = || opening[sentence_start(opening, i)..i].iter().any(|w| is_someone_else(w));
        words::kind_verb(w) == Some(ClaimKind::Injured)
            && !matches!(before, "fatally" | "mortally")
            && (no_one_died || someone_else())
            && !harms_animals(opening, i)
            || w == "condition" && matches!(before, "stable" | "fair" | "good")
            // "taken to the hospital in critical condition", where someone died, is most
            // often the dead's last state ("… and pronounced dead at 5:59 p.m.").
            || w == "condition" && matches!(before, "critical" | "serious") && (no_one_died || of_someone_else())
            || w.starts_with("non-life")
            || matches!(w, "recovering" | "coma" | "survived")
            || w == "clinging" && next == "to"
            || no_one_died && matches!(w, "airlifted" | "hospitalized" | "hospitalised")
            // "Woman in hospital after accidental shooting".
            || no_one_died && w == "hospital" && before == "in"
            || w == "treated" && matches!(next, "and" | "for")
            || no_one_died
                && (w == "shot"
                    && !matches!(next, "dead" | "to" | "fatally")
                    // "shot and killed", not "had been shot and was taken to a hospital".
                    && !(next == "and" && opening.get(i + 2).is_some_and(|w| is_fatal_word(w)))
                    && before != "fatally"
                    || w == "shoots"
                    || matches!(w, "bullet" | "bullets") && matches!(before, "a" | "stray" | "by")
                    || matches!(w, "wound" | "wounds") && before == "gunshot"
                    // "fired a gun, which struck a juvenile", "the accidental shooting of a
                    // 3-year-old", "for shooting his nephew", "the victim was a 17-year-old
                    // boy".
                    || w == "struck" && !matches!(next, "by" | "down" | "out")
                    || w == "shooting" && matches!(next, "of" | "his" | "her" | "their")
                    || matches!(w, "victim" | "victims"))
    })
}

/// A toll a headline gives in its own shorthand: "1 dead, 4 injured", "two men killed".
/// A number, up to two words, and a verb of the kind; an age ("Brooklyn boy, 15, dies")
/// is not a toll, and another number ends the search ("5 shot, 1 killed").
/// `title` is lower-cased already.
fn headline_count(title: &str, kind: ClaimKind) -> Option<Count> {
    // Words with whether a comma follows each.
    let words: Vec<(&str, bool)> = title
        .split_whitespace()
        .map(|w| {
            let comma = w.ends_with(',');
            (w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'), comma)
        })
        .filter(|(w, _)| !w.is_empty())
        .collect();
    // Whether a clause ends on each word: a figure there counts nothing the next one tells.
    let stops: Vec<bool> = title
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric() || c == '-'))
        .map(|w| w.ends_with([';', ':']))
        .collect();
    // "shot" alone is headline shorthand for wounded: "4 teens shot"; "shot dead" is not.
    let verb = |j: usize| match words[j].0 {
        // "Four found fatally shot".
        "shot" if j > 0 && matches!(words[j - 1].0, "fatally" | "mortally") => Some(ClaimKind::Killed),
        "shot" => match words.get(j + 1).map(|w| w.0) {
            Some("dead" | "to" | "fatally") => Some(ClaimKind::Killed),
            // "shot and killed", not "shot and wounded".
            Some("and") if words.get(j + 2).is_some_and(|w| is_fatal_word(w.0)) => Some(ClaimKind::Killed),
            // "Two young girls shot, killed by father", "Four people shot in the head,
            // killed": the same ones, before any other figure.
            // Not past a semicolon: "4 men shot while playing dice; 19-year-old killed".
            _ if (j + 1..words.len())
                .take(5)
                .take_while(|&k| small_number(words[k].0).is_none() && !stops[k - 1])
                .any(|k| matches!(words[k].0, "killed" | "slain")) =>
            {
                Some(ClaimKind::Killed)
            }
            _ => Some(ClaimKind::Injured),
        },
        w => words::kind_verb(w),
    };
    words.iter().enumerate().find_map(|(i, &(w, comma))| {
        let n = small_number(w)?;
        // "Teen, 15, shot", "Dead at 25; Shot Himself", "3 year old injured": ages.
        let before = if i > 0 {
            words[i - 1].0.to_lowercase()
        } else {
            String::new()
        };
        let next = words.get(i + 1).map_or("", |w| w.0);
        let age = comma && i > 0 && words[i - 1].1
            || matches!(before.as_str(), "at" | "age" | "aged")
            || next.to_lowercase().starts_with("year");
        if age || stops[i] {
            return None;
        }
        // "Shooting wounds 2 females", "Gunman kills 3": the verb before the number;
        // "hits his two young sons", "strikes 3": hit by gunfire, wounded.
        let v = match before.as_str() {
            "his" | "her" | "their" if i > 1 => i - 2,
            _ => i.wrapping_sub(1),
        };
        let active = i > 0
            && matches!(
                words[v].0,
                "kills" | "wounds" | "injures" | "killed" | "wounded" | "injured" | "hits" | "strikes"
            )
            && !words[v].1
            && !stops[v];
        if active {
            let verb_kind = match words[v].0 {
                "hits" | "strikes" => Some(ClaimKind::Injured),
                w => words::kind_verb(w),
            };
            return (verb_kind == Some(kind)).then(|| Count::exact(n));
        }
        let j = (i + 1..(i + 4).min(words.len()))
            .take_while(|&j| small_number(words[j].0).is_none())
            .find(|&j| verb(j).is_some())
            .filter(|&j| verb(j) == Some(kind))?;
        // "5 people shot, 1 fatally", "5 shot, 1 killed": the wounded are the rest.
        let fatal = (words[j].0 == "shot" && kind == ClaimKind::Injured)
            .then(|| {
                (j + 1..words.len().saturating_sub(1))
                    .find(|&k| words[k + 1].0 == "fatally")
                    .and_then(|k| small_number(words[k].0))
                    .or_else(|| headline_count(title, ClaimKind::Killed).and_then(|c| c.best))
            })
            .flatten()
            .filter(|&dead| dead < n);
        Some(Count::exact(n - fatal.unwrap_or(0)))
    })
}

/// A count a headline spells: digits, or a number word up to twelve.
fn small_number(word: &str) -> Option<u64> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ];
    if let Some(i) = WORDS.iter().position(|&w| w == word) {
        return Some(i as u64 + 1);
    }
    word.parse()
        .ok()
        .filter(|&n: &u64| (1..1000).contains(&n) && word.len() != 4)
}

fn is_event_word(word: &str) -> bool {
    cause_of(&[word]).is_some()
        || matches!(
            word,
            "attack" | "attacks" | "strike" | "strikes" | "massacre" | "clashes"
        )
}

fn cause_of(text_words: &[&str]) -> Option<String> {
    // Each word's rank in CAUSES, looked up once: a word list, not a scan a word.
    static RANKS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, usize>> =
        std::sync::LazyLock::new(|| {
            let mut ranks = rustc_hash::FxHashMap::default();
            for (rank, (cue, _)) in CAUSES.iter().enumerate() {
                for word in *cue {
                    ranks.entry(*word).or_insert(rank);
                }
            }
            ranks
        });
    // The cause the headline and opening name first: copy says what happened before it
    // says where ("shot … at a gas station", "airlifted by a medical helicopter").
    // A few cues are everyday words too: "gas station", "air mattress", "a medical
    // helicopter", "a friend of mine".
    let everyday = |i: usize| {
        let before = if i > 0 { text_words[i - 1] } else { "" };
        let after = text_words.get(i + 1).copied().unwrap_or("");
        match text_words[i] {
            // A gun is a shooting's only where it went off: "fires gun, hits his two sons",
            // "gun goes off" (not "a gun show", "gun laws").
            "gun" => {
                !matches!(before, "fires" | "fired" | "firing")
                    && !matches!(
                        after,
                        "goes" | "went" | "discharged" | "discharges" | "fired" | "fires"
                    )
            }
            // "an apparent suicide attempt" is no bombing.
            "suicide" => !matches!(
                after,
                "bomber"
                    | "bombers"
                    | "bombing"
                    | "bombings"
                    | "attack"
                    | "attacks"
                    | "attacker"
                    | "car"
                    | "vest"
                    | "belt"
                    | "blast"
            ),
            "gas" => {
                !matches!(after, "attack" | "attacks" | "bombs" | "shells")
                    && !matches!(
                        before,
                        "poison" | "nerve" | "toxic" | "chlorine" | "sarin" | "mustard"
                    )
            }
            "air" => !matches!(
                after,
                "strike" | "strikes" | "raid" | "raids" | "attack" | "attacks" | "force"
            ),
            "helicopter" | "helicopters" => matches!(before, "medical" | "police" | "news" | "medevac"),
            "mine" => before == "of",
            _ => false,
        }
    };
    (0..text_words.len())
        .find_map(|i| RANKS.get(text_words[i]).copied().filter(|_| !everyday(i)))
        .map(|rank| CAUSES[rank].1.to_string())
}

/// Words of a court or an arrest, that a report on a shooting long past opens with.
fn is_court_word(word: &str) -> bool {
    matches!(
        word,
        "pleaded"
            | "pleads"
            | "plead"
            | "sentenced"
            | "sentencing"
            | "indicted"
            | "indictment"
            | "convicted"
            | "trial"
            | "jury"
            | "jurors"
            | "arraigned"
            | "verdict"
            | "guilty"
            | "acquitted"
            | "lawsuit"
            | "anniversary"
    )
}

/// What a day in copy dates, by the nearest telling word before it in its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Told {
    /// The shooting: "was shot Thursday", "the shooting happened Sunday morning".
    Incident,
    /// What came after it: "died Friday", "appeared in court Monday", "identified … on
    /// Monday", "a news conference Monday".
    Aftermath,
    Other,
}

/// The first of `days` that tells `told`.
fn first_told(days: &[(NaiveDate, Told)], told: Told) -> Option<NaiveDate> {
    days.iter().find(|(_, t)| *t == told).map(|&(d, _)| d)
}

fn what_a_day_dates(a: &Analysis<'_>, t: &crate::time::TimeExpr) -> Told {
    /// How many words before a day its telling word may be.
    const REACH: usize = 6;
    // A day that names the shooting ("charged in the Saturday afternoon shooting") dates it,
    // whatever came of it; "a Labor Day shooting" may be another.
    let another = t.start > 0 && matches!(a.lower(t.start - 1), "a" | "an");
    let next = (t.end..a.tokens.len()).find(|&k| {
        !matches!(
            a.lower(k),
            "morning" | "afternoon" | "evening" | "night" | "overnight"
        )
    });
    if !another
        && next.is_some_and(|k| {
            matches!(
                a.lower(k),
                "shooting" | "shootings" | "slaying" | "killing" | "homicide" | "drive-by" | "gunfire"
            )
        })
    {
        return Told::Incident;
    }
    let clause = a.clause_of[t.start];
    (t.start.saturating_sub(REACH)..t.start)
        .rev()
        .take_while(|&k| a.clause_of[k] == clause)
        .find_map(|k| match a.lower(k) {
            "shot" | "shooting" | "shootings" | "gunfire" | "fired" | "killed" | "slain" | "wounded"
            | "happened" | "occurred" | "struck" => Some(Told::Incident),
            "died" | "dies" | "identified" | "arrested" | "custody" | "charged" | "court" | "appeared"
            | "conference" | "hearing" | "vigil" | "funeral" | "announced" | "released" => {
                Some(Told::Aftermath)
            }
            w if is_court_word(w) => Some(Told::Aftermath),
            _ => None,
        })
        .unwrap_or(Told::Other)
}

/// The month a report dates the shooting it tells of by, as its first and last day: a
/// month named in the opening, in a sentence that tells of a shooting or a death ("the
/// shooting death of his girlfriend back in April", "found last month with a gunshot
/// wound"), wholly over a week and at most about a year before the report. Not a month of
/// the court's ("will be sentenced in May") nor one a running total covers. Else the year
/// before the report's, for one that dates it only so: "charged in the shooting death of a
/// man last year"; or a year up to [`FOLLOWED_UP_YEARS`] back: "pleaded guilty to killing
/// four … in 2015".
fn dated_by_month_or_year(
    a: &Analysis<'_>,
    report_day: Option<NaiveDate>,
    opening_end: usize,
) -> Option<(NaiveDate, NaiveDate)> {
    let day = report_day?;
    let in_opening = || a.times.iter().filter(|t| t.start < opening_end && !t.since);
    let span = |t: &crate::time::TimeExpr| {
        let period = resolve(t.value, day)?;
        Some((period.start?, period.end?))
    };
    let month = in_opening().find_map(|t| {
        if !matches!(t.value, TimeValue::Month { .. } | TimeValue::MonthsAgo(_)) {
            return None;
        }
        let (first, last) = span(t)?;
        let past = (day - last).num_days();
        let dates = dates_a_shooting(a, t, &["since", "so", "total", "year"]);
        (FOLLOWED_UP.contains(&past) && (last - first).num_days() < 31 && dates).then_some((first, last))
    });
    month.or_else(|| {
        in_opening()
            .filter(|t| match t.value {
                TimeValue::YearsAgo(1) => true,
                // "a robbery at an Ohio home in 2015", in a report of 2017.
                // Not a year that describes something else: "a 2012 graduate".
                TimeValue::Year(y) => {
                    let described = t.start > 0 && matches!(a.lower(t.start - 1), "a" | "an");
                    (1..=FOLLOWED_UP_YEARS).contains(&(day.year() - y)) && !described
                }
                _ => false,
            })
            .find(|t| dates_a_shooting(a, t, &["since", "so", "total"]))
            .and_then(span)
    })
}

/// Whether a time dates a shooting its sentence tells of: a shooting or a death is told
/// there, none of `totals` ("since", "so far"), and no court's word just before it ("will
/// be sentenced in May").
fn dates_a_shooting(a: &Analysis<'_>, t: &crate::time::TimeExpr, totals: &[&str]) -> bool {
    let Some(sentence) = a.sentences.get(a.sentence_of[t.start]).cloned() else {
        return false;
    };
    let tells = sentence.clone().any(|k| {
        let w = a.lower(k);
        is_fatal_word(w)
            || matches!(
                w,
                "shot" | "shooting" | "shootings" | "wounded" | "death" | "homicide"
            )
    });
    let summed = sentence.clone().any(|k| totals.contains(&a.lower(k)));
    let court = (t.start.saturating_sub(3)..t.start).any(|k| is_court_word(a.lower(k)));
    tells && !summed && !court
}

/// The day a report dates a shooting in full, with its year, in a sentence that tells of
/// it ("Bourda was killed June 5, 2014"), at least a week and at most about a year before
/// the report: the day of the shooting a follow-up is about. Older shootings a report
/// recalls are others ("the 2012 theater shooting"); a stamp of the copy's own is no such day.
fn dated_in_full(a: &Analysis<'_>, report_day: Option<NaiveDate>) -> Option<NaiveDate> {
    let day = report_day?;
    a.times.iter().find_map(|t| {
        let when = t.full_date()?;
        let sentence = a.sentences.get(a.sentence_of[t.start])?.clone();
        let tells = sentence
            .clone()
            .any(|k| is_fatal_word(a.lower(k)) || matches!(a.lower(k), "shot" | "shooting" | "wounded"));
        let court = sentence.clone().any(|k| is_court_word(a.lower(k)));
        let past = (day - when).num_days();
        (FOLLOWED_UP.contains(&past) && tells && !court && !is_stamp(a, t)).then_some(when)
    })
}

/// The day a report names a shooting by, before the report's own and at most about a year
/// before it: "the Feb. 28 shooting", "a March 7 drive-by", "the July 29, 2014, slaying".
fn named_shooting_day(a: &Analysis<'_>, report_day: Option<NaiveDate>) -> Option<NaiveDate> {
    let day = report_day?;
    a.times.iter().find_map(|t| {
        if !matches!(t.value, TimeValue::Day { .. }) || is_stamp(a, t) || t.start == 0 {
            return None;
        }
        let article = matches!(a.lower(t.start - 1), "the" | "a" | "an" | "that" | "last");
        let after = if a.lower(t.end) == "," { t.end + 1 } else { t.end };
        let shooting = matches!(
            a.lower(after),
            "shooting"
                | "shootings"
                | "homicide"
                | "killing"
                | "slaying"
                | "murder"
                | "drive-by"
                | "double"
                | "triple"
                | "fatal"
                | "deadly"
        );
        let when = resolve(t.value, day)?.start?;
        let past = (day - when).num_days();
        (article && shooting && (1..=*FOLLOWED_UP.end()).contains(&past)).then_some(when)
    })
}

/// How many days before a report's stamp a bare weekday resolves to when it names the
/// day after the stamp.
const STALE_WEEKDAY_DAYS: i64 = 6;

/// Whether a time is a bare weekday that names the day after the report's stamp rather
/// than six days before it ([`STALE_WEEKDAY_DAYS`]).
fn is_day_after_stamp(t: &crate::time::TimeExpr, day: NaiveDate) -> bool {
    matches!(t.value, TimeValue::Weekday(_))
        && resolve(t.value, day)
            .and_then(|p| p.start)
            .is_some_and(|d| (day - d).num_days() == STALE_WEEKDAY_DAYS)
}

/// Whether a time is the copy's stamp of when it was written or revised: "Posted: Sunday,
/// August 17, 2014", "Updated: …", "UPDATE (March 1, 2017 …)", "(Published Thursday, June
/// 23, 2016)"; or a full date alone in brackets: "(01/25/16) - A toddler has been killed".
pub(crate) fn is_stamp(a: &Analysis<'_>, t: &crate::time::TimeExpr) -> bool {
    let bracketed =
        t.full_date().is_some() && t.start > 0 && a.lower(t.start - 1) == "(" && a.lower(t.end) == ")";
    bracketed
        || (t.start.saturating_sub(4)..t.start).any(|k| {
            matches!(
                a.lower(k),
                "posted" | "published" | "updated" | "update" | "created"
            )
        })
}

/// Whether a claim states a war-wide or long-past total: "since the conflict began".
fn is_background(a: &Analysis<'_>, figure: &Figure, claim: &Claim, report_day: Option<NaiveDate>) -> bool {
    if let (Some(end), Some(day)) = (claim.period.end, report_day) {
        if (day - end).num_days() > BACKGROUND_DAYS {
            return true;
        }
    }
    // A figure over more than a month up to now ("since June", "so far this year") is a
    // running total, not an incident's.
    if let (Some(start), Some(end), Some(day)) = (claim.period.start, claim.period.end, report_day) {
        if (end - start).num_days() > 31 && (day - end).num_days() <= 1 {
            return true;
        }
    }
    let sentence = &a.sentences[a.sentence_of[figure.tokens.start]];
    let words: Vec<&str> = sentence.clone().map(|k| a.lower(k)).collect();
    let war_years = words.windows(3).any(|w| w[0] == "years" && w[1] == "of")
        || words.windows(3).any(|w| {
            matches!(w[0], "in" | "during" | "throughout")
                && matches!(w[1], "the" | "syria's" | "syrias")
                && matches!(w[2], "war" | "conflict" | "uprising" | "crisis")
        });
    // A toll of a hundred thousand is a war's, not an incident's.
    if claim.kind == ClaimKind::Killed && claim.count.and_then(|c| c.key()).is_some_and(|n| n >= 100_000) {
        return true;
    }
    let war_word = |w: &str| {
        matches!(
            w,
            "war" | "conflict" | "uprising" | "start" | "beginning" | "began" | "crisis" | "revolution"
        )
    };
    war_years
        || words.windows(2).any(|w| {
            w[0] == "since" && (matches!(w[1], "2011" | "march" | "a" | "an" | "then") || war_word(w[1]))
        })
        || words.windows(3).any(|w| {
            w[0] == "since" && matches!(w[1], "the" | "its" | "syria's" | "syrias") && war_word(w[2])
        })
        || words.windows(3).any(|w| {
            matches!(w[0], "war" | "conflict" | "uprising")
                && matches!(w[1], "has" | "have" | "had")
                && matches!(w[2], "killed" | "left" | "claimed")
        })
}

impl Extractor {
    /// Whether victims are fighters: "IS militants", "Ahrar al-Sham members", "troops".
    fn is_combatant(&self, victims: Option<&str>) -> bool {
        let Some(victims) = victims else { return false };
        victims
            .split_whitespace()
            .any(|w| words::is_combatant_noun(&w.to_lowercase()))
            || self.actors.find(victims).iter().any(|m| {
                let entry = &self.actors.entries[m.entry];
                entry.can_perpetrate() && entry.actor_type != tally_core::ActorType::StateForces
                    || matches!(entry.name.as_str(), "Syrian government" | "Iraqi forces")
            })
    }

    /// Picks the lead: the opening's figures, civilians first; else the first figures further
    /// down; else, where the opening reports an attack without a figure, the event alone.
    pub(crate) fn find_lead(
        &self,
        a: &Analysis<'_>,
        claims: &[(Claim, Figure)],
        title: Option<&str>,
        report_day: Option<NaiveDate>,
        default_place: Option<&Place>,
        people: &[NamedPerson],
    ) -> Option<Lead> {
        // A round-up's totals ("13 people shot in three separate shootings") are an
        // aggregate of incidents, never one incident's toll.
        let sentence_words = |s: usize| a.sentences[s].clone().map(|k| a.lower(k)).collect::<Vec<_>>();
        let headline = title.map(str::to_lowercase).unwrap_or_default();
        let headline_words = headline_words_of(&headline);
        let title_roundup = is_roundup(&headline_words);
        // The opening and the sentences after it are counted below the page's furniture.
        let skip = furniture_sentences(a, &headline);
        let (opening_sentences, lead_sentences, far_sentences) = (
            OPENING_SENTENCES + skip,
            LEAD_SENTENCES + skip,
            FAR_SENTENCES + skip,
        );
        // Each usable claim with its sentence and whether its victims are fighters.
        let usable: Vec<(&Claim, usize, bool)> = claims
            .iter()
            .filter(|(c, f)| c.count.is_some_and(|n| n.per.is_none()) && !is_background(a, f, c, report_day))
            .filter(|(_, f)| !is_roundup(&sentence_words(a.sentence_of[f.tokens.start])))
            .map(|(c, f)| {
                (
                    c,
                    a.sentence_of[f.tokens.start],
                    self.is_combatant(c.victims.as_deref()),
                )
            })
            .collect();
        let in_first = |n: usize, kind: ClaimKind, combatants: bool| -> Vec<(&Claim, usize)> {
            usable
                .iter()
                .filter(|&&(c, s, fighters)| s < n && c.kind == kind && fighters == combatants)
                .map(|&(c, s, _)| (c, s))
                .collect()
        };
        let key = |c: &Claim| c.count.and_then(|n| n.key()).unwrap_or(0);
        // "in a separate strike", "elsewhere", "meanwhile", "a second raid": another incident
        // than the lead's.
        let other_incident = |s: usize| {
            a.sentences[s].clone().any(|k| {
                matches!(a.lower(k), "separate" | "elsewhere" | "meanwhile" | "another")
                    || matches!(a.lower(k), "second" | "third")
                        && (is_event_word(a.lower(k + 1))
                            || matches!(
                                a.lower(k + 1),
                                "raid" | "shooting" | "bombing" | "blast" | "incident"
                            ))
                        && k > 0
                        && matches!(a.lower(k - 1), "a" | "in")
            })
        };
        // A sentence far down that tells of the report's own shooting: "the shooting that
        // killed a 16-year-old girl and wounded three other teens", "Three others were
        // wounded". Not a count over a year, a quote, or people unhurt.
        let tells_of_this_shooting = |s: usize| {
            let words: Vec<&str> = a.sentences[s].clone().map(|k| a.lower(k)).collect();
            let this = words
                .windows(2)
                .any(|w| w[0] == "the" && matches!(w[1], "shooting" | "incident" | "attack"))
                || words.iter().any(|w| matches!(*w, "other" | "others" | "also"));
            let apart = words.iter().any(|w| {
                matches!(
                    *w,
                    "year" | "years" | "months" | "past" | "since" | "not" | "\"" | "“" | "”"
                )
            });
            this && !apart
        };
        // Whether sentence `s` has any of `words` (lower case).
        let sentence_says =
            |s: usize, words: &[&str]| a.sentences[s].clone().any(|k| words.contains(&a.lower(k)));
        let plainly_other = |s: usize| other_incident(s) && !sentence_says(s, &["another"]);
        let main_told = usable.iter().any(|&(c, s, _)| {
            s < lead_sentences
                && matches!(c.kind, ClaimKind::Killed | ClaimKind::Injured)
                && !other_incident(s)
        });
        let vague = |c: &Claim| c.count.is_some_and(|n| n.qualifier == Qualifier::Vague);
        let pick = |kind: ClaimKind, combatants: bool| -> Option<&Claim> {
            let mut found = in_first(opening_sentences, kind, combatants);
            // An opening that tells only "several people" leaves the figure to the sentences
            // after it: "sent several people to the hospital ... five people were shot".
            if found.iter().all(|&(c, _)| vague(c)) {
                found = in_first(lead_sentences, kind, combatants);
            }
            if found.iter().all(|&(c, _)| vague(c)) && !main_told {
                found = in_first(far_sentences, kind, combatants);
                found.retain(|&(_, s)| tells_of_this_shooting(s));
            }
            // Figures of another incident stand in only where the report gives no other toll;
            // "another" ("another 12 were wounded") may well be more of the same.
            if found.iter().any(|(_, s)| !other_incident(*s)) {
                found.retain(|(_, s)| !other_incident(*s));
            } else if main_told {
                found.retain(|(_, s)| !plainly_other(*s));
            }
            // Where the report separates civilians, theirs is the toll; of several, the largest
            // (a total over its parts, a toll over an earlier one).
            let civilians: Vec<&Claim> = found
                .iter()
                .map(|(c, _)| *c)
                .filter(|c| has_word(c.victims.as_deref(), &["civilians", "civilian"]))
                .collect();
            let mut pool: Vec<&Claim> = if civilians.is_empty() {
                found.iter().map(|(c, _)| *c).collect()
            } else {
                civilians
            };
            // "Several people were shot" is coded by convention; "six people were shot" says.
            if pool.iter().any(|c| !vague(c)) {
                pool.retain(|c| !vague(c));
            }
            pool.into_iter().max_by_key(|c| key(c))
        };
        let mut killed = pick(ClaimKind::Killed, false);
        let mut combatants = pick(ClaimKind::Killed, true);
        // A figure also given for fighters ("kill 8" in the headline, "8 IS militants" below)
        // is the fighters' toll.
        let fighter_figures: Vec<u64> = usable
            .iter()
            .filter(|&&(c, s, fighters)| s < lead_sentences && c.kind == ClaimKind::Killed && fighters)
            .filter_map(|(c, _, _)| c.count.and_then(|n| n.key()))
            .collect();
        if killed.is_some_and(|c| {
            c.count
                .and_then(|n| n.key())
                .is_some_and(|n| fighter_figures.contains(&n))
        }) {
            combatants = combatants.or(killed);
            killed = None;
        }
        // The lead has one count of wounded: fighters' where no one else's is told ("2
        // officers injured in attempted robbery").
        let injured = pick(ClaimKind::Injured, false)
            .or_else(|| pick(ClaimKind::Injured, true))
            // "The shooting also injured four other men", told far down a report of a death.
            .or_else(|| {
                in_first(usize::MAX, ClaimKind::Injured, false)
                    .into_iter()
                    // "Three others were wounded": the others are those beside the dead.
                    .filter(|&(c, s)| {
                        !other_incident(s)
                            && !vague(c)
                            && (sentence_says(s, &["also"])
                                || s < far_sentences && has_word(c.victims.as_deref(), &["other", "others"]))
                            && sentence_says(s, &["other", "others"])
                    })
                    .map(|(c, _)| c)
                    .next()
            });
        // Where the first `n` sentences end.
        let end_of_sentences = |n: usize| {
            a.sentences
                .get(n.min(a.sentences.len()).saturating_sub(1))
                .map_or(0, |s| s.end)
        };
        // Where the first `n` sentences of the report's own voice end, quoted speech not
        // counted: a neighbour's five short sentences ("I don't like it. This is way too
        // close. …") date no more than one.
        let end_of_told_sentences = |n: usize| {
            let speech = |s: &std::ops::Range<usize>| {
                let first = s.clone().find(|&k| a.tokens[k].is_word());
                first.is_some_and(|k| a.quote_holding(k).is_some())
            };
            let mut told = 0;
            let mut end = 0;
            for s in &a.sentences {
                if told == n {
                    break;
                }
                end = s.end;
                if !speech(s) {
                    told += 1;
                }
            }
            end
        };
        let opening_end = end_of_sentences(opening_sentences);
        // A round-up headline's shorthand is a total too.
        let (title_lower, mut opening): (&str, Vec<&str>) = if title_roundup {
            ("", Vec::new())
        } else {
            (&headline, headline_words)
        };
        let title_words = opening.len();
        let mut shouted = shouted_lines(a);
        for s in &a.sentences[..skip] {
            shouted[s.clone()].fill(true);
        }
        opening.extend((0..opening_end).filter(|&k| !shouted[k]).map(|k| a.lower(k)));
        // "88 dead in two days of clashes": dead of no stated kind in a battle are fighters,
        // where the opening names no civilians.
        let battle = opening.iter().any(|w| {
            matches!(
                *w,
                "clashes" | "fighting" | "battle" | "battles" | "ambush" | "offensive" | "combat"
            )
        });
        let civilian_words = opening
            .iter()
            .any(|w| matches!(*w, "civilian" | "civilians" | "children" | "women" | "residents"));
        let generic = |c: &Claim| {
            c.victims
                .as_deref()
                .is_none_or(|v| matches!(v.to_lowercase().as_str(), "dead" | "killed"))
        };
        if battle && !civilian_words && killed.is_some_and(generic) {
            combatants = combatants.or(killed);
            killed = None;
        }
        // A report on a whole campaign ("the coalition's bombing campaign is responsible for
        // most civilian deaths"), with no figure in its opening, has no lead incident.
        let opening_figures = usable.iter().any(|&(_, s, _)| s < opening_sentences);
        let first_sentence = a.sentences.get(skip).cloned().unwrap_or_default();
        let campaign = first_sentence
            .clone()
            .any(|k| matches!(a.lower(k), "campaign" | "siege" | "offensive"));
        if campaign && !opening_figures {
            return None;
        }
        // The sentences after the opening as far down as a figure is looked for where the lead
        // sentences count no one: where someone else hurt may be told ("… were also struck
        // by bullets").
        let further_on: Vec<&str> = (opening_end..end_of_sentences(far_sentences))
            .filter(|&k| !shouted[k])
            .map(|k| a.lower(k))
            .collect();
        // Of them, those as far down as a lead figure is looked for.
        let further = &further_on[..(opening_end..end_of_sentences(lead_sentences))
            .filter(|&k| !shouted[k])
            .count()];
        // In a round-up, a death its totals tell ("A man was killed and seven others were
        // wounded in shootings since Saturday") is no death of its lead's.
        let totals: Vec<bool> = (0..title_words)
            .map(|_| false)
            .chain(
                (0..opening_end)
                    .filter(|&k| !shouted[k])
                    .map(|k| title_roundup && is_roundup(&sentence_words(a.sentence_of[k]))),
            )
            .collect();
        let opening_fatal = (0..opening.len()).any(|i| !totals[i] && tells_a_death(&opening, i));
        // An opening that tells a death and counts nothing, not even a rate ("an average of
        // 40 a day"), tells of one incident: "Ex-firefighter killed boy, wife, himself".
        let uncounted_death = opening_fatal
            && !claims
                .iter()
                .any(|(_, f)| a.sentence_of[f.tokens.start] < opening_sentences);
        // An opening that tells a death without saying how ("police release names of
        // woman, toddler murdered") takes its cause from the sentences after it.
        let cause = cause_of(&opening).or_else(|| opening_fatal.then(|| cause_of(further)).flatten());
        let main = killed.or(combatants).or(injured);
        if main.is_none() && cause.is_none() && !uncounted_death && !opening.iter().any(|w| is_event_word(w))
        {
            return None;
        }
        let part = |wanted: &[&str]| {
            usable
                .iter()
                .filter(|&&(c, s, _)| s < lead_sentences && c.kind == ClaimKind::Killed)
                // "women and children" counts neither apart.
                .find(|(c, _, _)| {
                    has_word(c.victims.as_deref(), wanted)
                        && !c
                            .victims
                            .as_deref()
                            .is_some_and(|v| v.contains(" and ") || v.contains(" or "))
                })
                .and_then(|(c, _, _)| c.count.and_then(|n| n.key()))
        };
        // "police said Monday" dates a statement; "the shooting was reported March 26" dates
        // the shooting.
        // "police said Friday" dates a statement; "police said Friday's shooting …" a
        // shooting.
        let statement = |t: &crate::time::TimeExpr| {
            let possessive = a.lower(t.end - 1).ends_with("'s") || a.lower(t.end - 1).ends_with("\u{2019}s");
            !possessive
                && (t.start.saturating_sub(2)..t.start).any(|k| {
                    words::is_reporting_verb(a.lower(k))
                        && !(k > 0 && matches!(a.lower(k - 1), "was" | "were"))
                })
        };
        // The days named before `end`, each with what it dates; none after the report's day,
        // nor the copy's stamps of its own ("UPDATE (March 1, 2017 11:30 a.m.)", "Updated:
        // Sunday, October 26, 2014"), which say when it was written, not when the shooting
        // was ("Thursday").
        let days_before = |end: usize| -> Vec<(NaiveDate, Told)> {
            let Some(day) = report_day else {
                return Vec::new();
            };
            a.times
                .iter()
                .filter(|t| t.start < end && t.is_day() && !is_stamp(a, t))
                .filter(|t| !statement(t))
                .filter(|t| !is_day_after_stamp(t, day))
                .filter_map(|t| Some((resolve(t.value, day)?.start?, what_a_day_dates(a, t))))
                .filter(|&(d, _)| d < day)
                .collect()
        };
        // A weekday six days before the stamp is more often the day after it: the copy was
        // revised the next morning ("late Sunday … from Sunday morning to early Monday" on
        // a page stamped Sunday).
        let stale = |d: NaiveDate| {
            report_day.is_some_and(|day| {
                (day - d).num_days() == STALE_WEEKDAY_DAYS
                    && a.times.iter().any(|t| is_day_after_stamp(t, day))
            })
        };
        let days = days_before(opening_end);
        let told = |told: Told| first_told(&days, told);
        // A follow-up whose opening dates only what came after ("was arrested Monday …
        // taken into custody on Monday") may date the shooting, before that, a little
        // further down: "Police said the shooting was reported March 26"; or, where no day
        // there is the shooting's, by a day before the arrest that dates nothing else ("for
        // shooting Rohan Levy … near Lenox Road around 2:30 p.m. Feb. 20").
        let shooting_further = told(Told::Aftermath).and_then(|after| {
            let end = end_of_told_sentences(lead_sentences + FURTHER_SENTENCES);
            let further = days_before(end);
            first_told(&further, Told::Incident)
                .filter(|&d| d <= after)
                .or_else(|| first_told(&further, Told::Other).filter(|&d| d < after))
        });
        // The figure's own day, unless it is only the day of the report ("is dead"), or only
        // the day of what followed while the copy names the shooting's ("was arrested
        // Monday in connection with a shooting that left a boy dead ... the shooting was
        // reported March 26"): then a day the copy names says better when it happened.
        let date = main
            .and_then(|c| match (c.period.start, c.period.end) {
                (Some(start), Some(end)) if start == end => Some(start),
                _ => None,
            })
            .filter(|&d| Some(d) != report_day && !stale(d))
            .filter(|&d| {
                let shooting_named = told(Told::Incident).is_some() || shooting_further.is_some();
                !shooting_named || !days.iter().any(|&(e, t)| e == d && t == Told::Aftermath)
            })
            .or_else(|| {
                // The shooting's own day before one the copy gives nothing of, and that
                // before the day of what came after ("appeared in court Monday").
                // (A day further down that dates the shooting of a follow-up comes before
                // one of the opening's that dates nothing: "was booked into the jail on
                // Monday".)
                let in_opening = told(Told::Incident)
                    .or(shooting_further)
                    .or_else(|| told(Told::Other));
                // An opening of captions and clock times ("opened fire about 9:10 p.m.")
                // leaves the day to the lead's sentences, where one dates the shooting
                // itself: "Four men were shot in a drive-by Wednesday night". So does one
                // that dates only what came after ("was charged Monday … accused of
                // shooting the victim … on December 11").
                let below = || days_before(end_of_told_sentences(lead_sentences));
                in_opening
                    .or_else(|| first_told(&below(), Told::Incident))
                    .or_else(|| told(Told::Aftermath))
                    .or_else(|| {
                        // Else a day that dates nothing else, as long as it is a fresh one:
                        // "The incident happened at a home near Laurel on New Years Eve" in
                        // a report of 4 January.
                        first_told(&below(), Told::Other)
                            .filter(|&d| report_day.is_some_and(|r| (r - d).num_days() <= FRESH_DAYS))
                    })
            })
            .or(report_day);
        // A follow-up (a plea, a trial, a sentence) dates its shooting in full
        // further down: "was killed June 5, 2014", "the Sept. 15, 2015 shooting".
        // ("A convicted felon is back behind bars" tells of an old trial, not this story's.)
        let follow_up = opening.iter().enumerate().any(|(i, w)| {
            is_court_word(w)
                && !(*w == "convicted" && opening.get(i + 1).is_some_and(|n| n.starts_with("felon")))
        });
        // So is one whose opening names no day at all ("Police seek new leads … anyone with
        // information about the Nov. 26, 2016 shooting"). A day the opening names counts only
        // where it is before the report's own and no statement's ("pleaded guilty Wednesday"
        // on the report's day names none).
        let no_day_told = |date: Option<NaiveDate>| date == report_day && days.is_empty();
        let date = if follow_up || no_day_told(date) {
            dated_in_full(a, report_day).or(date)
        } else {
            date
        };
        // A report that gives no day but its own, and tells of a shooting last month or
        // back in April, dates it by that month: its first and last day.
        // So is a follow-up whose opening dates only what followed, down to the year alone
        // ("pleaded guilty Tuesday to killing four … in 2015").
        let month = (no_day_told(date) || follow_up && date == report_day && told(Told::Incident).is_none())
            .then(|| dated_by_month_or_year(a, report_day, opening_end))
            .flatten()
            .or_else(|| {
                // Nor one whose opening dates no shooting and whose headline dates it by a
                // month before the report's: "Police seek new leads in November shooting of
                // 11-year-old boy", in January. A day of that month the copy gives further
                // down ("on October 23") says more.
                let day = report_day.filter(|_| told(Told::Incident).is_none())?;
                let period = resolve(crate::time::month_in_headline(&headline)?, day)?;
                let (first, last) = (period.start?, period.end?);
                let within = date.is_some_and(|d| (first..=last).contains(&d));
                (!within && last < day && FOLLOWED_UP.contains(&(day - last).num_days()))
                    .then_some((first, last))
            });
        let (date, date_end) = match month {
            Some((first, last)) => (Some(first), Some(last)),
            None => (date, None),
        };
        // Nor one the copy dates at all, whose headline dates the shooting by a holiday ("Boy
        // charged in fatal New Year's Eve shooting"): the holiday last before the report; or
        // by a day of the week ("Man killed in Saturday night shooting"): the last such day,
        // a fresh one.
        // A holiday's shooting a later report follows up ("Identities of Christmas night
        // shooting victims released … a report Monday") is dated by the holiday where the
        // opening gives the shooting no day of its own.
        // The last such day up to the report's, within `within` days of it.
        let last_before = |value: Option<TimeValue>, within: i64| {
            let day = report_day?;
            resolve(value?, day)?
                .start
                .filter(|&d| (0..=within).contains(&(day - d).num_days()))
        };
        let holiday = last_before(crate::time::holiday_in_headline(&headline), HOLIDAY_DAYS);
        let undated = no_day_told(date) && date_end.is_none()
            || holiday.is_some() && told(Told::Incident).is_none() && date_end.is_none();
        let date = if report_day.is_some() && undated {
            holiday
                .or_else(|| last_before(crate::time::weekday_in_headline(&headline), FRESH_DAYS - 1))
                .or(date)
        } else {
            date
        };
        // A report whose opening dates no shooting ("was arrested Monday", "died last month")
        // and names one further down by its day ("in connection with the Feb. 28 shooting")
        // is about the shooting of that day.
        let named = told(Told::Incident)
            .is_none()
            .then(|| named_shooting_day(a, report_day))
            .flatten();
        let (date, date_end) = match named {
            Some(day) => (Some(day), None),
            None => (date, date_end),
        };
        // A follow-up (a plea, a trial) that dates its shooting nowhere is of some day before
        // the report, not of the report's own: a trial opens months after a killing.
        let date = date.filter(|&d| {
            !(follow_up && Some(d) == report_day && date_end.is_none() && told(Told::Incident).is_none())
        });
        let main_figure = main.and_then(|m| {
            claims
                .iter()
                .find(|(c, _)| std::ptr::eq(c, m))
                .map(|(c, f)| (c, f))
        });
        let (place, neighbourhood) = self
            .lead_place(a, main_figure, opening_end, default_place, people)
            .map_or((None, None), |(p, n)| (Some(p), n));
        // A big city's quarter the gazetteer does not know is still named as one: "in the
        // Back of the Yards neighborhood".
        let neighbourhood = neighbourhood.or_else(|| {
            let city = place.as_ref()?;
            let big = self
                .places
                .population_of(city)
                .is_some_and(|n| n >= NEIGHBOURHOOD_CITY);
            big.then(|| named_neighbourhood(a, opening_end))
                .flatten()
                .filter(|n| !n.eq_ignore_ascii_case(&city.name))
        });
        let mut perpetrators = main.map(|c| c.perpetrators.clone()).unwrap_or_default();
        if perpetrators.is_empty() {
            perpetrators = self.opening_perpetrators(a, opening_end);
        }
        // A state's forces act at home: "the army" of a Texas report is not Syria's.
        if let Some(here) = place.as_ref().and_then(|p| p.country.as_deref()) {
            perpetrators.retain(|name| {
                !self.actors.entries.iter().any(|e| {
                    &e.name == name
                        && e.actor_type == tally_core::ActorType::StateForces
                        && e.country.as_deref().is_some_and(|c| c != here)
                })
            });
        }
        let count = |c: Option<&Claim>| -> Option<Count> { c.and_then(|c| c.count) };
        let (mut killed_count, mut injured_count) = (count(killed), count(injured));
        // A headline's count of wounded above the opening's is the total the opening tells
        // in parts ("10 injured in bar shooting" over "three were shot inside"). The dead are
        // left as the opening gives them: taking the headline's lowered the FA-KES lead score.
        if let (Some(h), Some(c)) = (headline_count(title_lower, ClaimKind::Injured), injured_count) {
            if c.qualifier == Qualifier::Exact && h.best > c.best {
                injured_count = Some(h);
            }
            // A headline that counts more dead than the opening is the later telling: "Two
            // dead, two injured" over "one person dead and three others" hurt, one of whom
            // has since died. Its wounded are the survivors.
            let more_dead = headline_count(title_lower, ClaimKind::Killed)
                .zip(killed_count)
                .is_some_and(|(hk, k)| k.qualifier == Qualifier::Exact && hk.best > k.best);
            if more_dead && c.qualifier == Qualifier::Exact && h.best < c.best {
                injured_count = Some(h);
            }
        }
        // The dead the report names (each name once: `find_people` keeps a name once), as far
        // down as a lead figure is looked for: the dead a long report recalls further on are
        // other shootings'.
        let lead_text_end = a
            .tokens
            .get(end_of_sentences(lead_sentences).saturating_sub(1))
            .map_or(0, |t| t.span.end);
        // Each named once: "Maurice Berger" and, further down, "Maurice Anderson Berger".
        let mut dead_names: Vec<(String, String)> = people
            .iter()
            .filter(|p| p.status == Some(PersonStatus::Killed) && p.start < lead_text_end)
            .map(|p| crate::people::given_and_surname(&p.name))
            .collect();
        dead_names.sort();
        dead_names.dedup();
        let named_dead = dead_names.len() as u64;
        // A death told a little further down ("… where officials said he later died"), in
        // words that say a death happened: "assault with a deadly weapon", "a death
        // investigation" and "dead or alive" say none.
        // A sentence that dates it to another day than the opening's tells of another
        // death ("a vigil … where Jermaine Schofield was shot and killed early Sunday"), and
        // a "brain dead" patient lives.
        let day_of = |range: std::ops::Range<usize>| {
            let day = report_day?;
            a.times
                .iter()
                .filter(|t| range.contains(&t.start) && t.is_day())
                .find_map(|t| resolve(t.value, day).and_then(|p| p.start))
        };
        let opening_day = day_of(0..opening_end);
        let further_end = end_of_sentences(lead_sentences);
        let further_fatal = a
            .sentences
            .iter()
            .filter(|s| s.start >= opening_end && s.end <= further_end)
            .any(|s| {
                let words: Vec<&str> = s.clone().map(|k| a.lower(k)).collect();
                // ("They could have killed someone" tells of no death: `tells_a_death`.)
                let fatal = words.iter().enumerate().any(|(i, &w)| {
                    (matches!(
                        w,
                        "died"
                            | "dies"
                            | "killed"
                            | "killing"
                            | "slain"
                            | "fatally"
                            | "succumbed"
                            | "deceased"
                    ) || w == "dead"
                        && words.get(i + 1) != Some(&"or")
                        && !words[..i].iter().rev().take(2).any(|&b| b == "brain"))
                        && tells_a_death(&words, i)
                });
                let another_day =
                    opening_day.is_some() && day_of(s.clone()).is_some_and(|d| Some(d) != opening_day);
                // "… was fatally shot in July", "In November 2013, one man died": a time wholly
                // before the incident's.
                let earlier = |day: NaiveDate| {
                    a.times.iter().filter(|t| s.contains(&t.start)).any(|t| {
                        resolve(t.value, day)
                            .and_then(|p| p.end)
                            .is_some_and(|end| (day - end).num_days() > 1)
                    })
                };
                let another_time = opening_day.or(report_day).is_some_and(earlier);
                fatal && !another_day && !another_time
            });
        if killed_count.is_none() && combatants.is_none() {
            // Else the dead the report names ("Davienne Lewis … died after he was shot").
            killed_count = headline_count(title_lower, ClaimKind::Killed)
                .or_else(|| {
                    (uncounted_death
                        || cause.as_deref() == Some("shooting") && (opening_fatal || further_fatal))
                        .then(|| Count::qualified(Qualifier::AtLeast, named_dead.max(1)))
                })
                .or_else(|| (named_dead > 0).then(|| Count::qualified(Qualifier::AtLeast, named_dead)));
        }
        // More dead named than counted ("Ronald Williams, 33, and Kendra Hill, 28, were
        // killed" under "one dead"): the names are the better count.
        if named_dead >= 2 && killed_count.and_then(|c| c.key()).is_some_and(|k| k < named_dead) {
            killed_count = Some(Count::qualified(Qualifier::AtLeast, named_dead));
        }
        // "A mother and son were found fatally shot": a list of the dead counts them.
        let listed = (skip..opening_sentences.min(a.sentences.len()))
            .map(sentence_words)
            .filter(|w| !is_roundup(w))
            .filter_map(|w| listed_dead(&w, false))
            .chain(listed_dead(&opening[..title_words], true))
            .max();
        // "A third person has died": the toll is three, whatever the opening counted before.
        if let Some(n) = ordinal_dead(&opening) {
            raise_to(&mut killed_count, n);
        }
        // "Family in murder-suicide identified": a murder and a suicide are two deaths at
        // least, a double murder-suicide three.
        if let Some(n) = murder_suicide_dead(&opening[..title_words]) {
            raise_to(&mut killed_count, n);
        }
        // "shot and killed her two daughters before killing herself": the figure counts the
        // shooter's victims; recorders count every death, the shooter's own among them.
        if let (Some(claim), Some(c)) = (killed, killed_count) {
            let text = claim.evidence.text.to_lowercase();
            let says = |cues: &[&str]| cues.iter().any(|cue| text.contains(cue));
            let own_life = says(&[
                "killing himself",
                "killing herself",
                "killed himself",
                "killed herself",
                "his own life",
                "her own life",
                "gun on himself",
                "gun on herself",
            ]);
            // "a 4-year-old boy accidentally shot and killed himself": the one counted is the
            // one who died by his own hand.
            let alone = says(&[
                "shot and killed himself",
                "shot and killed herself",
                "accidentally killed",
            ]);
            // "One of three suspects being held in the fatal shooting of a girl took his own
            // life Wednesday": a suspect's death in custody is a later event, not the
            // shooting's.
            let in_custody = says(&["being held", "in custody", "jail", "charged in"]);
            if own_life && !alone && !in_custody && !says(&["including"]) && c.qualifier == Qualifier::Exact {
                killed_count = c.best.map(|n| Count::exact(n + 1));
            }
        }
        // A list of the dead, after the shooter's own death is added to a figure: a list
        // ("his wife, 2 sons, then himself") may already count the shooter.
        if let Some(n) = listed {
            raise_to(&mut killed_count, n);
        }
        // "10-year-old girl, 14-year-old boy injured": a headline's list of the wounded counts
        // them.
        // After the headline's last colon: "Grandmother: Boy shot sister" lists no one.
        let told_part = headline_words_of(title_lower.rsplit(':').next().unwrap_or(""));
        if let Some(n) = listed_wounded(&told_part) {
            raise_to(&mut injured_count, n);
        }
        // "Five people were shot … one of them died": those shot include the dead, and the
        // wounded are the rest.
        // The dead are whoever died, fighters too ("one of them was killed" in a gun battle).
        if let (Some(claim), Some(hurt), Some(dead)) =
            (injured, injured_count, killed_count.or(count(combatants)))
        {
            let text = claim.evidence.text.to_lowercase();
            let words_of: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
            let shot_only = words_of
                .iter()
                .any(|w| matches!(*w, "shot" | "shooting" | "shoots"))
                && !words_of.iter().any(|w| {
                    matches!(
                        *w,
                        "wounded" | "injured" | "hurt" | "wounding" | "injuring" | "fatally" | "whom"
                    )
                });
            // "one dead and three others hospitalized": the others are apart from the dead.
            let others = has_word(claim.victims.as_deref(), &["other", "others"])
                || words_of
                    .windows(2)
                    .any(|w| w[1] == "others" && small_number(w[0]).is_some());
            let separate = others || killed.is_some_and(|k| std::ptr::eq(k, claim));
            // "A woman was also shot", "one of four teenagers struck": someone besides.
            let besides = words_of.iter().any(|w| matches!(*w, "also" | "another"))
                || words_of
                    .windows(2)
                    .any(|w| w[1] == "of" && small_number(w[0]).is_some());
            // "left four people dead and one person injured … four people had been shot": a
            // figure of the opening that counts the wounded in so many words is theirs.
            let told_wounded = in_first(opening_sentences, ClaimKind::Injured, false)
                .into_iter()
                .filter(|&(c, s)| !other_incident(s) && !std::ptr::eq(c, claim))
                .map(|(c, _)| c)
                .find(|c| {
                    c.count.is_some_and(|n| n.qualifier == Qualifier::Exact)
                        && c.evidence
                            .text
                            .to_lowercase()
                            .split(|ch: char| !ch.is_alphanumeric())
                            .any(|w| matches!(w, "wounded" | "injured" | "hurt"))
                });
            if let (true, false, Some(n), Some(k)) = (shot_only, separate, hurt.best, dead.key()) {
                if let Some(told) = told_wounded.filter(|_| k >= n) {
                    injured_count = told.count;
                } else if k >= n && (opening_fatal || further_fatal) && !besides {
                    // "A mother who was shot in the head … has died": everyone shot died.
                    injured_count = None;
                } else if hurt.qualifier == Qualifier::Exact && dead.qualifier == Qualifier::Exact {
                    // As many dead as shot or more: every one shot is among them. That leaves
                    // no one wounded the report tells of, not a count of none: it may tell the
                    // dead and the wounded in two figures ("3 women killed, man shot").
                    injured_count = (n > k).then(|| Count::exact(n - k));
                }
            }
        }
        // "a double shooting", "a double-shooting": two shot, the dead among them; "a double
        // murder": two dead.
        let multiple = |first: &str, second: &str| -> Option<(u64, bool)> {
            let n = match first {
                "double" => 2,
                "triple" => 3,
                "quadruple" => 4,
                _ => return None,
            };
            match second {
                "shooting" | "shootings" => Some((n, false)),
                "homicide" | "murder" => Some((n, true)),
                _ => None,
            }
        };
        let multiples: Vec<(u64, bool)> = opening
            .windows(2)
            .filter_map(|w| multiple(w[0], w[1]))
            .chain(opening.iter().filter_map(|w| {
                let (first, second) = w.split_once('-')?;
                multiple(first, second)
            }))
            .collect();
        if let Some(&(n, _)) = multiples.first() {
            let dead = killed_count.and_then(|c| c.best).unwrap_or(0);
            let shown = injured_count.and_then(|c| c.key()).unwrap_or(0);
            let double_murder = multiples.iter().any(|&(_, murder)| murder);
            if !double_murder && dead < n && shown != n - dead {
                injured_count = Some(Count::exact(n - dead));
            }
            if double_murder {
                raise_to(&mut killed_count, n);
            }
        }
        if injured_count.is_none() {
            let no_one_died = killed_count.is_none();
            // Where no one died, the lead's later sentences may tell the wounded the opening
            // leaves out: "When officers arrived, an adult female had been shot".
            // Where someone died, they may tell of someone else hurt: "Paylor, who was also
            // shot during the incident", "a fourth victim remains hospitalized" (not in a
            // round-up, whose others are other shootings').
            let said_injured = says_someone_survived(&opening, no_one_died)
                || no_one_died && !opening_fatal && !further_fatal && says_someone_survived(further, true)
                || !no_one_died
                    && !title_roundup
                    && (tells_of_another_hurt(&further_on) || tells_of_another_hurt(&opening[title_words..]));
            // A shooting that the report says killed no one, and counts nothing of, still
            // hit someone ("Police say Wednesday shooting was accidental"): shots that hit
            // no one are "shots fired", not a shooting.
            let told_nothing = no_one_died && !opening_fatal && !further_fatal && !title_roundup;
            let no_one_hit = says_no_one_was_hit(&opening) || says_no_one_was_hit(further);
            // "1 dead, 6-year-old girl injured": one wounded beside the dead, or more.
            let beside_the_dead = || {
                headline_wounded(&told_part)
                    .filter(|_| !no_one_died)
                    .map(|n| Count::qualified(Qualifier::AtLeast, n))
            };
            injured_count = headline_count(title_lower, ClaimKind::Injured)
                .or_else(beside_the_dead)
                .or_else(|| {
                    (cause.as_deref() == Some("shooting") && (said_injured || told_nothing) && !no_one_hit)
                        .then(|| Count::qualified(Qualifier::AtLeast, 1))
                });
        }
        Some(Lead {
            killed: killed_count,
            combatants_killed: count(combatants),
            injured: injured_count,
            children_killed: part(&["children", "child", "kids", "boys", "girls"]),
            women_killed: part(&["women", "woman"]),
            victims: main.and_then(|c| c.victims.clone()),
            cause,
            place,
            neighbourhood,
            date,
            date_end,
            perpetrators,
            roundup: title_roundup,
            survives: tells_survival(&opening) || tells_survival(&further_on),
        })
    }

    /// The lead's place: the one named in the lead figure's own sentence; else the first
    /// town the headline or opening names; else the report's main place. Places outside the
    /// country the report is mostly about (a Beirut dateline, a Turkish border town) lose to
    /// places inside it, and a country loses to any town.
    fn lead_place(
        &self,
        a: &Analysis<'_>,
        main: Option<(&Claim, &Figure)>,
        opening_end: usize,
        default_place: Option<&Place>,
        people: &[NamedPerson],
    ) -> Option<(Place, Option<String>)> {
        let country = self.main_country(a);
        let surname = |m: &&crate::analysis::LexMention| is_persons_name(a, m, people);
        let at_home = |p: &Place| country.is_none() || p.country == country;
        if let Some((claim, figure)) = main {
            if figure.place_in_sentence {
                if let Some(p) = claim.place.as_ref().filter(|p| p.where_prec < 6 && at_home(p)) {
                    return Some(self.settle(a, p.clone(), people));
                }
            }
        }
        let opening = a
            .title_places
            .iter()
            .copied()
            .chain(
                a.places
                    .iter()
                    .filter(|m| m.tokens.start < opening_end)
                    .filter(|m| !surname(m))
                    .map(|m| (m.entry, place_role(&a.tokens, &m.tokens))),
            )
            .map(|(e, role)| (self.places.entries[e].place(), role))
            // Where someone was taken or caught is no scene, however alone; it says only
            // the state ("Advocate Christ Medical Center in Oak Lawn" is Illinois).
            .filter_map(|(p, role)| match role {
                PlaceRole::Afterwards => Some((self.places.us_state(p.admin1.as_deref()?)?, PlaceRole::Home)),
                _ => Some((p, role)),
            })
            .filter(|(p, _)| p.where_prec < 6);
        let mut opening: Vec<(Place, PlaceRole)> = opening.collect();
        // At home first; then a town that is no one's home ("an Indianapolis man dies in
        // Gary shooting"); then a town before an American state, which copy names in
        // passing ("the Tennessee Bureau of Investigation").
        opening.sort_by_key(|(p, role)| {
            (
                !at_home(p),
                *role == PlaceRole::Home,
                p.where_prec == 4 && p.country.as_deref() == Some("US"),
            )
        });
        // A dateline's American town ("NEW ORLEANS (WGNO) -") outweighs a place of another
        // state or country: the headline's "Uptown" is New Orleans's quarter, not the town in
        // Illinois.
        let dateline = a
            .places
            .iter()
            .find(|m| crate::lexicon::is_dateline(&a.tokens, &m.tokens) && !surname(m))
            .map(|m| self.places.entries[m.entry].place())
            .filter(|p| p.where_prec < 4 && p.country.as_deref() == Some("US"));
        if let (Some(town), Some((first, _))) = (&dateline, opening.first()) {
            if first.admin1 != town.admin1 || first.country != town.country {
                opening.insert(0, (town.clone(), PlaceRole::Scene));
            }
        }
        let chosen = opening
            .into_iter()
            .next()
            .map(|(p, _)| p)
            .or_else(|| default_place.filter(|p| at_home(p)).cloned())
            .or_else(|| main.and_then(|(c, _)| c.place.clone()))
            .or_else(|| default_place.cloned())
            .or_else(|| a.home_state.and_then(|s| self.places.us_state(s)))?;
        Some(self.settle(a, chosen, people))
    }

    /// The lead's place, from the place chosen for it: a state made its town
    /// ([`Self::town_of_state`], else [`Self::dateline_town`]), and a small place filed under
    /// the big city around it ([`Self::city_around`]), with the neighbourhood that gives.
    fn settle(&self, a: &Analysis<'_>, chosen: Place, people: &[NamedPerson]) -> (Place, Option<String>) {
        let chosen = self.town_of_state(a, chosen, people);
        let chosen = self.dateline_town(a, chosen);
        self.city_around(a, chosen)
    }

    /// An American state the lead would be put in, made the town its dateline names where
    /// the gazetteer has no such town: "TYRONE, Mo. —" is Tyrone, Missouri, placed no finer
    /// than the state on a map (no coordinates), but named as recorders name it.
    fn dateline_town(&self, a: &Analysis<'_>, chosen: Place) -> Place {
        if chosen.where_prec != 4 || chosen.country.as_deref() != Some("US") {
            return chosen;
        }
        let town = a.places.iter().find_map(|m| {
            let entry = &self.places.entries[m.entry].place;
            // The town's words, before the comma and the state ("TYRONE, Mo").
            let comma = m.tokens.clone().find(|&k| a.tokens[k].text == ",")?;
            let town = m.tokens.start..comma;
            let words = &a.tokens[town.clone()];
            let named = entry.where_prec == 4
                && entry.admin1 == chosen.admin1
                && crate::lexicon::is_dateline(&a.tokens, &town)
                && (1..=3).contains(&words.len())
                && words.iter().all(|t| t.is_word() && t.text.len() > 1)
                && !words.iter().any(|t| {
                    matches!(
                        t.text.to_ascii_lowercase().as_str(),
                        "county" | "parish" | "borough" | "area" | "region" | "metro" | "state"
                    )
                })
                && !a.text_of(town.clone()).eq_ignore_ascii_case(&entry.name);
            named.then(|| {
                words
                    .iter()
                    .map(|t| {
                        let lower = t.text.to_lowercase();
                        let mut letters = lower.chars();
                        letters
                            .next()
                            .map_or(String::new(), |c| c.to_uppercase().chain(letters).collect())
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        });
        match town {
            Some(name) => Place {
                name,
                where_prec: 1,
                ..chosen
            },
            None => chosen,
        }
    }

    /// An American state the lead would be put in, made the town of it the report names
    /// most as a scene (the first of equals): "Snohomish County deputies said … near
    /// Everett" is Everett, not all of Washington. A town named only as someone's home, or
    /// as a surname, is not the scene.
    fn town_of_state(&self, a: &Analysis<'_>, chosen: Place, people: &[NamedPerson]) -> Place {
        if chosen.where_prec != 4 || chosen.country.as_deref() != Some("US") {
            return chosen;
        }
        let mut towns: Vec<(usize, usize)> = Vec::new(); // (entry, mentions)
        for m in &a.places {
            let place = &self.places.entries[m.entry].place;
            if place.where_prec > 3
                || place.admin1 != chosen.admin1
                || matches!(
                    place_role(&a.tokens, &m.tokens),
                    PlaceRole::Home | PlaceRole::Afterwards
                )
                || is_persons_name(a, m, people)
            {
                continue;
            }
            match towns.iter_mut().find(|(e, _)| *e == m.entry) {
                Some(t) => t.1 += 1,
                None => towns.push((m.entry, 1)),
            }
        }
        if let Some(&(e, _)) = towns.iter().rev().max_by_key(|&&(_, n)| n) {
            return self.places.entries[e].place();
        }
        // No town, but a side of the city whose copy names its quarters so ("shot in head on
        // Far South Side", "on the Southwest Side" in a report put only in Illinois).
        let side = (1..a.tokens.len()).any(|k| {
            a.tokens[k].text == "Side"
                && matches!(
                    a.tokens[k - 1].text,
                    "South"
                        | "West"
                        | "North"
                        | "East"
                        | "Southwest"
                        | "Northwest"
                        | "Southeast"
                        | "Northeast"
                        | "SW"
                )
        });
        let city = CITY_SIDES
            .iter()
            .find(|(state, _)| chosen.admin1.as_deref() == Some(*state))
            .and_then(|&(state, city)| self.places.named_in(city, state));
        match city {
            Some(e) if side => self.places.entries[e].place(),
            _ => chosen,
        }
    }

    /// The big city a report also names around a small place it puts the event in:
    /// "in the Rogers Park neighborhood" of a Chicago report is Chicago, as recorders file
    /// it. A city of half a million within 20 km, in the same state, over a place of under
    /// 100,000.
    ///
    /// A place the report calls a neighbourhood anywhere ("in the Brighton Park
    /// neighborhood") is filed under the city of a quarter of a million it lies in, whether
    /// or not the report names the city. Either way the small place's name comes along
    /// with its city, as the lead's neighbourhood.
    fn city_around(&self, a: &Analysis<'_>, chosen: Place) -> (Place, Option<String>) {
        let (Some(lat), Some(lon)) = (chosen.lat, chosen.lon) else {
            return (chosen, None);
        };
        if chosen.where_prec > 2 {
            return (chosen, None);
        }
        let same =
            |p: &Place| p.name == chosen.name && p.admin1 == chosen.admin1 && p.country == chosen.country;
        let named = || {
            a.title_places
                .iter()
                .map(|&(e, _)| e)
                .chain(a.places.iter().map(|m| m.entry))
                .map(|e| &self.places.entries[e])
        };
        // The biggest city of at least `population` people the report names in a state (of a
        // country), where it `fits`.
        let biggest_named =
            |population: u64, admin1: Option<&str>, country: Option<&str>, fits: &dyn Fn(&Place) -> bool| {
                named()
                    .filter(|e| {
                        e.population >= population
                            && e.place.where_prec <= 2
                            && e.place.admin1.as_deref() == admin1
                            && e.place.country.as_deref() == country
                            && fits(&e.place)
                    })
                    .max_by_key(|e| e.population)
            };
        // From an outlet at home in Illinois, "AUSTIN — Four boys were wounded … Chicago
        // police said" is Chicago's Austin, not Texas's: a town of another state the report
        // ties to no state of its own, far from a big city of the home state the report
        // names (Gary, Ind. is Chicago's neighbour, not its quarter).
        if let Some(home) = a.home_state.filter(|&h| chosen.admin1.as_deref() != Some(h)) {
            let far = |p: &Place| match (p.lat, p.lon) {
                (Some(a), Some(b)) => crate::lexicon::km_between(lat, lon, a, b) > FAR_AWAY_KM,
                _ => false,
            };
            // "Austin, Texas": a state after the town's name joins its mention.
            let its_state_named = named().any(|e| e.place.where_prec == 4 && e.place.admin1 == chosen.admin1)
                || a.places.iter().any(|m| {
                    same(&self.places.entries[m.entry].place) && a.text_of(m.tokens.clone()).contains(',')
                });
            let home_city = biggest_named(NEIGHBOURHOOD_CITY, Some(home), Some("US"), &far);
            if let (false, Some(city), Some("US")) = (its_state_named, home_city, chosen.country.as_deref()) {
                return (city.place(), Some(chosen.name));
            }
        }
        // The gazetteer's place the report names, of the chosen one's name and state.
        let own = named().find(|e| same(&e.place));
        let neighbourhood = a
            .title_places
            .iter()
            .any(|&(e, role)| role == PlaceRole::Neighbourhood && same(&self.places.entries[e].place))
            || a.places.iter().any(|m| {
                same(&self.places.entries[m.entry].place)
                    && place_role(&a.tokens, &m.tokens) == PlaceRole::Neighbourhood
            });
        if neighbourhood {
            // The big city around it; else, where the gazetteer's place of the name lies
            // elsewhere ("the city's Washington Park neighborhood" is Chicago's, not the
            // village near St. Louis), the biggest city of its state the report names.
            let city = self
                .places
                .city_near(&chosen, NEIGHBOURHOOD_CITY, 20.0)
                .or_else(|| {
                    // Only for a village: a city is called a neighbourhood ("the Allentown
                    // neighborhood") where it is one.
                    if own.is_none_or(|e| e.population >= crate::lexicon::VILLAGE_POPULATION) {
                        return None;
                    }
                    biggest_named(
                        NEIGHBOURHOOD_CITY,
                        chosen.admin1.as_deref(),
                        chosen.country.as_deref(),
                        &|_| true,
                    )
                });
            if let Some(city) = city.filter(|c| !same(&c.place)) {
                return (city.place(), Some(chosen.name));
            }
        }
        let small = own.is_some_and(|e| e.population < 100_000 && e.place.where_prec <= 2);
        if !small {
            return (chosen, None);
        }
        let near = |p: &Place| match (p.lat, p.lon) {
            (Some(a), Some(b)) => crate::lexicon::km_between(lat, lon, a, b) < 20.0,
            _ => false,
        };
        let city = biggest_named(
            500_000,
            chosen.admin1.as_deref(),
            chosen.country.as_deref(),
            &near,
        );
        match city {
            Some(city) => (city.place(), Some(chosen.name)),
            None => (chosen, None),
        }
    }

    /// The country most of a report's places are in.
    fn main_country(&self, a: &Analysis<'_>) -> Option<String> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for e in a
            .title_places
            .iter()
            .map(|&(e, _)| e)
            .chain(a.places.iter().map(|m| m.entry))
        {
            if let Some(country) = &self.places.entries[e].place.country {
                match counts.iter_mut().find(|(c, _)| c == country) {
                    Some(c) => c.1 += 1,
                    None => counts.push((country.clone(), 1)),
                }
            }
        }
        counts.into_iter().max_by_key(|(_, n)| *n).map(|(c, _)| c)
    }

    /// Parties the opening names as doing something, when the lead figure names none.
    fn opening_perpetrators(&self, a: &Analysis<'_>, opening_end: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let entries = a.title_actors.iter().copied().chain(
            a.actors
                .iter()
                .filter(|m| m.tokens.start < opening_end)
                .filter(|m| a.is_agent(m))
                .map(|m| m.entry),
        );
        for e in entries {
            let entry = &self.actors.entries[e];
            if entry.can_perpetrate() && !out.contains(&entry.name) {
                out.push(entry.name.clone());
            }
        }
        out.truncate(1);
        out
    }
}

/// Whether a place the body names is a person's name: inside a named victim's or suspect's
/// name ("Jayden Clay"), or one word that is a word of such a name or a speaker's ("Moore
/// was a senior", "Chief James Morgan … Morgan said") and that no "in" or "near" puts on a
/// map. Surnames are town names across the United States.
fn is_persons_name(a: &Analysis<'_>, m: &crate::analysis::LexMention, people: &[NamedPerson]) -> bool {
    let span = a.span_of(m.tokens.clone());
    if people.iter().any(|p| p.start <= span.start && span.end <= p.end) {
        return true;
    }
    if m.tokens.len() != 1 || a.tokens.get(m.tokens.end).is_some_and(|t| t.text == ",") {
        return false;
    }
    let located = m.tokens.start > 0
        && matches!(
            a.lower(m.tokens.start - 1),
            "in" | "near" | "at" | "of" | "from" | "outside" | "to" | "into" | "across"
        );
    if located || m.tokens.start == 0 || a.tokens[m.tokens.start].newline_before {
        return false;
    }
    let word = a.lower(m.tokens.start);
    people
        .iter()
        .any(|p| p.name.split_whitespace().any(|w| w.eq_ignore_ascii_case(word)))
        || a.people.iter().any(|p| p.name_words.iter().any(|w| w == word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolls_in_headline_shorthand() {
        let n = |title: &str, kind| headline_count(&title.to_lowercase(), kind).and_then(|c| c.best);
        assert_eq!(n("5 shot, 1 killed on Auburn Avenue", ClaimKind::Killed), Some(1));
        assert_eq!(
            n("UPDATE: 1 dead, 4 injured in shooting", ClaimKind::Injured),
            Some(4)
        );
        assert_eq!(n("Two men killed outside bar", ClaimKind::Killed), Some(2));
        // "Shot" alone is wounded; those it killed are not among them.
        assert_eq!(
            n(
                "Police search for suspects after 4 teens shot",
                ClaimKind::Injured
            ),
            Some(4)
        );
        assert_eq!(
            n("5 People Shot, 1 Fatally, Outside Home", ClaimKind::Injured),
            Some(4)
        );
        assert_eq!(
            n("5 shot, 1 killed on Auburn Avenue", ClaimKind::Injured),
            Some(4)
        );
        assert_eq!(n("Man shot dead in parking lot", ClaimKind::Injured), None);
        assert_eq!(n("2 shot and killed outside bar", ClaimKind::Killed), Some(2));
        assert_eq!(n("2 shot and wounded at party", ClaimKind::Killed), None);
        assert_eq!(n("2 shot and wounded at party", ClaimKind::Injured), Some(2));
        assert_eq!(n("Four found fatally shot in home", ClaimKind::Killed), Some(4));
        // The verb before the number: "Shooting wounds 2", "Gunman kills 3".
        assert_eq!(
            n("Shooting wounds 2 females; ambulance takes 1", ClaimKind::Injured),
            Some(2)
        );
        assert_eq!(
            n("East Baltimore shooting wounds 4, kills 1", ClaimKind::Killed),
            Some(1)
        );
        assert_eq!(
            n("Randy Jones, 21, Killed; Three Injured", ClaimKind::Killed),
            None
        );
        assert_eq!(n("Four found fatally shot in home", ClaimKind::Injured), None);
        assert_eq!(
            n("Brooklyn boy, 15, dies from gunshot wound", ClaimKind::Killed),
            None
        );
        assert_eq!(n("Police investigate 2016 shooting", ClaimKind::Killed), None);
        assert_eq!(
            n(
                "Man accidentally fires gun, hits his two young sons",
                ClaimKind::Injured
            ),
            Some(2)
        );
        assert_eq!(cause_of(&["man", "fires", "gun"]).as_deref(), Some("shooting"));
        assert_eq!(cause_of(&["gun", "show", "opens"]), None);
    }

    #[test]
    fn round_ups_are_no_incident() {
        let words = |s: &'static str| s.split(' ').collect::<Vec<_>>();
        assert!(is_roundup(&words("seven people shot in 3 separate shootings")));
        assert!(is_roundup(&words("6 wounded in weekend shootings")));
        assert!(is_roundup(&words("shootings across the city left two dead")));
        assert!(!is_roundup(&words("santa monica shootings claim fifth victim")));
        assert!(is_roundup(&words("1 dead, 7 wounded in chicago shootings")));
        assert!(!is_roundup(&words("a third man dies in the kalamazoo shootings")));
        assert!(!is_roundup(&words("a man was shot in a separate incident")));
        assert!(is_roundup(&words("4 dead after recent spate of shootings")));
        assert!(is_roundup(&words("a string of violent incidents involving guns")));
        assert!(!is_roundup(&words("a string of lights")));
    }

    #[test]
    fn ordinal_deaths_are_tolls() {
        let words = |s: &'static str| s.split(' ').collect::<Vec<_>>();
        assert_eq!(
            ordinal_dead(&words("a third person has died after the shooting")),
            Some(3)
        );
        assert_eq!(ordinal_dead(&words("4th victim dies")), Some(4));
        assert_eq!(
            ordinal_dead(&words("4th victim of henry county shooting dies")),
            Some(4)
        );
        assert_eq!(
            ordinal_dead(&words("the second victim succumbed to his wounds")),
            Some(2)
        );
        assert_eq!(
            ordinal_dead(&words("it was the city's second shooting this week")),
            None
        );
        assert_eq!(ordinal_dead(&words("a second man was wounded")), None);
        assert_eq!(
            ordinal_dead(&words("two men suffered minor injuries and a third person died")),
            None
        );
    }

    #[test]
    fn survivors_said_without_a_figure() {
        let words = |s: &'static str| s.split(' ').collect::<Vec<_>>();
        assert!(says_someone_survived(
            &words("a man is in critical condition"),
            true
        ));
        assert!(says_someone_survived(
            &words("the boy shot himself in the hand"),
            true
        ));
        assert!(!says_someone_survived(
            &words("the boy shot himself and died"),
            false
        ));
        assert!(!says_someone_survived(&words("a man was found dead"), true));
        // Where someone died, the injury and the hospital are theirs, unless copy tells of
        // someone else hurt or of a survivor's state.
        assert!(!says_someone_survived(
            &words("a teen died of an injury after he was airlifted to a hospital"),
            false
        ));
        assert!(says_someone_survived(
            &words("a girl died and her grandmother was wounded"),
            false
        ));
        assert!(says_someone_survived(
            &words("a boy was clinging to life after his sister was killed"),
            false
        ));
        // The wounds the dead died of, and an officer who speaks of them, tell of no one else.
        assert!(!says_someone_survived(
            &words("two men died from gunshot wounds in an accidental shooting"),
            false
        ));
        assert!(!says_someone_survived(
            &words("both were found with gunshot wounds , said officer Jim Poe"),
            false
        ));
        assert!(says_someone_survived(
            &words("an 8-year-old accidentally shot his brother"),
            true
        ));
        assert!(says_someone_survived(
            &words("the boy was treated and released"),
            true
        ));
        assert!(says_someone_survived(
            &words("she suffered a gunshot wound to the foot"),
            true
        ));
        assert_eq!(cause_of(&words("a gunshot wound")).as_deref(), Some("shooting"));
        // The cause named first, and everyday words that are no cause.
        assert_eq!(
            cause_of(&words("man wounded outside gas station a man was shot")).as_deref(),
            Some("shooting")
        );
        assert_eq!(
            cause_of(&words("shot through the door as he lay on an air mattress")).as_deref(),
            Some("shooting")
        );
        assert_eq!(
            cause_of(&words("a chlorine gas attack after the shooting")).as_deref(),
            Some("chemical")
        );
    }

    fn listed(text: &str, headline: bool) -> Option<u64> {
        let tokens = crate::tokens::tokenize(text);
        let words: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
        listed_dead(&words.iter().map(String::as_str).collect::<Vec<_>>(), headline)
    }

    #[test]
    fn lists_of_the_dead_count_each_unit() {
        assert_eq!(
            listed("A mother and son were found fatally shot Thursday.", false),
            Some(2)
        );
        assert_eq!(
            listed(
                "He shot and killed his wife and their two infant daughters.",
                false
            ),
            Some(3)
        );
        assert_eq!(
            listed("Deputies found one man and two children dead inside.", false),
            Some(3)
        );
        assert_eq!(
            listed("The gunman killed an officer and three other people.", false),
            Some(4)
        );
        assert_eq!(
            listed("A woman, 34, and her son, 12, were killed.", false),
            Some(2)
        );
        assert_eq!(listed("mother boy fatally shot in head", true), Some(2));
    }

    #[test]
    fn lists_not_said_to_have_died_count_no_one() {
        assert_eq!(
            listed(
                "A man shot two women and a young girl before fatally shooting himself.",
                false
            ),
            None
        );
        assert_eq!(listed("A man and a woman were shot on Elm Street.", false), None);
        assert_eq!(listed("killing his wife and injuring his son", false), None);
        assert_eq!(listed("His wife and children were found dead.", false), None);
        // Side by side counts only in a headline, which has lost its commas.
        assert_eq!(
            listed(
                "Teen shot near school identified as Austin boy. A teenage boy fatally shot",
                false
            ),
            None
        );
    }
}
