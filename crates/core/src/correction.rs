//! A person's correction of what the extractor read: a claim's figure, claimant, place,
//! period or perpetrators, or the claim rejected; or the same of a report's lead incident.
//!
//! Corrections are kept apart from what the machine read (the ledger's `corrections`
//! table, with who, when and why) and applied over it, so that re-reading a report with a
//! newer extractor keeps them.

use crate::{Claim, Claimant, Count, Lead, Period, Place, Qualifier};
use serde::{Deserialize, Serialize};

/// One field set by a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "lowercase")]
pub enum Correction {
    /// The figure: a claim's count, or the lead's killed.
    Figure(Count),
    /// The lead's injured (a claim's figure is `Figure`).
    Injured(Count),
    Claimant(Option<String>),
    Place(Option<Place>),
    Period(Period),
    Perpetrators(Vec<String>),
    /// Not a claim at all, or not this report's incident: left out of every view and export.
    Reject,
}

impl Correction {
    /// The field's name, as the audit log and diffs give it.
    pub fn field(&self) -> &'static str {
        match self {
            Correction::Figure(_) => "figure",
            Correction::Injured(_) => "injured",
            Correction::Claimant(_) => "claimant",
            Correction::Place(_) => "place",
            Correction::Period(_) => "period",
            Correction::Perpetrators(_) => "perpetrators",
            Correction::Reject => "reject",
        }
    }

    /// The new value in words.
    pub fn describe(&self) -> String {
        match self {
            Correction::Figure(c) | Correction::Injured(c) => c.to_string(),
            Correction::Claimant(c) => c.clone().unwrap_or_else(|| "(the report)".into()),
            Correction::Place(p) => p.as_ref().map_or_else(|| "(none)".into(), describe_place),
            Correction::Period(p) => describe_period(p),
            Correction::Perpetrators(p) if p.is_empty() => "(none)".into(),
            Correction::Perpetrators(p) => p.join(", "),
            Correction::Reject => "rejected".into(),
        }
    }

    /// Applies this to a claim. `Injured` is for leads only: it returns false.
    pub fn apply_to_claim(&self, claim: &mut Claim) -> bool {
        match self {
            Correction::Figure(c) => claim.count = Some(*c),
            Correction::Claimant(name) => {
                claim.claimant = name.clone().map(|name| Claimant { name, role: None })
            }
            Correction::Place(p) => claim.place.clone_from(p),
            Correction::Period(p) => claim.period = *p,
            Correction::Perpetrators(p) => claim.perpetrators.clone_from(p),
            Correction::Injured(_) | Correction::Reject => return false,
        }
        true
    }

    /// Applies this to a report's lead. A lead has no claimant: that returns false.
    /// `Reject` takes the lead away, so that the report joins no incident.
    pub fn apply_to_lead(&self, lead: &mut Option<Lead>) -> bool {
        if let Correction::Reject = self {
            *lead = None;
            return true;
        }
        let lead = lead.get_or_insert_with(Lead::default);
        match self {
            Correction::Figure(c) => lead.killed = Some(*c),
            Correction::Injured(c) => lead.injured = Some(*c),
            Correction::Place(p) => lead.place.clone_from(p),
            Correction::Period(p) => {
                lead.date = p.start;
                lead.date_end = p.end.filter(|&end| Some(end) != p.start);
            }
            Correction::Perpetrators(p) => lead.perpetrators.clone_from(p),
            Correction::Claimant(_) | Correction::Reject => return false,
        }
        true
    }
}

pub fn describe_place(p: &Place) -> String {
    [Some(p.name.as_str()), p.admin1.as_deref(), p.country.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn describe_period(p: &Period) -> String {
    match (p.start, p.end) {
        (None, None) => "(none)".into(),
        (Some(a), Some(b)) if a == b => a.to_string(),
        (a, b) => format!(
            "{}..{}",
            a.map(|d| d.to_string()).unwrap_or_default(),
            b.map(|d| d.to_string()).unwrap_or_default()
        ),
    }
}

impl std::str::FromStr for Count {
    type Err = String;

    /// A figure as a person types it: "12", "at least 12", "more than 2000", "about 25000",
    /// "at most 3", "less than 5", "30-50" or "30 to 50". Commas in numbers are ignored.
    fn from_str(text: &str) -> Result<Count, String> {
        let text = text.trim().to_lowercase().replace(',', "");
        let number = |s: &str| -> Result<u64, String> {
            s.trim()
                .parse()
                .map_err(|_| format!("{s:?} is not a whole number"))
        };
        for (prefix, qualifier) in [
            ("at least ", Qualifier::AtLeast),
            ("more than ", Qualifier::MoreThan),
            ("about ", Qualifier::About),
            ("at most ", Qualifier::AtMost),
            ("less than ", Qualifier::LessThan),
        ] {
            if let Some(rest) = text.strip_prefix(prefix) {
                return Ok(Count::qualified(qualifier, number(rest)?));
            }
        }
        if let Some((low, high)) = text.split_once(" to ").or_else(|| text.split_once('-')) {
            let (low, high) = (number(low)?, number(high)?);
            if low > high {
                return Err(format!("{text:?}: the range runs backwards"));
            }
            return Ok(Count::range(low, high));
        }
        Ok(Count::exact(number(&text)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_people_type_them() {
        assert_eq!("12".parse::<Count>().unwrap(), Count::exact(12));
        assert_eq!(
            "more than 2,000".parse::<Count>().unwrap(),
            Count::qualified(Qualifier::MoreThan, 2000)
        );
        assert_eq!("30 to 50".parse::<Count>().unwrap(), Count::range(30, 50));
        assert_eq!("30-50".parse::<Count>().unwrap(), Count::range(30, 50));
        assert!("50-30".parse::<Count>().is_err());
        assert!("a dozen".parse::<Count>().is_err());
    }

    #[test]
    fn a_correction_round_trips_and_applies() {
        let c = Correction::Figure(Count::exact(14));
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<Correction>(&json).unwrap(), c);
        let mut lead = None;
        assert!(c.apply_to_lead(&mut lead));
        assert_eq!(lead.as_ref().unwrap().killed, Some(Count::exact(14)));
        assert!(!Correction::Claimant(Some("UN".into())).apply_to_lead(&mut lead));
        assert!(Correction::Reject.apply_to_lead(&mut lead));
        assert!(lead.is_none());
    }
}
