//! No file-level import cycles in `src/` (issue #18): every `crate::`, `super::` and `self::`
//! path of a file, in `use` declarations and in code, is resolved to the file that defines
//! what it names (following `use` re-exports of a module's own file), and no two files may
//! reach each other. A module's own file (`mod.rs`, `lib.rs`) may use the modules it
//! declares: that is how Rust lays out a module, not a cycle. Test modules
//! (`#[cfg(test)] mod … { … }`) are left out: they are not part of the program.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One file of the crate: its module path and its code without comments and test modules.
struct SourceFile {
    module: Vec<String>,
    /// `mod.rs` or `lib.rs`: the file of a module with submodules in a folder.
    is_module_root: bool,
    code: String,
}

/// The crate's files by name relative to `src/` (the binary's `main.rs` left out).
fn crate_files(src: &Path) -> BTreeMap<String, SourceFile> {
    let mut files = BTreeMap::new();
    let mut folders = vec![src.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let name = relative(src, &path);
            if name == "main.rs" {
                continue;
            }
            let mut module: Vec<String> = name
                .trim_end_matches(".rs")
                .split('/')
                .map(str::to_owned)
                .collect();
            let is_module_root = matches!(module.last().map(String::as_str), Some("mod" | "lib"));
            if is_module_root {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).expect("read file");
            files.insert(
                name,
                SourceFile {
                    module,
                    is_module_root,
                    code: without_test_modules(&without_comments(&text)),
                },
            );
        }
    }
    files
}

