//! Column widths for a table that must fit a width: the columns that never wrap take what their
//! widest cell needs; wrapping columns the least that holds every cell in two lines; the note
//! the rest. When that is too wide, columns are dropped in the order given, and last the
//! wrapping columns shrink (their cells cut short).

use super::width::{lines_at, width};

/// How a column may be fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// As wide as its widest cell.
    Fixed,
    /// Wraps onto at most two lines.
    Wraps,
    /// One line, cut short to fit.
    Note,
}

/// The narrowest a note column is shown at.
const NOTE_MIN: usize = 12;

/// The narrowest a wrapping column shrinks to.
const SHRUNK_MIN: usize = 4;

/// The columns shown and their widths, as (index, width). `texts[c]` holds column `c`'s cells,
/// its header first; `grow` names the columns that take spare width, in order, each up to a
/// width (`None`: its widest cell); `drop` the columns left out, one more at a time, while the
/// table is too wide; `overhead`
/// gives the borders' width for a number of columns.
pub fn layout(
    columns: &[Column],
    texts: &[Vec<&str>],
    total: usize,
    grow: &[(usize, Option<usize>)],
    drop: &[usize],
    overhead: fn(usize) -> usize,
) -> Vec<(usize, usize)> {
    let full: Vec<usize> = texts
        .iter()
        .map(|t| t.iter().map(|s| width(s)).max().unwrap_or(0))
        .collect();
    let least: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(c, kind)| match kind {
            Column::Wraps => two_lines(&texts[c], full[c]),
            Column::Note => full[c].min(NOTE_MIN.max(width(texts[c][0]))),
            _ => full[c],
        })
        .collect();
    let all: Vec<usize> = (0..columns.len()).collect();
    let kept = |n: usize| -> Vec<usize> {
        all.iter()
            .copied()
            .filter(|c| !drop[..n].contains(c))
            .collect()
    };
    for n in 0..=drop.len() {
        let shown = kept(n);
        let need = overhead(shown.len()) + shown.iter().map(|&c| least[c]).sum::<usize>();
        if need <= total {
            let mut widths = least.clone();
            let mut spare = total - need;
            for &(c, cap) in grow.iter().filter(|(c, _)| shown.contains(c)) {
                let most = cap.map_or(full[c], |cap| cap.min(full[c]));
                let more = most.saturating_sub(widths[c]).min(spare);
                widths[c] += more;
                spare -= more;
            }
            return shown.into_iter().map(|c| (c, widths[c])).collect();
        }
    }
    // Too narrow for every cell: the wrapping columns share what is left, and cut their cells.
    let shown = kept(drop.len());
    let fixed: usize = shown
        .iter()
        .filter(|&&c| columns[c] != Column::Wraps)
        .map(|&c| full[c])
        .sum();
    let wraps: Vec<usize> = shown
        .iter()
        .copied()
        .filter(|&c| columns[c] == Column::Wraps)
        .collect();
    let room = total.saturating_sub(overhead(shown.len()) + fixed);
    let wanted: usize = wraps.iter().map(|&c| least[c]).sum::<usize>().max(1);
    shown
        .into_iter()
        .map(|c| match columns[c] {
            Column::Wraps => (c, (room * least[c] / wanted).max(SHRUNK_MIN)),
            _ => (c, full[c]),
        })
        .collect()
}

/// The narrowest width at which every text takes at most two lines.
fn two_lines(texts: &[&str], full: usize) -> usize {
    let start = full.div_ceil(2).max(1);
    (start..full.max(start))
        .find(|&w| texts.iter().all(|t| lines_at(t, w) <= 2))
        .unwrap_or(full.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overhead(n: usize) -> usize {
        3 * n + 1
    }

    #[test]
    fn columns_go_in_the_order_given_and_spare_width_goes_in_order() {
        let columns = [Column::Wraps, Column::Fixed, Column::Fixed, Column::Note];
        let texts = vec![
            vec!["Name", "中长期科技发展规划编制"],
            vec!["Status", "met"],
            vec!["Reached", "100.0%"],
            vec!["Note", "no figure for 2020"],
        ];
        let at = |total| {
            layout(
                &columns,
                &texts,
                total,
                &[(3, Some(15)), (0, None), (3, None)],
                &[3, 2],
                overhead,
            )
        };
        // Name 22 wide, 12 in two lines; status 6, reached 7, note 12 to 18.
        assert_eq!(at(100), [(0, 22), (1, 6), (2, 7), (3, 18)]);
        assert_eq!(
            at(61),
            [(0, 20), (1, 6), (2, 7), (3, 15)],
            "the note to 15, then the name"
        );
        assert_eq!(at(50), [(0, 12), (1, 6), (2, 7), (3, 12)]);
        assert_eq!(
            at(49),
            [(0, 22), (1, 6), (2, 7)],
            "no note, the name on one line"
        );
        assert_eq!(at(34), [(0, 21), (1, 6)], "no note, no reached");
        assert_eq!(at(25), [(0, 12), (1, 6)]);
        assert_eq!(at(20), [(0, 7), (1, 6)], "cut short");
    }
}
