//! `tally ingest`: inputs → documents → claims → ledger, with a progress bar and a summary.

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use tally_core::Extraction;
use tally_extract::{extract, Extractor};
use tally_ingest::{discover, read_input_with, read_reader, Batch, Format, Item};
use tally_store::{Ledger, Outcome, Presence};

#[derive(Default)]
struct Summary {
    new: u64,
    present: u64,
    revised: u64,
    claims: u64,
    errors: u64,
}

/// Ingests every path; bad inputs are reported and skipped. Fails only when the ledger does.
pub fn run(
    db: &Path,
    ex: &Extractor,
    paths: &[PathBuf],
    stdin_id: &str,
    format: Option<Format>,
) -> Result<()> {
    let mut ledger = Ledger::open(db)?;
    let files: Vec<PathBuf> = paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    let (inputs, errors) = discover(&files);
    let mut summary = Summary::default();
    for err in errors {
        report_error(&ledger, &mut summary, &err.to_string())?;
    }
    for path in &files {
        if !path.exists() {
            report_error(
                &ledger,
                &mut summary,
                &format!("{}: no such file or folder", path.display()),
            )?;
        }
    }
    let bar = ProgressBar::new(inputs.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} inputs, {per_sec} {msg}")
            .expect("progress template is valid"),
    );
    if paths.iter().any(|p| p.as_os_str() == "-") {
        let batch = read_reader(std::io::stdin().lock(), stdin_id, format);
        take_batch(&mut ledger, ex, "<stdin>", batch, &mut summary, &bar)?;
    }
    for input in &inputs {
        let name = input.path.display().to_string();
        let mut failure = None;
        read_input_with(input, format, &mut |item| {
            if failure.is_none() {
                if let Err(err) = take(&mut ledger, ex, &name, item, &mut summary, &bar) {
                    failure = Some(err);
                }
            }
        });
        if let Some(err) = failure {
            return Err(err);
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    eprintln!(
        "{} new, {} already present, {} revised, {} claims found, {} errors",
        plural(summary.new, "document"),
        summary.present,
        summary.revised,
        summary.claims,
        summary.errors
    );
    Ok(())
}

fn plural(n: u64, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn report_error(ledger: &Ledger, summary: &mut Summary, message: &str) -> Result<()> {
    summary.errors += 1;
    eprintln!("error: {message}");
    ledger.log(
        message.split(':').next().unwrap_or(message),
        None,
        Outcome::Failed,
        Some(message),
    )?;
    Ok(())
}

fn take_batch(
    ledger: &mut Ledger,
    ex: &Extractor,
    input: &str,
    batch: Batch,
    summary: &mut Summary,
    bar: &ProgressBar,
) -> Result<()> {
    let items = batch
        .errors
        .into_iter()
        .map(Item::Error)
        .chain(batch.notices.into_iter().map(Item::Notice))
        .chain(batch.documents.into_iter().map(Item::Document));
    for item in items {
        take(ledger, ex, input, item, summary, bar)?;
    }
    Ok(())
}

/// Stores one item of an input: a document with its claims, or a logged error or notice.
fn take(
    ledger: &mut Ledger,
    ex: &Extractor,
    input: &str,
    item: Item,
    summary: &mut Summary,
    bar: &ProgressBar,
) -> Result<()> {
    let doc = match item {
        Item::Error(err) => return bar.suspend(|| report_error(ledger, summary, &err.to_string())),
        Item::Notice(notice) => {
            bar.suspend(|| eprintln!("note: {notice}"));
            ledger.log(input, None, Outcome::Noted, Some(&notice))?;
            return Ok(());
        }
        Item::Document(doc) => doc,
    };
    let presence = ledger.presence(&doc.id, &doc.content_hash)?;
    if presence == Presence::Same {
        summary.present += 1;
        ledger.log(input, Some(&doc.id), Outcome::Unchanged, None)?;
        return Ok(());
    }
    let extraction = if doc.body.trim().is_empty() {
        let message = format!(
            "{input}: record {} has an empty text; stored without claims",
            doc.id
        );
        bar.suspend(|| eprintln!("warning: {message}"));
        ledger.log(input, Some(&doc.id), Outcome::Noted, Some(&message))?;
        Extraction::default()
    } else {
        extract(&doc, ex)
    };
    ledger
        .store(&doc, &extraction)
        .with_context(|| format!("storing {} from {input}", doc.id))?;
    summary.claims += extraction.claims.len() as u64;
    let outcome = match presence {
        Presence::Changed => {
            summary.revised += 1;
            Outcome::Revised
        }
        _ => {
            summary.new += 1;
            Outcome::Stored
        }
    };
    ledger.log(input, Some(&doc.id), outcome, None)?;
    Ok(())
}
