//! Hostile data: terminal. Escape sequences (window title, clear screen, an OSC 8 link that
//! hides its target), C1 controls, carriage returns and bidi overrides in the data folder never
//! reach the terminal as themselves, in any command's output or error; `validera --format kort`
//! and `github` stay one line per problem; `validera` warns about them in text (W010) and
//! refuses them in addresses (E010, E011, E012). The folder is `bas` with
//! `tests/fixtures/fientlig-terminal/` on top; what cannot be checked in (raw control bytes,
//! raw bidi characters) is written by the tests.

use std::path::Path;
use std::process::Output;

use super::common::{layered, resurs, resurs_at_width, stderr, stdout};

/// What a terminal obeys or that reorders text: every control character but the newline (a
/// tab is not expected either: resurs turns it into a space), and the bidi embeddings,
/// overrides and isolates. Written out here, not taken from the code under test.
fn obeyed(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[track_caller]
fn assert_safe(what: &str, o: &Output) {
    for (stream, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        if let Some((i, c)) = text.char_indices().find(|&(_, c)| obeyed(c)) {
            let from = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
            panic!(
                "{what}: {stream} innehåller {c:?} efter {:?}",
                &text[from..i]
            );
        }
    }
}

fn hostile() -> tempfile::TempDir {
    layered(&["bas", "fientlig-terminal"])
}

const MATKASSAR: &str = "aktorer/rodakorset-vaxjo/insatser/matkassar.toml";

#[test]
fn no_command_lets_the_data_talk_to_the_terminal() {
    let d = hostile();
    let p = d.path();
    let commands: &[&[&str]] = &[
        &["sok"],
        &["sok", "--behov", "mat"],
        &["sok", "matkassar"],
        &["visa", "rodakorset-vaxjo/matkassar"],
        &["visa", "rodakorset-vaxjo"],
        &["visa", "samtalsstod-ukrainska"],
        // A misspelled id: the notice names what it was taken as.
        &["visa", "rodakorset-vaxjo/matkasar"],
        &["lista", "aktorer"],
        &["lista", "insatser"],
        &["lista", "behov"],
        &["lista", "kategorier"],
        &["matcha"],
        &["matcha", "--luckor"],
        &["uppfoljning"],
        &["uppfoljning", "--aktor", "diakonicentrum"],
        &["validera"],
        &["validera", "--format", "kort"],
        &["validera", "--format", "github"],
        &["forklara", "W010"],
    ];
    for args in commands {
        let what = args.join(" ");
        // Unwrapped (a pipe), as a table at 200 and 80 columns, and in the list layout.
        let out = resurs(p, args);
        assert!(!out.stdout.is_empty(), "{what}: {}", stderr(&out));
        assert_safe(&what, &out);
        for width in [200, 80, 40] {
            assert_safe(
                &format!("{what} vid {width}"),
                &resurs_at_width(p, width, args),
            );
        }
    }
    // The attack is really there, shown escaped.
    let shown = stdout(&resurs(p, &["visa", "rodakorset-vaxjo/matkassar"]));
    for escaped in [
        "Mat\\u{1b}]0;pwned\\u{7}kassar\\u{1b}[2J",
        "\\u{1b}]8;;http://evil.example\\u{1b}\\Tisdagar\\u{1b}]8;;\\u{1b}\\",
        "Ladda ner \\u{202e}gnp.exe",
        "hygienartiklar.\\r\\u{1b}[2KAllt är lugnt.",
    ] {
        assert!(shown.contains(escaped), "{escaped}:\n{shown}");
    }
    let actor = stdout(&resurs(p, &["visa", "rodakorset-vaxjo"]));
    assert!(actor.contains("Röda Korset\\u{9b}2J Växjö"), "{actor}");
    assert!(actor.contains("Moa \\u{2066}Svensson\\u{2069}"), "{actor}");
}

#[test]
fn errors_that_quote_what_was_written_are_escaped_too() {
    let d = hostile();
    let p = d.path();
    for args in [
        &["visa", "x\u{1b}]0;pwned\u{7}"][..],
        &["visa", "rodakorset-vaxjo/\u{202e}exe"],
        &["sok", "--behov", "\u{1b}[2Jmat"],
        &["sok", "--kommun", "V\u{9b}2Jxjö"],
        &["matcha", "\u{1b}[2J"],
        &["uppfoljning", "--aktor", "\u{1b}]8;;http://evil\u{1b}\\x"],
        &["rapport", "--kommun", "\u{1b}[2J"],
    ] {
        let out = resurs(p, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("\\u{"), "{args:?}: {}", stderr(&out));
        assert_safe(&format!("{args:?}"), &out);
    }
}

#[test]
fn rapport_notices_quote_the_vocabulary_escaped() {
    let d = hostile();
    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("rapport.html");
    // A misspelled need: the notice names the category, whose label has an escape sequence.
    let out = resurs(
        d.path(),
        &[
            "rapport",
            "-o",
            file.to_str().unwrap(),
            "--behov",
            "matkasar",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_safe("rapport -o", &out);
    assert!(
        stderr(&out).contains("som Mat och matkassar\\u{1b}[2J (mat)"),
        "{}",
        stderr(&out)
    );
}

/// `validera --format FORMAT` over `p`: its stdout lines, and the number of problems (JSON).
fn lines_and_problems(p: &Path, format: &str) -> (Vec<String>, usize) {
    let out = resurs(p, &["validera", "--format", format]);
    assert_safe(format, &out);
    let json = stdout(&resurs(p, &["validera", "--format", "json"]));
    let n = serde_json::from_str::<Vec<serde_json::Value>>(&json)
        .unwrap()
        .len();
    (stdout(&out).lines().map(str::to_owned).collect(), n)
}

#[test]
fn a_newline_in_a_value_cannot_forge_a_problem_line() {
    let d = layered(&["bas"]);
    let p = d.path();
    std::fs::write(
        p.join(MATKASSAR),
        "namn = \"Matkassar\"\n\
         beskrivning = \"Matkassar.\"\n\
         behov = [\"mat\", \"x\\naktorer/falsk.toml:1:1: fel[E001]: falskt\"]\n\
         malgrupper = [\"alla\\r\\n::error file=falsk.toml,line=1::falskt\"]\n\
         omraden = [\"V\\u2028x\\u0085j\\nö\"]\n\
         status = \"aktiv\"\n\
         sprak = [\"sv\"]\n\
         senast_granskad = 2026-10-01\n",
    )
    .unwrap();
    for format in ["kort", "github"] {
        let (lines, n) = lines_and_problems(p, format);
        assert!(n >= 3, "{format}: {lines:#?}");
        assert_eq!(lines.len(), n, "{format}: en rad per problem: {lines:#?}");
        for l in &lines {
            let own = if format == "kort" {
                l.starts_with(&format!("{MATKASSAR}:"))
            } else {
                l.starts_with("::") && l.contains(&format!("/{MATKASSAR},line="))
            };
            assert!(own, "{format}: {l}");
            assert!(
                !l.starts_with("aktorer/falsk") && !l.starts_with("::error file=falsk"),
                "{l}"
            );
        }
        let all = lines.join("\n");
        assert!(all.contains("x\\naktorer/falsk.toml:1:1"), "{all}");
    }
    // Nor in the text format: every problem starts with its own `fel[…]` line.
    let text = stdout(&resurs(p, &["validera"]));
    assert!(
        !text
            .lines()
            .any(|l| l.starts_with("aktorer/falsk") || l.starts_with("::error")),
        "{text}"
    );
}

#[test]
fn a_raw_escape_byte_in_a_broken_line_is_shown_escaped_under_its_caret() {
    let d = hostile();
    let p = d.path();
    std::fs::write(
        p.join(MATKASSAR),
        b"namn = \"Mat\x1b]0;pwned\x07kassar\x1b[2J\nbeskrivning = \"x\"\n\
          behov = [\"mat\"]\nmalgrupper = [\"alla\"]\nstatus = \"aktiv\"\n\
          senast_granskad = 2026-10-01\n",
    )
    .unwrap();
    let out = resurs(p, &["validera"]);
    assert_eq!(out.status.code(), Some(1));
    assert_safe("validera", &out);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("1 | namn = \"Mat"))
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(
        lines[at], "1 | namn = \"Mat\\u{1b}]0;pwned\\u{7}kassar\\u{1b}[2J",
        "{text}"
    );
    // The caret stands under the escaped character, as many carets as it is shown wide.
    let caret = lines[at + 1];
    assert_eq!(caret.find('^'), lines[at].find("\\u{1b}"), "{text}");
    assert!(caret.contains("^^^^^^ "), "{text}");
    for format in ["kort", "github", "json"] {
        assert_safe(format, &resurs(p, &["validera", "--format", format]));
    }
}

#[test]
fn w010_names_the_place_of_each_control_and_bidi_character() {
    let d = hostile();
    let p = d.path();
    let out = resurs(p, &["validera", "--format", "kort"]);
    // Warnings only: the folder is valid.
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let kort = stdout(&out);
    let w010: Vec<&str> = kort
        .lines()
        .filter(|l| l.contains(": varning[W010]: "))
        .map(|l| l.split(": varning").next().unwrap())
        .collect();
    assert_eq!(
        w010,
        [
            "aktorer/rodakorset-vaxjo/aktor.toml:1:20",
            "aktorer/rodakorset-vaxjo/aktor.toml:12:13",
            "aktorer/rodakorset-vaxjo/aktor.toml:13:27",
            "aktorer/rodakorset-vaxjo/insatser/matkassar.toml:1:12",
            "aktorer/rodakorset-vaxjo/insatser/matkassar.toml:2:45",
            "aktorer/rodakorset-vaxjo/insatser/matkassar.toml:7:10",
            "aktorer/rodakorset-vaxjo/insatser/matkassar.toml:8:25",
            "behov/samtalsstod-ukrainska.toml:1:21",
            "behov/samtalsstod-ukrainska.toml:13:26",
            "behov/samtalsstod-ukrainska.toml:17:34",
            "vokabular/behov.toml:23:26",
        ],
        "{kort}"
    );
    assert!(
        kort.contains(
            "matkassar.toml:1:12: varning[W010]: texten innehåller styrtecken (`\\u{1b}`, `\\u{7}`)"
        ),
        "{kort}"
    );
    assert!(
        kort.contains(
            "matkassar.toml:8:25: varning[W010]: texten innehåller tecken som vänder textens riktning (`\\u{202e}`)"
        ),
        "{kort}"
    );
    // Arabic with RLM, ALM and LRM, in the offering of Diakonicentrum: no warning at all.
    assert!(!kort.contains("diakonicentrum/insatser"), "{kort}");
    let strict = resurs(p, &["validera", "--strikt"]);
    assert_eq!(strict.status.code(), Some(1));
    let text = stdout(&strict);
    assert!(
        text.contains("  = hjälp: ta bort tecknet; tabb och radbrytning går bra"),
        "{text}"
    );
}

#[test]
fn raw_bidi_characters_warn_and_right_to_left_marks_do_not() {
    let d = layered(&["bas"]);
    let p = d.path();
    let file = "aktorer/diakonicentrum/insatser/samtalsstod.toml";
    let text = std::fs::read_to_string(p.join(file)).unwrap();
    // Written as themselves: an RLM and an ALM in Arabic text, an LRM before a number, and a
    // right-to-left override in a comment (Trojan Source: the reviewer reads it reordered).
    let text = text.replace(
        "beskrivning = \"Råd och stöd, inte terapi.\"",
        "beskrivning = \"Råd och stöd. دعم نفسي\u{200f} (بالعربية)\u{61c}، \u{200e}1177\"\n\
         # granskad \u{202e}txt.exe\u{202c}",
    );
    std::fs::write(p.join(file), &text).unwrap();
    let out = resurs(p, &["validera", "--format", "kort"]);
    assert_safe("validera", &out);
    let kort = stdout(&out);
    let w010: Vec<&str> = kort.lines().filter(|l| l.contains("[W010]")).collect();
    assert_eq!(w010.len(), 1, "{kort}");
    assert!(
        w010[0].starts_with(&format!("{file}:3:12: varning[W010]")),
        "{kort}"
    );
    assert!(w010[0].contains("(`\\u{202e}`, `\\u{202c}`)"), "{kort}");
    // `visa` shows the Arabic text with its marks, as written.
    let shown = stdout(&resurs(p, &["visa", "diakonicentrum/samtalsstod"]));
    assert!(
        shown.contains("دعم نفسي\u{200f} (بالعربية)\u{61c}، \u{200e}1177"),
        "{shown}"
    );
}

#[test]
fn addresses_and_phone_numbers_with_control_characters_are_errors() {
    let d = hostile();
    let p = d.path();
    let file = "aktorer/rodakorset-vaxjo/aktor.toml";
    let text = std::fs::read_to_string(p.join(file)).unwrap();
    let text = text
        .replace(
            "epost = \"vaxjo@redcross.se\"",
            "epost = \"a\\u001b[2J@b.se\"",
        )
        .replace(
            "webb = \"https://www.redcross.se\"",
            "webb = \"https://www.red\\u001b]8;;http://evil\\u001b\\\\cross.se\"",
        )
        .replace(
            "telefon = \"0470-123 45\"",
            "telefon = \"0470\\u202e-123 45\"",
        )
        .replace(
            "epost = \"volontar@redcross.se\"",
            "epost = \"volontar@redcross.se\\u200b\"",
        );
    std::fs::write(p.join(file), &text).unwrap();
    let out = resurs(p, &["validera", "--format", "kort"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_safe("validera", &out);
    let kort = stdout(&out);
    for (at, code) in [
        ("5:8", "E012"),
        ("6:9", "E010"),
        ("7:11", "E011"),
        ("14:9", "E010"),
    ] {
        assert!(
            kort.lines()
                .any(|l| l.starts_with(&format!("{file}:{at}: fel[{code}]"))),
            "{at} {code}:\n{kort}"
        );
    }
    // The text format says why, under the caret.
    let text = stdout(&resurs(p, &["validera"]));
    assert_eq!(
        text.matches(" adressen innehåller det osynliga tecknet `\\u{")
            .count(),
        3,
        "{text}"
    );
    assert!(
        text.contains(" numret innehåller det osynliga tecknet `\\u{202e}`"),
        "{text}"
    );
}
