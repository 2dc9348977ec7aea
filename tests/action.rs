//! The GitHub Action (`action.yml`) outside GitHub: its steps are the scripts in `scripts/`,
//! run here as the runner runs them (`bash SCRIPT` with the inputs in the environment,
//! `GITHUB_PATH` and `GITHUB_OUTPUT` as files). A fake release, served from a local HTTP server
//! (`python3 -m http.server`), is installed when its checksum matches and refused when it does
//! not; the validation step prints annotations; the report step writes the public HTML page.

#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use common::{stderr, stdout};

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn script(name: &str) -> PathBuf {
    root().join("scripts").join(name)
}

/// The release target the install script picks on this machine (the names of the contract's
/// release archives).
fn host_target() -> &'static str {
    match (std::env::consts::OS, std::env::consts::ARCH) {
        ("linux", "x86_64") => "x86_64-unknown-linux-musl",
        ("linux", "aarch64") => "aarch64-unknown-linux-musl",
        ("macos", "x86_64") => "x86_64-apple-darwin",
        ("macos", "aarch64") => "aarch64-apple-darwin",
        (os, arch) => panic!("no release archive is built for {os}/{arch}"),
    }
}

fn archive_name(version: &str) -> String {
    format!("resurs-v{version}-{}.tar.gz", host_target())
}

fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// What `SHA256SUMS` of a fake release says about its archive.
enum Sums {
    Right,
    Wrong,
    /// A line for another archive only.
    OtherArchive,
    /// No `SHA256SUMS` at all.
    Missing,
}

/// An archive with the `resurs` binary of this build at its root, and its SHA-256: made once
/// per test run (the debug binary is large) in Cargo's temporary folder for tests.
fn archive() -> &'static (PathBuf, String) {
    static ARCHIVE: OnceLock<(PathBuf, String)> = OnceLock::new();
    ARCHIVE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("action");
        let staging = dir.join(format!("staging-{}", std::process::id()));
        std::fs::create_dir_all(&staging).unwrap();
        std::fs::copy(
            assert_cmd::cargo::cargo_bin("resurs"),
            staging.join("resurs"),
        )
        .unwrap();
        let partial = dir.join(format!("resurs-{}.tar.gz", std::process::id()));
        let tar = Command::new("sh")
            .arg("-c")
            .arg(r#"tar -cf - -C "$1" resurs | gzip -1 > "$2""#)
            .arg("sh")
            .arg(&staging)
            .arg(&partial)
            .status()
            .unwrap();
        assert!(tar.success());
        std::fs::remove_dir_all(&staging).unwrap();
        let archive = dir.join("resurs.tar.gz");
        std::fs::rename(&partial, &archive).unwrap();
        let hash = sha256_hex(&std::fs::read(&archive).unwrap());
        (archive, hash)
    })
}

/// A release `v<version>` in `dir`, laid out as `<download-url>/v<version>/…`: the archive
/// for this machine and `SHA256SUMS`.
fn fake_release(dir: &Path, version: &str, sums: &Sums) {
    let release = dir.join(format!("v{version}"));
    std::fs::create_dir_all(&release).unwrap();
    let (archive, hash) = archive();
    std::fs::copy(archive, release.join(archive_name(version))).unwrap();
    let other = format!(
        "{}  resurs-v{version}-x86_64-pc-windows-msvc.zip\n",
        sha256_hex(b"windows")
    );
    let text = match sums {
        Sums::Right => format!("{other}{hash}  {}\n", archive_name(version)),
        Sums::Wrong => format!(
            "{other}{}  {}\n",
            sha256_hex(b"something else"),
            archive_name(version)
        ),
        Sums::OtherArchive => other,
        Sums::Missing => return,
    };
    std::fs::write(release.join("SHA256SUMS"), text).unwrap();
}

/// `python3 -m http.server` on a free localhost port, serving `dir`; killed when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(dir: &Path) -> Self {
        let mut child = Command::new("python3")
            .args(["-u", "-m", "http.server", "0", "--bind", "127.0.0.1"])
            .arg("--directory")
            .arg(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 is needed for the tests of the GitHub Action (a local HTTP server)");
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .split_whitespace()
            .skip_while(|w| *w != "port")
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("unexpected first line from http.server: {line:?}"));
        let server = Server { child, port };
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "http.server does not answer"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The files of one job: `GITHUB_PATH`, `GITHUB_OUTPUT`, and where the binary goes.
struct Job {
    dir: tempfile::TempDir,
}

