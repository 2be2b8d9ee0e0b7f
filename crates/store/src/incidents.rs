//! Incidents in the ledger: which reports each holds and why, and the audit log of the
//! decisions people make about them.
//!
//! A report belongs to at most one incident (`links`). Each link keeps the reasons it was
//! made and whether a person made it; `tally link` never moves a report a person placed.
//! `links` also keeps each report's place key and event day, indexed, so that linking a
//! new report looks only at the incidents of its town and days.

use crate::{from_json, to_json, Ledger, StoreError};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use rustc_hash::FxHashMap;
use tally_link::grade::{assess, Assessment, POLICY};
use tally_link::outlets::{publisher, Register};
use tally_link::{terms, weigh, wording, Sketch, DAY_SLACK, STREET_DAYS};

/// A person's decision about incidents, for the audit log.
#[derive(Debug, Clone)]
pub struct Decision {
    pub who: String,
    /// "merge", "split" or "unlink".
    pub action: String,
    /// What was done, in words: "inc-000012 into inc-000007".
    pub detail: String,
    pub why: String,
}

impl Decision {
    /// The reason a moved report carries.
    fn reason(&self) -> String {
        format!("{} by {}: {}", self.action, self.who, self.why)
    }
}

/// The tables that index linked reports by named person, wording band, street and toll; they
/// carry no foreign keys (migration 4), so every change to `links` changes them too.
pub(crate) const INDEX_TABLES: [&str; 4] = ["link_names", "link_bands", "link_streets", "link_tolls"];

/// How many words' counts a linking run keeps at most (a few tens of megabytes).
const COUNTED_WORDS: usize = 1_000_000;

/// Reports linked in one transaction.
const LINK_BATCH: usize = 1000;

/// What a linking run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Linked {
    /// Reports that joined an incident already there.
    pub joined: u64,
    /// Reports that opened an incident of their own.
    pub opened: u64,
}

/// One incident as stored: its id, its reports and each report's reasons.
#[derive(Debug, Clone)]
pub struct StoredIncident {
    pub id: i64,
    pub members: Vec<Sketch>,
    /// Why each report is here, in member order.
    pub reasons: Vec<Vec<String>>,
    /// Its grade as last given, `None` while its reports have changed since.
    pub grade: Option<StoredGrade>,
}

/// A grade as stored, with the policy that gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredGrade {
    pub grade: String,
    pub sources: usize,
    pub reasons: Vec<String>,
    pub policy: String,
}

impl Ledger {
    /// Reports with a lead incident that no incident holds yet, oldest first.
    pub fn unlinked(&self) -> Result<Vec<Sketch>, StoreError> {
        self.sketches(
            "SELECT d.id, d.published, d.lead, d.people, t.body, d.outlet, d.url, NULL, d.title FROM documents d JOIN texts t ON t.hash = d.hash
             WHERE (d.lead IS NOT NULL OR d.people != '[]')
               AND NOT EXISTS (SELECT 1 FROM links l WHERE l.document_id = d.id)
             ORDER BY d.published, d.id",
            [],
            true,
        )
    }

    /// Sketches from rows of (id, published, lead, people, wording, outlet, url, streets,
    /// headline):
    /// the fifth column is a body to sign and read for streets when `signing`, else a
    /// stored signature, with the stored streets in the eighth.
    fn sketches(
        &self,
        sql: &str,
        args: impl rusqlite::Params,
        signing: bool,
    ) -> Result<Vec<Sketch>, StoreError> {
        let mut select = self.conn.prepare_cached(sql)?;
        let rows = select.query_map(args, |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, Option<String>>(8)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (document, published, lead, people, text, outlet, url, streets, headline) = row?;
            let mut sketch = sketch(document, published, lead, &people)?;
            sketch.headline = headline;
            sketch.outlet = publisher(outlet.as_deref(), url.as_deref());
            if signing {
                sketch.signature = text.as_deref().and_then(wording::signature);
                sketch.streets = text
                    .as_deref()
                    .map(tally_link::streets::streets)
                    .unwrap_or_default();
                sketch.terms = text.as_deref().map(terms::terms).unwrap_or_default();
            } else {
                sketch.signature = text.as_deref().and_then(wording::from_text);
                sketch.streets = streets.as_deref().map(from_json).transpose()?.unwrap_or_default();
            }
            out.push(sketch);
        }
        Ok(out)
    }

