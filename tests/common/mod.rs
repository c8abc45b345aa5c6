//! The harness the integration tests share: run the real `plan` binary in `tests/fixtures`, and
//! capture its exit code, stdout and stderr.

#![allow(dead_code)]

use std::path::PathBuf;

use assert_cmd::Command;

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The fixtures folder, where every test runs so paths in messages stay short.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A `plan` command in the fixtures folder, with colour, width and locale settings cleared.
pub fn command(args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("plan").expect("the plan binary is built");
    cmd.current_dir(fixtures())
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("RUST_BACKTRACE")
        .env_remove("COLUMNS")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    cmd
}

/// Runs `plan ARGS...`.
pub fn plan(args: &[&str]) -> Run {
    run(command(args))
}

/// Runs `plan ARGS...` with `input` on standard input.
pub fn plan_with_stdin(args: &[&str], input: &str) -> Run {
    let mut cmd = command(args);
    cmd.write_stdin(input);
    run(cmd)
}

fn run(mut cmd: Command) -> Run {
    let output = cmd.output().expect("the plan binary runs");
    Run {
        code: output
            .status
            .code()
            .expect("plan exits normally, not by a signal"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Asserts a run failed with exit 2, printed nothing on stdout and exactly `message` on stderr.
#[track_caller]
pub fn assert_error(run: &Run, message: &str) {
    assert_eq!(run.stderr, format!("error: {message}\n"), "stderr");
    assert_eq!(run.code, 2, "exit code");
    assert_eq!(
        run.stdout, "",
        "nothing on stdout when the input is invalid"
    );
}

/// The JSON a run printed.
pub fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).expect("stdout is one JSON document")
}

/// The result object for target `id` in a check's JSON.
pub fn result<'a>(json: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    json["results"]
        .as_array()
        .expect("results is an array")
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no result for {id}"))
}

/// A file in the temporary folder holding `contents`, named `plan-test-…-NAME` (so its
/// extension is NAME's); it is removed when the returned path is dropped.
pub fn temp_file(name: &str, contents: impl AsRef<[u8]>) -> tempfile::TempPath {
    let path = temp_path(name);
    std::fs::write(&path, contents).expect("the temporary folder is writable");
    path
}

/// A new empty file in the temporary folder, named `plan-test-…-NAME`, removed when the
/// returned path is dropped.
pub fn temp_path(name: &str) -> tempfile::TempPath {
    tempfile::Builder::new()
        .prefix("plan-test-")
        .suffix(&format!("-{name}"))
        .tempfile()
        .expect("the temporary folder is writable")
        .into_temp_path()
}
