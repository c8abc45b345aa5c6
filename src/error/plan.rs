//! A plan file that does not read or does not hold together.
//! Typed here; worded in each language in `render/errors/plan.rs`.

/// A plan file that does not read or does not hold together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanProblem {}
