//! A data repository from `resurs init` to a green check, as on GitHub: a bare repository stands
//! in for GitHub, a contributor pushes a branch with a mistake, and the workflow's own steps run
//! in its order (read from the YAML `init` wrote) the way GitHub runs them for the pull request
//! and for the push to main. Also: `kraver`, `init --bara-ci`, `--kalla`, and the security
//! linters on the generated workflow.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{bin, git, stderr, stdout};
use yaml_rust2::{Yaml, YamlLoader};

/// "Now" for every command: the date `init` writes and `validera` checks against.
const NU: &str = "2026-11-25T12:00:00Z";
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// `resurs ARGS…` in `dir`, as someone in that folder would type it.
fn resurs_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .env("RESURS_NU", NU)
        .args(args)
        .output()
        .unwrap()
}

/// The pieces of the generated workflow a run needs, read from its YAML.
struct Workflow {
    yaml: Yaml,
}

impl Workflow {
    fn read(dir: &Path) -> Self {
        let text = std::fs::read_to_string(dir.join(".github/workflows/validera.yml")).unwrap();
        let mut docs = YamlLoader::load_from_str(&text).unwrap();
        assert_eq!(docs.len(), 1);
        Self {
            yaml: docs.remove(0),
        }
    }

    fn steps(&self, job: &str) -> &[Yaml] {
        self.yaml["jobs"][job]["steps"].as_vec().unwrap()
    }

    /// The step that uses resurs's action.
    fn action(&self) -> &Yaml {
        self.steps("validera")
            .iter()
            .find(|s| {
                s["uses"]
                    .as_str()
                    .is_some_and(|u| u.starts_with("resurskarta/resurs@"))
            })
            .expect("a step uses resurskarta/resurs")
    }
}

/// The value of a workflow expression as GitHub evaluates it for `event` with the base branch
/// `main`: only the forms the generated workflow uses, `${{ COND && VALUE || '' }}` and
/// `github.event_name == 'E'` conditions; anything else fails the test.
fn evaluate(expr: &str, event: &str) -> String {
    let inner = expr
        .strip_prefix("${{ ")
        .and_then(|e| e.strip_suffix(" }}"))
        .unwrap_or(expr);
    let (cond, rest) = inner.split_once(" && ").expect("COND && VALUE || ''");
    let (value, otherwise) = rest.split_once(" || ").expect("COND && VALUE || ''");
    assert_eq!(otherwise, "''", "{expr}");
    if !condition(cond, event) {
        return String::new();
    }
    if let Some(lit) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return lit.to_owned();
    }
    assert_eq!(value, "format('origin/{0}', github.base_ref)", "{expr}");
    "origin/main".to_owned()
}

fn condition(cond: &str, event: &str) -> bool {
    let wanted = cond
        .strip_prefix("github.event_name == '")
        .and_then(|c| c.strip_suffix('\''))
        .unwrap_or_else(|| panic!("unknown condition {cond}"));
    wanted == event
}

/// Runs the `validera` job's steps for `event` in `checkout` (a full clone, as `actions/checkout`
/// with `fetch-depth: 0` makes): each `run:` step with `sh`, and resurs's action as its inputs
/// say (`resurs --data <data> validera --format github [--andrade-sedan <ref>]`, then
/// `resurs --data <data> rapport --publik -o <rapport>`). Returns the validation's output.
fn run_job(wf: &Workflow, checkout: &Path, event: &str) -> Output {
    let mut validation = None;
    for step in wf.steps("validera") {
        if let Some(cond) = step["if"].as_str() {
            if !condition(cond, event) {
                continue;
            }
        }
        if let Some(script) = step["run"].as_str() {
            let out = std::process::Command::new("sh")
                .arg("-ec")
                .arg(script)
                .current_dir(checkout)
                .output()
                .unwrap();
            assert!(out.status.success(), "{script}: {}", stderr(&out));
            continue;
        }
        let uses = step["uses"].as_str().unwrap();
        if uses.starts_with("actions/checkout@") {
            assert_eq!(step["with"]["fetch-depth"].as_i64(), Some(0));
            assert_eq!(step["with"]["persist-credentials"].as_bool(), Some(false));
        } else if uses.starts_with("resurskarta/resurs@") {
            let with = &step["with"];
            assert_eq!(with["version"].as_str(), Some(VERSION));
            let data = with["data"].as_str().unwrap_or(".");
            let since = evaluate(with["andrade-sedan"].as_str().unwrap(), event);
            let mut args = vec!["--data", data, "validera", "--format", "github"];
            if !since.is_empty() {
                args.extend(["--andrade-sedan", &since]);
            }
            let out = resurs_in(checkout, &args);
            let failed = !out.status.success();
            validation = Some(out);
            if failed {
                // The step fails, and the job stops there.
                break;
            }
            let rapport = evaluate(with["rapport"].as_str().unwrap(), event);
            if !rapport.is_empty() {
                let out = resurs_in(
                    checkout,
                    &["--data", data, "rapport", "--publik", "-o", &rapport],
                );
                assert!(out.status.success(), "{}", stderr(&out));
            }
        } else if uses.starts_with("actions/upload-pages-artifact@") {
            let path = step["with"]["path"].as_str().unwrap();
            assert!(
                checkout.join(path).join("index.html").is_file(),
                "Pages gets {path}/index.html"
            );
        } else {
            panic!("unknown step {uses}");
        }
    }
    validation.expect("the job validates")
}

