//! A data file's content that does not read: numbers, cells, tables, encodings, workbooks.
//! Typed here; worded in each language in `render/errors/data.rs`.

/// A data file's content that does not read: numbers, cells, tables, encodings, workbooks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataProblem {}