fn relative(src: &Path, path: &Path) -> String {
    path.strip_prefix(src)
        .expect("under src")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The text with `//` comments blanked (string literals kept, so `"https://…"` stays).
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                '\\' => out.extend(chars.next()),
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The code with every `#[cfg(test)] mod name { … }` removed (braces counted outside
/// string literals).
fn without_test_modules(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "#[cfg(test)]".len()..];
        let trimmed = after.trim_start();
        let is_module = trimmed.starts_with("mod ") || trimmed.starts_with("pub mod ");
        let open = after.find(['{', ';']);
        match open {
            Some(open) if is_module && after.as_bytes()[open] == b'{' => {
                let end = matching_brace(after, open);
                rest = &after[end..];
            }
            _ => {
                out.push_str("#[cfg(test)]");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The index just past the brace that closes the one at `open`.
fn matching_brace(code: &str, open: usize) -> usize {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in code.char_indices().skip_while(|&(i, _)| i < open) {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    code.len()
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Ident(String),
    Sep,
    Open,
    Close,
    Comma,
    Star,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_alphanumeric() || c == '_' {
            let mut ident = String::new();
            while let Some(&c) = chars.peek().filter(|c| c.is_alphanumeric() || **c == '_') {
                ident.push(c);
                chars.next();
            }
            out.push(Token::Ident(ident));
            continue;
        }
        chars.next();
        match c {
            ':' if chars.peek() == Some(&':') => {
                chars.next();
                out.push(Token::Sep);
            }
            '{' => out.push(Token::Open),
            '}' => out.push(Token::Close),
            ',' => out.push(Token::Comma),
            '*' => out.push(Token::Star),
            _ => {}
        }
    }
    out
}

/// The paths of a use tree (`a::{b, c::{d as e}, self}`), each with the name it brings in.
fn use_paths(tokens: &[Token]) -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    let mut at = 0;
    use_tree(tokens, &mut at, &[], &mut out);
    out
}

fn use_tree(
    tokens: &[Token],
    at: &mut usize,
    prefix: &[String],
    out: &mut Vec<(Vec<String>, String)>,
) {
    let mut path = prefix.to_vec();
    while *at < tokens.len() {
        match &tokens[*at] {
            Token::Ident(word) if word == "as" => {
                *at += 1;
                if let Some(Token::Ident(alias)) = tokens.get(*at) {
                    *at += 1;
                    out.push((path.clone(), alias.clone()));
                }
                return;
            }
            Token::Ident(word) => {
                *at += 1;
                if word == "self"
                    && let Some(last) = path.last()
                {
                    out.push((path.clone(), last.clone()));
                    continue;
                }
                path.push(word.clone());
            }
            Token::Sep => *at += 1,
            Token::Star => {
                *at += 1;
                out.push((path.clone(), "*".to_owned()));
                return;
            }
            Token::Open => {
                *at += 1;
                while *at < tokens.len() && tokens[*at] != Token::Close {
                    use_tree(tokens, at, &path, out);
                    if tokens.get(*at) == Some(&Token::Comma) {
                        *at += 1;
                    }
                }
                *at += 1;
                return;
            }
            Token::Comma | Token::Close => break,
        }
    }
    if (path.len() > prefix.len() || prefix.is_empty())
        && let Some(name) = path.last().cloned()
    {
        out.push((path, name));
    }
}

/// Every `use` declaration of a file, expanded: (path, name brought in).
fn use_declarations(code: &str) -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    let words = tokens_with_spans(code);
    for (word, start) in &words {
        if word != "use" {
            continue;
        }
        let body_start = start + "use".len();
        let Some(end) = code[body_start..].find(';') else {
            continue;
        };
        out.extend(use_paths(&tokens(&code[body_start..body_start + end])));
    }
    out
}

/// Each identifier of `code` with its byte offset.
fn tokens_with_spans(code: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in code.char_indices() {
        let word_char = c.is_alphanumeric() || c == '_';
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((code[s..i].to_owned(), s));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Every path in code (outside `use` declarations too) starting `crate::`, `super::` or
/// `self::`.
fn code_paths(code: &str) -> Vec<Vec<String>> {
    let tokens = tokens(code);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let starts = matches!(&tokens[i], Token::Ident(w) if w == "crate" || w == "super" || w == "self")
            && tokens.get(i + 1) == Some(&Token::Sep)
            && (i == 0 || tokens[i - 1] != Token::Sep);
        if !starts {
            i += 1;
            continue;
        }
        let mut path = Vec::new();
        let mut tree = false;
        while let Some(Token::Ident(w)) = tokens.get(i) {
            path.push(w.clone());
            i += 1;
            if tokens.get(i) != Some(&Token::Sep) {
                break;
            }
            i += 1;
            // `super::{a, b}`: a use tree, read by `use_declarations`.
            tree = matches!(tokens.get(i), Some(Token::Open | Token::Star));
        }
        if !tree {
            out.push(path);
        }
    }
    out
}

/// Resolves paths of the crate to files.
struct Resolver<'a> {
    files: &'a BTreeMap<String, SourceFile>,
    by_module: BTreeMap<Vec<String>, &'a str>,
}

impl<'a> Resolver<'a> {
    fn new(files: &'a BTreeMap<String, SourceFile>) -> Self {
        let by_module = files
            .iter()
            .map(|(name, f)| (f.module.clone(), name.as_str()))
            .collect();
        Self { files, by_module }
    }

    /// The file that defines what `path` (written in `file`) names, if it is in the crate.
    fn resolve(&self, file: &str, path: &[String], depth: usize) -> Option<&'a str> {
        let source = &self.files[file];
        let mut module = source.module.clone();
        let mut rest = path;
        match rest.first().map(String::as_str) {
            Some("crate") => {
                module.clear();
                rest = &rest[1..];
            }
            Some("self") => rest = &rest[1..],
            Some("super") => {
                while rest.first().map(String::as_str) == Some("super") {
                    module.pop()?;
                    rest = &rest[1..];
                }
            }
            _ => return None,
        }
        self.resolve_in(module, rest, depth)
    }

    fn resolve_in(
        &self,
        mut module: Vec<String>,
        path: &[String],
        depth: usize,
    ) -> Option<&'a str> {
        let mut rest = path;
        while let Some(first) = rest.first() {
            let mut child = module.clone();
            child.push(first.clone());
            if !self.by_module.contains_key(&child) {
                break;
            }
            module = child;
            rest = &rest[1..];
        }
        let file = *self.by_module.get(&module)?;
        // A name the module's file brings in with `use`: the file it comes from.
        if let Some(name) = rest.first()
            && depth < 8
            && self.files[file].is_module_root
        {
            for (used, alias) in use_declarations(&self.files[file].code) {
                if &alias == name
                    && let Some(target) = self.resolve_use(file, &used, depth + 1)
                {
                    return Some(target);
                }
            }
        }
        Some(file)
    }

    /// A path of a `use` in a module's own file: `crate::…`, `super::…`, `self::…` or a
    /// submodule's name.
    fn resolve_use(&self, file: &str, used: &[String], depth: usize) -> Option<&'a str> {
        match used.first().map(String::as_str) {
            Some("crate" | "super" | "self") => self.resolve(file, used, depth),
            Some(_) => self.resolve_in(self.files[file].module.clone(), used, depth),
            None => None,
        }
    }
}

/// Edges between files: which file uses which, with one path that shows it.
fn file_edges(files: &BTreeMap<String, SourceFile>) -> BTreeMap<&str, BTreeMap<&str, String>> {
    let resolver = Resolver::new(files);
    let mut edges: BTreeMap<&str, BTreeMap<&str, String>> = BTreeMap::new();
    for (name, file) in files {
        let mut paths: Vec<Vec<String>> = use_declarations(&file.code)
            .into_iter()
            .map(|(path, _)| path)
            .collect();
        paths.extend(code_paths(&file.code));
        for path in paths {
            let Some(target) = resolver.resolve(name, &path, 0) else {
                continue;
            };
            let target_module = &files[target].module;
            let declares = file.is_module_root
                && target_module.len() > file.module.len()
                && target_module.starts_with(&file.module);
            if target == name || declares {
                continue;
            }
            edges
                .entry(name.as_str())
                .or_default()
                .entry(target)
                .or_insert_with(|| path.join("::"));
        }
    }
    edges
}

