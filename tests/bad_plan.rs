//! Every bad plan file gets one clear message with its line (and column where known), exit 2.

mod common;

use common::{assert_error, plan};

/// Every key a target may have, as an unknown key's error lists them.
const TARGET_KEYS: &str = "`id`, `name`, `name_en`, `aliases`, `unit`, `unit_en`, `rule`, \
    `value`, `min`, `max`, `wording`, `source`, `quote`, `baseline`, `accrual`, `aggregate`, \
    `profile`, `profile_source`, `out_of_range`, `path`, `tolerance`, `every_year`, `since`, \
    `aspiration`, `owner`, `due`, `by_region`";

/// Every rule, as an unknown rule's error lists them.
const RULES: &str = "`at_least`, `more_than`, `at_most`, `less_than`, `between`, \
    `growth_at_least`, `ratio_at_least`, `increase`, `decrease`, `done`, `rank_within`, \
    `points_increase`, `cagr_at_least`, `about`";

/// The same, in a Chinese message.
const RULES_ZH: &str = "`at_least`、`more_than`、`at_most`、`less_than`、`between`、\
    `growth_at_least`、`ratio_at_least`、`increase`、`decrease`、`done`、`rank_within`、\
    `points_increase`、`cagr_at_least`、`about`";

fn validate(file: &str) -> common::Run {
    plan(&["validate", &format!("plans/{file}")])
}

#[test]
fn malformed_yaml_gives_line_and_column() {
    assert_error(
        &validate("malformed.yaml"),
        "plans/malformed.yaml:3:1: a quoted value is not closed before the end of the file; close it \
         with the quote it starts with (`\"` or `'`)",
    );
}

#[test]
fn unknown_field_is_a_typo_not_a_default() {
    assert_error(
        &validate("unknown-field.yaml"),
        &format!(
            "plans/unknown-field.yaml:9:5: targets[0]: unknown key `taget`; expected one of \
             {TARGET_KEYS}"
        ),
    );
}

#[test]
fn duplicate_ids() {
    assert_error(
        &validate("duplicate-id.yaml"),
        "plans/duplicate-id.yaml:12: duplicate target id `rd_intensity` (first on line 5); every \
         id must be unique",
    );
}

#[test]
fn rule_without_its_value() {
    assert_error(
        &validate("rule-without-value.yaml"),
        "plans/rule-without-value.yaml:5: target `rd_intensity`: rule `at_least` needs a `value`",
    );
}

#[test]
fn relative_rule_without_a_baseline_period() {
    assert_error(
        &validate("relative-without-baseline.yaml"),
        "plans/relative-without-baseline.yaml:5: target `hitech_firms`: rule `growth_at_least` \
         compares with a baseline, but the plan has no `baseline_period` and the target has no \
         `baseline`",
    );
}

#[test]
fn unknown_rule() {
    assert_error(
        &validate("unknown-rule.yaml"),
        &format!(
            "plans/unknown-rule.yaml:8:11: targets[0].rule: unknown value `at_lest` (did you \
             mean `at_least`?); expected one of {RULES}"
        ),
    );
}

#[test]
fn value_of_the_wrong_type() {
    assert_error(
        &validate("wrong-type.yaml"),
        "plans/wrong-type.yaml:9:12: targets[0].value: found a list; expected a decimal number such \
         as 2.20",
    );
}

#[test]
fn value_that_is_not_a_number() {
    assert_error(
        &validate("value-not-a-number.yaml"),
        "plans/value-not-a-number.yaml:9:12: targets[0].value: invalid number `两点二`: expected a \
         decimal number such as 2.20",
    );
}

#[test]
fn year_that_is_not_a_year() {
    assert_error(
        &validate("year-not-a-number.yaml"),
        "plans/year-not-a-number.yaml:2:7: year: invalid year `二〇二〇`, expected a year such as 2020",
    );
}

#[test]
fn missing_plan_file() {
    assert_error(&validate("nope.yaml"), "plans/nope.yaml: no such file");
}

#[test]
fn check_with_a_bad_plan_fails_before_reading_actuals() {
    let run = plan(&[
        "check",
        "--plan",
        "plans/duplicate-id.yaml",
        "actuals/boundary.csv",
    ]);
    assert_error(
        &run,
        "plans/duplicate-id.yaml:12: duplicate target id `rd_intensity` (first on line 5); every \
         id must be unique",
    );
}

#[test]
fn valid_plans_pass() {
    let run = validate("minimal.yaml");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "plans/minimal.yaml: valid: 2 targets (2 quantitative, 0 milestones) for 2020\n"
    );
    let run = plan(&["validate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "plan.yaml (embedded): valid: 44 targets (22 quantitative, 22 milestones) for 2020\n"
    );
    // Under a Chinese locale, in Chinese.
    let output = common::command(&["validate"])
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "内置 plan.yaml：有效：2020 年共 44 项目标（定量 22 项，里程碑 22 项）\n"
    );
}

#[test]
fn baseline_period_must_come_before_the_year() {
    assert_error(
        &validate("baseline-not-before-year.yaml"),
        "plans/baseline-not-before-year.yaml:3: `baseline_period` 2020 is not before `year` 2020; \
         expected an earlier period",
    );
}

#[test]
fn a_milestone_takes_no_unit() {
    assert_error(
        &validate("milestone-with-unit.yaml"),
        "plans/milestone-with-unit.yaml:5: target `a`: rule `done` is a milestone and takes no `unit`",
    );
}

#[test]
fn an_empty_alias() {
    assert_error(
        &validate("empty-alias.yaml"),
        "plans/empty-alias.yaml:5: target `a`: an empty alias; expected other names of the target",
    );
}

