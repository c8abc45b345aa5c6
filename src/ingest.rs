//! Reading every input of a check, once each: the one owner of open -> sniff -> decode -> split
//! into halves -> merge -> fallback. `plan check` and `plan show` call [`read_all`] and get the
//! figures matched to the plan's targets.
//!
//! A large text file is read in two halves on two threads when it can be
//! ([`crate::actuals::read_in_halves`]); the second half's lines are moved on by the first's
//! when both are done, and the merged result is the one a single pass gives. When
//! merging finds an error, that file alone is read again in one pass, from the state before
//! it, so the error is reported exactly where a single pass meets it. Standard input is never
//! split, and so never read twice.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use same_file::Handle;

use crate::actuals::{read_actuals, read_in_halves, Collect, Observation, ReadOptions};
use crate::error::{Error, Gathered, Location, Message, Result, UsageProblem};
use crate::evaluate::check_consistency;
use crate::figure::Figures;
use crate::plan::Plan;
use crate::resolve::{Collector, ResolveOptions};
use crate::warning::Warning;

/// Reads every file in `paths` (standard input, `-`, at most once among them and the plan's
/// path), matches the figures to the plan's targets and checks that overlapping figures agree.
pub fn read_all(
    plan: &Plan,
    paths: &[PathBuf],
    plan_path: Option<&Path>,
    options: &ReadOptions,
    resolve: ResolveOptions,
) -> Result<Figures> {
    let stdin_uses = paths
        .iter()
        .map(PathBuf::as_path)
        .chain(plan_path)
        .filter(|p| p.as_os_str() == "-")
        .count();
    if stdin_uses > 1 {
        return Err(Error::read(
            Location::stdin(),
            Message::Usage(UsageProblem::StdinTwice),
        ));
    }
    refuse_repeats(paths)?;
    let mut collector = Collector::new(plan, resolve);
    // Every file is read, and every data error in them reported at once.
    let mut errors = Gathered::default();
    for path in paths {
        if let Err(err) = read_one(plan, &mut collector, path, options, resolve) {
            errors.push(err);
        }
    }
    errors.into_result()?;
    let mut figures = collector.finish();
    let consistency = check_consistency(plan, &figures)?;
    figures.warnings.extend(consistency);
    Ok(figures)
}

/// An error for a file named twice, by any name (`data.csv ./data.csv`, a link, standard input
/// redirected from a file also named): read twice, its record-level totals would double.
fn refuse_repeats(paths: &[PathBuf]) -> Result<()> {
    let mut seen: Vec<(&Path, Handle)> = Vec::new();
    for path in paths {
        let handle = match path.as_os_str() == "-" {
            true => Handle::stdin(),
            false => Handle::from_path(path),
        };
        // A file that cannot be opened is reported when it is read.
        let Ok(handle) = handle else { continue };
        if let Some((first, _)) = seen.iter().find(|(_, h)| *h == handle) {
            let first = (first.as_os_str() != "-").then(|| first.display().to_string());
            return Err(Error::read(
                Location::file(path.display().to_string()),
                Message::Usage(UsageProblem::FileTwice { first }),
            ));
        }
        seen.push((path, handle));
    }
    Ok(())
}

/// Adds the figures of the file at `path` to `collector`; a file without one is a warning (an
/// export of the header alone, say), so `--strict` fails on it.
fn read_one<'p>(
    plan: &'p Plan,
    collector: &mut Collector<'p>,
    path: &Path,
    options: &ReadOptions,
    resolve: ResolveOptions,
) -> Result<()> {
    let read = AtomicU64::new(0);
    collect_file(plan, collector, path, options, resolve, &read)?;
    if read.load(Ordering::Relaxed) == 0 {
        let name = match path == Path::new("-") {
            true => crate::error::STDIN_NAME.to_string(),
            false => path.display().to_string(),
        };
        collector.warn(Warning::NoFigures { file: name });
    }
    Ok(())
}

/// Adds the figures of the file at `path` to `collector`, counting them in `read`.
fn collect_file<'p>(
    plan: &'p Plan,
    collector: &mut Collector<'p>,
    path: &Path,
    options: &ReadOptions,
    resolve: ResolveOptions,
    read: &AtomicU64,
) -> Result<()> {
    let count = || read.fetch_add(1, Ordering::Relaxed);
    let collect = Collect {
        new: &|| Collector::new(plan, resolve),
        add: &|c: &mut Collector, obs: &Observation| {
            count();
            c.add(obs)
        },
        shift: &|c: &mut Collector, by| c.shift_lines(by),
    };
    let Some(parts) = read_in_halves(path, options, &collect) else {
        read.store(0, Ordering::Relaxed);
        return read_actuals(path, options, &mut |obs| {
            count();
            collector.add(obs)
        });
    };
    let before = collector.clone();
    for part in parts {
        let merging = std::mem::replace(collector, Collector::new(plan, resolve));
        match merging.merge(part) {
            Ok(merged) => *collector = merged,
            Err(_) => {
                // Read again in one pass from the state before this file: a single pass meets
                // the error where it is.
                *collector = before;
                return read_actuals(path, options, &mut |obs| collector.add(obs));
            }
        }
    }
    Ok(())
}
