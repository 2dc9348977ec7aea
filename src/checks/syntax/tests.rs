//! Tests of the syntax checks: every kind of syntax error with its line, message and fix.

use super::*;
use crate::diagnostic::Loc;
use crate::source::line_col;

/// `(line, message, suggestion)` of every syntax error of an offering file.
fn errors(text: &str) -> Vec<(usize, String, Option<String>)> {
    recover(Path::new("x.toml"), text, Kind::Insats)
        .problems
        .into_iter()
        .map(|p| {
            let Loc::Span(s) = &p.loc else {
                panic!("{p:?}")
            };
            (line_col(text, s.start).0, p.message, p.suggestion)
        })
        .collect()
}

fn one(text: &str) -> (String, Option<String>) {
    let e = errors(text);
    assert_eq!(e.len(), 1, "{text:?}: {e:#?}");
    (e[0].1.clone(), e[0].2.clone())
}

fn suggestion(text: &str) -> String {
    one(text)
        .1
        .unwrap_or_else(|| panic!("{text:?}: inget förslag"))
}

#[test]
fn dates_in_another_order_get_the_corrected_line() {
    assert_eq!(
        suggestion("giltig_till = 31/12/2027\n"),
        "giltig_till = 2027-12-31"
    );
    assert_eq!(
        suggestion("giltig_till = 2027-31-12\n"),
        "giltig_till = 2027-12-31"
    );
    assert_eq!(
        suggestion("giltig_till = 31-12-2027\n"),
        "giltig_till = 2027-12-31"
    );
    assert_eq!(
        suggestion("giltig_till = 2027/12/31 # slut\n"),
        "giltig_till = 2027-12-31 # slut"
    );
    assert_eq!(
        one("senast_granskad = 2026-13-01\n").0,
        "det finns ingen månad 13 i `2026-13-01`; datum skrivs år-månad-dag"
    );
    let (message, fix) = one("giltig_fran = 05/06/2027\n");
    assert_eq!(message, "datum skrivs ÅÅÅÅ-MM-DD, inte `05/06/2027`");
    assert_eq!(fix, None);
}

#[test]
fn unquoted_text_gets_quotes() {
    assert_eq!(
        suggestion("namn = Språkcafé Tingsryd\n"),
        "namn = \"Språkcafé Tingsryd\""
    );
    assert_eq!(
        suggestion("namn = Språkcafé \"Tingsryd\" i C:\\stan\n"),
        "namn = \"Språkcafé \\\"Tingsryd\\\" i C:\\\\stan\""
    );
    assert_eq!(
        one("namn = Språkcafé Tingsryd\n").0,
        "texten `Språkcafé Tingsryd` står utan citattecken"
    );
    // A list of texts becomes a list.
    assert_eq!(
        suggestion("sprak = arabiska, sv\n"),
        "sprak = [\"arabiska\", \"sv\"]"
    );
    let e = errors("sprak = [arabiska, sv]\n");
    assert_eq!(e[0].1, "texten `arabiska` står utan citattecken");
    assert_eq!(e[1].1, "texten `sv` står utan citattecken");
    assert_eq!(e[0].2.as_deref(), Some("sprak = [\"arabiska\", \"sv\"]"));
    assert_eq!(suggestion("tolk = ja\n"), "tolk = true");
    assert_eq!(suggestion("min_alder = 018\n"), "min_alder = 18");
}

#[test]
fn a_missing_equals_sign_or_a_gap_in_a_key() {
    assert_eq!(
        one("namn \"Gruppstöd\"\n").0,
        "`=` saknas efter nyckeln `namn`"
    );
    assert_eq!(suggestion("namn \"Gruppstöd\"\n"), "namn = \"Gruppstöd\"");
    assert_eq!(suggestion("namn Gruppstöd\n"), "namn = \"Gruppstöd\"");
    assert_eq!(suggestion("min alder = 18\n"), "min_alder = 18");
    assert_eq!(suggestion("na mn = \"x\"\n"), "namn = \"x\"");
    assert_eq!(suggestion("språk = [\"sv\"]\n"), "sprak = [\"sv\"]");
}

