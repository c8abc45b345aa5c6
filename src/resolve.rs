//! Matching figures to targets: names to targets, cells to exact values in the target's unit,
//! one figure per target and period.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use crate::actuals::grid::Cell;
use crate::actuals::Observation;
use crate::error::{shorten, Error, Location, Result};
use crate::figure::{Figure, FigureValue, Figures, Progress};
use crate::names::{closest, normalize};
use crate::number::read_written_number;
use crate::period::Period;
use crate::plan::{Aggregate, Plan, Rule, Target};
use crate::units::{self, normalize_unit, UnitKind};

/// Finds targets by id, name or alias, in normal form.
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
    pub fn suggest(&self, name: &str) -> Vec<String> {
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
            .map(|t| format!("`{}` ({})", t.name, t.id))
            .collect()
    }
}

/// How to match figures to targets.
#[derive(Debug, Clone, Copy, Default)]
pub struct ResolveOptions {
    /// Skip rows whose indicator is not in the plan (and say how many), rather than failing.
    pub ignore_unknown: bool,
}

/// Collects figures one observation at a time, so inputs can be streamed.
pub struct Collector<'p> {
    plan: &'p Plan,
    resolver: Resolver<'p>,
    options: ResolveOptions,
    figures: Figures,
    first_seen: HashMap<(usize, Period), Location>,
    unknown: Vec<(String, Location)>,
    /// Rows for years other than the plan year and the baseline year: the first, and how many.
    other_years: Option<(Location, Period, u64)>,
}

impl<'p> Collector<'p> {
    /// An empty collection for `plan`.
    pub fn new(plan: &'p Plan, options: ResolveOptions) -> Self {
        Collector {
            plan,
            resolver: Resolver::new(plan),
            options,
            figures: Figures {
                by_target: vec![BTreeMap::new(); plan.targets.len()],
                warnings: Vec::new(),
            },
            first_seen: HashMap::new(),
            unknown: Vec::new(),
            other_years: None,
        }
    }

    /// Matches one observation to its target and keeps its figure.
    pub fn add(&mut self, obs: Observation) -> Result<()> {
        let plan = self.plan;
        let Some(i) = self.resolver.find(&obs.indicator) else {
            let at = obs.cell(obs.columns.indicator);
            if self.options.ignore_unknown {
                self.unknown.push((obs.indicator, at));
                return Ok(());
            }
            return Err(Error::actuals(
                at,
                format!(
                    "unknown indicator `{}`; closest known: {}",
                    shorten(&obs.indicator),
                    self.resolver.suggest(&obs.indicator).join(", ")
                ),
            ));
        };
        let target = &plan.targets[i];
        let year = obs.period.year;
        if year != plan.year && Some(year) != plan.baseline_period {
            match &mut self.other_years {
                Some((.., count)) => *count += 1,
                None => self.other_years = Some((obs.row.clone(), obs.period, 1)),
            }
            return Ok(());
        }
        let figure = figure(&obs, target, &mut self.figures.warnings)?;
        let figures = &mut self.figures.by_target[i];
        if target.aggregate == Aggregate::Sum {
            // Record-level rows: every row for the period adds to one exact total.
            if let Some(total) = figures.get_mut(&obs.period) {
                return add_to(total, &figure, target);
            }
        } else if let Some(first) = self.first_seen.insert((i, obs.period), obs.row.clone()) {
            return Err(Error::actuals(
                obs.row.clone(),
                format!(
                    "second figure for `{}` in {}; the first is at {first}; expected one figure \
                     per indicator and period",
                    target.name, obs.period
                ),
            ));
        }
        figures.insert(obs.period, figure);
        Ok(())
    }

    /// The figures collected, with a warning for skipped unknown indicators.
    pub fn finish(mut self) -> Figures {
        if let Some((at, period, count)) = self.other_years.take() {
            let plan = self.plan;
            let years = match plan.baseline_period {
                Some(base) => format!("the plan year {} nor the baseline year {base}", plan.year),
                None => format!("the plan year {}", plan.year),
            };
            let more = match count {
                1 => String::new(),
                n => format!(", and {} more rows for other years", n - 1),
            };
            self.figures.warnings.push(format!(
                "{at}: period {period} is neither {years}; row ignored{more}"
            ));
        }
        if let Some((name, at)) = self.unknown.first() {
            let n = self.unknown.len();
            self.figures.warnings.push(format!(
                "skipped {n} row{} whose indicator is not in the plan (--ignore-unknown); the \
                 first is `{name}` at {at}",
                if n == 1 { "" } else { "s" }
            ));
        }
        self.figures
    }
}

