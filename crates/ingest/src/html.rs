//! Saved web pages: the charset they declare, and their report through `tally-html`.

use crate::{dates, decode_with, Decoded, Item, DATELINE_WINDOW};
use std::path::Path;
use tally_core::{Document, Published};

/// How far into a page its `<meta charset>` is looked for, as browsers do.
const CHARSET_WINDOW: usize = 4096;

/// The encoding a page declares in a `<meta charset>` or `http-equiv` tag near its start.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(CHARSET_WINDOW)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&lower[from..], b"charset") {
        let mut i = from + at + "charset".len();
        from = i;
        while lower.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while lower
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/'))
            .map_or(lower.len(), |p| i + p);
        if let Some(encoding) = encoding_rs::Encoding::for_label(&lower[i..end]) {
            return Some(encoding);
        }
    }
    None
}

/// A page's text: by its byte-order mark, else the charset the transport or the page
/// declares, else detected. A page declared as a single-byte charset whose bytes are
/// valid UTF-8 with non-ASCII text is read as UTF-8, the commonest mislabel on the web.
pub fn decode_page(
    path: &Path,
    bytes: &[u8],
    transport: Option<&'static encoding_rs::Encoding>,
    sink: &mut dyn FnMut(Item),
) -> String {
    let declared = transport.or_else(|| declared_charset(bytes));
    let declared = declared
        .filter(|&d| d == encoding_rs::UTF_8 || bytes.is_ascii() || std::str::from_utf8(bytes).is_err());
    match decode_with(bytes, declared) {
        Decoded::Utf8(text) | Decoded::Declared(text) => text,
        Decoded::Guessed(text, encoding) => {
            sink(Item::Notice(format!(
                "{}: no charset declared and not UTF-8, decoded as {encoding}",
                path.display()
            )));
            text
        }
    }
}

/// A page as a document: its main text as the body, its headline, date, outlet, address
/// and language as the page gives them, and its dateline where it gives no date.
pub fn document_from_html(id: &str, html: &str) -> Document {
    let page = tally_html::extract(html);
    let mut doc = Document::new(id, page.body);
    doc.title = page.meta.title;
    doc.published = page
        .meta
        .published
        .as_deref()
        .and_then(Published::parse)
        .or_else(|| dates::find_dateline(&doc.body, DATELINE_WINDOW).map(|f| f.published));
    doc.outlet = page.meta.outlet;
    doc.url = page.meta.url;
    doc.language = page.meta.language;
    doc.author = page.meta.author;
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_declared_in_meta_tags() {
        assert_eq!(
            declared_charset(br#"<meta charset="ISO-8859-1">"#),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(
            declared_charset(
                br#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">"#
            ),
            Some(encoding_rs::WINDOWS_1256)
        );
        assert_eq!(declared_charset(b"<p>no charset here</p>"), None);
    }

    #[test]
    fn a_page_in_its_declared_charset() {
        let mut bytes = b"<meta charset=windows-1252><title>Caf\xe9 bombing</title><p>".to_vec();
        bytes.extend_from_slice(
            b"Five people were killed at a caf\xe9 in the old town on Sunday, police said.</p>",
        );
        let text = decode_page(Path::new("p.html"), &bytes, None, &mut |_| {});
        let doc = document_from_html("p.html", &text);
        assert_eq!(doc.title.as_deref(), Some("Café bombing"));
        assert!(doc.body.contains("at a café in the old town"));
    }
}