/// The groups of files that reach each other (strongly connected, more than one file).
fn cycles<'a>(edges: &BTreeMap<&'a str, BTreeMap<&'a str, String>>) -> Vec<BTreeSet<&'a str>> {
    let nodes: BTreeSet<&str> = edges
        .iter()
        .flat_map(|(from, to)| std::iter::once(*from).chain(to.keys().copied()))
        .collect();
    let reach = |start: &'a str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start];
        while let Some(n) = stack.pop() {
            for &next in edges.get(n).into_iter().flat_map(BTreeMap::keys) {
                if seen.insert(next) {
                    stack.push(next);
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&str, BTreeSet<&str>> = nodes.iter().map(|&n| (n, reach(n))).collect();
    let mut groups: Vec<BTreeSet<&str>> = Vec::new();
    for &n in &nodes {
        if groups.iter().any(|g| g.contains(n)) {
            continue;
        }
        let group: BTreeSet<&str> = std::iter::once(n)
            .chain(
                reached[n]
                    .iter()
                    .copied()
                    .filter(|&m| m != n && reached[m].contains(n)),
            )
            .collect();
        if group.len() > 1 {
            groups.push(group);
        }
    }
    groups
}

#[test]
fn no_two_files_of_src_import_each_other() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = crate_files(&src);
    assert!(files.len() > 50, "found only {} files", files.len());
    let edges = file_edges(&files);
    let found = cycles(&edges);
    let mut report = String::new();
    for group in &found {
        report.push_str("files that import each other:\n");
        for from in group {
            for (to, path) in &edges[from] {
                if group.contains(to) {
                    report.push_str(&format!("  {from} -> {to} (uses {path})\n"));
                }
            }
        }
    }
    assert!(found.is_empty(), "{report}");
}

/// The checker itself: it finds a cycle through a re-export and ignores a module's own file
/// using its submodules.
#[test]
fn the_cycle_finder_sees_cycles_through_re_exports() {
    let file = |module: &[&str], root: bool, code: &str| SourceFile {
        module: module.iter().map(|s| (*s).to_owned()).collect(),
        is_module_root: root,
        code: code.to_owned(),
    };
    let mut files = BTreeMap::new();
    files.insert("lib.rs".to_owned(), file(&[], true, "pub mod a;"));
    files.insert(
        "a/mod.rs".to_owned(),
        file(
            &["a"],
            true,
            "mod b; mod c; pub use b::Thing; pub struct Error;",
        ),
    );
    files.insert(
        "a/b.rs".to_owned(),
        file(
            &["a", "b"],
            false,
            "use super::Error; pub struct Thing(super::c::Other);",
        ),
    );
    files.insert(
        "a/c.rs".to_owned(),
        file(
            &["a", "c"],
            false,
            "pub struct Other; fn f(_: crate::a::Thing) {}",
        ),
    );
    let edges = file_edges(&files);
    assert_eq!(
        edges["a/c.rs"].keys().copied().collect::<Vec<_>>(),
        ["a/b.rs"],
        "{edges:?}"
    );
    assert!(!edges.contains_key("a/mod.rs"), "{edges:?}");
    let found = cycles(&edges);
    assert_eq!(found.len(), 1, "{edges:?}");
    assert_eq!(
        found[0].iter().copied().collect::<Vec<_>>(),
        ["a/b.rs", "a/c.rs"]
    );
    // Test modules and comments are not code.
    let code = without_test_modules(&without_comments(
        "use crate::x; // use crate::y;\n#[cfg(test)]\nmod tests { use crate::z; fn f() { \"}\"; } }\nfn g() {}",
    ));
    assert!(code.contains("crate::x") && !code.contains("crate::y") && !code.contains("crate::z"));
    assert!(code.contains("fn g()"), "{code}");
}

/// Every clap struct, attribute and runner is in `cli/` (ripgrep's `flags/`): no other file
/// of the library names clap (`main.rs` parses with it and dispatches).
#[test]
fn the_command_line_lives_in_cli() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let outside: Vec<String> = crate_files(&src)
        .into_iter()
        .filter(|(name, _)| !name.starts_with("cli/"))
        .filter(|(_, file)| {
            [
                "clap::",
                "#[arg(",
                "#[command(",
                "#[derive(Parser",
                "#[derive(Args",
            ]
            .iter()
            .any(|needle| file.code.contains(needle))
        })
        .map(|(name, _)| name)
        .collect();
    assert!(outside.is_empty(), "clap outside src/cli/: {outside:?}");
}
