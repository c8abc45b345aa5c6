//! Every bad actuals file gets one clear message naming the file, line and column, exit 2, and
//! no table.

mod common;

use common::{assert_error, plan};

fn check(file: &str) -> common::Run {
    plan(&["check", &format!("actuals/{file}")])
}

#[test]
fn empty_file() {
    assert_error(
        &check("empty.csv"),
        "actuals/empty.csv: empty file; expected a header row such as `indicator,period,value`",
    );
}

#[test]
fn header_without_indicator_column() {
    assert_error(
        &check("no-indicator-column.csv"),
        "actuals/no-indicator-column.csv:1: no indicator column in header `name,period,value`; \
         expected a column named `indicator` or `指标` or `指标名称` or `指标名` or `项目`",
    );
}

#[test]
fn header_without_value_column() {
    assert_error(
        &check("no-value-column.csv"),
        "actuals/no-value-column.csv:1: no value column in header `indicator,period,amount`; \
         expected a column named `value` or `actual` or `数值` or `实际值` or `值` or `完成值` or \
         `实际完成` or `本期` or `本期数` or `本期完成` or `完成数` or `本年累计` or `累计完成`, or period columns such as `2019年,2020年`",
    );
}

#[test]
fn row_with_a_filled_cell_beyond_the_header() {
    assert_error(
        &check("too-many-fields.csv"),
        "actuals/too-many-fields.csv:2:4: row has 4 fields, the header 3: field 4 (`extra`) is \
         beyond the header; expected at most 3 fields (quote a field that holds the delimiter)",
    );
}

#[test]
fn empty_cells_beyond_the_header_are_nothing() {
    let path = common::temp_file(
        "extra-empty.csv",
        "indicator,period,value
rd_intensity,2020,2.2,, \n",
    );
    let run = plan(&["check", path.to_str().unwrap(), "--format", "json"]);
    std::fs::remove_file(&path).ok();
    assert_eq!(
        common::result(&common::json(&run), "rd_intensity")["actual"],
        2.2
    );
}

#[test]
fn a_short_row_has_empty_cells_at_its_end_as_excel_drops_them() {
    let run = plan(&["check", "actuals/too-few-fields.csv", "--format", "json"]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        common::result(&common::json(&run), "rd_intensity")["actual"],
        2.2
    );
}

#[test]
fn value_that_is_a_word() {
    assert_error(
        &check("value-abc.csv"),
        "actuals/value-abc.csv:2:3: value `abc`: expected a decimal number such as 2.20",
    );
}

#[test]
fn value_with_two_points() {
    assert_error(
        &check("value-1.2.3.csv"),
        "actuals/value-1.2.3.csv:2:3: value `1.2.3`: expected a decimal number such as 2.20",
    );
}

#[test]
fn value_nan() {
    assert_error(
        &check("value-nan.csv"),
        "actuals/value-nan.csv:2:3: value `NaN`: not a finite number; expected a decimal such as 2.20",
    );
}

#[test]
fn value_inf() {
    assert_error(
        &check("value-inf.csv"),
        "actuals/value-inf.csv:2:3: value `inf`: not a finite number; expected a decimal such as 2.20",
    );
}

#[test]
fn unknown_indicator_names_the_three_closest() {
    assert_error(
        &check("unknown-indicator.csv"),
        "actuals/unknown-indicator.csv:2:1: unknown indicator `R&D强度`; closest known: \
         `全社会R&D经费投入强度` (rd_intensity), `企业R&D经费投入占比` (enterprise_rd_share), \
         `高新技术企业数量` (hitech_firms)",
    );
}

#[test]
fn two_rows_for_one_indicator_and_period() {
    assert_error(
        &check("duplicate.csv"),
        "actuals/duplicate.csv:3: second figure for `全社会R&D经费投入强度` in 2020; the first is at \
         actuals/duplicate.csv:2; expected one figure per indicator and period",
    );
}

