//! Golden reports: each `tests/reports/<slug>.txt` (a short report of our own writing) beside
//! `<slug>.expected`, the claims, quotes and lead rendered for people.
//! Refresh the expectations with `UPDATE_EXPECT=1 cargo test -p tally-extract --test golden`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use tally_core::{ClaimKind, Document, Extraction};
use tally_extract::{extract, extract_from, ExtractConfig, Extractor};
use tally_ingest::document_from_scrape;

fn extractor() -> Extractor {
    Extractor::new(ExtractConfig::default()).expect("built-in lexicons compile")
}

fn reports() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reports");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("reports folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

fn load(path: &Path) -> Document {
    let text = std::fs::read_to_string(path).expect("report reads");
    document_from_scrape(&path.file_name().unwrap().to_string_lossy(), &text)
}

fn render(extraction: &Extraction) -> String {
    let mut out = String::new();
    for c in &extraction.claims {
        let claimant = match &c.claimant {
            Some(cl) => match &cl.role {
                Some(role) => format!("by \"{}\" ({role})", cl.name),
                None => format!("by \"{}\"", cl.name),
            },
            None => "by the report".into(),
        };
        let period = match (c.period.start, c.period.end) {
            (None, None) => "-".to_string(),
            (s, e) => format!(
                "{}..{}",
                s.map(|d| d.to_string()).unwrap_or_default(),
                e.map(|d| d.to_string()).unwrap_or_default()
            ),
        };
        writeln!(
            out,
            "{:<10} {:<18} {:<12} {claimant}{}{} | {} | {period} | {:?} | \"{}\"",
            c.kind.as_str(),
            c.count.map(|n| n.to_string()).unwrap_or_default(),
            c.victims.as_deref().unwrap_or("-"),
            c.source
                .as_ref()
                .map(|s| format!(" citing {s}"))
                .unwrap_or_default(),
            if c.perpetrators.is_empty() {
                String::new()
            } else {
                format!(" against, by {}", c.perpetrators.join(" + "))
            },
            c.place.as_ref().map_or("-".to_string(), |p| p.name.clone()),
            c.status,
            c.evidence.text,
        )
        .unwrap();
    }
    for q in &extraction.quotes {
        writeln!(
            out,
            "quote      {:<30} \"{}\"",
            q.speaker.as_deref().unwrap_or("(unknown)"),
            q.text
        )
        .unwrap();
    }
    match &extraction.lead {
        Some(lead) => writeln!(
            out,
            "lead       killed {} · combatants {} · injured {} · children {} · cause {} · place {} · date {} · by {}",
            lead.killed.map(|c| c.to_string()).unwrap_or("-".into()),
            lead.combatants_killed.map(|c| c.to_string()).unwrap_or("-".into()),
            lead.injured.map(|c| c.to_string()).unwrap_or("-".into()),
            lead.children_killed.map(|c| c.to_string()).unwrap_or("-".into()),
            lead.cause.as_deref().unwrap_or("-"),
            lead.place.as_ref().map_or("-", |p| p.name.as_str()),
            lead.date.map(|d| d.to_string()).unwrap_or("-".into()),
            if lead.perpetrators.is_empty() { "-".to_string() } else { lead.perpetrators.join(" + ") },
        )
        .unwrap(),
        None => writeln!(out, "lead       none").unwrap(),
    }
    out
}

