//! Linking: which reports tell of one incident, why, and what they tally to.
//!
//! Pure functions over [`Sketch`]es, the little of each report that linking needs. The
//! ledger (`tally-store`) keeps incidents and finds the candidates a new report is judged
//! against, so that linking new reports never revisits the rest.

pub mod grade;
pub mod homes;
pub mod outlets;
pub mod streets;
pub mod terms;
pub mod wording;

use chrono::NaiveDate;
use serde::Serialize;
use tally_core::{Count, Lead, NamedPerson, Place};

/// How many days apart two reports' event days may be and still be one incident: a
/// shooting late at night is dated the next day by some reports.
pub const DAY_SLACK: i64 = 1;

/// What linking knows of one report.
#[derive(Debug, Clone)]
pub struct Sketch {
    pub document: String,
    pub published: Option<NaiveDate>,
    pub headline: Option<String>,
    pub lead: Lead,
    /// The victims and suspects the report names.
    pub people: Vec<NamedPerson>,
    /// The report's wording, for finding reprints ([`wording`]).
    pub signature: Option<Vec<u32>>,
    /// Who published it: the outlet its feed or page names, else its address's host
    /// ([`outlets::publisher`]).
    pub outlet: Option<String>,
    /// The streets it names ([`streets::streets`]).
    pub streets: Vec<String>,
    /// The words it may share with other reports of its incident ([`terms::terms`]).
    pub terms: Vec<String>,
    /// Of those, the ones few reports use, each with how many do: found by the ledger for
    /// the report being linked, empty for the reports it is judged against.
    pub rare_terms: Vec<(String, u32)>,
}

/// How many days apart two reports naming the same street may be.
pub const STREET_DAYS: i64 = 2;

/// How many days apart a reprint may be from the story it reprints.
pub const REPRINT_DAYS: i64 = 3;

/// How many days apart two reports naming the same person may be: a trial is reported
/// years after the shooting it is about.
pub const NAME_DAYS: i64 = 3 * 366;

/// How many dead and wounded together a report placed only in its state must count to be
/// linked by its state, day and toll alone ([`judge_by_state_toll`]).
pub const STATE_TOLL: u64 = 3;

/// A name as reports of one person share it: lower case, without initials, suffixes and
/// punctuation ("Shawn L. Johnson Jr." → "shawn johnson"). `None` for a single word.
pub fn name_key(name: &str) -> Option<String> {
    let words = name_words(name);
    (words.len() >= 2).then(|| format!("{} {}", words[0], words[words.len() - 1]))
}

/// A name's words as [`name_key`] keeps them.
fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| w.len() > 1 && !matches!(w.as_str(), "jr" | "sr" | "ii" | "iii"))
        .collect()
}

/// The keys a name is found by: its [`name_key`]; where the surname is hyphenated, the
/// given name with each part of it ("Reginald Rose-Robinson" is found as "reginald
/// robinson" too), since reports drop one half or the other.
pub fn name_keys_of(name: &str) -> Vec<String> {
    let words = name_words(name);
    let [first, .., last] = words.as_slice() else {
        return Vec::new();
    };
    let mut keys = vec![format!("{first} {last}")];
    keys.extend(
        last.split('-')
            .filter(|part| part.len() > 1 && part != last)
            .map(|part| format!("{first} {part}")),
    );
    keys
}

impl Sketch {
    /// The province or state and country the report puts the event in, where it does.
    pub fn region(&self) -> Option<String> {
        let place = self.lead.place.as_ref().filter(|p| p.where_prec <= 4)?;
        Some(format!(
            "{}|{}",
            place.admin1.as_deref().unwrap_or(""),
            place.country.as_deref().unwrap_or("")
        ))
    }

    /// The surnames of the people the report names (only the dead's, with `dead`): every
    /// word of a name after the first, since a Spanish name's two surnames are often cut to
    /// the first ("Pablo Villeda Estrada" is "Pablo Villeda"), and each half of a hyphenated
    /// one.
    pub fn surnames(&self, dead: bool) -> Vec<String> {
        self.people
            .iter()
            .filter(|p| !dead || p.status == Some(tally_core::PersonStatus::Killed))
            .flat_map(|p| name_words(&p.name).into_iter().skip(1))
            .flat_map(|w| {
                let halves = w
                    .split('-')
                    .filter(|h| h.len() > 1 && *h != w)
                    .map(str::to_string);
                halves.chain(std::iter::once(w.clone())).collect::<Vec<_>>()
            })
            .collect()
    }

    /// The keys of the names of everyone the report names.
    pub fn name_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.people.iter().flat_map(|p| name_keys_of(&p.name)).collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// The day of the event: the lead's, else the report's own. For a report that dates
    /// the event only by a month, the month's first day.
    pub fn day(&self) -> Option<NaiveDate> {
        self.lead.date.or(self.published)
    }

    /// Whether the report dates the event only by a month ("the shooting last month").
    pub fn month_dated(&self) -> bool {
        self.lead.date.is_some() && self.lead.date_end.is_some()
    }

    /// The days the event may have been on: its day, or the month the report dates it by.
    pub fn days(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.day()?;
        let last = self.lead.date_end.filter(|_| self.month_dated()).unwrap_or(first);
        Some((first, last.max(first)))
    }

    /// How many days lie between the event's days and another report's: none where they
    /// overlap.
    pub fn days_apart(&self, other: &Sketch) -> Option<i64> {
        let ((a, b), (c, d)) = (self.days()?, other.days()?);
        Some((c - b).num_days().max((a - d).num_days()).max(0))
    }

    /// The key incidents are found by: a town (or finer) with its admin1 and country.
    /// The town a report puts its event in, down to the neighbourhood it names: two
    /// shootings of one day in Chicago are two incidents unless the copy puts them together.
    /// Reports placed no finer than a province are not linked by place.
    pub fn place_key(&self) -> Option<String> {
        let mut key = self.city_key()?;
        if let Some(n) = &self.lead.neighbourhood {
            key.push('|');
            key.push_str(&n.to_lowercase());
        }
        Some(key)
    }

    /// The key reports of one state and toll are found by, for [`judge_by_state_toll`]: the
    /// state with the dead and the wounded ("Ohio|US|1|2"), where they number three or more
    /// and the report is no round-up.
    pub fn toll_key(&self) -> Option<String> {
        let region = self.region()?;
        let (killed, injured) = (
            figure(&self.lead.killed).unwrap_or(0),
            figure(&self.lead.injured).unwrap_or(0),
        );
        (killed + injured >= STATE_TOLL && !self.lead.roundup).then(|| format!("{region}|{killed}|{injured}"))
    }

    /// Whether the report puts its event in a state and no town of it.
    pub fn state_only(&self) -> bool {
        self.lead.place.as_ref().is_some_and(|p| p.where_prec == 4)
    }

    /// The town alone, without the neighbourhood.
    pub fn city_key(&self) -> Option<String> {
        let place = self.lead.place.as_ref().filter(|p| p.where_prec <= 3)?;
        Some(place_key(place))
    }
}