#[test]
fn two_files_with_the_same_figure_then_a_different_one() {
    // duplicate.csv repeats part-a.csv's 2.3 (one figure), then gives 2.4 (an error).
    let run = plan(&["check", "actuals/part-a.csv", "actuals/duplicate.csv"]);
    assert_error(
        &run,
        "actuals/duplicate.csv:3: second figure for `全社会R&D经费投入强度` in 2020; the first is at \
         actuals/part-a.csv:2; expected one figure per indicator and period",
    );
}

#[test]
fn unit_that_cannot_convert_to_the_plans() {
    assert_error(
        &check("unit-mismatch.csv"),
        "actuals/unit-mismatch.csv:2:4: unit `家` cannot be converted to `亿元`, the plan's unit for \
         `技术合同成交额`",
    );
}

#[test]
fn unit_in_the_cell_that_contradicts_the_unit_column() {
    assert_error(
        &check("unit-contradiction.csv"),
        "actuals/unit-contradiction.csv:2:3: value `1758.72亿元` is in `亿元`, but \
         actuals/unit-contradiction.csv:2:4 says `万元`; expected one unit",
    );
}

#[test]
fn utf8_with_a_damaged_byte_is_an_error_not_mojibake() {
    assert_error(
        &check("invalid-utf8.csv"),
        "actuals/invalid-utf8.csv:3: not UTF-8, UTF-16 or GB18030 text (byte 0xFF); expected a CSV \
         or tab-separated file saved as UTF-8 or GBK, or name the encoding with --encoding",
    );
}

/// Checks a file of 3,000 rows of UTF-8 Chinese without figures (past the 64 KiB the encoding is
/// chosen from) followed by `last`, a row with a bad byte: the error names line 3002 and
/// `column`.
#[track_caller]
fn assert_damaged_after_the_head(name: &str, last: &[u8], column: u64) {
    let mut bytes = b"indicator,period,value,note\n".to_vec();
    for _ in 0..3000 {
        bytes.extend_from_slice("全社会R&D经费投入强度,2019,,尚未公布\n".as_bytes());
    }
    bytes.extend_from_slice(last);
    let path = common::temp_file(name, &bytes);
    assert_error(
        &plan(&["check", path.to_str().unwrap()]),
        &format!(
            "{}:3002:{column}: invalid UTF-8; the file reads as UTF-8 before this line (if it is \
             GBK, pass --encoding gbk)",
            path.display()
        ),
    );
}

#[test]
fn damaged_utf8_beyond_the_sniffed_head_names_its_line() {
    assert_damaged_after_the_head("late-damage.csv", b"\xff,2020,1,\n", 1);
}

#[test]
fn invalid_utf8_after_a_quoted_field_names_the_field_not_the_commas() {
    let mut last = "\"技术合同成交额, 登记\",2020,".as_bytes().to_vec();
    last.extend_from_slice(b"\xff,\n");
    assert_damaged_after_the_head("late-damage-quoted.csv", &last, 3);
}

#[test]
fn binary_garbage() {
    assert_error(
        &check("garbage.bin"),
        "actuals/garbage.bin:1: not UTF-8, UTF-16 or GB18030 text (byte 0x81); expected a CSV or \
         tab-separated file saved as UTF-8 or GBK, or name the encoding with --encoding",
    );
}

#[test]
fn unknown_encoding_name() {
    let run = plan(&["check", "actuals/boundary.csv", "--encoding", "klingon"]);
    assert_error(
        &run,
        "--encoding: unknown encoding `klingon`; expected utf-8, gbk, gb18030, utf-16le or utf-16be",
    );
}

#[test]
fn period_that_is_not_a_period() {
    assert_error(
        &check("bad-period.csv"),
        "actuals/bad-period.csv:2:2: period `2020年第五季度` is not a period; expected a year (2020, \
         2020年), a quarter (2020Q3, 2020年三季度), months so far (2020年1-9月, 2020年前三季度), a \
         half (2020H1) or a month (2020-09)",
    );
}

#[test]
fn milestone_word_that_is_not_a_state() {
    assert_error(
        &check("bad-milestone.csv"),
        "actuals/bad-milestone.csv:2:3: value `差不多` is not a milestone state; expected 完成, 未完成 \
         or 进行中 (done, not done, in progress)",
    );
}

