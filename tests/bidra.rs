//! Contributing data: `resurs ny`, `init`, `fmt`, `forklara`, `validera --andrade-sedan`,
//! completions and the man page, run the way a contributor runs them.

mod common;

use std::path::Path;

use common::{IDAG, git, layered, resurs, stderr, stdout};

fn schemas_into(dir: &Path) {
    let out = resurs(
        dir,
        &["schema", "--ut", dir.join("schemas").to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn ny_aktor_writes_a_template_with_every_field_and_says_what_is_left() {
    let d = layered(&["bas"]);
    schemas_into(d.path());
    let out = resurs(
        d.path(),
        &[
            "ny",
            "aktor",
            "lansforbund",
            "--namn",
            "Länsförbundet",
            "--typ",
            "ideell-forening",
            "--omrade",
            "kronoberg",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "Skapade aktorer/lansforbund/aktor.toml.\nKvar att fylla i:\n  rad 11: `beskrivning` får inte vara tom\n"
    );
    let text = std::fs::read_to_string(d.path().join("aktorer/lansforbund/aktor.toml")).unwrap();
    assert!(
        text.starts_with("#:schema ../../schemas/aktor.schema.json\n"),
        "{text}"
    );
    assert!(text.contains("\nnamn = \"Länsförbundet\"\n"), "{text}");
    assert!(
        text.contains("\nomraden = [\"Kronobergs län\"]\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!("\nsenast_granskad = {IDAG}\n")),
        "{text}"
    );
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(d.path().join("schemas/aktor.schema.json")).unwrap(),
    )
    .unwrap();
    for key in schema["properties"].as_object().unwrap().keys() {
        let present = text.contains(&format!("\n{key} = "))
            || text.contains(&format!("\n# {key} = "))
            || text.contains(&format!("# [[{key}]]"));
        assert!(present, "`{key}` saknas i mallen\n{text}");
    }
    // Each optional field has a one-line explanation right above it.
    assert!(
        text.contains("# Webbplats (http eller https).\n# webb = "),
        "{text}"
    );
}

#[test]
fn ny_insats_and_ny_behov_check_their_values() {
    let d = layered(&["bas"]);
    let out = resurs(
        d.path(),
        &[
            "ny",
            "insats",
            "rodakorset-vaxjo/traffpunkt",
            "--namn",
            "Träffpunkt",
            "--behov",
            "stödsamtal",
            "--malgrupp",
            "Föräldrar",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(
        d.path()
            .join("aktorer/rodakorset-vaxjo/insatser/traffpunkt.toml"),
    )
    .unwrap();
    assert!(
        text.contains("\nbehov = [\"samtalsstod\"]\n")
            && text.contains("\nmalgrupper = [\"foraldrar\"]\n"),
        "{text}"
    );

    let out = resurs(d.path(), &["ny", "insats", "rodakorset/x", "--namn", "X"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("det finns ingen aktör `rodakorset`")
            && stderr(&out).contains("Menade du `rodakorset-vaxjo`?"),
        "{}",
        stderr(&out)
    );

    let out = resurs(
        d.path(),
        &[
            "ny",
            "aktor",
            "ny-aktor",
            "--namn",
            "X",
            "--typ",
            "förening",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "fel: ingen aktörstyp heter `förening`. Närmast: `ideell-forening` (Ideell förening).\nEtt kommando som skriver data tar bara ett exakt id, namn eller synonym.\nSe alla med `resurs lista aktorstyper`.\n"
    );
    assert!(
        !d.path().join("aktorer/ny-aktor").exists(),
        "nothing is written when a value is wrong"
    );

    let out = resurs(
        d.path(),
        &[
            "ny",
            "behov",
            "mat-alvesta",
            "--titel",
            "Mat i Alvesta",
            "--kategori",
            "mat",
            "--malgrupp",
            "alla",
            "--omrade",
            "Alvesta",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "Skapade behov/mat-alvesta.toml.\nFilen är komplett. Kör `resurs validera` innan du skickar in den.\n"
    );
    // Once the offering's description is written, the folder is valid.
    let f = d
        .path()
        .join("aktorer/rodakorset-vaxjo/insatser/traffpunkt.toml");
    std::fs::write(
        &f,
        std::fs::read_to_string(&f)
            .unwrap()
            .replace("beskrivning = \"\"", "beskrivning = \"Öppet hus.\""),
    )
    .unwrap();
    assert_eq!(
        stdout(&resurs(d.path(), &["validera"])),
        "Allt i ordning: 2 aktörer, 3 insatser, 2 behov.\n"
    );
}

#[test]
fn ny_never_overwrites() {
    let d = layered(&["bas"]);
    let path = d.path().join("aktorer/rodakorset-vaxjo/aktor.toml");
    let before = std::fs::read_to_string(&path).unwrap();
    let out = resurs(
        d.path(),
        &[
            "ny",
            "aktor",
            "rodakorset-vaxjo",
            "--namn",
            "X",
            "--typ",
            "kommun",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "fel: `aktorer/rodakorset-vaxjo/aktor.toml` finns redan och skrivs inte över; ändra den filen i stället\n"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    let out = resurs(d.path(), &["ny", "behov", "Nytt Behov", "--titel", "X"]);
    assert_eq!(
        stderr(&out),
        "fel: `Nytt Behov` är inget giltigt id för ett behov: använd små bokstäver a–z, siffror och bindestreck.\nMenade du `nytt-behov`?\n"
    );
}

#[test]
fn init_creates_a_valid_data_repository() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("karta");
    let out = resurs(
        parent.path(),
        &[
            "init",
            dir.to_str().unwrap(),
            "--namn",
            "Resurskarta Test",
            "--lan",
            "07",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for file in [
        "resurs.toml",
        "vokabular/behov.toml",
        "vokabular/malgrupper.toml",
        "vokabular/aktorstyper.toml",
        "vokabular/omraden.toml",
        "vokabular/sprak.toml",
        "README.md",
        ".github/workflows/validera.yml",
        ".github/pull_request_template.md",
        ".github/CODEOWNERS",
        ".github/zizmor.yml",
        ".gitignore",
        ".taplo.toml",
        "schemas/aktor.schema.json",
        "schemas/insats.schema.json",
        "schemas/behov.schema.json",
        "aktorer/exempel/aktor.toml",
    ] {
        assert!(dir.join(file).is_file(), "{file} saknas");
    }
    let out = resurs(&dir, &["validera"]);
    assert_eq!(
        stdout(&out),
        "Allt i ordning: 1 aktör, 0 insatser, 0 behov.\n"
    );
    assert_eq!(
        resurs(&dir, &["fmt", "--check"]).status.code(),
        Some(0),
        "init writes canonical files"
    );
    assert_eq!(resurs(&dir, &["lista", "omraden"]).status.code(), Some(0));
    let kommuner = std::fs::read_to_string(dir.join("vokabular/omraden.toml"))
        .unwrap()
        .lines()
        .filter(|l| *l == "[[kommun]]")
        .count();
    assert_eq!(kommuner, 290);
    let workflow = std::fs::read_to_string(dir.join(".github/workflows/validera.yml")).unwrap();
    for needed in [
        "pull_request",
        "push",
        "uses: resurskarta/resurs@",
        "andrade-sedan: ",
        "rapport: ",
        "upload-pages-artifact",
        "deploy-pages",
    ] {
        assert!(workflow.contains(needed), "{needed}");
    }
    assert_eq!(
        std::fs::read_to_string(dir.join(".taplo.toml")).unwrap(),
        resurs::taplo_config("./schemas")
    );
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    assert!(
        readme.starts_with("# Resurskarta Test\n") && readme.contains("Add file"),
        "{readme}"
    );
    let resurs_toml = std::fs::read_to_string(dir.join("resurs.toml")).unwrap();
    assert!(resurs_toml.contains("lan = \"07\""), "{resurs_toml}");

    // A folder with content is refused.
    let out = resurs(parent.path(), &["init", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("är inte tom"), "{}", stderr(&out));
}

#[test]
fn forklara_explains_every_code() {
    let d = layered(&["bas"]);
    let out = resurs(d.path(), &["forklara", "e004"]);
    assert_eq!(
        stdout(&out),
        "E004 (fel): okänt värde i en vokabulär (behov, målgrupp, aktörstyp, språk)\n\n\
         Värdet finns inte i vokabulären (behov, målgrupper, aktörstyper eller språk). I datafilerna skrivs id:t, inte etiketten eller en synonym. Se alla värden med `resurs lista kategorier`, `malgrupper` eller `sprak`.\n\n\
         Fel:\n    behov = [\"Samtalsstöd\"]\n    sprak = [\"ukrainska\"]\n\n\
         Rätt:\n    behov = [\"samtalsstod\"]\n    sprak = [\"uk\"]\n"
    );
    for code in resurs::diagnostic::Code::ALL {
        assert_eq!(
            resurs(d.path(), &["forklara", code.as_str()]).status.code(),
            Some(0),
            "{code}"
        );
    }
    let out = resurs(d.path(), &["forklara", "E999"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("ingen problemkod heter `E999`. Koderna är E001–E025 och W001–W011"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn andrade_sedan_blames_only_the_files_a_contributor_changed() {
    let d = layered(&["bas"]);
    let p = d.path();
    // Two stale files: one actor and one offering.
    for f in [
        "aktorer/rodakorset-vaxjo/aktor.toml",
        "aktorer/diakonicentrum/aktor.toml",
    ] {
        let text = std::fs::read_to_string(p.join(f))
            .unwrap()
            .replace("senast_granskad = 2026-", "senast_granskad = 2024-");
        std::fs::write(p.join(f), text).unwrap();
    }
    git(p, &["init", "-q", "-b", "main"]);
    git(p, &["add", "."]);
    git(p, &["commit", "-q", "-m", "start"]);
    // The contributor edits Diakonicentrum and adds a need with a broken reference.
    let f = p.join("aktorer/diakonicentrum/aktor.toml");
    std::fs::write(
        &f,
        std::fs::read_to_string(&f)
            .unwrap()
            .replace("Samtalsstöd och", "Samtal och"),
    )
    .unwrap();
    std::fs::write(
        p.join("behov/nytt.toml"),
        "titel = \"Nytt\"\nkategorier = [\"mat\"]\nmalgrupper = [\"alla\"]\nomraden = [\"Växjö\"]\nlyft_av = [\"finns-inte\"]\ndatum = 2026-11-01\nstatus = \"aktuellt\"\n",
    )
    .unwrap();
    let all = stdout(&resurs(p, &["validera", "--format", "kort"]));
    assert!(
        all.contains("aktorer/rodakorset-vaxjo/aktor.toml:9:19: fel[E016]"),
        "{all}"
    );
    let out = resurs(
        p,
        &["validera", "--format", "kort", "--andrade-sedan", "HEAD"],
    );
    assert_eq!(
        stdout(&out),
        "aktorer/diakonicentrum/aktor.toml:5:19: fel[E016]: uppgifterna granskades senast 2024-09-15, för 26 månader sedan; kontrollera uppgifterna med aktören och sätt `senast_granskad` till dagens datum\n\
         behov/nytt.toml:5:12: fel[E008]: det finns ingen aktör `finns-inte`; aktörens id är namnet på dess mapp i `aktorer/`\n"
    );
    let out = resurs(p, &["validera", "--andrade-sedan", "finns-inte"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("fel: kan inte jämföra med `finns-inte`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn fmt_writes_the_canonical_layout_and_keeps_comments() {
    let d = layered(&["bas"]);
    assert_eq!(resurs(d.path(), &["fmt"]).status.code(), Some(0));
    let f = d.path().join("aktorer/rodakorset-vaxjo/aktor.toml");
    let messy = "# Röda Korset i Växjö\nsenast_granskad = 2026-10-01\ntyp='ideell-forening'   # enligt stadgarna\n\"namn\"  =  \"Röda Korset Växjö\"\nomraden = [ 'Växjö' , ]\nbeskrivning = \"Träffpunkt.\"\n";
    std::fs::write(&f, messy).unwrap();
    let out = resurs(d.path(), &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "skulle ändras: aktorer/rodakorset-vaxjo/aktor.toml\n"
    );
    assert_eq!(
        std::fs::read_to_string(&f).unwrap(),
        messy,
        "--check changes nothing"
    );
    let out = resurs(d.path(), &["fmt"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&f).unwrap(),
        "\"namn\" = \"Röda Korset Växjö\"\ntyp = \"ideell-forening\" # enligt stadgarna\nbeskrivning = \"Träffpunkt.\"\nomraden = [\"Växjö\"]\n# Röda Korset i Växjö\nsenast_granskad = 2026-10-01\n"
            .replace("\"namn\"", "namn")
    );
    assert_eq!(resurs(d.path(), &["fmt", "--check"]).status.code(), Some(0));
    assert_eq!(resurs(d.path(), &["validera"]).status.code(), Some(0));
    let leftovers = walkdir::WalkDir::new(d.path())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn data_and_examples_are_formatted() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["data", "examples/exempelkarta"] {
        let out = resurs(&root.join(dir), &["fmt", "--check"]);
        assert_eq!(out.status.code(), Some(0), "{dir}: {}", stdout(&out));
    }
}

#[test]
fn the_example_data_folder_is_valid() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = resurs(&root.join("examples/exempelkarta"), &["validera"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).starts_with("Allt i ordning: "),
        "{}",
        stdout(&out)
    );
}

#[test]
fn completions_and_man_page() {
    let d = layered(&["bas"]);
    for shell in ["bash", "zsh", "fish"] {
        let out = resurs(d.path(), &["completions", shell]);
        assert_eq!(out.status.code(), Some(0));
        assert!(stdout(&out).contains("validera"), "{shell}");
    }
    let man = stdout(&resurs(d.path(), &["man"]));
    assert!(
        man.starts_with(".ie \\n(.g .ds Aq") || man.contains(".TH resurs"),
        "{man}"
    );
    assert!(man.contains("validera"));
}

#[test]
fn the_example_workflow_is_the_one_init_writes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("karta");
    let out = resurs(parent.path(), &["init", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The example is pinned to the commit it was written at; init to the one it was built from.
    let pin = |text: &str| -> String {
        text.lines()
            .map(|l| match l.split_once("uses: resurskarta/resurs@") {
                Some((indent, _)) => format!("{indent}uses: resurskarta/resurs@…\n"),
                None => format!("{l}\n"),
            })
            .collect()
    };
    assert_eq!(
        pin(&std::fs::read_to_string(root.join("examples/validera.yml")).unwrap()),
        pin(&std::fs::read_to_string(dir.join(".github/workflows/validera.yml")).unwrap())
    );
}
