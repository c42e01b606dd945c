//! The core's modules stand on each other in layers: the model at the bottom, the
//! index at the top. A module may name its own layer and the ones below, never one
//! above, so the ground floor (`model`, `error`, `time`) can be used anywhere without
//! pulling the store, git or the index in with it. This reads every `crate::` path in
//! the sources and fails on one that points upward.

// A test's helpers may unwrap: a panic there is the test failing, with its message.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;

/// Each top-level module of `src/` and its layer; a new module must be placed here.
const LAYERS: &[(&str, u8)] = &[
    ("model", 0),
    ("error", 1),
    ("time", 2),
    ("bounded", 3),
    ("config", 3),
    ("encoding", 3),
    ("factors", 3),
    ("files", 3),
    ("id", 3),
    ("lint", 3),
    ("markdown", 3),
    ("paths", 3),
    ("policy", 3),
    ("progress", 3),
    ("secrets", 4),
    ("postmortem", 5),
    ("store", 6),
    ("capture", 7),
    ("import", 7),
    ("publish", 8),
    ("index", 9),
    ("workspace", 10),
];

fn layer(module: &str) -> u8 {
    LAYERS
        .iter()
        .find(|(name, _)| *name == module)
        .map(|(_, layer)| *layer)
        .unwrap_or_else(|| panic!("the module `{module}` has no layer; add it to LAYERS in tests/layers.rs"))
}

/// Names lib.rs re-exports at the crate root (`crate::Error`, `crate::Store`), by the module they come from.
fn root_names(lib: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for statement in lib.split(';') {
        let statement = statement.trim();
        let Some(rest) = statement.strip_prefix("pub use ") else { continue };
        let Some((module, items)) = rest.split_once("::") else { continue };
        for item in items.trim_matches(|c| c == '{' || c == '}').split(',') {
            let item = item.trim();
            if !item.is_empty() {
                names.insert(item.to_string(), module.to_string());
            }
        }
    }
    names
}

/// The top-level modules a source file names through `crate::`, comments left out.
fn referenced(source: &str, root: &BTreeMap<String, String>) -> Vec<String> {
    let mut found = Vec::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group.split('}').next().unwrap_or("").split(',').collect(),
                None => vec![rest],
            };
            for name in names {
                let name: String = name.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if name.is_empty() || name == "self" {
                    continue;
                }
                found.push(root.get(&name).cloned().unwrap_or(name));
            }
        }
    }
    found
}

fn sources(path: &Path, into: &mut Vec<(String, String)>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            sources(&entry.unwrap().path(), into);
        }
    } else if path.extension().is_some_and(|extension| extension == "rs") {
        into.push((path.display().to_string(), std::fs::read_to_string(path).unwrap()));
    }
}

#[test]
fn no_module_names_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let root = root_names(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut upward = Vec::new();
    let mut modules = 0;
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let Some(module) = path.file_stem().and_then(|stem| stem.to_str()).map(str::to_string) else { continue };
        if module == "lib" {
            continue;
        }
        modules += 1;
        let mut files = Vec::new();
        sources(&path, &mut files);
        for (file, source) in files {
            for target in referenced(&source, &root) {
                if target != module && layer(&target) > layer(&module) {
                    upward.push(format!("{file} names `crate::{target}` (layer {})", layer(&target)));
                }
            }
        }
    }
    assert_eq!(modules, LAYERS.len(), "every module in src/ has a layer, and every layer a module");
    assert!(upward.is_empty(), "upward references:\n{}", upward.join("\n"));
}

#[test]
fn the_reader_finds_paths_groups_and_root_names() {
    let root = root_names("pub use error::{Error, Result};\npub use store::{\n    NewEntry, Store,\n};");
    let source = "use crate::{Error, Store};\nuse crate::time::display; // crate::index is a comment\n";
    assert_eq!(referenced(source, &root), ["error", "store", "time"]);
}
