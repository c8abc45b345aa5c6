//! `--format json`: one object with the plan, the period, the summary and one result per target.
//! Numbers are JSON numbers written exactly as the decimals hold them (2.20 stays 2.20).

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::wording::target_text;
use super::Render;
use crate::evaluate::{BaselineFrom, Evaluation, TargetResult};
use crate::figure::FigureValue;
use crate::plan::Rule;

/// The version of the JSON format; it changes only when a field changes meaning or goes away.
pub const JSON_VERSION: u32 = 1;

/// Renders a check as pretty-printed JSON.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl Render for Json {
    fn render(&self, evaluation: &Evaluation, out: &mut dyn Write) -> io::Result<()> {
        let plan = evaluation.plan;
        let document = json!({
            "version": JSON_VERSION,
            "plan": {
                "title": plan.title,
                "year": plan.year,
                "source": plan.source,
            },
            "period": evaluation.period,
            "baseline_period": plan.baseline_period,
            "summary": evaluation.summary(),
            "results": evaluation.results.iter().map(result).collect::<Vec<_>>(),
            "warnings": evaluation.warnings,
        });
        serde_json::to_writer_pretty(&mut *out, &document)?;
        writeln!(out)
    }
}

/// A decimal as an exact JSON number.
pub(super) fn number(value: Decimal) -> Value {
    // With serde_json's `arbitrary_precision`, a number keeps the digits it is parsed from.
    value
        .to_string()
        .parse::<serde_json::Number>()
        .map_or(Value::Null, Value::Number)
}

/// The rule's value as JSON: a number, `{min, max}` for `between`, or null.
pub(super) fn rule_value(rule: &Rule) -> Value {
    match rule {
        Rule::Between { min, max } => json!({ "min": number(*min), "max": number(*max) }),
        other => other.value().map_or(Value::Null, number),
    }
}

fn result(result: &TargetResult) -> Value {
    let target = result.target;
    let actual = match result.actual.as_ref().and_then(|a| a.value) {
        Some(FigureValue::Number(v)) => number(v),
        Some(FigureValue::Progress(p)) => Value::from(p.key()),
        None => Value::Null,
    };
    let reported_growth = result
        .actual
        .as_ref()
        .and_then(|a| a.change)
        .map_or(Value::Null, number);
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
        "target_text": target_text(target),
        "qualitative": target.rule.is_qualitative(),
        "actual": actual,
        "baseline": result.baseline.as_ref().map_or(Value::Null, |b| number(b.value)),
        "baseline_source": baseline_source,
        "threshold": result.threshold.map_or(Value::Null, number),
        "gap": result.gap.map_or(Value::Null, number),
        "growth_percent": result.growth.map_or(Value::Null, number),
        "reported_growth_percent": reported_growth,
        "basis": result.basis,
        "status": result.status,
        "source": target.source,
        "note": result.note,
    })
}
