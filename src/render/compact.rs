//! The default table: what a reader needs to decide (indicator, target, actual, reached, status,
//! a short note), a section per status with the problems first, fitted to a width. Names and
//! targets wrap onto at most two lines; nothing else wraps. `--wide` gives every column instead.

use std::io::{self, Write};

use super::cells::{actual_text, expected_text, note_text};
use super::grid::{Grid, Rule};
use super::layout::{layout, Column};
use super::width::{cut, fit, unambiguous, wrap};
use super::{Lang, Table};
use crate::evaluate::{exact, Evaluation, Note, Status, TargetResult};

/// The sections, in the order they are shown: what needs attention first.
pub const SECTIONS: [Status; 6] = [
    Status::Overdue,
    Status::Unmet,
    Status::Behind,
    Status::Missing,
    Status::OnTrack,
    Status::Met,
];

/// How the default view is divided.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Grouping {
    /// A section per status, problems first; a status's milestones in a section of their own.
    #[default]
    Status,
    /// A section per owner (牵头单位), in the order the plan first names them, targets without
    /// one last; within each, problems first.
    Owner,
    /// A section per target split among regions, headed by the whole plan's result; a row per
    /// region's share, ranked by the share of it reached.
    Region,
}

/// A region's place among `shares` by the share of its target reached (1 the highest, ties
/// sharing a place), and how many have a share reached; `None` without one.
fn rank_of(result: &TargetResult, shares: &[&TargetResult]) -> Option<(usize, usize)> {
    // Exactly, not by the share as shown: 49.99 of 50 and 60 of 60 both show 100.0%.
    let reached = |r: &TargetResult| -> Option<num_rational::BigRational> {
        r.share?;
        let (Some(crate::evaluate::Actual::Number(v)), Some(t)) = (r.actual, r.threshold) else {
            return None;
        };
        (t > rust_decimal::Decimal::ZERO).then(|| exact(v) / exact(t))
    };
    let mine = reached(result)?;
    let all: Vec<_> = shares.iter().filter_map(|r| reached(r)).collect();
    let above = all.iter().filter(|s| **s > mine).count();
    Some((above + 1, all.len()))
}

/// The sections of the view: each one's title and its results, in order.
fn sections<'e, 'p>(
    evaluation: &'e Evaluation<'p>,
    grouping: Grouping,
    lang: Lang,
) -> Vec<(String, Vec<&'e TargetResult<'p>>)> {
    let by_status = |results: &[&'e TargetResult<'p>]| -> Vec<&'e TargetResult<'p>> {
        SECTIONS
            .iter()
            .flat_map(|&status| [(status, false), (status, true)])
            .flat_map(|(status, milestone)| {
                results
                    .iter()
                    .copied()
                    .filter(move |r| r.status == status && is_milestone(r) == milestone)
            })
            .collect()
    };
    let all: Vec<&TargetResult> = evaluation.results.iter().collect();
    match grouping {
        Grouping::Region => evaluation
            .results
            .iter()
            .filter(|whole| !whole.target.by_region.is_empty())
            .map(|whole| {
                let shares: Vec<&TargetResult> = evaluation
                    .regional
                    .iter()
                    .filter(|r| r.target.id == whole.target.id)
                    .collect();
                (lang.region_section(whole), shares)
            })
            .collect(),
        Grouping::Status => SECTIONS
            .iter()
            .flat_map(|&status| [(status, false), (status, true)])
            .filter_map(|(status, milestone)| {
                let results: Vec<&TargetResult> = all
                    .iter()
                    .copied()
                    .filter(|r| r.status == status && is_milestone(r) == milestone)
                    .collect();
                (!results.is_empty())
                    .then(|| (lang.section(status, milestone, results.len()), results))
            })
            .collect(),
        Grouping::Owner => {
            let mut owners: Vec<Option<&str>> = Vec::new();
            for r in &all {
                let owner = r.target.owner.as_deref();
                if owner.is_some() && !owners.contains(&owner) {
                    owners.push(owner);
                }
            }
            owners.push(None);
            owners
                .into_iter()
                .filter_map(|owner| {
                    let results: Vec<&TargetResult> = all
                        .iter()
                        .copied()
                        .filter(|r| r.target.owner.as_deref() == owner)
                        .collect();
                    (!results.is_empty())
                        .then(|| (lang.owner_section(owner, &results), by_status(&results)))
                })
                .collect()
        }
    }
}

