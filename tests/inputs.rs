//! Files as analysts keep them: GB18030 CSV with title rows, UTF-8 with BOM, Excel's Unicode
//! Text, tab-separated text on standard input, workbooks, wide tables, 万元 for 亿元 targets,
//! growth rates as releases report them.

mod common;

use common::{assert_error, json, plan, plan_with_stdin, result};

fn check_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = plan(&all);
    assert_eq!(run.stderr, "", "no error");
    assert!(run.code == 0 || run.code == 1, "exit {}", run.code);
    json(&run)
}

#[track_caller]
fn assert_target(json: &serde_json::Value, id: &str, actual: &str, status: &str) {
    let r = result(json, id);
    assert_eq!(r["actual"].to_string(), actual, "{id} actual");
    assert_eq!(r["status"], status, "{id} status");
}

#[test]
fn gb18030_csv_with_a_title_row_and_a_unit_line() {
    let json = check_json(&["inputs/gbk-title.csv"]);
    assert_target(&json, "tech_contract_turnover", "1758.72", "met");
    assert_target(&json, "hitech_industry_va", "1138.4", "met");
    assert_target(&json, "rd_intensity", "2.42", "met");
    assert_target(&json, "hitech_firms", "6198", "met");
    assert_eq!(json["summary"]["met"], 4);
}

#[test]
fn gb18030_table_shows_chinese_not_mojibake() {
    let run = plan(&["check", "inputs/gbk-title.csv", "--lang", "zh"]);
    assert!(run.stdout.contains("| 技术合同成交额 "), "{}", run.stdout);
    assert!(run.stdout.contains("1758.72 亿元"), "{}", run.stdout);
}

#[test]
fn forcing_the_wrong_encoding_is_caught() {
    let run = plan(&["check", "inputs/gbk-title.csv", "--encoding", "utf-8"]);
    assert_error(
        &run,
        "inputs/gbk-title.csv:1:1: invalid UTF-8; expected text in the encoding given with --encoding",
    );
    let json = check_json(&["inputs/gbk-title.csv", "--encoding", "gbk"]);
    assert_eq!(json["summary"]["met"], 4);
}

#[test]
fn utf8_with_bom() {
    assert_target(
        &check_json(&["inputs/utf8-bom.csv"]),
        "rd_intensity",
        "2.20",
        "met",
    );
}

#[test]
fn excel_unicode_text_is_utf16_and_tab_separated() {
    assert_target(
        &check_json(&["inputs/unicode-text.txt"]),
        "tech_contract_turnover",
        "1758.72",
        "met",
    );
}

#[test]
fn tab_separated_text_on_standard_input() {
    let run = plan_with_stdin(
        &["check", "-", "--format", "json"],
        "指标\t年份\t数值\n技术合同成交额\t2020\t1,758.72\n高新技术企业数量\t2020\t6,198\n",
    );
    let json = json(&run);
    assert_target(&json, "tech_contract_turnover", "1758.72", "met");
    assert_eq!(result(&json, "hitech_firms")["actual"].to_string(), "6198");
}

#[test]
fn wide_table_with_years_as_columns() {
    let json = check_json(&["inputs/wide.csv"]);
    assert_target(&json, "tech_contract_turnover", "1758.72", "met");
    assert_target(&json, "hitech_firms", "6198", "met");
    assert_eq!(
        result(&json, "hitech_firms")["baseline"].to_string(),
        "4368"
    );
    assert_target(&json, "award_rules_revised", "\"done\"", "met");
    let sme = result(&json, "sme_platform_contracts");
    assert_eq!(sme["status"], "missing", "— is no figure, not zero");
}

#[test]
fn layout_can_be_forced() {
    let run = plan(&["check", "inputs/wide.csv", "--layout", "long"]);
    assert_error(
        &run,
        "inputs/wide.csv:1: no value column in header `指标,单位,2019年,2020年`; expected a column \
         named `value` or `actual` or `数值` or `实际值` or `值` or `完成值` or `实际完成` or `本期` or `本期数` or `本期完成` or `完成数` or `本年累计` or `累计完成`, or period \
         columns such as `2019年,2020年`",
    );
    let run = plan(&["check", "inputs/utf8-bom.csv", "--layout", "wide"]);
    assert_error(
        &run,
        "inputs/utf8-bom.csv:1: no period columns in header `指标,时期,实际值`; expected a wide table \
         with a column per year, such as `2019年,2020年`",
    );
}

