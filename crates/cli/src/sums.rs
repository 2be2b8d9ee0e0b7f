//! `tally tally` and `tally count`: questions over incidents, answered from their tallies.
//!
//! Only incidents are summed. Aggregate claims ("151 civilians in August", "27 a day")
//! cover many incidents at once; adding them to incidents would count deaths twice, so
//! they are listed beside the sum and never added to it.

use anyhow::Result;
use chrono::NaiveDate;
use std::path::Path;
use tally_link::{tally, Range, Tally};
use tally_store::{Filter, Ledger};

#[derive(clap::Args)]
pub struct Question {
    /// What is counted: killed or injured.
    #[arg(long, value_parser = ["killed", "injured"], default_value = "killed")]
    kind: String,
    /// A town, or a province or state, as the incidents name it.
    #[arg(long)]
    place: Option<String>,
    /// The first day (YYYY-MM-DD).
    #[arg(long)]
    from: Option<NaiveDate>,
    /// The last day (YYYY-MM-DD).
    #[arg(long)]
    to: Option<NaiveDate>,
    /// Only incidents whose reports name this person (any part of the name).
    #[arg(long)]
    person: Option<String>,
}

impl Question {
    fn figure(&self, t: &Tally) -> Option<Range> {
        if self.kind == "injured" {
            t.injured
        } else {
            t.killed
        }
    }

    fn fits(&self, t: &Tally, people: &[String]) -> bool {
        let place = self.place.as_deref().map(str::to_lowercase);
        let in_place = place.as_deref().is_none_or(|wanted| {
            t.place.as_ref().is_some_and(|p| {
                p.name.to_lowercase() == wanted
                    || p.admin1.as_deref().is_some_and(|a| a.to_lowercase() == wanted)
            })
        });
        let in_period = match t.start {
            Some(day) => self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|l| day <= l),
            None => self.from.is_none() && self.to.is_none(),
        };
        let named = self.person.as_deref().is_none_or(|who| {
            let who = who.to_lowercase();
            people
                .iter()
                .any(|p| p.to_lowercase().split_whitespace().any(|w| w == who) || p.to_lowercase() == who)
        });
        in_place && in_period && named
    }
}

/// The incidents that fit the question, with their tallies.
fn matching(ledger: &Ledger, q: &Question) -> Result<Vec<(i64, Tally)>> {
    let mut out = Vec::new();
    for incident in ledger.incidents()? {
        let t = tally(&incident.members);
        let people: Vec<String> = incident
            .members
            .iter()
            .flat_map(|m| m.people.iter().map(|p| p.name.clone()))
            .collect();
        if q.figure(&t).is_some() && q.fits(&t, &people) {
            out.push((incident.id, t));
        }
    }
    Ok(out)
}

/// `tally tally`: the incidents' figures summed as a range.
pub fn sum(db: &Path, q: &Question) -> Result<()> {
    let ledger = Ledger::open(db)?;
    let found = matching(&ledger, q)?;
    let (mut low, mut best, mut high) = (0, 0, 0);
    for (_, t) in &found {
        let r = q.figure(t).expect("matching keeps incidents with a figure");
        low += r.low;
        best += r.best;
        high += r.high;
    }
    out!(
        "{} {}: {low}–{high} (best {best}) over {} incidents",
        q.kind,
        describe(q),
        found.len()
    );
    // Aggregates beside the sum, never in it.
    let filter = Filter {
        kind: Some(q.kind.clone()),
        place: q.place.clone(),
        ..Filter::default()
    };
    let aggregates: Vec<_> = ledger
        .claims(&filter)?
        .into_iter()
        .filter(|(_, c)| {
            let many_days = matches!((c.period.start, c.period.end), (Some(a), Some(b)) if a != b);
            let rate = c.count.is_some_and(|n| n.per.is_some());
            let overlaps = c.period.end.is_none_or(|e| q.from.is_none_or(|f| e >= f))
                && c.period.start.is_none_or(|s| q.to.is_none_or(|l| s <= l));
            (many_days || rate) && overlaps
        })
        .collect();
    if !aggregates.is_empty() {
        out!("aggregate claims, not summed with incidents:");
        for (doc, c) in aggregates {
            let count = c
                .count
                .and_then(|n| n.key())
                .map(|n| n.to_string())
                .unwrap_or_default();
            let who = c.claimant.map(|c| c.name).unwrap_or_else(|| "the report".into());
            out!(
                "  {count} ({}..{}) by {who}, in {doc}",
                opt(c.period.start),
                opt(c.period.end)
            );
        }
    }
    Ok(())
}

/// `tally count`: how many incidents fit.
pub fn count(db: &Path, q: &Question) -> Result<()> {
    let ledger = Ledger::open(db)?;
    let found = matching(&ledger, q)?;
    out!("{} incidents with people {} {}", found.len(), q.kind, describe(q));
    Ok(())
}

fn opt(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn describe(q: &Question) -> String {
    let mut parts = Vec::new();
    if let Some(p) = &q.place {
        parts.push(format!("in {p}"));
    }
    if q.from.is_some() || q.to.is_some() {
        parts.push(format!("from {} to {}", opt(q.from), opt(q.to)));
    }
    if let Some(who) = &q.person {
        parts.push(format!("naming {who}"));
    }
    parts.join(" ")
}
