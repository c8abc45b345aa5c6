//! `plan show ID [ACTUALS...]`: everything about one target (names, rule, value, unit, clause,
//! the quoted sentence); with actuals, every figure found for it and its status.

use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::cli::{Format, ShowArgs};
use crate::error::{Error, Location, Message, Place, Result, UsageProblem};
use crate::evaluate::progress::Path;
use crate::evaluate::{evaluate, latest_period};
use crate::figure::FigureValue;
use crate::plan::{Accrual, Aggregate, Horizon, Rule, Target};
use crate::render::{result_cells, Lang, JSON_VERSION};
use crate::resolve::Resolver;

use super::Output;

/// Runs `plan show`.
pub fn show(args: &ShowArgs) -> Result<Output> {
    let plan = super::load(&args.plan)?;
    let resolver = Resolver::new(&plan);
    let index = resolver.find(&args.target).ok_or_else(|| {
        Error::plan(
            Location::special(Place::Command("plan show")),
            Message::Usage(UsageProblem::NoSuchTarget {
                name: args.target.clone(),
                closest: resolver.suggest(&args.target),
            }),
        )
    })?;
    let target = &plan.targets[index];
    let lang = super::lang(&args.look);
    let checked = if args.actuals.is_empty() {
        None
    } else {
        let figures = super::read_figures(&plan, &args.actuals, &args.plan.path, &args.input)?;
        let as_of = match &args.period {
            Some(text) => super::period_arg(&plan, text)?,
            None => latest_period(&plan, &figures),
        };
        let evaluation = evaluate(&plan, &figures, as_of);
        Some((
            figures.by_target[index].clone(),
            evaluation.results[index].clone(),
            as_of,
        ))
    };
    let out = match args.format {
        Format::Json => {
            let mut document = describe_json(target, plan.horizon, lang);
            if let Some((series, result, as_of)) = &checked {
                let figures: Vec<Value> = series
                    .iter()
                    .map(|(period, f)| {
                        let value = match f.value {
                            Some(FigureValue::Number(n)) => crate::render::json_number(n),
                            Some(FigureValue::Progress(p)) => Value::from(p.key()),
                            None => Value::Null,
                        };
                        json!({ "period": period, "value": value, "reported_growth_percent": f.change.map(crate::render::json_number), "rows": f.rows, "at": f.at.to_string() })
                    })
                    .collect();
                document["figures"] = Value::from(figures);
                document["as_of"] = json!(as_of);
                document["status"] = json!(result.status);
                document["result"] = Value::from(
                    result_cells(result, lang)
                        .iter()
                        .map(|c| Value::from(c.as_str()))
                        .collect::<Vec<_>>(),
                );
            }
            let mut text = serde_json::to_string_pretty(
                &json!({ "version": JSON_VERSION, "target": document }),
            )
            .expect("JSON serialises");
            text.push('\n');
            text
        }
        Format::Table => {
            let mut text = describe_text(target, plan.horizon, lang);
            if let Some((series, result, as_of)) = &checked {
                let zh = lang == Lang::Zh;
                let _ = writeln!(text, "\n{}", if zh { "数据：" } else { "Figures:" });
                if series.is_empty() {
                    let _ = writeln!(text, "  {}", if zh { "（无）" } else { "(none)" });
                }
                for (period, f) in series {
                    let value = match f.value {
                        Some(FigureValue::Number(n)) => lang.amount(n, target),
                        Some(FigureValue::Progress(p)) => lang.progress(p).to_string(),
                        None => "-".to_string(),
                    };
                    let growth = f.change.map_or(String::new(), |c| format!(" ({c}%)"));
                    let rows = match (f.rows, lang) {
                        (1, _) => String::new(),
                        (n, Lang::Zh) => format!("（{n} 行合计）"),
                        (n, Lang::En) => format!(" [{n} rows]"),
                    };
                    // Padded by the columns a terminal draws, so Chinese periods line up.
                    let name = lang.period(*period);
                    let pad = " ".repeat(
                        16usize
                            .saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str())),
                    );
                    let _ = writeln!(text, "  {name}{pad} {value}{growth}{rows}  {}", f.at);
                }
                let cells = result_cells(result, lang);
                let headers = lang.headers();
                let _ = match zh {
                    true => writeln!(text, "\n截至 {}：", lang.period(*as_of)),
                    false => writeln!(text, "\nAs of {as_of}:"),
                };
                for (header, cell) in headers.iter().zip(cells.iter()).skip(2) {
                    if !cell.is_empty() && cell != "-" {
                        let colon = if zh { "：" } else { ": " };
                        let _ = writeln!(text, "  {header}{colon}{cell}");
                    }
                }
            }
            text
        }
        other => {
            return Err(Error::read(
                Location::option("--format"),
                Message::Usage(UsageProblem::FormatNotWritten {
                    command: "plan show",
                    format: other,
                }),
            ))
        }
    };
    let status = checked.map_or(crate::exit::ExitStatus::Success, |(_, result, _)| {
        if result.status.fails() {
            crate::exit::ExitStatus::Failure
        } else {
            crate::exit::ExitStatus::Success
        }
    });
    Ok(Output {
        stdout: out.into_bytes(),
        status,
    })
}

