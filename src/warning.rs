//! What a run warns about, as typed values: where, and the parts of what was seen. The words, in
//! each language, are the renderer's (`render/warnings.rs`), so a Chinese report warns in Chinese.
//! `--strict` fails a run that has any.

use rust_decimal::Decimal;

use crate::error::Location;
use crate::figure::Progress;
use crate::period::Period;
use crate::plan::BoundKind;

/// One warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A figure for a later period than the one checked: not used.
    LaterThanChecked {
        at: Location,
        target: String,
        period: Period,
        as_of: Period,
        /// How many more figures are later than the period checked (one warning says all).
        more: usize,
    },
    /// A year-to-date total that falls from one period to the next.
    FallingToDate {
        at: Location,
        target: String,
        from: (Decimal, Period),
        to: (Decimal, Period),
    },
    /// A quarter's figure that its months do not add up to: the quarter's is used.
    PartsDisagree {
        at: Location,
        target: String,
        period: Period,
        value: Decimal,
        parts: Vec<Period>,
        total: Decimal,
    },
    /// Point-in-time figures for the same date that differ: the shortest period's is used.
    LevelsDisagree {
        at: Location,
        target: String,
        figures: Vec<(Period, Decimal)>,
    },
    /// A milestone reported undone after it was done.
    MilestoneRegressed {
        at: Location,
        target: String,
        state: Progress,
        period: Period,
        done: Period,
    },
    /// A percentage below 1 against a target or baseline of 1% or more: a fraction?
    LooksLikeFraction {
        at: Location,
        target: String,
        value: Decimal,
        against: Against,
    },
    /// A reported growth rate that disagrees with the figures, which the check used.
    GrowthDisagrees {
        at: Location,
        target: String,
        reported: Decimal,
        base: Decimal,
        value: Decimal,
        computed: Decimal,
    },
    /// A figure its quantity cannot be, where the target says `out_of_range: warn`.
    OutOfRange {
        at: Location,
        target: String,
        value: Decimal,
        unit: String,
        breach: Breach,
    },
    /// Cells with a formula but no saved value: the first, and how many in all.
    UnsavedFormula { at: Location, cells: u64 },
    /// Rows for years the plan does not read (other than an annual plan's year and baseline
    /// year, outside a plan's horizon): the first, and how many.
    OtherYears {
        at: Location,
        period: Period,
        horizon: crate::plan::Horizon,
        rows: u64,
    },
    /// Rows skipped by `--ignore-unknown`, by name.
    SkippedNames {
        rows: u64,
        names: Vec<SkippedName>,
        unlisted: usize,
    },
    /// A file from which no figure was read.
    NoFigures { file: String },
}

/// What a fraction-like percentage was compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    /// The target's value, in percent.
    Target(Decimal),
    /// The baseline's value, in percent.
    Baseline(Decimal),
}

/// How a figure is outside its quantity's range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breach {
    /// A count below 0.
    NegativeCount,
    /// A count with a fraction.
    FractionalCount,
    /// A rank below 1 or with a fraction.
    Rank,
    /// A share in % below 0 or above 100.
    Share,
}

impl Breach {
    /// How `value` breaches `kind`'s range, when it is outside it.
    pub fn of(kind: BoundKind, below: bool) -> Breach {
        match kind {
            BoundKind::Count if below => Breach::NegativeCount,
            BoundKind::Count => Breach::FractionalCount,
            BoundKind::Rank => Breach::Rank,
            BoundKind::Share => Breach::Share,
        }
    }
}

/// A name `--ignore-unknown` skipped: its rows and the first place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedName {
    pub name: String,
    pub first: Location,
    pub rows: u64,
}
