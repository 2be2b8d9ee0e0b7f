//! `tally diff OLD NEW`: what changed between two releases of a ledger, so that nobody
//! suffers a silent revision. Reports are matched by id, claims by their number in their
//! report, incidents by the reports they share (ids may differ between two ledgers).
//!
//! One line a change: a report added or deleted (with the incident it joined or left), a
//! claim or lead revised (with the person's correction behind it, if one is), incidents
//! merged or split, a report linked or unlinked, an incident re-graded or its tally
//! revised with no change of its reports. What follows from a listed change (the grade of
//! a merged incident, say) is told on the same line, not again.

use crate::incidents::name;
use anyhow::Result;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use tally_core::{describe_period, describe_place, Claim, Count, Lead};
use tally_link::{tally, Range};
use tally_store::{Citation, Filter, Ledger, StoredCorrection, StoredIncident};

/// One change between two ledgers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// added, deleted, revised, merged, split, linked, unlinked, regraded.
    pub change: &'static str,
    /// The report, claim ("report#3", "report#lead") or incident(s) it is about.
    pub subject: String,
    pub detail: String,
}

/// What a diff reads of one ledger.
struct Side {
    citations: HashMap<String, Citation>,
    claims: BTreeMap<(String, usize), (Claim, bool)>,
    leads: HashMap<String, Option<Lead>>,
    incidents: Vec<StoredIncident>,
    /// Each incident's place in `incidents`, by id.
    by_id: HashMap<i64, usize>,
    incident_of: HashMap<String, i64>,
    corrections: Vec<StoredCorrection>,
}

impl Side {
    fn read(path: &Path) -> Result<Side> {
        let ledger = Ledger::open(path)?;
        let claims = ledger
            .numbered_claims(&Filter::default(), true)?
            .into_iter()
            .map(|c| ((c.document, c.ordinal), (c.claim, c.rejected)))
            .collect();
        let incidents = ledger.incidents()?;
        let incident_of = incidents
            .iter()
            .flat_map(|i| i.members.iter().map(move |m| (m.document.clone(), i.id)))
            .collect();
        let by_id = incidents.iter().enumerate().map(|(k, i)| (i.id, k)).collect();
        Ok(Side {
            citations: ledger.citations()?,
            claims,
            leads: ledger.leads()?,
            incident_of,
            by_id,
            incidents,
            corrections: ledger.corrections(None)?,
        })
    }

    fn incident(&self, id: i64) -> &StoredIncident {
        &self.incidents[self.by_id[&id]]
    }
}

fn grade_of(incident: &StoredIncident) -> String {
    crate::export::grading(incident).grade
}

fn count(c: &Option<Count>) -> String {
    c.map_or_else(|| "(none)".into(), |c| c.to_string())
}

fn range(r: Option<Range>) -> String {
    match r {
        None => "(none)".into(),
        Some(r) if r.low == r.high => r.best.to_string(),
        Some(r) => format!("{}–{} (best {})", r.low, r.high, r.best),
    }
}

/// A claim's fields that differ, as "field: old → new".
fn claim_changes(old: &(Claim, bool), new: &(Claim, bool)) -> Vec<String> {
    let (a, b) = (&old.0, &new.0);
    let mut out = Vec::new();
    let mut field = |name: &str, x: String, y: String| {
        if x != y {
            out.push(format!("{name}: {x} → {y}"));
        }
    };
    field("kind", a.kind.as_str().into(), b.kind.as_str().into());
    field("figure", count(&a.count), count(&b.count));
    let claimant = |c: &Claim| {
        c.claimant
            .as_ref()
            .map_or_else(|| "(the report)".into(), |c| c.name.clone())
    };
    field("claimant", claimant(a), claimant(b));
    let place = |c: &Claim| c.place.as_ref().map_or_else(|| "(none)".into(), describe_place);
    field("place", place(a), place(b));
    field("period", describe_period(&a.period), describe_period(&b.period));
    field(
        "perpetrators",
        a.perpetrators.join(", "),
        b.perpetrators.join(", "),
    );
    field("evidence", a.evidence.text.clone(), b.evidence.text.clone());
    if old.1 != new.1 {
        out.push(if new.1 { "rejected" } else { "restored" }.to_string());
    }
    out
}

fn lead_changes(a: &Option<Lead>, b: &Option<Lead>) -> Vec<String> {
    let empty = Lead::default();
    let (x, y) = (a.as_ref().unwrap_or(&empty), b.as_ref().unwrap_or(&empty));
    let mut out = Vec::new();
    match (a.is_some(), b.is_some()) {
        (true, false) => return vec!["lead removed".into()],
        (false, true) => out.push("lead added".into()),
        _ => {}
    }
    let mut field = |name: &str, p: String, q: String| {
        if p != q {
            out.push(format!("{name}: {p} → {q}"));
        }
    };
    field("killed", count(&x.killed), count(&y.killed));
    field("injured", count(&x.injured), count(&y.injured));
    let place = |l: &Lead| l.place.as_ref().map_or_else(|| "(none)".into(), describe_place);
    field("place", place(x), place(y));
    let day = |l: &Lead| l.date.map_or_else(|| "(none)".into(), |d| d.to_string());
    field("day", day(x), day(y));
    field(
        "cause",
        x.cause.clone().unwrap_or_default(),
        y.cause.clone().unwrap_or_default(),
    );
    field(
        "perpetrators",
        x.perpetrators.join(", "),
        y.perpetrators.join(", "),
    );
    out
}

