//! `tally correct`, `tally corrections`, `tally reextract`, `tally delete` and
//! `tally regrade`: a person's fixes to what the machine read, kept through every re-run.

use crate::incidents::DecisionArgs;
use crate::show::{shorten, table};
use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use std::path::Path;
use tally_core::{Correction, Count, Period};
use tally_extract::Extractor;
use tally_link::outlets::Register;
use tally_store::{Ledger, Target};

/// What `tally correct` sets. Each option given is one correction, audited on its own.
#[derive(clap::Args)]
pub struct Fields {
    /// The figure: "14", "at least 14", "30-50". For a lead, the killed.
    #[arg(long)]
    figure: Option<String>,
    /// A lead's injured.
    #[arg(long)]
    injured: Option<String>,
    /// Who asserts the claim; "" for the report's own voice.
    #[arg(long)]
    claimant: Option<String>,
    /// The place, as the gazetteer (or a --places table) names it; "" for none.
    #[arg(long)]
    place: Option<String>,
    /// The first day of the period (a lead's day), YYYY-MM-DD.
    #[arg(long)]
    from: Option<NaiveDate>,
    /// The last day of the period (default: --from).
    #[arg(long)]
    to: Option<NaiveDate>,
    /// The alleged perpetrators, comma-separated; "" for none.
    #[arg(long)]
    perpetrators: Option<String>,
    /// Not a claim (or not the report's incident): leave it out of every view and export.
    #[arg(long)]
    reject: bool,
}

/// "report-7#3" (the report's third claim as `tally claims` numbers them) or "report-7#lead".
pub fn target(text: &str) -> Result<Target> {
    let Some((document, which)) = text.rsplit_once('#') else {
        bail!("{text:?} names no claim: write REPORT#N (as `tally claims` shows) or REPORT#lead");
    };
    let document = document.to_string();
    if which == "lead" {
        return Ok(Target::Lead { document });
    }
    let ordinal = which
        .parse()
        .with_context(|| format!("{text:?}: {which:?} is neither a claim number nor \"lead\""))?;
    Ok(Target::Claim { document, ordinal })
}

impl Fields {
    /// The corrections these options make, resolving places and parties as the
    /// extractor's lexicons name them.
    fn corrections(&self, ex: &Extractor) -> Result<Vec<Correction>> {
        let mut out = Vec::new();
        let figure = |text: &str| -> Result<Count> {
            text.parse::<Count>()
                .map_err(|e| anyhow::anyhow!("figure {text:?}: {e}"))
        };
        if let Some(text) = &self.figure {
            out.push(Correction::Figure(figure(text)?));
        }
        if let Some(text) = &self.injured {
            out.push(Correction::Injured(figure(text)?));
        }
        if let Some(name) = &self.claimant {
            let name = name.trim();
            out.push(Correction::Claimant((!name.is_empty()).then(|| name.to_string())));
        }
        if let Some(name) = &self.place {
            let name = name.trim();
            let place = if name.is_empty() {
                None
            } else {
                let found = ex
                    .places
                    .find(name)
                    .into_iter()
                    .find(|m| m.span.start == 0 && m.span.end == name.len());
                match found {
                    Some(m) => Some(ex.places.entries[m.entry].place()),
                    None => bail!(
                        "{name:?} is not in the gazetteer: add it in a table of your own (--places FILE)"
                    ),
                }
            };
            out.push(Correction::Place(place));
        }
        match (self.from, self.to) {
            (Some(start), end) => out.push(Correction::Period(Period {
                start: Some(start),
                end: Some(end.unwrap_or(start)),
            })),
            (None, Some(_)) => bail!("--to needs --from"),
            (None, None) => {}
        }
        if let Some(list) = &self.perpetrators {
            let parties = list
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| match ex.actors.find(p).first() {
                    Some(m) if m.span.len() == p.len() => ex.actors.entries[m.entry].name.clone(),
                    _ => p.to_string(),
                })
                .collect();
            out.push(Correction::Perpetrators(parties));
        }
        if self.reject {
            out.push(Correction::Reject);
        }
        if out.is_empty() {
            bail!("nothing to correct: give --figure, --injured, --claimant, --place, --from, --perpetrators or --reject");
        }
        Ok(out)
    }
}