fn accrual(target: &Target, lang: Lang) -> &'static str {
    match (target.accrual, target.aggregate, lang) {
        (_, Aggregate::Sum, Lang::Zh) => "累计（逐笔数据加总）",
        (_, Aggregate::Sum, Lang::En) => "cumulative, record-level rows summed",
        (Accrual::Cumulative, _, Lang::Zh) => "累计",
        (Accrual::Cumulative, _, Lang::En) => "cumulative",
        (Accrual::Level, _, Lang::Zh) => "时点",
        (Accrual::Level, _, Lang::En) => "level",
    }
}

fn describe_text(target: &Target, horizon: Horizon, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut text = format!("{} — {}\n", target.id, target.name);
    let mut line = |en: &str, cn: &str, value: String| {
        if !value.is_empty() {
            // Chinese labels end in a full-width colon; padding would not line up wide characters.
            let _ = match zh {
                true => writeln!(text, "  {cn}{value}"),
                false => writeln!(text, "  {en:<10} {value}"),
            };
        }
    };
    // A source in brackets: full-width ones in Chinese.
    let cited = |value: String, source: &str| match zh {
        true => format!("{value}（{source}）"),
        false => format!("{value} ({source})"),
    };
    line(
        "English:",
        "英文名：",
        target.name_en.clone().unwrap_or_default(),
    );
    line(
        "Aliases:",
        "别名：",
        target.aliases.join(if zh { "、" } else { ", " }),
    );
    line("Target:", "目标：", lang.target(target));
    line("Rule:", "规则：", lang.rule_name(target));
    let unit = match (lang, target.unit.as_deref()) {
        (Lang::En, Some(unit)) => match target
            .unit_en
            .as_deref()
            .or_else(|| crate::render::english_unit(unit))
        {
            Some(en) if en != unit => format!("{unit} ({en})"),
            _ => unit.to_string(),
        },
        (_, unit) => unit.unwrap_or_default().to_string(),
    };
    line("Unit:", "单位：", unit);
    if target.rule != Rule::Done {
        line("Accrual:", "累计方式：", accrual(target, lang).to_string());
    }
    if target.every_year {
        let (first, last) = (horizon.base + 1, horizon.target);
        line(
            "Each year:",
            "逐年考核：",
            match zh {
                true => format!("{first}—{last} 年每年均须达到"),
                false => format!("to be met in each year from {first} to {last}"),
            },
        );
    }
    if let Some(since) = target.since {
        line(
            "Summed:",
            "累计起点：",
            match zh {
                true => format!("{since} 年 1 月起跨年累计"),
                false => format!("from January {since}, across years"),
            },
        );
    }
    if target.aspiration {
        let said = if zh { "是" } else { "yes (力争)" };
        line("Strive:", "力争：", said.to_string());
    }
    if let Some(profile) = &target.profile {
        let shares: Vec<String> = profile.quarters.iter().map(|q| format!("{q}%")).collect();
        line(
            "Profile:",
            "季度分布：",
            cited(shares.join(" / "), &profile.source),
        );
    }
    if let Some(baseline) = &target.baseline {
        let value = lang.amount(baseline.value, target);
        let value = match (target.base_year(horizon), zh) {
            (Some(year), true) => format!("{year} 年 {value}"),
            (Some(year), false) => format!("{value} for {year}"),
            (None, _) => value,
        };
        line("Baseline:", "基数：", cited(value, &baseline.source));
    }
    if path(target, horizon) == Some(Path::Linear) {
        line(
            "Path:",
            "进度路径：",
            match zh {
                true => "自基数起按直线推进（path: linear）",
                false => "a straight line from the baseline (path: linear)",
            }
            .to_string(),
        );
    }
    line(
        "Owner:",
        "牵头单位：",
        target.owner.clone().unwrap_or_default(),
    );
    if let Some(due) = target.due {
        line("Due:", "时间节点：", lang.period(due));
    }
    line("Clause:", "出处：", lang.clause(&target.source));
    line("Quote:", "原文：", target.quote.clone().unwrap_or_default());
    text
}

/// The path a year before the target year is held against: only a plan over years has such a
/// year, and only a target with a level.
fn path(target: &Target, horizon: Horizon) -> Option<Path> {
    (horizon.is_multi_year() && target.rule != Rule::Done).then_some(target.path)
}

fn describe_json(target: &Target, horizon: Horizon, lang: Lang) -> Value {
    json!({
        "id": target.id,
        "name": target.name,
        "name_en": target.name_en,
        "aliases": target.aliases,
        "unit": target.unit,
        "rule": target.rule.name(),
        "value": crate::render::rule_value_json(&target.rule),
        "target_text": lang.target(target),
        "accrual": match target.accrual { Accrual::Cumulative => "cumulative", Accrual::Level => "level" },
        "aggregate": match target.aggregate { Aggregate::Sum => "sum", Aggregate::One => "one" },
        "profile": target.profile.as_ref().map(|p| p.quarters.iter().map(|q| crate::render::json_number(*q)).collect::<Vec<_>>()),
        "profile_source": target.profile.as_ref().map(|p| p.source.clone()),
        "baseline": target.baseline.as_ref().map(|b| json!({
            "value": crate::render::json_number(b.value),
            "year": target.base_year(horizon),
            "source": b.source,
        })),
        "every_year": target.every_year,
        "since": target.since,
        "aspiration": target.aspiration,
        "path": path(target, horizon).map(|p| match p { Path::Compound => "compound", Path::Linear => "linear" }),
        "owner": target.owner,
        "due": target.due,
        "source": target.source,
        "quote": target.quote,
    })
}