pub fn place_key(place: &Place) -> String {
    format!(
        "{}|{}|{}",
        place.name.to_lowercase(),
        place.admin1.as_deref().unwrap_or(""),
        place.country.as_deref().unwrap_or("")
    )
}

/// Why a report belongs with an incident's reports, or `None` when it does not.
///
/// A report joins when it is a reprint of one of the incident's reports; when it puts the
/// event in the same town within [`DAY_SLACK`] days of the incident's first day, and
/// nothing contradicts it (a different cause, two different sets of named dead, or a day
/// apart, different tolls); when it
/// names the same person; when it names the same street within [`STREET_DAYS`]; or when it
/// shares rare words within [`terms::TERM_DAYS`]. The first of these that holds gives the
/// reasons.
pub fn judge(new: &Sketch, members: &[Sketch]) -> Option<Vec<String>> {
    weigh(new, members).map(|(_, reasons)| reasons)
}

/// [`judge`]'s reasons, with how strongly they tie the report to the incident, to choose
/// among several incidents that would take it: the same wording, then the same people, then
/// the same town and day, down to rare words alone. Each reason weighs by its kind
/// ([`Tie`]), and the weights add up.
pub fn weigh(new: &Sketch, members: &[Sketch]) -> Option<(u32, Vec<String>)> {
    // A round-up of a town's shootings names several of them: it joins one incident, but
    // through it no other report does, unless the incident is of round-ups alone (a
    // reprinted one).
    let told: Vec<Sketch>;
    let members = if members.iter().any(|m| m.lead.roundup) && members.iter().any(|m| !m.lead.roundup) {
        told = members.iter().filter(|m| !m.lead.roundup).cloned().collect();
        &told[..]
    } else {
        members
    };
    let ties = judge_by_wording(new, members)
        .or_else(|| judge_by_place(new, members))
        .or_else(|| judge_by_names(new, members))
        .or_else(|| judge_by_street(new, members))
        .or_else(|| judge_by_terms(new, members))
        .or_else(|| judge_by_state_toll(new, members))?;
    let strength = ties.iter().map(|(tie, _)| tie.weight()).sum();
    Some((strength, ties.into_iter().map(|(_, reason)| reason).collect()))
}

/// The kind of evidence a reason gives, for [`weigh`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tie {
    /// A reprint or an update of one of the incident's reports.
    Wording,
    /// A person both name.
    Named,
    /// The same town on the same day.
    TownAndDay,
    /// The same town a day apart, the same toll, the same street, rare words.
    Lesser,
    /// The same state, day and toll, one report placed only in the state: the least of
    /// all, which any other tie outweighs.
    StateAndToll,
}

impl Tie {
    fn weight(self) -> u32 {
        match self {
            Tie::Wording => 8,
            Tie::Named => 4,
            Tie::TownAndDay => 2,
            Tie::Lesser => 1,
            Tie::StateAndToll => 0,
        }
    }
}

/// Reasons, each with the kind of evidence it gives.
type Ties = Vec<(Tie, String)>;

/// Linked by rare words shared with one of the incident's reports within
/// [`terms::TERM_DAYS`]: the victim's and the suspect's names, the bar, the hamlet, however
/// differently the two reports place the event. Reports of one state within a day, or of
/// one town, need share less ([`terms::SHARED_NEAR`]). Not against a different cause, nor two
/// different sets of named dead.
fn judge_by_terms(new: &Sketch, members: &[Sketch]) -> Option<Ties> {
    if new.rare_terms.is_empty() {
        return None;
    }
    // A report with no day shares words with no one: `days_apart` has nothing to measure.
    let mut best: Option<(Vec<&str>, f64)> = None;
    for member in members {
        let Some(apart) = new.days_apart(member) else {
            continue;
        };
        if apart > terms::TERM_DAYS {
            continue;
        }
        if let (Some(x), Some(y)) = (&new.lead.cause, &member.lead.cause) {
            if x != y {
                return None;
            }
        }
        // Within a day and in one state, or in one town, one rare word is enough: a
        // victim's surname, the bar, the hamlet.
        let same_state = matches!((new.region(), member.region()), (Some(a), Some(b)) if a == b);
        let same_town = new.city_key().is_some() && new.city_key() == member.city_key();
        let state_and_day = apart <= DAY_SLACK && same_state;
        // A report put only in its state has no town to tell it apart from the state's
        // other shootings of the day, and none to tie it to its own.
        let unplaced = new.city_key().is_none() || member.city_key().is_none();
        let needed = if state_and_day && unplaced {
            terms::SHARED_UNPLACED
        } else if state_and_day || same_town {
            terms::SHARED_NEAR
        } else {
            terms::SHARED
        };
        let (words, total) = terms::shared(&new.rare_terms, &member.terms);
        if total >= needed && best.as_ref().is_none_or(|b| total > b.1) {
            best = Some((words, total));
        }
    }
    let (words, _) = best?;
    if different_dead(new, members) {
        return None;
    }
    Some(vec![(
        Tie::Lesser,
        format!("rare words in common ({})", words.join(", ")),
    )])
}

/// Whether both sides name their dead and no name is shared: two shootings.
fn different_dead(new: &Sketch, members: &[Sketch]) -> bool {
    dead_named_apart(new, members) && judge_by_names(new, members).is_none()
}

/// Whether both sides name their dead and neither's dead are among the people the other
/// names, by surname: two shootings. Suspects and the wounded are named unevenly from report
/// to report, the dead named without saying so ("Savonie McNeil" beside "Savonnie McNeil
/// died"), and surnames spelt a letter apart ("Schofield", "Scofield").
fn dead_named_apart(new: &Sketch, members: &[Sketch]) -> bool {
    let alike = |a: &String, b: &String| {
        a == b || a.chars().count() >= 5 && b.chars().count() >= 5 && strsim::levenshtein(a, b) <= 1
    };
    let ours = new.surnames(true);
    let theirs: Vec<String> = members.iter().flat_map(|m| m.surnames(true)).collect();
    if ours.is_empty() || theirs.is_empty() {
        return false;
    }
    let named_by_us = new.surnames(false);
    let named_by_them: Vec<String> = members.iter().flat_map(|m| m.surnames(false)).collect();
    let met = |dead: &[String], named: &[String]| dead.iter().any(|d| named.iter().any(|n| alike(d, n)));
    !met(&ours, &named_by_them) && !met(&theirs, &named_by_us)
}

/// Linked by a street both name within [`STREET_DAYS`]: reports of one shooting that put
/// it in the city and in its neighbourhood, or in a town and its county, still name the
/// block. Not across states (a bare numbered street needs both to name the same state),
/// nor against a different cause or two different sets of named dead.
fn judge_by_street(new: &Sketch, members: &[Sketch]) -> Option<Ties> {
    if new.streets.is_empty() {
        return None;
    }
    let (day, _) = new.days()?;
    let state = |s: &Sketch| {
        s.lead
            .place
            .as_ref()
            .filter(|p| p.where_prec <= 4)
            .and_then(|p| p.admin1.clone())
    };
    let mut found = None;
    for member in members {
        let (Some(other), Some(apart)) = (member.day(), new.days_apart(member)) else {
            continue;
        };
        if apart > STREET_DAYS {
            continue;
        }
        let (a, b) = (state(new), state(member));
        if matches!((&a, &b), (Some(a), Some(b)) if a != b) {
            continue;
        }
        if let (Some(x), Some(y)) = (&new.lead.cause, &member.lead.cause) {
            if x != y {
                return None;
            }
        }
        let both_states = a.is_some() && a == b;
        let shared = new
            .streets
            .iter()
            .find(|s| member.streets.contains(s) && (both_states || !streets::is_numbered(s)));
        if let Some(street) = shared {
            found.get_or_insert((street.clone(), other));
        }
    }
    let (street, other) = found?;
    if different_dead(new, members) {
        return None;
    }
    Some(vec![(
        Tie::Lesser,
        format!("same street within {STREET_DAYS} days ({street}, {other} and {day})"),
    )])
}

