//! Ingest: files, folders, standard input and JSONL records → [`Document`]s with clean bodies.
//!
//! Each input is read on its own. A bad input becomes an [`IngestError`] naming it and
//! never stops the rest: callers get a [`Batch`] of what could be read and what could not.

pub mod dates;
mod error;
mod html;
mod language;
pub use language::detect as detect_language;
mod text;
mod warc;

pub use error::IngestError;
pub use text::{parse_scrape, Scrape};

use serde::Deserialize;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use tally_core::{Document, Published};
use walkdir::WalkDir;

/// The longest text read as one report. A long report runs to tens of kilobytes; a
/// text past this is a dump or a mistake, and extracting from it as one report would
/// take memory in proportion.
pub const MAX_REPORT_BYTES: usize = 8 << 20;
/// The largest web page read; pages carry scripts and inline images besides the report.
pub const MAX_PAGE_BYTES: usize = 64 << 20;

/// How far into a text ingest looks for its dateline.
const DATELINE_WINDOW: usize = 400;

/// The kinds of input tally reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A plain-text scrape of one report.
    Text,
    /// One JSON report per line.
    Jsonl,
    /// A JSON document: an array of reports, or one report.
    Json,
    /// A saved web page.
    Html,
    /// A WARC crawl: its HTML responses, record by record.
    Warc,
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

/// One thing reading an input gives, handed over as soon as it is read.
#[derive(Debug)]
pub enum Item {
    /// A document still to be made: see [`Pending`].
    Document(Pending),
    Error(IngestError),
    /// Something done that a reader should know about, such as a guessed encoding.
    Notice(String),
}

/// A document whose costly part (parsing its record, finding a page's main text,
/// telling its language) is left to whoever takes it, so that a pool of workers can
/// share the documents of one input while a single reader streams it.
pub struct Pending(Box<dyn FnOnce() -> Result<Document, IngestError> + Send>);

impl Pending {
    fn new(make: impl FnOnce() -> Result<Document, IngestError> + Send + 'static) -> Self {
        Pending(Box::new(make))
    }

    /// Makes the document, with its language told from its text. A record found bad
    /// only now (JSON that does not parse, a missing id) is the error.
    pub fn build(self) -> Result<Document, IngestError> {
        let mut doc = (self.0)()?;
        doc.language = language::detect(&doc.body)
            .or_else(|| doc.language.as_deref().and_then(language::primary_subtag));
        Ok(doc)
    }
}

impl std::fmt::Debug for Pending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pending(..)")
    }
}

impl Batch {
    fn take(&mut self, item: Item) {
        match item {
            Item::Document(pending) => match pending.build() {
                Ok(doc) => self.documents.push(doc),
                Err(err) => self.errors.push(err),
            },
            Item::Error(err) => self.errors.push(err),
            Item::Notice(notice) => self.notices.push(notice),
        }
    }
}

/// Reads one file into a batch. See [`read_input_with`] for a stream.
pub fn read_input(input: &Input) -> Batch {
    let mut batch = Batch::default();
    read_input_with(input, None, &mut |item| batch.take(item));
    batch
}

/// Reads one file: decompresses, decodes, detects its format and parses it, handing each
/// document, error and notice to `sink` as it goes. JSON Lines are read a line at a time,
/// so a file of any size is read in little memory.
/// `format` overrides detection by name and content.
pub fn read_input_with(input: &Input, format: Option<Format>, sink: &mut dyn FnMut(Item)) {
    match std::fs::File::open(&input.path) {
        Ok(file) => read_stream(&input.path, &input.id, file, format, sink),
        Err(source) => sink(Item::Error(IngestError::Io {
            path: input.path.clone(),
            source,
        })),
    }
}

/// Reads standard input (or any reader) as one input with the given id, as
/// [`read_input_with`] reads a file.
pub fn read_reader_with(reader: impl Read, id: &str, format: Option<Format>, sink: &mut dyn FnMut(Item)) {
    read_stream(Path::new("<stdin>"), id, reader, format, sink);
}

/// How much of an input is looked at to tell its kind.
const HEAD_BYTES: usize = 8192;

