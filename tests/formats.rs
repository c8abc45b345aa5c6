//! Every output format in both languages on the example data, held to snapshots so a change in
//! any format is seen in review; and what each format promises: CSV safe for spreadsheets,
//! Markdown that cannot break, JUnit that is well-formed XML, a self-contained HTML page,
//! reports written whole or not at all.

mod common;

use common::{command, plan};

const EXAMPLE: &str = "../../examples/actuals-2020.csv";
const QUARTER: &str = "../../examples/actuals-2020-q3.csv";

fn report(format: &str, lang: &str, file: &str) -> String {
    report_with(&["check", file, "--format", format, "--lang", lang])
}

fn report_with(args: &[&str]) -> String {
    let run = plan(args);
    assert_eq!(run.stderr, "", "{args:?}");
    assert_eq!(run.code, 1, "the examples have unmet or missing targets");
    run.stdout
}

#[test]
fn every_format_in_both_languages() {
    for format in ["table", "json", "csv", "markdown", "junit", "html"] {
        for lang in ["zh", "en"] {
            insta::assert_snapshot!(format!("{format}_{lang}"), report(format, lang, EXAMPLE));
        }
    }
    for lang in ["zh", "en"] {
        let wide = report_with(&["check", EXAMPLE, "--wide", "--lang", lang]);
        insta::assert_snapshot!(format!("table_wide_{lang}"), wide);
    }
}

#[test]
fn quarterly_table_and_history_in_both_languages() {
    for lang in ["zh", "en"] {
        insta::assert_snapshot!(format!("q3_table_{lang}"), report("table", lang, QUARTER));
        let wide = report_with(&["check", QUARTER, "--wide", "--lang", lang]);
        insta::assert_snapshot!(format!("q3_table_wide_{lang}"), wide);
        let history = plan(&["check", QUARTER, "--history", "--lang", lang]).stdout;
        insta::assert_snapshot!(format!("q3_history_{lang}"), history);
    }
}

