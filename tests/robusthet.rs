//! Robustness: property-based tests (bounded, on stable) of the pieces every command relies
//! on, and a `fmt` killed in the middle of a large folder, which must leave every file either
//! as it was or fully formatted.

mod common;

use std::path::Path;
use std::time::Duration;

use common::layered;
use proptest::prelude::*;
use resurs::model::schema::Kind;

/// Small TOML-ish texts: keys of the format, values of every type, and noise.
fn tomlish() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "namn",
        "beskrivning",
        "behov",
        "malgrupper",
        "status",
        "omraden",
        "tolk",
        "min_alder",
        "senast_granskad",
        "plats",
        "x",
    ]);
    let value = prop_oneof![
        "\"[^\"\\\\\n]{0,12}\"".prop_map(|s| s),
        "[0-9]{1,4}".prop_map(|s| s),
        Just("true".to_owned()),
        Just("2026-01-31".to_owned()),
        Just("[\"mat\", \"alla\"]".to_owned()),
        Just("{ namn = \"a\", kommun = \"Växjö\" }".to_owned()),
        "[ -~åäöÅÄÖ\n]{0,16}",
    ];
    prop::collection::vec((key, value), 0..8).prop_map(|pairs| {
        let mut text = String::new();
        for (k, v) in pairs {
            text.push_str(k);
            text.push_str(" = ");
            text.push_str(&v);
            text.push('\n');
        }
        text
    })
}

proptest! {
    #![proptest_config(common::proptest_config())]

    #[test]
    fn checking_any_text_never_panics_and_always_locates(text in tomlish(), kind in 0u8..3) {
        let (kind, rel) = match kind {
            0 => (Kind::Aktor, "aktorer/p/aktor.toml"),
            1 => (Kind::Insats, "aktorer/p/insatser/p.toml"),
            _ => (Kind::Behov, "behov/p.toml"),
        };
        let today = resurs::date::Datum::new(2026, 11, 25).unwrap();
        for p in resurs::validate::check_one(common::bas(), kind, Path::new(rel), text.as_bytes(), today) {
            prop_assert!(p.line >= 1 && p.column >= 1);
            prop_assert!(p.line <= text.lines().count().max(1) + 1, "{p:?}");
        }
    }

    #[test]
    fn fmt_is_idempotent_and_keeps_the_data(text in tomlish()) {
        if let Ok(once) = resurs::rewrite::format(Kind::Insats, &text) {
            let twice = resurs::rewrite::format(Kind::Insats, &once).unwrap();
            prop_assert_eq!(&twice, &once);
            let before: toml::Table = text.parse().unwrap();
            let after: toml::Table = once.parse().unwrap();
            prop_assert_eq!(before, after);
        }
    }

    #[test]
    fn folding_is_idempotent_and_ignores_case(s in "[a-zA-ZåäöÅÄÖéÉüÜ -]{0,20}") {
        let f = resurs::text::fold(&s);
        prop_assert_eq!(resurs::text::fold(&f), f.clone());
        prop_assert_eq!(resurs::text::fold(&s.to_uppercase()), resurs::text::fold(&s.to_lowercase()));
    }

    #[test]
    fn rendered_markdown_never_carries_markup_from_data(s in "[<>\"'a-z:/ \n\\[\\]()!#*=]{0,40}") {
        let html = resurs::render::sanitize::to_html(&s).to_ascii_lowercase();
        for bad in ["<script", "<img", "<iframe", "<div", "<svg", "href=\"javascript"] {
            prop_assert!(!html.contains(bad), "{} in {}", bad, html);
        }
    }

    #[test]
    fn dates_and_days_agree(days in -100_000i64..100_000) {
        let d = resurs::date::Datum::from_days(days);
        prop_assert_eq!(resurs::date::Datum::parse(&d.to_string()), Some(d));
        prop_assert_eq!(d.months_until(d), 0);
    }
}

#[test]
fn fmt_killed_midway_leaves_every_file_old_or_new() {
    let d = layered(&["bas"]);
    let dir = d.path().join("aktorer/rodakorset-vaxjo/insatser");
    let mut originals = Vec::new();
    for i in 0..3000 {
        let text = format!(
            "senast_granskad = 2026-10-01\nstatus='aktiv'\nmalgrupper = [ 'alla' ]\nbehov = [\"mat\",]\nbeskrivning = \"Insats nummer {i}.\"\nnamn = \"Insats {i}\"\n"
        );
        let path = dir.join(format!("insats-{i:04}.toml"));
        std::fs::write(&path, &text).unwrap();
        let formatted = resurs::rewrite::format(Kind::Insats, &text).unwrap();
        assert_ne!(formatted, text);
        originals.push((path, text, formatted));
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("resurs"))
        .arg("--data")
        .arg(d.path())
        .arg("fmt")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Let it get going, then kill it hard (SIGKILL: no chance to clean up).
    let start = std::time::Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        let done = originals
            .iter()
            .filter(|(p, _, new)| std::fs::read_to_string(p).is_ok_and(|t| &t == new))
            .count();
        if done > 50 {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let (mut old, mut new) = (0, 0);
    for (path, before, after) in &originals {
        let now = std::fs::read_to_string(path).unwrap();
        if &now == before {
            old += 1;
        } else if &now == after {
            new += 1;
        } else {
            panic!(
                "{} is neither the old nor the new version:\n{now}",
                path.display()
            );
        }
    }
    assert!(new > 0, "fmt did not start");
    assert!(
        old > 0,
        "fmt finished before it was killed; make the folder larger"
    );
}

#[test]
fn a_big_folder_shows_progress_only_on_a_terminal() {
    let d = layered(&["bas"]);
    let offering = std::fs::read_to_string(
        d.path()
            .join("aktorer/rodakorset-vaxjo/insatser/matkassar.toml"),
    )
    .unwrap();
    common::copy_actor(d.path(), "rodakorset-vaxjo", 2_000, |_| {
        ("matkassar.toml".into(), offering.clone())
    });
    let units = std::fs::read_dir(d.path().join("aktorer")).unwrap().count()
        + std::fs::read_dir(d.path().join("behov")).unwrap().count();
    let out = common::resurs(d.path(), &["lista", "aktorer"]);
    assert_eq!(
        common::stderr(&out),
        "",
        "nothing extra when stderr is not a terminal"
    );
    // On a terminal (a pseudo-terminal from util-linux `script`), a progress bar is drawn.
    let bin = assert_cmd::cargo::cargo_bin("resurs");
    let command = format!(
        "{} --data {} lista aktorer > /dev/null",
        bin.display(),
        d.path().display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("script (util-linux)");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("läser") && shown.contains(&format!("/{units} aktörer och behov")),
        "{shown}"
    );
}
