//! The graph of `crate::` imports between the source files of a crate, and its circles.
//!
//! A file depends on another when it names a path (in a `use` tree or in code) that
//! starts with `crate::`, `super::` or `self::` and whose longest prefix that is a module
//! with a file of its own is that other file. Comments and string literals are skipped;
//! `super` inside an inline module (`mod tests { … }`) is the file's own module. A
//! circle is a strongly connected group of two or more files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path: its segments from the crate root.
type ModPath = Vec<String>;

/// The files of the crate whose root file (`lib.rs` or `main.rs`) is in `src`, by module
/// path.
fn modules(src: &Path) -> BTreeMap<ModPath, PathBuf> {
    let mut found = BTreeMap::new();
    collect(src, src, &mut found);
    found
}

fn collect(src: &Path, dir: &Path, found: &mut BTreeMap<ModPath, PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(src, &path, found);
            continue;
        }
        if path.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let Ok(relative) = path.strip_prefix(src) else {
            continue;
        };
        let mut segments: ModPath = relative
            .with_extension("")
            .components()
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect();
        if matches!(segments.last().map(String::as_str), Some("mod")) {
            segments.pop();
        }
        if segments.len() == 1 && matches!(segments[0].as_str(), "lib" | "main") {
            segments.clear();
        }
        found.insert(segments, path);
    }
}

/// The text with comments, string and character literals blanked (lengths kept).
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(if chars[i] == '\n' { '\n' } else { ' ' });
                    i += 1;
                }
            }
        } else if c == 'r' && matches!(next, Some('#' | '"')) && !ident_char(chars.get(i.wrapping_sub(1)).copied()) {
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                match chars.get(j) {
                    None => break,
                    Some('"') if (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) => {
                        j += 1 + hashes;
                        break;
                    }
                    _ => j += 1,
                }
            }
            out.extend(std::iter::repeat_n(' ', j - i));
            i = j;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                let skip = if chars[i] == '\\' { 2 } else { 1 };
                for _ in 0..skip {
                    out.push(if chars.get(i) == Some(&'\n') { '\n' } else { ' ' });
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A character literal (a lifetime has no closing quote two places on).
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '\'' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            out.extend(std::iter::repeat_n(' ', j + 1 - i));
            i = j + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// The tokens of code: identifiers, `::` and single punctuation characters.
fn tokens(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] >= 0x80) {
                i += 1;
            }
            out.push(&code[start..i]);
        } else if c == b':' && bytes.get(i + 1) == Some(&b':') {
            out.push("::");
            i += 2;
        } else {
            out.push(&code[i..=i]);
            i += 1;
        }
    }
    out
}

/// Expands the use tree at `tokens[*at..]` under `prefix` into full paths.
fn use_tree(tokens: &[&str], at: &mut usize, prefix: &[String], out: &mut Vec<ModPath>) {
    let mut path: ModPath = prefix.to_vec();
    loop {
        match tokens.get(*at).copied() {
            Some("{") => {
                *at += 1;
                loop {
                    match tokens.get(*at).copied() {
                        Some("}") => {
                            *at += 1;
                            return;
                        }
                        Some(",") => *at += 1,
                        None => return,
                        _ => use_tree(tokens, at, &path, out),
                    }
                }
            }
            Some("*") => {
                *at += 1;
                out.push(path);
                return;
            }
            Some(word) if ident_char(word.chars().next()) => {
                path.push(word.to_owned());
                *at += 1;
                if tokens.get(*at) == Some(&"::") {
                    *at += 1;
                    continue;
                }
                if tokens.get(*at) == Some(&"as") {
                    *at += 2;
                }
                out.push(path);
                return;
            }
            _ => {
                out.push(path);
                return;
            }
        }
    }
}

