//! What a workstation trusts about a server, kept on the workstation: the reviewers'
//! recipients and each case's reporter recipient.
//!
//! Everything the workstation seals is encrypted to recipients the server names. A server
//! taken over by an attacker could add its own `age1…` key to the list of reviewers, or
//! swap a reporter's recipient, and then read every reply sealed afterwards (or a whole
//! case re-encrypted by `grant`). So the workstation pins what it saw first (trust on first
//! use, like SSH's `known_hosts`) and refuses to seal to anything else until a reviewer
//! confirms a change of reviewers. A case's reporter recipient never changes (it is derived
//! from the receipt code), so a change there is refused for good.
//!
//! The file (`trust`, mode 0600, in the per-server state folder) is plain text:
//!
//! ```text
//! candor.trust/v1
//! reviewer alice age1…
//! case 7KQ2-M9XD-PA3F age1…
//! holder 7KQ2-M9XD-PA3F candor-holder+…
//! ```
//!
//! A case's holder key (the reporter's key that certificates are bound to, derived from
//! the receipt code too) is pinned the same way, the first time a decision names it.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use age::x25519::Recipient;

use candor_core::api::ReviewerInfo;

const HEADER: &str = "candor.trust/v1";
const FILE: &str = "trust";

/// Why the workstation will not seal to the server's recipients.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrustError {
    #[error(
        "the server's list of reviewers differs from the one this workstation trusts ({0}); nothing is encrypted to it until a reviewer confirms the change on the Reviewers page (or with `candor review trust`)"
    )]
    ReviewersChanged(String),
    #[error(
        "the server now gives case {0} a different reporter key than before; a reporter's key never changes, so this server may be compromised: nothing is encrypted to it"
    )]
    ReporterChanged(String),
    #[error(
        "the server now gives case {0} a different holder key than before; a reporter's holder key never changes, so this server may be compromised: no decision is bound to it"
    )]
    HolderChanged(String),
    #[error("the server lists an invalid recipient for {0}")]
    Invalid(String),
    #[error("the trust file {0}")]
    File(String),
}

/// One difference between the trusted reviewers and the server's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Added {
        name: String,
        recipient: String,
    },
    Removed {
        name: String,
        recipient: String,
    },
    KeyChanged {
        name: String,
        from: String,
        to: String,
    },
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Change::Added { name, recipient } => write!(f, "added {name} ({recipient})"),
            Change::Removed { name, recipient } => write!(f, "removed {name} ({recipient})"),
            Change::KeyChanged { name, from, to } => {
                write!(f, "{name}'s key changed from {from} to {to}")
            }
        }
    }
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Trusted {
    reviewers: BTreeMap<String, String>,
    cases: BTreeMap<String, String>,
    holders: BTreeMap<String, String>,
}

impl Trusted {
    fn parse(text: &str) -> Result<Trusted, String> {
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Err(format!("does not start with {HEADER}"));
        }
        let mut trusted = Trusted::default();
        for line in lines.filter(|l| !l.is_empty()) {
            let mut fields = line.split(' ');
            let (Some(kind), Some(key), Some(recipient), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err("has a malformed line".into());
            };
            let valid = match kind {
                "holder" => candor_log::note::Verifier::from_vkey(recipient).is_ok(),
                _ => recipient.parse::<Recipient>().is_ok(),
            };
            if !valid {
                return Err("holds an invalid recipient".into());
            }
            let map = match kind {
                "reviewer" => &mut trusted.reviewers,
                "case" => &mut trusted.cases,
                "holder" => &mut trusted.holders,
                _ => return Err("has a line of unknown kind".into()),
            };
            if map.insert(key.to_string(), recipient.to_string()).is_some() {
                return Err("names the same reviewer or case twice".into());
            }
        }
        Ok(trusted)
    }

    fn to_text(&self) -> String {
        let mut out = format!("{HEADER}\n");
        for (name, recipient) in &self.reviewers {
            out.push_str(&format!("reviewer {name} {recipient}\n"));
        }
        for (reference, recipient) in &self.cases {
            out.push_str(&format!("case {reference} {recipient}\n"));
        }
        for (reference, key) in &self.holders {
            out.push_str(&format!("holder {reference} {key}\n"));
        }
        out
    }
}

