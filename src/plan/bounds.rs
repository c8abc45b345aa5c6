//! The range of a quantity: a count is a whole number from 0, a rank a whole number from 1, a
//! share in percent from 0 to 100. A figure outside it is read by its target's `out_of_range`;
//! a target that every figure in range meets, or none does, is refused when the plan is loaded.

use rust_decimal::Decimal;

use super::Rule;
use crate::error::{Relation, Settled, Wanted};
use crate::units::{kind, normalize_unit, UnitKind};
use crate::warning::Breach;

/// What figures of a unit can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// The least a figure can be.
    pub least: Decimal,
    /// The most, if there is a most.
    pub most: Option<Decimal>,
    /// Whether a figure is a whole number.
    pub whole: bool,
    /// What the quantity is.
    pub kind: BoundKind,
}

/// The quantities with a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoundKind {
    Count,
    Rank,
    Share,
}

impl Bounds {
    /// The range of figures in `unit`, when it has one.
    pub fn of(unit: &str) -> Option<Bounds> {
        let (least, most, whole, kind) = match kind(unit) {
            _ if normalize_unit(unit) == "位" => (Decimal::ONE, None, true, BoundKind::Rank),
            // 1.5 万人 is 15000 people: only a count of single things is whole.
            UnitKind::Count(power) => (Decimal::ZERO, None, power == 0, BoundKind::Count),
            UnitKind::Percent => (
                Decimal::ZERO,
                Some(Decimal::ONE_HUNDRED),
                false,
                BoundKind::Share,
            ),
            _ => return None,
        };
        Some(Bounds {
            least,
            most,
            whole,
            kind,
        })
    }

    /// How `value` is outside the range: `None` when it is inside.
    pub fn breach(&self, value: Decimal) -> Option<Breach> {
        let fractional = self.whole && !value.fract().is_zero();
        let below = value < self.least;
        let above = self.most.is_some_and(|most| value > most);
        (fractional || below || above).then(|| Breach::of(self.kind, below))
    }

    /// Why no figure in range could fail (or none could meet) `rule`, when that is so: a
    /// target that decides nothing is a mistake in the plan.
    pub fn settled(&self, rule: &Rule, unit: &str) -> Option<Settled> {
        let (l, most) = (self.least, self.most);
        let settled = |value: Decimal, always: bool, relation: Relation, wanted: Wanted| {
            Some(Settled {
                kind: self.kind,
                unit: unit.to_string(),
                always,
                relation,
                value,
                wanted,
            })
        };
        use Relation::*;
        match (rule, most) {
            (&Rule::AtLeast(v), _) if v <= l => settled(v, true, AtLeast, Wanted::Above(l)),
            (&Rule::MoreThan(v), _) if v < l => settled(v, true, MoreThan, Wanted::AtLeast(l)),
            // 进入前 N 位 is a rank at most N.
            (&Rule::AtMost(v) | &Rule::RankWithin(v), _) if v < l => {
                settled(v, false, AtMost, Wanted::AtLeast(l))
            }
            (&Rule::LessThan(v), _) if v <= l => settled(v, false, LessThan, Wanted::Above(l)),
            (&Rule::AtLeast(v), Some(m)) if v > m => settled(v, false, AtLeast, Wanted::AtMost(m)),
            (&Rule::MoreThan(v), Some(m)) if v >= m => {
                settled(v, false, MoreThan, Wanted::Below(m))
            }
            (&Rule::AtMost(v) | &Rule::RankWithin(v), Some(m)) if v >= m => {
                settled(v, true, AtMost, Wanted::Below(m))
            }
            (&Rule::LessThan(v), Some(m)) if v > m => settled(v, true, LessThan, Wanted::AtMost(m)),
            _ => None,
        }
    }
}
