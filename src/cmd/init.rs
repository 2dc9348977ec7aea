//! `resurs init KATALOG`: a new, valid data repository, ready for pull requests from
//! organisations and for CI: settings, vocabularies (the taxonomy and all 290 kommuner),
//! a Swedish contributor README, a GitHub Actions workflow (with its zizmor policy), a
//! pull-request template, a CODEOWNERS example, `.taplo.toml`, `.gitignore` and the JSON
//! Schemas; then `git init`. `resurs init --bara-ci` rewrites only the workflow of an existing
//! folder, for the running version.
//!
//! Where resurs lives comes from one place, `repository` in Cargo.toml (`--kalla` overrides
//! it); the workflow's action is pinned to the commit this binary was built from (`build.rs`).

use std::path::Path;

use std::fmt::Write as _;

use anyhow::{Context, bail};

use crate::date::Datum;
use crate::exit;
use crate::model::schema::{Kind, schema_text};
use crate::source::toml_string;

/// The vocabularies every new data folder starts with (the ones of `data/`).
const VOKABULAR: [(&str, &str); 5] = [
    (
        "behov.toml",
        include_str!("../../data/vokabular/behov.toml"),
    ),
    (
        "malgrupper.toml",
        include_str!("../../data/vokabular/malgrupper.toml"),
    ),
    (
        "aktorstyper.toml",
        include_str!("../../data/vokabular/aktorstyper.toml"),
    ),
    (
        "omraden.toml",
        include_str!("../../data/vokabular/omraden.toml"),
    ),
    (
        "sprak.toml",
        include_str!("../../data/vokabular/sprak.toml"),
    ),
];

/// `.taplo.toml` for a folder whose `schemas/` sits beside the data (or above it).
pub fn taplo_config(schemas: &str) -> String {
    let mut out = String::from(
        "# Kopplar datafilerna till sina JSON Schemas, så att editorer med Even Better TOML (VS Code)\n# eller taplo kontrollerar och kompletterar dem. Skapad av `resurs`.\n\n[formatting]\narray_auto_expand = false\ncolumn_width = 100\n",
    );
    for kind in Kind::ALL {
        let _ = write!(
            out,
            "\n[[rule]]\ninclude = [\"**/{}\"]\nschema.path = \"{schemas}/{}\"\n",
            kind.glob(),
            kind.schema_file()
        );
    }
    out
}

const README: &str = include_str!("init/README.md");
const WORKFLOW: &str = include_str!("init/validera.yml");
const ZIZMOR: &str = include_str!("init/zizmor.yml");
const PR_TEMPLATE: &str = include_str!("init/pull_request_template.md");
const CODEOWNERS: &str = include_str!("init/CODEOWNERS");

/// Where the generated files live in a data folder.
const WORKFLOW_PATH: &str = ".github/workflows/validera.yml";
const ZIZMOR_PATH: &str = ".github/zizmor.yml";

/// The folder the workflow writes the public report to (kept out of git).
const REPORT_DIR: &str = "rapport";

/// Where resurs lives: its address and its GitHub `owner/repo`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub url: String,
    pub owner_repo: String,
}

impl Source {
    /// `--kalla URL`, else `repository` in Cargo.toml. Only a GitHub repository can hold the
    /// action the workflow uses, so the address must be one.
    pub fn new(kalla: Option<&str>) -> anyhow::Result<Self> {
        let url = kalla.unwrap_or(env!("CARGO_PKG_REPOSITORY")).trim();
        let path = url
            .strip_prefix("https://github.com/")
            .map(|p| p.trim_end_matches('/'))
            .map(|p| p.strip_suffix(".git").unwrap_or(p));
        let valid = |part: &str| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        };
        match path.and_then(|p| p.split_once('/')) {
            Some((owner, repo)) if valid(owner) && valid(repo) => Ok(Self {
                url: format!("https://github.com/{owner}/{repo}"),
                owner_repo: format!("{owner}/{repo}"),
            }),
            _ => bail!(
                "`--kalla {}` är ingen adress till ett repo på GitHub.\nSkriv den som https://github.com/ÄGARE/REPO, till exempel {}",
                url.escape_debug(),
                env!("CARGO_PKG_REPOSITORY")
            ),
        }
    }
}

