//! Grades for incidents, after Airwars (DOMAIN.md): how far to trust each one.
//!
//! The whole policy is this file, and its version is [`POLICY`]: a change of rule is a new
//! version, so that a ledger's grades can be told apart by the rules that made them, and
//! `tally regrade` grades a whole ledger again under the current one.
//!
//! Policy 2, in order (the first rule that holds gives the grade):
//! 1. **discounted**: the victims, in the reports' words, are combatants;
//! 2. **confirmed**: a report is a belligerent's own statement (the outlet register's
//!    `belligerent`) and that belligerent is among the parties blamed;
//! 3. **contested**: two or more parties are blamed;
//! 4. **fair**: two or more independent sources (reprints of one story, and reports of one
//!    outlet, are one source), at least one of them not speaking for a side (state or party
//!    media, the opposition, a belligerent): partisan outlets alone do not corroborate;
//! 5. **weak**: anything else, a single source above all.
//!
//! An outlet the register does not know counts as independent: most are local papers.

use crate::outlets::{Affiliation, Register};
use crate::{sources, tally, Sketch};
use serde::Serialize;

/// The grading rules' name and version.
pub const POLICY: &str = "tally-grading 2";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    /// A belligerent accepted responsibility.
    Confirmed,
    /// Two or more independent sources, not all partisan.
    Fair,
    /// A single source, or partisan ones only.
    Weak,
    /// Competing claims of responsibility.
    Contested,
    /// Those harmed were combatants.
    Discounted,
}

impl Grade {
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Confirmed => "confirmed",
            Grade::Fair => "fair",
            Grade::Weak => "weak",
            Grade::Contested => "contested",
            Grade::Discounted => "discounted",
        }
    }
}

/// Whether the victims, in the report's words, are combatants.
pub fn are_combatants(victims: Option<&str>) -> bool {
    victims.is_some_and(|v| {
        let v = v.to_lowercase();
        [
            "fighter",
            "soldier",
            "militant",
            "rebel",
            "troop",
            "jihadist",
            "combatant",
            "gunmen",
        ]
        .iter()
        .any(|w| v.contains(w))
    })
}

/// An incident's grade with what it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub grade: Grade,
    /// Independent sources: reprints and reports of one outlet count once.
    pub sources: usize,
    /// Why, in words: "2 independent sources: Reuters (wire service), SANA (state media)".
    pub reasons: Vec<String>,
}

/// Grades an incident from its reports under [`POLICY`].
pub fn assess(members: &[Sketch], register: &Register) -> Assessment {
    let tally = tally(members);
    let groups = sources(members, register);
    // Each source as "name (affiliation)", and whether it speaks for a side.
    let described: Vec<(String, bool)> = groups
        .iter()
        .map(|group| {
            let outlet = group
                .iter()
                .find_map(|&i| members[i].outlet.as_deref())
                .map(|raw| (raw, register.resolve(raw)));
            let partisan = group.iter().all(|&i| {
                members[i]
                    .outlet
                    .as_deref()
                    .and_then(|raw| register.resolve(raw))
                    .is_some_and(|o| o.affiliation.is_partisan())
            });
            let name = match outlet {
                Some((_, Some(known))) => format!("{} ({})", known.name, known.affiliation.as_str()),
                Some((raw, None)) => raw.to_string(),
                None => format!("report {}", members[group[0]].document),
            };
            let name = match group.len() {
                1 => name,
                n => format!("{name}, {n} reports"),
            };
            (name, partisan)
        })
        .collect();
    let sources_line = match described.len() {
        1 => format!("a single source: {}", described[0].0),
        n => format!(
            "{n} independent sources: {}",
            described
                .iter()
                .map(|(d, _)| d.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ),
    };
    let confessing = members.iter().find_map(|m| {
        let outlet = register.resolve(m.outlet.as_deref()?)?;
        let party = outlet.parties.iter().find(|p| tally.perpetrators.contains(p))?;
        (outlet.affiliation == Affiliation::Belligerent)
            .then(|| format!("{} speaks for {party}", outlet.name))
    });
    let (grade, first) = if are_combatants(tally.victims.as_deref()) {
        (
            Grade::Discounted,
            format!(
                "those harmed are combatants ({})",
                tally.victims.as_deref().unwrap_or("")
            ),
        )
    } else if let Some(confession) = confessing {
        (
            Grade::Confirmed,
            format!("a belligerent's own statement accepts it: {confession}"),
        )
    } else if tally.perpetrators.len() >= 2 {
        (
            Grade::Contested,
            format!("several parties blamed: {}", tally.perpetrators.join(", ")),
        )
    } else if described.len() >= 2 && described.iter().any(|(_, partisan)| !partisan) {
        (
            Grade::Fair,
            "corroborated by a source that speaks for no side".to_string(),
        )
    } else if described.len() >= 2 {
        (Grade::Weak, "every source speaks for a side".to_string())
    } else {
        (Grade::Weak, "uncorroborated".to_string())
    };
    Assessment {
        grade,
        sources: groups.len(),
        reasons: vec![first, sources_line],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::Lead;

    fn report(id: &str, outlet: &str, perpetrators: &[&str], victims: &str) -> Sketch {
        Sketch {
            document: id.into(),
            published: None,
            headline: None,
            lead: Lead {
                victims: Some(victims.into()),
                perpetrators: perpetrators.iter().map(|p| p.to_string()).collect(),
                ..Lead::default()
            },
            people: Vec::new(),
            signature: None,
            outlet: Some(outlet.into()),
            streets: Vec::new(),
            terms: Vec::new(),
            rare_terms: Vec::new(),
        }
    }

    #[test]
    fn grades_follow_the_policy_in_order() {
        let register = Register::builtin();
        let grade = |members: &[Sketch]| assess(members, register).grade;
        let coalition = ["US-led coalition"];
        assert_eq!(
            grade(&[report("a", "reuters", &coalition, "IS fighters")]),
            Grade::Discounted
        );
        assert_eq!(
            grade(&[
                report("a", "reuters", &coalition, "civilians"),
                report("b", "centcom.mil", &coalition, "civilians"),
            ]),
            Grade::Confirmed
        );
        assert_eq!(
            grade(&[
                report(
                    "a",
                    "reuters",
                    &["US-led coalition", "Russian forces"],
                    "civilians"
                ),
                report("b", "sana", &[], "civilians"),
            ]),
            Grade::Contested
        );
        assert_eq!(
            grade(&[
                report("a", "reuters", &coalition, "civilians"),
                report("b", "sana", &coalition, "civilians"),
            ]),
            Grade::Fair
        );
        assert_eq!(
            grade(&[
                report("a", "sana", &coalition, "civilians"),
                report("b", "tass", &coalition, "civilians"),
            ]),
            Grade::Weak
        );
        assert_eq!(
            grade(&[report("a", "reuters", &coalition, "civilians")]),
            Grade::Weak
        );
    }

    #[test]
    fn two_reports_of_one_outlet_are_one_source() {
        let register = Register::builtin();
        let members = [
            report("a", "Reuters", &[], "civilians"),
            report("b", "reuters.com", &[], "civilians"),
        ];
        let assessment = assess(&members, register);
        assert_eq!((assessment.grade, assessment.sources), (Grade::Weak, 1));
        assert_eq!(
            assessment.reasons[1],
            "a single source: Reuters (wire service), 2 reports"
        );
    }
}
