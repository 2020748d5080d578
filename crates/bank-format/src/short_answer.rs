//! The one rule for comparing a typed short answer with an accepted one. The app grades with
//! it and the content tests use it to find accepted spellings that say the same thing twice.
//!
//! - White space and quote style never matter: `Literal[ 'r' ]` is `Literal["r"]`.
//! - Backticks around the answer are ignored (people type Markdown).
//! - **Names** (the default): case matters, as it does in Python (`__CLOSURE__` is not
//!   `__closure__`). A leading `@` or `.`, a trailing `()` and a known module or builtin-type
//!   prefix are optional: `@functools.wraps`, `wraps()` and `wraps` all match `functools.wraps`.
//!   A prefix that is typed must be the accepted one, when the accepted answer has one.
//! - **Prose** (`match = "prose"` on the question): case does not matter either, and a final
//!   full stop is ignored.

/// Prefixes that may be left out of a name: standard modules and the builtin types whose
/// methods questions ask about. Longer dotted ones first, so `collections.abc.` wins over
/// `collections.`.
const KNOWN_PREFIXES: &[&str] = &[
    "collections.abc",
    "concurrent.futures",
    "unittest.mock",
    "abc",
    "annotationlib",
    "asyncio",
    "bisect",
    "builtins",
    "collections",
    "contextlib",
    "copy",
    "dataclasses",
    "dis",
    "enum",
    "functools",
    "gc",
    "heapq",
    "importlib",
    "inspect",
    "io",
    "itertools",
    "json",
    "math",
    "operator",
    "os",
    "pathlib",
    "pickle",
    "queue",
    "re",
    "sys",
    "threading",
    "multiprocessing",
    "time",
    "tracemalloc",
    "types",
    "typing",
    "unittest",
    "warnings",
    "weakref",
    // Builtin types and the collections classes, as owners of methods.
    "object",
    "type",
    "str",
    "bytes",
    "int",
    "float",
    "list",
    "tuple",
    "dict",
    "set",
    "frozenset",
    "Counter",
    "defaultdict",
    "deque",
];

/// Whether `typed` matches the `accepted` answer under the rule above.
pub fn matches(typed: &str, accepted: &str, prose: bool) -> bool {
    let typed = canonical(typed, prose);
    let accepted = canonical(accepted, prose);
    if typed.is_empty() || accepted.is_empty() {
        return false;
    }
    if prose {
        return typed == accepted;
    }
    let (typed_prefix, typed_name) = split_prefix(&typed);
    let (accepted_prefix, accepted_name) = split_prefix(&accepted);
    typed_name == accepted_name
        && (typed_prefix.is_none() || accepted_prefix.is_none() || typed_prefix == accepted_prefix)
}

/// White space removed, quotes unified, backticks dropped; then per kind of answer.
fn canonical(text: &str, prose: bool) -> String {
    let trimmed = text.trim().trim_matches('`');
    let mut out: String = trimmed
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '\'' { '"' } else { c })
        .collect();
    if prose {
        // ASCII only: prose answers are English words, and full Unicode case tables would
        // add kilobytes to the wasm.
        out.make_ascii_lowercase();
        if out.len() > 1 && out.ends_with('.') {
            out.pop();
        }
        return out;
    }
    // `@wraps` names the decorator and `.close()` the method: the name is what counts.
    if let Some(rest) = out.strip_prefix('@').or_else(|| out.strip_prefix('.')) {
        out = rest.to_string();
    }
    if out.len() > 2 && out.ends_with("()") {
        out.truncate(out.len() - 2);
    }
    out
}

/// `functools.wraps` → (`Some("functools")`, `wraps`); unknown owners stay part of the name.
fn split_prefix(name: &str) -> (Option<&str>, &str) {
    for prefix in KNOWN_PREFIXES {
        if let Some(rest) = name.strip_prefix(prefix).and_then(|r| r.strip_prefix('.')) {
            if !rest.is_empty() {
                return (Some(prefix), rest);
            }
        }
    }
    (None, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_quotes_and_backticks_never_matter() {
        assert!(matches(" async  for ", "async for", false));
        assert!(matches("asyncfor", "async for", false));
        assert!(matches(
            "typing.Literal['r', 'w', 'a']",
            "Literal[\"r\", \"w\", \"a\"]",
            false
        ));
        assert!(matches("TypeVar('T')", "typing.TypeVar(\"T\")", false));
        assert!(matches("`__len__`", "__len__", false));
        assert!(!matches("   ", "x", false));
        assert!(!matches("x", "  ", false));
    }

    #[test]
    fn names_keep_their_case() {
        assert!(!matches("__CLOSURE__", "__closure__", false));
        assert!(!matches("none", "None", false));
        assert!(matches("None", "None", false));
    }

    #[test]
    fn call_parens_decorator_sign_and_module_are_optional() {
        for typed in [
            "functools.wraps",
            "wraps",
            "@wraps",
            "@functools.wraps",
            "wraps()",
            "functools.wraps()",
        ] {
            assert!(matches(typed, "functools.wraps", false), "{typed}");
        }
        assert!(matches("Counter.most_common()", "most_common", false));
        assert!(matches(".most_common()", "most_common", false));
        assert!(matches("dict.__missing__", "__missing__", false));
        assert!(matches("sys.getrefcount()", "getrefcount", false));
        assert!(matches("collections.abc.Iterable", "Iterable", false));
        assert!(matches("__set_name__()", "__set_name__", false));
    }

    #[test]
    fn a_typed_prefix_must_be_the_accepted_one() {
        assert!(!matches("itertools.wraps", "functools.wraps", false));
        assert!(!matches("functools.wrap", "functools.wraps", false));
        // An unknown owner is part of the name, so it has to be typed as accepted.
        assert!(!matches("cache_info", "f.cache_info", false));
        assert!(matches("f.cache_info()", "f.cache_info", false));
    }

    #[test]
    fn prose_ignores_case_and_a_final_full_stop() {
        assert!(matches("Walrus Operator.", "walrus operator", true));
        assert!(matches("LINEAR", "linear", true));
        assert!(matches("o(N)", "O(n)", true));
        assert!(!matches("quadratic", "linear", true));
        assert!(!matches(".", "linear", true));
    }
}
