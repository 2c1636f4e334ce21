//! Settings: a TOML file with `CANDOR_*` environment overrides, validated once at start-up.
//!
//! Every problem is reported as one line that names the setting and says what is wrong,
//! so an operator can fix it without reading code.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use serde::Deserialize;

use candor_core::domain::validate_reviewer_name;

/// Default limit for one submission (the whole form), in bytes: 2 GiB.
pub const DEFAULT_MAX_UPLOAD_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// Smallest accepted `max_upload_bytes`: a form with a short message must fit.
pub const MIN_MAX_UPLOAD_BYTES: u64 = 64 * 1024;
/// Default address the server listens on.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
/// A reporter's session ends after this long without a request.
pub const DEFAULT_SESSION_IDLE: Duration = Duration::from_secs(30 * 60);
/// … and after this long in any case.
pub const DEFAULT_SESSION_MAX: Duration = Duration::from_secs(2 * 60 * 60);
/// Sign-in attempts the whole server accepts per minute (each costs one Argon2id run).
pub const DEFAULT_SIGNIN_PER_MINUTE: u32 = 120;

/// A configuration problem: which setting, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub setting: String,
    pub problem: String,
}

impl ConfigError {
    fn new(setting: impl Into<String>, problem: impl Into<String>) -> Self {
        Self {
            setting: setting.into(),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "setting `{}`: {}", self.setting, self.problem)
    }
}

impl std::error::Error for ConfigError {}

/// Where the server accepts connections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listen {
    Tcp(SocketAddr),
    /// A Unix socket, for Tor's `HiddenServicePort 80 unix:/path.sock`.
    Unix(PathBuf),
}

impl FromStr for Listen {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(path) = s.strip_prefix("unix:") {
            let path = PathBuf::from(path);
            if !path.is_absolute() {
                return Err(
                    "a Unix socket needs an absolute path, as in unix:/run/candor/candor.sock"
                        .into(),
                );
            }
            return Ok(Listen::Unix(path));
        }
        s.parse::<SocketAddr>().map(Listen::Tcp).map_err(|_| {
            "expected HOST:PORT with an IP address (127.0.0.1:8080, [::1]:8080) or unix:/path.sock"
                .into()
        })
    }
}

impl fmt::Display for Listen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Listen::Tcp(addr) => write!(f, "{addr}"),
            Listen::Unix(path) => write!(f, "unix:{}", path.display()),
        }
    }
}

/// A reviewer of the body: a name (for the audit trail) and the age recipient that every
/// report is encrypted to; an identity custodian holds a layer of every identity statement.
#[derive(Debug, Clone)]
pub struct Reviewer {
    pub name: String,
    pub recipient: age::x25519::Recipient,
    pub custodian: bool,
}

/// The identity lane (`[identity]` and the reviewers marked `custodian = true`): whether
/// reporters may give an identity statement, and who together can open it.
#[derive(Debug, Clone)]
pub struct IdentityLane {
    pub custodians: candor_core::identity::Custodians,
    /// Days between a disclosure request and the earliest disclosure (`notice_days`).
    pub notice_days: u16,
}

/// The independent body that runs this instance.
#[derive(Debug, Clone)]
pub struct Body {
    pub name: String,
    /// The body's decision-signing key in C2SP vkey form (used once decisions are logged).
    pub decision_key: Option<String>,
    /// The witnesses whose cosignatures of the log's checkpoints the server accepts and
    /// publishes (cosignature/v1 vkeys, e.g. the body's `witness.vkey`); none by default.
    pub witness_keys: Vec<String>,
}

