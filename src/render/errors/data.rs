//! The words of [`DataProblem`], in English and in Chinese.

use crate::error::DataProblem;

pub(super) fn en(problem: &DataProblem) -> String {
    match *problem {}
}

pub(super) fn zh(problem: &DataProblem) -> String {
    match *problem {}
}
