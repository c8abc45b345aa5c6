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

/// The narrowest a wrapping column is cut to before a column is dropped for it.
const CUT_MIN: usize = 16;

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
        // Once the first column to go (the note) has gone, names are cut short rather than a
        // column such as the status dropped, while they keep CUT_MIN columns: long English
        // names must not cost the reader the status.
        if need > total && n >= 1 {
            let cut = shrink(columns, &full, &least, &shown, total, overhead);
            let roomy = cut
                .iter()
                .all(|&(c, w)| columns[c] != Column::Wraps || w >= CUT_MIN.min(least[c]));
            if roomy {
                return cut;
            }
        }
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
    shrink(columns, &full, &least, &kept(drop.len()), total, overhead)
}

/// The `shown` columns with the wrapping ones sharing what the others leave of `total`, in
/// proportion to their least widths; their cells are cut short.
fn shrink(
    columns: &[Column],
    full: &[usize],
    least: &[usize],
    shown: &[usize],
    total: usize,
    overhead: fn(usize) -> usize,
) -> Vec<(usize, usize)> {
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
    let mut room = total.saturating_sub(overhead(shown.len()) + fixed);
    // The narrower columns first keep what they need; the widest are cut.
    let mut by_need = wraps.clone();
    by_need.sort_by_key(|&c| (least[c], c));
    let mut given = vec![0; columns.len()];
    for (k, &c) in by_need.iter().enumerate() {
        let share = room / (by_need.len() - k);
        given[c] = least[c].min(share).max(SHRUNK_MIN);
        room = room.saturating_sub(given[c]);
    }
    shown
        .iter()
        .map(|&c| match columns[c] {
            Column::Wraps => (c, given[c]),
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
