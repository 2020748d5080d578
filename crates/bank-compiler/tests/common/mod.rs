//! What the tests over the real bank (`content/`) share.
#![allow(dead_code)] // each test crate uses its own part of this module

pub mod pythons;

use bank_compiler::{load, Bank, SourceQuestion};

/// `id (content/file.toml:line)`, how every failure names its question.
pub fn at(q: &SourceQuestion) -> String {
    format!("{} ({}:{})", q.id, q.file, q.line)
}

pub fn bank() -> Bank {
    load(&bank_compiler::repo_root().join("content"), "content").unwrap_or_else(|errors| {
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("content/ does not load:\n{}", shown.join("\n"))
    })
}
