//! Incidents end to end: linking with reasons, and people's corrections surviving a re-link.

mod common;

use common::{linked_ledger, tally};
use serde_json::Value;
use std::path::Path;

fn incidents(db: &Path) -> Vec<Value> {
    let out = tally(&["export", "--format", "incidents"], db);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn groups(db: &Path) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = incidents(db)
        .iter()
        .map(|i| {
            let mut docs: Vec<String> = i["documents"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_str().unwrap().to_string())
                .collect();
            docs.sort();
            docs
        })
        .collect();
    groups.sort();
    groups
}

fn ok(args: &[&str], db: &Path) -> String {
    let out = tally(args, db);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const REPORTS: &str = r#"{"id": "wmc-1", "published": "2017-01-22", "text": "MEMPHIS, Tenn. — A 24-year-old man was shot and killed late Saturday outside a store on Lamar Avenue, police said. Police identified the victim as Darnell Price, 24."}
{"id": "wreg-1", "published": "2017-01-22", "text": "MEMPHIS, Tenn. — Darnell Price, 24, died after he was shot outside a Lamar Avenue store on Saturday night. Two other men were wounded, police said."}
{"id": "ap-1", "published": "2017-01-23", "text": "MEMPHIS, Tenn. (AP) — Police in Memphis say a man killed outside a store Saturday was Darnell Price, 24, and that two others were hurt."}
{"id": "kc-1", "published": "2017-03-02", "text": "KANSAS CITY, Mo. — A woman was fatally shot in her car on Tuesday night, police said. She was identified as Lena Moss, 31."}
"#;

#[test]
fn reports_of_one_shooting_are_one_incident_with_reasons_and_a_range() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let input = dir.path().join("reports.jsonl");
    std::fs::write(&input, REPORTS).unwrap();
    ok(&["ingest", input.to_str().unwrap()], &db);
    let said = ok(&["link"], &db);
    assert!(
        said.contains("linked 4 reports: 2 joined an incident, 2 opened a new one"),
        "{said}"
    );
    assert_eq!(groups(&db), [vec!["ap-1", "wmc-1", "wreg-1"], vec!["kc-1"]]);
    let memphis = incidents(&db)
        .into_iter()
        .find(|i| i["documents"].as_array().unwrap().len() == 3)
        .unwrap();
    assert_eq!(memphis["place"]["name"], "Memphis");
    assert_eq!(memphis["place"]["admin1"], "Tennessee");
    assert_eq!(memphis["killed"]["best"], 1);
    assert_eq!(memphis["date"]["start"], "2017-01-21");
    let reasons = memphis["reasons"].to_string();
    assert!(
        reasons.contains("same town and day (Memphis, 2017-01-21)"),
        "{reasons}"
    );
    assert!(reasons.contains("same person named (Darnell Price)"), "{reasons}");
    assert_eq!(memphis["people"][0]["name"], "Darnell Price");
    assert_eq!(memphis["people"][0]["status"], "killed");
    let redacted = tally(&["export", "--format", "incidents", "--names", "none"], &db);
    let redacted = String::from_utf8(redacted.stdout).unwrap();
    assert!(
        !redacted.contains("Darnell") && redacted.contains("\"people\":[]"),
        "{redacted}"
    );
    // Linking again links nothing new.
    assert!(ok(&["link"], &db).contains("linked 0 reports"));
}

