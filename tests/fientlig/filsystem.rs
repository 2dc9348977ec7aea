//! Hostile data: filsystem.

#[allow(unused_imports)]
use super::common;
