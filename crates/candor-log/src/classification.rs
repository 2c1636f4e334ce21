//! The public facts of a version-2 entry: what the statistics the recommendations ask
//! for are counted from (UNCAC; EU Directive 2019/1937 Art. 27).
//!
//! A `report-received` entry says whether the message opened a case or followed one up.
//! A decision says how many whole weeks after the case's first report it was taken, and
//! every decision after the acknowledgement carries the body's classification of the
//! case, chosen at decision time and never asked of the reporter: the **sector** and the
//! **area** from the fixed lists below; a closure also its **outcome**. The lists are
//! version 1 of Candor's classification; changing them makes a new entry format.
//!
//! The lines come after `day` in an entry and after `body` in an opening, in this order,
//! and exactly the ones the kind needs ([`Facts::check`]):
//!
//! ```text
//! message report            (report-received: report or follow-up)
//! sector public             (decisions after the acknowledgement)
//! area public-procurement   (decisions after the acknowledgement)
//! outcome referred          (case-closed)
//! weeks 3                   (every decision)
//! ```
//!
//! Why so few: each entry is public and signed, so these fields are what anyone can read
//! about a decision for ever. Three sectors, seven areas, seven outcomes and a week count
//! name no organisation, place, amount or person (SECURITY.md § Statistics).

use std::fmt;
use std::str::FromStr;

use crate::entry::{EntryError, Kind, malformed, truncate};

/// Defines a closed list of labels: each value's text in entries and its words for people.
macro_rules! labels {
    ($(#[$meta:meta])* $name:ident, $what:literal, [$($variant:ident = $text:literal, $words:literal;)+]) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant,)+ }

        impl $name {
            /// Every value, in the order pages and files list them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The text in entries (`public-procurement`).
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }

            /// Plain words for people.
            pub fn describe(self) -> &'static str {
                match self { $($name::$variant => $words,)+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = EntryError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| malformed($what, format!("unknown {} {:?}", $what, truncate(s))))
            }
        }
    };
}
pub(crate) use labels;

labels!(
    /// Whether a received message opened a case or followed one up.
    Message, "message", [
        Report = "report", "New report";
        FollowUp = "follow-up", "Follow-up";
    ]
);

labels!(
    /// Where the reported wrongdoing happened.
    Sector, "sector", [
        Public = "public", "Public sector";
        Private = "private", "Private sector";
        NotStated = "not-stated", "Sector not stated";
    ]
);

labels!(
    /// What the report is about: UNCAC's offences (Art. 15-23) and the Directive's areas
    /// that a corruption body receives.
    Area, "area", [
        Bribery = "bribery", "Bribery";
        Embezzlement = "embezzlement", "Embezzlement";
        PublicProcurement = "public-procurement", "Public procurement";
        MoneyLaundering = "money-laundering", "Money laundering";
        ConflictOfInterest = "conflict-of-interest", "Conflict of interest";
        PublicFinanceFraud = "public-finance-fraud", "Fraud against public finances";
        Other = "other", "Other";
    ]
);

labels!(
    /// How a case ended (Directive Art. 27(2): investigations and their outcome).
    Outcome, "outcome", [
        Referred = "referred", "Referred to a competent authority";
        ProceedingsOpened = "proceedings-opened", "Investigation or proceedings opened";
        Substantiated = "substantiated", "Wrongdoing established";
        NotSubstantiated = "not-substantiated", "Wrongdoing not established";
        InsufficientInformation = "insufficient-information", "Not enough information";
        OutsideMandate = "outside-mandate", "Outside the body's mandate";
        Withdrawn = "withdrawn", "Withdrawn by the reporter";
    ]
);

/// The most weeks an entry may count (a century).
pub const MAX_WEEKS: u32 = 5218;

/// The body's classification of a case, as it chooses it on the decision form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Classification {
    pub sector: Sector,
    pub area: Area,
    /// How the case ended (a closure).
    pub outcome: Option<Outcome>,
}

