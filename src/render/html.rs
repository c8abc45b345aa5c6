//! `--format html`: one self-contained page (no network, no script), printable on A4: the
//! plan's title, the period, the summary, and for each target a horizontal bar (inline SVG)
//! of the actual against the target, coloured by status, with the target's wording and clause.
//! Bar lengths are computed with exact decimals, like everything else.

use std::io::{self, Write};

use rust_decimal::Decimal;

use super::cells::result_cells;
use super::junit::escape;
use super::{Lang, Render};
use crate::evaluate::{Actual, Basis, Evaluation, Status, TargetResult};
use crate::figure::Progress;

/// Renders a check as an HTML page.
#[derive(Debug, Clone, Copy, Default)]
pub struct Html {
    /// The language of the page.
    pub lang: Lang,
}

/// Width of a bar's track, in SVG units.
const TRACK: i64 = 400;

const STYLE: &str = r#"
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 186mm; overflow-wrap: anywhere; color: #1f2328; font-size: 10.5pt; line-height: 1.4;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif; }
header { border-bottom: 2px solid #1f2328; margin-bottom: 8pt; padding: 8pt 0 6pt; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
.summary { font-weight: bold; margin: 2pt 0; }
.counts span { display: inline-block; padding: 1pt 6pt; margin-right: 4pt; border-radius: 3pt; color: #fff; font-size: 9pt; }
section { display: grid; grid-template-columns: 62mm 1fr; column-gap: 4mm; padding: 4pt 0;
  border-bottom: 1px solid #d0d7de; break-inside: avoid; page-break-inside: avoid; }
.name { font-weight: bold; }
.clause, .wording { color: #57606a; font-size: 9pt; }
.figures { font-size: 9pt; }
.note { color: #57606a; font-size: 8.5pt; }
svg { display: block; width: 100%; height: 14pt; }
.met, .on_track { --c: #1a7f37; } .unmet, .behind, .overdue { --c: #cf222e; } .missing { --c: #9a6700; }
.counts .met, .counts .on_track { background: #1a7f37; } .counts .unmet, .counts .behind, .counts .overdue { background: #cf222e; }
.counts .missing { background: #9a6700; }
.status { color: var(--c); font-weight: bold; }
footer { color: #57606a; font-size: 8pt; margin-top: 8pt; }
"#;

/// A value's length on the bar: `value / scale` of the track, in exact decimals, at least 0.
fn length(value: Decimal, scale: Decimal) -> Decimal {
    if scale <= Decimal::ZERO || value <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let track = Decimal::from(TRACK);
    value
        .checked_mul(track)
        .and_then(|v| v.checked_div(scale))
        .map_or(track, |l| l.min(track).round_dp(1))
}

fn colour(status: Status) -> &'static str {
    match status {
        Status::Met | Status::OnTrack => "#1a7f37",
        Status::Unmet | Status::Behind | Status::Overdue => "#cf222e",
        Status::Missing => "#9a6700",
    }
}

/// The bar of one result: the track, the actual as a filled bar, the annual level as a dark
/// mark and, before year end, the level expected by now as a dashed mark.
fn bar(result: &TargetResult, lang: Lang) -> String {
    let fill = colour(result.status);
    // Judged by a reported growth rate: the bar is the rate against the rate needed.
    let actual = match (result.basis, result.growth) {
        (Some(Basis::ReportedGrowth), Some(growth)) => Some(Actual::Number(growth)),
        _ => result.actual,
    };
    let track =
        format!(r##"<rect x="0" y="3" width="{TRACK}" height="12" rx="2" fill="#eaeef2"/>"##);
    let body = match actual {
        Some(Actual::Progress(progress)) => {
            let share = match progress {
                Progress::Done => Decimal::from(TRACK),
                Progress::InProgress => Decimal::from(TRACK / 2),
                Progress::NotDone => Decimal::ZERO,
            };
            format!(r#"<rect x="0" y="3" width="{share}" height="12" rx="2" fill="{fill}"/>"#)
        }
        Some(Actual::Number(actual)) => {
            let marks: Vec<Decimal> = [Some(actual), result.threshold, result.expected]
                .into_iter()
                .flatten()
                .collect();
            let top = marks.iter().copied().fold(Decimal::ZERO, Decimal::max);
            let scale = top.checked_mul(Decimal::new(11, 1)).unwrap_or(top);
            let mut svg = format!(
                r#"<rect x="0" y="3" width="{}" height="12" rx="2" fill="{fill}"/>"#,
                length(actual, scale)
            );
            if let Some(level) = result.threshold {
                let x = length(level, scale);
                svg.push_str(&format!(
                    r##"<rect x="{x}" y="0" width="2" height="18" fill="#1f2328"/>"##
                ));
            }
            if let (Some(expected), false) = (result.expected, result.expected == result.threshold)
            {
                let x = length(expected, scale);
                svg.push_str(&format!(
                    r##"<line x1="{x}" y1="0" x2="{x}" y2="18" stroke="#57606a" stroke-width="2" stroke-dasharray="3 2"/>"##
                ));
            }
            svg
        }
        None => {
            let text = escape(lang.status(Status::Missing));
            format!(r##"<text x="6" y="13" font-size="10" fill="#9a6700">{text}</text>"##)
        }
    };
    let label = escape(&format!(
        "{}: {}",
        result.target.name,
        lang.status(result.status)
    ));
    format!(
        r#"<svg viewBox="0 0 {} 18" preserveAspectRatio="none" role="img" aria-label="{label}">{track}{body}</svg>"#,
        TRACK + 2
    )
}

impl Render for Html {
    fn render(&self, evaluation: &Evaluation, out: &mut dyn Write) -> io::Result<()> {
        let lang = self.lang;
        let plan = evaluation.plan;
        let (actual_word, expected_word, source_word) = match lang {
            Lang::Zh => ("实际", "应达", "出处："),
            Lang::En => ("actual", "expected", "source: "),
        };
        writeln!(out, "<!DOCTYPE html>")?;
        writeln!(out, r#"<html lang="{}">"#, lang.code())?;
        writeln!(
            out,
            r#"<head><meta charset="utf-8"/><title>{}</title>"#,
            escape(&lang.title(plan, evaluation))
        )?;
        writeln!(out, "<style>{STYLE}</style></head>")?;
        writeln!(out, "<body>")?;
        writeln!(out, "<header><h1>{}</h1>", escape(lang.plan_title(plan)))?;
        let period = match (lang, evaluation.period.is_full_year()) {
            (Lang::Zh, true) => format!("{} 年", evaluation.period.year),
            (Lang::Zh, false) => format!("{}（年初至今）", evaluation.period.zh()),
            (Lang::En, true) => evaluation.period.year.to_string(),
            (Lang::En, false) => format!("{} (year to date)", evaluation.period),
        };
        writeln!(out, r#"<p class="period">{}</p>"#, escape(&period))?;
        writeln!(
            out,
            r#"<p class="summary">{}</p>"#,
            escape(&lang.summary(evaluation))
        )?;
        let s = evaluation.summary();
        let counts = s.shown(evaluation.is_final);
        write!(out, r#"<p class="counts">"#)?;
        for (status, n) in counts {
            write!(
                out,
                r#"<span class="{}">{} {n}</span>"#,
                status.key(),
                escape(lang.status(status))
            )?;
        }
        writeln!(out, "</p></header>")?;
        writeln!(out, "<main>")?;
        for result in &evaluation.results {
            let target = result.target;
            let cells = result_cells(result, lang);
            let mut figures = format!("{actual_word} {}", cells[3]);
            if cells[4] != "-" {
                figures.push_str(&format!(" · {expected_word} {}", cells[4]));
            }
            if let Some(period) = lang.figure_period(result) {
                figures.push_str(&format!(" · {period}"));
            }
            writeln!(out, r#"<section class="{}">"#, result.status.key())?;
            writeln!(
                out,
                r#"  <div><div class="name">{}</div><div class="wording">{}</div><div class="clause">{source_word}{}</div></div>"#,
                escape(lang.name(target)),
                escape(&lang.target(target)),
                escape(&lang.clause(&target.source))
            )?;
            writeln!(out, "  <div>{}", bar(result, lang))?;
            writeln!(
                out,
                r#"    <div class="figures"><span class="status">{}</span> · {}</div>"#,
                escape(lang.status(result.status)),
                escape(&figures)
            )?;
            if !result.notes.is_empty() {
                writeln!(
                    out,
                    r#"    <div class="note">{}</div>"#,
                    escape(&lang.notes(&result.notes))
                )?;
            }
            writeln!(out, "  </div>\n</section>")?;
        }
        writeln!(out, "</main>")?;
        if !evaluation.warnings.is_empty() {
            writeln!(out, r#"<ul class="note">"#)?;
            for warning in &evaluation.warnings {
                writeln!(
                    out,
                    "<li>{}{}</li>",
                    lang.warning(),
                    escape(&lang.warning_text(warning))
                )?;
            }
            writeln!(out, "</ul>")?;
        }
        writeln!(out, "<footer>{}</footer>", escape(&plan.source))?;
        writeln!(out, "</body>\n</html>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_lengths_are_exact_and_bounded() {
        assert_eq!(
            length(Decimal::from(50), Decimal::from(100)),
            Decimal::from(200)
        );
        assert_eq!(
            length(Decimal::from(1), Decimal::from(3)).to_string(),
            "133.3"
        );
        assert_eq!(length(Decimal::from(-5), Decimal::from(100)), Decimal::ZERO);
        assert_eq!(
            length(Decimal::from(500), Decimal::from(100)),
            Decimal::from(TRACK)
        );
        assert_eq!(length(Decimal::from(5), Decimal::ZERO), Decimal::ZERO);
    }
}
