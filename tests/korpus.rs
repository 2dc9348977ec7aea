//! Hostile and broken input: every file of tests/fixtures/korpus/ (placed as an actor, an
//! offering or a need by its name's prefix), and inputs made here that cannot be committed
//! (huge, binary, links, permissions). Each gives its expected codes and locations, and never
//! a panic.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::{assert_expected, fixtures, layered, resurs, stderr, stdout};

/// Where a corpus file goes in the data folder: `aktor-x` → `aktorer/x/aktor.toml`,
/// `insats-x` → `aktorer/rodakorset-vaxjo/insatser/x.toml`, `behov-x` → `behov/x.toml`.
fn placement(name: &str) -> String {
    let stem = name.strip_suffix(".toml").unwrap();
    if let Some(id) = stem.strip_prefix("aktor-") {
        format!("aktorer/{id}/aktor.toml")
    } else if let Some(id) = stem.strip_prefix("insats-") {
        format!("aktorer/rodakorset-vaxjo/insatser/{id}.toml")
    } else {
        format!("behov/{}.toml", stem.strip_prefix("behov-").unwrap())
    }
}

/// `KOD rad:kolumn` of every problem in `file`, from `validera --format json`.
fn problems_in(data: &Path, file: &str) -> String {
    let out = resurs(data, &["validera", "--format", "json"]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{file}: {}",
        stderr(&out)
    );
    assert!(
        !stderr(&out).contains("panicked"),
        "{file}: {}",
        stderr(&out)
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .filter(|p| p["fil"] == file)
        .map(|p| {
            format!(
                "{} {}:{}",
                p["kod"].as_str().unwrap(),
                p["rad"],
                p["kolumn"]
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn every_corpus_file_gives_its_expected_problems() {
    let dir = fixtures().join("korpus");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    assert!(names.len() >= 40, "{} filer", names.len());
    let mut report = String::new();
    for name in &names {
        let d = layered(&["bas"]);
        let rel = placement(name);
        let target = d.path().join(&rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(dir.join(name), &target).unwrap();
        let found = problems_in(d.path(), &rel);
        assert!(!found.is_empty(), "{name}: inget problem hittades");
        let _ = writeln!(report, "{name}: {found}");
    }
    assert_expected(&fixtures().join("korpus/_forvantat.txt"), &report);
}

fn generated(rel: &str, bytes: &[u8]) -> (tempfile::TempDir, String) {
    let d = layered(&["bas"]);
    let p = d.path().join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, bytes).unwrap();
    let found = problems_in(d.path(), rel);
    (d, found)
}

const BEHOV: &str = "titel = \"Stöd\"\nkategorier = [\"mat\"]\nmalgrupper = [\"alla\"]\nomraden = [\"Växjö\"]\ndatum = 2022-10-20\nstatus = \"aktuellt\"\n";

#[test]
fn a_50_mb_file_is_refused_before_it_is_parsed() {
    let mut big = BEHOV.as_bytes().to_vec();
    big.extend(std::iter::repeat_n(b'#', 50 * 1024 * 1024));
    let (_d, found) = generated("behov/stor.toml", &big);
    assert_eq!(found, "E025 1:1");
}

#[test]
fn the_size_limit_is_set_in_resurs_toml() {
    let d = layered(&["bas"]);
    let settings = d.path().join("resurs.toml");
    std::fs::write(
        &settings,
        format!(
            "{}max_filstorlek_kb = 1\n",
            std::fs::read_to_string(&settings).unwrap()
        ),
    )
    .unwrap();
    std::fs::write(
        d.path().join("behov/mellan.toml"),
        format!("{BEHOV}# {}\n", "x".repeat(2000)),
    )
    .unwrap();
    assert_eq!(problems_in(d.path(), "behov/mellan.toml"), "E025 1:1");
}

#[test]
fn an_array_of_100000_elements_and_a_very_long_line() {
    let list = (0..100_000)
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let (_d, found) = generated(
        "behov/lang-lista.toml",
        format!("{BEHOV}lista = [{list}]\n").as_bytes(),
    );
    assert_eq!(found, "E002 7:1");
    let (_d, found) = generated(
        "behov/lang-rad.toml",
        format!("{BEHOV}beskrivning_x = \"{}\"\n", "å".repeat(300_000)).as_bytes(),
    );
    assert_eq!(found, "E002 7:1");
}

#[test]
fn encodings_line_ends_and_nul() {
    let (_d, found) = generated("behov/latin1.toml", b"titel = \"St\xF6d\"\n");
    assert_eq!(found, "E018 1:12");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(BEHOV.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (_d, found) = generated("behov/utf16.toml", &utf16);
    assert_eq!(found, "E018 1:1");
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(BEHOV.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let (_d, found) = generated("behov/utf16be.toml", &utf16be);
    assert_eq!(found, "E018 1:1");
    let (_d, found) = generated("behov/crlf.toml", BEHOV.replace('\n', "\r\n").as_bytes());
    assert_eq!(found, "W004 1:15");
    let (_d, found) = generated("behov/bara-nul.toml", b"\0\0\0\0");
    assert!(found.starts_with("E001 1:1"), "{found}");
}

#[test]
fn file_names_with_spaces_letters_and_look_alikes() {
    let (_d, found) = generated("behov/med mellanslag.toml", BEHOV.as_bytes());
    assert_eq!(found, "E006 1:1");
    let (_d, found) = generated("behov/växjö.toml", BEHOV.as_bytes());
    assert_eq!(found, "E006 1:1");
    // A Cyrillic "а" that looks like a Latin "a".
    let (_d, found) = generated("behov/s\u{0430}mtal.toml", BEHOV.as_bytes());
    assert_eq!(found, "E006 1:1");
    let d = layered(&["bas"]);
    std::fs::create_dir_all(d.path().join("aktorer/Stora-Bokstaver")).unwrap();
    assert_eq!(
        problems_in(d.path(), "aktorer/Stora-Bokstaver"),
        "E006 1:1, E021 1:1"
    );
}

#[cfg(unix)]
#[test]
fn links_loops_folders_and_permissions() {
    let d = layered(&["bas"]);
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("hemlig.toml"), BEHOV).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("hemlig.toml"),
        d.path().join("behov/utanfor.toml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(d.path().join("behov"), d.path().join("behov/slinga")).unwrap();
    std::fs::create_dir_all(d.path().join("behov/mapp.toml")).unwrap();
    assert_eq!(problems_in(d.path(), "behov/utanfor.toml"), "E018 1:1");
    assert_eq!(problems_in(d.path(), "behov/slinga"), "E018 1:1");
    assert_eq!(problems_in(d.path(), "behov/mapp.toml"), "E018 1:1");
    let out = resurs(d.path(), &["validera"]);
    assert!(
        !stdout(&out).contains("Stöd"),
        "the link's target is never read"
    );

    let locked = d.path().join("behov/last.toml");
    std::fs::write(&locked, BEHOV).unwrap();
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_err() {
        assert_eq!(problems_in(d.path(), "behov/last.toml"), "E018 1:1");
    }
}
