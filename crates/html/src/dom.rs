//! A forgiving HTML parser into a flat tree: nodes in document order, each element
//! knowing where its subtree ends, so that a subtree is a contiguous range of nodes.
//!
//! Written by hand for speed. A WHATWG tree builder (html5ever, which scraper and the
//! trafilatura ports use) spends most of tally's time budget on a page before any
//! extraction starts; extraction needs far less than the standard's full recovery rules:
//! elements with their attributes, text, and the end tags HTML lets authors leave out.
//! Nothing is copied out of the page: names, attribute values and text are byte ranges
//! into it, and entities are decoded only in the text that is kept.

use memchr::memchr;
use std::ops::Range;

/// Elements nest no deeper than this; deeper elements are kept as text holders of their
/// ancestor at the limit, so that a hostile page cannot exhaust the stack or memory.
pub const MAX_DEPTH: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    A,
    Article,
    Aside,
    B,
    Blockquote,
    Body,
    Br,
    Button,
    Dd,
    Div,
    Dl,
    Dt,
    Em,
    Figcaption,
    Figure,
    Footer,
    Form,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Head,
    Header,
    Hr,
    Html,
    I,
    Iframe,
    Img,
    Input,
    Li,
    Link,
    Main,
    Menu,
    Meta,
    Nav,
    Noscript,
    Ol,
    Option,
    P,
    Pre,
    Script,
    Section,
    Select,
    Span,
    Strong,
    Style,
    Svg,
    Table,
    Tbody,
    Td,
    Template,
    Textarea,
    Th,
    Thead,
    Time,
    Title,
    Tr,
    Ul,
    /// Any other element, by name.
    Other,
}

impl Tag {
    fn from_name(name: &[u8]) -> Tag {
        let mut lower = [0u8; 10];
        if name.len() > lower.len() {
            return Tag::Other;
        }
        for (l, b) in lower.iter_mut().zip(name) {
            *l = b.to_ascii_lowercase();
        }
        match &lower[..name.len()] {
            b"a" => Tag::A,
            b"article" => Tag::Article,
            b"aside" => Tag::Aside,
            b"b" => Tag::B,
            b"blockquote" => Tag::Blockquote,
            b"body" => Tag::Body,
            b"br" => Tag::Br,
            b"button" => Tag::Button,
            b"dd" => Tag::Dd,
            b"div" => Tag::Div,
            b"dl" => Tag::Dl,
            b"dt" => Tag::Dt,
            b"em" => Tag::Em,
            b"figcaption" => Tag::Figcaption,
            b"figure" => Tag::Figure,
            b"footer" => Tag::Footer,
            b"form" => Tag::Form,
            b"h1" => Tag::H1,
            b"h2" => Tag::H2,
            b"h3" => Tag::H3,
            b"h4" => Tag::H4,
            b"h5" => Tag::H5,
            b"h6" => Tag::H6,
            b"head" => Tag::Head,
            b"header" => Tag::Header,
            b"hr" => Tag::Hr,
            b"html" => Tag::Html,
            b"i" => Tag::I,
            b"iframe" => Tag::Iframe,
            b"img" => Tag::Img,
            b"input" => Tag::Input,
            b"li" => Tag::Li,
            b"link" => Tag::Link,
            b"main" => Tag::Main,
            b"menu" => Tag::Menu,
            b"meta" => Tag::Meta,
            b"nav" => Tag::Nav,
            b"noscript" => Tag::Noscript,
            b"ol" => Tag::Ol,
            b"option" => Tag::Option,
            b"p" => Tag::P,
            b"pre" => Tag::Pre,
            b"script" => Tag::Script,
            b"section" => Tag::Section,
            b"select" => Tag::Select,
            b"span" => Tag::Span,
            b"strong" => Tag::Strong,
            b"style" => Tag::Style,
            b"svg" => Tag::Svg,
            b"table" => Tag::Table,
            b"tbody" => Tag::Tbody,
            b"td" => Tag::Td,
            b"template" => Tag::Template,
            b"textarea" => Tag::Textarea,
            b"th" => Tag::Th,
            b"thead" => Tag::Thead,
            b"time" => Tag::Time,
            b"title" => Tag::Title,
            b"tr" => Tag::Tr,
            b"ul" => Tag::Ul,
            _ => Tag::Other,
        }
    }

