//! TOML syntax errors in Swedish: the parser's English message is translated, and its span
//! becomes the problem's location.

use std::path::Path;

use crate::problem::{Loc, Problem};

/// Turns a parser error into a problem (`E001`).
pub fn problem(file: &Path, text: &str, err: &toml::de::Error) -> Problem {
    let raw = err.message().trim();
    let first = raw.lines().next().unwrap_or_default().trim();
    let (message, help) = translate(first);
    let loc = err.span().map_or(Loc::File, |s| {
        // Point at something visible: an empty span at the end of a line points at the newline.
        let start = s.start.min(text.len());
        let end = s.end.max(start).min(text.len());
        Loc::Span(start..end)
    });
    let mut p = Problem::new("E001", file, loc, message);
    if let Some(h) = help {
        p = p.help(h);
    }
    p
}

fn translate(msg: &str) -> (String, Option<&'static str>) {
    let m = msg.to_ascii_lowercase();
    let table: &[(&str, &str, Option<&str>)] = &[
        (
            "duplicate key",
            "nyckeln finns redan",
            Some("en nyckel får bara förekomma en gång; ta bort eller slå ihop raderna"),
        ),
        (
            "redefinition of table",
            "tabellen finns redan",
            Some("en tabell får bara definieras en gång"),
        ),
        (
            "duplicate table",
            "tabellen finns redan",
            Some("en tabell får bara definieras en gång"),
        ),
        (
            "key with no value",
            "`=` och ett värde saknas efter nyckeln",
            Some("skriv `nyckel = värde`"),
        ),
        (
            "missing assignment between key-value pairs",
            "`=` saknas mellan nyckel och värde",
            Some("skriv `nyckel = värde`"),
        ),
        (
            "missing value for key",
            "värdet saknas efter `=`",
            Some("skriv ett värde, t.ex. `namn = \"…\"`"),
        ),
        (
            "missing value",
            "värdet saknas",
            Some("skriv ett värde efter `=`"),
        ),
        (
            "missing comma between array elements",
            "kommatecken saknas mellan värdena i listan",
            Some("skriv `[\"a\", \"b\"]`"),
        ),
        (
            "missing comma between key-value pairs",
            "kommatecken saknas mellan nycklarna i tabellen",
            Some("skriv `{ a = 1, b = 2 }`"),
        ),
        ("unclosed array table", "`]]` saknas", None),
        ("unclosed table", "`]` saknas i tabellrubriken", None),
        (
            "unclosed inline table",
            "`}` saknas",
            Some("en tabell på en rad avslutas med `}` på samma rad"),
        ),
        ("unclosed array", "listan avslutas inte med `]`", None),
        (
            "missing opening quote",
            "citattecken saknas i början av texten",
            Some("text skrivs inom citattecken: `\"…\"`"),
        ),
        (
            "invalid basic string",
            "texten avslutas inte eller innehåller ett ogiltigt tecken",
            Some(
                "kontrollera att texten avslutas med `\"` på samma rad; använd `\"\"\"` för flera rader",
            ),
        ),
        (
            "invalid multi-line basic string",
            "flerradstexten avslutas inte",
            Some("avsluta texten med `\"\"\"`"),
        ),
        (
            "invalid literal string",
            "texten avslutas inte",
            Some("avsluta texten med `'` på samma rad"),
        ),
        (
            "invalid multi-line literal string",
            "flerradstexten avslutas inte",
            Some("avsluta texten med `'''`"),
        ),
        (
            "missing escaped value",
            "ogiltig teckenkod efter `\\`",
            Some("skriv `\\\\` för ett bakstreck"),
        ),
        (
            "invalid escape",
            "ogiltig teckenkod efter `\\`",
            Some("skriv `\\\\` för ett bakstreck"),
        ),
        (
            "unexpected leading zero",
            "tal får inte börja med 0",
            Some("skriv koder som text inom citattecken, t.ex. `\"0780\"`"),
        ),
        (
            "invalid date-time",
            "ogiltigt datum",
            Some("skriv datum som ÅÅÅÅ-MM-DD, t.ex. `2026-01-31`"),
        ),
        (
            "invalid boolean",
            "ogiltigt sanningsvärde",
            Some("skriv `true` eller `false` med små bokstäver"),
        ),
        (
            "invalid unquoted key",
            "ogiltig nyckel",
            Some("nycklar skrivs med a–z, siffror, `_` och `-`; annat inom citattecken"),
        ),
        (
            "invalid key",
            "ogiltig nyckel",
            Some("nycklar skrivs med a–z, siffror, `_` och `-`"),
        ),
        (
            "unquoted keys cannot be empty",
            "nyckeln saknas före `=`",
            None,
        ),
        (
            "invalid comment character",
            "ogiltigt tecken i en kommentar",
            Some("kommentarer får inte innehålla styrtecken"),
        ),
        (
            "unexpected content between comment and newline",
            "oväntat tecken i kommentaren",
            None,
        ),
        (
            "invalid string",
            "ogiltig text",
            Some("text skrivs inom citattecken: `\"…\"`"),
        ),
        ("invalid integer", "ogiltigt heltal", None),
        (
            "invalid float",
            "ogiltigt decimaltal",
            Some("decimaltal skrivs med punkt: `1.5`"),
        ),
        (
            "invalid table",
            "ogiltig tabellrubrik",
            Some("skriv `[namn]` eller `[[namn]]` på en egen rad"),
        ),
        (
            "invalid inline table",
            "ogiltig tabell på en rad",
            Some("skriv `{ a = 1, b = 2 }`"),
        ),
        (
            "invalid value",
            "ogiltigt värde",
            Some("text skrivs inom citattecken: `\"…\"`"),
        ),
        (
            "invalid key-value pair",
            "ogiltig rad",
            Some("skriv `nyckel = värde`"),
        ),
        (
            "unexpected `=` in array",
            "`=` i en lista",
            Some("en lista har bara värden: `[\"a\", \"b\"]`"),
        ),
        (
            "unexpected key or value",
            "oväntad nyckel eller värde",
            Some("varje nyckel och värde på en egen rad: `nyckel = värde`"),
        ),
        (
            "unexpected content",
            "oväntat innehåll efter värdet",
            Some("bara en nyckel och ett värde per rad; kommentarer börjar med `#`"),
        ),
        ("recursion limit", "för djupt nästlade värden", None),
        (
            "cannot recurse further",
            "för djupt nästlade värden",
            Some("en datafil behöver bara ett par nivåer"),
        ),
    ];
    for (needle, sv, help) in table {
        if m.starts_with(needle) || m.contains(needle) {
            return ((*sv).to_owned(), *help);
        }
    }
    (
        format!("ogiltig TOML ({msg})"),
        Some("se https://toml.io/sv/ för hur TOML skrivs"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::de::DeTable;

    fn first_error(src: &str) -> Problem {
        let (_, errors) = DeTable::parse_recoverable(src);
        problem(Path::new("x.toml"), src, &errors[0])
    }

    #[test]
    fn common_syntax_errors_are_translated() {
        assert_eq!(
            first_error("namn = \"a\"\nnamn = \"b\"\n").message,
            "nyckeln finns redan"
        );
        assert_eq!(
            first_error("namn \"a\"\n").message,
            "`=` och ett värde saknas efter nyckeln"
        );
        assert_eq!(
            first_error("namn = \"a\n").message,
            "texten avslutas inte eller innehåller ett ogiltigt tecken"
        );
        assert_eq!(
            first_error("lan = 07\n").message,
            "tal får inte börja med 0"
        );
        assert_eq!(
            first_error("a = [\"x\" \"y\"]\n").message,
            "kommatecken saknas mellan värdena i listan"
        );
    }
}
