//! `tally ingest`: inputs → documents → claims → ledger, with a progress bar and a summary.
//!
//! A pipeline of three stages over bounded channels:
//! - one reader streams the inputs in order, numbering every item it reads;
//! - `jobs` workers make the documents (main text, language) and extract their claims;
//! - the caller's thread stores what the workers made, in the reader's order, so that a
//!   run stores the same ledger whatever the number of workers.
//!
//! At most [`WINDOW_PER_JOB`] × `jobs` items are between the reader and the ledger at any
//! time, so memory stays bounded however large the inputs.

use anyhow::{Context, Result};
use crossbeam_channel::{bounded, Receiver, Sender};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use tally_core::{Document, Extraction};
use tally_extract::Extractor;
use tally_ingest::{discover, read_input_with, read_reader_with, Format, Input, Item};
use tally_link::outlets::Register;
use tally_store::{Ledger, Outcome, Presence};

/// Items in flight for each worker: enough to keep every worker busy while the reader
/// waits on a slow input, few enough that a crawl's pages never pile up in memory.
const WINDOW_PER_JOB: usize = 16;

/// The language tally's extraction rules are written for.
pub const EXTRACTION_LANGUAGE: &str = "en";

#[derive(Default)]
struct Summary {
    new: u64,
    present: u64,
    revised: u64,
    claims: u64,
    errors: u64,
    other_language: u64,
}

/// What to read: the inputs found, and whether standard input comes first.
struct Sources<'a> {
    stdin_id: Option<&'a str>,
    inputs: Vec<Input>,
    format: Option<Format>,
}

/// One item read, numbered in reading order, with the name of the input it came from.
struct Read {
    seq: u64,
    input: String,
    item: Item,
}

/// What a worker made of an item, for the ledger.
enum Made {
    Document(Box<Ready>),
    Error(String),
    Notice(String),
}

/// A document with its claims, ready to store.
struct Ready {
    doc: Document,
    extraction: Extraction,
    /// Why no claims were looked for, when none were.
    unread: Option<String>,
}

struct Done {
    seq: u64,
    input: String,
    made: Made,
}

/// Ingests every path with `jobs` workers; bad inputs are reported and skipped. Fails
/// only when the ledger does.
pub fn run(
    db: &Path,
    ex: &Extractor,
    register: &Register,
    paths: &[PathBuf],
    stdin_id: &str,
    format: Option<Format>,
    jobs: usize,
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
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {human_pos} documents, {per_sec} [{elapsed}] {msg}")
            .expect("progress template is valid"),
    );
    let sources = Sources {
        stdin_id: paths.iter().any(|p| p.as_os_str() == "-").then_some(stdin_id),
        inputs,
        format,
    };
    let jobs = jobs.max(1);
    let window = WINDOW_PER_JOB * jobs;
    let stop = AtomicBool::new(false);
    let (read_tx, read_rx) = bounded::<Read>(window);
    let (done_tx, done_rx) = bounded::<Done>(window);
    // A ticket lets the reader hand over one item; the ledger gives it back once that
    // item is stored. The tickets bound the items in flight, reorder buffer included.
    let (ticket_tx, ticket_rx) = bounded::<()>(window);
    for _ in 0..window {
        ticket_tx.send(()).expect("the ticket channel holds a window");
    }
    std::thread::scope(|scope| {
        let stop = &stop;
        let sources = &sources;
        let bar = &bar;
        scope.spawn(move || read_all(sources, read_tx, ticket_rx, stop, bar));
        for _ in 0..jobs {
            let read_rx = read_rx.clone();
            let done_tx = done_tx.clone();
            scope.spawn(move || work(ex, register, read_rx, done_tx));
        }
        drop((read_rx, done_tx));
        let stored = store_all(&mut ledger, done_rx, ticket_tx, &mut summary, bar);
        if stored.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        stored
    })?;
    bar.finish_and_clear();
    eprintln!(
        "{} new, {} already present, {} revised, {} claims found, {} not in English (stored without claims), {} errors",
        plural(summary.new, "document"),
        summary.present,
        summary.revised,
        summary.claims,
        summary.other_language,
        summary.errors
    );
    Ok(())
}

/// The reader: every source in order, each item numbered and sent once a ticket allows.
fn read_all(
    sources: &Sources<'_>,
    out: Sender<Read>,
    tickets: Receiver<()>,
    stop: &AtomicBool,
    bar: &ProgressBar,
) {
    let mut seq = 0;
    let mut send = |input: &str, item: Item| {
        // No ticket means the ledger has stopped: read no further.
        if stop.load(Ordering::Relaxed) || tickets.recv().is_err() {
            stop.store(true, Ordering::Relaxed);
            return;
        }
        let read = Read {
            seq,
            input: input.to_string(),
            item,
        };
        seq += 1;
        if out.send(read).is_err() {
            stop.store(true, Ordering::Relaxed);
        }
    };
    if let Some(id) = sources.stdin_id {
        read_reader_with(std::io::stdin().lock(), id, sources.format, &mut |item| {
            send("<stdin>", item)
        });
    }
    let count = sources.inputs.len();
    for (i, input) in sources.inputs.iter().enumerate() {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        bar.set_message(format!("input {}/{count}", i + 1));
        let name = input.path.display().to_string();
        read_input_with(input, sources.format, &mut |item| send(&name, item));
    }
}