#[test]
fn missing_file() {
    assert_error(
        &check("no-such-file.csv"),
        "actuals/no-such-file.csv: no such file",
    );
}

#[test]
fn directory_instead_of_a_file() {
    assert_error(
        &plan(&["check", "actuals"]),
        "actuals: is a directory; expected a file",
    );
}

#[test]
fn an_error_in_a_later_file_prints_no_partial_result() {
    let run = plan(&["check", "actuals/part-a.csv", "actuals/value-abc.csv"]);
    assert_error(
        &run,
        "actuals/value-abc.csv:2:3: value `abc`: expected a decimal number such as 2.20",
    );
}

#[test]
fn no_file_at_all_is_a_usage_error() {
    let run = plan(&["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("required"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn line_numbers_count_crlf_line_ends_and_blank_lines() {
    assert_error(
        &check("crlf-blank.csv"),
        "actuals/crlf-blank.csv:4:3: value `abc`: expected a decimal number such as 2.20",
    );
}

#[test]
fn a_quote_never_closed_does_not_swallow_the_rest_silently() {
    assert_error(
        &check("unclosed-quote.csv"),
        "actuals/unclosed-quote.csv:2: a quoted field that starts on this line is never closed; \
         expected a closing `\"`",
    );
}

#[test]
fn standard_input_named_twice() {
    let run = plan(&["check", "-", "-"]);
    assert_error(
        &run,
        "<stdin>: standard input (`-`) is named more than once; it can be read only once",
    );
}

#[test]
fn a_huge_unknown_name_gives_a_short_message() {
    let name = "未".repeat(100_000);
    let run = common::plan_with_stdin(&["check", "-"], &format!("indicator,value\n{name},1\n"));
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.len() < 600,
        "message of {} bytes",
        run.stderr.len()
    );
    assert!(
        run.stderr
            .starts_with("error: <stdin>:2:1: unknown indicator `未未"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_record_level_total_past_28_digits_is_refused_at_the_row_that_overflows() {
    // 9 × 10^27 nine times is 8.1 × 10^28, past a decimal's 7.9 × 10^28; eight times fits.
    let mut text = String::from("indicator,period,region,value,unit\n");
    for _ in 0..9 {
        text.push_str("技术合同成交额,2020,西安,9000000000000000000000000000,亿元\n");
    }
    let path = common::temp_file("overflow.csv", &text);
    let shown = path.display().to_string();
    assert_error(
        &plan(&["check", &shown]),
        &format!(
            "{shown}:10:4: the total for `技术合同成交额` has too many digits to add exactly (over 28)"
        ),
    );
    // A negative row that brings the total back first keeps it exact.
    text.insert_str(
        text.len() - text.lines().last().unwrap().len() - 1,
        "技术合同成交额,2020,西安,-9000000000000000000000000000,亿元\n",
    );
    let path = common::temp_file("overflow-back.csv", &text);
    let run = plan(&["check", &path.display().to_string(), "--format", "json"]);
    assert_eq!(run.stderr, "");
    let json = common::json(&run);
    let total = &common::result(&json, "tech_contract_turnover")["actual"];
    assert_eq!(total.to_string(), "72000000000000000000000000000");
}

#[test]
fn a_file_with_no_figures_is_a_warning_that_strict_fails_on() {
    let path = common::temp_file(
        "header-only.csv",
        "indicator,period,value\n技术合同成交额,2020,\n",
    );
    let name = path.to_str().unwrap();
    let run = plan(&["check", name, "--allow-missing", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        common::json(&run)["warnings"],
        serde_json::json!([format!(
            "{name}: no figures read from the file; expected rows with a figure in the value \
             column (or in period columns)"
        )])
    );
    let strict = plan(&["check", name, "--allow-missing", "--strict"]);
    assert_eq!(strict.code, 1);
}

#[test]
fn a_semicolon_or_a_bar_separated_file_says_what_it_saw() {
    // A semicolon is what Excel writes where the decimal mark is a comma: `2,42` there is 2.42,
    // which plan would read otherwise, so such a file is refused, not guessed at.
    for (delimiter, text) in [
        (';', "指标;数值\nrd_intensity;2,42\n"),
        ('|', "2020年\n指标|数值\nrd_intensity|2.42\n"),
    ] {
        let run = common::plan_with_stdin(&["check", "-"], text);
        let line = if delimiter == ';' { 1 } else { 2 };
        assert_error(
            &run,
            &format!(
                "<stdin>:{line}: the header is separated by `{delimiter}`; expected comma-separated \
                 CSV or tab-separated text (save the sheet as CSV, or as Unicode Text)"
            ),
        );
    }
}

#[test]
fn marks_are_not_read_as_digits() {
    for (value, why) in [
        ("1300¹", "a mark `¹` (U+00B9) after the number, such as a footnote; expected the number alone (put a footnote in a note column)"),
        ("①③⓪⓪", "`①` (U+2460) is a decorated digit, such as a list mark; expected plain digits 0-9"),
        ("1758.72*", "a mark `*` after the number; expected the number alone (put a footnote in a note column)"),
        ("0x10", "`0x10` looks like a hexadecimal number; expected a decimal number such as 2.20"),
    ] {
        let run = common::plan_with_stdin(
            &["check", "-"],
            &format!("indicator,value\ntech_contract_turnover,{value}\n"),
        );
        assert_error(&run, &format!("<stdin>:2:2: value `{value}`: {why}"));
    }
}

#[test]
fn the_same_figure_in_two_files_is_one_and_a_different_one_an_error() {
    let q3 = common::temp_file(
        "q3.csv",
        "indicator,period,value\nrd_intensity,2019,2.27\nrd_intensity,2020,2.3\n",
    );
    let annual = common::temp_file(
        "annual.csv",
        "indicator,period,value\nrd_intensity,2019,2.270\n",
    );
    let other = common::temp_file(
        "other.csv",
        "indicator,period,value\nrd_intensity,2019,2.28\n",
    );
    let (q3, annual, other) = (
        q3.to_str().unwrap(),
        annual.to_str().unwrap(),
        other.to_str().unwrap(),
    );
    let run = plan(&["check", q3, annual, "--format", "json", "--allow-missing"]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        common::result(&common::json(&run), "rd_intensity")["status"],
        "met"
    );
    assert_error(
        &plan(&["check", q3, other]),
        &format!(
            "{other}:2: second figure for `全社会R&D经费投入强度` in 2019; the first is at {q3}:2; \
             expected one figure per indicator and period"
        ),
    );
    // In one file, even the same figure twice is an error.
    let twice = common::temp_file(
        "twice.csv",
        "indicator,period,value\nrd_intensity,2019,2.27\nrd_intensity,2019,2.27\n",
    );
    let twice = twice.to_str().unwrap();
    assert_error(
        &plan(&["check", twice]),
        &format!(
            "{twice}:3: second figure for `全社会R&D经费投入强度` in 2019; the first is at {twice}:2; \
             expected one figure per indicator and period"
        ),
    );
}

#[test]
fn a_count_or_a_rank_that_cannot_be_is_an_error() {
    for (row, why) in [
        ("incubators_new,-5", "value `-5` for `新建“双创”孵化载体`: a count of 家 cannot be negative; expected a whole number, 0 or more"),
        ("incubators_new,4.5", "value `4.5` for `新建“双创”孵化载体`: a count of 家 is a whole number; expected one such as 4"),
        ("innovation_rank,0", "value `0` for `综合科技创新水平指数全国排名`: a rank is a whole number from 1 (1st) on; expected one such as 15"),
        ("innovation_rank,12.5", "value `12.5` for `综合科技创新水平指数全国排名`: a rank is a whole number from 1 (1st) on; expected one such as 15"),
    ] {
        let run = common::plan_with_stdin(&["check", "-"], &format!("indicator,value\n{row}\n"));
        let id = row.split(',').next().unwrap();
        assert_error(
            &run,
            &format!(
                "<stdin>:2:2: {why} (if the plan means such figures, give target `{id}` \
                 `out_of_range: warn` or `allow`)"
            ),
        );
    }
    // A whole count written with a point is a whole count.
    let run = common::plan_with_stdin(
        &["check", "-", "--format", "json", "--allow-missing"],
        "indicator,value\nincubators_new,50.0\n",
    );
    assert_eq!(
        common::result(&common::json(&run), "incubators_new")["status"],
        "met"
    );
}

/// Every value at and around the edges of each range, for a count, a rank and a share, read by
/// each `out_of_range`: an error, a warning or nothing exactly when the value is outside the
/// range (an oracle written apart from the code: whole and at least 0, whole and at least 1,
/// from 0 to 100).
#[test]
fn a_figure_outside_its_quantitys_range_is_read_by_the_targets_out_of_range() {
    use rust_decimal::Decimal;
    let values = [
        "-1", "-0.01", "0", "0.0", "0.5", "1", "1.00", "4.5", "15", "99.99", "100", "100.00",
        "100.01", "230",
    ];
    type Fits = fn(Decimal) -> bool;
    let quantities: [(&str, Fits); 3] = [
        ("labs", |v| v.fract().is_zero() && v >= Decimal::ZERO),
        ("rank", |v| v.fract().is_zero() && v >= Decimal::ONE),
        ("share", |v| v >= Decimal::ZERO && v <= Decimal::ONE_HUNDRED),
    ];
    for text in values {
        let value: Decimal = text.parse().unwrap();
        for (id, fits) in quantities {
            for mode in ["", "_warn", "_allow"] {
                let run = common::plan_with_stdin(
                    &[
                        "check",
                        "-",
                        "--plan",
                        "plans/out-of-range.yaml",
                        "--allow-missing",
                        "--format",
                        "json",
                    ],
                    &format!("indicator,value\n{id}{mode},{text}\n"),
                );
                let case = format!("{id}{mode} = {text}: {}", run.stderr);
                if fits(value) || mode == "_allow" {
                    assert_ne!(run.code, 2, "{case}");
                    // (A share below 1 against a 2.2% target draws its own warning: a fraction?)
                    let warnings = common::json(&run)["warnings"].to_string();
                    assert!(!warnings.contains("value `"), "{case} {warnings}");
                } else if mode.is_empty() {
                    assert_eq!(run.code, 2, "{case}");
                    assert!(
                        run.stderr
                            .starts_with(&format!("error: <stdin>:2:2: value `{text}`")),
                        "{case}"
                    );
                    assert!(
                        run.stderr.contains(&format!(
                            "give target `{id}` `out_of_range: warn` or `allow`"
                        )),
                        "{case}"
                    );
                } else {
                    assert_ne!(run.code, 2, "{case}");
                    let warnings = common::json(&run)["warnings"].to_string();
                    assert!(
                        warnings.contains(&format!("<stdin>:2:2: value `{text}`")),
                        "{case} {warnings}"
                    );
                    assert!(
                        warnings.contains("(out_of_range: warn)"),
                        "{case} {warnings}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_header_with_a_value_column_and_a_period_column_is_an_error_not_a_dropped_column() {
    let run = common::plan_with_stdin(
        &["check", "-"],
        "indicator,2020,value\nrd_intensity,2.3,2.2\n",
    );
    assert_error(
        &run,
        "<stdin>:1:2: header `indicator,2020,value` has a value column (`value`, column 3) and a \
         column named for a period (`2020`, column 2); expected one or the other: a long table \
         has a period column and a value column, a wide table a column per period",
    );
}

#[test]
fn control_and_invisible_characters_are_shown_escaped() {
    let run = common::plan_with_stdin(
        &["check", "-"],
        "indicator,value\n\u{1b}]0;title\u{7}x\u{200b}\u{202e},2.2\n",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "error: <stdin>:2:1: unknown indicator `\\u{1b}]0;title\\u{7}x\\u{200b}\\u{202e}`; it holds \
             `\\u{1b}` (an escape, which starts a terminal control sequence) at character 1 and 3 \
             more such characters, which is not seen on screen; closest known: "
        ),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains('\u{1b}'),
        "no escape reaches the terminal"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// A known name with one invisible character put anywhere in it is still unknown (never
    /// guessed), and the error shows the character escaped, names it, says where it is, and
    /// names the target meant.
    #[test]
    fn a_name_with_an_invisible_character_says_which_and_where(
        which in 0usize..9,
        at in 0usize..7,
    ) {
        let (c, said) = [
            ('\u{200b}', "zero-width space"),
            ('\u{200d}', "zero-width joiner"),
            ('\u{feff}', "byte-order mark"),
            ('\u{202e}', "a text-direction override"),
            ('\u{2066}', "a text-direction override"),
            ('\u{200f}', "a direction mark"),
            ('\u{ad}', "soft hyphen"),
            ('\u{1b}', "an escape, which starts a terminal control sequence"),
            ('\u{7}', "a control character"),
        ][which];
        let mut name: Vec<char> = "技术合同成交额".chars().collect();
        name.insert(at + 1, c);
        let name: String = name.into_iter().collect();
        let run = common::plan_with_stdin(&["check", "-"], &format!("indicator,value\n{name},2\n"));
        proptest::prop_assert_eq!(run.code, 2);
        let expected = format!(
            "error: <stdin>:2:1: unknown indicator `{}`; it holds `\\u{{{:x}}}` ({said}) at character \
             {}, which is not seen on screen; without it, it is `技术合同成交额` \
             (tech_contract_turnover); closest known: `技术合同成交额` (tech_contract_turnover)",
            name.replace(c, &format!("\\u{{{:x}}}", u32::from(c))),
            u32::from(c),
            at + 2,
        );
        proptest::prop_assert!(run.stderr.starts_with(&expected), "{}\n{}", run.stderr, expected);
    }
}

/// Runs `plan check` on `text` as a CSV file (a temporary one) with the blank-unit plan.
fn check_text(text: &str, env: &[(&str, &str)]) -> common::Run {
    let file = common::temp_file("units.csv", text);
    let mut cmd = common::command(&[
        "check",
        "--plan",
        "plans/units-blank.yaml",
        "--allow-missing",
        "--format",
        "json",
        file.to_str().unwrap(),
    ]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    common::Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr)
            .unwrap()
            .replace(file.to_str().unwrap(), "units.csv"),
    }
}

#[test]
fn a_blank_unit_among_rows_with_units_is_an_error_not_the_plans_unit() {
    let text = "指标,期间,单位,数值\n技术合同成交额,2020,万元,600\n技术合同成交额,2020,,100\n";
    assert_error(
        &check_text(text, &[]),
        "units.csv:3:3: unit cell is blank, while units.csv:2:3 gives `万元`; expected a unit in \
         every row of the unit column (a blank is not read as the plan's `万元`)",
    );
    // The blank first, the unit after: the same error, at the blank.
    let text = "指标,期间,单位,数值\n技术合同成交额,2020,,100\n技术合同成交额,2020,亿元,6\n";
    assert_error(
        &check_text(text, &[]),
        "units.csv:2:3: unit cell is blank, while units.csv:3:3 gives `亿元`; expected a unit in \
         every row of the unit column (a blank is not read as the plan's `万元`)",
    );
}

#[test]
fn a_unit_column_blank_throughout_or_blank_for_a_milestone_is_read() {
    let all_blank = "指标,期间,单位,数值\n技术合同成交额,2020,,100\n技术合同成交额,2020,,5\n";
    let run = check_text(all_blank, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let milestone = "指标,期间,单位,数值\n制定管理办法,2020,,完成\n技术合同成交额,2020,万元,5\n";
    let run = check_text(milestone, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // A 单位：万元 line above the header is the unit of every blank cell.
    let default =
        "单位：万元\n指标,期间,单位,数值\n技术合同成交额,2020,,100\n技术合同成交额,2020,万元,5\n";
    let run = check_text(default, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    /// Any order of filled and blank unit cells, for both targets, read in one pass or in two
    /// halves: an error exactly when a row of the 万元 target leaves the unit blank and some row
    /// of the file gives a unit, at the first such blank, naming the first unit given.
    #[test]
    fn blank_units_are_an_error_exactly_when_the_file_gives_units_elsewhere(
        rows in proptest::collection::vec((0u8..3, 0u8..3), 1..13),
        halves in proptest::bool::ANY,
    ) {
        let mut text = String::from("指标,期间,单位,数值\n");
        let (mut first_blank, mut first_unit) = (None, None);
        for (k, (target, unit)) in rows.iter().enumerate() {
            let line = k + 2;
            // The milestone's rows have no unit; the others' units are of their own kind.
            let (name, value, plans, units) = [
                ("技术合同成交额", "1", "万元", ["", "万元", "亿元"]),
                ("研发占比", "2", "%", ["", "%", "%"]),
                ("制定管理办法", "完成", "", ["", "", ""]),
            ][usize::from(*target)];
            let unit = units[usize::from(*unit)];
            if unit.is_empty() && !plans.is_empty() {
                first_blank.get_or_insert((line, plans));
            }
            if !unit.is_empty() {
                first_unit.get_or_insert((line, unit));
            }
            // A month each, so the share and the milestone have one figure per period.
            text.push_str(&format!("{name},2020-{:02},{unit},{value}\n", k + 1));
        }
        let env: &[(&str, &str)] = if halves { &[("PLAN_PARALLEL_MIN", "1")] } else { &[] };
        let run = check_text(&text, env);
        match (first_blank, first_unit) {
            (Some((blank, plans)), Some((line, unit))) => {
                proptest::prop_assert_eq!(run.code, 2);
                proptest::prop_assert_eq!(
                    run.stderr,
                    format!(
                        "error: units.csv:{blank}:3: unit cell is blank, while units.csv:{line}:3 \
                         gives `{unit}`; expected a unit in every row of the unit column (a blank \
                         is not read as the plan's `{plans}`)\n"
                    )
                );
            }
            _ => proptest::prop_assert!(run.code != 2, "{}", run.stderr),
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    /// A file with bad rows anywhere (unknown names, values that are not numbers, periods that
    /// are not periods) among good ones: every bad row is reported, in file order, one to a line
    /// with its line and column, up to 50 and then how many more; exit 2 and nothing on stdout.
    /// The same in one pass and in two halves.
    #[test]
    fn every_bad_row_is_reported_at_once(
        rows in proptest::collection::vec(0u8..4, 1..120),
        halves in proptest::bool::ANY,
    ) {
        let mut text = String::from("indicator,period,value\n");
        let mut expected = Vec::new();
        for (k, kind) in rows.iter().enumerate() {
            let line = k + 2;
            let month = k % 12 + 1;
            match kind {
                0 => text.push_str(&format!("tech_contract_turnover,2020-{month:02},1\n")),
                1 => {
                    text.push_str(&format!("no_such_{k},2020,1\n"));
                    expected.push(format!("error: d.csv:{line}:1: unknown indicator `no_such_{k}`"));
                }
                2 => {
                    text.push_str(&format!("tech_contract_turnover,2020-{month:02},x{k}\n"));
                    expected.push(format!("error: d.csv:{line}:3: value `x{k}`"));
                }
                _ => {
                    text.push_str(&format!("tech_contract_turnover,2020Q{},1\n", k + 5));
                    expected.push(format!("error: d.csv:{line}:2: period `2020Q{}`", k + 5));
                }
            }
        }
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("d.csv"), &text).unwrap();
        let mut cmd = common::command(&["check", "d.csv"]);
        cmd.current_dir(dir.path());
        if halves {
            cmd.env("PLAN_PARALLEL_MIN", "1");
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        if expected.is_empty() {
            proptest::prop_assert_ne!(out.status.code(), Some(2), "{}", stderr);
            return Ok(());
        }
        proptest::prop_assert_eq!(out.status.code(), Some(2));
        proptest::prop_assert!(out.stdout.is_empty(), "no partial table");
        let lines: Vec<&str> = stderr.lines().collect();
        let shown = expected.len().min(50);
        for (got, want) in lines.iter().zip(&expected[..shown]) {
            proptest::prop_assert!(got.starts_with(want.as_str()), "{got}\nexpected {want}");
        }
        let last = match expected.len() {
            1 => None,
            n if n > 50 => Some(format!("error: {} more errors not shown; {n} errors in all", n - 50)),
            n => Some(format!("error: {n} errors in all")),
        };
        proptest::prop_assert_eq!(lines.len(), shown + usize::from(last.is_some()), "{}", stderr);
        if let Some(last) = last {
            proptest::prop_assert_eq!(lines[shown], last.as_str());
        }
    }
}

#[test]
fn errors_in_every_file_and_every_period_of_a_wide_row_are_reported_at_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("wide.csv"),
        "indicator,2019,2020\ntech_contract_turnover,abc,def\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("no-header.csv"), "a,b\n1,2\n").unwrap();
    std::fs::write(dir.path().join("long.csv"), "indicator,value\nnope,1\n").unwrap();
    let mut cmd = common::command(&[
        "check",
        "wide.csv",
        "missing.csv",
        "no-header.csv",
        "long.csv",
    ]);
    cmd.current_dir(dir.path());
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    let starts: Vec<String> = stderr
        .lines()
        .map(|l| l.split(": ").take(2).collect::<Vec<_>>().join(": "))
        .collect();
    assert_eq!(
        starts,
        [
            "error: wide.csv:2:2",
            "error: wide.csv:2:3",
            "error: missing.csv",
            "error: no-header.csv:1",
            "error: long.csv:2:1",
            "error: 5 errors in all",
        ],
        "{stderr}"
    );
}

/// Under `--lang zh` the typed data errors are Chinese, with the same places and the same
/// count line; under `en` they are as before.
#[test]
fn data_errors_speak_the_runs_language() {
    let input = "indicator,period,value\nfoo,2020,1\nrd_intensity,2020Q9,1\nincubators_new,2020,-5\nrd_intensity,2020,2.2\nrd_intensity,2020,2.3\n";
    let run = common::plan_with_stdin(&["check", "-", "--lang", "zh"], input);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 5, "{}", run.stderr);
    assert!(
        lines[0].starts_with("错误：<标准输入>:2:1：计划中没有指标 `foo`；最接近的指标：`"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("错误：<标准输入>:3:2：时期 `2020Q9` 无法识别；"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2]
            .starts_with("错误：<标准输入>:4:3：`新建“双创”孵化载体` 的数值 `-5`：家数不能为负"),
        "{}",
        lines[2]
    );
    assert_eq!(
        lines[3],
        "错误：<标准输入>:6：`全社会R&D经费投入强度` 在 2020年 有第二个数据，第一个在 <标准输入>:5；每个指标每个时期只应有一个数据"
    );
    assert_eq!(lines[4], "错误：共 4 个错误");
    let run = common::plan_with_stdin(&["check", "-", "--lang", "en"], input);
    assert!(
        run.stderr
            .starts_with("error: <stdin>:2:1: unknown indicator `foo`; closest known: `"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with("error: 4 errors in all\n"),
        "{}",
        run.stderr
    );
}

/// A file that cannot be read, an empty one and a header that lacks a column: in Chinese under
/// `--lang zh`, each at its place.
#[test]
fn file_and_header_errors_speak_the_runs_language() {
    for (input, expected) in [
        ("", "错误：<标准输入>：空文件；应有 `指标,时期,数值` 这样的表头行\n"),
        ("标题\n", "错误：<标准输入>：没有表头行；应有一行写明指标列和数值列（或 2020年 这样的时期列）\n"),
        (
            "a,b\n1,2\n",
            "错误：<标准输入>:1：表头 `a,b` 中没有指标列；应有名为 `indicator`、`指标`、`指标名称`、`指标名`、`项目` 的列\n",
        ),
    ] {
        let run = common::plan_with_stdin(&["check", "-", "--lang", "zh"], input);
        assert_eq!((run.code, run.stderr.as_str()), (2, expected), "{input:?}");
    }
    let run = plan(&["check", "no-such-file.csv", "--lang", "zh"]);
    assert_eq!(run.stderr, "错误：no-such-file.csv：没有这个文件\n");
    let run = plan(&["check", "no-such-file.csv", "--lang", "en"]);
    assert_eq!(run.stderr, "error: no-such-file.csv: no such file\n");
}
