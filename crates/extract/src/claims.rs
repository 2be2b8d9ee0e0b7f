//! Figures → claims: what each counts, who claims it, who did it, where and when.

use crate::analysis::{Analysis, Entity, LexMention};
use crate::lexicon::place_role;
use crate::numbers::read_number;
use crate::time::{resolve, resolve_expr};
use crate::words;
use crate::Extractor;
use chrono::NaiveDate;
use std::ops::Range;
use tally_core::{
    Claim, ClaimKind, Claimant, Count, Diagnostic, DiagnosticKind, Evidence, Period, Place, Qualifier, Status,
};

/// A figure found in a sentence, before it becomes a claim.
#[derive(Debug, Clone)]
pub struct Figure {
    /// The figure's own tokens, qualifier included: "around 25,000".
    pub tokens: Range<usize>,
    pub count: Count,
    /// The counted noun phrase: "civilian deaths", "civilians".
    pub noun: Option<Range<usize>>,
    pub head: Option<String>,
    pub kind: Option<ClaimKind>,
    pub victims: Option<String>,
    /// The last token of the words that gave the kind, for the evidence span.
    pub kind_end: usize,
    /// The counted thing is present-tense and ongoing: "are still trapped".
    pub current: bool,
    /// The claim's place is named in its own sentence, not taken from the report at large.
    pub place_in_sentence: bool,
}

/// The figures of one sentence, in order.
pub fn find_figures(a: &Analysis<'_>, sentence: Range<usize>, ex: &Extractor) -> Vec<Figure> {
    let mut figures: Vec<Figure> = Vec::new();
    let mut i = sentence.start;
    while i < sentence.end {
        if a.in_time[i] || a.carousel[i] || !could_start_figure(a, i) {
            i += 1;
            continue;
        }
        match figure_at(a, i, &sentence, ex) {
            Some(mut figure) => {
                i = figure
                    .tokens
                    .end
                    .max(figure.noun.as_ref().map_or(0, |n| n.end))
                    .max(i + 1);
                if figure.kind.is_none() {
                    inherit_kind(a, &mut figure, &figures);
                }
                figures.push(figure);
            }
            None => i += 1,
        }
    }
    figures
}

/// Whether token `i` can begin a figure at all: digits, a number word, a vague amount, or
/// "a"/"an"/"one". Most tokens cannot, and are passed over at the cost of a look-up.
fn could_start_figure(a: &Analysis<'_>, i: usize) -> bool {
    let token = &a.tokens[i];
    // "a 911 call reporting a person shot": the emergency number counts no one.
    let emergency = token.text == "911";
    token.kind == crate::tokens::TokenKind::Number && !emergency
        || token.is_word() && words::can_start_figure(a.lower(i))
}

/// A figure starting at token `i`: a number, a vague amount, or "a civilian".
fn figure_at(a: &Analysis<'_>, i: usize, sentence: &Range<usize>, ex: &Extractor) -> Option<Figure> {
    let lower = a.lower(i);
    let (number_end, mut count) = if let Some(coded) = words::vague_amount(lower) {
        let coded = ex.config.vague_convention_coded(coded);
        (i + 1, Count::vague(coded, ex.config.vague_convention))
    } else if let Some(noun) = singular_victim_after(a, i, sentence) {
        (noun, Count::exact(1))
    } else {
        let number = read_number(&a.tokens, a.lowers(), i)?;
        // Years, labels, measures and ordinals are not counts.
        if number.end <= i
            || (!number.in_words && a.tokens[i].text.len() == 4 && (1900..=2100).contains(&number.value))
        {
            return None;
        }
        if i > sentence.start && words::is_label(a.lower(i - 1)) {
            return None;
        }
        // "told 24-Hour News 8", "Channel 4", "tells 13 News": a station's number. "Image 1
        // of 8": a gallery's.
        if i > 0 && matches!(a.tokens[i - 1].text, "News" | "Channel")
            || !number.in_words && a.tokens.get(number.end).is_some_and(|t| t.text == "News")
        {
            return None;
        }
        let gallery = matches!(a.lower(i.saturating_sub(1)), "of" | "/")
            && (2..=4).any(|k| i >= k && matches!(a.lower(i - k), "image" | "photo" | "slide" | "picture"));
        if gallery {
            return None;
        }
        let next = a.tokens.get(number.end);
        if next.is_some_and(|t| {
            t.text == "%" || (t.is('-') && !t.space_before && words::is_unit(a.lower(number.end + 1)))
        }) {
            return None;
        }
        if next.is_some_and(|t| !t.space_before && t.is_word()) {
            return None; // 1st, 5th, 10am
        }
        if words::is_unit(a.lower(number.end)) && !words::is_victim_noun(a.lower(number.end)) {
            return None;
        }
        // "20 y/o killed": an age, as a tweet writes it.
        let at = |k: usize| a.lower(number.end + k);
        // "one count of malicious wounding", "two counts of attempted murder": charges.
        if matches!(at(0), "count" | "counts") && at(1) == "of" {
            return None;
        }
        if at(0) == "y/o" || at(0) == "y" && at(1) == "/" && at(2) == "o" {
            return None;
        }
        (number.end, Count::exact(number.value))
    };
    let mut end = number_end;
    // Ranges: "30 to 50", "two or three", "between 30 and 50", "30-50".
    if count.qualifier == Qualifier::Exact {
        let joiner = a.lower(end);
        let between = i > sentence.start && a.lower(i - 1) == "between" && joiner == "and";
        if matches!(joiner, "to" | "or" | "-" | "\u{2013}") || between {
            if let Some(high) = read_number(&a.tokens, a.lowers(), end + 1) {
                let low = count.best.unwrap_or(0);
                if high.value > low && !words::is_unit(a.lower(high.end)) {
                    count = Count::range(low, high.value);
                    end = high.end;
                }
            }
        }
    }
    // "at 32-14 106th St.", "at 4500 Main Street": a house number.
    if is_house_number(a, i, end) {
        return None;
    }
    // The qualifier just before: "more than", "some", "at least".
    let mut start = i;
    if count.qualifier == Qualifier::Exact {
        // Only phrases ending in the word just before the figure can qualify it.
        let before = if i > sentence.start { a.lower(i - 1) } else { "" };
        let before = if words::ends_qualifier(before) {
            before
        } else {
            "\0"
        };
        for (phrase, qualifier) in words::QUALIFIERS
            .iter()
            .filter(|(p, _)| p.last() == Some(&before))
        {
            let n = phrase.len();
            if i >= sentence.start + n && (0..n).all(|k| a.lower(i - n + k) == phrase[k]) {
                count = Count::qualified(*qualifier, count.best.unwrap_or(0));
                start = i - n;
                break;
            }
        }
    } else if count.qualifier == Qualifier::Range && i > sentence.start && a.lower(i - 1) == "between" {
        start = i - 1;
    }
    let mut figure = Figure {
        tokens: start..end,
        count,
        noun: None,
        head: None,
        kind: None,
        victims: None,
        kind_end: end - 1,
        current: false,
        place_in_sentence: false,
    };
    read_noun(a, &mut figure, sentence);
    if counts_animals(a, &figure, sentence) {
        return None;
    }
    kind_from_context(a, &mut figure, sentence);
    if figure.kind.is_none() && figure.head.is_none() && !is_elliptical(a, &figure) {
        return None;
    }
    figure.count.per = rate_after(a, &figure, sentence);
    Some(figure)
}

