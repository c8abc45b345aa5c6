//! Loading a plan: parse the YAML, then check what serde cannot (unique ids and names, each rule
//! with the values it needs, a baseline for every relative rule).

use std::collections::HashMap;

use super::bounds::Bounds;
use super::problem::{Problem, Syntax};
use super::raw::{
    AccrualKind, AggregateKind, DecimalText, OutOfRangeKind, PathKind, RawPlan, RawTarget, RuleKind,
};
use super::shape::{self, ReadError, Shape};
use super::{
    Accrual, Aggregate, Baseline, Horizon, OutOfRange, Plan, Profile, Rule, Target, Tolerance,
};
use crate::error::{
    Error, HorizonProblem, Location, Message, Place, PlanProblem, Result, TargetProblem as Why,
};
use crate::names::normalize;

/// The plan encoded in the binary: the 2020 work plan of the Shaanxi S&T department.
pub const EMBEDDED_PLAN: &str = include_str!("../../plan.yaml");

/// The name errors in the embedded plan are reported under.
pub const EMBEDDED_PLAN_NAME: &str = "plan.yaml (embedded)";

/// The embedded plan as JSON, converted from plan.yaml by the build script (`build.rs`).
const EMBEDDED_PLAN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/plan.json"));

/// The embedded plan, loaded from its JSON form (which parses several times faster than the
/// YAML) and validated as the YAML would be.
pub fn load_embedded() -> Result<Plan> {
    let origin = Location::special(Place::EmbeddedPlan);
    let raw: RawPlan = serde_json::from_str(EMBEDDED_PLAN_JSON).map_err(|err| {
        Error::plan(
            origin.clone(),
            plan_problem(PlanProblem::EmbeddedUnreadable(err.to_string())),
        )
    })?;
    Validator {
        text: EMBEDDED_PLAN,
        origin,
    }
    .plan(raw)
}

fn plan_problem(problem: PlanProblem) -> Message {
    Message::Plan(problem)
}

fn read_problem(problem: Problem) -> Message {
    Message::Plan(PlanProblem::Read(problem))
}

/// Parses and validates a plan. `file` names the plan in error messages.
pub fn load_plan(text: &str, file: &str) -> Result<Plan> {
    load_plan_at(text, Location::file(file))
}

/// Parses and validates a plan; errors are reported at places of `origin` (a file, or standard
/// input).
pub fn load_plan_at(text: &str, origin: Location) -> Result<Plan> {
    let file = &origin;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let blank = |line: &str| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    };
    if text.lines().all(blank) {
        return Err(Error::plan(file.clone(), read_problem(Problem::Empty)));
    }
    // Before YAML reads the file: reading follows references, which an alias bomb makes
    // billions of values.
    if let Some((line, column, key, value)) = anchor_or_reference(text) {
        return Err(Error::plan(
            at(file, line, column),
            read_problem(Problem::Bare { key, value }),
        ));
    }
    let tree = shape::tree(text).map_err(|err| read_error(text, file, err))?;
    let raw: RawPlan =
        shape::deserialize(text, &tree).map_err(|err| read_error(text, file, err))?;
    Validator {
        text,
        origin: origin.clone(),
    }
    .plan(raw)
}

/// Line `line`, column `column` of `file`.
fn at(file: &Location, line: u64, column: u64) -> Location {
    file.with_line(line).with_column(column)
}

