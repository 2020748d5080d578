//! Markdown to rich text at build time: paragraphs, emphasis, inline code, links, lists,
//! tables and highlighted code blocks. Raw HTML in content is kept as text (content is
//! Markdown only); headings, quotes, rules and images are refused by [`check`], so the app
//! ships neither a Markdown parser nor a highlighter, and never inserts markup.

use crate::highlight;
use bank_format::rich::{href_allowed, Node, Rich, Tag};
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag as Md, TagEnd};

/// A fenced code block found while rendering, for the tests that compile every Python block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FencedCode {
    pub lang: String,
    pub source: String,
    /// Tagged `python invalid`: shown on purpose as code that does not compile.
    pub invalid: bool,
}

impl FencedCode {
    pub fn must_compile(&self) -> bool {
        matches!(self.lang.as_str(), "python" | "py") && !self.invalid
    }
}

/// Hosts that the bank's `docs` links and links in its Markdown may point at.
pub const ALLOWED_HOSTS: &[&str] = &["docs.python.org", "peps.python.org"];

/// Where links may point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkRule {
    /// The bank: `https://` on an allowed host, or an in-page `#anchor`.
    Bank,
    /// An own quiz: any `http://` or `https://` address.
    Web,
}

/// Why `url` may not be linked under `rule`, if it may not.
pub fn link_problem(url: &str, rule: LinkRule) -> Option<String> {
    match rule {
        LinkRule::Web if url.starts_with('#') || !href_allowed(url) => {
            Some(format!("link `{url}` must be an http:// or https:// URL"))
        }
        LinkRule::Web => None,
        LinkRule::Bank if url.starts_with('#') && href_allowed(url) => None,
        LinkRule::Bank => {
            let Some(rest) = url.strip_prefix("https://") else {
                return Some(format!(
                    "link `{url}` must be an https:// URL (or a #anchor)"
                ));
            };
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            (!href_allowed(url) || !ALLOWED_HOSTS.contains(&host))
                .then(|| format!("link `{url}` must point at {}", ALLOWED_HOSTS.join(" or ")))
        }
    }
}

fn parser(md: &str) -> Parser<'_> {
    Parser::new_ext(md, Options::ENABLE_TABLES)
}

/// Every problem in one Markdown field: what rich text cannot show, and links that break
/// `rule`. Images are refused (the widget loads nothing from elsewhere).
pub fn check(md: &str, rule: LinkRule) -> Vec<String> {
    parser(md)
        .filter_map(|event| match event {
            Event::Start(Md::Image { dest_url, .. }) => {
                Some(format!("images are not allowed (`{dest_url}`)"))
            }
            Event::Start(Md::Link { dest_url, .. }) => link_problem(&dest_url, rule),
            Event::Start(Md::Heading { .. }) => {
                Some("headings are not allowed: use a **bold** line".into())
            }
            Event::Start(Md::BlockQuote(_)) => Some("block quotes are not allowed".into()),
            Event::Rule => Some("horizontal rules (`---`) are not allowed".into()),
            Event::HardBreak => {
                Some("line breaks are not allowed: start a new paragraph or a list".into())
            }
            _ => None,
        })
        .collect()
}

/// Renders block Markdown; code blocks found are appended to `blocks`. Whatever [`check`]
/// refuses is kept as plain text here.
pub fn render(md: &str, blocks: &mut Vec<FencedCode>) -> Rich {
    let mut tree = Tree {
        stack: vec![Frame::new(Kind::Root)],
        in_head: false,
        blocks,
    };
    for event in parser(md) {
        tree.event(event);
    }
    while tree.stack.len() > 1 {
        tree.close();
    }
    tree.stack
        .pop()
        .map(|root| root.children)
        .unwrap_or_default()
}

/// A code block, highlighted for `python` and `pycon`.
pub fn code_block(lang: &str, source: &str) -> Node {
    let source = source.trim_end();
    let tokens = match lang {
        "python" | "py" => highlight::python(source),
        "pycon" => highlight::pycon(source),
        _ => highlight::plain(source),
    };
    Node::Element(Tag::Pre, tokens)
}

/// An element being built, and its children so far.
struct Frame {
    kind: Kind,
    children: Vec<Node>,
}

enum Kind {
    Root,
    Element(Tag),
    Link(String),
    /// Refused by `check` (images): the text stays, the element goes.
    Transparent,
    Code {
        info: String,
        body: String,
    },
}

