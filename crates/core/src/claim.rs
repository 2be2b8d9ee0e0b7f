//! Claims, quotes and what they refer to.

use crate::{Period, Span};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Killed,
    Injured,
    Trapped,
    Displaced,
    Missing,
    Detained,
    Airstrikes,
    Attacks,
    Destroyed,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 9] = [
        ClaimKind::Killed,
        ClaimKind::Injured,
        ClaimKind::Trapped,
        ClaimKind::Displaced,
        ClaimKind::Missing,
        ClaimKind::Detained,
        ClaimKind::Airstrikes,
        ClaimKind::Attacks,
        ClaimKind::Destroyed,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            ClaimKind::Killed => "killed",
            ClaimKind::Injured => "injured",
            ClaimKind::Trapped => "trapped",
            ClaimKind::Displaced => "displaced",
            ClaimKind::Missing => "missing",
            ClaimKind::Detained => "detained",
            ClaimKind::Airstrikes => "airstrikes",
            ClaimKind::Attacks => "attacks",
            ClaimKind::Destroyed => "destroyed",
        }
    }

    pub fn parse(text: &str) -> Option<ClaimKind> {
        ClaimKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(text))
    }
}

impl fmt::Display for ClaimKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the report qualifies a figure (FORMAT.md, "count").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Qualifier {
    #[serde(rename = "exact")]
    Exact,
    #[serde(rename = "about")]
    About,
    #[serde(rename = "more than")]
    MoreThan,
    #[serde(rename = "at least")]
    AtLeast,
    #[serde(rename = "less than")]
    LessThan,
    #[serde(rename = "at most")]
    AtMost,
    #[serde(rename = "range")]
    Range,
    #[serde(rename = "vague")]
    Vague,
}

impl Qualifier {
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::MoreThan => "more than",
            Qualifier::AtLeast => "at least",
            Qualifier::LessThan => "less than",
            Qualifier::AtMost => "at most",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }
}

/// The unit of time of a rate ("27 a day").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rate {
    Day,
    Week,
    Month,
    Year,
}

/// The rule that turns a vague amount ("dozens") into a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum VagueConvention {
    /// ACLED's coding: "several" or "many" 10, "dozens" 12, "hundreds" 100.
    #[default]
    #[serde(rename = "ACLED")]
    Acled,
    /// Keep vague amounts uncoded, as IBC and Airwars keep min–max ranges instead.
    #[serde(rename = "none")]
    Uncoded,
}

/// A figure as an interval with its qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub low: Option<u64>,
    pub best: Option<u64>,
    pub high: Option<u64>,
    pub qualifier: Qualifier,
    pub per: Option<Rate>,
    /// For a vague amount, the figure its convention gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coded: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub convention: Option<VagueConvention>,
}

impl Count {
    pub fn exact(n: u64) -> Count {
        Count::with(Qualifier::Exact, Some(n), Some(n), Some(n))
    }

    pub fn with(qualifier: Qualifier, low: Option<u64>, best: Option<u64>, high: Option<u64>) -> Count {
        Count {
            low,
            best,
            high,
            qualifier,
            per: None,
            coded: None,
            convention: None,
        }
    }

    /// A count for `n` under `qualifier`, placed in the interval as FORMAT.md says.
    pub fn qualified(qualifier: Qualifier, n: u64) -> Count {
        match qualifier {
            Qualifier::Exact => Count::exact(n),
            Qualifier::About => Count::with(qualifier, Some(n), Some(n), Some(n)),
            Qualifier::MoreThan | Qualifier::AtLeast => Count::with(qualifier, Some(n), None, None),
            Qualifier::LessThan | Qualifier::AtMost => Count::with(qualifier, None, None, Some(n)),
            Qualifier::Range | Qualifier::Vague => Count::with(qualifier, Some(n), None, Some(n)),
        }
    }

    pub fn range(low: u64, high: u64) -> Count {
        Count::with(Qualifier::Range, Some(low), None, Some(high))
    }

    pub fn vague(coded: Option<u64>, convention: VagueConvention) -> Count {
        Count {
            coded,
            convention: Some(convention),
            ..Count::with(Qualifier::Vague, None, None, None)
        }
    }

    /// The one figure that stands for this count: best, else low, else high, else coded.
    pub fn key(&self) -> Option<u64> {
        self.best.or(self.low).or(self.high).or(self.coded)
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.qualifier, self.low, self.high, self.key()) {
            (Qualifier::Range, Some(low), Some(high), _) => write!(f, "{low} to {high}")?,
            (Qualifier::Vague, _, _, Some(n)) => write!(f, "vague (~{n})")?,
            (Qualifier::Vague, _, _, None) => f.write_str("vague")?,
            (Qualifier::Exact, _, _, Some(n)) => write!(f, "{n}")?,
            (q, _, _, Some(n)) => write!(f, "{} {n}", q.as_str())?,
            (q, _, _, None) => f.write_str(q.as_str())?,
        }
        if let Some(per) = self.per {
            let unit = match per {
                Rate::Day => "day",
                Rate::Week => "week",
                Rate::Month => "month",
                Rate::Year => "year",
            };
            write!(f, " a {unit}")?;
        }
        Ok(())
    }
}

/// Whoever asserts a figure in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claimant {
    pub name: String,
    pub role: Option<String>,
}