/// Whether the number from `i` to `end` is an address's: before an ordinal street ("32-14
/// 106th St.") or, after "at", before a street's name ("at 4500 Main Street").
fn is_house_number(a: &Analysis<'_>, i: usize, end: usize) -> bool {
    let token = |k: usize| a.tokens.get(k);
    let number = |k: usize| token(k).is_some_and(|t| t.kind == crate::tokens::TokenKind::Number);
    // Queens numbers its houses by their cross street: "32-14".
    let end = if token(end).is_some_and(|t| t.is('-')) && number(end + 1) {
        end + 2
    } else {
        end
    };
    let ordinal_street = number(end)
        && token(end + 1).is_some_and(|t| !t.space_before && matches!(t.text, "st" | "nd" | "rd" | "th"));
    let after_at = i > 0 && a.lower(i - 1) == "at";
    let named_street = after_at
        && token(end).is_some_and(|t| t.is_capitalised())
        && end + 1 < a.tokens.len()
        && words::is_street_word(a.lower(end + 1));
    a.tokens[i].kind == crate::tokens::TokenKind::Number && (ordinal_street || named_street)
}

/// Where the victim that "a"/"an"/"one" at `i` counts begins: next to it ("a civilian"),
/// or past an age, a few adjectives and a town ("a 21-year-old Memphis man").
fn singular_victim_after(a: &Analysis<'_>, i: usize, sentence: &Range<usize>) -> Option<usize> {
    if !matches!(a.lower(i), "a" | "an" | "one") {
        return None;
    }
    let end = (i + 7).min(sentence.end);
    for j in i + 1..end {
        let word = a.lower(j);
        if words::is_singular_victim(word) {
            return Some(j);
        }
        let token = &a.tokens[j];
        let age = token.kind == crate::tokens::TokenKind::Number
            // "a 7-year-old boy" comes as "7", "-", "year-old".
            || word == "-" && a.lower(j + 1).ends_with("-old");
        if !(age
            || words::is_victim_modifier(word)
            || word.ends_with("-year-old")
            || token.is_capitalised() && j > i + 1)
        {
            return None;
        }
    }
    None
}

/// Whether a figure counts animals, not people: "injured two dogs", "one of the family
/// dogs", "three pet goats". People counted first ("a man and his dog") are people.
fn counts_animals(a: &Analysis<'_>, figure: &Figure, sentence: &Range<usize>) -> bool {
    let start = figure.tokens.end;
    for k in start..(start + 5).min(sentence.end) {
        let word = a.lower(k);
        if words::is_animal(word) {
            return true;
        }
        let person = words::is_victim_noun(word) && word != "family";
        if !a.tokens[k].is_word() || person || words::kind_verb(word).is_some() {
            return false;
        }
    }
    false
}

