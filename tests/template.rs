//! `plan template`: the file an analyst fills in. Filled in, `plan check` reads it back with no
//! edits: a round trip for each format and layout.

mod common;

use common::{command, json, plan};

/// A figure that meets `rule` for the plan year (baseline year figures are 100; the rank,
/// where lower is better, falls from 100 to 1).
fn meeting_value(target: &serde_json::Value, year: &str) -> String {
    let baseline_year = year.starts_with("2019");
    // A share in % is from 0 to 100.
    let share = target["unit"] == "%";
    match target["rule"].as_str().unwrap() {
        "done" => "完成".into(),
        "decrease" | "increase" if share => {
            let falls = target["rule"] == "decrease";
            if baseline_year == falls { "90" } else { "50" }.into()
        }
        _ if share && baseline_year => "50".into(),
        "decrease" => if baseline_year { "100" } else { "1" }.into(),
        _ if baseline_year => "100".into(),
        "at_least" | "more_than" => {
            let v: f64 = target["value"].to_string().parse().unwrap();
            format!("{}", v as i64 + 1)
        }
        _ if share => "90".into(),
        _ => "1000".into(),
    }
}

fn targets() -> Vec<serde_json::Value> {
    json(&plan(&["list", "--format", "json"]))["targets"]
        .as_array()
        .unwrap()
        .clone()
}

fn find<'a>(targets: &'a [serde_json::Value], id: &str) -> &'a serde_json::Value {
    targets.iter().find(|t| t["id"] == id).unwrap()
}

/// Fills every empty figure cell of a template grid (header first) with a meeting value.
fn fill(grid: &mut [Vec<String>], targets: &[serde_json::Value]) {
    let header = grid[0].clone();
    let year_col = header.iter().position(|h| h == "年份" || h == "时期");
    for row in grid.iter_mut().skip(1) {
        let target = find(targets, &row[0]).clone();
        match year_col {
            Some(y) => {
                let year = row[y].clone();
                row[4] = meeting_value(&target, &year);
            }
            None => {
                for (c, name) in header
                    .iter()
                    .enumerate()
                    .filter(|(_, h)| h.starts_with("20"))
                {
                    if target["rule"] != "done" || name.starts_with("2020") {
                        row[c] = meeting_value(&target, name);
                    }
                }
            }
        }
    }
}

/// A path for a file named `name` in a new temporary folder, removed with the folder.
fn temp(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    (dir, path)
}

fn csv_round_trip(layout: &str) {
    csv_round_trip_for(layout, None)
}

/// The template (for `period`, if given) filled in with meeting values and checked (as of that
/// period): nothing missing, nothing failing.
fn csv_round_trip_for(layout: &str, period: Option<&str>) {
    let mut args = vec!["template", "--layout", layout];
    args.extend(period.iter().flat_map(|p| ["--period", p]));
    let run = plan(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with('\u{feff}'),
        "UTF-8 with BOM, for Excel"
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(run.stdout.as_bytes());
    let mut grid: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    grid[0][0] = grid[0][0].trim_start_matches('\u{feff}').to_string();
    let targets = targets();
    fill(&mut grid, &targets);
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in &grid {
        writer.write_record(row).unwrap();
    }
    let (_dir, path) = temp(&format!("filled-{layout}.csv"));
    std::fs::write(&path, writer.into_inner().unwrap()).unwrap();
    let mut args = vec!["check", path.to_str().unwrap(), "--format", "json"];
    args.extend(period.iter().flat_map(|p| ["--period", p]));
    let run = plan(&args);
    assert_eq!(run.stderr, "");
    let json = json(&run);
    match period {
        None => assert_eq!(
            json["summary"]["met"], json["summary"]["total"],
            "{:#}",
            json["results"]
        ),
        Some(_) => {
            let missing: Vec<String> = json["results"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| r["status"] == "missing")
                .map(|r| format!("{} {}", r["id"], r["notes"]))
                .collect();
            assert!(missing.is_empty(), "{layout} {period:?}: {missing:#?}");
        }
    }
    assert_eq!(run.code, 0, "{:#}", json["summary"]);
}

#[test]
fn a_quarterly_template_filled_in_checks_as_of_its_quarter() {
    for layout in ["long", "wide"] {
        for period in ["2020Q3", "2020年1-6月", "2020-03"] {
            csv_round_trip_for(layout, Some(period));
        }
    }
    let run = plan(&["template", "--period", "2020Q3"]);
    assert!(
        run.stdout
            .contains("\nrd_intensity,全社会R&D经费投入强度,%,2020年1-9月,,"),
        "the plan year's rows are for the year so far: {}",
        run.stdout
    );
    let run = plan(&["template", "--period", "2019Q3"]);
    common::assert_error(
        &run,
        "--period: 2019Q3 is not in the plan year 2020; expected a period of 2020",
    );
}

#[test]
fn long_csv_template_filled_in_checks_with_no_edits() {
    csv_round_trip("long");
}

#[test]
fn wide_csv_template_filled_in_checks_with_no_edits() {
    csv_round_trip("wide");
}

#[test]
fn template_lists_every_target_with_its_unit_and_years() {
    let run = plan(&["template"]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "\u{feff}id,指标,单位,年份,数值,备注");
    assert!(lines.contains(&"tech_contract_turnover,技术合同成交额,亿元,2019,,目标 > 1200 亿元"));
    assert!(lines.contains(&"tech_contract_turnover,技术合同成交额,亿元,2020,,目标 > 1200 亿元"));
    assert!(lines.contains(
        &"award_rules_revised,修订省科学技术奖励办法,,2020,,填写 完成 / 进行中 / 未完成"
    ));
    assert!(!lines
        .iter()
        .any(|l| l.starts_with("award_rules_revised,修订省科学技术奖励办法,,2019")));
    let wide = plan(&["template", "--layout", "wide"]);
    assert!(
        wide.stdout
            .starts_with("\u{feff}id,指标,单位,2019年,2020年,备注\n"),
        "{}",
        wide.stdout
    );
}

#[test]
fn xlsx_template_reads_back_and_filled_in_checks() {
    let (_dir, path) = temp("template.xlsx");
    let run = plan(&[
        "template",
        "--format",
        "xlsx",
        "--layout",
        "wide",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    let empty = plan(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(empty.stderr, "");
    assert_eq!(
        json(&empty)["summary"]["missing"],
        44,
        "an unfilled template: every target missing"
    );

    // What an analyst does in Excel: type the figures into the blank cells.
    use calamine::{open_workbook_auto, Data, Reader};
    let mut book = open_workbook_auto(&path).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    let mut grid: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::Float(f) => f.to_string(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    fill(&mut grid, &targets());
    let mut filled = rust_xlsxwriter::Workbook::new();
    let out = filled.add_worksheet();
    out.set_name(&sheet).unwrap();
    for (r, row) in grid.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            match text.parse::<f64>() {
                Ok(n) if r > 0 && c > 2 => out.write_number(r as u32, c as u16, n).unwrap(),
                _ => out.write_string(r as u32, c as u16, text).unwrap(),
            };
        }
    }
    let (_filled_dir, filled_path) = temp("filled.xlsx");
    filled.save(&filled_path).unwrap();
    let run = plan(&["check", filled_path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(run.stderr, "");
    assert_eq!(json(&run)["summary"]["met"], 44);
}

#[test]
fn xlsx_to_a_terminal_is_refused_but_to_a_pipe_is_written() {
    let out = command(&["template", "--format", "xlsx"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"PK"), "an xlsx (zip) on a pipe");
}
