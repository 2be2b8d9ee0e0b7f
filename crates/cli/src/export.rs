//! `tally export`: the ledger as the evaluation export (FORMAT.md), claim lines, or CSV.

use crate::formats::{self, Coded};
use anyhow::{Context, Result};
use clap::ValueEnum;
use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;
use tally_core::{Claim, Document, Extraction};
use tally_link::outlets::Register;
use tally_link::tally;
use tally_store::{Ledger, StoredGrade, StoredIncident};

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// One document a line, exactly as shared/eval/FORMAT.md gives it.
    Eval,
    /// One claim a line, with its document's id, title and date.
    Jsonl,
    /// One claim a row, flattened for spreadsheets.
    Csv,
    /// One incident a line (FORMAT.md, "Incidents"): its reports, tally, place, day and
    /// the reasons its reports were linked. Run `tally link` first.
    Incidents,
    /// UCDP GED CSV: organised political violence only.
    Ucdp,
    /// ACLED CSV: organised political violence only.
    Acled,
    /// PLOVER JSON: an array of events.
    Plover,
    /// GeoJSON: a FeatureCollection, one Point an incident with coordinates.
    Geojson,
}

/// Whom an incidents export names.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Naming {
    /// Everyone the reports name, with their age where given, as FORMAT.md asks and as
    /// recorders such as the Gun Violence Archive list them.
    All,
    /// A minor only among the dead, as the press named them; a minor who survived, or
    /// is a suspect, never. For a ledger published beyond the team.
    WithholdMinors,
    /// No one: no people, and link reasons without the names they matched on.
    None,
}

/// The people an incident's reports name, each once (by name key), with the gravest status
/// any report gives; minors as `naming` allows.
fn people(members: &[tally_link::Sketch], naming: Naming) -> Vec<Value> {
    if naming == Naming::None {
        return Vec::new();
    }
    // A round-up names the people of several shootings: beside reports of this one alone,
    // only those they name too are this one's.
    let told = |m: &&tally_link::Sketch| !m.lead.roundup;
    let keys_told: Vec<String> = members
        .iter()
        .filter(told)
        .flat_map(|m| &m.people)
        .filter_map(|p| tally_link::name_key(&p.name))
        .collect();
    let roundups_alone = !members.iter().any(|m| told(&m));
    let kept: Vec<&tally_core::NamedPerson> = members
        .iter()
        .flat_map(|m| m.people.iter().map(move |p| (m, p)))
        .filter(|(m, p)| {
            told(m) || roundups_alone || tally_link::name_key(&p.name).is_some_and(|k| keys_told.contains(&k))
        })
        .map(|(_, p)| p)
        .collect();
    let everyone = || kept.iter().copied();
    let dead: Vec<String> = everyone()
        .filter(|p| p.status == Some(tally_core::PersonStatus::Killed))
        .filter_map(|p| tally_link::name_key(&p.name))
        .collect();
    let mut seen: Vec<(String, &tally_core::NamedPerson)> = Vec::new();
    for person in everyone() {
        let Some(key) = tally_link::name_key(&person.name) else {
            continue;
        };
        let minor = person.age.is_some_and(|age| age < 18);
        if naming == Naming::WithholdMinors && minor && !dead.contains(&key) {
            continue;
        }
        match seen.iter_mut().find(|(k, _)| *k == key) {
            Some((_, kept)) if kept.status.is_none() => *kept = person,
            Some(_) => {}
            None => seen.push((key, person)),
        }
    }
    seen.into_iter()
        .map(|(_, p)| json!({"name": p.name, "age": p.age, "status": p.status, "role": p.role}))
        .collect()
}

/// An incident's grade as stored; one the ledger has not stored yet (its reports changed
/// since `tally link` last graded it) is worked out under the built-in outlet register.
pub fn grading(incident: &StoredIncident) -> StoredGrade {
    incident.grade.clone().unwrap_or_else(|| {
        let a = tally_link::grade::assess(&incident.members, Register::builtin());
        StoredGrade {
            grade: a.grade.as_str().to_string(),
            sources: a.sources,
            reasons: a.reasons,
            policy: tally_link::grade::POLICY.to_string(),
        }
    })
}

/// Says on standard error how many incidents carry no stored grade.
fn warn_ungraded(incidents: &[StoredIncident]) {
    let ungraded = incidents.iter().filter(|i| i.grade.is_none()).count();
    if ungraded > 0 {
        eprintln!(
            "note: {ungraded} incidents changed since they were graded; graded here with the built-in outlet register (`tally link` or `tally regrade` stores grades)"
        );
    }
}

