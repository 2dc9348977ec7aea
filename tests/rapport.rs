//! `resurs rapport`: snapshots of the Markdown and HTML of a fixture, hostile input that must
//! stay text, nothing internal in `--publik`, and files that are never overwritten by accident.
//! The browser checks of the HTML (axe-core, the filter, no-JS, print) are in tests/browser.rs.

mod common;

use std::path::Path;

use common::{assert_expected, fixtures, layered, resurs, stderr, stdout};

#[test]
fn markdown_and_html_snapshots() {
    let d = layered(&["bas", "matcha"]);
    let out = resurs(d.path(), &["rapport"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_expected(&fixtures().join("matcha/_rapport.md"), &stdout(&out));
    let out = resurs(d.path(), &["rapport", "--format", "html"]);
    assert_expected(&fixtures().join("matcha/_rapport.html"), &stdout(&out));
}

#[test]
fn the_report_has_every_part_with_gaps_first() {
    let d = layered(&["bas", "matcha"]);
    let md = stdout(&resurs(d.path(), &["rapport"]));
    let order = [
        "# Testkarta",
        "> **Intern version.**",
        "Skapad 2026-11-25.",
        "## Sammanfattning",
        "- 3 aktörer, 5 insatser, 7 behov.",
        "## Resurskartan",
        "### Psykisk hälsa och samtalsstöd",
        "#### Samtalsstöd",
        "## Aktörer",
        "### Diakonicentrum",
        "## Behov och täckning",
        "### Vinterkläder – saknas",
        "### Samtalsstöd på ukrainska – delvis",
        "### Mat i Växjö – täckt",
        "## Öppna åtgärder",
        "- **Röda Korset Växjö (rodakorset-vaxjo)**: Fråga kommunerna om matbanker. (öppen, senast 2026-06-30, **försenad**",
        "## Att granska",
    ];
    let mut pos = 0;
    for part in order {
        let found = md[pos..]
            .find(part)
            .unwrap_or_else(|| panic!("saknas efter position {pos}: {part}\n{md}"));
        pos += found + part.len();
    }
    assert!(
        !md.contains("Matbank"),
        "ended offerings are not in the map"
    );
}

#[test]
fn kommun_and_behov_narrow_the_report() {
    let d = layered(&["bas", "matcha"]);
    let md = stdout(&resurs(d.path(), &["rapport", "--kommun", "Alvesta"]));
    assert!(md.contains("Urval: Alvesta."), "{md}");
    assert!(md.contains("Föräldragrupp"), "{md}");
    assert!(
        md.contains("| Samtalsstöd | Diakonicentrum |"),
        "the län reaches Alvesta\n{md}"
    );
    assert!(
        !md.contains("| Matkassar | Röda Korset Växjö |"),
        "Växjö does not reach Alvesta\n{md}"
    );
    let md = stdout(&resurs(d.path(), &["rapport", "--behov", "mat"]));
    assert!(md.contains("#### Mat och matkassar"), "{md}");
    assert!(!md.contains("#### Samtalsstöd"), "{md}");
    assert!(
        !md.contains("### Föräldraföreningen"),
        "actors without offerings in the selection\n{md}"
    );
}

/// Every internal value of the `intern` fixture, read from its files.
fn internal_values() -> Vec<String> {
    let mut values = Vec::new();
    for entry in walkdir::WalkDir::new(fixtures().join("intern"))
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let doc: toml::Table = std::fs::read_to_string(entry.path())
            .unwrap()
            .parse()
            .unwrap();
        collect(&toml::Value::Table(doc), &mut values);
    }
    assert!(values.len() >= 12, "{values:?}");
    values
}

fn collect(v: &toml::Value, out: &mut Vec<String>) {
    let Some(t) = v.as_table() else {
        if let Some(a) = v.as_array() {
            for x in a {
                collect(x, out);
            }
        }
        return;
    };
    if let Some(s) = t.get("intern_anteckning").and_then(toml::Value::as_str) {
        out.push(s.to_owned());
    }
    if let Some(kontakter) = t.get("kontakt").and_then(toml::Value::as_array) {
        for k in kontakter.iter().filter_map(toml::Value::as_table) {
            if k.get("publik").and_then(toml::Value::as_bool) != Some(true) {
                for key in ["namn", "roll", "epost", "telefon"] {
                    if let Some(s) = k.get(key).and_then(toml::Value::as_str) {
                        out.push(s.to_owned());
                    }
                }
            }
        }
    }
    if let Some(p) = t.get("plats").and_then(toml::Value::as_table) {
        if p.get("skyddad").and_then(toml::Value::as_bool) == Some(true) {
            out.push(p["adress"].as_str().unwrap().to_owned());
        }
    }
    for (_, x) in t {
        collect(x, out);
    }
}

#[test]
fn publik_leaves_out_everything_internal() {
    let d = layered(&["bas", "intern"]);
    let values = internal_values();
    for format in ["md", "html"] {
        let publik = stdout(&resurs(
            d.path(),
            &["rapport", "--publik", "--format", format],
        ));
        let intern = stdout(&resurs(d.path(), &["rapport", "--format", format]));
        for v in &values {
            // As written, and as escaped for HTML and for Markdown.
            let forms = [
                v.clone(),
                resurs::render::escape::html::esc(v),
                resurs::render::escape::markdown::text(v),
            ];
            assert!(
                !forms.iter().any(|f| publik.contains(f.as_str())),
                "{format}: `{v}` läckte i --publik"
            );
            assert!(
                forms.iter().any(|f| intern.contains(f.as_str())),
                "{format}: `{v}` saknas i den interna rapporten"
            );
        }
        assert!(
            publik.contains("volontar@redcross.se"),
            "public contacts stay"
        );
        assert!(!publik.contains("Intern version"), "{format}");
        assert!(intern.contains("Intern version"), "{format}");
        assert!(
            publik.contains("Boendet"),
            "the place's name stays, only the address goes"
        );
    }
}

#[test]
fn hostile_input_stays_text() {
    let d = layered(&["bas", "fientlig"]);
    let html = stdout(&resurs(d.path(), &["rapport", "--format", "html"]));
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the report's own script"
    );
    for forbidden in [
        "<img",
        "<iframe",
        "<svg",
        "<style>body",
        "<b onclick",
        "<div onmouseover",
        "href=\"javascript",
        "href=\"JAVASCRIPT",
        "href=\"data:",
        "href=\"vbscript",
        "spåra.png",
        "\" onmouseover=\"",
        "' onfocus='",
        "</title><script",
        "</td></tr></table>",
    ] {
        assert!(!html.contains(forbidden), "`{forbidden}` i HTML-rapporten");
    }
    assert!(
        html.contains("&lt;script&gt;alert('beskrivning')&lt;/script&gt;"),
        "raw HTML shown as text"
    );
    assert!(
        html.contains("&lt;iframe src="),
        "an HTML block is shown as text"
    );
    assert!(
        html.contains("<a href=\"tel:0470-12345\">ring</a>"),
        "safe links stay"
    );
    assert!(
        html.contains("<a href=\"https://ok.example/\">"),
        "autolinks stay"
    );
    let md = stdout(&resurs(d.path(), &["rapport"]));
    for forbidden in [
        "<script",
        "<img",
        "<iframe",
        "<svg",
        "<div",
        "](javascript",
        "](JAVASCRIPT",
        "](data:",
        "](vbscript",
        "spåra.png",
        "<https://ok.example/\"",
    ] {
        assert!(
            !md.contains(forbidden),
            "`{forbidden}` i Markdown-rapporten"
        );
    }
}

