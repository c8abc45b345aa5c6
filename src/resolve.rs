//! Matching figures to targets: names to targets, cells to exact values in the target's unit,
//! one figure per target and period (or a sum, for record-level targets).
//!
//! This is the inner loop of a million-row check, so it remembers what it has worked out: the
//! target each indicator text names and how each unit converts. A row that adds to a total
//! allocates nothing, and a row in a run of one indicator, period and unit only has its number
//! read and added in 128-bit integers (see `Run`).

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use crate::actuals::grid::{CellRef, Unfit};
use crate::actuals::{Observation, UnitAt, UnitText};
use crate::error::clipped;
use crate::error::{invisible_in, visible, DataProblem, Error, Location, Message, Named, Result};
use crate::figure::{Figure, FigureValue, Figures, Progress};
use crate::names::{closest, normalize, undecorate};
use crate::number::{parse_plain, plain_parts, read_written_number};
use crate::period::Period;
use crate::plan::{Aggregate, Bounds, OutOfRange, Plan, Rule, Target};
use crate::units::{self, normalize_unit, Conversion, UnitKind};
use crate::warning::{Against, Warning};
use skipped_names::SkippedNames;
use unit_cells::UnitCells;

mod skipped_names;
mod unit_cells;

/// Finds targets by id, name or alias, in normal form.
#[derive(Clone)]
pub struct Resolver<'p> {
    plan: &'p Plan,
    index: HashMap<String, usize>,
}

impl<'p> Resolver<'p> {
    /// Indexes every id, name and alias of the plan.
    pub fn new(plan: &'p Plan) -> Self {
        let mut index = HashMap::new();
        for (i, target) in plan.targets.iter().enumerate() {
            for name in [&target.id, &target.name]
                .into_iter()
                .chain(&target.aliases)
            {
                index.entry(normalize(name)).or_insert(i);
            }
        }
        Resolver { plan, index }
    }

    /// The index of the target `name` refers to, if any.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.index.get(&normalize(name)).copied()
    }

    /// The three known names closest to `name`, as `名称 (id)`.
    pub fn suggest(&self, name: &str) -> Vec<Named> {
        let candidates: Vec<(&str, Vec<&str>)> = self
            .plan
            .targets
            .iter()
            .map(|t| {
                let names = [t.id.as_str(), t.name.as_str()]
                    .into_iter()
                    .chain(t.aliases.iter().map(String::as_str))
                    .collect();
                (t.id.as_str(), names)
            })
            .collect();
        closest(name, &candidates, 3)
            .into_iter()
            .filter_map(|id| self.plan.targets.iter().find(|t| t.id == id))
            .map(|t| Named {
                name: t.name.clone(),
                id: t.id.clone(),
            })
            .collect()
    }
}

/// How to match figures to targets.
#[derive(Debug, Clone, Copy, Default)]
pub struct ResolveOptions {
    /// Skip rows whose indicator is not in the plan (and say how many), rather than failing.
    pub ignore_unknown: bool,
}

/// A value read for a target, before it is placed.
struct Value<'a> {
    value: Option<FigureValue>,
    change: Option<Decimal>,
    /// The unit it was converted from, as written, when it was.
    converted_from: Option<Unit<'a>>,
    /// A cell of the row (value or growth rate) holding a formula without a saved value.
    unsaved: Option<Location>,
}

/// A unit as written: in the observation, or in the value's own cell.
enum Unit<'a> {
    Written(&'a str),
    Owned(String),
}

impl Unit<'_> {
    fn normalized(&self) -> String {
        match self {
            Unit::Written(text) => normalize_unit(text),
            Unit::Owned(text) => normalize_unit(text),
        }
    }
}

/// Collects figures one observation at a time, so inputs are streamed. Cloned to keep the
/// state before a file read in halves, so a failed merge resumes from that file alone.
#[derive(Clone)]
pub struct Collector<'p> {
    plan: &'p Plan,
    resolver: Resolver<'p>,
    options: ResolveOptions,
    figures: Figures,
    /// The first row of each (target, period), and the column, to order errors in a wide row.
    first_seen: HashMap<(usize, Period), (Location, u64)>,
    /// Rows skipped by --ignore-unknown, by name.
    unknown: SkippedNames,
    /// Rows for years other than the plan year and the baseline year: the first, and how many.
    other_years: Option<(Location, Period, Skipped)>,
    /// Cells used with a formula but no saved value: the first, and how many.
    unsaved: Option<(Location, u64)>,
    /// Indicator text as written -> target (`None`: not in the plan).
    names: HashMap<Box<str>, Option<Found>>,
    /// (target, unit as written) -> how it converts to the target's unit.
    conversions: HashMap<(usize, Box<str>), Option<Conversion>>,
    /// The last indicator text and unit seen, and what they meant: rows come in runs.
    last_name: Option<(Box<str>, Option<Found>)>,
    last_unit: Option<(usize, Box<str>, Option<Conversion>)>,
    /// Targets whose unit is a percentage (checked for fractions and range).
    percent: Vec<bool>,
    /// The range of each target's figures (counts, ranks, shares), if it has one.
    bounds: Vec<Option<Bounds>>,
    /// The run of record-level rows being summed.
    run: Run,
    /// Unit columns filled in some rows, blank in others.
    unit_cells: UnitCells,
}

