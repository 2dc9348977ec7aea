//! The report as Markdown: for a meeting, an e-mail or a repository's wiki. Written by the
//! templates in `templates/report/md/`, whose escaper writes every value from the data
//! through [`crate::render::escape::markdown`], so it is shown literally; data Markdown is
//! re-written through [`crate::render::sanitize::to_markdown`].

use std::borrow::Cow;

use askama::Template;

use super::{Counted, Words};
use crate::render::escape::markdown::{code, email_address, text, web_address};
use crate::render::sanitize::{to_markdown, to_plain};
use crate::report::{Offering, Person, Report, Way};

/// One item of an offering's "Så får man den", in the order they are shown.
enum How<'a> {
    /// Text, escaped by the template.
    Text(Cow<'a, str>),
    Way(&'a Way),
    Person(&'a Person),
    Intern(&'a str),
}

#[derive(Template)]
#[template(path = "report/md/rapport.md")]
struct Page<'a> {
    r: &'a Report,
}

impl Words for Page<'_> {}

impl<'a> Page<'a> {
    /// A way to reach someone, as Markdown: a phone number as text, an address as a link.
    #[allow(clippy::unused_self)]
    fn way(&self, w: &Way) -> String {
        match w {
            Way::Telefon(t) => text(t),
            Way::Epost(m) => email_address(m),
            Way::Webb(u) => web_address(u),
        }
    }

    #[allow(clippy::unused_self)]
    fn hur(&self, x: &'a Offering) -> Vec<How<'a>> {
        let mut hur = Vec::new();
        if let Some(k) = &x.kontaktvag {
            hur.push(How::Text(Cow::Owned(to_plain(k))));
        }
        if let Some(t) = &x.tider {
            hur.push(How::Text(Cow::Borrowed(t)));
        }
        if let Some(p) = &x.plats {
            hur.push(How::Text(Cow::Owned(p.to_string())));
        }
        hur.extend(x.ways.iter().map(How::Way));
        hur.extend(x.kontakter.iter().map(How::Person));
        if let Some(i) = &x.intern {
            hur.push(How::Intern(i));
        }
        hur
    }

    /// The languages, and whether an interpreter can be arranged, as one value.
    #[allow(clippy::unused_self)]
    fn sprak(&self, x: &Offering) -> String {
        let mut sprak = x.sprak.join(", ");
        if x.tolk {
            sprak.push_str("; tolk kan ordnas");
        }
        sprak
    }

    #[allow(clippy::unused_self)]
    fn code(&self, s: &str) -> String {
        code(s)
    }

    #[allow(clippy::unused_self)]
    fn to_markdown(&self, md: &str) -> String {
        to_markdown(md)
    }
}

/// The report as Markdown, ending in one line break.
pub fn render(r: &Report) -> String {
    let out = Page { r }
        .render()
        .expect("writing to a String does not fail");
    out.trim_end().to_owned() + "\n"
}