impl Job {
    fn new() -> Self {
        Job {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn bin(&self) -> PathBuf {
        self.dir.path().join("bin")
    }
    fn github_path(&self) -> PathBuf {
        self.dir.path().join("github_path")
    }
    fn github_output(&self) -> PathBuf {
        self.dir.path().join("github_output")
    }
    fn read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap_or_default()
    }

    /// `bash scripts/installera.sh ARG` as the action's step runs it.
    fn install(&self, arg: &str, version: &str, url: &str, env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new("bash");
        cmd.arg(script("installera.sh"))
            .arg(arg)
            .env("RESURS_VERSION", version)
            .env("RESURS_NEDLADDNING", url)
            .env("RESURS_BIN", self.bin())
            .env("GITHUB_PATH", self.github_path())
            .env("GITHUB_OUTPUT", self.github_output())
            .env_remove("RUNNER_OS")
            .env_remove("RUNNER_ARCH")
            .env_remove("RESURS_CACHETRAFF");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    }
}

/// `resurs --version` of the installed binary.
fn installed(job: &Job) -> Output {
    Command::new(job.bin().join("resurs"))
        .arg("--version")
        .output()
        .unwrap()
}

#[test]
fn the_release_binary_is_installed_when_its_checksum_matches() {
    let releases = tempfile::tempdir().unwrap();
    fake_release(releases.path(), VERSION, &Sums::Right);
    let server = Server::start(releases.path());
    let job = Job::new();

    let out = job.install("hamta", VERSION, &server.url(), &[]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(
        text.contains(&format!(
            "{}: kontrollsumman stämmer",
            archive_name(VERSION)
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("resurs {VERSION} installerat i ")),
        "{text}"
    );
    // The binary's folder is added to PATH for the next steps, and nothing asks for a build.
    assert_eq!(
        Job::read(&job.github_path()),
        format!("{}\n", job.bin().display())
    );
    assert!(!Job::read(&job.github_output()).contains("saknas"));
    let version = installed(&job);
    assert!(version.status.success());
    assert_eq!(stdout(&version), format!("resurs {VERSION}\n"));

    // A `v` before the version is the same version; a trailing slash on the address is fine.
    let job = Job::new();
    let out = job.install(
        "hamta",
        &format!("v{VERSION}"),
        &format!("{}/", server.url()),
        &[],
    );
    assert!(out.status.success(), "{}", stdout(&out));
    assert_eq!(stdout(&installed(&job)), format!("resurs {VERSION}\n"));
}

#[test]
fn a_release_whose_checksum_does_not_match_is_refused() {
    let releases = tempfile::tempdir().unwrap();
    fake_release(releases.path(), "1.0.0", &Sums::Wrong);
    fake_release(releases.path(), "1.0.1", &Sums::OtherArchive);
    fake_release(releases.path(), "1.0.2", &Sums::Missing);
    let server = Server::start(releases.path());
    for (version, why) in [
        ("1.0.0", "(väntad "),
        ("1.0.1", "SHA256SUMS har ingen rad för arkivet"),
        ("1.0.2", "SHA256SUMS kunde inte hämtas (HTTP 404)"),
    ] {
        let job = Job::new();
        let out = job.install("hamta", version, &server.url(), &[]);
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(1), "{version}: {text}");
        let archive = archive_name(version);
        assert!(
            text.starts_with(&format!(
                "::error title=resurs::kontrollsumman stämmer inte för {archive}"
            )),
            "{version}: {text}"
        );
        assert!(text.contains(why), "{version}: {text}");
        assert!(
            text.trim_end().ends_with("; binären används inte"),
            "{version}: {text}"
        );
        // Nothing installed, nothing on PATH, and no fallback to a build: a refusal.
        assert!(!job.bin().join("resurs").exists(), "{version}");
        assert_eq!(Job::read(&job.github_path()), "", "{version}");
        assert_eq!(Job::read(&job.github_output()), "", "{version}");
        assert!(!text.contains("cargo install"), "{version}: {text}");
    }
}

#[test]
fn a_missing_release_or_runner_falls_back_to_cargo_install() {
    let releases = tempfile::tempdir().unwrap();
    fake_release(releases.path(), VERSION, &Sums::Right);
    let server = Server::start(releases.path());

    // No such release: HTTP 404.
    let job = Job::new();
    let out = job.install("hamta", "9.9.9", &server.url(), &[]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert_eq!(
        text,
        format!(
            "{}/v9.9.9/{} finns inte (HTTP 404); resurs byggs i stället med cargo install\n",
            server.url(),
            archive_name("9.9.9")
        )
    );
    assert_eq!(Job::read(&job.github_output()), "saknas=true\n");
    assert_eq!(Job::read(&job.github_path()), "");
    assert!(!job.bin().exists());

    // A runner no binary is built for (32-bit ARM): a build, without asking the server.
    let job = Job::new();
    let out = job.install(
        "hamta",
        VERSION,
        &server.url(),
        &[("RUNNER_OS", "Linux"), ("RUNNER_ARCH", "ARM")],
    );
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        "ingen färdig binär av resurs finns för Linux/ARM; resurs byggs i stället med cargo install\n"
    );
    assert_eq!(Job::read(&job.github_output()), "saknas=true\n");
}

#[test]
fn the_build_step_uses_the_cached_binary_on_a_cache_hit() {
    let job = Job::new();
    let cargo_home = job.dir.path().join("cargo");
    std::fs::create_dir_all(cargo_home.join("bin")).unwrap();
    std::fs::copy(
        assert_cmd::cargo::cargo_bin("resurs"),
        cargo_home.join("bin/resurs"),
    )
    .unwrap();
    let out = job.install(
        "bygg",
        VERSION,
        "",
        &[
            ("RESURS_CACHETRAFF", "true"),
            ("CARGO_HOME", cargo_home.to_str().unwrap()),
            ("RESURS_GIT", "https://example.invalid/resurs"),
        ],
    );
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert_eq!(
        text,
        format!("resurs {VERSION} från cachen\nresurs {VERSION}\n")
    );
    assert_eq!(
        Job::read(&job.github_path()),
        format!("{}\n", cargo_home.join("bin").display())
    );
}

#[test]
fn bad_inputs_get_a_swedish_error() {
    let job = Job::new();
    let out = job.install("hamta", "senaste", "https://example.invalid", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stdout(&out),
        "::error title=resurs::version måste vara ett versionsnummer som 0.1.0, inte `senaste`\n"
    );
    // Plain http is only for a server on this machine (the tests'); the checksum file comes
    // from the same address, so it would prove nothing over an open network.
    let out = job.install("hamta", VERSION, "http://example.invalid/releases", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stdout(&out),
        "::error title=resurs::download-url måste börja med https:// (http:// bara till localhost), inte `http://example.invalid/releases`\n"
    );
    assert!(!job.bin().exists());
}

/// A copy of `data/` in `<tmp>/data` (a repository with its map in `data/`), with `edit`
/// applied to `aktorer/diakonicentrum/insatser/frukost.toml`.
fn repository_with_map(edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    let from = root().join("data");
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let target = repo
            .path()
            .join("data")
            .join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    let file = repo
        .path()
        .join("data/aktorer/diakonicentrum/insatser/frukost.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, edit(&text)).unwrap();
    repo
}

fn misspelled_need(text: &str) -> String {
    let edited = text.replace("behov = [\"mat\",", "behov = [\"matt\",");
    assert_ne!(edited, text);
    edited
}

/// Runs a step script of the action in `dir`, with the binary installed from a fake release
/// on PATH as the runner puts it there (from `GITHUB_PATH`), and "now" fixed.
struct Installed {
    _releases: tempfile::TempDir,
    _server: Server,
    job: Job,
}

impl Installed {
    fn new() -> Self {
        let releases = tempfile::tempdir().unwrap();
        fake_release(releases.path(), VERSION, &Sums::Right);
        let server = Server::start(releases.path());
        let job = Job::new();
        let out = job.install("hamta", VERSION, &server.url(), &[]);
        assert!(out.status.success(), "{}", stdout(&out));
        Installed {
            _releases: releases,
            _server: server,
            job,
        }
    }

    fn step(&self, name: &str, dir: &Path, now: &str, env: &[(&str, &str)]) -> Output {
        let mut path = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .collect::<Vec<_>>();
        for added in Job::read(&self.job.github_path()).lines() {
            path.insert(0, PathBuf::from(added));
        }
        let mut cmd = Command::new("bash");
        cmd.arg(script(name))
            .current_dir(dir)
            .env("PATH", std::env::join_paths(path).unwrap())
            .env("RESURS_NU", now)
            .env(
                "RESURS_CACHE",
                std::env::temp_dir().join("resurs-test-cache"),
            )
            .env_remove("RESURS_DATA")
            .env_remove("GITHUB_BASE_REF")
            .env_remove("RESURS_ANDRADE_SEDAN")
            .env_remove("RESURS_VALIDERA")
            .env_remove("RESURS_DATAMAPP")
            .env_remove("RESURS_RAPPORT");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    }
}

/// The data's own review dates are from 2026-11-25; a day later nothing is stale.
const NU: &str = "2026-11-26T12:00:00Z";
/// Three years later every review is overdue (E016 everywhere).
const SENARE: &str = "2029-12-01T12:00:00Z";

#[test]
fn the_validation_step_annotates_a_mistake() {
    let installed = Installed::new();
    let repo = repository_with_map(misspelled_need);

    let out = installed.step(
        "validera.sh",
        repo.path(),
        NU,
        &[("RESURS_DATAMAPP", "data")],
    );
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "resurs --data data validera --format github");
    let error = lines
        .iter()
        .find(|l| l.starts_with("::error "))
        .unwrap_or_else(|| panic!("no error annotation: {text}"));
    assert!(
        error.starts_with(
            "::error file=data/aktorer/diakonicentrum/insatser/frukost.toml,line=5,col="
        ),
        "{error}"
    );
    assert!(error.contains(",title=E004::"), "{error}");
    assert!(error.contains("`matt`"), "{error}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::warning file=data/aktorer/")),
        "{text}"
    );
    assert!(stderr(&out).contains("(1 fel, "), "{}", stderr(&out));

