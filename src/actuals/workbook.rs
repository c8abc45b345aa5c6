//! Workbooks (.xlsx, .xls, .ods, .xlsb) through calamine: the first visible worksheet, or the
//! one named. Numeric cells and numbers stored as text both read; a float reads as the decimal
//! Excel shows (15 significant digits); dates stay dates; a percent-formatted cell (.xlsx,
//! .ods) reads as the percent it shows; a formula without a saved value is said to be one,
//! never read as empty.
//!
//! The `plan` binary reads every byte of a workbook in a child process of itself with capped
//! memory ([`serve_workbook`]), which streams the sheet's cells back in a compact binary form,
//! row by row: the parent holds one row at a time, however large the sheet. .xlsx and .xlsb
//! cells are streamed one by one, so a stray value in the last cell of a sheet costs one cell,
//! not a rectangle of a billion. calamine panics on some damaged files; such a panic is
//! contained and reported as an error on the file.

use std::io::{BufReader, BufWriter, Cursor, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::OnceLock;

use calamine::{
    open_workbook_from_rs, Data, Ods, Reader, Sheet, SheetType, SheetVisible, Sheets, Xls, Xlsb,
    Xlsx,
};
use rust_decimal::Decimal;

use super::grid::{Cell, OwnedRows, RowSource, Unfit};
use super::xlsx_percent::{ods_percent_cells, ods_size_check, xlsx_marks, Position};
use crate::error::{Error, Location, Result};

/// True when `bytes` start like a workbook: a zip archive (.xlsx, .ods, .xlsb) or an OLE
/// compound file (.xls).
pub fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// A cell and its 0-based (row, column).
type PlacedCell = (Position, Cell);

/// A sheet as read: its name and its non-empty cells, in row then column order.
struct SheetCells {
    name: String,
    cells: Vec<PlacedCell>,
}

/// The program that reads workbooks in a child process (the `plan` binary itself), if set.
static HELPER: OnceLock<PathBuf> = OnceLock::new();

/// The most memory a child reading a workbook may take (address space): calamine sizes some
/// buffers from numbers in the file, and a damaged .xls can ask for many gigabytes.
pub const CHILD_MEMORY: u64 = 2 << 30;

/// Reads workbooks with `exe __read-workbook` in a child process whose memory is capped at
/// [`CHILD_MEMORY`], so no workbook can exhaust the machine: a child that runs out is reported
/// as a damaged workbook. Without it (tests, fuzzing), workbooks are read in this process.
pub fn use_workbook_helper(exe: PathBuf) {
    let _ = HELPER.set(exe);
}

/// In the child: caps memory, reads a workbook from standard input and streams the chosen
/// sheet's cells to standard output (see [`wire`]), or the error that stopped it. Returns
/// nothing more to print.
pub fn serve_workbook(sheet: Option<&str>) -> Vec<u8> {
    let _ = rlimit::setrlimit(rlimit::Resource::AS, CHILD_MEMORY, CHILD_MEMORY);
    let mut bytes = Vec::new();
    let answer = match std::io::stdin().lock().read_to_end(&mut bytes) {
        Ok(_) => read_contained(&bytes, &Location::file("-"), sheet)
            .map_err(|err| err.message().to_string()),
        Err(err) => Err(err.to_string()),
    };
    drop(bytes);
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    // A parent that stopped reading has what it needs, or has failed already.
    let _ = wire::write_answer(&mut out, &answer).and_then(|()| out.flush());
    Vec::new()
}

/// The answer of the child process: a sheet's cells in a compact binary form, written and read
/// in one pass. Integers are little-endian.
///
/// ```text
/// answer = MAGIC ( 'E' text | 'S' text count:u64 cell{count} '.' )
/// cell   = row:u32 column:u32 tag:u8 payload
/// text   = length:u32 bytes (UTF-8)
/// ```
///
/// Tags: `T` text, `N` number and `P` percent (a decimal's 16 bytes), `D` date, `X` error,
/// `U` formula without a saved value (each a text), `F` unfit number (two texts).
mod wire {
    use std::io::{self, Read, Write};

    use rust_decimal::Decimal;

    use super::{PlacedCell, SheetCells};
    use crate::actuals::grid::{Cell, Unfit};

    const MAGIC: &[u8; 8] = b"plan-wb1";

    /// The longest text the parent accepts (a cell holds at most 32,767 characters in Excel;
    /// calamine may give more, but never this much).
    const MAX_TEXT: u32 = 1 << 30;

    fn text(out: &mut impl Write, text: &str) -> io::Result<()> {
        let len = u32::try_from(text.len()).unwrap_or(u32::MAX).min(MAX_TEXT);
        out.write_all(&len.to_le_bytes())?;
        out.write_all(&text.as_bytes()[..len as usize])
    }

    pub(super) fn write_answer(
        out: &mut impl Write,
        answer: &Result<SheetCells, String>,
    ) -> io::Result<()> {
        out.write_all(MAGIC)?;
        let sheet = match answer {
            Err(message) => {
                out.write_all(b"E")?;
                return text(out, message);
            }
            Ok(sheet) => sheet,
        };
        out.write_all(b"S")?;
        text(out, &sheet.name)?;
        out.write_all(&(sheet.cells.len() as u64).to_le_bytes())?;
        for ((row, col), cell) in &sheet.cells {
            out.write_all(&row.to_le_bytes())?;
            out.write_all(&col.to_le_bytes())?;
            match cell {
                Cell::Empty => out.write_all(b"T\0\0\0\0")?,
                Cell::Text(t) => {
                    out.write_all(b"T")?;
                    text(out, t)?;
                }
                Cell::Number(n) => {
                    out.write_all(b"N")?;
                    out.write_all(&n.serialize())?;
                }
                Cell::Percent(n) => {
                    out.write_all(b"P")?;
                    out.write_all(&n.serialize())?;
                }
                Cell::Date(t) => {
                    out.write_all(b"D")?;
                    text(out, t)?;
                }
                Cell::Error(t) => {
                    out.write_all(b"X")?;
                    text(out, t)?;
                }
                Cell::Unsaved(t) => {
                    out.write_all(b"U")?;
                    text(out, t)?;
                }
                Cell::Unfit(Unfit { shown, why }) => {
                    out.write_all(b"F")?;
                    text(out, shown)?;
                    text(out, why)?;
                }
            }
        }
        out.write_all(b".")
    }

    /// What the child answered first: an error, or the sheet's name and how many cells follow.
    pub(super) enum Head {
        Error(String),
        Sheet(String, u64),
    }

    fn read_u32(input: &mut impl Read) -> Option<u32> {
        let mut bytes = [0; 4];
        input.read_exact(&mut bytes).ok()?;
        Some(u32::from_le_bytes(bytes))
    }

    fn read_text(input: &mut impl Read) -> Option<String> {
        let len = read_u32(input)?;
        if len > MAX_TEXT {
            return None;
        }
        let mut bytes = Vec::new();
        input.take(u64::from(len)).read_to_end(&mut bytes).ok()?;
        (bytes.len() == len as usize).then_some(())?;
        String::from_utf8(bytes).ok()
    }

    fn read_byte(input: &mut impl Read) -> Option<u8> {
        let mut byte = [0];
        input.read_exact(&mut byte).ok()?;
        Some(byte[0])
    }

    /// The head of an answer; `None` when it is not one (the child failed).
    pub(super) fn read_head(input: &mut impl Read) -> Option<Head> {
        let mut magic = [0; 8];
        input.read_exact(&mut magic).ok()?;
        (&magic == MAGIC).then_some(())?;
        match read_byte(input)? {
            b'E' => Some(Head::Error(read_text(input)?)),
            b'S' => {
                let name = read_text(input)?;
                let mut count = [0; 8];
                input.read_exact(&mut count).ok()?;
                Some(Head::Sheet(name, u64::from_le_bytes(count)))
            }
            _ => None,
        }
    }

    /// One cell; `None` when the answer is cut short or malformed.
    pub(super) fn read_cell(input: &mut impl Read) -> Option<PlacedCell> {
        let row = read_u32(input)?;
        let col = read_u32(input)?;
        let decimal = |input: &mut dyn Read| {
            let mut bytes = [0; 16];
            input.read_exact(&mut bytes).ok()?;
            Some(Decimal::deserialize(bytes))
        };
        let cell = match read_byte(input)? {
            b'T' => Cell::Text(read_text(input)?),
            b'N' => Cell::Number(decimal(input)?),
            b'P' => Cell::Percent(decimal(input)?),
            b'D' => Cell::Date(read_text(input)?),
            b'X' => Cell::Error(read_text(input)?),
            b'U' => Cell::Unsaved(read_text(input)?),
            b'F' => Cell::Unfit(Unfit {
                shown: read_text(input)?,
                why: read_text(input)?,
            }),
            _ => return None,
        };
        Some(((row, col), cell))
    }

    /// The end of an answer.
    pub(super) fn read_end(input: &mut impl Read) -> bool {
        read_byte(input) == Some(b'.')
    }
}

fn damaged(file: &Location) -> Error {
    Error::actuals(
        file.clone(),
        "a damaged workbook that cannot be read (it asks for more memory than a workbook needs); \
         expected an .xlsx, .xls or .ods file",
    )
}

/// The widest row a sheet can have (Excel's 16,384 columns, with room to spare).
const MAX_COLUMNS: u32 = 1 << 20;

/// Cells coming in row then column order, from the child or from memory.
trait Cells {
    /// The next cell; `Ok(None)` at the end.
    fn next_cell(&mut self) -> Result<Option<PlacedCell>>;
}

/// Cells read in this process.
struct Held(std::vec::IntoIter<PlacedCell>);

impl Cells for Held {
    fn next_cell(&mut self) -> Result<Option<PlacedCell>> {
        Ok(self.0.next())
    }
}

/// Cells streamed from the child: its answer is read as the rows are, and its exit status is
/// checked at the end. Dropped early (a row was refused), the child is stopped.
struct FromChild {
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

/// Groups cells in row order into rows.
struct Grouped<C: Cells> {
    cells: C,
    /// The first cell of the next row, already read.
    pending: Option<PlacedCell>,
}

impl<C: Cells> RowSource for Grouped<C> {
    fn next_into(&mut self, row: &mut Vec<Cell>) -> Option<Result<u64>> {
        let first = match self.pending.take() {
            Some(cell) => cell,
            None => match self.cells.next_cell() {
                Ok(Some(cell)) => cell,
                Ok(None) => return None,
                Err(err) => return Some(Err(err)),
            },
        };
        let number = first.0 .0;
        row.clear();
        let mut place = |(col, cell): (u32, Cell)| {
            let col = col as usize;
            if col >= row.len() {
                row.resize(col + 1, Cell::Empty);
            }
            row[col] = cell;
        };
        place((first.0 .1, first.1));
        loop {
            match self.cells.next_cell() {
                Ok(Some(((r, c), cell))) if r == number => place((c, cell)),
                Ok(Some(next)) => {
                    self.pending = Some(next);
                    break;
                }
                Ok(None) => break,
                Err(err) => return Some(Err(err)),
            }
        }
        Some(Ok(u64::from(number) + 1))
    }
}

/// Starts the child on the workbook: the chosen sheet's name, how many cells it holds, and
/// the cells to come.
fn start_child(
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
                format!("cannot start the workbook reader: {err}"),
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

/// Reads the chosen sheet in this process; a panic inside calamine is contained.
fn read_contained(bytes: &[u8], file: &Location, sheet: Option<&str>) -> Result<SheetCells> {
    // calamine panics on some damaged files: contain it, quietly, and report the file.
    let previous_hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| read_sheet(bytes, file, sheet)));
    panic::set_hook(previous_hook);
    outcome.unwrap_or_else(|_| {
        Err(Error::actuals(
            file.clone(),
            "a damaged workbook that cannot be read; expected an .xlsx, .xls or .ods file",
        ))
    })
}

/// The rows of one sheet of a workbook, and where they are (file and sheet). With the helper
/// set ([`use_workbook_helper`]), the rows stream from the child process as they are read.
pub fn workbook_rows(
    bytes: Vec<u8>,
    name: &str,
    sheet: Option<&str>,
) -> Result<(OwnedRows, Location)> {
    let file = Location::file(name);
    let (chosen, count, rows) = match HELPER.get() {
        Some(exe) => {
            let (chosen, count, cells) = start_child(exe, &bytes, &file, sheet)?;
            drop(bytes);
            let rows = OwnedRows::from_source(Grouped {
                cells,
                pending: None,
            });
            (chosen, count, rows)
        }
        None => {
            let sheet = read_contained(&bytes, &file, sheet)?;
            let count = sheet.cells.len() as u64;
            let rows = OwnedRows::from_source(Grouped {
                cells: Held(sheet.cells.into_iter()),
                pending: None,
            });
            (sheet.name, count, rows)
        }
    };
    let origin = Location {
        sheet: Some(chosen.clone()),
        ..file
    };
    if count == 0 {
        return Err(Error::actuals(
            origin,
            format!("sheet `{chosen}` is empty; expected a header row (choose another sheet with --sheet)"),
        ));
    }
    Ok((rows, origin))
}

/// Opens a workbook as calamine's `open_workbook_auto_from_rs` does (.xls, .xlsx, .xlsb, then
/// .ods), but checks an .ods for repeated rows and columns that would expand past what the
/// child can hold before calamine builds its sheets.
fn open<'b>(bytes: &'b [u8], file: &Location) -> Result<Sheets<Cursor<&'b [u8]>>> {
    let cursor = || Cursor::new(bytes);
    if let Ok(book) = open_workbook_from_rs::<Xls<_>, _>(cursor()) {
        return Ok(Sheets::Xls(book));
    }
    if let Ok(book) = open_workbook_from_rs::<Xlsx<_>, _>(cursor()) {
        return Ok(Sheets::Xlsx(book));
    }
    if let Ok(book) = open_workbook_from_rs::<Xlsb<_>, _>(cursor()) {
        return Ok(Sheets::Xlsb(book));
    }
    ods_size_check(bytes).map_err(|why| Error::actuals(file.clone(), why))?;
    open_workbook_from_rs::<Ods<_>, _>(cursor())
        .map(Sheets::Ods)
        .map_err(|_| {
            Error::actuals(
                file.clone(),
                "cannot read the workbook: Cannot detect file format; expected an .xlsx, .xls or \
                 .ods file",
            )
        })
}

