//! Converts the embedded plan (plan.yaml) to JSON at build time, so the binary starts from JSON,
//! which parses about ten times faster than YAML: the built-in plan costs little on every run.
//! Every scalar becomes a JSON string (the plan's numbers are read from text anyway); a test
//! checks that the plan loaded from this JSON is the one loaded from the YAML.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=plan.yaml");
    let yaml = std::fs::read_to_string("plan.yaml").expect("plan.yaml is readable");
    let value: serde_yaml::Value = serde_yaml::from_str(&yaml).expect("plan.yaml is YAML");
    let json = serde_json::to_string(&to_json(value)).expect("a JSON value serialises");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("plan.json"), json).expect("OUT_DIR is writable");
}

/// The YAML value as JSON, with numbers as their text.
fn to_json(value: serde_yaml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    use serde_yaml::Value as Y;
    match value {
        Y::Null => J::Null,
        Y::Bool(b) => J::Bool(b),
        Y::Number(n) => {
            assert!(
                n.is_i64() || n.is_u64(),
                "plan.yaml: write the decimal {n} in quotes, as text, so no digit is lost"
            );
            J::String(n.to_string())
        }
        Y::String(s) => J::String(s),
        Y::Sequence(items) => J::Array(items.into_iter().map(to_json).collect()),
        Y::Mapping(map) => J::Object(
            map.into_iter()
                .map(|(k, v)| match k {
                    Y::String(k) => (k, to_json(v)),
                    other => panic!("plan.yaml: a key that is not text: {other:?}"),
                })
                .collect(),
        ),
        Y::Tagged(tagged) => panic!("plan.yaml: a tag is not expected: {}", tagged.tag),
    }
}
