//! The output's language: table headers, status words, target wording, notes and the summary,
//! in Chinese or English. JSON keys, CSV headers, ids and status keys never change with it.

use rust_decimal::Decimal;

use super::wording::{counted, english_unit, number_with_unit, signed};
use crate::evaluate::progress::{ProgressClass, Standing, Unmeasured};
use crate::evaluate::{Evaluation, Note, Status, TargetResult};
use crate::figure::Progress;
use crate::period::Period;
use crate::plan::{Plan, Rule, Target};

/// The language of a report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    /// 中文.
    Zh,
    /// English.
    #[default]
    En,
}

impl Lang {
    /// The language the environment asks for: LC_ALL, then LC_MESSAGES, then LANG; Chinese
    /// for `zh_*`, English otherwise.
    pub fn from_env() -> Lang {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|key| std::env::var(key).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        if value.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The code for HTML's `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// A rule by its name in plan.yaml, with the plan wording it stands for in Chinese:
    /// `超过（more_than）`.
    pub fn rule_name(self, target: &Target) -> String {
        let rule = &target.rule;
        let words = match rule {
            // A rank that falls is one that improves.
            Rule::Decrease if target.is_rank() => "排名提升（数值变小）",
            Rule::AtLeast(_) => "达到、不低于",
            Rule::MoreThan(_) => "超过",
            Rule::AtMost(_) => "不高于",
            Rule::LessThan(_) => "低于",
            Rule::Between { .. } => "保持在……之间",
            Rule::GrowthAtLeast(_) => "增长……以上",
            Rule::RatioAtLeast(_) => "翻番、倍增",
            Rule::Increase => "提升",
            Rule::Decrease => "下降",
            Rule::Done => "完成",
            Rule::RankWithin(_) => "进入前……位",
            Rule::PointsIncrease(_) => "提高……个百分点",
            Rule::CagrAtLeast { .. } => "年均增长……以上",
            Rule::About { .. } => "……左右",
        };
        match self {
            Lang::Zh => format!("{words}（{}）", rule.name()),
            Lang::En => rule.name().to_string(),
        }
    }

    /// `value` in `target`'s unit, in this language: `1200 亿元`, or `1200 CNY 100m` (the plan's
    /// `unit_en` where it gives one); a rank is `9 位`, or `No. 9` (`rank 16.13` between
    /// places).
    pub fn amount(self, value: Decimal, target: &Target) -> String {
        let unit = target.unit.as_deref();
        match (self, unit, target.unit_en.as_deref()) {
            (Lang::En, Some(_), Some(en)) => number_with_unit(value, Some(&counted(value, en))),
            // A place is whole; a level between places (one due on the path to a target
            // rank) is a rank, not a place no one can hold.
            (Lang::En, Some(u), None) if crate::units::normalize_unit(u) == "位" => {
                match value.fract().is_zero() {
                    true => format!("No. {}", value.normalize()),
                    false => format!("rank {value}"),
                }
            }
            (Lang::En, Some(u), None) => {
                let en = english_unit(u).map_or_else(|| u.to_string(), |en| counted(value, en));
                number_with_unit(value, Some(&en))
            }
            (_, unit, _) => number_with_unit(value, unit),
        }
    }

    /// The target's name in this language: its `name_en` in English, where the plan gives one.
    pub fn name(self, target: &Target) -> &str {
        match (self, &target.name_en) {
            (Lang::En, Some(en)) => en,
            _ => &target.name,
        }
    }

    /// The plan's title in this language: its `title_en` in English, where the plan gives one.
    pub fn plan_title(self, plan: &Plan) -> &str {
        match (self, &plan.title_en) {
            (Lang::En, Some(en)) => en,
            _ => &plan.title,
        }
    }

    /// A target's clauses in this language: 主要预期目标 is `Main targets`, 第14条 `Item 14`.
    pub fn clause(self, source: &str) -> String {
        if self == Lang::Zh {
            return source.to_string();
        }
        source
            .split("; ")
            .map(|part| {
                let part = part.trim();
                let item = part
                    .strip_prefix('第')
                    .and_then(|p| p.strip_suffix('条'))
                    .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
                match (part, item) {
                    (_, Some(n)) => format!("Item {n}"),
                    ("主要预期目标", _) => "Main targets".to_string(),
                    ("总体目标", _) => "Overall targets".to_string(),
                    ("主要目标", _) => "Main targets".to_string(),
                    (other, _) => other.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// A period as this language's tables name it: `2020年1-9月`, or `2020-01/2020-09`.
    pub fn period(self, period: Period) -> String {
        match self {
            Lang::Zh => period.zh(),
            Lang::En => period.to_string(),
        }
    }

    /// The span a result's figure covers: its period, or from January of the year a flow is
    /// summed from (`2017-01/2020-09`, `2017年1月至2020年9月`).
    pub fn figure_period(self, result: &crate::evaluate::TargetResult) -> Option<String> {
        let period = result.period?;
        let Some(from) = result.counted_from.filter(|&y| y < period.year) else {
            return Some(self.period(period));
        };
        let (to, last) = (period.year, period.last);
        Some(match (self, last) {
            (Lang::Zh, 12) => format!("{from}-{to}年"),
            (Lang::Zh, _) => format!("{from}年1月至{to}年{last}月"),
            (Lang::En, 12) => format!("{from}/{to}"),
            (Lang::En, _) => format!("{from}-01/{to}-{last:02}"),
        })
    }

    /// Column headers of the result tables (table, Markdown, HTML).
    pub fn headers(self) -> [&'static str; 11] {
        match self {
            Lang::Zh => [
                "指标",
                "目标",
                "时期",
                "实际",
                "应达",
                "基期",
                "差距",
                "完成度",
                "状态",
                "出处",
                "说明",
            ],
            Lang::En => [
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
            ],
        }
    }

    /// A status in words.
    pub fn status(self, status: Status) -> &'static str {
        match (self, status) {
            (Lang::Zh, Status::Met) => "达标",
            (Lang::Zh, Status::Unmet) => "未达标",
            (Lang::Zh, Status::OnTrack) => "进度正常",
            (Lang::Zh, Status::Behind) => "进度滞后",
            (Lang::Zh, Status::Missing) => "缺数据",
            (Lang::Zh, Status::Overdue) => "逾期未完成",
            (Lang::En, Status::Met) => "met",
            (Lang::En, Status::Unmet) => "unmet",
            (Lang::En, Status::OnTrack) => "on track",
            (Lang::En, Status::Behind) => "behind",
            (Lang::En, Status::Missing) => "missing",
            (Lang::En, Status::Overdue) => "overdue",
        }
    }

    /// A milestone's state in words.
    pub fn progress(self, progress: Progress) -> &'static str {
        match (self, progress) {
            (Lang::Zh, p) => p.word(),
            (Lang::En, Progress::Done) => "done",
            (Lang::En, Progress::InProgress) => "in progress",
            (Lang::En, Progress::NotDone) => "not done",
        }
    }

    /// The target as a person writes it. Only ASCII symbols (`>=`, not `≥`), which line up in
    /// every terminal, CJK-configured or not.
    pub fn target(self, target: &Target) -> String {
        let n = |v: Decimal| self.amount(v, target);
        let zh = self == Lang::Zh;
        // The year a relative rule compares with: the year before, or a year the plan names.
        let (than, of) = match target.compares_with {
            Some(year) => (format!("比{year}年"), year.to_string()),
            None => ("较上年".to_string(), "the year before".to_string()),
        };
        let (than, of) = (than.as_str(), of.as_str());
        let wording = match target.rule {
            Rule::AtLeast(v) => format!(">= {}", n(v)),
            Rule::MoreThan(v) => format!("> {}", n(v)),
            Rule::AtMost(v) => format!("<= {}", n(v)),
            Rule::LessThan(v) => format!("< {}", n(v)),
            Rule::Between { min, max } => format!("{} ~ {}", n(min), n(max)),
            Rule::GrowthAtLeast(v) if zh => format!("{than}增长 >= {v}%"),
            Rule::GrowthAtLeast(v) => format!("growth >= {v}% on {of}"),
            Rule::RatioAtLeast(k) if k == Decimal::TWO && zh => format!("{than}翻番"),
            Rule::RatioAtLeast(k) if k == Decimal::TWO => format!("double {of}"),
            Rule::RatioAtLeast(k) if zh => format!("{than} >= {k} 倍"),
            Rule::RatioAtLeast(k) => format!(">= {k} × {of}"),
            // A rank improves as its number falls: 排名下降 would read as "got worse".
            Rule::Decrease if zh && target.is_rank() => format!("排名{than}提升"),
            Rule::Decrease if target.is_rank() => {
                format!("rank improves on {of} (a smaller number)")
                    .replace("improves on the year before", "improves")
            }
            Rule::Increase if zh && target.is_rank() => format!("排名{than}下降"),
            Rule::Increase if target.is_rank() => format!("rank falls on {of} (a larger number)")
                .replace("falls on the year before", "falls"),
            Rule::Increase if zh => format!("{than}提升"),
            Rule::Increase => format!("above {of}"),
            Rule::Decrease if zh => format!("{than}下降"),
            Rule::Decrease => format!("below {of}"),
            Rule::RankWithin(v) if zh => format!("进入前 {v} 位"),
            Rule::RankWithin(v) => format!("in the top {v}"),
            Rule::PointsIncrease(p) if zh => format!("{than}提高 >= {p} 个百分点"),
            Rule::PointsIncrease(p) => format!("up >= {p} percentage points on {of}"),
            Rule::CagrAtLeast { percent, .. } if zh => format!("{than}年均增长 >= {percent}%"),
            Rule::CagrAtLeast { percent, .. } => {
                format!("average annual growth >= {percent}% from {of}")
            }
            Rule::About { value, tolerance } => {
                let width = match tolerance {
                    crate::plan::Tolerance::Percent(p) => format!("{p}%"),
                    crate::plan::Tolerance::Amount(a) => n(a),
                };
                match zh {
                    true => format!("{}左右（±{width}）", n(value)),
                    false => format!("about {} (±{width})", n(value)),
                }
            }
            Rule::Done if zh => "完成".to_string(),
            Rule::Done => "done".to_string(),
        };
        // Over years: to hold every year (每年), or a flow summed since a year (2017年以来累计);
        // either may be only striven for (力争).
        if zh {
            let mut head = String::new();
            if target.aspiration {
                head.push_str("力争");
            }
            if target.every_year {
                head.push_str("每年");
            }
            if let Some(since) = target.since {
                head.push_str(&format!("{since}年以来累计"));
            }
            // A space only between Chinese words and a symbol: 每年 >= 5%, 每年较上年增长.
            let space = if !head.is_empty() && wording.starts_with(|c: char| c.is_ascii()) {
                " "
            } else {
                ""
            };
            return format!("{head}{space}{wording}");
        }
        let mut text = wording;
        if target.aspiration {
            text = format!("strive for {text}");
        }
        if target.every_year {
            text.push_str(" every year");
        }
        if let Some(since) = target.since {
            text.push_str(&format!(" in total since {since}"));
        }
        text
    }

    /// A note in words.
    pub fn note(self, note: &Note) -> String {
        let zh = self == Lang::Zh;
        match note {
            Note::NoFigure { year } if zh => format!("无 {year} 年数据"),
            Note::NoFigure { year } => format!("no figure for {year}"),
            Note::NotCovered {
                wanted,
                gap: Some(gap),
            } if zh => {
                format!(
                    "缺少覆盖 {} 的数据：{} 无数据，请补充或提供累计数",
                    wanted.zh(),
                    gap.zh()
                )
            }
            Note::NotCovered {
                wanted,
                gap: Some(gap),
            } => {
                format!("no figure covering {wanted}: nothing for {gap}; add it, or a year-to-date figure")
            }
            Note::NotCovered { wanted, gap: None } if zh => {
                format!("缺少覆盖 {} 的数据", wanted.zh())
            }
            Note::NotCovered { wanted, gap: None } => format!("no figure covering {wanted}"),
            Note::OnlyGrowthRate if zh => "只有增速，此指标需要实际数值".to_string(),
            Note::OnlyGrowthRate => {
                "only a growth rate was reported; this target needs the figure itself".to_string()
            }
            Note::NoBaseline { year } if zh => {
                let y = year.map_or("基期".to_string(), |y| format!("{y} 年"));
                format!("无{y}基数可比；请补充{y}数据、增速，或在规划中写明 baseline")
            }
            Note::NoBaseline { year } => {
                let y = year.map_or("baseline".to_string(), |y| y.to_string());
                format!("no {y} figure to compare with; add a {y} row, a growth rate, or a `baseline` in the plan")
            }
            Note::BaselineNotPositive if zh => "基数为零或负数，增速和倍数无意义".to_string(),
            Note::BaselineNotPositive => {
                "baseline is zero or negative; growth and ratios from it are undefined".to_string()
            }
            Note::Stale { period } if zh => format!("最新数据为 {}", period.zh()),
            Note::Stale { period } => format!("the latest figure is for {period}"),
            Note::ReachedBy { period } if zh => format!("{} 已达到全年目标", period.zh()),
            Note::ReachedBy { period } => format!("the annual level was reached by {period}"),
            Note::FailedYear { year } if zh => format!("{year} 年未达到（须每年达到）"),
            Note::FailedYear { year } => format!("not met in {year} (to be met every year)"),
            Note::EachYear { from, to } if zh && from == to => format!("{from} 年已达到"),
            Note::EachYear { from, to } if zh => format!("{from}-{to} 年每年均已达到"),
            Note::EachYear { from, to } if from == to => format!("met in {from}"),
            Note::EachYear { from, to } => format!("met in each year {from}-{to}"),
            Note::CountsFrom { year } if zh => format!("自 {year} 年起累计，尚未开始"),
            Note::CountsFrom { year } => format!("summed from {year}, which has not begun"),
            Note::Overdue { due } if zh => format!("时间节点 {} 已过，未完成", due.zh()),
            Note::Overdue { due } => format!("due {due}, not done"),
            Note::DueSoon { due } if zh => format!("临近时限：{} 到期", due.zh()),
            Note::DueSoon { due } => format!("due soon: {due}"),
            Note::InProgress => self.progress(Progress::InProgress).to_string(),
            Note::NotDone => self.progress(Progress::NotDone).to_string(),
            Note::ReportedGrowth(rate) if zh => format!("按报告增速 {rate}% 判断"),
            Note::ReportedGrowth(rate) => format!("checked by the reported growth rate {rate}%"),
            Note::UnsavedFormula { at } if zh => {
                format!("{at} 的公式没有保存计算结果，请用 Excel 或 WPS 打开并保存后再核对")
            }
            Note::UnsavedFormula { at } => {
                format!(
                    "formula without a saved value at {at}; open and save the file in Excel or WPS"
                )
            }
            Note::Unmeasured(why) => self.unmeasured(*why),
            Note::ConvertedFrom(unit) if zh => format!("由{unit}换算"),
            Note::ConvertedFrom(unit) => format!("converted from {unit}"),
            Note::Qualitative {
                wording,
                lower_is_better,
            } => {
                let (label, lower) = if zh {
                    ("定性目标", "；数值越小越好")
                } else {
                    ("qualitative", "; lower is better")
                };
                let said = wording
                    .as_deref()
                    .map_or(String::new(), |w| format!(": {w}"));
                let said = if zh { said.replace(": ", "：") } else { said };
                format!("{label}{said}{}", if *lower_is_better { lower } else { "" })
            }
        }
    }

    /// Where a figure stands on the path to its target: `进展良好（R 0.97）` / `substantial
    /// progress (R 0.97)`.
    pub fn standing(self, standing: &Standing) -> String {
        let words = match (self, standing.class) {
            (Lang::Zh, ProgressClass::Substantial) => "进展良好",
            (Lang::Zh, ProgressClass::Moderate) => "进展一般，需加快",
            (Lang::Zh, ProgressClass::Limited) => "进展有限",
            (Lang::Zh, ProgressClass::Deterioration) => "不进反退",
            (Lang::En, ProgressClass::Substantial) => "substantial progress",
            (Lang::En, ProgressClass::Moderate) => "moderate progress",
            (Lang::En, ProgressClass::Limited) => "limited progress",
            (Lang::En, ProgressClass::Deterioration) => "deterioration",
        };
        match (self, standing.ratio) {
            (_, None) => words.to_string(),
            (Lang::Zh, Some(r)) => format!("{words}（R {r}）"),
            (Lang::En, Some(r)) => format!("{words} (R {r})"),
        }
    }

    /// Why progress could not be measured.
    pub fn unmeasured(self, why: Unmeasured) -> String {
        match (self, why) {
            (Lang::Zh, Unmeasured::NotPositive) => {
                "基数或数值不为正，无法按复合增长衡量进展；可在规划中为该指标设 `path: linear`"
                    .to_string()
            }
            (Lang::En, Unmeasured::NotPositive) => "the baseline or the figure is not above zero, \
                                                    so compound progress is undefined; give the \
                                                    target `path: linear`"
                .to_string(),
            (Lang::Zh, Unmeasured::NoTime) => "基期之后尚无时间，无法衡量进展".to_string(),
            (Lang::En, Unmeasured::NoTime) => {
                "no time has passed since the base year to measure progress by".to_string()
            }
            (Lang::Zh, Unmeasured::Unsettled) => "进展无法精确判定".to_string(),
            (Lang::En, Unmeasured::Unsettled) => {
                "progress could not be decided exactly".to_string()
            }
        }
    }

    /// All notes of a result, joined.
    pub fn notes(self, notes: &[Note]) -> String {
        notes
            .iter()
            .map(|n| self.note(n))
            .collect::<Vec<_>>()
            .join(self.separator())
    }

    /// Between notes: `；` / `; `.
    pub fn separator(self) -> &'static str {
        match self {
            Lang::Zh => "；",
            Lang::En => "; ",
        }
    }

    /// The short note of a target unmet or behind: the level needed by now.
    pub fn needs(self, level: &str) -> String {
        match self {
            Lang::Zh => format!("应达 {level}"),
            Lang::En => format!("needs {level}"),
        }
    }

    /// The short note of a 提升 / 下降 target unmet or behind: the year before's level.
    pub fn year_before(self, level: &str) -> String {
        match self {
            Lang::Zh => format!("上年 {level}"),
            Lang::En => format!("year before {level}"),
        }
    }

    /// A section of the default table: `未达标 5 项` / `5 unmet`; for milestones `缺数据（里程碑）
    /// 19 项` / `19 missing (milestones)`.
    pub fn section(self, status: Status, milestones: bool, count: usize) -> String {
        match (self, milestones) {
            (Lang::Zh, false) => format!("{} {count} 项", self.status(status)),
            (Lang::Zh, true) => format!("{}（里程碑）{count} 项", self.status(status)),
            (Lang::En, false) => format!("{count} {}", self.status(status)),
            (Lang::En, true) => match count {
                1 => format!("1 {} (milestone)", self.status(status)),
                _ => format!("{count} {} (milestones)", self.status(status)),
            },
        }
    }

    /// The regions' shares in one line, when the plan splits targets among regions:
    /// `分地区：达标 2 · 未达标 1 · 缺数据 0（共 3 项，见 --by region）`.
    pub fn regional_summary(self, evaluation: &Evaluation) -> Option<String> {
        if evaluation.regional.is_empty() {
            return None;
        }
        let s = evaluation.regional_summary();
        let parts = s.shown(evaluation.is_final);
        Some(match self {
            Lang::Zh => {
                let counts: Vec<String> = parts
                    .iter()
                    .map(|(st, n)| format!("{} {n}", self.status(*st)))
                    .collect();
                format!(
                    "分地区共 {} 项：{}（见 --by region）",
                    s.total,
                    counts.join(" · ")
                )
            }
            Lang::En => {
                let counts: Vec<String> = parts
                    .iter()
                    .map(|(st, n)| format!("{n} {}", self.status(*st)))
                    .collect();
                format!(
                    "regions: {} of {} (see --by region)",
                    counts.join(" · "),
                    s.total
                )
            }
        })
    }

    /// The title of a target's section in `--by region`: the target and the whole plan's
    /// result, `技术合同成交额（全省：1500 亿元，达标）` / `Technology contract turnover (whole plan:
    /// 1500 CNY 100m, met)`.
    pub fn region_section(self, whole: &TargetResult) -> String {
        let actual = super::cells::actual_text(whole, self);
        let status = self.status(whole.status);
        match self {
            Lang::Zh => format!("{}（全省：{actual}，{status}）", self.name(whole.target)),
            Lang::En => format!(
                "{} (whole plan: {actual}, {status})",
                self.name(whole.target)
            ),
        }
    }

    /// A region's place among the regions by the share of its target reached: `第 2 名/12` /
    /// `2nd of 12`.
    pub fn rank_among(self, (place, of): (usize, usize)) -> String {
        match self {
            Lang::Zh => format!("第 {place} 名/{of}"),
            Lang::En => {
                let suffix = match (place % 10, place % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                format!("{place}{suffix} of {of}")
            }
        }
    }

    /// Between two remarks in one note cell.
    pub fn note_separator(self) -> &'static str {
        match self {
            Lang::Zh => "；",
            Lang::En => "; ",
        }
    }

    /// The title of an owner's section: `科技厅成果处：达标 2，未达标 1` / `Office A: 2 met, 1
    /// not met`; `未注明牵头单位` / `no owner` for targets without one.
    pub fn owner_section(self, owner: Option<&str>, results: &[&TargetResult]) -> String {
        let count = |keep: fn(Status) -> bool| results.iter().filter(|r| keep(r.status)).count();
        let met = count(|s| s == Status::Met);
        let failing = count(Status::fails);
        // Neither met nor failing: on track, or missing.
        let rest: String = [Status::OnTrack, Status::Missing]
            .into_iter()
            .map(|status| {
                (
                    status,
                    results.iter().filter(|r| r.status == status).count(),
                )
            })
            .filter(|&(_, n)| n > 0)
            .map(|(status, n)| match self {
                Lang::Zh => format!("，{} {n}", self.status(status)),
                Lang::En => format!(", {n} {}", self.status(status)),
            })
            .collect();
        match self {
            Lang::Zh => format!(
                "{}：达标 {met}，未达标 {failing}{rest}",
                owner.unwrap_or("未注明牵头单位")
            ),
            Lang::En => format!(
                "{}: {met} met, {failing} not met{rest}",
                owner.unwrap_or("no owner")
            ),
        }
    }

    /// Growth over the baseline, for the note column: `growth +41.90%`.
    pub fn growth(self, growth: Decimal) -> String {
        match self {
            Lang::Zh => format!("增长 {}%", signed(growth)),
            Lang::En => format!("growth {}%", signed(growth)),
        }
    }

    /// The one-line summary: `39 met · 5 unmet · 0 missing of 44`; before year end also the
    /// targets on track and behind.
    pub fn summary(self, evaluation: &Evaluation) -> String {
        let s = evaluation.summary();
        let parts = s.shown(evaluation.is_final);
        match self {
            Lang::Zh => {
                let counts: Vec<String> = parts
                    .iter()
                    .map(|(st, n)| format!("{} {n}", self.status(*st)))
                    .collect();
                format!("共 {} 项：{}", s.total, counts.join(" · "))
            }
            Lang::En => {
                let counts: Vec<String> = parts
                    .iter()
                    .map(|(st, n)| format!("{n} {}", self.status(*st)))
                    .collect();
                format!("{} of {}", counts.join(" · "), s.total)
            }
        }
    }

    /// The line above a report: the plan's title and the period checked.
    pub fn title(self, plan: &Plan, evaluation: &Evaluation) -> String {
        let period = evaluation.period;
        let title = match (self, period.is_full_year()) {
            (Lang::Zh, true) => format!("{} — {} 年", plan.title, period.year),
            (Lang::Zh, false) => format!("{} — {}（年初至今）", plan.title, period.zh()),
            (Lang::En, true) => format!("{} — {}", self.plan_title(plan), period.year),
            (Lang::En, false) => format!("{} — {period} (year to date)", self.plan_title(plan)),
        };
        match (self, plan.horizon.is_multi_year()) {
            (_, false) => title,
            (Lang::Zh, true) => format!("{title}，{}", self.plan_years(plan)),
            (Lang::En, true) => format!("{title}, of {}", self.plan_years(plan)),
        }
    }

    /// The years a plan runs over, as a title names them: an annual plan's year (`2020` /
    /// `2020 年`), or a plan's years from its base year (`the plan's years 2015 to 2020` / `规划期
    /// 2015—2020 年`).
    pub fn plan_years(self, plan: &Plan) -> String {
        let horizon = plan.horizon;
        match (self, horizon.is_multi_year()) {
            (Lang::Zh, false) => format!("{} 年", horizon.target),
            (Lang::En, false) => horizon.target.to_string(),
            (Lang::Zh, true) => format!("规划期 {}—{} 年", horizon.base, horizon.target),
            (Lang::En, true) => {
                format!("the plan's years {} to {}", horizon.base, horizon.target)
            }
        }
    }

    /// `warning: ` / `提示：`, before each warning in text outputs.
    pub fn warning(self) -> &'static str {
        match self {
            Lang::Zh => "提示：",
            Lang::En => "warning: ",
        }
    }

    /// A gap in percentage points: `+1.5pp` / `+1.5 个百分点`.
    pub fn points(self, gap: &str) -> String {
        match self {
            Lang::Zh => format!("{gap} 个百分点"),
            Lang::En => format!("{gap}pp"),
        }
    }
}