/// The counted noun after a figure: up to three modifiers and a head noun.
fn read_noun(a: &Analysis<'_>, figure: &mut Figure, sentence: &Range<usize>) {
    let mut j = figure.tokens.end;
    if matches!(a.lower(j), "more" | "other") {
        j += 1;
    }
    if a.lower(j) == "of" {
        j += 1;
        if matches!(a.lower(j), "the" | "them" | "whom" | "those" | "his" | "their") {
            j += 1;
        }
    }
    for k in j..(j + 4).min(sentence.end) {
        let word = a.lower(k);
        if !a.tokens[k].is_word() || k > j && a.clause_of[k] != a.clause_of[j] {
            break;
        }
        // "killed 1 and injured 3": a conjunction before a verb of harm starts the next
        // clause, not the noun ("women and children" goes on).
        if matches!(word, "and" | "or" | "but") && words::kind_verb(a.lower(k + 1)).is_some() {
            break;
        }
        let is_head =
            words::is_victim_noun(word) || words::is_building_noun(word) || words::kind_noun(word).is_some();
        if is_head {
            // "civilians killed": a noun that is also a kind word ends the phrase only if nothing better follows.
            let next = a.lower(k + 1);
            let longer = k + 1 < sentence.end
                && a.clause_of[k + 1] == a.clause_of[k]
                && (words::kind_noun(next).is_some() && words::kind_verb(next).is_none()
                    || words::is_victim_noun(next)
                        && !words::is_auxiliary(next)
                        && words::kind_verb(next).is_none());
            // "women and children": two heads joined are one noun.
            let joined = matches!(next, "and" | "or")
                && words::is_victim_noun(a.lower(k + 2))
                && words::kind_verb(a.lower(k + 2)).is_none()
                && k + 2 < sentence.end;
            if (longer || joined) && k + 1 < j + 4 {
                continue;
            }
            // "eight members of the Hezbollah militia": the group they belong to is part of who they are.
            let mut end = k + 1;
            // "five members of a family", "three members of one household".
            let group_after = a
                .actors
                .iter()
                .any(|m| m.tokens.start > end && m.tokens.start <= end + 2);
            if matches!(word, "members" | "member")
                && !group_after
                && a.lower(end) == "of"
                && matches!(a.lower(end + 1), "a" | "the" | "one" | "his" | "her" | "their")
                && end + 2 < sentence.end
                && a.tokens[end + 2].is_word()
                && words::kind_verb(a.lower(end + 2)).is_none()
            {
                end += 3;
            } else if a.lower(end) == "of" {
                let group = a
                    .actors
                    .iter()
                    .find(|m| m.tokens.start > end && m.tokens.start <= end + 2);
                if let Some(m) = group {
                    end = m.tokens.end;
                }
            }
            figure.noun = Some(j..end);
            figure.head = Some(word.to_string());
            // "both victims had multiple injuries", "suffered two injuries to the leg": a
            // person's wounds, not a count of the wounded.
            let s = figure.tokens.start;
            let wounds_of_someone = word == "injuries"
                && s > 0
                && matches!(
                    a.lower(s - 1),
                    "had" | "has" | "suffered" | "sustained" | "suffering" | "with"
                );
            if let Some(kind) = words::kind_noun(word).filter(|_| !wounds_of_someone) {
                figure.kind = Some(kind);
                figure.kind_end = k;
            }
            figure.victims = victims_of(a, j..end, word);
            return;
        }
        // "IS" the group is not "is" the verb.
        let lowercase = !a.tokens[k].is_capitalised();
        if words::kind_verb(word).is_some() || words::is_auxiliary(word) && lowercase {
            return;
        }
    }
}

/// Who the report says was harmed, in its words: "civilians", "Syrian soldiers".
fn victims_of(a: &Analysis<'_>, noun: Range<usize>, head: &str) -> Option<String> {
    if words::kind_noun(head).is_some() && !words::is_victim_noun(head) {
        // "civilian deaths" → civilians; "deaths" alone names no one.
        let modifiers: Vec<&str> = (noun.start..noun.end - 1).map(|k| a.lower(k)).collect();
        return modifiers.iter().rev().find_map(|m| match *m {
            "civilian" => Some("civilians".to_string()),
            "child" => Some("children".to_string()),
            "military" | "army" => Some("soldiers".to_string()),
            "combatant" => Some("combatants".to_string()),
            _ => None,
        });
    }
    Some(a.text_of(noun))
        .map(|t| t.trim_start_matches("the ").to_string())
        .filter(|t| !t.is_empty())
}

