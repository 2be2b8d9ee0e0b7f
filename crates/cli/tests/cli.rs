//! The `tally` binary end to end: ingest, re-ingest, bad inputs, export.

mod common;

use common::tally;
use std::process::{Command, Output, Stdio};

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const REPORT: &str = "5 Jan, 2018 10:00\n\nShelling in Hama\n\nShelling killed four civilians in Hama on Thursday, the monitor said.\n";

#[test]
fn ingesting_a_folder_twice_stores_nothing_new() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir_all(reports.join("sub")).unwrap();
    std::fs::write(reports.join("a.txt"), REPORT).unwrap();
    std::fs::write(reports.join("sub/b.txt"), REPORT).unwrap();
    let db = dir.path().join("ledger.db");

    let first = tally(&["ingest", reports.to_str().unwrap()], &db);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("2 documents new, 0 already present"),
        "{}",
        stderr(&first)
    );

    let second = tally(&["ingest", reports.to_str().unwrap()], &db);
    assert!(second.status.success());
    assert!(
        stderr(&second).contains("0 documents new, 2 already present"),
        "{}",
        stderr(&second)
    );

    // Two ids with one text: both exported, the text stored once.
    let export = tally(&["export", "--format", "eval"], &db);
    let lines: Vec<serde_json::Value> = String::from_utf8(export.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = lines.iter().map(|d| d["document"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a.txt", "sub/b.txt"]);
    assert_eq!(lines[0]["claims"][0]["count"]["best"], 4);
    assert_eq!(lines[0]["published"], "2018-01-05T10:00:00");
}

#[test]
fn bad_inputs_are_named_and_the_rest_is_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("in");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::write(reports.join("good.txt"), REPORT).unwrap();
    std::fs::write(reports.join("photo.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    // Latin-1, not UTF-8: decoded and noted, never dropped.
    let mut latin1 = b"9 Feb, 2018 08:00\n\nBlast in Sa\xefda\n\nA blast killed three people in the caf\xe9 district of Homs, police said.\n".to_vec();
    latin1.extend_from_slice(b"\n");
    std::fs::write(reports.join("latin1.txt"), latin1).unwrap();
    std::fs::write(
        reports.join("records.jsonl"),
        "{\"id\": \"r1\", \"text\": \"Two soldiers were killed in Daraa, the army said.\"}\n{not json\n{\"id\": \"r2\", \"text\": \"\"}\n",
    )
    .unwrap();
    let db = dir.path().join("ledger.db");
    let out = tally(&["ingest", reports.to_str().unwrap()], &db);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("photo.png is a binary file (PNG image)"), "{err}");
    assert!(err.contains("records.jsonl line 2: not a JSON object"), "{err}");
    assert!(err.contains("latin1.txt: not UTF-8, decoded as"), "{err}");
    assert!(err.contains("record r2 has an empty text"), "{err}");
    assert!(err.contains("4 documents new"), "{err}");

    let claims = tally(&["claims", "--place", "Homs"], &db);
    let table = String::from_utf8(claims.stdout).unwrap();
    assert!(table.contains("café district"), "{table}");
}

#[test]
fn a_ledger_that_cannot_be_opened_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_db = dir.path().join("ledger.db");
    std::fs::write(
        &not_a_db,
        "this is not a database, just text long enough to be read as a header",
    )
    .unwrap();
    std::fs::write(dir.path().join("r.txt"), REPORT).unwrap();
    let out = tally(&["ingest", dir.path().join("r.txt").to_str().unwrap()], &not_a_db);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("ledger.db"), "{}", stderr(&out));
}

#[test]
fn standard_input_takes_the_id_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tally"))
        .args(["ingest", "--id", "piped-report", "-"])
        .env("TALLY_DB", &db)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(REPORT.as_bytes()).unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    let export = tally(&["export", "--format", "jsonl"], &db);
    let line: serde_json::Value =
        serde_json::from_str(String::from_utf8(export.stdout).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(line["document"], "piped-report");
    assert_eq!(line["kind"], "killed");
}

#[test]
fn csv_export_has_a_header_and_a_row_per_claim() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    std::fs::write(dir.path().join("r.txt"), REPORT).unwrap();
    tally(&["ingest", dir.path().join("r.txt").to_str().unwrap()], &db);
    let out_file = dir.path().join("claims.csv");
    let out = tally(
        &["export", "--format", "csv", "--out", out_file.to_str().unwrap()],
        &db,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        out.stdout.is_empty(),
        "an export to a file prints nothing on standard output"
    );
    let text = std::fs::read_to_string(out_file).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("document,published,kind,victims,low,best,high"));
    assert_eq!(lines.len(), 2);
    assert!(
        lines[1].contains("r.txt,2018-01-05T10:00:00,killed,civilians,4,4,4,exact"),
        "{}",
        lines[1]
    );
}

