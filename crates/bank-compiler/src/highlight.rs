//! A small Python highlighter for build time: source becomes tokens of a fixed set of classes
//! (`bank_format::TokenClass`, styled in `styles/code.css`). Exactness matters less than never
//! mangling the text.

use bank_format::{Node, TokenClass};

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

/// Tokens as they are found; plain text between them is one text node.
#[derive(Default)]
struct Tokens(Vec<Node>);

impl Tokens {
    fn push(&mut self, class: Option<TokenClass>, text: &str) {
        if text.is_empty() {
            return;
        }
        match (class, self.0.last_mut()) {
            (Some(class), _) => self.0.push(Node::token(class, text)),
            (None, Some(Node::Text(last))) => last.push_str(text),
            (None, _) => self.0.push(Node::text(text)),
        }
    }
}

/// Highlights Python source into text and tokens.
pub fn python(src: &str) -> Vec<Node> {
    let mut out = Tokens::default();
    python_into(src, &mut out);
    out.0
}

fn python_into(src: &str, out: &mut Tokens) {
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    // The identifier after `def` or `class` is a definition name.
    let mut defining = false;
    while i < chars.len() {
        let c = chars[i];
        let (class, end) = if c == '#' {
            let end = chars[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(chars.len(), |p| i + p);
            (Some(TokenClass::Comment), end)
        } else if let Some(end) = string_end(&chars, i) {
            (Some(TokenClass::String), end)
        } else if c.is_ascii_digit()
            || (c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()))
        {
            let end = scan(&chars, i, |c| {
                c.is_ascii_alphanumeric() || c == '.' || c == '_'
            });
            (Some(TokenClass::Number), end)
        } else if c == '@' && at_line_start(&chars, i) {
            let end = scan(&chars, i + 1, |c| {
                c.is_alphanumeric() || c == '_' || c == '.'
            });
            (Some(TokenClass::Decorator), end)
        } else if c.is_alphabetic() || c == '_' {
            let end = scan(&chars, i, |c| c.is_alphanumeric() || c == '_');
            let word = collect(&chars[i..end]);
            let after_dot = i > 0 && chars[i - 1] == '.';
            let class = if defining {
                defining = false;
                Some(TokenClass::Definition)
            } else if KEYWORDS.contains(&word.as_str()) && !after_dot {
                defining = word == "def" || word == "class";
                Some(TokenClass::Keyword)
            } else if CONSTANTS.contains(&word.as_str()) {
                Some(TokenClass::Constant)
            } else if BUILTINS.contains(&word.as_str()) && !after_dot {
                Some(TokenClass::Builtin)
            } else {
                None
            };
            (class, end)
        } else {
            (None, i + 1)
        };
        out.push(class, &collect(&chars[i..end]));
        i = end;
    }
}

/// Highlights an interactive session: prompt lines as Python, the rest as output.
pub fn pycon(src: &str) -> Vec<Node> {
    let mut out = Tokens::default();
    for (n, line) in src.lines().enumerate() {
        if n > 0 {
            out.push(None, "\n");
        }
        if let Some(code) = line
            .strip_prefix(">>> ")
            .or_else(|| line.strip_prefix("... "))
        {
            out.push(Some(TokenClass::Prompt), &line[..4]);
            python_into(code, &mut out);
        } else if line == ">>>" || line == "..." {
            out.push(Some(TokenClass::Prompt), line);
        } else {
            out.push(Some(TokenClass::Output), line);
        }
    }
    out.0
}

/// Anything else: plain text.
pub fn plain(src: &str) -> Vec<Node> {
    let mut out = Tokens::default();
    out.push(None, src);
    out.0
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
    use bank_format::rich::plain_text;

    fn text(tokens: &[Node]) -> String {
        plain_text(tokens)
    }

    fn classed(tokens: &[Node]) -> Vec<(&str, &str)> {
        tokens
            .iter()
            .filter_map(|t| match t {
                Node::Element(tag, children) => match children.as_slice() {
                    [Node::Text(text)] => Some((tag.name(), text.as_str())),
                    _ => None,
                },
                Node::Text(_) | Node::Link(..) => None,
            })
            .collect()
    }

    #[test]
    fn keeps_every_character() {
        let src = "@cache\ndef f(x: int = 0x1F) -> str:\n    s = rf'a\\d{x}' + \"\"\"doc\n'q'\"\"\"  # note <b>\n    return s.type\n";
        assert_eq!(text(&python(src)), src);
        assert_eq!(
            text(&pycon(">>> x = 1\n... y\n>>>\nout <b>")),
            ">>> x = 1\n... y\n>>>\nout <b>"
        );
    }

    #[test]
    fn classifies_tokens() {
        let tokens = python("def area(r):\n    return 3.14 * r  # pi\nprint(None, 'x')");
        assert_eq!(
            classed(&tokens),
            [
                ("k", "def"),
                ("f", "area"),
                ("k", "return"),
                ("n", "3.14"),
                ("c", "# pi"),
                ("b", "print"),
                ("x", "None"),
                ("s", "'x'"),
            ]
        );
        // Plain text between them is merged, not one token per character.
        assert_eq!(tokens[1], Node::text(" "));
        assert_eq!(tokens[3], Node::text("(r):\n    "));
    }

    #[test]
    fn attribute_named_like_keyword_is_not_a_keyword() {
        assert_eq!(classed(&python("obj.type")), []);
    }

    #[test]
    fn markup_in_code_stays_text() {
        let tokens = python("x = a < b and '<script>'");
        assert_eq!(
            tokens.last(),
            Some(&Node::token(TokenClass::String, "'<script>'"))
        );
    }

    #[test]
    fn pycon_marks_prompts_and_output() {
        let tokens = pycon(">>> 1 + 1\n2");
        assert_eq!(
            classed(&tokens),
            [("p", ">>> "), ("n", "1"), ("n", "1"), ("o", "2")]
        );
    }
}
