//! A small Python highlighter for build time: tokens become `<span class="…">` with short class
//! names styled in `styles/code.css`. Exactness matters less than never mangling the text.

const KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match",
    "case", "type",
];
const CONSTANTS: &[&str] = &[
    "True",
    "False",
    "None",
    "NotImplemented",
    "Ellipsis",
    "__debug__",
];
const BUILTINS: &[&str] = &[
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "vars",
    "zip",
    "self",
    "cls",
];

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn span(out: &mut String, class: &str, text: &str) {
    out.push_str("<span class=\"");
    out.push_str(class);
    out.push_str("\">");
    out.push_str(&escape(text));
    out.push_str("</span>");
}

/// Highlights Python source into HTML (without the surrounding `<pre>`).
pub fn python(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len() * 2);
    let mut i = 0;
    // The identifier after `def` or `class` is a definition name.
    let mut defining = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '#' {
            let end = chars[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(chars.len(), |p| i + p);
            span(&mut out, "c", &collect(&chars[i..end]));
            i = end;
        } else if let Some(end) = string_end(&chars, i) {
            span(&mut out, "s", &collect(&chars[i..end]));
            i = end;
        } else if c.is_ascii_digit()
            || (c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()))
        {
            let end = scan(&chars, i, |c| {
                c.is_ascii_alphanumeric() || c == '.' || c == '_'
            });
            span(&mut out, "n", &collect(&chars[i..end]));
            i = end;
        } else if c == '@' && at_line_start(&chars, i) {
            let end = scan(&chars, i + 1, |c| {
                c.is_alphanumeric() || c == '_' || c == '.'
            });
            span(&mut out, "d", &collect(&chars[i..end]));
            i = end;
        } else if c.is_alphabetic() || c == '_' {
            let end = scan(&chars, i, |c| c.is_alphanumeric() || c == '_');
            let word = collect(&chars[i..end]);
            let after_dot = i > 0 && chars[i - 1] == '.';
            if defining {
                span(&mut out, "f", &word);
                defining = false;
            } else if KEYWORDS.contains(&word.as_str()) && !after_dot {
                span(&mut out, "k", &word);
                defining = word == "def" || word == "class";
            } else if CONSTANTS.contains(&word.as_str()) {
                span(&mut out, "x", &word);
            } else if BUILTINS.contains(&word.as_str()) && !after_dot {
                span(&mut out, "b", &word);
            } else {
                out.push_str(&escape(&word));
            }
            i = end;
        } else {
            out.push_str(&escape(&c.to_string()));
            i += 1;
        }
    }
    out
}

/// Highlights an interactive session: prompt lines as Python, the rest as output.
pub fn pycon(src: &str) -> String {
    let mut out = String::new();
    for (n, line) in src.lines().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        if let Some(code) = line
            .strip_prefix(">>> ")
            .or_else(|| line.strip_prefix("... "))
        {
            span(&mut out, "p", &line[..4]);
            out.push_str(&python(code));
        } else if line == ">>>" || line == "..." {
            span(&mut out, "p", line);
        } else {
            span(&mut out, "o", line);
        }
    }
    out
}

fn collect(chars: &[char]) -> String {
    chars.iter().collect()
}

fn scan(chars: &[char], from: usize, keep: impl Fn(char) -> bool) -> usize {
    chars[from..]
        .iter()
        .position(|&c| !keep(c))
        .map_or(chars.len(), |p| from + p)
}

fn at_line_start(chars: &[char], i: usize) -> bool {
    chars[..i]
        .iter()
        .rev()
        .take_while(|&&c| c != '\n')
        .all(|c| c.is_whitespace())
}

/// If a string literal (with optional prefix such as `f`, `rb`) starts at `i`, where it ends.
fn string_end(chars: &[char], i: usize) -> Option<usize> {
    let prefix_len = chars[i..]
        .iter()
        .take(3)
        .take_while(|c| matches!(c.to_ascii_lowercase(), 'r' | 'b' | 'f' | 'u'))
        .count();
    if i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_') && prefix_len > 0 {
        return None;
    }
    let q = i + prefix_len;
    let quote = *chars.get(q).filter(|c| **c == '"' || **c == '\'')?;
    let triple = chars.get(q + 1) == Some(&quote) && chars.get(q + 2) == Some(&quote);
    let mut j = if triple { q + 3 } else { q + 1 };
    while j < chars.len() {
        let c = chars[j];
        // Even in a raw string a backslash keeps the next quote from ending it.
        if c == '\\' {
            j += 2;
            continue;
        }
        if triple {
            if c == quote && chars.get(j + 1) == Some(&quote) && chars.get(j + 2) == Some(&quote) {
                return Some(j + 3);
            }
        } else if c == quote {
            return Some(j + 1);
        } else if c == '\n' {
            return Some(j);
        }
        j += 1;
    }
    Some(chars.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip_tags(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn keeps_every_character() {
        let src = "@cache\ndef f(x: int = 0x1F) -> str:\n    s = rf'a\\d{x}' + \"\"\"doc\n'q'\"\"\"  # note <b>\n    return s.type\n";
        assert_eq!(strip_tags(&python(src)), src);
    }

    #[test]
    fn classifies_tokens() {
        let html = python("def area(r):\n    return 3.14 * r  # pi\nprint(None, 'x')");
        assert!(
            html.contains(r#"<span class="k">def</span> <span class="f">area</span>"#),
            "{html}"
        );
        assert!(html.contains(r#"<span class="n">3.14</span>"#));
        assert!(html.contains(r#"<span class="c"># pi</span>"#));
        assert!(html.contains(r#"<span class="b">print</span>"#));
        assert!(html.contains(r#"<span class="x">None</span>"#));
        assert!(html.contains(r#"<span class="s">&#39;x&#39;</span>"#));
    }

    #[test]
    fn attribute_named_like_keyword_is_not_a_keyword() {
        assert!(!python("obj.type").contains(r#"class="k""#));
    }

    #[test]
    fn escapes_html_in_code() {
        let html = python("x = a < b and '<script>'");
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn pycon_marks_prompts_and_output() {
        let html = pycon(">>> 1 + 1\n2");
        assert!(
            html.starts_with(r#"<span class="p">&gt;&gt;&gt; </span>"#),
            "{html}"
        );
        assert!(html.ends_with(r#"<span class="o">2</span>"#));
    }
}