/// The error for a plan that did not read: the failure kept aside in the key path it happened
/// at, or, for a syntax error, what the line at serde_yaml's position shows.
fn read_error(text: &str, file: &Location, err: ReadError) -> Error {
    let position = err
        .yaml
        .as_ref()
        .and_then(|err| err.location())
        .map(|loc| (loc.line() as u64, loc.column() as u64));
    let place = match position {
        Some((line, column)) => at(file, line, column),
        None => file.clone(),
    };
    let line_text = |line: u64| text.lines().nth(line.saturating_sub(1) as usize);
    let problem = match err.failure {
        Some((path, shape)) => {
            let (first_line, written) = match (&shape, position) {
                (Shape::Duplicate { key }, Some((line, column))) => {
                    (first_key_line(text, line, column, key), None)
                }
                (Shape::Tagged, Some((line, column))) => {
                    (None, line_text(line).map(|l| value_from(l, column)))
                }
                _ => (None, None),
            };
            Problem::Shape {
                path,
                shape,
                first_line,
                written,
            }
        }
        None => {
            let message = err.yaml.map(|err| strip_positions(&err.to_string()));
            let line = position.and_then(|(line, _)| line_text(line).map(|l| (line, l)));
            if let Some((number, line)) = line {
                if let Some(column) = tab_in_indentation(line) {
                    return Error::plan(at(file, number, column), read_problem(Problem::TabIndent));
                }
                if let Some((key, value, column)) = bare_value(line) {
                    return Error::plan(
                        at(file, number, column),
                        read_problem(Problem::Bare { key, value }),
                    );
                }
            }
            if let Some((number, column, c)) = not_allowed(text) {
                return Error::plan(
                    at(file, number, column),
                    read_problem(Problem::NotAllowed(c)),
                );
            }
            Problem::Syntax(Syntax::of(&message.unwrap_or_default()))
        }
    };
    Error::plan(place, read_problem(problem))
}

/// The first character YAML allows nowhere in a file, with its line and column: YAML's
/// printable set is tab, line feed, carriage return, U+0020-U+007E, U+0085, U+00A0-U+D7FF,
/// U+E000-U+FFFD and U+10000 up.
fn not_allowed(text: &str) -> Option<(u64, u64, char)> {
    let printable = |c: char| {
        matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}')
            || matches!(c, '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
    };
    text.lines().enumerate().find_map(|(i, line)| {
        line.chars().position(|c| !printable(c)).map(|at| {
            (
                i as u64 + 1,
                at as u64 + 1,
                line.chars().nth(at).unwrap_or(' '),
            )
        })
    })
}

/// The 1-based column of a tab in the indentation of `line` (the blanks before its first
/// character, and after each `- ` of a list item there).
fn tab_in_indentation(line: &str) -> Option<u64> {
    let mut column = 0;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        match c {
            '\t' => return Some(column),
            ' ' => {}
            '-' if matches!(chars.peek(), Some(' ' | '\t')) => {}
            _ => return None,
        }
    }
    None
}

/// The key and value of a line whose value starts with a character YAML reads as syntax
/// (`unit: %`, `- @x`), and the value's column, when it does.
fn bare_value(line: &str) -> Option<(Option<String>, String, u64)> {
    let (key, value, column) = value_of(line)?;
    value
        .starts_with(['%', '@', '`', '!', '*', '&', '|', '>'])
        .then_some((key, value, column))
}

/// The first value written with an anchor (`&x`) or a reference to one (`*x`), with its line,
/// column and key: YAML reads `name: &x` as an empty name, so a plan takes neither, and a value
/// starting with `&` or `*` must be quoted. Lines inside a block of text (after `key: |` or
/// `key: >`) and inside a quoted value running over several lines are text, not looked at.
fn anchor_or_reference(text: &str) -> Option<(u64, u64, Option<String>, String)> {
    let indent = |line: &str| line.chars().take_while(|c| *c == ' ').count();
    // Inside a block of text: the indentation its lines are deeper than.
    let mut block: Option<usize> = None;
    // Inside a quoted value: its quote.
    let mut quoted: Option<char> = None;
    for (i, line) in text.lines().enumerate() {
        if let Some(quote) = quoted {
            if closes(line, quote) {
                quoted = None;
            }
            continue;
        }
        if let Some(deeper_than) = block {
            if line.trim().is_empty() || indent(line) > deeper_than {
                continue;
            }
            block = None;
        }
        let Some((key, value, column)) = value_of(line) else {
            continue;
        };
        if value.starts_with(['|', '>']) {
            block = Some(indent(line));
        } else if let Some(quote) = value.chars().next().filter(|c| matches!(c, '"' | '\'')) {
            if !closes(&value[1..], quote) {
                quoted = Some(quote);
            }
        } else if value.starts_with(['&', '*']) {
            return Some((i as u64 + 1, column, key, value));
        }
    }
    None
}