/// The target a name names, and where in the name a unit is written in brackets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    target: usize,
    /// The byte range of the unit in the name (`亿元` of `技术合同成交额（亿元）`).
    unit: Option<(usize, usize)>,
}

/// Rows skipped, each counted once however many of its figures (a wide row's periods) were.
#[derive(Debug, Clone, Copy)]
struct Skipped {
    rows: u64,
    last_line: u64,
}

impl Skipped {
    fn new(line: u64) -> Self {
        Skipped {
            rows: 1,
            last_line: line,
        }
    }

    /// Counts a skipped figure on `line`: rows come in order, so a new line is a new row.
    fn count(&mut self, line: u64) {
        if line != self.last_line {
            self.rows += 1;
            self.last_line = line;
        }
    }

    /// These rows, then `later`'s (from the rows after them).
    fn then(self, later: Skipped) -> Skipped {
        Skipped {
            rows: self.rows + later.rows,
            last_line: later.last_line,
        }
    }
}

/// The largest scale a decimal has.
const MAX_SCALE: u32 = 28;

/// One more than the largest mantissa a decimal holds (96 bits).
const DECIMAL_LIMIT: u128 = 1 << 96;

/// A run of record-level rows that add to one total. Such rows come in runs of one indicator,
/// period and unit, so once a row has been fully checked, the next rows of the run need only
/// their value read and added: the run holds the total while it lasts, and puts it back in the
/// figures when a row does not belong to it (or at the end). The rows of a run are added in
/// order, with the same exact sum as one by one, so a total that outgrows 28 digits fails at
/// the same row either way.
#[derive(Default, Clone)]
struct Run {
    /// The target and period whose total the run holds; `None` between runs.
    key: Option<(usize, Period)>,
    /// The indicator, region and unit text as written (buffers reused from run to run).
    indicator: String,
    region: String,
    /// Whether rows go to their region's series (the plan lists regions): only then does a
    /// row of another region end the run.
    by_region: bool,
    unit: Option<String>,
    conversion: Option<Conversion>,
    /// The total so far, as a decimal's mantissa and scale: added in 128 bits, checked to fit
    /// a decimal's 96 after each row.
    mantissa: i128,
    scale: u32,
    /// Rows added since the run started.
    rows: u64,
}

impl Run {
    /// Adds `obs` to the run if it belongs to it and its value is a plain number that adds
    /// exactly; false otherwise (the row then goes the full way).
    #[inline]
    fn add(&mut self, obs: &Observation) -> bool {
        let Some(CellRef::Text(text)) = obs.value else {
            return false;
        };
        if !(self.key.is_some_and(|(_, period)| period == obs.period)
            && obs.change.is_none()
            && obs.indicator == self.indicator
            && (!self.by_region || obs.region.unwrap_or_default() == self.region)
            && obs.unit.map(|u| u.text) == self.unit.as_deref())
        {
            return false;
        }
        match plain_parts(text).and_then(|(m, s)| self.sum(m, s)) {
            Some((mantissa, scale)) => {
                self.mantissa = mantissa;
                self.scale = scale;
                self.rows += 1;
                true
            }
            None => false,
        }
    }

    /// The total with `mantissa`/10^`scale` (in the unit as written) added, when the sum is
    /// exact and fits a decimal.
    #[inline]
    fn sum(&self, mantissa: i128, scale: u32) -> Option<(i128, u32)> {
        let value = match self.conversion? {
            Conversion::Same => (mantissa, scale),
            Conversion::Down(n) => (mantissa, scale + n),
            Conversion::Up(n) => {
                let m = mantissa.checked_mul(*POW10.get(n as usize)?)?;
                (m.unsigned_abs() < DECIMAL_LIMIT).then_some((m, scale))?
            }
        };
        add_exact((self.mantissa, self.scale), value)
    }
}

impl<'p> Collector<'p> {
    /// An empty collection for `plan`.
    pub fn new(plan: &'p Plan, options: ResolveOptions) -> Self {
        Collector {
            plan,
            resolver: Resolver::new(plan),
            options,
            figures: Figures {
                // The whole plan's series, then each target's regions' (see `slot`).
                by_target: vec![BTreeMap::new(); plan.targets.len() * (1 + plan.regions.len())],
                by_region: Vec::new(),
                regions: plan.regions.len(),
                warnings: Vec::new(),
            },
            first_seen: HashMap::new(),
            unknown: SkippedNames::default(),
            other_years: None,
            unsaved: None,
            names: HashMap::new(),
            conversions: HashMap::new(),
            last_name: None,
            last_unit: None,
            percent: plan
                .targets
                .iter()
                .map(|t| units::kind(t.unit.as_deref().unwrap_or_default()) == UnitKind::Percent)
                .collect(),
            bounds: plan
                .targets
                .iter()
                .map(|t| Bounds::of(t.unit.as_deref().unwrap_or_default()))
                .collect(),
            run: Run::default(),
            unit_cells: UnitCells::default(),
        }
    }

