//! Large files: read in two halves on two threads, with the result a single pass gives. Each
//! case runs the real binary twice, once with `PLAN_THREADS=1`, and compares every byte.

mod common;

use std::fmt::Write as _;

/// Rows enough to pass the size at which a file is split (4 MiB).
const ROWS: usize = 90_000;

fn file(name: &str, body: impl Fn(usize, &mut String)) -> tempfile::TempPath {
    let mut text = String::from("indicator,period,region,value,unit\n");
    for i in 0..ROWS {
        body(i, &mut text);
    }
    assert!(
        text.len() as u64 > plan::actuals::PARALLEL_MIN,
        "large enough to be split"
    );
    common::temp_file(&format!("{name}.csv"), text)
}

fn contract(i: usize, text: &mut String) {
    let _ = writeln!(
        text,
        "技术合同成交额,2020-{:02},西安,{}.{:02},万元",
        i % 12 + 1,
        i % 997,
        i % 100
    );
}

/// Contract rows, with `row` in place of the one at `at` (0-based after the header).
fn file_with(name: &str, at: usize, row: &str) -> tempfile::TempPath {
    file(name, |i, text| match i == at {
        true => {
            text.push_str(row);
            text.push('\n');
        }
        false => contract(i, text),
    })
}

/// Contract rows, with a figure for R&D intensity on rows 12 and 80,002: one in each half.
fn duplicate_in_both_halves(i: usize, text: &mut String) {
    match i {
        10 | 80_000 => {
            let _ = writeln!(text, "全社会R&D经费投入强度,2020,全省,2.3,%");
        }
        _ => contract(i, text),
    }
}

/// Runs `plan ARGS` with two threads and with one; asserts the same output, and returns it.
fn same(args: &[&str]) -> common::Run {
    let parallel = common::plan(args);
    let mut one = common::command(args);
    one.env("PLAN_THREADS", "1");
    let out = one.output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        parallel.stdout,
        "stdout"
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        parallel.stderr,
        "stderr"
    );
    assert_eq!(out.status.code(), Some(parallel.code), "exit code");
    parallel
}

#[test]
fn a_record_level_file_sums_exactly_in_two_halves() {
    let path = file("records", contract);
    let run = same(&[
        "check",
        path.to_str().unwrap(),
        "--format",
        "json",
        "--allow-missing",
    ]);
    let json = common::json(&run);
    // Σ (i % 997 + (i % 100) / 100) over 90,000 rows, in 万元, as 亿元.
    let total: u64 = (0..ROWS as u64).map(|i| (i % 997) * 100 + i % 100).sum();
    let expected =
        rust_decimal::Decimal::new(total as i64, 2) / rust_decimal::Decimal::new(10_000, 0);
    assert_eq!(
        common::result(&json, "tech_contract_turnover")["actual"].to_string(),
        expected.normalize().to_string()
    );
}

#[test]
fn warnings_and_skipped_rows_in_both_halves() {
    let path = file("warnings", |i, text| match i % 1000 {
        7 => {
            let _ = writeln!(text, "技术合同成交额,2018-01,西安,1,万元");
        }
        8 => {
            let _ = writeln!(text, "地区生产总值,2020-01,西安,1,亿元");
        }
        _ => contract(i, text),
    });
    let run = same(&[
        "check",
        path.to_str().unwrap(),
        "--format",
        "json",
        "--allow-missing",
        "--ignore-unknown",
    ]);
    let warnings = common::json(&run)["warnings"].to_string();
    assert!(
        warnings.contains("and 89 more rows for other years"),
        "{warnings}"
    );
    assert!(
        warnings.contains("skipped 90 rows whose indicator is not in the plan"),
        "{warnings}"
    );
}

#[test]
fn a_duplicate_across_the_halves_is_the_same_error() {
    let path = file("duplicate", duplicate_in_both_halves);
    let run = same(&["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            ":80002: second figure for `全社会R&D经费投入强度` in 2020; the first is at "
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn an_error_late_in_the_file_and_a_quoted_field() {
    let bad = file_with("bad", 85_000, "技术合同成交额,2020-12,西安,abc,万元");
    let run = same(&["check", bad.to_str().unwrap()]);
    assert!(
        run.stderr.contains(":85002:4: value `abc`"),
        "{}",
        run.stderr
    );
    let quoted = file("quoted", |i, text| match i {
        60_000 => text.push_str("技术合同成交额,2020-12,\"西安,\n高新区\",100,万元\n"),
        _ => contract(i, text),
    });
    same(&[
        "check",
        quoted.to_str().unwrap(),
        "--format",
        "json",
        "--allow-missing",
    ]);
}

#[test]
fn the_large_files_above_are_read_in_halves_unless_quoted() {
    let options = plan::actuals::ReadOptions {
        default_year: 2020,
        ..Default::default()
    };
    let count = |path: &std::path::Path| {
        let collect = plan::actuals::Collect {
            new: &|| 0usize,
            add: &|n: &mut usize, _: &plan::actuals::Observation| {
                *n += 1;
                Ok(())
            },
            shift: &|_: &mut usize, _| true,
        };
        plan::actuals::read_in_halves(path, &options, &collect)
    };
    let parts = count(&file("halves", contract)).expect("a large plain file is split");
    assert_eq!(parts.len(), 2);
    assert_eq!(parts.iter().sum::<usize>(), ROWS);
    assert!(
        parts.iter().all(|&n| n > ROWS / 4),
        "two real halves: {parts:?}"
    );
    let quoted = file("halves-quoted", |i, text| match i {
        70_000 => text.push_str("技术合同成交额,2020-12,\"西安\",100,万元\n"),
        _ => contract(i, text),
    });
    assert!(
        count(&quoted).is_none(),
        "a quote sends it back to one pass"
    );
}

#[test]
fn standard_input_beside_a_file_read_in_halves_is_read_once() {
    let path = file("beside-stdin", duplicate_in_both_halves);
    // The halves disagree, so the file is read again in one pass; standard input, read before
    // it, is not read again.
    let stdin = "indicator,value\nprovincial_key_labs_new,32\n";
    let run = common::plan_with_stdin(&["check", "-", path.to_str().unwrap()], stdin);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            ":80002: second figure for `全社会R&D经费投入强度` in 2020; the first is at "
        ),
        "{}",
        run.stderr
    );
    let good = file("beside-stdin-good", contract);
    let run = common::plan_with_stdin(
        &[
            "check",
            "-",
            good.to_str().unwrap(),
            "--format",
            "json",
            "--allow-missing",
        ],
        stdin,
    );
    let json = common::json(&run);
    assert_eq!(
        common::result(&json, "provincial_key_labs_new")["actual"],
        32
    );
}

#[test]
fn lines_in_the_second_half_are_numbered_as_in_one_pass() {
    // A figure found only in the second half: its cell, as `plan show` prints it.
    let path = file_with(
        "second-half",
        80_000,
        "全社会R&D经费投入强度,2020,全省,2.42,%",
    );
    let run = same(&[
        "show",
        "rd_intensity",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json = common::json(&run);
    let at = json["target"]["figures"][0]["at"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(at.ends_with(":80002:4"), "{at}");
    // A warning in the second half: worded with its line, so the file is read in one pass.
    let path = file_with(
        "second-half-warning",
        80_000,
        "全社会R&D经费投入强度,2020,全省,0.0242,%",
    );
    let run = same(&[
        "check",
        path.to_str().unwrap(),
        "--format",
        "json",
        "--allow-missing",
    ]);
    let warnings = common::json(&run)["warnings"].to_string();
    assert!(warnings.contains(":80002:4"), "{warnings}");
}
