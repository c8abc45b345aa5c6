//! The rows `--ignore-unknown` skipped, by name: every name, with its row count and first place,
//! so a reader sees what was left out (a misspelt target among the regional totals, say).

use std::collections::HashMap;

use crate::error::Location;
use crate::warning::{SkippedName, Warning};

/// How many names the warning lists before it only counts.
const LISTED: usize = 50;

/// The names skipped, in the order first seen.
#[derive(Debug, Clone, Default)]
pub struct SkippedNames {
    names: Vec<Name>,
    index: HashMap<String, usize>,
}

#[derive(Debug, Clone)]
struct Name {
    text: String,
    first: Location,
    rows: u64,
    /// The place of the last figure counted: a wide row's figures are one row.
    last: Location,
}

impl SkippedNames {
    /// Counts a figure of `name` skipped at `at` (the name's cell).
    pub fn add(&mut self, name: &str, at: Location) {
        match self.index.get(name) {
            Some(&i) => {
                let entry = &mut self.names[i];
                if entry.last.line != at.line || entry.last.file != at.file {
                    entry.rows += 1;
                    entry.last = at;
                }
            }
            None => {
                self.index.insert(name.to_string(), self.names.len());
                self.names.push(Name {
                    text: name.to_string(),
                    first: at.clone(),
                    rows: 1,
                    last: at,
                });
            }
        }
    }

    /// Moves every line noted on by `by` (see `Collector::shift_lines`).
    pub fn shift_lines(&mut self, by: u64) {
        for name in &mut self.names {
            for at in [&mut name.first, &mut name.last] {
                if let Some(line) = &mut at.line {
                    *line += by;
                }
            }
        }
    }

    /// Adds what was skipped in the rows after these, as if skipped here one by one.
    pub fn merge(&mut self, later: SkippedNames) {
        for name in later.names {
            match self.index.get(&name.text) {
                Some(&i) => {
                    let entry = &mut self.names[i];
                    entry.rows += name.rows;
                    entry.last = name.last;
                }
                None => {
                    self.index.insert(name.text.clone(), self.names.len());
                    self.names.push(name);
                }
            }
        }
    }

    /// The warning that says what was skipped, if anything was.
    pub fn warning(&self) -> Option<Warning> {
        if self.names.is_empty() {
            return None;
        }
        Some(Warning::SkippedNames {
            rows: self.names.iter().map(|n| n.rows).sum(),
            names: self
                .names
                .iter()
                .take(LISTED)
                .map(|n| SkippedName {
                    name: n.text.clone(),
                    first: n.first.clone(),
                    rows: n.rows,
                })
                .collect(),
            unlisted: self.names.len().saturating_sub(LISTED),
        })
    }
}
