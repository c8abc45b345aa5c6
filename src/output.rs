//! Writing an output file whole or not at all: into a temporary file beside it, then renamed
//! into place, so a failed run never leaves half a report.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::actuals::describe_io;
use crate::error::{Error, Location, Result};

/// Writes `bytes` to `path` atomically.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.display().to_string();
    let fail = |err: std::io::Error| {
        Error::read(
            Location::file(&name),
            format!("cannot write: {}", describe_io(&err)),
        )
    };
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
    let result = fs::File::create(&temp)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .and_then(|()| fs::rename(&temp, path));
    if let Err(err) = result {
        let _ = fs::remove_file(&temp);
        return Err(fail(err));
    }
    Ok(())
}
