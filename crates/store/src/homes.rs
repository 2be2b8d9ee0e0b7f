//! Outlets' home states (`tally_link::homes`): the evidence each report gives, the homes
//! learnt from it, and the reports waiting to be read again with their outlet's home.

use crate::{document_row, Ledger, StoreError};
use rusqlite::params;
use tally_core::{Document, Extraction};
use tally_link::homes::Home;
use tally_link::outlets::{credited_station, publisher};

/// The US state a reading puts its report's lead in.
fn own_state(extraction: &Extraction) -> Option<&str> {
    let place = extraction.lead.as_ref()?.place.as_ref()?;
    (place.country.as_deref() == Some("US"))
        .then_some(place.admin1.as_deref())
        .flatten()
}

/// Which reading of a report is stored.
#[derive(Clone, Copy)]
pub enum Read<'a> {
    /// Read without a home: also the evidence outlets' homes are learnt from.
    Own(&'a Extraction),
    /// Read as from its outlet's home `state`; `own`, where it was read too, is the reading
    /// without a home, else the evidence stored before stands.
    FromHome {
        state: &'a str,
        extraction: &'a Extraction,
        own: Option<&'a Extraction>,
    },
}

impl<'a> Read<'a> {
    /// The reading that is stored.
    pub fn extraction(self) -> &'a Extraction {
        match self {
            Read::Own(e) | Read::FromHome { extraction: e, .. } => e,
        }
    }
}

/// Records, inside the caller's transaction, the home state a report was read with, its
/// publisher, and (where this read made it) the state its own reading gives.
pub(crate) fn mark(tx: &rusqlite::Transaction<'_>, doc: &Document, read: Read<'_>) -> Result<(), StoreError> {
    let publisher = publisher(doc.outlet.as_deref(), doc.url.as_deref()).unwrap_or_default();
    let credit = credited_station(&doc.body).unwrap_or_default();
    let (home, own) = match read {
        Read::Own(e) => (None, Some(e)),
        Read::FromHome { state, own, .. } => (Some(state), own),
    };
    tx.prepare_cached("UPDATE documents SET home_state = ?2, publisher = ?3, credit = ?4 WHERE id = ?1")?
        .execute(params![doc.id, home, publisher, credit])?;
    if let Some(own) = own {
        tx.prepare_cached("UPDATE documents SET own_state = ?2 WHERE id = ?1")?
            .execute(params![doc.id, own_state(own)])?;
    }
    Ok(())
}

/// The learnt homes of a report's credited station (`c`) and of its site (`h`).
const HOMES_JOIN: &str =
    "LEFT JOIN outlet_homes c ON c.outlet = d.credit LEFT JOIN outlet_homes h ON h.outlet = d.publisher";

/// A report's home: its credited station's, else its site's.
const HOME: &str = "coalesce(c.state, h.state)";

/// A stored report waiting to be read with its outlet's home state (or, where the home is
/// no longer learnt, without one).
pub struct Awaiting {
    pub document: Document,
    pub home_state: Option<String>,
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
        // Reports stored before their credit was kept (migration 10) get it now, once.
        let uncredited: Vec<(String, String)> = tx
            .prepare(
                "SELECT d.id, t.body FROM documents d JOIN texts t ON t.hash = d.hash WHERE d.credit IS NULL",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        {
            let mut update = tx.prepare("UPDATE documents SET credit = ?2 WHERE id = ?1")?;
            for (id, body) in &uncredited {
                update.execute(params![id, credited_station(body).unwrap_or_default()])?;
            }
        }
        // A site's evidence and a credited station's: a station's call sign is never a
        // site's host.
        let evidence: Vec<(String, String, i64)> = tx
            .prepare(
                "SELECT publisher, own_state, count(*) FROM documents
                 WHERE publisher != '' AND own_state IS NOT NULL GROUP BY publisher, own_state
                 UNION ALL
                 SELECT credit, own_state, count(*) FROM documents
                 WHERE credit != '' AND own_state IS NOT NULL GROUP BY credit, own_state",
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

    /// The home state of each report's outlet, as the last `learn_homes` kept them, by
    /// report id.
    pub fn home_states(&self) -> Result<std::collections::HashMap<String, String>, StoreError> {
        let mut select = self.conn.prepare(&format!(
            "SELECT d.id, {HOME} AS state FROM documents d {HOMES_JOIN} WHERE {HOME} IS NOT NULL"
        ))?;
        let rows = select.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The reports no incident holds yet whose stored reading was made with another home
    /// than their outlet's, as the last `learn_homes` kept them.
    pub fn awaiting_home(&self) -> Result<Vec<Awaiting>, StoreError> {
        let mut select = self.conn.prepare(&format!(
            "SELECT d.id, d.title, d.published, d.outlet, d.url, d.language, t.body, d.hash, d.author, {HOME}
             FROM documents d JOIN texts t ON t.hash = d.hash
             {HOMES_JOIN}
             WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.document_id = d.id)
               AND d.home_state IS NOT {HOME}
             ORDER BY d.id"
        ))?;
        let rows = select.query_map([], |r| {
            Ok(Awaiting {
                document: document_row(r)?,
                home_state: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
