//! The words of [`PlanProblem`] (and of the plan [`Problem`]s it holds), in English and in
//! Chinese.

use std::fmt;

use crate::error::{
    shorten, HorizonProblem, PlanProblem, Relation, Settled, TargetProblem, Wanted,
};
use crate::plan::{BoundKind, Expect, Found, Invalid, KeyPath, Problem, Shape, Syntax, Thing};

pub(super) fn en(problem: &PlanProblem) -> String {
    match problem {
        PlanProblem::Read(problem) => read_en(problem),
        PlanProblem::EmbeddedUnreadable(err) => format!("the embedded plan does not read: {err}"),
        PlanProblem::NoTargets => "the plan has no targets; expected a list under `targets`".into(),
        PlanProblem::BaselineNotBefore { baseline, year } => format!(
            "`baseline_period` {baseline} is not before `year` {year}; expected an earlier period"
        ),
        PlanProblem::NameTaken { id, name, other } => format!(
            "target `{id}`: name `{name}` is already a name of target `{other}`; names and \
             aliases must identify one target"
        ),
        PlanProblem::Target { id, problem } => format!("target `{id}`: {}", target_en(problem)),
        PlanProblem::DuplicateRegion { name } => {
            format!("region `{name}` is listed twice in `regions`; expected each region once")
        }
        PlanProblem::RegionIsWhole { name } => format!(
            "`{name}` in `regions` names the whole plan (rows with it are the whole plan's \
             figures); expected the regions the plan is split among"
        ),
        PlanProblem::Horizon(problem) => match problem {
            HorizonProblem::NoYear => "the plan has no `year` or `horizon`; expected `year: 2020` \
                                       for an annual plan, or `horizon: {base: 2015, target: \
                                       2020}` for a plan over years"
                .into(),
            HorizonProblem::YearAndHorizon => "the plan has both `year` and `horizon`; expected \
                                               one: `year` for an annual plan, `horizon` for a \
                                               plan over years"
                .into(),
            HorizonProblem::Backwards { base, target } => format!(
                "`horizon` runs from {base} to {target}; expected a target year after the base \
                 year"
            ),
            HorizonProblem::TooLong { base, target } => format!(
                "`horizon` runs from {base} to {target}, {} years; expected at most {}",
                target - base,
                crate::plan::MAX_YEARS
            ),
            HorizonProblem::BaselineWithHorizon => "`baseline_period` beside `horizon`; the \
                                                    horizon's base year is the baseline: remove \
                                                    `baseline_period`"
                .into(),
        },
    }
}

pub(super) fn zh(problem: &PlanProblem) -> String {
    match problem {
        PlanProblem::Read(problem) => read_zh(problem),
        PlanProblem::EmbeddedUnreadable(err) => format!("内置计划无法读取：`{err}`"),
        PlanProblem::NoTargets => "计划中没有指标；`targets` 下应有指标列表".into(),
        PlanProblem::BaselineNotBefore { baseline, year } => {
            format!("`baseline_period` {baseline} 不早于 `year` {year}；应为更早的年份")
        }
        PlanProblem::NameTaken { id, name, other } => format!(
            "指标 `{id}`：名称 `{name}` 已是指标 `{other}` 的名称；名称和别名应只对应一个指标"
        ),
        PlanProblem::Target { id, problem } => format!("指标 `{id}`：{}", target_zh(problem)),
        PlanProblem::DuplicateRegion { name } => {
            format!("地区 `{name}` 在 `regions` 中出现两次；每个地区只应列一次")
        }
        PlanProblem::RegionIsWhole { name } => format!(
            "`regions` 中的 `{name}` 指全省（写它的行是全省数据）；应列出目标分解到的各地区"
        ),
        PlanProblem::Horizon(problem) => match problem {
            HorizonProblem::NoYear => "计划没有 `year` 或 `horizon`；年度计划应写 `year: 2020`，\
                                       多年规划应写 `horizon: {base: 2015, target: 2020}`"
                .into(),
            HorizonProblem::YearAndHorizon => {
                "计划同时有 `year` 和 `horizon`；只应有一个：年度计划\
                                               用 `year`，多年规划用 `horizon`"
                    .into()
            }
            HorizonProblem::Backwards { base, target } => {
                format!("`horizon` 从 {base} 年到 {target} 年；目标年应晚于基期年")
            }
            HorizonProblem::TooLong { base, target } => format!(
                "`horizon` 从 {base} 年到 {target} 年，共 {} 年；应不超过 {} 年",
                target - base,
                crate::plan::MAX_YEARS
            ),
            HorizonProblem::BaselineWithHorizon => "`baseline_period` 与 `horizon` 同时出现；\
                                                    `horizon` 的基期年即为基期：应删去 \
                                                    `baseline_period`"
                .into(),
        },
    }
}