/// The kind a figure takes from the words around it: a verb after the counted noun
/// ("are still trapped"), an active verb before ("killing 12"), a toll ("death toll rose to").
fn kind_from_context(a: &Analysis<'_>, figure: &mut Figure, sentence: &Range<usize>) {
    let after = figure.noun.as_ref().map_or(figure.tokens.end, |n| n.end);
    let building = figure.head.as_deref().is_some_and(words::is_building_noun);
    // After: up to five auxiliaries, then the verb. A parenthesis between commas that
    // names a part ("16 civilians, among them four children, were killed") is stepped over.
    let mut present = false;
    let mut k = after;
    let limit = (after + 14).min(sentence.end);
    let mut steps = 0;
    while k < limit && steps < 6 {
        let word = a.lower(k);
        if word == ","
            && matches!(
                a.lower(k + 1),
                "among" | "including" | "mostly" | "most" | "many" | "all" | "mainly"
            )
        {
            match (k + 1..limit).find(|&j| a.tokens[j].is(',')) {
                Some(close) => {
                    k = close + 1;
                    continue;
                }
                None => break,
            }
        }
        // Without commas too: "At least 16 civilians including women and children were killed".
        if matches!(word, "including" | "among" | "mostly" | "mainly") && steps == 0 {
            let resume = (k + 1..limit).find(|&j| {
                let w = a.lower(j);
                (words::is_auxiliary(w) && !a.tokens[j].is_capitalised() && !matches!(w, "them" | "more"))
                    || words::kind_verb(w).is_some()
            });
            if let Some(j) = resume.filter(|&j| j <= k + 7) {
                k = j;
                steps += 1;
                continue;
            }
        }
        if matches!(word, "are" | "is" | "remain" | "remains" | "still") {
            present = true;
        }
        // "A man shot and killed his two children": with no auxiliary before it and an
        // object after, "shot and killed" is what the counted did, not what befell them.
        let object_after = |j: usize| {
            matches!(
                a.lower(j),
                "his"
                    | "her"
                    | "their"
                    | "a"
                    | "an"
                    | "the"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "him"
                    | "them"
            ) || a
                .tokens
                .get(j)
                .is_some_and(|t| t.kind == crate::tokens::TokenKind::Number)
        };
        if steps == 0
            && word == "shot"
            && a.lower(k + 1) == "and"
            && object_after(k + 3)
            && figure.kind.is_none()
        {
            break;
        }
        // "Two officers who shot and killed a homeowner", "the men who opened fire": the
        // counted are who did it.
        if steps == 0 && matches!(word, "who" | "that") && figure.kind.is_none() {
            let verb = a.lower(k + 1);
            let did = verb == "shot" && a.lower(k + 2) == "and" && object_after(k + 4)
                || matches!(verb, "shot" | "killed" | "wounded" | "injured") && object_after(k + 2)
                || matches!(verb, "opened" | "fired");
            if did {
                break;
            }
        }
        // "was shot and killed", "was fatally shot", "was shot in the leg".
        if word == "shot" && figure.kind.is_none() {
            let next = a.lower(k + 1);
            if next == "and" && words::kind_verb(a.lower(k + 2)).is_some() {
                k += 2;
                continue;
            }
            if words::kind_verb(next).is_none() && !(next == "to" && a.lower(k + 2) == "death") {
                let fatally = k > 0 && a.lower(k - 1) == "fatally";
                figure.kind = Some(if fatally {
                    ClaimKind::Killed
                } else {
                    ClaimKind::Injured
                });
                figure.kind_end = k;
                // "Four teenagers were shot, one fatally": three were hurt and lived.
                if !fatally && next == "," {
                    if let Some(dead) = read_number(&a.tokens, a.lowers(), k + 2) {
                        let of_them =
                            a.lower(dead.end) == "of" && matches!(a.lower(dead.end + 1), "them" | "whom");
                        let after = if of_them { dead.end + 2 } else { dead.end };
                        let total = figure
                            .count
                            .best
                            .filter(|_| figure.count.qualifier == Qualifier::Exact);
                        if let Some(total) = total.filter(|&t| fatal_at(a, after) && dead.value < t) {
                            figure.count = Count::exact(total - dead.value);
                            figure.kind_end = after;
                        }
                    }
                }
                break;
            }
            if next == "to" {
                figure.kind = Some(ClaimKind::Killed);
                figure.kind_end = k + 2;
                break;
            }
        }
        if let Some(kind) = words::kind_verb(word) {
            // "was fatally injured", "mortally wounded": killed.
            let kind = match kind {
                ClaimKind::Injured if k > 0 && matches!(a.lower(k - 1), "fatally" | "mortally") => {
                    ClaimKind::Killed
                }
                kind => kind,
            };
            // "eight youths have been injured or killed": the hurt and the dead in one
            // figure, the toll of neither.
            let either = a.lower(k + 1) == "or"
                && matches!(
                    (kind, words::kind_verb(a.lower(k + 2))),
                    (ClaimKind::Injured, Some(ClaimKind::Killed))
                        | (ClaimKind::Killed, Some(ClaimKind::Injured))
                );
            if either {
                break;
            }
            let lost_lives = word != "lost" || matches!(a.lower(k + 1), "their" | "lives");
            let fits = lost_lives && (kind == ClaimKind::Destroyed) == building;
            if fits && figure.kind.is_none() {
                figure.kind = Some(kind);
                figure.kind_end = k;
                figure.current = present && !matches!(kind, ClaimKind::Killed | ClaimKind::Injured);
            }
            break;
        }
        // "were taken to a hospital", "was rushed to Grady Memorial": the living are taken
        // to hospital, the dead to the morgue.
        if matches!(word, "taken" | "rushed" | "transported" | "airlifted" | "flown")
            && a.lower(k + 1) == "to"
        {
            let morgue = (k + 2..(k + 7).min(sentence.end)).any(|j| {
                matches!(
                    a.lower(j),
                    "morgue" | "coroner" | "funeral" | "mortuary" | "jail" | "police"
                )
            });
            if !morgue && figure.kind.is_none() && !building {
                figure.kind = Some(ClaimKind::Injured);
                figure.kind_end = k + 1;
            }
            break;
        }
        // "Two men are in the hospital", "three remain in critical condition": the living
        // are in hospital, the dead nowhere.
        if matches!(word, "in" | "at") && figure.kind.is_none() && !building {
            let end = (k + 1..(k + 4).min(sentence.end)).find(|&j| {
                matches!(a.lower(j), "hospital" | "hospitals")
                    || a.lower(j) == "condition"
                        && matches!(
                            a.lower(j - 1),
                            "critical" | "serious" | "stable" | "fair" | "grave" | "good" | "satisfactory"
                        )
            });
            if let Some(end) = end {
                figure.kind = Some(ClaimKind::Injured);
                figure.kind_end = end;
            }
            break;
        }
        // "sent four people to the hospital".
        if k == after && word == "to" && figure.kind.is_none() {
            let hospital =
                (k + 1..(k + 4).min(sentence.end)).find(|&j| matches!(a.lower(j), "hospital" | "hospitals"));
            let sent = (sentence.start.max(figure.tokens.start.saturating_sub(3))..figure.tokens.start)
                .any(|j| matches!(a.lower(j), "sent" | "sends" | "sending" | "send"));
            if let Some(end) = hospital.filter(|_| sent) {
                figure.kind = Some(ClaimKind::Injured);
                figure.kind_end = end;
            }
            break;
        }
        // "were all taken", "were both shot".
        if matches!(word, "all" | "both" | "each" | "later" | "then") && steps > 0 {
            k += 1;
            steps += 1;
            continue;
        }
        if !words::is_auxiliary(word) {
            break;
        }
        k += 1;
        steps += 1;
    }
    if figure.kind == Some(ClaimKind::Injured) && died_of_wounds(a, figure, after, sentence) {
        figure.kind = Some(ClaimKind::Killed);
    }
    if figure.kind.is_some() {
        return;
    }
    // Before: "killing 12", "killed at least 70 people", "the deaths of 12", "toll rose to 112".
    let start = figure.tokens.start;
    let floor = sentence.start.max(start.saturating_sub(7));
    for k in (floor..start).rev() {
        let word = a.lower(k);
        let distance = start - k;
        if distance <= 3 {
            // The nearest verb of harm decides, active or not: "kills 12 wounds 50".
            if let Some(kind) = words::kind_verb(word).filter(|_| figure.kind.is_none()) {
                let passive_or_other = k > sentence.start
                    && matches!(
                        a.lower(k - 1),
                        "were" | "was" | "been" | "are" | "is" | "being" | "be"
                    );
                if !passive_or_other
                    && (word.ends_with("ing") || words::is_active_past(word))
                    && (kind == ClaimKind::Destroyed) == building
                {
                    figure.kind = Some(kind);
                }
                return;
            }
            if let Some(kind) = words::kind_verb(word) {
                let passive = k > sentence.start
                    && matches!(
                        a.lower(k - 1),
                        "were" | "was" | "been" | "are" | "is" | "being" | "be"
                    );
                let active = !passive && (word.ends_with("ing") || words::is_active_past(word));
                if active && (kind == ClaimKind::Destroyed) == building {
                    figure.kind = Some(kind);
                    return;
                }
            }
            // "a man is held for shooting a 7-year-old boy", "a gunman shot two men": the
            // people shot, wounded unless the shooting was fatal.
            let victims = figure
                .head
                .as_deref()
                .is_some_and(|h| words::is_victim_noun(h) || words::is_singular_victim(h));
            if matches!(word, "shooting" | "shot" | "shoots") && victims && !building {
                let before = if k > sentence.start { a.lower(k - 1) } else { "" };
                if !matches!(
                    before,
                    "were" | "was" | "been" | "are" | "is" | "being" | "be" | "the" | "a"
                ) {
                    // "the fatal shooting of a man", "a deadly shooting of two teens".
                    let fatal_deed = matches!(before, "fatal" | "deadly") && a.lower(k + 1) == "of";
                    figure.kind = Some(if before == "fatally" || fatal_deed {
                        ClaimKind::Killed
                    } else {
                        ClaimKind::Injured
                    });
                    return;
                }
            }
            if word == "of"
                && k > sentence.start
                && matches!(
                    a.lower(k - 1),
                    "deaths" | "lives" | "bodies" | "death" | "killing" | "massacre"
                )
            {
                figure.kind = Some(ClaimKind::Killed);
                return;
            }
        }
        // "the death toll from Saturday's blast rose to 43": a toll verb just before the
        // figure reaches back to its toll across the words between.
        if distance <= 2 && words::is_toll_verb(word) {
            let toll = (sentence.start.max(start.saturating_sub(25))..k)
                .rev()
                .find(|&t| a.lower(t) == "toll");
            if let Some(t) = toll.filter(|_| !building) {
                let kind = if t > 0 && a.lower(t - 1) == "injury" {
                    ClaimKind::Injured
                } else {
                    ClaimKind::Killed
                };
                figure.kind = Some(kind);
                return;
            }
        }
        // "the death toll rose to 112": only toll verbs between the toll and the figure.
        let linked = (k + 1..start).all(|j| words::is_toll_link(a.lower(j)));
        if word == "toll" && !building && linked {
            let kind = if a.lower(k.saturating_sub(1)) == "injury" {
                ClaimKind::Injured
            } else {
                ClaimKind::Killed
            };
            figure.kind = Some(kind);
            return;
        }
        if a.clause_of[k] != a.clause_of[start] && k + 1 < start {
            break;
        }
    }
}

