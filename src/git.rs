//! git, run in a folder that someone else wrote. A data folder can come from a zip file or a
//! shared drive with its `.git` directory, and git reads programs to run from the
//! repository's own configuration: `core.fsmonitor` on every command that looks at the work
//! tree, filter drivers (`filter.<namn>.clean`, named by `.gitattributes`) when `git status`
//! or `git diff` hashes a changed file, external diff drivers, and the transports of a lazy
//! fetch in a partial clone. Every git command of resurs goes through [`Repo`], which switches
//! all of them off on the command line (command-line configuration wins over the
//! repository's), and never lets git start a pager or ask for input.
//!
//! What is kept: the user's own (global and system) settings, except filter drivers, which
//! are switched off whatever defined them (a data folder needs none). git's own check of who
//! owns the repository (`safe.directory`) stays as it is: a repository owned by someone else
//! is refused by git, and resurs then reports no commit or says why it cannot compare.

use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Settings that name programs or turn on work git does not need here, neutralised on the
/// command line for every git command.
const OFF: [&str; 14] = [
    // An empty value disables the hook (a boolean `false` is a program name to git ≤ 2.35.1).
    "core.fsmonitor=",
    "core.hooksPath=/dev/null",
    "diff.external=",
    "core.pager=cat",
    "core.askPass=",
    "credential.helper=",
    // No transport at all: a partial clone would otherwise fetch missing objects through
    // the repository's remote, with its `core.sshCommand`. The named protocols first,
    // since `protocol.<namn>.allow` in the repository wins over `protocol.allow`.
    "protocol.allow=never",
    "protocol.file.allow=never",
    "protocol.git.allow=never",
    "protocol.ssh.allow=never",
    "protocol.http.allow=never",
    "protocol.https.allow=never",
    "protocol.ext.allow=never",
    "core.sshCommand=false",
];

/// The environment variables that `--config-env` reads the switched-off filter settings from.
const EMPTY_VAR: &str = "RESURS_GIT_TOM";
const FALSE_VAR: &str = "RESURS_GIT_NEJ";

/// A folder to run git in, with the filter drivers of its configuration known.
pub struct Repo {
    dir: PathBuf,
    /// `--config-env=…` arguments that switch off every filter driver git knows of here.
    filters: Vec<String>,
}

/// `git -C DIR` with everything of [`OFF`], no pager, no optional locks (a read never
/// rewrites the index), no input and no lazy fetch.
fn base(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C")
        .arg(dir)
        .args(["--no-pager", "--no-optional-locks"]);
    for setting in OFF {
        cmd.arg("-c").arg(setting);
    }
    cmd.env("GIT_NO_LAZY_FETCH", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_PAGER", "cat")
        .env(EMPTY_VAR, "")
        .env(FALSE_VAR, "false")
        .stdin(Stdio::null());
    cmd
}

/// The filter driver names in `git config -z --name-only --get-regexp` output: every
/// `filter.<namn>.<variabel>` key (a name may contain dots; the variable cannot).
fn filter_names(listing: &[u8]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for key in listing.split(|b| *b == 0) {
        let key = String::from_utf8_lossy(key);
        let Some(rest) = key.strip_prefix("filter.") else {
            continue;
        };
        let Some((name, _)) = rest.rsplit_once('.') else {
            continue;
        };
        if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    names
}

impl Repo {
    /// Learns which filter drivers the configuration of `dir` defines (reading configuration
    /// runs nothing). `Err` when git cannot be run or cannot read the configuration.
    pub fn open(dir: &Path) -> io::Result<Repo> {
        let out = base(dir)
            .args(["config", "-z", "--name-only", "--get-regexp", r"^filter\."])
            .stderr(Stdio::null())
            .output()?;
        // 1: no such key. Anything else is an error, and then no filter is known to be off.
        match out.status.code() {
            Some(0) => {}
            Some(1) if out.stdout.is_empty() => {}
            _ => {
                return Err(io::Error::other("git kan inte läsa inställningarna"));
            }
        }
        let mut filters = Vec::new();
        for name in filter_names(&out.stdout) {
            for var in ["clean", "smudge", "process"] {
                filters.push(format!("--config-env=filter.{name}.{var}={EMPTY_VAR}"));
            }
            filters.push(format!("--config-env=filter.{name}.required={FALSE_VAR}"));
        }
        Ok(Repo {
            dir: dir.to_path_buf(),
            filters,
        })
    }

    /// Runs `git ARGS…` in the folder, with everything that could run a program switched off.
    pub fn run<S: AsRef<OsStr>>(&self, args: &[S]) -> io::Result<Output> {
        base(&self.dir).args(&self.filters).args(args).output()
    }
}

/// Whether `s` is a full commit hash (SHA-1 or SHA-256), as `git rev-parse --verify` prints.
pub fn is_hash(s: &str) -> bool {
    matches!(s.len(), 40 | 64) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_names_come_from_the_keys() {
        let listing =
            b"filter.lfs.clean\0filter.lfs.process\0filter.a.b.smudge\0filter.X=Y.clean\0";
        assert_eq!(filter_names(listing), ["lfs", "a.b", "X=Y"]);
        assert!(filter_names(b"").is_empty());
    }

    #[test]
    fn hashes() {
        assert!(is_hash(&"a".repeat(40)));
        assert!(is_hash(&"0".repeat(64)));
        assert!(!is_hash("abc"));
        assert!(!is_hash(&"g".repeat(40)));
    }
}
