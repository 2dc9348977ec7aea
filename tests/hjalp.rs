//! Help and usage errors in Swedish (issue 12, point 9), the data folder when there is none,
//! and the report's format from the file name (point 4): each run as a user runs it.

mod common;

use std::path::Path;
use std::process::Output;

use common::{IDAG, bin, layered, resurs, stderr, stdout};

/// Runs `resurs ARGS…` in `dir`, with no `--data` and no RESURS_DATA.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).output().unwrap()
}

/// Runs `resurs ARGS…` in the repository root.
fn run(args: &[&str]) -> Output {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// Every command, as the words that name it (`[]`, `["sok"]`, `["ny", "aktor"]`…).
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: &[String], out: &mut Vec<Vec<String>>) {
        out.push(path.to_vec());
        for sub in cmd.get_subcommands() {
            let mut p = path.to_vec();
            p.push(sub.get_name().to_owned());
            walk(sub, &p, out);
        }
    }
    let mut out = Vec::new();
    walk(&resurs::cli::command(), &[], &mut out);
    out
}

/// What clap writes in English when nobody translates it.
const ENGLISH: &[&str] = &[
    "[OPTIONS]",
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Possible values",
    "possible values",
    "[env:",
    "[default:",
    "[aliases:",
    "Print help",
    "Print version",
];

#[test]
fn every_help_is_swedish() {
    let paths = command_paths();
    assert!(paths.len() > 15, "{paths:?}");
    for path in paths {
        for flag in ["--help", "-h"] {
            let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
            args.push(flag);
            let out = run(&args);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
            let help = stdout(&out);
            for word in ENGLISH {
                assert!(!help.contains(word), "{args:?} visar {word:?}:\n{help}");
            }
            let usage = format!("Användning: resurs {}", path.join(" "));
            assert!(help.contains(usage.trim_end()), "{args:?}:\n{help}");
            assert!(help.contains("Visa hjälp"), "{args:?}:\n{help}");
        }
    }
}

#[test]
fn sok_help_says_values_and_defaults_in_swedish() {
    let help = stdout(&run(&["sok", "--help"]));
    for part in [
        "Användning: resurs sok [FLAGGOR] [FRITEXT]...",
        "Argument:",
        "Flaggor:",
        "Möjliga värden:\n",
        "- tabell: En tabell som passar terminalen",
        "[standard: tabell]",
        "[möjliga värden: plats, telefon, digitalt, uppsokande]",
        "--data <MAPP>",
        "RESURS_DATA",
    ] {
        assert!(help.contains(part), "{part:?} saknas:\n{help}");
    }
    // `sok` does not use today's date.
    assert!(!help.contains("--idag"), "{help}");
    let short = stdout(&run(&["sok", "-h"]));
    assert!(
        short.contains("[möjliga värden: tabell, json, csv, md] [standard: tabell]"),
        "{short}"
    );
}

#[test]
fn data_and_idag_only_where_they_mean_something() {
    for (command, data, idag) in [
        ("init", false, true), // --idag is the date written as senast_granskad
        ("forklara", false, false),
        ("completions", false, false),
        ("man", false, false),
        ("schema", false, false),
        ("hjalp", false, false),
        ("validera", true, true),
        ("sok", true, false),
        ("rapport", true, true),
        ("ny", true, true),
    ] {
        let help = stdout(&run(&[command, "--help"]));
        assert_eq!(help.contains("--data"), data, "{command}:\n{help}");
        assert_eq!(help.contains("--idag"), idag, "{command}:\n{help}");
    }
    // The flags of `ny` also follow `ny aktor`.
    let help = stdout(&run(&["ny", "aktor", "--help"]));
    assert!(help.contains("--data <MAPP>"), "{help}");
    let out = run(&["init", "--data", "x", "karta"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "fel: `resurs init` har ingen flagga `--data`\nSe `resurs init --help`.\n"
    );
}

#[test]
fn data_and_idag_go_before_or_after_the_command() {
    let d = layered(&["bas"]);
    let dir = d.path().to_str().unwrap();
    let expected = "Allt i ordning: 2 aktörer, 2 insatser, 1 behov.\n";
    for args in [
        vec!["--data", dir, "--idag", IDAG, "validera"],
        vec!["validera", "--data", dir, "--idag", IDAG],
        vec!["--idag", IDAG, "validera", "--data", dir],
    ] {
        let out = run(&args);
        assert_eq!(stdout(&out), expected, "{args:?}: {}", stderr(&out));
    }
    // After the command wins over before it.
    let out = run(&[
        "--data",
        "/finns/inte",
        "validera",
        "--data",
        dir,
        "--idag",
        IDAG,
    ]);
    assert_eq!(stdout(&out), expected, "{}", stderr(&out));
}

#[test]
fn help_and_hjalp_show_a_commands_help() {
    let sok = stdout(&run(&["sok", "--help"]));
    for args in [["help", "sok"], ["hjalp", "sok"]] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), sok, "{args:?}");
    }
    let out = run(&["help", "ny", "aktor"]);
    assert_eq!(stdout(&out), stdout(&run(&["ny", "aktor", "--help"])));
    let out = run(&["help"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), stdout(&run(&["--help"])));
    assert!(stdout(&out).contains("hjalp"), "{}", stdout(&out));

    let out = run(&["help", "sk"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("fel: okänt kommando `sk`\n"), "{err}");
    assert!(err.contains("`sok`"), "{err}");
}

