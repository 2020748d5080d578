//! Every CPython on this machine from 3.11 on, found at run time (never downloaded): `python3`
//! and `python3.N` on PATH, pyenv's versions, and any listed in `PYQUIZ_PYTHONS` (paths
//! separated by `:`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

/// The oldest Python the bank supports.
pub const OLDEST: (u32, u32) = (3, 11);

#[derive(Clone, Debug)]
pub struct Python {
    /// The real interpreter, not a launcher shim (pyenv's costs more than most snippets).
    pub exe: PathBuf,
    pub version: (u32, u32, u32),
}

impl Python {
    pub fn minor(&self) -> (u32, u32) {
        (self.version.0, self.version.1)
    }

    pub fn label(&self) -> String {
        let (a, b, c) = self.version;
        format!("{a}.{b}.{c}")
    }

    /// Whether a question pinned to `min..=max` (`"3.10"`-style, both optional) runs here.
    pub fn in_range(&self, min: Option<&str>, max: Option<&str>) -> bool {
        let v = |s: &str| bank_compiler::python_version(s).expect("the compiler checked it");
        min.is_none_or(|m| self.minor() >= v(m)) && max.is_none_or(|m| self.minor() <= v(m))
    }
}

fn candidates() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = vec!["python3".into()];
    out.extend((11..=20).map(|n| PathBuf::from(format!("python3.{n}"))));
    let pyenv_root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pyenv")));
    if let Some(root) = pyenv_root {
        if let Ok(entries) = std::fs::read_dir(root.join("versions")) {
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.path().join("bin").join("python3"))
                .filter(|p| p.exists())
                .collect();
            found.sort();
            out.extend(found);
        }
    }
    if let Some(extra) = std::env::var_os("PYQUIZ_PYTHONS") {
        out.extend(std::env::split_paths(&extra));
    }
    out
}

fn probe(candidate: &PathBuf) -> Option<Python> {
    const SCRIPT: &str = "import sys, platform\nprint(sys.executable)\nprint(platform.python_implementation())\nprint(*sys.version_info[:3])";
    let out = Command::new(candidate).args(["-c", SCRIPT]).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let exe = lines.next()?.trim();
    if lines.next()? != "CPython" {
        return None;
    }
    let mut parts = lines.next()?.split(' ').map(|n| n.parse::<u32>().ok());
    let version = (parts.next()??, parts.next()??, parts.next()??);
    let exe = if exe.is_empty() {
        candidate.clone()
    } else {
        PathBuf::from(exe)
    };
    Some(Python { exe, version })
}

/// Each CPython version ≥ 3.11 once, oldest first. Panics if there is none: the bank cannot be
/// checked without one.
pub fn all() -> Vec<Python> {
    let mut by_version: BTreeMap<(u32, u32, u32), Python> = BTreeMap::new();
    for c in candidates() {
        if let Some(p) = probe(&c) {
            if p.minor() >= OLDEST {
                by_version.entry(p.version).or_insert(p);
            }
        }
    }
    assert!(
        !by_version.is_empty(),
        "no CPython {}.{} or newer found (python3 on PATH, pyenv, PYQUIZ_PYTHONS)",
        OLDEST.0,
        OLDEST.1
    );
    by_version.into_values().collect()
}
