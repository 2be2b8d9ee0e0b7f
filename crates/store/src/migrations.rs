//! Versioned schema migrations, applied in order and recorded in `PRAGMA user_version`.
//!
//! Hand-written rather than a migration crate: the whole mechanism is a list and a
//! counter, and keeping it here spares a dependency pinned to one rusqlite version.

use crate::StoreError;
use rusqlite::Connection;

/// Each entry moves the schema from version `i` to `i + 1`. Never edit one that has shipped.
const MIGRATIONS: &[&str] = &[
    // 1: documents, their texts (stored once per content hash), claims, quotes, ingest log.
    "CREATE TABLE texts (
        hash TEXT PRIMARY KEY,
        body TEXT NOT NULL
     );
     CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        hash TEXT NOT NULL REFERENCES texts (hash),
        title TEXT,
        published TEXT,
        outlet TEXT,
        url TEXT,
        language TEXT,
        lead TEXT,
        diagnostics TEXT NOT NULL DEFAULT '[]',
        extractor_version TEXT NOT NULL,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
     );
     CREATE INDEX documents_hash ON documents (hash);
     CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        kind TEXT NOT NULL,
        claimant TEXT,
        place TEXT,
        key_figure INTEGER,
        claim TEXT NOT NULL,
        extractor_version TEXT NOT NULL,
        UNIQUE (document_id, ordinal)
     );
     CREATE INDEX claims_kind ON claims (kind);
     CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        speaker TEXT,
        start INTEGER NOT NULL,
        \"end\" INTEGER NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (document_id, ordinal)
     );
     CREATE TABLE ingest_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        input TEXT NOT NULL,
        document_id TEXT,
        outcome TEXT NOT NULL,
        message TEXT
     );",
    // 2: the byline of a web page.
    "ALTER TABLE documents ADD COLUMN author TEXT;",
    // 3: incidents, the reports each holds and why, and the audit log of people's decisions.
    "CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
     );
     CREATE TABLE links (
        document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        incident_id INTEGER NOT NULL REFERENCES incidents (id),
        reasons TEXT NOT NULL,
        by_person INTEGER NOT NULL DEFAULT 0,
        place_key TEXT,
        day TEXT
     );
     CREATE INDEX links_incident ON links (incident_id);
     CREATE INDEX links_place_day ON links (place_key, day);
     CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        who TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL,
        why TEXT NOT NULL
     );",
    // 4: the victims and suspects each report names, and an index of incidents by them.
    // The index tables (here and in 5) carry no foreign keys: linking writes sixteen rows a
    // report into them, and checking each against `links` and `incidents` cost a third of
    // its time. `incidents.rs` keeps them in step with `links`.
    "ALTER TABLE documents ADD COLUMN people TEXT NOT NULL DEFAULT '[]';
     CREATE TABLE link_names (
        name_key TEXT NOT NULL,
        document_id TEXT NOT NULL,
        incident_id INTEGER NOT NULL
     );
     CREATE INDEX link_names_key ON link_names (name_key);
     CREATE INDEX link_names_document ON link_names (document_id);",
    // 5: each linked report's wording (a MinHash signature) and its bands, to find reprints;
    // the region of each named person's report, to look up names within a region.
    "ALTER TABLE links ADD COLUMN signature TEXT;
     CREATE TABLE link_bands (
        band INTEGER NOT NULL,
        document_id TEXT NOT NULL,
        incident_id INTEGER NOT NULL
     );
     CREATE INDEX link_bands_band ON link_bands (band);
     CREATE INDEX link_bands_document ON link_bands (document_id);
     ALTER TABLE link_names ADD COLUMN region TEXT;",
    // 6: each incident's grade, with what it rests on and the policy that gave it (NULL
    // until graded: linking and people's decisions clear the grade of every incident they
    // change); people's corrections of claims and leads, kept apart from what the machine
    // read and applied over it; which claims a person corrected or rejected.
    "ALTER TABLE incidents ADD COLUMN grade TEXT;
     ALTER TABLE incidents ADD COLUMN sources INTEGER;
     ALTER TABLE incidents ADD COLUMN grade_reasons TEXT;
     ALTER TABLE incidents ADD COLUMN grading_policy TEXT;
     CREATE INDEX incidents_ungraded ON incidents (grade) WHERE grade IS NULL;
     ALTER TABLE claims ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE claims ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0;
     CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        who TEXT NOT NULL,
        why TEXT NOT NULL,
        document_id TEXT NOT NULL,
        target TEXT NOT NULL,
        kind TEXT,
        start INTEGER,
        \"end\" INTEGER,
        evidence TEXT,
        correction TEXT NOT NULL,
        was TEXT NOT NULL
     );
     CREATE INDEX corrections_document ON corrections (document_id);",
    // 7: the streets each linked report names, and an index of incidents by street.
    "ALTER TABLE links ADD COLUMN streets TEXT NOT NULL DEFAULT '[]';
     CREATE TABLE link_streets (
        street TEXT NOT NULL,
        document_id TEXT NOT NULL,
        incident_id INTEGER NOT NULL
     );
     CREATE INDEX link_streets_street ON link_streets (street);
     CREATE INDEX link_streets_document ON link_streets (document_id);",
    // 8: the US state each report's own reading puts it in (the evidence outlets' homes are
    // learnt from), the home state it was last read with (NULL: none), its publisher
    // (`tally_link::outlets::publisher`; '' for none, NULL until worked out), and the homes
    // learnt.
    "ALTER TABLE documents ADD COLUMN own_state TEXT;
     ALTER TABLE documents ADD COLUMN home_state TEXT;
     ALTER TABLE documents ADD COLUMN publisher TEXT;
     CREATE INDEX documents_publisher ON documents (publisher, own_state);
     UPDATE documents SET own_state = json_extract(lead, '$.place.admin1')
      WHERE json_extract(lead, '$.place.country') = 'US';
     CREATE TABLE outlet_homes (
        outlet TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        reports INTEGER NOT NULL,
        of INTEGER NOT NULL
     );",
    // 9: the words each report may share with other reports of its incident
    // (`tally_link::terms`), for every report linking has read, linked or not: how many
    // reports use a word is counted here.
    "CREATE TABLE document_terms (
        term TEXT NOT NULL,
        document_id TEXT NOT NULL,
        PRIMARY KEY (term, document_id)
     ) WITHOUT ROWID;
     CREATE INDEX document_terms_document ON document_terms (document_id);",
    // 10: the station a report's copy credits itself to (`tally_link::outlets::
    // credited_station`; '' for none, NULL until worked out), whose home outweighs the
    // site's that posted it.
    "ALTER TABLE documents ADD COLUMN credit TEXT;
     CREATE INDEX documents_credit ON documents (credit, own_state);",
    // 11: an index of linked reports by state and toll (`Sketch::toll_key`), and whether
    // each is placed only in its state, for linking such reports. Reports linked before it
    // are found by it once re-linked.
    "CREATE TABLE link_tolls (
        toll TEXT NOT NULL,
        day TEXT NOT NULL,
        document_id TEXT NOT NULL,
        incident_id INTEGER NOT NULL,
        state_only INTEGER NOT NULL
     );
     CREATE INDEX link_tolls_toll ON link_tolls (toll, day);
     CREATE INDEX link_tolls_document ON link_tolls (document_id);",
];

pub fn migrate(conn: &mut Connection, name: &str) -> Result<(), StoreError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(StoreError::TooNew {
            path: name.to_string(),
            found: version,
            known,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "test").unwrap();
        migrate(&mut conn, "test").unwrap();
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, MIGRATIONS.len() as i64);
    }

    #[test]
    fn a_newer_ledger_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        assert!(matches!(migrate(&mut conn, "x"), Err(StoreError::TooNew { .. })));
    }
}
