//! The words of [`UsageProblem`], in English and in Chinese.

use crate::error::UsageProblem;

pub(super) fn en(problem: &UsageProblem) -> String {
    match *problem {}
}

pub(super) fn zh(problem: &UsageProblem) -> String {
    match *problem {}
}
