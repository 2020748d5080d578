//! Rich text: what a Markdown field and highlighted code become at build time. A tree of text
//! and a fixed set of elements, which the app turns into DOM elements one by one, so nothing
//! in it is ever markup: `<script>` in a text node is shown as those eight characters. Quiz
//! files from other sites travel in it.
//!
//! One node type with a closed set of tags (rather than a type per block and inline) keeps
//! the reader and the renderer to one small function each: they ship to every visitor, and
//! the embed's size budget left room for little more than the HTML path they replaced.

/// A Markdown field: its blocks in order.
pub type Rich = Vec<Node>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Text(String),
    Element(Tag, Vec<Node>),
    /// A link and its text: the address passes [`href_allowed`], the reader refuses any
    /// other.
    Link(String, Vec<Node>),
}

impl Node {
    pub fn text(text: impl Into<String>) -> Node {
        Node::Text(text.into())
    }

    /// A highlighted piece of a code block.
    pub fn token(class: TokenClass, text: impl Into<String>) -> Node {
        Node::Element(Tag::Token(class), vec![Node::text(text)])
    }
}

/// The elements rich text may hold (and links, see [`Node::Link`]). What each may contain
/// is [`Tag::content`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Para,
    Bullets,
    Numbers,
    Item,
    Table,
    Row,
    HeadCell,
    Cell,
    /// A code block: text and tokens.
    Pre,
    Emph,
    Strong,
    Code,
    Token(TokenClass),
}

/// What an element may contain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// Paragraphs, lists, code blocks and tables: a field.
    Blocks,
    /// Blocks and inlines: a list item (a tight list's items hold their text directly).
    Flow,
    Items,
    Rows,
    Cells,
    /// Text, emphasis, inline code and links.
    Inlines,
    Text,
    /// Text and tokens: a code block.
    Tokens,
}

impl Tag {
    /// The tags named in JSON by [`Tag::name`] (a token is named by its class).
    const ALL: [Tag; 12] = [
        Tag::Para,
        Tag::Bullets,
        Tag::Numbers,
        Tag::Item,
        Tag::Table,
        Tag::Row,
        Tag::HeadCell,
        Tag::Cell,
        Tag::Pre,
        Tag::Emph,
        Tag::Strong,
        Tag::Code,
    ];

    /// The element's name in JSON, and in HTML but for a token (a `span` with this class).
    pub fn name(self) -> &'static str {
        match self {
            Tag::Para => "p",
            Tag::Bullets => "ul",
            Tag::Numbers => "ol",
            Tag::Item => "li",
            Tag::Table => "table",
            Tag::Row => "tr",
            Tag::HeadCell => "th",
            Tag::Cell => "td",
            Tag::Pre => "pre",
            Tag::Emph => "em",
            Tag::Strong => "strong",
            Tag::Code => "code",
            Tag::Token(class) => class.css(),
        }
    }

    /// Emphasis, inline code or a token: part of the text around it.
    pub fn is_inline(self) -> bool {
        matches!(self, Tag::Emph | Tag::Strong | Tag::Code | Tag::Token(_))
    }

    fn is_block(self) -> bool {
        matches!(
            self,
            Tag::Para | Tag::Bullets | Tag::Numbers | Tag::Table | Tag::Pre
        )
    }

    pub fn content(self) -> Content {
        match self {
            Tag::Para | Tag::HeadCell | Tag::Cell | Tag::Emph | Tag::Strong => Content::Inlines,
            Tag::Bullets | Tag::Numbers => Content::Items,
            Tag::Item => Content::Flow,
            Tag::Table => Content::Rows,
            Tag::Row => Content::Cells,
            Tag::Pre => Content::Tokens,
            Tag::Code | Tag::Token(_) => Content::Text,
        }
    }

    /// The tag named `name` that may stand in `content` (a link is not a tag: see
    /// [`Content::holds_inlines`]).
    pub fn parse(content: Content, name: &str) -> Option<Tag> {
        if content == Content::Tokens {
            return TokenClass::from_css(name).map(Tag::Token);
        }
        let fits = |tag: Tag| match content {
            Content::Blocks => tag.is_block(),
            Content::Flow => tag.is_block() || tag.is_inline(),
            Content::Items => tag == Tag::Item,
            Content::Rows => tag == Tag::Row,
            Content::Cells => tag == Tag::HeadCell || tag == Tag::Cell,
            Content::Inlines => tag.is_inline(),
            Content::Text | Content::Tokens => false,
        };
        Tag::ALL
            .into_iter()
            .find(|&tag| tag.name() == name && fits(tag))
    }
}

impl Content {
    /// Whether emphasis, inline code and links may stand here.
    pub fn holds_inlines(self) -> bool {
        matches!(self, Content::Inlines | Content::Flow)
    }

    pub fn holds_text(self) -> bool {
        !matches!(
            self,
            Content::Blocks | Content::Items | Content::Rows | Content::Cells
        )
    }
}

/// What a token is, as far as the colours in `styles/code.css` care. Plain text in a code
/// block is a text node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenClass {
    Keyword,
    Builtin,
    /// `True`, `False`, `None`…
    Constant,
    String,
    Number,
    Comment,
    Decorator,
    /// The name after `def` or `class`.
    Definition,
    /// `>>> ` and `... ` in an interactive session.
    Prompt,
    /// What an interactive session printed.
    Output,
}

impl TokenClass {
    pub const ALL: [TokenClass; 10] = [
        TokenClass::Keyword,
        TokenClass::Builtin,
        TokenClass::Constant,
        TokenClass::String,
        TokenClass::Number,
        TokenClass::Comment,
        TokenClass::Decorator,
        TokenClass::Definition,
        TokenClass::Prompt,
        TokenClass::Output,
    ];

