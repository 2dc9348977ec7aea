//! One function per command: parse nothing, print the result, return the exit code.

pub mod fmt;
mod init;
mod lista;
mod matcha;
pub mod ny;
mod rapport;
mod schema;
mod sok;
mod validera;
mod visa;
mod write;

pub use fmt::fmt;
pub use init::{InitOptions, init, taplo_config};
pub use lista::lista;
pub use matcha::{matcha, uppfoljning};
pub use ny::ny;
pub use rapport::rapport;
pub use schema::schema;
pub use sok::sok;
pub use validera::validera;
pub use visa::visa;
use write::write_file;

use crate::load::{Checks, LoadOptions};

/// A progress bar on stderr for big folders, only when stderr is a terminal.
struct Bar(std::sync::OnceLock<indicatif::ProgressBar>);

impl crate::load::Progress for Bar {
    fn start(&self, units: usize) {
        use std::io::IsTerminal as _;
        // 2,000 actors and needs are about 12,000 files: a quarter of a second and up.
        if units >= 2_000 && std::io::stderr().is_terminal() {
            let bar = indicatif::ProgressBar::new(units as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} läser {pos}/{len} aktörer och behov {wide_bar} {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            let _ = self.0.set(bar);
        }
    }
    fn unit_done(&self) {
        if let Some(bar) = self.0.get() {
            bar.inc(1);
        }
    }
    fn finish(&self) {
        if let Some(bar) = self.0.get() {
            bar.finish_and_clear();
        }
    }
}

/// A loaded data folder that is never freed piece by piece: the process ends right after the
/// command, and freeing 125,000 entries one by one takes longer than reading some of them.
pub struct Loaded(std::mem::ManuallyDrop<crate::dataset::Dataset>);

impl std::ops::Deref for Loaded {
    type Target = crate::dataset::Dataset;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

/// What a command that only reads the folder asks of the load: the quick checks (a broken file
/// is left out), every file, the free text kept.
const READING: LoadOptions<'static> = LoadOptions {
    checks: Checks::Quick,
    free_text: crate::load::FreeText::Kept,
    files: crate::load::Files::All,
    progress: &crate::load::Quiet,
};

/// Loads the data folder as `opts` say, with a progress bar (on a terminal, for big folders),
/// timed as the stage "ladda". With the quick checks a broken file is left out of the dataset:
/// how many were is said on stderr (`validera`, with every check, reports each).
pub fn load(data: &std::path::Path, opts: LoadOptions<'_>) -> anyhow::Result<Loaded> {
    let ds = crate::timing::stage("ladda", || {
        let bar = Bar(std::sync::OnceLock::new());
        crate::load::load(
            data,
            &LoadOptions {
                progress: &bar,
                ..opts
            },
        )
    })?;
    Ok(if opts.checks == Checks::Quick {
        skipped_note(ds)
    } else {
        Loaded(std::mem::ManuallyDrop::new(ds))
    })
}

/// Fails with the way out when `data` is no data folder: it does not exist, or (with
/// `settings`) it has no `resurs.toml`. Anything else wrong with it is the loader's to say.
pub fn data_folder(data: &std::path::Path, settings: bool) -> anyhow::Result<()> {
    let missing = |p: &std::path::Path| {
        std::fs::metadata(p).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
    };
    let why = if missing(data) {
        "mappen finns inte"
    } else if settings && missing(&data.join("resurs.toml")) {
        "ingen resurs.toml"
    } else {
        return Ok(());
    };
    anyhow::bail!(
        "hittar ingen datamapp i `{}` ({why}).\nAnge mappen med `--data <mapp>` eller \
         miljövariabeln RESURS_DATA, eller skapa en med `resurs init`.",
        data.display()
    )
}

/// Writes a line for a person to stderr (a notice, an error), escaped as [`print`] does: it
/// may quote a value or a file name from the data folder.
pub fn note(text: &str) {
    if text.is_empty() {
        return;
    }
    let text = crate::render::escape::terminal::text(text);
    let end = if text.ends_with('\n') { "" } else { "\n" };
    eprint!("{text}{end}");
}

/// Says on stderr how many files were skipped because of errors.
fn skipped_note(ds: crate::dataset::Dataset) -> Loaded {
    let ds = Loaded(std::mem::ManuallyDrop::new(ds));
    let n = ds.broken_files.len();
    if n > 0 {
        eprintln!(
            "{} hoppades över; kör `resurs validera`",
            crate::text::words::count(n, "fil", "filer")
        );
    }
    ds
}

use std::io::Write;

/// Writes text for a person to stdout: whatever a terminal would obey (an escape sequence, a
/// bidi override; see [`crate::render::escape::terminal`]) is shown escaped, as a last line of
/// defence behind the escaping of each field. A closed pipe (`resurs … | head`) is not an
/// error.
pub fn print(text: &str) -> anyhow::Result<()> {
    print_raw(&crate::render::escape::terminal::text(text))
}

/// Writes a data format (JSON, CSV, Markdown, HTML) to stdout as it is, for the program or
/// file that reads it; when stdout is a terminal, a person reads it, and it is escaped as
/// [`print`] does.
pub fn print_data(text: &str) -> anyhow::Result<()> {
    use std::io::IsTerminal as _;
    if std::io::stdout().is_terminal() {
        print(text)
    } else {
        print_raw(text)
    }
}

/// Writes the program's own text (help, completions, a schema) to stdout as it is.
pub fn print_raw(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// `resurs forklara KOD`.
pub fn forklara(kod: &str) -> anyhow::Result<i32> {
    use crate::diagnostic::{Code, Severity};
    let Ok(code) = kod.parse::<Code>() else {
        let range = |severity: Severity| {
            let mut codes = Code::ALL.iter().filter(|c| c.severity() == severity);
            let first = codes.next().map_or("", |c| c.as_str());
            format!(
                "{first}–{}",
                codes.next_back().map_or(first, |c| c.as_str())
            )
        };
        anyhow::bail!(
            "ingen problemkod heter `{kod}`. Koderna är {} och {}; se README.md.",
            range(Severity::Fel),
            range(Severity::Varning)
        );
    };
    let x = code.explanation();
    let indent = |s: &str| -> String { s.lines().flat_map(|l| ["    ", l, "\n"]).collect() };
    print(&format!(
        "{code} ({}): {}\n\n{}\n\nFel:\n{}\nRätt:\n{}",
        code.severity().as_str(),
        code.title(),
        x.vad,
        indent(x.fel),
        indent(x.ratt)
    ))?;
    Ok(crate::exit::OK)
}

/// `resurs completions SKAL`.
pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<i32> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::command(), "resurs", &mut buf);
    print_raw(&String::from_utf8_lossy(&buf))?;
    Ok(crate::exit::OK)
}

/// `resurs man`.
pub fn man() -> anyhow::Result<i32> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(crate::cli::command()).render(&mut buf)?;
    print_raw(&String::from_utf8_lossy(&buf))?;
    Ok(crate::exit::OK)
}
