//! Keeps the crate's one-way data flow honest (see `src/lib.rs`): no cycles between files, no
//! cycles between top-level modules, and no module importing from a higher layer of `LAYERS`.
//!
//! It reads `src/` as text with the standard library only, so it needs no parser crate and
//! runs in well under a second. The reading is deliberately rough (comments and literals
//! blanked, tokens matched by shape) and errs towards reporting an edge rather than hiding one.
//! Run `cargo test --test import_layers -- --nocapture` for the full report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};
use std::fs;
use std::path::Path;

/// Layers, lowest first: a module may import from its own rank and below, never above. Equal
/// ranks may import each other as long as no module cycle forms. Names that do not exist (yet)
/// are tolerated; a top-level module missing here fails the test.
#[rustfmt::skip]
const LAYERS: &[(&str, u8)] = &[
    ("model", 0),                   // pure numerics
    ("chart", 1), ("sample", 1),    // plotters to SVG; the built-in sample portfolio
    ("data", 2),                    // the data every layer shares: Dataset, Shared, Origin
    ("io", 3), ("forms", 3),        // files in and out; what users type
    ("i18n", 4),                    // texts, typed errors translated, number formatting
    ("persist", 5),                 // documents that outlive the page
    ("derive", 6),                  // what each section shows
    ("state", 7),                   // the app state and its pure reducer
    ("hooks", 8), ("worker_glue", 8), // browser glue: the page's, the workers'
    ("components", 9),              // render only
];

type Graph = BTreeMap<String, BTreeSet<String>>;
/// Module path (`["derive", "operations"]`) → file (`src/derive/operations.rs`).
type Modules = BTreeMap<Vec<String>, String>;
/// (importing file, imported file) → the lines that import.
type Evidence = BTreeMap<(String, String), Vec<usize>>;
/// Paths as written, each with its line.
type Paths = Vec<(Vec<String>, usize)>;

struct Tok {
    s: String,
    line: usize,
}

/// Production files only. `src/main.rs` and `src/bin/` are binary roots that reach the library
/// as `retention_lab::…`, so they are leaves of the graph and are left out. Test files
/// (`tests.rs`, `tests_*.rs`, anything under a `tests/` folder) are skipped.
fn collect(dir: &Path, rel: &str, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap().map(Result::unwrap) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = format!("{rel}/{name}");
        let is_test = name == "tests.rs" || name.starts_with("tests_");
        if entry.file_type().unwrap().is_dir() {
            if name != "tests" && rel != "src/bin" {
                collect(&entry.path(), &rel, out);
            }
        } else if name.ends_with(".rs") && !is_test && rel != "src/main.rs" {
            out.push(rel);
        }
    }
}

/// `src/a/b.rs` and `src/a/b/mod.rs` are both `a::b`. The crate root (`src/lib.rs`) only
/// declares `pub mod`s and belongs to no layer, so it is left out.
fn modules(root: &Path) -> Modules {
    let mut files = Vec::new();
    collect(&root.join("src"), "src", &mut files);
    let mut mods = Modules::new();
    for file in files.into_iter().filter(|f| f != "src/lib.rs") {
        let inner = file.trim_start_matches("src/").trim_end_matches(".rs");
        let path = inner.trim_end_matches("/mod").split('/').map(String::from);
        mods.insert(path.collect(), file);
    }
    mods
}

/// The top-level module a file belongs to: `src/io/table/mod.rs` → `io`.
fn top(file: &str) -> &str {
    file.split(['/', '.']).nth(1).unwrap()
}

/// Blanks comments, string and char literals, keeping newlines so line numbers still hold.
fn sanitize(src: &str) -> Vec<char> {
    let (mut c, mut i): (Vec<char>, _) = (src.chars().collect(), 0);
    while i < c.len() {
        let end = literal_end(&c, i);
        blank(&mut c[i..end]);
        i = end.max(i + 1);
    }
    c
}

fn blank(text: &mut [char]) {
    text.iter_mut()
        .filter(|ch| **ch != '\n')
        .for_each(|ch| *ch = ' ');
}