/// An incident as one export object (FORMAT.md).
fn incident_record(incident: &StoredIncident, naming: Naming) -> Value {
    let tally = tally(&incident.members);
    let graded = grading(incident);
    let range =
        |r: Option<tally_link::Range>| r.map(|r| json!({"low": r.low, "best": r.best, "high": r.high}));
    let mut reasons: Vec<String> = incident
        .reasons
        .iter()
        .flatten()
        .map(|r| match r.split_once(" named (") {
            // "same person named (Darnell Price)" names someone too.
            Some((head, _)) if naming == Naming::None => format!("{head} named"),
            _ => r.clone(),
        })
        .collect();
    reasons.dedup();
    json!({
        "incident": crate::incidents::name(incident.id),
        "documents": incident.members.iter().map(|m| &m.document).collect::<Vec<_>>(),
        "killed": range(tally.killed),
        "combatants_killed": range(tally.combatants_killed),
        "injured": range(tally.injured),
        "victims": tally.victims,
        "cause": tally.cause,
        "place": tally.place,
        "date": {
            "start": tally.start,
            "end": tally.end,
            "date_prec": tally_core::Period { start: tally.start, end: tally.end }.date_prec(),
        },
        "perpetrators": tally.perpetrators,
        "people": people(&incident.members, naming),
        "independent_sources": graded.sources,
        "grade": graded.grade,
        "grade_reasons": graded.reasons,
        "grading_policy": graded.policy,
        "reasons": reasons,
    })
}

/// A document and its extraction as one evaluation-export object.
pub fn eval_record(doc: &Document, extraction: &Extraction, extractor_version: &str) -> Value {
    json!({
        "document": doc.id,
        "title": doc.title,
        "published": doc.published.map(|p| p.to_string()),
        "language": doc.language,
        "outlet": doc.outlet,
        "author": doc.author,
        "url": doc.url,
        "body": doc.body,
        "claims": extraction.claims,
        "quotes": extraction.quotes,
        "lead": extraction.lead,
        "diagnostics": extraction.diagnostics,
        "people": extraction.people,
        "extractor_version": extractor_version,
    })
}

const CSV_HEADER: [&str; 27] = [
    "document",
    "published",
    "kind",
    "victims",
    "low",
    "best",
    "high",
    "qualifier",
    "per",
    "coded",
    "convention",
    "claimant",
    "claimant_role",
    "source",
    "perpetrators",
    "place",
    "admin1",
    "country",
    "latitude",
    "longitude",
    "where_prec",
    "period_start",
    "period_end",
    "status",
    "evidence",
    "evidence_start",
    "evidence_end",
];

/// The name a unit enum takes in the export ("day", "ACLED", "confirmed").
pub fn serde_name(value: impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(name)) => name,
        _ => String::new(),
    }
}

fn csv_row(doc: &Document, claim: &Claim) -> Vec<String> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let num = |v: Option<u64>| v.map(|n| n.to_string()).unwrap_or_default();
    let count = claim.count;
    let place = claim.place.as_ref();
    vec![
        doc.id.clone(),
        opt(doc.published.map(|p| p.to_string())),
        claim.kind.to_string(),
        opt(claim.victims.clone()),
        num(count.and_then(|c| c.low)),
        num(count.and_then(|c| c.best)),
        num(count.and_then(|c| c.high)),
        opt(count.map(|c| c.qualifier.as_str().to_string())),
        opt(count.and_then(|c| c.per).map(serde_name)),
        num(count.and_then(|c| c.coded)),
        opt(count.and_then(|c| c.convention).map(serde_name)),
        opt(claim.claimant.as_ref().map(|c| c.name.clone())),
        opt(claim.claimant.as_ref().and_then(|c| c.role.clone())),
        opt(claim.source.clone()),
        claim.perpetrators.join("; "),
        opt(place.map(|p| p.name.clone())),
        opt(place.and_then(|p| p.admin1.clone())),
        opt(place.and_then(|p| p.country.clone())),
        opt(place.and_then(|p| p.lat).map(|v| v.to_string())),
        opt(place.and_then(|p| p.lon).map(|v| v.to_string())),
        opt(place.map(|p| p.where_prec.to_string())),
        opt(claim.period.start.map(|d| d.to_string())),
        opt(claim.period.end.map(|d| d.to_string())),
        serde_name(claim.status),
        claim.evidence.text.clone(),
        claim.evidence.start.to_string(),
        claim.evidence.end.to_string(),
    ]
}