/// Every path the code names that starts with `crate`, `super` or `self`, each with the
/// number of inline modules it is written in.
fn named_paths(code: &str) -> Vec<(ModPath, Vec<String>)> {
    let tokens = tokens(code);
    let mut found = Vec::new();
    // Inline modules open around the current token: (name, brace depth inside it).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i] {
            "{" => depth += 1,
            "}" => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, inside)| *inside > depth) {
                    inline.pop();
                }
            }
            "mod" if tokens.get(i + 2) == Some(&"{") => {
                if let Some(name) = tokens.get(i + 1) {
                    inline.push(((*name).to_owned(), depth + 1));
                }
            }
            "use" => {
                let mut at = i + 1;
                let mut paths = Vec::new();
                use_tree(&tokens, &mut at, &[], &mut paths);
                let within: Vec<String> = inline.iter().map(|(name, _)| name.clone()).collect();
                for path in paths {
                    if path
                        .first()
                        .is_some_and(|first| matches!(first.as_str(), "crate" | "super" | "self"))
                    {
                        found.push((path, within.clone()));
                    }
                }
                i = at;
                continue;
            }
            "crate" | "super" | "self"
                if tokens.get(i + 1) == Some(&"::") && tokens.get(i.wrapping_sub(1)) != Some(&"::") =>
            {
                let mut path = vec![tokens[i].to_owned()];
                let mut j = i + 1;
                while tokens.get(j) == Some(&"::") && tokens.get(j + 1).is_some_and(|t| ident_char(t.chars().next())) {
                    path.push(tokens[j + 1].to_owned());
                    j += 2;
                }
                let within: Vec<String> = inline.iter().map(|(name, _)| name.clone()).collect();
                found.push((path, within));
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// The absolute module path a path names, written in module `here` (inside the inline
/// modules `within`).
fn absolute(path: &[String], here: &[String], within: &[String]) -> ModPath {
    let mut base: ModPath = here.iter().chain(within).cloned().collect();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &rest[1..];
        }
        _ => {
            while let Some(first) = rest.first() {
                match first.as_str() {
                    "super" => {
                        base.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                rest = &rest[1..];
            }
        }
    }
    base.extend(rest.iter().cloned());
    base
}

/// The dependencies between the files of the crate in `src`, by module path.
pub fn graph(src: &Path) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let modules = modules(src);
    let mut edges: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for (module, file) in &modules {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let targets = edges.entry(module.clone()).or_default();
        for (path, within) in named_paths(&code_only(&text)) {
            let mut target = absolute(&path, module, &within);
            while !modules.contains_key(&target) {
                target.pop();
            }
            if &target != module {
                targets.insert(target);
            }
        }
    }
    edges
}