/// A worker: makes each document and extracts its claims. A record the extractor fails on
/// (a bug of ours) is an error naming it, and the run goes on: every item read is answered,
/// or the ledger would wait for it forever.
fn work(ex: &Extractor, register: &Register, items: Receiver<Read>, out: Sender<Done>) {
    for Read { seq, input, item } in items {
        let made = match item {
            Item::Error(err) => Made::Error(err.to_string()),
            Item::Notice(notice) => Made::Notice(notice),
            Item::Document(pending) => {
                let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pending.build()));
                match built {
                    Ok(Ok(doc)) => {
                        let id = doc.id.clone();
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            make(ex, register, &input, doc)
                        }))
                        .unwrap_or_else(|panic| {
                            Made::Error(format!("{input}: record {id}: {}; not stored", failure(&panic)))
                        })
                    }
                    Ok(Err(err)) => Made::Error(err.to_string()),
                    Err(panic) => Made::Error(format!(
                        "{input}: item {}: {}; not stored",
                        seq + 1,
                        failure(&panic)
                    )),
                }
            }
        };
        if out.send(Done { seq, input, made }).is_err() {
            return;
        }
    }
}

/// What a caught panic says, for the error naming the record it struck.
fn failure(panic: &Box<dyn std::any::Any + Send>) -> String {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let message: String = message.lines().next().unwrap_or("").chars().take(200).collect();
    format!("reading it failed, a bug in tally ({message})")
}

fn make(ex: &Extractor, register: &Register, input: &str, mut doc: Document) -> Made {
    // A scrape that names no outlet and has no address: the outlet its copy credits.
    if doc.outlet.is_none() && doc.url.is_none() {
        doc.outlet = register.credited(&doc.body).map(|o| o.name.clone());
    }
    let unread = if doc.body.trim().is_empty() {
        let headline = doc.title.as_deref().is_some_and(|t| !t.trim().is_empty());
        Some(format!(
            "{input}: record {} has an empty text; stored without claims{}",
            doc.id,
            if headline {
                ", its lead read from its headline"
            } else {
                ""
            }
        ))
    } else {
        match doc.language.as_deref() {
            Some(language) if language != EXTRACTION_LANGUAGE => Some(format!(
                "{input}: record {} is in language {language}; stored without claims",
                doc.id
            )),
            _ => None,
        }
    };
    let extraction = crate::link::reading(&doc, ex, None);
    Made::Document(Box::new(Ready {
        doc,
        extraction,
        unread,
    }))
}

/// The ledger's side: takes the workers' results back into reading order and stores them.
fn store_all(
    ledger: &mut Ledger,
    done: Receiver<Done>,
    tickets: Sender<()>,
    summary: &mut Summary,
    bar: &ProgressBar,
) -> Result<()> {
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    for item in done {
        waiting.insert(item.seq, item);
        while let Some(item) = waiting.remove(&next) {
            store(ledger, item, summary, bar)?;
            next += 1;
            // The reader may be finished and gone; a ticket then has no taker.
            let _ = tickets.send(());
        }
    }
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

/// Stores one item of an input: a document with its claims, or a logged error or notice.
fn store(ledger: &mut Ledger, done: Done, summary: &mut Summary, bar: &ProgressBar) -> Result<()> {
    let input = done.input;
    let Ready {
        doc,
        extraction,
        unread,
    } = match done.made {
        Made::Error(message) => return bar.suspend(|| report_error(ledger, summary, &message)),
        Made::Notice(notice) => {
            bar.suspend(|| eprintln!("note: {notice}"));
            ledger.log(&input, None, Outcome::Noted, Some(&notice))?;
            return Ok(());
        }
        Made::Document(ready) => *ready,
    };
    bar.inc(1);
    let presence = ledger.presence(&doc.id, &doc.content_hash)?;
    if presence == Presence::Same {
        summary.present += 1;
        ledger.log(&input, Some(&doc.id), Outcome::Unchanged, None)?;
        return Ok(());
    }
    if let Some(message) = &unread {
        if doc.body.trim().is_empty() {
            bar.suspend(|| eprintln!("warning: {message}"));
        } else {
            summary.other_language += 1;
        }
        ledger.log(&input, Some(&doc.id), Outcome::Noted, Some(message))?;
    }
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
    ledger.log(&input, Some(&doc.id), outcome, None)?;
    Ok(())
}

/// `--jobs`' default: every core the process may use.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}
