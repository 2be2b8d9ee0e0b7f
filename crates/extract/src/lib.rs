//! Extraction: a [`Document`] → its claims, quotes, lead incident and diagnostics.
//!
//! Pure and deterministic: no I/O, no clock. Lexicons and patterns are compiled once by
//! [`Extractor::new`], which is where bad configuration fails.
//!
//! The passes, each in its own module: `tokens` (words and sentences) → `analysis`
//! (clauses, times, actors, places, people, quotes and their speakers) → `claims`
//! (figures, kinds, claimants, periods, places, perpetrators) → `lead`.

mod analysis;
mod claims;
mod lead;
pub mod lexicon;
mod numbers;
mod people;
mod time;
mod tokens;
mod words;

use analysis::Analysis;
use serde::{Deserialize, Serialize};
use tally_core::{Diagnostic, DiagnosticKind, Document, Extraction, Lead, Place, Quote, VagueConvention};

pub use lexicon::{Actors, Places};

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("{origin}: not a valid table: {message}")]
    Table { origin: String, message: String },
    #[error("cannot compile the lexicon: {0}")]
    Lexicon(String),
}

/// What a user may change about extraction.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ExtractConfig {
    /// How vague amounts ("dozens") are coded.
    pub vague_convention: VagueConvention,
    /// Extra actor tables, as (where it came from, TOML text).
    #[serde(skip)]
    pub actor_tables: Vec<(String, String)>,
    /// Extra gazetteer tables, as (where it came from, TOML text).
    #[serde(skip)]
    pub place_tables: Vec<(String, String)>,
}

impl ExtractConfig {
    /// The figure a vague amount is coded as under this configuration.
    pub fn vague_convention_coded(&self, acled: u64) -> Option<u64> {
        match self.vague_convention {
            VagueConvention::Acled => Some(acled),
            VagueConvention::Uncoded => None,
        }
    }
}

/// Compiled lexicons and rules, built once and shared by every extraction.
#[derive(Debug)]
pub struct Extractor {
    pub config: ExtractConfig,
    pub actors: Actors,
    pub places: Places,
}

impl Extractor {
    pub fn new(config: ExtractConfig) -> Result<Extractor, ExtractError> {
        let actors = Actors::new(&config.actor_tables)?;
        let places = Places::new(&config.place_tables)?;
        Ok(Extractor {
            config,
            actors,
            places,
        })
    }

    /// The place a report is mostly about: its most named town, else its most named place.
    fn default_place(&self, a: &Analysis<'_>) -> Option<Place> {
        // (entry, count, first token). Title mentions count, but lose ties to the body's
        // first place. Where someone was taken or caught afterwards ("Advocate Christ
        // Medical Center in Oak Lawn") is not what the report is about: it names only its
        // state.
        let mut counts: Vec<(usize, usize, usize)> = Vec::new();
        let named = a
            .places
            .iter()
            .filter_map(|m| match lexicon::place_role(&a.tokens, &m.tokens) {
                lexicon::PlaceRole::Afterwards => {
                    let place = &self.places.entries[m.entry].place;
                    Some((
                        self.places.us_state_entry(place.admin1.as_deref()?)?,
                        m.tokens.start,
                    ))
                }
                _ => Some((m.entry, m.tokens.start)),
            })
            .chain(a.title_places.iter().map(|&(e, _)| (e, usize::MAX)));
        for (entry, at) in named {
            match counts.iter_mut().find(|(e, _, _)| *e == entry) {
                Some(c) => c.1 += 1,
                None => counts.push((entry, 1, at)),
            }
        }
        let specific = |e: usize| self.places.entries[e].place.where_prec < 6;
        counts
            .iter()
            .filter(|(e, _, _)| specific(*e))
            .max_by_key(|(_, n, first)| (*n, std::cmp::Reverse(*first)))
            .or_else(|| {
                counts
                    .iter()
                    .max_by_key(|(_, n, first)| (*n, std::cmp::Reverse(*first)))
            })
            .map(|(e, _, _)| self.places.entries[*e].place())
    }
}

