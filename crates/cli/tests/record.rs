//! A record researchers can trust: grades from the outlet register, corrections that
//! survive re-extraction, deletions, and diffs between two ledgers.

mod common;

use common::{linked_ledger, tally};
use serde_json::Value;
use std::path::Path;

fn ok(args: &[&str], db: &Path) -> (String, String) {
    let out = tally(args, db);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn incidents(db: &Path) -> Vec<Value> {
    ok(&["export", "--format", "incidents"], db)
        .0
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn record(id: &str, outlet: &str, text: &str) -> String {
    serde_json::json!({"id": id, "outlet": outlet, "published": "2017-03-14", "text": text}).to_string()
}

const WIRE: &str = "BEIRUT — Air strikes killed 11 civilians, among them four children, in the town of Ariha in Idlib province on Tuesday, a monitoring group said. The Syrian Observatory for Human Rights said the strikes hit a market in the centre of the town shortly after noon. Rescue workers were still searching the rubble for survivors late in the day.";
const OTHER: &str = "IDLIB — Rescuers in Ariha pulled bodies from a flattened market on Tuesday after warplanes struck the town at midday, killing 11 civilians, residents said. A local doctor said the town's only clinic had treated more than 30 wounded people by the evening.";

/// The grade of the one incident in a ledger made of `lines`.
fn grade(lines: &[String], extra: &[&str]) -> (String, u64, String) {
    let (dir, db) = linked_ledger(&lines.join("\n"));
    if !extra.is_empty() {
        let mut args = vec!["regrade"];
        args.extend(extra);
        ok(&args, &db);
    }
    let all = incidents(&db);
    assert_eq!(all.len(), 1, "{all:?}");
    drop(dir);
    (
        all[0]["grade"].as_str().unwrap().to_string(),
        all[0]["independent_sources"].as_u64().unwrap(),
        all[0]["grade_reasons"].to_string(),
    )
}

#[test]
fn a_reprinted_wire_story_does_not_raise_a_grade() {
    let reuters = record("reuters-1", "Reuters", WIRE);
    let reprint = record(
        "sabah-1",
        "Daily Sabah",
        &format!("{WIRE} Reporting by Reuters staff."),
    );
    let (graded, sources, why) = grade(std::slice::from_ref(&reuters), &[]);
    assert_eq!((graded.as_str(), sources), ("weak", 1), "{why}");
    // Reprinted by another outlet: still one source, still weak.
    let (graded, sources, why) = grade(&[reuters.clone(), reprint.clone()], &[]);
    assert_eq!((graded.as_str(), sources), ("weak", 1), "{why}");
    assert!(why.contains("a single source: Reuters (wire service)"), "{why}");
    // A report of its own from another outlet corroborates it.
    let afp = record("afp-1", "AFP", OTHER);
    let (graded, sources, why) = grade(&[reuters, reprint, afp], &[]);
    assert_eq!((graded.as_str(), sources), ("fair", 2), "{why}");
}

#[test]
fn partisan_outlets_alone_do_not_corroborate_and_a_users_register_is_honoured() {
    let lines = [record("sana-1", "SANA", WIRE), record("tass-1", "TASS", OTHER)];
    let (graded, sources, why) = grade(&lines, &[]);
    assert_eq!((graded.as_str(), sources), ("weak", 2), "{why}");
    assert!(why.contains("every source speaks for a side"), "{why}");

    // A user's register that calls TASS an independent outlet changes the grade on regrade.
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("outlets.toml");
    std::fs::write(
        &mine,
        "[[outlet]]\nname = \"TASS\"\naffiliation = \"independent\"\n",
    )
    .unwrap();
    let (graded, _, why) = grade(&lines, &["--outlets", mine.to_str().unwrap()]);
    assert_eq!(graded, "fair", "{why}");
}

const REPORTS: &str = r#"{"id": "wmc-1", "published": "2017-01-22", "text": "MEMPHIS, Tenn. — A 24-year-old man was shot and killed late Saturday outside a store on Lamar Avenue, police said. Police identified the victim as Darnell Price, 24."}
{"id": "kc-1", "published": "2017-03-02", "text": "KANSAS CITY, Mo. — Two people were killed and three were wounded in a shooting outside a bar on Tuesday night, police said."}
{"id": "kc-2", "published": "2017-03-08", "text": "KANSAS CITY, Mo. — A woman was fatally shot in her car on Monday night, police said. She was identified as Lena Moss, 31."}
"#;

/// The claims of one report as the claim export gives them.
fn claims(db: &Path, document: &str) -> Vec<Value> {
    ok(&["export", "--format", "jsonl"], db)
        .0
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|c| c["document"] == document)
        .collect()
}

fn incident_of<'a>(all: &'a [Value], document: &str) -> &'a Value {
    all.iter()
        .find(|i| i["documents"].as_array().unwrap().iter().any(|d| d == document))
        .unwrap_or_else(|| panic!("{document} is in no incident: {all:?}"))
}