/// End of the comment or literal starting at `i`, or `i` when none starts there. Block
/// comments are taken as unnested.
fn literal_end(c: &[char], i: usize) -> usize {
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    let find = |from: usize, s: &[char]| (from..c.len()).find(|&k| c[k..].starts_with(s));
    let after_ident = i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_');
    match (at(i), at(i + 1)) {
        ('/', '/') => find(i, &['\n']).unwrap_or(c.len()),
        ('/', '*') => find(i + 2, &['*', '/']).map_or(c.len(), |k| k + 2),
        ('"', _) => quoted_end(c, i + 1, '"'),
        ('r', '"' | '#') | ('b', 'r') if !after_ident => {
            let open = i + 1 + usize::from(at(i) == 'b');
            let hashes = c[open..].iter().take_while(|&&ch| ch == '#').count();
            if at(open + hashes) != '"' {
                return i; // a raw identifier such as `r#type`
            }
            let close: Vec<char> = format!("\"{}", "#".repeat(hashes)).chars().collect();
            find(open + hashes + 1, &close).map_or(c.len(), |k| k + close.len())
        }
        ('\'', '\\') => quoted_end(c, i + 1, '\''),
        // `'x'` is a char; `'a` with no quote two further on is a lifetime and stays.
        ('\'', _) if at(i + 2) == '\'' => i + 3,
        _ => i,
    }
}

fn quoted_end(c: &[char], mut k: usize, quote: char) -> usize {
    while k < c.len() {
        match c[k] {
            '\\' => k += 2,
            ch if ch == quote => return k + 1,
            _ => k += 1,
        }
    }
    c.len()
}

/// Blanks every item under `#[cfg(test)]` or `#[cfg(all(test, …))]` (test modules and
/// test-only helpers): up to the first `;` or the closing `}` at bracket depth 0.
fn strip_test_items(c: &mut [char]) {
    for marker in ["#[cfg(test)]", "#[cfg(all(test"] {
        let m: Vec<char> = marker.chars().collect();
        for i in 0..c.len() {
            if c[i..].starts_with(&m) {
                let end = item_end(c, i);
                blank(&mut c[i..end]);
            }
        }
    }
}

fn item_end(c: &[char], start: usize) -> usize {
    let mut depth = 0;
    for (k, &ch) in c.iter().enumerate().skip(start) {
        match ch {
            '(' | '[' | '{' => depth += 1,
            '}' if depth == 1 => return k + 1,
            ')' | ']' | '}' => depth -= 1,
            ';' if depth == 0 => return k + 1,
            _ => {}
        }
    }
    c.len()
}

/// Identifiers, `::`, and every other character as a token of its own. `$` counts as an
/// identifier character so that a macro's `$crate::…` is not taken for `crate::…`: it is a
/// dependency of wherever the macro expands, not of the file defining it.
fn tokenize(c: &[char]) -> Vec<Tok> {
    let is_ident_char = |ch: char| ch.is_alphanumeric() || ch == '_' || ch == '$';
    let (mut toks, mut line, mut i) = (Vec::new(), 1, 0);
    while i < c.len() {
        let len = match c[i] {
            ch if is_ident_char(ch) => c[i..].iter().take_while(|&&ch| is_ident_char(ch)).count(),
            ':' if c.get(i + 1) == Some(&':') => 2,
            _ => 1,
        };
        line += usize::from(c[i] == '\n');
        let s = c[i..i + len].iter().collect();
        if !c[i].is_whitespace() {
            toks.push(Tok { s, line });
        }
        i += len;
    }
    toks
}

fn is_ident(s: &str) -> bool {
    s.starts_with(|ch: char| ch.is_alphabetic() || ch == '_')
}

/// Expands a `use` tree from `toks[*i]` into its leaf paths, each with the leaf's line:
/// `crate::i18n::{self, format::x}` → `crate::i18n`, `crate::i18n::format::x`.
fn use_tree(toks: &[Tok], i: &mut usize, mut path: Vec<String>, out: &mut Paths) {
    while let Some(tok) = toks.get(*i) {
        match tok.s.as_str() {
            "::" | "*" => *i += 1,
            "{" => {
                *i += 1;
                while toks.get(*i).is_some_and(|t| t.s != "}") {
                    let before = *i;
                    use_tree(toks, i, path.clone(), out);
                    // Step over the `,`, or over a stray token that would stall the loop.
                    *i += usize::from(*i == before || toks[*i].s == ",");
                }
                *i += 1;
                return;
            }
            "as" => {
                *i += 2;
                break;
            }
            "self" if !path.is_empty() => *i += 1,
            s if is_ident(s) => {
                path.push(s.to_string());
                *i += 1;
            }
            _ => break,
        }
    }
    out.push((path, toks[*i - 1].line));
}

