//! The memory-capped child process that reads a workbook: starting it and reading its answer
//! cell by cell ([`FromChild`]), and, in the child, serving it ([`serve_workbook`]). A child
//! that runs out of memory, dies or answers malformed bytes is reported as a damaged workbook.

use std::io::{BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::OnceLock;

use super::limit::cap_memory;
use super::rows::Cells;
use super::sheet::read_contained;
use super::{wire, PlacedCell};
use crate::error::{DataProblem, Error, IoProblem, Location, Message, Result};

/// The program that reads workbooks in a child process (the `plan` binary itself), if set.
pub(super) static HELPER: OnceLock<PathBuf> = OnceLock::new();

/// Reads workbooks with `exe __read-workbook` in a child process whose memory is capped at
/// [`CHILD_MEMORY`], so no workbook can exhaust the machine: a child that runs out is reported
/// as a damaged workbook. Without it (tests, fuzzing), workbooks are read in this process.
pub fn use_workbook_helper(exe: PathBuf) {
    let _ = HELPER.set(exe);
}

/// Starts the child on the workbook: the chosen sheet's name, how many cells it holds, and
/// the cells to come.
pub(super) fn start_child(
    exe: &PathBuf,
    bytes: &[u8],
    file: &Location,
    sheet: Option<&str>,
) -> Result<(String, u64, FromChild)> {
    let mut command = Command::new(exe);
    command.arg("__read-workbook");
    if let Some(sheet) = sheet {
        command.arg("--sheet").arg(sheet);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|err| {
            Error::read(
                file.clone(),
                DataProblem::WorkbookReaderFailed {
                    detail: err.to_string(),
                },
            )
        })?;
    // The child reads all of its input before it writes anything, so the input is written
    // whole first. A child that fails early closes its input; what it said is read next.
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(bytes);
    }
    let Some(stdout) = child.stdout.take() else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(damaged(file));
    };
    let mut from_child = FromChild {
        child,
        answer: BufReader::with_capacity(1 << 16, stdout),
        left: 0,
        finished: false,
        file: file.clone(),
    };
    match wire::read_head(&mut from_child.answer) {
        Some(wire::Head::Sheet(name, count)) => {
            from_child.left = count;
            Ok((name, count, from_child))
        }
        Some(wire::Head::Error(message)) => {
            let _ = from_child.finish();
            Err(Error::actuals(file.clone(), message))
        }
        None => {
            let _ = from_child.finish();
            Err(damaged(file))
        }
    }
}

fn damaged(file: &Location) -> Error {
    Error::actuals(file.clone(), DataProblem::DamagedWorkbook { memory: true })
}

/// The widest row a sheet can have (Excel's 16,384 columns, with room to spare).
const MAX_COLUMNS: u32 = 1 << 20;

/// Cells streamed from the child: its answer is read as the rows are, and its exit status is
/// checked at the end. Dropped early (a row was refused), the child is stopped.
pub(super) struct FromChild {
    child: Child,
    answer: BufReader<ChildStdout>,
    left: u64,
    finished: bool,
    file: Location,
}

impl FromChild {
    /// Waits for the child; an error unless it ended well.
    fn finish(&mut self) -> Result<()> {
        self.finished = true;
        let ended = wire::read_end(&mut self.answer);
        let status = self.child.wait().map_err(|_| damaged(&self.file))?;
        if ended && status.success() {
            Ok(())
        } else {
            Err(damaged(&self.file))
        }
    }
}

impl Cells for FromChild {
    fn next_cell(&mut self) -> Result<Option<PlacedCell>> {
        if self.finished {
            return Ok(None);
        }
        if self.left == 0 {
            self.finish()?;
            return Ok(None);
        }
        self.left -= 1;
        match wire::read_cell(&mut self.answer) {
            Some(cell) if cell.0 .1 < MAX_COLUMNS => Ok(Some(cell)),
            _ => {
                let _ = self.child.kill();
                let _ = self.child.wait();
                self.finished = true;
                Err(damaged(&self.file))
            }
        }
    }
}

impl Drop for FromChild {
    fn drop(&mut self) {
        if !self.finished {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// In the child: caps memory ([`cap_memory`]), reads a workbook from standard input and
/// streams the chosen sheet's cells to standard output (see [`wire`]), or the error that
/// stopped it. Returns nothing more to print.
pub fn serve_workbook(sheet: Option<&str>) -> Vec<u8> {
    cap_memory();
    let mut bytes = Vec::new();
    let answer = match std::io::stdin().lock().read_to_end(&mut bytes) {
        Ok(_) => {
            read_contained(&bytes, &Location::file("-"), sheet).map_err(|err| err.said().clone())
        }
        Err(err) => Err(Message::Unreadable(IoProblem::Other(err.to_string()))),
    };
    drop(bytes);
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    // A parent that stopped reading has what it needs, or has failed already.
    let _ = wire::write_answer(&mut out, &answer).and_then(|()| out.flush());
    Vec::new()
}
