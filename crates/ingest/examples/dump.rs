// scratch: first 300 bytes of every document's body, one JSON string a line
use tally_ingest::{discover, read_input};
fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let (inputs, _) = discover(&paths);
    for i in &inputs {
        for d in read_input(i).documents {
            let mut end = d.body.len().min(300);
            while !d.body.is_char_boundary(end) {
                end -= 1;
            }
            println!(
                "{}\t{}",
                d.language.clone().unwrap_or_default(),
                d.body[..end].replace(['\n', '\t'], " ")
            );
        }
    }
}
