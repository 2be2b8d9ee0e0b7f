//! WARC crawls (`.warc`, `.warc.gz`), read record by record and never whole.
//!
//! Each HTML `response` record becomes a document whose id is its `WARC-Record-ID` and
//! whose address is its `WARC-Target-URI`. A gzipped crawl is read one gzip member at a
//! time (crawlers write one record a member), so a damaged member costs its own record:
//! it is reported with its byte offset and the reader moves on to the next member.
//!
//! Written by hand: the format is a few header lines and a length, and the crates for it
//! either read whole files or stop at the first damaged record.

use crate::IngestError;
use crate::{html, Item, Pending};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use tally_core::Published;

/// Records larger than this are reported and skipped; no news page comes near it.
const MAX_RECORD: u64 = 64 << 20;

/// A gzip member's first bytes: magic and the deflate method.
const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

fn damaged(path: &Path, offset: u64, message: impl std::fmt::Display) -> Item {
    Item::Error(IngestError::Damaged {
        path: path.to_path_buf(),
        offset,
        message: message.to_string(),
    })
}

/// A gzipped WARC, member by member.
pub fn read_warc_gz<R: Read>(path: &Path, raw: BufReader<R>, sink: &mut dyn FnMut(Item)) {
    let mut raw = Counting {
        inner: raw,
        offset: 0,
    };
    let mut skipped = 0usize;
    loop {
        match raw.fill_buf() {
            Ok([]) => break,
            Ok(_) => {}
            Err(err) => return sink(damaged(path, raw.offset, err)),
        }
        let start = raw.offset;
        let mut member = Vec::new();
        let result = flate2::bufread::GzDecoder::new(&mut raw)
            .take(MAX_RECORD + 1)
            .read_to_end(&mut member);
        match result {
            Ok(_) if member.len() as u64 > MAX_RECORD => {
                sink(damaged(path, start, "record larger than 64 MiB, skipped"));
                if !resync(&mut raw) {
                    break;
                }
            }
            Ok(_) => skipped += read_records(path, start, &member[..], sink),
            Err(err) => {
                sink(damaged(
                    path,
                    start,
                    format_args!("damaged gzip member ({err}), skipped"),
                ));
                // A member that failed at its very start is stepped over, never read again.
                if raw.offset == start {
                    raw.consume(1);
                }
                if !resync(&mut raw) {
                    break;
                }
            }
        }
    }
    note_skipped(path, skipped, sink);
}

/// An uncompressed WARC.
pub fn read_warc(path: &Path, reader: impl Read, sink: &mut dyn FnMut(Item)) {
    let skipped = read_records(path, 0, BufReader::new(reader), sink);
    note_skipped(path, skipped, sink);
}

fn note_skipped(path: &Path, skipped: usize, sink: &mut dyn FnMut(Item)) {
    if skipped > 0 {
        sink(Item::Notice(format!(
            "{}: {skipped} records were not HTML responses (requests, metadata, redirects, other media) and were passed over",
            path.display()
        )));
    }
}

/// Moves to the next gzip magic at or after the reader's position; false at the end.
fn resync<R: BufRead>(raw: &mut R) -> bool {
    loop {
        let (found, consumed) = match raw.fill_buf() {
            Ok([]) | Err(_) => return false,
            Ok(buf) if buf.len() < GZIP_MAGIC.len() => (false, buf.len()),
            Ok(buf) => match memchr::memmem::find(buf, &GZIP_MAGIC) {
                Some(i) => (true, i),
                // Keep the last bytes: a magic may straddle two reads.
                None => (false, buf.len() - (GZIP_MAGIC.len() - 1)),
            },
        };
        raw.consume(consumed);
        if found {
            return true;
        }
    }
}

