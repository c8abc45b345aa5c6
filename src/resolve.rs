//! Matching rows to targets: names to targets, value text to exact figures, units checked, one
//! figure per target and period.

use std::collections::{BTreeMap, HashMap};

use unicode_normalization::UnicodeNormalization;

use crate::actuals::Observation;
use crate::error::{Error, Result};
use crate::figure::{Figure, FigureValue, Figures, Progress};
use crate::names::{closest, normalize};
use crate::number::parse_decimal;
use crate::plan::{Plan, Rule};

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

/// Matches every observation to its target and keeps the figures for the plan year and the
/// baseline year. Rows for other years are reported in `warnings`.
pub fn resolve(plan: &Plan, observations: &[Observation]) -> Result<Figures> {
    let resolver = Resolver::new(plan);
    let mut figures = Figures {
        by_target: vec![BTreeMap::new(); plan.targets.len()],
        warnings: Vec::new(),
    };
    let mut first_seen: HashMap<(usize, i32), &Observation> = HashMap::new();
    for obs in observations {
        let Some(i) = resolver.find(&obs.indicator) else {
            return Err(Error::actuals(
                obs.cell(obs.columns.indicator),
                format!(
                    "unknown indicator `{}`; closest known: {}",
                    obs.indicator,
                    resolver.suggest(&obs.indicator).join(", ")
                ),
            ));
        };
        let target = &plan.targets[i];
        check_unit(obs, target.unit.as_deref(), &target.name)?;
        let value = parse_value(obs, &target.rule)?;
        if let Some(first) = first_seen.insert((i, obs.period), obs) {
            return Err(Error::actuals(
                obs.row.clone(),
                format!(
                    "second figure for `{}` in {}; the first is at {}; expected one figure per \
                     indicator and period",
                    target.name, obs.period, first.row
                ),
            ));
        }
        if obs.period != plan.year && Some(obs.period) != plan.baseline_period {
            let years = match plan.baseline_period {
                Some(base) => format!("the plan year {} nor the baseline year {base}", plan.year),
                None => format!("the plan year {}", plan.year),
            };
            figures.warnings.push(format!(
                "{}: period {} is neither {years}; row ignored",
                obs.row, obs.period
            ));
            continue;
        }
        figures.by_target[i].insert(
            obs.period,
            Figure {
                value,
                at: obs.cell(obs.columns.value),
            },
        );
    }
    Ok(figures)
}

fn check_unit(obs: &Observation, unit: Option<&str>, name: &str) -> Result<()> {
    let (Some(given), Some(column)) = (obs.unit.as_deref(), obs.columns.unit) else {
        return Ok(());
    };
    let given_norm: String = given.nfkc().filter(|c| !c.is_whitespace()).collect();
    match unit {
        Some(expected) if given_norm == expected.nfkc().collect::<String>() => Ok(()),
        Some(expected) => Err(Error::actuals(
            obs.cell(column),
            format!(
                "unit `{given}` does not match the plan's unit for `{name}`; expected `{expected}` \
                 or an empty unit cell"
            ),
        )),
        None => Err(Error::actuals(
            obs.cell(column),
            format!("unit `{given}` given for milestone `{name}`; expected an empty unit cell"),
        )),
    }
}

fn parse_value(obs: &Observation, rule: &Rule) -> Result<FigureValue> {
    let at = || obs.cell(obs.columns.value);
    if *rule == Rule::Done {
        return Progress::parse(&obs.value)
            .map(FigureValue::Progress)
            .ok_or_else(|| {
                Error::actuals(
                    at(),
                    format!(
                        "value `{}` is not a milestone state; expected 完成, 未完成 or 进行中 \
                     (done, not done, in progress)",
                        obs.value
                    ),
                )
            });
    }
    parse_decimal(&obs.value)
        .map(FigureValue::Number)
        .map_err(|why| Error::actuals(at(), format!("value `{}`: {why}", obs.value)))
}
