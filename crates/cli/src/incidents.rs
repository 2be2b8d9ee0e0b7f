//! `tally incidents`: list incidents, see why their reports were linked, and correct the
//! machine: merge two, split reports off, unlink one. Every correction is a person's
//! decision, kept in the audit log and never undone by `tally link`.

use crate::show::{shorten, table};
use anyhow::{bail, Context, Result};
use clap::Subcommand;
use std::path::Path;
use tally_link::outlets::Register;
use tally_link::tally;
use tally_store::{Decision, Ledger, StoredIncident};

#[derive(Subcommand)]
pub enum Action {
    /// One line an incident: day, place, tallies, reports.
    List,
    /// An incident's reports, each with why it was linked.
    Show { incident: String },
    /// Moves every report of SECOND into FIRST.
    Merge {
        first: String,
        second: String,
        #[command(flatten)]
        decision: DecisionArgs,
    },
    /// Moves the named reports out of INCIDENT into a new incident of their own.
    Split {
        incident: String,
        /// The reports to move, by id.
        #[arg(long, required = true, value_delimiter = ',')]
        documents: Vec<String>,
        #[command(flatten)]
        decision: DecisionArgs,
    },
    /// Takes one report out of its incident, to stand alone.
    Unlink {
        document: String,
        #[command(flatten)]
        decision: DecisionArgs,
    },
    /// The audit log of people's decisions, oldest first.
    Log,
}

#[derive(clap::Args)]
pub struct DecisionArgs {
    /// Why: kept in the audit log and in the reports' reasons.
    #[arg(long, required = true)]
    pub why: String,
    /// Who decides (default: $USER).
    #[arg(long, env = "USER", default_value = "unknown")]
    pub who: String,
}

impl DecisionArgs {
    fn decision(&self, action: &str, detail: String) -> Decision {
        Decision {
            who: self.who.clone(),
            action: action.to_string(),
            detail,
            why: self.why.clone(),
        }
    }
}

/// "inc-000012" or "12" as an incident id.
fn incident_id(text: &str) -> Result<i64> {
    text.trim_start_matches("inc-")
        .parse()
        .with_context(|| format!("{text:?} is not an incident id (inc-000012, or 12)"))
}

pub fn name(id: i64) -> String {
    format!("inc-{id:06}")
}

fn find(incidents: &[StoredIncident], id: i64) -> Result<&StoredIncident> {
    match incidents.iter().find(|i| i.id == id) {
        Some(incident) => Ok(incident),
        None => bail!("no incident {} in the ledger", name(id)),
    }
}

pub fn run(db: &Path, action: &Action, register: &Register) -> Result<()> {
    let mut ledger = Ledger::open(db)?;
    match action {
        Action::List => {
            let mut t = table(&[
                "incident", "day", "place", "killed", "injured", "reports", "grade",
            ]);
            for incident in ledger.incidents()? {
                let sum = tally(&incident.members);
                let range = |r: Option<tally_link::Range>| {
                    r.map(|r| {
                        if r.low == r.high {
                            r.best.to_string()
                        } else {
                            format!("{}–{} ({})", r.low, r.high, r.best)
                        }
                    })
                    .unwrap_or_default()
                };
                t.add_row(vec![
                    name(incident.id),
                    sum.start.map(|d| d.to_string()).unwrap_or_default(),
                    sum.place.map(|p| p.name).unwrap_or_default(),
                    range(sum.killed),
                    range(sum.injured),
                    incident.members.len().to_string(),
                    crate::export::grading(&incident).grade,
                ]);
            }
            out!("{t}");
        }
        Action::Show { incident } => {
            let id = incident_id(incident)?;
            let incidents = ledger.incidents()?;
            let incident = find(&incidents, id)?;
            let mut t = table(&["report", "published", "why it is here"]);
            for (member, reasons) in incident.members.iter().zip(&incident.reasons) {
                t.add_row(vec![
                    member.document.clone(),
                    member.published.map(|d| d.to_string()).unwrap_or_default(),
                    shorten(&reasons.join("; "), 120),
                ]);
            }
            let graded = crate::export::grading(incident);
            out!(
                "{}: {} ({})\n{t}",
                name(id),
                graded.grade,
                graded.reasons.join("; ")
            );
        }
        Action::Merge {
            first,
            second,
            decision,
        } => {
            let (a, b) = (incident_id(first)?, incident_id(second)?);
            if a == b {
                bail!("cannot merge {} with itself", name(a));
            }
            let incidents = ledger.incidents()?;
            find(&incidents, a)?;
            let documents: Vec<String> = find(&incidents, b)?
                .members
                .iter()
                .map(|m| m.document.clone())
                .collect();
            let decision = decision.decision("merge", format!("{} into {}", name(b), name(a)));
            ledger.move_documents(&documents, a, &decision)?;
            eprintln!(
                "merged {} ({} reports) into {}",
                name(b),
                documents.len(),
                name(a)
            );
        }
        Action::Split {
            incident,
            documents,
            decision,
        } => {
            let id = incident_id(incident)?;
            let incidents = ledger.incidents()?;
            let members = &find(&incidents, id)?.members;
            if let Some(stranger) = documents
                .iter()
                .find(|d| !members.iter().any(|m| &m.document == *d))
            {
                bail!("report {stranger} is not in {}", name(id));
            }
            if documents.len() == members.len() {
                bail!("splitting every report off {} would leave it empty", name(id));
            }
            let to = ledger.new_incident()?;
            let decision = decision.decision(
                "split",
                format!("{} off {} into {}", documents.join(", "), name(id), name(to)),
            );
            ledger.move_documents(documents, to, &decision)?;
            eprintln!(
                "split {} reports off {} into {}",
                documents.len(),
                name(id),
                name(to)
            );
        }
        Action::Unlink { document, decision } => {
            let Some(from) = ledger.incident_of(document)? else {
                bail!("report {document} is in no incident");
            };
            let to = ledger.new_incident()?;
            let decision = decision.decision(
                "unlink",
                format!("{document} out of {} into {}", name(from), name(to)),
            );
            ledger.move_documents(std::slice::from_ref(document), to, &decision)?;
            eprintln!("{document} now stands alone as {}", name(to));
        }
        Action::Log => {
            let mut t = table(&["when", "who", "action", "what", "why"]);
            for row in ledger.audit_log()? {
                t.add_row(row.to_vec());
            }
            out!("{t}");
        }
    }
    if matches!(
        action,
        Action::Merge { .. } | Action::Split { .. } | Action::Unlink { .. }
    ) {
        ledger.grade_ungraded(register)?;
    }
    Ok(())
}