/// The lead a headline tells on its own ("Man wounded in accidental shooting dies"), for a
/// report whose body is empty, or page furniture, or tells no incident. Its claims are not
/// kept: a claim cites its sentence in the body.
fn headline_lead(doc: &Document, ex: &Extractor, origin: lexicon::Origin<'_>) -> Option<Lead> {
    let (headline, _) = analysis::split_outlet(doc.title.as_deref()?);
    let a = Analysis::new(headline, None, &ex.actors, &ex.places, origin);
    let report_day = doc.published.map(|p| p.date());
    read(ex, &a, Some(headline), report_day, &mut Vec::new()).lead
}

/// The day copy stamps itself with at its top, with its year: "Posted: Sunday, August 17,
/// 2014 3:56 PM", "SAVANNAH, GA (December 2, 2015):". Where it is earlier than the day the
/// record gives, it is the report's day: an archived page's record often carries the day
/// it was crawled, and "Tuesday" in its copy is the Tuesday before the stamp.
fn stamped_day(a: &Analysis<'_>) -> Option<chrono::NaiveDate> {
    /// How far into the body a stamp is looked for, in tokens.
    const TOP: usize = 40;
    a.times
        .iter()
        .take_while(|t| t.start < TOP)
        .filter(|t| lead::is_stamp(a, t) || t.start > 0 && a.lower(t.start - 1) == "(")
        .find_map(time::TimeExpr::full_date)
}

/// Whether a body is a video player's playlist, as pages scraped without their article
/// leave it: mostly lines of a running time and another story's title ("1:29 Police respond
/// to shooting on 17th Avenue"). Its figures and names are other stories'.
fn is_playlist(body: &str) -> bool {
    let entry = |line: &str| {
        let (time, rest) = line.split_once(' ').unwrap_or((line, ""));
        let (m, sec) = time.split_once(':').unwrap_or(("", ""));
        (1..=2).contains(&m.len())
            && m.bytes().all(|b| b.is_ascii_digit())
            && sec.len() == 2
            && sec.bytes().all(|b| b.is_ascii_digit())
            && rest.chars().next().is_some_and(char::is_uppercase)
    };
    let lines: Vec<&str> = body.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let entries = lines.iter().filter(|l| entry(l)).count();
    entries >= 3 && entries * 2 >= lines.len()
}

/// What one analysed text tells: its claims with their figures, the people it names, and
/// its lead.
struct Reading {
    found: Vec<(tally_core::Claim, claims::Figure)>,
    people: Vec<tally_core::NamedPerson>,
    lead: Option<Lead>,
}

/// More people named than the deadliest shootings' reports name (victims, suspects and
/// officials together): a page listing cases ("Open Investigations", "2013 gun crime in
/// Hennepin County"), whose names belong to many incidents. On the gun-violence reports,
/// the mass shootings' reports name 31 at most, the lists 67 and more.
const LIST_OF_CASES: usize = 40;

