//! A large UTF-8 text file read in two halves, on two threads: the record-level case, where a
//! million rows of contracts are summed. The halves meet at a line break; each is read by the
//! same reader and table code as the whole file would be, into a collector of its own, and the
//! caller merges the collectors in file order, so the result is the one a single pass gives.
//!
//! Whenever the split could differ from a single pass (a quoted field, which may hold a line
//! break), or anything fails, the parallel read gives up and the caller reads the file in one
//! pass: errors are then reported exactly as always.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use memchr::memchr;

use super::delimited::DelimitedRows;
use super::table::{read_body, read_head, TableOptions};
use super::{decode, Observation, ReadOptions, WORKBOOK_EXTENSIONS};
use crate::error::{Location, Result};

/// Files smaller than this are read in one pass: threads would cost more than they save.
pub const PARALLEL_MIN: u64 = 4 << 20;

/// How a file's halves are collected: a new collector, adding a figure to one, and moving the
/// lines one has noted on by a number of lines (false when it cannot).
pub struct Collect<'a, C> {
    /// A new, empty collector.
    pub new: &'a (dyn Fn() -> C + Sync),
    /// Adds a figure.
    pub add: &'a (dyn Fn(&mut C, &Observation) -> Result<()> + Sync),
    /// Moves every line noted on by this many lines; false when it cannot.
    pub shift: &'a (dyn Fn(&mut C, u64) -> bool + Sync),
}

/// Reads `path` in two halves on two threads, one collector each; `None` when the file is not
/// suited (standard input, a pipe, a workbook, another encoding than UTF-8, a small file,
/// quoted fields, one CPU, `PLAN_THREADS=1`) or a half failed: then read it in one pass. The
/// second half numbers its lines from 1 while the first is read, and its collector's lines are
/// moved on by the first half's once both are done.
pub fn read_in_halves<C: Send>(
    path: &Path,
    options: &ReadOptions,
    collect: &Collect<C>,
) -> Option<Vec<C>> {
    let one_thread = std::env::var("PLAN_THREADS").is_ok_and(|v| v.trim() == "1")
        || std::thread::available_parallelism().map_or(true, |n| n.get() < 2);
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let is_workbook = extension.is_some_and(|e| WORKBOOK_EXTENSIONS.contains(&e.as_str()));
    if one_thread || is_workbook || path == Path::new("-") || options.sheet.is_some() {
        return None;
    }
    let metadata = std::fs::metadata(path).ok()?;
    if !metadata.is_file() || metadata.len() < parallel_min() {
        return None;
    }
    let size = metadata.len();
    let name = path.display().to_string();
    let file = File::open(path).ok()?;
    let decoded = decode::decode(Box::new(file), &name, options.encoding).ok()?;
    if decoded.encoding != encoding_rs::UTF_8 || super::workbook::looks_like_workbook(&decoded.head)
    {
        return None;
    }
    let delimiter = decoded.delimiter(&name).ok()?;
    let mut rows = DelimitedRows::new(
        decoded.reader,
        delimiter,
        &name,
        false,
        options.encoding.is_some(),
    );
    let origin = Location::file(&name);
    let table = TableOptions::of(options);
    let head = read_head(&mut rows, &origin, &table).ok()?;
    if rows.saw_quote() {
        return None;
    }
    let (start, first_line) = rows.position();
    let middle = next_line_start(path, start + (size - start) / 2)?;
    if middle >= size || middle <= start || starts_with_bom(path, middle)? {
        return None;
    }
    // Each half: its collector and the line after its last.
    let half = |from: u64, to: u64, line: u64| -> Option<(C, u64)> {
        let mut file = File::open(path).ok()?;
        file.seek(SeekFrom::Start(from)).ok()?;
        let reader: Box<dyn Read> =
            Box::new(BufReader::with_capacity(1 << 16, file).take(to - from));
        let mut part = DelimitedRows::part(reader, &name, delimiter, line);
        let mut collector = (collect.new)();
        read_body(&mut part, &head, &origin, &table, &mut |obs| {
            (collect.add)(&mut collector, obs)
        })
        .ok()?;
        (!part.saw_quote()).then_some((collector, part.position().1))
    };
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| half(middle, size, 1));
        (
            half(start, middle, first_line),
            second.join().ok().flatten(),
        )
    });
    let ((first, next_line), (mut second, _)) = (first?, second?);
    (collect.shift)(&mut second, next_line - 1).then_some(vec![first, second])
}

/// The size from which a file is split: [`PARALLEL_MIN`], or `PLAN_PARALLEL_MIN` bytes when
/// that is set (for tests, which split small files at every place).
fn parallel_min() -> u64 {
    std::env::var("PLAN_PARALLEL_MIN")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(PARALLEL_MIN)
}

/// True when the bytes at `at` are those of a byte-order mark, which the CSV core would drop
/// at the start of the second half, where a single pass keeps them.
fn starts_with_bom(path: &Path, at: u64) -> Option<bool> {
    let mut file = File::open(path).ok()?;
    file.seek(SeekFrom::Start(at)).ok()?;
    let mut head = Vec::with_capacity(3);
    file.take(3).read_to_end(&mut head).ok()?;
    Some(head == b"\xEF\xBB\xBF")
}

/// The position just after the first line break at or after `from`.
fn next_line_start(path: &Path, from: u64) -> Option<u64> {
    let mut file = File::open(path).ok()?;
    file.seek(SeekFrom::Start(from)).ok()?;
    let mut buf = vec![0; 1 << 16];
    let mut at = from;
    loop {
        let n = file.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        if let Some(i) = memchr(b'\n', &buf[..n]) {
            return Some(at + i as u64 + 1);
        }
        at += n as u64;
    }
}
