//! Markdown to rich text, construct by construct, and what `check` refuses.

use super::*;
use bank_format::rich::{plain_text, text_para, TokenClass};

fn text(s: &str) -> Node {
    Node::text(s)
}

fn el(tag: Tag, children: Vec<Node>) -> Node {
    Node::Element(tag, children)
}

fn rich(md: &str) -> Rich {
    render(md, &mut Vec::new())
}

#[test]
fn renders_and_collects_python_blocks() {
    let mut blocks = Vec::new();
    let rich = render(
        "Use `is`:\n\n```python\nx is None\n```\n\n```python invalid\ndef (\n```",
        &mut blocks,
    );
    assert_eq!(
        rich[..2],
        [
            el(
                Tag::Para,
                vec![text("Use "), el(Tag::Code, vec![text("is")]), text(":")]
            ),
            el(
                Tag::Pre,
                vec![
                    text("x "),
                    Node::token(TokenClass::Keyword, "is"),
                    text(" "),
                    Node::token(TokenClass::Constant, "None"),
                ]
            ),
        ]
    );
    assert_eq!(rich.len(), 3);
    assert_eq!(blocks.len(), 2);
    assert!(blocks[0].must_compile());
    assert_eq!(blocks[0].source, "x is None\n");
    assert!(!blocks[1].must_compile());
}

#[test]
fn raw_html_is_text() {
    assert_eq!(
        rich("a <script>alert(1)</script> b"),
        text_para("a <script>alert(1)</script> b")
    );
    let html_block = rich("<div onclick=\"x\">\nhi\n</div>\n\nafter");
    assert_eq!(
        html_block[..1],
        text_para("<div onclick=\"x\">\nhi\n</div>\n")
    );
    assert_eq!(html_block[1..], text_para("after"));
}

#[test]
fn emphasis_links_and_soft_breaks() {
    assert_eq!(
        rich("*a* **b**\n[docs `x`](https://docs.python.org/3/)"),
        vec![el(
            Tag::Para,
            vec![
                el(Tag::Emph, vec![text("a")]),
                text(" "),
                el(Tag::Strong, vec![text("b")]),
                text("\n"),
                Node::Link(
                    "https://docs.python.org/3/".into(),
                    vec![text("docs "), el(Tag::Code, vec![text("x")])]
                ),
            ]
        )]
    );
}

#[test]
fn tight_loose_and_nested_lists() {
    let item = |blocks: Rich| el(Tag::Item, blocks);
    // A tight list's items hold their text directly, as in HTML.
    assert_eq!(
        rich("- **a** b"),
        vec![el(
            Tag::Bullets,
            vec![item(vec![el(Tag::Strong, vec![text("a")]), text(" b")])]
        )]
    );
    assert_eq!(
        rich("- a\n- b\n  1. c"),
        vec![el(
            Tag::Bullets,
            vec![
                item(vec![text("a")]),
                item(vec![
                    text("b"),
                    el(Tag::Numbers, vec![item(vec![text("c")])])
                ]),
            ]
        )]
    );
    assert_eq!(
        rich("1. a\n\n   more\n\n2. b"),
        vec![el(
            Tag::Numbers,
            vec![
                item([text_para("a"), text_para("more")].concat()),
                item(text_para("b"))
            ]
        )]
    );
}

#[test]
fn tables_have_a_header_row() {
    assert_eq!(
        rich("| a | b |\n|:--|--:|\n| 1 | `2` |"),
        vec![el(
            Tag::Table,
            vec![
                el(
                    Tag::Row,
                    vec![
                        el(Tag::HeadCell, vec![text("a")]),
                        el(Tag::HeadCell, vec![text("b")])
                    ]
                ),
                el(
                    Tag::Row,
                    vec![
                        el(Tag::Cell, vec![text("1")]),
                        el(Tag::Cell, vec![el(Tag::Code, vec![text("2")])])
                    ]
                ),
            ]
        )]
    );
}

#[test]
fn the_bank_links_only_https_to_the_docs() {
    assert!(check("[x](https://docs.python.org/3/library/)", LinkRule::Bank).is_empty());
    assert!(check(
        "[x](#here) <https://peps.python.org/pep-0008/>",
        LinkRule::Bank
    )
    .is_empty());
    for bad in [
        "[x](javascript:alert(1))",
        "[x](http://docs.python.org/3/)",
        "[x](https://evil.example/docs.python.org)",
        "[x](https://docs.python.org.evil.example/)",
        "[x](https://docs.python.org/\"onclick=\"x)",
        "<mailto:a@b.c>",
    ] {
        assert_eq!(check(bad, LinkRule::Bank).len(), 1, "{bad}");
    }
}

#[test]
fn own_quizzes_link_any_web_address_and_nothing_else() {
    for good in ["[x](https://example.org/a)", "<http://my.blog/post>"] {
        assert!(check(good, LinkRule::Web).is_empty(), "{good}");
    }
    for bad in [
        "[x](javascript:alert(1))",
        "[x](data:text/html,hi)",
        "[x](/relative)",
        "[x](page.html)",
        "[x](#anchor)",
        "<mailto:a@b.c>",
    ] {
        assert_eq!(check(bad, LinkRule::Web).len(), 1, "{bad}");
    }
}

#[test]
fn what_rich_text_cannot_show_is_refused() {
    for bad in [
        "![pixel](https://docs.python.org/x.png)",
        "# Title",
        "Title\n-----",
        "> quoted",
        "a\n\n---\n\nb",
        "line  \nbreak",
    ] {
        assert_eq!(check(bad, LinkRule::Bank).len(), 1, "{bad}");
        // Rendering never fails: refused constructs keep their text.
        let shown = plain_text(&rich(bad));
        assert!(shown.contains(char::is_alphabetic), "{bad}: {shown:?}");
    }
}