/// The kind of party an actor is, as UCDP and ACLED need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorType {
    StateForces,
    ForeignState,
    Coalition,
    ArmedGroup,
    Militia,
    InternationalOrganisation,
    Monitor,
    Media,
    Civilians,
}

/// A party to the conflict, or an organisation that makes claims, as the lexicon knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The canonical name, e.g. "Islamic State".
    pub name: String,
    #[serde(rename = "type")]
    pub actor_type: ActorType,
    pub country: Option<String>,
}

/// A place as the gazetteer resolves it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    pub admin1: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// UCDP `where_prec`: 1 exact place … 6 country, 7 water or airspace.
    pub where_prec: u8,
}

/// Whether the claimant estimates, reports, confirms or denies the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Reported,
    Estimated,
    Confirmed,
    Denied,
}

/// The exact text a claim or quote was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl Evidence {
    pub fn from_span(body: &str, span: Span) -> Evidence {
        Evidence {
            text: span.slice(body).to_string(),
            start: span.start,
            end: span.end,
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One figure from one report, with everything needed to audit it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub kind: ClaimKind,
    /// Who was harmed (or what was destroyed), as the report words it.
    pub victims: Option<String>,
    pub count: Option<Count>,
    pub claimant: Option<Claimant>,
    /// Whose figures the claimant passes on ("coalition figures").
    pub source: Option<String>,
    pub perpetrators: Vec<String>,
    pub place: Option<Place>,
    pub period: Period,
    pub status: Status,
    pub evidence: Evidence,
}

/// Quoted speech and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    pub speaker: Option<String>,
    pub start: usize,
    pub end: usize,
}

/// The event a report is chiefly about (FORMAT.md, "The lead incident").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Lead {
    pub killed: Option<Count>,
    pub combatants_killed: Option<Count>,
    pub injured: Option<Count>,
    pub children_killed: Option<u64>,
    pub women_killed: Option<u64>,
    pub victims: Option<String>,
    pub cause: Option<String>,
    pub place: Option<Place>,
    /// The neighbourhood the report names, where `place` is the city it is part of:
    /// "Brighton Park" of a Chicago shooting. Linking keys on it; recorders file the city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neighbourhood: Option<String>,
    pub date: Option<NaiveDate>,
    /// Where the report dates the event only by a month ("the shooting last month", "back
    /// in April"), the month's last day; `date` is then its first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_end: Option<NaiveDate>,
    pub perpetrators: Vec<String>,
    /// Whether the report is a round-up of several shootings, as its headline says ("1
    /// dead, 7 wounded in Chicago shootings", "two girls shot in separate shootings"): its
    /// lead is one of them at most, and it ties none of them to another.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub roundup: bool,
    /// Whether the report tells that its wounded live: "is expected to survive", "in stable
    /// condition", "non-life-threatening injuries", "was released from the hospital". A
    /// later report of a death is then of someone else, not of its wounded.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub survives: bool,
}

/// What the extractor was unsure of, for a person to review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiagnosticKind {
    /// A quote whose speaker could not be found.
    AmbiguousSpeaker,
    /// A figure near harm words whose kind could not be told.
    NumberWithoutKind,
    /// A place-like name the gazetteer does not know.
    UnknownPlace,
    /// A relative date with no report date to resolve it against.
    UnresolvedDate,
    /// Places read with the home state the ledger learnt for the report's outlet.
    PlaceFromOutlet,
    /// A lead read from the headline alone: the body is empty or tells no incident.
    LeadFromHeadline,
    /// A report naming more people than one incident holds ("Open Investigations", a
    /// year's gun deaths): a list of cases, whose names are kept out of its incident.
    ListOfCases,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub start: usize,
    pub end: usize,
    pub message: String,
}

/// What befell a named person, as the report says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PersonStatus {
    Killed,
    Injured,
    /// Arrested or charged: a suspect, recorded as alleged.
    Arrested,
}

/// Someone a report names as harmed or accused: "Shawn Johnson, 21, was killed".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedPerson {
    pub name: String,
    /// Their age where the report gives it; a minor is never named in an export.
    pub age: Option<u32>,
    pub status: Option<PersonStatus>,
    /// "victim" or "suspect", where the report says which.
    pub role: Option<String>,
    /// Where the name stands in the body.
    pub start: usize,
    pub end: usize,
}

/// Everything extraction found in one document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Extraction {
    pub claims: Vec<Claim>,
    pub quotes: Vec<Quote>,
    pub lead: Option<Lead>,
    pub diagnostics: Vec<Diagnostic>,
    /// Victims and suspects named in the report.
    #[serde(default)]
    pub people: Vec<NamedPerson>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_serialise_as_format_md_says() {
        let more = Count::qualified(Qualifier::MoreThan, 2000);
        assert_eq!(
            serde_json::to_string(&more).unwrap(),
            r#"{"low":2000,"best":null,"high":null,"qualifier":"more than","per":null}"#
        );
        let dozens = Count::vague(Some(12), VagueConvention::Acled);
        assert_eq!(
            serde_json::to_string(&dozens).unwrap(),
            r#"{"low":null,"best":null,"high":null,"qualifier":"vague","per":null,"coded":12,"convention":"ACLED"}"#
        );
        assert_eq!(dozens.key(), Some(12));
        assert_eq!(Count::range(30, 50).to_string(), "30 to 50");
    }
}
