//! The ledger: documents, claims, quotes and the ingest log in SQLite.
//!
//! The only crate that knows SQL. Every write of a document and what was extracted from
//! it happens in one transaction, so a failure leaves the ledger as it was.

mod corrections;
mod homes;
mod incidents;
mod migrations;

pub use corrections::{Applied, StoredCorrection, Target};
pub use homes::{Awaiting, Read};
pub use incidents::{Decision, Linked, StoredGrade, StoredIncident};

use rusqlite::config::DbConfig;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;
use tally_core::{Claim, Document, Extraction, Lead, Published, Quote, EXTRACTOR_VERSION};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("ledger {path}: {source}")]
    Open {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("ledger {path} was written by a newer tally (schema {found}, this one knows {known})")]
    TooNew { path: String, found: i64, known: i64 },
    #[error("ledger query failed: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("ledger holds a record it cannot read: {0}")]
    Corrupt(String),
    #[error("{0}")]
    NotFound(String),
}

/// Whether a document is already in the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    New,
    /// Same id, same text: nothing to do.
    Same,
    /// Same id, different text: a revision.
    Changed,
}

/// A stored document with what was extracted from it.
#[derive(Debug, Clone)]
pub struct StoredDocument {
    pub document: Document,
    pub extraction: Extraction,
    pub extractor_version: String,
}

/// A stored claim with its place in its report.
#[derive(Debug, Clone)]
pub struct StoredClaim {
    pub document: String,
    /// Its number in the report: `DOC#ordinal` names it.
    pub ordinal: usize,
    pub claim: Claim,
    /// Whether a person corrected it.
    pub corrected: bool,
    pub rejected: bool,
}

/// How an export cites a report.
#[derive(Debug, Clone, Default)]
pub struct Citation {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// What `claims` and `quotes` may be narrowed to. Names match anywhere, ignoring case.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: Option<String>,
    pub claimant: Option<String>,
    pub place: Option<String>,
    pub document: Option<String>,
}

/// One outcome of an ingest run, for the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Stored,
    Unchanged,
    Revised,
    Failed,
    Noted,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Outcome::Stored => "stored",
            Outcome::Unchanged => "unchanged",
            Outcome::Revised => "revised",
            Outcome::Failed => "failed",
            Outcome::Noted => "noted",
        }
    }
}

pub struct Ledger {
    conn: Connection,
}