/// The commit this `resurs` was built from, when known (recorded by `build.rs`).
pub fn build_commit() -> Option<&'static str> {
    Some(env!("RESURS_COMMIT")).filter(|c| !c.is_empty())
}

/// The generated workflow for `version` of resurs from `source`: the action pinned to `commit`,
/// with the version as a comment, or to the version's tag when the commit is not known.
pub fn workflow(source: &Source, commit: Option<&str>, version: &str) -> String {
    let pin = match commit {
        Some(c) => format!("        uses: {}@{c} # v{version}\n", source.owner_repo),
        None => format!(
            "        # Den här resurs byggdes utan uppgift om sin commit, så action:en anges med\n        # versionens tagg och inte med en commit (zizmor påpekar det). En resurs från en\n        # release låser den till en commit: kör `resurs init --bara-ci` med den.\n        uses: {}@v{version}\n",
            source.owner_repo
        ),
    };
    WORKFLOW
        .replace("{pin}", &pin)
        .replace("{version}", version)
}

/// The example kommun of the README for a county: its residence city (SCB gives it the code
/// `<län>80`), else its first kommun; Växjö without a county.
fn example_kommun(vok: &crate::model::OmradeVokabular, lan: Option<&str>) -> String {
    let Some(lan) = lan else {
        return "Växjö".to_owned();
    };
    let seat = format!("{lan}80");
    vok.kommun
        .iter()
        .find(|k| k.kod == seat)
        .or_else(|| {
            vok.kommun
                .iter()
                .find(|k| crate::dataset::Areas::kommun_in_lan(&k.kod, lan))
        })
        .map_or_else(|| "Växjö".to_owned(), |k| k.namn.clone())
}

/// Everything `resurs init` takes from its command line.
pub struct InitOptions<'a> {
    pub dir: Option<&'a Path>,
    pub namn: &'a str,
    pub lan: Option<&'a str>,
    pub kalla: Option<&'a str>,
    pub bara_ci: bool,
    pub today: Datum,
}

pub fn init(o: &InitOptions<'_>) -> anyhow::Result<i32> {
    let source = Source::new(o.kalla)?;
    if o.bara_ci {
        return only_ci(o.dir.unwrap_or(Path::new(".")), &source);
    }
    let dir = o.dir.unwrap_or(Path::new("."));
    if dir.exists() {
        if !dir.is_dir() {
            bail!("`{}` finns redan och är ingen mapp", dir.display());
        }
        let mut entries = std::fs::read_dir(dir)
            .with_context(|| format!("`{}` kan inte läsas", dir.display()))?;
        if entries.next().is_some() {
            bail!(
                "`{}` är inte tom; `resurs init` skapar bara nya datamappar (`resurs init --bara-ci` skriver om arbetsflödet i en befintlig)",
                dir.display()
            );
        }
    }
    // Resolve the county against the bundled area vocabulary.
    let vok: crate::model::OmradeVokabular = toml::from_str(VOKABULAR[3].1)?;
    let areas = crate::dataset::Areas::new(&vok);
    let (lan_kod, lan_namn) = match o.lan {
        None => (None, None),
        Some(l) => {
            let r = crate::cli::resolve::omrade_in(
                &areas,
                l,
                crate::cli::resolve::AreaKind::Lan,
                crate::cli::resolve::Mode::Write,
            )?;
            let crate::dataset::Area::Lan(k) = r.value else {
                bail!("`{l}` är inget län");
            };
            let lan_name = areas.name(&crate::dataset::Area::Lan(k.clone()));
            (Some(k), Some(lan_name))
        }
    };
    // What this run created, so that a failure (a full disk) takes it away again and the
    // folder is as empty as it was: else the next `resurs init` says it "är inte tom".
    let created = std::cell::RefCell::new(Vec::new());
    let result = create(
        o,
        dir,
        &source,
        lan_kod.as_deref(),
        lan_namn,
        &vok,
        &created,
    );
    if result.is_err() {
        for path in created.borrow().iter().rev() {
            let _ = std::fs::remove_file(path).or_else(|_| std::fs::remove_dir(path));
        }
    }
    result
}