fn target_en(problem: &TargetProblem) -> String {
    match problem {
        TargetProblem::BadId => {
            "ids use lowercase ASCII letters, digits and `_`, starting with a letter".into()
        }
        TargetProblem::EmptyName => "`name` is empty; expected the target's Chinese name".into(),
        TargetProblem::NeedsValue { rule } => format!("rule `{rule}` needs a `value`"),
        TargetProblem::TakesNoValue { rule } => format!("rule `{rule}` takes no `value`"),
        TargetProblem::MinMaxNotBetween { rule } => {
            format!("`min` and `max` belong to rule `between`, not `{rule}`")
        }
        TargetProblem::FactorNotPositive { rule, factor } => {
            format!("rule `{rule}` needs a positive factor, found {factor}")
        }
        TargetProblem::BetweenTakesNoValue => {
            "rule `between` takes `min` and `max`, not `value`".into()
        }
        TargetProblem::MinAboveMax { min, max } => {
            format!("`min` {min} is greater than `max` {max}")
        }
        TargetProblem::BetweenNeedsBoth => "rule `between` needs both `min` and `max`".into(),
        TargetProblem::MilestoneUnit => "rule `done` is a milestone and takes no `unit`".into(),
        TargetProblem::UnitEnWithoutUnit => {
            "`unit_en` names a `unit` in English; expected a `unit` with it".into()
        }
        TargetProblem::EmptyAlias => "an empty alias; expected other names of the target".into(),
        TargetProblem::NeedsUnit { rule } => {
            format!("rule `{rule}` needs a `unit` (such as %, 亿元, 家)")
        }
        TargetProblem::OutOfRangeUnbounded { unit } => format!(
            "`out_of_range` is for counts, ranks and percentages, which some figures cannot be; \
             `{}` has no such range; remove `out_of_range`",
            unit.as_deref().unwrap_or("a milestone")
        ),
        TargetProblem::Settled(settled) => settled_en(settled),
        TargetProblem::AnyGrowth { growth } => format!(
            "growth of {growth}% or more is met by any figure of 0 or more (a fall of 100% is to \
             zero); expected a growth above -100%"
        ),
        TargetProblem::NoBaseline { rule } => format!(
            "rule `{rule}` compares with a baseline, but the plan has no `baseline_period` and \
             the target has no `baseline`"
        ),
        TargetProblem::BaselineUnused { rule } => {
            format!("rule `{rule}` uses no baseline; remove `baseline`")
        }
        TargetProblem::MilestoneAccrual => "a milestone takes no `accrual` or `aggregate`".into(),
        TargetProblem::NoAccrual => "no `accrual`; expected `accrual: cumulative` for a flow \
                                     that adds up over the year (new labs, a turnover, an \
                                     amount of the year) or `accrual: level` for a level, \
                                     share, index or rank"
            .into(),
        TargetProblem::SumNeedsCumulative => {
            "`aggregate: sum` adds figures up, so it needs `accrual: cumulative`".into()
        }
        TargetProblem::ProfileNeedsCumulative => {
            "a `profile` says how a total accrues, so it needs `accrual: cumulative`".into()
        }
        TargetProblem::ProfileShares { count } => {
            format!("`profile` has {count} shares; expected 4, one per quarter")
        }
        TargetProblem::ProfileSum { sum } => format!(
            "`profile` shares add up to {sum}; expected four shares of at least 0 that add up to \
             100"
        ),
        TargetProblem::ProfileWithoutSource => {
            "a `profile` needs a `profile_source` saying where it comes from".into()
        }
        TargetProblem::SourceWithoutProfile => "`profile_source` without a `profile`".into(),
        TargetProblem::NeedsTolerance => "rule `about` (左右) needs a `tolerance`: how far from \
                                         `value` a figure may be, as a share (`\"5%\"`) or an \
                                         amount (`\"50\"`); the plan's 左右 gives none"
            .into(),
        TargetProblem::ToleranceNotAbout { rule } => {
            format!("rule `{rule}` takes no `tolerance`; only `about` (左右) does")
        }
        TargetProblem::BadTolerance { text } => format!(
            "`tolerance` `{}` is not an amount such as `\"50\"` or a share such as `\"5%\"`, 0 \
             or more",
            shorten(text)
        ),
        TargetProblem::RankWithinNeedsRank { unit } => format!(
            "rule `rank_within` (进入前 N 位) judges a rank, but the unit is `{unit}`; expected \
             `unit: 位`"
        ),
        TargetProblem::NeedsHorizon { key } => format!(
            "`{key}` is for a plan over years, but this plan has one `year`; expected \
             `horizon: {{base: …, target: …}}` for the plan"
        ),
        TargetProblem::SinceOutside {
            since,
            base,
            target,
        } => format!(
            "`since` {since} is outside the plan's years {base} to {target}; expected a year \
             from {} to {target}",
            base + 1
        ),
        TargetProblem::SinceNeedsCumulative => {
            "`since` adds up a flow across years; expected `accrual: cumulative`".into()
        }
        TargetProblem::DueNotAMonth { found } => {
            format!("`due` is `{found}`; expected a month, such as 2020-06 or 2020年6月")
        }
        TargetProblem::DueNeedsMilestone => {
            "`due` is a milestone's deadline; expected `rule: done` with it".into()
        }
        TargetProblem::ByRegionWithoutRegions => "`by_region` splits the target among the \
             plan's regions, and the plan lists none; expected `regions: [...]` in the plan"
            .into(),
        TargetProblem::UnknownRegion { name, closest } => format!(
            "`by_region` names `{name}`, which is not in the plan's `regions`{}",
            match closest.is_empty() {
                true => String::new(),
                false => format!("; closest: {}", closest.join(", ")),
            }
        ),
        TargetProblem::ByRegionNeedsValue { rule } => format!(
            "`by_region` gives each region a value, and rule `{rule}` has none; expected a rule \
             with a `value`"
        ),
        TargetProblem::DueOutside { due, first, last } => format!(
            "`due` is {due}, outside the plan's years; expected a month of {}",
            years_en(*first, *last)
        ),
        TargetProblem::EveryYearCagr => "`every_year` judges each year by itself, and \
             `cagr_at_least` is an average over the plan's years; expected `growth_at_least` \
             for growth each year (每年增长), or no `every_year`"
            .into(),
        TargetProblem::SinceWithEveryYear => "`since` sums a flow across years, so the sum is not \
             a figure of each year; expected `since` or `every_year`, not both"
            .into(),
        TargetProblem::SinceNeedsAbsolute { rule } => format!(
            "`since` sums a flow across years, which rule `{rule}` has no baseline to compare \
             with; expected a rule with a value (at_least, more_than, at_most, less_than, \
             between, about)"
        ),
        TargetProblem::MilestoneOverYears { key } => {
            format!("a milestone (`rule: done`) takes no `{key}`")
        }
        TargetProblem::BaselineYearNotBefore { year, target } => format!(
            "the `baseline`'s `year` {year} is not before the target year {target}; expected an \
             earlier year"
        ),
    }
}