/// Validated settings.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: Listen,
    /// Where the reviewer API is served when it has a listener of its own (a second onion
    /// service with client authorization); `None`: on `listen`, next to the reporter pages.
    pub reviewer_listen: Option<Listen>,
    pub data_dir: PathBuf,
    pub database_url: String,
    /// The folder of ciphertext files (`blob_dir`; by default `data_dir/blobs`).
    pub blob_dir: PathBuf,
    pub max_upload_bytes: u64,
    /// The sealed status log's origin (C2SP checkpoint origin line; also its key's name).
    pub log_origin: String,
    /// How often pending log entries are integrated and a checkpoint signed.
    pub log_interval: Duration,
    pub onion_address: Option<String>,
    pub session_idle_timeout: Duration,
    pub session_max_age: Duration,
    pub signin_attempts_per_minute: u32,
    /// Connections served at once per listener; more wait in the kernel's queue.
    pub max_connections: usize,
    /// How long a reviewer's bearer token is valid.
    pub reviewer_token_lifetime: Duration,
    /// Months from the report to the feedback deadline: 3, or up to 6 where the law allows.
    pub feedback_months: u8,
    /// Closed cases are deleted this many months after their last message (`[retention]
    /// closed_after_months`); `None`: kept until deleted by hand.
    pub retention_months: Option<u8>,
    /// Published statistics show counts from 1 to this minus one as "fewer than N"
    /// (`[transparency] suppress_below`, 5 by default).
    pub suppress_below: u64,
    /// The language of `/` and of every address without a language segment
    /// (`default_language`, a tag such as `fr` or `zh-Hans`; English by default).
    pub default_language: candor_ui::text::Lang,
    pub body: Body,
    pub reviewers: Vec<Reviewer>,
    /// `None` when no reviewer is a custodian: reporters are offered no identity section.
    pub identity: Option<IdentityLane>,
    /// Witnesses the server sends each new checkpoint to (tlog-witness v1).
    pub witnesses: Vec<Witness>,
}