    /// Puts the run's total back in the figures.
    fn end_run(&mut self) {
        let run = &mut self.run;
        let Some((target, period)) = run.key.take() else {
            return;
        };
        if let Some(figure) = self.figures.by_target[target].get_mut(&period) {
            if let Ok(total) = Decimal::try_from_i128_with_scale(run.mantissa, run.scale) {
                figure.value = Some(FigureValue::Number(total));
            }
            figure.rows += run.rows;
        }
    }

    /// Starts a run after `obs`, a row fully checked and added to the total of target `i` in
    /// series `slot`.
    fn start_run(&mut self, i: usize, slot: usize, obs: &Observation, target: &Target) {
        let Some(&Figure {
            value: Some(FigureValue::Number(total)),
            ..
        }) = self.figures.by_target[slot].get(&obs.period)
        else {
            return;
        };
        if self.percent[i]
            || self.bounds[i].is_some()
            || target.rule == Rule::Done
            || obs.change.is_some()
        {
            return;
        }
        let conversion = match obs.unit {
            // From the collector's cache: the row just checked looked it up.
            Some(u) => self.conversion(i, u.text, target.unit.as_deref().unwrap_or_default()),
            None => Some(Conversion::Same),
        };
        let run = &mut self.run;
        run.key = Some((slot, obs.period));
        run.by_region = !self.plan.regions.is_empty();
        run.region.clear();
        run.region.push_str(obs.region.unwrap_or_default());
        run.indicator.clear();
        run.indicator.push_str(obs.indicator);
        run.unit = obs.unit.map(|u| {
            let mut unit = run.unit.take().unwrap_or_default();
            unit.clear();
            unit.push_str(u.text);
            unit
        });
        run.conversion = conversion;
        run.mantissa = total.mantissa();
        run.scale = total.scale();
        run.rows = 0;
    }

    fn target_of(&mut self, indicator: &str) -> Option<usize> {
        self.found(indicator).map(|f| f.target)
    }

    /// The target `indicator` names, as written or without its decoration (`1.`, `其中：`,
    /// `*`, a unit in brackets).
    fn found(&mut self, indicator: &str) -> Option<Found> {
        if let Some((name, found)) = &self.last_name {
            if **name == *indicator {
                return *found;
            }
        }
        let found = match self.names.get(indicator) {
            Some(found) => *found,
            None => {
                let found = self.look_up(indicator);
                self.names.insert(indicator.into(), found);
                found
            }
        };
        self.last_name = Some((indicator.into(), found));
        found
    }

    fn look_up(&self, indicator: &str) -> Option<Found> {
        if let Some(target) = self.resolver.find(indicator) {
            return Some(Found { target, unit: None });
        }
        let bare = undecorate(indicator)?;
        let target = self.resolver.find(bare.name)?;
        let unit = bare.unit.map(|u| {
            let start = u.as_ptr() as usize - indicator.as_ptr() as usize;
            (start, start + u.len())
        });
        Some(Found { target, unit })
    }

    /// How `unit` converts to target `i`'s unit.
    fn conversion(&mut self, i: usize, unit: &str, target_unit: &str) -> Option<Conversion> {
        if let Some((j, last, c)) = &self.last_unit {
            if *j == i && **last == *unit {
                return *c;
            }
        }
        let key = (i, Box::<str>::from(unit));
        let c = match self.conversions.get(&key) {
            Some(c) => *c,
            None => {
                let c = units::conversion(unit, target_unit);
                self.conversions.insert(key, c);
                c
            }
        };
        self.last_unit = Some((i, unit.into(), c));
        c
    }

    /// Matches one observation to its target and keeps its figure.
    pub fn add(&mut self, obs: &Observation) -> Result<()> {
        if self.run.add(obs) {
            return Ok(());
        }
        self.end_run();
        let plan = self.plan;
        let Some(found) = self.found(obs.indicator) else {
            let at = obs.cell(obs.columns.indicator);
            if !self.options.ignore_unknown {
                return Err(Error::actuals(at, self.unknown_message(obs.indicator)));
            }
            self.unknown.add(obs.indicator, at);
            return Ok(());
        };
        let i = found.target;
        let target = &plan.targets[i];
        let with_unit;
        let obs = match found.unit {
            Some(range) => {
                with_unit = unit_from_name(obs, range)?;
                &with_unit
            }
            None => obs,
        };
        let year = obs.period.year;
        let baseline_year = target.baseline.as_ref().and_then(|b| b.year);
        if !plan.horizon.reads(year) && baseline_year != Some(year) {
            match &mut self.other_years {
                Some((.., skipped)) => skipped.count(obs.line),
                None => self.other_years = Some((obs.row(), obs.period, Skipped::new(obs.line))),
            }
            return Ok(());
        }
        let slot = self.slot(i, obs)?;
        self.note_unit_cell(obs, target)?;
        let value = self.value(i, obs, target)?;
        let series = &mut self.figures.by_target[slot];
        if target.aggregate == Aggregate::Sum {
            // Record-level rows: every row for the period adds to one exact total.
            if let Some(total) = series.get_mut(&obs.period) {
                add_to(total, value, obs, target)?;
                self.start_run(i, slot, obs, target);
                return Ok(());
            }
        } else if let Some((first, column)) = self
            .first_seen
            .insert((slot, obs.period), (obs.row(), obs.columns.value))
        {
            // The same figure in another file (a Q3 file and an annual one both carrying the
            // baseline year) is one figure: the first stays.
            let same = series.get(&obs.period).is_some_and(|f| {
                f.at.file != obs.origin.file
                    && f.value.is_some()
                    && f.value == value.value
                    && f.change == value.change
                    && f.unsaved.is_none()
                    && value.unsaved.is_none()
            });
            if same {
                self.first_seen.insert((slot, obs.period), (first, column));
                return Ok(());
            }
            return Err(Error::actuals(
                obs.row(),
                Message::SecondFigure {
                    target: target.name.clone(),
                    period: obs.period,
                    first,
                },
            ));
        }
        let at = if value.value.is_some() {
            obs.cell(obs.columns.value)
        } else {
            obs.columns
                .change
                .map_or_else(|| obs.cell(obs.columns.value), |c| obs.cell(c))
        };
        series.insert(
            obs.period,
            Figure {
                value: value.value,
                change: value.change,
                at,
                converted_from: value.converted_from.map(|u| u.normalized()),
                rows: 1,
                unsaved: value.unsaved,
            },
        );
        if target.aggregate == Aggregate::Sum {
            self.start_run(i, slot, obs, target);
        }
        Ok(())
    }

