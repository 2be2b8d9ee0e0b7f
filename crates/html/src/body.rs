//! The main text of a page: page chrome removed, the container that holds the report
//! found by its paragraphs, and its text laid out one paragraph a line.
//!
//! The container is scored as readability does (paragraphs vote for their parent and,
//! less, their grandparent; links count against), with markup that names an article body
//! (`itemprop="articleBody"`, `<article>`) as a strong hint, and page chrome (navigation,
//! share bars, related stories, comments, cookie banners) left out by tag and by the words
//! of its `class` and `id`.

use crate::dom::{decode, push_collapsed, Dom, Kind, Tag};

/// Words of a `class` or `id` that mark page chrome.
const CHROME: &[&str] = &[
    "ad",
    "ads",
    "adsbygoogle",
    "advert",
    "advertisement",
    "advertising",
    "affiliate",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "disqus",
    "dropdown",
    "footer",
    "gdpr",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "pagination",
    "popular",
    "popup",
    "promo",
    "recirc",
    "recommended",
    "recommendations",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "toolbar",
    "trending",
];

/// Lines that are page furniture whatever page they are on, in the languages of the web
/// tally reads: the heads of "related", "about the author" and "share" boxes, lower-cased,
/// without their closing punctuation. A line is left out when it is one of these.
const FURNITURE_LINES: &[&str] = &[
    "%d bloggern gefällt das",
    "about the author",
    "advertisement",
    "anzeige",
    "artikel",
    "artikel teilen",
    "audios et vidéos sur le sujet",
    "autor",
    "autoren",
    "bild anzeigen bild schließen",
    "comments",
    "contexto de la noticia",
    "das könnte dich auch interessieren",
    "das könnte sie auch interessieren",
    "den artikel mit anderen teilen/diskutieren",
    "drucken",
    "drukuj",
    "empfohlene beiträge",
    "entdecke weitere homestorys",
    "entdecken sie jetzt",
    "erschienen in",
    "escucha esta nota aquí",
    "externer inhalt",
    "folgen sie uns",
    "follow us",
    "gefällt mir wird geladen",
    "heute empfehlen wir",
    "hier können sie den artikel bewerten",
    "inhaltsverzeichnis",
    "jetzt teilen",
    "kommentare",
    "kommentieren",
    "kontakt",
    "leave a comment",
    "leer más",
    "lesen sie auch",
    "like it? share it",
    "lire aussi",
    "mehr themen",
    "mehr zum thema",
    "meistgelesen",
    "more stories",
    "most read",
    "möchten sie den artikel teilen",
    "news",
    "noch keine bewertungen",
    "pressemitteilung als pdf",
    "print",
    "quellen ausblenden",
    "quellenangaben",
    "read more",
    "recommended for you",
    "related articles",
    "related stories",
    "schon gelesen",
    "see also",
    "share on facebook",
    "share this",
    "share this article",
    "sie sind aktuell nicht eingeloggt",
    "sobre el autor",
    "te puede interesar",
    "teilen",
    "veja também",
    "verwandte themenbereiche",
    "vorschau auf den nächsten artikel",
    "war der artikel nützlich",
    "weitere beiträge",
    "weitere informationen",
    "weiterführende informationen",
    "weiterlesen",
    "wie bewerten sie diesen artikel",
    "you may also like",
    "zobacz także",
    "zum weiterlesen",
    "zusatzinformationen",
    "à lire aussi",
    "à propos de l'auteur",
    "über den autor",
];

