//! Hostile data: every attack on the output and the actions of `resurs`, as a regression test.
//! A data folder takes pull requests from strangers, so every field is attacker-controlled.
//! One module per place the data reaches.

#[path = "../common/mod.rs"]
mod common;

mod filsystem;
mod git;
mod kalkylblad;
mod kvadratiskt;
mod markdown;
mod terminal;
