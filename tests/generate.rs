//! `plan schema`, `plan completions`, `plan man`: generated from the program, and true to it.

mod common;

use common::plan;

fn schema() -> serde_json::Value {
    let run = plan(&["schema"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("the schema is JSON")
}

fn yaml_as_json(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(common::fixtures().join(path)).unwrap();
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    serde_json::to_value(yaml).unwrap()
}

#[test]
fn the_schema_is_draft_07() {
    assert_eq!(
        schema()["$schema"],
        "http://json-schema.org/draft-07/schema#"
    );
}

#[test]
fn the_committed_schema_is_what_plan_schema_prints() {
    let committed =
        std::fs::read_to_string(common::fixtures().join("../../plan.schema.json")).unwrap();
    assert_eq!(
        committed,
        plan(&["schema"]).stdout,
        "run `plan schema > plan.schema.json`"
    );
}

#[test]
fn plan_yaml_validates_against_the_schema() {
    let validator = jsonschema::draft7::new(&schema()).expect("a valid draft-07 schema");
    let instance = yaml_as_json("../../plan.yaml");
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let validator = jsonschema::draft7::new(&schema()).unwrap();
    for bad in [
        "plans/unknown-field.yaml",
        "plans/unknown-rule.yaml",
        "plans/wrong-type.yaml",
    ] {
        assert!(
            !validator.is_valid(&yaml_as_json(bad)),
            "{bad} should not validate"
        );
    }
    assert!(validator.is_valid(&yaml_as_json("plans/minimal.yaml")));
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = plan(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(
            run.stdout.contains("check") && run.stdout.contains("allow-missing"),
            "{shell}"
        );
    }
    assert_eq!(plan(&["completions", "tcsh"]).code, 2);
}

#[test]
fn a_man_page() {
    let run = plan(&["man"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.starts_with(".ie \\n(.g .ds Aq") || run.stdout.contains(".TH plan"),
        "{}",
        &run.stdout[..200]
    );
    assert!(run.stdout.contains(".TH plan"));
    for expected in [
        ".SH \"PLAN CHECK\"",
        "allow\\-missing",
        "\\-\\-format",
        "\\-\\-lang",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(run.stdout.contains(expected), "the man page has {expected}");
    }
}

/// The schema, like the loader, asks every target but a milestone for its unit and accrual, so
/// an editor flags the plan that would be read wrong without them.
#[test]
fn the_schema_asks_quantitative_targets_for_unit_and_accrual() {
    let validator = jsonschema::draft7::new(&schema()).unwrap();
    let plan = yaml_as_json("plans/minimal.yaml");
    assert!(validator.is_valid(&plan));
    for key in ["accrual", "unit"] {
        let mut without = plan.clone();
        without["targets"][0].as_object_mut().unwrap().remove(key);
        assert!(!validator.is_valid(&without), "a target without `{key}`");
    }
    let milestone = serde_json::json!({
        "title": "t", "year": 2020, "source": "s",
        "targets": [{"id": "m", "name": "制定办法", "rule": "done", "source": "第1条"}]
    });
    assert!(validator.is_valid(&milestone), "a milestone needs neither");
}
