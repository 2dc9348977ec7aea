//! Hostile data: the file system. A data folder can ship links under the names resurs would
//! give its temporary files, a folder that is a link elsewhere, and read-only files; the search
//! index in the cache folder can be a link to a device, a pipe or a huge file. resurs writes
//! only where it means to, replaces only regular files, and reads an odd index as no index.

#![cfg(unix)]

use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use super::common;

const ACTOR: &str = "aktorer/diakonicentrum/aktor.toml";

/// The bas folder with one actor file that `fmt` rewrites (a literal string).
fn unformatted() -> tempfile::TempDir {
    let d = common::layered(&["bas"]);
    let f = d.path().join(ACTOR);
    let text = std::fs::read_to_string(&f)
        .unwrap()
        .replace("typ = \"trossamfund\"", "typ = 'trossamfund'");
    std::fs::write(&f, text).unwrap();
    d
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

/// Runs the binary with `args` (and the environment of `common::bin`), failing the test
/// instead of hanging when it has not finished within a minute.
fn run_with_deadline(cache: &Path, args: &[&str]) -> std::process::Output {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_resurs"))
        .env_remove("RESURS_DATA")
        .env_remove("COLUMNS")
        .env("RESURS_CACHE", cache)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("resurs {args:?} did not finish");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn fmt_never_writes_through_a_link_under_a_likely_temporary_name() {
    let d = unformatted();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("offer.txt");
    std::fs::write(&victim, "orörd\n").unwrap();
    // Links for the names resurs once used (`.aktor.toml.PID.tmp`), for the next PIDs.
    let dir = d.path().join("aktorer/diakonicentrum");
    let first = std::process::id();
    for pid in first..first + 4_000 {
        std::os::unix::fs::symlink(&victim, dir.join(format!(".aktor.toml.{pid}.tmp"))).unwrap();
    }
    let before = names(&dir);
    let out = common::resurs(d.path(), &["fmt"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(
        common::stdout(&out).contains(&format!("formaterade: {ACTOR}")),
        "{}",
        common::stdout(&out)
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "orörd\n");
    assert!(
        std::fs::read_to_string(d.path().join(ACTOR))
            .unwrap()
            .contains("typ = \"trossamfund\"")
    );
    assert_eq!(names(&dir), before, "no file left behind, no link replaced");
}

#[test]
fn fmt_keeps_permissions_and_leaves_read_only_files() {
    let d = unformatted();
    let f = d.path().join(ACTOR);
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = common::resurs(d.path(), &["fmt"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(
        std::fs::read_to_string(&f)
            .unwrap()
            .contains("typ = \"trossamfund\"")
    );
    let mode = std::fs::metadata(&f).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o640);

    let d = unformatted();
    let f = d.path().join(ACTOR);
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = common::resurs(d.path(), &["fmt"]);
    let err = common::stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!("lämnades orörd: {ACTOR}: är skrivskyddad")),
        "{err}"
    );
    assert!(!common::stdout(&out).contains(ACTOR));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), text);
    let mode = std::fs::metadata(&f).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o444);
}

#[test]
fn rapport_o_replaces_only_a_regular_file() {
    let d = common::layered(&["bas"]);
    let place = tempfile::tempdir().unwrap();
    let fifo = place.path().join("rapport.md");
    mkfifo(&fifo);
    let target = place.path().join("annan.md");
    std::fs::write(&target, "orörd\n").unwrap();
    let link = place.path().join("lank.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    for (path, what) in [(&fifo, "en namngiven pipe"), (&link, "en symbolisk länk")] {
        for extra in [&[][..], &["--skriv-over"][..]] {
            let mut args = vec!["rapport", "-o", path.to_str().unwrap()];
            args.extend(extra);
            let out = common::resurs(d.path(), &args);
            let err = common::stderr(&out);
            assert!(!out.status.success(), "{err}");
            assert!(
                err.contains(&format!(
                    "är {what}; rapporten skrivs bara till en vanlig fil"
                )) && err.contains("`-o -`"),
                "{err}"
            );
        }
    }
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "orörd\n");
    assert_eq!(names(place.path()), ["annan.md", "lank.md", "rapport.md"]);
    // `-o -` is standard output.
    let out = common::resurs(d.path(), &["rapport", "-o", "-"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(
        common::stdout(&out),
        common::stdout(&common::resurs(d.path(), &["rapport"]))
    );
    // A regular file is written and, with --skriv-over, replaced, keeping its permissions.
    let file = place.path().join("ny.md");
    let arg = file.to_str().unwrap();
    assert!(
        common::resurs(d.path(), &["rapport", "-o", arg])
            .status
            .success()
    );
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o604)).unwrap();
    let out = common::resurs(d.path(), &["rapport", "-o", arg, "--skriv-over"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o604);
    assert!(std::fs::read_to_string(&file).unwrap().starts_with('#'));
}

