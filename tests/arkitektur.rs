//! The shape of the code, as ARCHITECTURE.md draws it: every `crate::` path in `src/` points at
//! a room on a lower level (never up, never sideways), every room of `src/lib.rs` has a level,
//! every source file says why it exists (`//!`) and none is longer than about 500 lines.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The longest a source file may be, tests inside it included.
const MAX_LINES: usize = 520;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The levels of ARCHITECTURE.md's table "Rooms, from the bottom up": room → level.
fn levels() -> BTreeMap<String, u32> {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // `| 3 | `model` | … |` splits into ["", "3", "`model`", "…", ""].
        let Some(level) = cells.get(1).and_then(|c| c.parse::<u32>().ok()) else {
            continue;
        };
        for room in cells[2].split(',') {
            let room = room.trim().trim_matches('`');
            assert!(!room.is_empty(), "empty room in: {line}");
            out.insert(room.to_owned(), level);
        }
    }
    assert!(out.len() > 10, "ARCHITECTURE.md's table was not found");
    out
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn all_sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    files.sort();
    files
}

/// The room a file belongs to: `src/load/index.rs` → `load`, `src/date.rs` → `date`.
fn room_of(file: &Path) -> String {
    let rel = file.strip_prefix(root().join("src")).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

/// Every `crate::room` in the code of a file (comments left out), with its line.
fn uses(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            // `$crate::diagnostic` in a macro counts like any other path.
            if !name.is_empty() {
                out.push((n + 1, name));
            }
            rest = after;
        }
    }
    out
}

#[test]
fn no_path_points_up_or_sideways() {
    let levels = levels();
    let mut wrong = Vec::new();
    for file in all_sources() {
        let room = room_of(&file);
        if room == "lib" || room == "main" {
            continue;
        }
        let Some(&level) = levels.get(&room) else {
            wrong.push(format!("{}: room `{room}` has no level", file.display()));
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap();
        for (line, used) in uses(&text) {
            // Items of the crate root (`crate::exit`, `crate::path!`) belong to no room.
            let Some(&to) = levels.get(&used) else {
                continue;
            };
            if used != room && to >= level {
                wrong.push(format!(
                    "{}:{line}: `{room}` (level {level}) uses `{used}` (level {to})",
                    file.strip_prefix(root()).unwrap().display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_room_of_the_library_has_a_level() {
    let levels = levels();
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let rooms: Vec<&str> = lib
        .lines()
        .filter_map(|l| {
            l.strip_prefix("pub mod ")
                .or_else(|| l.strip_prefix("mod "))
                .and_then(|r| r.strip_suffix(';'))
        })
        .collect();
    assert!(rooms.len() > 10, "{rooms:?}");
    for room in &rooms {
        assert!(
            levels.contains_key(*room),
            "`{room}` in src/lib.rs is not in ARCHITECTURE.md's table"
        );
    }
    for room in levels.keys() {
        assert!(
            rooms.contains(&room.as_str()),
            "ARCHITECTURE.md names `{room}`, which src/lib.rs does not declare"
        );
    }
}

#[test]
fn every_file_says_why_it_exists_and_is_short() {
    let mut wrong = Vec::new();
    for file in all_sources() {
        let text = std::fs::read_to_string(&file).unwrap();
        let rel = file.strip_prefix(root()).unwrap().display().to_string();
        if !text.starts_with("//!") {
            wrong.push(format!("{rel}: no `//!` module doc at the top"));
        }
        let lines = text.lines().count();
        if lines > MAX_LINES {
            wrong.push(format!("{rel}: {lines} lines (at most {MAX_LINES})"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The checker itself: a path up is found, one in a comment is not.
#[test]
fn uses_sees_paths_in_code_only() {
    let text = "use crate::model::Insats;\n// see crate::render\nlet x = crate::text::fold(s); // crate::cmd\n";
    assert_eq!(
        uses(text),
        vec![(1, "model".to_owned()), (3, "text".to_owned())]
    );
}
