//! Writing an output file whole or not at all: into a new temporary file beside it, then renamed
//! into place, so a failed run never leaves half a report. What is not an ordinary file (a
//! device such as /dev/null, a pipe) is written to directly; a symbolic link is followed, so the
//! file it names is replaced, not the link; an existing file keeps its permissions.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::actuals::describe_io;
use crate::error::{Error, Location, Result};

/// Writes `bytes` to `path` (`-`: standard output) whole or not at all.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.display().to_string();
    let fail = |err: io::Error| {
        Error::read(
            Location::file(&name),
            format!("cannot write: {}", describe_io(&err)),
        )
    };
    if path == Path::new("-") {
        let mut out = io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(fail);
    }
    // A link is followed: the file it names is the one replaced.
    let path: PathBuf = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path).map_err(fail)?,
        _ => path.to_path_buf(),
    };
    let existing = fs::metadata(&path).ok();
    if let Some(meta) = &existing {
        if meta.is_dir() {
            return Err(Error::read(
                Location::file(&name),
                "is a directory; expected a file to write",
            ));
        }
        if !meta.is_file() {
            // A device or a pipe: written to as it is.
            let mut file = OpenOptions::new().write(true).open(&path).map_err(fail)?;
            return file.write_all(bytes).map_err(fail);
        }
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path.file_name().ok_or_else(|| {
        Error::read(
            Location::file(&name),
            "is not a file name; expected a path such as report.csv",
        )
    })?;
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        file_name.to_string_lossy(),
        std::process::id()
    ));
    let result = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            if let Some(meta) = &existing {
                file.set_permissions(meta.permissions())?;
            }
            file.sync_all()
        })
        .and_then(|()| fs::rename(&temp, &path));
    if let Err(err) = result {
        let _ = fs::remove_file(&temp);
        return Err(fail(err));
    }
    Ok(())
}

/// True when `output` is the same file as one of `inputs` (writing it would destroy the data).
pub fn is_an_input(output: &Path, inputs: &[&Path]) -> bool {
    let Ok(output) = fs::canonicalize(output) else {
        return false;
    };
    inputs
        .iter()
        .any(|input| fs::canonicalize(input).is_ok_and(|i| i == output))
}