/// The trust file of one server.
pub struct TrustStore {
    path: PathBuf,
    trusted: Mutex<Trusted>,
}

impl TrustStore {
    /// Opens (or starts) the trust file in `dir`, a folder of this server's state.
    pub fn open(dir: &Path) -> Result<TrustStore, TrustError> {
        super::private_dir(dir).map_err(|e| {
            TrustError::File(format!("folder {} cannot be made: {e}", dir.display()))
        })?;
        let path = dir.join(FILE);
        let trusted = if path.exists() {
            let text = fs::read_to_string(&path)
                .map_err(|e| TrustError::File(format!("{} cannot be read: {e}", path.display())))?;
            Trusted::parse(&text)
                .map_err(|e| TrustError::File(format!("{} {e}", path.display())))?
        } else {
            Trusted::default()
        };
        Ok(TrustStore {
            path,
            trusted: Mutex::new(trusted),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Trusted> {
        self.trusted.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn save(&self, trusted: &Trusted) -> Result<(), TrustError> {
        let err = |e: std::io::Error| {
            TrustError::File(format!("{} cannot be written: {e}", self.path.display()))
        };
        let tmp = self.path.with_extension("new");
        let _ = fs::remove_file(&tmp);
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)
            .map_err(err)?;
        f.write_all(trusted.to_text().as_bytes()).map_err(err)?;
        f.sync_all().map_err(err)?;
        fs::rename(&tmp, &self.path).map_err(err)
    }

    /// The trusted reviewers (name and recipient).
    pub fn reviewers(&self) -> Vec<(String, String)> {
        self.lock()
            .reviewers
            .iter()
            .map(|(n, r)| (n.clone(), r.clone()))
            .collect()
    }

    /// How the server's list differs from the trusted one (empty when they agree, or when
    /// nothing is trusted yet).
    pub fn changes(&self, server: &[ReviewerInfo]) -> Vec<Change> {
        let trusted = self.lock();
        if trusted.reviewers.is_empty() {
            return Vec::new();
        }
        diff(&trusted.reviewers, server)
    }

    /// The reviewers' recipients, if the server's list is the trusted one. On first use
    /// the server's list becomes the trusted one.
    pub fn reviewer_recipients(
        &self,
        server: &[ReviewerInfo],
    ) -> Result<Vec<Recipient>, TrustError> {
        let recipients = parse_all(server)?;
        let mut trusted = self.lock();
        if trusted.reviewers.is_empty() {
            let mut next = trusted.clone();
            next.reviewers = as_map(server);
            self.save(&next)?;
            *trusted = next;
            return Ok(recipients);
        }
        let changes = diff(&trusted.reviewers, server);
        if changes.is_empty() {
            Ok(recipients)
        } else {
            Err(TrustError::ReviewersChanged(describe(&changes)))
        }
    }

    /// Trusts the server's list of reviewers from now on (after a reviewer confirmed it).
    /// `expected` is the [`fingerprint`] of the changes the reviewer saw: if the server's
    /// list changed again since, nothing is trusted.
    pub fn accept_reviewers(
        &self,
        server: &[ReviewerInfo],
        expected: &str,
    ) -> Result<(), TrustError> {
        parse_all(server)?;
        let mut trusted = self.lock();
        let changes = if trusted.reviewers.is_empty() {
            Vec::new()
        } else {
            diff(&trusted.reviewers, server)
        };
        if fingerprint(&changes) != expected {
            return Err(TrustError::ReviewersChanged(format!(
                "it changed again while you were looking: {}",
                describe(&changes)
            )));
        }
        let mut next = trusted.clone();
        next.reviewers = as_map(server);
        self.save(&next)?;
        *trusted = next;
        Ok(())
    }

    /// Pins the reporter key, and the holder key once the server names one, of every case
    /// seen for the first time (`(reference, reporter recipient, holder key)`), in one
    /// write. A key that differs from the pinned one is left as it is (sealing to that case,
    /// or binding a decision to that holder, is then refused: see
    /// [`TrustStore::reporter_recipient`], [`TrustStore::holder_key`]); an invalid one is
    /// not pinned.
    pub fn pin_cases<'a>(
        &self,
        cases: impl IntoIterator<Item = (&'a str, &'a str, Option<&'a str>)>,
    ) -> Result<(), TrustError> {
        let mut trusted = self.lock();
        let mut next: Option<Trusted> = None;
        for (reference, recipient, holder) in cases {
            if reference.is_empty() || reference.contains(char::is_whitespace) {
                continue;
            }
            let seen = next.as_ref().unwrap_or(&*trusted);
            let pin_reporter =
                !seen.cases.contains_key(reference) && recipient.parse::<Recipient>().is_ok();
            let holder = holder.filter(|key| {
                !seen.holders.contains_key(reference)
                    && candor_log::note::Verifier::from_vkey(key).is_ok()
            });
            if !pin_reporter && holder.is_none() {
                continue;
            }
            let next = next.get_or_insert_with(|| trusted.clone());
            if pin_reporter {
                next.cases
                    .insert(reference.to_string(), recipient.to_string());
            }
            if let Some(key) = holder {
                next.holders.insert(reference.to_string(), key.to_string());
            }
        }
        if let Some(next) = next {
            self.save(&next)?;
            *trusted = next;
        }
        Ok(())
    }

    /// Whether the server's reporter key for a case is the pinned one (or none is pinned).
    pub fn check_reporter(&self, reference: &str, recipient: &str) -> Result<(), TrustError> {
        match self.lock().cases.get(reference) {
            Some(pinned) if pinned != recipient => {
                Err(TrustError::ReporterChanged(reference.to_string()))
            }
            _ => Ok(()),
        }
    }

    /// The reporter's recipient of a case, pinned the first time the case is seen.
    pub fn reporter_recipient(
        &self,
        reference: &str,
        recipient: &str,
    ) -> Result<Recipient, TrustError> {
        let parsed: Recipient = recipient
            .parse()
            .map_err(|_| TrustError::Invalid(format!("the reporter of case {reference}")))?;
        let mut trusted = self.lock();
        match trusted.cases.get(reference) {
            Some(pinned) if pinned == recipient => Ok(parsed),
            Some(_) => Err(TrustError::ReporterChanged(reference.to_string())),
            None => {
                let mut next = trusted.clone();
                next.cases
                    .insert(reference.to_string(), recipient.to_string());
                self.save(&next)?;
                *trusted = next;
                Ok(parsed)
            }
        }
    }
}

impl TrustStore {
    /// The holder key of a case as pinned when the case was first seen with one (or now,
    /// if it was not); another key is refused.
    pub fn holder_key(&self, reference: &str, key: &str) -> Result<String, TrustError> {
        if candor_log::note::Verifier::from_vkey(key).is_err() {
            return Err(TrustError::Invalid(format!(
                "the holder of case {reference}"
            )));
        }
        let mut trusted = self.lock();
        match trusted.holders.get(reference) {
            Some(pinned) if pinned == key => Ok(key.to_string()),
            Some(_) => Err(TrustError::HolderChanged(reference.to_string())),
            None => {
                let mut next = trusted.clone();
                next.holders.insert(reference.to_string(), key.to_string());
                self.save(&next)?;
                *trusted = next;
                Ok(key.to_string())
            }
        }
    }
}

fn parse_all(server: &[ReviewerInfo]) -> Result<Vec<Recipient>, TrustError> {
    server
        .iter()
        .map(|r| {
            r.recipient
                .parse()
                .map_err(|_| TrustError::Invalid(r.name.clone()))
        })
        .collect()
}

fn as_map(server: &[ReviewerInfo]) -> BTreeMap<String, String> {
    server
        .iter()
        .map(|r| (r.name.clone(), r.recipient.clone()))
        .collect()
}

fn diff(trusted: &BTreeMap<String, String>, server: &[ReviewerInfo]) -> Vec<Change> {
    let now = as_map(server);
    let mut changes = Vec::new();
    for (name, recipient) in &now {
        match trusted.get(name) {
            None => changes.push(Change::Added {
                name: name.clone(),
                recipient: recipient.clone(),
            }),
            Some(old) if old != recipient => changes.push(Change::KeyChanged {
                name: name.clone(),
                from: old.clone(),
                to: recipient.clone(),
            }),
            Some(_) => {}
        }
    }
    for (name, recipient) in trusted {
        if !now.contains_key(name) {
            changes.push(Change::Removed {
                name: name.clone(),
                recipient: recipient.clone(),
            });
        }
    }
    changes
}

/// A short digest of a list of changes, so that a confirmation applies to exactly the
/// changes that were shown.
pub fn fingerprint(changes: &[Change]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(&Sha256::digest(describe(changes).as_bytes())[..8])
}

fn describe(changes: &[Change]) -> String {
    changes
        .iter()
        .map(Change::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The folder of one server's state inside a workstation's state folder: the server's
/// address made into a file name (`http://abc.onion` → `abc.onion`, `http://127.0.0.1:8080`
/// → `127.0.0.1_8080`).
pub fn server_dir(state_dir: &Path, server: &str) -> PathBuf {
    let address = server
        .trim_end_matches('/')
        .split_once("://")
        .map_or(server, |(_, rest)| rest);
    let name: String = address
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.starts_with('.') {
        state_dir.join(format!("server{name}"))
    } else {
        state_dir.join(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reviewer(name: &str) -> (ReviewerInfo, age::x25519::Identity) {
        let id = age::x25519::Identity::generate();
        (
            ReviewerInfo {
                name: name.into(),
                recipient: id.to_public().to_string(),
            },
            id,
        )
    }

    #[test]
    fn first_use_pins_then_changes_need_confirmation() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (alice, _) = reviewer("alice");
        let (bob, _) = reviewer("bob");
        let (mallory, _) = reviewer("bob");
        let store = TrustStore::open(dir.path()).expect("open");
        assert_eq!(
            store
                .reviewer_recipients(std::slice::from_ref(&alice))
                .expect("first use")
                .len(),
            1
        );
        // A new store reads what was pinned.
        let store = TrustStore::open(dir.path()).expect("reopen");
        assert!(
            store
                .reviewer_recipients(std::slice::from_ref(&alice))
                .is_ok()
        );
        let grown = vec![alice.clone(), bob.clone()];
        let err = store.reviewer_recipients(&grown).expect_err("a new key");
        assert!(err.to_string().contains("added bob (age1"), "{err}");
        let changes = store.changes(&grown);
        assert_eq!(changes.len(), 1);
        // Confirming a different change than the server now shows trusts nothing.
        let swapped = vec![alice.clone(), mallory.clone()];
        assert!(
            store
                .accept_reviewers(&swapped, &fingerprint(&changes))
                .is_err()
        );
        store
            .accept_reviewers(&grown, &fingerprint(&changes))
            .expect("confirmed");
        assert!(store.reviewer_recipients(&grown).is_ok());
        // A changed key is a change too.
        let err = store
            .reviewer_recipients(&[alice.clone(), mallory])
            .expect_err("key changed");
        assert!(err.to_string().contains("bob's key changed"), "{err}");
        // Removal.
        let err = store
            .reviewer_recipients(std::slice::from_ref(&alice))
            .expect_err("removed");
        assert!(err.to_string().contains("removed bob"), "{err}");
    }

    #[test]
    fn reporter_keys_never_change() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = TrustStore::open(dir.path()).expect("open");
        let a = age::x25519::Identity::generate().to_public().to_string();
        let b = age::x25519::Identity::generate().to_public().to_string();
        assert!(store.reporter_recipient("CASE-1", &a).is_ok());
        assert!(store.reporter_recipient("CASE-1", &a).is_ok());
        assert_eq!(
            store.reporter_recipient("CASE-1", &b).expect_err("swapped"),
            TrustError::ReporterChanged("CASE-1".into())
        );
        assert!(store.reporter_recipient("CASE-2", &b).is_ok());
        let store = TrustStore::open(dir.path()).expect("reopen");
        assert!(store.reporter_recipient("CASE-1", &b).is_err(), "persisted");
        assert!(store.reporter_recipient("CASE-1", "not a key").is_err());
    }

    #[test]
    fn holder_keys_never_change() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = TrustStore::open(dir.path()).expect("open");
        let key = |_: u8| {
            candor_log::keys::generate_signer("candor-holder")
                .expect("key")
                .verifier()
                .to_vkey()
        };
        let (a, b) = (key(1), key(2));
        assert_eq!(store.holder_key("CASE-1", &a).expect("pinned"), a);
        assert!(store.holder_key("CASE-1", &a).is_ok());
        assert_eq!(
            store.holder_key("CASE-1", &b).expect_err("swapped"),
            TrustError::HolderChanged("CASE-1".into())
        );
        let store = TrustStore::open(dir.path()).expect("reopen");
        assert!(store.holder_key("CASE-1", &b).is_err(), "persisted");
        assert!(store.holder_key("CASE-2", "not a key").is_err());
        // The reporter's recipient of the same case is pinned apart.
        let r = age::x25519::Identity::generate().to_public().to_string();
        assert!(store.reporter_recipient("CASE-1", &r).is_ok());
    }

    #[test]
    fn a_case_seen_for_the_first_time_pins_both_its_keys() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = TrustStore::open(dir.path()).expect("open");
        let recipient = || age::x25519::Identity::generate().to_public().to_string();
        let holder = || {
            candor_log::keys::generate_signer("candor-holder")
                .expect("key")
                .verifier()
                .to_vkey()
        };
        let (r1, r2, h1, h2) = (recipient(), recipient(), holder(), holder());
        // Listed first without a holder key (an older case), then seen with one.
        store
            .pin_cases([
                ("CASE-1", r1.as_str(), None),
                ("CASE-2", r2.as_str(), Some(h2.as_str())),
            ])
            .expect("pin");
        store
            .pin_cases([("CASE-1", r2.as_str(), Some(h1.as_str()))])
            .expect("pin");
        assert_eq!(
            store.reporter_recipient("CASE-1", &r2).expect_err("kept"),
            TrustError::ReporterChanged("CASE-1".into())
        );
        assert_eq!(store.holder_key("CASE-1", &h1).expect("pinned"), h1);
        // Seen again with other keys: the first ones stay, so the new ones are refused.
        store
            .pin_cases([("CASE-2", r1.as_str(), Some(h1.as_str()))])
            .expect("pin");
        let store = TrustStore::open(dir.path()).expect("reopen");
        assert_eq!(
            store.holder_key("CASE-2", &h1).expect_err("swapped"),
            TrustError::HolderChanged("CASE-2".into())
        );
        assert!(store.reporter_recipient("CASE-2", &r2).is_ok());
        // Invalid keys and references are not pinned.
        store
            .pin_cases([
                ("CASE-3", "not a key", Some("nor this")),
                ("", r1.as_str(), None),
            ])
            .expect("pin");
        assert!(store.reporter_recipient("CASE-3", &r1).is_ok());
        assert!(store.holder_key("CASE-3", &h1).is_ok());
    }

    #[test]
    fn the_file_is_private_and_strict() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let store = TrustStore::open(dir.path()).expect("open");
        let (alice, _) = reviewer("alice");
        store.reviewer_recipients(&[alice]).expect("pin");
        let mode = fs::metadata(dir.path().join(FILE))
            .expect("file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        for bad in [
            "",
            "candor.trust/v2\n",
            "candor.trust/v1\nreviewer alice\n",
            "candor.trust/v1\nreviewer alice age1nope\n",
            "candor.trust/v1\nfriend alice age1nope\n",
        ] {
            assert!(Trusted::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn server_folders() {
        let base = Path::new("/s");
        assert_eq!(
            server_dir(base, "http://127.0.0.1:8080/"),
            base.join("127.0.0.1_8080")
        );
        assert_eq!(
            server_dir(base, "http://abcdef.onion"),
            base.join("abcdef.onion")
        );
        assert_eq!(
            server_dir(base, "http://../../etc"),
            base.join("server.._.._etc")
        );
        assert_eq!(server_dir(base, "http://.."), base.join("server.."));
    }
}
