//! Ingest: files, folders, standard input and JSONL records → [`Document`]s with clean bodies.
//!
//! Each input is read on its own. A bad input becomes an [`IngestError`] naming it and
//! never stops the rest: callers get a [`Batch`] of what could be read and what could not.

pub mod dates;
mod error;
mod text;

pub use error::IngestError;
pub use text::{parse_scrape, Scrape};

use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};
use tally_core::{Document, Published};
use walkdir::WalkDir;

/// How far into a text ingest looks for its dateline.
const DATELINE_WINDOW: usize = 400;

/// The kinds of input tally reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A plain-text scrape of one report.
    Text,
    /// One JSON report per line.
    Jsonl,
    /// A saved web page (not read by this version).
    Html,
}

/// One file to read, with the document id it will carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// The id FORMAT.md gives: the path relative to the folder named, or the file name.
    pub id: String,
}

/// What reading one input gave: documents, bad records, and notes worth a person's eye.
#[derive(Debug, Default)]
pub struct Batch {
    pub documents: Vec<Document>,
    pub errors: Vec<IngestError>,
    /// Things done that a reader should know about, such as a guessed encoding.
    pub notices: Vec<String>,
}

/// Expands files and folders (recursively, in a stable order) into inputs.
/// Hidden files and folders are skipped; a path that cannot be walked is an error.
pub fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<IngestError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        if root.is_file() {
            let name = root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| root.display().to_string());
            inputs.push(Input {
                path: root.clone(),
                id: strip_gz(&name).to_string(),
            });
            continue;
        }
        let walker = WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
                    let id = relative
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/");
                    inputs.push(Input {
                        path: entry.path().to_path_buf(),
                        id: strip_gz(&id).to_string(),
                    });
                }
                Ok(_) => {}
                Err(err) => {
                    let path = err.path().unwrap_or(root).to_path_buf();
                    let source = err
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("filesystem loop"));
                    errors.push(IngestError::Io { path, source });
                }
            }
        }
    }
    (inputs, errors)
}

fn strip_gz(name: &str) -> &str {
    name.strip_suffix(".gz").unwrap_or(name)
}

/// Reads one file: decompresses, decodes, detects its format and parses it.
pub fn read_input(input: &Input) -> Batch {
    let mut batch = Batch::default();
    let bytes = match read_bytes(&input.path) {
        Ok(bytes) => bytes,
        Err(source) => {
            batch.errors.push(IngestError::Io {
                path: input.path.clone(),
                source,
            });
            return batch;
        }
    };
    read_bytes_as(&input.path, &input.id, &bytes, &mut batch);
    batch
}

/// Reads standard input (or any reader) as one input with the given id.
pub fn read_reader(mut reader: impl Read, id: &str) -> Batch {
    let mut batch = Batch::default();
    let path = PathBuf::from("<stdin>");
    let mut bytes = Vec::new();
    if let Err(source) = reader.read_to_end(&mut bytes) {
        batch.errors.push(IngestError::Io { path, source });
        return batch;
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        match gunzip(&bytes) {
            Ok(plain) => bytes = plain,
            Err(source) => {
                batch.errors.push(IngestError::Io { path, source });
                return batch;
            }
        }
    }
    read_bytes_as(&path, id, &bytes, &mut batch);
    batch
}

fn read_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    let bytes = std::fs::read(path)?;
    if bytes.starts_with(&[0x1f, 0x8b]) {
        gunzip(&bytes)
    } else {
        Ok(bytes)
    }
}

fn gunzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut plain = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes).read_to_end(&mut plain)?;
    Ok(plain)
}

fn read_bytes_as(path: &Path, id: &str, bytes: &[u8], batch: &mut Batch) {
    if let Some(what) = binary_kind(bytes) {
        batch.errors.push(IngestError::Binary {
            path: path.to_path_buf(),
            what,
        });
        return;
    }
    let text = match decode(bytes) {
        Decoded::Utf8(text) => text,
        Decoded::Guessed(text, encoding) => {
            batch
                .notices
                .push(format!("{}: not UTF-8, decoded as {encoding}", path.display()));
            text
        }
    };
    match detect_format(path, &text) {
        Format::Jsonl => read_jsonl(path, &text, batch),
        Format::Text => batch.documents.push(document_from_scrape(id, &text)),
        Format::Html => batch.errors.push(IngestError::Unsupported {
            path: path.to_path_buf(),
            format: "HTML",
        }),
    }
}