fn target_zh(problem: &TargetProblem) -> String {
    match problem {
        TargetProblem::BadId => "id 应由小写英文字母、数字和 `_` 组成，并以字母开头".into(),
        TargetProblem::EmptyName => "`name` 为空；应为指标的中文名称".into(),
        TargetProblem::NeedsValue { rule } => format!("规则 `{rule}` 需要 `value`"),
        TargetProblem::TakesNoValue { rule } => format!("规则 `{rule}` 不用 `value`"),
        TargetProblem::MinMaxNotBetween { rule } => {
            format!("`min` 和 `max` 属于规则 `between`，不属于 `{rule}`")
        }
        TargetProblem::FactorNotPositive { rule, factor } => {
            format!("规则 `{rule}` 的倍数应为正数，实为 {factor}")
        }
        TargetProblem::BetweenTakesNoValue => {
            "规则 `between` 用 `min` 和 `max`，不用 `value`".into()
        }
        TargetProblem::MinAboveMax { min, max } => {
            format!("`min` {min} 大于 `max` {max}")
        }
        TargetProblem::BetweenNeedsBoth => "规则 `between` 需要 `min` 和 `max` 两者".into(),
        TargetProblem::MilestoneUnit => "规则 `done` 是里程碑，不用 `unit`".into(),
        TargetProblem::UnitEnWithoutUnit => {
            "`unit_en` 是 `unit` 的英文名；应同时给出 `unit`".into()
        }
        TargetProblem::EmptyAlias => "有空的别名；别名应为指标的其他名称".into(),
        TargetProblem::NeedsUnit { rule } => {
            format!("规则 `{rule}` 需要 `unit`（如 %、亿元、家）")
        }
        TargetProblem::OutOfRangeUnbounded { unit } => {
            let which = match unit {
                Some(unit) => format!("`{unit}` 没有这样的范围"),
                None => "里程碑没有这样的范围".to_string(),
            };
            format!(
                "`out_of_range` 只用于有取值范围的计数、排名和百分比；{which}；应删除 \
                 `out_of_range`"
            )
        }
        TargetProblem::Settled(settled) => settled_zh(settled),
        TargetProblem::AnyGrowth { growth } => format!(
            "任何不小于 0 的数据都满足增长 {growth}% 或以上（下降 100% 即为零）；应为高于 -100% \
             的增长"
        ),
        TargetProblem::NoBaseline { rule } => format!(
            "规则 `{rule}` 要与基数比较，但计划没有 `baseline_period`，指标也没有 `baseline`"
        ),
        TargetProblem::BaselineUnused { rule } => {
            format!("规则 `{rule}` 不用基数；应删除 `baseline`")
        }
        TargetProblem::MilestoneAccrual => "里程碑不用 `accrual` 或 `aggregate`".into(),
        TargetProblem::NoAccrual => {
            "没有 `accrual`；全年累加的流量（新建实验室、成交额、全年金额）\
                                     应为 `accrual: cumulative`，水平、占比、指数或排名应为 \
                                     `accrual: level`"
                .into()
        }
        TargetProblem::SumNeedsCumulative => {
            "`aggregate: sum` 会把数据加总，需要 `accrual: cumulative`".into()
        }
        TargetProblem::ProfileNeedsCumulative => {
            "`profile` 说明全年总量如何累积，需要 `accrual: cumulative`".into()
        }
        TargetProblem::ProfileShares { count } => {
            format!("`profile` 有 {count} 个份额；应为 4 个，每季度一个")
        }
        TargetProblem::ProfileSum { sum } => {
            format!("`profile` 的份额合计为 {sum}；应为 4 个不小于 0、合计为 100 的份额")
        }
        TargetProblem::ProfileWithoutSource => "`profile` 需要 `profile_source` 说明其来源".into(),
        TargetProblem::SourceWithoutProfile => "有 `profile_source` 却没有 `profile`".into(),
        TargetProblem::NeedsTolerance => {
            "规则 `about`（左右）需要 `tolerance`：数值可偏离 `value` \
                                         多少，写比例（`\"5%\"`）或数量（`\"50\"`）；规划中的“左右”\
                                         没有给出幅度"
                .into()
        }
        TargetProblem::ToleranceNotAbout { rule } => {
            format!("规则 `{rule}` 不用 `tolerance`；只有 `about`（左右）才用")
        }
        TargetProblem::BadTolerance { text } => format!(
            "`tolerance` `{}` 不是 `\"50\"` 这样的数量或 `\"5%\"` 这样的比例（应不小于 0）",
            shorten(text)
        ),
        TargetProblem::RankWithinNeedsRank { unit } => format!(
            "规则 `rank_within`（进入前 N 位）判断的是排名，但单位是 `{unit}`；应为 `unit: 位`"
        ),
        TargetProblem::NeedsHorizon { key } => format!(
            "`{key}` 只用于跨多个年份的规划，但本计划只有一个 `year`；应为计划写明 \
             `horizon: {{base: …, target: …}}`"
        ),
        TargetProblem::SinceOutside {
            since,
            base,
            target,
        } => format!(
            "`since` {since} 不在规划期 {base}—{target} 年内；应为 {}—{target} 年中的一年",
            base + 1
        ),
        TargetProblem::SinceNeedsCumulative => {
            "`since` 把各年的流量累加；应为 `accrual: cumulative`".into()
        }
        TargetProblem::DueNotAMonth { found } => {
            format!("`due` 为 `{found}`；应为一个月份，如 2020-06 或 2020年6月")
        }
        TargetProblem::DueNeedsMilestone => {
            "`due` 是里程碑的时间节点；应同时写 `rule: done`".into()
        }
        TargetProblem::ByRegionWithoutRegions => {
            "`by_region` 把目标分解到各地区，但计划没有列出 `regions`；应在计划中写 `regions: [...]`"
                .into()
        }
        TargetProblem::UnknownRegion { name, closest } => format!(
            "`by_region` 中的 `{name}` 不在计划的 `regions` 中{}",
            match closest.is_empty() {
                true => String::new(),
                false => format!("；最接近的是：{}", closest.join("、")),
            }
        ),
        TargetProblem::ByRegionNeedsValue { rule } => {
            format!("`by_region` 为各地区给出数值，但规则 `{rule}` 没有数值；应为带 `value` 的规则")
        }
        TargetProblem::DueOutside { due, first, last } => format!(
            "`due` 为 {}，不在规划年份内；应为 {} 中的某月",
            due.zh(),
            years_zh(*first, *last)
        ),
        TargetProblem::EveryYearCagr => "`every_year` 逐年考核，而 `cagr_at_least` 是整个规划期的年均增长；\
             每年增长应使用 `growth_at_least`，或去掉 `every_year`"
            .into(),
        TargetProblem::SinceWithEveryYear => {
            "`since` 把各年的流量累加，累计数不是某一年的数；`since` 与 `every_year` 只能取其一"
                .into()
        }
        TargetProblem::SinceNeedsAbsolute { rule } => format!(
            "`since` 把各年的流量累加，规则 `{rule}` 没有可比的基数；应为给定数值的规则\
             （`at_least`、`more_than`、`at_most`、`less_than`、`between`、`about`）"
        ),
        TargetProblem::MilestoneOverYears { key } => {
            format!("里程碑（`rule: done`）不用 `{key}`")
        }
        TargetProblem::BaselineYearNotBefore { year, target } => {
            format!("`baseline` 的 `year` {year} 不早于目标年 {target} 年；应为更早的年份")
        }
    }
}

fn settled_en(s: &Settled) -> String {
    let what = match s.kind {
        BoundKind::Count => format!("a count of {}", s.unit),
        BoundKind::Rank => format!("a rank of {}", s.unit),
        BoundKind::Share => "a share in %".to_string(),
    };
    let relation = match s.relation {
        Relation::AtLeast => "at least",
        Relation::MoreThan => "more than",
        Relation::AtMost => "at most",
        Relation::LessThan => "less than",
    };
    let wanted = match s.wanted {
        Wanted::Above(v) => format!("a value above {v}"),
        Wanted::AtLeast(v) => format!("a value of {v} or more"),
        Wanted::AtMost(v) => format!("a value of {v} or less"),
        Wanted::Below(v) => format!("a value below {v}"),
    };
    let always = if s.always { "always" } else { "never" };
    format!(
        "{what} is {always} {relation} {}; expected {wanted}, or `out_of_range: warn` or \
         `allow` if figures may be outside the range",
        s.value
    )
}

fn settled_zh(s: &Settled) -> String {
    let what = match s.kind {
        BoundKind::Count => format!("{}数", s.unit),
        BoundKind::Rank => format!("{}次", s.unit),
        BoundKind::Share => "百分比".to_string(),
    };
    let relation = match s.relation {
        Relation::AtLeast => "大于或等于",
        Relation::MoreThan => "大于",
        Relation::AtMost => "小于或等于",
        Relation::LessThan => "小于",
    };
    let wanted = match s.wanted {
        Wanted::Above(v) => format!("大于 {v} 的值"),
        Wanted::AtLeast(v) => format!("大于或等于 {v} 的值"),
        Wanted::AtMost(v) => format!("小于或等于 {v} 的值"),
        Wanted::Below(v) => format!("小于 {v} 的值"),
    };
    let always = if s.always { "总是" } else { "不可能" };
    format!(
        "{what}{always}{relation} {}；应为{wanted}，如数据可能超出范围，也可设置 \
         `out_of_range: warn` 或 `allow`",
        s.value
    )
}