impl Ledger {
    /// Opens (or creates) a ledger file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Ledger, StoreError> {
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: name.clone(),
            source,
        })?;
        Ledger::setup(conn, &name)
    }

    pub fn open_in_memory() -> Result<Ledger, StoreError> {
        Ledger::setup(Connection::open_in_memory()?, ":memory:")
    }

    fn setup(mut conn: Connection, name: &str) -> Result<Ledger, StoreError> {
        let wrap = |source| StoreError::Open {
            path: name.to_string(),
            source,
        };
        conn.pragma_update(None, "foreign_keys", "ON").map_err(wrap)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(wrap)?;
        // In WAL mode NORMAL never corrupts the ledger; a power cut may lose the last few
        // documents stored, which the next ingest of the same inputs stores again. Syncing
        // every commit instead costs more than reading and extracting a page.
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(wrap)?;
        // Linking reads the incidents of a town or a name over and over: a larger page cache
        // than SQLite's 2 MB default keeps a national ledger's indexes in memory.
        conn.pragma_update(None, "cache_size", -65536).map_err(wrap)?;
        // Linking cycles through more statements than rusqlite's default cache of 16 holds.
        conn.set_prepared_statement_cache_capacity(64);
        // The bundled SQLite is built with STAT4, which prepares a statement again whenever a
        // bound value could change its plan: a fifth of linking's time went to re-preparing
        // the same few lookups by town, name and word. Their plans never depend on the values
        // (every one is an index lookup), so the planner is asked to keep the first.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
            .map_err(wrap)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(wrap)?;
        migrations::migrate(&mut conn, name)?;
        Ok(Ledger { conn })
    }

    pub fn presence(&self, id: &str, content_hash: &str) -> Result<Presence, StoreError> {
        let hash: Option<String> = self
            .conn
            .query_row("SELECT hash FROM documents WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        Ok(match hash {
            None => Presence::New,
            Some(h) if h == content_hash => Presence::Same,
            Some(_) => Presence::Changed,
        })
    }

    /// Stores a document and its extraction, replacing what an earlier text of the same id
    /// gave, with people's corrections of it applied over the new reading. All or nothing.
    pub fn store(&mut self, doc: &Document, extraction: &Extraction) -> Result<Applied, StoreError> {
        let tx = self.conn.transaction()?;
        // A revised report is linked afresh, unless a person placed it.
        incidents::release(&tx, &doc.id)?;
        // Its words are read again from its text, which may be new.
        tx.execute("DELETE FROM document_terms WHERE document_id = ?1", [&doc.id])?;
        let applied = write(&tx, doc, extraction)?;
        homes::mark(&tx, doc, Read::Own(extraction))?;
        tx.commit()?;
        Ok(applied)
    }

    /// Replaces a stored report's extraction with a new reading of the same text (`tally
    /// reextract`, or `tally link` once its outlet's home is learnt), people's corrections
    /// applied over it. `read` says which reading it is ([`Read`]). Where its lead or named
    /// people changed, its machine-made link is undone so that `tally link` places it afresh.
    pub fn reextract(&mut self, doc: &Document, read: Read<'_>) -> Result<Reread, StoreError> {
        let tx = self.conn.transaction()?;
        let before = reading(&tx, &doc.id)?;
        let applied = write(&tx, doc, read.extraction())?;
        homes::mark(&tx, doc, read)?;
        let after = reading(&tx, &doc.id)?;
        let changed = before != after;
        if before.0 != after.0 {
            incidents::release(&tx, &doc.id)?;
        }
        tx.commit()?;
        Ok(Reread { changed, applied })
    }

    /// Every stored report, without what was extracted from it, in id order.
    pub fn stored_documents(&self) -> Result<Vec<Document>, StoreError> {
        let mut select = self.conn.prepare(
            "SELECT d.id, d.title, d.published, d.outlet, d.url, d.language, t.body, d.hash, d.author
             FROM documents d JOIN texts t ON t.hash = d.hash ORDER BY d.id",
        )?;
        let rows = select.query_map([], document_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records one outcome of an ingest run.
    pub fn log(
        &self,
        input: &str,
        document: Option<&str>,
        outcome: Outcome,
        message: Option<&str>,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO ingest_log (input, document_id, outcome, message) VALUES (?1, ?2, ?3, ?4)",
            params![input, document, outcome.as_str(), message],
        )?;
        Ok(())
    }

    pub fn document_count(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0))? as u64)
    }

    pub fn text_count(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM texts", [], |r| r.get::<_, i64>(0))? as u64)
    }

    /// Every document's headline, outlet, address and date, by id: what exports cite.
    pub fn citations(&self) -> Result<std::collections::HashMap<String, Citation>, StoreError> {
        let mut select = self
            .conn
            .prepare("SELECT id, title, outlet, url, published FROM documents")?;
        let rows = select.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Citation {
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    url: r.get(3)?,
                    published: r.get(4)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every report's lead incident (with people's corrections), by id.
    pub fn leads(&self) -> Result<std::collections::HashMap<String, Option<Lead>>, StoreError> {
        let mut select = self.conn.prepare("SELECT id, lead FROM documents")?;
        let rows = select.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        rows.map(|row| {
            let (id, lead) = row?;
            Ok((id, lead.as_deref().map(from_json).transpose()?))
        })
        .collect()
    }

    /// Every document with its claims and quotes, in id order.
    pub fn documents(&self) -> Result<Vec<StoredDocument>, StoreError> {
        let mut select = self.conn.prepare(
            "SELECT d.id, d.title, d.published, d.outlet, d.url, d.language, t.body, d.hash, d.author, d.lead, d.diagnostics, d.extractor_version, d.people
             FROM documents d JOIN texts t ON t.hash = d.hash ORDER BY d.id",
        )?;
        let rows = select.query_map([], |r| {
            Ok((
                document_row(r)?,
                r.get::<_, Option<String>>(9)?,
                r.get::<_, String>(10)?,
                r.get::<_, String>(11)?,
                r.get::<_, String>(12)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (document, lead, diagnostics, extractor_version, people) = row?;
            let filter = Filter {
                document: Some(document.id.clone()),
                ..Filter::default()
            };
            let claims = self.claims(&filter)?.into_iter().map(|(_, c)| c).collect();
            let quotes = self.quotes(&filter)?.into_iter().map(|(_, q)| q).collect();
            let lead: Option<Lead> = lead.as_deref().map(from_json).transpose()?;
            out.push(StoredDocument {
                extraction: Extraction {
                    claims,
                    quotes,
                    lead,
                    diagnostics: from_json(&diagnostics)?,
                    people: from_json(&people)?,
                },
                document,
                extractor_version,
            });
        }
        Ok(out)
    }

    /// Claims with their document ids, in document and text order. Claims a person
    /// rejected are left out.
    pub fn claims(&self, filter: &Filter) -> Result<Vec<(String, Claim)>, StoreError> {
        Ok(self
            .numbered_claims(filter, false)?
            .into_iter()
            .map(|c| (c.document, c.claim))
            .collect())
    }

    /// Claims with their numbers in their report and whether a person corrected them;
    /// rejected ones too where `rejected` is asked for.
    pub fn numbered_claims(&self, filter: &Filter, rejected: bool) -> Result<Vec<StoredClaim>, StoreError> {
        let mut select = self.conn.prepare(
            "SELECT document_id, ordinal, claim, corrected, rejected FROM claims
             WHERE (?1 IS NULL OR kind = lower(?1))
               AND (?2 IS NULL OR claimant LIKE '%' || ?2 || '%')
               AND (?3 IS NULL OR place LIKE '%' || ?3 || '%')
               AND (?4 IS NULL OR document_id = ?4)
               AND (?5 OR NOT rejected)
             ORDER BY document_id, ordinal",
        )?;
        let rows = select.query_map(
            params![
                filter.kind,
                filter.claimant,
                filter.place,
                filter.document,
                rejected
            ],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, bool>(3)?,
                    r.get::<_, bool>(4)?,
                ))
            },
        )?;
        rows.map(|row| {
            let (document, ordinal, json, corrected, rejected) = row?;
            Ok(StoredClaim {
                document,
                ordinal: ordinal as usize,
                claim: from_json(&json)?,
                corrected,
                rejected,
            })
        })
        .collect()
    }

    /// Quotes with their document ids; `claimant` filters on the speaker.
    pub fn quotes(&self, filter: &Filter) -> Result<Vec<(String, Quote)>, StoreError> {
        let mut select = self.conn.prepare(
            "SELECT document_id, speaker, start, \"end\", text FROM quotes
             WHERE (?1 IS NULL OR speaker LIKE '%' || ?1 || '%')
               AND (?2 IS NULL OR document_id = ?2)
             ORDER BY document_id, ordinal",
        )?;
        let rows = select.query_map(params![filter.claimant, filter.document], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Quote {
                    speaker: r.get(1)?,
                    start: r.get::<_, i64>(2)? as usize,
                    end: r.get::<_, i64>(3)? as usize,
                    text: r.get(4)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// What re-reading a report did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reread {
    /// Whether anything read from it differs from before.
    pub changed: bool,
    pub applied: Applied,
}

/// A `Document` from the columns id, title, published, outlet, url, language, body, hash,
/// author.
fn document_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Document> {
    Ok(Document {
        id: r.get(0)?,
        title: r.get(1)?,
        published: r
            .get::<_, Option<String>>(2)?
            .as_deref()
            .and_then(Published::parse),
        outlet: r.get(3)?,
        url: r.get(4)?,
        language: r.get(5)?,
        body: r.get(6)?,
        content_hash: r.get(7)?,
        author: r.get(8)?,
    })
}

/// What is stored as read from a report: ((lead, people), (claims, diagnostics)), as JSON.
type Reading = ((Option<String>, String), (Vec<String>, String));

fn reading(tx: &rusqlite::Transaction<'_>, document: &str) -> Result<Reading, StoreError> {
    let (lead, people, diagnostics) = tx.query_row(
        "SELECT lead, people, diagnostics FROM documents WHERE id = ?1",
        [document],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let mut select = tx.prepare_cached(
        "SELECT claim || '|' || rejected FROM claims WHERE document_id = ?1 ORDER BY ordinal",
    )?;
    let claims = select
        .query_map([document], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(((lead, people), (claims, diagnostics)))
}

/// Writes a document and its extraction, with the document's stored corrections applied
/// over it, inside the caller's transaction.
fn write(
    tx: &rusqlite::Transaction<'_>,
    doc: &Document,
    extraction: &Extraction,
) -> Result<Applied, StoreError> {
    tx.execute(
        "INSERT INTO texts (hash, body) VALUES (?1, ?2) ON CONFLICT (hash) DO NOTHING",
        params![doc.content_hash, doc.body],
    )?;
    tx.execute("DELETE FROM claims WHERE document_id = ?1", [&doc.id])?;
    tx.execute("DELETE FROM quotes WHERE document_id = ?1", [&doc.id])?;
    let corrected: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM corrections WHERE document_id = ?1)")?
        .query_row([&doc.id], |r| r.get(0))?;
    // Copied only when a person corrected the report: most never are.
    let mut owned;
    let (extraction, marks, applied) = if corrected {
        owned = extraction.clone();
        let (marks, applied) = corrections::apply_stored(tx, &doc.id, &mut owned)?;
        (&owned, marks, applied)
    } else {
        (extraction, Vec::new(), Applied::default())
    };
    let lead = extraction.lead.as_ref().map(to_json).transpose()?;
    tx.execute(
        "INSERT INTO documents (id, hash, title, published, outlet, url, language, lead, diagnostics, extractor_version, author, people)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, title = excluded.title,
           published = excluded.published, outlet = excluded.outlet, url = excluded.url,
           language = excluded.language, author = excluded.author, lead = excluded.lead, diagnostics = excluded.diagnostics,
           people = excluded.people,
           extractor_version = excluded.extractor_version, ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
        params![
            doc.id,
            doc.content_hash,
            doc.title,
            doc.published.map(|p| p.to_string()),
            doc.outlet,
            doc.url,
            doc.language,
            lead,
            to_json(&extraction.diagnostics)?,
            EXTRACTOR_VERSION,
            doc.author,
            to_json(&extraction.people)?,
        ],
    )?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO claims (document_id, ordinal, kind, claimant, place, key_figure, claim, extractor_version, corrected, rejected)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (ordinal, claim) in extraction.claims.iter().enumerate() {
        let mark = marks.get(ordinal).copied().unwrap_or_default();
        insert.execute(params![
            doc.id,
            ordinal as i64,
            claim.kind.as_str(),
            claim.claimant.as_ref().map(|c| c.name.as_str()),
            claim.place.as_ref().map(|p| p.name.as_str()),
            claim.count.and_then(|c| c.key()).map(|n| n as i64),
            to_json(claim)?,
            EXTRACTOR_VERSION,
            mark.corrected,
            mark.rejected,
        ])?;
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO quotes (document_id, ordinal, speaker, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (ordinal, quote) in extraction.quotes.iter().enumerate() {
        insert.execute(params![
            doc.id,
            ordinal as i64,
            quote.speaker,
            quote.start as i64,
            quote.end as i64,
            quote.text
        ])?;
    }
    Ok(applied)
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::{ClaimKind, Count, Evidence, Period, Status};

    fn claim(kind: ClaimKind, n: u64) -> Claim {
        Claim {
            kind,
            victims: Some("civilians".into()),
            count: Some(Count::exact(n)),
            claimant: None,
            source: None,
            perpetrators: vec![],
            place: None,
            period: Period::default(),
            status: Status::Reported,
            evidence: Evidence {
                text: "x".into(),
                start: 0,
                end: 1,
            },
        }
    }

    #[test]
    fn same_text_is_stored_once_and_revisions_replace_claims() {
        let mut ledger = Ledger::open_in_memory().unwrap();
        let a = Document::new("a", "Two died.".into());
        let b = Document::new("b", "Two died.".into());
        let extraction = Extraction {
            claims: vec![claim(ClaimKind::Killed, 2)],
            ..Extraction::default()
        };
        assert_eq!(ledger.presence("a", &a.content_hash).unwrap(), Presence::New);
        ledger.store(&a, &extraction).unwrap();
        ledger.store(&b, &extraction).unwrap();
        assert_eq!(ledger.presence("a", &a.content_hash).unwrap(), Presence::Same);
        assert_eq!(
            (ledger.document_count().unwrap(), ledger.text_count().unwrap()),
            (2, 1)
        );

        let revised = Document::new("a", "Three died.".into());
        assert_eq!(
            ledger.presence("a", &revised.content_hash).unwrap(),
            Presence::Changed
        );
        let more = Extraction {
            claims: vec![claim(ClaimKind::Killed, 3), claim(ClaimKind::Injured, 1)],
            ..Extraction::default()
        };
        ledger.store(&revised, &more).unwrap();
        let filter = Filter {
            document: Some("a".into()),
            ..Filter::default()
        };
        let kept: Vec<u64> = ledger
            .claims(&filter)
            .unwrap()
            .iter()
            .map(|(_, c)| c.count.unwrap().key().unwrap())
            .collect();
        assert_eq!(kept, [3, 1]);
        let injured = Filter {
            kind: Some("injured".into()),
            ..Filter::default()
        };
        assert_eq!(ledger.claims(&injured).unwrap().len(), 1);
    }
}
