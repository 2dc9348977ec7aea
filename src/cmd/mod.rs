//! One function per command: parse nothing, print the result, return the exit code.

mod lista;
mod matcha;
mod rapport;
mod schema;
mod sok;
mod validera;
mod visa;

pub use lista::lista;
pub use matcha::{matcha, uppfoljning};
pub use rapport::rapport;
pub use schema::schema;
pub use sok::sok;
pub use validera::validera;
pub use visa::visa;

/// Loads the data folder for a command that reads it; says on stderr how many files were
/// skipped because of errors.
pub fn load_for_reading(data: &std::path::Path) -> anyhow::Result<crate::dataset::Dataset> {
    let ds = crate::load::load(data)?;
    let n = ds.broken_files.len();
    if n > 0 {
        eprintln!(
            "{} hoppades över; kör `resurs validera`",
            crate::render::count(n, "fil", "filer")
        );
    }
    Ok(ds)
}

use std::io::Write;

/// Writes to stdout; a closed pipe (`resurs … | head`) is not an error.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Writes a new file, or replaces one only when `overwrite` is set, through a temporary file
/// in the same folder and a rename, so an interruption never leaves half a file.
pub fn write_file(path: &std::path::Path, text: &str, overwrite: bool) -> anyhow::Result<()> {
    use anyhow::Context as _;
    if path.exists() && !overwrite {
        anyhow::bail!(
            "`{}` finns redan; lägg till --skriv-over för att ersätta den",
            path.display()
        );
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "fil".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, text).with_context(|| format!("`{}` kan inte skrivas", tmp.display()))?;
    if let Err(e) = std::fs::rename(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("`{}` kan inte skrivas", path.display()));
    }
    Ok(())
}
