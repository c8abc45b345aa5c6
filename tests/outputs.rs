//! No run destroys a file it did not create: an output that is one of the inputs, by any name
//! (a hard link, `./`, `/dev/stdin`, standard input redirected from it), or a read-only file,
//! is refused with exit 2, and the file is left as it was.

mod common;

use std::path::Path;
use std::process::Stdio;

const DATA: &str = "indicator,value\nrd_intensity,2.2\n";

/// A temporary folder holding `d.csv`.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.csv"), DATA).unwrap();
    dir
}

/// Runs `plan ARGS` in `dir`, with `stdin` (a file there) on standard input when given: the
/// file itself, as a shell's `<` gives it.
fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> common::Run {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("plan"));
    command
        .current_dir(dir)
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    command.stdin(match stdin {
        Some(name) => Stdio::from(std::fs::File::open(dir.join(name)).unwrap()),
        None => Stdio::null(),
    });
    let out = command.output().unwrap();
    common::Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[track_caller]
fn refused(dir: &Path, args: &[&str], stdin: Option<&str>, message: &str, kept: (&str, &str)) {
    let run = run_in(dir, args, stdin);
    common::assert_error(&run, message);
    assert_eq!(
        std::fs::read_to_string(dir.join(kept.0)).unwrap(),
        kept.1,
        "{} is kept",
        kept.0
    );
}

#[test]
fn a_report_over_an_input_is_refused_by_any_name() {
    let dir = folder();
    let d = dir.path();
    let same = |output: &str, input: &str| {
        format!(
            "{output}: is the same file as the input {input}; expected another file for the output"
        )
    };
    refused(
        d,
        &["check", "d.csv", "-o", "./d.csv"],
        None,
        &same("./d.csv", "`d.csv`"),
        ("d.csv", DATA),
    );
    refused(
        d,
        &["check", "-", "-o", "d.csv"],
        Some("d.csv"),
        &same("d.csv", "standard input"),
        ("d.csv", DATA),
    );
    #[cfg(unix)]
    refused(
        d,
        &["check", "-", "-o", "/dev/stdin"],
        Some("d.csv"),
        &same("/dev/stdin", "standard input"),
        ("d.csv", DATA),
    );
    std::fs::hard_link(d.join("d.csv"), d.join("h.csv")).unwrap();
    refused(
        d,
        &["check", "d.csv", "-o", "h.csv"],
        None,
        &same("h.csv", "`d.csv`"),
        ("d.csv", DATA),
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(d.join("d.csv"), d.join("l.csv")).unwrap();
        refused(
            d,
            &["check", "l.csv", "-o", "d.csv"],
            None,
            &same("d.csv", "`l.csv`"),
            ("d.csv", DATA),
        );
    }
}