    /// Elements that never have content.
    fn is_void(name: &[u8]) -> bool {
        const VOID: &[&[u8]] = &[
            b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
            b"source", b"track", b"wbr",
        ];
        VOID.iter().any(|v| v.eq_ignore_ascii_case(name))
    }

    /// Elements whose content is text up to their own end tag, never markup.
    fn is_raw_text(name: &[u8]) -> bool {
        const RAW: &[&[u8]] = &[
            b"script",
            b"style",
            b"textarea",
            b"title",
            b"noscript",
            b"iframe",
            b"xmp",
            b"noembed",
            b"noframes",
        ];
        RAW.iter().any(|v| v.eq_ignore_ascii_case(name))
    }

    /// Elements that start a block: text on either side of them is a separate paragraph.
    pub fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::A
                | Tag::B
                | Tag::Em
                | Tag::I
                | Tag::Img
                | Tag::Span
                | Tag::Strong
                | Tag::Time
                | Tag::Other
                | Tag::Input
                | Tag::Button
                | Tag::Select
                | Tag::Option
        )
    }

    /// Blocks that close an open paragraph when they start.
    fn closes_p(self) -> bool {
        matches!(
            self,
            Tag::Article
                | Tag::Aside
                | Tag::Blockquote
                | Tag::Div
                | Tag::Dl
                | Tag::Figure
                | Tag::Footer
                | Tag::Form
                | Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::Header
                | Tag::Hr
                | Tag::Main
                | Tag::Menu
                | Tag::Nav
                | Tag::Ol
                | Tag::P
                | Tag::Pre
                | Tag::Section
                | Tag::Table
                | Tag::Ul
        )
    }

    pub fn is_heading(self) -> bool {
        matches!(self, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Element(Tag),
    Text,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    /// An element's name, or a text's bytes, in the page.
    pub src: Range<u32>,
    /// An element's attributes, in [`Dom::attrs`].
    pub attrs: Range<u32>,
    /// One past the last node of this node's subtree.
    pub end: u32,
    pub parent: u32,
}

#[derive(Debug, Clone)]
pub struct Attr {
    pub name: Range<u32>,
    pub value: Range<u32>,
}

/// A parsed page. Node 0 is the document itself, an element with tag `Other`.
#[derive(Debug)]
pub struct Dom<'a> {
    pub html: &'a str,
    pub nodes: Vec<Node>,
    pub attrs: Vec<Attr>,
}

impl<'a> Dom<'a> {
    pub fn parse(html: &'a str) -> Dom<'a> {
        Parser::new(html).run()
    }

    pub fn tag(&self, node: usize) -> Option<Tag> {
        match self.nodes[node].kind {
            Kind::Element(tag) => Some(tag),
            Kind::Text => None,
        }
    }

    /// Raw bytes of a range of the page, as text; ranges always fall on character
    /// boundaries because the parser cuts only at ASCII bytes.
    pub fn slice(&self, range: &Range<u32>) -> &'a str {
        &self.html[range.start as usize..range.end as usize]
    }

