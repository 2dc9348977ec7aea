//! Records the git commit `resurs` is built from, so that `resurs init` can pin the generated
//! workflow's action to exactly that commit (`RESURS_COMMIT`). Outside a git checkout of this
//! repository (a crates.io package, a source archive) nothing is recorded, and `init` pins the
//! action to the version's tag instead.

use std::path::{Path, PathBuf};
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    Some(text.trim().to_owned())
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RESURS_COMMIT");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    // A packager may name the commit itself; only a full commit hash is kept.
    let commit = match std::env::var("RESURS_COMMIT") {
        Ok(given) => Some(given.trim().to_owned()),
        Err(_) => record(&manifest),
    }
    .filter(|c| c.len() == 40 && c.bytes().all(|b| b.is_ascii_hexdigit()))
    .unwrap_or_default();
    println!("cargo:rustc-env=RESURS_COMMIT={commit}");
}

/// The commit of HEAD, when the manifest's folder is the top of a git checkout (not a folder
/// inside some other repository, as an unpacked package can be). Rebuilds when HEAD moves.
fn record(manifest: &Path) -> Option<String> {
    let top = git(manifest, &["rev-parse", "--show-toplevel"])?;
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if !same(Path::new(&top), manifest) {
        return None;
    }
    // HEAD, the branch it points at, and the packed refs: whichever of them moves, the commit
    // may have changed. The paths come from git, so a worktree's own HEAD is the one watched.
    let mut watched = vec!["HEAD".to_owned(), "packed-refs".to_owned()];
    if let Some(branch) = git(manifest, &["symbolic-ref", "-q", "HEAD"]) {
        watched.push(branch);
    }
    for name in watched {
        if let Some(path) = git(manifest, &["rev-parse", "--git-path", &name]) {
            let path = manifest.join(path);
            // A path that does not exist would make cargo run this script on every build.
            if path.exists() {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
    }
    git(manifest, &["rev-parse", "--verify", "-q", "HEAD^{commit}"])
}