/// Linked by state, day and toll where one of the two reports puts the event only in its
/// state ("Police: California man kills stepfather, injures mother, 3 others" beside "1 dead,
/// 4 injured … in Southeast Fresno shooting"): the same dead and wounded, three or more,
/// within [`DAY_SLACK`] in one state. Not against a different cause, a round-up, nor two
/// different sets of named dead.
fn judge_by_state_toll(new: &Sketch, members: &[Sketch]) -> Option<Ties> {
    let key = new.toll_key()?;
    let member = members.iter().find(|m| {
        (new.state_only() || m.state_only())
            && m.toll_key().as_deref() == Some(key.as_str())
            && new.days_apart(m).is_some_and(|apart| apart <= DAY_SLACK)
            && !matches!((&new.lead.cause, &m.lead.cause), (Some(a), Some(b)) if a != b)
    })?;
    if different_dead(new, members) {
        return None;
    }
    let state = new
        .lead
        .place
        .as_ref()
        .and_then(|p| p.admin1.clone())
        .unwrap_or_default();
    let toll = |c: &Option<Count>| figure(c).unwrap_or(0);
    Some(vec![(
        Tie::StateAndToll,
        format!(
            "same state, day and toll, one report placed only in the state ({state}, {} killed and {} injured, as {} tells)",
            toll(&new.lead.killed),
            toll(&new.lead.injured),
            member.document
        ),
    )])
}

/// The towns two reports put their events in, by name.
fn towns_of<'a>(a: &'a Sketch, b: &'a Sketch) -> Vec<&'a str> {
    [a, b]
        .iter()
        .filter_map(|s| s.lead.place.as_ref().map(|p| p.name.as_str()))
        .collect()
}

