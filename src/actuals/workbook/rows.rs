//! Cells in row then column order, from the child or from memory, grouped into the rows the
//! tables are read from.

use super::PlacedCell;
use crate::actuals::grid::{Cell, RowSource};
use crate::error::Result;

/// Cells coming in row then column order, from the child or from memory.
pub(super) trait Cells {
    /// The next cell; `Ok(None)` at the end.
    fn next_cell(&mut self) -> Result<Option<PlacedCell>>;
}

/// Cells read in this process.
pub(super) struct Held(pub(super) std::vec::IntoIter<PlacedCell>);

impl Cells for Held {
    fn next_cell(&mut self) -> Result<Option<PlacedCell>> {
        Ok(self.0.next())
    }
}

/// Groups cells in row order into rows.
pub(super) struct Grouped<C: Cells> {
    pub(super) cells: C,
    /// The first cell of the next row, already read.
    pub(super) pending: Option<PlacedCell>,
}

impl<C: Cells> RowSource for Grouped<C> {
    fn next_into(&mut self, row: &mut Vec<Cell>) -> Option<Result<u64>> {
        let first = match self.pending.take() {
            Some(cell) => cell,
            None => match self.cells.next_cell() {
                Ok(Some(cell)) => cell,
                Ok(None) => return None,
                Err(err) => return Some(Err(err)),
            },
        };
        let number = first.0 .0;
        row.clear();
        let mut place = |(col, cell): (u32, Cell)| {
            let col = col as usize;
            if col >= row.len() {
                row.resize(col + 1, Cell::Empty);
            }
            row[col] = cell;
        };
        place((first.0 .1, first.1));
        loop {
            match self.cells.next_cell() {
                Ok(Some(((r, c), cell))) if r == number => place((c, cell)),
                Ok(Some(next)) => {
                    self.pending = Some(next);
                    break;
                }
                Ok(None) => break,
                Err(err) => return Some(Err(err)),
            }
        }
        Some(Ok(u64::from(number) + 1))
    }
}
