//! Figures matched to the plan's targets: the plain values the evaluator works on.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::Location;
use crate::period::Period;

/// What was found for one target and one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The value in the target's unit, exact; `None` when only a growth rate was reported.
    pub value: Option<FigureValue>,
    /// A reported growth rate over the year before, in percent (同比增长 41.8 -> 41.8).
    pub change: Option<Decimal>,
    /// The cell the value (or, without one, the growth rate) was read from.
    pub at: Location,
    /// The unit the value was written in, when it was converted to the target's unit.
    pub converted_from: Option<String>,
    /// How many rows were summed into this figure (1 unless the target sums record-level rows).
    pub rows: u64,
    /// A cell this figure needed (its value, a growth rate, a record of its sum) that holds a
    /// formula without a saved value: the figure is not known, and its target not judged.
    pub unsaved: Option<Location>,
}

/// A target's figure: a number, or a milestone's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureValue {
    /// A quantity in the target's unit.
    Number(Decimal),
    /// The state of a milestone.
    Progress(Progress),
}

/// The state of a milestone (rule `done`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// 完成 / 已完成 / 是 / done / yes / true.
    Done,
    /// 进行中 / in progress.
    InProgress,
    /// 未完成 / 否 / no / false.
    NotDone,
}

impl Progress {
    /// Reads a milestone word, in Chinese or English, ignoring case and spaces.
    pub fn parse(text: &str) -> Option<Progress> {
        match crate::names::normalize(text).as_str() {
            "完成" | "已完成" | "是" | "done" | "yes" | "true" => Some(Progress::Done),
            "进行中" | "inprogress" | "in_progress" => Some(Progress::InProgress),
            "未完成" | "否" | "no" | "false" | "notdone" | "not_done" => {
                Some(Progress::NotDone)
            }
            _ => None,
        }
    }

    /// The stable English key used in JSON: `done`, `in_progress`, `not_done`.
    pub fn key(self) -> &'static str {
        match self {
            Progress::Done => "done",
            Progress::InProgress => "in_progress",
            Progress::NotDone => "not_done",
        }
    }

    /// The Chinese word shown in tables.
    pub fn word(self) -> &'static str {
        match self {
            Progress::Done => "完成",
            Progress::InProgress => "进行中",
            Progress::NotDone => "未完成",
        }
    }
}

/// Which series of figures: a target's for the whole plan, or for one of its regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SeriesKey {
    /// The target's index in the plan.
    pub target: usize,
    /// The region's index in the plan's regions; `None` for the whole plan.
    pub region: Option<usize>,
}

impl Figures {
    /// The series of `key`, if there is one.
    pub fn series(&self, key: SeriesKey) -> Option<&BTreeMap<Period, Figure>> {
        match key.region {
            None => self.by_target.get(key.target),
            Some(r) if r < self.regions => self.by_region.get(key.target * self.regions + r),
            Some(_) => None,
        }
    }
}

/// Every figure found for the plan: per target (in plan order), its figures by period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    /// `by_target[i]` holds target `i`'s figures for the whole plan, keyed by period.
    pub by_target: Vec<BTreeMap<Period, Figure>>,
    /// For a plan split among regions: `by_region[i * regions + r]` holds target `i`'s
    /// figures for region `r`; empty otherwise.
    pub by_region: Vec<BTreeMap<Period, Figure>>,
    /// The number of the plan's regions.
    pub regions: usize,
    /// Rows that were read but not used, or that look wrong, each with why.
    pub warnings: Vec<crate::warning::Warning>,
}