/// A fresh clone of the remote at `branch`, standing in for `actions/checkout` on GitHub.
fn checkout(remote: &Path, at: &Path, branch: &str) -> PathBuf {
    let _ = std::fs::remove_dir_all(at);
    git(
        remote.parent().unwrap(),
        &[
            "clone",
            "-q",
            remote.to_str().unwrap(),
            at.to_str().unwrap(),
        ],
    );
    git(at, &["checkout", "-q", branch]);
    at.to_owned()
}

#[test]
fn from_init_to_a_green_pull_request() {
    let root = tempfile::tempdir().unwrap();
    let top = root.path();
    // The maintainer creates the repository and pushes it to "GitHub".
    let out = resurs_in(
        top,
        &[
            "init",
            "karta",
            "--namn",
            "Resurskarta Kalmar",
            "--lan",
            "Kalmar",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.starts_with(
            "Skapade en ny datamapp i karta och gjorde den till ett git-repo (grenen main).\n"
        ),
        "{said}"
    );
    for todo in [
        "Nästa steg:\n- lägg till en aktör: `resurs --data karta ny aktor ID --namn \"…\" --typ …`\n",
        "- Settings → Pages: välj källan GitHub Actions, så publiceras rapporten.\n",
        "- .github/CODEOWNERS: skriv in de GitHub-användare eller team som granskar.\n",
        "- Settings → Branches: skydda main och kräv kontrollen \"Validera\" före merge.\n",
    ] {
        assert!(said.contains(todo), "{said}");
    }
    let karta = top.join("karta");
    assert_eq!(git(&karta, &["symbolic-ref", "HEAD"]), "refs/heads/main\n");
    git(&karta, &["add", "."]);
    git(&karta, &["commit", "-q", "-m", "Ny resurskarta"]);
    let remote = top.join("github.git");
    git(top, &["init", "-q", "--bare", remote.to_str().unwrap()]);
    git(
        &karta,
        &["remote", "add", "origin", remote.to_str().unwrap()],
    );
    git(&karta, &["push", "-q", "origin", "main"]);

    let wf = Workflow::read(&karta);
    // Pull requests are validated once: by `pull_request`, not also by a push to their branch.
    assert!(wf.yaml["on"]["pull_request"].is_null());
    let branches: Vec<&str> = wf.yaml["on"]["push"]["branches"]
        .as_vec()
        .unwrap()
        .iter()
        .filter_map(Yaml::as_str)
        .collect();
    assert_eq!(branches, ["main"]);
    assert_eq!(wf.yaml["permissions"]["contents"].as_str(), Some("read"));
    let publish = &wf.yaml["jobs"]["publicera"];
    assert_eq!(publish["permissions"]["pages"].as_str(), Some("write"));
    assert_eq!(publish["permissions"]["id-token"].as_str(), Some("write"));
    assert_eq!(
        publish["environment"]["name"].as_str(),
        Some("github-pages")
    );
    assert!(
        publish["steps"][0]["uses"]
            .as_str()
            .unwrap()
            .starts_with("actions/deploy-pages@")
    );
    assert!(wf.yaml["jobs"]["validera"]["permissions"].is_badvalue());

    // A contributor adds their actor on a branch, with a misspelt kommun.
    let contributor = top.join("bidrag");
    git(
        top,
        &[
            "clone",
            "-q",
            remote.to_str().unwrap(),
            contributor.to_str().unwrap(),
        ],
    );
    git(&contributor, &["checkout", "-q", "-b", "rodakorset-kalmar"]);
    let actor = contributor.join("aktorer/rodakorset-kalmar/aktor.toml");
    std::fs::create_dir_all(actor.parent().unwrap()).unwrap();
    let text = "namn = \"Röda Korset Kalmar\"\ntyp = \"ideell-forening\"\nbeskrivning = \"Träffpunkt och läxhjälp.\"\nomraden = [\"Kalmr\"]\nsenast_granskad = 2026-11-20\n";
    std::fs::write(&actor, text).unwrap();
    git(&contributor, &["add", "."]);
    git(&contributor, &["commit", "-q", "-m", "Röda Korset Kalmar"]);
    git(&contributor, &["push", "-q", "origin", "rodakorset-kalmar"]);

    // The pull request's check: an annotation on the line, and a red check.
    let ci = top.join("ci");
    let pr = checkout(&remote, &ci, "rodakorset-kalmar");
    let out = run_job(&wf, &pr, "pull_request");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "::error file=aktorer/rodakorset-kalmar/aktor.toml,line=4,col=12,title=E009::okänt område `Kalmr`; menade du `Kalmar`?\n"
    );
    assert!(!ci.join("rapport").exists(), "no report on a pull request");

    // The fix, pushed to the same branch: a green check.
    std::fs::write(&actor, text.replace("Kalmr", "Kalmar")).unwrap();
    git(&contributor, &["commit", "-q", "-am", "Rätta kommunen"]);
    git(&contributor, &["push", "-q", "origin", "rodakorset-kalmar"]);
    let pr = checkout(&remote, &ci, "rodakorset-kalmar");
    let out = run_job(&wf, &pr, "pull_request");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "");

    // Merged: the push to main validates everything and builds the public report for Pages.
    git(&karta, &["fetch", "-q", "origin"]);
    git(
        &karta,
        &["merge", "-q", "--ff-only", "origin/rodakorset-kalmar"],
    );
    git(&karta, &["push", "-q", "origin", "main"]);
    let main = checkout(&remote, &ci, "main");
    let out = run_job(&wf, &main, "push");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let page = std::fs::read_to_string(main.join("rapport/index.html")).unwrap();
    assert!(page.contains("Röda Korset Kalmar"), "{page}");
    assert_eq!(
        git(&main, &["status", "--porcelain"]),
        "",
        "the report folder is ignored"
    );
}

