//! People's corrections of what the extractor read, and the deletion of reports.
//!
//! A correction is kept in `corrections` (who, when, why, what it replaced) and applied over
//! the machine's reading wherever a report's extraction is written: when a person makes
//! it, when a revised text is ingested, and when `tally reextract` reads the report again.
//! A claim's correction finds its claim by kind and evidence span, so it holds across
//! extractor versions as long as the extractor still reads that figure in that sentence.

use crate::{from_json, to_json, Ledger, StoreError};
use rusqlite::{params, OptionalExtension, Transaction};
use tally_core::{Claim, Correction, Extraction, Lead};

/// What a correction is of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A claim, by its report and its number in the report (as `tally claims` shows it).
    Claim { document: String, ordinal: usize },
    /// A report's lead incident: what its incident tallies.
    Lead { document: String },
}

impl Target {
    pub fn document(&self) -> &str {
        match self {
            Target::Claim { document, .. } | Target::Lead { document } => document,
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Claim { document, ordinal } => write!(f, "{document}#{ordinal}"),
            Target::Lead { document } => write!(f, "{document}#lead"),
        }
    }
}

/// A stored correction.
#[derive(Debug, Clone)]
pub struct StoredCorrection {
    pub id: i64,
    pub at: String,
    pub who: String,
    pub why: String,
    pub document: String,
    /// "claim" or "lead".
    pub target: String,
    /// The corrected claim's kind and evidence, as the machine read it.
    pub kind: Option<String>,
    pub evidence: Option<String>,
    pub correction: Correction,
    /// The value it replaced, in words.
    pub was: String,
}

/// What writing a report's extraction did with its corrections.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    pub applied: usize,
    /// Corrections whose claim the extraction no longer has: kept, waiting, and listed.
    pub orphaned: usize,
}

/// Per claim of an extraction: whether a person corrected it, and whether they rejected it.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Marks {
    pub corrected: bool,
    pub rejected: bool,
}

/// Applies a report's stored corrections, oldest first, to a fresh extraction of it.
pub(crate) fn apply_stored(
    tx: &Transaction<'_>,
    document: &str,
    extraction: &mut Extraction,
) -> Result<(Vec<Marks>, Applied), StoreError> {
    let mut marks = vec![Marks::default(); extraction.claims.len()];
    let mut applied = Applied::default();
    let mut select = tx.prepare_cached(
        "SELECT target, kind, start, \"end\", correction FROM corrections WHERE document_id = ?1 ORDER BY id",
    )?;
    let rows = select.query_map([document], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<i64>>(2)?,
            r.get::<_, Option<i64>>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    for row in rows {
        let (target, kind, start, end, correction) = row?;
        let correction: Correction = from_json(&correction)?;
        if target == "lead" {
            correction.apply_to_lead(&mut extraction.lead);
            applied.applied += 1;
            continue;
        }
        let found = extraction.claims.iter().position(|c| {
            Some(c.kind.as_str()) == kind.as_deref()
                && Some(c.evidence.start as i64) == start
                && Some(c.evidence.end as i64) == end
        });
        match found {
            Some(i) => {
                if correction == Correction::Reject {
                    marks[i].rejected = true;
                } else {
                    correction.apply_to_claim(&mut extraction.claims[i]);
                }
                marks[i].corrected = true;
                applied.applied += 1;
            }
            None => applied.orphaned += 1,
        }
    }
    Ok((marks, applied))
}

/// What a field of a claim or lead holds now, in words, for the record of what a
/// correction replaced.
fn current(correction: &Correction, claim: Option<&Claim>, lead: Option<&Lead>) -> String {
    let described = match (correction, claim, lead) {
        (Correction::Figure(_), Some(c), _) => c.count.map(|c| c.to_string()),
        (Correction::Figure(_), None, Some(l)) => l.killed.map(|c| c.to_string()),
        (Correction::Injured(_), _, Some(l)) => l.injured.map(|c| c.to_string()),
        (Correction::Claimant(_), Some(c), _) => c.claimant.as_ref().map(|c| c.name.clone()),
        (Correction::Place(_), Some(c), _) => c.place.as_ref().map(tally_core::describe_place),
        (Correction::Place(_), None, Some(l)) => l.place.as_ref().map(tally_core::describe_place),
        (Correction::Period(_), Some(c), _) => Some(tally_core::describe_period(&c.period)),
        (Correction::Period(_), None, Some(l)) => l.date.map(|d| d.to_string()),
        (Correction::Perpetrators(_), Some(c), _) => Some(c.perpetrators.join(", ")),
        (Correction::Perpetrators(_), None, Some(l)) => Some(l.perpetrators.join(", ")),
        (Correction::Reject, Some(_), _) => Some("a claim".into()),
        (Correction::Reject, None, Some(_)) => Some("a lead".into()),
        _ => None,
    };
    described
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "(none)".into())
}