/// True for a milestone: a `done` target, whose actual is its state.
fn is_milestone(result: &TargetResult) -> bool {
    result.target.rule == crate::plan::Rule::Done
}

/// The six columns, in order, and how each may be fitted: indicator, target, actual, reached,
/// status, note.
const COLUMNS: [Column; 6] = [
    Column::Wraps,
    Column::Wraps,
    Column::Fixed,
    Column::Fixed,
    Column::Fixed,
    Column::Note,
];

/// What goes when the table is too wide, in order: the note, the status (the section's title
/// says it), the share reached.
const DROP: [usize; 3] = [5, 4, 3];

/// The columns that take spare width, in order: the target to 18 columns (a Chinese target on
/// one line: 排名较上年提升, 较上年增长 >= 20%), the note to 20 columns (most short notes), the
/// target onto one line, the indicator onto one line, the note to its longest.
const GROW: [(usize, Option<usize>); 5] = [
    (1, Some(18)),
    (5, Some(20)),
    (1, None),
    (0, None),
    (5, None),
];

/// Header indices of [`Lang::headers`] for the six columns.
const HEADERS: [usize; 6] = [0, 1, 3, 7, 8, 10];

/// The short note: for a target unmet or behind, the level it needed (or the year before's, for
/// 提升 / 下降 targets); then the notes of the full table, without a milestone's state, which the
/// actual already says.
pub fn short_note(result: &TargetResult, lang: Lang) -> String {
    let mut parts = Vec::new();
    if result.status.fails() && result.expected.is_some() {
        let level = expected_text(result, lang);
        parts.push(if result.target.rule.is_qualitative() {
            lang.year_before(&level)
        } else {
            lang.needs(&level)
        });
    }
    let notes: Vec<Note> = result
        .notes
        .iter()
        .filter(|n| !matches!(n, Note::InProgress | Note::NotDone))
        .cloned()
        .collect();
    let notes = note_text(result, &notes, lang);
    if !notes.is_empty() {
        parts.push(notes);
    }
    parts.join(lang.separator())
}

/// As many whole notes as fit in `width`, or the first cut short.
fn whole_notes(note: &str, width: usize, lang: Lang) -> String {
    let parts: Vec<&str> = note.split(lang.separator()).collect();
    (1..=parts.len())
        .rev()
        .map(|n| parts[..n].join(lang.separator()))
        .find(|text| super::width::width(text) <= width)
        .unwrap_or_else(|| cut(note, width))
}

/// The six cells of a result, in unambiguous characters.
fn cells(result: &TargetResult, lang: Lang, rank: Option<(usize, usize)>) -> [String; 6] {
    let note = short_note(result, lang);
    let note = match rank {
        Some(rank) => [lang.rank_among(rank), note]
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join(lang.note_separator()),
        None => note,
    };
    [
        match &result.target.region {
            Some((_, region)) => region.clone(),
            None => lang.name(result.target).to_string(),
        },
        lang.target(result.target),
        actual_text(result, lang),
        result
            .share
            .map_or_else(|| "-".to_string(), |s| format!("{s}%")),
        lang.status(result.status).to_string(),
        note,
    ]
    .map(|text| unambiguous(&text))
}

