//! A data file's content that does not read: numbers, cells, tables, encodings, workbooks.
//! Typed here; worded in each language in `render/errors/data.rs`.

use rust_decimal::Decimal;

use super::Location;
use crate::period::Period;

/// A data file's content that does not read: numbers, cells, tables, encodings, workbooks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataProblem {
    // Cells.
    /// A cell whose text is not a number: the text, and why.
    BadNumber { text: String, why: NumberProblem },
    /// A cell with no figure where one belongs.
    NoFigure,
    /// A date where a number belongs: the date as shown.
    Date { text: String },
    /// A cell holding a spreadsheet error such as `#DIV/0!`.
    SpreadsheetError { text: String },
    /// A workbook number no decimal holds exactly: as shown, and why.
    Unfit { shown: String, why: UnfitReason },
    /// A formula with no value saved in the file.
    Unsaved,
    /// A milestone's cell that is not a state (完成, 未完成, 进行中).
    NotMilestoneState { text: String },
    /// A unit given for a milestone.
    MilestoneUnit { unit: String, target: String },
    /// A value whose cell gives one unit and whose unit cell another.
    UnitsDisagree {
        number: Decimal,
        in_cell: String,
        /// Where the unit cell is (boxed: it is the largest part, and rare).
        unit_at: Box<Location>,
        unit: String,
    },
    /// A unit cell that says another unit than the one in the indicator's name.
    NameUnitDisagrees {
        unit: String,
        name: String,
        in_name: String,
    },
    /// A value that does not fit a decimal once converted to the target's unit.
    DoesNotFit {
        number: Decimal,
        unit: String,
        target_unit: String,
    },
    /// A record-level total with more digits than a decimal holds.
    TotalTooManyDigits { target: String },
    /// A growth rate in a unit other than percent: the cell as written, and its unit.
    GrowthRateUnit { text: String, unit: String },
    /// A figure for a period that its parts do not add up to.
    PartsDisagree {
        period: Period,
        target: String,
        value: Decimal,
        parts: Vec<Period>,
        total: Decimal,
    },

    // Tables.
    /// A line above the header that mentions 单位 but cannot be read.
    UnitLine { line: String },
    /// A row with a filled field beyond the header: how many fields it has, the header's
    /// width, and the (1-based) field and its text.
    RowTooWide {
        fields: usize,
        width: usize,
        field: usize,
        text: String,
    },
    /// A header naming the same field twice: the name, and the (1-based) column of the first.
    DuplicateHeader { name: String, first: usize },
    /// A header naming the same period twice.
    DuplicatePeriodHeader {
        name: String,
        period: Period,
        first: usize,
    },
    /// A header with both a value column and period columns (1-based columns).
    ValueAndPeriodColumns {
        header: String,
        value: String,
        value_column: usize,
        period: String,
        period_column: usize,
    },
    /// A wide table whose header has no period columns.
    NoPeriodColumns { header: String },
    /// A row with figures but no indicator.
    EmptyIndicator,
    /// A region cell naming none of the plan's regions (`name`, clipped), and the closest.
    UnknownRegion { name: String, closest: Vec<String> },

    // Text, its encoding and its delimiters.
    /// A quoted field that is never closed.
    QuoteNeverClosed,
    /// A record (`record`) or a line longer than `mib` MiB.
    TooLong { record: bool, mib: u64 },
    /// Bytes that are not UTF-8.
    InvalidUtf8(Utf8Case),
    /// Bytes that are not valid in the file's encoding.
    BadBytes,
    /// A header split by another delimiter than a comma or a tab.
    OtherDelimiter { delimiter: char },
    /// Bytes that are not text in any encoding read: the first such byte.
    NotText { byte: u8 },
    /// A plan file larger than `mib` MiB.
    PlanTooLarge { mib: u64 },
    /// `--sheet` given for a text file.
    SheetOnText,

    // Workbooks.
    /// The child process that reads workbooks could not be started: the system's reason.
    WorkbookReaderFailed { detail: String },
    /// A workbook that cannot be read; `memory` when it asked for too much memory.
    DamagedWorkbook { memory: bool },
    /// A file that is no workbook format calamine knows.
    UnknownWorkbookFormat,
    /// No sheet of that name: the name asked for, and the sheets the workbook has.
    NoSheetNamed { wanted: String, sheets: Vec<String> },
    /// A workbook without sheets.
    NoSheets,
    /// A workbook with no visible worksheet: its sheets, and what each is.
    NoVisibleSheet { sheets: Vec<(String, SheetState)> },
    /// A sheet that cannot be read: its name, and the reader's reason (as the reader words it).
    CannotReadSheet { sheet: String, detail: String },
    /// An .ods whose repeated rows and columns expand past `max` cells: the sheet (`None` for
    /// all sheets together) and how many cells.
    OdsTooLarge {
        sheet: Option<String>,
        cells: u64,
        max: u64,
    },
    /// A sheet with no cells.
    SheetEmpty { sheet: String },
}