fn read_en(problem: &Problem) -> String {
    match problem {
        Problem::Empty => {
            "empty plan file; expected YAML with `title`, `year`, `source` and `targets`".into()
        }
        Problem::TabIndent => "a tab in the indentation; indent with spaces".into(),
        Problem::Bare { key, value } => {
            let quoted = quote(value);
            let why = why_bare_en(value);
            let value = shorten(value);
            match key {
                Some(key) => {
                    let key = shorten(key);
                    format!("`{key}: {value}`: {why}; quote the value: `{key}: {quoted}`")
                }
                None => format!("`{value}`: {why}; quote the value: `{quoted}`"),
            }
        }
        Problem::NotAllowed(c) => format!(
            "a control character `\\u{{{:x}}}` in the file, which YAML does not allow; remove it",
            u32::from(*c)
        ),
        Problem::Syntax(syntax) => syntax_en(syntax),
        Problem::Shape {
            path,
            shape,
            first_line,
            written,
        } => shape_en(path, shape, *first_line, written.as_deref()),
        Problem::DuplicateId { id, first_line } => {
            let id = shorten(id);
            match first_line {
                Some(line) => format!(
                    "duplicate target id `{id}` (first on line {line}); every id must be unique"
                ),
                None => format!("duplicate target id `{id}`; every id must be unique"),
            }
        }
    }
}

fn read_zh(problem: &Problem) -> String {
    match problem {
        Problem::Empty => {
            "计划文件为空；应为含 `title`、`year`、`source` 和 `targets` 的 YAML".into()
        }
        Problem::TabIndent => "缩进中有制表符；应使用空格缩进".into(),
        Problem::Bare { key, value } => {
            let quoted = quote(value);
            let why = why_bare_zh(value);
            let value = shorten(value);
            match key {
                Some(key) => {
                    let key = shorten(key);
                    format!("`{key}: {value}`：{why}；应给值加引号：`{key}: {quoted}`")
                }
                None => format!("`{value}`：{why}；应给值加引号：`{quoted}`"),
            }
        }
        Problem::NotAllowed(c) => format!(
            "文件中有控制字符 `\\u{{{:x}}}`，YAML 不允许；应删除它",
            u32::from(*c)
        ),
        Problem::Syntax(syntax) => syntax_zh(syntax),
        Problem::Shape {
            path,
            shape,
            first_line,
            written,
        } => shape_zh(path, shape, *first_line, written.as_deref()),
        Problem::DuplicateId { id, first_line } => {
            let id = shorten(id);
            match first_line {
                Some(line) => {
                    format!("指标 id `{id}` 重复（第一次在第 {line} 行）；每个 id 应唯一")
                }
                None => format!("指标 id `{id}` 重复；每个 id 应唯一"),
            }
        }
    }
}

fn syntax_en(syntax: &Syntax) -> String {
    match syntax {
        Syntax::UnclosedQuote => "a quoted value is not closed before the end of the file; close \
                                  it with the quote it starts with (`\"` or `'`)"
            .into(),
        Syntax::ColonInValue => "a `: ` inside a value; quote the value (`name: \"a: b\"`), or \
                                 put the key on a line of its own"
            .into(),
        Syntax::Indentation => "the indentation does not line up with the lines above; the keys \
                                of one mapping start in one column, and so do the items (`- `) \
                                of one list"
            .into(),
        Syntax::UnknownAnchor => "`*` at the start of a value refers to an anchor (`&name`) that \
                                  is not defined; quote the value if it is text"
            .into(),
        Syntax::SeveralDocuments => "more than one YAML document (a `---` line after the first \
                                     part); a plan is one document"
            .into(),
        Syntax::TooDeep => "values nested too deeply; a plan is keys with a list of targets".into(),
        Syntax::TooRepetitive => {
            "anchors and references (`&`, `*`) repeat the same values too often".into()
        }
        Syntax::UnexpectedEnd => "the file ends where a value was expected".into(),
        Syntax::Other { text, cut: false } => format!("not readable as YAML: {text}"),
        Syntax::Other { text, cut: true } => format!("not readable as YAML: {text}… (cut)"),
    }
}

fn syntax_zh(syntax: &Syntax) -> String {
    match syntax {
        Syntax::UnclosedQuote => {
            "带引号的值到文件末尾都没有闭合；应用开头的引号（`\"` 或 `'`）闭合它".into()
        }
        Syntax::ColonInValue => {
            "值中有 `: `；应给值加引号（`name: \"a: b\"`），或把键单独写一行".into()
        }
        Syntax::Indentation => "缩进与上面的行没有对齐；同一映射的键应从同一列开始，同一列表的\
                                各项（`- `）也应如此"
            .into(),
        Syntax::UnknownAnchor => {
            "值开头的 `*` 引用了未定义的锚点（`&name`）；如果是文本，应给值加引号".into()
        }
        Syntax::SeveralDocuments => {
            "有不止一个 YAML 文档（第一部分之后有 `---` 行）；计划应只有一个文档".into()
        }
        Syntax::TooDeep => "值嵌套太深；计划应是若干键和一个指标列表".into(),
        Syntax::TooRepetitive => "锚点和引用（`&`、`*`）重复同样的值太多次".into(),
        Syntax::UnexpectedEnd => "文件在应有值的地方结束".into(),
        Syntax::Other { text, cut: false } => format!("无法按 YAML 读取：`{text}`"),
        Syntax::Other { text, cut: true } => format!("无法按 YAML 读取：`{text}…`（已截断）"),
    }
}

/// What YAML makes of a value starting with `first`, in English.
fn read_as_en(first: char) -> &'static str {
    match first {
        '!' => "a tag",
        '&' => "an anchor",
        '*' => "a reference to an anchor",
        '|' | '>' => "the start of a block of text",
        _ => "reserved",
    }
}

/// What YAML makes of a value starting with `first`, in Chinese.
fn read_as_zh(first: char) -> &'static str {
    match first {
        '!' => "标签",
        '&' => "锚点",
        '*' => "对锚点的引用",
        '|' | '>' => "文本块的开始",
        _ => "保留字符",
    }
}

/// Why `value` cannot be written bare, in English.
fn why_bare_en(value: &str) -> String {
    let first = value.chars().next().unwrap_or(' ');
    match first {
        '%' | '@' | '`' => format!("YAML reserves `{first}` at the start of a value"),
        _ => format!(
            "YAML reads `{first}` at the start of a value as {}",
            read_as_en(first)
        ),
    }
}

/// Why `value` cannot be written bare, in Chinese.
fn why_bare_zh(value: &str) -> String {
    let first = value.chars().next().unwrap_or(' ');
    match first {
        '%' | '@' | '`' => format!("YAML 保留值开头的 `{first}`"),
        _ => format!("YAML 把值开头的 `{first}` 读作{}", read_as_zh(first)),
    }
}

