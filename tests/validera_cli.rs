//! `resurs validera` the way users run it: the default data folder, the output formats, exit
//! codes, and files that are broken below the TOML level (encodings, links, folders).

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::{IDAG, assert_expected, case_folder, fixtures, resurs, stderr, stdout};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_kronoberg_map_in_data_is_valid() {
    let out = resurs(&repo().join("data"), &["validera", "--format", "kort"]);
    // No errors. The meeting notes name no way to reach the offerings of Diakonicentrum and
    // Ulriksbergskyrkan: W009 says so, which is what the coordinator has to find out next.
    let text = stdout(&out);
    assert!(
        text.lines().all(|l| l.contains(": varning[W009]: ")
            && (l.starts_with("aktorer/diakonicentrum/")
                || l.starts_with("aktorer/ulriksbergskyrkan/"))),
        "{text}"
    );
    assert_eq!(text.lines().count(), 7, "{text}");
    assert!(
        stderr(&out).contains("(0 fel, 7 varningar). 9 aktörer, 22 insatser, 12 behov lästes."),
        "{}",
        stderr(&out)
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn data_is_the_default_folder_and_resurs_data_overrides_it() {
    let out = Command::cargo_bin("resurs")
        .unwrap()
        .env_remove("RESURS_DATA")
        .current_dir(repo())
        .args(["--idag", IDAG, "validera"])
        .output()
        .unwrap();
    assert!(
        stdout(&out).ends_with("(0 fel, 7 varningar). 9 aktörer, 22 insatser, 12 behov lästes.\n"),
        "{}",
        stdout(&out)
    );

    let bas = fixtures().join("bas");
    let out = Command::cargo_bin("resurs")
        .unwrap()
        .env("RESURS_DATA", &bas)
        .current_dir(repo())
        .args(["--idag", IDAG, "validera"])
        .output()
        .unwrap();
    assert_eq!(
        stdout(&out),
        "Allt i ordning: 2 aktörer, 2 insatser, 1 behov.\n"
    );
}

#[test]
fn a_missing_data_folder_is_exit_code_2_with_a_swedish_message() {
    let out = resurs(Path::new("/finns/inte"), &["validera"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "fel: hittar ingen datamapp i `/finns/inte` (mappen finns inte).\nAnge mappen med `--data <mapp>` eller miljövariabeln RESURS_DATA, eller skapa en med `resurs init`.\n"
    );
}

#[test]
fn usage_errors_are_exit_code_2_in_swedish() {
    let out = resurs(&fixtures().join("bas"), &["validera", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "fel: `xml` är inget giltigt värde för `--format`\nMöjliga värden: text, kort, json, github\nSe `resurs validera --help`.\n"
    );
    let out = resurs(&fixtures().join("bas"), &["validra"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "fel: okänt kommando `validra`\nMenade du `validera`?\nSe `resurs --help`.\n"
    );
}

#[test]
fn help_is_in_swedish() {
    let out = resurs(&fixtures().join("bas"), &["--help"]);
    let help = stdout(&out);
    assert!(help.contains("Kommandon:"), "{help}");
    assert!(
        help.contains("Användning: resurs [FLAGGOR] <KOMMANDO>"),
        "{help}"
    );
    assert!(help.contains("Kontrollera datamappen"), "{help}");
    assert!(!help.contains("Usage"), "{help}");
    assert!(help.contains("Visa hjälp"), "{help}");
}

#[test]
fn warnings_pass_unless_strikt() {
    let dir = case_folder("w006_rotfil");
    assert_eq!(resurs(dir.path(), &["validera"]).status.code(), Some(0));
    assert_eq!(
        resurs(dir.path(), &["validera", "--strikt"]).status.code(),
        Some(1)
    );
}

#[test]
fn text_format_shows_the_source_line_with_a_caret() {
    let dir = case_folder("e004_vokabular");
    let out = resurs(dir.path(), &["validera"]);
    assert_expected(
        &fixtures().join("fall/e004_vokabular/_forvantat-text.txt"),
        &stdout(&out),
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn json_format_is_an_array_with_the_documented_fields() {
    let dir = case_folder("e009_okant_omrade");
    let out = resurs(dir.path(), &["validera", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let first = &json[0];
    assert_eq!(first["kod"], "E009");
    assert_eq!(first["niva"], "fel");
    assert_eq!(first["fil"], "aktorer/diakonicentrum/aktor.toml");
    assert_eq!(first["rad"], 4);
    assert_eq!(first["kolumn"], 12);
    assert_eq!(first["meddelande"], "området `vaxjo` skrivs `Växjö`");
    assert_eq!(first["forslag"], "Växjö");
    let atlantis = json
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["meddelande"].as_str().unwrap().contains("Atlantis"))
        .unwrap();
    assert!(atlantis["forslag"].is_null());
    assert_eq!(stderr(&out), "", "json prints nothing else");
}

#[test]
fn github_format_gives_annotations_with_paths_from_the_repository_root() {
    let out = Command::cargo_bin("resurs")
        .unwrap()
        .env_remove("RESURS_DATA")
        .current_dir(fixtures())
        .args([
            "--data",
            "fall/e010_kontaktvagar",
            "--idag",
            IDAG,
            "validera",
            "--format",
            "github",
        ])
        .output()
        .unwrap();
    // The case folder alone lacks the vocabularies; the annotations still name files from the
    // folder where the command ran.
    let text = stdout(&out);
    assert!(
        text.contains("::error file=fall/e010_kontaktvagar/aktorer/rodakorset-vaxjo/aktor.toml,line=5,col=8,title=E012::ogiltig webbadress `www.redcross.se`; menade du `https://www.redcross.se`?\n"),
        "{text}"
    );
    assert!(
        text.contains("::error file=fall/e010_kontaktvagar/resurs.toml,line=1,col=1,title=E021::"),
        "{text}"
    );
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

const BEHOV: &str = "titel = \"Stöd\"\nkategorier = [\"mat\"]\nmalgrupper = [\"alla\"]\nomraden = [\"Växjö\"]\ndatum = 2022-10-20\nstatus = \"aktuellt\"\n";

#[test]
fn encodings_bom_and_crlf_give_clear_problems() {
    let dir = case_folder("bas");
    let d = dir.path();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(BEHOV.as_bytes());
    write(d, "behov/med-bom.toml", &bom);
    write(d, "behov/crlf.toml", BEHOV.replace('\n', "\r\n").as_bytes());
    write(d, "behov/latin1.toml", b"titel = \"St\xF6d\"\n");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(BEHOV.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    write(d, "behov/utf16.toml", &utf16);
    write(
        d,
        "behov/nul.toml",
        BEHOV.replace("Stöd", "a\0b").as_bytes(),
    );
    let out = resurs(d, &["validera", "--format", "kort"]);
    assert_eq!(
        stdout(&out),
        "behov/crlf.toml:1:15: varning[W004]: filen har Windows-radslut (CRLF); spara filen med LF-radslut (Unix); `.gitattributes` med `*.toml text eol=lf` hjälper\n\
         behov/latin1.toml:1:12: fel[E018]: filen är inte giltig UTF-8; spara filen som UTF-8; å, ä och ö är troligen sparade i en annan teckenkodning\n\
         behov/med-bom.toml:1:1: varning[W003]: filen börjar med en BOM (byte order mark); spara filen som UTF-8 utan BOM\n\
         behov/nul.toml:1:11: fel[E001]: otillåtet styrtecken i texten; menade du `titel = \"ab\"`?\n\
         behov/utf16.toml:1:1: fel[E018]: filen är sparad som UTF-16; spara filen som UTF-8 (i Anteckningar: Spara som → Kodning: UTF-8)\n"
    );
    // The BOM and CRLF files still load, and what can be read of the one with a NUL.
    assert_eq!(
        stderr(&out),
        "5 problem i 5 filer (3 fel, 2 varningar). 2 aktörer, 2 insatser, 4 behov lästes.\n"
    );
}

#[cfg(unix)]
#[test]
fn links_loops_and_folders_named_like_files_are_reported_not_followed() {
    let dir = case_folder("bas");
    let d = dir.path();
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "hemlig.toml", BEHOV.as_bytes());
    std::os::unix::fs::symlink(
        outside.path().join("hemlig.toml"),
        d.join("behov/lank.toml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        d.join("aktorer"),
        d.join("aktorer/diakonicentrum/insatser/loop"),
    )
    .unwrap();
    std::fs::create_dir_all(d.join("behov/mapp.toml")).unwrap();
    let out = resurs(d, &["validera", "--format", "kort"]);
    assert_eq!(
        stdout(&out),
        "aktorer/diakonicentrum/insatser/loop:1:1: fel[E018]: symboliska länkar följs inte; lägg filen direkt i datamappen i stället för en länk\n\
         behov/lank.toml:1:1: fel[E018]: symboliska länkar följs inte; lägg filen direkt i datamappen i stället för en länk\n\
         behov/mapp.toml:1:1: fel[E018]: `behov/mapp.toml` är en mapp, inte en fil; en datafil ska vara en fil; ta bort eller byt namn på mappen\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_a_problem_and_the_rest_still_loads() {
    use std::os::unix::fs::PermissionsExt;
    let dir = case_folder("bas");
    let d = dir.path();
    write(d, "behov/last.toml", BEHOV.as_bytes());
    let p = d.join("behov/last.toml");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        return; // root reads anything: nothing to test here
    }
    let out = resurs(d, &["validera", "--format", "kort"]);
    assert_eq!(
        stdout(&out),
        "behov/last.toml:1:1: fel[E018]: filen kan inte läsas; behörighet saknas; kontrollera filens rättigheter\n"
    );
    assert!(stderr(&out).ends_with("2 aktörer, 2 insatser, 1 behov lästes.\n"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::process::{Command as Std, Stdio};
    let dir = case_folder("e004_vokabular");
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("resurs"))
        .args(["--idag", IDAG, "--data"])
        .arg(dir.path())
        .arg("validera")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(1));
}
