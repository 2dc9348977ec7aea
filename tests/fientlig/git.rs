//! Hostile data: git.

#[allow(unused_imports)]
use super::common;
