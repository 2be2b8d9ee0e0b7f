// scratch: big subtrees of chrome tags
use tally_html::dom::{Dom, Kind};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let html = std::fs::read_to_string(&path).unwrap();
    let dom = Dom::parse(&html);
    let n = dom.nodes.len();
    for i in 0..n {
        if let Kind::Element(_) = dom.nodes[i].kind {
            let size = dom.nodes[i].end as usize - i;
            let name = dom.name(i).to_ascii_lowercase();
            if size * 4 > n
                && [
                    "header",
                    "nav",
                    "aside",
                    "footer",
                    "button",
                    "select",
                    "textarea",
                    "noscript",
                    "template",
                    "svg",
                    "iframe",
                    "menu",
                    "figcaption",
                    "title",
                    "form",
                    "a",
                    "span",
                    "label",
                ]
                .contains(&name.as_str())
            {
                println!(
                    "{} {} size {} class {:?} at byte {}",
                    i,
                    name,
                    size,
                    dom.attr(i, "class"),
                    dom.nodes[i].src.start
                );
            }
        }
    }
}