#[test]
fn unclosed_strings_lists_tables_and_headers() {
    assert_eq!(suggestion("namn = \"Gruppstöd\n"), "namn = \"Gruppstöd\"");
    assert_eq!(
        suggestion("behov = [\"mat\", \"kläder\"\n"),
        "behov = [\"mat\", \"kläder\"]"
    );
    assert_eq!(
        suggestion("plats = { namn = \"Kyrkan\"\n"),
        "plats = { namn = \"Kyrkan\" }"
    );
    assert_eq!(suggestion("[plats\n"), "[plats]");
    assert_eq!(suggestion("[[kontakt]\n"), "[[kontakt]]");
    // Over several lines the list is cut where the next key starts; the rest is read.
    let text = "behov = [\n  \"mat\",\n  \"kläder\"\nmalgrupper = [\"alla\"]\nnamn = x y\n";
    let e = errors(text);
    assert_eq!(e.len(), 2, "{e:#?}");
    assert_eq!(
        (e[0].0, e[0].1.as_str()),
        (1, "listan avslutas inte med `]`")
    );
    assert_eq!(e[1].0, 5);
    let r = recover(Path::new("x.toml"), text, Kind::Insats);
    let readable = r.readable.unwrap();
    assert!(readable.contains("malgrupper = [\"alla\"]"), "{readable}");
}

#[test]
fn commas_escapes_and_stray_text() {
    assert_eq!(
        one("behov = [\"mat\" \"kläder\"]\n").0,
        "kommatecken saknas mellan värdena i listan"
    );
    assert_eq!(
        suggestion("behov = [\"mat\" \"kläder\" \"tak\"]\n"),
        "behov = [\"mat\", \"kläder\", \"tak\"]"
    );
    assert_eq!(
        suggestion("behov = [\"mat\",, \"kläder\"]\n"),
        "behov = [\"mat\", \"kläder\"]"
    );
    assert_eq!(
        suggestion("kontaktvag = \"C:\\mapp\"\n"),
        "kontaktvag = \"C:\\\\mapp\""
    );
    assert_eq!(suggestion("lan = 07\n"), "lan = \"07\"");
    assert_eq!(
        one("tolk = true, min_alder = 3\n").0,
        "två nycklar på samma rad"
    );
    assert_eq!(
        suggestion("namn = \"Röda \"Korset\"\"\n"),
        "namn = \"Röda \\\"Korset\\\"\""
    );
    assert_eq!(suggestion("min_alder = 1,5\n"), "min_alder = 1.5");
    assert_eq!(suggestion("[plats]]\n"), "[plats]");
    assert_eq!(suggestion("namn == \"x\"\n"), "namn = \"x\"");
    assert_eq!(one("namn =\n").0, "värdet saknas efter `=`");
}

#[test]
fn a_key_or_table_twice_names_the_line_where_it_first_stands() {
    let e = errors("namn = \"a\"\nbeskrivning = \"b\"\nnamn = \"c\"\n");
    assert_eq!(
        e,
        [(3, "nyckeln `namn` står redan på rad 1".to_owned(), None)]
    );
    let e = errors("[plats]\nnamn = \"a\"\n\n[plats]\nnamn = \"b\"\n");
    assert_eq!(e[0].1, "tabellen `[plats]` står redan på rad 1");
    let e = errors("[[kontakt]]\nnamn = \"a\"\n[[kontakt]]\nnamn = \"b\"\nnamn = \"c\"\n");
    assert_eq!(
        e,
        [(5, "nyckeln `namn` står redan på rad 4".to_owned(), None)]
    );
    let e = errors("plats = { namn = \"a\", namn = \"b\" }\n");
    assert_eq!(e[0].1, "nyckeln `namn` står redan tidigare på raden");
}

#[test]
fn every_error_of_a_file_is_reported_and_the_rest_is_read() {
    let text = "namn = Gruppstöd\nbehov = [\"mat\"\nmalgrupper = [\"alla\"]\nsenast_granskad = 2026-13-01\ngiltig_till = 31/12/2027\nstatus = \"aktiv\"\n";
    let r = recover(Path::new("x.toml"), text, Kind::Insats);
    let lines: Vec<usize> = r
        .problems
        .iter()
        .map(|p| match &p.loc {
            Loc::Span(s) => line_col(text, s.start).0,
            _ => 0,
        })
        .collect();
    assert_eq!(lines, [1, 2, 4, 5]);
    let readable = r.readable.unwrap();
    assert_eq!(readable.len(), text.len());
    let doc = DeTable::parse(&readable).unwrap();
    let keys: Vec<&str> = doc.get_ref().keys().map(|k| k.get_ref().as_ref()).collect();
    assert_eq!(keys, ["malgrupper", "status"]);
    let unread: Vec<String> = r.unread.iter().map(|p| format!("{p:?}")).collect();
    assert_eq!(unread.len(), 4, "{unread:?}");
}

#[test]
fn keys_under_a_broken_header_are_unread_not_misplaced() {
    let text = "namn = \"a\"\n[plats\nkommun = \"Växjö\"\n";
    let r = recover(Path::new("x.toml"), text, Kind::Insats);
    assert_eq!(r.problems.len(), 1);
    let doc = DeTable::parse(r.readable.as_deref().unwrap()).unwrap();
    assert_eq!(doc.get_ref().len(), 1);
    assert!(
        r.unread.contains(&vec![Seg::Key("plats".into())]),
        "{:?}",
        r.unread
    );
}