/// The public facts of a version-2 entry (and its opening).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Facts {
    pub message: Option<Message>,
    pub sector: Option<Sector>,
    pub area: Option<Area>,
    pub outcome: Option<Outcome>,
    /// Whole weeks since the case's first report.
    pub weeks: Option<u32>,
}

/// Which lines a kind's facts have.
struct Needs {
    message: bool,
    class: bool,
    outcome: bool,
    weeks: bool,
}

fn needs(kind: Kind) -> Needs {
    // An identity step is public only as a fact with its weeks: no classification.
    let decided = kind.is_decision() && kind != Kind::Acknowledged && !kind.is_identity();
    Needs {
        message: kind == Kind::ReportReceived,
        class: decided,
        outcome: kind == Kind::CaseClosed,
        weeks: kind.is_decision(),
    }
}

impl Facts {
    /// The facts of a received message.
    pub fn received(message: Message) -> Facts {
        Facts {
            message: Some(message),
            ..Facts::default()
        }
    }

    /// The facts of a decision of `kind` taken `weeks` after the first report; the
    /// classification is dropped where the kind has none (an acknowledgement), the outcome
    /// unless the case is closed.
    pub fn decision(kind: Kind, weeks: u32, class: Classification) -> Facts {
        let needs = needs(kind);
        Facts {
            message: None,
            sector: needs.class.then_some(class.sector),
            area: needs.class.then_some(class.area),
            outcome: class.outcome.filter(|_| needs.outcome),
            weeks: Some(weeks),
        }
    }

    /// Whole weeks from the first report's day to the decision's.
    /// The facts of an identity step: its weeks since the report, nothing else.
    pub fn identity_step(weeks: u32) -> Facts {
        Facts {
            weeks: Some(weeks),
            ..Facts::default()
        }
    }

    pub fn weeks_between(received: crate::day::Day, decided: crate::day::Day) -> Option<u32> {
        u32::try_from(received.days_until(decided) / 7)
            .ok()
            .filter(|_| received <= decided)
    }

    /// Whether these are exactly the facts `kind` has.
    pub fn check(&self, kind: Kind) -> Result<(), EntryError> {
        let needs = needs(kind);
        let fits = self.message.is_some() == needs.message
            && self.sector.is_some() == needs.class
            && self.area.is_some() == needs.class
            && self.outcome.is_some() == needs.outcome
            && self.weeks.is_some() == needs.weeks;
        if !fits {
            return Err(malformed(
                "facts",
                format!("a {kind} entry of version 2 does not have these lines"),
            ));
        }
        if self.weeks.is_some_and(|w| w > MAX_WEEKS) {
            return Err(malformed("weeks", "more weeks than a century has"));
        }
        Ok(())
    }

    /// The lines, in order, each ending with a newline.
    pub fn write_lines(&self, out: &mut String) {
        let mut line = |name: &str, value: Option<&dyn fmt::Display>| {
            if let Some(v) = value {
                out.push_str(&format!("{name} {v}\n"));
            }
        };
        line("message", self.message.as_ref().map(|v| v as _));
        line("sector", self.sector.as_ref().map(|v| v as _));
        line("area", self.area.as_ref().map(|v| v as _));
        line("outcome", self.outcome.as_ref().map(|v| v as _));
        line("weeks", self.weeks.as_ref().map(|v| v as _));
    }

