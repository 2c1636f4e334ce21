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
//! Twelve languages ([`Lang`]); a reporter chooses one in the path (`/fr/submit`,
//! `/ar/case`), which [`choose_language`] strips before routing, and `/` is the configured
//! default. The language of the request in hand is a task-local value
//! ([`with_language`]), so that `t!` needs no argument on any page, and a page links
//! within its language with [`href`]. Tor Browser tells every site "English", so the
//! `Accept-Language` header is ignored. A message missing in one language falls back to
//! English, then to its key, so a gap is visible, never a panic; the tests below refuse
//! both.

use std::sync::LazyLock;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Uri, header};
use axum::middleware::Next;
use axum::response::Response;
use candor_log::classification::{Area, Outcome, Sector};
use candor_log::entry::{Kind, Measure};
use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language the pages speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Fr,
    Es,
    Pt,
    De,
    Ro,
    Ru,
    Uk,
    Tr,
    Ar,
    Fa,
    ZhHans,
}

impl Lang {
    /// Every language, in the order of the language switcher.
    pub const ALL: [Lang; 12] = [
        Lang::En,
        Lang::Fr,
        Lang::Es,
        Lang::Pt,
        Lang::De,
        Lang::Ro,
        Lang::Ru,
        Lang::Uk,
        Lang::Tr,
        Lang::Ar,
        Lang::Fa,
        Lang::ZhHans,
    ];

    /// Its BCP 47 tag: the `lang` attribute and the folder of its messages.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Pt => "pt",
            Lang::De => "de",
            Lang::Ro => "ro",
            Lang::Ru => "ru",
            Lang::Uk => "uk",
            Lang::Tr => "tr",
            Lang::Ar => "ar",
            Lang::Fa => "fa",
            Lang::ZhHans => "zh-Hans",
        }
    }

    /// Its first path segment: the tag in lower case (`/zh-hans/submit`).
    pub fn segment(self) -> &'static str {
        match self {
            Lang::ZhHans => "zh-hans",
            other => other.tag(),
        }
    }

    /// Its name in itself, as the switcher shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Pt => "Português",
            Lang::De => "Deutsch",
            Lang::Ro => "Română",
            Lang::Ru => "Русский",
            Lang::Uk => "Українська",
            Lang::Tr => "Türkçe",
            Lang::Ar => "العربية",
            Lang::Fa => "فارسی",
            Lang::ZhHans => "简体中文",
        }
    }

    /// `rtl` for Arabic and Persian, `ltr` for the others.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar | Lang::Fa => "rtl",
            _ => "ltr",
        }
    }

    /// Every tag, for messages: "en, fr, …, zh-Hans".
    pub fn tags() -> String {
        Lang::ALL.map(Lang::tag).join(", ")
    }

    /// The language whose tag or path segment is `text`, in any case (`fr`, `zh-Hans`).
    pub fn parse(text: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(text))
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../locales/en/candor.ftl"),
            Lang::Fr => include_str!("../locales/fr/candor.ftl"),
            Lang::Es => include_str!("../locales/es/candor.ftl"),
            Lang::Pt => include_str!("../locales/pt/candor.ftl"),
            Lang::De => include_str!("../locales/de/candor.ftl"),
            Lang::Ro => include_str!("../locales/ro/candor.ftl"),
            Lang::Ru => include_str!("../locales/ru/candor.ftl"),
            Lang::Uk => include_str!("../locales/uk/candor.ftl"),
            Lang::Tr => include_str!("../locales/tr/candor.ftl"),
            Lang::Ar => include_str!("../locales/ar/candor.ftl"),
            Lang::Fa => include_str!("../locales/fa/candor.ftl"),
            Lang::ZhHans => include_str!("../locales/zh-Hans/candor.ftl"),
        }
    }
}

/// The language of the request in hand, and the configured default.
#[derive(Debug, Clone)]
struct Locale {
    lang: Lang,
    default: Lang,
    /// The request's path without the language segment, for the switcher's links.
    path: String,
}

tokio::task_local! {
    static LOCALE: Locale;
}

/// Runs `future` (a request's handling) with `lang` as the language of its pages.
pub async fn with_language<F: Future>(lang: Lang, future: F) -> F::Output {
    let locale = Locale {
        lang,
        default: lang,
        path: "/".to_string(),
    };
    LOCALE.scope(locale, future).await
}

/// The language of the request in hand (English outside a request).
pub fn lang() -> Lang {
    LOCALE.try_with(|l| l.lang).unwrap_or(Lang::En)
}

/// `path` (absolute, like `/submit`) in the language of the request in hand: unchanged in
/// the default language, `/fr/submit` in French.
pub fn href(path: &str) -> String {
    LOCALE
        .try_with(|l| in_language(l.lang, l.default, path))
        .unwrap_or_else(|_| path.to_string())
}