/// Whether those a figure counts as shot or wounded died of it: "the shooting death of a
/// boy who was shot in the head", "the deaths of two people shot near Lolo", "a woman who
/// was wounded in Sunday's shooting has died".
fn died_of_wounds(a: &Analysis<'_>, figure: &Figure, after: usize, sentence: &Range<usize>) -> bool {
    let start = figure.tokens.start;
    let death_of = start >= sentence.start + 2
        && a.lower(start - 1) == "of"
        && matches!(
            a.lower(start - 2),
            "death" | "deaths" | "killing" | "killings" | "murder" | "murders" | "slaying" | "slayings"
        );
    // "who was wounded … has died": the relative clause's subject died, as the sentence's
    // own verb says.
    let relative = a.lower(after) == "who";
    let then_died = relative
        && (figure.kind_end + 1..sentence.end.min(figure.kind_end + 16)).any(|k| {
            matches!(a.lower(k), "has" | "have" | "later" | "since")
                && matches!(a.lower(k + 1), "died" | "succumbed")
                || a.lower(k) == "has" && a.lower(k + 1) == "since" && a.lower(k + 2) == "died"
        });
    death_of || then_died
}

/// "up from 645": a bare number compared with a counted one.
fn is_elliptical(a: &Analysis<'_>, figure: &Figure) -> bool {
    let s = figure.tokens.start;
    s >= 2
        && a.lower(s - 1) == "from"
        && matches!(
            a.lower(s - 2),
            "up" | "down" | "rising" | "rose" | "increased"
        )
        || s >= 2 && matches!(a.lower(s - 1), "with" | "to") && a.lower(s - 2) == "compared"
        || s >= 1 && matches!(a.lower(s - 1), "including" | "includes" | "included")
        || s >= 2 && a.lower(s - 1) == "them" && a.lower(s - 2) == "among"
        // "killed 31 jihadists and eight civilians"
        || s >= 1 && matches!(a.lower(s - 1), "and" | "or" | "plus")
        || a.lower(figure.tokens.end) == "of"
            && matches!(a.lower(figure.tokens.end + 1), "them" | "whom")
}