#[test]
fn json_keys_and_status_keys_do_not_change_with_the_language() {
    let zh: serde_json::Value = serde_json::from_str(&report("json", "zh", EXAMPLE)).unwrap();
    let en: serde_json::Value = serde_json::from_str(&report("json", "en", EXAMPLE)).unwrap();
    let keys = |v: &serde_json::Value| {
        v["results"][0]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&zh), keys(&en));
    let statuses = |v: &serde_json::Value| {
        v["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["status"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(statuses(&zh), statuses(&en));
    assert_eq!(zh["results"][9]["target_text"], "较上年增长 >= 20%");
    assert_eq!(
        en["results"][9]["target_text"],
        "growth >= 20% on the year before"
    );
}

#[test]
fn language_from_the_environment() {
    let run = |vars: &[(&str, &str)]| {
        let mut cmd = command(&["check", EXAMPLE]);
        for (k, v) in vars {
            cmd.env(k, v);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    assert!(run(&[("LANG", "zh_CN.UTF-8")]).contains("| 指标 "));
    assert!(run(&[("LANG", "en_US.UTF-8")]).contains("| Indicator "));
    assert!(
        run(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")]).contains("| 指标 "),
        "LC_ALL wins"
    );
    let mut explicit = command(&["check", EXAMPLE, "--lang", "en"]);
    explicit.env("LANG", "zh_CN.UTF-8");
    assert!(String::from_utf8(explicit.output().unwrap().stdout)
        .unwrap()
        .contains("| Indicator "));
}

#[test]
fn csv_is_excel_ready_and_formula_safe() {
    let csv = report("csv", "en", EXAMPLE);
    assert!(
        csv.starts_with("\u{feff}id,name,name_en,"),
        "UTF-8 with BOM"
    );
    // A gap of -1 stays a number; a name that looks like a formula does not run.
    assert!(csv.contains(",-1,"), "negative numbers stay numbers");
    let run = check_one_target("plan-formula.yaml", "title: t\nyear: 2020\nsource: s\ntargets:\n  - id: a\n    name: \"=HYPERLINK(\\\"http://evil\\\")\"\n    unit: 家\n    rule: at_least\n    value: \"1\"\n    source: \"@SUM(A1)\"\n    accrual: level\n", "indicator,value\na,2\n", &["--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(",'@SUM(A1),"), "{}", run.stdout);
}

#[test]
fn markdown_cells_cannot_break_the_table() {
    let run = check_one_target("plan-md.yaml", "title: t\nyear: 2020\nsource: s\ntargets:\n  - id: a\n    name: \"A|B\"\n    unit: 家\n    rule: at_least\n    value: \"1\"\n    source: \"第1条\\n第2条\"\n    accrual: level\n", "indicator,value\na,2\n", &["--format", "markdown", "--lang", "en"]);
    let row = run.stdout.lines().find(|l| l.starts_with("| A")).unwrap();
    assert!(row.starts_with("| A\\|B | >= 1 firm |"), "{row}");
    assert!(row.contains("第1条<br>第2条"), "{row}");
    assert_eq!(row.matches(" | ").count(), 10, "eleven cells: {row}");
}

/// Runs `plan check` with a one-target plan written to `file` and `input` on standard input.
fn check_one_target(file: &str, plan_yaml: &str, input: &str, args: &[&str]) -> common::Run {
    let plan_file = common::temp_file(file, plan_yaml);
    let mut all = vec!["check", "--plan", plan_file.to_str().unwrap(), "-"];
    all.extend_from_slice(args);
    common::plan_with_stdin(&all, input)
}

/// A minimal check that a document is well-formed XML: every tag closed in order, attributes
/// quoted, entities known.
fn well_formed(xml: &str) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0i32;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Text(t)) => {
                t.decode().map_err(|e| e.to_string())?;
            }
            Ok(_) => {}
            Err(e) => return Err(format!("at {}: {e}", reader.buffer_position())),
        }
    }
    if depth == 0 {
        Ok(())
    } else {
        Err(format!("{depth} unclosed elements"))
    }
}

#[test]
fn junit_is_well_formed_with_failures_and_skips() {
    for file in [EXAMPLE, QUARTER] {
        for lang in ["zh", "en"] {
            let xml = report("junit", lang, file);
            well_formed(&xml).unwrap_or_else(|e| panic!("{file} {lang}: {e}\n{xml}"));
        }
    }
    let xml = report("junit", "en", EXAMPLE);
    assert!(
        xml.contains(r#"<testsuites name="plan" tests="44" failures="5" errors="0" skipped="0">"#),
        "{xml}"
    );
    assert!(xml.contains(
        r#"<failure message="New national-level innovation platforms and bases: target &gt;= 4 platforms, actual 3 platforms, gap -1" type="unmet">"#
    ));
    let xml = report("junit", "en", QUARTER);
    assert!(
        xml.contains("<skipped message="),
        "missing targets are skipped"
    );
    assert!(xml.contains(r#"type="behind""#), "behind targets fail");
}

#[test]
fn junit_escapes_what_xml_needs() {
    let run = check_one_target("plan-xml.yaml", "title: \"<t> & \\\"q\\\"\"\nyear: 2020\nsource: s\ntargets:\n  - id: a\n    name: \"A<&>'\\\"\\u0001\"\n    unit: 家\n    rule: at_least\n    value: \"5\"\n    source: s\n    accrual: level\n", "indicator,value\na,2\n", &["--format", "junit"]);
    well_formed(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{}", run.stdout));
    assert!(
        run.stdout.contains("A&lt;&amp;&gt;&apos;&quot;"),
        "{}",
        run.stdout
    );
}

#[test]
fn html_is_one_self_contained_page() {
    for lang in ["zh", "en"] {
        let html = report("html", lang, EXAMPLE);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(!html.contains("<script"), "no script needed");
        assert!(
            !html.contains("http://") && !html.contains("https://") && !html.contains("src="),
            "no network"
        );
        assert!(html.contains("@page { size: A4"));
        assert_eq!(html.matches("<svg ").count(), 44, "a bar per target");
        well_formed(html.trim_start_matches("<!DOCTYPE html>")).unwrap();
    }
}

#[test]
fn output_file_is_written_whole_and_not_on_failure() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let file = dir.join("report.html");
    let run = plan(&[
        "check",
        EXAMPLE,
        "--format",
        "html",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (1, ""),
        "the status still says unmet; nothing on stdout"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        report("html", "en", EXAMPLE)
    );
    // A run that fails on its input leaves the old report as it was, and no temporary file.
    let run = plan(&[
        "check",
        "actuals/value-abc.csv",
        "--format",
        "html",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        report("html", "en", EXAMPLE)
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    // A folder that does not exist is an error naming the file.
    let missing = dir.join("no/such/dir/report.csv");
    let run = plan(&[
        "check",
        EXAMPLE,
        "--format",
        "csv",
        "--output",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!("error: {}: cannot write: no such file\n", missing.display())
    );
}

#[test]
fn output_to_a_device_a_link_and_never_over_an_input() {
    // A device is written to, not replaced.
    #[cfg(unix)]
    {
        let run = plan(&["check", EXAMPLE, "--format", "csv", "--output", "/dev/null"]);
        assert_eq!((run.code, run.stderr.as_str()), (1, ""));
        assert!(std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device_like());
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    // A link is followed: the file it names is replaced, the link stays.
    #[cfg(unix)]
    {
        let real = dir.join("real.md");
        std::fs::write(&real, "old").unwrap();
        let link = dir.join("link.md");
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(&real, &link).unwrap();
        plan(&[
            "check",
            EXAMPLE,
            "--format",
            "markdown",
            "--output",
            link.to_str().unwrap(),
        ]);
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(std::fs::read_to_string(&real).unwrap().starts_with("## "));
    }
    // The report never overwrites the data it reports on.
    let data = dir.join("data.csv");
    std::fs::copy(common::fixtures().join(EXAMPLE), &data).unwrap();
    let run = plan(&[
        "check",
        data.to_str().unwrap(),
        "--format",
        "csv",
        "--output",
        data.to_str().unwrap(),
    ]);
    common::assert_error(
        &run,
        &format!(
            "{}: is the same file as the input `{}`; expected another file for the output",
            data.display(),
            data.display()
        ),
    );
    assert!(std::fs::read_to_string(&data)
        .unwrap()
        .starts_with("indicator,period"));
}

#[test]
#[cfg(target_os = "linux")]
fn a_table_written_to_a_file_has_no_colour() {
    // script(1) (util-linux, in every Debian) runs plan on a pseudo-terminal.
    let bin = assert_cmd::cargo::cargo_bin("plan");
    let on_a_terminal = |extra: &str| {
        let line = format!("{} check {EXAMPLE} --color auto {extra}", bin.display());
        std::process::Command::new("script")
            .args(["-qec", &line, "/dev/null"])
            .current_dir(common::fixtures())
            .env("LANG", "C.UTF-8")
            .env_remove("NO_COLOR")
            .output()
            .unwrap()
    };
    // On a terminal, --color auto colours the table...
    let shown = on_a_terminal("");
    assert!(
        String::from_utf8_lossy(&shown.stdout).contains('\u{1b}'),
        "the terminal's table is coloured"
    );
    // ...but a report written with --output from the same terminal has no colour.
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("table.txt");
    on_a_terminal(&format!("--output {}", file.display()));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("met"), "{written}");
    assert!(!written.contains('\u{1b}'));
}

#[cfg(unix)]
trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}

#[cfg(unix)]
impl CharDevice for std::fs::FileType {
    fn is_char_device_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_char_device()
    }
}

#[test]
fn a_rank_target_reads_as_an_improvement_in_every_format() {
    // 全国排名有所提升: the rank's number falls. 排名下降 would read as "got worse".
    for (lang, wording) in [
        ("zh", "排名较上年提升"),
        ("en", "rank improves (a smaller number)"),
    ] {
        for format in ["table", "json", "csv", "markdown", "junit", "html"] {
            let text = match format {
                "table" => report_with(&["check", EXAMPLE, "--wide", "--lang", lang]),
                _ => report(format, lang, EXAMPLE),
            };
            assert!(text.contains(wording), "{format} {lang}");
            assert!(
                !text.contains("较上年下降") && !text.contains("below the year"),
                "{format} {lang}"
            );
        }
    }
    let hint = plan(&["template"]).stdout;
    assert!(hint.contains("目标 排名较上年提升"), "the template's hint");
}
