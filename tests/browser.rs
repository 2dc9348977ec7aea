//! The HTML report in headless Chromium (tests/browser/granska.mjs): it renders with no
//! console errors and no request to anywhere else, axe-core reports no WCAG 2.1 AA violations
//! (at 1280 and 400 px), the filter narrows the map (with typos, on categories, target groups,
//! areas and actors: checked against what `resurs sok` says each offering has), sections fold,
//! at 400 px nothing sticks out and the page does not scroll sideways, everything shows without
//! JavaScript, print hides the navigation (and prints folded sections), and hostile data runs
//! no script. Needs Debian's `chromium`, Node.js and `npm ci --prefix tests/browser`; `.ci/run`
//! installs them and runs these tests with `cargo test -- --include-ignored`. One test checks
//! what they rely on in the HTML itself and runs without a browser, in every `cargo test`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use common::{layered, resurs, stdout};

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("webblasare");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The offerings `resurs sok` finds with `words` (or all), of every status but ended (those
/// are not in the report), as its JSON objects.
fn sok(data: &Path, words: Option<&str>) -> Vec<Value> {
    let mut args = vec!["sok", "--status", "alla", "--format", "json"];
    args.extend(words);
    let found: Value = serde_json::from_str(&stdout(&resurs(data, &args))).unwrap();
    let Value::Array(list) = found else {
        panic!("not a JSON list: {found}")
    };
    list.into_iter()
        .filter(|o| o["status"] != "avslutad")
        .collect()
}

/// What the filter must show for some typed words, from what `resurs sok --format json` says
/// each offering of the report has (its categories, target groups, areas, actor): every
/// offering of a category for its label with a typo, at least every offering of a target group
/// for a synonym of it, and so on. Written to a file for granska.mjs.
fn filter_cases(data: &Path, name: &str) -> PathBuf {
    let offerings = sok(data, None);
    let ids = |field: &str, value: &str| -> Vec<&str> {
        let found: Vec<&str> = offerings
            .iter()
            .filter(|o| match &o[field] {
                Value::Array(list) => list.iter().any(|v| v == value),
                v => v == value,
            })
            .map(|o| o["id"].as_str().unwrap())
            .collect();
        assert!(!found.is_empty(), "no offering has {field} = {value}");
        found
    };
    let samtal = ids("behov", "samtalsstod");
    // The CLI's free text, typos and all: the filter finds at least what `sok` finds (it also
    // searches target groups, areas and the rest of the row).
    let free_text = |words: &str| -> Value {
        let ids: Vec<String> = sok(data, Some(words))
            .iter()
            .map(|o| o["id"].as_str().unwrap().to_owned())
            .collect();
        assert!(!ids.is_empty(), "sok {words} finds nothing");
        json!({ "text": words, "ids": ids, "exakt": false })
    };
    let mut cases = json!([
        // The examples: the category's label, and with a typo (neither is in every
        // offering's name or description).
        { "text": "samtalsstöd", "ids": samtal, "exakt": true },
        { "text": "Samtalstöd", "ids": samtal, "exakt": true },
        { "text": "SAMTALSSTOD", "ids": samtal, "exakt": true },
        { "text": "psykosocialt grupstöd", "ids": ids("behov", "psykosocialt-gruppstod"), "exakt": true },
        // A synonym of the target group föräldrar.
        { "text": "vårdnadshavare", "ids": ids("malgrupper", "foraldrar"), "exakt": false },
        { "text": "Alvesta", "ids": ids("omraden", "Alvesta"), "exakt": false },
        { "text": "Ulriksbergskyrkn", "ids": ids("aktor", "ulriksbergskyrkan"), "exakt": false },
        { "text": "xyzzy", "ids": [], "exakt": true },
    ]);
    for words in [
        "psykolg",
        "föräldrastöf",
        "matkasar",
        "traumamedvetn omsorg",
    ] {
        cases.as_array_mut().unwrap().push(free_text(words));
    }
    let file = out_dir().join(format!("{name}-fall.json"));
    std::fs::write(&file, cases.to_string()).unwrap();
    file
}

fn granska(html: &str, name: &str, extra: &[&str]) {
    let dir = out_dir();
    let report = dir.join(format!("{name}.html"));
    std::fs::write(&report, html).unwrap();
    let screenshot = dir.join(format!("{name}.png"));
    let narrow = dir.join(format!("{name}-400.png"));
    let _ = std::fs::remove_file(&screenshot);
    let _ = std::fs::remove_file(&narrow);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/granska.mjs");
    let out = Command::new("node")
        .arg(&script)
        .arg(&report)
        .arg(&screenshot)
        .args(extra)
        .output()
        .expect("node saknas; installera Node.js (se tests/browser.rs)");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{name}:\n{text}");
    for width in [1280, 400] {
        assert!(
            text.contains(&format!("axe: {width} px: ")),
            "axe did not run at {width} px:\n{text}"
        );
    }
    assert_eq!(text.matches(" 0 överträdelser").count(), 2, "{text}");
    assert!(text.contains("400 px: 0 element sticker ut"), "{text}");
    for shot in [&screenshot, &narrow] {
        assert!(
            std::fs::metadata(shot).is_ok_and(|m| m.len() > 10_000),
            "ingen skärmbild: {}",
            shot.display()
        );
    }
    println!(
        "{text}skärmbilder: {} och {}",
        screenshot.display(),
        narrow.display()
    );
}

#[test]
#[ignore = "needs chromium and node; run by .ci/run with --include-ignored"]
fn the_report_of_data_in_chromium() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let cases = filter_cases(&data, "data");
    let cases = cases.to_str().unwrap();
    granska(
        &stdout(&resurs(&data, &["rapport", "--format", "html"])),
        "data",
        &["--fall", cases],
    );
    granska(
        &stdout(&resurs(&data, &["rapport", "--format", "html", "--publik"])),
        "data-publik",
        &["--fall", cases],
    );
}