/// Adds a record-level row's figure to its period's total, exactly.
fn add_to(total: &mut Figure, row: &Figure, target: &Target) -> Result<()> {
    total.rows += 1;
    total.converted_from = total
        .converted_from
        .take()
        .or_else(|| row.converted_from.clone());
    let value = match (total.value, row.value) {
        (Some(FigureValue::Number(sum)), Some(FigureValue::Number(value))) => {
            sum.checked_add(value).ok_or_else(|| {
                Error::actuals(
                    row.at.clone(),
                    format!(
                        "the total for `{}` is too large to hold exactly (over 28 digits)",
                        target.name
                    ),
                )
            })?
        }
        // The first row with a value (earlier rows gave only a growth rate).
        (None, Some(FigureValue::Number(value))) => {
            total.at = row.at.clone();
            value
        }
        // A row with only a growth rate adds nothing to a total.
        _ => return Ok(()),
    };
    // Converted figures (万元 rows for an 亿元 target) carry the conversion's scale; a total
    // shows its value without trailing zeros.
    let value = if total.converted_from.is_some() {
        value.normalize()
    } else {
        value
    };
    total.value = Some(FigureValue::Number(value));
    // A sum of records has no single reported growth rate.
    total.change = None;
    Ok(())
}

/// Matches every observation (tests and small inputs).
pub fn resolve(
    plan: &Plan,
    observations: Vec<Observation>,
    options: ResolveOptions,
) -> Result<Figures> {
    let mut collector = Collector::new(plan, options);
    for obs in observations {
        collector.add(obs)?;
    }
    Ok(collector.finish())
}

/// The figure of one observation, in the target's unit.
fn figure(obs: &Observation, target: &Target, warnings: &mut Vec<String>) -> Result<Figure> {
    let value_at = obs.cell(obs.columns.value);
    let change_at = obs.columns.change.map(|c| obs.cell(c));
    let change = match (&obs.change, &change_at) {
        (Some(cell), Some(at)) => Some(growth_rate(cell, at)?),
        _ => None,
    };
    let (value, converted_from) = match &obs.value {
        None => (None, None),
        Some(cell) if target.rule == Rule::Done => {
            if let (Some((unit, at)), false) = (&obs.unit, obs.unit_is_default) {
                return Err(Error::actuals(
                    at.clone(),
                    format!(
                        "unit `{unit}` given for milestone `{}`; expected an empty unit cell",
                        target.name
                    ),
                ));
            }
            (
                Some(FigureValue::Progress(progress(cell, &value_at)?)),
                None,
            )
        }
        Some(cell) => {
            let (number, from) = number_in_unit(cell, obs, target, &value_at)?;
            fraction_warning(number, target, &value_at, warnings);
            percent_range_warning(number, target, &value_at, warnings);
            (Some(FigureValue::Number(number)), from)
        }
    };
    let at = if value.is_some() {
        value_at
    } else {
        change_at.unwrap_or(value_at)
    };
    Ok(Figure {
        value,
        change,
        at,
        converted_from,
        rows: 1,
    })
}

fn progress(cell: &Cell, at: &Location) -> Result<Progress> {
    let text = cell.text();
    Progress::parse(&text).ok_or_else(|| {
        Error::actuals(
            at.clone(),
            format!(
                "value `{}` is not a milestone state; expected 完成, 未完成 or 进行中 (done, \
                 not done, in progress)",
                shorten(&text)
            ),
        )
    })
}

