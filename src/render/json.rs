//! `--format json`: one object with the plan, the period, the summary and one result per target.
//! Numbers are JSON numbers written exactly as the decimals hold them (2.20 stays 2.20).

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::{Lang, Render};
use crate::evaluate::{Actual, BaselineFrom, Evaluation, TargetResult};
use crate::plan::{Plan, Rule};

/// The version of the JSON format; it changes only when a field changes meaning or goes away.
pub const JSON_VERSION: u32 = 1;

/// Renders a check as pretty-printed JSON. Keys, ids and status keys never change with the
/// language; `target_text` and `note` are in it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json {
    /// The language of `target_text` and `note`.
    pub lang: Lang,
}

impl Render for Json {
    fn render(&self, evaluation: &Evaluation, out: &mut dyn Write) -> io::Result<()> {
        let plan = evaluation.plan;
        let document = json!({
            "version": JSON_VERSION,
            "plan": plan_json(plan),
            "period": evaluation.period,
            "final": evaluation.is_final,
            "baseline_period": plan.horizon.base_year(),
            "summary": evaluation.summary(),
            "results": evaluation.results.iter().map(|r| result(r, self.lang)).collect::<Vec<_>>(),
            "regional_summary": evaluation.regional_summary(),
            "by_region": evaluation.regional.iter().map(|r| result(r, self.lang)).collect::<Vec<_>>(),
            "warnings": evaluation
                .warnings
                .iter()
                .map(|w| self.lang.warning_text(w))
                .collect::<Vec<_>>(),
        });
        write_json(&document, out)
    }
}

/// Pretty-printed JSON and a final newline.
pub(super) fn write_json(document: &Value, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, document)?;
    writeln!(out)
}

/// `{title, year, horizon: {base, target}, source}`: `year` is the target year.
pub(super) fn plan_json(plan: &Plan) -> Value {
    let horizon = plan.horizon;
    json!({
        "title": plan.title,
        "year": horizon.target,
        "horizon": { "base": horizon.base, "target": horizon.target },
        "regions": plan.regions,
        "source": plan.source,
    })
}

/// A decimal as an exact JSON number.
pub fn number(value: Decimal) -> Value {
    // With serde_json's `arbitrary_precision`, a number keeps the digits it is parsed from.
    value
        .to_string()
        .parse::<serde_json::Number>()
        .map_or(Value::Null, Value::Number)
}

/// An optional decimal as a JSON number or null.
pub(super) fn maybe(value: Option<Decimal>) -> Value {
    value.map_or(Value::Null, number)
}

/// The rule's value as JSON: a number, `{min, max}` for `between`, or null.
pub fn rule_value(rule: &Rule) -> Value {
    match rule {
        Rule::Between { min, max } => json!({ "min": number(*min), "max": number(*max) }),
        other => maybe(other.value()),
    }
}

/// The actual figure: a number, a milestone's state key, or null.
pub(super) fn actual(result: &TargetResult) -> Value {
    match result.actual {
        Some(Actual::Number(v)) => number(v),
        Some(Actual::Progress(p)) => Value::from(p.key()),
        None => Value::Null,
    }
}

/// One result as JSON; also the fields of a CSV row.
pub(super) fn result(result: &TargetResult, lang: Lang) -> Value {
    let target = result.target;
    let baseline_source = result.baseline.as_ref().map(|b| match &b.from {
        BaselineFrom::Data(at) => at.to_string(),
        BaselineFrom::Plan(source) => source.clone(),
    });
    json!({
        "id": target.id,
        "name": target.name,
        "name_en": target.name_en,
        "unit": target.unit,
        "rule": target.rule.name(),
        "target": rule_value(&target.rule),
        "target_text": lang.target(target),
        "qualitative": target.rule.is_qualitative(),
        "aspiration": target.aspiration,
        "every_year": target.every_year,
        "region": target.region.as_ref().map(|(_, name)| name),
        "owner": target.owner,
        "due": target.due,
        "period": result.period,
        "counted_from": result.counted_from,
        "actual": actual(result),
        "expected": maybe(result.expected),
        "share_percent": maybe(result.share),
        "baseline": maybe(result.baseline.as_ref().map(|b| b.value)),
        "baseline_period": result.baseline.as_ref().and_then(|b| b.period),
        "baseline_source": baseline_source,
        "threshold": maybe(result.threshold),
        "gap": maybe(result.gap),
        "growth_percent": maybe(result.growth),
        "reported_growth_percent": maybe(result.reported_growth),
        "basis": result.basis,
        "progress": result.progress.map(|p| json!({
            "class": p.class.key(),
            "ratio": maybe(p.ratio),
        })),
        "status": result.status,
        "source": target.source,
        "note": (!result.notes.is_empty()).then(|| lang.notes(&result.notes)),
    })
}
