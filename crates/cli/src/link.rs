//! `tally link`: puts every report not yet in an incident into one, new or existing.

use anyhow::{Context, Result};
use std::path::Path;
use tally_core::{Document, Extraction};
use tally_extract::{extract_from, Extractor};
use tally_link::outlets::Register;
use tally_store::Ledger;

pub fn run(db: &Path, again: bool, ex: &Extractor, register: &Register) -> Result<()> {
    let mut ledger = Ledger::open(db)?;
    if again {
        let n = ledger.forget_machine_links()?;
        eprintln!("unlinked {n} reports the machine had linked; people's decisions stay");
    }
    read_with_homes(&mut ledger, ex)?;
    let linked = ledger.link_unlinked()?;
    eprintln!(
        "linked {} reports: {} joined an incident, {} opened a new one",
        linked.joined + linked.opened,
        linked.joined,
        linked.opened
    );
    let graded = ledger.grade_ungraded(register)?;
    eprintln!("graded {graded} incidents ({})", tally_link::grade::POLICY);
    Ok(())
}

/// What a report reads as: nothing for one not in English or with no text.
pub fn reading(doc: &Document, ex: &Extractor, home_state: Option<&str>) -> Extraction {
    match doc.language.as_deref() {
        Some(language) if language != crate::ingest::EXTRACTION_LANGUAGE => Extraction::default(),
        _ if doc.body.trim().is_empty() => Extraction::default(),
        _ => extract_from(doc, ex, home_state),
    }
}

/// Learns outlets' home states from the ledger and reads again, with its outlet's home,
/// every report not yet linked that was read with another (`tally_link::homes`).
pub fn read_with_homes(ledger: &mut Ledger, ex: &Extractor) -> Result<()> {
    let homes = ledger.learn_homes()?;
    let awaiting = ledger.awaiting_home()?;
    let mut changed = 0;
    for waiting in &awaiting {
        let doc = &waiting.document;
        let own = reading(doc, ex, None);
        let state = waiting.home.as_ref().map(|h| h.state.as_str());
        let hinted = state.map(|s| (s, reading(doc, ex, Some(s))));
        let reread = ledger
            .reextract(doc, &own, hinted.as_ref().map(|(s, e)| (*s, e)))
            .with_context(|| format!("re-reading {} with its outlet's home", doc.id))?;
        changed += usize::from(reread.changed);
    }
    if !awaiting.is_empty() {
        eprintln!(
            "learnt the home states of {} outlets; read {} reports again with them, {changed} read differently",
            homes.len(),
            awaiting.len()
        );
    }
    Ok(())
}