pub fn run(db: &Path, format: Format, out: Option<&Path>, naming: Naming) -> Result<()> {
    let ledger = Ledger::open(db)?;
    let mut buffer: Vec<u8> = Vec::new();
    match format {
        Format::Incidents => {
            let incidents = ledger.incidents()?;
            warn_ungraded(&incidents);
            for incident in &incidents {
                serde_json::to_writer(&mut buffer, &incident_record(incident, naming))?;
                buffer.push(b'\n');
            }
            return write_out(&buffer, out, incidents.len(), "incidents");
        }
        Format::Ucdp | Format::Acled | Format::Plover | Format::Geojson => {
            let written = recorders_format(&ledger, format, &mut buffer)?;
            return write_out(&buffer, out, written, "incidents");
        }
        Format::Eval | Format::Jsonl | Format::Csv => {}
    }
    let documents = ledger.documents()?;
    match format {
        Format::Eval => {
            for stored in &documents {
                let record = eval_record(&stored.document, &stored.extraction, &stored.extractor_version);
                serde_json::to_writer(&mut buffer, &record)?;
                buffer.push(b'\n');
            }
        }
        Format::Jsonl => {
            for stored in &documents {
                for claim in &stored.extraction.claims {
                    let mut line = serde_json::to_value(claim)?;
                    line["document"] = json!(stored.document.id);
                    line["published"] = json!(stored.document.published.map(|p| p.to_string()));
                    line["title"] = json!(stored.document.title);
                    serde_json::to_writer(&mut buffer, &line)?;
                    buffer.push(b'\n');
                }
            }
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(&mut buffer);
            writer.write_record(CSV_HEADER)?;
            for stored in &documents {
                for claim in &stored.extraction.claims {
                    writer.write_record(csv_row(&stored.document, claim))?;
                }
            }
            writer.flush()?;
        }
        Format::Incidents | Format::Ucdp | Format::Acled | Format::Plover | Format::Geojson => {
            unreachable!("incidents are exported above")
        }
    }
    write_out(&buffer, out, documents.len(), "documents")
}

/// Incidents in a recorder's format; says on standard error which were left out and why.
fn recorders_format(ledger: &Ledger, format: Format, buffer: &mut Vec<u8>) -> Result<usize> {
    let incidents = ledger.incidents()?;
    warn_ungraded(&incidents);
    let citations = ledger.citations()?;
    let actors = tally_extract::lexicon::Actors::new(&[])?;
    let places = tally_extract::lexicon::Places::new(&[])?;
    let coded: Vec<Coded<'_>> = incidents
        .iter()
        .map(|i| Coded::new(i, &citations, &actors, &places))
        .collect();
    let mut left_out: Vec<(&str, usize)> = Vec::new();
    let mut note = |why: &'static str| match left_out.iter_mut().find(|(w, _)| *w == why) {
        Some((_, n)) => *n += 1,
        None => left_out.push((why, 1)),
    };
    let mut written = 0;
    match format {
        Format::Ucdp | Format::Acled => {
            let mut writer = csv::Writer::from_writer(&mut *buffer);
            let ucdp = matches!(format, Format::Ucdp);
            if ucdp {
                writer.write_record(formats::UCDP_HEADER)?;
            } else {
                writer.write_record(formats::ACLED_HEADER)?;
            }
            for c in &coded {
                let row = if ucdp {
                    formats::ucdp_row(c)
                } else {
                    formats::acled_row(c)
                };
                match row {
                    Ok(row) => {
                        writer.write_record(row)?;
                        written += 1;
                    }
                    Err(why) => note(why),
                }
            }
            writer.flush()?;
        }
        Format::Geojson => {
            let features: Vec<Value> = coded
                .iter()
                .filter_map(|c| {
                    let feature = formats::feature(c);
                    if feature.is_none() {
                        note("no coordinates");
                    }
                    feature
                })
                .collect();
            written = features.len();
            serde_json::to_writer(
                &mut *buffer,
                &json!({"type": "FeatureCollection", "features": features}),
            )?;
            buffer.push(b'\n');
        }
        _ => {
            let events: Vec<Value> = coded.iter().map(formats::plover).collect();
            written = events.len();
            serde_json::to_writer(&mut *buffer, &events)?;
            buffer.push(b'\n');
        }
    }
    for (why, n) in left_out {
        eprintln!("left out {n} incidents: {why}");
    }
    Ok(written)
}

fn write_out(buffer: &[u8], out: Option<&Path>, count: usize, what: &str) -> Result<()> {
    match out {
        // Written beside the target and renamed, so a reader never sees half an export.
        Some(path) => {
            let partial = path.with_extension("partial");
            std::fs::write(&partial, buffer).with_context(|| format!("writing {}", partial.display()))?;
            std::fs::rename(&partial, path).with_context(|| format!("writing {}", path.display()))?;
            eprintln!("exported {count} {what} to {}", path.display());
        }
        None => std::io::stdout()
            .lock()
            .write_all(buffer)
            .context("writing to standard output")?,
    }
    Ok(())
}
