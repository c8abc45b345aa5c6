//! The default table fits its width: piped at `COLUMNS` (else 100), on a terminal at the
//! terminal's width. No line is wider than the width (an ambiguous-width character counted as
//! two), no row takes more than two lines, the problems come before what is met, and the
//! summary line is first and last.

mod common;

use common::command;
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

const EXAMPLES: [&str; 2] = [
    "../../examples/actuals-2020.csv",
    "../../examples/actuals-2020-q3.csv",
];

fn table(file: &str, lang: &str, columns: Option<usize>) -> String {
    let mut cmd = command(&["check", file, "--lang", lang]);
    if let Some(columns) = columns {
        cmd.env("COLUMNS", columns.to_string());
    }
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

/// The cells of a table line, or `None` for a rule or a line outside the table.
fn cells(line: &str) -> Option<Vec<&str>> {
    let inner = line.strip_prefix("| ")?.strip_suffix(" |")?;
    Some(inner.split(" | ").map(str::trim).collect())
}

/// Checks every promise of the default view at `width`; returns the rows' statuses in order.
fn check_fits(text: &str, width: usize, what: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    for line in &lines {
        assert!(
            line.width_cjk() <= width,
            "{what}: {} > {width}: {line}",
            line.width_cjk()
        );
    }
    unambiguous(text, what);
    // The summary (one line, or two at a narrow width) right above the table and last.
    let top = lines.iter().position(|l| l.starts_with('+')).unwrap();
    let bottom = lines.iter().rposition(|l| l.starts_with('+')).unwrap();
    let summary = &lines[bottom + 1..];
    assert!(summary.concat().contains(" · "), "{what}: the summary last");
    assert_eq!(
        &lines[top - summary.len()..top],
        summary,
        "{what}: the summary first"
    );
    let rows: Vec<Vec<&str>> = lines
        .iter()
        .filter_map(|l| cells(l))
        .filter(|c| c.len() > 1)
        .collect();
    let header = &rows[0];
    let actual = header
        .iter()
        .position(|h| *h == "Actual" || *h == "实际")
        .unwrap();
    let status = header.iter().position(|h| *h == "Status" || *h == "状态");
    let mut statuses = Vec::new();
    let mut height = 0;
    for row in &rows[1..] {
        // The actual never wraps: a line without one continues the row above.
        if row[actual].is_empty() {
            height += 1;
            assert!(height <= 2, "{what}: a row of more than two lines: {row:?}");
        } else {
            height = 1;
            statuses.extend(status.map(|s| row[s].to_string()));
        }
    }
    statuses
}

/// Every line of the table is as wide in a CJK-configured terminal as in any other: no
/// ambiguous-width character in it.
fn unambiguous(text: &str, what: &str) {
    for line in text.lines().filter(|l| l.starts_with(['|', '+'])) {
        assert_eq!(
            line.width(),
            line.width_cjk(),
            "{what}: ambiguous width: {line}"
        );
    }
}

fn rank(status: &str) -> usize {
    let order = [
        "unmet",
        "未达标",
        "behind",
        "进度滞后",
        "missing",
        "缺数据",
        "on track",
        "进度正常",
        "met",
        "达标",
    ];
    order.iter().position(|s| *s == status).unwrap() / 2
}

#[test]
fn fits_80_and_120_columns_in_both_languages_problems_first() {
    for file in EXAMPLES {
        for lang in ["zh", "en"] {
            for width in [80, 120] {
                let what = format!("{file} {lang} {width}");
                let text = table(file, lang, Some(width));
                let statuses = check_fits(&text, width, &what);
                if width == 120 {
                    assert_eq!(statuses.len(), 44, "{what}: every target, with its status");
                    let ranks: Vec<usize> = statuses.iter().map(|s| rank(s)).collect();
                    assert!(
                        ranks.windows(2).all(|w| w[0] <= w[1]),
                        "{what}: {statuses:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn piped_without_columns_fits_100() {
    for lang in ["zh", "en"] {
        let text = table(EXAMPLES[0], lang, None);
        check_fits(&text, 100, lang);
        assert!(
            text.lines().any(|l| l.width_cjk() > 90),
            "{lang}: the width is used"
        );
    }
}

#[test]
fn problems_in_sections_before_what_is_met() {
    let text = table(EXAMPLES[1], "en", Some(120));
    let titles: Vec<&str> = text
        .lines()
        .filter_map(cells)
        .filter(|c| c.len() == 1)
        .map(|c| c[0])
        .collect();
    // Within a status, the milestones follow the figures in a section of their own.
    assert_eq!(
        titles,
        [
            "4 behind",
            "12 missing",
            "19 missing (milestones)",
            "5 on track",
            "2 on track (milestones)",
            "1 met",
            "1 met (milestone)"
        ]
    );
}

#[test]
fn wide_gives_every_column() {
    let text = table(EXAMPLES[0], "en", Some(80));
    let wide = String::from_utf8(
        command(&["check", EXAMPLES[0], "--lang", "en", "--wide"])
            .env("COLUMNS", "80")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let header = "| Indicator ";
    let head = |t: &str| {
        cells(t.lines().find(|l| l.starts_with(header)).unwrap())
            .unwrap()
            .len()
    };
    assert_eq!(head(&wide), 11, "--wide: every column");
    unambiguous(&wide, "--wide");
    assert!(head(&text) < 11);
    assert!(
        wide.lines().any(|l| l.width_cjk() > 200),
        "--wide is as wide as it needs"
    );
}

#[test]
fn on_a_terminal_the_terminal_width() {
    // A pseudo-terminal through util-linux `script`; skipped where it is not installed.
    let Ok(_) = std::process::Command::new("script")
        .arg("--version")
        .output()
    else {
        eprintln!("skipped: no `script` for a pseudo-terminal");
        return;
    };
    let bin = assert_cmd::cargo::cargo_bin("plan");
    for width in [80, 120] {
        let shell = format!(
            "stty cols {width} rows 50; {} check {} --lang zh --color never",
            bin.display(),
            EXAMPLES[0]
        );
        let output = std::process::Command::new("script")
            .args(["-qec", &shell, "/dev/null"])
            .current_dir(common::fixtures())
            .env_remove("COLUMNS")
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout)
            .unwrap()
            .replace("\r\n", "\n");
        check_fits(&text, width, &format!("terminal {width}"));
        assert!(
            text.lines().any(|l| l.width_cjk() > width - 10),
            "{width}: the width is used"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn fits_every_width_from_60_to_200(width in 60usize..=200, zh: bool, quarter: bool) {
        let lang = if zh { "zh" } else { "en" };
        let file = EXAMPLES[usize::from(quarter)];
        let text = table(file, lang, Some(width));
        check_fits(&text, width, &format!("{file} {lang} {width}"));
    }
}

fn listed(lang: &str, columns: usize) -> String {
    let mut cmd = command(&["list", "--lang", lang]);
    cmd.env("COLUMNS", columns.to_string());
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn plan_list_fits_its_width_in_both_languages() {
    for lang in ["zh", "en"] {
        for width in [80, 100, 120] {
            let what = format!("list {lang} {width}");
            let text = listed(lang, width);
            for line in text.lines() {
                assert!(line.width_cjk() <= width, "{what}: {line}");
            }
            unambiguous(&text, &what);
            // Every target is listed, by id in its first cell.
            let ids = text
                .lines()
                .filter_map(cells)
                .filter(|c| !c[0].is_empty() && c[0] != "Id" && c[0] != "编号")
                .count();
            assert_eq!(ids, 44, "{what}");
        }
    }
}

#[test]
fn plan_list_in_english_names_targets_and_units_in_english() {
    let text = listed("en", 160);
    let row = |id: &str| {
        cells(
            text.lines()
                .find(|l| l.starts_with(&format!("| {id} ")))
                .unwrap(),
        )
        .unwrap()
    };
    assert_eq!(
        row("rd_intensity")[..3],
        ["rd_intensity", "R&D expenditure as a share of GDP", "%"]
    );
    assert_eq!(row("tech_contract_turnover")[2], "CNY 100m");
    assert_eq!(row("provincial_hitech_zones_new")[2], "zones");
    assert_eq!(row("innovation_rank")[2], "rank");
    assert!(text.contains("| Main targets"), "{text}");
    let zh = listed("zh", 160);
    assert!(zh.contains("| 全社会R&D经费投入强度 "), "{zh}");
    assert!(zh.contains("| 主要预期目标"), "{zh}");
}

#[test]
fn columns_gives_those_columns_in_that_order() {
    let run = |args: &[&str]| {
        let mut all = vec!["check", EXAMPLES[1]];
        all.extend(args);
        command(&all).output().unwrap()
    };
    let output = run(&["--lang", "en", "--columns", "status,indicator,actual"]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().filter_map(cells).collect();
    assert_eq!(rows[0], ["Status", "Indicator", "Actual"]);
    assert_eq!(rows.len(), 45, "a row per target: {text}");
    assert!(rows.contains(&vec![
        "behind",
        "New provincial key laboratories",
        "21 labs"
    ]));
    unambiguous(&text, "--columns");
    // The Chinese headers name the same columns.
    let zh =
        String::from_utf8(run(&["--lang", "zh", "--columns", "状态,指标,实际"]).stdout).unwrap();
    let rows: Vec<Vec<&str>> = zh.lines().filter_map(cells).collect();
    assert_eq!(rows[0], ["状态", "指标", "实际"]);
    assert!(rows.contains(&vec!["进度滞后", "新建省重点实验室", "21 个"]));
    for refused in [
        &["--columns", "nothing"][..],
        &["--columns", "status", "--format", "json"],
        &["--wide", "--format", "csv"],
        &["--columns", "status", "--history"],
        &["--columns", "status", "--wide"],
    ] {
        let output = run(refused);
        assert_eq!(output.status.code(), Some(2), "{refused:?}");
        assert!(output.stdout.is_empty(), "{refused:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains("--columns") || stderr.contains("--wide"),
            "{refused:?}: {stderr}"
        );
    }
}

#[test]
fn a_chinese_target_keeps_one_line_at_100_columns() {
    for file in EXAMPLES {
        let text = table(file, "zh", Some(100));
        for target in ["排名较上年提升", "较上年增长 >= 20%"] {
            assert!(
                text.lines()
                    .filter_map(cells)
                    .any(|c| c.len() > 1 && c[1] == target),
                "{file}: `{target}` on one line:\n{text}"
            );
        }
    }
}
