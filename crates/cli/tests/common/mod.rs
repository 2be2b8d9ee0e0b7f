//! What the binary's test files share.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `tally` with `args` against the ledger `db`, with nothing on standard input.
pub fn tally(args: &[&str], db: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tally"))
        .args(args)
        .env("TALLY_DB", db)
        .stdin(Stdio::null())
        .output()
        .expect("tally runs")
}

/// A ledger in a temporary folder holding `reports` (JSON Lines), ingested and linked.
/// The folder lives as long as the returned guard.
#[allow(dead_code)] // Not every test file links.
pub fn linked_ledger(reports: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("ledger.db");
    let input = dir.path().join("reports.jsonl");
    std::fs::write(&input, reports).expect("reports written");
    for args in [&["ingest", input.to_str().expect("a UTF-8 path")][..], &["link"]] {
        let out = tally(args, &db);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    (dir, db)
}
