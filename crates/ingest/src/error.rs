//! What can go wrong reading one input.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is a binary file ({what}), not a report")]
    Binary { path: PathBuf, what: &'static str },
    #[error("{path} line {line}: not a JSON object: {message}")]
    Json {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path} line {line}: record has no {field}")]
    MissingField {
        path: PathBuf,
        line: usize,
        field: &'static str,
    },
    #[error("{path}: JSON without reports (expected objects with an id and a text)")]
    NotReports { path: PathBuf },
    #[error("{path} is larger than {limit_mb} MB, too large to be one report; split it")]
    TooLarge { path: PathBuf, limit_mb: usize },
    #[error("{path} at byte {offset}: {message}")]
    Damaged {
        path: PathBuf,
        offset: u64,
        message: String,
    },
}
