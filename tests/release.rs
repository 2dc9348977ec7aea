//! The release assets (scripts/paketera.sh, scripts/kontrollsummor.sh, the release workflow and
//! Cargo.toml's `[package.metadata.binstall]`): names as the contract with the GitHub Action
//! gives them, a SHA256SUMS file that `sha256sum -c` accepts and that catches a changed archive,
//! and `cargo binstall`'s address template pointing at exactly the archives the workflow builds.
//! The test that builds the host's archive (a release build, minutes) is ignored in `cargo
//! test`; `.ci/run` runs it with `cargo test --test release -- --include-ignored`.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assert_cmd::Command as BinCommand;

/// The targets the release workflow builds, and the archive each one gets.
const TARGETS: [(&str, &str); 5] = [
    ("x86_64-unknown-linux-musl", "tar.gz"),
    ("aarch64-unknown-linux-musl", "tar.gz"),
    ("x86_64-apple-darwin", "tar.gz"),
    ("aarch64-apple-darwin", "tar.gz"),
    ("x86_64-pc-windows-msvc", "zip"),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

fn script(name: &str) -> Command {
    let mut cmd = Command::new("bash");
    cmd.arg(root().join("scripts").join(name));
    cmd
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// `sha256sum -c SHA256SUMS` in `dir`.
fn sha256sum_check(dir: &Path) -> Output {
    Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(dir)
        .output()
        .expect("sha256sum (coreutils)")
}

fn host() -> String {
    let out = Command::new("rustc").arg("-vV").output().unwrap();
    text(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .unwrap()
        .to_string()
}

fn manifest() -> toml::Table {
    std::fs::read_to_string(root().join("Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap()
}

/// `cargo binstall`'s template with its variables filled in for `target` (the variables are
/// those of cargo-binstall's documentation: `{ repo }`, `{ version }`, `{ target }`,
/// `{ archive-suffix }` from `pkg-fmt`, `{ binary-ext }`).
fn binstall(manifest: &toml::Table, target: &str) -> (String, String, String) {
    let package = manifest["package"].as_table().unwrap();
    let meta = package["metadata"]["binstall"].as_table().unwrap();
    let pick = |key: &str| -> String {
        meta.get("overrides")
            .and_then(|o| o.get(target))
            .and_then(|o| o.get(key))
            .or_else(|| meta.get(key))
            .and_then(toml::Value::as_str)
            .unwrap_or_else(|| panic!("binstall: ingen {key} för {target}"))
            .to_string()
    };
    let fmt = pick("pkg-fmt");
    let suffix = match fmt.as_str() {
        "tgz" => ".tar.gz",
        "zip" => ".zip",
        other => panic!("pkg-fmt {other} är inte ett av arkivformaten tgz/zip"),
    };
    let exe = if target.contains("windows") {
        ".exe"
    } else {
        ""
    };
    // Engineer C's `repository` line; without it binstall has no `{ repo }` at all.
    let repo = package
        .get("repository")
        .and_then(toml::Value::as_str)
        .unwrap_or("https://github.com/OWNER/resurs");
    let fill = |template: String| {
        template
            .replace("{ repo }", repo)
            .replace("{ version }", version())
            .replace("{ target }", target)
            .replace("{ archive-suffix }", suffix)
            .replace("{ binary-ext }", exe)
    };
    (
        fill(pick("pkg-url")),
        fill(pick("bin-dir")),
        repo.to_string(),
    )
}

#[test]
fn binstall_hamtar_arkiven_som_arbetsflodet_bygger() {
    let manifest = manifest();
    let workflow = std::fs::read_to_string(root().join(".github/workflows/release.yml")).unwrap();
    let built: Vec<&str> = workflow
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- target: "))
        .collect();
    assert_eq!(
        built,
        TARGETS.map(|(t, _)| t),
        "release.yml bygger inte de fem målen"
    );
    for (target, ext) in TARGETS {
        let (url, bin, repo) = binstall(&manifest, target);
        let v = version();
        assert_eq!(
            url,
            format!("{repo}/releases/download/v{v}/resurs-v{v}-{target}.{ext}")
        );
        assert!(!url.contains('{'), "ofylld variabel i {url}");
        let exe = if ext == "zip" { "resurs.exe" } else { "resurs" };
        assert_eq!(bin, exe, "bin-dir för {target}");
    }
}

#[test]
fn kontrollsummor_over_arkiven_och_ett_andrat_arkiv_upptacks() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("resurs-v1.2.3-x86_64-pc-windows-msvc.zip"), b"zip").unwrap();
    std::fs::write(d.join("resurs-v1.2.3-aarch64-apple-darwin.tar.gz"), b"tgz").unwrap();
    std::fs::write(
        d.join("resurs-v1.2.3-aarch64-apple-darwin.tar.gz.sha256"),
        b"x",
    )
    .unwrap();
    std::fs::write(d.join("annat.txt"), b"inte ett arkiv").unwrap();

    let out = script("kontrollsummor.sh").arg(d).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("SHA256SUMS (2 arkiv)"));
    let sums = std::fs::read_to_string(d.join("SHA256SUMS")).unwrap();
    // sha256("tgz") and sha256("zip"), sorted by name, in sha256sum's own format.
    assert_eq!(
        sums,
        format!(
            "{}  resurs-v1.2.3-aarch64-apple-darwin.tar.gz\n{}  resurs-v1.2.3-x86_64-pc-windows-msvc.zip\n",
            sha256_hex(b"tgz"),
            sha256_hex(b"zip")
        )
    );
    let check = sha256sum_check(d);
    assert!(check.status.success(), "{}", text(&check.stdout));
    assert_eq!(
        text(&check.stdout),
        "resurs-v1.2.3-aarch64-apple-darwin.tar.gz: OK\nresurs-v1.2.3-x86_64-pc-windows-msvc.zip: OK\n"
    );

    std::fs::write(d.join("resurs-v1.2.3-x86_64-pc-windows-msvc.zip"), b"zap").unwrap();
    let check = sha256sum_check(d);
    assert!(!check.status.success());
    assert!(text(&check.stdout).contains("resurs-v1.2.3-x86_64-pc-windows-msvc.zip: FAILED"));
}

#[test]
fn kontrollsummor_utan_arkiv_ar_ett_fel() {
    let dir = tempfile::tempdir().unwrap();
    let out = script("kontrollsummor.sh")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("fel: inga arkiv"));
    assert!(!dir.path().join("SHA256SUMS").exists());
}

#[test]
fn paketera_vagrar_en_tagg_som_inte_ar_versionen() {
    let out = script("paketera.sh")
        .args(["--tagg", "v9.9.9", "--ut"])
        .arg(tempfile::tempdir().unwrap().path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "fel: taggen v9.9.9 stämmer inte med versionen i Cargo.toml ({})",
            version()
        )),
        "{err}"
    );
    // It stops before building anything.
    assert!(!err.contains("bygger"), "{err}");
}