    /// The incidents holding a report whose wording shares a band with `signature`.
    pub fn candidates_by_wording(&self, signature: &[u32]) -> Result<Vec<i64>, StoreError> {
        let bands = wording::bands(signature);
        let marks = vec!["?"; bands.len()].join(", ");
        let mut select = self.conn.prepare_cached(&format!(
            "SELECT DISTINCT incident_id FROM link_bands WHERE band IN ({marks}) ORDER BY incident_id"
        ))?;
        let ids = select.query_map(rusqlite::params_from_iter(&bands), |r| r.get(0))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }

    /// The words linking has read from a report ([`terms::terms`]), sorted.
    fn terms_of(&self, document: &str) -> Result<Vec<String>, StoreError> {
        let mut select = self
            .conn
            .prepare_cached("SELECT term FROM document_terms WHERE document_id = ?1 ORDER BY term")?;
        let words = select.query_map([document], |r| r.get(0))?;
        Ok(words.collect::<Result<_, _>>()?)
    }

    /// Of a report's words, those at most [`terms::RARE`] reports of the ledger use (and
    /// another besides it), each with how many do. `counted` keeps the counts a run has
    /// made: they do not change while it links, and the same words come back report after
    /// report.
    fn rare_terms(
        &self,
        words: &[String],
        counted: &mut FxHashMap<String, u32>,
    ) -> Result<Vec<(String, u32)>, StoreError> {
        let mut count = self
            .conn
            .prepare_cached("SELECT count(*) FROM (SELECT 1 FROM document_terms WHERE term = ?1 LIMIT ?2)")?;
        let mut out = Vec::new();
        for word in words {
            let reports = match counted.get(word) {
                Some(&n) => n,
                None => {
                    let n: u32 = count.query_row(params![word, terms::RARE + 1], |r| r.get(0))?;
                    if counted.len() >= COUNTED_WORDS {
                        counted.clear();
                    }
                    counted.insert(word.clone(), n);
                    n
                }
            };
            if (2..=terms::RARE).contains(&reports) {
                out.push((word.clone(), reports));
            }
        }
        Ok(out)
    }

    /// The incidents holding a report that uses the word `term` within
    /// [`terms::TERM_DAYS`] of the days `days` (first, last).
    pub fn candidates_by_term(
        &self,
        term: &str,
        days: (NaiveDate, NaiveDate),
    ) -> Result<Vec<i64>, StoreError> {
        self.incidents_within(
            "SELECT DISTINCT l.incident_id FROM document_terms t JOIN links l ON l.document_id = t.document_id
             WHERE t.term = ? AND l.day IN ({days}) ORDER BY l.incident_id",
            term,
            days,
            terms::TERM_DAYS,
        )
    }

    /// The incidents holding a report that names someone of the same name key.
    /// Reports of other regions are left out: [`tally_link::judge`] never links across them
    /// by name.
    pub fn candidates_by_name(&self, name_key: &str, region: Option<&str>) -> Result<Vec<i64>, StoreError> {
        // Two fixed statements rather than "?2 IS NULL OR …": SQLite re-plans a statement
        // whose plan depends on a bound value at every step, which cost a sixth of linking.
        let ids: Vec<i64> = match region {
            Some(region) => self
                .conn
                .prepare_cached(
                    "SELECT DISTINCT incident_id FROM link_names
                     WHERE name_key = ?1 AND (region IS NULL OR region = ?2) ORDER BY incident_id",
                )?
                .query_map(params![name_key, region], |r| r.get(0))?
                .collect::<Result<_, _>>()?,
            None => self
                .conn
                .prepare_cached(
                    "SELECT DISTINCT incident_id FROM link_names WHERE name_key = ?1 ORDER BY incident_id",
                )?
                .query_map([name_key], |r| r.get(0))?
                .collect::<Result<_, _>>()?,
        };
        Ok(ids)
    }

