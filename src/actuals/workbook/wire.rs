//! The answer of the child process: a sheet's cells in a compact binary form, written and read
//! in one pass. Integers are little-endian.
//!
//! ```text
//! answer = MAGIC ( 'E' kind:u8 count:u32 text{count} | 'S' text count:u64 cell{count} '.' )
//! cell   = row:u32 column:u32 tag:u8 payload
//! text   = length:u32 bytes (UTF-8)
//! ```
//!
//! An error is a kind and its texts (see [`encode_error`]). Tags: `T` text, `N` number and `P` percent (a decimal's 16 bytes), `D` date, `X` error,
//! `U` formula without a saved value (each a text), `F` unfit number (a text, and a byte for
//! why: [`UnfitReason::code`]).

use std::io::{self, Read, Write};

use rust_decimal::Decimal;

use super::{PlacedCell, SheetCells};
use crate::actuals::grid::{Cell, Unfit};
use crate::error::{DataProblem, IoProblem, Message, SheetState, UnfitReason};

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
    answer: &Result<SheetCells, Message>,
) -> io::Result<()> {
    out.write_all(MAGIC)?;
    let sheet = match answer {
        Err(message) => {
            let (kind, texts) = encode_error(message);
            out.write_all(&[b'E', kind])?;
            out.write_all(&(texts.len() as u32).to_le_bytes())?;
            return texts.iter().try_for_each(|t| text(out, t));
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
                out.write_all(&[why.code()])?;
            }
        }
    }
    out.write_all(b".")
}

/// What the child answered first: an error, or the sheet's name and how many cells follow.
pub(super) enum Head {
    Error(Message),
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
        b'E' => {
            let kind = read_byte(input)?;
            let count = read_u32(input)?;
            // No error has more texts than a workbook has sheets, twice.
            let texts = (0..count.min(1 << 20))
                .map(|_| read_text(input))
                .collect::<Option<Vec<String>>>()?;
            Some(Head::Error(decode_error(kind, texts)?))
        }
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
            why: UnfitReason::from_code(read_byte(input)?)?,
        }),
        _ => return None,
    };
    Some(((row, col), cell))
}

const STATES: [SheetState; 5] = [
    SheetState::Visible,
    SheetState::Chart,
    SheetState::NotWorksheet,
    SheetState::Hidden,
    SheetState::VeryHidden,
];

/// An error the child can meet, as a kind and its texts: the errors of reading a workbook as
/// typed values, any other as its English words.
fn encode_error(message: &Message) -> (u8, Vec<String>) {
    match message {
        Message::Data(problem) => match problem {
            DataProblem::DamagedWorkbook { memory } => (b'd', vec![memory.to_string()]),
            DataProblem::UnknownWorkbookFormat => (b'f', vec![]),
            DataProblem::NoSheetNamed { wanted, sheets } => (
                b'n',
                std::iter::once(wanted.clone())
                    .chain(sheets.iter().cloned())
                    .collect(),
            ),
            DataProblem::NoSheets => (b'0', vec![]),
            DataProblem::NoVisibleSheet { sheets } => (
                b'v',
                sheets
                    .iter()
                    .flat_map(|(name, state)| {
                        let code = STATES.iter().position(|s| s == state).unwrap_or(0);
                        [name.clone(), code.to_string()]
                    })
                    .collect(),
            ),
            DataProblem::CannotReadSheet { sheet, detail } => {
                (b'r', vec![sheet.clone(), detail.clone()])
            }
            DataProblem::OdsTooLarge { sheet, cells, max } => (
                b'o',
                [cells.to_string(), max.to_string()]
                    .into_iter()
                    .chain(sheet.clone())
                    .collect(),
            ),
            other => (
                b't',
                vec![crate::render::Lang::En.message(&other.clone().into())],
            ),
        },
        Message::Unreadable(IoProblem::Other(text)) => (b'i', vec![text.clone()]),
        other => (b't', vec![crate::render::Lang::En.message(other)]),
    }
}

/// The error [`encode_error`] gave as `kind` and `texts`; `None` when it is not one.
fn decode_error(kind: u8, texts: Vec<String>) -> Option<Message> {
    let mut texts = texts.into_iter();
    let problem = match kind {
        b'd' => DataProblem::DamagedWorkbook {
            memory: texts.next()?.parse().ok()?,
        },
        b'f' => DataProblem::UnknownWorkbookFormat,
        b'n' => DataProblem::NoSheetNamed {
            wanted: texts.next()?,
            sheets: texts.collect(),
        },
        b'0' => DataProblem::NoSheets,
        b'v' => {
            let mut sheets = Vec::new();
            while let Some(name) = texts.next() {
                let state = *STATES.get(texts.next()?.parse::<usize>().ok()?)?;
                sheets.push((name, state));
            }
            DataProblem::NoVisibleSheet { sheets }
        }
        b'r' => DataProblem::CannotReadSheet {
            sheet: texts.next()?,
            detail: texts.next()?,
        },
        b'o' => DataProblem::OdsTooLarge {
            cells: texts.next()?.parse().ok()?,
            max: texts.next()?.parse().ok()?,
            sheet: texts.next(),
        },
        b'i' => return Some(Message::Unreadable(IoProblem::Other(texts.next()?))),
        b't' => return Some(Message::Text(texts.next()?)),
        _ => return None,
    };
    Some(Message::Data(problem))
}

/// The end of an answer.
pub(super) fn read_end(input: &mut impl Read) -> bool {
    read_byte(input) == Some(b'.')
}