/// Inputs for the check that no English reaches the user.
const BROKEN: &[&str] = &[
    "a = 31/12/2027",
    "a = 2027-31-12",
    "a = 31-12-2027",
    "a = 2027/12/31",
    "a = 2026-02-30",
    "a = 2026-1-5",
    "a = 2026-01-01T25:00",
    "namn = Språkcafé Tingsryd",
    "namn \"x\"",
    "namn x",
    "namn = \"x",
    "namn = 'x",
    "b = [\"a\", \"b\"",
    "b = [\"a\" \"b\"]",
    "b = [\"a\",, \"b\"]",
    "p = { a = \"x\", b = \"y\"",
    "p = { a = \"x\" b = \"y\" }",
    "p = { a 1 }",
    "p = { = 1 }",
    "p = { b = }",
    "[plats",
    "[[kontakt",
    "[plats]]",
    "[plats] x = 1",
    "[]",
    "[a.]",
    "a.= 1",
    "a = \"x\\q\"",
    "a = \"C:\\Users\"",
    "a = 07",
    "a = 1,5",
    "a = 1.5.2",
    "a = True",
    "a = ja",
    "a = \"x\" \"y\"",
    "a = \"x\", b = \"y\"",
    "na mn = \"x\"",
    "= \"x\"",
    "a = ",
    "a == 1",
    "a = \"x\" = \"y\"",
    "a = {a = 1, a = 2}",
    "a = 1\na = 2",
    "\"x\"",
    "a = \"\"\"x",
    "a = '''x",
    "a.b = 1\na = 2",
    "a = 1\na.b = 2",
    "å = 1",
    "a = 0x1G",
    "a = -0780",
    "a = +-1",
    "a = 1__0",
    "a = 0X1F",
    "a = 070-123 45 67",
    "a = tisdagar",
    "a = nanny",
    "a = \"x\u{1}y\"",
    "# hej \u{1}",
    "a = 1 # \u{7f}",
    "a = x\ry",
    "a = [1, 2\n",
    "a = ]",
    "a = }",
    "a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    "\"\"\"a\"\"\" = 1",
    "[x]\n[x.y]\n[x]",
    "a = [1]\n[[a]]",
    "[[a]]\n[a]",
    "a = { b = 1 }\na.c = 2",
];

const ENGLISH: &[&str] = &[
    "expected",
    "invalid",
    "string",
    "quoted",
    "unexpected",
    "missing",
    "duplicate",
    "unclosed",
    "value",
    "key ",
    "table",
    "array",
    "token",
    "newline",
    "literal",
    "integer",
    "float",
    "boolean",
];

#[test]
fn no_english_from_the_parser_reaches_the_user() {
    for text in BROKEN {
        let r = recover(Path::new("x.toml"), text, Kind::Insats);
        assert!(!r.problems.is_empty(), "{text:?}: inget fel");
        for p in &r.problems {
            for part in [Some(&p.message), p.label.as_ref(), p.help.as_ref()]
                .into_iter()
                .flatten()
            {
                let lower = part.to_lowercase();
                for word in ENGLISH {
                    assert!(!lower.contains(word), "{text:?}: {part:?} ({word})");
                }
            }
            assert!(!p.message.starts_with("ogiltig TOML"), "{text:?}: {p:?}");
        }
    }
}

#[test]
fn every_suggestion_parses() {
    for text in BROKEN {
        for p in recover(Path::new("x.toml"), text, Kind::Insats).problems {
            if let Some(s) = &p.suggestion {
                if s.contains('=') || s.starts_with('[') {
                    assert!(DeTable::parse(s).is_ok(), "{text:?}: {s:?}");
                }
            }
        }
    }
}

#[test]
fn inputs_that_once_panicked() {
    // Found by mutating the fuzz seeds: an error before the `=`, an edit past the statement.
    for text in [
        "omr[[080]\naden\u{12}=\u{c}08\u{2}omr[[080]\naden\u{12}= 080]aden\u{12}= [0w80]\n0]aden\u{12}= [0w80]\n",
        "t'iteel#= \"a\\31/12/2027qb\"\nl2=eel#= \"a\\31/12/2027qb\"\nl2= \"a\\qb\u{0}\r\n \"a\\qb\u{0}\r\n",
        "titel = \"St\u{0}d\u{1b}\r\n",
        "tte\u{7}titell = \"S^\u{1}\u{1e}\r\n",
    ] {
        for kind in [Kind::Aktor, Kind::Insats, Kind::Behov] {
            let r = recover(Path::new("x.toml"), text, kind);
            assert!(!r.problems.is_empty(), "{text:?}");
        }
        let _ = readable(text);
    }
}