    /// The incidents holding a report that names the street `street` within
    /// [`STREET_DAYS`] of the days `days` (first, last): a common street name is in every
    /// city, on every day.
    pub fn candidates_by_street(
        &self,
        street: &str,
        days: (NaiveDate, NaiveDate),
    ) -> Result<Vec<i64>, StoreError> {
        self.incidents_within(
            "SELECT DISTINCT s.incident_id FROM link_streets s JOIN links l ON l.document_id = s.document_id
             WHERE s.street = ? AND l.day IN ({days}) ORDER BY s.incident_id",
            street,
            days,
            STREET_DAYS,
        )
    }

    /// The incidents holding a report of the state and toll `toll_key`
    /// ([`Sketch::toll_key`]) within the day slack of `day`: any such report for one placed
    /// only in its state, else only those placed so ([`tally_link::judge`] links by state
    /// and toll only where one of the two is).
    pub fn candidates_by_toll(
        &self,
        toll_key: &str,
        day: NaiveDate,
        state_only: bool,
    ) -> Result<Vec<i64>, StoreError> {
        let sql = if state_only {
            "SELECT DISTINCT incident_id FROM link_tolls WHERE toll = ? AND day IN ({days}) ORDER BY incident_id"
        } else {
            "SELECT DISTINCT incident_id FROM link_tolls WHERE toll = ? AND day IN ({days}) AND state_only
             ORDER BY incident_id"
        };
        self.incidents_within(sql, toll_key, (day, day), DAY_SLACK)
    }

    /// The incidents holding a report in the town `place_key` within the day slack of `day`.
    pub fn candidates(&self, place_key: &str, day: NaiveDate) -> Result<Vec<i64>, StoreError> {
        self.incidents_within(
            "SELECT DISTINCT incident_id FROM links WHERE place_key = ? AND day IN ({days}) ORDER BY incident_id",
            place_key,
            (day, day),
            DAY_SLACK,
        )
    }

    /// The incidents holding a report in any neighbourhood of the town `city_key` (keys
    /// "city|state|country|neighbourhood", found as the range after "city|state|country|")
    /// within the day slack of `day`.
    pub fn candidates_in_quarters(&self, city_key: &str, day: NaiveDate) -> Result<Vec<i64>, StoreError> {
        // '}' sorts after every character a lower-cased neighbourhood's name holds.
        self.incidents_within(
            "SELECT DISTINCT incident_id FROM links WHERE place_key > ?1 || '|' AND place_key < ?1 || '|}'
             AND day IN ({days}) ORDER BY incident_id",
            city_key,
            (day, day),
            DAY_SLACK,
        )
    }

    /// The incident ids `sql` selects for `key` (its one `?`) and the days from `slack`
    /// before `first` to `slack` after `last` (its `{days}`), one by one: a range over bound values ("BETWEEN ?2 AND
    /// ?3") makes SQLite re-plan the statement at every step.
    fn incidents_within(
        &self,
        sql: &str,
        key: &str,
        (first, last): (NaiveDate, NaiveDate),
        slack: i64,
    ) -> Result<Vec<i64>, StoreError> {
        let days: Vec<String> = (-slack..=(last - first).num_days() + slack)
            .filter_map(|d| first.checked_add_signed(chrono::Duration::days(d)))
            .map(|d| d.to_string())
            .collect();
        let marks = vec!["?"; days.len()].join(", ");
        let mut select = self.conn.prepare_cached(&sql.replace("{days}", &marks))?;
        let args = std::iter::once(key.to_string()).chain(days);
        let ids = select.query_map(rusqlite::params_from_iter(args), |r| r.get(0))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }

    /// The reports of one incident, oldest first.
    pub fn members(&self, incident: i64) -> Result<Vec<Sketch>, StoreError> {
        self.sketches(
            "SELECT d.id, d.published, d.lead, d.people, l.signature, d.outlet, d.url, l.streets, d.title FROM links l JOIN documents d ON d.id = l.document_id
             WHERE l.incident_id = ?1 ORDER BY d.published, d.id",
            [incident],
            false,
        )
    }