fn read_stream(path: &Path, id: &str, reader: impl Read, format: Option<Format>, sink: &mut dyn FnMut(Item)) {
    let io_error = |source| {
        Item::Error(IngestError::Io {
            path: path.to_path_buf(),
            source,
        })
    };
    let mut raw = BufReader::new(reader);
    let gzipped = match raw.fill_buf() {
        Ok(head) => head.starts_with(&[0x1f, 0x8b]),
        Err(source) => return sink(io_error(source)),
    };
    // A gzipped WARC is read member by member, so that a damaged member costs one record.
    if gzipped && (format == Some(Format::Warc) || format.is_none() && is_warc_gz(&mut raw)) {
        return warc::read_warc_gz(path, raw, sink);
    }
    let mut plain: Box<dyn Read + '_> = if gzipped {
        Box::new(flate2::bufread::MultiGzDecoder::new(raw))
    } else {
        Box::new(raw)
    };
    let mut head = Vec::with_capacity(HEAD_BYTES);
    if let Err(source) = (&mut plain).take(HEAD_BYTES as u64).read_to_end(&mut head) {
        return sink(io_error(source));
    }
    if let Some(what) = binary_kind(&head) {
        return sink(Item::Error(IngestError::Binary {
            path: path.to_path_buf(),
            what,
        }));
    }
    let rest = std::io::Cursor::new(head).chain(plain);
    let head_text = String::from_utf8_lossy(rest.get_ref().0.get_ref()).into_owned();
    match format.unwrap_or_else(|| detect_format(path, &head_text)) {
        Format::Jsonl => read_jsonl(path, BufReader::new(rest), sink),
        Format::Json => {
            let mut bytes = Vec::new();
            if let Err(source) = { rest }.read_to_end(&mut bytes) {
                return sink(io_error(source));
            }
            read_json(path, &decode_noting(path, &bytes, sink), sink);
        }
        Format::Text => {
            let bytes = match read_capped(path, rest, MAX_REPORT_BYTES) {
                Ok(bytes) => bytes,
                Err(err) => return sink(Item::Error(err)),
            };
            let text = decode_noting(path, &bytes, sink);
            let id = id.to_string();
            sink(Item::Document(Pending::new(move || {
                Ok(document_from_scrape(&id, &text))
            })));
        }
        Format::Html => {
            let bytes = match read_capped(path, rest, MAX_PAGE_BYTES) {
                Ok(bytes) => bytes,
                Err(err) => return sink(Item::Error(err)),
            };
            let text = html::decode_page(path, &bytes, None, sink);
            let id = id.to_string();
            sink(Item::Document(Pending::new(move || {
                let mut doc = html::document_from_html(&id, &text);
                // Bounded here, as a record's or a crawl's is once its address is final.
                doc.published = dates::bounded_by_url(doc.published, doc.url.as_deref());
                Ok(doc)
            })));
        }
        Format::Warc => warc::read_warc(path, rest, sink),
    }
}

/// The whole of an input of at most `limit` bytes; past it, an error naming the input,
/// read no further than one byte over.
fn read_capped(path: &Path, reader: impl Read, limit: usize) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| IngestError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() > limit {
        return Err(IngestError::TooLarge {
            path: path.to_path_buf(),
            limit_mb: limit >> 20,
        });
    }
    Ok(bytes)
}

/// Whether a gzipped input holds a WARC: its first member begins `WARC/`.
fn is_warc_gz(raw: &mut BufReader<impl Read>) -> bool {
    let Ok(head) = raw.fill_buf() else { return false };
    let mut decoder = flate2::bufread::GzDecoder::new(head);
    let mut start = [0u8; 5];
    decoder.read_exact(&mut start).is_ok() && &start == b"WARC/"
}

/// Decodes bytes, telling the sink when they were not UTF-8.
fn decode_noting(path: &Path, bytes: &[u8], sink: &mut dyn FnMut(Item)) -> String {
    match decode(bytes) {
        Decoded::Utf8(text) | Decoded::Declared(text) => text,
        Decoded::Guessed(text, encoding) => {
            sink(Item::Notice(format!(
                "{}: not UTF-8, decoded as {encoding}",
                path.display()
            )));
            text
        }
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

pub(crate) enum Decoded {
    Utf8(String),
    Guessed(String, &'static str),
    /// Decoded as the input declared.
    Declared(String),
}

pub(crate) fn decode_with(bytes: &[u8], declared: Option<&'static encoding_rs::Encoding>) -> Decoded {
    match declared {
        Some(encoding) if encoding_rs::Encoding::for_bom(bytes).is_none() => {
            let (text, _, _) = encoding.decode(bytes);
            if encoding == encoding_rs::UTF_8 {
                Decoded::Utf8(text.into_owned())
            } else {
                Decoded::Declared(text.into_owned())
            }
        }
        _ => decode(bytes),
    }
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
    if name.ends_with(".json") {
        return Format::Json;
    }
    if name.ends_with(".html") || name.ends_with(".htm") {
        return Format::Html;
    }
    if name.ends_with(".warc") {
        return Format::Warc;
    }
    let start = text.trim_start();
    if start.starts_with('{') {
        let first_line = start.lines().next().unwrap_or("");
        if serde_json::from_str::<serde_json::Value>(first_line).is_ok() {
            return Format::Jsonl;
        }
    }
    if start.starts_with('[') {
        return Format::Json;
    }
    if start.starts_with("WARC/") {
        return Format::Warc;
    }
    let head = start.get(..start.len().min(1024)).unwrap_or(start).to_lowercase();
    let markup = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<title",
        "<!--",
    ];
    if markup.iter().any(|m| head.starts_with(m)) || head.starts_with('<') && head.contains("<body") {
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

fn read_jsonl(path: &Path, mut reader: impl BufRead, sink: &mut dyn FnMut(Item)) {
    let mut line = Vec::new();
    let mut line_no = 0;
    let mut noted_encoding = false;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(source) => {
                sink(Item::Error(IngestError::Io {
                    path: path.to_path_buf(),
                    source,
                }));
                break;
            }
        }
        line_no += 1;
        let text = match String::from_utf8(std::mem::take(&mut line)) {
            Ok(text) => text,
            Err(err) => {
                let line = err.into_bytes();
                // One notice a file, not one a line.
                let mut quiet = |item: Item| {
                    if !noted_encoding {
                        sink(item);
                    }
                };
                let decoded = decode_noting(path, &line, &mut quiet);
                noted_encoding = true;
                decoded
            }
        };
        if text.trim().is_empty() {
            continue;
        }
        let path = path.to_path_buf();
        sink(Item::Document(Pending::new(move || {
            record_to_document(&path, line_no, &text)
        })));
    }
}

/// A JSON file: an array of records (each reported by its position), or a single record.
fn read_json(path: &Path, text: &str, sink: &mut dyn FnMut(Item)) {
    let records = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Array(items)) => items,
        Ok(record @ serde_json::Value::Object(_)) => vec![record],
        Ok(_) => {
            return sink(Item::Error(IngestError::NotReports {
                path: path.to_path_buf(),
            }))
        }
        Err(err) => {
            return sink(Item::Error(IngestError::Json {
                path: path.to_path_buf(),
                line: err.line(),
                message: err.to_string(),
            }))
        }
    };
    for (i, value) in records.into_iter().enumerate() {
        let item = match serde_json::from_value::<Record>(value) {
            Ok(record) if record.id.is_some() || record.text.is_some() => {
                let path = path.to_path_buf();
                Item::Document(Pending::new(move || document_from_record(&path, i + 1, record)))
            }
            _ => Item::Error(IngestError::NotReports {
                path: path.join(format!("record {}", i + 1)),
            }),
        };
        sink(item);
    }
}