pub fn correct(
    db: &Path,
    ex: &Extractor,
    register: &Register,
    what: &str,
    fields: &Fields,
    decision: &DecisionArgs,
) -> Result<()> {
    let target = target(what)?;
    let corrections = fields.corrections(ex)?;
    let mut ledger = Ledger::open(db)?;
    for correction in &corrections {
        let detail = ledger.correct(&target, correction, &decision.who, &decision.why)?;
        eprintln!("corrected {detail}");
    }
    if let Target::Lead { document } = &target {
        // A lead places its report among incidents: place it again, and grade.
        let linked = ledger.link_unlinked()?;
        ledger.grade_ungraded(register)?;
        if linked.joined + linked.opened > 0 {
            match ledger.incident_of(document)? {
                Some(id) => eprintln!("{document} linked again: now in {}", crate::incidents::name(id)),
                None => eprintln!("{document} has no lead now and is in no incident"),
            }
        }
    }
    Ok(())
}

pub fn list(db: &Path, document: Option<&str>) -> Result<()> {
    let ledger = Ledger::open(db)?;
    let rows = ledger.corrections(document)?;
    let mut t = table(&["when", "who", "what", "field", "was", "now", "why"]);
    for c in &rows {
        let what = match (&c.target[..], &c.kind) {
            ("lead", _) => format!("{} lead", c.document),
            (_, Some(kind)) => format!(
                "{} {kind}: {}",
                c.document,
                shorten(c.evidence.as_deref().unwrap_or(""), 50)
            ),
            _ => c.document.clone(),
        };
        t.add_row(vec![
            c.at.clone(),
            c.who.clone(),
            what,
            c.correction.field().to_string(),
            c.was.clone(),
            c.correction.describe(),
            c.why.clone(),
        ]);
    }
    out!("{t}");
    eprintln!("{} corrections", rows.len());
    Ok(())
}

/// Reads every stored report again with this extractor, keeping people's corrections,
/// then links and grades what changed.
pub fn reextract(db: &Path, ex: &Extractor, register: &Register) -> Result<()> {
    let mut ledger = Ledger::open(db)?;
    let documents = ledger.stored_documents()?;
    // Each report is read with the home its outlet had at the last `tally link`, and without
    // one for the evidence the homes are learnt again from below.
    let homes = ledger.home_states()?;
    let (mut changed, mut applied, mut orphaned) = (0, 0, 0);
    for doc in &documents {
        let home = homes.get(&doc.id).map(String::as_str);
        let reread = crate::link::reread(&mut ledger, doc, ex, home, true)?;
        changed += usize::from(reread.changed);
        applied += reread.applied.applied;
        orphaned += reread.applied.orphaned;
        if reread.applied.orphaned > 0 {
            eprintln!(
                "note: {}: {} corrections match no claim this extractor reads; kept (tally corrections --document {})",
                doc.id, reread.applied.orphaned, doc.id
            );
        }
    }
    eprintln!(
        "re-read {} reports with {}: {changed} read differently; {applied} corrections applied, {orphaned} waiting",
        documents.len(),
        tally_core::EXTRACTOR_VERSION
    );
    crate::link::read_with_homes(&mut ledger, ex)?;
    let linked = ledger.link_unlinked()?;
    let graded = ledger.grade_ungraded(register)?;
    eprintln!(
        "linked {} reports again, graded {graded} incidents",
        linked.joined + linked.opened
    );
    Ok(())
}

pub fn delete(db: &Path, documents: &[String], decision: &DecisionArgs, register: &Register) -> Result<()> {
    let mut ledger = Ledger::open(db)?;
    for document in documents {
        ledger.delete_document(document, &decision.who, &decision.why)?;
        eprintln!("deleted {document}");
    }
    ledger.grade_ungraded(register)?;
    Ok(())
}

/// Grades every incident again under the current policy and register, and prints how
/// many have each grade.
pub fn regrade(db: &Path, register: &Register) -> Result<()> {
    let mut ledger = Ledger::open(db)?;
    ledger.ungrade_all()?;
    let graded = ledger.grade_ungraded(register)?;
    let mut counts: Vec<(String, usize)> = Vec::new();
    for incident in ledger.incidents()? {
        let grade = incident.grade.map(|g| g.grade).unwrap_or_default();
        match counts.iter_mut().find(|(g, _)| *g == grade) {
            Some((_, n)) => *n += 1,
            None => counts.push((grade, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let mut t = table(&["grade", "incidents"]);
    for (grade, n) in &counts {
        t.add_row(vec![grade.clone(), n.to_string()]);
    }
    out!("{t}");
    eprintln!(
        "graded {graded} incidents under {} with {} outlets in the register",
        tally_link::grade::POLICY,
        register.len()
    );
    Ok(())
}
