//! Which builtins and core methods the bank names. A learner preparing for an interview should
//! meet every builtin function and the everyday methods of `list`, `dict`, `set` and `str` at
//! least once, so `bank stats --coverage` lists the questions naming each and a bank rule fails
//! on any that none names.

use crate::bank::Bank;
use crate::question::SourceQuestion;

/// Every public callable of Python 3.13's `builtins` module that is not an exception class,
/// minus the interactive helpers (`help`, `exit`, `quit`, `copyright`, `credits`, `license`),
/// plus `__import__`. Of the underscore names, only `__import__` is documented in the "Built-in
/// Functions" table of the library reference (it is the function behind the `import`
/// statement, and its dotted-name result is a trap the Programming FAQ describes);
/// `__build_class__` and `__loader__` are interpreter machinery that the table does not list,
/// so they stay out. Produced once with
///
/// ```text
/// ~/.pyenv/versions/3.13.0/bin/python3 -c 'import builtins
/// skip = {"help", "exit", "quit", "copyright", "credits", "license"}
/// print(sorted(n for n, v in vars(builtins).items() if callable(v)
///     and (not n.startswith("_") or n == "__import__")
///     and not (isinstance(v, type) and issubclass(v, BaseException)) and n not in skip))'
/// ```
///
/// and re-derived by `tests/audit_rules.rs` whenever a 3.13 interpreter is present.
pub const BUILTINS: &str = "__import__ abs aiter all anext any ascii bin bool breakpoint \
    bytearray bytes callable chr classmethod compile complex delattr dict dir divmod enumerate \
    eval exec filter float format frozenset getattr globals hasattr hash hex id input int \
    isinstance issubclass iter len list locals map max memoryview min next object oct open ord \
    pow print property range repr reversed round set setattr slice sorted staticmethod str sum \
    super tuple type vars zip";

/// The everyday methods of the core containers and `str` (issue 15).
pub const METHODS: [(&str, &str); 4] = [
    (
        "list",
        "append extend insert pop remove sort index count copy clear reverse",
    ),
    (
        "dict",
        "get setdefault pop popitem update keys values items fromkeys copy",
    ),
    (
        "set",
        "add discard remove pop union intersection difference issubset",
    ),
    (
        "str",
        "split join strip replace find index startswith format encode partition splitlines \
         casefold isdigit zfill",
    ),
];

/// Something the bank must name: a builtin, or a method of a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Builtin(&'static str),
    Method(&'static str, &'static str),
}

impl Item {
    /// Every item, builtins first, in the order of the lists above.
    pub fn all() -> Vec<Item> {
        let builtins = BUILTINS.split_whitespace().map(Item::Builtin);
        let methods = METHODS
            .iter()
            .flat_map(|(ty, ms)| ms.split_whitespace().map(move |m| Item::Method(ty, m)));
        builtins.chain(methods).collect()
    }

    /// `divmod` or `list.append`.
    pub fn label(self) -> String {
        match self {
            Item::Builtin(name) => name.to_string(),
            Item::Method(ty, m) => format!("{ty}.{m}"),
        }
    }