#[test]
fn a_correction_survives_reextract() {
    let (_dir, db) = linked_ledger(REPORTS);
    let before = claims(&db, "kc-1");
    assert_eq!(before[0]["kind"], "killed");
    assert_eq!(before[0]["count"]["best"], 2);

    let why = ["--why", "the police later gave three dead", "--who", "ana"];
    let mut args = vec!["correct", "kc-1#0", "--figure", "3"];
    args.extend(why);
    ok(&args, &db);
    let mut args = vec!["correct", "kc-1#lead", "--figure", "3"];
    args.extend(why);
    ok(&args, &db);
    let mut args = vec!["correct", "kc-1#1", "--reject"];
    args.extend(why);
    ok(&args, &db);
    let check = |db: &Path| {
        let now = claims(db, "kc-1");
        assert_eq!(now.len(), before.len() - 1, "the rejected claim is left out");
        assert_eq!(now[0]["count"]["best"], 3);
        assert_eq!(incident_of(&incidents(db), "kc-1")["killed"]["best"], 3);
    };
    check(&db);

    let (_, said) = ok(&["reextract"], &db);
    assert!(said.contains("re-read 3 reports"), "{said}");
    assert!(said.contains("3 corrections applied, 0 waiting"), "{said}");
    check(&db);

    let (listed, _) = ok(&["corrections"], &db);
    assert!(listed.contains("the police later gave three dead"), "{listed}");
    let (log, _) = ok(&["incidents", "log"], &db);
    assert!(
        log.contains("correct") && log.contains("kc-1#0 figure: 2 → 3"),
        "{log}"
    );

    // A correction names what it corrects, or fails saying why.
    let out = tally(&["correct", "kc-9#0", "--figure", "3", "--why", "x"], &db);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no report kc-9"));
    let out = tally(&["correct", "kc-1#0", "--figure", "three", "--why", "x"], &db);
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"three\" is not a whole number"));
}

#[test]
fn diff_lists_exactly_a_merge_a_correction_a_new_report_and_a_deletion() {
    let (dir, old) = linked_ledger(REPORTS);
    let new = dir.path().join("new.db");
    // A copy of the ledger (checkpointed first, so that the copy holds every write).
    ok(&["regrade"], &old);
    std::fs::copy(&old, &new).unwrap();
    for suffix in ["-wal", "-shm"] {
        let wal = format!("{}{suffix}", old.display());
        if Path::new(&wal).exists() {
            std::fs::copy(&wal, format!("{}{suffix}", new.display())).unwrap();
        }
    }
    let (unchanged, _) = ok(&["diff", old.to_str().unwrap(), new.to_str().unwrap()], &old);
    assert_eq!(unchanged, "");

    let all = incidents(&new);
    let (kc1, kc2) = (
        incident_of(&all, "kc-1")["incident"]
            .as_str()
            .unwrap()
            .to_string(),
        incident_of(&all, "kc-2")["incident"]
            .as_str()
            .unwrap()
            .to_string(),
    );
    let why = ["--why", "test", "--who", "ana"];
    let mut args = vec!["incidents", "merge", &kc1, &kc2];
    args.extend(why);
    ok(&args, &new);
    let mut args = vec!["correct", "kc-1#0", "--figure", "at least 3"];
    args.extend(why);
    ok(&args, &new);
    let input = dir.path().join("more.jsonl");
    std::fs::write(
        &input,
        r#"{"id": "stl-1", "published": "2017-04-11", "text": "ST. LOUIS — A man was shot and wounded on Monday afternoon near a bus stop in north St. Louis, police said."}"#,
    )
    .unwrap();
    ok(&["ingest", input.to_str().unwrap()], &new);
    ok(&["link"], &new);
    let mut args = vec!["delete", "wmc-1"];
    args.extend(why);
    ok(&args, &new);

    let (listed, summary) = ok(
        &["diff", "--json", old.to_str().unwrap(), new.to_str().unwrap()],
        &old,
    );
    let changes: Vec<Value> = listed.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let kinds: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| (c["change"].as_str().unwrap(), c["subject"].as_str().unwrap()))
        .collect();
    let merged = format!("{kc1} + {kc2} → {kc1}");
    assert_eq!(
        kinds,
        [
            ("added", "stl-1"),
            ("deleted", "wmc-1"),
            ("revised", "kc-1#0"),
            ("merged", merged.as_str()),
        ],
        "{listed}"
    );
    assert!(changes[2]["detail"]
        .as_str()
        .unwrap()
        .contains("figure: 2 → at least 3 (corrected by ana: test)"));
    assert!(
        summary.contains("1 added, 1 deleted, 1 merged, 1 revised"),
        "{summary}"
    );
}

#[test]
fn deleting_an_unknown_report_says_so_and_changes_nothing() {
    let (_dir, db) = linked_ledger(REPORTS);
    let out = tally(&["delete", "nope", "--why", "x"], &db);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no report nope in the ledger"));
    assert_eq!(incidents(&db).len(), 3);
}

#[test]
fn a_scrape_naming_no_outlet_is_credited_to_the_one_people_spoke_to() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let scrape = dir.path().join("scrape.txt");
    std::fs::write(
        &scrape,
        "Shelling kills 6 in Deir ez-Zor market\n\n12 Mar, 2018 09:40\n\n\
         Six civilians were killed when shells hit a market in Deir ez-Zor on Sunday, a local doctor told RT. \
         \"The market was full,\" the doctor told RT by phone.\n",
    )
    .unwrap();
    ok(&["ingest", scrape.to_str().unwrap()], &db);
    let (export, _) = ok(&["export"], &db);
    let doc: Value = serde_json::from_str(export.lines().next().unwrap()).unwrap();
    assert_eq!(doc["outlet"], "RT");
    ok(&["link"], &db);
    let all = incidents(&db);
    assert!(
        all[0]["grade_reasons"].to_string().contains("RT (state media)"),
        "{}",
        all[0]["grade_reasons"]
    );
}