#[test]
fn the_action_is_pinned_to_the_commit_resurs_was_built_from() {
    let root = tempfile::tempdir().unwrap();
    let out = resurs_in(root.path(), &["init", "karta"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let karta = root.path().join("karta");
    let text = std::fs::read_to_string(karta.join(".github/workflows/validera.yml")).unwrap();
    assert!(!text.contains("OWNER"), "{text}");
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let in_git = std::process::Command::new("git")
        .arg("-C")
        .arg(manifest)
        .args(["rev-parse", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8(o.stdout).unwrap().trim().to_owned());
    let line = text
        .lines()
        .find(|l| l.contains("uses: resurskarta/resurs@"))
        .unwrap()
        .trim();
    match in_git {
        // Built in this checkout: pinned to its commit, with the version as a comment.
        Some(head) => assert_eq!(
            line,
            format!("uses: resurskarta/resurs@{head} # v{VERSION}")
        ),
        None => assert_eq!(line, format!("uses: resurskarta/resurs@v{VERSION}")),
    }
    let policy = std::fs::read_to_string(karta.join(".github/zizmor.yml")).unwrap();
    assert!(
        policy.contains("\"actions/*\": ref-pin") && policy.contains("\"*\": hash-pin"),
        "{policy}"
    );
    // Every other action is GitHub's own, with a version tag.
    for l in text.lines().filter(|l| l.contains("uses: ")) {
        let action = l.split("uses: ").nth(1).unwrap();
        assert!(
            action.starts_with("actions/") || action.starts_with("resurskarta/resurs@"),
            "{l}"
        );
    }
    // No expression is expanded inside a script.
    let wf = Workflow::read(&karta);
    for job in ["validera", "publicera"] {
        for step in wf.steps(job) {
            if let Some(script) = step["run"].as_str() {
                assert!(!script.contains("${{"), "{script}");
            }
        }
    }
    assert!(wf.action()["with"]["andrade-sedan"].as_str().is_some());

    // The contributors' README and the pull-request template name the same place.
    let readme = std::fs::read_to_string(karta.join("README.md")).unwrap();
    assert!(
        readme
            .contains("cargo install --locked --git https://github.com/resurskarta/resurs --tag v"),
        "{readme}"
    );
    let template = std::fs::read_to_string(karta.join(".github/pull_request_template.md")).unwrap();
    assert!(
        template.contains("https://github.com/resurskarta/resurs"),
        "{template}"
    );
}

#[test]
fn kalla_names_another_repository() {
    let root = tempfile::tempdir().unwrap();
    let out = resurs_in(
        root.path(),
        &[
            "init",
            "karta",
            "--kalla",
            "https://github.com/min-org/resurs-kopia.git",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let karta = root.path().join("karta");
    let text = std::fs::read_to_string(karta.join(".github/workflows/validera.yml")).unwrap();
    assert!(text.contains("uses: min-org/resurs-kopia@"), "{text}");
    assert!(!text.contains("resurskarta/resurs"), "{text}");
    for file in ["README.md", ".github/pull_request_template.md"] {
        let t = std::fs::read_to_string(karta.join(file)).unwrap();
        assert!(
            t.contains("https://github.com/min-org/resurs-kopia"),
            "{file}"
        );
        assert!(!t.contains("resurskarta/resurs"), "{file}");
    }

    for bad in [
        "https://gitlab.com/min-org/resurs",
        "min-org/resurs",
        "https://github.com/a b/c",
    ] {
        let out = resurs_in(root.path(), &["init", "annan", "--kalla", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&out).starts_with(&format!(
                "fel: `--kalla {bad}` är ingen adress till ett repo på GitHub.\nSkriv den som https://github.com/ÄGARE/REPO"
            )),
            "{}",
            stderr(&out)
        );
        assert!(!root.path().join("annan").exists());
    }
}

#[test]
fn the_readme_shows_the_chosen_lan() {
    let root = tempfile::tempdir().unwrap();
    let out = resurs_in(root.path(), &["init", "kalmar", "--lan", "Kalmar"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let readme = std::fs::read_to_string(root.path().join("kalmar/README.md")).unwrap();
    assert!(
        !readme.contains("Växjö") && !readme.contains("vaxjo"),
        "{readme}"
    );
    assert!(!readme.contains("Kronoberg"), "{readme}");
    for shown in [
        "Till exempel `rodakorset-kalmar` för Röda Korset i Kalmar.",
        "kommunens namn (`\"Kalmar\"`), länets namn (`\"Kalmar län\"`)",
        "resurs ny aktor rodakorset-kalmar --namn \"Röda Korset Kalmar\" --typ ideell-forening --omrade \"Kalmar\"",
        "`senast_granskad` – dagens datum, utan citattecken: `2026-11-25`.",
        "- id: resurs-validera",
    ] {
        assert!(readme.contains(shown), "{shown}\n{readme}");
    }
    let owners = std::fs::read_to_string(root.path().join("kalmar/.github/CODEOWNERS")).unwrap();
    assert!(owners.contains("/aktorer/rodakorset-kalmar/"), "{owners}");

    // Norrbotten's residence city, spelt with å and ä in its id's source.
    let out = resurs_in(root.path(), &["init", "norr", "--lan", "25"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let readme = std::fs::read_to_string(root.path().join("norr/README.md")).unwrap();
    assert!(
        readme.contains("resurs ny aktor rodakorset-lulea --namn \"Röda Korset Luleå\""),
        "{readme}"
    );
    // What the README tells a contributor to run works.
    let norr = root.path().join("norr");
    let out = resurs_in(
        &norr,
        &[
            "ny",
            "aktor",
            "rodakorset-lulea",
            "--namn",
            "Röda Korset Luleå",
            "--typ",
            "ideell-forening",
            "--omrade",
            "Luleå",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn an_older_resurs_says_the_pinned_version_must_be_raised() {
    let root = tempfile::tempdir().unwrap();
    let out = resurs_in(root.path(), &["init", "karta"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let karta = root.path().join("karta");
    let settings = karta.join("resurs.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    let (major, minor) = VERSION
        .split_once('.')
        .map(|(a, b)| (a, b.split('.').next().unwrap()))
        .unwrap();
    assert!(
        text.contains(&format!("kraver = \"{major}.{minor}\"\n")),
        "{text}"
    );
    let line = text.lines().position(|l| l.starts_with("kraver")).unwrap() + 1;

    // A folder written for resurs 99.0, with a setting and a key this version does not know.
    let newer = text.replace(
        &format!("kraver = \"{major}.{minor}\""),
        "kraver = \"99.0\"",
    ) + "ny_installning = true\n";
    std::fs::write(&settings, newer).unwrap();
    let actor = karta.join("aktorer/exempel/aktor.toml");
    let mut a = std::fs::read_to_string(&actor).unwrap();
    a.push_str("nytt_falt = \"x\"\n");
    std::fs::write(&actor, a).unwrap();
    let expected = format!(
        "fel: resurs.toml:{line}: datamappen kräver resurs 99.0 men detta är resurs {VERSION}; höj versionen i .github/workflows/validera.yml (kör `resurs init --bara-ci` med en nyare resurs)\n"
    );
    for args in [
        &["validera", "--format", "github"][..],
        &["validera"],
        &["sok", "mat"],
        &["rapport"],
        &["fmt", "--check"],
        &["lista", "aktorer"],
    ] {
        let out = resurs_in(&karta, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), expected, "{args:?}");
        assert_eq!(stdout(&out), "", "{args:?}");
    }
    // `--bara-ci` from this older resurs would lower the workflow: refused, nothing written.
    let workflow = karta.join(".github/workflows/validera.yml");
    let before = std::fs::read_to_string(&workflow).unwrap();
    let out = resurs_in(&karta, &["init", "--bara-ci"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), expected);
    assert_eq!(std::fs::read_to_string(&workflow).unwrap(), before);

    // Not a version at all.
    let broken = std::fs::read_to_string(&settings)
        .unwrap()
        .replace("kraver = \"99.0\"", "kraver = \"senaste\"");
    std::fs::write(&settings, broken).unwrap();
    let out = resurs_in(&karta, &["validera"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "fel: resurs.toml:{line}: `kraver = \"senaste\"` är ingen version; skriv huvud- och delversion, till exempel `kraver = \"{major}.{minor}\"`\n"
        )
    );
}

#[test]
fn bara_ci_rewrites_only_the_workflow() {
    let root = tempfile::tempdir().unwrap();
    let out = resurs_in(root.path(), &["init", "karta", "--lan", "07"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let karta = root.path().join("karta");
    let workflow = karta.join(".github/workflows/validera.yml");
    let policy = karta.join(".github/zizmor.yml");
    let generated = std::fs::read_to_string(&workflow).unwrap();
    let generated_policy = std::fs::read_to_string(&policy).unwrap();
    // An old workflow (the one earlier versions wrote), an edited README and policy.
    std::fs::write(&workflow, "name: gammal\non: push\n").unwrap();
    std::fs::write(&policy, "rules: {}\n").unwrap();
    let readme = karta.join("README.md");
    std::fs::write(&readme, "# Vår egen README\n").unwrap();

    let out = resurs_in(&karta, &["init", "--bara-ci"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.starts_with(&format!(
            "Skrev om .github/workflows/validera.yml och .github/zizmor.yml\nför resurs {VERSION} (action:en resurskarta/resurs@"
        )),
        "{said}"
    );
    assert_eq!(std::fs::read_to_string(&workflow).unwrap(), generated);
    assert_eq!(std::fs::read_to_string(&policy).unwrap(), generated_policy);
    assert_eq!(
        std::fs::read_to_string(&readme).unwrap(),
        "# Vår egen README\n"
    );
    assert_eq!(resurs_in(&karta, &["validera"]).status.code(), Some(0));

    // With the folder named, and another source.
    let out = resurs_in(
        root.path(),
        &[
            "init",
            "--bara-ci",
            "karta",
            "--kalla",
            "https://github.com/min-org/resurs",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&workflow)
            .unwrap()
            .contains("uses: min-org/resurs@")
    );

    // Not a data folder.
    let out = resurs_in(root.path(), &["init", "--bara-ci"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "fel: `.` är ingen datamapp (ingen resurs.toml); `resurs init --bara-ci` skriver bara om arbetsflödet i en befintlig datamapp\n"
    );
    // --bara-ci says nothing about a name or a county.
    let out = resurs_in(&karta, &["init", "--bara-ci", "--lan", "07"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--lan"), "{}", stderr(&out));
    // Without --bara-ci the folder is still required.
    let out = resurs_in(&karta, &["init"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("KATALOG"), "{}", stderr(&out));
}

#[test]
fn init_inside_a_repository_makes_no_new_one() {
    let root = tempfile::tempdir().unwrap();
    git(root.path(), &["init", "-q"]);
    let out = resurs_in(root.path(), &["init", "data"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Skapade en ny datamapp i data.\n\nNästa steg:\n"),
        "{}",
        stdout(&out)
    );
    assert!(!root.path().join("data/.git").exists());
    assert_eq!(
        std::fs::read_to_string(root.path().join("data/.gitignore")).unwrap(),
        "# Den publika rapporten, som arbetsflödet gör och publicerar.\n/rapport/\n"
    );
}

/// `zizmor --offline` and `actionlint` on the generated repository, when they are installed
/// (`.ci/run` installs them, so CI always runs this).
#[test]
fn the_security_linters_find_nothing_in_the_generated_workflow() {
    let root = tempfile::tempdir().unwrap();
    let out = resurs_in(root.path(), &["init", "karta"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let karta = root.path().join("karta");
    let run = |program: &str, args: &[&str]| {
        std::process::Command::new(program)
            .args(args)
            .current_dir(&karta)
            .output()
    };
    for persona in ["regular", "pedantic"] {
        match run("zizmor", &["--offline", "--persona", persona, "."]) {
            Ok(out) => {
                assert!(
                    out.status.success(),
                    "zizmor ({persona}):\n{}{}",
                    stdout(&out),
                    stderr(&out)
                );
                assert!(
                    stdout(&out).contains("No findings to report"),
                    "{}",
                    stdout(&out)
                );
            }
            Err(_) => eprintln!("zizmor är inte installerat (pip install zizmor): hoppar över"),
        }
    }
    match run("actionlint", &[".github/workflows/validera.yml"]) {
        Ok(out) => {
            assert!(
                out.status.success(),
                "actionlint:\n{}{}",
                stdout(&out),
                stderr(&out)
            );
            assert_eq!(stdout(&out), "");
        }
        Err(_) => eprintln!("actionlint är inte installerat: hoppar över"),
    }
}

/// The pre-commit hook this repository offers runs `resurs validera` in the data repository,
/// as the contributors' README tells them to set it up.
#[test]
fn the_pre_commit_hook_validates_the_repository() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(manifest.join(".pre-commit-hooks.yaml")).unwrap();
    let hooks = YamlLoader::load_from_str(&text).unwrap().remove(0);
    let hook = &hooks[0];
    assert_eq!(hook["id"].as_str(), Some("resurs-validera"));
    assert_eq!(hook["language"].as_str(), Some("rust"));
    assert_eq!(hook["pass_filenames"].as_bool(), Some(false));
    assert_eq!(hook["files"].as_str(), Some(r"\.toml$"));

    let root = tempfile::tempdir().unwrap();
    let out = resurs_in(root.path(), &["init", "karta"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let karta = root.path().join("karta");
    let readme = std::fs::read_to_string(karta.join("README.md")).unwrap();
    assert!(
        readme.contains("  - repo: https://github.com/resurskarta/resurs\n    rev: ")
            && readme.contains("      - id: resurs-validera\n"),
        "{readme}"
    );
    // pre-commit runs the entry in the repository's top folder, without file names.
    let entry: Vec<&str> = hook["entry"].as_str().unwrap().split(' ').collect();
    assert_eq!(entry[0], "resurs");
    assert_eq!(resurs_in(&karta, &entry[1..]).status.code(), Some(0));
    let actor = karta.join("aktorer/exempel/aktor.toml");
    let broken = std::fs::read_to_string(&actor)
        .unwrap()
        .replace("ideell-forening", "forening");
    std::fs::write(&actor, broken).unwrap();
    let out = resurs_in(&karta, &entry[1..]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("aktorer/exempel/aktor.toml"),
        "{}",
        stdout(&out)
    );
}