    /// Where target `i`'s figure of `obs` goes: the whole plan's series (`i`), or, in a plan
    /// split among regions, the series of the region the row names, after the whole plan's
    /// (`targets + i * regions + r`). A plan without regions reads every row as the whole
    /// plan's. A region the plan does not list is an error.
    fn slot(&self, i: usize, obs: &Observation) -> Result<usize> {
        let plan = self.plan;
        let regions = plan.regions.len();
        let Some(text) = obs.region.filter(|t| regions > 0 && !Plan::is_whole(t)) else {
            return Ok(i);
        };
        match plan.region(text) {
            Some(r) => Ok(plan.targets.len() + i * regions + r),
            None => {
                let candidates: Vec<(&str, Vec<&str>)> = plan
                    .regions
                    .iter()
                    .map(|r| (r.as_str(), vec![r.as_str()]))
                    .collect();
                Err(Error::actuals(
                    obs.cell(obs.columns.region.unwrap_or(obs.columns.indicator)),
                    DataProblem::UnknownRegion {
                        name: clipped(text),
                        closest: closest(text, &candidates, 3)
                            .into_iter()
                            .map(str::to_string)
                            .collect(),
                    },
                ))
            }
        }
    }

    /// The target whose series `slot` is (see [`Collector::slot`]).
    fn target_of_slot(&self, slot: usize) -> usize {
        let targets = self.plan.targets.len();
        match slot.checked_sub(targets) {
            None => slot,
            Some(regional) => regional / self.plan.regions.len().max(1),
        }
    }

    /// Why `indicator` is not a target's name, and the names it is closest to. A name that holds
    /// an invisible character says which, and the target it names without it.
    fn unknown_message(&mut self, indicator: &str) -> Message {
        let invisible = invisible_in(indicator);
        let meant = match invisible {
            Some(_) => self.target_of(&visible(indicator)).map(|i| {
                let target = &self.plan.targets[i];
                Named {
                    name: target.name.clone(),
                    id: target.id.clone(),
                }
            }),
            None => None,
        };
        Message::UnknownIndicator {
            name: indicator.to_string(),
            invisible,
            meant,
            closest: self.resolver.suggest(indicator),
        }
    }

    /// Notes a unit written in a row, or a blank unit cell where the target has a unit: both in
    /// one file is an error.
    fn note_unit_cell(&mut self, obs: &Observation, target: &Target) -> Result<()> {
        let target_unit = target.unit.as_deref().unwrap_or_default().trim();
        match (obs.unit, obs.blank_unit) {
            (
                Some(UnitText {
                    text,
                    at,
                    is_default: false,
                }),
                _,
            ) => self
                .unit_cells
                .written(&obs.origin.file, || obs.unit_location(at), text),
            (None, Some(column)) if !target_unit.is_empty() => {
                self.unit_cells
                    .blank(&obs.origin.file, || obs.cell(column), target_unit)
            }
            _ => Ok(()),
        }
    }

    /// Adds a warning about the input as a whole.
    pub fn warn(&mut self, warning: Warning) {
        self.figures.warnings.push(warning);
    }

    /// Moves every line this collector has noted `by` lines on: the second half of a file read
    /// in two numbers its lines from 1, so that it need not count the first half's lines
    /// before it starts. False when it holds warnings, which are worded with their lines
    /// already: the file is then read in one pass.
    pub fn shift_lines(&mut self, by: u64) -> bool {
        if !self.figures.warnings.is_empty() {
            return false;
        }
        let shift = |at: &mut Location| {
            if let Some(line) = &mut at.line {
                *line += by;
            }
        };
        for figure in self
            .figures
            .by_target
            .iter_mut()
            .flat_map(|s| s.values_mut())
        {
            shift(&mut figure.at);
            if let Some(at) = &mut figure.unsaved {
                shift(at);
            }
        }
        for (at, _) in self.first_seen.values_mut() {
            shift(at);
        }
        self.unknown.shift_lines(by);
        if let Some((at, _, skipped)) = &mut self.other_years {
            shift(at);
            skipped.last_line += by;
        }
        if let Some((at, _)) = &mut self.unsaved {
            shift(at);
        }
        self.unit_cells.shift_lines(by);
        true
    }