#[test]
fn wanyuan_against_a_yiyuan_target_converts_exactly() {
    let json = check_json(&["inputs/wanyuan.csv"]);
    let turnover = result(&json, "tech_contract_turnover");
    assert_eq!(
        turnover["actual"].to_string(),
        "1200",
        "12,000,000 万元 is 1200 亿元"
    );
    assert_eq!(
        turnover["status"], "unmet",
        "exactly 1200 does not exceed 1200"
    );
    assert_eq!(turnover["note"], "converted from 万元");
    let va = result(&json, "hitech_industry_va");
    assert_eq!(va["baseline"].to_string(), "1025.6");
    assert_eq!(va["status"], "met");
    let table = plan(&["check", "inputs/wanyuan.csv", "--lang", "zh"]).stdout;
    assert!(
        table.contains("| 1200 亿元 "),
        "the table shows actuals in the plan's unit: {table}"
    );
}

#[test]
fn reported_growth_rates_stand_in_for_a_baseline() {
    let json = check_json(&["inputs/growth.csv"]);
    let va = result(&json, "hitech_industry_va");
    assert_eq!(
        (va["status"].as_str(), va["basis"].as_str()),
        (Some("met"), Some("reported_growth"))
    );
    assert_eq!(
        va["actual"],
        serde_json::Value::Null,
        "a growth rate without the level"
    );
    let firms = result(&json, "hitech_firms");
    assert_eq!(firms["status"], "met", "41.8% >= 20%");
    assert_eq!(firms["gap"].to_string(), "21.8");
    assert_eq!(firms["note"], "checked by the reported growth rate 41.8%");
    assert_eq!(
        result(&json, "emerging_industry_va")["status"],
        "unmet",
        "-2% is no increase"
    );
    assert_eq!(
        result(&json, "sme_platform_contracts")["status"],
        "met",
        "+127.6% doubles"
    );
    let labs = result(&json, "provincial_key_labs_new");
    assert_eq!(labs["status"], "missing");
    assert_eq!(
        labs["note"],
        "only a growth rate was reported; this target needs the figure itself"
    );
    let table = plan(&["check", "inputs/growth.csv", "--wide"]).stdout;
    assert!(
        table.contains("checked by the reported growth rate 16.1%"),
        "{table}"
    );
}

#[test]
fn a_growth_rate_that_disagrees_with_the_figures_is_a_warning_showing_both() {
    let json = check_json(&["inputs/growth-disagree.csv"]);
    assert_eq!(result(&json, "hitech_firms")["basis"], "baseline");
    assert_eq!(
        json["warnings"][0],
        "inputs/growth-disagree.csv:3:3: reported growth 40% for `高新技术企业数量` disagrees with \
         4368 -> 6198 (41.90%); the check used the figures"
    );
}

#[test]
fn a_fraction_for_a_percentage_is_not_rescaled_but_warned_about() {
    let json = check_json(&["inputs/fraction.csv"]);
    assert_target(&json, "rd_intensity", "0.0242", "unmet");
    assert_eq!(
        json["warnings"][0],
        "inputs/fraction.csv:2:3: 0.0242 for `全社会R&D经费投入强度` (target 2.20%) looks like a \
         fraction; if it means 2.42%, write 2.42 or 2.42%"
    );
}

#[test]
fn xlsx_with_percent_cells_text_numbers_and_float_noise() {
    let json = check_json(&["inputs/workbook.xlsx"]);
    assert_target(&json, "rd_intensity", "2.42", "met");
    assert_target(&json, "tech_contract_turnover", "1758.72", "met");
    assert_target(&json, "hitech_firms", "6198", "met");
    assert_target(&json, "provincial_key_labs_new", "30", "met");
    assert_target(&json, "award_rules_revised", "\"done\"", "met");
}

#[test]
fn xlsx_sheet_by_name() {
    let json = check_json(&["inputs/workbook.xlsx", "--sheet", "2019年"]);
    let turnover = result(&json, "tech_contract_turnover");
    assert_eq!(
        turnover["status"], "missing",
        "the 2019 sheet has only a 2019 figure"
    );
    assert_eq!(json["summary"]["missing"], json["summary"]["total"]);
    let run = plan(&["check", "inputs/workbook.xlsx", "--sheet", "2021年"]);
    assert_error(
        &run,
        "inputs/workbook.xlsx: no sheet named `2021年`; the workbook has `2020年`, `2019年`",
    );
}

