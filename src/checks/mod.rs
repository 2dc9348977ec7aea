//! Checks of one file on its own, run while it is loaded: the syntax and its recovery, the shape
//! against the file kind's schema, personal identity numbers and contact details in free text,
//! and control characters. Rules that need the whole folder are in [`crate::validate`].

pub mod controls;
pub mod privacy;
pub mod shape;
pub mod syntax;