/// Reports' named children are exported as the press named them, with their ages; a
/// ledger published beyond the team may name a child only among the dead.
#[test]
fn minors_are_named_as_reported_or_only_among_the_dead() {
    let (_dir, db) = linked_ledger(
        r#"{"id": "wdtn-1", "published": "2017-03-11", "text": "DAYTON, Ohio — Jalen Brooks, 16, was shot and killed Friday night outside a corner store. Marcus Reed, 15, was wounded, police said."}
"#,
    );
    let incident = incidents(&db).into_iter().next().unwrap();
    let people = incident["people"].to_string();
    assert!(
        people.contains(r#""age":16,"name":"Jalen Brooks""#)
            && people.contains(r#""age":15,"name":"Marcus Reed""#),
        "{people}"
    );
    let withheld = tally(
        &["export", "--format", "incidents", "--names", "withhold-minors"],
        &db,
    );
    let withheld = String::from_utf8(withheld.stdout).unwrap();
    assert!(
        withheld.contains("Jalen Brooks") && !withheld.contains("Marcus Reed"),
        "{withheld}"
    );
}

#[test]
fn a_persons_split_and_merge_survive_linking_afresh() {
    let (_dir, db) = linked_ledger(REPORTS);
    let memphis = incidents(&db)
        .into_iter()
        .find(|i| i["documents"].as_array().unwrap().len() == 3)
        .unwrap();
    let id = memphis["incident"].as_str().unwrap().to_string();

    let why = "the AP story is about a second shooting";
    ok(
        &[
            "incidents",
            "split",
            &id,
            "--documents",
            "ap-1",
            "--why",
            why,
            "--who",
            "rana",
        ],
        &db,
    );
    ok(&["link", "--again"], &db);
    assert_eq!(groups(&db), [vec!["ap-1"], vec!["kc-1"], vec!["wmc-1", "wreg-1"]]);

    let kc = incidents(&db)
        .into_iter()
        .find(|i| i["documents"][0] == "kc-1")
        .unwrap();
    let ap = incidents(&db)
        .into_iter()
        .find(|i| i["documents"][0] == "ap-1")
        .unwrap();
    ok(
        &[
            "incidents",
            "merge",
            ap["incident"].as_str().unwrap(),
            kc["incident"].as_str().unwrap(),
            "--why",
            "test",
            "--who",
            "rana",
        ],
        &db,
    );
    ok(&["link", "--again"], &db);
    assert_eq!(groups(&db), [vec!["ap-1", "kc-1"], vec!["wmc-1", "wreg-1"]]);

    let log = tally(&["incidents", "log"], &db);
    let log = String::from_utf8(log.stdout).unwrap();
    assert!(
        log.contains("split") && log.contains("merge") && log.contains(why) && log.contains("rana"),
        "{log}"
    );
    let bad = tally(&["incidents", "merge", "inc-999999", &id, "--why", "x"], &db);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no incident inc-999999"));
}

#[test]
fn tallies_and_counts_over_incidents_leave_aggregates_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let input = dir.path().join("reports.jsonl");
    let monthly = r#"{"id": "monthly", "published": "2017-02-01", "text": "MEMPHIS, Tenn. — Police said 17 people were killed in shootings in Memphis from January 1 to January 31, up from 12 in December."}"#;
    std::fs::write(&input, format!("{REPORTS}{monthly}\n")).unwrap();
    ok(&["ingest", input.to_str().unwrap()], &db);
    ok(&["link"], &db);
    let stdout = |args: &[&str]| {
        let out = tally(args, &db);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let sum = stdout(&[
        "tally",
        "--kind",
        "killed",
        "--place",
        "Memphis",
        "--from",
        "2017-01-01",
        "--to",
        "2017-01-31",
    ]);
    assert!(
        sum.starts_with("killed in Memphis from 2017-01-01 to 2017-01-31: 1–1 (best 1) over 1 incidents"),
        "{sum}"
    );
    assert!(
        sum.contains("aggregate claims, not summed") && sum.contains("17 (2017-01-01..2017-01-31)"),
        "{sum}"
    );
    assert!(stdout(&["count", "--place", "Tennessee", "--kind", "injured"]).starts_with("1 incidents"));
    assert!(stdout(&["count", "--person", "Price"]).starts_with("1 incidents"));
    assert!(stdout(&["count", "--person", "Moss"]).starts_with("1 incidents"));
    assert!(stdout(&["count", "--place", "Chicago"]).starts_with("0 incidents"));
}

#[test]
fn a_reprinted_wire_story_is_one_independent_source() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let wire = "TULSA, Okla. (AP) — A man opened fire at a birthday party in north Tulsa late Saturday, killing one guest and wounding two others before fleeing on foot, police said. Officers found the three victims in the backyard of a home on Hartford Avenue. Police said no arrests had been made and asked witnesses to come forward.";
    let local = "TULSA, Okla. — Police are searching for the gunman who fired into a crowd celebrating a birthday in a north Tulsa backyard on Saturday night. A 19-year-old man died at the scene and two women were taken to a hospital with gunshot wounds, a police spokeswoman told reporters at the scene.";
    let record = |id: &str, text: &str| {
        serde_json::json!({"id": id, "published": "2017-05-07", "text": text}).to_string()
    };
    let lines = [
        record("ap", wire),
        record(
            "reprint-a",
            &format!("{wire} Copyright 2017 The Associated Press."),
        ),
        record("reprint-b", &format!("{wire} Read more local news.")),
        record("local", local),
    ];
    let input = dir.path().join("reports.jsonl");
    std::fs::write(&input, lines.join("\n")).unwrap();
    ok(&["ingest", input.to_str().unwrap()], &db);
    ok(&["link"], &db);
    let all = incidents(&db);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0]["documents"].as_array().unwrap().len(), 4);
    assert_eq!(all[0]["independent_sources"], 2);
    assert_eq!(all[0]["grade"], "fair");

    // The wire story and its reprints alone are one source: the grade stays weak.
    let (_dir, db) = linked_ledger(&lines[..3].join("\n"));
    let all = incidents(&db);
    assert_eq!((all.len(), all[0]["independent_sources"].as_u64()), (1, Some(1)));
    assert_eq!(all[0]["grade"], "weak");
    assert!(
        all[0]["reasons"].to_string().contains("same wording as ap"),
        "{}",
        all[0]["reasons"]
    );
}