    /// Reads exactly the lines `kind` has, in order, from `lines`.
    pub(crate) fn read_lines<'a>(
        kind: Kind,
        lines: &mut impl Iterator<Item = &'a str>,
        what: &'static str,
    ) -> Result<Facts, EntryError> {
        let needs = needs(kind);
        let mut next = |name: &'static str, wanted: bool| -> Result<Option<&'a str>, EntryError> {
            if !wanted {
                return Ok(None);
            }
            crate::entry::field(lines.next(), name, what).map(Some)
        };
        let message = next("message", needs.message)?
            .map(str::parse)
            .transpose()?;
        let sector = next("sector", needs.class)?.map(str::parse).transpose()?;
        let area = next("area", needs.class)?.map(str::parse).transpose()?;
        let outcome = next("outcome", needs.outcome)?
            .map(str::parse)
            .transpose()?;
        let weeks = next("weeks", needs.weeks)?
            .map(|w| {
                crate::checkpoint::parse_decimal(w)
                    .and_then(|w| u32::try_from(w).ok())
                    .ok_or_else(|| malformed("weeks", "expected a whole number"))
            })
            .transpose()?;
        let facts = Facts {
            message,
            sector,
            area,
            outcome,
            weeks,
        };
        facts.check(kind)?;
        Ok(facts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(outcome: Option<Outcome>) -> Classification {
        Classification {
            sector: Sector::Public,
            area: Area::Other,
            outcome,
        }
    }

    #[test]
    fn each_kind_has_its_lines() {
        for &kind in Kind::ALL {
            let facts = match kind {
                Kind::ReportReceived => Facts::received(Message::FollowUp),
                Kind::ReprisalReported => Facts::default(),
                _ => Facts::decision(kind, 3, class(Some(Outcome::Referred))),
            };
            facts.check(kind).expect("fits");
            let mut text = String::new();
            facts.write_lines(&mut text);
            let read = Facts::read_lines(kind, &mut text.lines(), "entry").expect("reads");
            assert_eq!(read, facts);
        }
        let ack = Facts::decision(Kind::Acknowledged, 0, class(None));
        assert_eq!((ack.sector, ack.area, ack.weeks), (None, None, Some(0)));
        assert!(
            Facts::received(Message::Report)
                .check(Kind::CaseClosed)
                .is_err()
        );
        let mut closed = Facts::decision(Kind::CaseClosed, 1, class(None));
        assert!(
            closed.check(Kind::CaseClosed).is_err(),
            "a closure needs its outcome"
        );
        closed.outcome = Some(Outcome::Withdrawn);
        closed.weeks = Some(MAX_WEEKS + 1);
        assert!(closed.check(Kind::CaseClosed).is_err());
    }

    #[test]
    fn weeks_are_whole_and_canonical() {
        let day = |s: &str| s.parse::<crate::day::Day>().expect("day");
        assert_eq!(
            Facts::weeks_between(day("2026-01-01"), day("2026-01-07")),
            Some(0)
        );
        assert_eq!(
            Facts::weeks_between(day("2026-01-01"), day("2026-01-08")),
            Some(1)
        );
        assert_eq!(
            Facts::weeks_between(day("2026-01-08"), day("2026-01-01")),
            None
        );
        for bad in [
            "weeks 01",
            "weeks -1",
            "weeks +1",
            "weeks 1.5",
            "weeks 99999999999",
        ] {
            let text = format!("{bad}\n");
            assert!(Facts::read_lines(Kind::Acknowledged, &mut text.lines(), "entry").is_err());
        }
    }

    proptest::proptest! {
        /// Any facts a kind can have survive an entry's and an opening's text unchanged.
        #[test]
        fn facts_round_trip(k in 0usize..7, weeks in 0u32..=MAX_WEEKS, s in 0usize..3, a in 0usize..7, o in 0usize..7) {
            let kind = Kind::ALL[k];
            let facts = if kind == Kind::ReportReceived {
                Facts::received(Message::ALL[weeks as usize % 2])
            } else {
                Facts::decision(kind, weeks, Classification { sector: Sector::ALL[s], area: Area::ALL[a], outcome: Some(Outcome::ALL[o]) })
            };
            let ciphertexts = if kind.is_decision() { vec![] } else { vec![[1; 32]] };
            let opening = crate::entry::Opening::new("REF-1", kind, "2026-12-01", "Body", (kind == Kind::ProtectionGranted).then_some(crate::entry::Measure::InterimRelief), ciphertexts, "")
                .and_then(|o| o.with_facts(facts))
                .expect("opening");
            let text = opening.to_text();
            proptest::prop_assert!(text.starts_with("candor.opening/v2\n"));
            proptest::prop_assert_eq!(crate::entry::Opening::parse(&text).expect("parse"), opening.clone());
            let entry = opening.entry();
            proptest::prop_assert_eq!(crate::entry::Entry::parse(&entry.to_text()).expect("parse"), entry);
        }
    }
}
