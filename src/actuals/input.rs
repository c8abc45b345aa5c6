//! Opening an input: a path or `-` for standard input, with clear errors for a missing file, a
//! directory or an unreadable one.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::error::{DataProblem, Error, IoProblem, Location, Message, Result, Utf8Case};

/// An opened input: its name for messages and a reader over its bytes.
pub struct Input {
    /// The name the user gave (`-` is shown as `<stdin>`).
    pub name: String,
    /// The bytes.
    pub reader: Box<dyn Read>,
}

/// Opens `path`, or standard input for `-`.
pub fn open_input(path: &Path) -> Result<Input> {
    if path == Path::new("-") {
        return Ok(Input {
            name: crate::error::STDIN_NAME.into(),
            reader: Box::new(io::stdin().lock()),
        });
    }
    let name = path.display().to_string();
    let at = || Location::file(name.clone());
    if path.is_dir() {
        return Err(Error::read(
            at(),
            Message::Unreadable(IoProblem::IsADirectory),
        ));
    }
    let file = File::open(path).map_err(|err| Error::unreadable(at(), &err))?;
    Ok(Input {
        name,
        reader: Box::new(file),
    })
}

/// Reads a whole file to text, for small inputs such as a plan: its name for messages and its
/// text.
pub fn read_to_string(path: &Path) -> Result<(String, String)> {
    /// A plan is a few hundred lines; a larger file is not one, and is not held in memory.
    const MAX_PLAN: u64 = 16 << 20;
    let mut input = open_input(path)?;
    let mut bytes = Vec::new();
    (&mut input.reader)
        .take(MAX_PLAN + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| Error::unreadable(Location::file(&input.name), &err))?;
    let name = input.name.clone();
    if bytes.len() as u64 > MAX_PLAN {
        return Err(Error::read(
            Location::file(&name),
            DataProblem::PlanTooLarge {
                mib: MAX_PLAN >> 20,
            },
        ));
    }
    String::from_utf8(bytes)
        .map(|text| (name, text))
        .map_err(|err| {
            let good = &err.as_bytes()[..err.utf8_error().valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            Error::read(
                Location::line(&input.name, line),
                DataProblem::InvalidUtf8(Utf8Case::Plan),
            )
        })
}

/// A short lowercase description of an I/O error, without the OS error number.
pub fn describe_io(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory; expected a file".into(),
        _ => {
            let text = err.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => "read error".into(),
            }
        }
    }
}
