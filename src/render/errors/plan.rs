//! The words of [`PlanProblem`], in English and in Chinese.

use crate::error::PlanProblem;

pub(super) fn en(problem: &PlanProblem) -> String {
    match *problem {}
}

pub(super) fn zh(problem: &PlanProblem) -> String {
    match *problem {}
}
