//! Hostile data: markdown.

#[allow(unused_imports)]
use super::common;