#[test]
fn sheet_for_a_text_file_is_an_error() {
    let run = plan(&["check", "inputs/wide.csv", "--sheet", "2020年"]);
    assert_error(
        &run,
        "inputs/wide.csv: --sheet names a worksheet, but this file is text, not a workbook",
    );
}

#[test]
fn a_date_is_not_mistaken_for_a_number() {
    let run = plan(&["check", "inputs/date-value.xlsx"]);
    assert_error(
        &run,
        "inputs/date-value.xlsx:Sheet!C2: value `2020-09-30` is a date; expected a number",
    );
}

#[test]
fn xls_workbook() {
    let json = check_json(&["inputs/workbook.xls"]);
    assert_target(&json, "tech_contract_turnover", "1758.72", "met");
    assert_target(&json, "rd_intensity", "2.42", "met");
}

#[test]
fn ods_workbook_in_the_wide_layout() {
    let json = check_json(&["inputs/workbook.ods"]);
    assert_target(&json, "tech_contract_turnover", "1758.72", "met");
    assert_target(&json, "hitech_firms", "6198", "met");
}

#[test]
fn ignore_unknown_skips_and_says_how_many() {
    let input =
        "指标,年份,数值\n技术合同成交额,2020,1300\n地区生产总值,2020,26181.86\n人口,2020,3955\n";
    let run = plan_with_stdin(
        &["check", "-", "--format", "json", "--ignore-unknown"],
        input,
    );
    let json = json(&run);
    assert_target(&json, "tech_contract_turnover", "1300", "met");
    assert_eq!(
        json["warnings"][0],
        "skipped 2 rows whose indicator is not in the plan (--ignore-unknown): `地区生产总值` \
         (1 row, at <stdin>:3:1), `人口` (1 row, at <stdin>:4:1)"
    );
    let run = plan_with_stdin(&["check", "-"], input);
    assert_eq!(
        run.code, 2,
        "without --ignore-unknown an unknown name is an error"
    );
}

/// Every skipped name is named with its row count and first place, whatever the order of the
/// rows, across files, in one pass or in halves; after 50 names the rest are counted.
#[test]
fn ignore_unknown_names_every_name_with_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = String::from("indicator,value\n");
    for k in 0..60 {
        // Names 0..60, name k on k % 3 + 1 rows, interleaved.
        for _ in 0..(k % 3 + 1) {
            first.push_str(&format!("外部{k},1\n"));
        }
    }
    std::fs::write(dir.path().join("a.csv"), &first).unwrap();
    std::fs::write(
        dir.path().join("b.csv"),
        "indicator,value\n外部0,1\n新名,2\n",
    )
    .unwrap();
    for halves in [false, true] {
        let mut cmd = common::command(&[
            "check",
            "a.csv",
            "b.csv",
            "--ignore-unknown",
            "--allow-missing",
            "--format",
            "json",
        ]);
        cmd.current_dir(dir.path());
        if halves {
            cmd.env("PLAN_PARALLEL_MIN", "1");
        }
        let out = cmd.output().unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let warning = json["warnings"][0].as_str().unwrap();
        let rows: u64 = (0..60).map(|k| k % 3 + 1).sum::<u64>() + 2;
        assert!(
            warning.starts_with(&format!(
                "skipped {rows} rows whose indicator is not in the plan (--ignore-unknown): \
                 `外部0` (2 rows, the first at a.csv:2:1), `外部1` (2 rows, the first at a.csv:3:1), \
                 `外部2` (3 rows, the first at a.csv:5:1), `外部3` (1 row, at a.csv:8:1)"
            )),
            "halves {halves}: {warning}"
        );
        assert!(warning.contains("`外部49` (2 rows"), "{warning}");
        assert!(!warning.contains("`外部50`"), "{warning}");
        assert!(warning.ends_with(", and 11 more names"), "{warning}");
    }
}