    /// An element's name as written.
    pub fn name(&self, node: usize) -> &'a str {
        self.slice(&self.nodes[node].src)
    }

    /// The raw value of an element's attribute, entities not decoded.
    pub fn attr(&self, node: usize, name: &str) -> Option<&'a str> {
        let range = &self.nodes[node].attrs;
        self.attrs[range.start as usize..range.end as usize]
            .iter()
            .find(|a| self.slice(&a.name).eq_ignore_ascii_case(name))
            .map(|a| self.slice(&a.value))
    }

    /// An attribute's value with entities decoded and white space trimmed.
    pub fn attr_text(&self, node: usize, name: &str) -> Option<String> {
        let raw = self.attr(node, name)?;
        let text = html_escape::decode_html_entities(raw.trim());
        (!text.is_empty()).then(|| text.into_owned())
    }

    /// The children of `node`, in order.
    pub fn children(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.nodes[node].end as usize;
        let mut next = node + 1;
        std::iter::from_fn(move || {
            if next >= end {
                return None;
            }
            let child = next;
            next = self.nodes[child].end as usize;
            Some(child)
        })
    }

    /// Elements with this tag, in document order.
    pub fn elements(&self, tag: Tag) -> impl Iterator<Item = usize> + '_ {
        (0..self.nodes.len()).filter(move |&n| self.nodes[n].kind == Kind::Element(tag))
    }

    /// The text of a subtree with entities decoded and white space collapsed, blocks not
    /// separated: for headlines and short fields.
    pub fn text(&self, node: usize) -> String {
        let mut out = String::new();
        let end = self.nodes[node].end as usize;
        let mut n = node;
        while n < end {
            match self.nodes[n].kind {
                Kind::Text => push_collapsed(&mut out, &decode(self.slice(&self.nodes[n].src))),
                Kind::Element(Tag::Script | Tag::Style | Tag::Template) => {
                    n = self.nodes[n].end as usize;
                    continue;
                }
                Kind::Element(_) => {}
            }
            n += 1;
        }
        out.trim_end().to_string()
    }
}

/// Text with its character references decoded.
pub fn decode(raw: &str) -> std::borrow::Cow<'_, str> {
    if raw.contains('&') {
        html_escape::decode_html_entities(raw)
    } else {
        std::borrow::Cow::Borrowed(raw)
    }
}

/// Appends `text` to `out` with each run of white space as one space, and none at the
/// start of `out` or after a line break.
pub fn push_collapsed(out: &mut String, text: &str) {
    for (i, word) in text.split(|c: char| c.is_whitespace()).enumerate() {
        if word.is_empty() {
            if i == 0 && !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
            continue;
        }
        if i > 0 && !out.is_empty() && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
        out.push_str(word);
    }
    if text.ends_with(char::is_whitespace) && !out.is_empty() && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
}

struct Parser<'a> {
    html: &'a str,
    bytes: &'a [u8],
    pos: usize,
    nodes: Vec<Node>,
    attrs: Vec<Attr>,
    /// Open elements, as node indices; the document is at the bottom.
    open: Vec<u32>,
    /// Open elements past [`MAX_DEPTH`], counted but not kept.
    overflow: usize,
}

impl<'a> Parser<'a> {
    fn new(html: &'a str) -> Parser<'a> {
        let mut nodes = Vec::with_capacity(html.len() / 40);
        nodes.push(Node {
            kind: Kind::Element(Tag::Other),
            src: 0..0,
            attrs: 0..0,
            end: 0,
            parent: 0,
        });
        Parser {
            html,
            bytes: html.as_bytes(),
            pos: 0,
            nodes,
            attrs: Vec::with_capacity(html.len() / 60),
            open: vec![0],
            overflow: 0,
        }
    }

    fn run(mut self) -> Dom<'a> {
        let len = self.bytes.len();
        while self.pos < len {
            let Some(lt) = memchr(b'<', &self.bytes[self.pos..]) else {
                self.text(self.pos, len);
                break;
            };
            let lt = self.pos + lt;
            if lt > self.pos {
                self.text(self.pos, lt);
            }
            self.pos = lt;
            self.markup();
        }
        while self.open.len() > 1 {
            self.close_top();
        }
        let n = self.nodes.len() as u32;
        self.nodes[0].end = n;
        Dom {
            html: self.html,
            nodes: self.nodes,
            attrs: self.attrs,
        }
    }

