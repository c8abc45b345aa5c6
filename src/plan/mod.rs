//! The plan: a validated list of targets, loaded from YAML (`plan.yaml`).
//!
//! Stage one of the flow: text -> [`raw`] serde structs -> [`load`] checks -> [`Plan`].

mod bounds;
mod load;
mod problem;
mod raw;
mod rule;
mod shape;
mod target;

pub use bounds::{BoundKind, Bounds};
pub use load::{load_embedded, load_plan, load_plan_at, EMBEDDED_PLAN, EMBEDDED_PLAN_NAME};
pub use problem::{Problem, Syntax};
pub use rule::Rule;
pub use shape::{Expect, Found, Invalid, KeyPath, Seg, Shape, Thing};
pub use target::{Accrual, Aggregate, Baseline, OutOfRange, Profile, Target};

/// A validated plan: every target has a unique id and name, and a rule with what it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The plan's title, e.g. 省委科技工委 省科技厅 2020 年科技工作要点.
    pub title: String,
    /// The title in English, if given.
    pub title_en: Option<String>,
    /// Who issued the plan.
    pub issuer: Option<String>,
    /// The plan year: figures for this period are checked.
    pub year: i32,
    /// The period relative rules compare with (usually the year before).
    pub baseline_period: Option<i32>,
    /// The source document.
    pub source: String,
    /// The targets, in plan order.
    pub targets: Vec<Target>,
}

/// The JSON Schema (draft-07, which editors' YAML language servers read) of plan.yaml.
pub fn schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let schema = generator.into_root_schema_for::<raw::RawPlan>();
    serde_json::to_value(schema).expect("a schema is JSON")
}
