//! Folders listed and files opened through a handle to their folder: on Unix each name is then
//! looked up alone (`openat`), instead of walking the whole path from the data folder again for
//! each of 125,000 files. Elsewhere, the same calls go through paths.

#[cfg(not(unix))]
use std::ffi::{OsStr, OsString};
#[cfg(not(unix))]
use std::fs::File;
#[cfg(not(unix))]
use std::io;
#[cfg(not(unix))]
use std::path::{Path, PathBuf};

/// What an entry of a folder is (a symlink is never followed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ft {
    Dir,
    File,
    Symlink,
    Other,
}

impl Ft {
    pub fn of(ft: std::fs::FileType) -> Ft {
        if ft.is_symlink() {
            Ft::Symlink
        } else if ft.is_dir() {
            Ft::Dir
        } else if ft.is_file() {
            Ft::File
        } else {
            Ft::Other
        }
    }

    pub fn is_dir(self) -> bool {
        self == Ft::Dir
    }
}

/// An open folder, listed once.
pub struct Folder {
    #[cfg(unix)]
    dir: rustix::fs::Dir,
    #[cfg(not(unix))]
    path: PathBuf,
}

#[cfg(unix)]
mod imp {
    use super::{Folder, Ft};
    use rustix::fs::{AtFlags, CWD, Dir, FileType, Mode, OFlags, openat, statat};
    use std::ffi::{OsStr, OsString};
    use std::fs::File;
    use std::io;
    use std::os::unix::ffi::OsStrExt as _;
    use std::path::Path;

    const DIR: OFlags = OFlags::RDONLY
        .union(OFlags::DIRECTORY)
        .union(OFlags::CLOEXEC)
        .union(OFlags::NOFOLLOW);

    fn ft(t: FileType) -> Option<Ft> {
        Some(match t {
            FileType::Directory => Ft::Dir,
            FileType::RegularFile => Ft::File,
            FileType::Symlink => Ft::Symlink,
            FileType::Unknown => return None,
            _ => Ft::Other,
        })
    }

    impl Folder {
        pub fn open(path: &Path) -> io::Result<Folder> {
            // The data folder itself may be a link; the folders inside it may not.
            let fd = openat(CWD, path, DIR.difference(OFlags::NOFOLLOW), Mode::empty())?;
            Ok(Folder { dir: Dir::new(fd)? })
        }

        pub fn open_sub(&self, name: &OsStr) -> io::Result<Folder> {
            let fd = openat(self.dir.fd()?, name, DIR, Mode::empty())?;
            Ok(Folder { dir: Dir::new(fd)? })
        }

        pub fn open_file(&self, name: &OsStr) -> io::Result<File> {
            let flags = OFlags::RDONLY | OFlags::CLOEXEC;
            Ok(File::from(openat(
                self.dir.fd()?,
                name,
                flags,
                Mode::empty(),
            )?))
        }

        /// The identity of the entry `name` (for the search index). The field types differ
        /// between Unix systems, hence the conversions.
        #[allow(clippy::useless_conversion, clippy::unnecessary_fallible_conversions)]
        pub fn stamp(&self, name: &OsStr) -> Option<crate::load::index::Stamp> {
            let st = statat(self.dir.fd().ok()?, name, AtFlags::SYMLINK_NOFOLLOW).ok()?;
            Some(crate::load::index::Stamp {
                dev: u64::try_from(st.st_dev).ok()?,
                ino: u64::try_from(st.st_ino).ok()?,
                size: u64::try_from(st.st_size).ok()?,
                mtime: (
                    i64::try_from(st.st_mtime).ok()?,
                    i64::try_from(st.st_mtime_nsec).ok()?,
                ),
                ctime: (
                    i64::try_from(st.st_ctime).ok()?,
                    i64::try_from(st.st_ctime_nsec).ok()?,
                ),
            })
        }

        pub fn list(&mut self) -> io::Result<Vec<(OsString, Ft)>> {
            let mut listed = Vec::new();
            for entry in &mut self.dir {
                let entry = entry?;
                let name = OsStr::from_bytes(entry.file_name().to_bytes());
                if name == "." || name == ".." {
                    continue;
                }
                listed.push((name.to_os_string(), ft(entry.file_type())));
            }
            // Some file systems do not say what an entry is; then it is looked up.
            let mut out = Vec::with_capacity(listed.len());
            for (name, t) in listed {
                let t = if let Some(t) = t {
                    t
                } else {
                    let st = statat(self.dir.fd()?, &name, AtFlags::SYMLINK_NOFOLLOW)?;
                    ft(FileType::from_raw_mode(st.st_mode)).unwrap_or(Ft::Other)
                };
                out.push((name, t));
            }
            Ok(out)
        }
    }
}

#[cfg(not(unix))]
impl Folder {
    pub fn open(path: &Path) -> io::Result<Folder> {
        std::fs::read_dir(path)?;
        Ok(Folder {
            path: path.to_path_buf(),
        })
    }

    pub fn open_sub(&self, name: &OsStr) -> io::Result<Folder> {
        Folder::open(&self.path.join(name))
    }

    pub fn open_file(&self, name: &OsStr) -> io::Result<File> {
        File::open(self.path.join(name))
    }

    /// No search index here: without an inode and a change time, a file's identity is unsure.
    pub fn stamp(&self, _name: &OsStr) -> Option<crate::load::index::Stamp> {
        None
    }

    pub fn list(&mut self) -> io::Result<Vec<(OsString, Ft)>> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(&self.path)? {
            let entry = entry?;
            out.push((entry.file_name(), Ft::of(entry.file_type()?)));
        }
        Ok(out)
    }
}