#[test]
#[ignore = "needs chromium and node; run by .ci/run with --include-ignored"]
fn hostile_data_runs_no_script_in_chromium() {
    let d = layered(&["bas", "fientlig"]);
    granska(
        &stdout(&resurs(d.path(), &["rapport", "--format", "html"])),
        "fientlig",
        &["--bara-rendering"],
    );
}

#[test]
#[ignore = "needs chromium and node; run by .ci/run with --include-ignored"]
fn long_words_urls_and_ids_wrap_at_400_px() {
    let d = layered(&["bas"]);
    let word = "Flyktingmottagningsintroduktionssamordningsverksamhetsutvecklingsprojektet";
    let id = "insatsmedettmycketlangtidsomintebrytsnagonstansalls";
    let url = format!(
        "https://example.org/{}/{}?fraga={word}",
        "a".repeat(80),
        word
    );
    std::fs::write(
        d.path()
            .join(format!("aktorer/diakonicentrum/insatser/{id}.toml")),
        format!(
            "namn = \"{word}\"\nbeskrivning = \"Om {word} och {url} i löptext.\"\nbehov = [\"samtalsstod\"]\nmalgrupper = [\"alla\"]\nstatus = \"aktiv\"\nsprak = [\"sv\"]\nwebb = \"{url}\"\nepost = \"{}@example.org\"\nkontaktvag = \"Se <{url}>.\"\nsenast_granskad = 2026-09-15\n",
            "x".repeat(70)
        ),
    )
    .unwrap();
    let out = resurs(d.path(), &["validera"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let html = stdout(&resurs(d.path(), &["rapport", "--format", "html"]));
    assert!(
        html.contains(&format!("href=\"{url}\"")),
        "the offering is in the report"
    );
    granska(&html, "langa-ord", &["--bara-rendering"]);
}

/// The value of attribute `name` in the first tag of `html` that has it.
fn attr<'a>(html: &'a str, name: &str) -> &'a str {
    let start = html.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
    &html[start..start + html[start..].find('"').unwrap()]
}

/// What the browser tests rely on, checked without a browser so that every `cargo test` runs
/// it: the search words of each row, descriptions outside the (bold) row header, a label on
/// every cell for the stacked cards, and folds.
#[test]
fn the_map_has_search_words_card_labels_and_folds() {
    let d = layered(&["bas", "matcha"]);
    let html = stdout(&resurs(d.path(), &["rapport", "--format", "html"]));
    let row = |id: &str| -> &str {
        let start = html
            .find(&format!("<tr data-id=\"{id}\""))
            .unwrap_or_else(|| panic!("no row {id}"));
        &html[start..start + html[start..].find("</tr>").unwrap()]
    };
    // Category id, label and synonym; target group label and synonym; areas; actor.
    let sok = attr(row("foraldraforening/foraldragrupp"), "data-sok");
    for word in [
        "samtalsstod",
        "Samtalsstöd",
        "stödsamtal",
        "Föräldrar",
        "parents",
        "Alvesta",
        "Föräldraföreningen",
    ] {
        assert!(
            sok.split(' ').any(|w| w == word),
            "{word} in data-sok=\"{sok}\""
        );
    }
    // The row header is the name alone; the description has a cell of its own.
    assert!(
        row("diakonicentrum/samtalsstod").contains(
            "<th scope=\"row\">Samtalsstöd</th><td><div class=\"data\"><p>Råd och stöd, inte terapi.</p>"
        ),
        "{}",
        row("diakonicentrum/samtalsstod")
    );
    // Each table that becomes cards: every cell but the description carries its column's
    // header as data-label.
    let mut tables = 0;
    for table in html.split("<table class=\"kort\">").skip(1) {
        let table = &table[..table.find("</table>").unwrap()];
        let head = &table[table.find("<thead>").unwrap()..table.find("</thead>").unwrap()];
        let headers: Vec<&str> = head
            .split("<th scope=\"col\">")
            .skip(1)
            .map(|h| &h[..h.find("</th>").unwrap()])
            .collect();
        let body = &table[table.find("<tbody>").unwrap()..];
        for tr in body.split("<tr").skip(1) {
            let cells: Vec<&str> = tr.split("<td").skip(1).collect();
            assert_eq!(cells.len() + 1, headers.len(), "{tr}");
            for (cell, header) in cells.iter().zip(&headers[1..]) {
                if *header == "Om insatsen" {
                    assert!(cell.starts_with('>'), "{cell}");
                } else {
                    assert!(
                        cell.starts_with(&format!(" data-label=\"{header}\">")),
                        "{header}: {cell}"
                    );
                }
            }
        }
        tables += 1;
    }
    assert_eq!(tables, 4, "three categories and the open actions");
    // The long sections and the map's groups fold, open to begin with.
    assert_eq!(
        html.matches("<details class=\"fall\" open>\n<summary><h2 id=\"")
            .count(),
        5
    );
    assert_eq!(
        html.matches("<details class=\"fall\" open>\n<summary><h3 id=\"grupp-")
            .count(),
        2
    );
}
