use bank_format::rich::{href_allowed, Node, Rich, Tag, TokenClass};
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, Listeners, VTag, VText};

/// Rich text as elements. Every string becomes a text node, so nothing in a question, even
/// from someone else's quiz file, is ever parsed as markup: the app has no raw-HTML sink.
/// Elements are built directly rather than with `html!`: one small function for every tag
/// keeps this code (downloaded by every visitor) small.
pub fn rich(nodes: &[Node]) -> Html {
    nodes.iter().map(node).collect()
}

/// For an option or a checklist point: a lone paragraph without its `<p>`.
pub fn rich_inline(nodes: &Rich) -> Html {
    match nodes.as_slice() {
        [Node::Element(Tag::Para, inlines)] => rich(inlines),
        _ => rich(nodes),
    }
}

fn node(n: &Node) -> Html {
    let (name, attributes, children) = match n {
        Node::Text(t) => return VText::new(t.clone()).into(),
        // The reader already refuses other links; checked again so no caller can slip one by.
        Node::Link(href, children) if !href_allowed(href) => return rich(children),
        Node::Link(href, children) => {
            // A new tab (the quiz may be in a frame); `target="_blank"` implies `noopener`.
            let values = [
                Some(AttributeOrProperty::Attribute(href.clone().into())),
                Some(AttributeOrProperty::Attribute(AttrValue::Static("_blank"))),
            ];
            let link = Attributes::Dynamic {
                keys: &["href", "target"],
                values: Box::new(values),
            };
            ("a", link, rich(children))
        }
        Node::Element(Tag::Pre, children) => {
            let code = element("code", Attributes::default(), rich(children));
            ("pre", Attributes::Static(CODE), code)
        }
        Node::Element(Tag::Token(class), children) => (
            "span",
            Attributes::Static(TOKEN[*class as usize]),
            rich(children),
        ),
        Node::Element(tag, children) => (tag.name(), Attributes::default(), rich(children)),
    };
    element(name, attributes, children)
}

fn element(name: &'static str, attributes: Attributes, children: Html) -> Html {
    // What `html!` expands to for an element: no tag-name checks, no child list to grow.
    let listeners = Listeners::None;
    VTag::__new_other(
        name.into(),
        NodeRef::default(),
        None,
        attributes,
        listeners,
        children,
    )
    .into()
}

type Attribute = (&'static str, AttributeOrProperty);

/// `<pre class="code">`, styled in `styles/code.css`. Focusable: a block wider than a phone
/// scrolls sideways, and a keyboard must be able to scroll it too.
const CODE: &[Attribute] = &[
    ("class", AttributeOrProperty::Static("code")),
    ("tabindex", AttributeOrProperty::Static("0")),
];

/// `class="k"` and so on: one fixed attribute list per token class, in `TokenClass::ALL`
/// order, as `html!` makes for a fixed attribute (nothing to allocate or compare).
const TOKEN: [&[Attribute]; 10] = {
    const fn class(i: usize) -> [Attribute; 1] {
        [(
            "class",
            AttributeOrProperty::Static(TokenClass::ALL[i].css()),
        )]
    }
    [
        &class(0),
        &class(1),
        &class(2),
        &class(3),
        &class(4),
        &class(5),
        &class(6),
        &class(7),
        &class(8),
        &class(9),
    ]
};

/// "3 questions", "1 question".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "42 s", "3 min 5 s".
pub fn duration(ms: f64) -> String {
    let secs = (ms / 1000.0).round().max(0.0) as u64;
    if secs < 60 {
        format!("{secs} s")
    } else {
        format!("{} min {} s", secs / 60, secs % 60)
    }
}

#[cfg(test)]
#[path = "markup_tests.rs"]
mod tests;
