//! Exit statuses as a type: 0 all met, 1 something unmet or missing, 2 invalid input.

/// How a run ended, mapped to the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Every checked target is met (or the command had nothing to judge).
    Success,
    /// At least one target is unmet, or missing without `--allow-missing`.
    Failure,
    /// The command line, the plan or the actuals are invalid.
    Error,
}

impl ExitStatus {
    /// The process exit code: 0, 1 or 2.
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Error => 2,
        }
    }
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(status: ExitStatus) -> Self {
        std::process::ExitCode::from(status.code())
    }
}
