//! The author page's pure parts: compiling a draft and the snippets that embed the result. The
//! page itself (`page`, wasm only) draws them.

#[cfg(target_arch = "wasm32")]
pub mod page;

/// The draft a new author starts from: one question of each type (the tests compile it).
pub const TEMPLATE: &str = include_str!("../../../content/examples/my-quiz.toml");

/// The file name problems are reported against, and the file the page downloads.
pub const SOURCE_NAME: &str = "my-quiz.toml";
pub const OUTPUT_NAME: &str = "my-quiz.json";

/// A compiled draft, or its problems as `(line, message)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Compiled {
    Quiz { json: String, questions: usize },
    Problems(Vec<(usize, String)>),
}

/// Compiles a draft exactly as `bank quiz my-quiz.toml -o my-quiz.json` does.
pub fn compile(toml: &str) -> Compiled {
    match bank_compiler::compile_quiz(SOURCE_NAME, toml) {
        Ok(json) => {
            let questions = serde_json::from_str::<serde_json::Value>(&json)
                .ok()
                .and_then(|v| v.get("questions")?.as_array().map(Vec::len))
                .unwrap_or(0);
            Compiled::Quiz { json, questions }
        }
        Err(problems) => {
            Compiled::Problems(problems.into_iter().map(|d| (d.line, d.message)).collect())
        }
    }
}

/// An attribute value as HTML: the snippet is pasted into someone's page.
fn attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The tag for a quiz file at `file_url` on the blog (`data-src`), with embed.js at `embed_js`.
pub fn snippet(embed_js: &str, file_url: &str) -> String {
    format!(
        "<script src=\"{}\" data-src=\"{}\" async></script>",
        attr(embed_js),
        attr(file_url.trim())
    )
}

/// The inline form, for hosts that cannot upload files: the quiz JSON in the page. Every `<` is
/// written `\u003c`, the same JSON to a parser, so no text in the quiz can close the script
/// element or open a comment.
pub fn inline_snippet(embed_js: &str, json: &str) -> String {
    format!(
        "<script type=\"application/json\">{}</script>\n<script src=\"{}\" async></script>",
        json.trim_end().replace('<', "\\u003c"),
        attr(embed_js)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_compiles_to_what_the_cli_writes() {
        let Compiled::Quiz { json, questions } = compile(TEMPLATE) else {
            panic!("the template has problems: {:?}", compile(TEMPLATE));
        };
        assert_eq!(questions, 5);
        assert_eq!(
            json,
            bank_compiler::compile_quiz("my-quiz.toml", TEMPLATE).unwrap()
        );
    }

    #[test]
    fn problems_carry_their_line() {
        let draft = TEMPLATE.replacen("difficulty = \"junior\"", "difficulty = \"expert\"", 1);
        let line = draft
            .lines()
            .position(|l| l.contains("\"expert\""))
            .unwrap()
            + 1;
        let Compiled::Problems(problems) = compile(&draft) else {
            panic!("a bad difficulty compiled");
        };
        assert!(
            problems
                .iter()
                .any(|(l, m)| *l == line && m.contains("expert")),
            "{problems:?}"
        );
        assert!(matches!(
            compile("title = \"x\"\n[[question]"),
            Compiled::Problems(_)
        ));
    }

    #[test]
    fn snippets_cannot_break_out_of_the_page() {
        let s = snippet("https://q.example/embed.js", "/posts/a\"b<c>.json");
        assert_eq!(
            s,
            "<script src=\"https://q.example/embed.js\" data-src=\"/posts/a&quot;b&lt;c>.json\" async></script>"
        );
        let json = r#"{"title":"</script><!-- <img src=x onerror=alert(1)>"}"#;
        let inline = inline_snippet("/embed.js", json);
        let body = &inline[inline.find('>').unwrap() + 1..inline.find("</script>").unwrap()];
        assert!(!body.contains('<'), "{body}");
        assert_eq!(
            body.replace("\\u003c", "<"),
            json,
            "the same JSON once parsed"
        );
        assert_eq!(inline.matches("</script>").count(), 2);
    }
}
