//! Under `--lang zh` everything a reader sees is Chinese: the tables, the history, Markdown,
//! `plan show`, `plan list`, warnings and errors. Keys of machine formats (JSON, CSV headers)
//! are not for readers and are not checked here. Under `--lang en` indicator names are English.

mod common;

use common::command;

/// Runs `plan ARGS` and returns standard output and standard error together.
fn seen(args: &[&str]) -> String {
    let output = command(args).output().unwrap();
    let mut text = String::from_utf8(output.stdout).unwrap();
    text.push_str(&String::from_utf8(output.stderr).unwrap());
    text
}

/// Runs of three or more ASCII letters outside backticks, except the words a Chinese reader
/// meets as they are (R&D, ids, file names, options).
fn english_words(text: &str, allowed: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        // Quoted input, file names and option names are shown as written.
        let mut outside = String::new();
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 0 {
                outside.push_str(part);
                outside.push(' ');
            }
        }
        for word in outside.split(|c: char| !(c.is_ascii_alphanumeric() || "&_-./".contains(c))) {
            let letters = word.chars().filter(char::is_ascii_alphabetic).count();
            let plain = word.chars().all(|c| c.is_ascii_alphabetic() || c == '&');
            if letters >= 3 && plain && !allowed.contains(&word) {
                found.push(format!("{word} in: {line}"));
            }
        }
    }
    found
}

const ALLOWED: [&str; 1] = ["R&D"];

#[test]
fn every_view_of_a_check_is_chinese_under_zh() {
    for file in [
        "../../examples/actuals-2020.csv",
        "../../examples/actuals-2020-q3.csv",
    ] {
        for extra in [
            &[][..],
            &["--wide"],
            &["--history"],
            &["--format", "markdown"],
            &["--columns", "状态,指标,实际,说明"],
        ] {
            let mut args = vec!["check", file, "--lang", "zh"];
            args.extend(extra);
            let text = seen(&args);
            let words = english_words(&text, &ALLOWED);
            assert!(words.is_empty(), "{args:?}: {words:#?}");
        }
    }
}

#[test]
fn show_and_list_are_chinese_under_zh() {
    let list = seen(&["list", "--lang", "zh"]);
    // The first cell of each row is the target's id, which stays as the plan writes it.
    let rows: String = list
        .lines()
        .map(|l| l.split(" | ").skip(1).collect::<Vec<_>>().join(" | "))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(english_words(&rows, &ALLOWED), Vec::<String>::new());
    for target in ["hitech_firms", "innovation_rank", "plan_evaluation"] {
        let text = seen(&[
            "show",
            target,
            "../../examples/actuals-2020-q3.csv",
            "--lang",
            "zh",
        ]);
        // The title line names the id; the figures' lines name the file they are from; 英文名
        // is the English name.
        let body: String = text
            .lines()
            .skip(1)
            .filter(|l| !l.contains("examples/") && !l.starts_with("  英文名："))
            .collect::<Vec<_>>()
            .join("\n");
        // The rule's key follows its Chinese words in brackets: `规则：达到、不低于（at_least）`.
        let allowed = ["R&D", "growth_at_least", "decrease", "done"];
        assert_eq!(
            english_words(&body, &allowed),
            Vec::<String>::new(),
            "{text}"
        );
    }
}

#[test]
fn errors_and_warnings_are_chinese_under_zh() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "indicator,period,value\n技术合同成交额,2020,1.2.3\n未知指标,2020,5\n高新技术企业数量,2020Q9,1\n",
    )
    .unwrap();
    // The temporary folder's path is the system's words (C:\users\root\Temp under Windows),
    // not the program's.
    let folder = dir.path().to_str().unwrap();
    let text = seen(&["check", bad.to_str().unwrap(), "--lang", "zh"]).replace(folder, "");
    assert!(text.starts_with("错误："), "{text}");
    assert_eq!(
        english_words(&text, &ALLOWED),
        Vec::<String>::new(),
        "{text}"
    );
    // A warning: a figure later than the period checked.
    let later = dir.path().join("later.csv");
    std::fs::write(
        &later,
        "indicator,period,value\n技术合同成交额,2020Q1,100\n技术合同成交额,2020-01/2020-06,400\n",
    )
    .unwrap();
    let text = seen(&[
        "check",
        later.to_str().unwrap(),
        "--lang",
        "zh",
        "--period",
        "2020Q1",
    ])
    .replace(folder, "");
    assert!(text.contains("提示："), "{text}");
    assert_eq!(
        english_words(&text, &ALLOWED),
        Vec::<String>::new(),
        "{text}"
    );
}

#[test]
fn english_names_targets_in_english() {
    let text = seen(&["check", "../../examples/actuals-2020.csv", "--lang", "en"]);
    assert!(text.contains("R&D expenditure as a share of GDP"), "{text}");
    assert!(!text.contains("全社会R&D经费投入强度"), "{text}");
}