    /// Adds what `later` collected from the rows after this one's, as if they had been added
    /// here one by one: a figure for a target and period both have is an error at `later`'s
    /// first such row (record-level totals add up), and warnings and skipped rows follow on.
    pub fn merge(mut self, mut later: Collector<'p>) -> Result<Collector<'p>> {
        self.end_run();
        later.end_run();
        let duplicate = later
            .first_seen
            .iter()
            .filter_map(|(key, (at, column))| {
                self.first_seen
                    .get(key)
                    .map(|(first, _)| (at, column, first, key))
            })
            .min_by_key(|(at, column, ..)| (at.line, **column));
        if let Some((at, _, first, (slot, period))) = duplicate {
            return Err(Error::actuals(
                at.clone(),
                Message::SecondFigure {
                    target: self.plan.targets[self.target_of_slot(*slot)].name.clone(),
                    period: *period,
                    first: first.clone(),
                },
            ));
        }
        for (i, series) in later.figures.by_target.into_iter().enumerate() {
            let target = &self.plan.targets[self.target_of_slot(i)];
            for (period, figure) in series {
                match self.figures.by_target[i].get_mut(&period) {
                    Some(total) => combine(total, figure, target)?,
                    None => {
                        self.figures.by_target[i].insert(period, figure);
                    }
                }
            }
        }
        self.unit_cells.merge(later.unit_cells)?;
        self.first_seen.extend(later.first_seen);
        self.figures.warnings.extend(later.figures.warnings);
        self.other_years = match (self.other_years, later.other_years) {
            (Some((at, period, a)), Some((.., b))) => Some((at, period, a.then(b))),
            (first, second) => first.or(second),
        };
        self.unknown.merge(later.unknown);
        self.unsaved = match (self.unsaved, later.unsaved) {
            (Some((at, a)), Some((_, b))) => Some((at, a + b)),
            (first, second) => first.or(second),
        };
        Ok(self)
    }

    /// The figures collected, with a warning for skipped rows.
    pub fn finish(mut self) -> Figures {
        self.end_run();
        let plan = self.plan;
        if let Some((at, cells)) = self.unsaved.take() {
            self.figures
                .warnings
                .push(Warning::UnsavedFormula { at, cells });
        }
        if let Some((at, period, skipped)) = self.other_years.take() {
            self.figures.warnings.push(Warning::OtherYears {
                at,
                period,
                horizon: plan.horizon,
                rows: skipped.rows,
            });
        }
        if let Some(warning) = self.unknown.warning() {
            self.figures.warnings.push(warning);
        }
        let regional = self.figures.by_target.split_off(plan.targets.len());
        self.figures.by_region = regional;
        self.sum_regions();
        self.figures
    }

    /// The whole plan's figure for a period it has none of, where every region has one (any
    /// region, for record-level rows) and the figures add up (an amount or a count, not a
    /// share or a rank): the regions' sum.
    fn sum_regions(&mut self) {
        let regions = self.plan.regions.len();
        if regions == 0 {
            return;
        }
        for (i, target) in self.plan.targets.iter().enumerate() {
            let unit = target.unit.as_deref().unwrap_or_default();
            let money = matches!(units::kind(unit), UnitKind::Money(_));
            let count = Bounds::of(unit).is_some_and(|b| b.kind == crate::plan::BoundKind::Count);
            let adds_up = target.rule != Rule::Done && (money || count);
            if !adds_up {
                continue;
            }
            let parts = &self.figures.by_region[i * regions..(i + 1) * regions];
            let periods: Vec<Period> = parts
                .iter()
                .flat_map(|s| s.keys().copied())
                .filter(|p| !self.figures.by_target[i].contains_key(p))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            // Record-level rows are records: a region without any has none to add.
            let records = target.aggregate == Aggregate::Sum;
            for period in periods {
                if let Some(total) = sum_of(parts, period, records) {
                    self.figures.by_target[i].insert(period, total);
                }
            }
        }
    }

    /// The value of one observation for target `i`, in the target's unit.
    fn value<'o>(&mut self, i: usize, obs: &Observation<'o>, target: &Target) -> Result<Value<'o>> {
        // A formula without a saved value, as the value or the growth rate: the figure is
        // unknown, and the target cannot be judged (never read as empty or zero).
        let unsaved_value = matches!(obs.value, Some(CellRef::Unsaved(_)));
        let unsaved_change = matches!(obs.change, Some(CellRef::Unsaved(_)));
        let mut unsaved = None;
        for at in [
            unsaved_value.then(|| obs.cell(obs.columns.value)),
            obs.columns
                .change
                .filter(|_| unsaved_change)
                .map(|c| obs.cell(c)),
        ]
        .into_iter()
        .flatten()
        {
            match &mut self.unsaved {
                Some((_, count)) => *count += 1,
                None => self.unsaved = Some((at.clone(), 1)),
            }
            unsaved.get_or_insert(at);
        }
        let change = match (obs.change, obs.columns.change) {
            (Some(cell), Some(column)) if !unsaved_change => {
                Some(growth_rate(&cell, &obs.cell(column))?)
            }
            _ => None,
        };
        let Some(cell) = obs.value.filter(|_| !unsaved_value) else {
            return Ok(Value {
                value: None,
                change,
                converted_from: None,
                unsaved,
            });
        };
        if target.rule == Rule::Done {
            if let Some(UnitText {
                text,
                at,
                is_default: false,
            }) = obs.unit
            {
                return Err(Error::actuals(
                    obs.unit_location(at),
                    DataProblem::MilestoneUnit {
                        unit: text.to_string(),
                        target: target.name.clone(),
                    },
                ));
            }
            let progress = progress(&cell, &obs.cell(obs.columns.value))?;
            return Ok(Value {
                value: Some(FigureValue::Progress(progress)),
                change,
                converted_from: None,
                unsaved,
            });
        }
        let (number, cell_unit) = match cell {
            CellRef::Text(text) => match parse_plain(text) {
                Some(n) => (n, None),
                None => written(text, &obs.cell(obs.columns.value))?,
            },
            other => cell_number(&other, &obs.cell(obs.columns.value))?,
        };
        let (number, converted_from) = self.in_target_unit(i, number, cell_unit, obs, target)?;
        let at = || obs.cell(obs.columns.value);
        self.check_range(i, number, target, &at)?;
        if self.percent[i] {
            fraction_warning(number, target, &at(), &mut self.figures.warnings);
        }
        Ok(Value {
            value: Some(FigureValue::Number(number)),
            change,
            converted_from,
            unsaved,
        })
    }

    /// A figure its quantity cannot be (a count below 0, a rank of 1.5, a share of 120%): an
    /// error, or what the target's `out_of_range` makes it.
    fn check_range(
        &mut self,
        i: usize,
        number: Decimal,
        target: &Target,
        at: &dyn Fn() -> Location,
    ) -> Result<()> {
        let unit = target.unit.as_deref().unwrap_or_default();
        let Some(breach) = self.bounds[i].and_then(|b| b.breach(number)) else {
            return Ok(());
        };
        match target.out_of_range {
            OutOfRange::Error => Err(Error::actuals(
                at(),
                Message::OutOfRange {
                    value: number,
                    target: target.name.clone(),
                    id: target.id.clone(),
                    unit: unit.to_string(),
                    breach,
                },
            )),
            OutOfRange::Warn => {
                self.figures.warnings.push(Warning::OutOfRange {
                    at: at(),
                    target: target.name.clone(),
                    value: number,
                    unit: unit.to_string(),
                    breach,
                });
                Ok(())
            }
            OutOfRange::Allow => Ok(()),
        }
    }

    /// `number` (with the unit written in its cell, if any) in the target's unit.
    fn in_target_unit<'o>(
        &mut self,
        i: usize,
        number: Decimal,
        cell_unit: Option<String>,
        obs: &Observation<'o>,
        target: &Target,
    ) -> Result<(Decimal, Option<Unit<'o>>)> {
        let value_at = || obs.cell(obs.columns.value);
        let (unit, unit_at): (&str, Option<UnitAt>) = match (cell_unit.as_deref(), obs.unit) {
            (
                Some(in_cell),
                Some(UnitText {
                    text,
                    at,
                    is_default: false,
                }),
            ) if units::kind(in_cell) != units::kind(text) => {
                return Err(Error::actuals(
                    value_at(),
                    DataProblem::UnitsDisagree {
                        number,
                        in_cell: in_cell.to_string(),
                        unit_at: Box::new(obs.unit_location(at)),
                        unit: normalize_unit(text),
                    },
                ))
            }
            (Some(in_cell), _) => (in_cell, None),
            // A unit line above the table (`（金额单位：万元）`) is for its money rows: a count
            // or a percentage keeps its own unit.
            (
                None,
                Some(UnitText {
                    text,
                    is_default: true,
                    ..
                }),
            ) if matches!(units::kind(text), UnitKind::Money(_))
                && !matches!(
                    units::kind(target.unit.as_deref().unwrap_or_default()),
                    UnitKind::Money(_)
                ) =>
            {
                return Ok((number, None))
            }
            (None, Some(UnitText { text, at, .. })) => (text, Some(at)),
            (None, None) => return Ok((number, None)),
        };
        let target_unit = target.unit.as_deref().unwrap_or_default();
        let too_large = || {
            Error::actuals(
                value_at(),
                DataProblem::DoesNotFit {
                    number,
                    unit: unit.to_string(),
                    target_unit: target_unit.to_string(),
                },
            )
        };
        match self.conversion(i, unit, target_unit) {
            Some(Conversion::Same) => Ok((number, None)),
            Some(c) => {
                let converted = c.apply(number).ok_or_else(too_large)?;
                let from = match (&cell_unit, obs.unit) {
                    (Some(in_cell), _) => Unit::Owned(in_cell.clone()),
                    (None, Some(written)) => Unit::Written(written.text),
                    (None, None) => Unit::Owned(unit.to_string()),
                };
                Ok((converted, Some(from)))
            }
            None => {
                // A unit cell is pointed at; a unit line's unit, at the figure it was taken for.
                let (at, from_line) = match unit_at {
                    Some(UnitAt::Column(column)) => (obs.cell(column), None),
                    Some(UnitAt::Line(line)) => (value_at(), Some(line)),
                    None => (value_at(), None),
                };
                Err(Error::actuals(
                    at,
                    Message::UnitCannotConvert {
                        unit: normalize_unit(unit),
                        from_line,
                        target_unit: target_unit.to_string(),
                        target: target.name.clone(),
                    },
                ))
            }
        }
    }
}