#[test]
fn a_flag_before_its_command_says_where_it_goes() {
    let out = run(&["--behov", "x", "sok"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "fel: flaggan `--behov` hör till ett kommando: skriv den efter kommandot, t.ex. \
         `resurs sok --behov x`\nSe `resurs sok --help`.\n"
    );
    let out = run(&["--tolk", "sok"]);
    assert_eq!(
        stderr(&out),
        "fel: flaggan `--tolk` hör till ett kommando: skriv den efter kommandot, t.ex. \
         `resurs sok --tolk`\nSe `resurs sok --help`.\n"
    );
    let out = run(&["ny", "--namn", "X", "aktor", "a"]);
    assert_eq!(
        stderr(&out),
        "fel: flaggan `--namn` hör till ett kommando: skriv den efter kommandot, t.ex. \
         `resurs ny aktor --namn X`\nSe `resurs ny aktor --help`.\n"
    );
    // A flag no command has is just unknown.
    let out = run(&["--inget", "sok"]);
    assert_eq!(
        stderr(&out),
        "fel: okänd flagga `--inget`\nSe `resurs --help`.\n"
    );
}

#[test]
fn errors_point_at_the_commands_own_help() {
    for (args, expected) in [
        (
            &["sok", "--behv", "x"][..],
            "fel: `resurs sok` har ingen flagga `--behv`\nMenade du `--behov`?\nSe `resurs sok --help`.\n",
        ),
        (
            &["sok", "--format", "xml"][..],
            "fel: `xml` är inget giltigt värde för `--format`\nMöjliga värden: tabell, json, csv, md\nSe `resurs sok --help`.\n",
        ),
        (
            &["sok", "--kommun", "Växjö", "--omrade", "riket"][..],
            "fel: `--kommun` kan inte kombineras med `--omrade`\nSe `resurs sok --help`.\n",
        ),
        (
            &["ny", "aktor", "a"][..],
            "fel: `resurs ny aktor` behöver `--namn <NAMN>` och `--typ <TYP>`\nSe `resurs ny aktor --help`.\n",
        ),
        (
            &["ny"][..],
            "fel: `resurs ny` behöver ett kommando: aktor, insats eller behov\nSe `resurs ny --help`.\n",
        ),
        (
            &["ny", "aktr"][..],
            "fel: okänt kommando `aktr`\nMenade du `aktor`?\nSe `resurs ny --help`.\n",
        ),
        (
            &["visa", "a", "b"][..],
            "fel: oväntat argument `b` till `resurs visa`\nSe `resurs visa --help`.\n",
        ),
        (
            &["rapport", "--idag", "igår"][..],
            "fel: `--idag`: `igår` är inget datum; skriv ÅÅÅÅ-MM-DD\nSe `resurs rapport --help`.\n",
        ),
        (
            &["sok", "--format"][..],
            "fel: `--format` behöver ett värde: tabell, json, csv eller md\nSe `resurs sok --help`.\n",
        ),
        (
            &["validra"][..],
            "fel: okänt kommando `validra`\nMenade du `validera`?\nSe `resurs --help`.\n",
        ),
        (&[][..], "fel: ange ett kommando\nSe `resurs --help`.\n"),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), expected, "{args:?}");
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
}

#[test]
fn a_vocabulary_flag_without_a_value_names_an_example_and_the_list() {
    // The example must be a value of data/'s vocabulary, listed by the command the error names.
    for (args, example, lista) in [
        (&["sok", "--behov"][..], "samtalsstod", "kategorier"),
        (&["sok", "--malgrupp"][..], "foraldrar", "malgrupper"),
        (&["sok", "--sprak"][..], "ukrainska", "sprak"),
        (&["sok", "--kommun"][..], "Växjö", "omraden"),
        (&["sok", "--omrade"][..], "Växjö", "omraden"),
        (&["sok", "--aktor"][..], "rodakorset-vaxjo", "aktorer"),
        (
            &["ny", "aktor", "a", "--namn", "A", "--typ"][..],
            "ideell-forening",
            "aktorstyper",
        ),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let flag = args.last().unwrap();
        assert_eq!(
            stderr(&out),
            format!(
                "fel: `{flag}` behöver ett värde, t.ex. `{example}`\nSe alla med `resurs lista {lista}`.\n"
            ),
            "{args:?}"
        );
        let listed = stdout(&run(&["lista", lista]));
        assert!(listed.contains(example), "{lista}: {listed}");
    }
}

