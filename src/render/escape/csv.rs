//! Cells from the data folder made safe for a spreadsheet.