/// Linked by wording: a reprint or light edit of one of the incident's reports, unless the
/// two put the event in different towns or their headlines have nothing in common (the
/// bodies are then a site's furniture, or a story the pages carried beside their own).
fn judge_by_wording(new: &Sketch, members: &[Sketch]) -> Option<Ties> {
    let signature = new.signature.as_ref()?;
    let (member, alike) = members
        .iter()
        .filter_map(|m| Some((m, wording::similarity(signature, m.signature.as_ref()?))))
        .filter(|&(m, alike)| {
            // Pages of one site share their boilerplate: a reprint is of the same days too.
            let days_apart = new.days_apart(m).unwrap_or(i64::MAX);
            alike >= wording::REPRINT
                && days_apart <= REPRINT_DAYS
                && !matches!((&new.headline, &m.headline), (Some(a), Some(b)) if wording::headlines_apart(a, b, &towns_of(new, m)))
                && !matches!((new.place_key(), m.place_key()), (Some(a), Some(b)) if a != b)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    Some(vec![(
        Tie::Wording,
        format!(
            "same wording as {} ({:.0}% alike: a reprint or an update)",
            member.document,
            alike * 100.0
        ),
    )])
}

/// Linked by the people both name: the same full name in reports at most [`NAME_DAYS`]
/// apart, and no two towns of different states or countries between them.
fn judge_by_names(new: &Sketch, members: &[Sketch]) -> Option<Ties> {
    let keys = new.name_keys();
    if keys.is_empty() {
        return None;
    }
    let region = |s: &Sketch| {
        s.lead
            .place
            .as_ref()
            .filter(|p| p.where_prec <= 4)
            .map(|p| (p.admin1.clone(), p.country.clone()))
    };
    let mut shared: Vec<String> = Vec::new();
    for member in members {
        let close = new.days_apart(member).is_none_or(|apart| apart <= NAME_DAYS);
        let apart = matches!((region(new), region(member)), (Some(a), Some(b)) if a != b);
        if !close || apart {
            continue;
        }
        for person in &member.people {
            // Reasons are exported, and a minor is never named in an export.
            let named = if person.age.is_some_and(|a| a < 18) {
                "a minor".to_string()
            } else {
                person.name.clone()
            };
            let found = name_keys_of(&person.name)
                .iter()
                .any(|k| keys.iter().any(|key| keys_alike(k, key)));
            if found && !shared.contains(&named) {
                shared.push(named);
            }
        }
    }
    let reason = match shared.len() {
        0 => return None,
        1 => format!("same person named ({})", shared[0]),
        n => format!("same {n} people named ({})", shared.join(", ")),
    };
    Some(vec![(Tie::Named, reason)])
}

/// Whether two name keys are one person's: the same, or the same surname and a given name
/// of five letters or more spelt a letter apart ("Terrence Maxwell", "Terrance Maxwell").
fn keys_alike(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (Some((first_a, last_a)), Some((first_b, last_b))) = (a.rsplit_once(' '), b.rsplit_once(' ')) else {
        return false;
    };
    last_a == last_b
        && first_a.chars().count() >= 5
        && first_b.chars().count() >= 5
        && strsim::levenshtein(first_a, first_b) <= 1
}

fn judge_by_place(new: &Sketch, members: &[Sketch]) -> Option<Ties> {
    let key = new.place_key()?;
    let city = new.city_key()?;
    let day = new.day()?;
    // A town's shootings of one month are many: a report that dates its own only by the
    // month is linked by the people, streets or rare words it shares, never by its town;
    // and so is a round-up of the day's shootings.
    if new.month_dated() {
        return None;
    }
    let day_dated = || members.iter().filter(|m| !m.month_dated());
    let mut reasons = Vec::new();
    let mut matched = false;
    // A town's shootings of one day and the next do not chain: the day slack runs from the
    // incident's first day, not from its latest report's.
    let first = day_dated().filter_map(Sketch::day).min();
    if first.is_some_and(|f| (day - f).num_days().abs() > DAY_SLACK) {
        return None;
    }
    for member in day_dated() {
        // The same town and neighbourhood; or the same town where one of the two names no
        // neighbourhood ("Chicago" and "the Englewood neighborhood"), on the same day only.
        let exact = member.place_key().as_deref() == Some(key.as_str());
        let in_town = member.city_key().as_deref() == Some(city.as_str())
            && (new.lead.neighbourhood.is_none() || member.lead.neighbourhood.is_none());
        if !exact && !in_town {
            continue;
        }
        let Some(other) = member.day() else { continue };
        let apart = (day - other).num_days().abs();
        if apart > DAY_SLACK || !exact && apart > 0 {
            continue;
        }
        // A day apart, a town's two shootings are told apart by their tolls: "1 killed,
        // 7 wounded" and, the next day, "1 wounded"; or a death, and the next day someone
        // wounded and no one dead.
        if apart > 0
            && (tolls_differ(new, member)
                || wounded_after_dead(new, member)
                || more_dead_than_hit(new, member))
        {
            continue;
        }
        if let (Some(a), Some(b)) = (&new.lead.cause, &member.lead.cause) {
            if a != b {
                return None;
            }
        }
        if !matched {
            let place = new.lead.place.as_ref().map_or("", |p| p.name.as_str());
            reasons.push(if apart == 0 {
                (Tie::TownAndDay, format!("same town and day ({place}, {day})"))
            } else {
                (
                    Tie::Lesser,
                    format!("same town, a day apart ({place}, {other} and {day})"),
                )
            });
            matched = true;
        }
    }
    if !matched {
        return None;
    }
    if let Some(names) = judge_by_names(new, members) {
        reasons.extend(names);
    } else if dead_named_apart(new, members) {
        // Two shootings in one town on one day. (Given names are spelled differently:
        // "Jaxxon" and "Jaxxen Baker".)
        return None;
    }
    let killed: Vec<u64> = members.iter().filter_map(|m| figure(&m.lead.killed)).collect();
    if let Some(k) = figure(&new.lead.killed) {
        if killed.contains(&k) {
            reasons.push((Tie::Lesser, format!("same toll ({k} killed)")));
        } else if killed.iter().any(|&o| within_tenth(o, k)) {
            reasons.push((Tie::Lesser, "toll within 10%".to_string()));
        }
    }
    Some(reasons)
}

/// Whether two reports both count the dead, or both the wounded, and differ.
fn tolls_differ(a: &Sketch, b: &Sketch) -> bool {
    let differ =
        |x: &Option<Count>, y: &Option<Count>| matches!((figure(x), figure(y)), (Some(x), Some(y)) if x != y);
    differ(&a.lead.killed, &b.lead.killed) || differ(&a.lead.injured, &b.lead.injured)
}

/// Whether one report counts more dead than the other counts people hit, dead and wounded
/// told in figures: "2 boys killed, woman injured" is not the shooting of "man shot in
/// hand" the day before.
fn more_dead_than_hit(a: &Sketch, b: &Sketch) -> bool {
    let hit = |s: &Sketch| {
        let told = |c: &Option<Count>| c.as_ref().map(|c| c.best);
        match (told(&s.lead.killed), told(&s.lead.injured)) {
            (Some(Some(k)), Some(Some(i))) => Some(k + i),
            (None, Some(Some(i))) => Some(i),
            (Some(Some(k)), None) => Some(k),
            _ => None,
        }
    };
    let more =
        |x: &Sketch, y: &Sketch| matches!((figure(&x.lead.killed), hit(y)), (Some(k), Some(h)) if k > h);
    more(a, b) || more(b, a)
}

/// Whether one report counts only dead and the other, dated later, only wounded: the dead
/// do not come back to life, so the later report tells of another shooting. (The other way
/// round is a victim who died of their wounds.)
fn wounded_after_dead(a: &Sketch, b: &Sketch) -> bool {
    let dead_only = |s: &Sketch| figure(&s.lead.killed).is_some() && figure(&s.lead.injured).is_none();
    let wounded_only = |s: &Sketch| figure(&s.lead.injured).is_some() && figure(&s.lead.killed).is_none();
    let later = |x: &Sketch, y: &Sketch| matches!((x.day(), y.day()), (Some(x), Some(y)) if x > y);
    wounded_only(a) && dead_only(b) && later(a, b) || wounded_only(b) && dead_only(a) && later(b, a)
}

fn within_tenth(a: u64, b: u64) -> bool {
    a.abs_diff(b) * 10 <= a.max(b)
}

/// An incident's reports grouped into independent sources: a reprint of a story and a
/// second report from the same outlet are the same source. Each group lists member indexes.
pub fn sources(members: &[Sketch], register: &outlets::Register) -> Vec<Vec<usize>> {
    let outlet_keys: Vec<Option<String>> = members
        .iter()
        .map(|m| {
            let raw = m.outlet.as_deref()?;
            Some(
                register
                    .resolve(raw)
                    .map_or_else(|| raw.to_lowercase(), |o| o.name.clone()),
            )
        })
        .collect();
    wording::clusters(members.len(), |i, j| {
        let same_outlet = outlet_keys[i].is_some() && outlet_keys[i] == outlet_keys[j];
        same_outlet || wording::reprinted(members[i].signature.as_deref(), members[j].signature.as_deref())
    })
}

/// A count's single figure: its best, else its lower bound, else its coded vague amount.
pub fn figure(count: &Option<Count>) -> Option<u64> {
    let c = count.as_ref()?;
    c.best.or(c.low).or(c.coded)
}

/// A tally as a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Range {
    pub low: u64,
    pub best: u64,
    pub high: u64,
}

/// What an incident's reports add up to.
#[derive(Debug, Clone, Serialize)]
pub struct Tally {
    /// Everyone killed, fighters included.
    pub killed: Option<Range>,
    /// Of them, fighters, where reports tell them apart.
    pub combatants_killed: Option<Range>,
    pub injured: Option<Range>,
    pub victims: Option<String>,
    pub cause: Option<String>,
    pub place: Option<Place>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub perpetrators: Vec<String>,
}

/// One report's figure for a tally: who published it, the figure, and whether the report
/// tells it (rather than only "at least one", from "a fatal shooting").
#[derive(Debug, Clone, Copy)]
struct Told<'a> {
    source: Option<&'a str>,
    figure: u64,
    told: bool,
}

/// Whether a count is a figure the report tells, not a bare "at least".
fn is_told(count: &Option<Count>) -> bool {
    count.as_ref().is_some_and(|c| c.best.is_some())
}