fn in_language(lang: Lang, default: Lang, path: &str) -> String {
    if lang == default {
        path.to_string()
    } else if path == "/" {
        format!("/{}/", lang.segment())
    } else {
        format!("/{}{path}", lang.segment())
    }
}

/// The language switcher's links: every language with the address of this page in it, and
/// whether it is the current one.
pub fn alternates() -> Vec<(Lang, String, bool)> {
    LOCALE
        .try_with(|l| {
            Lang::ALL
                .into_iter()
                .map(|lang| (lang, in_language(lang, l.default, &l.path), lang == l.lang))
                .collect()
        })
        .unwrap_or_default()
}

/// Middleware around the whole router: takes the language from the first path segment
/// (`/fr/…`; otherwise `default`), routes the rest, and renders the response's pages in
/// it. Answers carry `Content-Language`.
pub async fn choose_language(
    State(default): State<Lang>,
    mut req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path().to_string();
    let (lang, rest) = match path
        .strip_prefix('/')
        .map(|p| {
            p.split_once('/')
                .map_or((p, ""), |(first, rest)| (first, rest))
        })
        .and_then(|(first, rest)| {
            Some((Lang::ALL.into_iter().find(|l| l.segment() == first)?, rest))
        }) {
        Some((lang, rest)) => (lang, format!("/{rest}")),
        None => (default, path.clone()),
    };
    if rest != path {
        let with_query = match req.uri().query() {
            Some(q) => format!("{rest}?{q}"),
            None => rest.clone(),
        };
        if let Ok(uri) = Uri::builder().path_and_query(with_query).build() {
            *req.uri_mut() = uri;
        }
    }
    let locale = Locale {
        lang,
        default,
        path: rest,
    };
    let mut response = LOCALE.scope(locale, next.run(req)).await;
    response.headers_mut().insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.tag()),
    );
    response
}

static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> =
    LazyLock::new(|| Lang::ALL.into_iter().map(bundle).collect());

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Pages set `dir` on the whole document; values are words and numbers of the page's
    // own language, so no isolation marks are added.
    bundle.set_use_isolating(false);
    // A file that does not parse keeps the messages that do (the test reports the rest).
    let resource = FluentResource::try_new(lang.source().to_string()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The text of message `key` in `lang`, with `args` filled in; English if that language
/// lacks it; the key itself if English does too.
pub fn lookup_in(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    for lang in [lang, Lang::En] {
        let Some(bundle) = BUNDLES.get(lang as usize) else {
            continue;
        };
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    key.to_string()
}

/// The text of message `key` in the language of the request in hand.
pub fn lookup(key: &str, args: Option<&FluentArgs>) -> String {
    lookup_in(lang(), key, args)
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

/// A message to be said later, in the language of whatever page shows it: its key and its
/// values (text, other messages, or a list of them). What is written to disk says it in
/// English: its `Display` and its JSON form. Made with [`words!`](crate::words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    key: &'static str,
    values: Vec<(&'static str, Value)>,
}

/// A value of a [`Words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Words(Words),
    /// Said as a list: "a, b, c".
    List(Vec<Words>),
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::Text(text)
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::Text(text.to_string())
    }
}

impl From<Words> for Value {
    fn from(words: Words) -> Value {
        Value::Words(words)
    }
}

impl From<Vec<Words>> for Value {
    fn from(list: Vec<Words>) -> Value {
        Value::List(list)
    }
}

impl Words {
    /// Message `key`, without values yet.
    pub fn new(key: &'static str) -> Words {
        Words {
            key,
            values: Vec::new(),
        }
    }

    /// With value `name`.
    pub fn with(mut self, name: &'static str, value: impl Into<Value>) -> Words {
        self.values.push((name, value.into()));
        self
    }

    pub fn key(&self) -> &'static str {
        self.key
    }

    /// Said in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &self.values {
            let text = match value {
                Value::Text(text) => text.clone(),
                Value::Words(words) => words.in_lang(lang),
                Value::List(list) => list
                    .iter()
                    .map(|w| w.in_lang(lang))
                    .collect::<Vec<_>>()
                    .join(&crate::words!("list-separator").in_lang(lang)),
            };
            args.set(*name, FluentValue::from(text));
        }
        lookup_in(lang, self.key, Some(&args))
    }

    /// Said in the language of the request in hand.
    pub fn text(&self) -> String {
        self.in_lang(lang())
    }
}

impl std::fmt::Display for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl serde::Serialize for Words {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.in_lang(Lang::En))
    }
}