    fn text(&mut self, start: usize, end: usize) {
        let parent = *self.open.last().expect("the document is always open");
        self.nodes.push(Node {
            kind: Kind::Text,
            src: start as u32..end as u32,
            attrs: 0..0,
            end: self.nodes.len() as u32 + 1,
            parent,
        });
    }

    /// At a `<`: a tag, an end tag, a comment, a declaration, or a stray `<` as text.
    fn markup(&mut self) {
        let rest = &self.bytes[self.pos..];
        match rest.get(1) {
            Some(b'!') => {
                if rest.starts_with(b"<!--") {
                    self.pos = match memchr::memmem::find(&rest[4..], b"-->") {
                        Some(i) => self.pos + 4 + i + 3,
                        None => self.bytes.len(),
                    };
                } else {
                    self.skip_past(b'>');
                }
            }
            Some(b'?') => self.skip_past(b'>'),
            Some(b'/') => self.end_tag(),
            Some(b) if b.is_ascii_alphabetic() => self.start_tag(),
            _ => {
                self.text(self.pos, self.pos + 1);
                self.pos += 1;
            }
        }
    }

    fn skip_past(&mut self, byte: u8) {
        self.pos = match memchr(byte, &self.bytes[self.pos..]) {
            Some(i) => self.pos + i + 1,
            None => self.bytes.len(),
        };
    }

    fn name_end(&self, start: usize) -> usize {
        let mut end = start;
        while end < self.bytes.len()
            && !matches!(self.bytes[end], b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'/' | b'>')
        {
            end += 1;
        }
        end
    }

    fn end_tag(&mut self) {
        let start = self.pos + 2;
        let end = self.name_end(start);
        self.skip_past(b'>');
        if end == start {
            return;
        }
        let name = &self.bytes[start..end];
        if self.overflow > 0 {
            self.overflow -= 1;
            return;
        }
        let tag = Tag::from_name(name);
        if tag == Tag::Br {
            // `</br>` is read as `<br>`, as browsers do.
            self.push_element(Tag::Br, start..end, 0..0, true);
            return;
        }
        // Close up to the nearest open element of this name; an end tag with none open is
        // ignored. A `</p>`, `</li>` and the like never closes past a table or list of its own.
        let html = self.html;
        let found = self.open.iter().rev().take_while(|&&n| n != 0).position(|&n| {
            let node = &self.nodes[n as usize];
            node.kind == Kind::Element(tag)
                && (tag != Tag::Other
                    || html.as_bytes()[node.src.start as usize..node.src.end as usize]
                        .eq_ignore_ascii_case(name))
        });
        if let Some(depth) = found {
            for _ in 0..=depth {
                self.close_top();
            }
        }
    }

    fn start_tag(&mut self) {
        let start = self.pos + 1;
        let end = self.name_end(start);
        let name_range = start..end;
        let first_attr = self.attrs.len();
        self.pos = end;
        let self_closing = self.attributes();
        let attrs = first_attr as u32..self.attrs.len() as u32;
        let name = &self.bytes[name_range.clone()];
        let tag = Tag::from_name(name);
        let void = Tag::is_void(name) || self_closing && (tag == Tag::Other || tag == Tag::Svg);
        // A head left open: the first element a head cannot hold ends it, as browsers do,
        // rather than taking the whole page into the head.
        if self.overflow == 0
            && self.open.last().is_some_and(|&top| self.tag_of(top) == Tag::Head)
            && !is_head_content(name)
        {
            self.close_top();
        }
        self.implied_ends(tag);
        self.push_element(tag, name_range, attrs, void);
        if !void && Tag::is_raw_text(name) {
            // Raw text runs to the matching end tag, whatever it holds.
            let body_start = self.pos;
            let body_end = self.raw_text_end(name);
            if body_end > body_start {
                self.text(body_start, body_end);
            }
            self.pos = body_end;
        }
    }