    // `data` defaults to `.`: the map at the repository's root, paths relative to it.
    let out = installed.step("validera.sh", &repo.path().join("data"), NU, &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text.starts_with("resurs --data . validera --format github\n"),
        "{text}"
    );
    assert!(
        text.contains("::error file=aktorer/diakonicentrum/insatser/frukost.toml,line=5,"),
        "{text}"
    );

    // A map without mistakes passes (warnings do not fail the step).
    let clean = repository_with_map(str::to_owned);
    let out = installed.step(
        "validera.sh",
        clean.path(),
        NU,
        &[("RESURS_DATAMAPP", "data")],
    );
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(!stdout(&out).contains("::error"));
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
}

fn overdue_files(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.contains("title=E016::"))
        .map(|l| l.split(',').next().unwrap())
        .collect()
}

#[test]
fn on_a_pull_request_upkeep_is_checked_only_in_changed_files() {
    let installed = Installed::new();
    let repo = repository_with_map(str::to_owned);
    git(repo.path(), &["init", "-q", "-b", "main"]);
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-q", "-m", "karta"]);
    // The base branch as actions/checkout with fetch-depth: 0 leaves it.
    git(
        repo.path(),
        &["update-ref", "refs/remotes/origin/main", "HEAD"],
    );
    let file = repo
        .path()
        .join("data/aktorer/diakonicentrum/insatser/frukost.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("Besökare", "Alla besökare")).unwrap();
    let validera = |env: &[(&str, &str)]| {
        let env = [&[("RESURS_DATAMAPP", "data")], env].concat();
        installed.step("validera.sh", repo.path(), SENARE, &env)
    };

    // On a pull request into main: only the changed file is overdue.
    let out = validera(&[("GITHUB_BASE_REF", "main")]);
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "resurs --data data validera --format github --andrade-sedan origin/main\n"
        ),
        "{text}"
    );
    assert_eq!(
        overdue_files(&text),
        ["::error file=data/aktorer/diakonicentrum/insatser/frukost.toml"],
        "{text}"
    );

    // The input names the ref itself.
    let out = validera(&[("RESURS_ANDRADE_SEDAN", "HEAD")]);
    let text = stdout(&out);
    assert!(text.contains("--andrade-sedan HEAD\n"), "{text}");
    assert_eq!(overdue_files(&text).len(), 1, "{text}");

    // A push: the whole map is checked.
    let out = validera(&[]);
    let all = overdue_files(&stdout(&out)).len();
    assert!(all > 20, "{}", stdout(&out));

    // A checkout without the base branch: a warning, and the whole map is checked.
    let out = validera(&[("GITHUB_BASE_REF", "utveckling")]);
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "::warning title=resurs::origin/utveckling finns inte i utcheckningen, så hela mappen granskas; hämta basgrenen med actions/checkout och fetch-depth: 0\nresurs --data data validera --format github\n"
        ),
        "{text}"
    );
    assert_eq!(overdue_files(&text).len(), all);
}

