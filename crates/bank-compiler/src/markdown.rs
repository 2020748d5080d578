//! Markdown to HTML at build time. Raw HTML in content is shown as text (content is Markdown
//! only), links open in a new tab (the widget may live in an iframe), and fenced code is
//! highlighted here so the app ships no highlighter.

use crate::highlight::{self, escape};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

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

/// Hosts that `docs` links and links in Markdown may point at: the official documentation.
pub const ALLOWED_HOSTS: &[&str] = &["docs.python.org", "peps.python.org"];

/// Why `url` may not be linked from the bank, if it may not: only `https://` on an allowed
/// host, or an in-page `#anchor`.
pub fn link_problem(url: &str) -> Option<String> {
    if url.starts_with('#') && !url.contains(char::is_whitespace) {
        return None;
    }
    let Some(rest) = url.strip_prefix("https://") else {
        return Some(format!(
            "link `{url}` must be an https:// URL (or a #anchor)"
        ));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if url.contains(char::is_whitespace) || !ALLOWED_HOSTS.contains(&host) {
        return Some(format!(
            "link `{url}` must point at {}",
            ALLOWED_HOSTS.join(" or ")
        ));
    }
    None
}

/// Every problem with the links and images in one Markdown field: images are refused (the
/// widget loads nothing from elsewhere) and links must pass `link_problem`.
pub fn check_links(md: &str) -> Vec<String> {
    Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
        .filter_map(|event| match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                Some(format!("images are not allowed (`{dest_url}`)"))
            }
            Event::Start(Tag::Link { dest_url, .. }) => link_problem(&dest_url),
            _ => None,
        })
        .collect()
}

/// Renders block Markdown; code blocks found are appended to `blocks`.
pub fn render(md: &str, blocks: &mut Vec<FencedCode>) -> String {
    let mut out = String::new();
    let mut code: Option<(String, bool, String)> = None;
    let mut events = Vec::new();
    for event in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let mut words = info.split_whitespace();
                let lang = words.next().unwrap_or("").to_string();
                let invalid = words.any(|w| w == "invalid");
                code = Some((lang, invalid, String::new()));
            }
            Event::Text(text) if code.is_some() => {
                if let Some((_, _, body)) = code.as_mut() {
                    body.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, invalid, body)) = code.take() {
                    events.push(Event::Html(CowStr::from(code_block(&lang, &body))));
                    blocks.push(FencedCode {
                        lang,
                        source: body,
                        invalid,
                    });
                }
            }
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                let title = if title.is_empty() {
                    String::new()
                } else {
                    format!(" title=\"{}\"", escape(&title))
                };
                events.push(Event::Html(CowStr::from(format!(
                    "<a href=\"{}\"{title} target=\"_blank\" rel=\"noopener\">",
                    escape(&dest_url)
                ))));
            }
            Event::End(TagEnd::Link) => events.push(Event::Html(CowStr::from("</a>"))),
            other => events.push(other),
        }
    }
    pulldown_cmark::html::push_html(&mut out, events.into_iter());
    // The app runs under a CSP without inline styles: table alignment becomes a class.
    for (style, class) in [
        (" style=\"text-align: left\"", " class=\"al\""),
        (" style=\"text-align: center\"", " class=\"ac\""),
        (" style=\"text-align: right\"", " class=\"ar\""),
    ] {
        out = out.replace(style, class);
    }
    out.trim_end().to_string()
}

/// Renders a one-line fragment (an option, a checklist item) without the wrapping paragraph.
pub fn render_inline(md: &str, blocks: &mut Vec<FencedCode>) -> String {
    let html = render(md, blocks);
    match html
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => html,
    }
}

/// A highlighted `<pre>` for a snippet in the given language.
pub fn code_block(lang: &str, source: &str) -> String {
    let body = match lang {
        "python" | "py" => highlight::python(source.trim_end()),
        "pycon" => highlight::pycon(source.trim_end()),
        _ => escape(source.trim_end()),
    };
    let class = if lang.is_empty() { "text" } else { lang };
    format!(
        "<pre class=\"code\"><code class=\"language-{}\">{body}</code></pre>",
        escape(class)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_and_collects_python_blocks() {
        let mut blocks = Vec::new();
        let html = render(
            "Use `is`:\n\n```python\nx is None\n```\n\n```python invalid\ndef (\n```",
            &mut blocks,
        );
        assert!(html.starts_with("<p>Use <code>is</code>:</p>"), "{html}");
        assert!(html.contains(r#"<pre class="code"><code class="language-python">x <span class="k">is</span> <span class="x">None</span></code></pre>"#), "{html}");
        assert_eq!(blocks.len(), 2);
        assert!(blocks[0].must_compile());
        assert_eq!(blocks[0].source, "x is None\n");
        assert!(!blocks[1].must_compile());
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = render("a <script>alert(1)</script> b", &mut Vec::new());
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn links_open_in_a_new_tab() {
        let html = render("[docs](https://docs.python.org/3/)", &mut Vec::new());
        assert!(
            html.contains(
                r#"<a href="https://docs.python.org/3/" target="_blank" rel="noopener">docs</a>"#
            ),
            "{html}"
        );
    }

    #[test]
    fn only_https_links_to_the_docs_and_no_images() {
        assert!(check_links("[x](https://docs.python.org/3/library/)").is_empty());
        assert!(check_links("[x](#here) <https://peps.python.org/pep-0008/>").is_empty());
        for bad in [
            "[x](javascript:alert(1))",
            "[x](http://docs.python.org/3/)",
            "[x](https://evil.example/docs.python.org)",
            "[x](https://docs.python.org.evil.example/)",
            "<mailto:a@b.c>",
            "![pixel](https://docs.python.org/x.png)",
        ] {
            assert_eq!(check_links(bad).len(), 1, "{bad}");
        }
    }

    #[test]
    fn table_alignment_is_a_class_not_a_style() {
        let html = render("| a | b |\n|:--|--:|\n| 1 | 2 |", &mut Vec::new());
        assert!(!html.contains("style="), "{html}");
        assert!(html.contains("<td class=\"ar\">2</td>"), "{html}");
    }

    #[test]
    fn inline_drops_the_paragraph() {
        assert_eq!(
            render_inline("`x is None`", &mut Vec::new()),
            "<code>x is None</code>"
        );
    }
}
