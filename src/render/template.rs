//! `plan template`: a file for analysts to fill in, as CSV (UTF-8 with BOM, so Excel shows the
//! Chinese text) or an .xlsx workbook, in the long or wide layout. `plan check` reads it back
//! as it is, once filled.

use rust_xlsxwriter::{Format, Workbook};

use super::Lang;
use crate::period::Period;
use crate::plan::{Accrual, Plan, Rule, Target};

/// The periods a target's figures are asked for: the plan year and the baseline year or, given
/// a period of the plan year (2020年1-9月), that period and the baseline a check before year end
/// compares with: the same months for a flow, the whole year's closing value for a level.
fn periods_of(plan: &Plan, target: &Target, period: Option<Period>) -> Vec<Period> {
    let now = period.unwrap_or(Period::year(plan.horizon.target));
    if target.rule == Rule::Done {
        return vec![now];
    }
    let base = plan.horizon.base_year().map(|year| match target.accrual {
        Accrual::Cumulative => Period { year, ..now },
        Accrual::Level => Period::year(year),
    });
    base.into_iter().chain([now]).collect()
}

/// The header and rows of a template, as text (see [`periods_of`]).
fn grid(plan: &Plan, wide: bool, period: Option<Period>) -> Vec<Vec<String>> {
    // The wide layout's columns: every period some target asks for, in order.
    let mut periods: Vec<Period> = plan
        .targets
        .iter()
        .flat_map(|t| periods_of(plan, t, period))
        .collect();
    periods.sort();
    periods.dedup();
    // A whole year is written as a year (2020), as analysts type it; part of one by its
    // Chinese name (2020年1-9月).
    let label = |p: &Period| match p.is_full_year() {
        true => p.year.to_string(),
        false => p.zh(),
    };
    let hint = |t: &Target| match t.rule {
        Rule::Done => "填写 完成 / 进行中 / 未完成".to_string(),
        _ => format!("目标 {}", Lang::Zh.target(t)),
    };
    let unit = |t: &Target| t.unit.clone().unwrap_or_default();
    let mut rows = Vec::new();
    if wide {
        let mut header = vec!["id".to_string(), "指标".into(), "单位".into()];
        header.extend(periods.iter().map(|p| p.zh()));
        header.push("备注".into());
        rows.push(header);
        for t in &plan.targets {
            let mut row = vec![t.id.clone(), t.name.clone(), unit(t)];
            row.extend(periods.iter().map(|_| String::new()));
            row.push(hint(t));
            rows.push(row);
        }
    } else {
        let period_column = if period.is_some() { "时期" } else { "年份" };
        rows.push(
            ["id", "指标", "单位", period_column, "数值", "备注"]
                .map(String::from)
                .to_vec(),
        );
        for t in &plan.targets {
            for p in &periods_of(plan, t, period) {
                rows.push(vec![
                    t.id.clone(),
                    t.name.clone(),
                    unit(t),
                    label(p),
                    String::new(),
                    hint(t),
                ]);
            }
        }
    }
    rows
}

/// The template as CSV bytes, UTF-8 with a byte-order mark.
pub fn template_csv(plan: &Plan, wide: bool, period: Option<Period>) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in grid(plan, wide, period) {
        writer
            .write_record(&row)
            .expect("writing to memory cannot fail");
    }
    writer.into_inner().expect("writing to memory cannot fail")
}

/// The template as .xlsx bytes: a header in bold, frozen; years as numbers.
pub fn template_xlsx(
    plan: &Plan,
    wide: bool,
    period: Option<Period>,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(format!("{}年指标", plan.horizon.target))?;
    let bold = Format::new().set_bold();
    for (r, row) in grid(plan, wide, period).iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match text.parse::<f64>() {
                Ok(number) if r > 0 && text.len() == 4 => sheet.write_number(r, c, number)?,
                _ if r == 0 => sheet.write_string_with_format(r, c, text, &bold)?,
                _ if text.is_empty() => continue,
                _ => sheet.write_string(r, c, text)?,
            };
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_width(0, 30)?;
    sheet.set_column_width(1, 40)?;
    book.save_to_buffer()
}
