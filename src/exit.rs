//! The exit codes, named: 0 success, 1 a finding that blocks, 2 bad input or usage.

use std::process::ExitCode;

/// An exit code of mesomix, named by what it means; `as u8` or `ExitCode::from` gives the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything asked was done and nothing blocks.
    Success = 0,
    /// The answer is a finding that blocks (incompatible, unknown, refused, ...).
    Finding = 1,
    /// Bad input: usage error, unknown name, invalid catalog or patient file, IO failure.
    Error = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_design() {
        assert_eq!(Exit::Success as u8, 0);
        assert_eq!(Exit::Finding as u8, 1);
        assert_eq!(Exit::Error as u8, 2);
    }
}