/// `obs` with the unit its name gives in brackets (`技术合同成交额（亿元）`): an error when the unit
/// cell gives another.
fn unit_from_name<'o>(
    obs: &Observation<'o>,
    (start, end): (usize, usize),
) -> Result<Observation<'o>> {
    let in_name = &obs.indicator[start..end];
    if let Some(UnitText {
        text,
        at,
        is_default: false,
    }) = obs.unit
    {
        if normalize_unit(text) != normalize_unit(in_name) {
            return Err(Error::actuals(
                obs.unit_location(at),
                DataProblem::NameUnitDisagrees {
                    unit: normalize_unit(text),
                    name: clipped(obs.indicator),
                    in_name: normalize_unit(in_name),
                },
            ));
        }
    }
    Ok(Observation {
        unit: Some(UnitText {
            text: in_name,
            at: UnitAt::Column(obs.columns.indicator),
            is_default: false,
        }),
        blank_unit: None,
        ..*obs
    })
}

/// The regions' figures for `period` added up, when every region has a number for it (or, for
/// record-level rows, `records`, any region has) and the sum is exact; the figure is placed at
/// the first region's.
fn sum_of(parts: &[BTreeMap<Period, Figure>], period: Period, records: bool) -> Option<Figure> {
    let mut total: Option<Figure> = None;
    for part in parts {
        let figure = match part.get(&period) {
            Some(figure) => figure,
            None if records => continue,
            None => return None,
        };
        let Some(FigureValue::Number(value)) = figure.value else {
            return None;
        };
        total = Some(match total {
            None => Figure {
                change: None,
                ..figure.clone()
            },
            Some(mut sum) => {
                let Some(FigureValue::Number(so_far)) = sum.value else {
                    return None;
                };
                sum.value = Some(FigureValue::Number(exact_sum(so_far, value)?));
                sum.rows += figure.rows;
                sum.unsaved = sum.unsaved.or_else(|| figure.unsaved.clone());
                sum
            }
        });
    }
    total
}

