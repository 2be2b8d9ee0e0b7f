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

/// Records, inside the caller's transaction, the state a report's own reading gives, the
/// home state it was read with, and its publisher.
pub(crate) fn mark(
    tx: &rusqlite::Transaction<'_>,
    doc: &Document,
    own: &Extraction,
    home: Option<&str>,
) -> Result<(), StoreError> {
    let publisher = publisher(doc.outlet.as_deref(), doc.url.as_deref()).unwrap_or_default();
    tx.prepare_cached("UPDATE documents SET own_state = ?2, home_state = ?3, publisher = ?4 WHERE id = ?1")?
        .execute(params![doc.id, own_state(own), home, publisher])?;
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
        let tx = self.conn.transaction()?;
        // Reports stored before their publisher was kept (migration 8) get it now, once.
        let unknown: Vec<(String, Option<String>, Option<String>)> = tx
            .prepare("SELECT id, outlet, url FROM documents WHERE publisher IS NULL")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        {
            let mut update = tx.prepare("UPDATE documents SET publisher = ?2 WHERE id = ?1")?;
            for (id, outlet, url) in &unknown {
                let publisher = publisher(outlet.as_deref(), url.as_deref()).unwrap_or_default();
                update.execute(params![id, publisher])?;
            }
        }
        let evidence: Vec<(String, String, i64)> = tx
            .prepare(
                "SELECT publisher, own_state, count(*) FROM documents
                 WHERE publisher != '' AND own_state IS NOT NULL GROUP BY publisher, own_state",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let homes = tally_link::homes::learn(
            evidence
                .iter()
                .map(|(o, s, n)| (o.as_str(), s.as_str(), *n as usize)),
        );
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
    /// than their outlet's, as the last `learn_homes` kept them.
    pub fn awaiting_home(&self) -> Result<Vec<Awaiting>, StoreError> {
        let mut select = self.conn.prepare(
            "SELECT d.id, d.title, d.published, d.outlet, d.url, d.language, t.body, d.hash, d.author,
                    h.outlet, h.state, h.reports, h.of
             FROM documents d JOIN texts t ON t.hash = d.hash
             LEFT JOIN outlet_homes h ON h.outlet = d.publisher
             WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.document_id = d.id)
               AND d.home_state IS NOT h.state
             ORDER BY d.id",
        )?;
        let rows = select.query_map([], |r| {
            let home = match r.get::<_, Option<String>>(9)? {
                Some(outlet) => Some(Home {
                    outlet,
                    state: r.get(10)?,
                    reports: r.get::<_, i64>(11)? as usize,
                    of: r.get::<_, i64>(12)? as usize,
                }),
                None => None,
            };
            Ok(Awaiting {
                document: document_row(r)?,
                home,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