/// Why a text is not a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberProblem {
    /// Nothing to read.
    Empty,
    /// NaN or an infinity.
    NotFinite,
    /// Not a plain decimal.
    NotDecimal,
    /// More digits than a decimal holds exactly.
    TooManyDigits,
    /// A superscript, circled or other decorated digit where the number starts.
    DecoratedDigit(char),
    /// A decorated digit just after the number, such as a footnote mark.
    MarkAfter(char),
    /// Both commas and spaces as thousands separators.
    MixedSeparators,
    /// A thousands separator not between groups of three digits.
    MisplacedSeparator,
    /// Something like scientific notation that is not: the text.
    NotScientific { text: String },
    /// Something like a hexadecimal number: the text.
    Hexadecimal { text: String },
    /// A power (`10^30`): the text.
    Power { text: String },
    /// An exponent that cannot be read.
    ExponentTooLarge,
    /// A number in scientific notation no decimal holds exactly: the text.
    OutOfScale { text: String },
    /// Marks after the number that are no unit: the marks.
    TrailingMark { marks: String },
}

/// Why a workbook number does not fit a decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnfitReason {
    /// NaN or an infinity.
    NotFinite,
    /// Too large (7.9E+28 or more).
    TooLarge,
    /// More than 28 decimal places.
    TooManyPlaces,
    /// A percent-formatted cell too large as a percentage.
    PercentTooLarge,
}

impl UnfitReason {
    /// Every reason, in the order of [`UnfitReason::code`].
    pub const ALL: [UnfitReason; 4] = [
        UnfitReason::NotFinite,
        UnfitReason::TooLarge,
        UnfitReason::TooManyPlaces,
        UnfitReason::PercentTooLarge,
    ];

    /// A byte for the reason, for the workbook child's answer.
    pub fn code(self) -> u8 {
        match self {
            UnfitReason::NotFinite => 0,
            UnfitReason::TooLarge => 1,
            UnfitReason::TooManyPlaces => 2,
            UnfitReason::PercentTooLarge => 3,
        }
    }

    /// The reason of `code`; `None` for a byte no reason has.
    pub fn from_code(code: u8) -> Option<UnfitReason> {
        UnfitReason::ALL.get(usize::from(code)).copied()
    }
}

/// Where bytes that are not UTF-8 were met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utf8Case {
    /// In a file read in the encoding given with `--encoding`.
    Forced,
    /// In a file that read as UTF-8 before.
    Guessed,
    /// In a record already checked (never, but said plainly).
    Record,
    /// In a plan file, which is UTF-8.
    Plan,
}

/// What keeps a sheet from being read by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetState {
    /// A visible worksheet.
    Visible,
    /// A chart sheet.
    Chart,
    /// A dialog or macro sheet, or VBA.
    NotWorksheet,
    /// A hidden sheet.
    Hidden,
    /// A very hidden sheet.
    VeryHidden,
}

impl From<DataProblem> for super::Message {
    fn from(problem: DataProblem) -> Self {
        super::Message::Data(problem)
    }
}

/// `text` cut to what [`shorten`](super::shorten) shows of it, so an error keeps at most 60
/// characters of a 1 MiB cell, however many errors are gathered: `shorten(&clipped(t))` is
/// `shorten(t)`.
pub(crate) fn clipped(text: &str) -> String {
    let count = text.chars().count();
    if count <= 60 {
        return text.to_string();
    }
    let head = text.chars().take(30);
    let tail = text.chars().skip(count - 29);
    head.chain(std::iter::once('…')).chain(tail).collect()
}

#[cfg(test)]
mod tests {
    use super::clipped;
    use crate::error::shorten;

    #[test]
    fn clipped_text_shortens_as_the_text_does() {
        for text in [
            "2.20".to_string(),
            "a".repeat(60),
            "a".repeat(61),
            "\u{1b}".repeat(40) + &"技".repeat(1000) + "\u{200b}末",
        ] {
            assert_eq!(shorten(&clipped(&text)), shorten(&text), "{text:?}");
            assert!(clipped(&text).chars().count() <= 60);
        }
    }
}
