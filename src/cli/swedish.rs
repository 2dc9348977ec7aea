//! clap's own words in Swedish: the usage says `[FLAGGOR]`, headings are "Flaggor", "Argument"
//! and "Kommandon", possible, default and environment values are written into the help text.
//! [`command`] is what `resurs` parses with and makes help, completions and the man page from.

use std::fmt::Write as _;

use clap::builder::PossibleValue;
use clap::{Arg, CommandFactory as _};

use super::Cli;

/// The help layout, with Swedish headings.
const TEMPLATE: &str = "{about-with-newline}\nAnvändning: {usage}\n\n{all-args}{after-help}";

/// The command line as `resurs` parses it, with clap's English replaced by Swedish: the usage
/// says `[FLAGGOR]`, headings are "Flaggor", "Argument" and "Kommandon", and possible, default
/// and environment values are written into the help text as "Möjliga värden", "[standard: …]"
/// and "[miljövariabel: …]". Built, so ready for help, completions and the man page.
pub fn command() -> clap::Command {
    let mut cmd = swedish(Cli::command());
    cmd.build();
    swedish_usage(&mut cmd);
    cmd
}

fn swedish(cmd: clap::Command) -> clap::Command {
    let mut cmd = cmd.help_template(TEMPLATE).mut_args(swedish_arg);
    if cmd.has_subcommands() {
        if cmd.get_subcommand_help_heading().is_none() {
            cmd = cmd.subcommand_help_heading("Kommandon");
        }
        if cmd.get_subcommand_value_name().is_none() {
            cmd = cmd.subcommand_value_name("KOMMANDO");
        }
        cmd = cmd.mut_subcommands(swedish);
    }
    cmd
}

fn swedish_arg(mut arg: Arg) -> Arg {
    if arg.get_help_heading().is_none() {
        let heading = if arg.is_positional() {
            "Argument"
        } else {
            "Flaggor"
        };
        arg = arg.help_heading(heading);
    }
    if !arg.get_action().takes_values() {
        return arg;
    }
    // What clap would add in English: one line each in the short help, a block in the long.
    let mut short = Vec::new();
    let mut long = Vec::new();
    let values: Vec<PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    if !values.is_empty() && !arg.is_hide_possible_values_set() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        short.push(format!("[möjliga värden: {}]", names.join(", ")));
        if values.iter().any(|v| v.get_help().is_some()) {
            let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
            let mut block = "Möjliga värden:".to_owned();
            for v in &values {
                let name = v.get_name();
                let pad = " ".repeat(width - name.chars().count());
                let help = v.get_help().map(ToString::to_string).unwrap_or_default();
                let _ = write!(block, "\n- {name}:{pad} {help}");
            }
            long.push(block);
        } else {
            long.push(short[0].clone());
        }
        arg = arg.hide_possible_values(true);
    }
    if !arg.get_default_values().is_empty() && !arg.is_hide_default_value_set() {
        let values: Vec<_> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy())
            .collect();
        let text = format!("[standard: {}]", values.join(", "));
        short.push(text.clone());
        long.push(text);
        arg = arg.hide_default_value(true);
    }
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        let text = format!("[miljövariabel: {}]", env.to_string_lossy());
        short.push(text.clone());
        long.push(text);
        arg = arg.hide_env(true);
    }
    if short.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let long_help = arg.get_long_help().map(ToString::to_string);
    // A long help only where it says more than the short one (else `--help` switches every
    // flag of the command to the roomier layout).
    let needs_long = long_help.is_some() || long != short;
    let base = long_help.unwrap_or_else(|| help.clone());
    arg = arg.help(format!("{help} {}", short.join(" ")));
    if needs_long {
        arg = arg.long_help(format!("{base}\n\n{}", long.join("\n\n")));
    }
    arg
}

/// Sets each command's usage to clap's own, with `[FLAGGOR]` for `[OPTIONS]`.
fn swedish_usage(cmd: &mut clap::Command) {
    let rendered = cmd.render_usage().to_string();
    let usage = rendered
        .strip_prefix("Usage: ")
        .unwrap_or(&rendered)
        .replace("[OPTIONS]", "[FLAGGOR]");
    *cmd = std::mem::take(cmd).override_usage(usage);
    for sub in cmd.get_subcommands_mut() {
        swedish_usage(sub);
    }
}

/// The help of the command named by `path` (`[]` is `resurs` itself, `["ny", "aktor"]` is
/// `resurs ny aktor`), for `resurs hjalp`: the same text as `--help` after the command.
pub fn help_for(path: &[String]) -> anyhow::Result<String> {
    let cmd = command();
    let mut name = String::from("resurs");
    let mut cur = &cmd;
    for word in path {
        let Some(sub) = cur.find_subcommand(word) else {
            let names: Vec<String> = cur
                .get_subcommands()
                .map(|c| format!("`{}`", c.get_name()))
                .collect();
            if names.is_empty() {
                anyhow::bail!("`{name}` har inga underkommandon");
            }
            anyhow::bail!(
                "okänt kommando `{word}`\nKommandona i `{name}`: {}.",
                names.join(", ")
            );
        };
        name = format!("{name} {}", sub.get_name());
        cur = sub;
    }
    let args = std::iter::once("resurs")
        .chain(name.split(' ').skip(1))
        .chain(["--help"]);
    match cmd.try_get_matches_from(args) {
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => Ok(e.render().to_string()),
        _ => anyhow::bail!("hjälpen för `{name}` kan inte visas"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_app() {
        Cli::command().debug_assert();
        command().debug_assert();
    }
}