/// Reads the records of a stream, reporting damaged ones by offset; how many records
/// were passed over as not HTML.
fn read_records(path: &Path, base: u64, reader: impl BufRead, sink: &mut dyn FnMut(Item)) -> usize {
    let mut reader = Counting {
        inner: reader,
        offset: base,
    };
    let mut skipped = 0;
    let mut line = Vec::new();
    loop {
        // The version line, after any blank lines between records.
        let start = reader.offset;
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => return skipped,
            Ok(_) => {}
            Err(err) => {
                sink(damaged(path, start, err));
                return skipped;
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if !line.starts_with(b"WARC/") {
            sink(damaged(
                path,
                start,
                "no WARC version line; skipped to the next record",
            ));
            if !skip_to_record(&mut reader) {
                return skipped;
            }
            continue;
        }
        let headers = match read_headers(&mut reader) {
            Ok(headers) => headers,
            Err(err) => {
                sink(damaged(path, start, err));
                return skipped;
            }
        };
        let header = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        let Some(length) = header("Content-Length").and_then(|l| l.trim().parse::<u64>().ok()) else {
            sink(damaged(
                path,
                start,
                "record without a Content-Length; skipped to the next record",
            ));
            if !skip_to_record(&mut reader) {
                return skipped;
            }
            continue;
        };
        if length > MAX_RECORD {
            sink(damaged(path, start, "record larger than 64 MiB, skipped"));
            if std::io::copy(&mut (&mut reader).take(length), &mut std::io::sink()).is_err() {
                return skipped;
            }
            continue;
        }
        let mut content = Vec::with_capacity(length as usize);
        match (&mut reader).take(length).read_to_end(&mut content) {
            Ok(n) if n as u64 == length => {}
            Ok(_) => {
                sink(damaged(path, start, "record cut short by the end of the file"));
                return skipped;
            }
            Err(err) => {
                sink(damaged(path, start, err));
                return skipped;
            }
        }
        let kind = header("WARC-Type").unwrap_or("");
        let id = header("WARC-Record-ID")
            .map(|i| i.trim().trim_start_matches('<').trim_end_matches('>').to_string())
            .unwrap_or_else(|| format!("{}@{start}", path.display()));
        let page = match kind {
            "response" => http_payload(&content),
            "resource" if header("Content-Type").is_some_and(is_html_type) => Ok(Some((content, None))),
            _ => Ok(None),
        };
        match page {
            Ok(Some((body, charset))) => {
                let record_path = path.join(&id);
                let text = html::decode_page(&record_path, &body, charset, sink);
                let url = header("WARC-Target-URI").map(str::to_string);
                // A news crawl fetches a page within hours of its publication: where the
                // page gives no date, the crawl's day stands in, as a date only.
                let crawled = header("WARC-Date")
                    .and_then(|d| d.get(..10))
                    .and_then(Published::parse);
                sink(Item::Document(Pending::new(move || {
                    let mut doc = html::document_from_html(&id, &text);
                    doc.url = url.or(doc.url);
                    doc.published =
                        crate::dates::bounded_by_url(doc.published.or(crawled), doc.url.as_deref());
                    Ok(doc)
                })));
            }
            Ok(None) => skipped += 1,
            Err(message) => sink(damaged(path, start, message)),
        }
    }
}

/// Skips lines up to the next that begins a record; false at the end of the stream.
fn skip_to_record(reader: &mut impl BufRead) -> bool {
    loop {
        let buf = match reader.fill_buf() {
            Ok([]) | Err(_) => return false,
            Ok(buf) => buf,
        };
        if buf.starts_with(b"WARC/") {
            return true;
        }
        match memchr::memmem::find(buf, b"\nWARC/") {
            Some(i) => {
                reader.consume(i + 1);
                return true;
            }
            None => {
                let keep = buf.len().min(5);
                let n = buf.len() - keep;
                reader.consume(n.max(1));
            }
        }
    }
}

/// Header lines up to a blank line, as (name, value).
fn read_headers(reader: &mut impl BufRead) -> Result<Vec<(String, String)>, String> {
    let mut headers = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = reader.read_until(b'\n', &mut line).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("record headers cut short by the end of the file".into());
        }
        if line.len() > 64 << 10 || headers.len() > 1000 {
            return Err("record headers too long".into());
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end();
        if text.is_empty() {
            return Ok(headers);
        }
        if let Some((name, value)) = text.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
}

fn is_html_type(content_type: &str) -> bool {
    let t = content_type.to_ascii_lowercase();
    t.contains("text/html") || t.contains("application/xhtml")
}

/// An HTTP response's HTML body and declared charset; `None` for anything but a
/// successful HTML response.
type Payload = Option<(Vec<u8>, Option<&'static encoding_rs::Encoding>)>;

fn http_payload(content: &[u8]) -> Result<Payload, String> {
    let Some(split) = memchr::memmem::find(content, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(content, b"\n\n").map(|i| (i, i + 2)))
    else {
        return Err("HTTP response without the blank line that ends its headers".into());
    };
    let head = String::from_utf8_lossy(&content[..split.0]);
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse::<u16>().ok());
    if !status.is_some_and(|s| (200..300).contains(&s)) {
        return Ok(None);
    }
    let mut content_type = None;
    let mut encoding = None;
    let mut chunked = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value),
            "content-encoding" => encoding = Some(value),
            "transfer-encoding" => chunked = value.contains("chunked"),
            _ => {}
        }
    }
    let body = &content[split.1..];
    let looks_html = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<');
    match &content_type {
        Some(t) if !is_html_type(t) => return Ok(None),
        None if !looks_html => return Ok(None),
        _ => {}
    }
    let charset = content_type
        .as_deref()
        .and_then(|t| t.split("charset=").nth(1))
        .map(|c| c.trim_matches(|ch: char| ch == '"' || ch == '\'' || ch.is_whitespace()))
        .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()));
    let mut body = if chunked && !looks_html {
        dechunk(body)?
    } else {
        body.to_vec()
    };
    match encoding.as_deref() {
        None | Some("identity") => {}
        Some("gzip" | "x-gzip") if body.starts_with(&[0x1f, 0x8b]) => {
            let mut plain = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(MAX_RECORD)
                .read_to_end(&mut plain)
                .map_err(|e| format!("gzip-encoded page does not decompress: {e}"))?;
            body = plain;
        }
        Some("deflate") => {
            let mut plain = Vec::new();
            flate2::read::ZlibDecoder::new(&body[..])
                .take(MAX_RECORD)
                .read_to_end(&mut plain)
                .map_err(|e| format!("deflate-encoded page does not decompress: {e}"))?;
            body = plain;
        }
        // Crawlers often store the decoded payload and keep the header: trust the bytes.
        Some(_) if looks_html => {}
        Some(other) => return Err(format!("page encoded as {other}, which tally does not decode")),
    }
    Ok(Some((body, charset)))
}

