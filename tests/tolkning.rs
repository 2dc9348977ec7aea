//! How commands read what a person types (issue 12, point 1): commands that write take an
//! exact id, label or synonym and nothing else; commands that read also take a unique part or
//! a clear typo and say so on stderr, through one resolution for every filter and command.
//! Run over a copy of `data/`, with its real vocabularies.

mod common;

use std::path::Path;

use common::{data_copy, resurs, sok_ids, stderr, stdout};

fn data() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// The ids of `sok ARGS --format json` on data/, and stderr.
fn hits(args: &[&str]) -> (Vec<String>, String) {
    sok_ids(&data(), args)
}

fn typ_written(dir: &Path, id: &str) -> String {
    let text = std::fs::read_to_string(dir.join("aktorer").join(id).join("aktor.toml")).unwrap();
    text.lines()
        .find(|l| l.starts_with("typ = "))
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn ny_aktor_takes_the_words_people_use_for_an_actor_type() {
    let d = data_copy();
    for (id, written, typ) in [
        ("sprakcafe-tingsryd", "förening", "ideell-forening"),
        ("ngo", "NGO", "ideell-forening"),
        ("org", "organisation", "ideell-forening"),
        ("kyrkan", "kyrka", "trossamfund"),
        ("forsamlingen", "Församling", "trossamfund"),
        ("moskeen", "moské", "trossamfund"),
        ("ideell", "Ideell förening", "ideell-forening"),
    ] {
        let out = resurs(
            d.path(),
            &[
                "ny",
                "aktor",
                id,
                "--namn",
                "Språkcafé Tingsryd",
                "--typ",
                written,
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{written}: {}", stderr(&out));
        assert!(!stderr(&out).contains("tolkar"), "{}", stderr(&out));
        assert_eq!(
            typ_written(d.path(), id),
            format!("typ = \"{typ}\""),
            "{written}"
        );
    }
}

#[test]
fn ny_guesses_nothing_into_the_data() {
    let d = data_copy();
    // A typo, a part and an unknown word: each is refused with the closest candidates, and
    // nothing is written.
    for (written, closest) in [
        ("forenin", "`ideell-forening` (Ideell förening)"),
        ("foretagare", "`foretag` (Företag)"),
        ("ideell", "`ideell-forening` (Ideell förening)"),
    ] {
        let out = resurs(
            d.path(),
            &["ny", "aktor", "x", "--namn", "X", "--typ", written],
        );
        assert_eq!(out.status.code(), Some(2), "{written}");
        let err = stderr(&out);
        assert!(
            err.starts_with(&format!(
                "fel: ingen aktörstyp heter `{written}`. Närmast: "
            )) && err.contains(closest)
                && err.contains("tar bara ett exakt id, namn eller synonym")
                && err.ends_with("Se alla med `resurs lista aktorstyper`.\n"),
            "{err}"
        );
        assert!(!d.path().join("aktorer/x").exists(), "{written}");
    }
    // An area with a typo: refused, the closest listed by name.
    let out = resurs(
        d.path(),
        &[
            "ny", "aktor", "x", "--namn", "X", "--typ", "kommun", "--omrade", "Växö",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("fel: inget område heter `Växö`. Närmast: `Växjö`"),
        "{}",
        stderr(&out)
    );
    assert!(!d.path().join("aktorer/x").exists());
    // The same for the values of an offering: a typo of a category is not written.
    let out = resurs(
        d.path(),
        &[
            "ny",
            "insats",
            "rodakorset-vaxjo/ny",
            "--namn",
            "Ny",
            "--behov",
            "samtalstöd",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("inget behov heter `samtalstöd`. Närmast: `samtalsstod`"),
        "{}",
        stderr(&out)
    );
    // A group of target groups is not a target group: its members are listed.
    let out = resurs(
        d.path(),
        &[
            "ny",
            "insats",
            "rodakorset-vaxjo/ny",
            "--namn",
            "Ny",
            "--malgrupp",
            "flyktingar",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("är gruppen Migranter och flyktingar")
            && stderr(&out).contains("`asylsokande`")
            && stderr(&out).contains("--malgrupp asylsokande"),
        "{}",
        stderr(&out)
    );
    assert!(
        !d.path()
            .join("aktorer/rodakorset-vaxjo/insatser/ny.toml")
            .exists()
    );
}

#[test]
fn init_takes_a_lan_by_its_name_without_lan() {
    let parent = tempfile::tempdir().unwrap();
    for (written, kod) in [
        ("Kalmar", "08"),
        ("Kronoberg", "07"),
        ("kronobergs län", "07"),
        ("Västra Götaland", "14"),
        ("07", "07"),
    ] {
        let dir = parent.path().join(written.replace(' ', "_"));
        let out = resurs(
            parent.path(),
            &["init", dir.to_str().unwrap(), "--lan", written],
        );
        assert_eq!(out.status.code(), Some(0), "{written}: {}", stderr(&out));
        let settings = std::fs::read_to_string(dir.join("resurs.toml")).unwrap();
        assert!(
            settings.contains(&format!("\nlan = \"{kod}\"\n")),
            "{written}: {settings}"
        );
    }
    // A typo is not guessed when writing, and a kommun is no län.
    for written in ["Kalmr", "Växjö"] {
        let dir = parent.path().join(format!("x-{written}"));
        let out = resurs(
            parent.path(),
            &["init", dir.to_str().unwrap(), "--lan", written],
        );
        assert_eq!(out.status.code(), Some(2), "{written}");
        assert!(
            stderr(&out).contains(&format!("`{written}`")),
            "{}",
            stderr(&out)
        );
        assert!(!dir.exists(), "{written}");
    }
}

#[test]
fn reading_commands_take_a_unique_part_or_typo_and_say_so() {
    let (ids, err) = hits(&["--aktor", "lansstyrelsen"]);
    assert!(!ids.is_empty());
    assert!(
        ids.iter()
            .all(|i| i.starts_with("lansstyrelsen-kronoberg/")),
        "{ids:?}"
    );
    assert_eq!(
        err,
        "tar 'lansstyrelsen' som Länsstyrelsen Kronoberg (lansstyrelsen-kronoberg)\n"
    );
    let (ids, err) = hits(&["--aktor", "raddabarnen"]);
    assert!(
        ids.iter().all(|i| i.starts_with("raddabarnen-kronoberg/")),
        "{ids:?}"
    );
    assert!(err.contains("(raddabarnen-kronoberg)"), "{err}");
    let (_, err) = hits(&["--aktor", "Lanstyrelsen"]);
    assert_eq!(
        err,
        "tolkar 'Lanstyrelsen' som Länsstyrelsen Kronoberg (lansstyrelsen-kronoberg)\n"
    );
    let (_, err) = hits(&["--behov", "Samtalstöd"]);
    assert_eq!(err, "tolkar 'Samtalstöd' som Samtalsstöd (samtalsstod)\n");
    let (_, err) = hits(&["--omrade", "Kronobreg"]);
    assert_eq!(err, "tolkar 'Kronobreg' som Kronobergs län (07)\n");

    // A part several actors share is a question, not a guess.
    let out = resurs(&data(), &["sok", "--aktor", "kronoberg"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("fel: `kronoberg` kan betyda flera: ")
            && stderr(&out).contains("`region-kronoberg` (Region Kronoberg)"),
        "{}",
        stderr(&out)
    );

    // `visa` and `uppfoljning --aktor` resolve the same way.
    let out = resurs(&data(), &["visa", "Röda Korset"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Röda Korset (aktör: rodakorset-vaxjo)"),
        "{}",
        stdout(&out)
    );
    let out = resurs(&data(), &["visa", "Rädda"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Rädda Barnen (aktör: raddabarnen-kronoberg)"));
    assert!(
        stderr(&out).contains("tar 'Rädda' som Rädda Barnen"),
        "{}",
        stderr(&out)
    );
    let out = resurs(&data(), &["uppfoljning", "--aktor", "lansstyrelsen"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("(lansstyrelsen-kronoberg)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_fuzzy_likeness_alone_never_decides() {
    // An unknown target group is refused with suggestions, not turned into a near one.
    let out = resurs(&data(), &["sok", "--malgrupp", "migrantfamiljer"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("fel: ingen målgrupp heter `migrantfamiljer`"));
}

#[test]
fn a_group_of_target_groups_searches_all_its_members() {
    let (migranter, err) = hits(&["--malgrupp", "migranter"]);
    assert_eq!(err, "");
    let (asyl, _) = hits(&["--malgrupp", "asylsokande"]);
    let (skydd, _) = hits(&["--malgrupp", "tillfalligt-skydd"]);
    assert!(!asyl.is_empty() && !skydd.is_empty());
    for id in asyl.iter().chain(&skydd) {
        assert!(migranter.contains(id), "{id} saknas i {migranter:?}");
    }
    for synonym in ["flyktingar", "invandrare", "Migranter"] {
        let (ids, _) = hits(&["--malgrupp", synonym]);
        assert_eq!(ids, migranter, "{synonym}");
    }
    let (ukrainare, _) = hits(&["--malgrupp", "ukrainare"]);
    assert_eq!(ukrainare, skydd);
    let (hjalpare, _) = hits(&["--malgrupp", "hjälpare"]);
    let (volontarer, _) = hits(&["--malgrupp", "volontarer"]);
    let (personal, _) = hits(&["--malgrupp", "personal"]);
    assert!(!volontarer.is_empty() && !personal.is_empty());
    for id in volontarer.iter().chain(&personal) {
        assert!(hjalpare.contains(id), "{id}");
    }
}

#[test]
fn data_names_target_groups_not_their_groups() {
    let d = data_copy();
    let file = d
        .path()
        .join("aktorer/rodakorset-vaxjo/insatser/grupp.toml");
    let some = std::fs::read_dir(d.path().join("aktorer/rodakorset-vaxjo/insatser"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&some).unwrap();
    let start = text.find("\nmalgrupper = [").unwrap() + 1;
    let end = start + text[start..].find('\n').unwrap();
    let edited = format!(
        "{}malgrupper = [\"migranter\"]{}",
        &text[..start],
        &text[end..]
    );
    std::fs::remove_file(&some).unwrap();
    std::fs::write(&file, edited).unwrap();
    let out = resurs(d.path(), &["validera"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("fel[E004]: `migranter` är en grupp av målgrupper, inte en målgrupp")
            && text.contains("målgrupperna i Migranter och flyktingar: `asylsokande`"),
        "{text}"
    );

    // A group naming a target group that does not exist is an error of the vocabulary.
    let vok = d.path().join("vokabular/malgrupper.toml");
    let text = std::fs::read_to_string(&vok).unwrap();
    std::fs::write(
        &vok,
        text.replace(
            "\"volontarer\", \"personal\"",
            "\"volontarer\", \"personalen\"",
        ),
    )
    .unwrap();
    let out = resurs(d.path(), &["validera"]);
    assert!(
        stdout(&out).contains("det finns ingen målgrupp `personalen`"),
        "{}",
        stdout(&out)
    );
}
