//! Outlets' home states (`tally_link::homes`): the evidence each report gives, the homes
//! learnt from it, and the reports waiting to be read again with their outlet's home.

use crate::{document_row, Ledger, StoreError};
use rusqlite::params;
use tally_core::{Document, Extraction};
use tally_link::homes::Home;
use tally_link::outlets::publisher;

/// The US state a reading puts its report's lead in.
pub fn own_state(extraction: &Extraction) -> Option<&str> {
    let place = extraction.lead.as_ref()?.place.as_ref()?;
    (place.country.as_deref() == Some("US"))
        .then_some(place.admin1.as_deref())
        .flatten()
}

/// Records, inside the caller's transaction, the state a report's own reading gives and
/// the home state it was read with.
pub(crate) fn mark(
    tx: &rusqlite::Transaction<'_>,
    document: &str,
    own: &Extraction,
    home: Option<&str>,
) -> Result<(), StoreError> {
    tx.prepare_cached("UPDATE documents SET own_state = ?2, home_state = ?3 WHERE id = ?1")?
        .execute(params![document, own_state(own), home])?;
    Ok(())
}

/// A stored report waiting to be read with its outlet's home state (or, where the home is
/// no longer learnt, without one).
pub struct Awaiting {
    pub document: Document,
    pub home: Option<Home>,
}

impl Ledger {
    /// Learns every outlet's home from its reports' own readings
    /// ([`tally_link::homes::learn`]) and keeps them in `outlet_homes`, replacing what an
    /// earlier run learnt.
    pub fn learn_homes(&mut self) -> Result<Vec<Home>, StoreError> {
        let mut select = self
            .conn
            .prepare("SELECT outlet, url, own_state FROM documents WHERE own_state IS NOT NULL")?;
        let rows = select.query_map([], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut evidence = Vec::new();
        for row in rows {
            let (outlet, url, state) = row?;
            if let Some(outlet) = publisher(outlet.as_deref(), url.as_deref()) {
                evidence.push((outlet, state));
            }
        }
        drop(select);
        let homes = tally_link::homes::learn(evidence.iter().map(|(o, s)| (o.as_str(), s.as_str())));
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM outlet_homes", [])?;
        {
            let mut insert =
                tx.prepare("INSERT INTO outlet_homes (outlet, state, reports, of) VALUES (?1, ?2, ?3, ?4)")?;
            for h in &homes {
                insert.execute(params![h.outlet, h.state, h.reports as i64, h.of as i64])?;
            }
        }
        tx.commit()?;
        Ok(homes)
    }

    /// The homes the last `learn_homes` kept, by outlet.
    pub fn homes(&self) -> Result<Vec<Home>, StoreError> {
        let mut select = self
            .conn
            .prepare("SELECT outlet, state, reports, of FROM outlet_homes ORDER BY outlet")?;
        let rows = select.query_map([], |r| {
            Ok(Home {
                outlet: r.get(0)?,
                state: r.get(1)?,
                reports: r.get::<_, i64>(2)? as usize,
                of: r.get::<_, i64>(3)? as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The reports no incident holds yet whose stored reading was made with another home
    /// than their outlet's `homes` give now.
    pub fn awaiting_home(&self, homes: &[Home]) -> Result<Vec<Awaiting>, StoreError> {
        let mut select = self.conn.prepare(
            "SELECT d.id, d.title, d.published, d.outlet, d.url, d.language, t.body, d.hash, d.author, d.home_state
             FROM documents d JOIN texts t ON t.hash = d.hash
             WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.document_id = d.id)
             ORDER BY d.id",
        )?;
        let rows = select.query_map([], |r| Ok((document_row(r)?, r.get::<_, Option<String>>(9)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (document, read_with) = row?;
            let home = publisher(document.outlet.as_deref(), document.url.as_deref())
                .and_then(|o| homes.binary_search_by(|h| h.outlet.as_str().cmp(&o)).ok())
                .map(|i| homes[i].clone());
            if home.as_ref().map(|h| h.state.as_str()) != read_with.as_deref() {
                out.push(Awaiting { document, home });
            }
        }
        Ok(out)
    }
}