/// A chunked transfer encoding's payload.
fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = memchr::memchr(b'\n', body) else {
            return Err("chunked page without its final chunk".into());
        };
        let size_text = String::from_utf8_lossy(&body[..eol]);
        let size = usize::from_str_radix(size_text.trim().split(';').next().unwrap_or(""), 16)
            .map_err(|_| "chunked page with a bad chunk size".to_string())?;
        body = &body[eol + 1..];
        if size == 0 {
            return Ok(out);
        }
        if size > body.len() {
            return Err("chunked page cut short".into());
        }
        out.extend_from_slice(&body[..size]);
        body = &body[size..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

/// A reader that knows how many bytes have been taken from it.
struct Counting<R> {
    inner: R,
    offset: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.offset += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.offset += amount as u64;
        self.inner.consume(amount);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(id: &str, uri: &str, html: &str) -> Vec<u8> {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2019-03-01T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            http.len()
        )
        .into_bytes();
        out.extend_from_slice(http.as_bytes());
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    const PAGE: &str = "<title>Strike on a school - Wire</title><article><p>An airstrike hit a school near Maarat al-Numan on Tuesday, killing nine children, rescuers said.</p></article>";

    fn read(bytes: &[u8]) -> (Vec<tally_core::Document>, Vec<String>) {
        let mut docs = Vec::new();
        let mut errors = Vec::new();
        let mut sink = |item: Item| match item {
            Item::Document(d) => docs.push(d.build().unwrap()),
            Item::Error(e) => errors.push(e.to_string()),
            Item::Notice(_) => {}
        };
        if bytes.starts_with(&[0x1f, 0x8b]) {
            read_warc_gz(Path::new("crawl.warc.gz"), BufReader::new(bytes), &mut sink);
        } else {
            read_warc(Path::new("crawl.warc"), bytes, &mut sink);
        }
        (docs, errors)
    }

    #[test]
    fn response_records_become_documents() {
        let mut warc = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n".to_vec();
        warc.extend(record("a", "https://example.org/a", PAGE));
        let (docs, errors) = read(&warc);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, "urn:uuid:a");
        assert_eq!(docs[0].url.as_deref(), Some("https://example.org/a"));
        assert_eq!(docs[0].title.as_deref(), Some("Strike on a school"));
        assert_eq!(docs[0].published.unwrap().to_string(), "2019-03-01");
    }

    #[test]
    fn a_damaged_gzip_member_costs_one_record() {
        let mut crawl = Vec::new();
        for id in ["a", "b", "c"] {
            let mut member = gzip(&record(id, "https://example.org/", PAGE));
            if id == "b" {
                let middle = member.len() / 2;
                member[middle..middle + 8].copy_from_slice(b"XXXXXXXX");
            }
            crawl.extend(member);
        }
        let (docs, errors) = read(&crawl);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["urn:uuid:a", "urn:uuid:c"]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("crawl.warc.gz"), "{}", errors[0]);
    }

    #[test]
    fn a_damaged_uncompressed_record_is_skipped() {
        let mut warc = record("a", "https://example.org/a", PAGE);
        warc.extend(b"garbage where a record should start\r\n".iter());
        warc.extend(record("c", "https://example.org/c", PAGE));
        let (docs, errors) = read(&warc);
        assert_eq!(docs.len(), 2);
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn a_truncated_crawl_keeps_what_came_before() {
        let mut crawl = gzip(&record("a", "https://example.org/a", PAGE));
        let second = gzip(&record("b", "https://example.org/b", PAGE));
        crawl.extend_from_slice(&second[..second.len() / 2]);
        let (docs, errors) = read(&crawl);
        assert_eq!(docs.len(), 1);
        assert_eq!(errors.len(), 1);
    }
}
