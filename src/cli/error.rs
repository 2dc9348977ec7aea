//! clap's usage errors, told in Swedish: one line of cause, one line of way out, which points
//! at the help of the command the error is in (`Se `resurs sok --help`.`).

use std::ffi::OsString;
use std::fmt::Write as _;

use clap::Command;
use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

/// Flags whose values come from the data folder's vocabularies, by value name: the plural for
/// "ange flera …", an example value and the `resurs lista` that shows them all.
const VOCABULARY: &[(&str, &str, &str, &str)] = &[
    ("BEHOV", "behov", "samtalsstod", "kategorier"),
    ("MÅLGRUPP", "målgrupper", "foraldrar", "malgrupper"),
    ("SPRÅK", "språk", "ukrainska", "sprak"),
    ("KOMMUN", "kommuner", "Växjö", "omraden"),
    ("OMRÅDE", "områden", "Växjö", "omraden"),
    ("AKTÖR", "aktörer", "rodakorset-vaxjo", "aktorer"),
    ("TYP", "aktörstyper", "ideell-forening", "aktorstyper"),
];

/// Each value of a context, as text.
fn values(e: &Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

fn context(e: &Error, kind: ContextKind) -> Option<String> {
    let v = values(e, kind);
    (!v.is_empty()).then(|| v.join(", "))
}

/// `a`, `a eller b`, `a, b eller c`.
fn or_list(items: &[String], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

/// `--behov <BEHOV>` as clap names an argument: the flag (`--behov`) and the value name.
fn split_arg(arg: &str) -> (&str, &str) {
    let flag = arg.split_whitespace().next().unwrap_or(arg);
    let value_name = arg
        .split_once('<')
        .and_then(|(_, rest)| rest.split_once('>'))
        .map_or("", |(name, _)| name);
    (flag, value_name)
}

/// The argument of `cmd` that `flag` (`--behov`, `-o`) names.
fn find_arg<'a>(cmd: &'a Command, flag: &str) -> Option<&'a clap::Arg> {
    cmd.get_arguments().find(|a| {
        flag.strip_prefix("--").map_or_else(
            || {
                let mut chars = flag.strip_prefix('-').unwrap_or("").chars();
                matches!((chars.next(), chars.next()), (Some(c), None) if a.get_short() == Some(c))
            },
            |long| a.get_long() == Some(long),
        )
    })
}

/// The commands named on the command line, outermost first, with the position of the word
/// that names each, read as clap reads them: options (with their values) are skipped, and a
/// word names a subcommand while the command has any.
fn named_commands<'a>(cmd: &'a Command, args: &[String]) -> Vec<(&'a Command, usize)> {
    let mut path = Vec::new();
    let mut cur = cmd;
    let mut words = args.iter().enumerate();
    while let Some((i, word)) = words.next() {
        if word == "--" || !cur.has_subcommands() {
            break;
        }
        if word.starts_with('-') {
            let takes_value = !word.contains('=')
                && find_arg(cur, word).is_some_and(|a| a.get_action().takes_values());
            if takes_value {
                words.next();
            }
        } else if let Some(sub) = cur.find_subcommand(word) {
            path.push((sub, i));
            cur = sub;
        } else {
            break;
        }
    }
    path
}

/// The names of the first command at or under `cmd` that has `flag`, from `cmd` down.
fn with_flag<'a>(cmd: &'a Command, flag: &str) -> Option<Vec<&'a str>> {
    if find_arg(cmd, flag).is_some() {
        return Some(vec![cmd.get_name()]);
    }
    cmd.get_subcommands().find_map(|sub| {
        let mut names = with_flag(sub, flag)?;
        names.insert(0, cmd.get_name());
        Some(names)
    })
}

/// For a flag given before the command it belongs to (`resurs --behov x sok`, where `cmd` is
/// `resurs` and `args[at]` is `--behov`): that command (the one named after the flag, else
/// the first under `cmd` that has it) and the command line written the right way
/// (`resurs sok --behov x`). `name` is the name of `cmd` (`resurs`, `resurs ny`).
fn belongs_to(
    cmd: &Command,
    name: &str,
    args: &[String],
    at: usize,
    flag: &str,
) -> Option<(String, String)> {
    let after = args[at + 1..].iter().find_map(|a| cmd.find_subcommand(a));
    let names = after
        .and_then(|sub| with_flag(sub, flag))
        .or_else(|| cmd.get_subcommands().find_map(|sub| with_flag(sub, flag)))?;
    let mut target = cmd;
    for n in &names {
        target = target.find_subcommand(n)?;
    }
    let name = format!("{name} {}", names.join(" "));
    let arg = find_arg(target, flag)?;
    let mut example = format!("{name} {}", args[at]);
    if arg.get_action().takes_values() && !args[at].contains('=') {
        let given = args
            .get(at + 1)
            .filter(|v| !v.starts_with('-') && cmd.find_subcommand(v.as_str()).is_none());
        let placeholder = arg
            .get_value_names()
            .and_then(|n| n.first())
            .map_or_else(|| "…".to_owned(), ToString::to_string);
        example.push(' ');
        example.push_str(given.map_or(&placeholder, |v| v));
    }
    Some((name, example))
}