/// The best figure of reports, oldest first: each source's latest (a later "toll rose to"
/// supersedes its own earlier figure), then the figure most sources give, the latest of
/// equals. Figures told win over bare "at least one"s. Nothing is averaged.
fn best_of(figures: &[Told<'_>]) -> Option<u64> {
    let told = figures.iter().any(|f| f.told);
    let mut latest: Vec<(Option<&str>, u64, usize)> = Vec::new();
    for (at, f) in figures.iter().enumerate().filter(|(_, f)| f.told || !told) {
        match latest.iter_mut().find(|l| f.source.is_some() && l.0 == f.source) {
            Some(l) => (l.1, l.2) = (f.figure, at),
            None => latest.push((f.source, f.figure, at)),
        }
    }
    latest
        .iter()
        .max_by_key(|&&(_, figure, at)| (latest.iter().filter(|l| l.1 == figure).count(), at))
        .map(|l| l.1)
}

/// Tallies an incident from its reports, oldest first.
///
/// Tolls are ranges: low and high are the least and most any report gives; best is what
/// most sources say, each by its latest report ([`best_of`]). Different reports widen the
/// range; nothing is averaged.
pub fn tally(members: &[Sketch]) -> Tally {
    let mut sorted: Vec<&Sketch> = members.iter().collect();
    sorted.sort_by_key(|m| (m.published, m.document.clone()));
    let range_of = |figures: Vec<Told<'_>>| -> Option<Range> {
        Some(Range {
            low: figures.iter().map(|f| f.figure).min()?,
            best: best_of(&figures)?,
            high: figures.iter().map(|f| f.figure).max()?,
        })
    };
    fn told<'a>(m: &&'a Sketch, figure: u64, told: bool) -> Told<'a> {
        Told {
            source: m.outlet.as_deref(),
            figure,
            told,
        }
    }
    let range = |get: fn(&Lead) -> &Option<Count>| -> Option<Range> {
        range_of(
            sorted
                .iter()
                .filter_map(|m| {
                    let count = get(&m.lead);
                    Some(told(m, figure(count)?, is_told(count)))
                })
                .collect(),
        )
    };
    // Everyone a report says was killed: civilians (or people) and fighters together.
    fn dead<'a>(m: &&'a Sketch) -> Option<Told<'a>> {
        let lead = &m.lead;
        let figure = match (figure(&lead.killed), figure(&lead.combatants_killed)) {
            (None, None) => return None,
            (a, b) => a.unwrap_or(0) + b.unwrap_or(0),
        };
        Some(told(
            m,
            figure,
            is_told(&lead.killed) || is_told(&lead.combatants_killed),
        ))
    }
    // The days reports give; a month a report dates the event by only where none gives a
    // day. A report's own day is no day of the event where its lead leaves the event
    // undated (a trial's report that never says when the killing was).
    let mut days: Vec<NaiveDate> = members
        .iter()
        .filter(|m| !m.month_dated())
        .filter_map(|m| m.lead.date)
        .collect();
    if days.is_empty() {
        days = members
            .iter()
            .filter(|m| m.month_dated())
            .filter_map(Sketch::days)
            .flat_map(|(first, last)| [first, last])
            .collect();
    }
    let most_common = |values: Vec<String>| -> Option<String> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for v in values {
            match counts.iter_mut().find(|(k, _)| *k == v) {
                Some((_, n)) => *n += 1,
                None => counts.push((v, 1)),
            }
        }
        counts.into_iter().rev().max_by_key(|(_, n)| *n).map(|(v, _)| v)
    };
    // The town most of its reports name, the earliest of equals; a state only where none
    // names a town. One report's homonym ("Newark" read as New York's) is outvoted.
    let places: Vec<&Place> = sorted.iter().filter_map(|m| m.lead.place.as_ref()).collect();
    let finest = places.iter().map(|p| p.where_prec).min();
    let place = places
        .iter()
        .enumerate()
        .filter(|(_, p)| Some(p.where_prec) == finest)
        .max_by_key(|&(i, p)| {
            let votes = places.iter().filter(|q| place_key(q) == place_key(p)).count();
            (votes, std::cmp::Reverse(i))
        })
        .map(|(_, p)| (*p).clone());
    let mut perpetrators: Vec<String> = sorted.iter().flat_map(|m| m.lead.perpetrators.clone()).collect();
    perpetrators.sort();
    perpetrators.dedup();
    Tally {
        killed: range_of(sorted.iter().filter_map(dead).collect()),
        combatants_killed: range(|l| &l.combatants_killed),
        injured: range(|l| &l.injured).filter(|_| !wounded_died(&sorted)),
        victims: most_common(sorted.iter().filter_map(|m| m.lead.victims.clone()).collect()),
        cause: most_common(sorted.iter().filter_map(|m| m.lead.cause.clone()).collect()),
        place,
        start: first_day(&days),
        end: days.iter().max().copied(),
        perpetrators,
    }
}

/// Whether an incident's wounded are its dead, told as they died: its reports of wounded
/// alone ("16-year-old in critical condition after shooting") all come out no later than
/// one of dead alone ("Teen dies after shooting"), no report tells both, the dead are as
/// many as the wounded or more, no report says the wounded live, and none is a round-up.
/// Recorders count such a victim once, as killed.
fn wounded_died(sorted: &[&Sketch]) -> bool {
    let killed = |m: &Sketch| figure(&m.lead.killed).filter(|&k| k > 0);
    let injured = |m: &Sketch| figure(&m.lead.injured).filter(|&i| i > 0);
    if sorted
        .iter()
        .any(|m| m.lead.roundup || killed(m).is_some() && injured(m).is_some())
    {
        return false;
    }
    let wounded: Vec<&&Sketch> = sorted.iter().filter(|m| injured(m).is_some()).collect();
    let dead: Vec<&&Sketch> = sorted.iter().filter(|m| killed(m).is_some()).collect();
    // Only reports that say when they came out tell which came first.
    if wounded.iter().chain(&dead).any(|m| m.published.is_none()) {
        return false;
    }
    let (Some(last_wounded), Some(last_dead)) = (
        wounded.iter().filter_map(|m| m.published).max(),
        dead.iter().filter_map(|m| m.published).max(),
    ) else {
        return false;
    };
    let most_wounded = wounded.iter().filter_map(|m| injured(m)).max().unwrap_or(0);
    let most_dead = dead.iter().filter_map(|m| killed(m)).max().unwrap_or(0);
    last_wounded <= last_dead && most_wounded <= most_dead && !wounded.iter().any(|m| m.lead.survives)
}