/// `value` quoted as YAML reads it back: in double quotes, or in single quotes when it holds a
/// `"` or a `\\` (which double quotes would make an escape).
fn quote(value: &str) -> String {
    let value = shorten(value);
    if value.contains('"') || value.contains('\\') {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        format!("\"{value}\"")
    }
}

/// A list of names in backquotes: `a`, `b`, `c` (`、` between them in Chinese).
fn names(list: &[&str], separator: &str) -> String {
    list.iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(separator)
}

/// The known name nearest `wanted`, when one is near enough to be a typo of it.
fn nearest<'a>(wanted: &str, known: &[&'a str]) -> Option<&'a str> {
    let wanted = wanted.to_lowercase();
    known
        .iter()
        .map(|name| (strsim::osa_distance(&wanted, name), *name))
        .filter(|(d, name)| *d <= 2 && *d * 3 <= name.chars().count())
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// `a`, `b` and `c` (`a`、`b` 和 `c`).
fn and_list(list: &[&str], separator: &str, and: &str) -> String {
    let quoted: Vec<String> = list.iter().map(|name| format!("`{name}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}{and}{last}", rest.join(separator)),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

fn and_en(list: &[&str]) -> String {
    and_list(list, ", ", " and ")
}

fn and_zh(list: &[&str]) -> String {
    and_list(list, "、", " 和 ")
}

fn found_en(found: &Found) -> String {
    match found {
        Found::Text(text) => format!("the text `{}`", shorten(text)),
        Found::Number(number) => format!("the number {}", shorten(number)),
        Found::Bool(b) => format!("`{b}`"),
        Found::Nothing => "an empty value".into(),
        Found::List => "a list".into(),
        Found::Mapping => "a mapping of keys".into(),
        Found::Other => "a value of another kind".into(),
    }
}

fn found_zh(found: &Found) -> String {
    match found {
        Found::Text(text) => format!("文本 `{}`", shorten(text)),
        Found::Number(number) => format!("数字 {}", shorten(number)),
        Found::Bool(b) => format!("`{b}`"),
        Found::Nothing => "空值".into(),
        Found::List => "列表".into(),
        Found::Mapping => "键值映射".into(),
        Found::Other => "其他类型的值".into(),
    }
}

fn thing_en(thing: Thing) -> &'static str {
    match thing {
        Thing::Plan => "a plan",
        Thing::Target => "a target",
        Thing::Baseline => "a baseline",
        Thing::Mapping => "a mapping",
    }
}

fn thing_zh(thing: Thing) -> &'static str {
    match thing {
        Thing::Plan => "计划",
        Thing::Target => "指标",
        Thing::Baseline => "基数",
        Thing::Mapping => "键值映射",
    }
}

fn expected_en(expect: Option<&Expect>) -> String {
    match expect {
        Some(Expect::Text) => "text".into(),
        Some(Expect::Decimal) => "a decimal number such as 2.20".into(),
        Some(Expect::Year) => "a year such as 2020".into(),
        Some(Expect::Bool) => "`true` or `false`".into(),
        Some(Expect::List) => "a list (lines starting with `- `)".into(),
        Some(Expect::Struct(thing)) => {
            let (what, required) = (thing_en(*thing), thing.required());
            if required.is_empty() {
                format!("{what} of keys")
            } else {
                format!("{what}: keys such as {}", and_en(required))
            }
        }
        Some(Expect::OneOf(allowed)) => format!("one of {}", names(allowed, ", ")),
        Some(Expect::Other) | None => "a value of another kind".into(),
    }
}

fn expected_zh(expect: Option<&Expect>) -> String {
    match expect {
        Some(Expect::Text) => "文本".into(),
        Some(Expect::Decimal) => "数字，如 2.20".into(),
        Some(Expect::Year) => "年份，如 2020".into(),
        Some(Expect::Bool) => "`true` 或 `false`".into(),
        Some(Expect::List) => "列表（以 `- ` 开头的各行）".into(),
        Some(Expect::Struct(thing)) => {
            let (what, required) = (thing_zh(*thing), thing.required());
            if required.is_empty() {
                what.to_string()
            } else {
                format!("{what}，含 {} 等键", and_zh(required))
            }
        }
        Some(Expect::OneOf(allowed)) => format!("{} 之一", names(allowed, "、")),
        Some(Expect::Other) | None => "其他类型的值".into(),
    }
}

fn invalid_en(invalid: &Invalid) -> String {
    match invalid {
        Invalid::Number { text, why } => format!(
            "invalid number `{}`: {}",
            shorten(text),
            super::data::number_en(why)
        ),
        Invalid::Year { text } => format!(
            "invalid year `{}`, expected a year such as 2020",
            shorten(text)
        ),
        Invalid::Other(text) => text.clone(),
    }
}

fn invalid_zh(invalid: &Invalid) -> String {
    match invalid {
        Invalid::Number { text, why } => format!(
            "无效的数字 `{}`：{}",
            shorten(text),
            super::data::number_zh(why)
        ),
        Invalid::Year { text } => {
            format!("无效的年份 `{}`；应为 2020 这样的年份", shorten(text))
        }
        Invalid::Other(text) => format!("无法读取的值：`{text}`"),
    }
}

/// A refused value in English, for a deserializer that keeps only text (serde_json, reading the
/// embedded plan).
impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&invalid_en(self))
    }
}

fn shape_en(
    path: &KeyPath,
    shape: &Shape,
    first_line: Option<u64>,
    written: Option<&str>,
) -> String {
    let at = if path.0.is_empty() {
        String::new()
    } else {
        format!("{path}: ")
    };
    match shape {
        Shape::UnknownKey { key, known } => {
            let near = match nearest(key, known) {
                Some(name) => format!(" (did you mean `{name}`?)"),
                None => String::new(),
            };
            format!(
                "{at}unknown key `{}`{near}; expected one of {}",
                shorten(key),
                names(known, ", ")
            )
        }
        Shape::UnknownName { name, allowed } => {
            let near = match nearest(name, allowed) {
                Some(known) => format!(" (did you mean `{known}`?)"),
                None => String::new(),
            };
            format!(
                "{at}unknown value `{}`{near}; expected one of {}",
                shorten(name),
                names(allowed, ", ")
            )
        }
        Shape::WrongKind { found, .. } if path.0.is_empty() => format!(
            "the file holds {}, not a plan; expected keys {} at the top level, such as \
             `title: 2020 年科技工作要点`",
            found_en(found),
            and_en(Thing::Plan.required()),
        ),
        Shape::WrongKind { found, expected } => format!(
            "{at}found {}; expected {}",
            found_en(found),
            expected_en(expected.as_ref())
        ),
        Shape::Missing { key, within } => {
            let thing = within.unwrap_or(Thing::Mapping);
            let required = thing.required();
            if required.is_empty() {
                format!("{at}missing key `{key}`")
            } else {
                format!(
                    "{at}missing key `{key}`; {} needs {}",
                    thing_en(thing),
                    and_en(required)
                )
            }
        }
        Shape::Duplicate { key } => {
            let key = shorten(key);
            match first_line {
                Some(line) => {
                    format!("{at}key `{key}` written twice (first on line {line}); write it once")
                }
                None => format!("{at}key `{key}` written twice; write it once"),
            }
        }
        Shape::Tagged => {
            let value = written.unwrap_or("!");
            format!(
                "{at}`{}`: {}; quote the value: {}",
                shorten(value),
                why_bare_en(value),
                tagged_fix(path, value)
            )
        }
        Shape::KeyNotText => {
            format!("{at}a key that is a list or a mapping; keys are words such as `title`")
        }
        Shape::Invalid(invalid) => format!("{at}{}", invalid_en(invalid)),
    }
}