/// `resurs` and the names of `path`: `resurs ny aktor`.
fn full_name(path: &[(&Command, usize)]) -> String {
    std::iter::once("resurs")
        .chain(path.iter().map(|(c, _)| c.get_name()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// An unknown flag `flag`: unknown in the command it was given to (the last one named
/// before it), or given before the command it belongs to.
fn unknown_flag(
    cmd: &Command,
    path: &[(&Command, usize)],
    args: &[String],
    flag: &str,
) -> (String, String) {
    let at = args
        .iter()
        .position(|a| a == flag || a.starts_with(&format!("{flag}=")));
    let level = at.map_or(path.len(), |at| {
        path.iter().take_while(|(_, i)| *i < at).count()
    });
    let name = full_name(&path[..level]);
    let given_to = path[..level].last().map_or(cmd, |(c, _)| c);
    if let Some((command, example)) = at.and_then(|at| belongs_to(given_to, &name, args, at, flag))
    {
        let cause = format!(
            "flaggan `{flag}` hör till ett kommando: skriv den efter kommandot, t.ex. `{example}`"
        );
        return (cause, command);
    }
    let cause = if level == 0 {
        format!("okänd flagga `{flag}`")
    } else {
        format!("`{name}` har ingen flagga `{flag}`")
    };
    (cause, name)
}

/// A value for the shell: quoted when it has a space.
fn shell_word(s: &str) -> String {
    if s.contains(char::is_whitespace) {
        format!("\"{s}\"")
    } else {
        s.to_owned()
    }
}

/// The Swedish text for a usage error; `cmd` is the command line as parsed (see
/// [`crate::cli::command`]) and `args` the arguments, the program name first.
pub fn swedish(e: &Error, cmd: &Command, args: &[OsString]) -> String {
    let args: Vec<String> = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let path = named_commands(cmd, &args);
    let here = path.last().map_or(cmd, |(c, _)| c);
    let name = full_name(&path);

    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let (flag, value_name) = split_arg(&arg);
    let flag = flag.split('=').next().unwrap_or(flag);
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let vocabulary = VOCABULARY.iter().find(|v| v.0 == value_name);
    let suggested = context(e, ContextKind::SuggestedArg)
        .or_else(|| context(e, ContextKind::SuggestedSubcommand))
        .or_else(|| context(e, ContextKind::SuggestedValue));
    let valid = values(e, ContextKind::ValidValue);
    let mut help = name.clone();
    let mut way_out = None;
    let list = crate::cli::is_list(&value)
        && find_arg(here, flag).is_some_and(|a| matches!(a.get_action(), clap::ArgAction::Append));

    let cause = match e.kind() {
        ErrorKind::UnknownArgument if !flag.starts_with('-') => {
            format!("oväntat argument `{flag}` till `{name}`")
        }
        ErrorKind::UnknownArgument => {
            let (cause, command) = unknown_flag(cmd, &path, &args, flag);
            help = command;
            cause
        }
        ErrorKind::InvalidSubcommand => format!(
            "okänt kommando `{}`",
            context(e, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation if list => {
            let mut parts: Vec<String> = value
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(shell_word)
                .collect();
            if parts.len() < 2 {
                parts.push("…".to_owned());
            }
            let example: Vec<String> = parts.iter().map(|p| format!("{flag} {p}")).collect();
            format!(
                "ange flera {} genom att upprepa flaggan: `{}`",
                vocabulary.map_or("värden", |v| v.1),
                example.join(" ")
            )
        }
        ErrorKind::InvalidValue if value.is_empty() => match vocabulary {
            Some((_, _, example, lista)) => {
                way_out = Some(format!("Se alla med `resurs lista {lista}`."));
                format!("`{flag}` behöver ett värde, t.ex. `{example}`")
            }
            None if !valid.is_empty() => {
                format!("`{flag}` behöver ett värde: {}", or_list(&valid, "eller"))
            }
            None => format!("`{flag}` behöver ett värde"),
        },
        ErrorKind::InvalidValue => {
            let mut cause = format!("`{value}` är inget giltigt värde för `{flag}`");
            if suggested.is_none() && !valid.is_empty() {
                let _ = write!(cause, "\nMöjliga värden: {}", valid.join(", "));
            }
            cause
        }
        ErrorKind::ValueValidation => {
            let detail = std::error::Error::source(e)
                .map(ToString::to_string)
                .unwrap_or_default();
            format!("`{flag}`: {detail}")
        }
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<String> = values(e, ContextKind::InvalidArg)
                .iter()
                .map(|a| format!("`{a}`"))
                .collect();
            format!("`{name}` behöver {}", or_list(&missing, "och"))
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let subs: Vec<String> = here
                .get_subcommands()
                .filter(|s| !s.is_hide_set())
                .map(|s| s.get_name().to_owned())
                .collect();
            if path.is_empty() {
                "ange ett kommando".to_owned()
            } else {
                format!("`{name}` behöver ett kommando: {}", or_list(&subs, "eller"))
            }
        }
        ErrorKind::ArgumentConflict => {
            let prior: Vec<String> = values(e, ContextKind::PriorArg)
                .iter()
                .map(|a| format!("`{}`", split_arg(a).0))
                .collect();
            format!(
                "`{flag}` kan inte kombineras med {}",
                or_list(&prior, "eller")
            )
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("för många värden för `{flag}`")
        }
        ErrorKind::TooFewValues => format!("för få värden för `{flag}`"),
        ErrorKind::NoEquals => format!("skriv värdet med likhetstecken: `{flag}=…`"),
        ErrorKind::InvalidUtf8 => "ett argument är inte giltig UTF-8".to_owned(),
        _ => "kommandoraden kan inte tolkas".to_owned(),
    };
    let mut out = format!("fel: {cause}\n");
    if let Some(s) = suggested.filter(|_| !list) {
        let _ = writeln!(out, "Menade du `{s}`?");
    }
    let way_out = way_out.unwrap_or_else(|| format!("Se `{help} --help`."));
    let _ = writeln!(out, "{way_out}");
    out
}
