//! A command line, an output file, or standard input and output used in a way that cannot work.
//! Typed here; worded in each language in `render/errors/usage.rs`.

/// A command line, an output file, or standard input and output used in a way that cannot work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageProblem {}