    pub fn named_in(self, text: &str) -> bool {
        match self {
            Item::Builtin(name) => names_builtin(text, name),
            Item::Method(ty, m) => names_method(text, ty, m),
        }
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A builtin is named by a call `name(` (not an attribute `.name(`, a longer identifier
/// `my_name(` or a definition `def name(`), a decorator `@name`, or the name in backticks
/// (`` `name` `` or `` `name()` ``). A bare word in prose (`all`, `id`, `type`) does not count.
pub fn names_builtin(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(i, _)| {
        let before = &text[..i];
        let after = &text[i + name.len()..];
        let prev = before.chars().next_back();
        let call = after.starts_with('(')
            && !prev.is_some_and(|c| c == '.' || is_ident(c))
            && !before.ends_with("def ");
        let decorator = prev == Some('@') && !after.starts_with(is_ident);
        let quoted = prev == Some('`') && (after.starts_with('`') || after.starts_with("()`"));
        call || decorator || quoted
    })
}

/// A method is named by `type.method` (`dict.setdefault`, as in prose and docs) or by any call
/// `.method(`. The call does not know its receiver's type, so `.pop(` names `list.pop`,
/// `dict.pop` and `set.pop` alike: pragmatic, since a question calling it on the wrong type
/// would be rare and caught in review.
pub fn names_method(text: &str, ty: &str, method: &str) -> bool {
    let qualified = format!("{ty}.{method}");
    let by_name = text.match_indices(&qualified).any(|(i, _)| {
        !text[..i].ends_with(is_ident) && !text[i + qualified.len()..].starts_with(is_ident)
    });
    by_name || text.contains(&format!(".{method}("))
}

/// The text a question names things in: prompt, code, options (and their `why`), answer,
/// accepted answers, checklist and explanation. Not the hint, which only some learners open,
/// nor the docs link.
pub fn naming_texts(q: &SourceQuestion) -> Vec<&str> {
    let mut texts = vec![q.prompt.as_str(), q.explanation.as_str()];
    texts.extend(q.code.as_deref());
    texts.extend(q.answer.as_deref());
    texts.extend(q.answers.iter().map(String::as_str));
    texts.extend(q.checklist.iter().map(String::as_str));
    for o in &q.options {
        texts.push(&o.text);
        texts.extend(o.why.as_deref());
    }
    texts
}

/// One item and the ids of the questions naming it, in bank order.
pub struct Covered {
    pub item: Item,
    pub ids: Vec<String>,
}

pub fn coverage(bank: &Bank) -> Vec<Covered> {
    let texts: Vec<(&str, Vec<&str>)> = bank
        .questions()
        .map(|q| (q.id.as_str(), naming_texts(q)))
        .collect();
    Item::all()
        .into_iter()
        .map(|item| Covered {
            item,
            ids: texts
                .iter()
                .filter(|(_, ts)| ts.iter().any(|t| item.named_in(t)))
                .map(|(id, _)| id.to_string())
                .collect(),
        })
        .collect()
}

/// The rule: one problem per item no question names.
pub fn coverage_problems(bank: &Bank) -> Vec<String> {
    coverage(bank)
        .into_iter()
        .filter(|c| c.ids.is_empty())
        .map(|c| match c.item {
            Item::Builtin(name) => format!("builtin `{name}`: no question names it"),
            Item::Method(..) => format!("method `{}`: no question names it", c.item.label()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_builtin_is_named_by_a_call_a_decorator_or_backticks() {
        assert!(names_builtin("print(divmod(7, 2))", "divmod"));
        assert!(names_builtin("x = [divmod(a, b) for a in r]", "divmod"));
        assert!(names_builtin(
            "    @classmethod\n    def f(cls):",
            "classmethod"
        ));
        assert!(names_builtin("Use `divmod` here.", "divmod"));
        assert!(names_builtin("Use `divmod()` here.", "divmod"));
        assert!(names_builtin("`divmod(7, 2)` is `(3, 1)`", "divmod"));
    }

    #[test]
    fn prose_attributes_and_longer_names_do_not_name_a_builtin() {
        assert!(!names_builtin("all of them are true", "all"));
        assert!(!names_builtin("np.all(x)", "all"));
        assert!(!names_builtin("install(pkg)", "all"));
        assert!(!names_builtin("def all(xs):", "all"));
        assert!(!names_builtin("@classmethods", "classmethod"));
        assert!(!names_builtin("`all_of`", "all"));
        assert!(!names_builtin("the id of x", "id"));
    }

    #[test]
    fn a_method_is_named_qualified_or_called() {
        assert!(names_method(
            "`list.reverse()` works in place",
            "list",
            "reverse"
        ));
        assert!(names_method("xs.reverse()", "list", "reverse"));
        assert!(
            names_method("d.pop('k')", "set", "pop"),
            "calls are not typed"
        );
        assert!(!names_method("dict.popitem()", "dict", "pop"));
        assert!(!names_method("mydict.pop is a bound method", "dict", "pop"));
        assert!(!names_method("reversed(xs)", "list", "reverse"));
        assert!(!names_method("s.zfill", "str", "zfill"), "no call, no type");
    }

    #[test]
    fn every_item_is_listed_once() {
        let all = Item::all();
        assert_eq!(all.len(), 70 + 11 + 10 + 8 + 14);
        let mut labels: Vec<String> = all.iter().map(|i| i.label()).collect();
        labels.sort();
        labels.dedup();
        assert_eq!(labels.len(), all.len());
    }
}