#[test]
fn paketera_med_okant_argument_visar_anvandningen() {
    let out = script("paketera.sh").arg("--mal").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("fel: okänt argument: --mal"), "{err}");
    assert!(err.contains("användning: scripts/paketera.sh"), "{err}");
    assert!(err.contains("--help förklarar flaggorna"), "{err}");
}

#[test]
fn paketera_hjalp_beskriver_arkiven_och_flaggorna() {
    let out = script("paketera.sh").arg("--help").output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let help = text(&out.stdout);
    for part in [
        "resurs-vX.Y.Z-<mål>.tar.gz (.zip för Windows)",
        "SHA256SUMS",
        "--target TRIPLE",
        "--ut MAPP",
        "--cargo KOMMANDO",
        "--tagg vX.Y.Z",
    ] {
        assert!(help.contains(part), "{part}: {help}");
    }
    assert!(help.lines().all(|l| l.chars().count() <= 80), "{help}");
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    use std::fmt::Write;
    sha2::Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The host's release archive as a user gets it: built and packed by scripts/paketera.sh,
/// checked with `sha256sum -c SHA256SUMS`, unpacked, and run.
#[test]
#[ignore = "en release-build (minuter): .ci/run kör den med --include-ignored"]
fn paketera_bygger_vardmaskinens_arkiv_med_kontrollsumma() {
    let out_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("release");
    let _ = std::fs::remove_dir_all(&out_dir);
    let target = host();
    let out = script("paketera.sh")
        .arg("--ut")
        .arg(&out_dir)
        .args(["--tagg", &format!("v{}", version())])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v = version();
    let archive = format!("resurs-v{v}-{target}.tar.gz");
    assert!(text(&out.stdout).contains(&format!("skrev {}/{archive}", out_dir.display())));

    // The name is the one `cargo binstall` asks for.
    let (url, _, _) = binstall(&manifest(), &target);
    assert!(url.ends_with(&format!("/v{v}/{archive}")), "{url}");

    let sums = std::fs::read_to_string(out_dir.join("SHA256SUMS")).unwrap();
    let (hex, name) = sums.trim_end().split_once("  ").unwrap();
    assert_eq!(name, archive);
    let bytes = std::fs::read(out_dir.join(&archive)).unwrap();
    assert_eq!(hex, sha256_hex(&bytes));
    let check = sha256sum_check(&out_dir);
    assert!(check.status.success(), "{}", text(&check.stdout));
    assert_eq!(text(&check.stdout), format!("{archive}: OK\n"));

    // A single `resurs` at the archive's root.
    let list = Command::new("tar")
        .arg("-tzf")
        .arg(out_dir.join(&archive))
        .output()
        .unwrap();
    assert_eq!(text(&list.stdout), "resurs\n");
    let unpacked = tempfile::tempdir().unwrap();
    let tar = Command::new("tar")
        .arg("-xzf")
        .arg(out_dir.join(&archive))
        .arg("-C")
        .arg(unpacked.path())
        .status()
        .unwrap();
    assert!(tar.success());
    let binary = unpacked.path().join("resurs");
    BinCommand::new(&binary)
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("resurs {v}\n"));
    let out = BinCommand::new(&binary)
        .args([
            "--data",
            "tests/fixtures/bas",
            "--idag",
            "2026-11-25",
            "validera",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));

    // Stripped: no symbol table left (`nm` says so), unlike `cargo build --release`.
    let nm = Command::new("nm").arg(&binary).output();
    if let Ok(nm) = nm {
        assert!(
            text(&nm.stderr).contains("no symbols"),
            "{}",
            text(&nm.stderr)
        );
    }
}
