#[global_allocator]
static A: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Instant;
use tally_extract::{extract, ExtractConfig, Extractor};
use tally_ingest::{discover, read_input};
fn main() {
    let path: std::path::PathBuf = std::env::args().nth(1).unwrap().into();
    let t = Instant::now();
    let ex = Extractor::new(ExtractConfig::default()).unwrap();
    let t1 = t.elapsed();
    let t = Instant::now();
    let (inputs, _) = discover(std::slice::from_ref(&path));
    let docs: Vec<_> = inputs.iter().flat_map(|i| read_input(i).documents).collect();
    let t2 = t.elapsed();
    let t = Instant::now();
    let first = extract(&docs[0], &ex);
    let _ = ex.places.find("Memphis, Tennessee, and Springfield"); // forces world
    let t3 = t.elapsed();
    let t = Instant::now();
    let n: usize = docs.iter().map(|d| extract(d, &ex).claims.len()).sum();
    let t4 = t.elapsed();
    let t = Instant::now();
    let mut out = Vec::new();
    for d in &docs {
        let e = extract(d, &ex);
        out.push(format!("{:?}", e.claims.len()));
    }
    let t5 = t.elapsed();
    eprintln!("new {t1:?} read+build {t2:?} first+world {t3:?} extract {t4:?} extract+json {t5:?} ({n} claims {} {})", first.claims.len(), out.len());
}
