//! `plan template`: a file for analysts to fill in, as CSV (UTF-8 with BOM, so Excel shows the
//! Chinese text) or an .xlsx workbook, in the long or wide layout. `plan check` reads it back
//! as it is, once filled.

use rust_xlsxwriter::{Format, Workbook};

use super::Lang;
use crate::plan::{Plan, Rule, Target};

/// The header and rows of a template, as text.
fn grid(plan: &Plan, wide: bool) -> Vec<Vec<String>> {
    let years: Vec<i32> = plan
        .baseline_period
        .into_iter()
        .chain([plan.year])
        .collect();
    let hint = |t: &Target| match t.rule {
        Rule::Done => "填写 完成 / 进行中 / 未完成".to_string(),
        _ => format!("目标 {}", Lang::Zh.target(t)),
    };
    let unit = |t: &Target| t.unit.clone().unwrap_or_default();
    let mut rows = Vec::new();
    if wide {
        let mut header = vec!["id".to_string(), "指标".into(), "单位".into()];
        header.extend(years.iter().map(|y| format!("{y}年")));
        header.push("备注".into());
        rows.push(header);
        for t in &plan.targets {
            let mut row = vec![t.id.clone(), t.name.clone(), unit(t)];
            row.extend(years.iter().map(|_| String::new()));
            row.push(hint(t));
            rows.push(row);
        }
    } else {
        rows.push(
            ["id", "指标", "单位", "年份", "数值", "备注"]
                .map(String::from)
                .to_vec(),
        );
        for t in &plan.targets {
            let target_years: Vec<i32> = if t.rule == Rule::Done {
                vec![plan.year]
            } else {
                years.clone()
            };
            for year in target_years {
                rows.push(vec![
                    t.id.clone(),
                    t.name.clone(),
                    unit(t),
                    year.to_string(),
                    String::new(),
                    hint(t),
                ]);
            }
        }
    }
    rows
}

/// The template as CSV bytes, UTF-8 with a byte-order mark.
pub fn template_csv(plan: &Plan, wide: bool) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in grid(plan, wide) {
        writer
            .write_record(&row)
            .expect("writing to memory cannot fail");
    }
    writer.into_inner().expect("writing to memory cannot fail")
}

/// The template as .xlsx bytes: a header in bold, frozen; years as numbers.
pub fn template_xlsx(plan: &Plan, wide: bool) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(format!("{}年指标", plan.year))?;
    let bold = Format::new().set_bold();
    for (r, row) in grid(plan, wide).iter().enumerate() {
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
