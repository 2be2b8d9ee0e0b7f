//! `tally`: reads war reports into an auditable ledger of casualty claims.
//!
//! This binary only wires the stages together: ingest → extract → store, and the views
//! and exports over the ledger.

/// `println!` for the command's output, which fails (rather than panics) when the reader has
/// gone away: `tally incidents list | head` ends quietly ([`main`]).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?
    }};
}

mod corrections;
mod diff;
mod export;
mod formats;
mod incidents;
mod ingest;
mod link;
mod show;
mod sums;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;
use tally_core::VagueConvention;
use tally_extract::{ExtractConfig, Extractor};

// Extraction allocates many small strings; mimalloc serves them faster than the system
// allocator (measured with the extraction benchmark).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "tally",
    version,
    about = "An auditable ledger of casualty claims read from war reports"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Options shared by every command that reads reports.
#[derive(clap::Args, Clone)]
struct ExtractArgs {
    /// An extra actor table (TOML, as crates/extract/data/actors.toml); may be repeated.
    #[arg(long = "actors", value_name = "FILE")]
    actor_files: Vec<PathBuf>,
    /// An extra gazetteer table (TOML, as crates/extract/data/places.toml); may be repeated.
    #[arg(long = "places", value_name = "FILE")]
    place_files: Vec<PathBuf>,
    /// How vague amounts ("dozens") are coded.
    #[arg(long, value_enum, default_value_t = Vague::Acled)]
    vague: Vague,
}

#[derive(Clone, Copy, ValueEnum)]
enum Vague {
    /// ACLED: several/many 10, dozens 12, hundreds 100.
    Acled,
    /// Leave vague amounts uncoded.
    None,
}

/// The ledger option, shared by every command that uses one.
#[derive(clap::Args, Clone)]
struct DbArgs {
    /// The ledger file.
    #[arg(long, env = "TALLY_DB", default_value = "tally.db", global = true)]
    db: PathBuf,
}

/// The outlet register's option, for every command that grades incidents.
#[derive(clap::Args, Clone)]
struct OutletArgs {
    /// An extra outlet table (TOML, as crates/link/data/outlets.toml); may be repeated.
    #[arg(long = "outlets", value_name = "FILE", global = true)]
    outlet_files: Vec<PathBuf>,
}

impl OutletArgs {
    fn register(&self) -> Result<tally_link::outlets::Register> {
        let tables = read_tables(&self.outlet_files)?;
        Ok(tally_link::outlets::Register::with_tables(&tables)?)
    }
}

/// Reads a user's tables as (name, text).
fn read_tables(files: &[PathBuf]) -> Result<Vec<(String, String)>> {
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
            Ok((f.display().to_string(), text))
        })
        .collect()
}

/// The kinds of input `--format` can force.
#[derive(Clone, Copy, clap::ValueEnum)]
enum InputFormat {
    /// A plain-text scrape of one report.
    Text,
    /// One JSON report a line.
    Jsonl,
    /// A JSON array of reports, or one report.
    Json,
    /// A saved web page.
    Html,
    /// A WARC crawl.
    Warc,
}