/// Adds a record-level row's value to its period's total, exactly.
fn add_to(total: &mut Figure, row: Value, obs: &Observation, target: &Target) -> Result<()> {
    total.rows += 1;
    if total.unsaved.is_none() {
        total.unsaved = row.unsaved;
    }
    if total.converted_from.is_none() {
        total.converted_from = row.converted_from.map(|u| u.normalized());
    }
    let value = match (total.value, row.value) {
        (Some(FigureValue::Number(sum)), Some(FigureValue::Number(value))) => exact_sum(sum, value)
            .ok_or_else(|| too_many_digits(target, obs.cell(obs.columns.value)))?,
        // The first row with a value (earlier rows gave only a growth rate).
        (None, Some(FigureValue::Number(value))) => {
            total.at = obs.cell(obs.columns.value);
            value
        }
        // A row with only a growth rate adds nothing to a total.
        _ => return Ok(()),
    };
    total.value = Some(FigureValue::Number(value));
    // A sum of records has no single reported growth rate.
    total.change = None;
    Ok(())
}

/// `a + b`, exactly: the sum at the larger scale of the two (as a decimal addition gives it),
/// or `None` when that does not fit a decimal (a 96-bit mantissa, at most 28 places), where a
/// decimal addition would round.
fn exact_sum(a: Decimal, b: Decimal) -> Option<Decimal> {
    let (m, s) = add_exact((a.mantissa(), a.scale()), (b.mantissa(), b.scale()))?;
    Decimal::try_from_i128_with_scale(m, s).ok()
}

/// [`exact_sum`] on mantissas and scales.
#[inline]
fn add_exact((a, sa): (i128, u32), (b, sb): (i128, u32)) -> Option<(i128, u32)> {
    let (a, b, scale) = match sa.cmp(&sb) {
        Ordering::Equal => (a, b, sa),
        Ordering::Less => (a.checked_mul(*POW10.get((sb - sa) as usize)?)?, b, sb),
        Ordering::Greater => (a, b.checked_mul(*POW10.get((sa - sb) as usize)?)?, sa),
    };
    let sum = a.checked_add(b)?;
    (scale <= MAX_SCALE && sum.unsigned_abs() < DECIMAL_LIMIT).then_some((sum, scale))
}

