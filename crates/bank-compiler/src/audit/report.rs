//! What `bank stats` prints below its counts table, and what `bank stats --coverage` prints.

use super::coverage::{coverage, Item};
use super::faq::{linked_sections, FaqTable};
use super::option_lengths::{
    self, describe, describe_shortest, flagged, flagged_short, measure, Share,
};
use super::positions::{correct_positions, Spread};
use crate::bank::Bank;
use crate::diagnostic::Diagnostic;
use std::fmt::Write as _;

/// The longest- and shortest-option shares, the questions over and under the ratio limits and
/// the answer's source position spread.
pub fn option_summary(bank: &Bank) -> String {
    let measured = measure(bank.questions());
    let mut out = format!(
        "longest option is the correct one: {}\n",
        Share::of(&measured).summary()
    );
    let over = flagged(&measured);
    let _ = writeln!(
        out,
        "correct option over {}× the longest wrong one: {}",
        option_lengths::RATIO_LIMIT,
        over.len()
    );
    for m in over {
        let _ = writeln!(out, "  {}", describe(m));
    }
    let _ = writeln!(
        out,
        "shortest option is the correct one: {}",
        Share::of_shortest(&measured).summary()
    );
    let under = flagged_short(&measured);
    let _ = writeln!(
        out,
        "correct option under {}× the shortest wrong one: {}",
        option_lengths::SHORT_RATIO_LIMIT,
        under.len()
    );
    for m in under {
        let _ = writeln!(out, "  {}", describe_shortest(m));
    }
    let positions = correct_positions(bank.questions());
    let _ = writeln!(
        out,
        "correct option's source position in {} shuffled single questions: {}",
        positions.len(),
        Spread::of(&positions).summary()
    );
    out
}

/// Each builtin, method and FAQ entry with the ids of the questions naming or linking it, or
/// `MISSING`. `table` is the FAQ table as read (an error is printed in its section).
pub fn coverage_report(bank: &Bank, table: &Result<FaqTable, Diagnostic>) -> String {
    let covered = coverage(bank);
    let mut out = String::new();
    for (heading, builtins) in [("builtins", true), ("methods", false)] {
        let part: Vec<_> = covered
            .iter()
            .filter(|c| matches!(c.item, Item::Builtin(_)) == builtins)
            .collect();
        let missing = part.iter().filter(|c| c.ids.is_empty()).count();
        let _ = writeln!(
            out,
            "## {heading}: {} named, {missing} missing",
            part.len() - missing
        );
        let width = part.iter().map(|c| c.item.label().len()).max().unwrap_or(0);
        for c in part {
            let _ = writeln!(out, "{:<width$} {}", c.item.label(), ids_or_missing(&c.ids));
        }
        out.push('\n');
    }
    out.push_str(&faq_section(bank, table));
    out
}

fn ids_or_missing(ids: &[String]) -> String {
    if ids.is_empty() {
        "MISSING".to_string()
    } else {
        ids.join(" ")
    }
}

fn faq_section(bank: &Bank, table: &Result<FaqTable, Diagnostic>) -> String {
    let table = match table {
        Ok(t) => t,
        Err(e) => return format!("## Python FAQ traps: cannot read the table: {e}\n"),
    };
    let linked = linked_sections(bank);
    let traps = table.entries.iter().filter(|e| e.trap).count();
    let uncovered = table
        .entries
        .iter()
        .filter(|e| !linked.contains_key(&e.link))
        .count();
    let mut out = format!(
        "## Python FAQ traps: {traps} traps and {} other linked sections, {uncovered} without a question\n",
        table.entries.len() - traps
    );
    for e in &table.entries {
        let ids: Vec<String> = linked
            .get(&e.link)
            .map(|qs| qs.iter().map(|q| q.id.clone()).collect())
            .unwrap_or_default();
        let _ = write!(
            out,
            "{}#{}{} {}",
            e.link.faq.as_str(),
            e.link.anchor,
            if e.trap { "" } else { " (not a trap)" },
            ids_or_missing(&ids)
        );
        let (mut listed, mut found) = (e.questions.clone(), ids.clone());
        listed.sort();
        found.sort();
        if listed != found {
            let listed = if e.questions.is_empty() {
                "none".to_string()
            } else {
                e.questions.join(" ")
            };
            let _ = write!(out, " (the table lists: {listed})");
        }
        out.push('\n');
    }
    for (link, qs) in &linked {
        if !table.entries.iter().any(|e| &e.link == link) {
            let ids: Vec<&str> = qs.iter().map(|q| q.id.as_str()).collect();
            let _ = writeln!(
                out,
                "not in the table: {}#{} {}",
                link.faq.as_str(),
                link.anchor,
                ids.join(" ")
            );
        }
    }
    out
}