/// An incident's first day: the earliest day two of its reports agree on, else the
/// earliest any gives. One report's stray earlier day (a weekday misread, an earlier
/// shooting it recalls) is outvoted.
fn first_day(days: &[NaiveDate]) -> Option<NaiveDate> {
    let agreed = days
        .iter()
        .filter(|&d| days.iter().filter(|&e| e == d).count() >= 2)
        .min();
    agreed.or_else(|| days.iter().min()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An adult named with no fate told.
    fn person(name: &str) -> NamedPerson {
        NamedPerson {
            name: name.into(),
            age: Some(30),
            status: None,
            role: None,
            start: 0,
            end: 0,
        }
    }

    fn sketch(id: &str, town: &str, day: &str, killed: Option<u64>) -> Sketch {
        Sketch {
            document: id.into(),
            published: day.parse().ok(),
            headline: None,
            lead: Lead {
                killed: killed.map(Count::exact),
                cause: Some("shooting".into()),
                place: Some(Place {
                    name: town.into(),
                    admin1: Some("Tennessee".into()),
                    country: Some("US".into()),
                    lat: None,
                    lon: None,
                    where_prec: 1,
                }),
                date: day.parse().ok(),
                ..Lead::default()
            },
            people: Vec::new(),
            signature: None,
            outlet: None,
            streets: Vec::new(),
            terms: Vec::new(),
            rare_terms: Vec::new(),
        }
    }

    #[test]
    fn one_rare_word_links_reports_of_one_state_within_a_day() {
        let mut new = sketch("n", "Memphis", "2016-05-02", None);
        new.rare_terms = vec![("okafor".into(), 2)];
        let mut member = sketch("m", "Tennessee", "2016-05-02", None);
        member.lead.place.as_mut().unwrap().where_prec = 4;
        member.terms = vec!["okafor".into()];
        assert_eq!(
            judge(&new, std::slice::from_ref(&member)),
            Some(vec!["rare words in common (okafor)".to_string()])
        );
        // Three days apart and in no one town, one word is not enough.
        member.published = "2016-05-05".parse().ok();
        member.lead.date = member.published;
        assert_eq!(judge(&new, &[member]), None);
    }

    #[test]
    fn a_report_put_only_in_its_state_needs_less_in_common() {
        // "Rankin", a county's name in eight reports of the ledger: too common to tie two
        // towns' reports, enough where one of the two names no town.
        let mut new = sketch("n", "Tennessee", "2017-01-31", None);
        new.lead.place.as_mut().unwrap().where_prec = 4;
        new.rare_terms = vec![("rankin".into(), 8)];
        let mut member = sketch("m", "Brandon", "2017-01-31", None);
        member.terms = vec!["rankin".into()];
        assert!(judge(&new, std::slice::from_ref(&member)).is_some());
        new.lead.place = member.lead.place.clone().map(|p| Place {
            name: "Pearl".into(),
            ..p
        });
        assert!(judge(&new, &[member]).is_none());
    }

    #[test]
    fn same_town_and_day_links_with_its_reasons() {
        let first = sketch("a", "Memphis", "2017-01-21", Some(1));
        let reasons = judge(
            &sketch("b", "Memphis", "2017-01-22", Some(1)),
            std::slice::from_ref(&first),
        )
        .unwrap();
        assert_eq!(
            reasons,
            [
                "same town, a day apart (Memphis, 2017-01-21 and 2017-01-22)",
                "same toll (1 killed)"
            ]
        );
        assert!(judge(
            &sketch("c", "Nashville", "2017-01-21", Some(1)),
            std::slice::from_ref(&first)
        )
        .is_none());
        assert!(judge(&sketch("d", "Memphis", "2017-01-25", Some(1)), &[first]).is_none());
    }

    #[test]
    fn a_towns_shootings_a_day_apart_are_told_apart_by_their_tolls() {
        let mut first = sketch("a", "Memphis", "2017-01-21", Some(1));
        first.lead.injured = Some(Count::exact(7));
        // The same day, a report may well count fewer wounded than a later one.
        let mut same_day = sketch("b", "Memphis", "2017-01-21", Some(1));
        same_day.lead.injured = Some(Count::exact(2));
        assert!(judge(&same_day, std::slice::from_ref(&first)).is_some());
        // The next day, "1 wounded" and no one dead is another shooting.
        let mut next_day = sketch("c", "Memphis", "2017-01-22", None);
        next_day.lead.injured = Some(Count::exact(1));
        next_day.lead.killed = Some(Count::exact(0));
        assert!(judge(&next_day, std::slice::from_ref(&first)).is_none());
        // One that gives no toll of its own is still the same.
        assert!(judge(&sketch("d", "Memphis", "2017-01-22", None), &[first]).is_some());
    }

    #[test]
    fn more_dead_than_the_day_befores_shooting_hit_is_another_shooting() {
        let mut hand = sketch("a", "Memphis", "2017-01-02", None);
        hand.lead.injured = Some(Count::exact(1));
        // "2 boys killed, woman injured" the next day: more dead than were hit before.
        let mut boys = sketch("b", "Memphis", "2017-01-03", Some(2));
        boys.lead.injured = Some(Count::qualified(tally_core::Qualifier::AtLeast, 1));
        assert!(judge(&boys, std::slice::from_ref(&hand)).is_none());
        // The one wounded having died is the same shooting.
        let died = sketch("c", "Memphis", "2017-01-03", Some(1));
        assert!(judge(&died, &[hand]).is_some());
    }

    #[test]
    fn the_dead_do_not_turn_wounded_a_day_later() {
        let dead = sketch("a", "Memphis", "2017-03-24", Some(1));
        let mut wounded = sketch("b", "Memphis", "2017-03-25", None);
        wounded.lead.injured = Some(Count::exact(1));
        // A boy found dead, and the next day a boy who shot himself: two shootings.
        assert!(judge(&wounded, std::slice::from_ref(&dead)).is_none());
        // Someone wounded one day and dead the next is one victim who died.
        let mut earlier = wounded.clone();
        earlier.lead.date = "2017-03-23".parse().ok();
        assert!(judge(&earlier, std::slice::from_ref(&dead)).is_some());
        assert!(judge(&dead, &[earlier]).is_some());
    }

    #[test]
    fn a_towns_shootings_of_following_days_do_not_chain() {
        let members = [
            sketch("a", "Memphis", "2017-01-21", Some(1)),
            sketch("b", "Memphis", "2017-01-22", Some(1)),
        ];
        assert!(judge(&sketch("c", "Memphis", "2017-01-22", Some(1)), &members).is_some());
        assert!(judge(&sketch("d", "Memphis", "2017-01-23", Some(1)), &members).is_none());
    }

    #[test]
    fn an_incidents_first_day_is_the_earliest_two_reports_agree_on() {
        let day = |d: &str| d.parse::<NaiveDate>().unwrap();
        let days = [
            day("2017-01-21"),
            day("2017-01-27"),
            day("2017-01-27"),
            day("2017-01-28"),
        ];
        assert_eq!(first_day(&days), Some(day("2017-01-27")));
        assert_eq!(first_day(&days[..2]), Some(day("2017-01-21")));
        assert_eq!(first_day(&[]), None);
    }

    #[test]
    fn a_report_that_leaves_its_event_undated_dates_no_incident() {
        // A trial's report, published 2017-03-08, that never says when the killing was.
        let mut trial = sketch("t", "Warren", "2017-03-08", Some(2));
        trial.lead.date = None;
        assert_eq!(tally(std::slice::from_ref(&trial)).start, None);
        // The shooting's own reports date it.
        let shooting = sketch("s", "Warren", "2017-02-25", Some(2));
        let both = tally(&[trial, shooting]);
        assert_eq!(
            (both.start, both.end),
            ("2017-02-25".parse().ok(), "2017-02-25".parse().ok())
        );
    }

    #[test]
    fn a_town_and_one_of_its_neighbourhoods_are_one_place_on_one_day() {
        let first = {
            let mut s = sketch("a", "Memphis", "2017-01-21", Some(1));
            s.lead.neighbourhood = Some("Whitehaven".into());
            s
        };
        let town = |id: &str, day: &str| sketch(id, "Memphis", day, Some(1));
        assert!(judge(&town("b", "2017-01-21"), std::slice::from_ref(&first)).is_some());
        assert!(judge(&town("c", "2017-01-22"), std::slice::from_ref(&first)).is_none());
    }

    #[test]
    fn two_neighbourhoods_of_one_city_are_two_places() {
        let in_quarter = |id: &str, quarter: &str| {
            let mut s = sketch(id, "Memphis", "2017-01-21", Some(1));
            s.lead.neighbourhood = Some(quarter.into());
            s
        };
        let first = in_quarter("a", "Whitehaven");
        assert!(judge(&in_quarter("b", "Frayser"), std::slice::from_ref(&first)).is_none());
        assert!(judge(&in_quarter("c", "Whitehaven"), std::slice::from_ref(&first)).is_some());
    }

    #[test]
    fn reasons_weigh_by_their_kind() {
        let first = sketch("a", "Memphis", "2017-01-21", Some(1));
        // The same town and day (2) and the same toll (1).
        let (strength, reasons) = weigh(
            &sketch("b", "Memphis", "2017-01-21", Some(1)),
            std::slice::from_ref(&first),
        )
        .unwrap();
        assert_eq!(strength, 3);
        assert_eq!(reasons.len(), 2);
        // A person both name weighs more than the town and day: a suspect's name picks the
        // shooting among a town's of one day.
        let mut named = first.clone();
        named.people = vec![person("Dale Pruitt")];
        let mut new = sketch("c", "Memphis", "2017-01-21", Some(2));
        new.people = vec![person("Dale Pruitt")];
        assert_eq!(weigh(&new, &[named]).map(|(s, _)| s), Some(6));
        assert_eq!(weigh(&new, &[first]).map(|(s, _)| s), Some(2));
    }

    #[test]
    fn a_hyphenated_surname_links_with_either_half() {
        assert_eq!(
            name_keys_of("Reginald Rose-Robinson"),
            ["reginald rose-robinson", "reginald rose", "reginald robinson"]
        );
        // Weeks apart and in two towns' reports, only the name ties them.
        let mut first = sketch("a", "Detroit", "2017-02-24", Some(1));
        first.people = vec![person("Reginald Rose-Robinson")];
        let mut later = sketch("b", "Dearborn", "2017-03-15", Some(1));
        later.people = vec![person("Reginald Robinson")];
        assert_eq!(
            judge(&later, std::slice::from_ref(&first)),
            Some(vec!["same person named (Reginald Rose-Robinson)".to_string()])
        );
        later.people = vec![person("Reginald Rosen")];
        assert_eq!(judge(&later, &[first]), None);
    }

    #[test]
    fn the_same_named_person_links_and_a_minor_stays_unnamed() {
        let person = |name: &str, age| NamedPerson {
            name: name.into(),
            age: Some(age),
            status: None,
            role: None,
            start: 0,
            end: 0,
        };
        let mut first = sketch("a", "Memphis", "2017-01-21", Some(1));
        first.people = vec![person("Darnell K. Price", 24), person("Tia Moss", 15)];
        let mut later = sketch("b", "Nashville", "2017-06-02", None);
        later.people = vec![person("Darnell Price Jr.", 24), person("Tia Moss", 15)];
        let reasons = judge(&later, std::slice::from_ref(&first)).unwrap();
        assert_eq!(reasons, ["same 2 people named (Darnell K. Price, a minor)"]);
        let mut elsewhere = later.clone();
        elsewhere.lead.place.as_mut().unwrap().admin1 = Some("Ohio".into());
        assert!(judge(&elsewhere, &[first]).is_none());
    }

    #[test]
    fn the_dead_named_by_one_and_spelt_apart_by_another_are_one_shooting() {
        let person = |name: &str, status| NamedPerson {
            name: name.into(),
            age: None,
            status,
            role: None,
            start: 0,
            end: 0,
        };
        let killed = Some(tally_core::PersonStatus::Killed);
        let mut first = sketch("a", "Bridgeport", "2015-06-11", Some(1));
        first.people = vec![person("Savonnie McNeil", killed)];
        let mut second = sketch("b", "Bridgeport", "2015-06-11", Some(1));
        second.people = vec![
            person("Jamal Hamilton", killed),
            person("Savonie McNeil", Some(tally_core::PersonStatus::Injured)),
        ];
        assert!(judge(&second, std::slice::from_ref(&first)).is_some());
        let mut third = sketch("c", "Bridgeport", "2015-06-11", Some(1));
        third.people = vec![person("Jermaine Scofield", killed)];
        let mut fourth = sketch("d", "Bridgeport", "2015-06-11", Some(1));
        fourth.people = vec![person("Jermaine Schofield", killed)];
        assert!(judge(&fourth, std::slice::from_ref(&third)).is_some());
        // Dead named apart, and no one named by both: two shootings.
        assert!(judge(&fourth, &[first]).is_none());
    }

    #[test]
    fn the_dead_named_by_both_surnames_and_by_the_first_are_one_shooting() {
        let dead = |name: &str| NamedPerson {
            status: Some(tally_core::PersonStatus::Killed),
            ..person(name)
        };
        let mut first = sketch("a", "Chelsea", "2016-03-06", Some(1));
        first.people = vec![dead("Pablo Villeda")];
        let mut second = sketch("b", "Chelsea", "2016-03-06", Some(1));
        second.people = vec![dead("Pablo Villeda Estrada")];
        assert!(judge(&second, std::slice::from_ref(&first)).is_some());
        let mut third = sketch("c", "Chelsea", "2016-03-06", Some(1));
        third.people = vec![dead("Pablo Estrada Villanueva")];
        assert!(judge(&third, &[first]).is_none());
    }

    #[test]
    fn a_roundup_joins_one_incident_and_ties_no_other_to_it() {
        let mut roundup = sketch("a", "Chicago", "2017-02-11", Some(1));
        roundup.lead.roundup = true;
        roundup.people = vec![person("Takiya Holmes")];
        let mut austin = sketch("b", "Chicago", "2017-02-11", Some(1));
        austin.lead.neighbourhood = Some("Austin".into());
        let mut woodlawn = sketch("c", "Chicago", "2017-02-11", None);
        woodlawn.lead.neighbourhood = Some("Woodlawn".into());
        woodlawn.people = vec![person("Takiya Holmes")];
        // The round-up joined the Austin shooting; the girl it also names was shot in
        // another.
        assert!(judge(&roundup, std::slice::from_ref(&austin)).is_some());
        assert!(judge(&woodlawn, &[roundup.clone(), austin]).is_none());
        // An incident of round-ups alone takes what they tie to it.
        assert!(judge(&woodlawn, &[roundup]).is_some());
    }

    #[test]
    fn a_given_name_spelt_a_letter_apart_is_the_same_person() {
        let mut first = sketch("a", "Memphis", "2017-01-21", Some(1));
        first.people = vec![person("Terrance Maxwell")];
        let mut second = sketch("b", "Memphis", "2017-02-17", None);
        second.people = vec![person("Terrence Maxwell")];
        assert_eq!(
            judge(&second, std::slice::from_ref(&first)),
            Some(vec!["same person named (Terrance Maxwell)".to_string()])
        );
        // A short given name, or another surname, is someone else.
        second.people = vec![person("Jon Maxwell")];
        first.people = vec![person("Jan Maxwell")];
        assert_eq!(judge(&second, std::slice::from_ref(&first)), None);
        second.people = vec![person("Terrance Maxfield")];
        assert_eq!(judge(&second, &[first]), None);
    }

    #[test]
    fn a_report_dated_by_its_month_links_by_words_not_by_town() {
        let day = |s: &str| s.parse::<NaiveDate>().ok();
        let shooting = sketch("a", "Memphis", "2016-04-24", Some(1));
        let mut plea = sketch("b", "Memphis", "2016-06-13", None);
        (plea.lead.date, plea.lead.date_end) = (day("2016-04-01"), day("2016-04-30"));
        assert!(plea.month_dated());
        assert_eq!(plea.days_apart(&shooting), Some(0));
        // A town's shootings of one month are many: the town alone links nothing.
        assert_eq!(judge(&plea, std::slice::from_ref(&shooting)), None);
        let mut member = shooting.clone();
        member.terms = vec!["okafor".into()];
        plea.rare_terms = vec![("okafor".into(), 2)];
        assert_eq!(
            judge(&plea, &[member]),
            Some(vec!["rare words in common (okafor)".to_string()])
        );
        // An incident known only by the month is dated by it; a day a report gives wins.
        let alone = tally(std::slice::from_ref(&plea));
        assert_eq!((alone.start, alone.end), (day("2016-04-01"), day("2016-04-30")));
        let both = tally(&[shooting, plea]);
        assert_eq!((both.start, both.end), (day("2016-04-24"), day("2016-04-24")));
    }

    #[test]
    fn the_same_street_links_a_city_and_its_neighbourhood() {
        let mut city = sketch("a", "Chicago", "2016-06-28", Some(1));
        city.lead.place.as_mut().unwrap().admin1 = Some("Illinois".into());
        city.streets = vec!["south king drive".into(), "79th street".into()];
        let mut area = sketch("b", "South Shore", "2016-06-29", Some(1));
        area.lead.place.as_mut().unwrap().admin1 = Some("Illinois".into());
        area.streets = vec!["south king drive".into()];
        let reasons = judge(&area, std::slice::from_ref(&city)).unwrap();
        assert_eq!(
            reasons,
            ["same street within 2 days (south king drive, 2016-06-28 and 2016-06-29)"]
        );
        // Not across states, and a numbered street alone needs both to name the state.
        let mut elsewhere = area.clone();
        elsewhere.lead.place.as_mut().unwrap().admin1 = Some("Ohio".into());
        assert!(judge(&elsewhere, std::slice::from_ref(&city)).is_none());
        let mut numbered = area.clone();
        numbered.streets = vec!["79th street".into()];
        numbered.lead.place = None;
        assert!(judge(&numbered, &[city]).is_none());
    }

    #[test]
    fn best_is_what_most_sources_say_each_by_its_latest_report() {
        let from = |id: &str, outlet: &str, day: &str, killed: u64| {
            let mut s = sketch(id, "Memphis", day, Some(killed));
            s.outlet = Some(outlet.into());
            s
        };
        let best = |members: &[Sketch]| tally(members).killed.map(|r| (r.low, r.best, r.high));
        // Two outlets say 2; a third's later 3 widens the range but is outvoted.
        let members = [
            from("a", "wreg.com", "2017-01-21", 2),
            from("b", "wmc.com", "2017-01-21", 2),
            from("c", "fox13.com", "2017-01-22", 3),
        ];
        assert_eq!(best(&members), Some((2, 2, 3)));
        // The same outlet's later "toll rose to 3" supersedes its own 2: one source each.
        let members = [
            from("a", "wreg.com", "2017-01-21", 2),
            from("b", "wreg.com", "2017-01-22", 3),
        ];
        assert_eq!(best(&members), Some((2, 3, 3)));
        // A toll told beats "at least one" from a fatal shooting.
        let mut vague = from("c", "fox13.com", "2017-01-23", 1);
        vague.lead.killed = Some(Count::qualified(tally_core::Qualifier::AtLeast, 1));
        let members = [from("a", "wreg.com", "2017-01-21", 2), vague];
        assert_eq!(best(&members), Some((1, 2, 2)));
    }

    #[test]
    fn a_tally_is_a_range_with_the_latest_figure_as_best() {
        let members = [
            sketch("a", "Memphis", "2017-01-21", Some(1)),
            sketch("b", "Memphis", "2017-01-22", Some(3)),
            sketch("c", "Memphis", "2017-01-23", Some(2)),
        ];
        let t = tally(&members);
        assert_eq!(
            t.killed,
            Some(Range {
                low: 1,
                best: 2,
                high: 3
            })
        );
        assert_eq!(t.injured, None);
        assert_eq!(t.place.unwrap().name, "Memphis");
    }

    #[test]
    fn a_report_placed_only_in_its_state_joins_by_day_and_toll() {
        let with_toll = |id: &str, town: &str, day: &str, killed: u64, injured: u64| {
            let mut s = sketch(id, town, day, Some(killed));
            s.lead.injured = Some(Count::exact(injured));
            s
        };
        let town = with_toll("a", "Memphis", "2017-01-21", 1, 4);
        let mut state = with_toll("b", "Tennessee", "2017-01-22", 1, 4);
        state.lead.place.as_mut().unwrap().where_prec = 4;
        let reasons = judge(&state, std::slice::from_ref(&town)).expect("the same toll a day apart");
        assert!(reasons[0].starts_with("same state, day and toll"), "{reasons:?}");
        // And the other way round.
        assert!(judge(&town, std::slice::from_ref(&state)).is_some());
        // Not another toll, nor one of under three, nor two towns, nor three days apart.
        let mut other = state.clone();
        other.lead.injured = Some(Count::exact(3));
        assert!(judge(&other, std::slice::from_ref(&town)).is_none());
        let small_town = with_toll("c", "Memphis", "2017-01-21", 1, 1);
        let mut small_state = with_toll("d", "Tennessee", "2017-01-21", 1, 1);
        small_state.lead.place.as_mut().unwrap().where_prec = 4;
        assert!(judge(&small_state, std::slice::from_ref(&small_town)).is_none());
        let elsewhere = with_toll("e", "Nashville", "2017-01-21", 1, 4);
        assert!(judge(&elsewhere, std::slice::from_ref(&town)).is_none());
        let mut later = state.clone();
        later.lead.date = "2017-01-24".parse().ok();
        assert!(judge(&later, std::slice::from_ref(&town)).is_none());
    }

    #[test]
    fn a_wounded_victim_who_died_is_counted_once_as_killed() {
        let wounded = |id: &str, day: &str| Sketch {
            lead: Lead {
                injured: Some(Count::exact(1)),
                ..sketch(id, "Memphis", day, None).lead
            },
            ..sketch(id, "Memphis", day, None)
        };
        // "Teen in critical condition after shooting", then "Teen dies".
        let died = [
            wounded("a", "2017-01-21"),
            sketch("b", "Memphis", "2017-01-23", Some(1)),
        ];
        let t = tally(&died);
        assert_eq!((t.killed.map(|r| r.best), t.injured), (Some(1), None));
        // A report that says the wounded will live keeps them: the dead are someone else.
        let mut lives = died.clone();
        lives[0].lead.survives = true;
        assert_eq!(tally(&lives).injured.map(|r| r.best), Some(1));
        // So does one that tells both, and a report of wounded after the death.
        let mut both = died.clone();
        both[1].lead.injured = Some(Count::exact(1));
        assert_eq!(tally(&both).injured.map(|r| r.best), Some(1));
        let later = [
            sketch("b", "Memphis", "2017-01-21", Some(1)),
            wounded("a", "2017-01-23"),
        ];
        assert_eq!(tally(&later).injured.map(|r| r.best), Some(1));
    }
}
