//! Extraction speed in reports per second on one core.
//!
//! Reads the FA-KES reports from `../shared/data/fa-kes/articles.jsonl` where the shared
//! folder is present (as on CI and developers' machines), else the bundled examples, so
//! the benchmark runs anywhere. `cargo bench -p tally-extract`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::{Path, PathBuf};
use tally_core::Document;
use tally_extract::{extract, ExtractConfig, Extractor};
use tally_ingest::{discover, read_input};

// The allocator the `tally` binary uses, so that this measures what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus() -> (String, Vec<Document>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let fakes = root.join("../shared/data/fa-kes/articles.jsonl");
    let path: PathBuf = if fakes.exists() {
        fakes
    } else {
        root.join("examples/reports")
    };
    let (inputs, _) = discover(std::slice::from_ref(&path));
    let docs: Vec<Document> = inputs.iter().flat_map(|i| read_input(i).documents).collect();
    (path.display().to_string(), docs)
}

fn bench(c: &mut Criterion) {
    let (name, docs) = corpus();
    let ex = Extractor::new(ExtractConfig::default()).expect("built-in lexicons compile");
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.bench_function(format!("{} reports from {name}", docs.len()), |b| {
        b.iter(|| docs.iter().map(|d| extract(d, &ex).claims.len()).sum::<usize>())
    });
    group.finish();
    c.bench_function("Extractor::new (lexicons and gazetteer)", |b| {
        b.iter(|| Extractor::new(ExtractConfig::default()).expect("compiles"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