/// Whether `text` holds the closing `quote` of a quoted value (a `"` not escaped by `\\`, a
/// `'` not doubled).
fn closes(text: &str, quote: char) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            '\'' if quote == '\'' && chars.peek() == Some(&'\'') => {
                chars.next();
            }
            c if c == quote => return true,
            _ => {}
        }
    }
    false
}

/// The key (if any), the value and the value's 1-based column, of a block line: `key: value`,
/// `- key: value` or `- value`, without a trailing comment; `None` for a line of no value.
fn value_of(line: &str) -> Option<(Option<String>, String, u64)> {
    let mut rest = line.trim_start();
    if rest.starts_with('#') {
        return None;
    }
    while let Some(item) = rest.strip_prefix("- ") {
        rest = item.trim_start();
    }
    let (key, value) = match rest.split_once(": ") {
        Some((key, value))
            if !key.is_empty()
                && !key.starts_with(['"', '\'', '{', '[', '&', '*', '!', '|', '>'])
                && !key.contains(['#', '\t']) =>
        {
            (Some(key.trim_end().to_string()), value.trim())
        }
        _ => (None, rest.trim()),
    };
    let value = match value.find(" #") {
        Some(comment) => value[..comment].trim_end(),
        None => value,
    };
    // `value` is a slice of `line`: its column is the characters before it.
    let start = value.as_ptr() as usize - line.as_ptr() as usize;
    let column = line[..start].chars().count() as u64 + 1;
    (!value.is_empty()).then(|| (key, value.to_string(), column))
}

/// The value written on `line` from the 1-based `column` on, without a trailing comment.
fn value_from(line: &str, column: u64) -> String {
    let value: String = line
        .chars()
        .skip(column.saturating_sub(1) as usize)
        .collect();
    let value = match value.find(" #") {
        Some(comment) => &value[..comment],
        None => &value,
    };
    value.trim().to_string()
}

/// The line of the first `key` of the mapping whose second `key` is at `line`:`column`: the
/// nearest line above with `key:` at that column, while no line between starts left of it (a
/// line starting left of it is outside the mapping). `None` when the text shows none (a flow
/// mapping, `{a: 1, a: 2}`).
fn first_key_line(text: &str, line: u64, column: u64, key: &str) -> Option<u64> {
    let column = column.checked_sub(1)? as usize;
    let lines: Vec<&str> = text.lines().collect();
    let before: String = lines
        .get(line.checked_sub(1)? as usize)?
        .chars()
        .take(column)
        .collect();
    let in_flow = ["{", ",", "{ ", ", "]
        .iter()
        .any(|lead| before.contains(&format!("{lead}{key}:")));
    if in_flow {
        return Some(line);
    }
    for number in (1..line).rev() {
        let this = lines.get(number as usize - 1)?;
        let trimmed = this.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let at: String = this.chars().skip(column).collect();
        let written = [key.to_string(), format!("\"{key}\""), format!("'{key}'")];
        if this.chars().count() > column
            && written.iter().any(|w| {
                at.strip_prefix(w.as_str())
                    .is_some_and(|after| after.trim_start().starts_with(':'))
            })
        {
            return Some(number);
        }
        let starts_at = this.chars().take_while(|c| *c == ' ').count();
        if starts_at < column {
            return None;
        }
    }
    None
}