#[test]
fn ignore_unknown_counts_rows_not_figures_in_a_wide_table() {
    let input = "指标,2018年,2019年,2020年\n技术合同成交额,1000,1467.83,1758.72\n\
                 地区生产总值,24438.32,25793.17,26181.86\n人口,3864,3876,3955\n";
    let run = plan_with_stdin(
        &["check", "-", "--format", "json", "--ignore-unknown"],
        input,
    );
    let json = json(&run);
    let warnings: Vec<&str> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w.as_str())
        .collect();
    assert!(
        warnings.contains(
            &"skipped 2 rows whose indicator is not in the plan (--ignore-unknown): \
              `地区生产总值` (1 row, at <stdin>:3:1), `人口` (1 row, at <stdin>:4:1)"
        ),
        "{warnings:?}"
    );
    assert!(
        warnings.contains(
            &"<stdin>:2: period 2018 is neither the plan year 2020 nor the baseline \
                            year 2019; row ignored"
        ),
        "one row with a figure for another year: {warnings:?}"
    );
}

#[test]
fn numbers_as_people_write_them_and_no_figure_marks() {
    let input = "指标,年份,数值\n技术合同成交额,2020, １，２００.５ \n新建省重点实验室,2020,32个\n新建省级高新区,2020,无\n新设科技成果转化引导基金子基金,2020,/\n";
    let json = json(&plan_with_stdin(&["check", "-", "--format", "json"], input));
    assert_target(&json, "tech_contract_turnover", "1200.5", "met");
    assert_target(&json, "provincial_key_labs_new", "32", "met");
    assert_eq!(
        result(&json, "provincial_hitech_zones_new")["status"],
        "missing"
    );
    assert_eq!(result(&json, "sub_funds_new")["status"], "missing");
}

#[test]
fn a_bad_number_names_row_and_column() {
    let run = plan_with_stdin(
        &["check", "-"],
        "指标,年份,数值\n技术合同成交额,2020,12,00\n",
    );
    assert_error(
        &run,
        "<stdin>:2:4: row has 4 fields, the header 3: field 4 (`00`) is beyond the header; \
         expected at most 3 fields (quote a field that holds the delimiter)",
    );
    let run = plan_with_stdin(
        &["check", "-"],
        "指标,年份,数值\n技术合同成交额,2020,\"12,00\"\n",
    );
    assert_error(
        &run,
        "<stdin>:2:3: value `12,00`: misplaced thousands separator; expected a number such as 1,467.83",
    );
    let run = plan_with_stdin(
        &["check", "-"],
        "指标,年份,数值\n技术合同成交额,2020,约1200\n",
    );
    assert_error(
        &run,
        "<stdin>:2:3: value `约1200`: expected a decimal number such as 2.20",
    );
}

#[test]
fn names_match_whatever_quotes_are_used() {
    for name in [
        "新建“四主体一联合”研发平台",
        "新建\"四主体一联合\"研发平台",
        "新建「四主体一联合」研发平台",
        "新建四主体一联合研发平台",
    ] {
        let input = format!(
            "指标,年份,数值\n\"{}\",2020,21\n",
            name.replace('"', "\"\"")
        );
        let json = json(&plan_with_stdin(
            &["check", "-", "--format", "json"],
            &input,
        ));
        assert_target(&json, "four_one_platforms_new", "21", "met");
    }
}

#[test]
fn the_first_visible_sheet_is_read_not_a_hidden_one() {
    assert_target(
        &check_json(&["inputs/hidden-first-sheet.xlsx"]),
        "tech_contract_turnover",
        "1758.72",
        "met",
    );
}

#[test]
fn a_stray_value_in_the_last_cell_and_an_ampersand_in_the_sheet_name() {
    // The sheet reaches XFD1048576: read cell by cell, not as a 17-billion-cell rectangle.
    assert_target(
        &check_json(&["inputs/far-cell.xlsx"]),
        "rd_intensity",
        "2.42",
        "met",
    );
}

#[test]
fn ods_percentage_cells_read_as_percentages() {
    let json = check_json(&["inputs/workbook.ods"]);
    assert_target(&json, "rd_intensity", "2.42", "met");
}

#[test]
fn a_damaged_workbook_is_an_error_not_a_crash() {
    let run = plan(&["check", "inputs/damaged.xlsx"]);
    assert_error(
        &run,
        "inputs/damaged.xlsx: cannot read the workbook: Cannot detect file format; expected an \
         .xlsx, .xls or .ods file",
    );
}

