//! The plan file as written: serde structs with `deny_unknown_fields`, so a typo in a key is an
//! error with its line and column rather than a silent default. Numbers are read as text and
//! parsed to exact decimals, never through f64.

use std::fmt;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use super::shape::Invalid;

/// The keys a plan must have (the fields of [`RawPlan`] without a default).
#[cfg(test)]
pub(super) const PLAN_REQUIRED: &[&str] = &["title", "source", "targets"];

/// The keys a plan needs, as messages name them: the required ones, and `year` (which a plan
/// over years replaces with `horizon`).
pub(super) const PLAN_NEEDS: &[&str] = &["title", "year", "source", "targets"];

/// The keys a target must have.
pub(super) const TARGET_REQUIRED: &[&str] = &["id", "name", "rule", "source"];

/// The keys a baseline must have.
pub(super) const BASELINE_REQUIRED: &[&str] = &["value", "source"];

/// What the decimal visitor says it expects: how [`super::shape`] knows a decimal was expected.
pub(super) const DECIMAL_EXPECTED: &str = "a decimal number such as 2.20";

/// What the year visitor says it expects.
pub(super) const YEAR_EXPECTED: &str = "a year such as 2020";

/// A work plan: its targets and where they come from.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "plan.yaml", transform = year_or_horizon)]
pub(super) struct RawPlan {
    /// The plan's title, e.g. 省委科技工委 省科技厅 2020 年科技工作要点.
    pub title: String,
    /// The title in English.
    #[serde(default)]
    pub title_en: Option<String>,
    /// Who issued the plan.
    #[serde(default)]
    pub issuer: Option<String>,
    /// The plan year of an annual plan (工作要点): figures for this year are checked. Give
    /// `year` or `horizon`.
    #[serde(default)]
    pub year: Option<Year>,
    /// The year an annual plan's relative rules (growth, doubling, increase) compare with.
    #[serde(default)]
    pub baseline_period: Option<Year>,
    /// The years a plan over several years runs over: `{base: 2015, target: 2020}` for the
    /// 十三五 plan. Figures of the base year are its baselines; those of the target year decide
    /// met or unmet; the years between are judged by their progress. Give `year` or `horizon`.
    #[serde(default)]
    pub horizon: Option<RawHorizon>,
    /// The source document.
    pub source: String,
    /// The regions targets are split among (分解到市): `[西安市, 宝鸡市, …]`. Actuals with a
    /// region column are then read per region; a target's `by_region` gives each its share.
    #[serde(default)]
    pub regions: Vec<String>,
    /// The targets, in plan order.
    pub targets: Vec<RawTarget>,
}

/// The years of a plan over several years.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHorizon {
    /// The base year: the year of the baselines (2015 for the 十三五 plan).
    pub base: Year,
    /// The target year (2020 for the 十三五 plan).
    pub target: Year,
}

/// An annual plan gives `year`; a plan over years `horizon`.
fn year_or_horizon(schema: &mut schemars::Schema) {
    schema.insert(
        "oneOf".into(),
        serde_json::json!([{"required": ["year"]}, {"required": ["horizon"]}]),
    );
}

