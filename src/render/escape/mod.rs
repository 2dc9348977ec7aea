//! One escaper per kind of output. Every field of a data folder comes from a stranger's pull
//! request; these functions are where it is made safe for the place it is written to: a
//! terminal, a Markdown page, an HTML page, a spreadsheet.

pub mod csv;
pub mod html;
pub mod markdown;
pub mod terminal;