#[test]
fn an_existing_file_is_never_overwritten_unless_asked() {
    let d = layered(&["bas"]);
    let target = d.path().join("rapport.html");
    std::fs::write(&target, "min egen fil").unwrap();
    let out = resurs(
        d.path(),
        &[
            "rapport",
            "--format",
            "html",
            "-o",
            target.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "fel: `{}` finns redan; lägg till --skriv-over för att ersätta den\n",
            target.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "min egen fil");

    let out = resurs(
        d.path(),
        &[
            "rapport",
            "--format",
            "html",
            "-o",
            target.to_str().unwrap(),
            "--skriv-over",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("<!doctype html>")
    );

    let new = d.path().join("ny.md");
    let out = resurs(d.path(), &["rapport", "-o", new.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
    assert!(
        std::fs::read_to_string(&new)
            .unwrap()
            .starts_with("# Testkarta")
    );
    let leftovers: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

#[test]
fn the_html_report_is_self_contained() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let html = stdout(&resurs(&data, &["rapport", "--format", "html", "--publik"]));
    assert!(html.starts_with("<!doctype html>\n<html lang=\"sv\">"));
    assert!(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-"));
    for external in ["<link", "src=\"http", "@import", "url(", "<img"] {
        assert!(
            !html.contains(external),
            "`{external}`: the report may not fetch anything"
        );
    }
    // Headings in order: no level is skipped.
    let mut last = 1;
    for (i, _) in html.match_indices("<h") {
        if let Some(level) = html[i + 2..].chars().next().and_then(|c| c.to_digit(10)) {
            assert!(level <= last + 1, "h{level} after h{last}");
            last = level;
        }
    }
    assert!(html.contains("<th scope=\"col\">Insats</th>"));
}