/// The corrections NEW has that OLD has not, by report: what explains a revision.
fn new_corrections<'a>(old: &Side, new: &'a Side) -> HashMap<&'a str, Vec<&'a StoredCorrection>> {
    let key = |c: &StoredCorrection| {
        (
            c.at.clone(),
            c.who.clone(),
            c.document.clone(),
            c.correction.describe(),
        )
    };
    let known: BTreeSet<_> = old.corrections.iter().map(key).collect();
    let mut out: HashMap<&str, Vec<&StoredCorrection>> = HashMap::new();
    for c in &new.corrections {
        if !known.contains(&key(c)) {
            out.entry(c.document.as_str()).or_default().push(c);
        }
    }
    out
}

pub fn diff(old_path: &Path, new_path: &Path) -> Result<Vec<Change>> {
    let old = Side::read(old_path)?;
    let new = Side::read(new_path)?;
    let mut changes = Vec::new();
    let title = |side: &Side, id: &str| {
        side.citations
            .get(id)
            .and_then(|c| c.title.clone())
            .map(|t| format!(" \"{}\"", crate::show::shorten(&t, 60)))
            .unwrap_or_default()
    };
    let grade_change = |o: &StoredIncident, n: &StoredIncident| {
        let (a, b) = (grade_of(o), grade_of(n));
        (a != b).then(|| format!("grade {a} → {b}"))
    };

    // Incidents: which old incidents each new one draws its reports from, and back.
    let mut olds_of_new: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    let mut news_of_old: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    for (document, &n) in &new.incident_of {
        if let Some(&o) = old.incident_of.get(document) {
            olds_of_new.entry(n).or_default().insert(o);
            news_of_old.entry(o).or_default().insert(n);
        }
    }
    let matched = |o: i64| -> Option<i64> {
        let news = news_of_old.get(&o)?;
        let &n = news.iter().next()?;
        (news.len() == 1 && olds_of_new.get(&n).is_some_and(|olds| olds.len() == 1)).then_some(n)
    };

    // Reports added and deleted.
    for id in new.citations.keys().filter(|id| !old.citations.contains_key(*id)) {
        let mut detail = format!("report{}", title(&new, id));
        if let Some(&n) = new.incident_of.get(id) {
            let incident = new.incident(n);
            let others = incident.members.len() - 1;
            let from_old = olds_of_new
                .get(&n)
                .and_then(|olds| (olds.len() == 1).then(|| *olds.iter().next().unwrap()));
            match from_old {
                Some(o) if others > 0 => {
                    detail += &format!(", joins {} ({others} other reports)", name(n));
                    if let Some(g) = grade_change(old.incident(o), incident) {
                        detail += &format!(", {g}");
                    }
                }
                _ if others > 0 => detail += &format!(", in {} with {others} other reports", name(n)),
                _ => detail += &format!(", opens {}", name(n)),
            }
        }
        changes.push(Change {
            change: "added",
            subject: id.clone(),
            detail,
        });
    }
    let mut deleted: Vec<&String> = old
        .citations
        .keys()
        .filter(|id| !new.citations.contains_key(*id))
        .collect();
    deleted.sort();
    for id in deleted {
        let mut detail = format!("report{}", title(&old, id));
        if let Some(&o) = old.incident_of.get(id) {
            match news_of_old.get(&o).map(|n| n.len()) {
                None => detail += &format!(", {} went with it", name(o)),
                Some(_) => {
                    detail += &format!(", left {}", name(o));
                    if let Some(n) = matched(o) {
                        if let Some(g) = grade_change(old.incident(o), new.incident(n)) {
                            detail += &format!(", {g}");
                        }
                    }
                }
            }
        }
        changes.push(Change {
            change: "deleted",
            subject: id.clone(),
            detail,
        });
    }
    changes.sort_by(|a, b| (a.change, &a.subject).cmp(&(b.change, &b.subject)));

    // Claims and leads revised, in reports both hold.
    let corrections = new_corrections(&old, &new);
    // The people behind a revision: corrections of that report's claim (matched by its
    // evidence) or of its lead.
    let why = |document: &str, evidence: Option<&str>| -> String {
        let mut people: Vec<String> = corrections
            .get(document)
            .into_iter()
            .flatten()
            .filter(|c| match evidence {
                Some(text) => c.target == "claim" && c.evidence.as_deref() == Some(text),
                None => c.target == "lead",
            })
            .map(|c| format!("{}: {}", c.who, c.why))
            .collect();
        people.dedup();
        if people.is_empty() {
            String::new()
        } else {
            format!(" (corrected by {})", people.join("; "))
        }
    };
    let mut revised_leads = BTreeSet::new();
    let documents: BTreeSet<&String> = old
        .citations
        .keys()
        .filter(|id| new.citations.contains_key(*id))
        .collect();
    for document in &documents {
        let ordinals = |side: &Side| -> Vec<usize> {
            side.claims
                .range(((*document).clone(), 0)..=((*document).clone(), usize::MAX))
                .map(|((_, o), _)| *o)
                .collect()
        };
        let (a, b) = (ordinals(&old), ordinals(&new));
        if a.len() != b.len() {
            changes.push(Change {
                change: "revised",
                subject: (*document).clone(),
                detail: format!("read again: {} claims → {}", a.len(), b.len()),
            });
        } else {
            for ordinal in a {
                let key = ((*document).clone(), ordinal);
                let fields = claim_changes(&old.claims[&key], &new.claims[&key]);
                if !fields.is_empty() {
                    changes.push(Change {
                        change: "revised",
                        subject: format!("{document}#{ordinal}"),
                        detail: format!(
                            "{} {}{}",
                            new.claims[&key].0.kind.as_str(),
                            fields.join("; "),
                            why(document, Some(&old.claims[&key].0.evidence.text))
                        ),
                    });
                }
            }
        }
        let lead = lead_changes(&old.leads[*document], &new.leads[*document]);
        if !lead.is_empty() {
            revised_leads.insert((*document).clone());
            changes.push(Change {
                change: "revised",
                subject: format!("{document}#lead"),
                detail: format!("{}{}", lead.join("; "), why(document, None)),
            });
        }
    }

    // Incidents merged, split, re-graded or re-tallied; reports linked or unlinked.
    for (&n, olds) in &olds_of_new {
        if olds.len() >= 2 {
            let names: Vec<String> = olds.iter().map(|&o| name(o)).collect();
            let mut detail = format!("{} reports", new.incident(n).members.len());
            let grades: BTreeSet<String> = olds.iter().map(|&o| grade_of(old.incident(o))).collect();
            let now = grade_of(new.incident(n));
            if grades.len() > 1 || !grades.contains(&now) {
                detail += &format!(
                    ", grade {} → {now}",
                    grades.into_iter().collect::<Vec<_>>().join("/")
                );
            }
            changes.push(Change {
                change: "merged",
                subject: format!("{} → {}", names.join(" + "), name(n)),
                detail,
            });
        }
    }
    for (&o, news) in &news_of_old {
        if news.len() >= 2 {
            let names: Vec<String> = news.iter().map(|&n| name(n)).collect();
            changes.push(Change {
                change: "split",
                subject: format!("{} → {}", name(o), names.join(" + ")),
                detail: format!("{} reports", old.incident(o).members.len()),
            });
        }
    }
    for document in &documents {
        match (old.incident_of.get(*document), new.incident_of.get(*document)) {
            (None, Some(&n)) => changes.push(Change {
                change: "linked",
                subject: (*document).clone(),
                detail: format!("into {}", name(n)),
            }),
            (Some(&o), None) => changes.push(Change {
                change: "unlinked",
                subject: (*document).clone(),
                detail: format!("out of {}", name(o)),
            }),
            _ => {}
        }
    }
    for o in old.incidents.iter().map(|i| i.id) {
        let Some(n) = matched(o) else { continue };
        let (a, b) = (old.incident(o), new.incident(n));
        let members = |i: &StoredIncident| -> BTreeSet<String> {
            i.members.iter().map(|m| m.document.clone()).collect()
        };
        if members(a) != members(b) {
            continue; // told with the reports added, deleted, linked or unlinked
        }
        let subject = if o == n {
            name(o)
        } else {
            format!("{} (now {})", name(o), name(n))
        };
        if let Some(g) = grade_change(a, b) {
            changes.push(Change {
                change: "regraded",
                subject: subject.clone(),
                detail: g,
            });
        }
        if a.members.iter().any(|m| revised_leads.contains(&m.document)) {
            continue; // told with the lead revised
        }
        let (x, y) = (tally(&a.members), tally(&b.members));
        let mut fields = Vec::new();
        if x.killed != y.killed {
            fields.push(format!("killed {} → {}", range(x.killed), range(y.killed)));
        }
        if x.injured != y.injured {
            fields.push(format!("injured {} → {}", range(x.injured), range(y.injured)));
        }
        if !fields.is_empty() {
            changes.push(Change {
                change: "revised",
                subject,
                detail: fields.join("; "),
            });
        }
    }
    Ok(changes)
}

pub fn run(old: &Path, new: &Path, json: bool) -> Result<()> {
    for path in [old, new] {
        if !path.exists() {
            anyhow::bail!("no ledger at {}", path.display());
        }
    }
    let changes = diff(old, new)?;
    if json {
        for change in &changes {
            out!("{}", serde_json::to_string(change)?);
        }
    } else {
        for c in &changes {
            out!("{:<9} {}  {}", c.change, c.subject, c.detail);
        }
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &changes {
        *counts.entry(c.change).or_default() += 1;
    }
    let summary: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
    eprintln!(
        "{} → {}: {}",
        old.display(),
        new.display(),
        if summary.is_empty() {
            "no changes".into()
        } else {
            summary.join(", ")
        }
    );
    Ok(())
}
