//! One result as the cells people read, in the order of [`super::Lang::headers`]: shared by the
//! table, Markdown and HTML reports.

use super::wording::signed;
use super::Lang;
use crate::evaluate::{Actual, BaselineFrom, Basis, Note, TargetResult};

/// The actual figure as shown: a number with its unit, a milestone's word, or `-`.
pub fn actual_text(result: &TargetResult, lang: Lang) -> String {
    match result.actual {
        Some(Actual::Number(v)) => lang.amount(v, result.target),
        Some(Actual::Progress(p)) => lang.progress(p).to_string(),
        None => "-".to_string(),
    }
}

/// The eleven cells of a result: indicator, target, period, actual, expected, baseline, gap,
/// reached, status, clause, note.
pub fn result_cells(result: &TargetResult, lang: Lang) -> [String; 11] {
    let target = result.target;
    let dash = || "-".to_string();
    let baseline = result.baseline.as_ref().map_or_else(dash, |b| {
        let text = lang.amount(b.value, target);
        match (&b.from, lang) {
            (BaselineFrom::Data(_), _) => text,
            (BaselineFrom::Plan(_), Lang::Zh) => format!("{text}（规划）"),
            (BaselineFrom::Plan(_), Lang::En) => format!("{text} (plan)"),
        }
    });
    let reported = result.basis == Some(Basis::ReportedGrowth);
    let expected = expected_text(result, lang);
    let gap = match (result.gap, reported) {
        (Some(gap), true) => lang.points(&signed(gap)),
        (gap, _) => gap.map_or_else(dash, signed),
    };
    let notes = note_text(result, &result.notes, lang);
    [
        lang.name(target).to_string(),
        lang.target(target),
        lang.figure_period(result).unwrap_or_else(dash),
        actual_text(result, lang),
        expected,
        baseline,
        gap,
        result.share.map_or_else(dash, |s| format!("{s}%")),
        lang.status(result.status).to_string(),
        lang.clause(&target.source),
        notes,
    ]
}

/// The level expected by now (the annual level at year end), with its unit, or `-`.
pub fn expected_text(result: &TargetResult, lang: Lang) -> String {
    match result.expected {
        Some(e) if result.basis == Some(Basis::ReportedGrowth) => format!("{e}%"),
        Some(e) => lang.amount(e, result.target),
        None => "-".to_string(),
    }
}

/// The note column: the growth over the baseline, then `notes` in words.
pub fn note_text(result: &TargetResult, notes: &[Note], lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(standing) = &result.progress {
        parts.push(lang.standing(standing));
    }
    if let (Some(growth), Some(Basis::Baseline)) = (result.growth, result.basis) {
        parts.push(lang.growth(growth));
    }
    if !notes.is_empty() {
        parts.push(lang.notes(notes));
    }
    parts.join(lang.separator())
}