    /// Links every report that no incident holds yet, oldest first: each joins the candidate
    /// incident [`tally_link::judge`] accepts that it is tied to most strongly, or opens one of
    /// its own. Candidates are only the incidents of its town and days, of the people it
    /// names and of its wording, so a run costs what is new, not what the ledger holds.
    /// Links are committed a thousand at a time: an interrupted run keeps what it linked.
    pub fn link_unlinked(&mut self) -> Result<Linked, StoreError> {
        let mut linked = Linked::default();
        let mut unlinked = self.unlinked()?;
        let mut counted = FxHashMap::default();
        // Every new report's words are counted before any is linked, so that how rare a word
        // is does not depend on the order reports are linked in.
        {
            let tx = self.conn.unchecked_transaction()?;
            let mut insert = tx
                .prepare_cached("INSERT OR IGNORE INTO document_terms (term, document_id) VALUES (?1, ?2)")?;
            for sketch in &unlinked {
                for word in &sketch.terms {
                    insert.execute(params![word, sketch.document])?;
                }
            }
            drop(insert);
            tx.commit()?;
        }
        for batch in unlinked.chunks_mut(LINK_BATCH) {
            let tx = self.conn.unchecked_transaction()?;
            for sketch in batch {
                let mut candidates = Vec::new();
                if let (Some(key), Some(city), Some(day)) =
                    (sketch.place_key(), sketch.city_key(), sketch.day())
                {
                    candidates.extend(self.candidates(&key, day)?);
                    // A report naming only the town may be of any of its neighbourhoods',
                    // and one naming a neighbourhood of those naming only the town.
                    if key == city {
                        candidates.extend(self.candidates_in_quarters(&city, day)?);
                    } else {
                        candidates.extend(self.candidates(&city, day)?);
                    }
                }
                if let Some(signature) = &sketch.signature {
                    candidates.extend(self.candidates_by_wording(signature)?);
                }
                for key in sketch.name_keys() {
                    candidates.extend(self.candidates_by_name(&key, sketch.region().as_deref())?);
                }
                if let Some(days) = sketch.days() {
                    for street in &sketch.streets {
                        candidates.extend(self.candidates_by_street(street, days)?);
                    }
                }
                candidates.sort_unstable();
                candidates.dedup();
                let mut home = self.most_strongly_tied(sketch, candidates, false)?;
                // Rare words (and state and toll) are looked up last, and only for a report
                // nothing else placed: counting them and loading their incidents is most of
                // what they cost.
                if let (None, Some(days)) = (&home, sketch.days()) {
                    sketch.rare_terms = self.rare_terms(&sketch.terms, &mut counted)?;
                    let mut by_words = Vec::new();
                    for (word, _) in &sketch.rare_terms {
                        by_words.extend(self.candidates_by_term(word, days)?);
                    }
                    // So are the incidents of its state, day and toll, the weakest tie.
                    if let (Some(toll), Some(day)) = (sketch.toll_key(), sketch.day()) {
                        by_words.extend(self.candidates_by_toll(&toll, day, sketch.state_only())?);
                    }
                    by_words.sort_unstable();
                    by_words.dedup();
                    home = self.most_strongly_tied(sketch, by_words, true)?;
                }
                let sketch = &*sketch;
                match home {
                    Some((id, reasons)) => {
                        // Its grade no longer holds: `grade_ungraded` gives it again.
                        tx.prepare_cached("UPDATE incidents SET grade = NULL WHERE id = ?1")?
                            .execute([id])?;
                        link_in(&tx, sketch, id, &reasons, false)?;
                        linked.joined += 1;
                    }
                    None => {
                        tx.execute("INSERT INTO incidents DEFAULT VALUES", [])?;
                        let id = tx.last_insert_rowid();
                        link_in(
                            &tx,
                            sketch,
                            id,
                            &["first report of the incident".to_string()],
                            false,
                        )?;
                        linked.opened += 1;
                    }
                }
            }
            tx.commit()?;
        }
        Ok(linked)
    }