#[test]
fn a_users_places_and_actors_are_honoured_without_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.txt");
    std::fs::write(
        &report,
        "4 May, 2019 09:00\n\nAttack on hamlet\n\nGunmen of the Valley Brigades killed six civilians in Tell Kharouba on Friday, residents said.\n",
    )
    .unwrap();
    let places = dir.path().join("places.toml");
    std::fs::write(
        &places,
        "[[place]]\nname = \"Tell Kharouba\"\nadmin1 = \"Hama\"\ncountry = \"SY\"\nwhere_prec = 1\naliases = [\"Tal Kharuba\"]\n",
    )
    .unwrap();
    let actors = dir.path().join("actors.toml");
    std::fs::write(
        &actors,
        "[[actor]]\nname = \"Valley Brigades\"\ntype = \"militia\"\naliases = [\"Valley Brigade\"]\n",
    )
    .unwrap();
    let run = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["extract", "--json"];
        args.extend_from_slice(extra);
        args.push(report.to_str().unwrap());
        let out = tally(&args, &dir.path().join("unused.db"));
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let plain = run(&[]);
    assert_eq!(plain["claims"][0]["place"], serde_json::Value::Null);
    assert_eq!(plain["claims"][0]["perpetrators"], serde_json::json!([]));
    let extended = run(&[
        "--places",
        places.to_str().unwrap(),
        "--actors",
        actors.to_str().unwrap(),
    ]);
    assert_eq!(extended["claims"][0]["place"]["admin1"], "Hama");
    assert_eq!(
        extended["claims"][0]["perpetrators"],
        serde_json::json!(["Valley Brigades"])
    );
    assert_eq!(extended["lead"]["place"]["name"], "Tell Kharouba");
}

#[test]
fn any_number_of_jobs_stores_the_same_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let towns = ["Hama", "Homs", "Idlib", "Aleppo", "Daraa"];
    let mut lines = String::new();
    for i in 0..120 {
        let town = towns[i % towns.len()];
        let record = serde_json::json!({
            "id": format!("r{i:03}"),
            "text": format!("Shelling killed {} civilians in {town} on Thursday, the monitor said.", i % 17 + 2),
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
        if i == 40 {
            lines.push_str("{\"id\": broken\n");
        }
    }
    let input = dir.path().join("reports.jsonl");
    std::fs::write(&input, lines).unwrap();

    let exports: Vec<String> = ["1", "4"]
        .iter()
        .map(|jobs| {
            let db = dir.path().join(format!("jobs{jobs}.db"));
            let out = tally(&["ingest", "--jobs", jobs, input.to_str().unwrap()], &db);
            assert!(out.status.success(), "{}", stderr(&out));
            assert!(
                stderr(&out).contains("120 documents new") && stderr(&out).contains("1 errors"),
                "{}",
                stderr(&out)
            );
            assert!(stderr(&out).contains("reports.jsonl line 42"), "{}", stderr(&out));
            String::from_utf8(tally(&["export", "--format", "csv"], &db).stdout).unwrap()
        })
        .collect();
    assert_eq!(exports[0].lines().count(), 121);
    assert_eq!(exports[0], exports[1]);
}

#[test]
fn reports_in_other_languages_are_stored_marked_and_not_read_for_claims() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("in");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::write(reports.join("en.txt"), REPORT).unwrap();
    std::fs::write(
        reports.join("fr.txt"),
        "Bombardements à Hama\n\nDes bombardements ont tué quatre civils jeudi à Hama, selon l'observatoire, qui fait état de nombreux blessés.\n",
    )
    .unwrap();
    let db = dir.path().join("ledger.db");
    let out = tally(&["ingest", reports.to_str().unwrap()], &db);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("2 documents new") && stderr(&out).contains("1 not in English"),
        "{}",
        stderr(&out)
    );
    let export = String::from_utf8(tally(&["export", "--format", "eval"], &db).stdout).unwrap();
    let docs: Vec<serde_json::Value> = export.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs[0]["language"], "en");
    assert_eq!(docs[0]["claims"].as_array().unwrap().len(), 1);
    assert_eq!(docs[1]["document"], "fr.txt");
    assert_eq!(docs[1]["language"], "fr");
    assert!(docs[1]["claims"].as_array().unwrap().is_empty());
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    // Enough claims that the listing outgrows a pipe's buffer (64 KiB on Linux): the writer
    // is still writing when the reader goes, as with `tally claims | head`.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("reports.jsonl");
    let db = dir.path().join("ledger.db");
    let towns = ["Aleppo", "Idlib", "Homs", "Hama", "Raqqa", "Daraa"];
    let reports: String = (0..200)
        .map(|i| {
            let town = towns[i % towns.len()];
            let text = format!(
                "Airstrikes killed {} civilians in {town} on Monday, a monitoring group said. \
                 At least {} people were wounded, rescuers said. \
                 About {} families fled the district, the UN said.",
                i + 3,
                i + 10,
                i * 100 + 500
            );
            serde_json::json!({"id": format!("r{i}"), "title": format!("Strikes hit {town}"),
                               "text": text, "published": "2017-08-07"})
            .to_string()
                + "\n"
        })
        .collect();
    std::fs::write(&input, reports).unwrap();
    let ingest = tally(&["ingest", input.to_str().unwrap()], &db);
    assert!(ingest.status.success(), "{}", stderr(&ingest));

    let mut child = Command::new(env!("CARGO_BIN_EXE_tally"))
        .args(["claims"])
        .env("TALLY_DB", &db)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tally runs");
    let mut first = [0u8; 256];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).expect("a listing starts");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("tally ends");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}
