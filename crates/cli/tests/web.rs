//! Web pages and crawls end to end: every kind of bad input named, the rest ingested,
//! and a crawl of thousands of records read in bounded memory.

mod common;

use common::tally;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn page(n: usize) -> String {
    format!(
        "<!doctype html><html lang=en><head><title>Raid on village {n} - Courier</title></head><body>\
         <nav><a href='/'>Home</a></nav><article><h1>Raid on village {n}</h1>\
         <p>An airstrike on the village of Kafr Nabl killed {n} civilians on Sunday, the civil defence said, in the heaviest raid this month.</p>\
         <p>Rescuers were still searching the rubble for survivors late in the evening, a volunteer said by telephone.</p>\
         </article><footer>© Courier</footer></body></html>"
    )
}

fn warc_record(id: usize, html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:rec-{id}>\r\nWARC-Target-URI: https://courier.example/{id}\r\nWARC-Date: 2019-03-01T10:00:00Z\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    out.extend_from_slice(http.as_bytes());
    out.extend_from_slice(b"\r\n\r\n");
    out
}

#[test]
fn every_kind_of_bad_input_is_named_and_the_rest_is_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("good.html"), page(4)).unwrap();
    std::fs::write(input.join("good.html.gz"), gzip(page(5).as_bytes())).unwrap();
    let truncated = gzip(page(6).as_bytes());
    std::fs::write(input.join("truncated.html.gz"), &truncated[..truncated.len() / 2]).unwrap();
    std::fs::write(input.join("huge.txt"), "word ".repeat(10 << 20)).unwrap();
    let deep = "<div>".repeat(200_000) + &page(7);
    std::fs::write(input.join("deep.html"), deep).unwrap();
    std::fs::write(input.join("blob.bin"), [0u8, 1, 2, 3, 0, 0, 7, 9]).unwrap();
    let mut latin = b"<html><head><title>Caf\xe9 attack</title></head><body><p>".to_vec();
    latin.extend_from_slice(b"Gunmen attacked a caf\xe9 in the old quarter on Friday, killing two people and wounding six, police said.</p></body></html>");
    std::fs::write(input.join("latin.html"), latin).unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    let db = dir.path().join("ledger.db");
    let out = tally(&["ingest", input.to_str().unwrap()], &db);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("truncated.html.gz"), "{err}");
    assert!(err.contains("huge.txt is larger than 8 MB"), "{err}");
    assert!(err.contains("blob.bin is a binary file"), "{err}");
    assert!(
        err.contains("latin.html: no charset declared and not UTF-8"),
        "{err}"
    );
    assert!(err.contains("record empty.txt has an empty text"), "{err}");
    // good.html, good.html.gz (its own id without .gz clashes with good.html: same id,
    // different text, stored as a revision), deep.html, latin.html, empty.txt.
    let export = dir.path().join("export.jsonl");
    let out = tally(&["export", "--out", export.to_str().unwrap()], &db);
    assert!(out.status.success());
    let lines = std::fs::read_to_string(&export).unwrap();
    let docs: Vec<serde_json::Value> = lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let body = |id: &str| {
        docs.iter()
            .find(|d| d["document"] == id)
            .and_then(|d| d["body"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    assert!(body("deep.html").contains("killed 7 civilians"), "{lines}");
    assert!(body("latin.html").contains("attacked a café"), "{lines}");
    assert!(!body("good.html").contains("Home"), "{lines}");
}

#[test]
fn a_crawl_with_damaged_records_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut crawl = Vec::new();
    for id in 0..30 {
        let mut member = gzip(&warc_record(id, &page(id)));
        if id % 10 == 3 {
            let middle = member.len() / 2;
            member[middle..middle + 16].fill(b'X');
        }
        crawl.extend(member);
    }
    let path = dir.path().join("crawl.warc.gz");
    std::fs::write(&path, crawl).unwrap();
    let db = dir.path().join("ledger.db");
    let out = tally(&["ingest", path.to_str().unwrap()], &db);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(err.matches("crawl.warc.gz at byte").count(), 3, "{err}");
    assert!(err.contains("27 documents new"), "{err}");
}

/// Peak resident memory of a child, read from `/proc` while it runs (`VmHWM` only grows,
/// so the last reading before it exits is its peak, to within one polling interval).
fn run_measuring_peak(mut command: Command) -> (Output, u64) {
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tally runs");
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    let handle = std::thread::spawn(move || child.wait_with_output().expect("tally finishes"));
    while !handle.is_finished() {
        if let Ok(status) = std::fs::read_to_string(&status_path) {
            if let Some(kb) = status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
            {
                peak_kb = peak_kb.max(kb);
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    (handle.join().unwrap(), peak_kb)
}

/// A crawl of more than 2,000 records, built from the article-extraction benchmark's pages
/// where `../shared` is present (else from pages of our own), with a few records damaged.
/// Run by `.ci/run` on its own line: `cargo test --release -p tally --test web -- --ignored`.
#[test]
#[ignore = "builds a crawl of 2,000+ records; run by .ci/run in release"]
fn a_crawl_of_thousands_of_records_streams_in_bounded_memory() {
    use std::io::Read;
    let shared =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/article-extraction-benchmark/html");
    let mut pages: Vec<String> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&shared) {
        for entry in entries.flatten() {
            let mut bytes = Vec::new();
            let file = std::fs::File::open(entry.path()).unwrap();
            flate2::read::MultiGzDecoder::new(file)
                .read_to_end(&mut bytes)
                .unwrap();
            pages.push(String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    if pages.is_empty() {
        pages = (1..200).map(page).collect();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc.gz");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let records = 2_200;
    let damaged = [100, 1_000, 2_000];
    for id in 0..records {
        let mut member = gzip(&warc_record(id, &pages[id % pages.len()]));
        if damaged.contains(&id) {
            let middle = member.len() / 2;
            member[middle..middle + 16].fill(b'X');
        }
        file.write_all(&member).unwrap();
    }
    file.flush().unwrap();
    drop(file);
    let mut command = Command::new(env!("CARGO_BIN_EXE_tally"));
    command
        .args(["ingest", path.to_str().unwrap()])
        .env("TALLY_DB", dir.path().join("ledger.db"))
        .stdin(Stdio::null());
    let (out, peak_kb) = run_measuring_peak(command);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(
        err.matches("crawl.warc.gz at byte").count(),
        damaged.len(),
        "{err}"
    );
    let stored = records - damaged.len();
    assert!(err.contains(&format!("{stored} documents new")), "{err}");
    eprintln!("peak memory ingesting {records} records: {} MB", peak_kb / 1024);
    assert!(peak_kb < 300 * 1024, "peak memory {} MB", peak_kb / 1024);
}