/// Beginnings of short lines that credit a picture, file a page under a heading or stamp
/// its date, rather than tell the story: "Foto: dpa", "Kategorie: News", "Aktualisiert: …".
const FURNITURE_PREFIXES: &[&str] = &[
    "(c) ",
    "(crédito:",
    "*werbung",
    "aktualisiert am",
    "aktualisiert:",
    "anzeige -",
    "anzeige:",
    "bild:",
    "bilder:",
    "categories:",
    "category:",
    "credit:",
    "credits:",
    "crédit photo",
    "crédits photo",
    "das könnte dich",
    "das könnte sie",
    "e-mail (wird benötigt",
    "foto:",
    "fotos:",
    "hazte miembro",
    "image:",
    "jede kleine spende",
    "jetzt abonnieren",
    "join our",
    "kategorie:",
    "keine kommentare",
    "lesen sie auch",
    "lire aussi",
    "mehr kolumnen",
    "mehr zum thema",
    "news date",
    "newsletter",
    "originalartikel:",
    "permalien",
    "permalink",
    "photo:",
    "photos:",
    "published:",
    "publiziert:",
    "quelle:",
    "read more:",
    "related:",
    "release date:",
    "rezept drucken",
    "schlagwörter:",
    "scroll to read more",
    "see also:",
    "sie müssen sich einloggen",
    "sign up",
    "subscribe now",
    "suggested citation",
    "tags:",
    "themen:",
    "titelbild:",
    "unterstützen sie",
    "updated:",
    "veröffentlicht am",
    "veröffentlicht:",
    "weitere beiträge",
    "weitere informationen",
    "weitere infos unter",
    "weitere tourentipps",
    "©",
    "à lire aussi",
    "źródło:",
];

/// Whether a line of the main text is page furniture ([`FURNITURE_LINES`],
/// [`FURNITURE_PREFIXES`], a picture's credit, a server's error message). Only short
/// lines: a paragraph that begins "Quelle:" and goes on is text.
fn is_furniture(line: &str) -> bool {
    // Only short lines are looked at closely: a paragraph is counted to 16 words and its
    // beginning lower-cased, rather than the whole of it, since every paragraph comes here.
    let words = line.split_whitespace().take(16).count();
    let head: String = line.chars().take(12).collect::<String>().to_lowercase();
    // A server's error printed into the page: "Warning: … in /www/…/classes.php on line 407".
    if ["warning:", "notice:", "deprecated:", "fatal error:"]
        .iter()
        .any(|p| head.starts_with(p))
        && line.to_lowercase().contains(" on line ")
    {
        return true;
    }
    // A caption's credit: "Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO".
    if words <= 15 && line.contains('©') {
        return true;
    }
    if words > 8 {
        return false;
    }
    let lower = line.to_lowercase();
    let bare = lower
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '!' | '.' | '-' | '…' | '?' | '(' | ')')
        })
        .trim();
    FURNITURE_LINES.contains(&bare) || FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// Characters under which a chosen container is distrusted.
const SHORT_TEXT: u32 = 250;

/// Words of a `class` or `id` that mark the report's own text.
const CONTENT: &[&str] = &[
    "article",
    "articlebody",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "text",
];

