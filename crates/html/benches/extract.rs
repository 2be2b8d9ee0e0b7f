//! Main-text extraction speed in pages per second on one core: the article-extraction
//! benchmark's pages from `../shared`, decompressed into memory first, as
//! `trafilatura_baseline.py` times trafilatura. `cargo bench -p tally-html`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::io::Read;
use std::path::Path;

fn pages() -> Vec<String> {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/article-extraction-benchmark/html");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return vec![include_str!("../tests/pages/wire.html").to_string()];
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let mut bytes = Vec::new();
            let file = std::fs::File::open(path).expect("benchmark page opens");
            flate2::read::MultiGzDecoder::new(file)
                .read_to_end(&mut bytes)
                .expect("benchmark page decompresses");
            String::from_utf8_lossy(&bytes).into_owned()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    let mut group = c.benchmark_group("html");
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.sample_size(20);
    group.bench_function(format!("extract {} pages", pages.len()), |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| tally_html::extract(p).body.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
