//! A file whose unit column is filled in some rows and blank in others: the blank rows' unit is
//! unknown (`万元` above and below a blank may mean the blank is `元`), so it is an error, never
//! read in the plan's unit. Rows of a target without a unit (an index) may leave it blank.

use std::collections::HashMap;

use crate::error::{Error, Location, Message, Result};

/// Per file: the first row with a unit written in its unit column, and the first row of a
/// target with a unit whose unit cell is blank.
#[derive(Debug, Clone, Default)]
pub struct UnitCells {
    files: HashMap<String, Seen>,
}

#[derive(Debug, Clone, Default)]
struct Seen {
    written: Option<(Location, String)>,
    blank: Option<(Location, String)>,
}

impl Seen {
    fn conflict(&self) -> Result<()> {
        match (&self.blank, &self.written) {
            (Some((blank, target_unit)), Some((written, unit))) => Err(Error::actuals(
                blank.clone(),
                Message::BlankUnit {
                    written_at: written.clone(),
                    unit: unit.clone(),
                    target_unit: target_unit.clone(),
                },
            )),
            _ => Ok(()),
        }
    }
}

impl UnitCells {
    /// A row of `file` whose unit column, at `at`, holds `unit`. Only the first of each file is
    /// kept, so a row after it costs one look-up: this is on the path of every row.
    pub fn written(&mut self, file: &str, at: impl FnOnce() -> Location, unit: &str) -> Result<()> {
        let seen = self.seen(file);
        if seen.written.is_none() {
            seen.written = Some((at(), unit.to_string()));
            seen.conflict()?;
        }
        Ok(())
    }

    /// A row of `file` for a target in `target_unit` whose unit cell, at `at`, is blank.
    pub fn blank(
        &mut self,
        file: &str,
        at: impl FnOnce() -> Location,
        target_unit: &str,
    ) -> Result<()> {
        let seen = self.seen(file);
        if seen.blank.is_none() {
            seen.blank = Some((at(), target_unit.to_string()));
            seen.conflict()?;
        }
        Ok(())
    }

    /// What was seen in `file`, without copying its name once it has been seen.
    fn seen(&mut self, file: &str) -> &mut Seen {
        if !self.files.contains_key(file) {
            self.files.insert(file.to_string(), Seen::default());
        }
        self.files.get_mut(file).expect("inserted above")
    }

    /// Moves every line noted on by `by` (see `Collector::shift_lines`).
    pub fn shift_lines(&mut self, by: u64) {
        for seen in self.files.values_mut() {
            for (at, _) in seen.written.iter_mut().chain(seen.blank.iter_mut()) {
                if let Some(line) = &mut at.line {
                    *line += by;
                }
            }
        }
    }

    /// Adds what was seen in the rows after these, as if seen here one by one.
    pub fn merge(&mut self, later: UnitCells) -> Result<()> {
        for (file, after) in later.files {
            let seen = self.files.entry(file).or_default();
            if seen.written.is_none() {
                seen.written = after.written;
            }
            if seen.blank.is_none() {
                seen.blank = after.blank;
            }
            seen.conflict()?;
        }
        Ok(())
    }
}
