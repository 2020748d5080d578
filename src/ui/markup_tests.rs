//! The renderer over hostile rich text, natively: the virtual DOM it builds holds only the
//! elements rich text names, every string as a text node, and no raw HTML.

use super::*;
use bank_format::rich::{text_para, TokenClass};
use yew::virtual_dom::VNode;

const ELEMENTS: &[&str] = &[
    "p", "ul", "ol", "li", "pre", "code", "span", "table", "tr", "th", "td", "em", "strong", "a",
];

/// The virtual DOM as text: `<tag attr="value">…</tag>` and text nodes in `«…»`, so a test
/// sees exactly which strings are elements and which are text.
fn show(node: &VNode) -> String {
    match node {
        VNode::VTag(tag) => {
            assert!(ELEMENTS.contains(&tag.tag()), "unexpected <{}>", tag.tag());
            let mut attrs: Vec<String> = tag
                .attributes
                .iter()
                .map(|(k, v)| format!(" {k}=\"{v}\""))
                .collect();
            attrs.sort();
            let children = tag.children().map(show).unwrap_or_default();
            format!("<{}{}>{children}</{0}>", tag.tag(), attrs.concat())
        }
        VNode::VText(text) => format!("«{}»", text.text),
        VNode::VList(list) => list.iter().map(show).collect(),
        VNode::VRaw(_) => panic!("raw HTML in rendered rich text"),
        other => panic!("unexpected node {other:?}"),
    }
}

fn el(tag: Tag, children: Vec<Node>) -> Node {
    Node::Element(tag, children)
}

const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "</style><script>x</script>",
    "javascript:alert(1)",
    "' onmouseover='x",
];

#[test]
fn hostile_strings_stay_text_in_every_position() {
    for &evil in HOSTILE {
        let t = || Node::text(evil);
        let doc = vec![
            el(
                Tag::Para,
                vec![
                    t(),
                    el(Tag::Code, vec![t()]),
                    el(Tag::Emph, vec![el(Tag::Strong, vec![t()])]),
                    Node::Link("https://example.org/".into(), vec![t()]),
                ],
            ),
            el(Tag::Bullets, vec![el(Tag::Item, vec![t()])]),
            el(
                Tag::Table,
                vec![el(Tag::Row, vec![el(Tag::Cell, vec![t()])])],
            ),
            el(Tag::Pre, vec![Node::token(TokenClass::String, evil), t()]),
        ];
        let shown = show(&rich(&doc));
        assert_eq!(shown.matches(&format!("«{evil}»")).count(), 8, "{shown}");
        // Each text node is exactly the string: nothing outside «…» came from it.
        let outside: String = shown
            .split('«')
            .map(|s| s.split_once('»').map_or(s, |(_, rest)| rest))
            .collect();
        assert!(
            !outside.contains("script") && !outside.contains("onerror"),
            "{outside}"
        );
    }
}

#[test]
fn renders_each_element_as_its_tag() {
    let doc = vec![
        el(
            Tag::Para,
            vec![
                Node::text("a "),
                el(Tag::Code, vec![Node::text("x")]),
                Node::Link(
                    "https://docs.python.org/3/".into(),
                    vec![el(Tag::Emph, vec![Node::text("d")])],
                ),
            ],
        ),
        el(
            Tag::Numbers,
            vec![
                el(Tag::Item, vec![Node::text("one")]),
                el(Tag::Item, [text_para("two"), text_para("more")].concat()),
            ],
        ),
        el(
            Tag::Table,
            vec![
                el(Tag::Row, vec![el(Tag::HeadCell, vec![Node::text("h")])]),
                el(Tag::Row, vec![el(Tag::Cell, vec![Node::text("c")])]),
            ],
        ),
        el(
            Tag::Pre,
            vec![Node::token(TokenClass::Keyword, "pass"), Node::text(" ")],
        ),
    ];
    assert_eq!(
        show(&rich(&doc)),
        concat!(
            "<p>«a »<code>«x»</code>",
            "<a href=\"https://docs.python.org/3/\" target=\"_blank\"><em>«d»</em></a></p>",
            "<ol><li>«one»</li><li><p>«two»</p><p>«more»</p></li></ol>",
            "<table><tr><th>«h»</th></tr><tr><td>«c»</td></tr></table>",
            "<pre class=\"code\" tabindex=\"0\"><code><span class=\"k\">«pass»</span>« »</code></pre>",
        )
    );
}

#[test]
fn a_link_the_reader_would_refuse_is_shown_as_its_text() {
    // The reader refuses these; the renderer does not rely on it.
    for href in ["javascript:alert(1)", "data:text/html,x", "/relative"] {
        let doc = vec![el(
            Tag::Para,
            vec![Node::Link(href.into(), vec![Node::text("click")])],
        )];
        assert_eq!(show(&rich(&doc)), "<p>«click»</p>", "{href}");
    }
}

#[test]
fn inline_drops_a_lone_paragraph_only() {
    assert_eq!(show(&rich_inline(&text_para("x"))), "«x»");
    let two = [text_para("a"), text_para("b")].concat();
    assert_eq!(show(&rich_inline(&two)), "<p>«a»</p><p>«b»</p>");
}
