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
