//! A plain table fitted to a width: a header and rows, no sections, laid out by
//! [`super::layout`] and drawn by [`super::grid`], as the default check table is. `plan list` and
//! `--history` use it.

use super::grid::{Grid, Rule};
use super::layout::{layout, Column};
use super::width::{cut, fit, unambiguous};
use super::TableStyle;

/// How a table's columns fit: each column's kind, the columns that take spare width (each up
/// to a width, `None`: its widest cell), and those left out first when the table is too wide.
#[derive(Debug, Clone)]
pub struct Fitting {
    pub columns: Vec<Column>,
    pub grow: Vec<(usize, Option<usize>)>,
    pub drop: Vec<usize>,
}

/// The lines of the table: `header` and `rows` (as many cells as `fitting.columns`), in
/// unambiguous characters, at most `total` columns wide where the cells allow.
pub fn draw(
    fitting: &Fitting,
    header: &[String],
    rows: &[Vec<String>],
    total: usize,
    style: TableStyle,
) -> Vec<String> {
    let header: Vec<String> = header.iter().map(|t| unambiguous(t)).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|t| unambiguous(t)).collect())
        .collect();
    let texts: Vec<Vec<&str>> = (0..fitting.columns.len())
        .map(|c| {
            std::iter::once(header[c].as_str())
                .chain(rows.iter().map(|row| row[c].as_str()))
                .collect()
        })
        .collect();
    let shown = layout(
        &fitting.columns,
        &texts,
        total,
        &fitting.grow,
        &fitting.drop,
        Grid::overhead,
    );
    let grid = Grid {
        widths: shown.iter().map(|&(_, w)| w).collect(),
        style,
    };
    let fitted = |cells: &[String]| -> Vec<Vec<String>> {
        shown
            .iter()
            .map(|&(c, w)| match fitting.columns[c] {
                Column::Wraps => fit(&cells[c], w, 2),
                Column::Note | Column::Fixed => vec![cut(&cells[c], w)],
            })
            .collect()
    };
    let plain = |_: usize, text: &str| text.to_string();
    let mut lines = vec![grid.rule(Rule::Top)];
    lines.extend(grid.row(&fitted(&header), &plain));
    lines.push(grid.rule(Rule::Header));
    for row in &rows {
        lines.extend(grid.row(&fitted(row), &plain));
    }
    lines.push(grid.rule(Rule::Bottom));
    lines
}
