//! Hostile data: kalkylblad.

#[allow(unused_imports)]
use super::common;
