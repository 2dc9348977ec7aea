//! `resurs sok`, `visa` and `lista` as users run them, over `tests/fixtures/bas` + `sok` (a
//! small map with offerings in a kommun, its län, another kommun and riket) and over `data/`.

mod common;

use std::path::Path;

use common::{layered, resurs, sok_ids, stderr, stdout};

fn sok_folder() -> tempfile::TempDir {
    layered(&["bas", "sok"])
}

/// The ids of the hits of `sok ARGS --format json`, in order, and stderr.
fn ids(data: &Path, args: &[&str]) -> (Vec<String>, String) {
    sok_ids(data, args)
}

const SAMTALSSTOD_AKTIVA_OCH_PLANERADE: [&str; 5] = [
    "alvesta-kyrka/samtal",
    "diakonicentrum/samtalsstod",
    "lansforbund/stodlinje-lan",
    "riksorg/chatt",
    "lansforbund/planerad-grupp",
];

#[test]
fn a_need_is_found_by_id_label_synonym_and_any_case_or_diacritics() {
    let d = sok_folder();
    for written in [
        "samtalsstod",
        "Samtalsstöd",
        "SAMTALSSTÖD",
        "stödsamtal",
        "stodsamtal",
        "counselling",
    ] {
        let (found, err) = ids(d.path(), &["--behov", written]);
        assert_eq!(found, SAMTALSSTOD_AKTIVA_OCH_PLANERADE, "{written}");
        assert_eq!(err, "", "{written}: no notice for an exact alias");
    }
}

#[test]
fn a_typo_is_interpreted_when_one_candidate_clearly_wins_and_said_so() {
    let d = sok_folder();
    let (found, err) = ids(d.path(), &["--behov", "samtalstöd"]);
    assert_eq!(found, SAMTALSSTOD_AKTIVA_OCH_PLANERADE);
    assert_eq!(err, "tolkar 'samtalstöd' som Samtalsstöd (samtalsstod)\n");
    let (_, err) = ids(d.path(), &["--kommun", "Vaxsjö"]);
    assert_eq!(err, "tolkar 'Vaxsjö' som Växjö (0780)\n");
    // A unique beginning of an id or name is taken too, and said.
    let (found, err) = ids(d.path(), &["--behov", "samtal"]);
    assert_eq!(found, SAMTALSSTOD_AKTIVA_OCH_PLANERADE);
    assert_eq!(err, "tar 'samtal' som Samtalsstöd (samtalsstod)\n");
}

