//! Hostile data: nothing costs more than linear time. One file under the size limit with tens
//! of thousands of problems (or of values) once took minutes: a line search per problem, the
//! whole line printed under each problem, suggestions from the whole vocabulary per value.
//! These files are big enough that quadratic work would not end before a generous deadline
//! (the child is killed then, and the test fails); linear work takes a few seconds even in a
//! debug build. No test measures time: each checks what the output says.

use std::path::Path;
use std::time::Duration;

use super::common;

/// Far beyond what linear work needs, even on a slow CI machine in a debug build.
const DEADLINE: Duration = Duration::from_secs(60);

/// How many values the big lists have.
const N: usize = 20_000;

/// `resurs --data DIR --idag … ARGS`, killed after [`DEADLINE`]. Panics then.
fn within_deadline(data: &Path, args: &[&str]) -> std::process::Output {
    common::bin()
        .arg("--data")
        .arg(data)
        .args(["--idag", "2026-11-25"])
        .env("COLUMNS", "80")
        .args(args)
        .timeout(DEADLINE)
        .output()
        .unwrap_or_else(|e| panic!("`resurs {}` did not end in time: {e}", args.join(" ")))
}

/// A copy of data/ with one more offering (reachable, otherwise valid) with `omraden` written
/// as given, on one line.
fn offering_with_areas(areas: &[String]) -> tempfile::TempDir {
    let d = common::data_copy();
    let list: Vec<String> = areas.iter().map(|a| format!("\"{a}\"")).collect();
    let text = format!(
        "namn = \"Många områden\"\nbeskrivning = \"Prov.\"\nbehov = [\"mat\"]\n\
         malgrupper = [\"asylsokande\"]\nstatus = \"aktiv\"\nsenast_granskad = 2026-11-25\n\
         kontaktvag = \"Ring.\"\nomraden = [{}]\n",
        list.join(", ")
    );
    let file = d
        .path()
        .join("aktorer/rodakorset-vaxjo/insatser/manga-omraden.toml");
    std::fs::write(file, text).unwrap();
    d
}

const FILE: &str = "aktorer/rodakorset-vaxjo/insatser/manga-omraden.toml";

/// Unknown areas `x0`, `x1`, …: no area is close to any of them.
fn unknown(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("x{i}")).collect()
}

/// The kommuner of data/'s vocabulary, by name.
fn kommuner() -> Vec<String> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/vokabular/omraden.toml"),
    )
    .unwrap();
    let vok: toml::Table = toml::from_str(&text).unwrap();
    vok["kommun"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["namn"].as_str().unwrap().to_owned())
        .collect()
}

fn lines_of<'a>(out: &'a str, code: &str) -> Vec<&'a str> {
    let tag = format!("[{code}]: ");
    out.lines().filter(|l| l.contains(&tag)).collect()
}

#[test]
fn every_unknown_area_of_a_huge_list_has_its_own_place_and_an_excerpt_of_its_own_size() {
    let d = offering_with_areas(&unknown(N));
    let o = within_deadline(d.path(), &["validera"]);
    assert_eq!(o.status.code(), Some(1));
    let out = common::stdout(&o);
    let errors = lines_of(&out, "E009");
    assert_eq!(errors.len(), N);
    // Each under its own value: `omraden = ["x0", "x1", …`, columns counted in characters.
    let prefix = "omraden = [".chars().count();
    let mut column = prefix + 1;
    let places: Vec<String> = out
        .lines()
        .filter(|l| l.starts_with(" --> ") && l.contains(FILE))
        .map(str::to_owned)
        .collect();
    assert_eq!(places.len(), N);
    for (i, place) in places.iter().enumerate() {
        assert_eq!(*place, format!(" --> {FILE}:8:{column}"), "value {i}");
        column += format!("\"x{i}\", ").chars().count();
    }
    // The line of a million characters is not printed twenty thousand times: each excerpt is
    // the part around its caret, and the caret stands under the value.
    assert!(out.len() < 1_000 * N, "{} bytes", out.len());
    let middle = out
        .split("\n\n")
        .find(|block| block.contains("okänt område `x10000`"))
        .unwrap();
    let excerpt: Vec<&str> = middle.lines().skip(3).take(2).collect();
    assert!(excerpt[0].starts_with("8 | …"), "{middle}");
    // Cut by resurs (`…`) or, to fit the terminal, by the renderer (`...`).
    assert!(
        excerpt[0].ends_with('…') || excerpt[0].ends_with("..."),
        "{middle}"
    );
    assert!(excerpt[0].chars().count() < 140, "{middle}");
    let caret = excerpt[1].chars().position(|c| c == '^').unwrap();
    let under: String = excerpt[0].chars().skip(caret).take(8).collect();
    assert_eq!(under, "\"x10000\"", "{middle}");
    assert_eq!(excerpt[1].matches('^').count(), 8, "{middle}");
}