impl Frame {
    fn new(kind: Kind) -> Frame {
        Frame {
            kind,
            children: Vec::new(),
        }
    }

    fn holds_text(&self) -> bool {
        match &self.kind {
            Kind::Element(tag) => tag.content().holds_text(),
            Kind::Link(_) | Kind::Transparent => true,
            Kind::Root | Kind::Code { .. } => false,
        }
    }
}

struct Tree<'a> {
    stack: Vec<Frame>,
    /// Cells of a table's first row are header cells.
    in_head: bool,
    blocks: &'a mut Vec<FencedCode>,
}

impl Tree<'_> {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(TagEnd::BlockQuote(_)) => {}
            Event::End(end) => {
                self.in_head &= end != TagEnd::TableHead;
                self.close();
            }
            Event::Text(text) => match self.stack.last_mut() {
                Some(Frame {
                    kind: Kind::Code { body, .. },
                    ..
                }) => body.push_str(&text),
                _ => self.text(&text),
            },
            Event::Code(code) => {
                let code = Node::Element(Tag::Code, vec![Node::text(code.to_string())]);
                self.inline(code);
            }
            Event::Html(raw) | Event::InlineHtml(raw) => self.text(&raw),
            Event::SoftBreak | Event::HardBreak => self.text("\n"),
            _ => {}
        }
    }

    fn start(&mut self, tag: Md<'_>) {
        let kind = match tag {
            // Raw HTML is shown as the text it is, in a paragraph.
            Md::Paragraph | Md::Heading { .. } | Md::HtmlBlock => Kind::Element(Tag::Para),
            Md::List(Some(_)) => Kind::Element(Tag::Numbers),
            Md::List(None) => Kind::Element(Tag::Bullets),
            Md::Item => Kind::Element(Tag::Item),
            Md::CodeBlock(kind) => Kind::Code {
                info: match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                },
                body: String::new(),
            },
            Md::Table(_) => Kind::Element(Tag::Table),
            Md::TableHead => {
                self.in_head = true;
                Kind::Element(Tag::Row)
            }
            Md::TableRow => Kind::Element(Tag::Row),
            Md::TableCell if self.in_head => Kind::Element(Tag::HeadCell),
            Md::TableCell => Kind::Element(Tag::Cell),
            Md::Emphasis => Kind::Element(Tag::Emph),
            Md::Strong => Kind::Element(Tag::Strong),
            Md::Link { dest_url, .. } => Kind::Link(dest_url.to_string()),
            // A quote adds no element of its own: its paragraphs stay.
            Md::BlockQuote(_) => return,
            _ => Kind::Transparent,
        };
        self.stack.push(Frame::new(kind));
    }

    /// Closes the innermost element and adds it to its parent.
    fn close(&mut self) {
        let Some(Frame { kind, children }) = self.stack.pop() else {
            return;
        };
        let node = match kind {
            Kind::Element(tag) => Node::Element(tag, children),
            Kind::Link(href) => Node::Link(href, children),
            Kind::Transparent => {
                for child in children {
                    match child {
                        Node::Text(t) => self.text(&t),
                        other => self.inline(other),
                    }
                }
                return;
            }
            Kind::Code { info, body } => {
                let mut words = info.split_whitespace();
                let lang = words.next().unwrap_or("").to_string();
                let invalid = words.any(|w| w == "invalid");
                let node = code_block(&lang, &body);
                self.blocks.push(FencedCode {
                    lang,
                    source: body,
                    invalid,
                });
                node
            }
            Kind::Root => {
                self.stack.push(Frame { kind, children });
                return;
            }
        };
        if let Some(parent) = self.stack.last_mut() {
            parent.children.push(node);
        }
    }

    /// Adds an inline to the element being built (a block holds it in a paragraph of its
    /// own; pulldown-cmark never does that, but the reader would refuse it).
    fn inline(&mut self, node: Node) {
        let Some(frame) = self.stack.last_mut() else {
            return;
        };
        if frame.holds_text() {
            frame.children.push(node);
        } else {
            frame.children.push(Node::Element(Tag::Para, vec![node]));
        }
    }

    /// Text, merged with the text before it so a chunk holds one string per run.
    fn text(&mut self, text: &str) {
        if let Some(Node::Text(last)) = self
            .stack
            .last_mut()
            .filter(|f| f.holds_text())
            .and_then(|f| f.children.last_mut())
        {
            last.push_str(text);
            return;
        }
        self.inline(Node::text(text));
    }
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