/// Makes the folder `path` and the ones above it that are missing, noting each in `created`.
fn make_folders(
    path: &Path,
    created: &std::cell::RefCell<Vec<std::path::PathBuf>>,
) -> anyhow::Result<()> {
    let missing: Vec<&Path> = path
        .ancestors()
        .take_while(|a| !a.as_os_str().is_empty() && std::fs::symlink_metadata(a).is_err())
        .collect();
    for d in missing.into_iter().rev() {
        std::fs::create_dir(d).with_context(|| format!("`{}` kan inte skapas", d.display()))?;
        created.borrow_mut().push(d.to_path_buf());
    }
    Ok(())
}

/// Writes the files of a new data folder into the empty or missing folder `dir`.
fn create(
    o: &InitOptions<'_>,
    dir: &Path,
    source: &Source,
    lan_kod: Option<&str>,
    lan_namn: Option<String>,
    vok: &crate::model::OmradeVokabular,
    created: &std::cell::RefCell<Vec<std::path::PathBuf>>,
) -> anyhow::Result<i32> {
    let write = |rel: &str, text: &str| -> anyhow::Result<()> {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            make_folders(parent, created)?;
        }
        super::write_file(&path, text, false)?;
        created.borrow_mut().push(path);
        Ok(())
    };

    let (major, minor) = crate::load::running_version();
    let mut resurs = format!(
        "#:schema ./schemas/resurs.schema.json\n# Inställningar för resurskartan.\nnamn = {}\nbeskrivning = \"\"\"\nVem gör vad för människor i en utsatt situation – och för dem som hjälper dem.\n\"\"\"\n",
        toml_string(o.namn)
    );
    if let Some(k) = &lan_kod {
        let _ = writeln!(resurs, "lan = \"{k}\"");
    }
    let _ = write!(
        resurs,
        "# Den lägsta version av resurs som mappen kräver.\nkraver = \"{major}.{minor}\"\n"
    );
    resurs.push_str("\n# När uppgifter räknas som inaktuella: varning och fel efter så många månader.\n[granskning]\nvarna_efter_manader = 12\nfel_efter_manader = 24\n");
    write("resurs.toml", &resurs)?;
    for (name, text) in VOKABULAR {
        write(&format!("vokabular/{name}"), text)?;
    }
    for kind in Kind::ALL {
        write(
            &format!("schemas/{}", kind.schema_file()),
            &schema_text(kind),
        )?;
    }
    write(".taplo.toml", &taplo_config("./schemas"))?;
    write(".gitattributes", "*.toml text eol=lf\n")?;
    write(
        ".gitignore",
        &format!("# Den publika rapporten, som arbetsflödet gör och publicerar.\n/{REPORT_DIR}/\n"),
    )?;

    // The README's examples come from the county.
    let version = env!("CARGO_PKG_VERSION");
    let kommun = example_kommun(vok, lan_kod);
    let aktor_id = format!("rodakorset-{}", crate::text::slug(&kommun));
    let lan_exempel = lan_namn
        .clone()
        .unwrap_or_else(|| "Kronobergs län".to_owned());
    let precommit_rev = match build_commit() {
        Some(c) => format!("{c}  # frozen: v{version}"),
        None => format!("v{version}"),
    };
    let fill = |t: &str| {
        t.replace("{namn}", o.namn)
            .replace("{kommun}", &kommun)
            .replace("{lan}", &lan_exempel)
            .replace("{aktor_id}", &aktor_id)
            .replace("{idag}", &o.today.to_string())
            .replace("{kalla}", &source.url)
            .replace("{version}", version)
            .replace("{precommit_rev}", &precommit_rev)
            .replace(
                "{pad}",
                &" ".repeat(22usize.saturating_sub(aktor_id.len()).max(1)),
            )
    };
    write("README.md", &fill(README))?;
    write(
        WORKFLOW_PATH,
        &workflow(source, build_commit(), env!("CARGO_PKG_VERSION")),
    )?;
    write(ZIZMOR_PATH, ZIZMOR)?;
    write(".github/pull_request_template.md", &fill(PR_TEMPLATE))?;
    write(".github/CODEOWNERS", &fill(CODEOWNERS))?;

    // One example actor, so the folder is valid from the start; the README says to replace it.
    let omrade = lan_namn.unwrap_or_else(|| "riket".to_owned());
    let exempel = crate::cmd::ny::template::render(
        Kind::Aktor,
        &[
            ("namn", "\"Exempelaktör\"".to_owned()),
            ("typ", "\"ideell-forening\"".to_owned()),
            (
                "beskrivning",
                "\"\"\"\nEtt exempel som visar formatet. Byt ut den mot den första riktiga aktören, eller ta bort mappen.\n\"\"\"".to_owned(),
            ),
            ("omraden", format!("[{}]", toml_string(&omrade))),
            ("senast_granskad", o.today.to_string()),
        ],
        Some("../../schemas/aktor.schema.json"),
    );
    write("aktorer/exempel/aktor.toml", &exempel)?;
    write("behov/.gitkeep", "")?;

    let git = git_init(dir);
    let shown = dir.display();
    let mut text = format!(
        "Skapade en ny datamapp i {shown}{}.\n\n\
         Nästa steg:\n\
         - lägg till en aktör: `resurs --data {shown} ny aktor ID --namn \"…\" --typ …`\n\
         - ta bort exemplet i aktorer/exempel/\n\
         - kontrollera: `resurs --data {shown} validera`\n\n\
         Det här kan bara den som förvaltar repot på GitHub göra:\n\
         - Settings → Pages: välj källan GitHub Actions, så publiceras rapporten.\n\
         - .github/CODEOWNERS: skriv in de GitHub-användare eller team som granskar.\n\
         - Settings → Branches: skydda main och kräv kontrollen \"Validera\" före merge.\n",
        match git {
            Git::Created => " och gjorde den till ett git-repo (grenen main)",
            _ => "",
        }
    );
    if let Git::Missing = git {
        text.push_str(
            "- git finns inte på datorn: kör `git init -b main` i mappen när det finns.\n",
        );
    }
    super::print(&text)?;
    Ok(exit::OK)
}

