//! Which sheet of a workbook to read: the one named, else the first visible worksheet; a
//! hidden sheet, a chart or a macro sheet is never read unless named, and an error lists what
//! the workbook holds.

use calamine::{Sheet, SheetType, SheetVisible};

use crate::error::{Error, Location, Result};

/// A sheet as listed in an error: its name, and what keeps it from being read by default.
fn listed(sheet: &Sheet) -> String {
    let why = match (sheet.visible, sheet.typ) {
        (_, SheetType::ChartSheet) => " (a chart)",
        (_, SheetType::DialogSheet | SheetType::MacroSheet | SheetType::Vba) => {
            " (not a worksheet)"
        }
        (SheetVisible::Hidden, _) => " (hidden)",
        (SheetVisible::VeryHidden, _) => " (very hidden)",
        (SheetVisible::Visible, SheetType::WorkSheet) => "",
    };
    format!("`{}`{why}", sheet.name)
}

/// The sheet to read: the one named, else the first visible worksheet. A hidden sheet is never
/// read unless named.
pub(super) fn choose(sheets: &[Sheet], wanted: Option<&str>, file: &Location) -> Result<String> {
    let names = || {
        sheets
            .iter()
            .map(|s| format!("`{}`", s.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(wanted) = wanted {
        return sheets
            .iter()
            .find(|s| s.name == wanted)
            .map(|s| s.name.clone())
            .ok_or_else(|| {
                Error::actuals(
                    file.clone(),
                    format!("no sheet named `{wanted}`; the workbook has {}", names()),
                )
            });
    }
    if sheets.is_empty() {
        return Err(Error::actuals(file.clone(), "the workbook has no sheets"));
    }
    sheets
        .iter()
        .find(|s| s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .ok_or_else(|| {
            let all = sheets.iter().map(listed).collect::<Vec<_>>().join(", ");
            Error::actuals(
                file.clone(),
                format!(
                    "no visible worksheet; the workbook has {all}; name the sheet to read with --sheet"
                ),
            )
        })
}