/// Makes a path written in module `here` absolute, or `None` outside the crate (`std::…`).
/// `kids` are the file's `mod x;` children, which can be named bare (`pub use context::x;`).
fn absolute(path: &[String], here: &[String], kids: &HashSet<&str>) -> Option<Vec<String>> {
    let (first, rest) = path.split_first()?;
    let mut abs = match first.as_str() {
        "crate" => Vec::new(),
        "self" => here.to_vec(),
        "super" => here.split_last()?.1.to_vec(),
        kid if kids.contains(kid) => [here, &path[..1]].concat(),
        _ => return None,
    };
    for seg in rest {
        if seg == "super" {
            abs.pop()?;
        } else {
            abs.push(seg.clone());
        }
    }
    Some(abs)
}

/// Every crate path in a file, absolute, with its line: `use` trees and inline paths alike.
/// Inline `mod x { … }` blocks are tracked so that `super` inside them is the file's module.
fn references(toks: &[Tok], module: &[String]) -> Paths {
    let is = |k: usize, s: &str| toks.get(k).is_some_and(|t| t.s == s);
    let kids = (0..toks.len()).filter(|&k| is(k, "mod") && is(k + 2, ";"));
    let kids: HashSet<&str> = kids.map(|k| &*toks[k + 1].s).collect();
    let (no_kids, mut out, mut depth, mut i) = (HashSet::new(), vec![], 0, 0);
    let (mut inline, mut opened_at): (Vec<String>, Vec<i32>) = (vec![], vec![]);
    while i < toks.len() {
        let mut found = Vec::new();
        match toks[i].s.as_str() {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if opened_at.last() == Some(&depth) {
                    inline.pop();
                    opened_at.pop();
                }
            }
            "mod" if is(i + 2, "{") => {
                inline.push(toks[i + 1].s.clone());
                opened_at.push(depth);
            }
            "use" => {
                i += 1;
                use_tree(toks, &mut i, Vec::new(), &mut found);
            }
            s if is_ident(s) && is(i + 1, "::") && !(i > 0 && is(i - 1, "::")) => {
                let (mut path, line) = (vec![s.to_string()], toks[i].line);
                while is(i + 1, "::") && toks.get(i + 2).is_some_and(|t| is_ident(&t.s)) {
                    path.push(toks[i + 2].s.clone());
                    i += 2;
                }
                found.push((path, line));
            }
            _ => {}
        }
        let here = [module, &inline].concat();
        let kids = if inline.is_empty() { &kids } else { &no_kids };
        let anchor =
            |(path, line): (Vec<String>, usize)| Some((absolute(&path, &here, kids)?, line));
        out.extend(found.into_iter().filter_map(anchor));
        i += 1;
    }
    out
}

/// The file a path lands in: the longest prefix of it that is a module file. Paths that land
/// only on the crate root (not in `mods`) make no edge.
fn resolve<'m>(abs: &[String], mods: &'m Modules) -> Option<&'m String> {
    (1..=abs.len()).rev().find_map(|k| mods.get(&abs[..k]))
}

/// File → file edges; a file naming its own items (`crate::x::Y` inside `x`) is no edge.
fn file_edges(root: &Path, mods: &Modules) -> Evidence {
    let mut evidence = Evidence::new();
    for (module, file) in mods {
        let mut text = sanitize(&fs::read_to_string(root.join(file)).unwrap());
        strip_test_items(&mut text);
        for (abs, line) in references(&tokenize(&text), module) {
            if let Some(to) = resolve(&abs, mods).filter(|&to| to != file) {
                let edge = (file.clone(), to.clone());
                evidence.entry(edge).or_default().push(line);
            }
        }
    }
    evidence
}

fn reachable(g: &Graph, start: &str) -> BTreeSet<String> {
    let (mut seen, mut todo) = (BTreeSet::new(), vec![start.to_string()]);
    while let Some(v) = todo.pop() {
        for w in g.get(&v).into_iter().flatten() {
            if seen.insert(w.clone()) {
                todo.push(w.clone());
            }
        }
    }
    seen
}

/// Strongly connected components of more than one node. The graphs have a few hundred nodes,
/// so mutual reachability is simpler than Tarjan and still takes milliseconds.
fn components(g: &Graph) -> Vec<BTreeSet<String>> {
    let reach: BTreeMap<&String, _> = g.keys().map(|v| (v, reachable(g, v))).collect();
    let mut found: Vec<BTreeSet<String>> = Vec::new();
    for (v, from_v) in &reach {
        if from_v.contains(*v) && !found.iter().any(|c| c.contains(*v)) {
            let back = |u: &&String| reach.get(u).is_some_and(|r| r.contains(*v));
            found.push(from_v.iter().filter(back).cloned().collect());
        }
    }
    found
}

