//! Writing rich text as JSON: an element is an array headed by its tag (then a link's
//! address), text is a bare string. A chunk comes out a little smaller than the HTML it
//! replaced.
//!
//! ```text
//! ["p", "Use ", ["code", "is"], " or ", ["a", "https://docs.python.org/3/", "read"], "."]
//! ["pre", ["k", "def"], " ", ["f", "area"], "(r):"]
//! ["ul", ["li", "one"], ["li", ["p", "two"], ["p", "paragraphs"]]]
//! ```
//!
//! The reader (`read::Reader`) refuses any other shape.

use crate::json::Writer;
use crate::rich::Node;

pub fn write_rich(w: &mut Writer, rich: &[Node]) {
    w.begin_array();
    for node in rich {
        write_node(w, node);
    }
    w.end_array();
}

fn write_node(w: &mut Writer, node: &Node) {
    match node {
        Node::Text(text) => {
            w.string(text);
        }
        Node::Element(tag, children) => {
            w.begin_array().string(tag.name());
            write_children(w, children);
        }
        Node::Link(href, children) => {
            w.begin_array().string("a").string(href);
            write_children(w, children);
        }
    }
}

fn write_children(w: &mut Writer, children: &[Node]) {
    for child in children {
        write_node(w, child);
    }
    w.end_array();
}