/// Writes the default view: title, summary, the table in sections, summary again, warnings.
pub fn render(table: &Table, evaluation: &Evaluation, out: &mut dyn Write) -> io::Result<()> {
    let lang = table.lang;
    let headers = lang.headers();
    let header: Vec<String> = HEADERS.iter().map(|&i| headers[i].to_string()).collect();
    let sections = sections(evaluation, table.grouping, lang);
    // Each row: its section, its status and its cells.
    let rows: Vec<(usize, Status, [String; 6])> = sections
        .iter()
        .enumerate()
        .flat_map(|(i, (_, results))| {
            let grouping = table.grouping;
            results.iter().map(move |r| {
                let rank = (grouping == Grouping::Region)
                    .then(|| rank_of(r, results))
                    .flatten();
                (i, r.status, cells(r, lang, rank))
            })
        })
        .collect();
    // Grouped by owner, the status column is the only place a row's status shows.
    let drop: &[usize] = match table.grouping {
        Grouping::Status => &DROP,
        Grouping::Owner | Grouping::Region => &DROP[..1],
    };
    let texts: Vec<Vec<&str>> = (0..COLUMNS.len())
        .map(|c| {
            std::iter::once(header[c].as_str())
                .chain(rows.iter().map(|(_, _, cells)| cells[c].as_str()))
                .collect()
        })
        .collect();
    let shown = layout(
        &COLUMNS,
        &texts,
        usize::from(table.columns),
        &GROW,
        drop,
        Grid::overhead,
    );
    let grid = Grid {
        widths: shown.iter().map(|&(_, w)| w).collect(),
        style: table.style,
    };
    let fitted = |cells: &[String]| -> Vec<Vec<String>> {
        shown
            .iter()
            .map(|&(c, w)| match COLUMNS[c] {
                Column::Wraps => fit(&cells[c], w, 2),
                Column::Note => vec![whole_notes(&cells[c], w, lang)],
                Column::Fixed => vec![cut(&cells[c], w)],
            })
            .collect()
    };
    // The title and summary wrap at the width too.
    let width = usize::from(table.columns).max(1);
    let summary = wrap(&lang.summary(evaluation), width).join("\n");
    let title = lang.title(evaluation.plan, evaluation);
    let summary = match lang.regional_summary(evaluation) {
        Some(regional) => format!("{summary}\n{}", wrap(&regional, width).join("\n")),
        None => summary,
    };
    writeln!(out, "{}", wrap(&title, width).join("\n"))?;
    writeln!(out, "{summary}")?;
    writeln!(out, "{}", grid.rule(Rule::Top))?;
    for line in grid.row(&fitted(&header), &|_, t| t.to_string()) {
        writeln!(out, "{line}")?;
    }
    let mut previous = None;
    for (section, status, cells) in &rows {
        if previous != Some(*section) {
            let before = if previous.is_none() {
                Rule::Header
            } else {
                Rule::BeforeTitle
            };
            writeln!(out, "{}", grid.rule(before))?;
            writeln!(out, "{}", grid.title(&unambiguous(&sections[*section].0)))?;
            writeln!(out, "{}", grid.rule(Rule::AfterTitle))?;
            previous = Some(*section);
        }
        let status_column = shown.iter().position(|&(c, _)| c == 4);
        let paint = |column: usize, text: &str| match (Some(column) == status_column, table.color) {
            (true, true) => super::table::paint(*status, text),
            _ => text.to_string(),
        };
        for line in grid.row(&fitted(cells), &paint) {
            writeln!(out, "{line}")?;
        }
    }
    if previous.is_none() {
        writeln!(out, "{}", grid.rule(Rule::Header))?;
    }
    writeln!(out, "{}", grid.rule(Rule::Bottom))?;
    writeln!(out, "{summary}")?;
    // Warnings stay whole, one a line, to be searched for and copied.
    for warning in &evaluation.warnings {
        writeln!(out, "{}{}", lang.warning(), lang.warning_text(warning))?;
    }
    Ok(())
}
