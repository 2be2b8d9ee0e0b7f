//! `tally link`: puts every report not yet in an incident into one, new or existing.

use anyhow::Result;
use std::path::Path;
use tally_link::outlets::Register;
use tally_store::Ledger;

pub fn run(db: &Path, again: bool, register: &Register) -> Result<()> {
    let mut ledger = Ledger::open(db)?;
    if again {
        let n = ledger.forget_machine_links()?;
        eprintln!("unlinked {n} reports the machine had linked; people's decisions stay");
    }
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
