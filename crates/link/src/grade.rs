//! Grades for incidents, after Airwars (DOMAIN.md): how far to trust each one.
//!
//! The whole policy is this file, and its version is [`POLICY`]: a change of rule is a new
//! version, so that a ledger's grades can be told apart by the rules that made them.

use serde::Serialize;

/// The grading rules' name and version.
pub const POLICY: &str = "tally-grading 1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    /// A belligerent accepted responsibility.
    Confirmed,
    /// Two or more independent sources.
    Fair,
    /// A single source.
    Weak,
    /// Competing claims of responsibility.
    Contested,
    /// Those harmed were combatants.
    Discounted,
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

/// An incident's grade, from its independent sources (reprints of one story count once),
/// the parties blamed and who was harmed. In order: combatants harmed → discounted;
/// several parties blamed → contested; two or more independent sources → fair; else weak.
/// "Confirmed" needs a belligerent's own statement accepting responsibility, which the
/// outlet register will tell; until then no incident is graded confirmed.
pub fn grade(independent_sources: usize, perpetrators: &[String], victims: Option<&str>) -> Grade {
    if are_combatants(victims) {
        Grade::Discounted
    } else if perpetrators.len() >= 2 {
        Grade::Contested
    } else if independent_sources >= 2 {
        Grade::Fair
    } else {
        Grade::Weak
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_follow_the_policy_in_order() {
        let one = vec!["Syrian government".to_string()];
        let two = vec!["Syrian government".to_string(), "Russia".to_string()];
        assert_eq!(grade(3, &one, Some("IS fighters")), Grade::Discounted);
        assert_eq!(grade(3, &two, Some("civilians")), Grade::Contested);
        assert_eq!(grade(2, &one, Some("civilians")), Grade::Fair);
        assert_eq!(grade(1, &one, Some("civilians")), Grade::Weak);
    }
}