/// One target of the plan.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = quantitative_needs_unit_and_accrual)]
pub(super) struct RawTarget {
    /// Stable public id: lowercase letters, digits and `_`, starting with a letter.
    #[schemars(regex(pattern = r"^[a-z][a-z0-9_]*$"))]
    pub id: String,
    /// The Chinese name, as the plan words it.
    pub name: String,
    /// The name in English.
    #[serde(default)]
    pub name_en: Option<String>,
    /// Other names analysts use for the same indicator.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The unit of the figure (%, 亿元, 万元, 家, 个, 项); not for milestones.
    #[serde(default)]
    pub unit: Option<String>,
    /// The unit in English words, for English reports (`platforms` for 家 of platforms). Common
    /// units have one already: 亿元 is `CNY 100m`, 家 `firms`.
    #[serde(default)]
    pub unit_en: Option<String>,
    /// How the figure is judged.
    pub rule: RuleKind,
    /// The rule's value: the level (at_least, more_than, at_most, less_than), the growth in
    /// percent (growth_at_least) or the factor (ratio_at_least). Quote it: "2.20".
    #[serde(default)]
    pub value: Option<DecimalText>,
    /// Lower bound of `between`, inclusive.
    #[serde(default)]
    pub min: Option<DecimalText>,
    /// Upper bound of `between`, inclusive.
    #[serde(default)]
    pub max: Option<DecimalText>,
    /// The plan's own verb (达到, 超过, 明显提升).
    #[serde(default)]
    pub wording: Option<String>,
    /// The clause the target comes from: 主要预期目标 or 第N条.
    pub source: String,
    /// The sentence quoted from the plan.
    #[serde(default)]
    pub quote: Option<String>,
    /// A baseline figure, used when the actuals have none for the baseline period.
    #[serde(default)]
    pub baseline: Option<RawBaseline>,
    /// How the figure builds up over a year: cumulative (a flow) or level (a point-in-time value).
    #[serde(default)]
    pub accrual: Option<AccrualKind>,
    /// `sum`: many rows per period (record-level data), added up.
    #[serde(default)]
    pub aggregate: Option<AggregateKind>,
    /// The share of the year's total by quarter, in percent: four values adding up to 100.
    #[serde(default)]
    #[schemars(length(min = 4, max = 4))]
    pub profile: Option<Vec<DecimalText>>,
    /// Where the profile comes from.
    #[serde(default)]
    pub profile_source: Option<String>,
    /// What a figure no such quantity can be is (a negative or fractional count, a rank below 1
    /// or fractional, a percentage outside 0-100): `error` (the default), `warn` (a warning,
    /// which --strict fails on) or `allow` (a net change, which may be negative; a percentage
    /// that is not a share, such as a growth rate).
    #[serde(default)]
    pub out_of_range: Option<OutOfRangeKind>,
    /// In a plan over years (`horizon`), the path a year before the target year is held
    /// against: `compound` growth from the baseline to the target (the default, as Open SDG
    /// measures progress) or `linear`, a straight line.
    #[serde(default)]
    pub path: Option<PathKind>,
    /// For `about` (左右): how far from `value` a figure may be, as a share of it (`"5%"`) or
    /// in the target's unit (`"50"`). Required: a plan's 左右 has no width of its own.
    #[serde(default)]
    pub tolerance: Option<String>,
    /// In a plan over years, the rule holds in every year of it (保持在 5% 以上), not only in
    /// the target year.
    #[serde(default)]
    pub every_year: Option<bool>,
    /// In a plan over years, a flow counted from the start of this year to the year checked
    /// (累计培育 2500 名): needs `accrual: cumulative`.
    #[serde(default)]
    pub since: Option<Year>,
    /// A target the plan only strives for (力争): judged as any other, and marked so.
    #[serde(default)]
    pub aspiration: Option<bool>,
    /// Who answers for the target (牵头单位, 责任处室), for `plan check --by owner`.
    #[serde(default)]
    pub owner: Option<String>,
    /// A milestone's deadline (时间节点), a month of the plan's years: `2020-06` or
    /// `2020年6月`. Not done by the end of that month, it is `overdue`.
    #[serde(default)]
    pub due: Option<String>,
    /// Each region's share of the target (分解到市), in the target's unit: `{西安市: "900"}`.
    /// Each is checked with the target's rule against that region's figure; the regions are
    /// the plan's `regions`.
    #[serde(default)]
    pub by_region: std::collections::BTreeMap<String, DecimalText>,
}

/// The path from a baseline to a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(super) enum PathKind {
    Compound,
    Linear,
}

/// What a figure outside the range of its quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(super) enum OutOfRangeKind {
    Error,
    Warn,
    Allow,
}

/// In the schema as in the loader: every target but a milestone (`rule: done`) needs a `unit`
/// and an `accrual`, so an editor flags a missing one as the loader does.
fn quantitative_needs_unit_and_accrual(schema: &mut schemars::Schema) {
    schema.insert(
        "if".into(),
        serde_json::json!({"properties": {"rule": {"const": "done"}}}),
    );
    schema.insert(
        "else".into(),
        serde_json::json!({"required": ["unit", "accrual"]}),
    );
}

/// How a figure builds up over a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(super) enum AccrualKind {
    Cumulative,
    Level,
}

/// How many rows a target takes per period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(super) enum AggregateKind {
    One,
    Sum,
}

/// A baseline figure written in the plan.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBaseline {
    /// The figure. Quote it: "4365".
    pub value: DecimalText,
    /// Where the figure was published.
    pub source: String,
    /// The year the figure is for, when a relative rule compares with a year other than the
    /// plan's base year (比 2015 年翻一番 in an annual plan): that year's figures are then the
    /// baseline, and this value stands in for them.
    #[serde(default)]
    pub year: Option<Year>,
}