    /// The CSS class (`styles/code.css`), also the token's tag in JSON.
    pub const fn css(self) -> &'static str {
        match self {
            TokenClass::Keyword => "k",
            TokenClass::Builtin => "b",
            TokenClass::Constant => "x",
            TokenClass::String => "s",
            TokenClass::Number => "n",
            TokenClass::Comment => "c",
            TokenClass::Decorator => "d",
            TokenClass::Definition => "f",
            TokenClass::Prompt => "p",
            TokenClass::Output => "o",
        }
    }

    pub fn from_css(class: &str) -> Option<TokenClass> {
        Self::ALL.into_iter().find(|c| c.css() == class)
    }
}

/// Whether a link may be shown: `http(s)://` with a host, or an in-page `#anchor`; never
/// `javascript:`, `data:` or a relative path, and nothing that could break out of an
/// attribute. The compiler checks stricter rules for the bank; the reader checks this one.
pub fn href_allowed(href: &str) -> bool {
    // Bytes and `matches!`, not `contains` (which brings memchr): this runs in the app, where
    // every byte of code is downloaded. ASCII only: other characters are percent-encoded.
    let bytes = href.as_bytes();
    let clean = |b: &u8| b.is_ascii_graphic() && !matches!(b, b'"' | b'\'' | b'<' | b'>' | b'\\');
    if !bytes.iter().all(clean) {
        return false;
    }
    if bytes.first() == Some(&b'#') {
        return bytes.len() > 1;
    }
    let Some(rest) = bytes
        .strip_prefix(b"https://")
        .or_else(|| bytes.strip_prefix(b"http://"))
    else {
        return false;
    };
    let host = rest.iter().take_while(|b| !matches!(b, b'/' | b'?' | b'#'));
    let mut chars = 0;
    for &b in host {
        if b == b'@' {
            return false;
        }
        chars += 1;
    }
    chars > 0
}

/// Every character of text in `rich`, blocks and cells followed by a space: what a search
/// looks in.
pub fn plain_text(rich: &[Node]) -> String {
    let mut out = String::new();
    for node in rich {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Link(_, children) => out.push_str(&plain_text(children)),
            Node::Element(tag, children) => {
                out.push_str(&plain_text(children));
                if !tag.is_inline() {
                    out.push(' ');
                }
            }
        }
    }
    out
}

/// A paragraph of plain text, e.g. an output option.
pub fn text_para(text: &str) -> Rich {
    vec![Node::Element(Tag::Para, vec![Node::text(text)])]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_and_anchors_are_allowed() {
        for good in [
            "https://docs.python.org/3/#x",
            "http://example.org",
            "https://a.b/c?d=e#f",
            "#here",
        ] {
            assert!(href_allowed(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,<script>",
            "/relative",
            "relative.html",
            "//evil.example/x",
            "https://",
            "https:///path",
            "https://user@evil.example/",
            "https://a.b/\"onmouseover=x",
            "https://a.b/ x",
            "https://a.b/\u{0}",
            "https://a.b/é",
            "#",
            "",
            "vbscript:x",
        ] {
            assert!(!href_allowed(bad), "{bad}");
        }
    }

    #[test]
    fn every_tag_parses_back_in_its_place_only() {
        let all = [
            (Content::Blocks, Tag::Para),
            (Content::Blocks, Tag::Bullets),
            (Content::Blocks, Tag::Numbers),
            (Content::Blocks, Tag::Table),
            (Content::Blocks, Tag::Pre),
            (Content::Flow, Tag::Pre),
            (Content::Flow, Tag::Emph),
            (Content::Items, Tag::Item),
            (Content::Rows, Tag::Row),
            (Content::Cells, Tag::HeadCell),
            (Content::Cells, Tag::Cell),
            (Content::Inlines, Tag::Emph),
            (Content::Inlines, Tag::Strong),
            (Content::Inlines, Tag::Code),
            (Content::Tokens, Tag::Token(TokenClass::Prompt)),
        ];
        for (content, tag) in all {
            assert_eq!(Tag::parse(content, tag.name()), Some(tag));
        }
        for (content, name) in [
            (Content::Inlines, "p"),
            (Content::Blocks, "em"),
            (Content::Blocks, "li"),
            (Content::Flow, "li"),
            (Content::Cells, "p"),
            (Content::Text, "em"),
            (Content::Inlines, "script"),
            (Content::Blocks, "img"),
            (Content::Tokens, "em"),
            (Content::Text, "k"),
            (Content::Inlines, "a"),
        ] {
            assert_eq!(Tag::parse(content, name), None, "{name} in {content:?}");
        }
    }

    #[test]
    fn plain_text_keeps_every_word() {
        let rich = vec![
            Node::Element(
                Tag::Para,
                vec![
                    Node::text("Use "),
                    Node::Element(Tag::Code, vec![Node::text("is")]),
                    Node::text(" "),
                    Node::Link(
                        "#x".into(),
                        vec![Node::Element(Tag::Emph, vec![Node::text("here")])],
                    ),
                ],
            ),
            Node::Element(
                Tag::Pre,
                vec![Node::token(TokenClass::Keyword, "pass"), Node::text("!")],
            ),
        ];
        assert_eq!(plain_text(&rich), "Use is here pass! ");
    }

    #[test]
    fn token_classes_round_trip_through_css() {
        for class in TokenClass::ALL {
            assert_eq!(TokenClass::from_css(class.css()), Some(class));
        }
        assert_eq!(TokenClass::from_css(""), None);
        assert_eq!(TokenClass::from_css("script"), None);
    }
}