#[test]
fn golden_reports() {
    let ex = extractor();
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for path in reports() {
        let actual = render(&extract(&load(&path), &ex));
        let expected_path = path.with_extension("expected");
        if update {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!(
                "{}\n--- expected\n{expected}--- actual\n{actual}",
                path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden reports differ:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_span_slices_to_its_evidence() {
    let ex = extractor();
    for path in reports() {
        let doc = load(&path);
        let extraction = extract(&doc, &ex);
        for c in &extraction.claims {
            assert_eq!(
                &doc.body[c.evidence.start..c.evidence.end],
                c.evidence.text,
                "{}",
                path.display()
            );
        }
        for q in &extraction.quotes {
            assert_eq!(&doc.body[q.start..q.end], q.text, "{}", path.display());
        }
        for d in &extraction.diagnostics {
            assert!(
                doc.body.get(d.start..d.end).is_some(),
                "{}: diagnostic off the body",
                path.display()
            );
        }
    }
}

#[test]
fn prepending_text_shifts_every_span_by_its_length() {
    let ex = extractor();
    let prefix = "Editor’s note: this report was updated after publication.\n\n";
    for path in reports() {
        let doc = load(&path);
        let mut shifted = doc.clone();
        shifted.body = format!("{prefix}{}", doc.body);
        let before = extract(&doc, &ex);
        let after = extract(&shifted, &ex);
        let spans = |e: &Extraction, by: usize| -> Vec<(usize, usize)> {
            e.claims
                .iter()
                .map(|c| (c.evidence.start + by, c.evidence.end + by))
                .chain(e.quotes.iter().map(|q| (q.start + by, q.end + by)))
                .collect()
        };
        assert_eq!(
            spans(&before, prefix.len()),
            spans(&after, 0),
            "{}",
            path.display()
        );
    }
}

#[test]
fn odd_text_never_makes_extraction_fail() {
    let ex = extractor();
    let mut cases: Vec<String> = [
        "",
        "   \n\n  ",
        "“",
        "” said",
        "\"\"\"",
        "U.S.",
        "1,2,3,4 killed",
        "12- 13 -14 killed",
        "killed 12-",
        "’s ’s ’s",
        "between and killed",
        "Between August 1 and",
        "a-b-c-d killed 5",
        "৩ নিহত · ٣ قتلى · 三人死亡",
        "🙂🙂 killed 3 🙂 in Raqqa",
        "the toll rose to",
        "including including including 4 children",
        "Mr. Dr. Gen. Col. said “",
        "al- el- ash- Al-",
        "99999999999999999999999 people were killed",
        "1.5 million 2.5 billion people were displaced",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Random mixtures of the pieces reports are made of, from a fixed seed.
    let pieces = [
        "killed",
        "12",
        "“",
        "”",
        "\"",
        ",",
        ".",
        " ",
        "\n\n",
        "Raqqa",
        "al-",
        "said",
        "the",
        "toll",
        "since",
        "June",
        "Monday",
        "a",
        "civilian",
        "dozens",
        "of",
        "–",
        "…",
        "U.S.",
        "Ra’ad",
        "1,000",
        "-strong",
        "to",
        "between",
        "and",
        "é",
        "ı",
        "İ",
        "\u{a0}",
        "ﬁ",
        "٣",
        "1st",
        "Sept.",
        "No.",
        "(",
        ")",
        "’",
        "-",
        "Between",
        "at least",
        "were",
        "Wednesday",
        "last",
        "month",
        "citing",
        "according",
        "according to",
        "Khalafa",
        "Musa al Khalafa",
        "activist",
        "he",
        "it",
        "told",
        "ISIS",
        "IS",
        "regime",
        "warplanes",
        "province",
        "Idlib",
        "Deir",
        "ez-Zor",
        "Ezzor",
        "2017",
        "August",
        "01.09.2017",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..2000 {
        let mut text = String::new();
        for _ in 0..60 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            if state.is_multiple_of(3) {
                text.push(' ');
            }
        }
        cases.push(text);
    }
    for body in cases {
        let mut doc = tally_core::Document::new("odd", body.clone());
        doc.published = tally_core::Published::parse("2017-09-01");
        let extraction = extract(&doc, &ex);
        for c in &extraction.claims {
            assert_eq!(&body[c.evidence.start..c.evidence.end], c.evidence.text);
        }
        // The same text as a scrape: headline, dateline and body found, or not, without fail.
        let scraped = document_from_scrape("odd", &body);
        for c in &extract(&scraped, &ex).claims {
            assert_eq!(&scraped.body[c.evidence.start..c.evidence.end], c.evidence.text);
        }
    }
}

/// A page whose body is only its site's sign-in box is read from its headline: a lead, no
/// claims, and a diagnostic that says so.
#[test]
fn a_body_that_tells_nothing_leaves_the_lead_to_the_headline() {
    let ex = extractor();
    let mut doc = Document::new(
        "furniture",
        "Sign in to your account to keep reading.\n\nForgot your password?".to_string(),
    );
    doc.title = Some("Two men wounded outside Wichita bar - KXYZ News".to_string());
    let got = extract(&doc, &ex);
    assert!(got.claims.is_empty(), "{:?}", got.claims);
    let lead = got.lead.expect("a lead from the headline");
    assert_eq!(lead.injured.and_then(|c| c.key()), Some(2));
    assert_eq!(lead.place.map(|p| p.name).as_deref(), Some("Wichita"));
    assert!(got
        .diagnostics
        .iter()
        .any(|d| d.kind == tally_core::DiagnosticKind::LeadFromHeadline));
}

/// The lead's town and state.
fn town_and_state(lead: &tally_core::Lead) -> (&str, &str) {
    let place = lead.place.as_ref().expect("a place");
    (place.name.as_str(), place.admin1.as_deref().unwrap_or(""))
}

fn lead_of(title: &str, body: &str) -> tally_core::Lead {
    lead_from(title, body, None)
}

/// The day the lead of a report published on `published` gives.
fn date_of(title: &str, body: &str, published: &str) -> Option<String> {
    let mut doc = Document::new("t", body.to_string());
    doc.title = Some(title.to_string());
    doc.published = tally_core::Published::parse(published);
    let lead = extract(&doc, &extractor()).lead.expect("a lead");
    lead.date.map(|d| d.to_string())
}

fn lead_from(title: &str, body: &str, home_state: Option<&str>) -> tally_core::Lead {
    let mut doc = Document::new("t", body.to_string());
    doc.title = Some(title.to_string());
    extract_from(&doc, &extractor(), home_state).lead.expect("a lead")
}

/// Recorders file a city's neighbourhood under the city, though the copy (from an outlet
/// at home in Illinois) never names it; linking keeps the neighbourhood.
#[test]
fn a_neighbourhood_is_filed_under_its_city() {
    let lead = lead_from(
        "Man killed in Brighton Park shooting",
        "A 19-year-old man was shot and killed Saturday night in the Brighton Park neighborhood \
         on the Southwest Side, police said.",
        Some("Illinois"),
    );
    assert_eq!(town_and_state(&lead), ("Chicago", "Illinois"));
    assert_eq!(lead.neighbourhood.as_deref(), Some("Brighton Park"));
    // A village of the same state far away shares the quarter's name: the report's city.
    let lead = lead_from(
        "4 shot, 2 fatally, at Washington Park gas station",
        "Two men were killed and two wounded early Friday at a gas station in the city's \
         Washington Park neighborhood, Chicago police said.",
        Some("Illinois"),
    );
    assert_eq!(town_and_state(&lead), ("Chicago", "Illinois"));
    assert_eq!(lead.neighbourhood.as_deref(), Some("Washington Park"));
}

/// A big city's quarter the gazetteer does not know is the lead's neighbourhood all the
/// same, without the side of the city before it or the city's possessive.
#[test]
fn a_quarter_the_gazetteer_does_not_know_is_kept() {
    for (body, quarter) in [
        (
            "A 20-year-old man was wounded late Monday in the Back of the Yards neighborhood, \
             Chicago police said.",
            "Back of the Yards",
        ),
        (
            "Two men were shot Sunday in the South Side Gresham neighborhood, Chicago police said.",
            "Gresham",
        ),
        (
            "A woman was wounded Friday in Chicago's Little Village neighborhood, police said.",
            "Little Village",
        ),
    ] {
        let lead = lead_from("Shooting on the South Side", body, Some("Illinois"));
        assert_eq!(town_and_state(&lead), ("Chicago", "Illinois"), "{body}");
        assert_eq!(lead.neighbourhood.as_deref(), Some(quarter), "{body}");
    }
}

/// A round-up's totals tell no death of its lead: the first shooting it tells of, three
/// wounded, is the lead, and the man killed elsewhere is not its dead.
#[test]
fn a_roundups_totals_tell_no_death_of_its_lead() {
    let lead = lead_from(
        "1 dead, 6 wounded in Chicago shootings",
        "A man was killed and at least six other people were wounded in shootings from Saturday \
         morning to early Sunday, police said.\n\nThree men were wounded in a shootout in the \
         Pullman neighborhood about 9 a.m. Saturday. They were taken to Advocate Christ Medical \
         Center in good condition.",
        Some("Illinois"),
    );
    assert!(lead.roundup);
    assert_eq!(lead.killed, None);
    assert_eq!(lead.injured.and_then(|c| c.best), Some(3));
}

/// A quarter named for a state ("the California neighborhood" of Louisville) is no state,
/// and a station's number ("tells 13 News") is no count.
#[test]
fn a_quarter_named_for_a_state_and_a_stations_number_are_neither() {
    let lead = lead_of(
        "Child among 2 hurt in shooting at 22nd and Grand",
        "LOUISVILLE (WXKY) – A girl was wounded in a shooting at 22nd and Grand on Friday. \
         She and a man were shot about 2 p.m. in the California neighborhood, according to \
         Louisville Metro Police.",
    );
    assert_eq!(town_and_state(&lead), ("Louisville", "Kentucky"));
    let lead = lead_of(
        "Two hurt in motel shooting",
        "Charleston Police tells 13 News two people were shot at a motel on Kanawha Boulevard \
         late Friday. Both are in stable condition.",
    );
    assert_eq!(lead.injured.and_then(|c| c.best), Some(2));
}

/// A shooting that killed no one and that the report counts nothing of still hit someone;
/// unless the report says no one was hit.
#[test]
fn a_shooting_told_of_no_death_hit_someone_unless_no_one_was_hit() {
    let injured = |title: &str, body: &str| lead_of(title, body).injured.and_then(|c| c.key());
    assert_eq!(
        injured("Police say Tuesday shooting on Oak Avenue was accidental", ""),
        Some(1)
    );
    assert_eq!(
        injured(
            "Police investigate shooting on Oak Avenue",
            "Officers were called to a shooting on Oak Avenue about 9 p.m. Tuesday. A man was \
             taken to a hospital. No one else was hurt."
        ),
        Some(1)
    );
    assert_eq!(
        injured(
            "Police investigate shooting on Oak Avenue",
            "Someone fired several shots at a home on Oak Avenue late Tuesday, police said. No \
             one was hurt in the shooting."
        ),
        None
    );
}

/// A page's video carousel, other stories run together on one line ("… 1 of 4 …"), is
/// no part of the report: its weekdays date nothing and its figures are no claims.
#[test]
fn a_video_carousel_is_no_part_of_the_report() {
    let body = "CLOSE Skip in Skip x Embed x Share TOP STORIES Storm knocks out power | 1:02 Crews \
        worked Thursday to restore power. 1 of 4 CLOSE Skip in Skip x Embed x Share TOP STORIES \
        Five hurt in bus crash | 0:48 Five people were injured Thursday when a bus overturned. \
        2 of 4 CLOSE Skip in Skip x Embed x Share TOP STORIES Council votes on budget | 1:15 \
        The council voted Thursday. 3 of 4 CLOSE Skip in Skip x Embed x Share TOP STORIES Zoo \
        welcomes cub | 0:33 A cub was born. 4 of 4\n\n\
        Three men were killed in a shooting on the city's west side early Saturday, police said.";
    let mut doc = Document::new("t", body.to_string());
    doc.title = Some("3 dead in west side shooting".to_string());
    doc.published = tally_core::Published::parse("2017-03-18");
    let got = extract(&doc, &extractor());
    let lead = got.lead.expect("a lead");
    assert_eq!(lead.date.map(|d| d.to_string()).as_deref(), Some("2017-03-18"));
    assert_eq!(lead.killed.and_then(|c| c.best), Some(3));
    assert_eq!(lead.injured, None);
    assert!(got
        .claims
        .iter()
        .all(|c| c.evidence.start > body.find("4 of 4").unwrap()));
}

/// A shooting that "takes the life" of someone, or "claims" it, killed them.
#[test]
fn a_shooting_that_takes_a_life_is_a_death() {
    let killed = |title: &str| lead_of(title, "").killed.and_then(|c| c.key());
    assert_eq!(killed("Accidental shooting takes life of Fairland man"), Some(1));
    assert_eq!(
        killed("Hunting accident claims the life of 12-year-old boy"),
        Some(1)
    );
    assert_eq!(
        killed("Teen shot in the leg says his life will never be the same"),
        None
    );
}

/// One of the dead named again with a middle name is one dead, not two.
#[test]
fn the_dead_named_twice_are_counted_once() {
    let lead = lead_of(
        "Teen fatally shot in Lorton",
        "Maurice Berger, 17, was shot and killed Friday night in Lorton, police said. \
         Police said Maurice Anderson Berger was found in a parking lot and died at the scene.",
    );
    assert_eq!(lead.killed.and_then(|c| c.key()), Some(1));
}

/// "An Indianapolis woman" says whose home, "in Gary" says where.
#[test]
fn a_victims_home_town_is_not_the_scene() {
    let lead = lead_of(
        "Indianapolis woman killed in Gary shooting",
        "An Indianapolis woman, 34, was shot and killed late Tuesday in Gary, police said.",
    );
    assert_eq!(lead.place.map(|p| p.name).as_deref(), Some("Gary"));
    let lead = lead_of(
        "Man pleads not guilty",
        "BELTON — A Killeen man accused of killing two women pleaded not guilty on Tuesday.",
    );
    assert_eq!(lead.place.map(|p| p.name).as_deref(), Some("Killeen"));
}

/// A page scraped without its article leaves a video playlist: other stories' titles, which
/// are no part of this one.
#[test]
fn a_playlist_body_leaves_the_lead_to_the_headline() {
    let mut doc = Document::new(
        "playlist",
        "3:12 Double murder trial opens in Lee County\n\n1:45 Two killed in crash on Route 9\n\n\
         0:58 Fire destroys barn near Opelika\n\n2:20 Teacher of the year named"
            .to_string(),
    );
    doc.title = Some("Man wounded in Phenix City drive-by shooting".to_string());
    let got = extract(&doc, &extractor());
    assert!(got.claims.is_empty() && got.people.is_empty(), "{:?}", got.claims);
    let lead = got.lead.expect("a lead from the headline");
    assert_eq!(lead.killed, None);
    assert!(got
        .diagnostics
        .iter()
        .any(|d| d.kind == tally_core::DiagnosticKind::LeadFromHeadline));
}

/// Towns as copy writes them and recorders file them: a dateline set off with chevrons
/// ("COVINA >>"); the capital as "D.C.", Kansas City, Kansas as "KCK"; a dateline's state spelled out ("AUSTIN, Texas –",
/// where the state stands nearer the figure but only says whose the town is).
#[test]
fn towns_as_recorders_file_them() {
    for (body, town) in [
        (
            "COVINA >> Two men were wounded in a shooting early Sunday, police said.",
            ("Covina", "California"),
        ),
        (
            "A 3-year-old girl died after she was shot Wednesday evening in a home in Southeast D.C., \
             police said.",
            ("Washington", "District of Columbia"),
        ),
        (
            "AUSTIN, Texas – A man was shot Thursday night outside a convenience store, police said.",
            ("Austin", "Texas"),
        ),
        (
            "A teen was shot and killed in KCK on Friday, police said.",
            ("Kansas City", "Kansas"),
        ),
    ] {
        let lead = lead_of("Shooting", body);
        assert_eq!(town_and_state(&lead), town, "{body}");
    }
}

/// A page stamps itself with when it was posted and updated: the posting day, not the
/// update's, is the report's, and the weekday its copy names is the one before it. An
/// archived record's own day (the crawl's, months later) gives way to the stamp.
#[test]
fn a_pages_stamp_dates_its_copy() {
    let mut doc = Document::new(
        "stamped",
        "Posted: Sunday, August 17, 2014 3:56 PM EDT Updated: Sunday, October 26, 2014 4:03 PM EDT\n\n\
         Two men were wounded in a shooting at 1:10 a.m. Saturday outside a bar, police said."
            .to_string(),
    );
    doc.title = Some("Two wounded outside Reno bar".to_string());
    doc.published = tally_core::Published::parse("2014-11-02");
    let lead = extract(&doc, &extractor()).lead.expect("a lead");
    assert_eq!(lead.date.map(|d| d.to_string()).as_deref(), Some("2014-08-16"));
    // A dateline's own date, in brackets, is the release's day.
    let mut doc = Document::new(
        "release",
        "HARTWELL, GA (March 4, 2015): Deputies are asking for help after a shooting Tuesday night \
         that wounded a man on Elm Street."
            .to_string(),
    );
    doc.published = tally_core::Published::parse("2016-01-10");
    let lead = extract(&doc, &extractor()).lead.expect("a lead");
    assert_eq!(lead.date.map(|d| d.to_string()).as_deref(), Some("2015-03-03"));
}

/// A report of a plea months on dates its shooting in full further down; a shooting it
/// recalls from years before is another.
#[test]
fn a_follow_up_is_dated_by_the_shooting_it_follows() {
    let date = date_of(
        "Man pleads guilty in party shooting",
        "A Dalton man pleaded guilty Tuesday to manslaughter.\n\n\
         Corey Vance, 24, admitted firing the shot that killed Aaron Pike, 19, outside a party on \
         Oak Street on Aug. 9, 2015.\n\n\
         The same street saw a fatal shooting on May 2, 2011.",
        "2016-03-17",
    );
    assert_eq!(date.as_deref(), Some("2015-08-09"));
}

/// More dead than the copy says were shot ("a family of four had been shot", and the
/// gunman too): everyone shot is among the dead, and no one is left wounded.
#[test]
fn more_dead_than_shot_leaves_no_wounded() {
    let lead = lead_of(
        "Man kills parents and brother in Tempe home",
        "Five people are dead after a shooting and a fire at a Tempe home Tuesday morning.\n\n\
         Dale Ruiz, 31, killed his father Hal Ruiz, 58; his mother Nora Ruiz, 55; his 17-year-old \
         brother Sam Ruiz and his 8-year-old sister Ana Ruiz, police said.\n\n\
         Ruiz also died in the home. Police shot him when he pointed a gun at officers.\n\n\
         Officers responded to reports that a family of four had been shot at the home.",
    );
    let wounded = lead.injured.and_then(|c| c.key()).unwrap_or(0);
    assert_eq!(wounded, 0, "{:?}", lead.injured);
}

/// "Attempted murder" and "assault with a deadly weapon" are charges brought where no one
/// died, and homicide detectives go to shootings all the same: they tell no death.
#[test]
fn charges_of_attempted_murder_tell_no_death() {
    let lead = lead_of(
        "Man charged in hotel shooting",
        "A Lyons man is facing attempted murder charges after a shooting early Sunday at a motel \
         on Route 9, and homicide detectives were called to the scene.\n\nPolice said he was also \
         charged with assault with a deadly weapon.",
    );
    assert_eq!(lead.killed, None, "{:?}", lead.killed);
}

/// From an outlet at home in Illinois, a bare "AUSTIN" beside Chicago's police is Chicago's
/// Austin; "Austin, Texas" is Texas's, whoever reports it.
#[test]
fn a_far_towns_name_from_home_is_a_quarter_of_the_home_city() {
    let lead = lead_from(
        "Four boys wounded in Austin shooting",
        "AUSTIN — Four boys were wounded in a shooting on the West Side Monday night, Chicago \
         police said.",
        Some("Illinois"),
    );
    assert_eq!(town_and_state(&lead), ("Chicago", "Illinois"));
    assert_eq!(lead.neighbourhood.as_deref(), Some("Austin"));
    let lead = lead_from(
        "Two wounded in Austin shooting",
        "AUSTIN, Texas — Two men were wounded in a shooting Monday night, police said. One of \
         them had moved from Chicago last year.",
        Some("Illinois"),
    );
    assert_eq!(town_and_state(&lead), ("Austin", "Texas"));
}

/// A report that recalls older deaths further down ("was fatally shot in July", the dead of
/// another shooting named deep in the copy) tells none of its own incident's.
#[test]
fn deaths_recalled_from_other_times_are_not_the_incidents() {
    let mut doc = Document::new(
        "recalled",
        "Police are investigating a shooting that wounded four people early Saturday at a \
         nightclub on Elm Street.\n\nTwo of the wounded drove themselves to hospitals. All were \
         expected to recover.\n\nThe club has seen violence before. A bouncer was fatally shot \
         there in July."
            .to_string(),
    );
    doc.title = Some("Four wounded at Fairview nightclub".to_string());
    doc.published = tally_core::Published::parse("2016-09-12");
    let lead = extract(&doc, &extractor()).lead.expect("a lead");
    assert_eq!(lead.killed, None, "{:?}", lead.killed);
    assert_eq!(lead.injured.and_then(|c| c.key()), Some(4));
}

/// "20 y/o killed, 14 y/o critical": ages as a tweet writes them count no one.
#[test]
fn ages_written_y_o_are_no_counts() {
    let doc = Document::new(
        "tweet",
        "20 y/o killed, 14 y/o critical after shooting in Kingsessing. Shooting happened Sunday \
         at 2:30 pm."
            .to_string(),
    );
    let claims = extract(&doc, &extractor()).claims;
    assert!(
        claims
            .iter()
            .all(|c| c.count.and_then(|n| n.key()).is_none_or(|n| n < 14)),
        "{claims:?}"
    );
}

/// The people a report says someone shot ("for shooting a 7-year-old boy", "shot two men")
/// are its wounded, or its dead where the shooting was fatal.
#[test]
fn the_shot_in_active_voice_are_counted() {
    let lead = lead_of(
        "Man held in shooting of boy",
        "A man is behind bars for shooting a 7-year-old boy at an apartment on Wednesday, \
         deputies said.",
    );
    assert_eq!(lead.injured.and_then(|c| c.key()), Some(1));
    assert_eq!(lead.killed, None);
    let lead = lead_of(
        "Man charged in Elm Street killing",
        "Police said Dale Ross fatally shot a 19-year-old man on Elm Street on Friday.",
    );
    assert_eq!(lead.killed.and_then(|c| c.key()), Some(1));
    // "The fatal shooting of a man" counts a death, not a wound.
    let doc = Document::new(
        "dew-drop",
        "Police named three men wanted in the fatal shooting of a man at the Dew Drop Club on \
         Wednesday."
            .to_string(),
    );
    let kinds: Vec<(ClaimKind, Option<u64>)> = extract(&doc, &extractor())
        .claims
        .iter()
        .map(|c| (c.kind, c.count.and_then(|n| n.key())))
        .collect();
    assert_eq!(kinds, [(ClaimKind::Killed, Some(1))]);
}

/// Wounded told far below the opening of a death, as more of the same shooting: "The shooting
/// also injured four other men".
#[test]
fn others_also_wounded_far_down_are_the_incidents() {
    let filler = "Detectives canvassed the block on Thursday. ".repeat(9);
    let lead = lead_of(
        "Man killed in bar shooting",
        &format!(
            "A man was shot and killed at a bar on Hale Avenue early Wednesday, police said. \
             {filler}The shooting also injured four other men."
        ),
    );
    assert_eq!(lead.killed.and_then(|c| c.key()), Some(1));
    assert_eq!(lead.injured.and_then(|c| c.key()), Some(4));
}

/// A report whose first sentences count no one takes its figures from a sentence further
/// down that tells of its own shooting, not from a year's statistic.
#[test]
fn a_count_told_far_down_of_the_shooting_itself() {
    let filler = "Neighbors gathered on the corner on Tuesday. ".repeat(9);
    let lead = lead_of(
        "Police call teen's death a robbery gone wrong",
        &format!(
            "Police are looking for two men after a deadly shooting on Elm Street. {filler}\
             Detectives are investigating the shooting that killed a 16-year-old girl and \
             wounded three other teens. More than 700 people have been shot in the city this year."
        ),
    );
    assert_eq!(lead.killed.and_then(|c| c.key()), Some(1));
    assert_eq!(lead.injured.and_then(|c| c.key()), Some(3));
    let lead = lead_of(
        "Police call teen's death a robbery gone wrong",
        &format!(
            "Police are looking for two men after a deadly shooting on Elm Street. {filler}\
             More than 700 people have been shot in the city this year."
        ),
    );
    assert_eq!(lead.injured.and_then(|c| c.key()), None);
}

/// A headline that tells deaths and counts none is an incident of at least one dead, and
/// so is an opening that says how they died without a figure.
#[test]
fn a_death_told_without_a_figure_is_an_incident() {
    let ex = extractor();
    let mut doc = Document::new(
        "furniture",
        "Check your inbox to confirm your subscription.\n\nClose".to_string(),
    );
    doc.title = Some("Deputies: Retired teacher killed wife, then himself".to_string());
    let lead = extract(&doc, &ex).lead.expect("a lead from the headline");
    assert!(lead.killed.and_then(|c| c.key()).is_some_and(|k| k >= 1));
    let lead = lead_of(
        "Woman stabbed to death in Tulsa",
        "A woman was stabbed to death in a north Tulsa apartment late Friday, police said.",
    );
    assert_eq!(lead.killed.and_then(|c| c.key()), Some(1));
}

/// A state whose name a town shares is the state where no state follows the town.
#[test]
fn a_states_name_is_the_state_before_any_town_of_it() {
    for state in ["Indiana", "California", "Iowa", "Oregon", "Alabama"] {
        let lead = lead_of(
            "Man wounded",
            &format!("A man was shot and wounded in {state} on Sunday, police said."),
        );
        assert_eq!(town_and_state(&lead), (state, state));
    }
    let lead = lead_of(
        "Man wounded",
        "A man was shot and wounded in Indiana, Pa., on Sunday, police said.",
    );
    assert_eq!(town_and_state(&lead), ("Indiana", "Pennsylvania"));
}

/// The shooting's own day, not the day of what followed it: "died Friday after being shot
/// Thursday", "appeared in court Monday" over "the shooting Sunday morning".
#[test]
fn the_lead_is_dated_by_the_shooting_not_its_aftermath() {
    let dated = |body: &str, published: &str| {
        let mut doc = Document::new("aftermath", body.to_string());
        doc.title = Some("Teen dies after shooting".to_string());
        doc.published = tally_core::Published::parse(published);
        let lead = extract(&doc, &extractor()).lead.expect("a lead");
        lead.date.map(|d| d.to_string())
    };
    assert_eq!(
        dated(
            "A Maple Grove ninth-grader died Friday after being shot at a friend's home Thursday, \
             police said.",
            "2016-03-14"
        )
        .as_deref(),
        Some("2016-03-10")
    );
    assert_eq!(
        dated(
            "A 20-year-old man appeared in court Monday, charged in the shooting that killed a \
             teenager outside a Elm Street bar on Saturday night.",
            "2016-03-15"
        )
        .as_deref(),
        Some("2016-03-12")
    );
    // An opening of captions and clock times leaves the day to the sentence that tells
    // the shooting.
    assert_eq!(
        dated(
            "Someone in a van opened fire about 9:10 p.m. Three men were hurt. View Full Caption \
             Photo Desk\n\nRIVERTON — Three men were shot in a drive-by Wednesday night. The men \
             were walking home from a store, police said.",
            "2014-05-01"
        )
        .as_deref(),
        Some("2014-04-30")
    );
    // The arrest's day gives way to the shooting's, though the figure's sentence names
    // only the arrest's; "was reported" dates the shooting, "police said" a statement.
    assert_eq!(
        dated(
            "DETROIT - A 19-year-old man was arrested Monday in a shooting that left three \
             teenagers injured and a 16-year-old boy dead. Dale Orr is accused of the shooting. \
             Police said the shooting was reported March 26 after an argument.",
            "2017-04-06"
        )
        .as_deref(),
        Some("2017-03-26")
    );
    // Below the opening, a day tied to nothing dates the shooting if it is a fresh one.
    let laurel = |published: &str| {
        dated(
            "Share This:\n\nBy Dana Pruitt\n\n(Elmwood, Ind.) – A police officer is on leave \
             after a person was shot while the officer was off duty.\n\nThe incident happened at \
             a home in or near Elmwood on New Years Eve. The victim was flown to a hospital.",
            published,
        )
    };
    assert_eq!(laurel("2017-01-04").as_deref(), Some("2016-12-31"));
    assert_eq!(laurel("2017-01-20").as_deref(), Some("2017-01-20"));
}

/// "Shots" tell a shooting, and officers wounded are the wounded where no one else is.
#[test]
fn shots_and_wounded_officers_make_an_incident() {
    let ex = extractor();
    let headline = |title: &str| {
        let mut doc = Document::new("paywall", "Subscribe to keep reading.".to_string());
        doc.title = Some(title.to_string());
        extract(&doc, &ex).lead.expect("a lead from the headline")
    };
    let lead = headline("Teen hurt after shots fly on Route 9 in Dover");
    assert_eq!(lead.cause.as_deref(), Some("shooting"));
    assert!(lead.injured.and_then(|c| c.key()).is_some_and(|n| n >= 1));
    let lead = headline("2 officers injured in attempted robbery at Tulsa diner");
    assert_eq!(lead.injured.and_then(|c| c.key()), Some(2));
}

/// A lead the opening puts only in a state (here through its county) is the town of that
/// state the report names as the scene; not a town named as someone's home.
#[test]
fn a_states_lead_is_the_town_the_report_names_in_it() {
    let lead = lead_of(
        "Boy, 11, shot by brother",
        "Snohomish County deputies say a 16-year-old boy shot his 11-year-old brother on Sunday. \
         The younger boy was flown to a hospital. His brother was booked into juvenile detention.\n\n\
         Neighbors heard one shot at an apartment complex near Everett.",
    );
    assert_eq!(town_and_state(&lead), ("Everett", "Washington"));
    let lead = lead_of(
        "Boy, 11, shot by brother",
        "Snohomish County deputies say a 16-year-old boy shot his 11-year-old brother on Sunday. \
         The younger boy was flown to a hospital. His brother was booked into juvenile detention.\n\n\
         The boy's father, an Everett man, was not home.",
    );
    assert_eq!(town_and_state(&lead), ("Washington", "Washington"));
}

/// A follow-up that gives no day of the shooting but its month dates it by the month; one
/// whose opening tells the day keeps the day.
#[test]
fn a_follow_up_dated_only_by_its_month_keeps_the_month() {
    let lead = |body: &str| {
        let mut doc = Document::new("arraigned", body.to_string());
        doc.title = Some("Teen arraigned in girlfriend's shooting death".to_string());
        doc.published = tally_core::Published::parse("2016-06-13");
        extract(&doc, &extractor()).lead.expect("a lead")
    };
    let got = lead(
        "A 17-year-old pleaded not guilty to a murder charge in the shooting death of his \
         15-year-old girlfriend back in April.",
    );
    assert_eq!(got.date.map(|d| d.to_string()).as_deref(), Some("2016-04-01"));
    assert_eq!(got.date_end.map(|d| d.to_string()).as_deref(), Some("2016-04-30"));
    let got = lead(
        "A 17-year-old was shot and wounded Sunday on Elm Street. His brother was shot and \
         killed on the same street back in April.",
    );
    assert_eq!(got.date.map(|d| d.to_string()).as_deref(), Some("2016-06-12"));
    assert_eq!(got.date_end, None);
    // The day of the plea is the report's own (a Monday): the month still dates the shooting.
    let got = lead(
        "A 17-year-old pleaded guilty Monday to manslaughter. It was back in April when his \
         15-year-old girlfriend was shot in his bedroom.",
    );
    assert_eq!(got.date.map(|d| d.to_string()).as_deref(), Some("2016-04-01"));
}

/// The one shot who died further down leaves no wounded, whatever block the shooting was on.
#[test]
fn the_one_shot_who_died_later_in_the_copy_leaves_no_wounded() {
    let lead = lead_of(
        "Police investigate accidental shooting",
        "Detectives are investigating an accidental shooting. Officers were called to the 300 block \
         of Cleveland Street about a person who had been shot. They found a 69-year-old man in the \
         living room.\n\nHe was later pronounced dead at the scene.",
    );
    assert!(lead.killed.and_then(|c| c.key()).is_some_and(|k| k >= 1));
    assert_eq!(lead.injured.and_then(|c| c.key()), None);
}

/// A shooting that struck someone, "the shooting of" someone or a victim, with no death,
/// leaves someone wounded; a suicide attempt with a gun is a shooting, not a bombing.
#[test]
fn someone_struck_in_a_shooting_is_wounded() {
    let cases = [
        (
            "Man charged in accidental shooting",
            "A man was arrested Thursday after he fired a handgun which struck a juvenile in the neck.",
        ),
        (
            "Apparent suicide attempt in Effingham",
            "A teenager was taken to a hospital Monday with an apparently self-inflicted gunshot wound.",
        ),
        (
            "Accidental shooting of toddler under investigation",
            "Deputies are investigating the accidental shooting of a 3-year-old at a home on Pine Road.",
        ),
        (
            "Uncle arrested in shooting",
            "A 21-year-old man was arrested for accidentally shooting his nephew at a home in Lincoln.",
        ),
    ];
    for (title, body) in cases {
        let lead = lead_of(title, body);
        assert_eq!(lead.cause.as_deref(), Some("shooting"), "{title}");
        assert_eq!(lead.injured.and_then(|c| c.key()), Some(1), "{title}");
    }
}

/// An opening that says only "several people" leaves the count to the sentences after it.
#[test]
fn a_vague_opening_takes_the_count_told_below_it() {
    let lead = lead_of(
        "Nightclub shooting sends several to hospital",
        "HARBOR CITY — Police are investigating a nightclub shooting early Saturday that sent several people to the hospital. \
         The shooting happened about 2 a.m. at a club on Front Street. \
         The club had opened in May. Its owner could not be reached. \
         Officers at the scene said four people were shot. None of the wounds were life-threatening.",
    );
    assert_eq!(lead.injured.and_then(|c| c.best), Some(4));
}

/// "Could have killed me" and "nearly killed" tell a death that did not happen.
#[test]
fn a_death_averted_is_no_death() {
    let lead = lead_of(
        "Bystander grazed by stray bullet speaks out",
        "MILLTOWN — A woman hit by a stray bullet outside her home said the gunfire nearly killed her. \
         \"They could have killed me,\" she said from her porch on Wednesday.",
    );
    assert_eq!(lead.killed, None);
}

/// A shooter's own death is counted beside those they killed, but a child who shot and
/// killed himself is the one death.
#[test]
fn one_who_shot_and_killed_himself_is_one_death() {
    let lead = lead_of(
        "Police: 4-year-old accidentally shoots himself",
        "Police say a 4-year-old boy accidentally shot and killed himself Friday evening at a home in Eastwood.",
    );
    assert_eq!(lead.killed.and_then(|c| c.best), Some(1));
    let lead = lead_of(
        "Man kills 2 daughters, then himself",
        "Police say a man shot and killed his two daughters before killing himself Friday evening at a home in Eastwood.",
    );
    assert_eq!(lead.killed.and_then(|c| c.best), Some(3)); // A headline's list of the dead ends on the killer: "kills daughter, himself".
    let lead = lead_of(
        "Parish man kills 7-year-old daughter, himself",
        "Deputies say the two were found dead Sunday at a home on Bayou Road.",
    );
    assert_eq!(lead.killed.and_then(|c| c.best), Some(2));
    let lead = lead_of(
        "Woman kills husband, infant son, then herself",
        "Police were called to the apartment on Elm Street on Sunday morning.",
    );
    assert_eq!(lead.killed.and_then(|c| c.best), Some(3));
    // A suspect who later takes his life in custody is no death of the shooting.
    let lead = lead_of(
        "Suspect in girl's death commits suicide",
        "One of two suspects being held in the fatal shooting of a 3-year-old girl on Elm \
         Street took his own life Wednesday, police said.",
    );
    assert_eq!(lead.killed.and_then(|c| c.best), Some(1));
}

/// Where no one died, a wounded person the opening leaves out is the lead's, told further
/// down: "had been shot and was taken to a hospital".
#[test]
fn a_survivor_told_below_the_opening_is_wounded() {
    let lead = lead_of(
        "Accidental shooting under investigation in Halton County",
        "HALTON CO. — An accidental shooting in Halton County is under investigation. \
         The sheriff's office said it received a call on Sunday around 3 p.m. \
         Deputies went to a home on Hudson Road. \
         When deputies arrived, they learned she had been shot and was airlifted to a hospital.",
    );
    assert_eq!(lead.injured.and_then(|c| c.key()), Some(1));
    assert_eq!(lead.killed, None);
}

/// A headline that dates its shooting by a holiday or a day of the week dates a report whose
/// copy gives no day: the holiday last before the report, the weekday of the days just gone.
#[test]
fn a_headlines_holiday_dates_the_shooting() {
    let date = date_of(
        "Mother charged after girl killed in accidental shooting on New Year's Eve",
        "MAPLETON - Prosecutors have filed charges against the mother of a 5-year-old girl who was \
         killed in an accidental shooting.",
        "2017-01-18",
    );
    assert_eq!(date.as_deref(), Some("2016-12-31"));
    // A day of the week, a fresh one: Monday's report of "Saturday night".
    let date = date_of(
        "Man killed in Saturday night shooting on Elm Street",
        "Subscribe to keep reading.",
        "2017-01-16",
    );
    assert_eq!(date.as_deref(), Some("2017-01-14"));
}

/// "A double-shooting" that killed one wounded the other; "a fourth victim remains
/// hospitalized" beside three dead is a survivor.
#[test]
fn a_hyphenated_double_shooting_and_a_fourth_victim_wounded() {
    let lead = lead_of(
        "Police identify teen killed in double-shooting",
        "Police on Friday identified a 17-year-old boy killed in a double-shooting in the \
         northeast of the city Thursday night. The boy was shot in the 1700 block of Birch Street.",
    );
    assert_eq!(lead.killed.and_then(|c| c.best), Some(1));
    assert_eq!(lead.injured.and_then(|c| c.best), Some(1));
    let lead = lead_of(
        "3 dead in Capulin shooting",
        "The coroner confirmed Monday that three people have died in a shooting in Capulin. \
         A suspect was arrested. The coroner says a fourth victim remains hospitalized.",
    );
    assert_eq!(lead.killed.and_then(|c| c.best), Some(3));
    assert!(lead.injured.and_then(|c| c.key()).is_some_and(|n| n >= 1));
}

/// A report whose opening names no day of the shooting, and no court, is dated by the day
/// further down that dates the shooting in full, a week to about a year before.
#[test]
fn a_report_whose_opening_names_no_day_takes_the_one_given_in_full() {
    let date = date_of(
        "Police seek new leads in shooting of 11-year-old boy",
        "Police continue to search for three men who fired more than two dozen bullets into a home \
         last fall. Detectives are asking for tips. The family has since moved away. A neighbor \
         said the street is quiet now. Anyone with information about the Nov. 26, 2016 shooting \
         is asked to call detectives.",
        "2017-01-25",
    );
    assert_eq!(date.as_deref(), Some("2016-11-26"));
}

/// Animals hit by a shot are no one's wounded: "injured one of the family dogs".
#[test]
fn animals_hit_are_not_the_wounded() {
    let lead = lead_of(
        "Boy, 9, killed when brother's rifle goes off",
        "A 9-year-old boy was killed Sunday when his brother's rifle went off in their home near \
         Dalton, the sheriff's office said.\n\nThe bullet struck and killed the boy and injured \
         one of the family dogs, deputies said. A neighbour's two horses were also hurt.",
    );
    assert_eq!(lead.killed.and_then(|c| c.key()), Some(1), "{:?}", lead.killed);
    assert_eq!(lead.injured, None, "{:?}", lead.injured);
}

/// Ages in a headline ("Dead at 25", "3 year old shot") and numbers of a photo gallery or a
/// station ("Image 1 of 8", "News 8") count no one.
#[test]
fn ages_galleries_and_stations_are_no_counts() {
    let lead = lead_of(
        "Boxer Dead at 27; Shot Himself Cleaning Rifle",
        "A professional boxer died Saturday after a rifle he was cleaning went off at his home in \
         Garland, police said.",
    );
    assert_eq!(lead.injured, None, "{:?}", lead.injured);
    let lead = lead_of(
        "4 year old shot in west Tulsa",
        "A 4-year-old boy was shot in the leg Sunday at a home in west Tulsa, police said. He is \
         expected to recover.",
    );
    assert_eq!(lead.injured.and_then(|c| c.key()), Some(1), "{:?}", lead.injured);
    let lead = lead_of(
        "Boy, 5, dies after shooting himself",
        "Image 1 of / 9 Caption Close Image 1 of 9 A 5-year-old boy was shot at a home in \
         Pasadena on Friday. He died at a hospital.\n\nHis aunt told Eyewitness News 13 she \
         had heard one shot.",
    );
    assert_eq!(lead.injured, None, "{:?}", lead.injured);
    assert_eq!(lead.killed.and_then(|c| c.key()), Some(1), "{:?}", lead.killed);
}

/// "Fatally injured" and "mortally wounded" are deaths, not wounds.
#[test]
fn the_fatally_injured_are_dead() {
    let lead = lead_of(
        "Man held after boy's death",
        "A man was arrested Monday after a 4-year-old boy was fatally injured by a gunshot at a \
         house in Sparta, deputies said.",
    );
    assert_eq!(lead.killed.and_then(|c| c.key()), Some(1), "{:?}", lead.killed);
    assert_eq!(lead.injured, None, "{:?}", lead.injured);
}

/// A follow-up whose opening dates only the arrest names the shooting by its day further
/// down: "the Feb. 28 shooting". One whose opening dates the shooting keeps that day.
#[test]
fn a_shooting_named_by_its_day_dates_a_follow_up() {
    let date = date_of(
        "Teen charged in shooting of chase suspect",
        "A 17-year-old was charged Monday with aggravated assault, police said.\n\n\
         Investigators said he fired at a man who ran from officers.\n\n\
         The victim is still in intensive care a week after the Feb. 28 shooting on Canoga Lane.",
        "2017-03-06",
    );
    assert_eq!(date.as_deref(), Some("2017-02-28"));
    let date = date_of(
        "Man shot outside bar",
        "A man was shot Sunday night outside a bar on Elm Street, police said.\n\n\
         Police said the shooting was unrelated to the May 3 killing of a bartender nearby.",
        "2016-05-10",
    );
    assert_eq!(date.as_deref(), Some("2016-05-08"));
}

/// A report that dates the shooting it follows up only by "last year" is dated by that
/// year, as its first day.
#[test]
fn a_follow_up_of_last_years_shooting_is_dated_by_that_year() {
    let date = date_of(
        "Gang members plead guilty in family attack",
        "Four gang members pleaded guilty to murder in the shooting deaths of a mother and her \
         son last year, prosecutors said.\n\nA fifth man is still sought.",
        "2016-01-28",
    );
    assert_eq!(date.as_deref(), Some("2015-01-01"));
}

/// An opening that dates only what followed ("taken into custody Tuesday") leaves the day
/// to the lead sentence that dates the shooting itself.
#[test]
fn a_day_of_the_aftermath_yields_to_the_shootings_own_day_below() {
    let date = date_of(
        "Arrest made in fatal shooting of toddler",
        "(Photo: Staff)\n\nMARRERO, La. -- Deputies arrested a 24-year-old man for allegedly \
         shooting a toddler.\n\nAccording to the sheriff's office, the man was taken into \
         custody Tuesday, Dec. 13, and charged with murder.\n\nThe sheriff said the man denied \
         being at the house where the fatal shooting happened Dec. 3.",
        "2016-12-15",
    );
    assert_eq!(date.as_deref(), Some("2016-12-03"));
}

/// A follow-up that dates its shooting by a year named in full ("in 2015") is dated by that
/// year; a year that only describes someone ("a 2012 graduate") dates nothing.
#[test]
fn a_follow_up_dated_by_a_named_year_is_dated_by_that_year() {
    let date = date_of(
        "Man admits killing three in robbery",
        "A Toledo man has pleaded guilty to shooting three people dead during a robbery at a \
         duplex in 2015.\n\nHe is due to be sentenced next month.",
        "2017-02-14",
    );
    assert_eq!(date.as_deref(), Some("2015-01-01"));
    let date = date_of(
        "Gunman had no known motive",
        "Investigators said they still did not know why the gunman, a 2014 graduate of the \
         local college who was killed, opened fire.\n\nThe shooting lasted ten minutes.",
        "2016-02-25",
    );
    assert_eq!(date.as_deref(), Some("2016-02-25"));
}

/// A page stamped Sunday that tells of "late Sunday" and "early Monday" was revised on
/// Monday: its Monday is the next day, not six days before, and the shooting was Sunday.
#[test]
fn a_weekday_after_a_stale_stamp_is_the_next_day() {
    let date = date_of(
        "1 dead, 6 wounded in city shootings",
        "An argument on a West Side street late Sunday ended with a man killed and a woman \
         wounded, police said.\n\nFive other people were shot from Sunday afternoon to early \
         Monday, police said.",
        "2017-02-05",
    );
    assert_eq!(date.as_deref(), Some("2017-02-05"));
}

/// A neighbour's quoted words, however many sentences, do not push the day the copy gives
/// the shooting out of the lead.
#[test]
fn quoted_speech_does_not_push_the_day_out_of_the_lead() {
    let date = date_of(
        "Teen killed, man jailed in apartment shooting",
        "Residents of one apartment building are on edge.\n\n\"I don't like it. This is too \
         close. It hurts. I can't sleep. I keep thinking. What's next? Who's next?\" tenant \
         Carla Diaz said.\n\nA 16-year-old girl is dead following a shooting around 10:30 \
         Monday night at the Falls Apartments, police said.",
        "2016-08-02",
    );
    assert_eq!(date.as_deref(), Some("2016-08-01"));
}

/// A headline's holiday dates the shooting a later report follows up, where the opening
/// gives only the day of the follow-up.
#[test]
fn a_headline_holiday_outweighs_the_day_of_a_follow_up() {
    let date = date_of(
        "Victims of Christmas night shooting identified",
        "The sheriff's office released on Monday the names of four people shot at a home on \
         Odessa Street.",
        "2015-12-30",
    );
    assert_eq!(date.as_deref(), Some("2015-12-25"));
}

/// A weekday's possessive is the day of what it owns: "police said Friday's shooting" dates
/// the shooting, not what police said.
#[test]
fn a_weekdays_possessive_dates_what_it_owns() {
    let date = date_of(
        "Police: teen's death was an accident",
        "Jacksonville police said Friday's shooting death of a 17-year-old girl was an \
         accident.\n\nHer boyfriend was playing with a gun, police said.",
        "2015-10-05",
    );
    assert_eq!(date.as_deref(), Some("2015-10-02"));
}

/// Those the copy says were shot or wounded and died of it are dead, not wounded; a charge's
/// count ("one count of malicious wounding") counts no one.
#[test]
fn the_shot_who_died_of_it_are_dead() {
    let cases = [
        (
            "Woman dies days after Elmwood shooting",
            "ELMWOOD — A woman who was wounded in a Sunday night shooting on Oak Street has died, deputies said.",
            1,
        ),
        (
            "Teens charged in boy's death",
            "Two teens were charged Friday in the shooting death of a 15-year-old boy who was shot in the head at a home on Birch Lane.",
            1,
        ),
        (
            "Deputies piece together Lolo deaths",
            "Deputies are trying to understand what led to the deaths of two people shot near the river on Sunday.",
            2,
        ),
    ];
    for (title, body, dead) in cases {
        let lead = lead_of(title, body);
        assert_eq!(lead.killed.and_then(|c| c.key()), Some(dead), "{title}");
        assert_eq!(lead.injured.and_then(|c| c.key()), None, "{title}");
    }
    let lead = lead_of(
        "Man charged in Bluefield shooting",
        "BLUEFIELD — Police said the man will face one count of malicious wounding after a shooting on Grove Street on Monday.",
    );
    assert_eq!(lead.injured.and_then(|c| c.best), None);
}

/// A killing attempted or plotted is no death, and neither is a road named for a river.
#[test]
fn a_death_plotted_or_a_place_named_dead_is_no_death() {
    let lead = lead_of(
        "Girl found in canal was shot in head, police say",
        "MILLVILLE — A 14-year-old girl found in a dry canal had been shot in the head, investigators said. \
         Two 16-year-old boys were charged Tuesday with attempted aggravated murder. \
         Police believe the boys plotted to kill her.",
    );
    assert_eq!(lead.killed, None);
    assert_eq!(lead.injured.and_then(|c| c.key()), Some(1));
    let lead = lead_of(
        "Toddler wounded in drive-by",
        "LAKEVIEW — A 2-year-old girl who was injured Tuesday in a drive-by shooting has been released \
         from the hospital. Someone fired several shots near Haynes and Dead River roads, police said.",
    );
    assert_eq!(lead.killed, None);
    assert_eq!(lead.injured.and_then(|c| c.key()), Some(1));
    let lead = lead_of(
        "Man charged in shooting of boy, 3",
        "OAK PARK — A man was charged with careless discharge of a firearm causing injury or death \
         after a 3-year-old boy was shot in the leg at a home on Elm Street, police said.",
    );
    assert_eq!(lead.killed, None);
}

/// A line in capitals between paragraphs is another story's headline the page links to:
/// its "DEADLY CRASH" is no death of this report's.
#[test]
fn another_storys_headline_in_capitals_tells_no_death() {
    let lead = lead_of(
        "Boy, parents hit in road rage shooting",
        "A family went through terrifying moments on Sunday night when a case of road rage led to gunshots.\n\n\
         DRUNKEN DRIVER GETS 3 MONTHS IN PRISON AFTER DEADLY CRASH\n\n\
         Police said someone in one of the cars opened fire, and the bullets hit the father's wife and son.",
    );
    assert_eq!(lead.killed, None);
}

/// A title-case headline capitalises every word: "Surprise" there is the word the body
/// writes in lower case, not the town in Arizona.
#[test]
fn a_word_of_a_title_case_headline_is_no_town() {
    let lead = lead_of(
        "Slain 'Home Invader' Was Friend Planning Surprise: Police",
        "A man trying to surprise his friend at her home was shot dead on Thursday night. \
         The woman told police she thought he was an intruder.",
    );
    assert_ne!(lead.place.map(|p| p.name), Some("Surprise".to_string()));
}

/// "Passed away" is a death.
#[test]
fn passed_away_is_a_death() {
    let lead = lead_of(
        "Boy shot in head taken off life support",
        "UPDATE: The boy was taken off life support on Sunday and passed away, police said.",
    );
    assert_eq!(lead.killed.and_then(|c| c.key()), Some(1));
}

/// A murder-suicide is two deaths at least; a double murder-suicide three; an attempted
/// one none.
#[test]
fn a_murder_suicide_is_two_deaths() {
    let lead = lead_of(
        "Family in Millbrook murder-suicide identified",
        "Police on Tuesday released the names of the family members in the shooting at the home on Oak Lane.",
    );
    assert_eq!(lead.killed.and_then(|c| c.key()), Some(2));
    let lead = lead_of(
        "Police investigate apparent double murder-suicide",
        "Officers were called to the shooting at a house on Birch Street on Sunday.",
    );
    assert_eq!(lead.killed.and_then(|c| c.key()), Some(3));
    let lead = lead_of(
        "Baby wounded during attempted murder-suicide",
        "A baby was wounded and a man shot himself in a home on Elm Street, police said.",
    );
    assert_eq!(lead.killed, None);
}