/// A cell's number and the unit it is in, converted to the target's unit. Returns the unit it
/// was converted from, if a conversion happened.
fn number_in_unit(
    cell: &Cell,
    obs: &Observation,
    target: &Target,
    at: &Location,
) -> Result<(Decimal, Option<String>)> {
    let (value, cell_unit) = cell_number(cell, at)?;
    let stated = obs
        .unit
        .as_ref()
        .map(|(u, where_)| (normalize_unit(u), where_.clone()));
    let unit = match (cell_unit, stated) {
        (Some(in_cell), Some((stated, where_)))
            if !obs.unit_is_default && units::kind(&in_cell) != units::kind(&stated) =>
        {
            return Err(Error::actuals(
                at.clone(),
                format!(
                    "value `{}` is in `{in_cell}`, but {where_} says `{stated}`; expected one unit",
                    cell.text()
                ),
            ))
        }
        (Some(in_cell), _) => Some((in_cell, at.clone())),
        (None, stated) => stated,
    };
    let target_unit = target.unit.as_deref().unwrap_or_default();
    let Some((unit, unit_at)) = unit else {
        return Ok((value, None));
    };
    if unit == normalize_unit(target_unit) {
        return Ok((value, None));
    }
    match units::convert(value, &unit, target_unit) {
        Some(converted) if units::kind(&unit) == units::kind(target_unit) => Ok((converted, None)),
        Some(converted) => Ok((converted, Some(unit))),
        None => Err(Error::actuals(
            unit_at,
            format!(
                "unit `{unit}` cannot be converted to `{target_unit}`, the plan's unit for `{}`",
                target.name
            ),
        )),
    }
}

/// A number and the unit written in its cell.
fn cell_number(cell: &Cell, at: &Location) -> Result<(Decimal, Option<String>)> {
    match cell {
        Cell::Number(n) => Ok((*n, None)),
        Cell::Percent(n) => Ok((*n, Some("%".into()))),
        Cell::Text(text) => match read_written_number(text) {
            Ok(Some(n)) => Ok((n.value, n.unit.map(|u| normalize_unit(&u)))),
            Ok(None) => Err(Error::actuals(at.clone(), "no figure in the cell")),
            Err(why) => Err(Error::actuals(
                at.clone(),
                format!("value `{}`: {why}", shorten(text)),
            )),
        },
        Cell::Date(date) => Err(Error::actuals(
            at.clone(),
            format!("value `{date}` is a date; expected a number"),
        )),
        Cell::Error(err) => Err(Error::actuals(
            at.clone(),
            format!("the cell holds the spreadsheet error `{err}`; expected a number"),
        )),
        Cell::Empty => Err(Error::actuals(at.clone(), "no figure in the cell")),
    }
}

/// A reported growth rate, in percent (`41.8`, `41.8%`).
fn growth_rate(cell: &Cell, at: &Location) -> Result<Decimal> {
    let (value, unit) = cell_number(cell, at)?;
    match unit.as_deref() {
        None | Some("%") => Ok(value),
        Some(other) => Err(Error::actuals(
            at.clone(),
            format!(
                "growth rate `{}` is in `{other}`; expected a percentage such as 41.8 or 41.8%",
                cell.text()
            ),
        )),
    }
}

/// Warns when a percentage lies outside 0–100.
fn percent_range_warning(
    value: Decimal,
    target: &Target,
    at: &Location,
    warnings: &mut Vec<String>,
) {
    let is_percent = units::kind(target.unit.as_deref().unwrap_or_default()) == UnitKind::Percent;
    if is_percent && (value.is_sign_negative() && !value.is_zero() || value > Decimal::ONE_HUNDRED)
    {
        warnings.push(format!(
            "{at}: {value}% for `{}` is outside 0–100%",
            target.name
        ));
    }
}

/// Warns when a percentage looks like a fraction: 0.0242 against a 2.20% target.
fn fraction_warning(value: Decimal, target: &Target, at: &Location, warnings: &mut Vec<String>) {
    if units::kind(target.unit.as_deref().unwrap_or_default()) != UnitKind::Percent {
        return;
    }
    let Some(level) = target.rule.value().filter(|v| v.abs() >= Decimal::ONE) else {
        return;
    };
    if !value.is_zero() && value.abs() < Decimal::ONE {
        let as_percent = (value * Decimal::ONE_HUNDRED).normalize();
        warnings.push(format!(
            "{at}: {value} for `{}` (target {level}%) looks like a fraction; if it means \
             {as_percent}%, write {as_percent} or {as_percent}%",
            target.name
        ));
    }
}
