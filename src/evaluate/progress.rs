//! Progress on the way to a target of a plan over years, as Open SDG measures it (Statistics
//! Canada's method, open-sdg/sdg-build `ProgressMeasure.py`, methodology 2): with the target not
//! yet reached, R = the growth rate observed since the base year ÷ the growth rate the target
//! requires. R ≥ 0.95 is substantial progress (on track), 0.6–0.95 moderate, 0–0.6 limited,
//! below 0 a deterioration. A plan may choose a straight path instead (`path: linear`), where R
//! is the change so far ÷ the change due by now.
//!
//! Every class is decided exactly. The compound growth rates are roots, (v/b)^(1/t) − 1, so R is
//! irrational in general; each threshold is compared by raising both sides to whole powers, and
//! the one root left (that of the target, (T/b)^(1/τ)) is bracketed between rationals until the
//! comparison is certain. It always is: a tie would need an irrational root to meet a rational
//! number, which the proof at [`compare`] rules out; a cap on the steps still turns an
//! impossible endless search into "unknown" rather than a loop.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use rust_decimal::Decimal;
use serde::Serialize;

use super::rules::{exact, round};

/// How a figure stands on the path to its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgressClass {
    /// R ≥ 0.95: on track.
    Substantial,
    /// 0.6 ≤ R < 0.95: behind.
    Moderate,
    /// 0 ≤ R < 0.6: behind.
    Limited,
    /// R < 0, or a figure that moved away from the target: behind.
    Deterioration,
}

impl ProgressClass {
    /// The stable key used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            ProgressClass::Substantial => "substantial",
            ProgressClass::Moderate => "moderate",
            ProgressClass::Limited => "limited",
            ProgressClass::Deterioration => "deterioration",
        }
    }

    /// Whether the class is on track.
    pub fn on_track(self) -> bool {
        self == ProgressClass::Substantial
    }
}

/// The path a figure is held against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Path {
    /// Compound growth from the baseline to the target (the default, as Open SDG).
    #[default]
    Compound,
    /// A straight line from the baseline to the target.
    Linear,
}

/// Where a figure stands: its class, and R rounded to four places (when it is a number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub class: ProgressClass,
    pub ratio: Option<Decimal>,
}

/// Why progress cannot be measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unmeasured {
    /// Growth rates need a baseline and a figure above zero (and a target above zero).
    NotPositive,
    /// No time has passed since the base year.
    NoTime,
    /// The comparison did not settle within its steps (never seen; see the module's note).
    Unsettled,
}

/// The thresholds of the classes: R ≥ 0.95, R ≥ 0.6, R ≥ 0.
const THRESHOLDS: [(i64, i64, ProgressClass); 3] = [
    (95, 100, ProgressClass::Substantial),
    (60, 100, ProgressClass::Moderate),
    (0, 1, ProgressClass::Limited),
];

/// One figure on its way to a target: from `base` (the base year's figure) towards `target`
/// over `horizon` years, `elapsed` years after the base year (a fraction for part of a year).
#[derive(Debug, Clone)]
pub struct Journey {
    pub base: Decimal,
    pub value: Decimal,
    pub target: BigRational,
    /// Years from the base year to the target year.
    pub horizon: u32,
    /// Years from the end of the base year to the figure's period end, > 0.
    pub elapsed: BigRational,
    /// Whether a higher figure is better.
    pub higher: bool,
    pub path: Path,
}

impl Journey {
    /// Where the figure stands. The caller has checked that the target is not yet reached.
    pub fn standing(&self) -> Result<Standing, Unmeasured> {
        if !self.elapsed.is_positive() || self.horizon == 0 {
            return Err(Unmeasured::NoTime);
        }
        let (b, t) = (exact(self.base), &self.target);
        // The target needs movement in the better direction; a target on the other side of the
        // baseline, not reached, means the figure fell behind where it started.
        let wanted = if self.higher { t > &b } else { t < &b };
        if !wanted {
            return Ok(Standing {
                class: ProgressClass::Deterioration,
                ratio: None,
            });
        }
        match self.path {
            Path::Linear => Ok(self.linear()),
            Path::Compound => self.compound(),
        }
    }

