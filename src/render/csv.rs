//! `--format csv`: one row per target with the same fields as the JSON results, UTF-8 with a
//! byte-order mark so Excel shows the Chinese text. A text cell that a spreadsheet would run as
//! a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is neutralised with
//! a leading `'`; plain numbers such as `-1.5` stay numbers.

use std::io::{self, Write};

use serde_json::Value;

use super::json::result;
use super::{Lang, Render};
use crate::evaluate::Evaluation;

/// The columns, in order: the JSON result fields.
pub const COLUMNS: [&str; 23] = [
    "id",
    "name",
    "name_en",
    "unit",
    "rule",
    "target",
    "target_text",
    "qualitative",
    "period",
    "actual",
    "expected",
    "share_percent",
    "baseline",
    "baseline_period",
    "baseline_source",
    "threshold",
    "gap",
    "growth_percent",
    "reported_growth_percent",
    "basis",
    "status",
    "source",
    "note",
];

/// Renders a check as CSV.
#[derive(Debug, Clone, Copy, Default)]
pub struct Csv {
    /// The language of `target_text` and `note`.
    pub lang: Lang,
}

impl Render for Csv {
    fn render(&self, evaluation: &Evaluation, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"\xEF\xBB\xBF")?;
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(COLUMNS)?;
        for r in &evaluation.results {
            let value = result(r, self.lang);
            let row = COLUMNS.iter().map(|key| safe(&cell(&value[*key])));
            writer.write_record(row)?;
        }
        writer.flush()
    }
}

/// A JSON value as a CSV cell: numbers exactly, objects (a `between` target) as JSON, null empty.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// A cell a spreadsheet would not run as a formula.
pub fn safe(text: &str) -> String {
    let is_number = {
        let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
        !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
            && digits.matches('.').count() <= 1
            && digits.chars().any(|c| c.is_ascii_digit())
    };
    match text.chars().next() {
        // A plus sign starts a formula in some spreadsheets and is dropped from a number (+86)
        // in others: always kept as text.
        Some('+' | '=' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠') => format!("'{text}"),
        Some('-') if !is_number => format!("'{text}"),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn formulas_are_neutralised_and_numbers_are_not() {
        assert_eq!(
            safe("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(safe("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(safe("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
        assert_eq!(safe("@SUM(A1:A2)"), "'@SUM(A1:A2)");
        assert_eq!(safe("\t=1"), "'\t=1");
        assert_eq!(safe("\r=1"), "'\r=1");
        assert_eq!(safe("-1.5"), "-1.5");
        assert_eq!(safe("+86"), "'+86");
        assert_eq!(safe("＝1+1"), "'＝1+1");
        assert_eq!(safe("技术合同成交额"), "技术合同成交额");
        assert_eq!(safe(""), "");
        assert_eq!(safe("-"), "'-");
    }
}