/// A shortest cycle through `start` (breadth-first), as `start → … → start`.
fn cycle_path(g: &Graph, start: &str) -> Vec<String> {
    let mut prev: BTreeMap<String, String> = BTreeMap::new();
    let mut queue = VecDeque::from([start.to_string()]);
    while let Some(v) = queue.pop_front() {
        for w in g.get(&v).into_iter().flatten() {
            if w == start {
                let mut path = vec![start.to_string(), v.clone()];
                while let Some(p) = prev.get(path.last().unwrap()) {
                    path.push(p.clone());
                }
                path.reverse();
                return path;
            }
            if !prev.contains_key(w) {
                prev.insert(w.clone(), v.clone());
                queue.push_back(w.clone());
            }
        }
    }
    Vec::new()
}

/// One entry per cycle: its members, an example path, and what makes each hop of the path.
fn cycles(g: &Graph, hop: impl Fn(&str, &str) -> String) -> Vec<String> {
    let describe = |scc: &BTreeSet<String>| {
        let members: Vec<&str> = scc.iter().map(String::as_str).collect();
        let path = cycle_path(g, members[0]);
        let hops: Vec<String> = path.windows(2).map(|w| hop(&w[0], &w[1])).collect();
        let head = format!("{} members: {}", members.len(), members.join(", "));
        let (path, hops) = (path.join(" → "), hops.join("\n      "));
        format!("{head}\n    cycle: {path}\n      {hops}")
    };
    components(g).iter().map(describe).collect()
}

fn rank(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|&(_, r)| r)
}

/// Upward edges (with every line making them), and top-level modules missing from `LAYERS`.
fn layer_problems(mods: &Modules, evidence: &Evidence) -> Vec<String> {
    let mut out = Vec::new();
    for (module, file) in mods
        .iter()
        .filter(|(m, _)| m.len() == 1 && rank(&m[0]).is_none())
    {
        out.push(format!(
            "top-level module `{}` ({file}) is not in LAYERS: add it",
            module[0]
        ));
    }
    for ((from, to), lines) in evidence {
        let (a, b) = (top(from), top(to));
        match (rank(a), rank(b)) {
            (Some(ra), Some(rb)) if ra < rb => {
                let at: Vec<String> = lines.iter().map(usize::to_string).collect();
                let at = at.join(",");
                out.push(format!("{from}:{at}: {a} ({ra}) imports {b} ({rb}): {to}"));
            }
            _ => {}
        }
    }
    out
}

#[test]
fn imports_form_no_cycles_and_never_point_up_the_layers() {
    let started = std::time::Instant::now();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mods = modules(root);
    let evidence = file_edges(root, &mods);

    let (mut files, mut modules, mut why) = (Graph::new(), Graph::new(), BTreeMap::new());
    for ((from, to), lines) in &evidence {
        files.entry(from.clone()).or_default().insert(to.clone());
        let (a, b) = (top(from).to_string(), top(to).to_string());
        if a != b {
            modules.entry(a.clone()).or_default().insert(b.clone());
            let first = format!("{from}:{} → {to}", lines[0]);
            why.entry((a, b)).or_insert(first);
        }
    }
    let file_hop = |a: &str, b: &str| format!("{a}:{} → {b}", evidence[&(a.into(), b.into())][0]);
    let module_hop = |a: &str, b: &str| format!("{a} → {b}  ({})", why[&(a.into(), b.into())]);
    let sections = [
        ("file cycles", cycles(&files, file_hop)),
        ("module cycles", cycles(&modules, module_hop)),
        ("layer violations", layer_problems(&mods, &evidence)),
    ];

    // The overview goes to stderr only; the failure message carries just the problems.
    let (n_files, n_edges) = (mods.len(), evidence.len());
    eprintln!("{n_files} files, {n_edges} file edges; module imports:");
    for (module, deps) in &modules {
        let deps: Vec<&str> = deps.iter().map(String::as_str).collect();
        let rank = rank(module).map_or("unranked".into(), |r| format!("rank {r}"));
        eprintln!("  {module} ({rank}) → {}", deps.join(", "));
    }
    let mut problems = Vec::new();
    for (title, items) in &sections {
        problems.push(format!("── {title}: {} ──", items.len()));
        for (n, item) in items.iter().enumerate() {
            problems.push(format!("[{}] {item}", n + 1));
        }
    }
    let problems = problems.join("\n");
    let count: usize = sections.iter().map(|(_, items)| items.len()).sum();
    let took = started.elapsed();
    eprintln!("{problems}\n{count} problem(s), checked in {took:?}");
    assert!(count == 0, "{count} import-layer problem(s):\n{problems}");
}