#[test]
fn unit_lines_as_tables_write_them() {
    let input = "2020年科技指标\n金额单位：万元\n指标,数值\n技术合同成交额,17587200\n";
    let json = json(&plan_with_stdin(&["check", "-", "--format", "json"], input));
    assert_target(&json, "tech_contract_turnover", "1758.72", "met");
    let run = plan_with_stdin(
        &["check", "-"],
        "单位 亿元\n指标,数值\n技术合同成交额,1758.72\n",
    );
    assert_error(
        &run,
        "<stdin>:1: a unit line `单位 亿元` that cannot be read; expected one such as 单位：亿元",
    );
}

#[test]
fn gbk_whose_bytes_happen_to_look_like_utf8_pairs() {
    let (gbk, _, _) = encoding_rs::GB18030.encode("indicator,period,value\n省一般青年项目支持数量,2019,600\n省一般青年项目支持数量,2020,750\n");
    let path = common::temp_file("gbk.csv", &gbk);
    let json = check_json(&[path.to_str().unwrap()]);
    assert_target(&json, "youth_projects", "750", "met");
}

#[test]
fn utf16_without_a_byte_order_mark() {
    let text: Vec<u8> = "指标\t年份\t数值\n技术合同成交额\t2020\t1758.72\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let path = common::temp_file("utf16.txt", text);
    assert_target(
        &check_json(&[path.to_str().unwrap()]),
        "tech_contract_turnover",
        "1758.72",
        "met",
    );
}

#[test]
fn a_year_named_twice_in_a_wide_header() {
    let run = plan_with_stdin(
        &["check", "-"],
        "指标,2020年,2020\n技术合同成交额,1758.72,\n",
    );
    assert_error(
        &run,
        "<stdin>:1:3: header `2020` names the same period (2020) as column 2; expected each period once",
    );
}

#[test]
fn spaces_group_thousands_or_are_an_error() {
    let input = "指标,数值\n技术合同成交额,1 758.72\n";
    assert_target(
        &json(&plan_with_stdin(&["check", "-", "--format", "json"], input)),
        "tech_contract_turnover",
        "1758.72",
        "met",
    );
    let run = plan_with_stdin(&["check", "-"], "指标,数值\n技术合同成交额,17 58.72\n");
    assert_error(
        &run,
        "<stdin>:2:2: value `17 58.72`: misplaced thousands separator; expected a number such as 1,467.83",
    );
}

#[test]
fn growth_columns_by_other_names() {
    for header in [
        "同比增长率",
        "较上年增长",
        "增长速度",
        "同比(%)",
        "增速（%）",
    ] {
        let input = format!("指标,年份,数值,{header}\n高技术产业增加值,2020,,16.1\n");
        let json = json(&plan_with_stdin(
            &["check", "-", "--format", "json"],
            &input,
        ));
        assert_eq!(
            result(&json, "hitech_industry_va")["basis"],
            "reported_growth",
            "{header}"
        );
    }
}

#[test]
fn a_fraction_against_a_percentage_baseline_is_warned_about() {
    let input = "指标,年份,数值\n企业R&D经费投入占比,2019,51.53\n企业R&D经费投入占比,2020,0.538\n";
    let json = json(&plan_with_stdin(&["check", "-", "--format", "json"], input));
    assert_eq!(
        json["warnings"][0],
        "<stdin>:3:3: 0.538 for `企业R&D经费投入占比` (baseline 51.53%) looks like a fraction; if it \
         means 53.8%, write 53.8 or 53.8%"
    );
}

#[test]
fn spaced_and_small_form_dashes_mean_no_figure() {
    for mark in ["- -", "— —", "—　—", "﹣"] {
        let input = format!("指标,年份,数值,单位\n新建省级高新区,2020,{mark},{mark}\n");
        let run = plan_with_stdin(&["check", "-", "--format", "json"], &input);
        assert_eq!(run.stderr, "", "{mark}");
        assert_eq!(
            result(&json(&run), "provincial_hitech_zones_new")["status"],
            "missing",
            "{mark}"
        );
    }
}

/// Runs `plan check --format json` on a file holding `bytes`.
fn check_bytes(name: &str, bytes: &[u8]) -> serde_json::Value {
    let path = common::temp_file(name, bytes);
    check_json(&[path.to_str().unwrap()])
}

#[test]
fn a_last_line_without_a_line_break_is_read_whole() {
    for (text, seen) in [
        ("indicator,value\ntech_contract_turnover,1300", "1300"),
        (
            "indicator,value,note\ntech_contract_turnover,1300,9",
            "1300",
        ),
        (
            "indicator,value\r\ntech_contract_turnover,\"1,300\"",
            "1300",
        ),
        ("指标\t数值\r技术合同成交额\t1300", "1300"),
    ] {
        let json = check_bytes("no-final-break.csv", text.as_bytes());
        assert_target(&json, "tech_contract_turnover", seen, "met");
    }
}

