//! The terminal table (comfy-table). ASCII borders by default, since box-drawing characters are
//! double width in CJK-configured terminals; `--style utf8` for box drawing. Colour only when
//! asked for (the caller decides from the terminal and NO_COLOR).

use std::io::{self, Write};

use comfy_table::{presets, Cell, Color, ContentArrangement};

use super::wording::{number_with_unit, signed, target_text};
use super::{summary_line, Render};
use crate::evaluate::{BaselineFrom, Basis, Evaluation, Status, TargetResult};
use crate::figure::FigureValue;

/// Border style of the table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TableStyle {
    /// `+`, `-` and `|`: lines up in every terminal.
    #[default]
    Ascii,
    /// Box-drawing characters: neat where ambiguous-width characters are narrow.
    Utf8,
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

impl TableStyle {
    /// The comfy-table preset for this style.
    pub fn preset(self) -> &'static str {
        match self {
            TableStyle::Ascii => presets::ASCII_FULL_CONDENSED,
            TableStyle::Utf8 => presets::UTF8_FULL_CONDENSED,
        }
    }
}

impl Render for Table {
    fn render(&self, evaluation: &Evaluation, out: &mut dyn Write) -> io::Result<()> {
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
        table.set_header([
            "Indicator",
            "Target",
            "Actual",
            "Baseline",
            "Gap",
            "Status",
            "Clause",
            "Note",
        ]);
        for result in &evaluation.results {
            table.add_row(self.row(result));
        }
        writeln!(out, "{} — {}", evaluation.plan.title, evaluation.period)?;
        writeln!(out, "{table}")?;
        writeln!(out, "{}", summary_line(evaluation))?;
        for warning in &evaluation.warnings {
            writeln!(out, "warning: {warning}")?;
        }
        Ok(())
    }
}

impl Table {
    fn row(&self, result: &TargetResult) -> Vec<Cell> {
        let target = result.target;
        let unit = target.unit.as_deref();
        let actual = match result.actual.as_ref().and_then(|a| a.value) {
            Some(FigureValue::Number(v)) => number_with_unit(v, unit),
            Some(FigureValue::Progress(p)) => p.word().to_string(),
            None => "-".to_string(),
        };
        let baseline = result.baseline.as_ref().map_or("-".to_string(), |b| {
            let text = number_with_unit(b.value, unit);
            match b.from {
                BaselineFrom::Data(_) => text,
                BaselineFrom::Plan(_) => format!("{text} (plan)"),
            }
        });
        let gap = match (result.gap, result.basis) {
            (Some(gap), Some(Basis::ReportedGrowth)) => format!("{}pp", signed(gap)),
            (gap, _) => gap.map_or("-".to_string(), signed),
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
        let mut status = Cell::new(result.status.key());
        if self.color {
            status = status.fg(match result.status {
                Status::Met => Color::Green,
                Status::Unmet => Color::Red,
                Status::Missing => Color::Yellow,
            });
        }
        vec![
            Cell::new(&target.name),
            Cell::new(target_text(target)),
            Cell::new(actual),
            Cell::new(baseline),
            Cell::new(gap),
            status,
            Cell::new(&target.source),
            Cell::new(note),
        ]
    }
}