fn words(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether a class or id names page chrome. A name that only says where chrome sits
/// around the element ("has-sidebar", "cb-sidebar-right", "no-comments") is a layout's
/// modifier on the element that holds the report, not chrome.
fn named_chrome(dom: &Dom<'_>, node: usize) -> bool {
    ["class", "id"].iter().any(|attr| {
        dom.attr(node, attr).is_some_and(|v| {
            v.split_ascii_whitespace()
                .filter(|token| !is_layout_modifier(token))
                .any(|token| words(token).any(|w| CHROME.iter().any(|l| l.eq_ignore_ascii_case(w))))
        })
    })
}

fn is_layout_modifier(token: &str) -> bool {
    let words: Vec<String> = words(token).map(str::to_ascii_lowercase).collect();
    let side = |w: &String| matches!(w.as_str(), "left" | "right" | "has" | "with" | "no" | "without");
    words.len() >= 2 && (side(&words[0]) || side(&words[words.len() - 1]))
}

fn has_word(dom: &Dom<'_>, node: usize, list: &[&str]) -> bool {
    ["class", "id"].iter().any(|attr| {
        dom.attr(node, attr)
            .is_some_and(|v| words(v).any(|w| list.iter().any(|l| l.eq_ignore_ascii_case(w))))
    })
}

/// Per-node facts the extraction works from.
struct Facts {
    /// Left out with its whole subtree.
    dropped: Vec<bool>,
    /// Characters of text in the subtree, dropped parts left out.
    text: Vec<u32>,
    /// Of which inside links.
    link: Vec<u32>,
    /// The readability score of an element.
    score: Vec<f32>,
    /// Characters of prose in the subtree: paragraphs' text outside links.
    prose: Vec<u32>,
}

/// Characters of text that count, white space left out.
fn text_weight(text: &str) -> u32 {
    text.chars().filter(|c| !c.is_whitespace()).count() as u32
}

fn is_hidden(dom: &Dom<'_>, node: usize) -> bool {
    if dom.attr(node, "hidden").is_some() {
        return true;
    }
    if dom
        .attr(node, "aria-hidden")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    dom.attr(node, "style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

fn chrome_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Head
            | Tag::Script
            | Tag::Style
            | Tag::Noscript
            | Tag::Template
            | Tag::Svg
            | Tag::Iframe
            | Tag::Nav
            | Tag::Aside
            | Tag::Footer
            | Tag::Header
            | Tag::Button
            | Tag::Select
            | Tag::Input
            | Tag::Textarea
            | Tag::Title
            | Tag::Menu
            | Tag::Figcaption
    )
}

fn facts(dom: &Dom<'_>) -> Facts {
    let n = dom.nodes.len();
    let mut dropped = vec![false; n];
    let in_link = in_link(dom);
    // The text under each element before any chrome is dropped (scripts and styles
    // aside): a landmark or hidden box that holds most of the page's text is one whose
    // markup was left open around everything after it, and is kept (the chrome inside it
    // is still dropped).
    // Parents come before their children: each node's flag follows from its parent's.
    let mut code = vec![false; n];
    for i in 1..n {
        code[i] = code[dom.nodes[i].parent as usize]
            || matches!(
                dom.nodes[i].kind,
                Kind::Element(
                    Tag::Script | Tag::Style | Tag::Noscript | Tag::Template | Tag::Svg | Tag::Title
                )
            );
    }
    let (raw, _) = count_text(dom, &code, &in_link);
    let raw_total = raw[0].max(1);
    let left_open = |node: usize, tag: Tag| {
        (is_hidden(dom, node) || matches!(tag, Tag::Header | Tag::Nav | Tag::Aside | Tag::Footer | Tag::Menu))
            && raw[node] * 2 >= raw_total
            && dom.nodes[node].end == dom.nodes[dom.nodes[node].parent as usize].end
    };
    // Which elements are chrome by class or id; decided after text is counted, so that a
    // container holding most of the page's text is never dropped for a word in its class.
    let mut chrome_named = vec![false; n];
    let mut node = 0;
    while node < n {
        let Kind::Element(tag) = dom.nodes[node].kind else {
            node += 1;
            continue;
        };
        if node > 0 && (chrome_tag(tag) || is_hidden(dom, node)) && !left_open(node, tag) {
            let end = dom.nodes[node].end as usize;
            dropped[node..end].fill(true);
            node = end;
            continue;
        }
        if node > 0 && !matches!(tag, Tag::Body | Tag::Html | Tag::Article | Tag::Main) {
            chrome_named[node] = named_chrome(dom, node) && !is_content_marked(dom, node);
        }
        node += 1;
    }
    let (text, link) = count_text(dom, &dropped, &in_link);
    let total = text[0].max(1);
    let mut named_dropped = false;
    let mut node = 1;
    while node < n {
        let end = dom.nodes[node].end as usize;
        // A box named both ways ("entry share") is the report when it holds a fifth of
        // the page's text and its name says so plainly ("post" names lists of posts too).
        let content_too = || has_word(dom, node, &["article", "entry", "story"]) && text[node] * 5 >= total;
        if chrome_named[node] && !dropped[node] && text[node] * 2 < total && !content_too() {
            dropped[node..end].fill(true);
            named_dropped = true;
            node = end;
            continue;
        }
        node += 1;
    }
    // Counted again only when chrome named by class or id left the page.
    let (text, link) = if named_dropped {
        count_text(dom, &dropped, &in_link)
    } else {
        (text, link)
    };
    let (mut score, prose) = score(dom, &dropped, &in_link);
    for node in 1..n {
        if score[node] > 0.0 {
            score[node] *= 1.0 - link[node] as f32 / text[node].max(1) as f32;
            if has_word(dom, node, CONTENT) {
                score[node] *= 1.25;
            }
        }
    }
    Facts {
        dropped,
        text,
        link,
        score,
        prose,
    }
}

fn is_content_marked(dom: &Dom<'_>, node: usize) -> bool {
    dom.attr(node, "itemprop")
        .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
}

/// Text and link-text characters of each subtree, dropped parts left out.
fn count_text(dom: &Dom<'_>, dropped: &[bool], in_link: &[bool]) -> (Vec<u32>, Vec<u32>) {
    let n = dom.nodes.len();
    let mut text = vec![0u32; n];
    let mut link = vec![0u32; n];
    for node in (1..n).rev() {
        if dropped[node] {
            continue;
        }
        let here = &dom.nodes[node];
        if here.kind == Kind::Text {
            text[node] = text_weight(dom.slice(&here.src));
            if in_link[node] {
                link[node] = text[node];
            }
        }
        let parent = here.parent as usize;
        text[parent] += text[node];
        link[parent] += link[node];
    }
    (text, link)
}

/// Whether each node is inside a link.
fn in_link(dom: &Dom<'_>) -> Vec<bool> {
    let mut inside = vec![false; dom.nodes.len()];
    for node in 1..dom.nodes.len() {
        inside[node] =
            inside[dom.nodes[node].parent as usize] || dom.nodes[node].kind == Kind::Element(Tag::A);
    }
    inside
}

/// The block a node's text belongs to: the nearest ancestor that is not inline markup.
fn block_of(dom: &Dom<'_>, mut node: usize) -> usize {
    loop {
        node = dom.nodes[node].parent as usize;
        match dom.nodes[node].kind {
            Kind::Element(tag) if tag.is_block() => return node,
            _ if node == 0 => return 0,
            _ => {}
        }
    }
}

/// Readability's vote: each paragraph scores by its length and commas, and gives its
/// score to its parent and half of it to its grandparent. A paragraph is the inline text
/// of a block: a `<p>`'s, or the loose text of a `<div>`, which votes as if wrapped in a
/// paragraph of its own.
fn score(dom: &Dom<'_>, dropped: &[bool], link_inside: &[bool]) -> (Vec<f32>, Vec<u32>) {
    let n = dom.nodes.len();
    let mut inline_text = vec![0u32; n];
    let mut inline_link = vec![0u32; n];
    let mut commas = vec![0u32; n];
    let mut node = 1;
    while node < n {
        if dropped[node] {
            node = dom.nodes[node].end as usize;
            continue;
        }
        if dom.nodes[node].kind == Kind::Text {
            let text = dom.slice(&dom.nodes[node].src);
            let weight = text_weight(text);
            if weight > 0 {
                let block = block_of(dom, node);
                inline_text[block] += weight;
                if link_inside[node] {
                    inline_link[block] += weight;
                }
                commas[block] += text
                    .chars()
                    .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
                    .count() as u32;
            }
        }
        node += 1;
    }
    let mut score = vec![0f32; n];
    let mut prose = vec![0u32; n];
    for node in 1..n {
        if inline_text[node] < 25 || dropped[node] {
            continue;
        }
        let Kind::Element(tag) = dom.nodes[node].kind else {
            continue;
        };
        if tag.is_heading() || matches!(tag, Tag::Li | Tag::Dt | Tag::Dd | Tag::Th | Tag::Option) {
            continue;
        }
        let density = inline_link[node] as f32 / inline_text[node] as f32;
        if density > 0.5 {
            continue;
        }
        let vote =
            (1.0 + commas[node] as f32 + (inline_text[node] as f32 / 100.0).min(3.0)) * (1.0 - density);
        let (first, second) = if matches!(tag, Tag::P | Tag::Pre | Tag::Blockquote | Tag::Td) {
            let parent = dom.nodes[node].parent as usize;
            (parent, dom.nodes[parent].parent as usize)
        } else {
            (node, dom.nodes[node].parent as usize)
        };
        score[first] += vote;
        if first != 0 {
            score[second] += vote / 2.0;
        }
        prose[node] += inline_text[node] - inline_link[node];
    }
    for node in (1..n).rev() {
        let parent = dom.nodes[node].parent as usize;
        prose[parent] += prose[node];
    }
    (score, prose)
}

/// The nodes whose subtrees hold the report, in document order: the best container and
/// those of its siblings that read as part of it.
fn containers(dom: &Dom<'_>, facts: &Facts) -> Vec<usize> {
    let n = dom.nodes.len();
    let mut ranked: Vec<usize> = (1..n)
        .filter(|&i| !facts.dropped[i] && facts.score[i] > 0.0)
        .collect();
    ranked.sort_by(|&a, &b| facts.score[b].total_cmp(&facts.score[a]));
    let Some(&best) = ranked.first() else {
        return vec![0];
    };
    let inside = |outer: usize, node: usize| outer < node && node < dom.nodes[outer].end as usize;
    // Markup that names the article body wins when it holds the best candidate's text.
    let marked = (1..n).find(|&i| !facts.dropped[i] && is_content_marked(dom, i) && facts.text[i] > 0);
    let marked = marked.filter(|&marked| {
        marked == best || inside(marked, best) || facts.text[marked] as f32 >= 0.6 * facts.text[best] as f32
    });
    // A report split over several blocks (a recipe's steps, a feature's sections): when the
    // best candidate and two more of the five best, each at least half as good, share an
    // ancestor, the ancestor is the container.
    let rivals: Vec<usize> = ranked[1..ranked.len().min(5)]
        .iter()
        .copied()
        .filter(|&c| facts.score[c] >= 0.5 * facts.score[best])
        .collect();
    let mut chosen = marked.unwrap_or(best);
    if marked.is_none() && rivals.len() >= 2 {
        let mut ancestor = dom.nodes[best].parent as usize;
        while ancestor != 0 {
            if rivals.iter().filter(|&&c| inside(ancestor, c)).count() >= 2 {
                chosen = ancestor;
                break;
            }
            ancestor = dom.nodes[ancestor].parent as usize;
        }
    }
    // Climb while what the parent adds is mostly prose: a report split over blocks.
    loop {
        let parent = dom.nodes[chosen].parent as usize;
        if parent == 0 || facts.dropped[parent] {
            break;
        }
        let added_prose = facts.prose[parent] - facts.prose[chosen];
        let added_text = facts.text[parent] - facts.text[chosen];
        if (added_prose as f32) < 0.75 * added_text as f32 {
            break;
        }
        chosen = parent;
    }
    // Siblings that score well, or are paragraphs of prose, belong to the report too.
    let parent = dom.nodes[chosen].parent as usize;
    if parent == 0 {
        return vec![chosen];
    }
    let threshold = (0.2 * facts.score[chosen]).max(10.0);
    dom.children(parent)
        .filter(|&s| {
            if s == chosen {
                return true;
            }
            if facts.dropped[s] {
                return false;
            }
            if facts.score[s] >= threshold {
                return true;
            }
            if dom.tag(s) != Some(Tag::P) {
                return false;
            }
            let text = facts.text[s];
            let density = facts.link[s] as f32 / text.max(1) as f32;
            text > 80 && density < 0.25 || text > 0 && facts.link[s] == 0 && dom.text(s).ends_with('.')
        })
        .collect()
}

/// The main text, paragraphs separated by a blank line.
pub fn main_text(dom: &Dom<'_>) -> String {
    let facts = facts(dom);
    let mut roots = containers(dom, &facts);
    // A container with little text is a wrong guess more often than a short report: the
    // page's text outside its chrome is the better answer then.
    let chosen: u32 = roots.iter().map(|&r| facts.text[r]).sum();
    if chosen < SHORT_TEXT && facts.text[0] > chosen {
        roots = vec![0];
    }
    let mut paragraphs: Vec<(String, u32, u32)> = Vec::new();
    let mut current = String::new();
    let mut link_chars = 0u32;
    // Block ends, as the nodes where they fall.
    let mut closing: Vec<usize> = Vec::new();
    let flush = |current: &mut String, link_chars: &mut u32, paragraphs: &mut Vec<(String, u32, u32)>| {
        let text = current.trim();
        if !text.is_empty() {
            paragraphs.push((text.to_string(), text_weight(text), *link_chars));
        }
        current.clear();
        *link_chars = 0;
    };
    let mut in_link_until = 0usize;
    for &root in &roots {
        let end = dom.nodes[root].end as usize;
        let mut node = root;
        while node < end {
            while closing.last().is_some_and(|&e| e <= node) {
                closing.pop();
                flush(&mut current, &mut link_chars, &mut paragraphs);
            }
            if facts.dropped[node] {
                node = dom.nodes[node].end as usize;
                continue;
            }
            match dom.nodes[node].kind {
                Kind::Text => {
                    let text = decode(dom.slice(&dom.nodes[node].src));
                    if node < in_link_until {
                        link_chars += text_weight(&text);
                    }
                    push_collapsed(&mut current, &text);
                }
                Kind::Element(Tag::Br) => {
                    flush(&mut current, &mut link_chars, &mut paragraphs);
                }
                Kind::Element(Tag::H1) if node != root => {
                    // The headline is the title, not the body.
                    node = dom.nodes[node].end as usize;
                    continue;
                }
                Kind::Element(tag) => {
                    if tag == Tag::A && in_link_until <= node {
                        in_link_until = dom.nodes[node].end as usize;
                    }
                    if tag.is_block() {
                        flush(&mut current, &mut link_chars, &mut paragraphs);
                        closing.push(dom.nodes[node].end as usize);
                    }
                }
            }
            node += 1;
        }
        while closing.pop().is_some() {}
        flush(&mut current, &mut link_chars, &mut paragraphs);
    }
    paragraphs
        .into_iter()
        .filter(|(_, chars, links)| *links * 2 <= *chars || *chars > 200)
        .filter(|(text, _, _)| !is_furniture(text))
        .map(|(text, _, _)| text)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The best-scored containers of a page, best first, with their scores and text sizes, and
/// the container chosen: to see why a page's text came out as it did.
pub fn explain(dom: &Dom<'_>) -> String {
    let facts = facts(dom);
    let chosen = containers(dom, &facts)[0];
    let path = |mut node: usize| {
        let mut parts = Vec::new();
        while node != 0 {
            let mut part = dom.name(node).to_ascii_lowercase();
            if let Some(id) = dom.attr(node, "id") {
                part.push('#');
                part.push_str(id);
            }
            if let Some(class) = dom.attr(node, "class") {
                part.push('.');
                part.push_str(&class.split_whitespace().collect::<Vec<_>>().join("."));
            }
            parts.push(part);
            node = dom.nodes[node].parent as usize;
        }
        parts.reverse();
        parts.join(" > ")
    };
    let mut ranked: Vec<usize> = (1..dom.nodes.len()).filter(|&i| facts.score[i] > 0.0).collect();
    ranked.sort_by(|&a, &b| facts.score[b].total_cmp(&facts.score[a]));
    let mut out = format!("chosen: {} (text {})\n", path(chosen), facts.text[chosen]);
    let mut up = ranked.first().copied().unwrap_or(0);
    while up != 0 {
        out.push_str(&format!(
            "  up: prose {:6} text {:6} score {:6.1} {}\n",
            facts.prose[up],
            facts.text[up],
            facts.score[up],
            dom.name(up)
        ));
        up = dom.nodes[up].parent as usize;
    }
    for &node in ranked.iter().take(8) {
        out.push_str(&format!(
            "{:8.1} text {:6} links {:6} {}\n",
            facts.score[node],
            facts.text[node],
            facts.link[node],
            path(node)
        ));
    }
    out
}