#[test]
fn tab_separated_text_whose_title_holds_a_comma() {
    let text = "2020年科技指标完成情况（单位, 口径见备注）\n指标\t单位\t数值\n技术合同成交额\t亿元\t1,758.72\n\
                全社会R&D经费投入强度\t%\t2.42\n";
    let json = check_bytes("title-comma.txt", text.as_bytes());
    assert_target(&json, "tech_contract_turnover", "1758.72", "met");
    assert_target(&json, "rd_intensity", "2.42", "met");
    // As Excel's "Unicode Text" writes it: UTF-16, the title quoted, the row padded with tabs.
    let excel = "\"2020年科技指标完成情况（单位, 口径见备注）\"\t\t\r\n指标\t单位\t数值\r\n技术合同成交额\t亿元\t1758.72\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(excel.encode_utf16().flat_map(u16::to_le_bytes));
    let json = check_bytes("unicode-text.txt", &bytes);
    assert_target(&json, "tech_contract_turnover", "1758.72", "met");
}

#[test]
fn a_line_of_spaces_is_a_blank_line() {
    let text = "indicator,period,value\n   \ntech_contract_turnover,2020,1300\n \t \n";
    let json = check_bytes("spaces.csv", text.as_bytes());
    assert_target(&json, "tech_contract_turnover", "1300", "met");
}

#[test]
fn an_old_mac_file_with_a_line_feed_inside_a_quoted_cell() {
    let text = "indicator,value,note\rtech_contract_turnover,1300,\"来源：\n省统计局\"\rrd_intensity,2.42,\r";
    let json = check_bytes("classic-mac.csv", text.as_bytes());
    assert_target(&json, "tech_contract_turnover", "1300", "met");
    assert_target(&json, "rd_intensity", "2.42", "met");
    let bad = "indicator,value,note\rtech_contract_turnover,1300,\"a\nb\"\rrd_intensity,abc\r";
    let path = common::temp_file("classic-mac-bad.csv", bad);
    let run = plan(&["check", path.to_str().unwrap()]);
    common::assert_error(
        &run,
        &format!(
            "{}:4:2: value `abc`: expected a decimal number such as 2.20",
            path.display()
        ),
    );
}

#[test]
fn excel_scientific_notation_is_read_exactly() {
    let text = "indicator,value\ntech_contract_turnover,1.7587E+03\nrd_intensity,2.42E+00\n";
    let json = check_bytes("scientific.csv", text.as_bytes());
    assert_target(&json, "tech_contract_turnover", "1758.7", "met");
    assert_target(&json, "rd_intensity", "2.42", "met");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// A target's name as sheets decorate it (a list number, 其中：, a footnote mark, the unit in
    /// brackets, in any combination) is that target, and a unit in the brackets is the figure's
    /// unit, converted exactly.
    #[test]
    fn decorated_names_are_their_targets(
        prefix in 0usize..9,
        other in 0usize..2,
        mark in 0usize..4,
        unit in 0usize..4,
    ) {
        let prefix = ["", "1.", "12、", "（3）", "(4)", "一、", "（十二）", "①", "其中："][prefix];
        let other = ["", "其中："][other];
        let mark = ["", "*", "※", "＊"][mark];
        // (unit in brackets, the figure written in it) for 1758.72 亿元.
        let (unit, value) = [("", "1758.72"), ("（亿元）", "1758.72"), ("(万元)", "17587200"), ("（亿）", "1758.72")][unit];
        let name = format!("{prefix}{other}技术合同成交额{unit}{mark}");
        let run = plan_with_stdin(
            &["check", "-", "--format", "json", "--allow-missing"],
            &format!("指标,数值\n{name},{value}\n"),
        );
        proptest::prop_assert_eq!(run.code, 0, "{}: {}", name, run.stderr);
        let json = json(&run);
        let turnover = common::result(&json, "tech_contract_turnover");
        proptest::prop_assert_eq!(turnover["actual"].as_str().map(str::to_string).unwrap_or_else(|| turnover["actual"].to_string()), "1758.72", "{}", name);
    }
}