fn shape_zh(
    path: &KeyPath,
    shape: &Shape,
    first_line: Option<u64>,
    written: Option<&str>,
) -> String {
    let at = if path.0.is_empty() {
        String::new()
    } else {
        format!("`{path}`：")
    };
    match shape {
        Shape::UnknownKey { key, known } => {
            let near = match nearest(key, known) {
                Some(name) => format!("（是否应为 `{name}`？）"),
                None => String::new(),
            };
            format!(
                "{at}未知的键 `{}`{near}；应为 {} 之一",
                shorten(key),
                names(known, "、")
            )
        }
        Shape::UnknownName { name, allowed } => {
            let near = match nearest(name, allowed) {
                Some(known) => format!("（是否应为 `{known}`？）"),
                None => String::new(),
            };
            format!(
                "{at}未知的值 `{}`{near}；应为 {} 之一",
                shorten(name),
                names(allowed, "、")
            )
        }
        Shape::WrongKind { found, .. } if path.0.is_empty() => format!(
            "文件内容是{}，不是计划；顶层应为 {} 这些键，如 `title: 2020 年科技工作要点`",
            found_zh(found),
            and_zh(Thing::Plan.required()),
        ),
        Shape::WrongKind { found, expected } => format!(
            "{at}此处是{}；应为{}",
            found_zh(found),
            expected_zh(expected.as_ref())
        ),
        Shape::Missing { key, within } => {
            let thing = within.unwrap_or(Thing::Mapping);
            let required = thing.required();
            if required.is_empty() {
                format!("{at}缺少键 `{key}`")
            } else {
                format!(
                    "{at}缺少键 `{key}`；{}需要 {}",
                    thing_zh(thing),
                    and_zh(required)
                )
            }
        }
        Shape::Duplicate { key } => {
            let key = shorten(key);
            match first_line {
                Some(line) => {
                    format!("{at}键 `{key}` 写了两次（第一次在第 {line} 行）；应只写一次")
                }
                None => format!("{at}键 `{key}` 写了两次；应只写一次"),
            }
        }
        Shape::Tagged => {
            let value = written.unwrap_or("!");
            format!(
                "{at}`{}`：{}；应给值加引号：{}",
                shorten(value),
                why_bare_zh(value),
                tagged_fix(path, value)
            )
        }
        Shape::KeyNotText => format!("{at}键是列表或映射；键应为 `title` 这样的词"),
        Shape::Invalid(invalid) => format!("{at}{}", invalid_zh(invalid)),
    }
}

/// A tagged value quoted, with its key: `` `unit: "!x"` ``.
fn tagged_fix(path: &KeyPath, value: &str) -> String {
    let quoted = quote(value);
    match path.last_key() {
        Some(key) => format!("`{}: {quoted}`", shorten(key)),
        None => format!("`{quoted}`"),
    }
}

/// `2020` or `2016 to 2020`.
fn years_en(first: i32, last: i32) -> String {
    match first == last {
        true => first.to_string(),
        false => format!("{first} to {last}"),
    }
}

