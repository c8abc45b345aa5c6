//! The terminal table (comfy-table). ASCII borders by default, since box-drawing characters are
//! double width in CJK-configured terminals; `--style utf8` for box drawing. Colour only when
//! asked for (the caller decides from the terminal and NO_COLOR).

use std::io::{self, Write};

use comfy_table::{presets, Cell, Color, ContentArrangement};

use super::wording::{number_with_unit, signed, target_text};
use super::{summary_line, title_line, Render};
use crate::evaluate::{Actual, BaselineFrom, Basis, Evaluation, Status, TargetResult};

/// Border style of the table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TableStyle {
    /// `+`, `-` and `|`: lines up in every terminal.
    #[default]
    Ascii,
    /// Box-drawing characters: neat where ambiguous-width characters are narrow.
    Utf8,
}

impl TableStyle {
    /// The comfy-table preset for this style.
    pub fn preset(self) -> &'static str {
        match self {
            TableStyle::Ascii => presets::ASCII_FULL_CONDENSED,
            TableStyle::Utf8 => presets::UTF8_FULL_CONDENSED,
        }
    }
}

/// Renders a check as a table, then the summary line and any warnings.
#[derive(Debug, Clone, Copy, Default)]
pub struct Table {
    /// Border style.
    pub style: TableStyle,
    /// Colour the status column.
    pub color: bool,
    /// Fit the table to this many columns (a terminal's width), wrapping cells.
    pub width: Option<u16>,
}

impl Table {
    /// An empty comfy-table in this style.
    pub fn new_table(&self) -> comfy_table::Table {
        let mut table = comfy_table::Table::new();
        table.load_preset(self.style.preset());
        if let Some(width) = self.width {
            table
                .set_width(width)
                .set_content_arrangement(ContentArrangement::Dynamic);
        }
        if self.color {
            table.enforce_styling();
        }
        table
    }

    /// A status cell, coloured when colour is on.
    pub fn status_cell(&self, status: Status, text: String) -> Cell {
        let cell = Cell::new(text);
        if !self.color {
            return cell;
        }
        cell.fg(match status {
            Status::Met | Status::OnTrack => Color::Green,
            Status::Unmet | Status::Behind => Color::Red,
            Status::Missing => Color::Yellow,
        })
    }
}

impl Render for Table {
    fn render(&self, evaluation: &Evaluation, out: &mut dyn Write) -> io::Result<()> {
        let mut table = self.new_table();
        table.set_header([
            "Indicator",
            "Target",
            "Period",
            "Actual",
            "Expected",
            "Baseline",
            "Gap",
            "Reached",
            "Status",
            "Clause",
            "Note",
        ]);
        for result in &evaluation.results {
            table.add_row(self.row(result));
        }
        writeln!(out, "{}", title_line(evaluation.plan, evaluation.period))?;
        writeln!(out, "{table}")?;
        writeln!(out, "{}", summary_line(evaluation))?;
        for warning in &evaluation.warnings {
            writeln!(out, "warning: {warning}")?;
        }
        Ok(())
    }
}

/// The actual figure as shown: a number with its unit, or a milestone's word.
pub(super) fn actual_text(result: &TargetResult) -> String {
    match result.actual {
        Some(Actual::Number(v)) => number_with_unit(v, result.target.unit.as_deref()),
        Some(Actual::Progress(p)) => p.word().to_string(),
        None => "-".to_string(),
    }
}

impl Table {
    fn row(&self, result: &TargetResult) -> Vec<Cell> {
        let target = result.target;
        let unit = target.unit.as_deref();
        let dash = || "-".to_string();
        let baseline = result.baseline.as_ref().map_or_else(dash, |b| {
            let text = number_with_unit(b.value, unit);
            match b.from {
                BaselineFrom::Data(_) => text,
                BaselineFrom::Plan(_) => format!("{text} (plan)"),
            }
        });
        let reported = result.basis == Some(Basis::ReportedGrowth);
        let expected = match result.expected {
            Some(e) if reported => format!("{}%", e),
            Some(e) => number_with_unit(e, unit),
            None => dash(),
        };
        let gap = match (result.gap, reported) {
            (Some(gap), true) => format!("{}pp", signed(gap)),
            (gap, _) => gap.map_or_else(dash, signed),
        };
        let mut note = result.note.clone().unwrap_or_default();
        if let (Some(growth), Some(Basis::Baseline)) = (result.growth, result.basis) {
            let growth = format!("growth {}%", signed(growth));
            note = if note.is_empty() {
                growth
            } else {
                format!("{growth}; {note}")
            };
        }
        vec![
            Cell::new(&target.name),
            Cell::new(target_text(target)),
            Cell::new(result.period.map_or_else(dash, |p| p.to_string())),
            Cell::new(actual_text(result)),
            Cell::new(expected),
            Cell::new(baseline),
            Cell::new(gap),
            Cell::new(result.share.map_or_else(dash, |s| format!("{s}%"))),
            self.status_cell(result.status, result.status.key().to_string()),
            Cell::new(&target.source),
            Cell::new(note),
        ]
    }
}