#[test]
fn suggestions_stop_after_a_hundred_unknown_values_in_a_file_and_say_so_once() {
    // First 150 typos of real kommuner (each has a suggestion), then unknown values.
    let names = kommuner();
    let mut areas: Vec<String> = names.iter().take(150).map(|n| format!("{n}q")).collect();
    areas.extend(unknown(N));
    let d = offering_with_areas(&areas);
    let o = within_deadline(d.path(), &["validera", "--format", "kort"]);
    let out = common::stdout(&o);
    let errors = lines_of(&out, "E009");
    assert_eq!(errors.len(), N + 150);
    let suggested: Vec<&&str> = errors.iter().filter(|l| l.contains("menade du")).collect();
    assert_eq!(suggested.len(), 100);
    assert!(
        errors[0].ends_with(&format!(
            "okänt område `{}q`; menade du `{}`?",
            names[0], names[0]
        )),
        "{}",
        errors[0]
    );
    let noted: Vec<&&str> = errors
        .iter()
        .filter(|l| l.contains("fler förslag visas inte för den här filen"))
        .collect();
    assert_eq!(noted.len(), 1);
    assert!(
        noted[0].contains(&format!("`{}q`", names[100])),
        "{}",
        noted[0]
    );
}

#[test]
fn a_value_written_twenty_thousand_times_is_a_warning_at_each_copy() {
    let d = offering_with_areas(&vec!["Växjö".to_owned(); N]);
    let o = within_deadline(d.path(), &["validera", "--format", "kort"]);
    let out = common::stdout(&o);
    let warnings = lines_of(&out, "W011");
    assert_eq!(warnings.len(), N - 1);
    let second = "omraden = [\"Växjö\", ".chars().count() + 1;
    assert_eq!(
        warnings[0],
        format!(
            "{FILE}:8:{second}: varning[W011]: `Växjö` står redan i `omraden`; ta bort värdet här; det står redan som värde nr 1 i listan"
        )
    );
    assert!(lines_of(&out, "E009").is_empty());
    // Warnings only: the folder is valid.
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
}

#[test]
fn reading_commands_show_an_offering_with_twenty_thousand_unknown_areas() {
    let d = offering_with_areas(&unknown(N));
    let o = within_deadline(d.path(), &["visa", "rodakorset-vaxjo/manga-omraden"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert!(common::stdout(&o).contains(&format!("x{}", N - 1)));
    for args in [
        &["sok", "--behov", "mat"][..],
        &["sok", "--behov", "mat", "--format", "csv"],
        &["rapport"],
        &["matcha"],
    ] {
        let o = within_deadline(d.path(), args);
        let out = common::stdout(&o);
        assert!(!out.is_empty(), "{args:?}: {}", common::stderr(&o));
        if args[0] == "sok" {
            assert!(out.contains("Många områden"), "{args:?}");
        }
    }
}

#[test]
fn a_vocabulary_of_fifty_thousand_synonyms_does_not_make_each_unknown_value_slow() {
    let d = common::data_copy();
    let vok = d.path().join("vokabular/behov.toml");
    let synonyms: Vec<String> = (0..50_000).map(|i| format!("\"synonymord{i}\"")).collect();
    let text = std::fs::read_to_string(&vok).unwrap().replacen(
        "synonymer = [\"stödsamtal\",",
        &format!("synonymer = [{}, \"stödsamtal\",", synonyms.join(", ")),
        1,
    );
    std::fs::write(&vok, text).unwrap();
    let settings = d.path().join("resurs.toml");
    let text = std::fs::read_to_string(&settings).unwrap().replacen(
        "lan = \"07\"",
        "lan = \"07\"\nmax_filstorlek_kb = 2048",
        1,
    );
    std::fs::write(&settings, text).unwrap();
    // Each of these is close to every synonym: all of them are looked at for a suggestion.
    let needs: Vec<String> = (0..3_000).map(|i| format!("\"synonymord{i}x\"")).collect();
    let file = d
        .path()
        .join("aktorer/rodakorset-vaxjo/insatser/manga-behov.toml");
    std::fs::write(
        file,
        format!(
            "namn = \"Många behov\"\nbeskrivning = \"Prov.\"\nbehov = [{}]\nmalgrupper = [\"asylsokande\"]\n\
             status = \"aktiv\"\nsenast_granskad = 2026-11-25\nkontaktvag = \"Ring.\"\n",
            needs.join(", ")
        ),
    )
    .unwrap();
    let o = within_deadline(d.path(), &["validera", "--format", "kort"]);
    let out = common::stdout(&o);
    let errors = lines_of(&out, "E004");
    assert_eq!(errors.len(), 3_000, "{out}");
    assert_eq!(
        errors
            .iter()
            .filter(|l| l.contains("; menade du `samtalsstod`?"))
            .count(),
        100
    );
    assert_eq!(
        errors
            .iter()
            .filter(|l| l.contains("fler förslag visas inte"))
            .count(),
        1
    );
}
