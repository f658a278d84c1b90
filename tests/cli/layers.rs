//! The module layering of ARCHITECTURE.md, checked on the source: no import cycle between the
//! crate's top-level modules, and the core never reaches the edge or the renderers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The core: pure functions over the catalog (DESIGN §1.4).
const CORE: &[&str] = &[
    "catalog",
    "compat",
    "check",
    "formulate",
    "graph",
    "patient",
    "plan",
    "names",
];
/// What the core must not import: IO, the command line, requests and rendering.
const EDGE: &[&str] = &[
    "app", "batch", "cli", "io", "render", "request", "resolve", "error",
];

/// Top-level module → the top-level modules it names through `crate::`.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path.strip_prefix(&src).expect("under src");
            let first = rel.components().next().expect("a component");
            let top = first
                .as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_owned();
            if top == "main" || top == "lib" {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source is UTF-8");
            let code: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            let entry = deps.entry(top.clone()).or_default();
            for (i, _) in code.match_indices("crate::") {
                let name: String = code[i + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                if !name.is_empty() && name != top {
                    entry.insert(name);
                }
            }
        }
    }
    deps
}

#[test]
fn no_import_cycle_between_modules() {
    let deps = imports();
    // Depth-first search for a back edge.
    fn visit(
        n: &str,
        deps: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == n) {
            let mut cycle = path[at..].to_vec();
            cycle.push(n.to_owned());
            return Some(cycle);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_owned());
        for d in deps.get(n).into_iter().flatten() {
            if let Some(c) = visit(d, deps, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for n in deps.keys() {
        let cycle = visit(n, &deps, &mut Vec::new(), &mut done);
        assert!(
            cycle.is_none(),
            "import cycle: {}",
            cycle.unwrap_or_default().join(" → ")
        );
    }
    assert!(deps["batch"].contains("resolve") && !deps["batch"].contains("app"));
}

#[test]
fn the_core_does_not_reach_the_edge() {
    let deps = imports();
    for core in CORE {
        let reached: Vec<&String> = deps[*core]
            .iter()
            .filter(|d| EDGE.contains(&d.as_str()))
            .collect();
        assert!(reached.is_empty(), "{core} imports {reached:?}");
    }
}