#[test]
fn a_list_in_one_flag_says_to_repeat_the_flag() {
    let out = run(&["sok", "--behov", "samtalsstod,foraldrastod"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "fel: ange flera behov genom att upprepa flaggan: `--behov samtalsstod --behov foraldrastod`\n\
         Se `resurs sok --help`.\n"
    );
    // `--behov a, b` in the shell leaves `a,` to the flag.
    let out = run(&["sok", "--behov", "samtalsstod,", "foraldrastod"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("fel: ange flera behov genom att upprepa flaggan:"),
        "{}",
        stderr(&out)
    );
    let out = run(&["sok", "--kanal", "plats,telefon"]);
    assert_eq!(
        stderr(&out),
        "fel: ange flera värden genom att upprepa flaggan: `--kanal plats --kanal telefon`\n\
         Se `resurs sok --help`.\n"
    );
    let out = run(&["rapport", "--behov", "a,b"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`--behov a --behov b`"),
        "{}",
        stderr(&out)
    );
    // A name with a comma and a space is a name.
    let out = run(&[
        "sok",
        "--behov",
        "Mötesplatser, fritid och idrott",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"id\""), "{}", stdout(&out));
    // Repeating the flag works.
    let out = run(&["sok", "--behov", "samtalsstod", "--behov", "foraldrastod"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

const NO_FOLDER: &str = "Ange mappen med `--data <mapp>` eller miljövariabeln RESURS_DATA, \
                         eller skapa en med `resurs init`.\n";

#[test]
fn outside_a_data_folder_the_error_says_how_to_name_one() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [
        &["sok", "--behov", "samtalsstod"][..],
        &["validera"][..],
        &["lista", "aktorer"][..],
    ] {
        let out = run_in(tmp.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&out),
            format!("fel: hittar ingen datamapp i `data` (mappen finns inte).\n{NO_FOLDER}"),
            "{args:?}"
        );
    }
    // A `data` folder that is no data folder.
    std::fs::create_dir(tmp.path().join("data")).unwrap();
    let out = run_in(tmp.path(), &["sok"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!("fel: hittar ingen datamapp i `data` (ingen resurs.toml).\n{NO_FOLDER}")
    );
    // RESURS_DATA and --data are named as given.
    let out = bin()
        .env("RESURS_DATA", "/finns/inte")
        .args(["sok"])
        .output()
        .unwrap();
    assert_eq!(
        stderr(&out),
        format!("fel: hittar ingen datamapp i `/finns/inte` (mappen finns inte).\n{NO_FOLDER}")
    );
    let out = resurs(Path::new("/finns/inte"), &["rapport"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("fel: hittar ingen datamapp i `/finns/inte`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_default_folder_is_data_or_the_folder_you_are_in() {
    // The README's first command, from the repository root.
    let out = run(&["sok", "--behov", "samtalsstod"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Samtalsstöd"), "{}", stdout(&out));
    // Inside a data folder (a data repo made by `resurs init`) no --data is needed.
    let d = layered(&["bas"]);
    let out = run_in(d.path(), &["--idag", IDAG, "validera"]);
    assert_eq!(
        stdout(&out),
        "Allt i ordning: 2 aktörer, 2 insatser, 1 behov.\n",
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_report_format_follows_the_file_name() {
    let d = layered(&["bas"]);
    let dir = d.path();
    let report = |args: &[&str]| run_in(dir, &[&["--idag", IDAG, "rapport"][..], args].concat());
    for name in ["karta.html", "KARTA.HTM"] {
        let out = report(&["-o", name]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stderr(&out), format!("Rapporten skrevs till {name}.\n"));
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        assert!(
            text.to_ascii_lowercase().starts_with("<!doctype html>"),
            "{name}: {}",
            &text[..40]
        );
    }
    for name in ["karta.md", "karta.txt"] {
        let out = report(&["-o", name]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        assert!(text.starts_with("# "), "{name}: {}", &text[..40]);
    }
    // --format decides where the name says nothing, and may agree with it.
    let out = report(&["-o", "karta2.txt", "--format", "html"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(dir.join("karta2.txt"))
            .unwrap()
            .starts_with("<!doctype")
    );
    let out = report(&["-o", "karta2.html", "--format", "html"]);
    assert_eq!(out.status.code(), Some(0));
    let out = report(&["--format", "html"]);
    assert!(stdout(&out).starts_with("<!doctype html>"));
    assert!(stdout(&report(&[])).starts_with("# "));
    // A --format the name contradicts writes nothing.
    for (name, format, kind) in [("fel.html", "md", "HTML"), ("fel.md", "html", "Markdown")] {
        let out = report(&["-o", name, "--format", format]);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            stderr(&out),
            format!(
                "fel: `{name}` är en {kind}-fil, men `--format {format}` gavs; ta bort \
                 `--format` eller byt filändelse\n"
            )
        );
        assert!(!dir.join(name).exists());
    }
}

#[test]
fn completions_and_the_man_page_are_still_made() {
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("resurs"), "{shell}");
        assert!(text.contains("behov"), "{shell}");
    }
    let out = run(&["man"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let man = stdout(&out);
    assert!(man.starts_with(".ie"), "{}", &man[..40]);
    assert!(man.contains("resurs"), "{man}");
    for word in ["[default:", "[possible values", "[env:"] {
        assert!(!man.contains(word), "{word}: {man}");
    }
}