#[test]
fn a_template_over_its_plan_is_refused() {
    let dir = folder();
    let plan = std::fs::read_to_string(common::fixtures().join("plans/minimal.yaml")).unwrap();
    std::fs::write(dir.path().join("p.yaml"), &plan).unwrap();
    refused(
        dir.path(),
        &["template", "--plan", "p.yaml", "-o", "p.yaml"],
        None,
        "p.yaml: is the same file as the input `p.yaml`; expected another file for the output",
        ("p.yaml", &plan),
    );
    // Another file is written.
    let run = run_in(
        dir.path(),
        &["template", "--plan", "p.yaml", "-o", "t.csv"],
        None,
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

#[test]
fn a_read_only_file_is_not_replaced() {
    let dir = folder();
    let path = dir.path().join("r.md");
    std::fs::write(&path, "kept").unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let message =
        "r.md: is read-only; expected a file that may be written (plan does not replace it)";
    refused(
        dir.path(),
        &["check", "d.csv", "-o", "r.md", "--format", "markdown"],
        None,
        message,
        ("r.md", "kept"),
    );
    refused(
        dir.path(),
        &["template", "-o", "r.md"],
        None,
        message,
        ("r.md", "kept"),
    );
}

#[test]
fn a_file_named_twice_is_refused_by_any_name() {
    let dir = folder();
    let d = dir.path();
    let twice = |name: &str, first: &str| {
        format!("{name}: is the same file as {first}, named before it; expected each file once (read twice, its totals would double)")
    };
    let run = run_in(d, &["check", "d.csv", "./d.csv"], None);
    common::assert_error(&run, &twice("./d.csv", "`d.csv`"));
    let run = run_in(d, &["check", "-", "d.csv"], Some("d.csv"));
    common::assert_error(&run, &twice("d.csv", "standard input"));
    std::fs::hard_link(d.join("d.csv"), d.join("h.csv")).unwrap();
    let run = run_in(d, &["check", "d.csv", "h.csv"], None);
    common::assert_error(&run, &twice("h.csv", "`d.csv`"));
}

/// `plan … >&-`: a report that cannot reach anyone is exit 2 with a message, for every command
/// and format, never exit 0 with nothing written. (Rust reopens a closed descriptor 1 on
/// /dev/null before `main`, so this needs a look before the runtime's start-up.)
#[cfg(unix)]
#[test]
fn a_closed_standard_output_is_an_error_for_every_command_and_format() {
    let dir = folder();
    let run_closed = |args: &[&str]| {
        let out = std::process::Command::new("sh")
            .current_dir(dir.path())
            .arg("-c")
            .arg("exec \"$0\" \"$@\" >&-")
            .arg(assert_cmd::cargo::cargo_bin("plan"))
            .args(args)
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let mut cases: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["show", "rd_intensity"],
        vec!["validate"],
        vec!["template"],
        vec!["check", "d.csv", "-o", "-"],
    ];
    for format in ["table", "json", "csv", "markdown", "junit", "html"] {
        cases.push(vec![
            "check",
            "d.csv",
            "--allow-missing",
            "--format",
            format,
        ]);
    }
    for args in &cases {
        let (code, stderr) = run_closed(args);
        assert_eq!(code, 2, "plan {args:?} >&-: {stderr}");
        assert!(
            stderr.contains("standard output") && stderr.contains("closed"),
            "plan {args:?} >&-: {stderr}"
        );
    }
    // A report written to a file needs no standard output.
    let (code, stderr) = run_closed(&["check", "d.csv", "--allow-missing", "-o", "r.csv"]);
    assert_ne!(code, 2, "{stderr}");
    assert!(dir.path().join("r.csv").exists());
}

/// `> /dev/null` is the user's choice to discard the output: not an error.
#[cfg(unix)]
#[test]
fn output_sent_to_dev_null_on_purpose_is_not_an_error() {
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("plan"))
        .arg("list")
        .stdout(std::fs::File::create("/dev/null").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

/// Under `--lang zh` the errors of the output, of standard input named twice and of the file
/// named twice are Chinese, each at its place (standard input by its Chinese name); the file is
/// kept.
#[test]
fn output_and_input_errors_speak_the_runs_language() {
    let dir = folder();
    let d = dir.path();
    let run = run_in(
        d,
        &["check", "d.csv", "--output", "d.csv", "--lang", "zh"],
        None,
    );
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "错误：d.csv：与输入文件 `d.csv` 是同一个文件；输出应写到另一个文件\n"
        )
    );
    assert_eq!(std::fs::read_to_string(d.join("d.csv")).unwrap(), DATA);
    let run = run_in(d, &["check", "-", "-", "--lang", "zh"], Some("d.csv"));
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "错误：<标准输入>：标准输入（`-`）指定了不止一次；它只能读取一次\n"
        )
    );
    let run = run_in(d, &["check", "d.csv", "./d.csv", "--lang", "zh"], None);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "错误：./d.csv：与前面给出的 `d.csv` 是同一个文件；每个文件应只给出一次（读取两次，合计会翻倍）\n"
        )
    );
}
