//! The plan file as written: serde structs with `deny_unknown_fields`, so a typo in a key is an
//! error with its line and column rather than a silent default. Numbers are read as text and
//! parsed to exact decimals, never through f64.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPlan {
    pub title: String,
    #[serde(default)]
    pub title_en: Option<String>,
    #[serde(default)]
    pub issuer: Option<String>,
    pub year: Year,
    #[serde(default)]
    pub baseline_period: Option<Year>,
    pub source: String,
    pub targets: Vec<RawTarget>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTarget {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub unit: Option<String>,
    pub rule: RuleKind,
    #[serde(default)]
    pub value: Option<DecimalText>,
    #[serde(default)]
    pub min: Option<DecimalText>,
    #[serde(default)]
    pub max: Option<DecimalText>,
    #[serde(default)]
    pub wording: Option<String>,
    pub source: String,
    #[serde(default)]
    pub quote: Option<String>,
    #[serde(default)]
    pub baseline: Option<RawBaseline>,
    #[serde(default)]
    pub accrual: Option<AccrualKind>,
    #[serde(default)]
    pub aggregate: Option<AggregateKind>,
    #[serde(default)]
    pub profile: Option<Vec<DecimalText>>,
    #[serde(default)]
    pub profile_source: Option<String>,
}

/// How a figure builds up over a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum AccrualKind {
    Cumulative,
    Level,
}

/// How many rows a target takes per period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum AggregateKind {
    One,
    Sum,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBaseline {
    pub value: DecimalText,
    pub source: String,
}

/// The rule names accepted in plan.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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
        }
    }
}

/// A decimal read from the YAML scalar's text, so `2.20` keeps its digits and scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DecimalText(pub Decimal);

impl<'de> Deserialize<'de> for DecimalText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DecimalVisitor;

        impl Visitor<'_> for DecimalVisitor {
            type Value = DecimalText;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a decimal number such as 2.20")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<DecimalText, E> {
                crate::number::parse_decimal(text)
                    .map(DecimalText)
                    .map_err(|why| E::custom(format!("invalid number `{text}`: {why}")))
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

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct YearVisitor;

        impl Visitor<'_> for YearVisitor {
            type Value = Year;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a year such as 2020")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Year, E> {
                crate::actuals::parse_year(text).map(Year).ok_or_else(|| {
                    E::custom(format!(
                        "invalid year `{text}`, expected a year such as 2020"
                    ))
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