    /// The level due by now on the path, rounded half up to `places` decimals (for display: it
    /// is irrational on a compound path in general). `None` when the path is undefined.
    pub fn expected(&self, places: u32) -> Option<Decimal> {
        let b = exact(self.base);
        let horizon = BigRational::from_integer(self.horizon.into());
        match self.path {
            Path::Linear => round(
                &(&b + (&self.target - &b) * &self.elapsed / horizon),
                places,
            ),
            Path::Compound => {
                if !b.is_positive() || !self.target.is_positive() {
                    return None;
                }
                // x = b·(T/b)^(p/(q·τ)): the largest n/10^places with (n/10^places ÷ b)^(q·τ)
                // ≤ (T/b)^p, then half up.
                let (p, q) = (to_u32(self.elapsed.numer())?, to_u32(self.elapsed.denom())?);
                let power = q.checked_mul(self.horizon)?;
                let goal = pow(&(&self.target / &b), p);
                let unit = BigRational::new(BigInt::one(), BigInt::from(10u32).pow(places));
                let below = |x: &BigRational| pow(&(x / &b), power) <= goal;
                let top = if self.target > b {
                    self.target.clone()
                } else {
                    b.clone()
                };
                let (mut lo, mut hi) = (BigInt::zero(), (top / &unit).ceil().to_integer() + 1);
                while &hi - &lo > BigInt::one() {
                    let mid: BigInt = (&lo + &hi) / 2;
                    match below(&(BigRational::from_integer(mid.clone()) * &unit)) {
                        true => lo = mid,
                        false => hi = mid,
                    }
                }
                let half = (BigRational::from_integer(lo.clone())
                    + BigRational::new(1.into(), 2.into()))
                    * &unit;
                let n = if below(&half) { hi } else { lo };
                round(&(BigRational::from_integer(n) * unit), places)
            }
        }
    }

    /// R on a straight path: (v − b) ÷ ((T − b) × elapsed / horizon), exactly.
    fn linear(&self) -> Standing {
        let (b, v) = (exact(self.base), exact(self.value));
        let due =
            (&self.target - &b) * &self.elapsed / BigRational::from_integer(self.horizon.into());
        let r = (v - b) / due;
        Standing {
            class: class_of(|k| r >= k),
            ratio: round(&r, 4),
        }
    }

    /// R on the compound path, each threshold compared exactly.
    fn compound(&self) -> Result<Standing, Unmeasured> {
        let (b, v) = (exact(self.base), exact(self.value));
        if !b.is_positive() || !v.is_positive() || !self.target.is_positive() {
            return Err(Unmeasured::NotPositive);
        }
        let growth = Growth {
            observed: v / &b,
            elapsed: self.elapsed.clone(),
            required: &self.target / b,
            horizon: self.horizon,
            higher: self.higher,
        };
        let mut unsettled = false;
        let class = class_of(|k| match growth.at_least(&k) {
            Some(yes) => yes,
            None => {
                unsettled = true;
                false
            }
        });
        if unsettled {
            return Err(Unmeasured::Unsettled);
        }
        Ok(Standing {
            class,
            ratio: growth.ratio(),
        })
    }
}

/// The class of R, from `at_least(k)`: whether R ≥ k.
fn class_of(mut at_least: impl FnMut(BigRational) -> bool) -> ProgressClass {
    THRESHOLDS
        .iter()
        .find(|(n, d, _)| at_least(BigRational::new((*n).into(), (*d).into())))
        .map_or(ProgressClass::Deterioration, |(_, _, class)| *class)
}

/// The two growth factors of a compound path: observed `v/b` over `elapsed` years, required
/// `T/b` over `horizon` years.
struct Growth {
    observed: BigRational,
    elapsed: BigRational,
    required: BigRational,
    horizon: u32,
    higher: bool,
}

/// Most halvings of the bracket around the target's root before a comparison gives up.
const MAX_STEPS: u32 = 512;

impl Growth {
    /// Whether R ≥ `k`: `None` only if the comparison did not settle.
    ///
    /// With u = observed^(1/elapsed) and r = required^(1/horizon), R = (u − 1) / (r − 1), and
    /// r − 1 has the sign of the better direction (checked by the caller), so for a higher-is-
    /// better figure R ≥ k ⟺ u ≥ s with s = 1 + k(r − 1), and for a lower-is-better one
    /// R ≥ k ⟺ u ≤ s. See [`compare`].
    fn at_least(&self, k: &BigRational) -> Option<bool> {
        let order = compare(self, k)?;
        Some(match self.higher {
            true => order != std::cmp::Ordering::Less,
            false => order != std::cmp::Ordering::Greater,
        })
    }