#[test]
fn validera_false_skips_the_validation_and_a_typo_is_an_error() {
    let installed = Installed::new();
    let repo = repository_with_map(misspelled_need);
    let validera = |value: &str| {
        let env = [("RESURS_DATAMAPP", "data"), ("RESURS_VALIDERA", value)];
        installed.step("validera.sh", repo.path(), NU, &env)
    };
    let out = validera("false");
    assert!(out.status.success());
    assert_eq!(stdout(&out), "validera: false – ingen validering\n");

    let out = validera("ja");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stdout(&out),
        "::error title=resurs::validera måste vara true eller false, inte `ja`\n"
    );
}

#[test]
fn the_report_step_writes_the_public_html_report() {
    let installed = Installed::new();
    let repo = repository_with_map(str::to_owned);
    let data = [("RESURS_DATAMAPP", "data")];

    // No `rapport` input: no report.
    let out = installed.step("rapport.sh", repo.path(), NU, &data);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "");

    let out = installed.step(
        "rapport.sh",
        repo.path(),
        NU,
        &[data[0], ("RESURS_RAPPORT", "rapport/index.html")],
    );
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_eq!(
        stdout(&out),
        "resurs --data data rapport --publik --skriv-over -o rapport/index.html\n"
    );
    assert!(
        stderr(&out).contains("Rapporten skrevs till rapport/index.html."),
        "{}",
        stderr(&out)
    );
    let html = std::fs::read_to_string(repo.path().join("rapport/index.html")).unwrap();
    assert!(html.starts_with("<!doctype html>"), "{}", &html[..100]);
    assert!(html.contains("Diakonicentrum"));
    // Public: the offering's internal note stays out.
    assert!(!html.contains("Tider anges inte i anteckningarna."));

    // A second run (the file exists) writes it again.
    let out = installed.step(
        "rapport.sh",
        repo.path(),
        NU,
        &[data[0], ("RESURS_RAPPORT", "rapport/index.html")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The text of each step of `action.yml`.
fn action_steps(action: &str) -> Vec<&str> {
    let steps = action.split_once("\n  steps:").unwrap().1;
    steps.split("\n    - ").skip(1).collect()
}

#[test]
fn action_yml_runs_these_scripts_with_its_inputs_in_the_environment() {
    let action = std::fs::read_to_string(root().join("action.yml")).unwrap();
    assert!(action.contains("\nruns:\n  using: composite\n"));
    for input in [
        "version",
        "download-url",
        "data",
        "andrade-sedan",
        "validera",
        "rapport",
    ] {
        assert!(action.contains(&format!("\n  {input}:\n")), "input {input}");
        // Each input is documented in the README.
        let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
        assert!(
            readme.contains(&format!("| `{input}` |")),
            "README: {input}"
        );
    }
    let steps = action_steps(&action);
    let runs: Vec<&str> = steps
        .iter()
        .filter_map(|s| s.lines().find_map(|l| l.trim().strip_prefix("run: ")))
        .collect();
    assert_eq!(
        runs,
        [
            r#"bash "$RESURS_SKRIPT/installera.sh" hamta"#,
            r#"bash "$RESURS_SKRIPT/installera.sh" bygg"#,
            r#"bash "$RESURS_SKRIPT/validera.sh""#,
            r#"bash "$RESURS_SKRIPT/rapport.sh""#,
        ]
    );
    for step in &steps {
        // Inputs reach the shell only through `env:`, never spliced into the script.
        if let Some(run) = step.split_once("run: ") {
            assert!(!run.1.contains("${{"), "{step}");
            assert!(step.contains("RESURS_SKRIPT: ${{ github.action_path }}/scripts"));
        }
        // Other actions are pinned to a commit.
        if let Some(uses) = step.lines().find_map(|l| l.trim().strip_prefix("uses: ")) {
            let (_, reference) = uses.split_once('@').unwrap();
            let sha = reference.split_whitespace().next().unwrap();
            assert!(
                sha.len() == 40 && sha.bytes().all(|b| b.is_ascii_hexdigit()),
                "{uses}"
            );
        }
    }
    // The binary comes from the releases of the repository that the build falls back to.
    let git = action
        .lines()
        .find_map(|l| l.trim().strip_prefix("RESURS_GIT: "))
        .unwrap();
    assert!(action.contains(&format!("default: {git}/releases/download\n")));
    let repository = env!("CARGO_PKG_REPOSITORY");
    if !repository.is_empty() {
        assert_eq!(git, repository);
    }
}
