//! Hostile input: each gets exit 2 and one clear message, quickly and in bounded memory, with no
//! panic. (Memory is bounded by construction: a record over 1 MiB and a plan over 16 MiB are
//! refused before they are held; `bench/run.sh` measures peak memory on large inputs.)

mod common;

use std::io::Write;

use common::{assert_error, plan};

fn temp(name: &str, write: impl FnOnce(&mut std::fs::File)) -> tempfile::TempPath {
    let path = common::temp_path(name);
    let mut file = std::fs::File::create(&path).unwrap();
    write(&mut file);
    path
}

#[test]
fn a_yaml_alias_bomb() {
    let mut text = String::from("title: t\nyear: 2020\nsource: s\nx0: &x0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for i in 1..10 {
        let p = i - 1;
        text.push_str(&format!(
            "x{i}: &x{i} [*x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}]\n"
        ));
    }
    text.push_str("targets:\n  - id: a\n    name: 甲\n    aliases: *x9\n    unit: 家\n    rule: at_least\n    value: \"1\"\n    source: s\n");
    let path = temp("bomb.yaml", |f| f.write_all(text.as_bytes()).unwrap());
    let run = plan(&["validate", path.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with(&format!("error: {}:4:5: `x0: &x0 [", path.display())),
        "{}",
        run.stderr
    );
    // The same bomb as the list of targets: refused at its first nested list.
    let as_targets = text
        .replace("targets:\n  - id: a", "targets: *x9\nignored:\n  - id: a")
        .replace("x", "y");
    let as_targets = as_targets
        .lines()
        .filter(|l| !l.starts_with("y"))
        .collect::<Vec<_>>()
        .join("\n");
    // Without the reference to the anchors filtered out, which is refused on its own line.
    let nested = format!("{as_targets}\n")
        .replace(
            "targets: *y9",
            &format!("targets: {}{}", "[".repeat(9), "]".repeat(9)),
        )
        .replace("    aliases: *y9\n", "");
    let path = temp("bomb2.yaml", |f| f.write_all(nested.as_bytes()).unwrap());
    let run = plan(&["validate", path.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("targets[0]: found a list; expected a target"),
        "{}",
        run.stderr
    );
}

#[test]
fn yaml_nested_ten_thousand_deep() {
    let text = format!(
        "title: {}{}\nyear: 2020\nsource: s\ntargets: []\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let path = temp("deep.yaml", |f| f.write_all(text.as_bytes()).unwrap());
    let run = plan(&["validate", path.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("deep.yaml:1:"), "{}", run.stderr);
}

#[test]
fn a_hundred_megabyte_line() {
    let path = temp("line.csv", |f| {
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..100 {
            f.write_all(&chunk).unwrap();
        }
    });
    assert_error(
        &plan(&["check", path.to_str().unwrap()]),
        &format!(
            "{}:1: a line longer than 1 MiB; expected rows of figures",
            path.display()
        ),
    );
    // The same as a plan: refused before it is held.
    let run = plan(&["validate", path.to_str().unwrap()]);
    assert_error(
        &run,
        &format!(
            "{}: larger than 16 MiB; expected a plan file in YAML",
            path.display()
        ),
    );
}

#[test]
fn a_million_columns() {
    let path = temp("columns.csv", |f| {
        f.write_all(b"indicator").unwrap();
        f.write_all(&b",value".repeat(1_000_000)).unwrap();
        f.write_all(b"\n").unwrap();
    });
    assert_error(
        &plan(&["check", path.to_str().unwrap()]),
        &format!(
            "{}:1: a line longer than 1 MiB; expected rows of figures",
            path.display()
        ),
    );
    // Just under the limit: a wide header is read, and named in short.
    let path = temp("columns2.csv", |f| {
        f.write_all(b"name").unwrap();
        f.write_all(&b",v".repeat(400_000)).unwrap();
        f.write_all(b"\n").unwrap();
    });
    let run = plan(&["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains(":1: no indicator column in header `name,v,v,v"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.len() < 400, "{}", run.stderr.len());
}

#[test]
fn binary_garbage_of_every_byte() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(1 << 16).collect();
    let path = temp("garbage.bin", |f| f.write_all(&bytes).unwrap());
    let run = plan(&["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    let run = plan(&["validate", path.to_str().unwrap()]);
    assert_eq!(run.code, 2);
}

#[test]
#[cfg(target_os = "linux")]
fn a_file_that_cannot_be_read() {
    // Reading a process's own memory from offset 0 fails with an I/O error on Linux.
    assert_error(
        &plan(&["check", "/proc/self/mem"]),
        "/proc/self/mem: input/output error",
    );
}

#[test]
#[cfg(unix)]
fn a_pipe_is_an_input_like_any_file() {
    let fixtures = common::fixtures();
    let script = "plan check <(iconv -f utf-8 -t gbk ../../examples/actuals-2020.csv | iconv -f gbk -t utf-8) --format json";
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(&fixtures)
        .env(
            "PATH",
            format!(
                "{}:{}",
                env!("CARGO_BIN_EXE_plan").rsplit_once('/').unwrap().0,
                std::env::var("PATH").unwrap()
            ),
        )
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["met"], 39);
}

#[test]
fn a_workbook_that_asks_for_gigabytes() {
    // Found by fuzzing: an .xls whose header makes calamine allocate without end. Workbooks are
    // read in a child process with capped memory, so this is an error, not an exhausted machine.
    assert_error(
        &plan(&["check", "inputs/asks-for-gigabytes.xls"]),
        "inputs/asks-for-gigabytes.xls: a damaged workbook that cannot be read (it asks for more \
         memory than a workbook needs); expected an .xlsx, .xls or .ods file",
    );
}