/// What `git init` did.
enum Git {
    Created,
    /// The folder is already inside a repository.
    Inside,
    Missing,
}

/// Makes `dir` a git repository with the branch `main`, unless it is inside one already.
fn git_init(dir: &Path) -> Git {
    // The folder may be inside a repository someone else wrote: git runs with its programs
    // switched off (see `crate::git`).
    let Ok(repo) = crate::git::Repo::open(dir) else {
        return Git::Missing;
    };
    let git = |args: &[&str]| repo.run(args);
    match git(&["rev-parse", "--is-inside-work-tree"]) {
        Err(_) => return Git::Missing,
        Ok(out) if out.status.success() => return Git::Inside,
        Ok(_) => {}
    }
    // `symbolic-ref` rather than `init -b`, which older git does not know.
    let made = git(&["init", "-q"]).is_ok_and(|o| o.status.success())
        && git(&["symbolic-ref", "HEAD", "refs/heads/main"]).is_ok_and(|o| o.status.success());
    if made { Git::Created } else { Git::Missing }
}

/// Writes the workflow and its zizmor policy; `replace` overwrites them.
fn write_ci(dir: &Path, source: &Source, replace: bool) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir.join(".github/workflows")).with_context(|| {
        format!(
            "`{}` kan inte skapas",
            dir.join(".github/workflows").display()
        )
    })?;
    let text = workflow(source, build_commit(), env!("CARGO_PKG_VERSION"));
    super::write_file(&dir.join(WORKFLOW_PATH), &text, replace)?;
    super::write_file(&dir.join(ZIZMOR_PATH), ZIZMOR, replace)
}

