//! Files written where they belong and nowhere else. Every file goes through a temporary file
//! with a random name in the same folder, created with `O_EXCL` (`tempfile`), so a link a data
//! folder ships under a likely name is never written through; the temporary file is removed
//! on every error (a full disk leaves nothing behind), and renamed over the target only at
//! the end, so an interruption never leaves half a file. Only a regular file is ever replaced
//! (never a link, a device or a pipe), it keeps its permissions, and a file the user cannot
//! write is not replaced.

use std::fs::Metadata;
use std::io::Write as _;
use std::path::Path;

use anyhow::{Context as _, bail};

/// What is at a path, without following a link.
pub enum At {
    Nothing,
    File(Metadata),
    /// A folder (not a link to one).
    Dir,
    /// Not a regular file nor a folder: what it is, in Swedish.
    Other(&'static str),
}

/// What is at `path` (a link is not followed).
pub fn at(path: &Path) -> anyhow::Result<At> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(At::Nothing),
        Err(e) => Err(e).with_context(|| format!("`{}` kan inte läsas", path.display())),
        Ok(m) if m.is_file() => Ok(At::File(m)),
        Ok(m) if m.is_dir() => Ok(At::Dir),
        Ok(m) => Ok(At::Other(kind_of(&m))),
    }
}

fn kind_of(m: &Metadata) -> &'static str {
    let t = m.file_type();
    if t.is_symlink() {
        return "en symbolisk länk";
    }
    if t.is_dir() {
        return "en mapp";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return "en namngiven pipe";
        }
        if t.is_char_device() || t.is_block_device() {
            return "en enhetsfil";
        }
        if t.is_socket() {
            return "en socket";
        }
    }
    "ingen vanlig fil"
}

/// The error for a path that is not a regular file.
pub fn not_a_file(path: &Path, what: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "`{}` är {what}; resurs skriver bara vanliga filer och ersätter aldrig något annat",
        path.display()
    )
}

/// Whether the regular file `path` may be replaced: it is not read-only (a file without write
/// permission says "leave me", even to an administrator), and the user may write it.
pub fn writable(path: &Path, meta: &Metadata) -> bool {
    if meta.permissions().readonly() {
        return false;
    }
    #[cfg(unix)]
    {
        rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_ok()
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        true
    }
}

/// `text` in a new temporary file beside `path`, with the permissions of `like` (the file it
/// replaces) or those of a new file. Dropping it removes it.
fn temporary(
    path: &Path,
    text: &str,
    like: Option<&Metadata>,
) -> anyhow::Result<tempfile::NamedTempFile> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "fil".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new file gets what the umask leaves of rw-rw-rw-, like any other program's.
    #[cfg(unix)]
    if like.is_none() {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let failed = || format!("`{}` kan inte skrivas", path.display());
    let mut tmp = builder.tempfile_in(dir).with_context(failed)?;
    tmp.write_all(text.as_bytes())
        .and_then(|()| tmp.flush())
        .with_context(failed)?;
    if let Some(m) = like {
        tmp.as_file()
            .set_permissions(m.permissions())
            .with_context(failed)?;
    }
    Ok(tmp)
}

/// Writes a new file, or replaces a regular file only when `overwrite` is set (and the user
/// may write it). Never replaces a link, a folder, a device or a pipe.
pub fn write_file(path: &Path, text: &str, overwrite: bool) -> anyhow::Result<()> {
    let failed = || format!("`{}` kan inte skrivas", path.display());
    match at(path)? {
        At::Dir => Err(not_a_file(path, "en mapp")),
        At::Other(what) => Err(not_a_file(path, what)),
        At::File(_) if !overwrite => bail!(
            "`{}` finns redan; lägg till --skriv-over för att ersätta den",
            path.display()
        ),
        At::File(meta) => {
            if !writable(path, &meta) {
                bail!("`{}` är skrivskyddad och skrivs inte över", path.display());
            }
            let tmp = temporary(path, text, Some(&meta))?;
            tmp.persist(path)
                .map_err(|e| e.error)
                .with_context(failed)?;
            Ok(())
        }
        At::Nothing => {
            let tmp = temporary(path, text, None)?;
            match tmp.persist_noclobber(path) {
                Ok(_) => Ok(()),
                Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => bail!(
                    "`{}` finns redan; lägg till --skriv-over för att ersätta den",
                    path.display()
                ),
                Err(e) => Err(e.error).with_context(failed),
            }
        }
    }
}

/// Whether `path` is still the regular file `meta` with the bytes `old`.
fn unchanged(path: &Path, meta: &Metadata, old: &[u8]) -> bool {
    let Ok(now) = std::fs::symlink_metadata(path) else {
        return false;
    };
    if !now.is_file() || now.len() != meta.len() || now.modified().ok() != meta.modified().ok() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if (
            now.dev(),
            now.ino(),
            now.mode(),
            now.ctime(),
            now.ctime_nsec(),
        ) != (
            meta.dev(),
            meta.ino(),
            meta.mode(),
            meta.ctime(),
            meta.ctime_nsec(),
        ) {
            return false;
        }
    }
    std::fs::read(path).is_ok_and(|b| b == old)
}

/// What [`replace_unchanged`] did.
pub enum Replaced {
    Yes,
    /// The file changed after it was read: it was left as it is.
    Changed,
}

/// Replaces the regular file `path`, read as `old` with the metadata `meta`, by `text`, keeping
/// its permissions; leaves it alone when it changed in the meantime.
pub fn replace_unchanged(
    path: &Path,
    text: &str,
    meta: &Metadata,
    old: &[u8],
) -> anyhow::Result<Replaced> {
    let tmp = temporary(path, text, Some(meta))?;
    // The last look, right before the rename.
    if !unchanged(path, meta, old) {
        return Ok(Replaced::Changed);
    }
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("`{}` kan inte skrivas", path.display()))?;
    Ok(Replaced::Yes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_changed_after_it_was_read_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("aktor.toml");
        std::fs::write(&path, "namn = 'A'\n").unwrap();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        let old = std::fs::read(&path).unwrap();
        // Someone else writes the file while it is being formatted.
        std::fs::write(&path, "namn = 'B, av någon annan'\n").unwrap();
        let r = replace_unchanged(&path, "namn = \"A\"\n", &meta, &old).unwrap();
        assert!(matches!(r, Replaced::Changed));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "namn = 'B, av någon annan'\n"
        );
        // Unchanged, it is replaced; no temporary file is left either way.
        let meta = std::fs::symlink_metadata(&path).unwrap();
        let old = std::fs::read(&path).unwrap();
        let r = replace_unchanged(&path, "namn = \"B\"\n", &meta, &old).unwrap();
        assert!(matches!(r, Replaced::Yes));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "namn = \"B\"\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn only_regular_files_are_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("mapp");
        std::fs::create_dir(&sub).unwrap();
        let err = write_file(&sub, "x", true).unwrap_err().to_string();
        assert!(err.contains("är en mapp"), "{err}");
        assert!(sub.is_dir());
        let file = dir.path().join("ny.md");
        write_file(&file, "ett", false).unwrap();
        let err = write_file(&file, "två", false).unwrap_err().to_string();
        assert!(err.contains("finns redan"), "{err}");
        write_file(&file, "två", true).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "två");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