#[test]
fn decoration_is_taken_off_only_where_it_is_certain() {
    for name in [
        "技术合同成交额（中心）",
        "1技术合同成交额",
        "A.技术合同成交额",
        "一.技术合同成交额",
        "（1a）技术合同成交额",
    ] {
        let run = plan_with_stdin(&["check", "-"], &format!("指标,数值\n{name},1\n"));
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains("unknown indicator"),
            "{name}: {}",
            run.stderr
        );
    }
    // A unit in the name and another in the unit cell: one must be wrong.
    let run = plan_with_stdin(
        &["check", "-"],
        "指标,单位,数值\n技术合同成交额（亿元）,万元,17587200\n",
    );
    common::assert_error(
        &run,
        "<stdin>:2:2: unit `万元`, but the name `技术合同成交额（亿元）` says `亿元`; expected one unit",
    );
}

#[test]
fn a_money_unit_line_is_for_money_rows_and_shorthand_units_read() {
    let input = "（金额单位：万元）\n指标,单位,数值\n技术合同成交额,,17587200\n新建“双创”孵化载体,,50\n全社会R&D经费投入强度,,2.3\n";
    let stdin_json = |input: &str| {
        let run = plan_with_stdin(
            &["check", "-", "--format", "json", "--allow-missing"],
            input,
        );
        assert_eq!(run.stderr, "", "no error");
        json(&run)
    };
    let json = stdin_json(input);
    assert_target(&json, "tech_contract_turnover", "1758.72", "met");
    assert_target(&json, "incubators_new", "50", "met");
    assert_target(&json, "rd_intensity", "2.3", "met");
    let json = stdin_json("指标,单位,数值\n技术合同成交额,亿,1758.72\n");
    assert_target(&json, "tech_contract_turnover", "1758.72", "met");
    // A unit that does not fit: the error is at the figure, naming the unit line.
    let run = plan_with_stdin(&["check", "-"], "单位：吨\n指标,数值\n技术合同成交额,5\n");
    common::assert_error(
        &run,
        "<stdin>:3:2: unit `吨` (from the unit on line 1) cannot be converted to `亿元`, the \
         plan's unit for `技术合同成交额`",
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    /// A header of two rows, whatever the titles above it, the order of its columns and the
    /// sub-headers under its group cell, reads the same figures as the one-row header.
    #[test]
    fn a_two_row_header_reads_as_one(
        titles in 0usize..3,
        order in proptest::sample::select(vec![[0usize, 1, 2], [1, 0, 2], [2, 0, 1], [0, 2, 1]]),
        sub in proptest::sample::select(vec!["本期", "本期完成", "本年累计", "完成值"]),
    ) {
        // Columns: 0 the name (merged down), 1 the unit (merged down), 2 the group of two.
        let cells = |row: [&str; 4]| -> String {
            let mut out: Vec<&str> = Vec::new();
            for &c in &order {
                match c {
                    0 => out.push(row[0]),
                    1 => out.push(row[1]),
                    _ => out.extend([row[2], row[3]]),
                }
            }
            out.join(",")
        };
        let above = cells(["指标名称", "单位", "完成情况", ""]);
        let below = cells(["", "", sub, "同比增长（%）"]);
        let mut text = String::new();
        for k in 0..titles {
            text.push_str(&format!("标题{k}\n"));
        }
        text.push_str(&format!("{above}\n{below}\n"));
        text.push_str(&cells(["技术合同成交额", "万元", "17587200", "19.8"]));
        text.push('\n');
        text.push_str(&cells(["全社会R&D经费投入强度", "%", "2.3", ""]));
        text.push('\n');
        let run = plan_with_stdin(&["check", "-", "--format", "json", "--allow-missing"], &text);
        proptest::prop_assert_eq!(&run.stderr, "", "{}", text);
        let json = json(&run);
        let actual = |id: &str| common::result(&json, id)["actual"].to_string();
        proptest::prop_assert_eq!(actual("tech_contract_turnover"), "1758.72");
        proptest::prop_assert_eq!(actual("rd_intensity"), "2.3");
    }
}

#[test]
fn a_header_without_a_value_column_over_a_data_row_stays_an_error() {
    let run = plan_with_stdin(
        &["check", "-"],
        "指标名称,单位,完成情况\n技术合同成交额,亿元,1758.72\n",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: <stdin>:1: no value column in header `指标名称,单位,完成情况`"),
        "{}",
        run.stderr
    );
}