#[test]
fn an_unclear_value_fails_with_exit_code_2_and_the_closest_candidates() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let out = resurs(&data, &["sok", "--behov", "psyk"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "fel: `psyk` kan betyda flera: `psykosocialt-gruppstod` (Psykosocialt gruppstöd), `psykisk-halsa` (Psykisk hälsa och samtalsstöd). Skriv id:t.\nSe alla med `resurs lista kategorier`.\n"
    );
    let out = resurs(&data, &["sok", "--behov", "samtalsrum"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("fel: inget behov heter `samtalsrum`. Närmast: "),
        "{}",
        stderr(&out)
    );
    let out = resurs(&data, &["sok", "--sprak", "klingon"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "fel: inget språk heter `klingon`.\nSe alla med `resurs lista sprak`.\n"
    );
}

#[test]
fn a_group_means_all_its_categories() {
    let d = sok_folder();
    let (found, _) = ids(d.path(), &["--behov", "psykisk-halsa"]);
    assert!(found.contains(&"riksorg/terapi-uk".to_owned()));
    assert!(found.contains(&"diakonicentrum/samtalsstod".to_owned()));
    assert!(!found.iter().any(|id| id.ends_with("matkassar")));
    let (by_label, _) = ids(d.path(), &["--behov", "Psykisk hälsa och samtalsstöd"]);
    assert_eq!(found, by_label);
}

#[test]
fn a_kommun_finds_its_own_then_its_lan_then_riket() {
    let d = sok_folder();
    let expected = [
        "diakonicentrum/samtalsstod",
        "lansforbund/stodlinje-lan",
        "lansforbund/planerad-grupp",
        "riksorg/chatt",
    ];
    for written in ["Växjö", "vaxjo", "0780", "VÄXJÖ kommun"] {
        let (found, _) = ids(d.path(), &["--behov", "samtalsstod", "--kommun", written]);
        assert_eq!(found, expected, "{written}");
    }
    // Alvesta's own offering is not Växjö's; the län and riket serve Alvesta too.
    let (found, _) = ids(d.path(), &["--behov", "samtalsstod", "--kommun", "Alvesta"]);
    assert_eq!(found[0], "alvesta-kyrka/samtal");
    assert!(!found.contains(&"diakonicentrum/samtalsstod".to_owned()) || found.len() == 5);
}

#[test]
fn a_lan_finds_what_is_offered_in_its_kommuner() {
    let d = sok_folder();
    let (found, _) = ids(
        d.path(),
        &["--behov", "samtalsstod", "--omrade", "Kronobergs län"],
    );
    assert_eq!(
        found,
        [
            "alvesta-kyrka/samtal",
            "diakonicentrum/samtalsstod",
            "lansforbund/stodlinje-lan",
            "lansforbund/planerad-grupp",
            "riksorg/chatt"
        ]
    );
    let out = resurs(d.path(), &["sok", "--kommun", "Kronobergs län"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_language_is_found_first_then_offerings_with_an_interpreter() {
    let d = sok_folder();
    for written in ["ukrainska", "uk", "Ukrainian"] {
        let (found, _) = ids(d.path(), &["--sprak", written]);
        assert_eq!(
            found,
            [
                "lansforbund/stodlinje-lan",
                "riksorg/terapi-uk",
                "alvesta-kyrka/samtal",
                "lansforbund/planerad-grupp"
            ],
            "{written}"
        );
    }
    let out = resurs(d.path(), &["sok", "--sprak", "uk", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json[0]["med_tolk"], false);
    assert_eq!(json[2]["med_tolk"], true);
    assert_eq!(json[2]["traff"][0], "språk: med tolk");
    // An offering without `sprak` is in Swedish.
    let (found, _) = ids(d.path(), &["--sprak", "svenska", "--behov", "mat"]);
    assert_eq!(found, ["rodakorset-vaxjo/matkassar"]);
}

#[test]
fn status_defaults_to_active_and_planned() {
    let d = sok_folder();
    let (found, _) = ids(d.path(), &["--aktor", "riksorg"]);
    assert_eq!(found, ["riksorg/chatt", "riksorg/terapi-uk"]);
    let (found, _) = ids(
        d.path(),
        &["--aktor", "Riksorganisationen", "--status", "alla"],
    );
    assert_eq!(
        found,
        ["riksorg/chatt", "riksorg/terapi-uk", "riksorg/gammal"]
    );
    let (found, _) = ids(d.path(), &["--status", "pausad", "--status", "avslutad"]);
    assert_eq!(found, ["alvesta-kyrka/pausad-mat", "riksorg/gammal"]);
    let out = resurs(
        d.path(),
        &["sok", "--behov", "samtalsstod", "--kommun", "Växjö"],
    );
    assert!(
        stdout(&out).contains("Samtalsgrupp för föräldrar (planerad)"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn filters_combine_with_and_and_repeat_with_or() {
    let d = sok_folder();
    let (found, _) = ids(d.path(), &["--behov", "samtalsstod", "--kostnadsfri"]);
    assert_eq!(found, ["lansforbund/stodlinje-lan", "riksorg/chatt"]);
    let (found, _) = ids(
        d.path(),
        &[
            "--behov",
            "samtalsstod",
            "--kostnadsfri",
            "--kanal",
            "digitalt",
        ],
    );
    assert_eq!(found, ["riksorg/chatt"]);
    let (found, _) = ids(d.path(), &["--behov", "mat", "--behov", "terapi"]);
    assert_eq!(found, ["riksorg/terapi-uk", "rodakorset-vaxjo/matkassar"]);
    let (found, _) = ids(d.path(), &["--tolk"]);
    assert_eq!(
        found,
        ["alvesta-kyrka/samtal", "lansforbund/planerad-grupp"]
    );
    // Offerings for everyone count for every target group.
    let (found, _) = ids(
        d.path(),
        &["--behov", "samtalsstod", "--malgrupp", "volontärer"],
    );
    assert_eq!(
        found,
        [
            "alvesta-kyrka/samtal",
            "diakonicentrum/samtalsstod",
            "lansforbund/stodlinje-lan",
            "riksorg/chatt"
        ]
    );
}

#[test]
fn free_text_matches_names_descriptions_actors_and_category_words() {
    let d = sok_folder();
    assert_eq!(ids(d.path(), &["chatt"]).0, ["riksorg/chatt"]);
    assert_eq!(
        ids(d.path(), &["stödlinje"]).0,
        ["lansforbund/stodlinje-lan"]
    );
    assert_eq!(
        ids(d.path(), &["traumaterpi"]).0,
        ["riksorg/terapi-uk"],
        "a typo"
    );
    assert_eq!(
        ids(d.path(), &["Riksorganisationen"]).0,
        ["riksorg/chatt", "riksorg/terapi-uk"]
    );
    assert_eq!(
        ids(d.path(), &["matkasse"]).0,
        ["rodakorset-vaxjo/matkassar"],
        "a category synonym"
    );
    assert_eq!(
        ids(d.path(), &["ring", "ukrainska"]).0,
        ["lansforbund/stodlinje-lan"],
        "every word must match"
    );
    // The name weighs more than the description.
    assert_eq!(ids(d.path(), &["samtal"]).0[0], "alvesta-kyrka/samtal");
}

#[test]
fn the_table_ends_with_a_summary_and_no_hits_is_friendly() {
    let d = sok_folder();
    let out = resurs(
        d.path(),
        &["sok", "--behov", "samtalsstod", "--kommun", "Växjö"],
    );
    let text = stdout(&out);
    assert!(text.starts_with("╭"), "{text}");
    assert!(text.contains("│ Insats"), "{text}");
    assert!(
        text.ends_with(
            "4 insatser hos 3 aktörer. `resurs visa ID` visar en insats i sin helhet.\n"
        ),
        "{text}"
    );
    let out = resurs(
        d.path(),
        &[
            "sok", "--behov", "terapi", "--kommun", "Alvesta", "--sprak", "en",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("Inga insatser matchar sökningen.\nVart och ett av dessa filter tömde resultatet: --behov Terapi och traumabehandling, --sprak engelska.\n")
            && text.contains("  utan --sprak engelska: 1 insats (ingen av dem på engelska eller med tolk)\n")
            && text.contains("  alvesta-kyrka/samtal\n      Samtal i kyrkan – Alvesta kyrka; Samtalsstöd; med tolk\n"),
        "{text}"
    );
}

#[test]
fn csv_is_for_excel_and_markdown_is_a_table() {
    let d = sok_folder();
    let out = resurs(
        d.path(),
        &["sok", "--aktor", "lansforbund", "--format", "csv"],
    );
    assert_eq!(
        stdout(&out),
        "\u{feff}id;insats;aktör;behov;målgrupp;område;språk;tolk;status;kontakt\r\n\
         lansforbund/stodlinje-lan;Stödlinje i länet;Länsförbundet;Samtalsstöd;alla;Kronobergs län;\"sv, uk\";nej;aktiv;0470-111 11\r\n\
         lansforbund/planerad-grupp;Samtalsgrupp för föräldrar;Länsförbundet;Samtalsstöd;föräldrar;Kronobergs län;sv;ja;planerad;0470-111 11\r\n"
    );
    let out = resurs(d.path(), &["sok", "--aktor", "riksorg", "--format", "md"]);
    assert_eq!(
        stdout(&out),
        "| Insats | Aktör | Behov | Målgrupp | Område | Språk | Kontakt |\n|---|---|---|---|---|---|---|\n\
         | Chatt för volontärer (`riksorg/chatt`) | Riksorganisationen | Samtalsstöd | volontärer och ideella | hela Sverige | sv, en | <https://riksorg.example> |\n\
         | Traumaterapi på ukrainska (`riksorg/terapi-uk`) | Riksorganisationen | Terapi och traumabehandling | alla | hela Sverige | uk | <https://riksorg.example> |\n\
         \n2 insatser hos 1 aktör.\n"
    );
}

#[test]
fn json_hits_have_the_documented_fields() {
    let d = sok_folder();
    let out = resurs(d.path(), &["sok", "--behov", "mat", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let hit = &json[0];
    for key in [
        "id",
        "aktor",
        "aktor_namn",
        "namn",
        "behov",
        "malgrupper",
        "omraden",
        "sprak",
        "tolk",
        "med_tolk",
        "status",
        "kontakt",
        "traff",
    ] {
        assert!(hit.get(key).is_some(), "{key} saknas");
    }
    assert_eq!(hit["id"], "rodakorset-vaxjo/matkassar");
    assert_eq!(hit["aktor"], "rodakorset-vaxjo");
    assert_eq!(hit["omraden"][0], "Växjö", "from the actor");
    assert_eq!(hit["traff"][0], "behov: Mat och matkassar");
}

#[test]
fn broken_files_are_skipped_with_one_line_on_stderr() {
    let d = sok_folder();
    std::fs::write(
        d.path().join("aktorer/riksorg/insatser/chatt.toml"),
        "namn = \"trasig\n",
    )
    .unwrap();
    std::fs::write(
        d.path().join("aktorer/riksorg/insatser/terapi-uk.toml"),
        "namn = \"Utan resten\"\n",
    )
    .unwrap();
    let (found, err) = ids(d.path(), &["--aktor", "riksorg", "--status", "alla"]);
    assert_eq!(found, ["riksorg/gammal"]);
    assert_eq!(err, "2 filer hoppades över; kör `resurs validera`\n");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::process::{Command, Stdio};
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("resurs"))
        .arg("--data")
        .arg(&data)
        .args(["lista", "omraden"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(stderr(&out), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_readme_command_answers_from_data() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let (found, _) = ids(&data, &["--behov", "samtalsstod"]);
    assert_eq!(
        found,
        [
            "diakonicentrum/samtalsstod",
            "vaxjo-arbete-valfard/samtal-med-ungdomar",
            "vaxjo-arbete-valfard/rad-och-stodsamtal"
        ]
    );
    // The meeting's question: who offers support in Ukrainian in Växjö?
    let (found, _) = ids(&data, &["--kommun", "Växjö", "--sprak", "ukrainska"]);
    assert_eq!(found[0], "raddabarnen-kronoberg/foraldrastod-ukrainare");
}

#[test]
fn visa_shows_an_actor_an_offering_or_a_need_in_full() {
    let d = sok_folder();
    let out = resurs(d.path(), &["visa", "riksorg"]);
    let text = stdout(&out);
    assert!(text.starts_with("Riksorganisationen (aktör: riksorg)\nTyp:            Ideell förening\nOmråde:         hela Sverige\n"), "{text}");
    assert!(
        text.contains("Insatser (3)\n  - Chatt för volontärer (riksorg/chatt) – aktiv\n"),
        "{text}"
    );

    let out = resurs(d.path(), &["visa", "diakonicentrum/samtalsstod"]);
    let text = stdout(&out);
    assert!(
        text.contains("Aktör:          Diakonicentrum (diakonicentrum)\n"),
        "{text}"
    );
    assert!(
        text.contains("Område:         Växjö, Kronobergs län (aktörens)\n"),
        "{text}"
    );
    assert!(text.contains("Ålder:          18–99 år\n"), "{text}");

    let out = resurs(d.path(), &["visa", "samtalsstod-ukrainska"]);
    let text = stdout(&out);
    assert!(
        text.contains("Lyft av:        Röda Korset Växjö (rodakorset-vaxjo)\n"),
        "{text}"
    );
    assert!(text.contains("  - [öppen] Undersöka om fler samtalsgrupper kan erbjudas. Ansvarig: Diakonicentrum (diakonicentrum). Senast 2026-12-31.\n"), "{text}");
}

#[test]
fn visa_an_unknown_id_fails_with_suggestions() {
    let d = sok_folder();
    let out = resurs(d.path(), &["visa", "riksorg/chat"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).starts_with("tar 'riksorg/chat' som "),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("(insats: riksorg/chatt)"),
        "{}",
        stdout(&out)
    );
    let out = resurs(d.path(), &["visa", "riksorg/samtalsgrupp-xyz"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("fel: inget heter `riksorg/samtalsgrupp-xyz`. Närmast: `riksorg/")
            && stderr(&out).ends_with("Se alla med `resurs lista aktorer`, `resurs lista insatser` eller `resurs lista behov`.\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn lista_lists_entries_and_vocabularies() {
    let d = sok_folder();
    let out = resurs(d.path(), &["lista", "kategorier"]);
    assert_eq!(
        stdout(&out),
        "Psykisk hälsa och samtalsstöd (psykisk-halsa)\n  samtalsstod  Samtalsstöd – stödsamtal, counselling\n  terapi       Terapi och traumabehandling – psykoterapi\n\nBasbehov (basbehov)\n  mat  Mat och matkassar – matkasse\n"
    );
    let out = resurs(d.path(), &["lista", "aktorer"]);
    assert_eq!(
        stdout(&out),
        "alvesta-kyrka     Alvesta kyrka (Trossamfund)\ndiakonicentrum    Diakonicentrum (Trossamfund)\nlansforbund       Länsförbundet (Ideell förening)\nriksorg           Riksorganisationen (Ideell förening)\nrodakorset-vaxjo  Röda Korset Växjö (Ideell förening)\n"
    );
    let out = resurs(d.path(), &["lista", "omraden"]);
    assert!(
        stdout(&out).starts_with("riket  hela Sverige\n03    Uppsala län\n  0305  Håbo\n"),
        "{}",
        stdout(&out)
    );
    for vad in ["insatser", "behov", "malgrupper", "sprak"] {
        let out = resurs(d.path(), &["lista", vad]);
        assert_eq!(out.status.code(), Some(0), "{vad}");
        assert!(!stdout(&out).is_empty(), "{vad}");
    }
}

/// `sok --behov` parses only the offerings whose text names one of the categories: written
/// with escapes, a category is still found, and a broken file that cannot match is not counted.
#[test]
fn a_search_by_need_parses_only_what_can_match_and_misses_nothing() {
    let d = sok_folder();
    let dir = d.path().join("aktorer/alvesta-kyrka/insatser");
    let text = std::fs::read_to_string(dir.join("samtal.toml")).unwrap();
    // The same id with TOML escapes, and split by a line-ending backslash.
    std::fs::write(
        dir.join("escaped.toml"),
        text.replace(r#"["samtalsstod"]"#, r#"["s\u0061mtalsst\u006Fd"]"#),
    )
    .unwrap();
    std::fs::write(
        dir.join("split.toml"),
        text.replace(r#"["samtalsstod"]"#, "[\"\"\"samtals\\\n    stod\"\"\"]"),
    )
    .unwrap();
    // Broken: one that names the need (skipped, and said), one that does not (of no interest).
    std::fs::write(dir.join("trasig.toml"), "namn = \"samtalsstod\nbehov = [").unwrap();
    std::fs::write(dir.join("annan.toml"), "namn = \"matkasse\n").unwrap();
    let (found, err) = ids(
        d.path(),
        &["--behov", "samtalsstod", "--aktor", "alvesta-kyrka"],
    );
    assert_eq!(
        found,
        [
            "alvesta-kyrka/escaped",
            "alvesta-kyrka/samtal",
            "alvesta-kyrka/split"
        ]
    );
    assert_eq!(err, "1 fil hoppades över; kör `resurs validera`\n");
}

/// For every category of data/ and of the test map, a search by need gives the same hits as a
/// search over the fully loaded folder.
#[test]
fn a_search_by_need_finds_what_a_full_load_finds() {
    let sok = sok_folder();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut skipped = 0;
    for root in [sok.path(), data.as_path()] {
        let reading = resurs::load::LoadOptions {
            checks: resurs::load::Checks::Quick,
            ..resurs::load::LoadOptions::default()
        };
        let full = resurs::load::load(root, &reading).unwrap();
        let kategorier = full.vokabular.kategori_ids();
        assert!(!kategorier.is_empty());
        for k in &kategorier {
            let q = resurs::search::Query {
                behov: vec![k.clone()],
                status: resurs::search::DEFAULT_STATUS.to_vec(),
                ..Default::default()
            };
            let prefilter = resurs::load::Prefilter::kategorier(std::slice::from_ref(k));
            let search = resurs::load::LoadOptions {
                files: resurs::load::Files::Prefiltered(&prefilter),
                ..reading
            };
            let part = resurs::load::load(root, &search).unwrap();
            assert!(part.insatser.len() <= full.insatser.len());
            skipped += part.files_skipped;
            let a: Vec<&str> = resurs::search::search(&full, &q)
                .iter()
                .map(|h| h.id)
                .collect();
            let b: Vec<&str> = resurs::search::search(&part, &q)
                .iter()
                .map(|h| h.id)
                .collect();
            assert_eq!(a, b, "{k} in {}", root.display());
        }
    }
    assert!(skipped > 0, "the searches skipped files");
}
