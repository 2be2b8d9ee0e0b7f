//! Pages of our own writing, shaped like real news sites, with what must and must not
//! survive extraction.

#[test]
fn a_wire_story_without_its_page_chrome() {
    let page = tally_html::extract(include_str!("pages/wire.html"));
    assert_eq!(
        page.title.as_deref(),
        Some("Shelling kills seven in Idlib market, rescuers say")
    );
    assert_eq!(page.published.as_deref(), Some("2019-05-14T09:40:00+03:00"));
    assert_eq!(page.author.as_deref(), Some("Rania Khoury"));
    assert_eq!(page.outlet.as_deref(), Some("Levant Wire"));
    assert_eq!(page.language.as_deref(), Some("en"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://levantwire.example/2019/05/14/idlib-market-shelling")
    );
    for kept in [
        "IDLIB, Syria — Artillery shells struck a crowded vegetable market",
        "put the toll at nine and blamed government forces",
        "Offensive widens",
        "“There was nowhere to run,” said Ahmad",
    ] {
        assert!(page.body.contains(kept), "lost {kept:?} from:\n{}", page.body);
    }
    for dropped in [
        "cookies",
        "Home",
        "Tweet",
        "Advertisement",
        "Related stories",
        "Aid convoy",
        "my thoughts are with",
        "All rights reserved",
        "Nowhere to run\n",
    ] {
        assert!(
            !page.body.contains(dropped),
            "kept {dropped:?} in:\n{}",
            page.body
        );
    }
    // Paragraphs stay apart.
    assert!(page
        .body
        .contains("critical condition.\n\nThe Syrian Observatory"));
}

#[test]
fn a_page_without_a_report_gives_an_empty_body() {
    let page = tally_html::extract(
        "<html><body><nav><a href='/'>Home</a></nav><footer>© 2020</footer></body></html>",
    );
    assert_eq!(page.body, "");
}

#[test]
fn hostile_markup_is_read_without_harm() {
    // Deep nesting, unclosed tags and a stray end tag in one page.
    let mut html = "<div>".repeat(50_000);
    html.push_str(
        "<p>Two people were killed when a roadside bomb exploded near the village, officials said on Friday.",
    );
    html.push_str("</span><p>Police closed the road for several hours, a spokesman added in a statement.");
    let page = tally_html::extract(&html);
    assert!(page.body.contains("roadside bomb"));
    assert!(page.body.contains("closed the road"));
}

#[test]
fn a_page_rendered_by_script_gives_its_json_ld_text() {
    let html = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Convoy hit near Aleppo","articleBody":"A rocket struck an aid convoy west of Aleppo on Monday, killing three drivers, the Red Crescent said. The convoy was carrying flour and medicine to displaced families."}</script></head><body><div id="root"></div><script>render()</script></body></html>"#;
    let page = tally_html::extract(html);
    assert_eq!(page.title.as_deref(), Some("Convoy hit near Aleppo"));
    assert!(
        page.body.starts_with("A rocket struck an aid convoy"),
        "{}",
        page.body
    );
}

#[test]
fn a_report_in_steps_on_a_page_whose_head_never_closes() {
    let page = tally_html::extract(include_str!("pages/open-head.html"));
    for kept in [
        "An aid convoy of 31 trucks reached the besieged town of Madaya",
        "at least 16 people had died of hunger",
        "A second delivery is planned for the end of the week",
    ] {
        assert!(page.body.contains(kept), "lost {kept:?} from:\n{}", page.body);
    }
    for dropped in [
        "Ich bin Abonnent",
        "© Northern Dispatch / Sami Haddad",
        "Creating default object",
        "Über den Autor",
        "Read more",
        "Foto: Archiv",
    ] {
        assert!(
            !page.body.contains(dropped),
            "kept {dropped:?} in:\n{}",
            page.body
        );
    }
}
