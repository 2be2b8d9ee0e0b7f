//! `tally link`: puts every report not yet in an incident into one, new or existing.

use anyhow::{Context, Result};
use std::path::Path;
use tally_core::{Document, Extraction};
use tally_extract::{extract_from, Extractor};
use tally_link::outlets::Register;
use tally_store::{Ledger, Read};

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

/// What a report reads as: nothing for one not in English, or with neither text nor
/// headline; a lead alone for a headline without text.
pub fn reading(doc: &Document, ex: &Extractor, home_state: Option<&str>) -> Extraction {
    let untitled = doc.title.as_deref().is_none_or(|t| t.trim().is_empty());
    match doc.language.as_deref() {
        Some(language) if language != crate::ingest::EXTRACTION_LANGUAGE => Extraction::default(),
        _ if doc.body.trim().is_empty() && untitled => Extraction::default(),
        _ => extract_from(doc, ex, home_state),
    }
}

/// Reads a stored report again and stores the reading: with its outlet's `home` state where
/// it has one. `own_too` reads it without a home as well, so that the evidence homes are
/// learnt from is of this extractor (`tally reextract`); else a home's reading leaves the
/// evidence stored before.
pub fn reread(
    ledger: &mut Ledger,
    doc: &Document,
    ex: &Extractor,
    home: Option<&str>,
    own_too: bool,
) -> Result<tally_store::Reread> {
    let (stored, own);
    let read = match home {
        Some(state) => {
            stored = reading(doc, ex, Some(state));
            own = own_too.then(|| reading(doc, ex, None));
            Read::FromHome {
                state,
                extraction: &stored,
                own: own.as_ref(),
            }
        }
        None => {
            stored = reading(doc, ex, None);
            Read::Own(&stored)
        }
    };
    ledger
        .reextract(doc, read)
        .with_context(|| format!("re-reading {}", doc.id))
}

/// Learns outlets' home states from the ledger and reads again, with its outlet's home,
/// every report not yet linked that was read with another (`tally_link::homes`).
pub fn read_with_homes(ledger: &mut Ledger, ex: &Extractor) -> Result<()> {
    let homes = ledger.learn_homes()?;
    let awaiting = ledger.awaiting_home()?;
    let mut changed = 0;
    for waiting in &awaiting {
        let reread = reread(
            ledger,
            &waiting.document,
            ex,
            waiting.home_state.as_deref(),
            false,
        )?;
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