impl Ledger {
    /// Records a person's correction and applies it, with its audit entry, in one
    /// transaction. A lead's correction changes what its incident tallies: the report's
    /// machine-made link is undone (so that `tally link` places it afresh) and its incident
    /// is graded again.
    pub fn correct(
        &mut self,
        target: &Target,
        correction: &Correction,
        who: &str,
        why: &str,
    ) -> Result<String, StoreError> {
        let tx = self.conn.transaction()?;
        let document = target.document();
        let lead_json: Option<Option<String>> = tx
            .query_row("SELECT lead FROM documents WHERE id = ?1", [document], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(lead_json) = lead_json else {
            return Err(StoreError::NotFound(format!(
                "no report {document} in the ledger"
            )));
        };
        let detail = match target {
            Target::Claim { ordinal, .. } => {
                let row: Option<(String, String)> = tx
                    .query_row(
                        "SELECT kind, claim FROM claims WHERE document_id = ?1 AND ordinal = ?2",
                        params![document, *ordinal as i64],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                let Some((kind, json)) = row else {
                    return Err(StoreError::NotFound(format!("no claim {target} in the ledger")));
                };
                let mut claim: Claim = from_json(&json)?;
                let was = current(correction, Some(&claim), None);
                let rejected = *correction == Correction::Reject;
                if !rejected && !correction.apply_to_claim(&mut claim) {
                    return Err(StoreError::NotFound(format!(
                        "a claim has no {} to correct (that is the lead's)",
                        correction.field()
                    )));
                }
                tx.execute(
                    "INSERT INTO corrections (who, why, document_id, target, kind, start, \"end\", evidence, correction, was)
                     VALUES (?1, ?2, ?3, 'claim', ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![
                        who,
                        why,
                        document,
                        kind,
                        claim.evidence.start as i64,
                        claim.evidence.end as i64,
                        claim.evidence.text,
                        to_json(correction)?,
                        was
                    ],
                )?;
                tx.execute(
                    "UPDATE claims SET claim = ?3, claimant = ?4, place = ?5, key_figure = ?6, corrected = 1,
                       rejected = rejected OR ?7
                     WHERE document_id = ?1 AND ordinal = ?2",
                    params![
                        document,
                        *ordinal as i64,
                        to_json(&claim)?,
                        claim.claimant.as_ref().map(|c| c.name.as_str()),
                        claim.place.as_ref().map(|p| p.name.as_str()),
                        claim.count.and_then(|c| c.key()).map(|n| n as i64),
                        rejected,
                    ],
                )?;
                format!(
                    "{target} {}: {was} → {}",
                    correction.field(),
                    correction.describe()
                )
            }
            Target::Lead { .. } => {
                let mut lead: Option<Lead> = lead_json.as_deref().map(from_json).transpose()?;
                let was = current(correction, None, lead.as_ref());
                if !correction.apply_to_lead(&mut lead) {
                    return Err(StoreError::NotFound(format!(
                        "a lead has no {} to correct (that is a claim's)",
                        correction.field()
                    )));
                }
                tx.execute(
                    "INSERT INTO corrections (who, why, document_id, target, correction, was)
                     VALUES (?1, ?2, ?3, 'lead', ?4, ?5)",
                    params![who, why, document, to_json(correction)?, was],
                )?;
                tx.execute(
                    "UPDATE documents SET lead = ?2 WHERE id = ?1",
                    params![document, lead.as_ref().map(to_json).transpose()?],
                )?;
                crate::incidents::release(&tx, document)?;
                format!(
                    "{target} {}: {was} → {}",
                    correction.field(),
                    correction.describe()
                )
            }
        };
        tx.execute(
            "INSERT INTO audit (who, action, detail, why) VALUES (?1, 'correct', ?2, ?3)",
            params![who, detail, why],
        )?;
        tx.commit()?;
        Ok(detail)
    }

    /// Every correction, or one report's, oldest first.
    pub fn corrections(&self, document: Option<&str>) -> Result<Vec<StoredCorrection>, StoreError> {
        let mut select = self.conn.prepare(
            "SELECT id, at, who, why, document_id, target, kind, evidence, correction, was FROM corrections
             WHERE ?1 IS NULL OR document_id = ?1 ORDER BY id",
        )?;
        let rows = select.query_map([document], |r| {
            Ok((
                StoredCorrection {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    who: r.get(2)?,
                    why: r.get(3)?,
                    document: r.get(4)?,
                    target: r.get(5)?,
                    kind: r.get(6)?,
                    evidence: r.get(7)?,
                    correction: Correction::Reject,
                    was: r.get(9)?,
                },
                r.get::<_, String>(8)?,
            ))
        })?;
        rows.map(|row| {
            let (mut stored, json) = row?;
            stored.correction = from_json(&json)?;
            Ok(stored)
        })
        .collect()
    }

    /// Deletes a report: its claims, quotes and link go with it, its incident is graded
    /// again (or removed, if it held nothing else), and its text, if no other report shares
    /// it. People's corrections of it stay, for the record. One transaction, audited.
    pub fn delete_document(&mut self, document: &str, who: &str, why: &str) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let hash: Option<String> = tx
            .query_row("SELECT hash FROM documents WHERE id = ?1", [document], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(hash) = hash else {
            return Err(StoreError::NotFound(format!(
                "no report {document} in the ledger"
            )));
        };
        // A report a person placed keeps its link through `release`: it goes here.
        let incident = crate::incidents::release(&tx, document)?;
        crate::incidents::unlink_rows(&tx, document)?;
        if let Some(id) = incident {
            crate::incidents::drop_if_empty(&tx, id)?;
        }
        tx.execute("DELETE FROM documents WHERE id = ?1", [document])?;
        tx.execute(
            "DELETE FROM texts WHERE hash = ?1 AND NOT EXISTS (SELECT 1 FROM documents WHERE hash = ?1)",
            [&hash],
        )?;
        let detail = match incident {
            Some(id) => format!("{document} (of incident {id})"),
            None => document.to_string(),
        };
        tx.execute(
            "INSERT INTO audit (who, action, detail, why) VALUES (?1, 'delete', ?2, ?3)",
            params![who, detail, why],
        )?;
        tx.commit()?;
        Ok(())
    }
}
