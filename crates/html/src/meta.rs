//! What a page says about itself: headline, publication date, author, outlet, address
//! and language, from meta tags, JSON-LD, `<time>` elements and the `<title>`.

use crate::dom::{Dom, Tag};
use serde_json::Value;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    /// As the page gives it: an ISO 8601 date or date and time, offset and all.
    pub published: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// The article's text as its JSON-LD gives it, for pages that render it by script.
    pub linked_body: Option<String>,
}

/// What JSON-LD says of the article, where a page carries it.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    body: Option<String>,
}

pub fn read(dom: &Dom<'_>) -> Meta {
    let mut tags: Vec<(String, String)> = Vec::new();
    for node in dom.elements(Tag::Meta) {
        let key = dom
            .attr(node, "property")
            .or_else(|| dom.attr(node, "name"))
            .or_else(|| dom.attr(node, "itemprop"));
        if let (Some(key), Some(content)) = (key, dom.attr_text(node, "content")) {
            tags.push((key.to_ascii_lowercase(), content));
        }
    }
    let tag = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| tags.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()))
    };
    let ld = linked_data(dom);
    let h1 = dom.elements(Tag::H1).map(|n| dom.text(n)).find(|t| !t.is_empty());
    let page_title = dom
        .elements(Tag::Title)
        .map(|n| dom.text(n))
        .find(|t| !t.is_empty());
    let title = ld
        .headline
        .or_else(|| tag(&["og:title", "twitter:title", "headline"]))
        .or(h1)
        .or_else(|| page_title.map(|t| strip_site_name(&t)));
    let published = ld
        .published
        .or_else(|| {
            tag(&[
                "article:published_time",
                "datepublished",
                "og:article:published_time",
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "dc.date",
                "dc.date.issued",
                "dcterms.created",
                "sailthru.date",
                "parsely-pub-date",
                "article.published",
                "published_time",
            ])
        })
        .or_else(|| time_element(dom));
    let author = ld
        .author
        .or_else(|| tag(&["author", "article:author", "byl", "dc.creator", "parsely-author"]))
        .filter(|a| !a.starts_with("http"));
    let outlet = tag(&["og:site_name", "application-name"]).or(ld.publisher);
    let url = canonical(dom).or_else(|| tag(&["og:url"]));
    let language = dom
        .elements(Tag::Html)
        .find_map(|n| dom.attr_text(n, "lang"))
        .or_else(|| tag(&["og:locale", "language", "content-language"]))
        .map(|l| {
            l.split(['-', '_'])
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase()
        })
        .filter(|l| l.len() == 2 || l.len() == 3);
    Meta {
        title: title.map(|t| clean(&t)).filter(|t| !t.is_empty()),
        published,
        author: author.map(|a| clean(&a)),
        outlet: outlet.map(|o| clean(&o)),
        url,
        language,
        linked_body: ld.body,
    }
}

fn clean(text: &str) -> String {
    let mut out = String::new();
    crate::dom::push_collapsed(&mut out, text);
    out.trim().to_string()
}

/// "Headline | Outlet" or "Headline - Outlet": the headline.
fn strip_site_name(title: &str) -> String {
    for sep in [" | ", " – ", " — ", " - ", " :: "] {
        if let Some(i) = title.rfind(sep) {
            let head = &title[..i];
            if head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

fn canonical(dom: &Dom<'_>) -> Option<String> {
    dom.elements(Tag::Link)
        .find(|&n| {
            dom.attr(n, "rel")
                .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
        })
        .and_then(|n| dom.attr_text(n, "href"))
        .filter(|h| h.starts_with("http"))
}

/// The first `<time>` that says it is the publication time.
fn time_element(dom: &Dom<'_>) -> Option<String> {
    let times: Vec<usize> = dom.elements(Tag::Time).collect();
    let marked = times.iter().find(|&&n| {
        dom.attr(n, "pubdate").is_some()
            || dom
                .attr(n, "itemprop")
                .is_some_and(|v| v.eq_ignore_ascii_case("datePublished"))
            || dom
                .attr(n, "class")
                .is_some_and(|c| c.to_ascii_lowercase().contains("publish"))
    });
    marked
        .or(times.first())
        .and_then(|&n| dom.attr_text(n, "datetime"))
        .filter(|d| d.len() >= 10 && d.as_bytes()[..4].iter().all(u8::is_ascii_digit))
}

fn linked_data(dom: &Dom<'_>) -> LinkedData {
    let mut out = LinkedData::default();
    for node in dom.elements(Tag::Script) {
        let is_ld = dom
            .attr(node, "type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let Some(text) = dom.children(node).next().map(|c| dom.slice(&dom.nodes[c].src)) else {
            continue;
        };
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    if let Some(graph) = map.get("@graph") {
                        stack.push(graph);
                    }
                    if !is_article_type(map.get("@type")) {
                        continue;
                    }
                    let string = |key: &str| map.get(key).and_then(Value::as_str).map(str::to_string);
                    out.headline = out.headline.take().or_else(|| string("headline"));
                    out.published = out.published.take().or_else(|| string("datePublished"));
                    out.author = out.author.take().or_else(|| map.get("author").and_then(name_of));
                    out.publisher = out
                        .publisher
                        .take()
                        .or_else(|| map.get("publisher").and_then(name_of));
                    out.body = out.body.take().or_else(|| string("articleBody"));
                }
                _ => {}
            }
        }
    }
    out
}

fn is_article_type(kind: Option<&Value>) -> bool {
    let is = |s: &str| s.ends_with("Article") || matches!(s, "BlogPosting" | "LiveBlogPosting" | "Report");
    match kind {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(items)) => items.iter().any(|i| i.as_str().is_some_and(is)),
        _ => false,
    }
}

/// A person's or organisation's name: a string, an object's `name`, or the first of a list.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Object(map) => map.get("name").and_then(Value::as_str).map(str::to_string),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
    .filter(|n| !n.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_wins_over_meta_and_title() {
        let html = r#"<html lang="en-GB"><head><title>Ten dead in Idlib raid | Wire</title>
            <meta property="og:site_name" content="The Wire">
            <meta property="article:published_time" content="2019-03-02T10:00:00Z">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"NewsArticle","headline":"Ten killed in Idlib raid","datePublished":"2019-03-01T08:15:00+02:00",
               "author":[{"@type":"Person","name":"Lina Haddad"}]}]}</script></head>
            <body><h1>Ten killed</h1></body></html>"#;
        let meta = read(&Dom::parse(html));
        assert_eq!(meta.title.as_deref(), Some("Ten killed in Idlib raid"));
        assert_eq!(meta.published.as_deref(), Some("2019-03-01T08:15:00+02:00"));
        assert_eq!(meta.author.as_deref(), Some("Lina Haddad"));
        assert_eq!(meta.outlet.as_deref(), Some("The Wire"));
        assert_eq!(meta.language.as_deref(), Some("en"));
    }

    #[test]
    fn title_without_site_name_and_time_element() {
        let html = r#"<title>Shelling hits market in Douma - Daily Courier</title>
            <p>By staff <time datetime="2018-02-20">Feb 20</time></p>"#;
        let meta = read(&Dom::parse(html));
        assert_eq!(meta.title.as_deref(), Some("Shelling hits market in Douma"));
        assert_eq!(meta.published.as_deref(), Some("2018-02-20"));
    }
}