    /// The end of a raw-text element's content: the start of its end tag, or the page's end.
    fn raw_text_end(&self, name: &[u8]) -> usize {
        let mut at = self.pos;
        while let Some(i) = memchr::memmem::find(&self.bytes[at..], b"</") {
            let tag = at + i + 2;
            let after = tag + name.len();
            if after <= self.bytes.len()
                && self.bytes[tag..after].eq_ignore_ascii_case(name)
                && self
                    .bytes
                    .get(after)
                    .is_none_or(|b| matches!(b, b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/'))
            {
                return at + i;
            }
            at = tag;
        }
        self.bytes.len()
    }

    /// Reads attributes up to the end of the tag; whether the tag ends with `/>`.
    fn attributes(&mut self) -> bool {
        let bytes = self.bytes;
        let len = bytes.len();
        loop {
            while self.pos < len && matches!(bytes[self.pos], b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
                self.pos += 1;
            }
            if self.pos >= len {
                return false;
            }
            match bytes[self.pos] {
                b'>' => {
                    self.pos += 1;
                    return false;
                }
                b'/' => {
                    self.pos += 1;
                    if bytes.get(self.pos) == Some(&b'>') {
                        self.pos += 1;
                        return true;
                    }
                    continue;
                }
                _ => {}
            }
            let name_start = self.pos;
            while self.pos < len
                && !matches!(
                    bytes[self.pos],
                    b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'/' | b'>' | b'='
                )
            {
                self.pos += 1;
            }
            // A name of one `=` or quote: skip the byte so that the loop moves on.
            if self.pos == name_start {
                self.pos += 1;
                continue;
            }
            let name = name_start..self.pos;
            while self.pos < len && matches!(bytes[self.pos], b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
                self.pos += 1;
            }
            let mut value = self.pos..self.pos;
            if bytes.get(self.pos) == Some(&b'=') {
                self.pos += 1;
                while self.pos < len && matches!(bytes[self.pos], b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
                    self.pos += 1;
                }
                match bytes.get(self.pos) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let start = self.pos + 1;
                        let end = memchr(q, &bytes[start..]).map_or(len, |i| start + i);
                        value = start..end;
                        self.pos = (end + 1).min(len);
                    }
                    _ => {
                        let start = self.pos;
                        while self.pos < len
                            && !matches!(bytes[self.pos], b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'>')
                        {
                            self.pos += 1;
                        }
                        value = start..self.pos;
                    }
                }
            }
            self.attrs.push(Attr {
                name: name.start as u32..name.end as u32,
                value: value.start as u32..value.end as u32,
            });
        }
    }

    /// Closes the elements HTML lets an author leave open when `tag` starts.
    fn implied_ends(&mut self, tag: Tag) {
        if self.overflow > 0 {
            return;
        }
        let closes = |open: Tag| match open {
            Tag::P => tag.closes_p(),
            Tag::Li => tag == Tag::Li,
            Tag::Dt | Tag::Dd => matches!(tag, Tag::Dt | Tag::Dd),
            Tag::Option => tag == Tag::Option,
            Tag::Td | Tag::Th => matches!(tag, Tag::Td | Tag::Th | Tag::Tr),
            Tag::Tr => tag == Tag::Tr,
            _ => false,
        };
        // Looking up through inline elements only, or, for list items and cells, up to
        // their own list or table.
        let boundary = |open: Tag| match tag {
            Tag::Li => matches!(open, Tag::Ul | Tag::Ol | Tag::Menu | Tag::Table),
            Tag::Dt | Tag::Dd => matches!(open, Tag::Dl | Tag::Table),
            Tag::Td | Tag::Th | Tag::Tr => matches!(open, Tag::Table | Tag::Tbody | Tag::Thead),
            Tag::Option => open == Tag::Select,
            _ => open.is_block(),
        };
        for depth in (1..self.open.len()).rev() {
            let open = self.tag_of(self.open[depth]);
            if closes(open) {
                while self.open.len() > depth {
                    self.close_top();
                }
                return;
            }
            if boundary(open) {
                return;
            }
        }
    }

