//! A news web page in, its report out: headline, date, byline, outlet and main text.
//!
//! ```
//! let page = tally_html::extract("<title>Blast in Homs - Courier</title><article><p>A car bomb killed five people in Homs on Monday, the governor said.</p></article>");
//! assert_eq!(page.title.as_deref(), Some("Blast in Homs"));
//! assert!(page.body.starts_with("A car bomb killed five people"));
//! ```

mod body;
pub mod dom;
mod meta;

pub use meta::Meta;

/// What a page yields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub meta: Meta,
    /// The main text, paragraphs separated by a blank line; empty where the page has none.
    pub body: String,
}

impl std::ops::Deref for Page {
    type Target = Meta;
    fn deref(&self) -> &Meta {
        &self.meta
    }
}

/// Reads a page.
pub fn extract(html: &str) -> Page {
    let dom = dom::Dom::parse(html);
    let mut meta = meta::read(&dom);
    let mut body = body::main_text(&dom);
    // A page that renders its report by script may still carry it in its JSON-LD.
    if let Some(linked) = meta.linked_body.take() {
        if linked.len() > 2 * body.len() {
            body = linked.trim().to_string();
        }
    }
    Page { meta, body }
}

/// Why a page's main text came out as it did: the best-scored containers and the one chosen.
pub fn explain(html: &str) -> String {
    body::explain(&dom::Dom::parse(html))
}
