//! Hostile data: terminal.

#[allow(unused_imports)]
use super::common;