/// A message to say later: `words!("file-class-pdf")`, or with values,
/// `words!("file-type-image", format = "PNG")` (text, other [`Words`], or a list of them).
#[macro_export]
macro_rules! words {
    ($key:literal) => {
        $crate::text::Words::new($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::text::Words::new($key)$(.with(stringify!($name), $value))+
    };
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
        Kind::RewardGranted => crate::t!("kind-reward-granted"),
        Kind::ReprisalConfirmed => crate::t!("kind-reprisal-confirmed"),
        Kind::ReprisalReported => crate::t!("kind-reprisal-reported"),
        Kind::IdentityDisclosureRequested => crate::t!("kind-identity-disclosure-requested"),
        Kind::IdentityNoticeWaived => crate::t!("kind-identity-notice-waived"),
        Kind::IdentityDisclosureApproved => crate::t!("kind-identity-disclosure-approved"),
        Kind::IdentityDisclosed => crate::t!("kind-identity-disclosed"),
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
    use std::collections::{BTreeMap, BTreeSet};
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
                // `t!("…"` or `words!("…"` (perhaps across lines), not `format!("…"` and
                // the like.
                let calls = source
                    .match_indices("t!(")
                    .map(|(at, m)| (at, m.len()))
                    .chain(source.match_indices("words!(").map(|(at, m)| (at, m.len())));
                for (at, len) in calls {
                    let word = source[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_');
                    let rest = source[at + len..].trim_start();
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
        let resource = fluent_bundle::FluentResource::try_new(super::Lang::En.source().to_string())
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

    /// The message ids of `lang`'s file, each with the `$variables` its text names.
    fn messages(lang: super::Lang) -> BTreeMap<String, BTreeSet<String>> {
        let source = lang.source();
        let resource = fluent_bundle::FluentResource::try_new(source.to_string()).unwrap_or_else(
            |(_, errors)| panic!("{}/candor.ftl does not parse: {errors:?}", lang.tag()),
        );
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => {
                    let start = source.find(&format!("\n{} =", m.id.name)).unwrap_or(0);
                    let end = source[start + 1..]
                        .find("\n\n")
                        .map_or(source.len(), |e| start + 1 + e);
                    // The text up to the next message's line.
                    let text = source[start + 1..end]
                        .split_inclusive('\n')
                        .enumerate()
                        .take_while(|(i, line)| *i == 0 || line.starts_with([' ', '}', '\t']))
                        .map(|(_, line)| line)
                        .collect::<String>();
                    let variables = text
                        .split('$')
                        .skip(1)
                        .map(|rest| {
                            rest.chars()
                                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                                .collect::<String>()
                        })
                        .collect();
                    Some((m.id.name.to_string(), variables))
                }
                _ => None,
            })
            .collect()
    }

    /// Every language has every English message, no other, each naming the same values,
    /// and each formats without an error.
    #[test]
    fn every_language_has_every_message() {
        let english = messages(super::Lang::En);
        for lang in super::Lang::ALL {
            let theirs = messages(lang);
            let missing: Vec<_> = english
                .keys()
                .filter(|k| !theirs.contains_key(*k))
                .collect();
            let extra: Vec<_> = theirs
                .keys()
                .filter(|k| !english.contains_key(*k))
                .collect();
            assert!(missing.is_empty(), "{}: missing {missing:?}", lang.tag());
            assert!(extra.is_empty(), "{}: not in English {extra:?}", lang.tag());
            for (key, variables) in &english {
                assert_eq!(
                    theirs.get(key),
                    Some(variables),
                    "{}: {key} names other values than the English",
                    lang.tag()
                );
            }
            let bundle = &super::BUNDLES[lang as usize];
            for (key, variables) in &english {
                for n in [0, 1, 2, 3, 5, 11, 21, 100] {
                    let mut args = super::FluentArgs::new();
                    for v in variables {
                        args.set(v.as_str(), super::FluentValue::from(n));
                    }
                    let pattern = bundle
                        .get_message(key)
                        .and_then(|m| m.value())
                        .unwrap_or_else(|| panic!("{}: {key} has no value", lang.tag()));
                    let mut errors = Vec::new();
                    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                    assert!(errors.is_empty(), "{}: {key}: {errors:?}", lang.tag());
                    assert!(!text.trim().is_empty(), "{}: {key} is empty", lang.tag());
                }
            }
        }
    }

    #[test]
    fn paths_in_a_language() {
        use super::{Lang, in_language};
        assert_eq!(in_language(Lang::En, Lang::En, "/submit"), "/submit");
        assert_eq!(in_language(Lang::Fr, Lang::En, "/submit"), "/fr/submit");
        assert_eq!(in_language(Lang::Fr, Lang::En, "/"), "/fr/");
        assert_eq!(
            in_language(Lang::ZhHans, Lang::En, "/case"),
            "/zh-hans/case"
        );
        assert_eq!(in_language(Lang::En, Lang::Ar, "/case"), "/en/case");
        assert_eq!(Lang::parse("ZH-hans"), Some(Lang::ZhHans));
        assert_eq!(Lang::parse("xx"), None);
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.segment()), Some(lang));
            assert_eq!(
                super::BUNDLES[lang as usize].locales[0].to_string(),
                lang.tag()
            );
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