fn read(
    ex: &Extractor,
    a: &Analysis<'_>,
    title: Option<&str>,
    report_day: Option<chrono::NaiveDate>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Reading {
    let default_place = ex.default_place(a);
    let found = ex.find_claims(a, report_day, default_place.as_ref(), diagnostics);
    let mut people = people::find_people(a);
    let lead = ex.find_lead(a, &found, title, report_day, default_place.as_ref(), &people);
    people::settle_identified(a, &mut people, lead.as_ref());
    people::drop_other_cases(a, &mut people, lead.as_ref(), report_day);
    if title.is_some_and(people::is_blotter) {
        people::keep_to_shooting_items(a, &mut people);
    }
    if people.len() > LIST_OF_CASES {
        diagnostics.push(Diagnostic {
            kind: DiagnosticKind::ListOfCases,
            start: people[0].start,
            end: people[people.len() - 1].end,
            message: format!(
                "{} people named: a list of cases, not one incident's; their names are not kept",
                people.len()
            ),
        });
        people.clear();
    }
    Reading { found, people, lead }
}

/// Reads one document.
pub fn extract(doc: &Document, ex: &Extractor) -> Extraction {
    extract_from(doc, ex, None)
}

/// Reads one document from an outlet whose home state the ledger has learnt
/// (`home_state`, "Ohio"): that state's small towns are believed, a homonym the report
/// ties to no state is the home state's, and a report that names no place is put in the
/// state. Said in a diagnostic.
pub fn extract_from(doc: &Document, ex: &Extractor, home_state: Option<&str>) -> Extraction {
    // An address named for a state ("delawareonline.com"), or for a town and its state
    // ("stcharlesil.gov"), says it before any learning can.
    let addressed = doc.url.as_deref().and_then(|url| {
        lexicon::state_of_address(url).or_else(|| {
            ex.places
                .town_and_state_of_address(url)
                .and_then(|town| town.place.admin1.as_deref())
        })
    });
    let origin = lexicon::Origin {
        american: doc.url.as_deref().is_some_and(lexicon::american_address),
        home_state: addressed.or(home_state),
        east: doc.url.as_deref().and_then(lexicon::station_east),
    };
    let a = Analysis::new(&doc.body, doc.title.as_deref(), &ex.actors, &ex.places, origin);
    let published = doc.published.map(|p| p.date());
    let report_day = stamped_day(&a)
        .filter(|&d| published.is_none_or(|p| d < p))
        .or(published);
    let mut diagnostics = Vec::new();
    if let Some(state) = a.home_state {
        let whence = if addressed.is_some() {
            "the state its outlet's address names"
        } else if home_state.is_some() {
            "the state its outlet reports from"
        } else {
            "the state of the outlet its headline names"
        };
        diagnostics.push(Diagnostic {
            kind: DiagnosticKind::PlaceFromOutlet,
            start: 0,
            end: 0,
            message: format!("places read as from {state}, {whence}"),
        });
    }
    let Reading { found, people, lead } = if is_playlist(&doc.body) {
        Reading {
            found: Vec::new(),
            people: Vec::new(),
            lead: None,
        }
    } else {
        read(ex, &a, doc.title.as_deref(), report_day, &mut diagnostics)
    };
    let lead = lead.or_else(|| {
        let lead = headline_lead(doc, ex, origin)?;
        diagnostics.push(Diagnostic {
            kind: DiagnosticKind::LeadFromHeadline,
            start: 0,
            end: 0,
            message: "the body tells no incident; the lead is read from the headline alone".into(),
        });
        Some(lead)
    });
    // A report that names no town, or only its state, from a paper named for a town
    // ("thomastontimes.com") is put in that town, and a diagnostic says so.
    let lead = lead.map(|mut lead| {
        let town = doc
            .url
            .as_deref()
            .and_then(|u| ex.places.town_of_address(u, home_state));
        let unplaced = lead
            .place
            .as_ref()
            .is_none_or(|p| p.where_prec == 4 && town.is_some_and(|t| t.place.admin1 == p.admin1));
        if let (true, Some(town)) = (unplaced, town) {
            lead.place = Some(town.place());
            diagnostics.push(Diagnostic {
                kind: DiagnosticKind::PlaceFromOutlet,
                start: 0,
                end: 0,
                message: format!(
                    "placed in {}, the town its outlet's address names",
                    town.place.name
                ),
            });
        }
        lead
    });
    let quotes = a
        .quotes
        .iter()
        .map(|q| {
            if q.speaker.is_none() {
                diagnostics.push(Diagnostic {
                    kind: DiagnosticKind::AmbiguousSpeaker,
                    start: q.inner.start,
                    end: q.inner.end,
                    message: "a quote whose speaker could not be found".into(),
                });
            }
            Quote {
                text: q.inner.slice(&doc.body).to_string(),
                speaker: q.speaker.map(|e| ex.claimant(&a, e).name),
                start: q.inner.start,
                end: q.inner.end,
            }
        })
        .collect();
    diagnostics.sort_by_key(|d| (d.start, d.end));
    Extraction {
        claims: found.into_iter().map(|(claim, _)| claim).collect(),
        quotes,
        lead,
        diagnostics,
        people,
    }
}
