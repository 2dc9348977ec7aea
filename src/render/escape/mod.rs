//! One escaper per kind of output. Every field of a data folder comes from a stranger's pull
//! request; these functions are where it is made safe for the place it is written to: a
//! terminal, a Markdown page, a spreadsheet. (HTML escaping lives with the report's HTML.)

pub mod csv;
pub mod markdown;
pub mod terminal;
