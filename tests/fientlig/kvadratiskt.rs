//! Hostile data: kvadratiskt.

#[allow(unused_imports)]
use super::common;