/// Two reports of a station that say their state, and one that takes it for granted.
const STATION: &str = r#"{"id": "wkxq-1", "url": "https://www.wkxq.com/news/1", "published": "2016-05-02", "text": "DAVENPORT, Iowa — A 19-year-old man was shot and killed early Sunday outside an apartment building, police said."}
{"id": "wkxq-2", "url": "https://www.wkxq.com/news/2", "published": "2016-06-11", "text": "Two people were wounded in a shooting Friday night in Muscatine, Iowa, police said. Both were taken to a hospital."}
{"id": "wkxq-3", "url": "https://www.wkxq.com/news/3", "published": "2016-07-09", "text": "A man was shot and killed Friday night outside a bar in downtown Clinton, police said. Officers found him on the sidewalk."}
"#;

#[test]
fn an_outlets_home_state_places_the_report_that_names_none() {
    let (_dir, db) = linked_ledger(STATION);
    let clinton = incident_opened_by(&db, "wkxq-3");
    assert_eq!(clinton["place"]["name"], "Clinton");
    assert_eq!(clinton["place"]["admin1"], "Iowa", "{clinton}");
    // Read once more the same: the home is not learnt from its own readings.
    ok(&["link", "--again"], &db);
    let clinton = incident_opened_by(&db, "wkxq-3");
    assert_eq!(clinton["place"]["admin1"], "Iowa", "{clinton}");
}

/// The incident whose first report is `document`.
fn incident_opened_by(db: &Path, document: &str) -> Value {
    incidents(db)
        .into_iter()
        .find(|i| i["documents"][0] == document)
        .unwrap_or_else(|| panic!("{document} opens an incident"))
}

/// A station's reports, one of them also posted on a sister station's site in another
/// state, credited to the station that reported it.
const SISTERS: &str = r#"{"id": "wkxq-1", "url": "https://www.wkxq.com/news/1", "published": "2016-05-02", "text": "DAVENPORT, Iowa — A 19-year-old man was shot and killed early Sunday outside an apartment building, police said.\n\nCopyright 2016 WKXQ. All rights reserved."}
{"id": "wkxq-2", "url": "https://www.wkxq.com/news/2", "published": "2016-06-11", "text": "Two people were wounded in a shooting Friday night in Muscatine, Iowa, police said.\n\nCopyright 2016 WKXQ. All rights reserved."}
{"id": "wflx-1", "url": "https://www.wflx.com/news/1", "published": "2016-05-20", "text": "WEST PALM BEACH, Fla. — A woman was wounded in a shooting Thursday, police said.\n\nCopyright 2016 WFLX. All rights reserved."}
{"id": "wflx-2", "url": "https://www.wflx.com/news/2", "published": "2016-06-20", "text": "A man was shot Sunday in Jupiter, Fla., deputies said.\n\nCopyright 2016 WFLX. All rights reserved."}
{"id": "wflx-3", "url": "https://www.wflx.com/news/3", "published": "2016-07-09", "text": "A man was shot and killed Friday night outside a bar in downtown Clinton, police said. Officers found him on the sidewalk.\n\nCopyright 2016 WKXQ. All rights reserved."}
"#;

#[test]
fn a_sister_sites_copy_is_placed_from_the_station_it_credits() {
    let (_dir, db) = linked_ledger(SISTERS);
    let clinton = incident_opened_by(&db, "wflx-3");
    assert_eq!(clinton["place"]["name"], "Clinton", "{clinton}");
    assert_eq!(clinton["place"]["admin1"], "Iowa", "{clinton}");
}

/// One shooting put in a township by one station and in the city by another, told three
/// days apart, and a shooting in the same city that week.
const APART: &str = r#"{"id": "wkrn-1", "published": "2016-05-08", "text": "ANTIOCH, Tenn. — Two men were wounded early Saturday in a shooting outside the Kestrel Lounge on Bellwood Pike, police said. Witnesses told officers an argument began inside the bar after a Grizzlies game on the Lounge's televisions."}
{"id": "tn-1", "published": "2016-05-11", "text": "NASHVILLE, Tenn. — Detectives have charged a man with shooting two patrons outside the Kestrel Lounge on Bellwood Pike. The argument began over the Grizzlies game, an arrest affidavit says."}
{"id": "tn-2", "published": "2016-05-10", "text": "NASHVILLE, Tenn. — A man was wounded Monday in a shooting at a car wash on Dickerson Road, police said. He was taken to Vanderbilt University Medical Center."}
"#;