/// `resurs init --bara-ci`: the workflow of an existing data folder, rewritten for this version.
fn only_ci(dir: &Path, source: &Source) -> anyhow::Result<i32> {
    if !dir.join("resurs.toml").is_file() {
        bail!(
            "`{}` är ingen datamapp (ingen resurs.toml); `resurs init --bara-ci` skriver bara om arbetsflödet i en befintlig datamapp",
            dir.display()
        );
    }
    // A folder that needs a newer resurs keeps the workflow it has.
    crate::load::check_kraver(dir)?;
    write_ci(dir, source, true)?;
    let pinned = build_commit().map_or_else(
        || format!("v{}", env!("CARGO_PKG_VERSION")),
        |c| c[..12].to_owned(),
    );
    let place = if dir == Path::new(".") {
        String::new()
    } else {
        format!(" i {}", dir.display())
    };
    super::print(&format!(
        "Skrev om {WORKFLOW_PATH} och {ZIZMOR_PATH}{place}\nför resurs {} (action:en {}@{pinned}).\n",
        env!("CARGO_PKG_VERSION"),
        source.owner_repo
    ))?;
    Ok(exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_known_commit_the_action_is_pinned_to_the_tag_and_says_so() {
        let source = Source::new(None).unwrap();
        let text = workflow(&source, None, "0.4.1");
        assert!(
            text.contains("        # Den här resurs byggdes utan uppgift om sin commit, så action:en anges med\n")
                && text.contains("        uses: resurskarta/resurs@v0.4.1\n        with:\n          version: \"0.4.1\"\n"),
            "{text}"
        );
        let pinned = workflow(&source, Some(&"a".repeat(40)), "0.4.1");
        assert!(
            pinned.contains(&format!(
                "        uses: resurskarta/resurs@{} # v0.4.1\n",
                "a".repeat(40)
            )),
            "{pinned}"
        );
        assert!(!pinned.contains("{pin}"));
        assert!(!pinned.contains("{version}"));
    }

    #[test]
    fn the_source_is_a_github_repository() {
        let s = Source::new(Some("https://github.com/a-b/c.d.git/")).unwrap();
        assert_eq!(s.owner_repo, "a-b/c.d");
        assert_eq!(s.url, "https://github.com/a-b/c.d");
        assert_eq!(
            Source::new(None).unwrap().url,
            "https://github.com/resurskarta/resurs"
        );
        for bad in [
            "http://github.com/a/b",
            "https://github.com/a",
            "https://github.com/a/b/c",
            "https://github.com/../b",
            "https://github.com/a/b\n#",
        ] {
            assert!(Source::new(Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_example_kommun_is_the_residence_city() {
        let vok: crate::model::OmradeVokabular = toml::from_str(VOKABULAR[3].1).unwrap();
        assert_eq!(example_kommun(&vok, Some("08")), "Kalmar");
        assert_eq!(example_kommun(&vok, Some("14")), "Göteborg");
        assert_eq!(example_kommun(&vok, Some("09")), "Gotland");
        assert_eq!(example_kommun(&vok, None), "Växjö");
        // Every county has its residence city at `<län>80`.
        for lan in &vok.lan {
            let seat = format!("{}80", lan.kod);
            assert!(vok.kommun.iter().any(|k| k.kod == seat), "{}", lan.namn);
        }
    }
}
