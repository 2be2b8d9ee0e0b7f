//! Plain types shared by every stage of tally: documents, claims, quotes, places, periods.
//!
//! Nothing here does I/O. The serialised shapes of these types are the evaluation export
//! (`shared/eval/FORMAT.md`), so a change of field name here is a change of file format.

mod claim;
mod correction;
mod document;
mod period;

pub use claim::{
    Actor, ActorType, Claim, ClaimKind, Claimant, Count, Diagnostic, DiagnosticKind, Evidence, Extraction,
    Lead, NamedPerson, PersonStatus, Place, Qualifier, Quote, Rate, Status, VagueConvention,
};
pub use correction::{describe_period, describe_place, Correction};
pub use document::{content_hash, Document, Published};
pub use period::{is_calendar_word, is_number_word, Period};

/// A half-open byte range `[start, end)` into a document body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} runs backwards");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers in `body`.
    pub fn slice<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

/// The version of the extraction rules, recorded with every claim so that a ledger
/// knows which claims a re-extraction would change.
pub const EXTRACTOR_VERSION: &str = concat!("tally-extract ", env!("CARGO_PKG_VERSION"));
