// scratch: explain a page's main text choice
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let html = if path.ends_with(".gz") {
        use std::io::Read;
        let mut s = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .read_to_end(&mut s)
            .unwrap();
        String::from_utf8_lossy(&s).into_owned()
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    println!("{}", tally_html::explain(&html));
    let page = tally_html::extract(&html);
    println!(
        "BODY {} chars: {}",
        page.body.len(),
        &page.body[..page.body.len().min(300)]
    );
}
