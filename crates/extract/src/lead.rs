//! The lead incident: the event a report is chiefly about, if any.

use crate::analysis::Analysis;
use crate::claims::Figure;
use crate::words;
use chrono::NaiveDate;
use tally_core::{Claim, ClaimKind, Lead, Place};

/// How many sentences from the top a lead's figures may come from.
const LEAD_SENTENCES: usize = 3;
/// A figure whose period ends this long before the report is background, not the lead.
const BACKGROUND_DAYS: i64 = 60;

fn is_combatant(victims: Option<&str>) -> bool {
    victims.is_some_and(|v| {
        v.split_whitespace()
            .any(|w| words::COMBATANT_NOUNS.contains(&w.to_lowercase().as_str()))
    })
}

fn has_word(victims: Option<&str>, wanted: &[&str]) -> bool {
    victims.is_some_and(|v| {
        v.split_whitespace()
            .any(|w| wanted.contains(&w.to_lowercase().as_str()))
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
            "jets",
            "aircraft",
            "raids",
            "helicopter",
            "helicopters",
            "drone",
            "bombing",
            "bombardment",
            "barrel",
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
        ],
        "explosion",
    ),
    (
        &[
            "shot",
            "shooting",
            "gunmen",
            "sniper",
            "snipers",
            "gunfire",
            "shootings",
            "gunman",
        ],
        "shooting",
    ),
];

fn cause_in(a: &Analysis<'_>, sentences: std::ops::Range<usize>) -> Option<String> {
    let mut found: Vec<(usize, &str)> = Vec::new();
    for s in sentences {
        for k in a.sentences[s].clone() {
            let word = a.lower(k);
            for (rank, (cue_words, cause)) in CAUSES.iter().enumerate() {
                if cue_words.contains(&word.as_str()) {
                    found.push((rank, cause));
                }
            }
        }
        if !found.is_empty() {
            break;
        }
    }
    found
        .into_iter()
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, c)| c.to_string())
}

/// Picks the lead from the claims of the first sentences, leaving out rates and background.
pub fn find_lead(
    a: &Analysis<'_>,
    claims: &[(Claim, Figure)],
    report_day: Option<NaiveDate>,
    default_place: Option<&Place>,
) -> Option<Lead> {
    let zone_end = a.sentences.len().min(LEAD_SENTENCES);
    let in_zone = |figure: &Figure| a.sentence_of[figure.tokens.start] < zone_end;
    let foreground = |claim: &Claim| {
        claim.count.is_some_and(|c| c.per.is_none())
            && match (claim.period.end, report_day) {
                (Some(end), Some(day)) => (day - end).num_days() <= BACKGROUND_DAYS,
                _ => true,
            }
    };
    let lead_claims: Vec<&Claim> = claims
        .iter()
        .filter(|(c, f)| in_zone(f) && foreground(c))
        .map(|(c, _)| c)
        .collect();
    let killed = lead_claims
        .iter()
        .find(|c| c.kind == ClaimKind::Killed && !is_combatant(c.victims.as_deref()));
    let combatants = lead_claims
        .iter()
        .find(|c| c.kind == ClaimKind::Killed && is_combatant(c.victims.as_deref()));
    let injured = lead_claims.iter().find(|c| c.kind == ClaimKind::Injured);
    let main = killed.or(combatants).or(injured)?;
    let part = |wanted: &[&str]| {
        lead_claims
            .iter()
            .find(|c| c.kind == ClaimKind::Killed && has_word(c.victims.as_deref(), wanted))
            .and_then(|c| c.count.and_then(|n| n.key()))
    };
    let date = match (main.period.start, main.period.end) {
        (Some(start), Some(end)) if start == end => Some(start),
        _ => report_day,
    };
    let mut perpetrators = main.perpetrators.clone();
    if perpetrators.is_empty() {
        for (claim, _) in claims.iter().filter(|(_, f)| in_zone(f)) {
            for p in &claim.perpetrators {
                if !perpetrators.contains(p) {
                    perpetrators.push(p.clone());
                }
            }
        }
    }
    Some(Lead {
        killed: killed.and_then(|c| c.count),
        combatants_killed: combatants.and_then(|c| c.count),
        injured: injured.and_then(|c| c.count),
        children_killed: part(&["children", "child", "kids", "boys", "girls"]),
        women_killed: part(&["women", "woman"]),
        victims: main.victims.clone(),
        cause: cause_in(a, 0..zone_end),
        place: main.place.clone().or_else(|| default_place.cloned()),
        date,
        perpetrators,
    })
}