fn record_to_document(path: &Path, line: usize, text: &str) -> Result<Document, IngestError> {
    let record: Record = serde_json::from_str(text).map_err(|err| IngestError::Json {
        path: path.to_path_buf(),
        line,
        message: err.to_string(),
    })?;
    document_from_record(path, line, record)
}

/// A record as a document; `line` names it in errors (its line, or its place in an array).
fn document_from_record(path: &Path, line: usize, record: Record) -> Result<Document, IngestError> {
    let id = match &record.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => {
            return Err(IngestError::MissingField {
                path: path.to_path_buf(),
                line,
                field: "id",
            })
        }
    };
    let size = record
        .text
        .as_ref()
        .or(record.html.as_ref())
        .map_or(0, String::len);
    let limit = if record.text.is_some() {
        MAX_REPORT_BYTES
    } else {
        MAX_PAGE_BYTES
    };
    if size > limit {
        return Err(IngestError::TooLarge {
            path: path.join(format!("line {line}")),
            limit_mb: limit >> 20,
        });
    }
    let mut doc = match (record.text, record.html) {
        (Some(text), _) => Document::new(id, text),
        (None, Some(page)) => html::document_from_html(&id, &page),
        (None, None) => Document::new(id, String::new()),
    };
    if let Some(title) = record
        .title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
    {
        doc.title = Some(title);
    }
    doc.outlet = record.outlet.or(doc.outlet);
    doc.url = record.url.or(doc.url);
    doc.language = record.language.or(doc.language);
    doc.published = record
        .published
        .as_deref()
        .and_then(Published::parse)
        .or(doc.published)
        .or_else(|| dates::find_dateline(&doc.body, DATELINE_WINDOW).map(|f| f.published));
    doc.published = dates::bounded_by_url(doc.published, doc.url.as_deref());
    Ok(doc)
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
        read_jsonl(Path::new("r.jsonl"), text.as_bytes(), &mut |item| {
            batch.take(item)
        });
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
    fn json_arrays_are_read_record_by_record() {
        let mut batch = Batch::default();
        let text = r#"[{"id": "j1", "text": "Two died."}, {"id": "j2", "text": "One died.", "published": "2018-03-01"}, {"note": "x"}]"#;
        read_json(Path::new("r.json"), text, &mut |item| batch.take(item));
        let ids: Vec<&str> = batch.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["j1", "j2"]);
        assert_eq!(batch.errors.len(), 1);
        assert!(
            batch.errors[0].to_string().contains("r.json/record 3"),
            "{}",
            batch.errors[0]
        );

        let mut other = Batch::default();
        read_json(
            Path::new("truth.json"),
            r#"{"abc": {"articleBody": "…"}}"#,
            &mut |item| other.take(item),
        );
        assert!(other.documents.is_empty());
        assert!(
            other.errors[0].to_string().contains("JSON without reports"),
            "{}",
            other.errors[0]
        );
    }

    #[test]
    fn binary_and_latin1_inputs() {
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\n\0\0"), Some("PNG image"));
        assert_eq!(binary_kind("plain words".as_bytes()), None);
        match decode(b"Caf\xe9 bombed in Sa\xefda") {
            Decoded::Guessed(text, _) => assert_eq!(text, "Café bombed in Saïda"),
            Decoded::Utf8(_) | Decoded::Declared(_) => panic!("latin-1 not detected"),
        }
    }
}