    /// R rounded to four places, for display: the largest n/10⁴ with R ≥ n/10⁴, then rounded
    /// half up by one more comparison. `None` if R is beyond ±10⁴ or a comparison did not settle.
    fn ratio(&self) -> Option<Decimal> {
        let scale = BigInt::from(10_000);
        let at = |n: &BigInt| BigRational::new(n.clone(), scale.clone());
        // R ≥ at(n) is true for small n and false for large: find the boundary.
        let (mut lo, mut hi) = (BigInt::from(-100_000_000), BigInt::from(100_000_000));
        if !self.at_least(&at(&lo))? || self.at_least(&at(&hi))? {
            return None;
        }
        while &hi - &lo > BigInt::one() {
            let mid: BigInt = (&lo + &hi) / 2;
            match self.at_least(&at(&mid))? {
                true => lo = mid,
                false => hi = mid,
            }
        }
        // R is in [lo, lo + 1) / 10⁴: half up when R ≥ (lo + ½) / 10⁴.
        let half = BigRational::new(BigInt::from(2) * &lo + 1, BigInt::from(20_000));
        let n = if self.at_least(&half)? { hi } else { lo };
        round(&at(&n), 4)
    }
}

/// u compared with s = 1 + k(r − 1), where u = observed^(1/elapsed), r = required^(1/horizon).
///
/// With elapsed = p/q, u ≥ s ⟺ observed^q ≥ s^p when s > 0 (both sides positive, and x ↦ x^p
/// increases); s ≤ 0 is below every u. When r is rational (required is a perfect power) the
/// comparison is of rationals. Otherwise r is bracketed, lo < r < hi, and the bracket halved
/// until s(lo)^p and s(hi)^p fall on one side of observed^q; s rises with r for k > 0 and falls
/// for k < 0.
///
/// That ends, because s^p = observed^q would need s^p rational while r is irrational: for
/// 0 < k < 1, s = (1 − k) + k·r with both parts positive, and the positive real radical r has
/// the minimal polynomial x^d − r^d, so s^p written in the basis 1, r, …, r^(d−1) has a positive
/// coefficient at r. For k = 0, s = 1, and for k = 1, s = r, both compared exactly below; other
/// k are reached only while rounding R for display, where [`MAX_STEPS`] bounds the search.
fn compare(growth: &Growth, k: &BigRational) -> Option<std::cmp::Ordering> {
    let elapsed = &growth.elapsed;
    let (p, q) = (to_u32(elapsed.numer())?, to_u32(elapsed.denom())?);
    let observed_q = pow(&growth.observed, q);
    let one = BigRational::one();
    if k.is_zero() {
        // s = 1: u ≥ 1 ⟺ observed ≥ 1.
        return Some(growth.observed.cmp(&one));
    }
    if k == &one {
        // s = r: u ≥ r ⟺ observed^(q·horizon) ≥ required^p.
        return Some(pow(&growth.observed, q * growth.horizon).cmp(&pow(&growth.required, p)));
    }
    let s = |r: &BigRational| &one + k * (r - &one);
    let side = |s: BigRational| -> std::cmp::Ordering {
        if !s.is_positive() {
            return std::cmp::Ordering::Greater;
        }
        observed_q.cmp(&pow(&s, p))
    };
    if let Some(r) = rational_root(&growth.required, growth.horizon) {
        return Some(side(s(&r)));
    }
    let (mut lo, mut hi) = root_bracket(&growth.required, growth.horizon);
    for _ in 0..MAX_STEPS {
        let (a, b) = (side(s(&lo)), side(s(&hi)));
        if a == b && a != std::cmp::Ordering::Equal {
            return Some(a);
        }
        let mid = (&lo + &hi) / BigRational::from_integer(2.into());
        if pow(&mid, growth.horizon) < growth.required {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    None
}

fn to_u32(n: &BigInt) -> Option<u32> {
    u32::try_from(n).ok().filter(|&n| n > 0)
}

fn pow(x: &BigRational, n: u32) -> BigRational {
    num_traits::pow::Pow::pow(x, n)
}

/// The `n`th root of a positive rational, when it is rational.
fn rational_root(x: &BigRational, n: u32) -> Option<BigRational> {
    let num = x.numer().nth_root(n);
    let den = x.denom().nth_root(n);
    (num.pow(n) == *x.numer() && den.pow(n) == *x.denom()).then(|| BigRational::new(num, den))
}

/// Rationals `lo < x^(1/n) < hi` for a positive rational `x` whose root is irrational.
fn root_bracket(x: &BigRational, n: u32) -> (BigRational, BigRational) {
    // x = a/b: a^(1/n)/b^(1/n), each between its integer roots.
    let (a, b) = (x.numer(), x.denom());
    let (ra, rb) = (a.nth_root(n), b.nth_root(n));
    let lo = BigRational::new(ra.clone(), rb.clone() + 1);
    let hi = BigRational::new(ra + 1, if rb.is_zero() { BigInt::one() } else { rb });
    (lo, hi)
}

#[cfg(test)]
mod tests;
