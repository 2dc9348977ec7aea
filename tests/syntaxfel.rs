//! Syntax errors (E001) as a person makes them by hand, through the real binary: every problem
//! of a file in one run (a broken line hides nothing else), and every syntax error in Swedish
//! with the corrected line where the fix is clear.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::{case_folder, resurs, stderr, stdout};
use proptest::prelude::*;

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// `(kod, rad, meddelande, förslag)` of every problem in `file`, from `validera --format json`.
fn problems(data: &Path, file: &str) -> Vec<(String, u64, String, Option<String>)> {
    let out = resurs(data, &["validera", "--format", "json"]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .filter(|p| p["fil"] == file)
        .map(|p| {
            (
                p["kod"].as_str().unwrap().to_owned(),
                p["rad"].as_u64().unwrap(),
                p["meddelande"].as_str().unwrap().to_owned(),
                p["forslag"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

const FIL: &str = "aktorer/diakonicentrum/insatser/gruppstod.toml";

/// The hand-edited offering of the issue: a syntax error and six other mistakes.
const HANDSKRIVEN: &str = "\
namn = \"Psykosocialt gruppstöd\"
beskrivning = \"Samtal i grupp för vuxna.\"
behov = [\"Samtalsstöd\"]
malgrupper = [\"alla\"]
status = \"aktiv\"
sprak = [\"arabiska\"]
omraden = [\"Växsjö\"]
tolk = \"ja\"
epostt = \"grupp@diakonicentrum.se\"
kontakt = [{ roll = \"samordnare\", epost = \"grupp(at)diakonicentrum.se\" }]
senast_granskad = 2026-13-01
";

#[test]
fn a_syntax_error_hides_none_of_the_other_six_mistakes() {
    let dir = case_folder("bas");
    write(dir.path(), FIL, HANDSKRIVEN);
    let found: Vec<(String, u64)> = problems(dir.path(), FIL)
        .into_iter()
        .map(|(code, line, ..)| (code, line))
        .collect();
    let expected = [
        ("E004", 3),  // the label, not the id
        ("E004", 6),  // an unknown language
        ("E009", 7),  // an unknown area
        ("E005", 8),  // a wrong type
        ("E002", 9),  // a misspelled key
        ("E010", 10), // a bad e-mail address
        ("E001", 11), // the syntax error
    ];
    let expected: Vec<(String, u64)> = expected
        .iter()
        .map(|(c, l)| ((*c).to_owned(), *l))
        .collect();
    // `senast_granskad` is not reported missing: its line has the syntax error.
    assert_eq!(found, expected);

    let out = resurs(dir.path(), &["validera"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains(
            "fel[E001]: det finns ingen månad 13 i `2026-13-01`; datum skrivs år-månad-dag\n  \
             --> aktorer/diakonicentrum/insatser/gruppstod.toml:11:19\n   \
             |\n\
             11 | senast_granskad = 2026-13-01\n   \
             |                   ^^^^^^^^^^ skriv år-månad-dag\n   \
             |\n   \
             = förslag: `senast_granskad = 2026-01-13`\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("   = förslag: `senast_granskad = 2026-01-13`\n"),
        "{text}"
    );
    assert!(
        text.contains("= förslag: `samtalsstod` (Samtalsstöd)"),
        "{text}"
    );
    assert!(
        text.ends_with(
            "7 problem i 1 fil (7 fel, 0 varningar). 2 aktörer, 3 insatser, 1 behov lästes.\n"
        ),
        "{text}"
    );
}

#[test]
fn several_syntax_errors_are_all_reported_with_the_rest() {
    let dir = case_folder("bas");
    let text = HANDSKRIVEN
        .replace(
            "namn = \"Psykosocialt gruppstöd\"",
            "namn = Psykosocialt gruppstöd",
        )
        .replace(
            "status = \"aktiv\"",
            "giltig_till = 31/12/2027\nstatus = \"aktiv\"",
        );
    write(dir.path(), FIL, &text);
    let found = problems(dir.path(), FIL);
    let codes: Vec<(&str, u64)> = found.iter().map(|(c, l, ..)| (c.as_str(), *l)).collect();
    assert_eq!(
        codes,
        [
            ("E001", 1),
            ("E004", 3),
            ("E001", 5),
            ("E004", 7),
            ("E009", 8),
            ("E005", 9),
            ("E002", 10),
            ("E010", 11),
            ("E001", 12),
        ]
    );
    assert_eq!(
        found[0].3.as_deref(),
        Some("namn = \"Psykosocialt gruppstöd\"")
    );
    assert_eq!(found[2].3.as_deref(), Some("giltig_till = 2027-12-31"));
}

/// A valid offering; each case puts its broken line in place of the line of its key.
const GILTIG: &str = "\
namn = \"Gruppstöd\"
beskrivning = \"Samtal i grupp.\"
behov = [\"samtalsstod\"]
malgrupper = [\"alla\"]
status = \"aktiv\"
giltig_till = 2027-12-31
plats = { namn = \"Kyrkan\", kommun = \"Växjö\" }
senast_granskad = 2026-09-15
";

/// `(the line as written, the message, the corrected line)`.
const FEL: &[(&str, &str, Option<&str>)] = &[
    (
        "namn = Språkcafé Tingsryd",
        "texten `Språkcafé Tingsryd` står utan citattecken",
        Some("namn = \"Språkcafé Tingsryd\""),
    ),
    (
        "namn = Språkcafé \"Tingsryd\"",
        "texten `Språkcafé \"Tingsryd\"` står utan citattecken",
        Some("namn = \"Språkcafé \\\"Tingsryd\\\"\""),
    ),
    (
        "giltig_till = 31/12/2027",
        "datum skrivs ÅÅÅÅ-MM-DD (år-månad-dag), inte `31/12/2027`",
        Some("giltig_till = 2027-12-31"),
    ),
    (
        "giltig_till = 2027-31-12",
        "det finns ingen månad 31 i `2027-31-12`; datum skrivs år-månad-dag",
        Some("giltig_till = 2027-12-31"),
    ),
    (
        "giltig_till = 31-12-2027",
        "datum skrivs ÅÅÅÅ-MM-DD (år-månad-dag), inte `31-12-2027`",
        Some("giltig_till = 2027-12-31"),
    ),
    (
        "giltig_till = 2027/12/31",
        "datum skrivs med bindestreck och två siffror för månad och dag, inte `2027/12/31`",
        Some("giltig_till = 2027-12-31"),
    ),
    (
        "giltig_till = 05/06/2027",
        "datum skrivs ÅÅÅÅ-MM-DD, inte `05/06/2027`",
        None,
    ),
    (
        "giltig_till = 2027-02-30",
        "det finns ingen 30 februari 2027: februari har 28 dagar",
        None,
    ),
    (
        "namn \"Gruppstöd\"",
        "`=` saknas efter nyckeln `namn`",
        Some("namn = \"Gruppstöd\""),
    ),
    (
        "namn = \"Gruppstöd",
        "texten avslutas inte: `\"` saknas i slutet",
        Some("namn = \"Gruppstöd\""),
    ),
    (
        "behov = [\"samtalsstod\"",
        "listan avslutas inte med `]`",
        Some("behov = [\"samtalsstod\"]"),
    ),
    (
        "plats = { namn = \"Kyrkan\", kommun = \"Växjö\"",
        "tabellen avslutas inte med `}`",
        Some("plats = { namn = \"Kyrkan\", kommun = \"Växjö\" }"),
    ),
    (
        "behov = [\"samtalsstod\",, \"mat\"]",
        "ett kommatecken för mycket",
        Some("behov = [\"samtalsstod\", \"mat\"]"),
    ),
    (
        "behov = [\"samtalsstod\" \"mat\"]",
        "kommatecken saknas mellan värdena i listan",
        Some("behov = [\"samtalsstod\", \"mat\"]"),
    ),
    (
        "status = \"aktiv\", tolk = true",
        "två nycklar på samma rad",
        None,
    ),
    (
        "beskrivning = \"Se C:\\Dokument\"",
        "ett bakstreck i en text skrivs dubbelt",
        Some("beskrivning = \"Se C:\\\\Dokument\""),
    ),
    (
        "sprak = arabiska, sv",
        "texten `arabiska, sv` står utan citattecken",
        Some("sprak = [\"arabiska\", \"sv\"]"),
    ),
    (
        "tolk = ja",
        "`ja` är inget sanningsvärde",
        Some("tolk = true"),
    ),
    (
        "min_alder = 1 8",
        "`1 8` är inget heltal",
        Some("min_alder = 18"),
    ),
    (
        "senast granskad = 2026-09-15",
        "nyckeln `senast granskad` har mellanrum",
        Some("senast_granskad = 2026-09-15"),
    ),
    (
        "språk = [\"sv\"]",
        "nyckeln `språk` har tecken som inte får stå i en nyckel",
        Some("sprak = [\"sv\"]"),
    ),
    ("status =", "värdet saknas efter `=`", None),
];

fn key_of(line: &str) -> &str {
    line.split([' ', '=']).next().unwrap()
}

/// `GILTIG` with `line` in place of the line of its key (or added before the last line).
fn with_line(line: &str) -> (String, u64) {
    let key = key_of(line).replace("senast", "senast_granskad");
    let mut lines: Vec<&str> = GILTIG.lines().collect();
    let n = if let Some(n) = lines.iter().position(|l| key_of(l) == key) {
        lines[n] = line;
        n
    } else {
        lines.insert(lines.len() - 1, line);
        lines.len() - 2
    };
    (lines.join("\n") + "\n", n as u64 + 1)
}

/// Words of the parser's English that must never reach a user.
const ENGLISH: &[&str] = &[
    "expected",
    "invalid",
    "string",
    "quoted",
    "unexpected",
    "missing",
    "duplicate",
    "unclosed",
    " value",
    "table",
    "array",
    "literal",
    "newline",
];

#[test]
fn every_hand_made_syntax_error_is_said_in_swedish_with_the_corrected_line() {
    let dir = case_folder("bas");
    for (i, (line, ..)) in FEL.iter().enumerate() {
        write(
            dir.path(),
            &format!("aktorer/diakonicentrum/insatser/fel-{i:02}.toml"),
            &with_line(line).0,
        );
    }
    for (i, (line, message, fixed)) in FEL.iter().enumerate() {
        let file = format!("aktorer/diakonicentrum/insatser/fel-{i:02}.toml");
        let found = problems(dir.path(), &file);
        let syntax: Vec<_> = found.iter().filter(|p| p.0 == "E001").collect();
        assert_eq!(syntax.len(), 1, "{line}: {found:#?}");
        let (_, at, got, suggestion) = syntax[0];
        assert_eq!((got.as_str(), *at), (*message, with_line(line).1), "{line}");
        assert_eq!(suggestion.as_deref(), *fixed, "{line}");
        // Nothing else is reported: the unread key is not "missing".
        assert!(found.iter().all(|p| p.0 == "E001"), "{line}: {found:#?}");
    }
    for format in ["text", "kort", "github"] {
        let out = resurs(dir.path(), &["validera", "--format", format]);
        let all = stdout(&out).to_lowercase() + &stderr(&out).to_lowercase();
        for word in ENGLISH {
            assert!(!all.contains(word), "{format}: `{word}` i\n{all}");
        }
    }
    // An ambiguous date lists both readings.
    let out = resurs(dir.path(), &["validera", "--format", "kort"]);
    assert!(
        stdout(&out).contains(
            "fel-06.toml:6:15: fel[E001]: datum skrivs ÅÅÅÅ-MM-DD, inte `05/06/2027`; menar du 5 juni (`2027-06-05`) eller 6 maj (`2027-05-06`)? skriv det som ÅÅÅÅ-MM-DD\n"
        ),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_key_or_table_written_twice_names_the_line_where_it_first_stands() {
    let dir = case_folder("bas");
    let twice = GILTIG.replace(
        "status = \"aktiv\"",
        "status = \"aktiv\"\nnamn = \"Gruppstöd igen\"",
    );
    write(dir.path(), FIL, &twice);
    let found = problems(dir.path(), FIL);
    assert_eq!(
        found,
        [(
            "E001".to_owned(),
            6,
            "nyckeln `namn` står redan på rad 1".to_owned(),
            None
        )]
    );
    let tables =
        format!("{GILTIG}[[kontakt]]\nroll = \"a\"\n\n[[kontakt]]\nroll = \"b\"\nroll = \"c\"\n");
    write(dir.path(), FIL, &tables);
    let found = problems(dir.path(), FIL);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].1, found[0].2.as_str()),
        (14, "nyckeln `roll` står redan på rad 13")
    );
}

#[test]
fn a_broken_offering_is_still_left_out_of_a_search() {
    let dir = case_folder("bas");
    write(dir.path(), FIL, &with_line("giltig_till = 31/12/2027").0);
    let out = resurs(
        dir.path(),
        &["sok", "--behov", "samtalsstod", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stdout(&out).contains("gruppstod"), "{}", stdout(&out));
    assert_eq!(stderr(&out), "1 fil hoppades över; kör `resurs validera`\n");
    // Nor shown: what could be read of it has stand-ins for `validera`'s checks only.
    write(
        dir.path(),
        FIL,
        &with_line("senast_granskad = 2026-13-01").0,
    );
    let out = resurs(dir.path(), &["visa", "diakonicentrum/gruppstod"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(
        stderr(&out)
            == ("1 fil hoppades över; kör `resurs validera`\nfel: `aktorer/diakonicentrum/insatser/gruppstod.toml` har fel och visas inte; kör `resurs validera` och rätta filen först.\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_large_file_full_of_syntax_errors_is_checked_in_linear_time() {
    let dir = case_folder("bas");
    // 60,000 broken lines of kinds that each make more work (about 700 kB, under the limit).
    let mut text = String::from(GILTIG);
    for i in 0..15_000 {
        let _ = write!(
            text,
            "k{i} = x {i}\nnamn = \"a\"\nbehov = [\n[[kontakt]]\nepost = y\n"
        );
    }
    write(dir.path(), FIL, &text);
    let start = std::time::Instant::now();
    let out = resurs(dir.path(), &["validera"]);
    let took = start.elapsed();
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("fel[E001]"));
    // Quadratic work here took minutes; linear takes a second or two, in a debug build.
    assert!(took < std::time::Duration::from_secs(40), "{took:?}");
}

/// Lines of a data file, good and broken the ways people break them.
fn lines() -> impl Strategy<Value = String> {
    let line = prop::sample::select(vec![
        "namn = \"Gruppstöd\"",
        "namn = Gruppstöd",
        "namn \"x\"",
        "beskrivning = \"\"\"",
        "Text över flera rader",
        "\"\"\"",
        "behov = [\"samtalsstod\"",
        "behov = [\"samtalsstod\", \"mat\"]",
        "behov = [",
        "  \"mat\",",
        "]",
        "malgrupper = [\"alla\"]",
        "status = \"aktiv\"",
        "giltig_till = 31/12/2027",
        "senast_granskad = 2026-13-01",
        "senast_granskad = 2026-09-15",
        "plats = { namn = \"K\", namn = \"L\" }",
        "plats = { namn = \"K\"",
        "[plats",
        "[[kontakt]]",
        "roll = \"a\"",
        "epost = x@y",
        "tolk = ja, min_alder = 1,5",
        "å = \"\\q\"",
        "= 1",
        "# kommentar",
        "",
        "'",
        "{",
        "]]",
    ]);
    prop::collection::vec(line, 0..14).prop_map(|l| l.join("\n"))
}

proptest! {
    #![proptest_config(common::proptest_config())]

    #[test]
    fn broken_files_never_panic_and_every_syntax_error_is_swedish(text in lines(), kind in 0u8..3) {
        use resurs::model::schema::Kind;
        let (kind, rel) = match kind {
            0 => (Kind::Aktor, "aktorer/p/aktor.toml"),
            1 => (Kind::Insats, "aktorer/p/insatser/p.toml"),
            _ => (Kind::Behov, "behov/p.toml"),
        };
        let today = resurs::date::Datum::new(2026, 11, 25).unwrap();
        let problems = resurs::validate::check_one(common::bas(), kind, Path::new(rel), text.as_bytes(), today);
        let refused = toml::de::DeTable::parse(&text).is_err();
        prop_assert_eq!(refused, problems.iter().any(|p| p.code.as_str() == "E001"), "{:?}", problems);
        for p in &problems {
            prop_assert!(p.line >= 1 && p.column >= 1);
            prop_assert!(p.line <= text.lines().count().max(1) + 1, "{:?}", p);
            if p.code.as_str() == "E001" {
                let lower = p.message.to_lowercase();
                for word in ENGLISH {
                    prop_assert!(!lower.contains(word), "{:?}", p);
                }
            }
        }
        if let Some(readable) = resurs::checks::syntax::readable(&text) {
            prop_assert_eq!(readable.len(), text.len());
            prop_assert_eq!(readable.lines().count(), text.lines().count());
            prop_assert!(toml::de::DeTable::parse(&readable).is_ok());
        }
    }
}