    fn tag_of(&self, node: u32) -> Tag {
        match self.nodes[node as usize].kind {
            Kind::Element(tag) => tag,
            Kind::Text => Tag::Other,
        }
    }

    fn push_element(&mut self, tag: Tag, name: Range<usize>, attrs: Range<u32>, void: bool) {
        if self.overflow > 0 || self.open.len() > MAX_DEPTH {
            if !void {
                self.overflow += 1;
            }
            return;
        }
        let index = self.nodes.len() as u32;
        let parent = *self.open.last().expect("the document is always open");
        self.nodes.push(Node {
            kind: Kind::Element(tag),
            src: name.start as u32..name.end as u32,
            attrs,
            end: index + 1,
            parent,
        });
        if !void {
            self.open.push(index);
        }
    }

    fn close_top(&mut self) {
        if let Some(node) = self.open.pop() {
            let end = self.nodes.len() as u32;
            self.nodes[node as usize].end = end;
        }
    }
}

/// Whether an element may stand in a page's head.
fn is_head_content(name: &[u8]) -> bool {
    [
        &b"title"[..],
        b"meta",
        b"link",
        b"style",
        b"script",
        b"noscript",
        b"base",
        b"template",
    ]
    .iter()
    .any(|n| name.eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(html: &str) -> String {
        let dom = Dom::parse(html);
        let mut out = String::new();
        fn walk(dom: &Dom<'_>, node: usize, out: &mut String) {
            match dom.nodes[node].kind {
                Kind::Text => out.push_str(dom.slice(&dom.nodes[node].src).trim()),
                Kind::Element(_) => {
                    let name = dom.name(node).to_ascii_lowercase();
                    out.push_str(&format!("<{name}>"));
                    for child in dom.children(node) {
                        walk(dom, child, out);
                    }
                    out.push_str(&format!("</{name}>"));
                }
            }
        }
        for child in dom.children(0) {
            walk(&dom, child, &mut out);
        }
        out
    }

    #[test]
    fn paragraphs_and_list_items_close_themselves() {
        assert_eq!(
            outline("<div><p>One<p>Two<ul><li>a<li>b</ul></div>"),
            "<div><p>One</p><p>Two</p><ul><li>a</li><li>b</li></ul></div>"
        );
    }

    #[test]
    fn scripts_are_raw_text_and_stray_end_tags_are_ignored() {
        assert_eq!(
            outline("<p>a</span>b<script>if (a < b) { x = '</p>' }</script></p>"),
            "<p>ab<script>if (a < b) { x = '</p>' }</script></p>"
        );
    }

    #[test]
    fn attributes_quoted_unquoted_and_bare() {
        let dom = Dom::parse(r#"<div class="story body" id=main hidden data-x='a>b'>t</div>"#);
        assert_eq!(dom.attr(1, "class"), Some("story body"));
        assert_eq!(dom.attr(1, "ID"), Some("main"));
        assert_eq!(dom.attr(1, "hidden"), Some(""));
        assert_eq!(dom.attr(1, "data-x"), Some("a>b"));
        assert_eq!(dom.text(1), "t");
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        let dom = Dom::parse(&html);
        assert!(dom.nodes.len() <= MAX_DEPTH + 3);
        assert_eq!(dom.text(0), "deep");
    }

    #[test]
    fn unclosed_comments_and_tags_end_at_the_page_end() {
        assert_eq!(outline("<p>a<!-- never closed"), "<p>a</p>");
        assert_eq!(outline("<p>a<div class=\"x"), "<p>a</p><div></div>");
    }
}
