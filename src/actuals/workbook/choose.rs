//! Which sheet of a workbook to read: the one named, else the first visible worksheet; a
//! hidden sheet, a chart or a macro sheet is never read unless named, and an error lists what
//! the workbook holds.

use calamine::{Sheet, SheetType, SheetVisible};

use crate::error::{DataProblem, Error, Location, Result, SheetState};

/// A sheet as listed in an error: its name, and what keeps it from being read by default.
fn listed(sheet: &Sheet) -> (String, SheetState) {
    let state = match (sheet.visible, sheet.typ) {
        (_, SheetType::ChartSheet) => SheetState::Chart,
        (_, SheetType::DialogSheet | SheetType::MacroSheet | SheetType::Vba) => {
            SheetState::NotWorksheet
        }
        (SheetVisible::Hidden, _) => SheetState::Hidden,
        (SheetVisible::VeryHidden, _) => SheetState::VeryHidden,
        (SheetVisible::Visible, SheetType::WorkSheet) => SheetState::Visible,
    };
    (sheet.name.clone(), state)
}

/// The sheet to read: the one named, else the first visible worksheet. A hidden sheet is never
/// read unless named.
pub(super) fn choose(sheets: &[Sheet], wanted: Option<&str>, file: &Location) -> Result<String> {
    if let Some(wanted) = wanted {
        return sheets
            .iter()
            .find(|s| s.name == wanted)
            .map(|s| s.name.clone())
            .ok_or_else(|| {
                Error::actuals(
                    file.clone(),
                    DataProblem::NoSheetNamed {
                        wanted: wanted.to_string(),
                        sheets: sheets.iter().map(|s| s.name.clone()).collect(),
                    },
                )
            });
    }
    if sheets.is_empty() {
        return Err(Error::actuals(file.clone(), DataProblem::NoSheets));
    }
    sheets
        .iter()
        .find(|s| s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .ok_or_else(|| {
            Error::actuals(
                file.clone(),
                DataProblem::NoVisibleSheet {
                    sheets: sheets.iter().map(listed).collect(),
                },
            )
        })
}