    /// Of `candidates` (incident ids) that [`tally_link::judge`] lets `sketch` join, the one
    /// its reasons tie it to most strongly ([`weigh`]; the oldest of equals), with the
    /// reasons: two shootings of a town's day may both take a report that names one's
    /// suspect. `with_terms` reads the members' words too, which only linking by rare words
    /// needs and most reports never do.
    fn most_strongly_tied(
        &self,
        sketch: &Sketch,
        candidates: Vec<i64>,
        with_terms: bool,
    ) -> Result<Option<(i64, Vec<String>)>, StoreError> {
        let mut best: Option<(u32, i64, Vec<String>)> = None;
        for id in candidates {
            let mut members = self.members(id)?;
            if with_terms {
                for member in &mut members {
                    member.terms = self.terms_of(&member.document)?;
                }
            }
            if let Some((strength, reasons)) = weigh(sketch, &members) {
                if best.as_ref().is_none_or(|b| strength > b.0) {
                    best = Some((strength, id, reasons));
                }
            }
        }
        Ok(best.map(|(_, id, reasons)| (id, reasons)))
    }

    /// Every incident with its reports, by id.
    pub fn incidents(&self) -> Result<Vec<StoredIncident>, StoreError> {
        let mut select = self.conn.prepare(
            "SELECT l.incident_id, d.id, d.published, d.lead, l.reasons, d.people, l.signature, d.outlet, d.url,
                    i.grade, i.sources, i.grade_reasons, i.grading_policy, l.streets, d.title
             FROM links l JOIN documents d ON d.id = l.document_id JOIN incidents i ON i.id = l.incident_id
             ORDER BY l.incident_id, d.published, d.id",
        )?;
        let rows = select.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, Option<String>>(8)?,
                (
                    r.get::<_, Option<String>>(9)?,
                    r.get::<_, Option<i64>>(10)?,
                    r.get::<_, Option<String>>(11)?,
                    r.get::<_, Option<String>>(12)?,
                ),
                r.get::<_, String>(13)?,
                r.get::<_, Option<String>>(14)?,
            ))
        })?;
        let mut out: Vec<StoredIncident> = Vec::new();
        for row in rows {
            let (
                id,
                document,
                published,
                lead,
                reasons,
                people,
                signature,
                outlet,
                url,
                graded,
                streets,
                headline,
            ) = row?;
            let mut sketch = sketch(document, published, lead, &people)?;
            sketch.headline = headline;
            sketch.signature = signature.as_deref().and_then(wording::from_text);
            sketch.outlet = publisher(outlet.as_deref(), url.as_deref());
            sketch.streets = from_json(&streets)?;
            let reasons: Vec<String> = from_json(&reasons)?;
            match out.last_mut() {
                Some(last) if last.id == id => {
                    last.members.push(sketch);
                    last.reasons.push(reasons);
                }
                _ => out.push(StoredIncident {
                    id,
                    members: vec![sketch],
                    reasons: vec![reasons],
                    grade: match graded {
                        (Some(grade), Some(sources), Some(reasons), Some(policy)) => Some(StoredGrade {
                            grade,
                            sources: sources as usize,
                            reasons: from_json(&reasons)?,
                            policy,
                        }),
                        _ => None,
                    },
                }),
            }
        }
        Ok(out)
    }

    /// The incident holding a report, if any.
    pub fn incident_of(&self, document: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT incident_id FROM links WHERE document_id = ?1",
                [document],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Moves reports into incident `to` as a person's decision, with its reason. Every report
    /// the decision touches, moved or left behind, is pinned: `tally link` never moves it.
    /// The move and its audit entry are one transaction. Incidents left empty are removed.
    pub fn move_documents(
        &mut self,
        documents: &[String],
        to: i64,
        decision: &Decision,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        // Every incident the decision touches is graded again. The reports left behind are
        // part of the decision too ("these are not that one"): they are pinned where they
        // are, so that linking afresh never rejoins them.
        for document in documents {
            tx.execute(
                "UPDATE incidents SET grade = NULL WHERE id = (SELECT incident_id FROM links WHERE document_id = ?1)",
                [document],
            )?;
            tx.execute(
                "UPDATE links SET by_person = 1 WHERE incident_id = (SELECT incident_id FROM links WHERE document_id = ?1)",
                [document],
            )?;
        }
        tx.execute("UPDATE incidents SET grade = NULL WHERE id = ?1", [to])?;
        tx.execute("UPDATE links SET by_person = 1 WHERE incident_id = ?1", [to])?;
        for document in documents {
            let moved = tx.execute(
                "UPDATE links SET incident_id = ?2, reasons = ?3, by_person = 1 WHERE document_id = ?1",
                params![document, to, to_json(&[decision.reason()])?],
            )?;
            if moved == 0 {
                return Err(StoreError::Corrupt(format!(
                    "report {document} is in no incident"
                )));
            }
            for table in INDEX_TABLES {
                tx.execute(
                    &format!("UPDATE {table} SET incident_id = ?2 WHERE document_id = ?1"),
                    params![document, to],
                )?;
            }
        }
        tx.execute(
            "DELETE FROM incidents WHERE id NOT IN (SELECT incident_id FROM links)",
            [],
        )?;
        tx.execute(
            "INSERT INTO audit (who, action, detail, why) VALUES (?1, ?2, ?3, ?4)",
            params![decision.who, decision.action, decision.detail, decision.why],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// A new, empty incident's id, for a person's split.
    pub fn new_incident(&mut self) -> Result<i64, StoreError> {
        self.conn.execute("INSERT INTO incidents DEFAULT VALUES", [])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Undoes every link the machine made, keeping people's decisions, so that `tally link`
    /// links afresh. Returns how many reports were unlinked.
    pub fn forget_machine_links(&mut self) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE incidents SET grade = NULL WHERE id IN (SELECT incident_id FROM links WHERE NOT by_person)",
            [],
        )?;
        for table in INDEX_TABLES {
            tx.execute(
                &format!("DELETE FROM {table} WHERE document_id IN (SELECT document_id FROM links WHERE NOT by_person)"),
                [],
            )?;
        }
        let n = tx.execute("DELETE FROM links WHERE NOT by_person", [])?;
        tx.execute(
            "DELETE FROM incidents WHERE id NOT IN (SELECT incident_id FROM links)",
            [],
        )?;
        tx.commit()?;
        Ok(n)
    }

    /// Grades every incident without a grade, or graded under another policy, from its
    /// reports and the outlet register. One transaction. Returns how many were graded.
    pub fn grade_ungraded(&mut self, register: &Register) -> Result<usize, StoreError> {
        let ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM incidents WHERE grade IS NULL OR grading_policy IS NOT ?1")?
            .query_map([POLICY], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let tx = self.conn.unchecked_transaction()?;
        for &id in &ids {
            let Assessment {
                grade,
                sources,
                reasons,
            } = assess(&self.members(id)?, register);
            tx.prepare_cached(
                "UPDATE incidents SET grade = ?2, sources = ?3, grade_reasons = ?4, grading_policy = ?5 WHERE id = ?1",
            )?
            .execute(params![id, grade.as_str(), sources as i64, to_json(&reasons)?, POLICY])?;
        }
        tx.commit()?;
        Ok(ids.len())
    }

    /// Clears every incident's grade, so that [`Ledger::grade_ungraded`] grades the whole
    /// ledger again (after the outlet register changed, say).
    pub fn ungrade_all(&mut self) -> Result<usize, StoreError> {
        Ok(self.conn.execute("UPDATE incidents SET grade = NULL", [])?)
    }

    /// The audit log, oldest first: (when, who, action, detail, why).
    pub fn audit_log(&self) -> Result<Vec<[String; 5]>, StoreError> {
        let mut select = self
            .conn
            .prepare("SELECT at, who, action, detail, why FROM audit ORDER BY id")?;
        let rows = select.query_map([], |r| {
            Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?])
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn sketch(
    document: String,
    published: Option<String>,
    lead: Option<String>,
    people: &str,
) -> Result<Sketch, StoreError> {
    Ok(Sketch {
        document,
        published: published.as_deref().and_then(|p| p.get(..10)?.parse().ok()),
        headline: None,
        lead: lead.as_deref().map(from_json).transpose()?.unwrap_or_default(),
        people: from_json(people)?,
        signature: None,
        outlet: None,
        streets: Vec::new(),
        terms: Vec::new(),
        rare_terms: Vec::new(),
    })
}

/// Marks the incident holding a report for grading again and, unless a person placed the
/// report there, takes it out (removing the incident if it held nothing else), so that
/// `tally link` places it afresh. Returns the incident it was in.
pub(crate) fn release(tx: &rusqlite::Transaction<'_>, document: &str) -> Result<Option<i64>, StoreError> {
    let link: Option<(i64, bool)> = tx
        .prepare_cached("SELECT incident_id, by_person FROM links WHERE document_id = ?1")?
        .query_row([document], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((incident, by_person)) = link else {
        return Ok(None);
    };
    tx.prepare_cached("UPDATE incidents SET grade = NULL WHERE id = ?1")?
        .execute([incident])?;
    if !by_person {
        unlink_rows(tx, document)?;
        drop_if_empty(tx, incident)?;
    }
    Ok(Some(incident))
}

/// Deletes a report's link and its rows in every index table.
pub(crate) fn unlink_rows(tx: &rusqlite::Transaction<'_>, document: &str) -> Result<(), StoreError> {
    for table in std::iter::once("links").chain(INDEX_TABLES) {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE document_id = ?1"))?
            .execute([document])?;
    }
    Ok(())
}

/// Removes an incident that holds no report any more.
pub(crate) fn drop_if_empty(tx: &rusqlite::Transaction<'_>, incident: i64) -> Result<(), StoreError> {
    tx.prepare_cached(
        "DELETE FROM incidents WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM links WHERE incident_id = ?1)",
    )?
    .execute([incident])?;
    Ok(())
}

fn link_in(
    tx: &rusqlite::Connection,
    sketch: &Sketch,
    id: i64,
    reasons: &[String],
    by_person: bool,
) -> Result<(), StoreError> {
    // Cached statements: linking runs these for every report, and parsing them anew took
    // a fifth of its time.
    tx.prepare_cached(
        "INSERT INTO links (document_id, incident_id, reasons, by_person, place_key, day, signature, streets)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (document_id) DO UPDATE SET incident_id = ?2, reasons = ?3, by_person = ?4, place_key = ?5, day = ?6,
           signature = ?7, streets = ?8",
    )?
    .execute(params![
            sketch.document,
            id,
            to_json(&reasons)?,
            by_person,
            sketch.place_key(),
            sketch.day().map(|d| d.to_string()),
            sketch.signature.as_deref().map(wording::to_text),
            to_json(&sketch.streets)?,
        ])?;
    tx.prepare_cached("DELETE FROM link_streets WHERE document_id = ?1")?
        .execute([&sketch.document])?;
    let mut insert =
        tx.prepare_cached("INSERT INTO link_streets (street, document_id, incident_id) VALUES (?1, ?2, ?3)")?;
    for street in &sketch.streets {
        insert.execute(params![street, sketch.document, id])?;
    }
    tx.prepare_cached("DELETE FROM link_bands WHERE document_id = ?1")?
        .execute([&sketch.document])?;
    if let Some(signature) = &sketch.signature {
        let mut insert =
            tx.prepare_cached("INSERT INTO link_bands (band, document_id, incident_id) VALUES (?1, ?2, ?3)")?;
        for band in wording::bands(signature) {
            insert.execute(params![band, sketch.document, id])?;
        }
    }
    tx.prepare_cached("DELETE FROM link_tolls WHERE document_id = ?1")?
        .execute([&sketch.document])?;
    if let (Some(toll), Some(day)) = (sketch.toll_key(), sketch.day()) {
        tx.prepare_cached(
            "INSERT INTO link_tolls (toll, day, document_id, incident_id, state_only) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![toll, day.to_string(), sketch.document, id, sketch.state_only()])?;
    }
    tx.prepare_cached("DELETE FROM link_names WHERE document_id = ?1")?
        .execute([&sketch.document])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO link_names (name_key, document_id, incident_id, region) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let region = sketch.region();
    for key in sketch.name_keys() {
        insert.execute(params![key, sketch.document, id, region])?;
    }
    Ok(())
}