/// Whether the words at `k` say a part of a figure died: "fatally", "died", "was dead",
/// "later died" ("one fatally", "one of whom was dead").
fn fatal_at(a: &Analysis<'_>, k: usize) -> bool {
    match a.lower(k) {
        "fatally" | "died" | "dies" => true,
        "was" | "is" | "later" | "has" => matches!(a.lower(k + 1), "dead" | "died" | "killed"),
        _ => false,
    }
}

/// An elliptical figure or a part ("including 5 children") takes the kind of the figure
/// before it in the sentence.
fn inherit_kind(a: &Analysis<'_>, figure: &mut Figure, before: &[Figure]) {
    if !is_elliptical(a, figure) {
        return;
    }
    // "five people shot, one of whom was dead": the part died, whatever the whole was.
    let end = figure.tokens.end;
    if a.lower(end) == "of" && matches!(a.lower(end + 1), "them" | "whom") && fatal_at(a, end + 2) {
        figure.kind = Some(ClaimKind::Killed);
        return;
    }
    if let Some(previous) = before.iter().rev().find(|f| f.kind.is_some()) {
        figure.kind = previous.kind;
        if figure.head.is_none() {
            figure.head = previous.head.clone();
            figure.victims = previous.victims.clone();
        }
    }
}

fn rate_after(a: &Analysis<'_>, figure: &Figure, sentence: &Range<usize>) -> Option<tally_core::Rate> {
    let from = figure.kind_end.max(figure.tokens.end);
    for k in from..(from + 6).min(sentence.end) {
        if a.clause_of[k] != a.clause_of[from] {
            break;
        }
        let word = a.lower(k);
        if matches!(word, "daily" | "weekly" | "monthly" | "annually" | "yearly") {
            return words::rate_word(word);
        }
        if matches!(word, "a" | "per" | "each" | "every") {
            if let Some(rate) = words::rate_word(a.lower(k + 1)) {
                return Some(rate);
            }
        }
    }
    None
}

/// What a sentence says of who claims its figures.
struct Cue {
    /// The token the cue sits at, for distance.
    at: usize,
    claimant: Option<Entity>,
    /// A day the statement was made on: "said Thursday".
    statement_day: Option<NaiveDate>,
}

fn cues(a: &Analysis<'_>, sentence: &Range<usize>, report_day: Option<NaiveDate>) -> Vec<Cue> {
    let mut out = Vec::new();
    for k in sentence.clone() {
        if a.quote_holding(k).is_some() {
            continue;
        }
        let word = a.lower(k);
        let claimant = if word == "according" && a.lower(k + 1) == "to" {
            a.mention_after_according(k)
        } else if words::is_reporting_verb(word) {
            a.subject_of(k)
        } else {
            continue;
        };
        let statement_day = report_day.and_then(|day| {
            statement_time(a, k, sentence)
                .and_then(|t| resolve(a.times[t].value, day))
                .and_then(|p| p.end)
        });
        out.push(Cue {
            at: k,
            claimant,
            statement_day,
        });
    }
    out
}

/// The day a statement was made, named just after its cue: "said Thursday", "said in a
/// statement on Thursday", "estimates made public Wednesday".
fn statement_time(a: &Analysis<'_>, cue: usize, sentence: &Range<usize>) -> Option<usize> {
    let mut k = cue + 1;
    if a.lower(cue) == "according" {
        // according to UN estimates made public Wednesday
        k = a
            .mentions
            .iter()
            .find(|m| m.tokens.start > cue + 1 && m.tokens.start <= cue + 4)
            .map_or(cue + 2, |m| m.tokens.end);
    }
    while k < sentence.end && k <= cue + 8 {
        if let Some(t) = a.times.iter().position(|t| t.start == k && t.is_day()) {
            return Some(t);
        }
        let allowed = matches!(
            a.lower(k),
            "on" | "in"
                | "a"
                | "an"
                | "statement"
                | "late"
                | "early"
                | "interview"
                | "briefing"
                | "told"
                | "reporters"
                | "estimates"
                | "made"
                | "public"
                | "released"
                | "published"
                | "figures"
                | "data"
                | "report"
                | "press"
                | "conference"
                | ","
                | "that"
        );
        if !allowed {
            return None;
        }
        k += 1;
    }
    None
}

