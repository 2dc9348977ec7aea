//! Hostile data: git. A data folder that arrives with its `.git` directory (a zip file, a
//! shared drive) brings its own git configuration, which names programs for git to run:
//! `core.fsmonitor`, hooks, filter drivers, diff drivers and textconv. `rapport` and
//! `validera --andrade-sedan` run git in that folder and must run none of them; a reference
//! given to `--andrade-sedan` never reaches git as an option.

use std::path::{Path, PathBuf};

use super::common;

/// A data folder in a git repository with one commit, whose configuration runs a program
/// that creates a marker file for each way git can be made to run one. Returns the folder,
/// the folder of the markers and the commit.
struct Hostile {
    data: tempfile::TempDir,
    markers: tempfile::TempDir,
    head: String,
}

const VECTORS: [&str; 5] = ["fsmonitor", "hook", "filter", "diff", "textconv"];

impl Hostile {
    fn marker(&self, name: &str) -> PathBuf {
        self.markers.path().join(name)
    }

    fn ran(&self) -> Vec<&'static str> {
        VECTORS
            .into_iter()
            .filter(|v| self.marker(v).exists())
            .collect()
    }

    fn clear(&self) {
        for v in VECTORS {
            let _ = std::fs::remove_file(self.marker(v));
        }
    }
}

fn touch(marker: &Path) -> String {
    format!("touch '{}'", marker.display())
}

fn hostile() -> Hostile {
    let data = common::layered(&["bas"]);
    let markers = tempfile::tempdir().unwrap();
    let d = data.path().to_path_buf();
    let d = d.as_path();
    std::fs::write(d.join(".gitattributes"), "*.toml filter=ond diff=ond\n").unwrap();
    common::git(d, &["init", "-q"]);
    common::git(d, &["add", "."]);
    common::git(d, &["commit", "-q", "-m", "start"]);
    let head = common::git(d, &["rev-parse", "HEAD"]).trim().to_owned();
    let h = Hostile {
        data,
        markers,
        head,
    };
    let set = |key: &str, value: &str| common::git(d, &["config", key, value]);
    set(
        "core.fsmonitor",
        &format!("{}; exit 1", touch(&h.marker("fsmonitor"))),
    );
    for var in ["clean", "smudge"] {
        set(
            &format!("filter.ond.{var}"),
            &format!("{}; cat", touch(&h.marker("filter"))),
        );
    }
    set("filter.ond.required", "true");
    set(
        "diff.ond.command",
        &format!("{}; true", touch(&h.marker("diff"))),
    );
    set(
        "diff.ond.textconv",
        &format!("{}; cat", touch(&h.marker("textconv"))),
    );
    let hook = d.join(".git/hooks/post-index-change");
    std::fs::write(&hook, format!("#!/bin/sh\n{}\n", touch(&h.marker("hook")))).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    // A change that is not committed: git has to look at the file's content.
    let file = d.join("resurs.toml");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("\n# ändrad efter incheckningen\n");
    std::fs::write(&file, text).unwrap();
    h
}

/// Plain git in the hostile folder runs every one of the programs: the attack is real on
/// this machine's git, so the tests below can fail.
fn assert_plain_git_runs_them(h: &Hostile) {
    let plain = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(h.data.path())
            .args(args)
            .output()
            .unwrap()
    };
    plain(&["status", "--porcelain"]);
    plain(&["diff", "HEAD"]);
    plain(&["diff", "--no-ext-diff", "HEAD"]);
    let ran = h.ran();
    #[cfg(unix)]
    assert_eq!(ran, VECTORS, "plain git should run every hostile program");
    #[cfg(not(unix))]
    assert!(ran.contains(&"fsmonitor"), "{ran:?}");
    h.clear();
}

#[test]
fn rapport_runs_none_of_the_repository_s_programs() {
    let h = hostile();
    assert_plain_git_runs_them(&h);
    let out = common::resurs(h.data.path(), &["rapport"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(
        h.ran(),
        Vec::<&str>::new(),
        "resurs ran a program of the repository"
    );
    // git still answers: the report names the commit and the change.
    let text = common::stdout(&out);
    assert!(
        text.contains(&h.head[..12]) && text.contains("med ändringar som inte är incheckade"),
        "{text}"
    );
}

#[test]
fn andrade_sedan_runs_none_of_the_repository_s_programs() {
    let h = hostile();
    assert_plain_git_runs_them(&h);
    for reference in ["HEAD", h.head.as_str()] {
        let out = common::resurs(
            h.data.path(),
            &["validera", "--andrade-sedan", reference, "--format", "json"],
        );
        let err = common::stderr(&out);
        assert!(
            !err.contains("kan inte jämföra") && !err.contains("git kan inte"),
            "{reference}: {err}"
        );
        assert!(out.status.code().is_some_and(|c| c <= 1), "{err}");
        assert_eq!(h.ran(), Vec::<&str>::new(), "{reference}");
    }
}

#[test]
fn a_reference_is_never_an_option_to_git() {
    let h = hostile();
    let victim_dir = tempfile::tempdir().unwrap();
    let victim = victim_dir.path().join("viktig.txt");
    std::fs::write(&victim, "orörd\n").unwrap();
    for reference in [
        format!("--output={}", victim.display()),
        "-p".to_owned(),
        "--".to_owned(),
        String::new(),
    ] {
        let arg = format!("--andrade-sedan={reference}");
        let out = common::resurs(h.data.path(), &["validera", &arg]);
        let err = common::stderr(&out);
        assert!(!out.status.success(), "{reference}: {err}");
        assert!(
            err.contains("kan inte vara tom eller börja med `-`"),
            "{reference}: {err}"
        );
        assert!(!err.contains("Allt i ordning"), "{err}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "orörd\n");
    }
    // A name git does not know, or one that is not a commit, is said as such.
    for reference in ["finns-inte", "HEAD:resurs.toml", "HEAD --output=x"] {
        let out = common::resurs(h.data.path(), &["validera", "--andrade-sedan", reference]);
        let err = common::stderr(&out);
        assert!(!out.status.success(), "{reference}: {err}");
        assert!(
            err.contains("git känner inte till någon commit"),
            "{reference}: {err}"
        );
    }
    assert!(!h.data.path().join("x").exists());
    assert_eq!(h.ran(), Vec::<&str>::new());
}