/// A sheet as listed in an error: its name, and what keeps it from being read by default.
fn listed(sheet: &Sheet) -> String {
    let why = match (sheet.visible, sheet.typ) {
        (_, SheetType::ChartSheet) => " (a chart)",
        (_, SheetType::DialogSheet | SheetType::MacroSheet | SheetType::Vba) => {
            " (not a worksheet)"
        }
        (SheetVisible::Hidden, _) => " (hidden)",
        (SheetVisible::VeryHidden, _) => " (very hidden)",
        (SheetVisible::Visible, SheetType::WorkSheet) => "",
    };
    format!("`{}`{why}", sheet.name)
}

/// The sheet to read: the one named, else the first visible worksheet. A hidden sheet is never
/// read unless named.
fn choose(sheets: &[Sheet], wanted: Option<&str>, file: &Location) -> Result<String> {
    let names = || {
        sheets
            .iter()
            .map(|s| format!("`{}`", s.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(wanted) = wanted {
        return sheets
            .iter()
            .find(|s| s.name == wanted)
            .map(|s| s.name.clone())
            .ok_or_else(|| {
                Error::actuals(
                    file.clone(),
                    format!("no sheet named `{wanted}`; the workbook has {}", names()),
                )
            });
    }
    if sheets.is_empty() {
        return Err(Error::actuals(file.clone(), "the workbook has no sheets"));
    }
    sheets
        .iter()
        .find(|s| s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .ok_or_else(|| {
            let all = sheets.iter().map(listed).collect::<Vec<_>>().join(", ");
            Error::actuals(
                file.clone(),
                format!(
                    "no visible worksheet; the workbook has {all}; name the sheet to read with --sheet"
                ),
            )
        })
}

fn read_sheet(bytes: &[u8], file: &Location, wanted: Option<&str>) -> Result<SheetCells> {
    let mut book = open(bytes, file)?;
    let chosen = choose(book.sheets_metadata(), wanted, file)?;
    let cannot =
        |err: String| Error::actuals(file.clone(), format!("cannot read sheet `{chosen}`: {err}"));
    let mut cells: Vec<PlacedCell> = Vec::new();
    let mut keep = |at: Position, data: Data| {
        let cell = convert(&data);
        if cell != Cell::Empty {
            cells.push((at, cell));
        }
    };
    let mut percent = Vec::new();
    let mut unsaved = Vec::new();
    let is_ods = matches!(book, Sheets::Ods(_));
    match &mut book {
        Sheets::Xlsx(xlsx) => {
            let mut reader = xlsx
                .worksheet_cells_reader(&chosen)
                .map_err(|e| cannot(e.to_string()))?;
            while let Some(cell) = reader.next_cell().map_err(|e| cannot(e.to_string()))? {
                keep(cell.get_position(), Data::from(cell.get_value().clone()));
            }
            drop(reader);
            let marks = xlsx_marks(bytes, &chosen).map_err(cannot)?;
            percent = marks.percent;
            unsaved = marks.unsaved;
        }
        Sheets::Xlsb(xlsb) => {
            let mut reader = xlsb
                .worksheet_cells_reader(&chosen)
                .map_err(|e| cannot(e.to_string()))?;
            while let Some(cell) = reader.next_cell().map_err(|e| cannot(e.to_string()))? {
                keep(cell.get_position(), Data::from(cell.get_value().clone()));
            }
        }
        Sheets::Ods(ods) => {
            let range = ods
                .worksheet_range(&chosen)
                .map_err(|e| cannot(e.to_string()))?;
            let formulas = ods
                .worksheet_formula(&chosen)
                .map_err(|e| cannot(e.to_string()))?;
            // A formula whose cell holds no value: calamine gives it as empty.
            let (f0, g0) = formulas.start().unwrap_or((0, 0));
            for (r, c, formula) in formulas.used_cells() {
                let at = (f0 + r as u32, g0 + c as u32);
                if !formula.is_empty() && range.get_value(at).is_none_or(|d| *d == Data::Empty) {
                    unsaved.push((at, formula.clone()));
                }
            }
            drop(formulas);
            let (r0, c0) = range.start().unwrap_or((0, 0));
            for (r, c, data) in range.used_cells() {
                keep((r0 + r as u32, c0 + c as u32), data.clone());
            }
        }
        Sheets::Xls(xls) => {
            let range = xls
                .worksheet_range(&chosen)
                .map_err(|e| cannot(e.to_string()))?;
            let (r0, c0) = range.start().unwrap_or((0, 0));
            for (r, c, data) in range.used_cells() {
                keep((r0 + r as u32, c0 + c as u32), data.clone());
            }
        }
    }
    drop(book);
    cells.sort_by_key(|(at, _)| *at);
    if is_ods {
        let numbers: Vec<Position> = cells
            .iter()
            .filter(|(_, cell)| matches!(cell, Cell::Number(_)))
            .map(|(at, _)| *at)
            .collect();
        percent = ods_percent_cells(bytes, &chosen, &numbers);
    }
    // A percent-formatted cell holds the fraction: 2.42% arrives as 0.0242.
    for at in percent {
        if let Ok(i) = cells.binary_search_by_key(&at, |(at, _)| *at) {
            if let Cell::Number(n) = cells[i].1 {
                cells[i].1 = as_percent(n);
            }
        }
    }
    let before = cells.len();
    for (at, formula) in unsaved {
        if cells[..before]
            .binary_search_by_key(&at, |(at, _)| *at)
            .is_err()
        {
            cells.push((at, Cell::Unsaved(formula)));
        }
    }
    if cells.len() > before {
        cells.sort_by_key(|(at, _)| *at);
    }
    Ok(SheetCells {
        name: chosen,
        cells,
    })
}

/// A fraction as the percent it shows: 0.0242 as 2.42.
fn as_percent(n: Decimal) -> Cell {
    match n.checked_mul(Decimal::ONE_HUNDRED) {
        Some(p) => Cell::Percent(p.normalize()),
        None => Cell::Unfit(Unfit {
            shown: format!("{}%", n.normalize()),
            why: "is too large a percentage to hold exactly; expected a number below 7.9E+26%"
                .to_string(),
        }),
    }
}

/// One calamine cell as a grid cell.
fn convert(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) if text.trim().is_empty() => Cell::Empty,
        Data::String(text) => Cell::Text(text.trim().to_string()),
        Data::Int(i) => Cell::Number(Decimal::from(*i)),
        Data::Float(f) => float(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cell::Date(format!("{y:04}-{m:02}-{d:02}"))
        }
        Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::Date(text.clone()),
        Data::Error(err) => Cell::Error(format!("{err}")),
    }
}

/// The significant digits a spreadsheet keeps and shows.
const SIGNIFICANT: usize = 15;

/// A float as the decimal Excel shows: rounded to 15 significant digits (half to even, on the
/// float's exact binary value), trailing zeros dropped. `=2.03+0.05+0.11+0.01` holds
/// 2.1999999999999993 and shows 2.2; `=4.35*100` holds 434.99999999999994 and shows 435. A
/// value whose 15 digits no decimal holds (too large, or more than 28 decimal places) is an
/// unfit cell, never rounded further.
fn float(f: f64) -> Cell {
    if !f.is_finite() {
        return Cell::Unfit(Unfit {
            shown: f.to_string(),
            why: "is not a finite number; expected a figure such as 2.20".to_string(),
        });
    }
    // Rust rounds a float to a given precision exactly, half to even: `d.dddddddddddddde-x`.
    let text = format!("{:.*e}", SIGNIFICANT - 1, f);
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let mut digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    let Ok(mut m) = digits.parse::<i128>() else {
        return Cell::Empty; // never: 15 ASCII digits
    };
    if m == 0 {
        return Cell::Number(Decimal::ZERO);
    }
    if negative {
        m = -m;
    }
    // The value is m × 10^(exponent - (digits - 1)).
    let power = exponent - (digits.len() as i64 - 1);
    let shown = {
        let (first, rest) = digits.split_at(1);
        let point = if rest.is_empty() { "" } else { "." };
        let sign = if negative { "-" } else { "" };
        let e_sign = if exponent < 0 { '-' } else { '+' };
        format!("{sign}{first}{point}{rest}E{e_sign}{:02}", exponent.abs())
    };
    let exact = if power >= 0 {
        u32::try_from(power)
            .ok()
            .and_then(|p| 10i128.checked_pow(p))
            .and_then(|scale| m.checked_mul(scale))
            .and_then(|n| Decimal::try_from_i128_with_scale(n, 0).ok())
            .ok_or("is too large to hold exactly; expected a number below 7.9E+28")
    } else {
        u32::try_from(-power)
            .ok()
            .filter(|&scale| scale <= 28)
            .and_then(|scale| Decimal::try_from_i128_with_scale(m, scale).ok())
            .ok_or(
                "needs more than 28 decimal places to hold exactly; expected a figure such as 2.20",
            )
    };
    match exact {
        Ok(n) => Cell::Number(n),
        Err(why) => Cell::Unfit(Unfit {
            shown,
            why: why.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn number(f: f64) -> String {
        match float(f) {
            Cell::Number(n) => n.to_string(),
            Cell::Unfit(Unfit { shown, why }) => format!("unfit {shown} {why}"),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn floats_read_as_excel_shows_them() {
        assert_eq!(number(2.03 + 0.05 + 0.11 + 0.01), "2.2");
        assert_eq!(number(4.35 * 100.0), "435");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(1758.72), "1758.72");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(1e15), "1000000000000000");
        assert_eq!(number(123456789012345678.0), "123456789012346000");
        assert_eq!(number(1e-28), "0.0000000000000000000000000001");
        assert!(number(1.5e-28).starts_with("unfit 1.5E-28 needs more than 28"));
        assert!(number(0.1 + 0.2 - 0.3).starts_with("unfit 5.55111512312578E-17 needs"));
        assert!(number(1e29).starts_with("unfit 1E+29 is too large"));
        assert_eq!(number(7.9e28), "79000000000000000000000000000");
        assert!(number(f64::NAN).starts_with("unfit NaN is not a finite"));
    }

    #[test]
    fn percent_overflow_is_unfit() {
        assert_eq!(
            as_percent(Decimal::from_str("0.0242").unwrap()),
            Cell::Percent(Decimal::from_str("2.42").unwrap())
        );
        assert!(matches!(as_percent(Decimal::MAX), Cell::Unfit(_)));
    }
}
