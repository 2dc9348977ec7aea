//! Terminal output that fits the terminal (`COLUMNS`): no line wider than the terminal, no id
//! or word split over two lines, columns that are empty everywhere left out, over `data/` and
//! `tests/fixtures/bas` as users run `sok`, `lista`, `matcha` and `uppfoljning`.

mod common;

use std::path::{Path, PathBuf};

use common::{layered, resurs, resurs_at_width, stderr, stdout};
use unicode_width::UnicodeWidthStr as _;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn json(data: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let out = resurs(data, args);
    serde_json::from_str::<serde_json::Value>(&stdout(&out))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// Every id and word a user may want to copy from the output of `data/`: offering, actor and
/// need ids, and every word of the offering and actor names.
fn ids() -> Vec<String> {
    let d = data();
    let mut ids: Vec<String> = Vec::new();
    for h in json(&d, &["sok", "--format", "json"]) {
        ids.push(h["id"].as_str().unwrap().to_owned());
        ids.push(h["aktor"].as_str().unwrap().to_owned());
    }
    for b in json(&d, &["matcha", "--format", "json"]) {
        ids.push(b["behov"].as_str().unwrap().to_owned());
    }
    for a in json(&d, &["uppfoljning", "--format", "json"]) {
        ids.push(a["behov"].as_str().unwrap().to_owned());
    }
    ids.sort();
    ids.dedup();
    assert!(ids.len() > 30, "{ids:?}");
    ids
}

fn words(data: &Path) -> Vec<String> {
    let mut words: Vec<String> = json(data, &["sok", "--format", "json"])
        .iter()
        .flat_map(|h| {
            format!(
                "{} {}",
                h["namn"].as_str().unwrap(),
                h["aktor_namn"].as_str().unwrap()
            )
            .split_whitespace()
            .map(str::to_owned)
            .collect::<Vec<_>>()
        })
        .collect();
    words.sort();
    words.dedup();
    words
}

fn assert_fits(what: &str, text: &str, width: usize) {
    for line in text.lines() {
        assert!(
            line.width() <= width,
            "`{what}` at {width} columns: a line of {} columns:\n{line}\n\n{text}",
            line.width()
        );
    }
}

/// `id` stands whole on a line: not followed or preceded by more of an id.
fn whole(text: &str, id: &str) -> bool {
    let part = |c: char| c.is_alphanumeric() || c == '-' || c == '/' || c == '_';
    text.lines().any(|l| {
        l.match_indices(id).any(|(i, _)| {
            !l[..i].chars().next_back().is_some_and(part)
                && !l[i + id.len()..].chars().next().is_some_and(part)
        })
    })
}

#[test]
fn every_command_fits_80_and_120_columns_and_keeps_ids_whole() {
    let d = data();
    let ids = ids();
    let words = words(&d);
    let commands: [&[&str]; 7] = [
        &["sok"],
        &["lista", "aktorer"],
        &["lista", "insatser"],
        &["lista", "behov"],
        &["lista", "kategorier"],
        &["matcha"],
        &["uppfoljning"],
    ];
    for width in [80, 120] {
        let mut all = String::new();
        for args in commands {
            let out = resurs_at_width(&d, width, args);
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            let text = stdout(&out);
            assert_fits(&args.join(" "), &text, width);
            all.push_str(&text);
        }
        for id in &ids {
            assert!(
                whole(&all, id),
                "`{id}` is not whole at {width} columns:\n{all}"
            );
        }
        let sok = stdout(&resurs_at_width(&d, width, &["sok"]));
        for w in &words {
            assert!(
                sok.contains(w.as_str()),
                "`{w}` is split at {width} columns:\n{sok}"
            );
        }
    }
}

#[test]
fn the_ids_the_old_tables_cut_are_whole() {
    let d = data();
    for width in [80, 120] {
        let sok = stdout(&resurs_at_width(&d, width, &["sok"]));
        assert!(
            sok.lines()
                .any(|l| l.trim() == "vaxjo-arbete-valfard/rad-och-stodsamtal"
                    || l.contains("│ vaxjo-arbete-valfard/rad-och-stodsamtal ")),
            "{sok}"
        );
        assert!(!sok.contains("vaxjo-arbe\n"), "{sok}");
    }
}

#[test]
fn a_table_when_it_fits_a_list_when_it_does_not() {
    let d = data();
    // `matcha` fits 120 columns as a table…
    let wide = stdout(&resurs_at_width(&d, 120, &["matcha"]));
    assert!(wide.starts_with("╭"), "{wide}");
    assert!(wide.lines().next().unwrap().width() <= 120);
    assert!(
        wide.contains("│ vald-i-nara-relation-vid-aterforening "),
        "{wide}"
    );
    // …but not 80: each need becomes a block, its id on a line of its own.
    let narrow = stdout(&resurs_at_width(&d, 80, &["matcha"]));
    assert!(!narrow.contains('│'), "{narrow}");
    assert!(
        narrow.contains(
            "Risk för våld i nära relation när kvinnor återförenas med sina män\n\
             \x20 vald-i-nara-relation-vid-aterforening\n\
             \x20 Täckning: saknas\n\
             \x20 Närmast:  –\n\
             \x20 Brister:  ingen insats för Våld i nära relation\n"
        ),
        "{narrow}"
    );
    // A blank line between the last block and the summary.
    assert!(
        narrow.ends_with("(+5)\n\n12 behov: 3 täckta, 7 delvis, 2 saknas.\n"),
        "{narrow}"
    );
    // Wrapped text continues under its value.
    assert!(
        narrow.contains(
            "  Närmast:  Linnéuniversitetet, Institutionen för psykologi: Psykoterapi hos\n\
             \x20           studenter (+4)\n"
        ),
        "{narrow}"
    );
}

#[test]
fn a_column_empty_in_every_row_is_left_out() {
    let d = data();
    // Some offerings have a way to reach them: with them the column is there…
    let all = stdout(&resurs_at_width(&d, 250, &["sok"]));
    let header = all.lines().nth(1).unwrap();
    assert!(header.contains("Kontakt"), "{all}");
    assert!(all.contains("utbildning@rb.se"), "{all}");
    // …without one (the church has none), not.
    let some = stdout(&resurs_at_width(
        &d,
        250,
        &["sok", "--aktor", "ulriksbergskyrkan"],
    ));
    let header = some.lines().nth(1).unwrap();
    assert!(header.starts_with("│ Insats"), "{some}");
    assert!(!some.contains("Kontakt"), "{some}");
    assert!(header.contains("Språk"), "{some}");
    // The same in the list layout.
    let narrow = stdout(&resurs_at_width(
        &d,
        80,
        &["sok", "--aktor", "ulriksbergskyrkan"],
    ));
    assert!(narrow.contains("  Aktör:"), "{narrow}");
    assert!(!narrow.contains("Kontakt"), "{narrow}");
}

#[test]
fn without_a_terminal_or_columns_nothing_is_wrapped() {
    let out = resurs(&data(), &["matcha"]);
    let text = stdout(&out);
    assert!(text.starts_with("╭"), "{text}");
    assert!(text.lines().any(|l| l.width() > 120), "{text}");
    assert!(
        text.contains(
            "│ Kunskap om att möta våldsutsatta och läsa tecken på våld och trafficking "
        ),
        "{text}"
    );
}

#[test]
fn lista_wraps_under_the_text_or_puts_the_text_under_the_id() {
    let d = data();
    let aktorer = stdout(&resurs_at_width(&d, 80, &["lista", "aktorer"]));
    assert!(
        aktorer.contains(
            "lnu-psykologi            Linnéuniversitetet, Institutionen för psykologi\n\
             \x20                        (Universitet eller högskola)\n"
        ),
        "{aktorer}"
    );
    // The offering ids take more than half of 80 columns: the text goes under each id.
    let insatser = stdout(&resurs_at_width(&d, 80, &["lista", "insatser"]));
    assert!(
        insatser.contains("diakonicentrum/frukost\n    Frukost – Diakonicentrum Växjö\n"),
        "{insatser}"
    );
    let wide = stdout(&resurs_at_width(&d, 120, &["lista", "insatser"]));
    assert!(
        wide.lines()
            .any(|l| l.starts_with("diakonicentrum/frukost ")
                && l.ends_with("  Frukost – Diakonicentrum Växjö")),
        "{wide}"
    );
}

#[test]
fn control_characters_from_the_data_never_reach_the_terminal() {
    let d = layered(&["bas"]);
    let file = d.path().join("aktorer/diakonicentrum/aktor.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replacen("namn = \"", "namn = \"\\u001b[2J", 1);
    std::fs::write(&file, text).unwrap();
    for width in [80, 250] {
        for args in [
            &["sok"][..],
            &["sok", "--format", "md"],
            &["lista", "aktorer"],
            &["uppfoljning"],
            &["uppfoljning", "--format", "md"],
            &["visa", "diakonicentrum"],
        ] {
            let out = stdout(&resurs_at_width(d.path(), width, args));
            assert!(!out.contains('\u{1b}'), "{args:?}: {out}");
            // Markdown shows the escape as `\u{1b}[2J` too, written with its own escapes.
            let shown = if args.contains(&"md") {
                "\\\\u{1b}\\[2J"
            } else {
                "\\u{1b}[2J"
            };
            assert!(out.contains(shown), "{args:?}: {out}");
        }
    }
}