/// `sh -c` that lets the process write at most a few hundred bytes to any file, as a full
/// disk would (`SIGXFSZ` ignored, so a write fails with `EFBIG` instead of ending it).
fn with_tiny_file_limit(args: &[&str]) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 1 && exec \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_resurs"))
        .args(args)
        .env_remove("RESURS_DATA")
        .env(
            "RESURS_CACHE",
            std::env::temp_dir().join("resurs-test-cache"),
        )
        .output()
        .unwrap()
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let d = common::layered(&["bas"]);
    let place = tempfile::tempdir().unwrap();
    let file = place.path().join("rapport.html");
    let data = d.path().to_str().unwrap();
    let out = with_tiny_file_limit(&[
        "--data",
        data,
        "--idag",
        common::IDAG,
        "rapport",
        "-o",
        file.to_str().unwrap(),
    ]);
    let err = common::stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("kan inte skrivas"), "{err}");
    assert_eq!(names(place.path()), Vec::<String>::new(), "{err}");

    // `init` takes away what it wrote, so that it can be run again.
    let new = place.path().join("karta");
    let out = with_tiny_file_limit(&["init", new.to_str().unwrap(), "--namn", "Test"]);
    let err = common::stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("kan inte skrivas"), "{err}");
    assert!(!new.exists(), "{:?}", names(&new));
    let out = common::bin()
        .args(["init", new.to_str().unwrap(), "--namn", "Test"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(new.join("resurs.toml").is_file());
}

#[test]
fn ny_never_writes_through_a_linked_folder() {
    let d = common::layered(&["bas"]);
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::remove_dir_all(d.path().join("behov")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), d.path().join("behov")).unwrap();
    let out = common::resurs(
        d.path(),
        &[
            "ny",
            "behov",
            "mat-vaxjo",
            "--titel",
            "Mat",
            "--kategori",
            "mat",
            "--malgrupp",
            "alla",
            "--omrade",
            "Växjö",
        ],
    );
    let err = common::stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("`behov` är en symbolisk länk, inte en mapp; resurs ny skriver bara i datamappens egna mappar"),
        "{err}"
    );
    assert_eq!(names(elsewhere.path()), Vec::<String>::new());
}

/// The index file `sok` would read for the data folder `data` in the cache folder `cache`.
fn index_file(cache: &Path, data: &Path) -> PathBuf {
    resurs::load::index::index_file(cache, &std::fs::canonicalize(data).unwrap())
}

/// Puts something odd where the index file is.
type Make = dyn Fn(&Path);

#[test]
fn an_odd_index_counts_as_no_index() {
    let d = common::layered(&["bas", "sok"]);
    let data = d.path().to_str().unwrap();
    let args = [
        "--data",
        data,
        "--idag",
        common::IDAG,
        "sok",
        "--behov",
        "samtalsstod",
        "--format",
        "json",
    ];
    let mut plain_args = args.to_vec();
    plain_args.push("--utan-index");
    let clean = tempfile::tempdir().unwrap();
    let plain = run_with_deadline(clean.path(), &plain_args);
    assert!(plain.status.success(), "{}", common::stderr(&plain));
    assert!(common::stdout(&plain).contains("\"id\""));

    let odd: [(&str, &Make); 4] = [
        ("a link to /dev/zero", &|p| {
            std::os::unix::fs::symlink("/dev/zero", p).unwrap();
        }),
        ("a link to a good file", &|p| {
            std::fs::write(p.with_extension("annan"), "resurs-sokindex 1\n").unwrap();
            std::os::unix::fs::symlink(p.with_extension("annan"), p).unwrap();
        }),
        ("a pipe", &|p| mkfifo(p)),
        ("a huge sparse file", &|p| {
            let f = std::fs::File::create(p).unwrap();
            f.set_len(resurs::load::index::MAX_BYTES * 8).unwrap();
        }),
    ];
    for (what, make) in odd {
        let cache = tempfile::tempdir().unwrap();
        let index = index_file(cache.path(), d.path());
        make(&index);
        let out = run_with_deadline(cache.path(), &args);
        assert!(out.status.success(), "{what}: {}", common::stderr(&out));
        assert_eq!(common::stdout(&out), common::stdout(&plain), "{what}");
    }
}