#[test]
fn a_plan_saved_with_a_byte_order_mark_is_read() {
    let run = validate("bom.yaml");
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_csv_given_as_the_plan_gives_a_short_message() {
    let run = plan(&["validate", "../../examples/actuals-2020.csv"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.len() < 500, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error: ../../examples/actuals-2020.csv:1:1: "),
        "{}",
        run.stderr
    );
}

#[test]
fn a_target_that_no_figure_could_fail_or_meet() {
    for (unit, rule, value, why) in [
        ("%", "growth_at_least", "-100", "growth of -100% or more is met by any figure of 0 or more (a fall of 100% is to zero); expected a growth above -100%"),
        ("家", "at_least", "0", "a count of 家 is always at least 0; expected a value above 0"),
        ("个", "at_most", "-1", "a count of 个 is never at most -1; expected a value of 0 or more"),
        ("位", "at_most", "0", "a rank of 位 is never at most 0; expected a value of 1 or more"),
        ("位", "less_than", "1", "a rank of 位 is never less than 1; expected a value above 1"),
        ("%", "at_most", "100", "a share in % is always at most 100; expected a value below 100"),
        ("%", "less_than", "100.01", "a share in % is always less than 100.01; expected a value of 100 or less"),
        ("%", "at_least", "100.01", "a share in % is never at least 100.01; expected a value of 100 or less"),
        ("%", "more_than", "100", "a share in % is never more than 100; expected a value below 100"),
        ("%", "at_least", "0", "a share in % is always at least 0; expected a value above 0"),
        ("%", "less_than", "0", "a share in % is never less than 0; expected a value above 0"),
    ] {
        let text = format!(
            "title: t\nyear: 2020\nbaseline_period: 2019\nsource: s\ntargets:\n  - id: a\n    name: 甲\n    unit: \"{unit}\"\n    rule: {rule}\n    value: \"{value}\"\n    source: s\n    accrual: level\n"
        );
        let path = common::temp_file("settled.yaml", &text);
        let run = plan(&["validate", path.to_str().unwrap()]);
        let why = if why.starts_with("growth") {
            why.to_string()
        } else {
            format!("{why}, or `out_of_range: warn` or `allow` if figures may be outside the range")
        };
        assert_error(&run, &format!("{}:6: target `a`: {why}", path.display()));
        // Where figures may be outside the range, the bound decides nothing: the target stands.
        if !why.starts_with("growth") {
            let path = common::temp_file("allowed.yaml", format!("{text}    out_of_range: allow\n"));
            let run = plan(&["validate", path.to_str().unwrap()]);
            assert_eq!(run.code, 0, "{unit} {rule} {value}: {}", run.stderr);
        }
    }
}

#[test]
fn out_of_range_is_only_for_quantities_with_a_range() {
    let text = "title: t\nyear: 2020\nsource: s\ntargets:\n  - id: a\n    name: 甲\n    unit: 亿元\n    rule: at_least\n    value: \"1\"\n    source: s\n    accrual: level\n    out_of_range: warn\n";
    let path = common::temp_file("range.yaml", text);
    let run = plan(&["validate", path.to_str().unwrap()]);
    assert_error(
        &run,
        &format!(
            "{}:5: target `a`: `out_of_range` is for counts, ranks and percentages, which some \
             figures cannot be; `亿元` has no such range; remove `out_of_range`",
            path.display()
        ),
    );
}

#[test]
fn accrual_is_never_a_default() {
    let text = "title: t\nyear: 2020\nsource: s\ntargets:\n  - id: labs\n    name: 新建省重点实验室\n    unit: 个\n    rule: at_least\n    value: \"30\"\n    source: s\n";
    let path = common::temp_file("no-accrual.yaml", text);
    assert_error(
        &plan(&["validate", path.to_str().unwrap()]),
        &format!(
            "{}:5: target `labs`: no `accrual`; expected `accrual: cumulative` for a flow that \
             adds up over the year (new labs, a turnover, an amount of the year) or `accrual: \
             level` for a level, share, index or rank",
            path.display()
        ),
    );
}

/// A minimal valid plan, one target, to break line by line: line 5 is the target's `- id: a`.
const VALID: &str = "title: t\nyear: 2020\nsource: s\ntargets:\n  - id: a\n    name: 甲\n    unit: \"%\"\n    rule: at_least\n    value: \"1\"\n    source: s\n    accrual: level\n";

/// Runs `plan validate` on a temporary plan holding `text`; the file's name, as the messages
/// give it, is passed to `expect` to build the expected message.
fn validate_text(text: &str, expect: impl Fn(&str) -> String) {
    let path = common::temp_file("plan.yaml", text);
    let name = path.display().to_string();
    assert_error(&plan(&["validate", &name]), &expect(&name));
}

#[test]
fn a_tab_in_the_indentation_is_named_with_its_line_and_column() {
    validate_text(&VALID.replace("    name: 甲", "\tname: 甲"), |f| {
        format!("{f}:6:1: a tab in the indentation; indent with spaces")
    });
    validate_text(&VALID.replace("  - id: a", "\t- id: a"), |f| {
        format!("{f}:5:1: a tab in the indentation; indent with spaces")
    });
    validate_text(&VALID.replace("    rule", "  \trule"), |f| {
        format!("{f}:8:3: a tab in the indentation; indent with spaces")
    });
}

#[test]
fn values_yaml_cannot_read_bare_say_to_quote_them() {
    validate_text(&VALID.replace("unit: \"%\"", "unit: %"), |f| {
        format!(
            "{f}:7:11: `unit: %`: YAML reserves `%` at the start of a value; quote the value: \
             `unit: \"%\"`"
        )
    });
    validate_text(&VALID.replace("value: \"1\"", "value: @x"), |f| {
        format!(
            "{f}:9:12: `value: @x`: YAML reserves `@` at the start of a value; quote the value: \
             `value: \"@x\"`"
        )
    });
    validate_text(&VALID.replace("name: 甲", "name: `甲`"), |f| {
        format!(
            "{f}:6:11: `name: `甲``: YAML reserves ``` at the start of a value; quote the value: \
             `name: \"`甲`\"`"
        )
    });
    validate_text(&VALID.replace("name: 甲", "name: !甲"), |f| {
        format!(
            "{f}:6:11: `name: !甲`: YAML reads `!` at the start of a value as a tag; quote the \
             value: `name: \"!甲\"`"
        )
    });
    validate_text(&VALID.replace("rule: at_least", "rule: !x at_least"), |f| {
        format!(
            "{f}:8:11: targets[0].rule: `!x at_least`: YAML reads `!` at the start of a value as \
             a tag; quote the value: `rule: \"!x at_least\"`"
        )
    });
    validate_text(&VALID.replace("name: 甲", "name: *甲"), |f| {
        format!(
            "{f}:6:11: `name: *甲`: YAML reads `*` at the start of a value as a reference to an \
             anchor; quote the value: `name: \"*甲\"`"
        )
    });
    // `&x` alone is an anchor on an empty value: read as no name at all, never silently.
    validate_text(&VALID.replace("name: 甲", "name: &甲"), |f| {
        format!(
            "{f}:6:11: `name: &甲`: YAML reads `&` at the start of a value as an anchor; quote \
             the value: `name: \"&甲\"`"
        )
    });
    validate_text(&VALID.replace("name: 甲", "name: |甲"), |f| {
        format!(
            "{f}:6:11: `name: |甲`: YAML reads `|` at the start of a value as the start of a block \
             of text; quote the value: `name: \"|甲\"`"
        )
    });
    validate_text(&VALID.replace("name: 甲", "name: > 甲"), |f| {
        format!(
            "{f}:6:11: `name: > 甲`: YAML reads `>` at the start of a value as the start of a \
             block of text; quote the value: `name: \"> 甲\"`"
        )
    });
}

#[test]
fn a_block_of_text_after_a_bar_is_still_read() {
    let text = VALID.replace(
        "    source: s\n",
        "    source: s\n    quote: |\n      &this is text, \"not an anchor\n      *nor this\n",
    );
    let path = common::temp_file("plan.yaml", text);
    let run = plan(&["validate", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn shape_errors_name_the_key_what_was_found_and_what_is_expected() {
    validate_text(&VALID.replace("rule: at_least", "rule: [at_least]"), |f| {
        format!("{f}:8:11: targets[0].rule: found a list; expected one of {RULES}")
    });
    validate_text(&VALID.replace("accrual: level", "accrual: levle"), |f| {
        format!(
            "{f}:11:14: targets[0].accrual: unknown value `levle` (did you mean `level`?); \
             expected one of `cumulative`, `level`"
        )
    });
    validate_text(&VALID.replace("rule: at_least", "rulle: at_least"), |f| {
        format!(
            "{f}:8:5: targets[0]: unknown key `rulle` (did you mean `rule`?); expected one of {TARGET_KEYS}"
        )
    });
    validate_text(&VALID.replace("title: t", "titel: t"), |f| {
        format!(
            "{f}:1:1: unknown key `titel` (did you mean `title`?); expected one of `title`, \
             `title_en`, `issuer`, `year`, `baseline_period`, `horizon`, `source`, `regions`, `targets`"
        )
    });
    validate_text(&VALID.replace("name: 甲", "name: [甲]"), |f| {
        format!("{f}:6:11: targets[0].name: found a list; expected text")
    });
    validate_text("title: t\nyear: 2020\nsource: s\ntargets: 5\n", |f| {
        format!("{f}:4:10: targets: found the number 5; expected a list (lines starting with `- `)")
    });
    validate_text("title: t\nyear: 2020\nsource: s\ntargets:\n  - 5\n", |f| {
        format!(
            "{f}:5:5: targets[0]: found the number 5; expected a target: keys such as `id`, \
             `name`, `rule` and `source`"
        )
    });
    validate_text(
        &VALID.replace(
            "    accrual: level\n",
            "    baseline:\n      value: \"3\"\n",
        ),
        |f| {
            format!(
                "{f}:12:7: targets[0].baseline: missing key `source`; a baseline needs `value` \
                 and `source`"
            )
        },
    );
}

#[test]
fn duplicate_keys_name_both_lines_at_any_level() {
    validate_text(
        &VALID.replace("source: s\ntargets", "source: s\ntitle: u\ntargets"),
        |f| format!("{f}:4:1: key `title` written twice (first on line 1); write it once"),
    );
    validate_text(
        &VALID.replace("    rule: at_least\n", "    rule: at_least\n    unit: 家\n"),
        |f| {
            format!(
                "{f}:9:5: targets[0]: key `unit` written twice (first on line 7); write it once"
            )
        },
    );
    validate_text("title: {a: 1, a: 2}\n", |f| {
        format!("{f}:1:15: title: key `a` written twice (first on line 1); write it once")
    });
}

#[test]
fn a_duplicate_target_id_names_both_lines() {
    let second = VALID.split_once("targets:\n").unwrap().1;
    validate_text(
        &format!("{VALID}{}", second.replace("name: 甲", "name: 乙")),
        |f| format!("{f}:12: duplicate target id `a` (first on line 5); every id must be unique"),
    );
}

#[test]
fn a_file_that_is_not_a_mapping_of_keys_says_so() {
    let not_a_plan = |what: &str| {
        format!(
            "the file holds {what}, not a plan; expected keys `title`, `year`, `source` and \
             `targets` at the top level, such as `title: 2020 年科技工作要点`"
        )
    };
    validate_text("- a\n- b\n", |f| {
        format!("{f}:1:1: {}", not_a_plan("a list"))
    });
    validate_text("hello\n", |f| {
        format!("{f}:1:1: {}", not_a_plan("the text `hello`"))
    });
    validate_text("~\n", |f| {
        format!("{f}:1:1: {}", not_a_plan("an empty value"))
    });
    for empty in ["", "\n  \n", "# a comment\n\n# another\n"] {
        validate_text(empty, |f| {
            format!(
                "{f}: empty plan file; expected YAML with `title`, `year`, `source` and `targets`"
            )
        });
    }
}

#[test]
fn a_missing_key_is_named_with_what_the_plan_needs() {
    validate_text(&VALID.replace("title: t\n", ""), |f| {
        format!(
            "{f}:1:1: missing key `title`; a plan needs `title`, `year`, `source` and `targets`"
        )
    });
    validate_text("title: t\nyear: 2020\nsource: s\n", |f| {
        format!(
            "{f}:1:1: missing key `targets`; a plan needs `title`, `year`, `source` and `targets`"
        )
    });
    validate_text(&VALID.replace("    rule: at_least\n", ""), |f| {
        format!(
            "{f}:5:5: targets[0]: missing key `rule`; a target needs `id`, `name`, `rule` and \
             `source`"
        )
    });
}

#[test]
fn a_control_character_in_the_file_is_shown_escaped_with_its_place() {
    validate_text(&VALID.replace("name: 甲", "name: \"\u{1b}[2J\""), |f| {
        format!(
            "{f}:6:12: a control character `\\u{{1b}}` in the file, which YAML does not allow; \
             remove it"
        )
    });
    validate_text(
        &VALID
            .replace("rulle", "x")
            .replace("rule:", "\u{202e}rule:"),
        |f| {
            format!(
                "{f}:8:5: targets[0]: unknown key `\\u{{202e}}rule` (did you mean `rule`?); \
             expected one of {TARGET_KEYS}"
            )
        },
    );
}

/// Words of serde's and libyaml's that must never reach a user.
const INTERNALS: &[&str] = &[
    "RawPlan",
    "RawTarget",
    "RawBaseline",
    "struct",
    "variant",
    "serde",
    "token",
    "scalar",
    "sequence",
    "YAML tag",
    "invalid type",
    "while scanning",
    "while parsing",
    "did not find expected",
    "not readable as YAML",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 96,
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    })]

    /// Each line of the built-in plan broken one way: a tab at its start, the line written twice
    /// (a key duplicated), or its value replaced by a bare special character. Every one is exit
    /// 2, names `file:line`, and speaks no serde or libyaml.
    #[test]
    fn broken_plans_get_a_message_in_plain_words(
        line in 0usize..10_000,
        how in 0u8..3,
        special in proptest::sample::select(vec!['%', '@', '`', '!', '*', '&', '|', '>']),
    ) {
        let text = include_str!("../plan.yaml");
        let lines: Vec<&str> = text.lines().collect();
        // Lines that hold something: a blank line or a comment broken is no error.
        let candidates: Vec<usize> = (0..lines.len())
            .filter(|&i| {
                let t = lines[i].trim();
                !t.is_empty() && !t.starts_with('#')
            })
            .filter(|&i| match how {
                // A line written twice duplicates a key when it is a key of a mapping.
                1 => lines[i].contains(": ") && !lines[i].trim_start().starts_with("- "),
                2 => key_value(lines[i]).is_some(),
                _ => true,
            })
            .collect();
        let i = candidates[line % candidates.len()];
        let mut broken: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        match how {
            0 => broken[i] = format!("\t{}", broken[i]),
            1 => broken.insert(i + 1, broken[i].clone()),
            _ => {
                let (key, _) = key_value(lines[i]).unwrap();
                broken[i] = format!("{key}{special}x");
            }
        }
        let path = common::temp_file("broken.yaml", broken.join("\n") + "\n");
        let name = path.display().to_string();
        let run = plan(&["validate", &name]);
        proptest::prop_assert_eq!(run.code, 2, "line {}, how {}: {}", i + 1, how, run.stderr);
        proptest::prop_assert!(
            run.stderr.starts_with(&format!("error: {name}:")),
            "line {}, how {}: {}", i + 1, how, run.stderr
        );
        let place = run.stderr[format!("error: {name}:").len()..]
            .split(':')
            .next()
            .unwrap_or("");
        proptest::prop_assert!(
            place.parse::<u64>().is_ok(),
            "no line: {}", run.stderr
        );
        for word in INTERNALS {
            proptest::prop_assert!(!run.stderr.contains(word), "{}: {}", word, run.stderr);
        }
        proptest::prop_assert_eq!(run.stderr.lines().count(), 1);
        // The same in Chinese: the same place, the message in Chinese words.
        let out = common::command(&["validate", &name])
            .env("LANG", "zh_CN.UTF-8")
            .output()
            .expect("the plan binary runs");
        let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
        proptest::prop_assert_eq!(out.status.code(), Some(2), "{}", stderr);
        let after = stderr.strip_prefix(&format!("错误：{name}:"));
        proptest::prop_assert!(after.is_some(), "line {}, how {}: {}", i + 1, how, stderr);
        let (place, said) = after.unwrap_or_default().split_once('：').unwrap_or_default();
        proptest::prop_assert!(
            place.split(':').all(|n| n.parse::<u64>().is_ok()),
            "no line: {}", stderr
        );
        proptest::prop_assert!(
            english_in(said).is_empty(),
            "English {:?} in {}", english_in(said), stderr
        );
        proptest::prop_assert_eq!(stderr.lines().count(), 1);
    }
}

/// The runs of 3 or more ASCII letters in `text` outside backquotes, but for the names of
/// formats: English in what should be Chinese.
fn english_in(text: &str) -> Vec<&str> {
    text.split('`')
        .step_by(2)
        .flat_map(|part| part.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|word| word.len() >= 3 && !["YAML", "CSV", "JSON", "UTF", "xlsx"].contains(word))
        .collect()
}

/// `key: ` with its indentation and the value of a `key: value` line whose value is on the line
/// (not a block of text after `|` or `>`).
fn key_value(line: &str) -> Option<(&str, &str)> {
    let at = line.find(": ")?;
    let (key, value) = (&line[..at + 2], line[at + 2..].trim());
    let plain_key = key
        .trim_start()
        .trim_start_matches("- ")
        .trim_end_matches(": ")
        .chars()
        .all(|c| c.is_ascii_lowercase() || c == '_');
    (plain_key && !value.is_empty() && !value.starts_with(['|', '>'])).then_some((key, value))
}

/// Under `--lang zh` a plan's errors are Chinese, at the same places: YAML that does not read,
/// a value of the wrong kind, an unknown name, a duplicate id, a target that does not hold
/// together; a plan on standard input is at `<标准输入>`. In English they stay as above.
#[test]
fn plan_errors_speak_the_runs_language() {
    for (file, expected) in [
        (
            "malformed.yaml",
            "3:1：带引号的值到文件末尾都没有闭合；应用开头的引号（`\"` 或 `'`）闭合它",
        ),
        (
            "wrong-type.yaml",
            "9:12：`targets[0].value`：此处是列表；应为数字，如 2.20",
        ),
        (
            "unknown-rule.yaml",
            "8:11：`targets[0].rule`：未知的值 `at_lest`（是否应为 `at_least`？）；应为 {RULES_ZH} 之一",
        ),
        (
            "duplicate-id.yaml",
            "12：指标 id `rd_intensity` 重复（第一次在第 5 行）；每个 id 应唯一",
        ),
        (
            "rule-without-value.yaml",
            "5：指标 `rd_intensity`：规则 `at_least` 需要 `value`",
        ),
        (
            "baseline-not-before-year.yaml",
            "3：`baseline_period` 2020 不早于 `year` 2020；应为更早的年份",
        ),
    ] {
        let path = format!("plans/{file}");
        let expected = expected.replace("{RULES_ZH}", RULES_ZH);
        let run = plan(&["list", "--plan", &path, "--lang", "zh"]);
        assert_eq!(
            (run.code, run.stderr.as_str()),
            (2, format!("错误：{path}:{expected}\n").as_str())
        );
    }
    let run = common::plan_with_stdin(&["list", "--plan", "-", "--lang", "zh"], "a\n");
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "错误：<标准输入>:1:1：文件内容是文本 `a`，不是计划；顶层应为 `title`、`year`、\
             `source` 和 `targets` 这些键，如 `title: 2020 年科技工作要点`\n"
        )
    );
    let run = common::plan_with_stdin(&["list", "--plan", "-", "--lang", "en"], "a\n");
    assert_error(
        &run,
        "<stdin>:1:1: the file holds the text `a`, not a plan; expected keys `title`, `year`, \
         `source` and `targets` at the top level, such as `title: 2020 年科技工作要点`",
    );
}