/// Powers of ten up to 10^28, the largest step between two decimals' scales.
const POW10: [i128; 29] = {
    let mut powers = [1i128; 29];
    let mut i = 1;
    while i < 29 {
        powers[i] = powers[i - 1] * 10;
        i += 1;
    }
    powers
};

fn too_many_digits(target: &Target, at: Location) -> Error {
    Error::actuals(
        at,
        DataProblem::TotalTooManyDigits {
            target: target.name.clone(),
        },
    )
}

/// Adds a later part's total for a record-level target and period to this one's.
fn combine(total: &mut Figure, later: Figure, target: &Target) -> Result<()> {
    total.rows += later.rows;
    if total.unsaved.is_none() {
        total.unsaved = later.unsaved;
    }
    if total.converted_from.is_none() {
        total.converted_from = later.converted_from;
    }
    let value = match (total.value, later.value) {
        (Some(FigureValue::Number(a)), Some(FigureValue::Number(b))) => {
            exact_sum(a, b).ok_or_else(|| too_many_digits(target, later.at.clone()))?
        }
        (None, Some(FigureValue::Number(b))) => {
            total.at = later.at;
            b
        }
        _ => return Ok(()),
    };
    total.value = Some(FigureValue::Number(value));
    total.change = None;
    Ok(())
}

fn progress(cell: &CellRef, at: &Location) -> Result<Progress> {
    let text = cell.text();
    Progress::parse(&text).ok_or_else(|| {
        Error::actuals(
            at.clone(),
            DataProblem::NotMilestoneState {
                text: clipped(&text),
            },
        )
    })
}

/// A number as people write it, with the unit written after it, normalised.
fn written(text: &str, at: &Location) -> Result<(Decimal, Option<String>)> {
    match read_written_number(text) {
        Ok(Some(n)) => Ok((n.value, n.unit.map(|u| normalize_unit(&u)))),
        Ok(None) => Err(Error::actuals(at.clone(), DataProblem::NoFigure)),
        Err(why) => Err(Error::actuals(
            at.clone(),
            DataProblem::BadNumber {
                text: clipped(text),
                why,
            },
        )),
    }
}

/// A number and the unit written in its cell.
fn cell_number(cell: &CellRef, at: &Location) -> Result<(Decimal, Option<String>)> {
    match cell {
        CellRef::Number(n) => Ok((*n, None)),
        CellRef::Percent(n) => Ok((*n, Some("%".into()))),
        CellRef::Text(text) => written(text, at),
        CellRef::Date(date) => Err(Error::actuals(
            at.clone(),
            DataProblem::Date {
                text: date.to_string(),
            },
        )),
        CellRef::Error(err) => Err(Error::actuals(
            at.clone(),
            DataProblem::SpreadsheetError {
                text: err.to_string(),
            },
        )),
        CellRef::Unfit(Unfit { shown, why }) => Err(Error::actuals(
            at.clone(),
            DataProblem::Unfit {
                shown: shown.clone(),
                why: *why,
            },
        )),
        CellRef::Unsaved(_) => Err(Error::actuals(at.clone(), DataProblem::Unsaved)),
        CellRef::Empty => Err(Error::actuals(at.clone(), DataProblem::NoFigure)),
    }
}

/// A reported growth rate, in percent (`41.8`, `41.8%`).
fn growth_rate(cell: &CellRef, at: &Location) -> Result<Decimal> {
    let (value, unit) = match cell {
        CellRef::Text(text) => match parse_plain(text) {
            Some(n) => (n, None),
            None => written(text, at)?,
        },
        other => cell_number(other, at)?,
    };
    match unit.as_deref() {
        None | Some("%") => Ok(value),
        Some(other) => Err(Error::actuals(
            at.clone(),
            DataProblem::GrowthRateUnit {
                text: cell.text(),
                unit: other.to_string(),
            },
        )),
    }
}

/// Warns when a percentage looks like a fraction: 0.0242 against a 2.20% target.
fn fraction_warning(value: Decimal, target: &Target, at: &Location, warnings: &mut Vec<Warning>) {
    let Some(level) = target.rule.value().filter(|v| v.abs() >= Decimal::ONE) else {
        return;
    };
    if !value.is_zero() && value.abs() < Decimal::ONE {
        warnings.push(Warning::LooksLikeFraction {
            at: at.clone(),
            target: target.name.clone(),
            value,
            against: Against::Target(level),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::exact_sum;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn sums_are_exact_or_refused() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(exact_sum(d("0.1"), d("0.2")), Some(d("0.3")));
        assert_eq!(exact_sum(d("1200.00"), d("0.0001")), Some(d("1200.0001")));
        assert_eq!(
            exact_sum(d("10000000000000000000000000000"), d("0.4")),
            None,
            "would round"
        );
        assert_eq!(exact_sum(Decimal::MAX, d("1")), None, "would overflow");
        let zero = exact_sum(d("0.0001"), d("0.00000")).unwrap();
        assert_eq!(
            zero.to_string(),
            "0.00010",
            "adding a zero at a larger scale is exact, at that scale"
        );
        assert_eq!(
            exact_sum(Decimal::MAX, -Decimal::MAX).map(|d| d.to_string()),
            Some("0".into())
        );
    }
}