impl From<InputFormat> for tally_ingest::Format {
    fn from(format: InputFormat) -> Self {
        match format {
            InputFormat::Text => tally_ingest::Format::Text,
            InputFormat::Jsonl => tally_ingest::Format::Jsonl,
            InputFormat::Json => tally_ingest::Format::Json,
            InputFormat::Html => tally_ingest::Format::Html,
            InputFormat::Warc => tally_ingest::Format::Warc,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Read reports (files, folders, or - for standard input) into the ledger.
    Ingest {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        extract: ExtractArgs,
        #[command(flatten)]
        outlets: OutletArgs,
        /// The id of a report read from standard input.
        #[arg(long, default_value = "stdin")]
        id: String,
        /// Read every input as this kind, whatever its name and content suggest.
        #[arg(long, value_enum)]
        format: Option<InputFormat>,
        /// Documents made and read at once (default: every core).
        #[arg(long, short = 'j', value_name = "N")]
        jobs: Option<usize>,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// List the claims in the ledger.
    Claims {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        filter: show::FilterArgs,
    },
    /// List the quotes in the ledger, with their speakers.
    Quotes {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        filter: show::FilterArgs,
    },
    /// Show the claims in reports without storing them.
    Extract {
        #[command(flatten)]
        extract: ExtractArgs,
        /// Print the evaluation export (JSON Lines) instead of a table.
        #[arg(long)]
        json: bool,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Link the reports not yet in an incident into incidents, and grade what changed.
    Link {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        extract: ExtractArgs,
        #[command(flatten)]
        outlets: OutletArgs,
        /// Undo every link the machine made and link afresh; people's decisions stay.
        #[arg(long)]
        again: bool,
    },
    /// Sum incidents' tolls as a range: killed or injured, in a place, in a period.
    Tally {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        question: sums::Question,
    },
    /// Count incidents in which people were killed (or injured), in a place, in a period,
    /// optionally naming someone.
    Count {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        question: sums::Question,
    },
    /// See incidents and correct their linking: list, show, merge, split, unlink, log.
    Incidents {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        outlets: OutletArgs,
        #[command(subcommand)]
        action: incidents::Action,
    },
    /// Correct a claim (REPORT#N, as `tally claims` numbers them) or a report's lead
    /// (REPORT#lead): its figure, claimant, place, period or perpetrators, or reject it.
    /// Kept through every later ingest and re-extraction, and in the audit log.
    Correct {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        extract: ExtractArgs,
        #[command(flatten)]
        outlets: OutletArgs,
        /// REPORT#N or REPORT#lead.
        what: String,
        #[command(flatten)]
        fields: corrections::Fields,
        #[command(flatten)]
        decision: incidents::DecisionArgs,
    },
    /// List people's corrections, oldest first.
    Corrections {
        #[command(flatten)]
        db: DbArgs,
        /// Only this report's.
        #[arg(long)]
        document: Option<String>,
    },
    /// Read every stored report again with this version of the extractor, keeping every
    /// correction; then link and grade what changed.
    Reextract {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        extract: ExtractArgs,
        #[command(flatten)]
        outlets: OutletArgs,
    },
    /// Delete reports from the ledger (junk, duplicates, a retracted story); audited.
    Delete {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        outlets: OutletArgs,
        #[arg(required = true)]
        documents: Vec<String>,
        #[command(flatten)]
        decision: incidents::DecisionArgs,
    },
    /// Grade every incident again under the current policy and outlet register.
    Regrade {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        outlets: OutletArgs,
    },
    /// What changed from one ledger to another: reports added and deleted, claims revised,
    /// incidents merged, split and re-graded.
    Diff {
        old: PathBuf,
        new: PathBuf,
        /// One JSON object a change.
        #[arg(long)]
        json: bool,
    },
    /// Write the ledger out.
    Export {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long, value_enum, default_value_t = export::Format::Eval)]
        format: export::Format,
        /// Write here instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Whom incidents name: everyone the reports name; minors only among the dead;
        /// or no one (nor in link reasons).
        #[arg(long, value_enum, default_value_t = export::Naming::All)]
        names: export::Naming,
    },
}

impl ExtractArgs {
    /// The extractor, for the rest of the process. It is never dropped: the process ends
    /// soon after and the system takes its memory back at once, where freeing 47,000
    /// places and their tries one by one costs some 10 ms.
    fn extractor(&self) -> Result<&'static Extractor> {
        let read = read_tables;
        let config = ExtractConfig {
            vague_convention: match self.vague {
                Vague::Acled => VagueConvention::Acled,
                Vague::None => VagueConvention::Uncoded,
            },
            actor_tables: read(&self.actor_files)?,
            place_tables: read(&self.place_files)?,
        };
        let ex: &'static Extractor = Box::leak(Box::new(Extractor::new(config)?));
        // The world's gazetteer trie takes ~25 ms to build and most runs need it: build it
        // on another core while the first reports are read. Extraction waits for it only
        // if it reaches a report that needs it first.
        std::thread::spawn(|| ex.places.prepare_world());
        Ok(ex)
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Ingest {
            db,
            extract,
            outlets,
            id,
            format,
            jobs,
            paths,
        } => ingest::run(
            &db.db,
            extract.extractor()?,
            &outlets.register()?,
            &paths,
            &id,
            format.map(InputFormat::into),
            jobs.unwrap_or_else(ingest::default_jobs),
        ),
        Command::Claims { db, filter } => show::claims(&db.db, &filter),
        Command::Quotes { db, filter } => show::quotes(&db.db, &filter),
        Command::Extract { extract, json, paths } => show::extract(extract.extractor()?, &paths, json),
        Command::Link {
            db,
            extract,
            outlets,
            again,
        } => link::run(&db.db, again, extract.extractor()?, &outlets.register()?),
        Command::Tally { db, question } => sums::sum(&db.db, &question),
        Command::Count { db, question } => sums::count(&db.db, &question),
        Command::Incidents { db, outlets, action } => incidents::run(&db.db, &action, &outlets.register()?),
        Command::Correct {
            db,
            extract,
            outlets,
            what,
            fields,
            decision,
        } => corrections::correct(
            &db.db,
            extract.extractor()?,
            &outlets.register()?,
            &what,
            &fields,
            &decision,
        ),
        Command::Corrections { db, document } => corrections::list(&db.db, document.as_deref()),
        Command::Reextract { db, extract, outlets } => {
            corrections::reextract(&db.db, extract.extractor()?, &outlets.register()?)
        }
        Command::Delete {
            db,
            outlets,
            documents,
            decision,
        } => corrections::delete(&db.db, &documents, &decision, &outlets.register()?),
        Command::Regrade { db, outlets } => corrections::regrade(&db.db, &outlets.register()?),
        Command::Diff { old, new, json } => diff::run(&old, &new, json),
        Command::Export {
            db,
            format,
            out,
            names,
        } => export::run(&db.db, format, out.as_deref(), names),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of the output went away (`| head`): nothing is wrong.
        Err(err)
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