/// Names the kind of a binary file, or `None` for text.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 8] = [
        (b"\x89PNG", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"%PDF", "PDF document"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x7fELF", "executable"),
        (b"RIFF", "RIFF media"),
        (b"SQLite format 3", "SQLite database"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(what);
    }
    // UTF-16 text carries NULs too; it is text, announced by its byte-order mark.
    let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    let head = &bytes[..bytes.len().min(8192)];
    (!utf16 && head.contains(&0)).then_some("binary data")
}

enum Decoded {
    Utf8(String),
    Guessed(String, &'static str),
}

fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return if encoding == encoding_rs::UTF_8 {
            Decoded::Utf8(text.into_owned())
        } else {
            Decoded::Guessed(text.into_owned(), encoding.name())
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded::Utf8(text.to_string()),
        Err(_) => {
            let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            let (text, _, _) = encoding.decode(bytes);
            Decoded::Guessed(text.into_owned(), encoding.name())
        }
    }
}

/// The format by extension where it is telling, else by content.
pub fn detect_format(path: &Path, text: &str) -> Format {
    let name = path.to_string_lossy().to_lowercase();
    let name = strip_gz(&name);
    if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        return Format::Jsonl;
    }
    if name.ends_with(".html") || name.ends_with(".htm") {
        return Format::Html;
    }
    let start = text.trim_start();
    if start.starts_with('{') {
        let first_line = start.lines().next().unwrap_or("");
        if serde_json::from_str::<serde_json::Value>(first_line).is_ok() {
            return Format::Jsonl;
        }
    }
    let head = start.get(..start.len().min(512)).unwrap_or(start).to_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return Format::Html;
    }
    Format::Text
}

/// A plain-text scrape as a document.
pub fn document_from_scrape(id: &str, text: &str) -> Document {
    let scrape = parse_scrape(text);
    let mut doc = Document::new(id, scrape.body);
    doc.title = scrape.title;
    doc.published = scrape.published;
    doc
}

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<String>,
    language: Option<String>,
}

fn read_jsonl(path: &Path, text: &str, batch: &mut Batch) {
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = match serde_json::from_str(line) {
            Ok(record) => record,
            Err(err) => {
                batch.errors.push(IngestError::Json {
                    path: path.to_path_buf(),
                    line: line_no,
                    message: err.to_string(),
                });
                continue;
            }
        };
        let id = match &record.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => {
                batch.errors.push(IngestError::MissingField {
                    path: path.to_path_buf(),
                    line: line_no,
                    field: "id",
                });
                continue;
            }
        };
        let body = match (record.text, record.html) {
            (Some(text), _) => text,
            (None, Some(_)) => {
                batch.errors.push(IngestError::Unsupported {
                    path: path.join(format!("line {line_no}")),
                    format: "HTML (the record's html field)",
                });
                continue;
            }
            (None, None) => String::new(),
        };
        let mut doc = Document::new(id, body);
        doc.title = record
            .title
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        doc.outlet = record.outlet;
        doc.url = record.url;
        doc.language = record.language;
        doc.published = record
            .published
            .as_deref()
            .and_then(Published::parse)
            .or_else(|| dates::find_dateline(&doc.body, DATELINE_WINDOW).map(|f| f.published));
        batch.documents.push(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_records_take_their_date_from_the_text_when_missing() {
        let text = concat!(
            r#"{"id": "a1", "title": "Blast", "text": "Mon 3 Apr 2017 A blast killed two people."}"#,
            "\n",
            r#"{"id": "a2", "text": "x", "published": "2016-05-01"}"#,
            "\nnot json\n",
            r#"{"text": "no id"}"#,
            "\n"
        );
        let mut batch = Batch::default();
        read_jsonl(Path::new("r.jsonl"), text, &mut batch);
        let dates: Vec<String> = batch
            .documents
            .iter()
            .map(|d| d.published.unwrap().to_string())
            .collect();
        assert_eq!(dates, ["2017-04-03", "2016-05-01"]);
        assert_eq!(batch.errors.len(), 2);
        assert!(batch.errors[0].to_string().contains("r.jsonl line 3"));
    }

    #[test]
    fn binary_and_latin1_inputs() {
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\n\0\0"), Some("PNG image"));
        assert_eq!(binary_kind("plain words".as_bytes()), None);
        match decode(b"Caf\xe9 bombed in Sa\xefda") {
            Decoded::Guessed(text, _) => assert_eq!(text, "Café bombed in Saïda"),
            Decoded::Utf8(_) => panic!("latin-1 read as UTF-8"),
        }
    }
}