/// The status the cue nearest a figure gives it: "denied", "confirmed", "estimated".
fn status_of(a: &Analysis<'_>, sentence: &Range<usize>, at: usize) -> Status {
    sentence
        .clone()
        .filter_map(|k| {
            let status = match a.lower(k) {
                "denied" | "deny" | "denies" | "denying" | "rejected" => Status::Denied,
                "confirmed" | "confirm" | "confirms" | "verified" | "documented" => Status::Confirmed,
                "estimated" | "estimates" | "estimate" => Status::Estimated,
                _ => return None,
            };
            Some((k.abs_diff(at), status))
        })
        .min_by_key(|(distance, _)| *distance)
        .map_or(Status::Reported, |(_, status)| status)
}

impl Extractor {
    pub(crate) fn claimant(&self, a: &Analysis<'_>, entity: Entity) -> Claimant {
        match entity {
            Entity::Person(p) => Claimant {
                name: a.people[p].name.clone(),
                role: a.people[p].role.clone(),
            },
            Entity::Actor(e) => Claimant {
                name: self.actors.entries[e].name.clone(),
                role: None,
            },
        }
    }

    /// The claims of a document.
    pub(crate) fn find_claims(
        &self,
        a: &Analysis<'_>,
        report_day: Option<NaiveDate>,
        default_place: Option<&Place>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<(Claim, Figure)> {
        let mut claims = Vec::new();
        for sentence in &a.sentences {
            let figures = find_figures(a, sentence.clone(), self);
            if figures.is_empty() {
                continue;
            }
            let cues = cues(a, sentence, report_day);
            let source = self.source_of(a, sentence);
            for (f, figure) in figures.iter().enumerate() {
                let Some(kind) = figure.kind else {
                    diagnostics.push(Diagnostic {
                        kind: DiagnosticKind::NumberWithoutKind,
                        start: a.span_of(figure.tokens.clone()).start,
                        end: a.span_of(figure.tokens.clone()).end,
                        message: "a figure whose kind could not be told".into(),
                    });
                    continue;
                };
                let quote = a.quote_holding(figure.tokens.start);
                let cue = if quote.is_some() {
                    None
                } else {
                    cues.iter().min_by_key(|c| c.at.abs_diff(figure.tokens.start))
                };
                let claimant = match quote {
                    Some(q) => q.speaker.map(|e| self.claimant(a, e)),
                    None => cue.and_then(|c| c.claimant).map(|e| self.claimant(a, e)),
                };
                let reference = cue.and_then(|c| c.statement_day).or(report_day);
                let statement_times: Vec<usize> = cues
                    .iter()
                    .filter_map(|c| statement_time(a, c.at, sentence))
                    .collect();
                let period = self.period_of(a, figure, &figures, f, sentence, reference, &statement_times);
                let own_place = self.place_of(a, figure, &figures, sentence);
                let place_in_sentence = own_place.is_some();
                let place = own_place.or_else(|| default_place.cloned());
                let perpetrators = self.perpetrators_of(a, figure, sentence, claimant.as_ref());
                let evidence = evidence_span(a, figure);
                claims.push((
                    Claim {
                        kind,
                        victims: figure.victims.clone(),
                        count: Some(figure.count),
                        claimant,
                        source: source.clone(),
                        perpetrators,
                        place,
                        period,
                        status: status_of(a, sentence, figure.tokens.start),
                        evidence: Evidence::from_span(a.body, evidence),
                    },
                    Figure {
                        place_in_sentence,
                        ..figure.clone()
                    },
                ));
            }
        }
        claims
    }

    /// "citing coalition figures": whose figures the claimant passes on.
    fn source_of(&self, a: &Analysis<'_>, sentence: &Range<usize>) -> Option<String> {
        let citing = sentence
            .clone()
            .find(|&k| matches!(a.lower(k), "citing" | "quoting"))?;
        if let Some(mention) = a
            .actors
            .iter()
            .find(|m| m.tokens.start > citing && m.tokens.start <= citing + 3)
        {
            return Some(self.actors.entries[mention.entry].name.clone());
        }
        // "citing hospital figures": the words the report uses, up to the end of the clause.
        let end = (citing + 1..(citing + 6).min(sentence.end))
            .take_while(|&k| a.tokens[k].is_word() && a.clause_of[k] == a.clause_of[citing])
            .last()?;
        Some(a.text_of(citing + 1..end + 1).to_string())
    }

    #[allow(clippy::too_many_arguments)] // one figure in its sentence: all of it is context
    fn period_of(
        &self,
        a: &Analysis<'_>,
        figure: &Figure,
        figures: &[Figure],
        index: usize,
        sentence: &Range<usize>,
        reference: Option<NaiveDate>,
        statement_times: &[usize],
    ) -> Period {
        let Some(reference) = reference else {
            return Period::default();
        };
        if figure.count.per.is_some() {
            return Period::default();
        }
        let clause = a.clause_of[figure.tokens.start];
        let candidates: Vec<usize> = a
            .times
            .iter()
            .enumerate()
            // The copy's stamp of its own ("(01/25/16) - A toddler has been killed") dates
            // the copy, not its figures.
            .filter(|(t, time)| {
                sentence.contains(&time.start)
                    && !statement_times.contains(t)
                    && !crate::lead::is_stamp(a, time)
            })
            .map(|(t, _)| t)
            .collect();
        let clause_has_other_figure = |c: usize| {
            figures
                .iter()
                .enumerate()
                .any(|(g, other)| g != index && a.clause_of[other.tokens.start] == c)
        };
        let chosen = candidates
            .iter()
            .find(|&&t| a.clause_of[a.times[t].start] == clause)
            .or_else(|| {
                candidates
                    .iter()
                    .filter(|&&t| !clause_has_other_figure(a.clause_of[a.times[t].start]))
                    .min_by_key(|&&t| a.times[t].start.abs_diff(figure.tokens.start))
            });
        match chosen.and_then(|&t| resolve_expr(&a.times[t], reference)) {
            Some(period) => period,
            None if figure.current => Period {
                start: None,
                end: Some(reference),
            },
            None => Period::default(),
        }
    }

    fn place_of(
        &self,
        a: &Analysis<'_>,
        figure: &Figure,
        figures: &[Figure],
        sentence: &Range<usize>,
    ) -> Option<Place> {
        let clause = a.clause_of[figure.tokens.start];
        // Where someone was taken or caught afterwards is never where the figure is.
        let in_sentence: Vec<_> = a
            .places
            .iter()
            .filter(|p| sentence.contains(&p.tokens.start))
            .filter(|p| place_role(&a.tokens, &p.tokens) != crate::lexicon::PlaceRole::Afterwards)
            .collect();
        // "An Englewood man was charged in the Brighton Park shooting": a person's home is
        // not where, when the sentence says where ("BELTON — A Killeen man accused of
        // killing two women" says only whose home).
        let located = |p: &&LexMention| {
            p.tokens.start > 0 && matches!(a.lower(p.tokens.start - 1), "in" | "at" | "near" | "outside")
                || p.tokens.start > 1
                    && a.lower(p.tokens.start - 1) == "the"
                    && matches!(a.lower(p.tokens.start - 2), "in" | "at" | "near" | "outside")
        };
        let home = |p: &&LexMention| place_role(&a.tokens, &p.tokens) == crate::lexicon::PlaceRole::Home;
        let mut in_sentence = in_sentence;
        if in_sentence.iter().any(|p| located(p) && !home(p)) {
            in_sentence.retain(|p| !home(p));
        }
        // "AUSTIN, Texas – A man was shot": the town's mention holds its state's, which
        // stands nearer the figure but only says whose the town is.
        let held: Vec<Range<usize>> = in_sentence
            .iter()
            .filter(|p| {
                in_sentence.iter().any(|q| {
                    q.tokens != p.tokens && q.tokens.start <= p.tokens.start && p.tokens.end <= q.tokens.end
                })
            })
            .map(|p| p.tokens.clone())
            .collect();
        in_sentence.retain(|p| !held.contains(&p.tokens));
        let own = in_sentence.iter().find(|p| a.clause_of[p.tokens.start] == clause);
        let nearby = || {
            in_sentence
                .iter()
                .filter(|p| {
                    !figures
                        .iter()
                        .any(|f| a.clause_of[f.tokens.start] == a.clause_of[p.tokens.start])
                })
                .min_by_key(|p| p.tokens.start.abs_diff(figure.tokens.start))
        };
        let anywhere = || {
            in_sentence
                .iter()
                .min_by_key(|p| p.tokens.start.abs_diff(figure.tokens.start))
        };
        own.or_else(nearby)
            .or_else(anywhere)
            .map(|p| self.places.entries[p.entry].place())
    }

    fn perpetrators_of(
        &self,
        a: &Analysis<'_>,
        figure: &Figure,
        sentence: &Range<usize>,
        claimant: Option<&Claimant>,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let victims = figure.tokens.start..figure.noun.as_ref().map_or(figure.tokens.end, |n| n.end);
        for m in a.actors.iter().filter(|m| sentence.contains(&m.tokens.start)) {
            let entry = &self.actors.entries[m.entry];
            if !entry.can_perpetrate() || victims.contains(&m.tokens.start) {
                continue;
            }
            if !a.is_agent(m) {
                continue;
            }
            // A figure's victims named by an actor ("killed 12 ISIS fighters") are not its perpetrators.
            let victim_follows = words::is_victim_noun(a.lower(m.tokens.end))
                && words::is_combatant_noun(a.lower(m.tokens.end))
                && m.tokens.start > figure.tokens.start;
            if victim_follows
                || claimant.is_some_and(|c| c.name == entry.name && m.tokens.end + 3 >= sentence.end)
            {
                continue;
            }
            if !out.contains(&entry.name) {
                out.push(entry.name.clone());
            }
        }
        out
    }
}

/// The evidence for a figure: its clause, stretched to cover the words that gave its kind.
fn evidence_span(a: &Analysis<'_>, figure: &Figure) -> tally_core::Span {
    let clause = a.clause_of[figure.tokens.start];
    let sentence = &a.sentences[a.sentence_of[figure.tokens.start]];
    let mut start = figure.tokens.start;
    while start > sentence.start && a.clause_of[start - 1] == clause {
        start -= 1;
    }
    let mut end = figure
        .kind_end
        .max(figure.tokens.end - 1)
        .max(figure.noun.as_ref().map_or(0, |n| n.end - 1));
    while end + 1 < sentence.end && a.clause_of[end + 1] == clause {
        end += 1;
    }
    // Leave off the clause's closing punctuation and quote marks.
    while end > start && a.tokens[end].kind == crate::tokens::TokenKind::Punct {
        end -= 1;
    }
    while start < end && a.tokens[start].kind == crate::tokens::TokenKind::Punct {
        start += 1;
    }
    a.span_of(start..end + 1)
}
