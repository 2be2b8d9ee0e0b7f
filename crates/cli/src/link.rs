//! `tally link`: puts every report not yet in an incident into one, new or existing.

use anyhow::Result;
use std::path::Path;
use tally_link::judge;
use tally_store::Ledger;

/// What a linking run did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Linked {
    pub joined: u64,
    pub opened: u64,
}

/// Links the reports that no incident holds yet. Each is judged against the incidents of
/// its town and days only, so a run costs what is new, not what the ledger holds.
pub fn link_new(ledger: &mut Ledger) -> Result<Linked> {
    let mut linked = Linked::default();
    for sketch in ledger.unlinked()? {
        let mut candidates = Vec::new();
        if let (Some(key), Some(day)) = (sketch.place_key(), sketch.day()) {
            candidates.extend(ledger.candidates(&key, day)?);
        }
        if let Some(signature) = &sketch.signature {
            candidates.extend(ledger.candidates_by_wording(signature)?);
        }
        for key in sketch.name_keys() {
            candidates.extend(ledger.candidates_by_name(&key)?);
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut home = None;
        for id in candidates {
            if let Some(reasons) = judge(&sketch, &ledger.members(id)?) {
                home = Some((id, reasons));
                break;
            }
        }
        match home {
            Some((id, reasons)) => {
                ledger.link(&sketch, id, &reasons, false)?;
                linked.joined += 1;
            }
            None => {
                ledger.open_incident(&sketch, &["first report of the incident".to_string()], false)?;
                linked.opened += 1;
            }
        }
    }
    Ok(linked)
}

pub fn run(db: &Path, again: bool) -> Result<()> {
    let mut ledger = Ledger::open(db)?;
    if again {
        let n = ledger.forget_machine_links()?;
        eprintln!("unlinked {n} reports the machine had linked; people's decisions stay");
    }
    let linked = link_new(&mut ledger)?;
    eprintln!(
        "linked {} reports: {} joined an incident, {} opened a new one",
        linked.joined + linked.opened,
        linked.joined,
        linked.opened
    );
    Ok(())
}