/// The groups of two or more files that depend on each other (Tarjan's strongly
/// connected components), each sorted, as `a/b` names.
pub fn circles(edges: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<ModPath, BTreeSet<ModPath>>,
        index: BTreeMap<&'a ModPath, usize>,
        low: BTreeMap<&'a ModPath, usize>,
        stack: Vec<&'a ModPath>,
        on_stack: BTreeSet<&'a ModPath>,
        groups: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, node: &'a ModPath) {
            let n = self.index.len();
            self.index.insert(node, n);
            self.low.insert(node, n);
            self.stack.push(node);
            self.on_stack.insert(node);
            for next in self.edges.get(node).into_iter().flatten() {
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.on_stack.contains(next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut group = Vec::new();
                while let Some(top) = self.stack.pop() {
                    self.on_stack.remove(top);
                    group.push(name(top));
                    if top == node {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.groups.push(group);
                }
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        groups: Vec::new(),
    };
    for node in edges.keys() {
        if !walk.index.contains_key(node) {
            walk.visit(node);
        }
    }
    walk.groups.sort();
    walk.groups
}

fn name(module: &ModPath) -> String {
    if module.is_empty() {
        "(crate root)".to_owned()
    } else {
        module.join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crate_src(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(name).join("src")
    }

    fn paths(code: &str) -> Vec<String> {
        named_paths(&code_only(code))
            .into_iter()
            .map(|(path, within)| format!("{}@{}", path.join("::"), within.join("/")))
            .collect()
    }

    #[test]
    fn use_trees_expand_and_comments_strings_and_inline_modules_are_understood() {
        let code = r#"
            use crate::{a::{B, c::D as E}, f};
            use super::g::*;
            // use crate::commented;
            /* crate::blocked::x */
            let s = "crate::quoted::x";
            let c = '"';
            fn x<'a>() { crate::inline::call(); }
            mod tests { use super::*; }
        "#;
        assert_eq!(
            paths(code),
            [
                "crate::a::B@",
                "crate::a::c::D@",
                "crate::f@",
                "super::g@",
                "crate::inline::call@",
                "super@tests",
            ]
        );
    }

    #[test]
    fn a_path_is_made_absolute_from_where_it_is_written() {
        let here = ["services".to_owned(), "events".to_owned()];
        let of = |path: &str, within: &[String]| {
            let path: ModPath = path.split("::").map(str::to_owned).collect();
            absolute(&path, &here, within).join("/")
        };
        assert_eq!(of("super::plan::today", &[]), "services/plan/today");
        assert_eq!(of("crate::db::models", &[]), "db/models");
        assert_eq!(of("super", &["tests".to_owned()]), "services/events");
        assert_eq!(of("self::x", &[]), "services/events/x");
    }

    #[test]
    fn a_circle_is_found_and_a_chain_is_not() {
        let m = |name: &str| -> ModPath { name.split('/').filter(|s| !s.is_empty()).map(str::to_owned).collect() };
        let mut edges: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
        edges.entry(m("a")).or_default().insert(m("b"));
        edges.entry(m("b")).or_default().insert(m("c"));
        edges.entry(m("c")).or_default().insert(m("a"));
        edges.entry(m("d")).or_default().insert(m("a"));
        assert_eq!(circles(&edges), [["a", "b", "c"]]);
        edges.get_mut(&m("c")).map(|to| to.remove(&m("a")));
        assert!(circles(&edges).is_empty());
    }

    #[test]
    fn no_file_of_the_server_is_in_an_import_circle() {
        let found = circles(&graph(&crate_src("backend")));
        assert!(found.is_empty(), "import circles in backend/src: {found:#?}");
    }

    #[test]
    fn no_file_of_the_web_app_is_in_an_import_circle() {
        let found = circles(&graph(&crate_src("frontend")));
        assert!(found.is_empty(), "import circles in frontend/src: {found:#?}");
    }

    #[test]
    fn only_the_web_app_root_imports_the_router() {
        let router = vec!["app".to_owned()];
        let importers: Vec<String> = graph(&crate_src("frontend"))
            .into_iter()
            .filter(|(from, to)| !from.is_empty() && to.contains(&router))
            .map(|(from, _)| name(&from))
            .collect();
        assert!(
            importers.is_empty(),
            "files importing the router's module: {importers:?}"
        );
    }

    #[test]
    fn widgets_know_no_feature_and_features_no_page() {
        let layer = |module: &ModPath| module.first().map_or("", String::as_str).to_owned();
        let above = |from: &str| -> &[&str] {
            match from {
                "ui" => &["features", "shell", "pages", "routes", "app"],
                "features" => &["shell", "pages", "routes", "app"],
                "api" => &["ui", "features", "shell", "pages", "routes", "app", "auth"],
                _ => &[],
            }
        };
        let mut wrong = Vec::new();
        for (from, targets) in graph(&crate_src("frontend")) {
            for to in targets {
                if above(&layer(&from)).contains(&layer(&to).as_str()) {
                    wrong.push(format!("{} -> {}", name(&from), name(&to)));
                }
            }
        }
        assert!(wrong.is_empty(), "imports against the web app's layers: {wrong:#?}");
    }
}