#[test]
fn reports_placed_apart_share_their_rare_words() {
    let (_dir, db) = linked_ledger(APART);
    assert_eq!(groups(&db), [vec!["tn-1", "wkrn-1"], vec!["tn-2"]]);
    let lounge = incidents(&db)
        .into_iter()
        .find(|i| i["documents"].as_array().unwrap().len() == 2)
        .unwrap();
    let reasons = lounge["reasons"].to_string();
    assert!(
        reasons.contains("rare words in common (bellwood, grizzlies, kestrel, lounge"),
        "{reasons}"
    );
}

const TWO_THE_SAME_DAY: &str = r#"{"id": "a-1", "published": "2017-04-02", "text": "DAYTON, Ohio — A man was shot and killed outside a gas station on Salem Avenue on Saturday night, police said. He was identified as Tom Hale, 52."}
{"id": "b-1", "published": "2017-04-02", "text": "DAYTON, Ohio — A woman was shot and killed in her home on Saturday, police said. She was identified as Alma Reyes, 44. Police arrested her husband, Carl Reyes, 47."}
{"id": "n-1", "published": "2017-04-03", "text": "DAYTON, Ohio — A woman was shot and killed in her home on Saturday night. Police arrested Carl Reyes, 47, on a murder charge."}
"#;

/// A report that two of a town's incidents of one day would take joins the one it is tied to
/// more strongly: the one whose suspect it names, not the first of the day.
#[test]
fn a_report_joins_the_incident_it_shares_the_most_with() {
    let (_dir, db) = linked_ledger(TWO_THE_SAME_DAY);
    assert_eq!(groups(&db), [vec!["a-1"], vec!["b-1", "n-1"]]);
}

const A_ROUNDUP: &str = r#"{"id": "k-1", "published": "2017-04-02", "title": "Man killed outside Dayton gas station", "text": "DAYTON, Ohio — A man was shot and killed outside a gas station on Salem Avenue on Saturday night, police said. He was identified as Tom Hale, 52."}
{"id": "r-1", "published": "2017-04-02", "title": "1 dead, 3 wounded in Dayton shootings", "text": "DAYTON, Ohio — Tom Hale, 52, was killed outside a gas station on Salem Avenue on Saturday night, and three other people were wounded in shootings across the city, police said. Among the wounded was Rita Voss, 30, who was shot in the leg on Third Street."}
"#;

/// A round-up joins the shooting it tells first, but the people it names from the others
/// are not that shooting's.
#[test]
fn a_roundups_people_are_its_incidents_only_where_others_name_them() {
    let (_dir, db) = linked_ledger(A_ROUNDUP);
    assert_eq!(groups(&db), [vec!["k-1", "r-1"]]);
    let people: Vec<String> = incidents(&db)[0]["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(people, ["Tom Hale"]);
}

const PLACED_ONLY_IN_THE_STATE: &str = r#"{"id": "s-1", "published": "2017-03-12", "title": "Police: Ohio man kills stepfather, wounds 3 others", "text": "An Ohio man shot and killed his stepfather and wounded three other people at a family gathering on Saturday night, sheriff's deputies said."}
{"id": "t-1", "published": "2017-03-12", "title": "1 dead, 3 hurt in Columbus shooting", "text": "COLUMBUS, Ohio — One man was killed and three people were wounded in a shooting at a home Saturday night, police said."}
{"id": "u-1", "published": "2017-03-12", "title": "Ohio teen hurt in shooting", "text": "An Ohio teenager was wounded on Saturday night when someone fired into a car, deputies said."}
"#;

/// A report that puts its shooting only in its state joins the town's incident of the same
/// day, dead and wounded; one with another toll stays apart. (Twenty shootings of other
/// months make the state's name a common word, as it is in a real ledger.)
#[test]
fn a_report_placed_only_in_its_state_joins_by_day_and_toll() {
    let towns = ["Akron", "Dayton", "Toledo", "Canton", "Lorain"];
    let others: String = (0..20)
        .map(|i| {
            format!(
                r#"{{"id": "o-{i}", "published": "2016-0{}-1{}", "text": "{}, Ohio — A man was wounded in a shooting on Friday, police said."}}"#,
                1 + i % 9,
                i % 10,
                towns[i % 5].to_uppercase()
            ) + "\n"
        })
        .collect();
    let (_dir, db) = linked_ledger(&(others + PLACED_ONLY_IN_THE_STATE));
    let groups: Vec<Vec<String>> = groups(&db)
        .into_iter()
        .filter(|g| !g[0].starts_with("o-"))
        .collect();
    assert_eq!(groups, [vec!["s-1", "t-1"], vec!["u-1"]]);
    let joined = incidents(&db)
        .into_iter()
        .find(|i| i["documents"].as_array().unwrap().len() == 2)
        .unwrap();
    let reasons = joined["reasons"].to_string();
    assert!(reasons.contains("same state, day and toll"), "{reasons}");
}