/// A witness of the log: `[[witnesses]] name, url, vkey` (and `proxy` for an onion).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Witness {
    pub name: String,
    /// Its `add-checkpoint` URL, e.g. `http://xxxx.onion/add-checkpoint`.
    pub url: String,
    /// Its cosignature/v1 verifier key.
    pub vkey: String,
    /// A SOCKS proxy to reach it (`socks5h://127.0.0.1:9050` for an onion).
    pub proxy: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    listen: Option<String>,
    reviewer_listen: Option<String>,
    data_dir: Option<PathBuf>,
    database_url: Option<String>,
    blob_dir: Option<PathBuf>,
    max_upload_bytes: Option<u64>,
    log_origin: Option<String>,
    log_interval: Option<String>,
    onion_address: Option<String>,
    session_idle_timeout: Option<String>,
    session_max_age: Option<String>,
    signin_attempts_per_minute: Option<u32>,
    max_connections: Option<usize>,
    reviewer_token_lifetime: Option<String>,
    feedback_months: Option<u8>,
    default_language: Option<String>,
    body: Option<RawBody>,
    #[serde(default)]
    reviewers: Vec<RawReviewer>,
    #[serde(default)]
    witnesses: Vec<RawWitness>,
    retention: Option<RawRetention>,
    transparency: Option<RawTransparency>,
    identity: Option<RawIdentity>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIdentity {
    threshold: Option<usize>,
    notice_days: Option<u16>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTransparency {
    suppress_below: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRetention {
    closed_after_months: Option<u8>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWitness {
    name: Option<String>,
    url: Option<String>,
    vkey: Option<String>,
    proxy: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBody {
    name: Option<String>,
    decision_key: Option<String>,
    witness_keys: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReviewer {
    name: Option<String>,
    recipient: Option<String>,
    custodian: Option<bool>,
}

/// Default number of custodians who must agree to open an identity statement.
pub const DEFAULT_IDENTITY_THRESHOLD: usize = 2;
/// Default days between a disclosure request and the earliest disclosure.
pub const DEFAULT_NOTICE_DAYS: u16 = 7;

fn identity_lane(
    reviewers: &[Reviewer],
    raw: RawIdentity,
) -> Result<Option<IdentityLane>, ConfigError> {
    let members: Vec<(String, age::x25519::Recipient)> = reviewers
        .iter()
        .filter(|r| r.custodian)
        .map(|r| (r.name.clone(), r.recipient.clone()))
        .collect();
    let threshold = raw.threshold.unwrap_or(DEFAULT_IDENTITY_THRESHOLD);
    let notice_days = raw.notice_days.unwrap_or(DEFAULT_NOTICE_DAYS);
    if notice_days > 90 {
        return Err(ConfigError::new("identity.notice_days", "at most 90 days"));
    }
    if members.is_empty() {
        return Ok(None);
    }
    let count = members.len();
    let custodians = candor_core::identity::Custodians::new(threshold, members).map_err(|e| {
        ConfigError::new(
            "identity.threshold",
            format!(
                "{e} ({count} reviewers have custodian = true; no single key may open an identity statement)"
            ),
        )
    })?;
    Ok(Some(IdentityLane {
        custodians,
        notice_days,
    }))
}

impl Config {
    /// Loads the file at `path` (which must exist), then applies `CANDOR_*` environment
    /// overrides (`CANDOR_LISTEN`, `CANDOR_BODY__NAME`, …), then validates.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        if !path.is_file() {
            return Err(ConfigError::new(
                "config",
                format!("no configuration file at {}", path.display()),
            ));
        }
        let figment = Figment::new()
            .merge(Toml::file_exact(path))
            .merge(env_provider());
        Self::from_figment(figment)
    }

    /// Parses and validates a configuration given as TOML text (no environment overrides).
    pub fn from_toml_str(text: &str) -> Result<Config, ConfigError> {
        Self::from_figment(Figment::new().merge(Toml::string(text)))
    }

    fn from_figment(figment: Figment) -> Result<Config, ConfigError> {
        let raw: RawConfig = figment.extract().map_err(figment_error)?;
        raw.validate()
    }

    /// The reviewers' recipients, in configuration order.
    pub fn reviewer_recipients(&self) -> Vec<age::x25519::Recipient> {
        self.reviewers.iter().map(|r| r.recipient.clone()).collect()
    }
}

fn env_provider() -> Env {
    // `CANDOR_LOG` selects log verbosity and is not a setting of this file.
    Env::prefixed("CANDOR_").ignore(&["log"]).split("__")
}

fn figment_error(err: figment::Error) -> ConfigError {
    // Report the first problem only: one clear line.
    let err = err.into_iter().next();
    let Some(err) = err else {
        return ConfigError::new("config", "the configuration could not be read");
    };
    let setting = if err.path.is_empty() {
        "config".to_string()
    } else {
        err.path.join(".")
    };
    let problem = match &err.kind {
        figment::error::Kind::UnknownField(field, _) => {
            let setting = if err.path.last() == Some(field) {
                setting
            } else if err.path.is_empty() {
                field.clone()
            } else {
                format!("{setting}.{field}")
            };
            return ConfigError::new(
                setting,
                "unknown setting (check the spelling against README.md)",
            );
        }
        figment::error::Kind::Message(msg) => {
            // The TOML parser puts its whole report in one message; keep its first line.
            msg.lines()
                .next()
                .unwrap_or("could not be parsed")
                .to_string()
        }
        other => other.to_string(),
    };
    ConfigError::new(setting, problem)
}

impl RawConfig {
    fn validate(self) -> Result<Config, ConfigError> {
        let listen = match self.listen {
            None => Listen::Tcp(SocketAddr::from(([127, 0, 0, 1], 8080))),
            Some(s) => s
                .trim()
                .parse()
                .map_err(|e| ConfigError::new("listen", e))?,
        };
        let reviewer_listen = match self.reviewer_listen {
            None => None,
            Some(s) => {
                let parsed: Listen = s
                    .trim()
                    .parse()
                    .map_err(|e| ConfigError::new("reviewer_listen", e))?;
                if parsed == listen {
                    return Err(ConfigError::new(
                        "reviewer_listen",
                        "must differ from `listen`; leave it out to serve the reviewer API on `listen`",
                    ));
                }
                Some(parsed)
            }
        };

        let data_dir = self.data_dir.ok_or_else(|| {
            ConfigError::new(
                "data_dir",
                "missing: set the directory that holds the database and keys",
            )
        })?;
        if data_dir.as_os_str().is_empty() {
            return Err(ConfigError::new("data_dir", "must not be empty"));
        }

        let database_url = match self.database_url {
            None => format!("sqlite://{}", data_dir.join("candor.db").display()),
            Some(url) => {
                if candor_store::sql::Backend::of(&url).is_none() {
                    return Err(ConfigError::new(
                        "database_url",
                        "expected sqlite://PATH or postgres://… (or leave it unset for SQLite in data_dir)",
                    ));
                }
                url
            }
        };
        let blob_dir = match self.blob_dir {
            None => data_dir.join("blobs"),
            Some(dir) if dir.as_os_str().is_empty() => {
                return Err(ConfigError::new("blob_dir", "must not be empty"));
            }
            Some(dir) => dir,
        };

        let max_upload_bytes = self.max_upload_bytes.unwrap_or(DEFAULT_MAX_UPLOAD_BYTES);
        if max_upload_bytes < MIN_MAX_UPLOAD_BYTES {
            return Err(ConfigError::new(
                "max_upload_bytes",
                format!("must be at least {MIN_MAX_UPLOAD_BYTES} bytes"),
            ));
        }

        let onion_address = match self.onion_address {
            None => None,
            Some(addr) => Some(validate_onion(&addr)?),
        };
        let log_origin = match self.log_origin {
            Some(origin) => validate_log_origin(&origin)?,
            None => match &onion_address {
                Some(onion) => format!("{onion}/log"),
                None => "candor.localhost/log".to_string(),
            },
        };
        // Once a day by default: the public log then grows at most daily, so its growth
        // does not time anyone's action more finely than the entries' own days.
        let log_interval = parse_duration(
            "log_interval",
            self.log_interval.as_deref(),
            Duration::from_secs(86_400),
        )?;

        let session_idle_timeout = parse_duration(
            "session_idle_timeout",
            self.session_idle_timeout.as_deref(),
            DEFAULT_SESSION_IDLE,
        )?;
        let session_max_age = parse_duration(
            "session_max_age",
            self.session_max_age.as_deref(),
            DEFAULT_SESSION_MAX,
        )?;
        if session_max_age < session_idle_timeout {
            return Err(ConfigError::new(
                "session_max_age",
                "must not be shorter than session_idle_timeout",
            ));
        }
        let reviewer_token_lifetime = parse_duration(
            "reviewer_token_lifetime",
            self.reviewer_token_lifetime.as_deref(),
            Duration::from_secs(3600),
        )?;
        let signin_attempts_per_minute = self
            .signin_attempts_per_minute
            .unwrap_or(DEFAULT_SIGNIN_PER_MINUTE);
        if signin_attempts_per_minute == 0 {
            return Err(ConfigError::new(
                "signin_attempts_per_minute",
                "must be at least 1",
            ));
        }
        let max_connections = self.max_connections.unwrap_or(1024);
        if !(1..=65_536).contains(&max_connections) {
            return Err(ConfigError::new(
                "max_connections",
                "must be between 1 and 65536",
            ));
        }
        let feedback_months = self.feedback_months.unwrap_or(3);
        if !(3..=6).contains(&feedback_months) {
            return Err(ConfigError::new(
                "feedback_months",
                "must be between 3 and 6 (EU Directive 2019/1937, Art. 11)",
            ));
        }

        let retention_months = self.retention.and_then(|r| r.closed_after_months);
        if retention_months.is_some_and(|m| m > 120) {
            return Err(ConfigError::new(
                "retention.closed_after_months",
                "must be between 0 and 120",
            ));
        }

        let suppress_below = self
            .transparency
            .and_then(|t| t.suppress_below)
            .unwrap_or(candor_log::stats::DEFAULT_SUPPRESS_BELOW);
        if !(1..=100).contains(&suppress_below) {
            return Err(ConfigError::new(
                "transparency.suppress_below",
                "must be between 1 (publish every count) and 100",
            ));
        }

        let default_language = match self.default_language.as_deref() {
            None => candor_ui::text::Lang::En,
            Some(tag) => candor_ui::text::Lang::parse(tag.trim()).ok_or_else(|| {
                ConfigError::new(
                    "default_language",
                    format!("must be one of {}", candor_ui::text::Lang::tags()),
                )
            })?,
        };

        let raw_body = self.body.unwrap_or_default();
        let body_name = raw_body
            .name
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .ok_or_else(|| {
                ConfigError::new(
                    "body.name",
                    "missing: the name of the body, shown to reporters",
                )
            })?;
        if body_name.chars().count() > 200 || body_name.chars().any(char::is_control) {
            return Err(ConfigError::new(
                "body.name",
                "must be one line of at most 200 characters",
            ));
        }
        let decision_key = match raw_body.decision_key {
            None => None,
            Some(k) if k.trim().is_empty() => None,
            Some(k) => {
                let k = k.trim().to_string();
                if k.len() > 1000 || k.chars().any(|c| c.is_whitespace() || c.is_control()) {
                    return Err(ConfigError::new(
                        "body.decision_key",
                        "expected a C2SP verifier key (name+hex+base64) on one line",
                    ));
                }
                Some(k)
            }
        };

        let mut witness_keys = Vec::new();
        for (i, key) in raw_body
            .witness_keys
            .unwrap_or_default()
            .into_iter()
            .enumerate()
        {
            let key = key.trim().to_string();
            match candor_log::note::Verifier::from_vkey(&key) {
                Ok(v) if v.key_type() == candor_log::note::KeyType::CosignatureV1 => {
                    witness_keys.push(key)
                }
                _ => {
                    return Err(ConfigError::new(
                        format!("body.witness_keys[{i}]"),
                        "expected a witness's cosignature/v1 verifier key (name+hex+base64), like the body's witness.vkey",
                    ));
                }
            }
        }

        if self.reviewers.is_empty() {
            return Err(ConfigError::new(
                "reviewers",
                "no reviewer configured: add a [[reviewers]] entry with a name and an age1… recipient (see `candor keygen reviewer`)",
            ));
        }
        let mut reviewers: Vec<Reviewer> = Vec::with_capacity(self.reviewers.len());
        for (i, raw) in self.reviewers.into_iter().enumerate() {
            let name = raw
                .name
                .map(|n| n.trim().to_string())
                .ok_or_else(|| ConfigError::new(format!("reviewers[{i}].name"), "missing"))?;
            validate_reviewer_name(&name)
                .map_err(|e| ConfigError::new(format!("reviewers[{i}].name"), e))?;
            if reviewers.iter().any(|r| r.name == name) {
                return Err(ConfigError::new(
                    format!("reviewers[{i}].name"),
                    format!("the name {name:?} is used twice"),
                ));
            }
            let recipient_text = raw
                .recipient
                .map(|r| r.trim().to_string())
                .ok_or_else(|| ConfigError::new(format!("reviewers[{i}].recipient"), "missing"))?;
            let recipient = parse_recipient(&recipient_text)
                .map_err(|e| ConfigError::new(format!("reviewers[{i}].recipient"), e))?;
            if reviewers
                .iter()
                .any(|r| r.recipient.to_string() == recipient.to_string())
            {
                return Err(ConfigError::new(
                    format!("reviewers[{i}].recipient"),
                    "this recipient is already configured for another reviewer",
                ));
            }
            reviewers.push(Reviewer {
                name,
                recipient,
                custodian: raw.custodian.unwrap_or(false),
            });
        }
        let identity = identity_lane(&reviewers, self.identity.unwrap_or_default())?;

        let mut witnesses: Vec<Witness> = Vec::new();
        for (i, raw) in self.witnesses.into_iter().enumerate() {
            let field = |name: &str| format!("witnesses[{i}].{name}");
            let name = raw
                .name
                .map(|n| n.trim().to_string())
                .filter(|n| candor_log::note::is_valid_key_name(n))
                .ok_or_else(|| ConfigError::new(field("name"), "a name without spaces or '+'"))?;
            let url = raw
                .url
                .map(|u| u.trim().to_string())
                .filter(|u| {
                    (u.starts_with("http://") || u.starts_with("https://"))
                        && !u.chars().any(char::is_whitespace)
                })
                .ok_or_else(|| {
                    ConfigError::new(
                        field("url"),
                        "an http:// or https:// address of its add-checkpoint",
                    )
                })?;
            let vkey = raw.vkey.map(|k| k.trim().to_string()).unwrap_or_default();
            match candor_log::note::Verifier::from_vkey(&vkey) {
                Ok(v) if v.key_type() == candor_log::note::KeyType::CosignatureV1 => {}
                _ => {
                    return Err(ConfigError::new(
                        field("vkey"),
                        "expected the witness's cosignature/v1 verifier key (its witness.vkey)",
                    ));
                }
            }
            let proxy = raw.proxy.map(|p| p.trim().to_string());
            if proxy.as_ref().is_some_and(|p| !p.starts_with("socks5h://")) {
                return Err(ConfigError::new(
                    field("proxy"),
                    "a socks5h:// address (Tor resolves the onion)",
                ));
            }
            if witnesses.iter().any(|w| w.name == name) {
                return Err(ConfigError::new(field("name"), "used twice"));
            }
            witnesses.push(Witness {
                name,
                url,
                vkey,
                proxy,
            });
        }

        Ok(Config {
            listen,
            reviewer_listen,
            data_dir,
            database_url,
            blob_dir,
            max_upload_bytes,
            log_origin,
            log_interval,
            onion_address,
            session_idle_timeout,
            session_max_age,
            signin_attempts_per_minute,
            max_connections,
            reviewer_token_lifetime,
            feedback_months,
            retention_months,
            suppress_below,
            default_language,
            body: Body {
                name: body_name,
                decision_key,
                witness_keys,
            },
            reviewers,
            identity,
            witnesses,
        })
    }
}

fn parse_duration(
    setting: &str,
    text: Option<&str>,
    default: Duration,
) -> Result<Duration, ConfigError> {
    let Some(text) = text else { return Ok(default) };
    let d = humantime::parse_duration(text.trim())
        .map_err(|_| ConfigError::new(setting, "expected a duration such as 30m, 2h or 90s"))?;
    if d < Duration::from_secs(1) || d > Duration::from_secs(7 * 24 * 3600) {
        return Err(ConfigError::new(setting, "must be between 1s and 7 days"));
    }
    Ok(d)
}

/// Parses an age X25519 recipient (`age1…`), with a message fit for an operator.
pub fn parse_recipient(text: &str) -> Result<age::x25519::Recipient, String> {
    if !text.starts_with("age1") {
        return Err("expected an age X25519 recipient starting with age1… (the .pub file written by `candor keygen reviewer`)".into());
    }
    text.parse::<age::x25519::Recipient>().map_err(|_| {
        "not a valid age X25519 recipient (age1…): check that it was copied whole".into()
    })
}

fn validate_log_origin(origin: &str) -> Result<String, ConfigError> {
    let origin = origin.trim();
    // C2SP tlog-checkpoint: the origin is a schema-less URL, one line, no spaces.
    if origin.is_empty()
        || origin.len() > 255
        || origin.contains("://")
        || origin
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '+')
    {
        return Err(ConfigError::new(
            "log_origin",
            "expected a schema-less URL such as reports.example.org/log (no spaces, no '+', no scheme)",
        ));
    }
    Ok(origin.to_string())
}

fn validate_onion(addr: &str) -> Result<String, ConfigError> {
    let addr = addr.trim().trim_end_matches('/');
    let host = addr
        .strip_prefix("http://")
        .or_else(|| addr.strip_prefix("https://"))
        .unwrap_or(addr);
    let valid = host
        .strip_suffix(".onion")
        .map(|label| {
            label.len() == 56
                && label
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || ('2'..='7').contains(&c))
        })
        .unwrap_or(false);
    if !valid {
        return Err(ConfigError::new(
            "onion_address",
            "expected a v3 onion address: 56 base32 characters followed by .onion",
        ));
    }
    Ok(host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECIPIENT: &str = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

    fn minimal(extra: &str) -> String {
        format!(
            "data_dir = \"/tmp/x\"\n{extra}\n[body]\nname = \"Body\"\n[[reviewers]]\nname = \"alice\"\nrecipient = \"{RECIPIENT}\"\n"
        )
    }

    #[test]
    fn minimal_config_gets_defaults() {
        let c = Config::from_toml_str(&minimal("")).expect("valid");
        assert_eq!(
            c.listen,
            Listen::Tcp("127.0.0.1:8080".parse().expect("addr"))
        );
        assert_eq!(c.max_upload_bytes, DEFAULT_MAX_UPLOAD_BYTES);
        assert_eq!(c.database_url, "sqlite:///tmp/x/candor.db");
        assert_eq!(c.blob_dir, PathBuf::from("/tmp/x/blobs"));
        let pg = Config::from_toml_str(&minimal(
            "database_url = \"postgres://candor@localhost/candor?host=/run/postgresql\"\nblob_dir = \"/srv/blobs\"",
        ))
        .expect("PostgreSQL");
        assert!(pg.database_url.starts_with("postgres://"));
        assert_eq!(pg.blob_dir, PathBuf::from("/srv/blobs"));
        assert_eq!(c.reviewers.len(), 1);
        assert_eq!(c.session_idle_timeout, DEFAULT_SESSION_IDLE);
        assert_eq!(c.feedback_months, 3);
        let c = Config::from_toml_str(&minimal(
            "session_idle_timeout = \"2s\"\nsession_max_age = \"5s\"\nfeedback_months = 6",
        ))
        .expect("valid");
        assert_eq!(c.session_idle_timeout, Duration::from_secs(2));
        assert_eq!(c.session_max_age, Duration::from_secs(5));
        assert_eq!(c.feedback_months, 6);
    }

    #[test]
    fn unix_listen() {
        let c = Config::from_toml_str(&minimal("listen = \"unix:/run/c.sock\"")).expect("valid");
        assert_eq!(c.listen, Listen::Unix("/run/c.sock".into()));
        let e =
            Config::from_toml_str(&minimal("listen = \"unix:rel.sock\"")).expect_err("relative");
        assert_eq!(e.setting, "listen");
    }

    #[test]
    fn witness_keys_must_be_cosignature_keys() {
        let c = Config::from_toml_str(&minimal("")).expect("valid");
        assert!(c.body.witness_keys.is_empty(), "none accepted by default");
        let signer = candor_log::keys::generate_signer("body").expect("signer");
        let witness = candor_log::keys::witness_for(&signer)
            .expect("witness")
            .verifier()
            .to_vkey();
        let with = |keys: &str| {
            format!(
                "data_dir = \"/tmp/x\"\n[body]\nname = \"Body\"\nwitness_keys = [{keys}]\n[[reviewers]]\nname = \"alice\"\nrecipient = \"{RECIPIENT}\"\n"
            )
        };
        let c = Config::from_toml_str(&with(&format!("\"{witness}\""))).expect("valid");
        assert_eq!(c.body.witness_keys, vec![witness]);
        // A decision (Ed25519 note) key is not a witness key, nor is garbage.
        let decision = signer.verifier().to_vkey();
        for bad in [format!("\"{decision}\""), "\"nonsense\"".to_string()] {
            let e = Config::from_toml_str(&with(&bad)).expect_err("refused");
            assert_eq!(e.setting, "body.witness_keys[0]", "{bad}");
        }
    }

    #[test]
    fn reviewer_listener() {
        let c = Config::from_toml_str(&minimal("")).expect("valid");
        assert_eq!(
            c.reviewer_listen, None,
            "the API shares the listener by default"
        );
        let c = Config::from_toml_str(&minimal(
            "listen = \"unix:/run/c.sock\"\nreviewer_listen = \"unix:/run/r.sock\"",
        ))
        .expect("valid");
        assert_eq!(c.reviewer_listen, Some(Listen::Unix("/run/r.sock".into())));
        for bad in [
            "reviewer_listen = \"127.0.0.1:8080\"",
            "reviewer_listen = \"nowhere\"",
        ] {
            let e = Config::from_toml_str(&minimal(bad)).expect_err(bad);
            assert_eq!(e.setting, "reviewer_listen", "{bad}");
        }
    }

    #[test]
    fn errors_name_the_setting() {
        let cases = [
            ("data_dir = \"/x\"\n[body]\nname=\"B\"\n", "reviewers"),
            (
                &*minimal("").replace(RECIPIENT, "age1notakey"),
                "reviewers[0].recipient",
            ),
            (
                &*minimal("").replace(RECIPIENT, "ssh-ed25519 AAAA"),
                "reviewers[0].recipient",
            ),
            (&*minimal("listen = \"localhost\""), "listen"),
            (&*minimal("max_upload_bytes = 10"), "max_upload_bytes"),
            (&*minimal("max_upload_bytes = \"big\""), "max_upload_bytes"),
            (&*minimal("colour = 1"), "colour"),
            (
                &*minimal("onion_address = \"example.com\""),
                "onion_address",
            ),
            (&*minimal("log_origin = \"https://x/log\""), "log_origin"),
            (&*minimal("database_url = \"mysql://x\""), "database_url"),
            (
                &*minimal("session_idle_timeout = \"soon\""),
                "session_idle_timeout",
            ),
            (&*minimal("session_max_age = \"1m\""), "session_max_age"),
            (&*minimal("feedback_months = 7"), "feedback_months"),
            (&*minimal("default_language = \"xx\""), "default_language"),
            (
                &*minimal("[retention]\nclosed_after_months = 121"),
                "retention.closed_after_months",
            ),
            (
                &*minimal("[transparency]\nsuppress_below = 0"),
                "transparency.suppress_below",
            ),
            (
                &*minimal("signin_attempts_per_minute = 0"),
                "signin_attempts_per_minute",
            ),
            (&*minimal("max_connections = 0"), "max_connections"),
            (
                &*minimal("").replace("data_dir = \"/tmp/x\"", ""),
                "data_dir",
            ),
            (&*minimal("").replace("name = \"Body\"", ""), "body.name"),
            (
                &*minimal("").replace("name = \"alice\"", "name = \"a b\""),
                "reviewers[0].name",
            ),
        ];
        for (text, setting) in cases {
            let e = Config::from_toml_str(text).expect_err(text);
            assert_eq!(e.setting, setting, "{text}: {e}");
            assert!(!e.to_string().contains('\n'), "one line: {e}");
        }
    }

    #[test]
    fn identity_custodians_and_threshold() {
        let custodian = |name: &str| {
            let r = age::x25519::Identity::generate().to_public();
            format!("[[reviewers]]\nname = \"{name}\"\nrecipient = \"{r}\"\ncustodian = true\n")
        };
        let three = format!("{}{}{}", custodian("c1"), custodian("c2"), custodian("c3"));
        let c = Config::from_toml_str(&format!("{}{three}", minimal(""))).expect("ok");
        let lane = c.identity.expect("the lane is on");
        assert_eq!(lane.custodians.threshold(), DEFAULT_IDENTITY_THRESHOLD);
        assert_eq!(lane.custodians.names(), ["c1", "c2", "c3"]);
        assert_eq!(lane.notice_days, DEFAULT_NOTICE_DAYS);
        assert!(
            Config::from_toml_str(&minimal(""))
                .expect("ok")
                .identity
                .is_none()
        );
        // One key alone may never open a statement; two custodians cannot meet a threshold
        // of three; too many copies; a notice longer than a quarter.
        for (identity, custodians) in [
            ("[identity]\nthreshold = 1\n", three.clone()),
            ("", custodian("c1")),
            (
                "[identity]\nthreshold = 3\n",
                format!("{}{}", custodian("c1"), custodian("c2")),
            ),
            (
                "[identity]\nthreshold = 4\n",
                (0..7)
                    .map(|i| custodian(&format!("c{i}")))
                    .collect::<String>(),
            ),
        ] {
            let e = Config::from_toml_str(&format!("{}{identity}{custodians}", minimal("")))
                .expect_err("refused");
            assert_eq!(e.setting, "identity.threshold", "{e}");
        }
        let e = Config::from_toml_str(&format!(
            "{}[identity]\nnotice_days = 91\n{three}",
            minimal("")
        ))
        .expect_err("refused");
        assert_eq!(e.setting, "identity.notice_days");
    }

    #[test]
    fn duplicate_reviewers_rejected() {
        let text = format!(
            "{}[[reviewers]]\nname = \"alice\"\nrecipient = \"{RECIPIENT}\"\n",
            minimal("")
        );
        let e = Config::from_toml_str(&text).expect_err("duplicate");
        assert_eq!(e.setting, "reviewers[1].name");
    }

    #[test]
    fn onion_address_normalized() {
        let onion = format!("http://{}.onion/", "a".repeat(56));
        let c =
            Config::from_toml_str(&minimal(&format!("onion_address = \"{onion}\""))).expect("ok");
        assert_eq!(c.onion_address, Some(format!("{}.onion", "a".repeat(56))));
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in ".{0,400}") {
            let _ = Config::from_toml_str(&text);
        }

        #[test]
        fn arbitrary_listen_never_panics(text in ".{0,80}") {
            let _ = text.parse::<Listen>();
        }
    }
}
