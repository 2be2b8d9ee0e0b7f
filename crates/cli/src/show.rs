//! `tally claims`, `tally quotes` and `tally extract`: readable tables.

use crate::export::{eval_record, serde_name};
use anyhow::Result;
use comfy_table::{presets::UTF8_BORDERS_ONLY, ContentArrangement, Table};
use std::io::Write;
use std::path::{Path, PathBuf};
use tally_core::{Claim, EXTRACTOR_VERSION};
use tally_extract::{extract as extract_one, Extractor};
use tally_ingest::{discover, read_input_with, Item};
use tally_store::{Filter, Ledger};

#[derive(clap::Args)]
pub struct FilterArgs {
    /// Only claims of this kind (killed, injured, trapped, displaced, missing, detained, airstrikes, attacks, destroyed).
    #[arg(long)]
    kind: Option<String>,
    /// Only claims (or quotes) whose claimant (or speaker) name contains this.
    #[arg(long)]
    claimant: Option<String>,
    /// Only claims whose place name contains this.
    #[arg(long)]
    place: Option<String>,
    /// Only this document.
    #[arg(long)]
    document: Option<String>,
}

impl FilterArgs {
    fn filter(&self) -> Filter {
        Filter {
            kind: self.kind.clone(),
            claimant: self.claimant.clone(),
            place: self.place.clone(),
            document: self.document.clone(),
        }
    }
}

pub fn table(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_BORDERS_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().copied());
    table
}

pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{cut}…")
}

fn claims_table(rows: &[(String, Claim)]) -> Table {
    let mut t = table(&[
        "claim", "kind", "count", "victims", "claimant", "place", "period", "status", "evidence",
    ]);
    for (document, c) in rows {
        let period = match (c.period.start, c.period.end) {
            (None, None) => String::new(),
            (s, e) => format!(
                "{}..{}",
                s.map(|d| d.to_string()).unwrap_or_default(),
                e.map(|d| d.to_string()).unwrap_or_default()
            ),
        };
        let claimant = match &c.claimant {
            Some(cl) => match &cl.role {
                Some(role) => format!("{} ({})", cl.name, shorten(role, 30)),
                None => cl.name.clone(),
            },
            None => "(the report)".into(),
        };
        let perps = if c.perpetrators.is_empty() {
            String::new()
        } else {
            format!(" by {}", c.perpetrators.join(", "))
        };
        t.add_row(vec![
            document.clone(),
            format!("{}{perps}", c.kind),
            c.count.map(|n| n.to_string()).unwrap_or_default(),
            c.victims.clone().unwrap_or_default(),
            claimant,
            c.place.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
            period,
            serde_name(c.status),
            shorten(&c.evidence.text, 60),
        ]);
    }
    t
}

pub fn claims(db: &Path, filter: &FilterArgs) -> Result<()> {
    let ledger = Ledger::open(db)?;
    // Named as `tally correct` takes them: REPORT#N, with a mark where a person corrected it.
    let rows: Vec<(String, Claim)> = ledger
        .numbered_claims(&filter.filter(), false)?
        .into_iter()
        .map(|c| {
            let mark = if c.corrected { " ✎" } else { "" };
            (format!("{}#{}{mark}", c.document, c.ordinal), c.claim)
        })
        .collect();
    out!("{}", claims_table(&rows));
    eprintln!(
        "{} claims (✎ corrected by a person: tally corrections)",
        rows.len()
    );
    Ok(())
}

pub fn quotes(db: &Path, filter: &FilterArgs) -> Result<()> {
    let ledger = Ledger::open(db)?;
    let rows = ledger.quotes(&filter.filter())?;
    let mut t = table(&["document", "speaker", "quote"]);
    for (document, q) in &rows {
        t.add_row(vec![
            shorten(document, 24),
            q.speaker.clone().unwrap_or_else(|| "(unknown)".into()),
            shorten(&q.text, 90),
        ]);
    }
    out!("{t}");
    eprintln!("{} quotes", rows.len());
    Ok(())
}

/// Extracts from files without a ledger; with `json`, streams the evaluation export.
pub fn extract(ex: &Extractor, paths: &[PathBuf], json: bool) -> Result<()> {
    let (inputs, errors) = discover(paths);
    for err in errors {
        eprintln!("error: {err}");
    }
    let mut rows = Vec::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failure: Option<std::io::Error> = None;
    for input in &inputs {
        read_input_with(input, None, &mut |item| match item {
            Item::Error(err) => eprintln!("error: {err}"),
            Item::Notice(notice) => eprintln!("note: {notice}"),
            Item::Document(pending) => {
                let doc = match pending.build() {
                    Ok(doc) => doc,
                    Err(err) => return eprintln!("error: {err}"),
                };
                // As `tally ingest` does: claims are read from English text only.
                let extraction = match doc.language.as_deref() {
                    Some(language) if language != crate::ingest::EXTRACTION_LANGUAGE => {
                        eprintln!("note: {} is in language {language}; no claims read", doc.id);
                        tally_core::Extraction::default()
                    }
                    _ => extract_one(&doc, ex),
                };
                if json {
                    let line = eval_record(&doc, &extraction, EXTRACTOR_VERSION);
                    let written = serde_json::to_writer(&mut out, &line)
                        .map_err(std::io::Error::from)
                        .and_then(|()| out.write_all(b"\n"));
                    if let Err(err) = written {
                        failure.get_or_insert(err);
                    }
                } else {
                    rows.extend(extraction.claims.into_iter().map(|c| (doc.id.clone(), c)));
                }
            }
        });
    }
    if let Some(err) = failure {
        return Err(anyhow::Error::from(err).context("writing to standard output"));
    }
    if !json {
        writeln!(out, "{}", claims_table(&rows))?;
    }
    out.flush()?;
    Ok(())
}
