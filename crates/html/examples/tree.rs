// scratch: the elements whose subtrees are largest, with depth
use tally_html::dom::{Dom, Kind};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let html = std::fs::read_to_string(&path).unwrap();
    let dom = Dom::parse(&html);
    let n = dom.nodes.len();
    let mut depth = vec![0usize; n];
    for i in 1..n {
        depth[i] = depth[dom.nodes[i].parent as usize] + 1;
    }
    for i in 0..n {
        if let Kind::Element(_) = dom.nodes[i].kind {
            let size = dom.nodes[i].end as usize - i;
            if size * 2 > n && depth[i] < 12 {
                println!(
                    "{} depth {} {} size {} attrs {:?} id {:?} style {:?} hidden {:?} aria {:?}",
                    i,
                    depth[i],
                    dom.name(i),
                    size,
                    dom.attr(i, "class"),
                    dom.attr(i, "id"),
                    dom.attr(i, "style"),
                    dom.attr(i, "hidden"),
                    dom.attr(i, "aria-hidden")
                );
            }
        }
    }
    println!("nodes {n}");
}