/// `path` shapes the level due in a year before a plan's target year: an annual plan has no
/// such year, and a milestone no level, so either refuses it, as it refuses `every_year` and
/// `since`, rather than take it and do nothing.
#[test]
fn path_is_refused_where_it_would_do_nothing() {
    let target = "targets:\n  - id: a\n    name: 甲\n    unit: 家\n    rule: at_least\n    \
                  value: \"5\"\n    source: s\n    accrual: level\n";
    for key in ["path: linear", "path: compound", "every_year: true"] {
        let text = format!("title: t\nyear: 2020\nsource: s\n{target}    {key}\n");
        let path = common::temp_file("annual.yaml", &text);
        let name = path.to_str().unwrap();
        let word = key.split(':').next().unwrap();
        assert_error(
            &plan(&["validate", name]),
            &format!(
                "{name}:5: target `a`: `{word}` is for a plan over years, but this plan has one \
                 `year`; expected `horizon: {{base: …, target: …}}` for the plan"
            ),
        );
        let run = plan(&["list", "--plan", name, "--lang", "zh"]);
        assert_eq!(
            (run.code, run.stderr.as_str()),
            (
                2,
                format!(
                    "错误：{name}:5：指标 `a`：`{word}` 只用于跨多个年份的规划，但本计划只有一个 \
                     `year`；应为计划写明 `horizon: {{base: …, target: …}}`\n"
                )
                .as_str()
            )
        );
        // Over years it stands.
        let text = format!(
            "title: t\nhorizon: {{base: 2015, target: 2020}}\nsource: s\n{target}    {key}\n"
        );
        let path = common::temp_file("over-years.yaml", &text);
        let run = plan(&["validate", path.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{key}: {}", run.stderr);
    }
    let text =
        "title: t\nhorizon: {base: 2015, target: 2020}\nsource: s\ntargets:\n  - id: m\n    \
                name: 乙\n    rule: done\n    source: s\n    path: linear\n";
    let path = common::temp_file("milestone.yaml", text);
    let name = path.to_str().unwrap();
    assert_error(
        &plan(&["validate", name]),
        &format!("{name}:5: target `m`: a milestone (`rule: done`) takes no `path`"),
    );
}
// The plan's years (`year` or `horizon`) and the keys of a plan over years: each error they can
// raise, with its line, in English and (for some) in Chinese.

/// A plan over years with one valid target, to break key by key: line 5 is `- id: a`.
const OVER_YEARS: &str = "title: t\nhorizon: {base: 2015, target: 2020}\nsource: s\ntargets:\n  - id: a\n    name: 甲\n    unit: 名\n    rule: at_least\n    value: \"2500\"\n    source: s\n    accrual: cumulative\n";

/// Runs `plan validate` on a temporary plan holding `text`, which must be valid.
fn assert_valid(text: &str) {
    let path = common::temp_file("plan.yaml", text);
    let run = plan(&["validate", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{text}\n{}", run.stderr);
}

#[test]
fn a_plan_with_both_year_and_horizon() {
    assert_error(
        &validate("h-year-and-horizon.yaml"),
        "plans/h-year-and-horizon.yaml:3: the plan has both `year` and `horizon`; expected one: \
         `year` for an annual plan, `horizon` for a plan over years",
    );
}

#[test]
fn a_plan_with_neither_year_nor_horizon() {
    assert_error(
        &validate("h-no-year.yaml"),
        "plans/h-no-year.yaml:1: the plan has no `year` or `horizon`; expected `year: 2020` for an \
         annual plan, or `horizon: {base: 2015, target: 2020}` for a plan over years",
    );
}

#[test]
fn a_horizon_that_runs_backwards_or_stands_still() {
    assert_error(
        &validate("h-horizon-backwards.yaml"),
        "plans/h-horizon-backwards.yaml:2: `horizon` runs from 2020 to 2015; expected a target \
         year after the base year",
    );
    // A target year equal to the base year is no plan over years either.
    validate_text(&OVER_YEARS.replace("target: 2020", "target: 2015"), |f| {
        format!(
            "{f}:2: `horizon` runs from 2015 to 2015; expected a target year after the base year"
        )
    });
    // One year after the base is the shortest horizon.
    assert_valid(&OVER_YEARS.replace("target: 2020", "target: 2016"));
}

#[test]
fn a_horizon_with_a_baseline_period() {
    assert_error(
        &validate("h-baseline-period-with-horizon.yaml"),
        "plans/h-baseline-period-with-horizon.yaml:3: `baseline_period` beside `horizon`; the \
         horizon's base year is the baseline: remove `baseline_period`",
    );
}

#[test]
fn every_year_and_since_need_a_plan_over_years() {
    assert_error(
        &validate("h-every-year-annual.yaml"),
        "plans/h-every-year-annual.yaml:5: target `a`: `every_year` is for a plan over years, \
         but this plan has one `year`; expected `horizon: {base: …, target: …}` for the plan",
    );
    assert_error(
        &validate("h-since-annual.yaml"),
        "plans/h-since-annual.yaml:5: target `a`: `since` is for a plan over years, but \
         this plan has one `year`; expected `horizon: {base: …, target: …}` for the plan",
    );
    // `every_year: false` says nothing an annual plan cannot hold.
    assert_valid(&VALID.replace(
        "accrual: level\n",
        "accrual: level\n    every_year: false\n",
    ));
}

#[test]
fn since_must_be_a_year_after_the_base_up_to_the_target() {
    assert_error(
        &validate("h-since-outside.yaml"),
        "plans/h-since-outside.yaml:5: target `a`: `since` 2015 is outside the plan's years 2015 \
         to 2020; expected a year from 2016 to 2020",
    );
    for since in ["2014", "2021", "1000", "9999"] {
        validate_text(&format!("{OVER_YEARS}    since: {since}\n"), |f| {
            format!(
                "{f}:5: target `a`: `since` {since} is outside the plan's years 2015 to \
                     2020; expected a year from 2016 to 2020"
            )
        });
    }
    // The first year after the base and the target year itself are inside.
    for since in ["2016", "2020"] {
        assert_valid(&format!("{OVER_YEARS}    since: {since}\n"));
    }
}

#[test]
fn since_needs_a_cumulative_flow() {
    assert_error(
        &validate("h-since-level.yaml"),
        "plans/h-since-level.yaml:5: target `a`: `since` adds up a flow across years; expected \
         `accrual: cumulative`",
    );
}

#[test]
fn since_with_every_year() {
    assert_error(
        &validate("h-since-every-year.yaml"),
        "plans/h-since-every-year.yaml:5: target `a`: `since` sums a flow across years, so the sum \
         is not a figure of each year; expected `since` or `every_year`, not both",
    );
    // `every_year: false` beside `since` is no conflict.
    assert_valid(&format!(
        "{OVER_YEARS}    since: 2016\n    every_year: false\n"
    ));
}

#[test]
fn since_with_a_rule_that_compares_with_a_baseline() {
    assert_error(
        &validate("h-since-relative.yaml"),
        "plans/h-since-relative.yaml:5: target `a`: `since` sums a flow across years, which rule \
         `growth_at_least` has no baseline to compare with; expected a rule with a value \
         (at_least, more_than, at_most, less_than, between, about)",
    );
    for (rule, value) in [
        ("ratio_at_least", "value: \"2\"\n"),
        ("increase", ""),
        ("decrease", ""),
        ("points_increase", "value: \"2\"\n"),
        ("cagr_at_least", "value: \"7\"\n"),
    ] {
        let value = if value.is_empty() {
            String::new()
        } else {
            format!("    {value}")
        };
        let text = OVER_YEARS
            .replace(
                "    rule: at_least\n    value: \"2500\"\n",
                &format!("    rule: {rule}\n{value}"),
            )
            .replace("unit: 名", "unit: \"%\"");
        validate_text(&format!("{text}    since: 2016\n"), |f| {
            format!(
                "{f}:5: target `a`: `since` sums a flow across years, which rule `{rule}` has no \
                 baseline to compare with; expected a rule with a value (at_least, more_than, \
                 at_most, less_than, between, about)"
            )
        });
    }
    // A rule with a value of its own sums from `since`.
    assert_valid(&format!(
        "{}    since: 2016\n",
        OVER_YEARS.replace(
            "    rule: at_least\n    value: \"2500\"\n",
            "    rule: about\n    value: \"2500\"\n    tolerance: \"5%\"\n"
        )
    ));
}

#[test]
fn a_milestone_over_years() {
    assert_error(
        &validate("h-every-year-milestone.yaml"),
        "plans/h-every-year-milestone.yaml:5: target `a`: a milestone (`rule: done`) takes no \
         `every_year`",
    );
    let milestone = "title: t\nhorizon: {base: 2015, target: 2020}\nsource: s\ntargets:\n  - id: a\n    name: 甲\n    rule: done\n    source: s\n";
    validate_text(&format!("{milestone}    since: 2016\n"), |f| {
        format!("{f}:5: target `a`: a milestone (`rule: done`) takes no `since`")
    });
    // Both: `every_year` is named first.
    validate_text(
        &format!("{milestone}    since: 2016\n    every_year: true\n"),
        |f| format!("{f}:5: target `a`: a milestone (`rule: done`) takes no `every_year`"),
    );
    // In an annual plan too: the milestone is the problem, not the plan's years.
    let annual = milestone.replace("horizon: {base: 2015, target: 2020}", "year: 2020");
    validate_text(&format!("{annual}    every_year: true\n"), |f| {
        format!("{f}:5: target `a`: a milestone (`rule: done`) takes no `every_year`")
    });
}

#[test]
fn a_baseline_year_must_come_before_the_target_year() {
    assert_error(
        &validate("h-baseline-year-not-before.yaml"),
        "plans/h-baseline-year-not-before.yaml:5: target `a`: the `baseline`'s `year` 2020 is not \
         before the target year 2020; expected an earlier year",
    );
    let growth = OVER_YEARS.replace(
        "    rule: at_least\n    value: \"2500\"\n",
        "    rule: growth_at_least\n    value: \"10\"\n",
    );
    let cagr = OVER_YEARS.replace(
        "    rule: at_least\n    value: \"2500\"\n",
        "    rule: cagr_at_least\n    value: \"7\"\n",
    );
    let annual = VALID.replace("rule: at_least", "rule: growth_at_least");
    for text in [&growth, &cagr, &annual] {
        for year in ["2020", "2021"] {
            validate_text(
                &format!("{text}    baseline: {{value: \"3\", source: s, year: {year}}}\n"),
                |f| {
                    format!(
                        "{f}:5: target `a`: the `baseline`'s `year` {year} is not before the \
                         target year 2020; expected an earlier year"
                    )
                },
            );
        }
        // The year before the target year is the latest a baseline can be.
        assert_valid(&format!(
            "{text}    baseline: {{value: \"3\", source: s, year: 2019}}\n"
        ));
    }
}

#[test]
fn rank_within_needs_a_rank() {
    assert_error(
        &validate("h-rank-within-not-a-rank.yaml"),
        "plans/h-rank-within-not-a-rank.yaml:5: target `a`: rule `rank_within` (进入前 N 位) \
         judges a rank, but the unit is `%`; expected `unit: 位`",
    );
    let rank = OVER_YEARS
        .replace("rule: at_least", "rule: rank_within")
        .replace("\"2500\"", "\"15\"")
        .replace("cumulative", "level");
    validate_text(&rank.replace("unit: 名", "unit: 家"), |f| {
        format!(
            "{f}:5: target `a`: rule `rank_within` (进入前 N 位) judges a rank, but the unit is \
             `家`; expected `unit: 位`"
        )
    });
    assert_valid(&rank.replace("unit: 名", "unit: 位"));
}

#[test]
fn about_needs_a_tolerance() {
    assert_error(
        &validate("h-about-without-tolerance.yaml"),
        "plans/h-about-without-tolerance.yaml:5: target `a`: rule `about` (左右) needs a \
         `tolerance`: how far from `value` a figure may be, as a share (`\"5%\"`) or an amount \
         (`\"50\"`); the plan's 左右 gives none",
    );
}

#[test]
fn a_tolerance_that_is_no_amount_or_share() {
    assert_error(
        &validate("h-bad-tolerance.yaml"),
        "plans/h-bad-tolerance.yaml:5: target `a`: `tolerance` `-5%` is not an amount such as \
         `\"50\"` or a share such as `\"5%\"`, 0 or more",
    );
    let about = OVER_YEARS.replace("    rule: at_least\n", "    rule: about\n");
    let with = |tolerance: &str| {
        about.replace(
            "    source: s\n    accrual",
            &format!("    tolerance: {tolerance}\n    source: s\n    accrual"),
        )
    };
    for (written, shown) in [
        ("\"-5\"", "-5"),
        ("\"abc\"", "abc"),
        ("\"5%%\"", "5%%"),
        ("\"%\"", "%"),
        ("\"\"", ""),
        ("\"1e3\"", "1e3"),
        ("\"NaN%\"", "NaN%"),
    ] {
        validate_text(&with(written), |f| {
            format!(
                "{f}:5: target `a`: `tolerance` `{shown}` is not an amount such as `\"50\"` or a \
                 share such as `\"5%\"`, 0 or more"
            )
        });
    }
    // "5" is an amount in the unit (5 名), not a share; 0 is a tolerance of none.
    for fine in [
        "\"5\"", "\"5%\"", "\" 5% \"", "\"5％\"", "\"0\"", "\"0%\"", "\"2.5%\"", "5",
    ] {
        assert_valid(&with(fine));
    }
}

#[test]
fn a_tolerance_for_a_rule_other_than_about() {
    assert_error(
        &validate("h-tolerance-not-about.yaml"),
        "plans/h-tolerance-not-about.yaml:5: target `a`: rule `at_least` takes no `tolerance`; \
         only `about` (左右) does",
    );
}

#[test]
fn cagr_in_an_annual_plan_needs_a_baseline() {
    assert_error(
        &validate("h-cagr-annual.yaml"),
        "plans/h-cagr-annual.yaml:5: target `a`: rule `cagr_at_least` compares with a baseline, \
         but the plan has no `baseline_period` and the target has no `baseline`",
    );
    // With a baseline period, or a baseline of its own, it is a growth over those years.
    let cagr = VALID
        .replace("rule: at_least", "rule: cagr_at_least")
        .replace("unit: \"%\"", "unit: 亿元");
    assert_valid(&cagr.replace("year: 2020\n", "year: 2020\nbaseline_period: 2017\n"));
    assert_valid(&format!(
        "{cagr}    baseline: {{value: \"3\", source: s}}\n"
    ));
}

#[test]
fn a_path_that_is_not_compound_or_linear() {
    assert_error(
        &validate("h-path-unknown.yaml"),
        "plans/h-path-unknown.yaml:12:11: targets[0].path: unknown value `exponential`; expected \
         one of `compound`, `linear`",
    );
    validate_text(&format!("{OVER_YEARS}    path: linea\n"), |f| {
        format!(
            "{f}:12:11: targets[0].path: unknown value `linea` (did you mean `linear`?); expected \
             one of `compound`, `linear`"
        )
    });
}

/// The errors of a plan's years, in Chinese, at the same places.
#[test]
fn errors_of_a_plan_over_years_in_chinese() {
    for (file, expected) in [
        (
            "h-year-and-horizon.yaml",
            "3：计划同时有 `year` 和 `horizon`；只应有一个：年度计划用 `year`，多年规划用 `horizon`",
        ),
        (
            "h-since-outside.yaml",
            "5：指标 `a`：`since` 2015 不在规划期 2015—2020 年内；应为 2016—2020 年中的一年",
        ),
        (
            "h-bad-tolerance.yaml",
            "5：指标 `a`：`tolerance` `-5%` 不是 `\"50\"` 这样的数量或 `\"5%\"` 这样的比例（应不小于 0）",
        ),
        (
            "h-rank-within-not-a-rank.yaml",
            "5：指标 `a`：规则 `rank_within`（进入前 N 位）判断的是排名，但单位是 `%`；应为 `unit: 位`",
        ),
    ] {
        let path = format!("plans/{file}");
        let run = plan(&["list", "--plan", &path, "--lang", "zh"]);
        assert_eq!(
            (run.code, run.stderr.as_str(), run.stdout.as_str()),
            (2, format!("错误：{path}:{expected}\n").as_str(), "")
        );
    }
    // Under a Chinese locale, validate speaks Chinese too.
    let output = common::command(&["validate", "plans/h-baseline-year-not-before.yaml"])
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "错误：plans/h-baseline-year-not-before.yaml:5：指标 `a`：`baseline` 的 `year` 2020 不早于目标年 \
         2020 年；应为更早的年份\n"
    );
}

/// A key that takes `true` or `false` given something else: the message should be in plain
/// words, as every other shape error is. Today serde's own words come through.
#[test]
fn a_yes_or_no_key_given_something_else_is_named_in_plain_words() {
    for key in ["every_year", "aspiration"] {
        let path = common::temp_file("plan.yaml", format!("{OVER_YEARS}    {key}: maybe\n"));
        let name = path.display().to_string();
        let run = plan(&["validate", &name]);
        assert_eq!(run.code, 2);
        assert!(
            run.stderr.starts_with(&format!(
                "error: {name}:12:{}: targets[0].{key}: ",
                key.len() + 7
            )),
            "{}",
            run.stderr
        );
        for word in INTERNALS {
            assert!(!run.stderr.contains(word), "{word}: {}", run.stderr);
        }
    }
}

/// A horizon of centuries would make the exact powers of 年均增长 take minutes; a growth
/// averaged over the plan cannot be judged each year by itself.
#[test]
fn a_horizon_too_long_and_cagr_every_year_are_refused() {
    let target = "targets:\n  - id: g\n    name: g\n    unit: 亿元\n    rule: cagr_at_least\n    \
                  value: \"7\"\n    accrual: level\n    source: s\n";
    let long = common::temp_file(
        "long.yaml",
        format!("title: t\nhorizon: {{base: 1000, target: 9999}}\nsource: s\n{target}"),
    );
    let name = long.to_str().unwrap();
    assert_error(
        &plan(&["validate", name]),
        &format!("{name}:2: `horizon` runs from 1000 to 9999, 8999 years; expected at most 50"),
    );
    let fifty = common::temp_file(
        "fifty.yaml",
        format!("title: t\nhorizon: {{base: 1970, target: 2020}}\nsource: s\n{target}"),
    );
    assert_eq!(plan(&["validate", fifty.to_str().unwrap()]).code, 0);
    let each = common::temp_file(
        "each.yaml",
        format!(
            "title: t\nhorizon: {{base: 2015, target: 2020}}\nsource: s\n{target}    every_year: true\n"
        ),
    );
    let name = each.to_str().unwrap();
    assert_error(
        &plan(&["validate", name]),
        &format!(
            "{name}:5: target `g`: `every_year` judges each year by itself, and `cagr_at_least` \
             is an average over the plan's years; expected `growth_at_least` for growth each \
             year (每年增长), or no `every_year`"
        ),
    );
}

/// 进入前 0 位 can never be met, as a rank at most 0 cannot: refused the same way.
#[test]
fn a_rank_within_no_place_is_refused() {
    let text = "title: t\nhorizon: {base: 2015, target: 2020}\nsource: s\ntargets:\n  - id: a\n    \
                name: a\n    unit: 位\n    rule: rank_within\n    value: \"0\"\n    accrual: level\n    \
                source: s\n";
    let path = common::temp_file("rank.yaml", text);
    let name = path.to_str().unwrap();
    assert_error(
        &plan(&["validate", name]),
        &format!(
            "{name}:5: target `a`: a rank of 位 is never at most 0; expected a value of 1 or more, \
             or `out_of_range: warn` or `allow` if figures may be outside the range"
        ),
    );
    let one = common::temp_file("rank1.yaml", text.replace("\"0\"", "\"1\""));
    assert_eq!(plan(&["validate", one.to_str().unwrap()]).code, 0);
}