/// `2020 年` or `2016-2020 年`.
fn years_zh(first: i32, last: i32) -> String {
    match first == last {
        true => format!("{first} 年"),
        false => format!("{first}-{last} 年"),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use rust_decimal::Decimal;

    use super::{en, zh};
    use crate::error::{HorizonProblem, PlanProblem, Relation, Settled, TargetProblem, Wanted};
    use crate::plan::{
        BoundKind, Expect, Found, Invalid, KeyPath, Problem, Seg, Shape, Syntax, Thing,
    };

    /// Words that may stand in Chinese text outside backquotes: names of formats and encodings.
    const ALLOWED: &[&str] = &["YAML", "CSV", "JSON", "UTF", "xlsx"];

    /// The runs of 3 or more ASCII letters in `text` outside backquotes that are not allowed.
    pub(in crate::render) fn english_in(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        for (i, part) in text.split('`').enumerate() {
            if i % 2 == 1 {
                continue;
            }
            for word in part.split(|c: char| !c.is_ascii_alphabetic()) {
                if word.len() >= 3 && !ALLOWED.contains(&word) {
                    found.push(word.to_string());
                }
            }
        }
        found
    }

    /// Both words non-empty, the Chinese without English.
    pub(in crate::render) fn assert_worded(what: &str, en: &str, zh: &str) {
        assert!(!en.is_empty(), "{what}: no English");
        assert!(!zh.is_empty(), "{what}: no Chinese");
        assert!(
            english_in(zh).is_empty(),
            "{what}: English in {zh:?}: {:?}",
            english_in(zh)
        );
    }

    fn index_of_problem(problem: &Problem) -> usize {
        match problem {
            Problem::Empty => 0,
            Problem::TabIndent => 1,
            Problem::Bare { .. } => 2,
            Problem::NotAllowed(_) => 3,
            Problem::Syntax(_) => 4,
            Problem::Shape { .. } => 5,
            Problem::DuplicateId { .. } => 6,
        }
    }

    fn index_of_syntax(syntax: &Syntax) -> usize {
        match syntax {
            Syntax::UnclosedQuote => 0,
            Syntax::ColonInValue => 1,
            Syntax::Indentation => 2,
            Syntax::UnknownAnchor => 3,
            Syntax::SeveralDocuments => 4,
            Syntax::TooDeep => 5,
            Syntax::TooRepetitive => 6,
            Syntax::UnexpectedEnd => 7,
            Syntax::Other { .. } => 8,
        }
    }

    fn index_of_shape(shape: &Shape) -> usize {
        match shape {
            Shape::UnknownKey { .. } => 0,
            Shape::UnknownName { .. } => 1,
            Shape::WrongKind { .. } => 2,
            Shape::Missing { .. } => 3,
            Shape::Duplicate { .. } => 4,
            Shape::Tagged => 5,
            Shape::KeyNotText => 6,
            Shape::Invalid(_) => 7,
        }
    }

    fn index_of_found(found: &Found) -> usize {
        match found {
            Found::Text(_) => 0,
            Found::Number(_) => 1,
            Found::Bool(_) => 2,
            Found::Nothing => 3,
            Found::List => 4,
            Found::Mapping => 5,
            Found::Other => 6,
        }
    }

    fn index_of_expect(expect: &Expect) -> usize {
        match expect {
            Expect::Text => 0,
            Expect::Decimal => 1,
            Expect::Year => 2,
            Expect::List => 3,
            Expect::Struct(Thing::Plan) => 4,
            Expect::Struct(Thing::Target) => 5,
            Expect::Struct(Thing::Baseline) => 6,
            Expect::Struct(Thing::Mapping) => 7,
            Expect::OneOf(_) => 8,
            Expect::Other => 9,
            Expect::Bool => 10,
        }
    }

    fn index_of_invalid(invalid: &Invalid) -> usize {
        match invalid {
            Invalid::Number { .. } => 0,
            Invalid::Year { .. } => 1,
            Invalid::Other(_) => 2,
        }
    }

    fn index_of_plan(problem: &PlanProblem) -> usize {
        match problem {
            PlanProblem::Read(_) => 0,
            PlanProblem::EmbeddedUnreadable(_) => 1,
            PlanProblem::NoTargets => 2,
            PlanProblem::BaselineNotBefore { .. } => 3,
            PlanProblem::NameTaken { .. } => 4,
            PlanProblem::Target { .. } => 5,
            PlanProblem::Horizon(_) => 6,
            PlanProblem::DuplicateRegion { .. } => 7,
            PlanProblem::RegionIsWhole { .. } => 8,
        }
    }

    fn index_of_target(problem: &TargetProblem) -> usize {
        match problem {
            TargetProblem::BadId => 0,
            TargetProblem::EmptyName => 1,
            TargetProblem::NeedsValue { .. } => 2,
            TargetProblem::TakesNoValue { .. } => 3,
            TargetProblem::MinMaxNotBetween { .. } => 4,
            TargetProblem::FactorNotPositive { .. } => 5,
            TargetProblem::BetweenTakesNoValue => 6,
            TargetProblem::MinAboveMax { .. } => 7,
            TargetProblem::BetweenNeedsBoth => 8,
            TargetProblem::MilestoneUnit => 9,
            TargetProblem::UnitEnWithoutUnit => 10,
            TargetProblem::EmptyAlias => 11,
            TargetProblem::NeedsUnit { .. } => 12,
            TargetProblem::OutOfRangeUnbounded { .. } => 13,
            TargetProblem::Settled(_) => 14,
            TargetProblem::AnyGrowth { .. } => 15,
            TargetProblem::NoBaseline { .. } => 16,
            TargetProblem::BaselineUnused { .. } => 17,
            TargetProblem::MilestoneAccrual => 18,
            TargetProblem::NoAccrual => 19,
            TargetProblem::SumNeedsCumulative => 20,
            TargetProblem::ProfileNeedsCumulative => 21,
            TargetProblem::ProfileShares { .. } => 22,
            TargetProblem::ProfileSum { .. } => 23,
            TargetProblem::ProfileWithoutSource => 24,
            TargetProblem::SourceWithoutProfile => 25,
            TargetProblem::NeedsTolerance => 26,
            TargetProblem::ToleranceNotAbout { .. } => 27,
            TargetProblem::BadTolerance { .. } => 28,
            TargetProblem::RankWithinNeedsRank { .. } => 29,
            TargetProblem::NeedsHorizon { .. } => 30,
            TargetProblem::SinceOutside { .. } => 31,
            TargetProblem::SinceNeedsCumulative => 32,
            TargetProblem::MilestoneOverYears { .. } => 33,
            TargetProblem::BaselineYearNotBefore { .. } => 34,
            TargetProblem::SinceWithEveryYear => 35,
            TargetProblem::DueNotAMonth { .. } => 37,
            TargetProblem::DueNeedsMilestone => 38,
            TargetProblem::DueOutside { .. } => 39,
            TargetProblem::ByRegionWithoutRegions => 40,
            TargetProblem::UnknownRegion { .. } => 41,
            TargetProblem::ByRegionNeedsValue { .. } => 42,
            TargetProblem::EveryYearCagr => 43,
            TargetProblem::SinceNeedsAbsolute { .. } => 36,
        }
    }

    fn path() -> KeyPath {
        KeyPath(vec![
            Seg::Key("targets".into()),
            Seg::Index(0),
            Seg::Key("rule".into()),
        ])
    }

    fn shapes() -> Vec<Shape> {
        let mut shapes = vec![
            Shape::UnknownKey {
                key: "taget".into(),
                known: &["target", "rule"],
            },
            Shape::UnknownKey {
                key: "zzzzzz".into(),
                known: &["target", "rule"],
            },
            Shape::UnknownName {
                name: "at_lest".into(),
                allowed: &["at_least", "done"],
            },
            Shape::Missing {
                key: "rule",
                within: Some(Thing::Target),
            },
            Shape::Missing {
                key: "a",
                within: None,
            },
            Shape::Duplicate { key: "unit".into() },
            Shape::Tagged,
            Shape::KeyNotText,
            Shape::Invalid(Invalid::Number {
                text: "两点二".into(),
                why: crate::number::NumberProblem::NotDecimal,
            }),
            Shape::Invalid(Invalid::Year {
                text: "二〇二〇".into(),
            }),
            Shape::Invalid(Invalid::Other("invalid length 1".into())),
        ];
        let found = [
            Found::Text("x".into()),
            Found::Number("3".into()),
            Found::Bool(true),
            Found::Nothing,
            Found::List,
            Found::Mapping,
            Found::Other,
        ];
        let expected = [
            Expect::Text,
            Expect::Decimal,
            Expect::Year,
            Expect::List,
            Expect::Struct(Thing::Plan),
            Expect::Struct(Thing::Target),
            Expect::Struct(Thing::Baseline),
            Expect::Struct(Thing::Mapping),
            Expect::OneOf(&["level", "cumulative"]),
            Expect::Other,
            Expect::Bool,
        ];
        for found in &found {
            for expected in expected.iter().map(Some).chain([None]) {
                shapes.push(Shape::WrongKind {
                    found: found.clone(),
                    expected: expected.cloned(),
                });
            }
        }
        let found_seen: Vec<usize> = found.iter().map(index_of_found).collect();
        let expected_seen: Vec<usize> = expected.iter().map(index_of_expect).collect();
        assert_eq!(found_seen, (0..7).collect::<Vec<_>>());
        assert_eq!(expected_seen, (0..11).collect::<Vec<_>>());
        shapes
    }

    fn problems() -> Vec<Problem> {
        let mut problems = vec![
            Problem::Empty,
            Problem::TabIndent,
            Problem::Bare {
                key: Some("unit".into()),
                value: "%".into(),
            },
            Problem::Bare {
                key: None,
                value: "*x".into(),
            },
            Problem::Bare {
                key: Some("name".into()),
                value: "|".into(),
            },
            Problem::Bare {
                key: Some("name".into()),
                value: "&a".into(),
            },
            Problem::Bare {
                key: Some("name".into()),
                value: "!a".into(),
            },
            Problem::NotAllowed('\u{1b}'),
            Problem::DuplicateId {
                id: "rd".into(),
                first_line: Some(5),
            },
            Problem::DuplicateId {
                id: "rd".into(),
                first_line: None,
            },
        ];
        let syntax = [
            Syntax::UnclosedQuote,
            Syntax::ColonInValue,
            Syntax::Indentation,
            Syntax::UnknownAnchor,
            Syntax::SeveralDocuments,
            Syntax::TooDeep,
            Syntax::TooRepetitive,
            Syntax::UnexpectedEnd,
            Syntax::Other {
                text: "found character that cannot start any token".into(),
                cut: false,
            },
            Syntax::Other {
                text: "found character that cannot start any token".into(),
                cut: true,
            },
        ];
        let seen: Vec<usize> = syntax.iter().map(index_of_syntax).collect();
        assert_eq!(seen.iter().max(), Some(&8));
        assert!((0..=8).all(|i| seen.contains(&i)));
        problems.extend(syntax.into_iter().map(Problem::Syntax));
        let shapes = shapes();
        assert!((0..8).all(|i| shapes.iter().any(|s| index_of_shape(s) == i)));
        for invalid in 0..3 {
            assert!(shapes
                .iter()
                .any(|s| matches!(s, Shape::Invalid(i) if index_of_invalid(i) == invalid)));
        }
        for shape in shapes {
            for path in [KeyPath::default(), path()] {
                problems.push(Problem::Shape {
                    path,
                    shape: shape.clone(),
                    first_line: Some(3),
                    written: Some("!x".into()),
                });
            }
        }
        problems.push(Problem::Shape {
            path: path(),
            shape: Shape::Duplicate { key: "unit".into() },
            first_line: None,
            written: None,
        });
        problems
    }

    fn targets() -> Vec<TargetProblem> {
        let d = |v: i64| Decimal::from(v);
        let mut problems = vec![
            TargetProblem::BadId,
            TargetProblem::EmptyName,
            TargetProblem::NeedsValue { rule: "at_least" },
            TargetProblem::TakesNoValue { rule: "done" },
            TargetProblem::MinMaxNotBetween { rule: "at_least" },
            TargetProblem::FactorNotPositive {
                rule: "ratio_at_least",
                factor: d(0),
            },
            TargetProblem::BetweenTakesNoValue,
            TargetProblem::MinAboveMax {
                min: d(3),
                max: d(2),
            },
            TargetProblem::BetweenNeedsBoth,
            TargetProblem::MilestoneUnit,
            TargetProblem::UnitEnWithoutUnit,
            TargetProblem::EmptyAlias,
            TargetProblem::NeedsUnit { rule: "at_least" },
            TargetProblem::OutOfRangeUnbounded {
                unit: Some("亿元".into()),
            },
            TargetProblem::OutOfRangeUnbounded { unit: None },
            TargetProblem::AnyGrowth { growth: d(-100) },
            TargetProblem::NoBaseline { rule: "increase" },
            TargetProblem::BaselineUnused { rule: "at_least" },
            TargetProblem::MilestoneAccrual,
            TargetProblem::NoAccrual,
            TargetProblem::SumNeedsCumulative,
            TargetProblem::ProfileNeedsCumulative,
            TargetProblem::ProfileShares { count: 3 },
            TargetProblem::ProfileSum { sum: d(90) },
            TargetProblem::ProfileWithoutSource,
            TargetProblem::SourceWithoutProfile,
            TargetProblem::NeedsTolerance,
            TargetProblem::ToleranceNotAbout { rule: "at_least" },
            TargetProblem::BadTolerance {
                text: "五%".into()
            },
            TargetProblem::RankWithinNeedsRank { unit: "%".into() },
            TargetProblem::NeedsHorizon { key: "every_year" },
            TargetProblem::SinceOutside {
                since: 2014,
                base: 2015,
                target: 2020,
            },
            TargetProblem::SinceNeedsCumulative,
            TargetProblem::SinceWithEveryYear,
            TargetProblem::EveryYearCagr,
            TargetProblem::DueNotAMonth {
                found: "六月".into(),
            },
            TargetProblem::DueNeedsMilestone,
            TargetProblem::ByRegionWithoutRegions,
            TargetProblem::UnknownRegion {
                name: "西按市".into(),
                closest: vec!["西安市".into()],
            },
            TargetProblem::ByRegionNeedsValue { rule: "increase" },
            TargetProblem::DueOutside {
                due: crate::period::Period::months(2021, 3, 3).unwrap(),
                first: 2020,
                last: 2020,
            },
            TargetProblem::SinceNeedsAbsolute {
                rule: "growth_at_least",
            },
            TargetProblem::MilestoneOverYears { key: "since" },
            TargetProblem::BaselineYearNotBefore {
                year: 2020,
                target: 2020,
            },
        ];
        for kind in [BoundKind::Count, BoundKind::Rank, BoundKind::Share] {
            for relation in [
                Relation::AtLeast,
                Relation::MoreThan,
                Relation::AtMost,
                Relation::LessThan,
            ] {
                for wanted in [
                    Wanted::Above(d(0)),
                    Wanted::AtLeast(d(1)),
                    Wanted::AtMost(d(100)),
                    Wanted::Below(d(100)),
                ] {
                    for always in [true, false] {
                        problems.push(TargetProblem::Settled(Settled {
                            kind,
                            unit: "家".into(),
                            always,
                            relation,
                            value: d(0),
                            wanted,
                        }));
                    }
                }
            }
        }
        problems
    }

    /// Every plan problem has words in both languages, and the Chinese is Chinese: no English
    /// outside backquotes but for the names of formats. The indexes are exhaustive matches, so
    /// a new variant does not compile until it is counted here, and fails until it is built.
    #[test]
    fn every_plan_problem_is_worded_in_both_languages() {
        let problems = problems();
        assert!((0..7).all(|i| problems.iter().any(|p| index_of_problem(p) == i)));
        let targets = targets();
        assert!((0..44).all(|i| targets.iter().any(|p| index_of_target(p) == i)));
        let mut all: Vec<PlanProblem> = problems.into_iter().map(PlanProblem::Read).collect();
        all.extend([
            PlanProblem::EmbeddedUnreadable("expected value at line 1 column 1".into()),
            PlanProblem::NoTargets,
            PlanProblem::BaselineNotBefore {
                baseline: 2020,
                year: 2020,
            },
            PlanProblem::NameTaken {
                id: "a".into(),
                name: "甲".into(),
                other: "b".into(),
            },
            PlanProblem::DuplicateRegion {
                name: "西安市".into(),
            },
            PlanProblem::RegionIsWhole {
                name: "全省".into(),
            },
        ]);
        all.extend(
            [
                HorizonProblem::NoYear,
                HorizonProblem::YearAndHorizon,
                HorizonProblem::Backwards {
                    base: 2020,
                    target: 2015,
                },
                HorizonProblem::BaselineWithHorizon,
                HorizonProblem::TooLong {
                    base: 1000,
                    target: 9999,
                },
            ]
            .map(PlanProblem::Horizon),
        );
        all.extend(targets.into_iter().map(|problem| PlanProblem::Target {
            id: "rd_intensity".into(),
            problem,
        }));
        assert!((0..9).all(|i| all.iter().any(|p| index_of_plan(p) == i)));
        for problem in &all {
            let (en, zh) = (en(problem), zh(problem));
            assert_worded(&format!("{problem:?}"), &en, &zh);
            assert_ne!(en, zh, "{problem:?}");
        }
    }
}