/// Removes every ` at line N column M` from a message; the location leads the message instead.
fn strip_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(start) = rest.find(" at line ") {
        out.push_str(&rest[..start]);
        let tail = &rest[start + " at line ".len()..];
        let after_line = tail.trim_start_matches(|c: char| c.is_ascii_digit());
        match after_line.strip_prefix(" column ") {
            Some(col) if after_line.len() < tail.len() => {
                rest = col.trim_start_matches(|c: char| c.is_ascii_digit());
            }
            _ => {
                out.push_str(" at line ");
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

struct Validator<'a> {
    text: &'a str,
    origin: Location,
}

impl Validator<'_> {
    fn plan(&self, raw: RawPlan) -> Result<Plan> {
        if raw.targets.is_empty() {
            return Err(Error::plan(
                self.key_location("targets"),
                plan_problem(PlanProblem::NoTargets),
            ));
        }
        let horizon = self.horizon(&raw)?;
        self.regions(&raw.regions)?;
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut names: HashMap<String, &str> = HashMap::new();
        for raw_target in &raw.targets {
            let id = raw_target.id.as_str();
            let seen = ids.entry(id).or_insert(0);
            *seen += 1;
            if *seen > 1 {
                let first_line = self.target_location(id, 1).line;
                let problem = Problem::DuplicateId {
                    id: id.to_string(),
                    first_line,
                };
                return Err(Error::plan(
                    self.target_location(id, *seen),
                    read_problem(problem),
                ));
            }
            for name in std::iter::once(&raw_target.id)
                .chain(std::iter::once(&raw_target.name))
                .chain(&raw_target.aliases)
            {
                let key = normalize(name);
                match names.get(key.as_str()) {
                    Some(other) if *other != id => {
                        return Err(Error::plan(
                            self.target_location(id, 1),
                            plan_problem(PlanProblem::NameTaken {
                                id: id.to_string(),
                                name: name.to_string(),
                                other: other.to_string(),
                            }),
                        ))
                    }
                    _ => {
                        names.insert(key, id);
                    }
                }
            }
        }
        let targets = raw
            .targets
            .into_iter()
            .map(|t| self.target(t, horizon, &raw.regions))
            .collect::<Result<Vec<_>>>()?;
        let regions: Vec<String> = raw.regions.iter().map(|r| r.trim().to_string()).collect();
        Ok(Plan {
            title: raw.title,
            title_en: raw.title_en,
            issuer: raw.issuer,
            horizon,
            source: raw.source,
            shares: Plan::split(&targets, &regions),
            regions,
            targets,
        })
    }

    /// The plan's regions: distinct names, none of them the whole (全省, 合计).
    fn regions(&self, regions: &[String]) -> Result<()> {
        let fail = |problem: PlanProblem| {
            Err(Error::plan(
                self.key_location("regions"),
                plan_problem(problem),
            ))
        };
        for (i, region) in regions.iter().enumerate() {
            let name = region.trim().to_string();
            if Plan::is_whole(&name) {
                return fail(PlanProblem::RegionIsWhole { name });
            }
            let key = normalize(&name);
            if regions[..i].iter().any(|r| normalize(r) == key) {
                return fail(PlanProblem::DuplicateRegion { name });
            }
        }
        Ok(())
    }

    /// Each region's share of a target: regions of the plan, with a rule that has a value.
    fn shares(
        raw: &RawTarget,
        rule: &Rule,
        regions: &[String],
    ) -> std::result::Result<Vec<(usize, Rule)>, Why> {
        if raw.by_region.is_empty() {
            return Ok(Vec::new());
        }
        if regions.is_empty() {
            return Err(Why::ByRegionWithoutRegions);
        }
        let mut shares = Vec::new();
        for (name, value) in &raw.by_region {
            let key = normalize(name);
            let Some(index) = regions.iter().position(|r| normalize(r) == key) else {
                let candidates: Vec<(&str, Vec<&str>)> = regions
                    .iter()
                    .map(|r| (r.as_str(), vec![r.as_str()]))
                    .collect();
                return Err(Why::UnknownRegion {
                    name: crate::error::clipped(name),
                    closest: crate::names::closest(name, &candidates, 3)
                        .into_iter()
                        .map(str::to_string)
                        .collect(),
                });
            };
            let Some(share) = rule.with_value(value.0) else {
                return Err(Why::ByRegionNeedsValue { rule: rule.name() });
            };
            shares.push((index, share));
        }
        shares.sort_by_key(|(i, _)| *i);
        Ok(shares)
    }

    /// The plan's years: `year` (and `baseline_period`) for an annual plan, `horizon` for a
    /// plan over years.
    fn horizon(&self, raw: &RawPlan) -> Result<Horizon> {
        let fail = |key: &str, problem: HorizonProblem| {
            Err(Error::plan(
                self.key_location(key),
                plan_problem(PlanProblem::Horizon(problem)),
            ))
        };
        match (raw.year, raw.horizon, raw.baseline_period) {
            (None, None, _) => fail("title", HorizonProblem::NoYear),
            (Some(_), Some(_), _) => fail("horizon", HorizonProblem::YearAndHorizon),
            (None, Some(_), Some(_)) => {
                fail("baseline_period", HorizonProblem::BaselineWithHorizon)
            }
            (None, Some(h), None) if h.target.0 <= h.base.0 => fail(
                "horizon",
                HorizonProblem::Backwards {
                    base: h.base.0,
                    target: h.target.0,
                },
            ),
            (None, Some(h), None) if h.target.0 - h.base.0 > super::MAX_YEARS => fail(
                "horizon",
                HorizonProblem::TooLong {
                    base: h.base.0,
                    target: h.target.0,
                },
            ),
            (None, Some(h), None) => Ok(Horizon {
                base: h.base.0,
                target: h.target.0,
                named_base: true,
                annual: false,
            }),
            (Some(year), None, Some(base)) if base.0 >= year.0 => Err(Error::plan(
                self.key_location("baseline_period"),
                plan_problem(PlanProblem::BaselineNotBefore {
                    baseline: base.0,
                    year: year.0,
                }),
            )),
            (Some(year), None, base) => Ok(Horizon::annual(year.0, base.map(|b| b.0))),
        }
    }

    fn target(&self, raw: RawTarget, horizon: Horizon, regions: &[String]) -> Result<Target> {
        let baseline_period = horizon.base_year();
        let at = || self.target_location(&raw.id, 1);
        let error = |problem: Why| {
            Error::plan(
                at(),
                plan_problem(PlanProblem::Target {
                    id: raw.id.clone(),
                    problem,
                }),
            )
        };
        let fail = |problem: Why| Err(error(problem));
        if !is_valid_id(&raw.id) {
            return fail(Why::BadId);
        }
        if raw.name.trim().is_empty() {
            return fail(Why::EmptyName);
        }
        let kind = raw.rule;
        let rule = self.rule(&raw, kind, horizon).map_err(error)?;
        let by_region = match Self::shares(&raw, &rule, regions) {
            Ok(shares) => shares,
            Err(why) => return fail(why),
        };
        let unit = raw
            .unit
            .map(|u| u.trim().to_string())
            .filter(|u| !u.is_empty());
        if unit.is_some() && rule == Rule::Done {
            return fail(Why::MilestoneUnit);
        }
        if raw.unit_en.is_some() && unit.is_none() {
            return fail(Why::UnitEnWithoutUnit);
        }
        if raw
            .aliases
            .iter()
            .any(|a| crate::names::normalize(a).is_empty())
        {
            return fail(Why::EmptyAlias);
        }
        if unit.is_none() && rule != Rule::Done {
            return fail(Why::NeedsUnit { rule: kind.name() });
        }
        let out_of_range = match raw.out_of_range {
            Some(OutOfRangeKind::Error) | None => OutOfRange::Error,
            Some(OutOfRangeKind::Warn) => OutOfRange::Warn,
            Some(OutOfRangeKind::Allow) => OutOfRange::Allow,
        };
        let bounds = unit.as_deref().and_then(Bounds::of);
        if raw.out_of_range.is_some() && bounds.is_none() {
            return fail(Why::OutOfRangeUnbounded { unit: unit.clone() });
        }
        if let Some(why) = bounds
            .filter(|_| out_of_range == OutOfRange::Error)
            .and_then(|b| b.settled(&rule, unit.as_deref().unwrap_or_default()))
        {
            return fail(Why::Settled(why));
        }
        if let Some(why) = settled_by_any_growth(&rule) {
            return fail(why);
        }
        if rule.is_relative() && baseline_period.is_none() && raw.baseline.is_none() {
            return fail(Why::NoBaseline { rule: kind.name() });
        }
        // A plan over years measures every target's progress from its baseline.
        if raw.baseline.is_some() && !rule.is_relative() && !horizon.is_multi_year() {
            return fail(Why::BaselineUnused { rule: kind.name() });
        }
        if rule == Rule::Done && (raw.accrual.is_some() || raw.aggregate.is_some()) {
            return fail(Why::MilestoneAccrual);
        }
        let accrual = match raw.accrual {
            Some(AccrualKind::Cumulative) => Accrual::Cumulative,
            Some(AccrualKind::Level) => Accrual::Level,
            None if rule == Rule::Done => Accrual::Level,
            // Read as a level, a flow (a count of new things, an amount of the year) would be
            // judged by its latest quarter alone: never a default.
            None => return fail(Why::NoAccrual),
        };
        let aggregate = match raw.aggregate {
            Some(AggregateKind::Sum) => Aggregate::Sum,
            Some(AggregateKind::One) | None => Aggregate::One,
        };
        if aggregate == Aggregate::Sum && accrual != Accrual::Cumulative {
            return fail(Why::SumNeedsCumulative);
        }
        let profile = match (&raw.profile, &raw.profile_source) {
            (None, None) => None,
            (Some(_), _) if accrual != Accrual::Cumulative => {
                return fail(Why::ProfileNeedsCumulative)
            }
            (Some(shares), Some(source)) => {
                let quarters: [rust_decimal::Decimal; 4] = shares
                    .iter()
                    .map(|d| d.0)
                    .collect::<Vec<_>>()
                    .try_into()
                    .map_err(|_| {
                        error(Why::ProfileShares {
                            count: shares.len(),
                        })
                    })?;
                let sum: rust_decimal::Decimal = quarters.iter().sum();
                if quarters.iter().any(|q| q.is_sign_negative())
                    || sum != rust_decimal::Decimal::ONE_HUNDRED
                {
                    return fail(Why::ProfileSum { sum });
                }
                Some(Profile {
                    quarters,
                    source: source.clone(),
                })
            }
            (Some(_), None) => return fail(Why::ProfileWithoutSource),
            (None, Some(_)) => return fail(Why::SourceWithoutProfile),
        };
        if matches!(rule, Rule::RankWithin(_)) {
            let rank = bounds.is_some_and(|b| b.kind == super::BoundKind::Rank);
            if !rank {
                return fail(Why::RankWithinNeedsRank {
                    unit: unit.clone().unwrap_or_default(),
                });
            }
        }
        let every_year = raw.every_year.unwrap_or(false);
        if every_year && matches!(rule, Rule::CagrAtLeast { .. }) {
            return fail(Why::EveryYearCagr);
        }
        let since = raw.since.map(|y| y.0);
        // What counts over the years of a plan: each year, a sum across years, the path a year
        // before the target year is held against.
        for (given, key) in [
            (every_year, "every_year"),
            (since.is_some(), "since"),
            (raw.path.is_some(), "path"),
        ] {
            match (given, rule == Rule::Done, horizon.is_multi_year()) {
                (false, ..) => {}
                (true, true, _) => return fail(Why::MilestoneOverYears { key }),
                (true, false, false) => return fail(Why::NeedsHorizon { key }),
                (true, false, true) => {}
            }
        }
        if let Some(since) = since {
            if since <= horizon.base || since > horizon.target {
                return fail(Why::SinceOutside {
                    since,
                    base: horizon.base,
                    target: horizon.target,
                });
            }
            if accrual != Accrual::Cumulative {
                return fail(Why::SinceNeedsCumulative);
            }
            if every_year {
                return fail(Why::SinceWithEveryYear);
            }
            if rule.is_relative() {
                return fail(Why::SinceNeedsAbsolute { rule: rule.name() });
            }
        }
        let due = match raw.due.as_deref() {
            None => None,
            Some(text) => {
                let month = crate::period::parse_period(text.trim()).filter(|p| p.first == p.last);
                let Some(month) = month else {
                    return fail(Why::DueNotAMonth {
                        found: crate::error::clipped(text),
                    });
                };
                if rule != Rule::Done {
                    return fail(Why::DueNeedsMilestone);
                }
                if !horizon.checks(month.year) {
                    return fail(Why::DueOutside {
                        due: month,
                        first: horizon.base + 1,
                        last: horizon.target,
                    });
                }
                Some(month)
            }
        };
        let baseline_year = raw.baseline.as_ref().and_then(|b| b.year).map(|y| y.0);
        if let Some(year) = baseline_year.filter(|&y| y >= horizon.target) {
            return fail(Why::BaselineYearNotBefore {
                year,
                target: horizon.target,
            });
        }
        // Each year of an `every_year` target compares with the year before it, unless its
        // baseline names a year; any other, with its baseline's year or the plan's base year.
        let compares_with = match (rule.is_relative(), baseline_year) {
            (false, _) => None,
            (true, year) if every_year => year,
            (true, year) => {
                Some(year.unwrap_or(horizon.base)).filter(|&year| year != horizon.target - 1)
            }
        };
        Ok(Target {
            id: raw.id,
            name: raw.name.trim().to_string(),
            name_en: raw.name_en,
            aliases: raw.aliases,
            unit,
            unit_en: raw
                .unit_en
                .map(|u| u.trim().to_string())
                .filter(|u| !u.is_empty()),
            rule,
            wording: raw.wording,
            source: raw.source,
            quote: raw.quote,
            baseline: raw.baseline.map(|b| Baseline {
                value: b.value.0,
                source: b.source,
                year: b.year.map(|y| y.0),
            }),
            accrual,
            aggregate,
            profile,
            out_of_range,
            every_year,
            since,
            compares_with,
            aspiration: raw.aspiration.unwrap_or(false),
            owner: raw
                .owner
                .map(|o| o.trim().to_string())
                .filter(|o| !o.is_empty()),
            due,
            by_region,
            region: None,
            path: match raw.path {
                Some(PathKind::Linear) => crate::evaluate::progress::Path::Linear,
                Some(PathKind::Compound) | None => crate::evaluate::progress::Path::Compound,
            },
        })
    }

    fn rule(
        &self,
        raw: &RawTarget,
        kind: RuleKind,
        horizon: Horizon,
    ) -> std::result::Result<Rule, Why> {
        let name = kind.name();
        if kind != RuleKind::About && raw.tolerance.is_some() {
            return Err(Why::ToleranceNotAbout { rule: name });
        }
        let value = || match raw.value {
            Some(DecimalText(v)) => Ok(v),
            None => Err(Why::NeedsValue { rule: name }),
        };
        let no_value = || match raw.value {
            Some(_) => Err(Why::TakesNoValue { rule: name }),
            None => Ok(()),
        };
        if kind != RuleKind::Between && (raw.min.is_some() || raw.max.is_some()) {
            return Err(Why::MinMaxNotBetween { rule: name });
        }
        Ok(match kind {
            RuleKind::AtLeast => Rule::AtLeast(value()?),
            RuleKind::MoreThan => Rule::MoreThan(value()?),
            RuleKind::AtMost => Rule::AtMost(value()?),
            RuleKind::LessThan => Rule::LessThan(value()?),
            RuleKind::GrowthAtLeast => Rule::GrowthAtLeast(value()?),
            RuleKind::RatioAtLeast => {
                let k = value()?;
                if k <= rust_decimal::Decimal::ZERO {
                    return Err(Why::FactorNotPositive {
                        rule: name,
                        factor: k,
                    });
                }
                Rule::RatioAtLeast(k)
            }
            RuleKind::Between => {
                no_value().map_err(|_| Why::BetweenTakesNoValue)?;
                match (raw.min, raw.max) {
                    (Some(DecimalText(min)), Some(DecimalText(max))) if min <= max => {
                        Rule::Between { min, max }
                    }
                    (Some(DecimalText(min)), Some(DecimalText(max))) => {
                        return Err(Why::MinAboveMax { min, max })
                    }
                    _ => return Err(Why::BetweenNeedsBoth),
                }
            }
            RuleKind::RankWithin => Rule::RankWithin(value()?),
            RuleKind::PointsIncrease => Rule::PointsIncrease(value()?),
            RuleKind::CagrAtLeast => {
                let from = raw
                    .baseline
                    .as_ref()
                    .and_then(|b| b.year)
                    .map_or(horizon.base, |y| y.0);
                let years = u32::try_from(horizon.target - from)
                    .ok()
                    .filter(|&y| y > 0)
                    .ok_or(Why::BaselineYearNotBefore {
                        year: from,
                        target: horizon.target,
                    })?;
                Rule::CagrAtLeast {
                    percent: value()?,
                    years,
                }
            }
            RuleKind::About => {
                let value = value()?;
                let text = raw.tolerance.as_deref().ok_or(Why::NeedsTolerance)?;
                Rule::About {
                    value,
                    tolerance: tolerance(text)?,
                }
            }
            RuleKind::Increase => no_value().map(|_| Rule::Increase)?,
            RuleKind::Decrease => no_value().map(|_| Rule::Decrease)?,
            RuleKind::Done => no_value().map(|_| Rule::Done)?,
        })
    }

    /// The line of the `nth` (1-based) target whose `id:` is `id`, found in the text, since serde
    /// keeps no positions once a value is read.
    fn target_location(&self, id: &str, nth: usize) -> Location {
        self.line_where(|line| key_value(line, "id") == Some(id), nth)
    }

    /// The line of the first `key:`.
    fn key_location(&self, key: &str) -> Location {
        self.line_where(|line| key_value(line, key).is_some(), 1)
    }

    /// The `nth` (1-based) line matching `pred`, or the whole file when there is none.
    fn line_where(&self, pred: impl Fn(&str) -> bool, nth: usize) -> Location {
        self.text
            .lines()
            .enumerate()
            .filter(|(_, line)| pred(line))
            .nth(nth.saturating_sub(1))
            .map_or_else(
                || self.origin.clone(),
                |(i, _)| self.origin.with_line(i as u64 + 1),
            )
    }
}

/// An `about` target's tolerance: `"5%"` (a share of the value) or `"50"` (an amount), 0 or more.
fn tolerance(text: &str) -> std::result::Result<Tolerance, Why> {
    let bad = || Why::BadTolerance {
        text: text.to_string(),
    };
    let trimmed = text.trim();
    let (number, percent) = match trimmed.strip_suffix(['%', '％']) {
        Some(number) => (number, true),
        None => (trimmed, false),
    };
    let value = crate::number::parse_decimal(number).map_err(|_| bad())?;
    if value.is_sign_negative() {
        return Err(bad());
    }
    Ok(match percent {
        true => Tolerance::Percent(value),
        false => Tolerance::Amount(value),
    })
}

/// Why no figure could fail `rule`, when that is so: growth of -100% or less is met by any
/// figure of 0 or more.
fn settled_by_any_growth(rule: &Rule) -> Option<Why> {
    match rule {
        &Rule::GrowthAtLeast(x) | &Rule::CagrAtLeast { percent: x, .. }
            if x <= rust_decimal::Decimal::from(-100) =>
        {
            Some(Why::AnyGrowth { growth: x })
        }
        _ => None,
    }
}

/// The value of `key: value` on a YAML line (also `- key: value`), unquoted.
fn key_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = line.trim_start().trim_start_matches("- ").trim_start();
    let value = rest.strip_prefix(key)?.trim_start().strip_prefix(':')?;
    let value = value.split(" #").next().unwrap_or("").trim();
    Some(value.trim_matches(|c| c == '"' || c == '\''))
}

fn is_valid_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::{load_embedded, load_plan, strip_positions, EMBEDDED_PLAN, EMBEDDED_PLAN_NAME};

    #[test]
    fn the_embedded_json_loads_the_same_plan_as_the_yaml() {
        let from_json = load_embedded().unwrap();
        let from_yaml = load_plan(EMBEDDED_PLAN, EMBEDDED_PLAN_NAME).unwrap();
        assert_eq!(format!("{from_json:?}"), format!("{from_yaml:?}"));
    }

    #[test]
    fn positions_are_stripped_from_yaml_messages() {
        assert_eq!(
            strip_positions("found unexpected end of stream at line 3 column 1, while scanning a quoted scalar at line 1 column 8"),
            "found unexpected end of stream, while scanning a quoted scalar"
        );
        assert_eq!(strip_positions("at line x"), "at line x");
    }
}
