//! Writing an output file whole or not at all: into a new temporary file beside it, then renamed
//! into place, so a failed run never leaves half a report. What is not an ordinary file (a
//! device such as /dev/null, a pipe) is written to directly; a symbolic link is followed, so the
//! file it names is replaced, not the link; an existing file keeps its permissions.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use same_file::Handle;

use crate::error::{Error, IoProblem, Location, Message, Result, UsageProblem};

fn usage(problem: UsageProblem) -> Message {
    Message::Usage(problem)
}

/// Writes `bytes` to `path` (`-`: standard output) whole or not at all.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.display().to_string();
    let fail = |err: io::Error| {
        Error::read(
            Location::file(&name),
            usage(UsageProblem::CannotWrite(IoProblem::of(&err))),
        )
    };
    if path == Path::new("-") {
        if crate::stdio::stdout_closed() {
            return Err(crate::stdio::closed_error());
        }
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
                usage(UsageProblem::OutputIsADirectory),
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
    let file_name = path
        .file_name()
        .ok_or_else(|| Error::read(Location::file(&name), usage(UsageProblem::NotAFileName)))?;
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

/// Refuses to write a report or template to `output` when that would destroy a file the run
/// did not create: one of `inputs` (`-` is standard input), compared by identity (device and
/// inode, after following links), so a hard link, `./data.csv` or `/dev/stdin` is caught as
/// well as the same name; or a file that is read-only, as `cp` and `tee` refuse it.
pub fn guard_output(output: &Path, inputs: &[&Path]) -> Result<()> {
    if output == Path::new("-") {
        return Ok(());
    }
    let at = || Location::file(output.display().to_string());
    let Ok(target) = Handle::from_path(output) else {
        // Nothing there yet (or nothing that can be opened): nothing to destroy.
        return Ok(());
    };
    for input in inputs {
        let handle = match *input == Path::new("-") {
            true => Handle::stdin(),
            false => Handle::from_path(input),
        };
        if handle.is_ok_and(|h| h == target) {
            let input = (*input != Path::new("-")).then(|| input.display().to_string());
            return Err(Error::read(
                at(),
                usage(UsageProblem::OutputIsAnInput { input }),
            ));
        }
    }
    match fs::metadata(output) {
        Ok(meta) if meta.is_file() && meta.permissions().readonly() => {
            Err(Error::read(at(), usage(UsageProblem::OutputReadOnly)))
        }
        _ => Ok(()),
    }
}
