fn main() {
    let t = std::time::Instant::now();
    let ex = tally_extract::Extractor::new(tally_extract::ExtractConfig::default()).unwrap();
    eprintln!("new {:?} {}", t.elapsed(), ex.places.entries.len());
}