/// The rule names accepted in plan.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(super) enum RuleKind {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Between,
    GrowthAtLeast,
    RatioAtLeast,
    Increase,
    Decrease,
    Done,
    RankWithin,
    PointsIncrease,
    CagrAtLeast,
    About,
}

impl RuleKind {
    pub fn name(self) -> &'static str {
        match self {
            RuleKind::AtLeast => "at_least",
            RuleKind::MoreThan => "more_than",
            RuleKind::AtMost => "at_most",
            RuleKind::LessThan => "less_than",
            RuleKind::Between => "between",
            RuleKind::GrowthAtLeast => "growth_at_least",
            RuleKind::RatioAtLeast => "ratio_at_least",
            RuleKind::Increase => "increase",
            RuleKind::Decrease => "decrease",
            RuleKind::Done => "done",
            RuleKind::RankWithin => "rank_within",
            RuleKind::PointsIncrease => "points_increase",
            RuleKind::CagrAtLeast => "cagr_at_least",
            RuleKind::About => "about",
        }
    }
}

/// A decimal read from the YAML scalar's text, so `2.20` keeps its digits and scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DecimalText(pub Decimal);

impl JsonSchema for DecimalText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal, best quoted (\"2.20\") so its digits are kept.",
            "oneOf": [
                { "type": "string", "pattern": "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$" },
                { "type": "number" }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for DecimalText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DecimalVisitor;

        impl Visitor<'_> for DecimalVisitor {
            type Value = DecimalText;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(DECIMAL_EXPECTED)
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<DecimalText, E> {
                crate::number::parse_decimal(text)
                    .map(DecimalText)
                    .map_err(|why| {
                        refused(Invalid::Number {
                            text: text.to_string(),
                            why,
                        })
                    })
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<DecimalText, E> {
                Ok(DecimalText(Decimal::from(v)))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<DecimalText, E> {
                Ok(DecimalText(Decimal::from(v)))
            }
        }

        deserializer.deserialize_str(DecimalVisitor)
    }
}

/// A year, written as a number (2020) or text (2020年).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Year(pub i32);

impl JsonSchema for Year {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Year".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A year: 2020 or \"2020年\".",
            "oneOf": [
                { "type": "integer", "minimum": 1000, "maximum": 9999 },
                { "type": "string", "pattern": "^[0-9]{4}年?$" }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct YearVisitor;

        impl Visitor<'_> for YearVisitor {
            type Value = Year;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(YEAR_EXPECTED)
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Year, E> {
                crate::actuals::parse_year(text).map(Year).ok_or_else(|| {
                    refused(Invalid::Year {
                        text: text.to_string(),
                    })
                })
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Year, E> {
                self.visit_str(&v.to_string())
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Year, E> {
                self.visit_str(&v.to_string())
            }
        }

        deserializer.deserialize_str(YearVisitor)
    }
}

/// The error for a value refused: `invalid` kept aside for [`super::shape`], which reads it
/// back, and its English words for a deserializer that does not (the embedded plan's JSON).
fn refused<E: de::Error>(invalid: Invalid) -> E {
    super::shape::refuse(invalid.clone());
    E::custom(invalid)
}

#[cfg(test)]
mod tests {
    use super::{BASELINE_REQUIRED, PLAN_REQUIRED, TARGET_REQUIRED};

    /// The lists of required keys that messages give are the ones serde requires.
    #[test]
    fn required_keys_are_the_schemas() {
        let schema = crate::plan::schema();
        let required = |pointer: &str| -> Vec<String> {
            let mut keys: Vec<String> = schema
                .pointer(pointer)
                .and_then(|v| v.as_array())
                .expect("a required list")
                .iter()
                .map(|v| v.as_str().expect("a key").to_string())
                .collect();
            keys.sort();
            keys
        };
        let sorted = |keys: &[&str]| {
            let mut keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            keys.sort();
            keys
        };
        assert_eq!(required("/required"), sorted(PLAN_REQUIRED));
        assert_eq!(
            required("/definitions/RawTarget/required"),
            sorted(TARGET_REQUIRED)
        );
        assert_eq!(
            required("/definitions/RawBaseline/required"),
            sorted(BASELINE_REQUIRED)
        );
    }
}
