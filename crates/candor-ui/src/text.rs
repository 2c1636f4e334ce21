//! The one place where page text is looked up: [Fluent](https://projectfluent.org) message
//! files, one folder per language (`crates/candor-ui/locales/<lang>/candor.ftl`, the
//! layout Weblate and Pontoon import), read with `fluent-bundle`, the reference
//! implementation (already in the tree through `age`).
//!
//! Pages write `t!("submit-title")` or, with values, `t!("receipt-stored", files = n)`;
//! plurals and numbers are Fluent's (`{ $count -> [one] … *[other] … }`). Messages are
//! plain text: a page puts links and emphasis around them, never markup inside, so a
//! translation can never inject HTML. A test (`tests::every_key_is_used_and_defined`)
//! fails on a key a page uses that the file lacks, and on a key no page uses.
//!
//! English is the only language so far; the language in the path and the others follow
//! (issue 15). A missing message shows its key, so a gap is visible, never a panic.

use std::sync::LazyLock;

use candor_log::classification::{Area, Outcome, Sector};
use candor_log::entry::{Kind, Measure};
use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The English messages, compiled in.
const EN: &str = include_str!("../locales/en/candor.ftl");

static BUNDLE: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle("en", EN));

fn bundle(lang: &str, source: &str) -> FluentBundle<FluentResource> {
    let id = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks matter only where right-to-left text mixes with values.
    bundle.set_use_isolating(false);
    // A file that does not parse keeps the messages that do (the test reports the rest).
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The text of message `key`, with `args` filled in; the key itself if it is missing.
pub fn lookup(key: &str, args: Option<&FluentArgs>) -> String {
    let Some(pattern) = BUNDLE.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let mut errors = Vec::new();
    BUNDLE
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// Looks up page text: `t!("nav-report")`, or `t!("index-limit", size = text)` with
/// values Fluent formats (strings and numbers).
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::text::lookup($key, None)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::text::FluentArgs::new();
        $( args.set(stringify!($name), $crate::text::FluentValue::from($value)); )+
        $crate::text::lookup($key, Some(&args))
    }};
}

/// The words for a log entry's kind.
pub fn kind(kind: Kind) -> String {
    match kind {
        Kind::ReportReceived => crate::t!("kind-report-received"),
        Kind::Acknowledged => crate::t!("kind-acknowledged"),
        Kind::StatusRecognized => crate::t!("kind-status-recognized"),
        Kind::StatusDeclined => crate::t!("kind-status-declined"),
        Kind::ProtectionGranted => crate::t!("kind-protection-granted"),
        Kind::StatusRevoked => crate::t!("kind-status-revoked"),
        Kind::CaseClosed => crate::t!("kind-case-closed"),
    }
}

/// The words for a protection measure.
pub fn measure(measure: Measure) -> String {
    match measure {
        Measure::Confidentiality => crate::t!("measure-confidentiality"),
        Measure::ReprisalProtection => crate::t!("measure-reprisal-protection"),
        Measure::InterimRelief => crate::t!("measure-interim-relief"),
        Measure::ReinstatementRecommended => crate::t!("measure-reinstatement-recommended"),
        Measure::ImmunityRecommended => crate::t!("measure-immunity-recommended"),
    }
}

/// The words for a sector.
pub fn sector(sector: Sector) -> String {
    match sector {
        Sector::Public => crate::t!("sector-public"),
        Sector::Private => crate::t!("sector-private"),
        Sector::NotStated => crate::t!("sector-not-stated"),
    }
}

/// The words for an area.
pub fn area(area: Area) -> String {
    match area {
        Area::Bribery => crate::t!("area-bribery"),
        Area::Embezzlement => crate::t!("area-embezzlement"),
        Area::PublicProcurement => crate::t!("area-public-procurement"),
        Area::MoneyLaundering => crate::t!("area-money-laundering"),
        Area::ConflictOfInterest => crate::t!("area-conflict-of-interest"),
        Area::PublicFinanceFraud => crate::t!("area-public-finance-fraud"),
        Area::Other => crate::t!("area-other"),
    }
}

/// The words for how a case ended.
pub fn outcome(outcome: Outcome) -> String {
    match outcome {
        Outcome::Referred => crate::t!("outcome-referred"),
        Outcome::ProceedingsOpened => crate::t!("outcome-proceedings-opened"),
        Outcome::Substantiated => crate::t!("outcome-substantiated"),
        Outcome::NotSubstantiated => crate::t!("outcome-not-substantiated"),
        Outcome::InsufficientInformation => crate::t!("outcome-insufficient-information"),
        Outcome::OutsideMandate => crate::t!("outcome-outside-mandate"),
        Outcome::Withdrawn => crate::t!("outcome-withdrawn"),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    /// The keys `t!("…"` names in the Rust sources under `dir`.
    fn used_keys(dir: &Path, out: &mut BTreeSet<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                used_keys(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap_or_default();
                // `t!("…"` (perhaps across lines), not `format!("…"` and the like.
                for (at, _) in source.match_indices("t!(") {
                    let word = source[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_');
                    let rest = source[at + 3..].trim_start();
                    let key = rest.strip_prefix('"').and_then(|r| r.split_once('"'));
                    // Message ids: lower-case words joined by hyphens.
                    if let (false, Some((key, _))) = (word, key)
                        && !key.is_empty()
                        && key
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                    {
                        out.insert(key.to_string());
                    }
                }
            }
        }
    }

    #[test]
    fn every_key_is_used_and_defined() {
        let resource = fluent_bundle::FluentResource::try_new(super::EN.to_string())
            .unwrap_or_else(|(_, errors)| panic!("candor.ftl does not parse: {errors:?}"));
        let defined: BTreeSet<String> = resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect();
        let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut used = BTreeSet::new();
        for krate in ["candor-ui", "candor-server", "candor-workstation"] {
            used_keys(&crates.join(krate).join("src"), &mut used);
        }
        let missing: Vec<_> = used.difference(&defined).collect();
        let unused: Vec<_> = defined.difference(&used).collect();
        assert!(
            missing.is_empty(),
            "used but not in candor.ftl: {missing:?}"
        );
        assert!(
            unused.is_empty(),
            "in candor.ftl but used nowhere: {unused:?}"
        );
    }

    /// The offline certificate check (`candor-log`, no page text of its own) words kinds,
    /// measures and the classification itself; its English and the pages' must not drift.
    #[test]
    fn english_words_match_the_log_crate() {
        use candor_log::classification::{Area, Outcome, Sector};
        use candor_log::entry::{Kind, Measure};
        for &k in Kind::ALL {
            assert_eq!(super::kind(k), k.describe());
        }
        for &m in Measure::ALL {
            assert_eq!(super::measure(m), m.describe());
        }
        for &v in Sector::ALL {
            assert_eq!(super::sector(v), v.describe());
        }
        for &v in Area::ALL {
            assert_eq!(super::area(v), v.describe());
        }
        for &v in Outcome::ALL {
            assert_eq!(super::outcome(v), v.describe());
        }
    }

    #[test]
    fn values_and_plurals() {
        assert_eq!(
            crate::t!("receipt-stored", files = 0),
            "Your report was encrypted and stored safely."
        );
        assert_eq!(
            crate::t!("receipt-stored", files = 1),
            "Your report and 1 file were encrypted and stored safely."
        );
        assert_eq!(
            crate::t!("receipt-stored", files = 3),
            "Your report and 3 files were encrypted and stored safely."
        );
        assert_eq!(super::lookup("no-such-key", None), "no-such-key");
    }
}
