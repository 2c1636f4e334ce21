//! Candor's log entries and their openings (format versions 1 and 2).
//!
//! A log **entry** is public. It is the text of a signed note:
//!
//! ```text
//! candor.entry/v1
//! kind status-recognized
//! day 2026-12-01
//! commitment <base64 SHA-256>
//! ```
//!
//! Version 2 (`candor.entry/v2`, what Candor writes now) adds the public facts the
//! statistics are counted from between `day` and `commitment`
//! ([`crate::classification`]): whether a message opened a case, a decision's sector,
//! area, outcome and weeks since the report. Version 1 entries still verify and count as
//! unclassified.
//!
//! Nothing in it links it to another entry or to a case. The **opening** is private: it is
//! sealed into the case's conversation (for the reporter and the reviewers) and travels in
//! certificates. It reveals what the entry commits to:
//!
//! ```text
//! candor.opening/v1
//! salt <base64, 32 random bytes>
//! case <case reference>
//! kind status-recognized
//! day 2026-12-01
//! body <the body's name>
//! measure reprisal-protection          (protection-granted only)
//! custodian carmen                     (identity-* kinds: who took the step)
//! not-before 2026-12-08                (identity-disclosure-requested: the notice's end)
//! issued-to Jane Roe, born 1980-02-03  (decisions, optional: whom it is issued to)
//! holder <C2SP verifier key>           (decisions, optional: the reporter's holder key)
//! reasons-sha256 <hex SHA-256>         (decisions with reasons, since this version)
//! ciphertext <hex SHA-256>             (report-received: one line per stored item;
//!                                       identity-*: one line, the identity statement's)
//! plaintext <hex SHA-256>              (report-received, optional: one line per text or
//!                                       file, in order; older openings have none)
//!
//! <reasons in words, any number of lines (decisions only)>
//! ```
//!
//! A version-2 entry's opening starts `candor.opening/v2` and repeats the entry's facts
//! after `body`, so that the commitment covers them too.
//!
//! `commitment = SHA-256("candor.commitment/v1\n" ‖ opening text)`. The random salt makes
//! equal openings commit differently, so entries cannot be linked or guessed.
//!
//! **Reasons committed apart.** A decision made now carries `reasons-sha256`, the hash of
//! its reasons with a salt of their own, and its reasons section starts with that salt:
//!
//! ```text
//! reasons-sha256 <hex SHA-256("candor.reasons/v1\n" ‖ reasons salt ‖ reasons)>
//!
//! reasons-salt <base64, 32 random bytes>
//! <reasons>
//! ```
//!
//! Its commitment covers the lines before the blank line only, so a certificate may carry
//! the opening without its reasons section (the reporter leaves the reasons out) and still
//! verify; with them, their hash must match. Openings without `reasons-sha256` commit to
//! their whole text, as before.

use std::fmt;
use std::str::FromStr;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

use crate::classification::{Facts, labels};

/// First line of a version-1 entry.
pub const ENTRY_HEADER: &str = "candor.entry/v1";
/// First line of a version-2 entry (with [`Facts`]).
pub const ENTRY_HEADER_V2: &str = "candor.entry/v2";
/// First line of a version-1 opening.
pub const OPENING_HEADER: &str = "candor.opening/v1";
/// First line of a version-2 opening.
pub const OPENING_HEADER_V2: &str = "candor.opening/v2";
const COMMITMENT_PREFIX: &[u8] = b"candor.commitment/v1\n";
const REASONS_PREFIX: &[u8] = b"candor.reasons/v1\n";
/// Longest opening accepted: room for a `report-received` opening that lists the
/// ciphertexts of a report with the most files a report may hold (10,000 files, two
/// ciphertexts and a plaintext each, 76 and 75 bytes a line).
pub const MAX_OPENING_BYTES: usize = 4 * 1024 * 1024;
/// Longest reasons text of a decision.
pub const MAX_REASONS_BYTES: usize = 32 * 1024;
/// Longest decision opening (no ciphertext lines; reasons and a few short lines).
pub const MAX_DECISION_OPENING_BYTES: usize = MAX_REASONS_BYTES + 1024;

/// Errors of entries and openings; one clear sentence each.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    #[error("not a Candor {0} (version 1 or 2)")]
    Header(&'static str),
    #[error("malformed {what}: {detail}")]
    Malformed { what: &'static str, detail: String },
    #[error("the opening is larger than {MAX_OPENING_BYTES} bytes")]
    TooLarge,
    #[error("the reasons are longer than {MAX_REASONS_BYTES} bytes")]
    ReasonsTooLong,
}

pub(crate) fn malformed(what: &'static str, detail: impl Into<String>) -> EntryError {
    EntryError::Malformed {
        what,
        detail: detail.into(),
    }
}

labels!(
    /// What an entry records.
    Kind, "kind", [
        ReportReceived = "report-received", "Report received";
        Acknowledged = "acknowledged", "Report acknowledged";
        StatusRecognized = "status-recognized", "Whistleblower status recognized";
        StatusDeclined = "status-declined", "Whistleblower status declined";
        ProtectionGranted = "protection-granted", "Protection granted";
        StatusRevoked = "status-revoked", "Whistleblower status revoked";
        CaseClosed = "case-closed", "Case closed";
        RewardGranted = "reward-granted", "Reward granted";
        ReprisalConfirmed = "reprisal-confirmed", "Reprisal confirmed";
        ReprisalReported = "reprisal-reported", "Reprisal reported by the reporter";
        IdentityDisclosureRequested = "identity-disclosure-requested", "Disclosure of the reporter's identity requested";
        IdentityNoticeWaived = "identity-notice-waived", "Notice before an identity disclosure waived (urgent)";
        IdentityDisclosureApproved = "identity-disclosure-approved", "Disclosure of the reporter's identity approved";
        IdentityDisclosed = "identity-disclosed", "Reporter's identity disclosed";
    ]
);

impl Kind {
    /// The decisions a reviewer chooses from (the body signs them; the identity steps are
    /// signed too, but taken apart). The amount and terms of a reward are in its sealed
    /// reasons: only the fact is public.
    pub const DECISIONS: [Kind; 8] = [
        Kind::Acknowledged,
        Kind::StatusRecognized,
        Kind::StatusDeclined,
        Kind::ProtectionGranted,
        Kind::StatusRevoked,
        Kind::CaseClosed,
        Kind::RewardGranted,
        Kind::ReprisalConfirmed,
    ];

    /// The steps of an identity disclosure (see `candor_core::identity`): each names the
    /// custodian who took it and the statement it is about.
    pub const IDENTITY: [Kind; 4] = [
        Kind::IdentityDisclosureRequested,
        Kind::IdentityNoticeWaived,
        Kind::IdentityDisclosureApproved,
        Kind::IdentityDisclosed,
    ];

    /// Signed by the body (everything but what the server records for a reporter:
    /// `report-received` for every submission and answer, `reprisal-reported` for a
    /// report of reprisal).
    pub fn is_decision(self) -> bool {
        !matches!(self, Kind::ReportReceived | Kind::ReprisalReported)
    }

    pub fn is_identity(self) -> bool {
        Kind::IDENTITY.contains(&self)
    }
}

labels!(
    /// Protection measures (with `protection-granted`).
    Measure, "measure", [
        Confidentiality = "confidentiality", "protection of identity (confidentiality)";
        ReprisalProtection = "reprisal-protection", "protection against reprisal";
        InterimRelief = "interim-relief", "interim relief";
        ReinstatementRecommended = "reinstatement-recommended", "reinstatement recommended";
        ImmunityRecommended = "immunity-recommended", "immunity recommended";
    ]
);

pub(crate) fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

fn check_day(s: &str) -> Result<String, EntryError> {
    s.parse::<crate::day::Day>()
        .map(|d| d.to_string())
        .map_err(|_| malformed("day", "expected YYYY-MM-DD"))
}

/// The public entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub day: String,
    /// The public facts of a version-2 entry; `None` in version 1.
    pub facts: Option<Facts>,
    pub commitment: [u8; 32],
}

impl Entry {
    /// The note text (ends with a newline).
    pub fn to_text(&self) -> String {
        let header = match self.facts {
            Some(_) => ENTRY_HEADER_V2,
            None => ENTRY_HEADER,
        };
        let mut out = format!("{header}\nkind {}\nday {}\n", self.kind, self.day);
        if let Some(facts) = &self.facts {
            facts.write_lines(&mut out);
        }
        out.push_str(&format!(
            "commitment {}\n",
            STANDARD.encode(self.commitment)
        ));
        out
    }

    /// Parses an entry's note text strictly: exactly the lines above (version 1: four).
    pub fn parse(text: &str) -> Result<Entry, EntryError> {
        let body = text
            .strip_suffix('\n')
            .ok_or_else(|| malformed("entry", "it must end with a newline"))?;
        let mut lines = body.split('\n');
        let v2 = match lines.next() {
            Some(ENTRY_HEADER) => false,
            Some(ENTRY_HEADER_V2) => true,
            _ => return Err(EntryError::Header("entry")),
        };
        let kind = field(lines.next(), "kind", "entry")?.parse()?;
        let day = check_day(field(lines.next(), "day", "entry")?)?;
        let facts = v2
            .then(|| Facts::read_lines(kind, &mut lines, "entry"))
            .transpose()?;
        let commitment = decode_hash(field(lines.next(), "commitment", "entry")?)?;
        if lines.next().is_some() {
            return Err(malformed("entry", "unexpected lines after the commitment"));
        }
        Ok(Entry {
            kind,
            day,
            facts,
            commitment,
        })
    }
}

pub(crate) fn field<'a>(
    line: Option<&'a str>,
    name: &'static str,
    what: &'static str,
) -> Result<&'a str, EntryError> {
    let line = line.ok_or_else(|| malformed(what, format!("missing {name}")))?;
    line.strip_prefix(name)
        .and_then(|rest| rest.strip_prefix(' '))
        .filter(|v| !v.is_empty())
        .ok_or_else(|| malformed(what, format!("expected a {name} line")))
}

fn decode_hash(text: &str) -> Result<[u8; 32], EntryError> {
    let bytes = STANDARD
        .decode(text)
        .map_err(|_| malformed("commitment", "not base64"))?;
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| malformed("commitment", "not 32 bytes"))
}

/// The private opening of an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    pub salt: [u8; 32],
    pub case: String,
    pub kind: Kind,
    pub day: String,
    pub body: String,
    /// The public facts the entry repeats (version 2); `None` in version 1.
    pub facts: Option<Facts>,
    pub measure: Option<Measure>,
    /// The custodian who took an identity step (identity kinds only).
    pub custodian: Option<String>,
    /// The first day a requested disclosure may complete (identity-disclosure-requested).
    pub not_before: Option<String>,
    /// Whom a decision is issued to, in the words the reporter agreed to show.
    pub issued_to: Option<String>,
    /// The reporter's holder key (a C2SP verifier key derived from the receipt code), to
    /// which a decision is bound: the holder proves it with a presentation.
    pub holder: Option<String>,
    /// The reasons' own commitment, when committed apart (see the module's doc), with its
    /// salt; the salt is `None` when the reasons were left out.
    pub reasons_sha256: Option<[u8; 32]>,
    pub reasons_salt: Option<[u8; 32]>,
    /// SHA-256 of each stored ciphertext (report-received), or of the identity statement
    /// an identity step is about (one).
    pub ciphertexts: Vec<[u8; 32]>,
    /// SHA-256 of each text's and file's plaintext, in the message's order
    /// (report-received): evidence replaced or damaged later, even by a legitimate-looking
    /// re-encryption, no longer matches. Empty in openings made before.
    pub plaintexts: Vec<[u8; 32]>,
    /// The reasons in words (decisions); lines separated by `\n`.
    pub reasons: String,
}

/// Who takes an identity step, about which statement, and (a request) until when the
/// reporter is given notice.
#[derive(Debug, Clone, Copy)]
pub struct IdentityStep<'a> {
    pub custodian: &'a str,
    /// SHA-256 of the statement's stored bundle.
    pub statement: [u8; 32],
    pub not_before: Option<&'a str>,
}

/// Whether a one-line value is acceptable (no control characters, not empty, bounded).
fn one_line(value: &str, what: &'static str) -> Result<(), EntryError> {
    if value.is_empty()
        || value.len() > 200
        || value.chars().any(char::is_control)
        || value.trim() != value
    {
        return Err(malformed(
            what,
            "must be one line of 1 to 200 characters without surrounding spaces",
        ));
    }
    Ok(())
}

/// Normalizes reasons text: `\r\n` and `\r` become `\n`, trailing white space of the whole
/// text is dropped, and no control characters other than tab are allowed.
pub fn normalize_reasons(text: &str) -> Result<String, EntryError> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim_end().to_string();
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(malformed("reasons", "control characters are not allowed"));
    }
    if text.lines().any(|l| l.starts_with("-----")) {
        return Err(malformed("reasons", "a line may not start with -----"));
    }
    Ok(text)
}

impl Opening {
    /// A new opening with a fresh random salt.
    pub fn new(
        case: &str,
        kind: Kind,
        day: &str,
        body: &str,
        measure: Option<Measure>,
        ciphertexts: Vec<[u8; 32]>,
        reasons: &str,
    ) -> Result<Opening, EntryError> {
        let mut salt = [0u8; 32];
        getrandom::fill(&mut salt).map_err(|_| malformed("salt", "the random generator failed"))?;
        let opening = Opening {
            salt,
            case: case.to_string(),
            kind,
            day: check_day(day)?,
            body: body.to_string(),
            facts: None,
            measure,
            custodian: None,
            not_before: None,
            issued_to: None,
            holder: None,
            reasons_sha256: None,
            reasons_salt: None,
            ciphertexts,
            plaintexts: Vec::new(),
            reasons: normalize_reasons(reasons)?,
        }
        .with_reasons_apart()?;
        opening.validate()?;
        Ok(opening)
    }

    /// Commits to the reasons apart (a decision with reasons), with a fresh salt.
    fn with_reasons_apart(mut self) -> Result<Opening, EntryError> {
        if self.kind.is_decision() && !self.reasons.is_empty() {
            let mut salt = [0u8; 32];
            getrandom::fill(&mut salt)
                .map_err(|_| malformed("salt", "the random generator failed"))?;
            self.reasons_sha256 = Some(reasons_hash(&salt, &self.reasons));
            self.reasons_salt = Some(salt);
        }
        Ok(self)
    }

    /// The same decision issued to someone (`issued-to`) and bound to a holder key.
    pub fn with_holder(
        mut self,
        issued_to: Option<&str>,
        holder: Option<&str>,
    ) -> Result<Opening, EntryError> {
        self.issued_to = issued_to.map(str::to_string);
        self.holder = holder.map(str::to_string);
        self.validate()?;
        Ok(self)
    }

    /// The opening without its reasons (committed apart): what a certificate carries when
    /// the reporter leaves the reasons out. `None` if its reasons are not committed apart.
    pub fn without_reasons(&self) -> Option<Opening> {
        self.reasons_sha256?;
        Some(Opening {
            reasons: String::new(),
            reasons_salt: None,
            ..self.clone()
        })
    }

    /// A step of an identity disclosure: the custodian who takes it, the statement's
    /// SHA-256 (of its stored bundle), for a request the first day the disclosure may
    /// complete, and the reasons.
    pub fn identity_step(
        case: &str,
        kind: Kind,
        day: &str,
        body: &str,
        step: IdentityStep<'_>,
        reasons: &str,
    ) -> Result<Opening, EntryError> {
        let mut salt = [0u8; 32];
        getrandom::fill(&mut salt).map_err(|_| malformed("salt", "the random generator failed"))?;
        let opening = Opening {
            salt,
            case: case.to_string(),
            kind,
            day: check_day(day)?,
            body: body.to_string(),
            facts: None,
            measure: None,
            custodian: Some(step.custodian.to_string()),
            not_before: step.not_before.map(check_day).transpose()?,
            issued_to: None,
            holder: None,
            reasons_sha256: None,
            reasons_salt: None,
            ciphertexts: vec![step.statement],
            plaintexts: Vec::new(),
            reasons: normalize_reasons(reasons)?,
        }
        .with_reasons_apart()?;
        opening.validate()?;
        Ok(opening)
    }

    /// The same opening committing also to the plaintext SHA-256 of each text and file of
    /// the report (report-received only).
    pub fn with_plaintexts(mut self, plaintexts: Vec<[u8; 32]>) -> Result<Opening, EntryError> {
        self.plaintexts = plaintexts;
        self.validate()?;
        Ok(self)
    }

    /// The same opening as version 2, with the public facts its entry carries.
    pub fn with_facts(mut self, facts: Facts) -> Result<Opening, EntryError> {
        self.facts = Some(facts);
        self.validate()?;
        Ok(self)
    }

    fn validate(&self) -> Result<(), EntryError> {
        one_line(&self.case, "case")?;
        if let Some(facts) = &self.facts {
            facts.check(self.kind)?;
        }
        one_line(&self.body, "body")?;
        if self.case.contains(' ') {
            return Err(malformed("case", "a case reference has no spaces"));
        }
        match (self.kind, self.measure) {
            (Kind::ProtectionGranted, None) => {
                return Err(malformed("measure", "protection-granted needs a measure"));
            }
            (k, Some(_)) if k != Kind::ProtectionGranted => {
                return Err(malformed(
                    "measure",
                    "only protection-granted has a measure",
                ));
            }
            _ => {}
        }
        if self.kind.is_decision() && !self.plaintexts.is_empty() {
            return Err(malformed(
                "plaintext",
                "only report-received lists plaintexts",
            ));
        }
        if let Some(issued_to) = &self.issued_to {
            one_line(issued_to, "issued-to")?;
        }
        if let Some(holder) = &self.holder
            && crate::note::Verifier::from_vkey(holder).is_err()
        {
            return Err(malformed("holder", "not a verifier key"));
        }
        if !self.kind.is_decision()
            && (self.issued_to.is_some() || self.holder.is_some() || self.reasons_sha256.is_some())
        {
            return Err(malformed(
                "opening",
                "only a decision names a holder or commits to reasons",
            ));
        }
        match (self.reasons_sha256, self.reasons_salt) {
            (None, Some(_)) => return Err(malformed("reasons-salt", "without reasons-sha256")),
            (Some(_), None) if !self.reasons.is_empty() => {
                return Err(malformed("reasons", "reasons without their salt"));
            }
            (Some(hash), Some(salt)) if reasons_hash(&salt, &self.reasons) != hash => {
                return Err(malformed("reasons", "they do not match reasons-sha256"));
            }
            _ => {}
        }
        let has_reasons = !self.reasons.is_empty() || self.reasons_sha256.is_some();
        if self.kind.is_identity() {
            let name_ok = self
                .custodian
                .as_deref()
                .is_some_and(|c| reviewer_name(c).is_ok());
            if !name_ok || self.ciphertexts.len() != 1 || !has_reasons {
                return Err(malformed(
                    "identity step",
                    "it names its custodian, the statement and its reasons",
                ));
            }
            if self.not_before.is_some() != (self.kind == Kind::IdentityDisclosureRequested) {
                return Err(malformed(
                    "not-before",
                    "only a disclosure request has a not-before day",
                ));
            }
        } else if self.custodian.is_some() || self.not_before.is_some() {
            return Err(malformed(
                "custodian",
                "only identity steps name a custodian",
            ));
        } else if self.kind.is_decision() && !self.ciphertexts.is_empty() {
            return Err(malformed(
                "ciphertext",
                "only report-received lists ciphertexts",
            ));
        }
        if !self.kind.is_decision() && (self.ciphertexts.is_empty() || !self.reasons.is_empty()) {
            return Err(malformed(
                "a reporter's record",
                "it lists ciphertexts and has no reasons",
            ));
        }
        if self.reasons.len() > MAX_REASONS_BYTES {
            return Err(EntryError::ReasonsTooLong);
        }
        if self.to_text().len() > MAX_OPENING_BYTES {
            return Err(EntryError::TooLarge);
        }
        Ok(())
    }

    /// The canonical text.
    pub fn to_text(&self) -> String {
        let mut out = self.head();
        if !self.reasons.is_empty() {
            out.push('\n');
            if let Some(salt) = &self.reasons_salt {
                out.push_str(&format!("reasons-salt {}\n", STANDARD.encode(salt)));
            }
            out.push_str(&self.reasons);
            out.push('\n');
        }
        out
    }

    /// The lines before the reasons.
    fn head(&self) -> String {
        let header = match self.facts {
            Some(_) => OPENING_HEADER_V2,
            None => OPENING_HEADER,
        };
        let mut out = format!(
            "{header}\nsalt {}\ncase {}\nkind {}\nday {}\nbody {}\n",
            STANDARD.encode(self.salt),
            self.case,
            self.kind,
            self.day,
            self.body
        );
        if let Some(facts) = &self.facts {
            facts.write_lines(&mut out);
        }
        if let Some(m) = self.measure {
            out.push_str(&format!("measure {}\n", m.as_str()));
        }
        if let Some(c) = &self.custodian {
            out.push_str(&format!("custodian {c}\n"));
        }
        if let Some(d) = &self.not_before {
            out.push_str(&format!("not-before {d}\n"));
        }
        if let Some(i) = &self.issued_to {
            out.push_str(&format!("issued-to {i}\n"));
        }
        if let Some(h) = &self.holder {
            out.push_str(&format!("holder {h}\n"));
        }
        if let Some(r) = &self.reasons_sha256 {
            out.push_str(&format!("reasons-sha256 {}\n", hex::encode(r)));
        }
        for c in &self.ciphertexts {
            out.push_str(&format!("ciphertext {}\n", hex::encode(c)));
        }
        for p in &self.plaintexts {
            out.push_str(&format!("plaintext {}\n", hex::encode(p)));
        }
        out
    }

    /// The commitment the public entry carries: of the whole text, or of the lines before
    /// the reasons when they are committed apart.
    pub fn commitment(&self) -> [u8; 32] {
        match self.reasons_sha256 {
            Some(_) => commitment_of(self.head().as_bytes()),
            None => commitment_of(self.to_text().as_bytes()),
        }
    }

    /// The public entry for this opening.
    pub fn entry(&self) -> Entry {
        Entry {
            kind: self.kind,
            day: self.day.clone(),
            facts: self.facts,
            commitment: self.commitment(),
        }
    }

    /// Parses an opening strictly; it must format back to exactly the same text (so that
    /// the commitment computed from the parsed value is the one over these bytes).
    pub fn parse(text: &str) -> Result<Opening, EntryError> {
        if text.len() > MAX_OPENING_BYTES {
            return Err(EntryError::TooLarge);
        }
        let (head, reasons) = match text.split_once("\n\n") {
            Some((head, reasons)) => (
                head,
                reasons
                    .strip_suffix('\n')
                    .ok_or_else(|| malformed("opening", "it must end with a newline"))?,
            ),
            None => (
                text.strip_suffix('\n')
                    .ok_or_else(|| malformed("opening", "it must end with a newline"))?,
                "",
            ),
        };
        let mut lines = head.split('\n');
        let v2 = match lines.next() {
            Some(OPENING_HEADER) => false,
            Some(OPENING_HEADER_V2) => true,
            _ => return Err(EntryError::Header("opening")),
        };
        let salt = decode_hash(field(lines.next(), "salt", "opening")?)
            .map_err(|_| malformed("salt", "expected 32 bytes in base64"))?;
        let case = field(lines.next(), "case", "opening")?.to_string();
        let kind: Kind = field(lines.next(), "kind", "opening")?.parse()?;
        let day = check_day(field(lines.next(), "day", "opening")?)?;
        let body = field(lines.next(), "body", "opening")?.to_string();
        let facts = v2
            .then(|| Facts::read_lines(kind, &mut lines, "opening"))
            .transpose()?;
        let mut measure = None;
        let mut custodian = None;
        let mut not_before = None;
        let mut issued_to = None;
        let mut holder = None;
        let mut reasons_sha256 = None;
        let mut ciphertexts = Vec::new();
        let mut plaintexts = Vec::new();
        // Each of these lines at most once; their order is checked with the whole
        // canonical form at the end.
        for line in lines {
            if let Some(m) = line.strip_prefix("measure ") {
                once(&mut measure, m.parse()?, "measure")?;
            } else if let Some(c) = line.strip_prefix("custodian ") {
                once(&mut custodian, c.to_string(), "custodian")?;
            } else if let Some(d) = line.strip_prefix("not-before ") {
                once(&mut not_before, check_day(d)?, "not-before")?;
            } else if let Some(i) = line.strip_prefix("issued-to ") {
                once(&mut issued_to, i.to_string(), "issued-to")?;
            } else if let Some(h) = line.strip_prefix("holder ") {
                once(&mut holder, h.to_string(), "holder")?;
            } else if let Some(r) = line.strip_prefix("reasons-sha256 ") {
                once(
                    &mut reasons_sha256,
                    hash_line(r, "reasons-sha256")?,
                    "reasons-sha256",
                )?;
            } else if let Some(c) = line.strip_prefix("ciphertext ") {
                if !plaintexts.is_empty() {
                    return Err(malformed("opening", "ciphertext after plaintext"));
                }
                ciphertexts.push(hash_line(c, "ciphertext")?);
            } else if let Some(p) = line.strip_prefix("plaintext ") {
                plaintexts.push(hash_line(p, "plaintext")?);
            } else {
                return Err(malformed(
                    "opening",
                    format!("unexpected line {:?}", truncate(line)),
                ));
            }
        }
        // Reasons committed apart start with their salt.
        let (reasons_salt, reasons) = match (reasons_sha256, reasons.strip_prefix("reasons-salt "))
        {
            (Some(_), Some(rest)) => {
                let (salt, rest) = rest.split_once('\n').unwrap_or((rest, ""));
                let salt = decode_hash(salt)
                    .map_err(|_| malformed("reasons-salt", "expected 32 bytes in base64"))?;
                if rest.is_empty() {
                    return Err(malformed("reasons", "a salt without reasons"));
                }
                (Some(salt), rest)
            }
            (Some(_), None) if !reasons.is_empty() => {
                return Err(malformed("reasons", "reasons without their salt"));
            }
            _ => (None, reasons),
        };
        let opening = Opening {
            salt,
            case,
            kind,
            day,
            body,
            facts,
            measure,
            custodian,
            not_before,
            issued_to,
            holder,
            reasons_sha256,
            reasons_salt,
            ciphertexts,
            plaintexts,
            reasons: reasons.to_string(),
        };
        opening.validate()?;
        if opening.reasons != normalize_reasons(&opening.reasons)? || opening.to_text() != text {
            return Err(malformed("opening", "it is not in canonical form"));
        }
        Ok(opening)
    }
}

/// A custodian's name: a reviewer's (letters, digits, `.`, `_`, `-`; 1 to 64).
fn reviewer_name(name: &str) -> Result<(), EntryError> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(malformed("custodian", "not a reviewer's name"))
    }
}

/// Sets a line's value, which may be given once.
fn once<T>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), EntryError> {
    match slot.replace(value) {
        Some(_) => Err(malformed(name, "given twice")),
        None => Ok(()),
    }
}

/// A hex SHA-256 of an opening line.
fn hash_line(hex_text: &str, what: &'static str) -> Result<[u8; 32], EntryError> {
    let bytes = hex::decode(hex_text).map_err(|_| malformed(what, "not hex"))?;
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| malformed(what, "not 32 bytes"))
}

/// `SHA-256("candor.reasons/v1\n" ‖ salt ‖ reasons)`.
fn reasons_hash(salt: &[u8; 32], reasons: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(REASONS_PREFIX);
    h.update(salt);
    h.update(reasons.as_bytes());
    h.finalize().into()
}

/// `SHA-256("candor.commitment/v1\n" ‖ opening text)`.
pub fn commitment_of(opening_text: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(COMMITMENT_PREFIX);
    h.update(opening_text);
    h.finalize().into()
}

/// Fuzz entry point: parses an entry and an opening; whatever parses formats back to the
/// same text.
pub fn fuzz_parse(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(entry) = Entry::parse(text) {
        debug_assert_eq!(entry.to_text(), text);
    }
    if let Ok(opening) = Opening::parse(text) {
        debug_assert_eq!(opening.to_text(), text);
        if opening.reasons_sha256.is_none() {
            debug_assert_eq!(opening.commitment(), commitment_of(text.as_bytes()));
        }
        if let Some(without) = opening.without_reasons() {
            debug_assert_eq!(without.commitment(), opening.commitment());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn report_openings_may_list_plaintexts() {
        let received = Opening::new(
            "REF-1",
            Kind::ReportReceived,
            "2026-12-01",
            "Body",
            None,
            vec![[1; 32], [2; 32]],
            "",
        )
        .expect("opening");
        let old_text = received.to_text();
        assert!(!old_text.contains("plaintext"));
        assert!(
            Opening::parse(&old_text)
                .expect("old")
                .plaintexts
                .is_empty()
        );
        let with = received.with_plaintexts(vec![[3; 32]]).expect("plaintexts");
        let text = with.to_text();
        assert!(text.contains(&format!("plaintext {}\n", hex::encode([3u8; 32]))));
        let parsed = Opening::parse(&text).expect("parse");
        assert_eq!(parsed.plaintexts, vec![[3; 32]]);
        assert_eq!(parsed.commitment(), with.commitment());
        // A ciphertext line after the plaintexts, or plaintexts on a decision: refused.
        let last_ciphertext = format!("ciphertext {}\n", hex::encode([2u8; 32]));
        let reordered = text.replace(&last_ciphertext, "") + &last_ciphertext;
        assert!(Opening::parse(&reordered).is_err());
        assert!(decision().with_plaintexts(vec![[3; 32]]).is_err());
    }

    fn decision() -> Opening {
        Opening::new(
            "7KQ2-M9XD-PA3F",
            Kind::ProtectionGranted,
            "2026-12-01",
            "National Whistleblower Authority",
            Some(Measure::ReprisalProtection),
            vec![],
            "The reporter disclosed fraud in public procurement.\r\nReprisal was threatened.\n\n",
        )
        .expect("opening")
    }

    #[test]
    fn round_trips() {
        let o = decision();
        let text = o.to_text();
        assert!(text.ends_with("Reprisal was threatened.\n"));
        assert_eq!(Opening::parse(&text).expect("parse"), o);
        let e = o.entry();
        assert_eq!(Entry::parse(&e.to_text()).expect("parse"), e);
        // Reasons committed apart: the commitment covers the lines before them.
        let head = o.without_reasons().expect("committed apart").to_text();
        assert!(text.starts_with(&head) && !head.contains("Reprisal"));
        assert_eq!(e.commitment, commitment_of(head.as_bytes()));

        let received = Opening::new(
            "A-B",
            Kind::ReportReceived,
            "2026-12-01",
            "Body",
            None,
            vec![[7; 32], [8; 32]],
            "",
        )
        .expect("opening");
        assert_eq!(
            Opening::parse(&received.to_text()).expect("parse"),
            received
        );
    }

    fn step(kind: Kind, custodian: &str, not_before: Option<&str>) -> Result<Opening, EntryError> {
        Opening::identity_step(
            "7KQ2-M9XD-PA3F",
            kind,
            "2026-12-01",
            "Body",
            IdentityStep {
                custodian,
                statement: [9; 32],
                not_before,
            },
            "The employer must be told who is protected.",
        )
    }

    #[test]
    fn identity_steps_name_their_custodian_and_statement() {
        let request = step(
            Kind::IdentityDisclosureRequested,
            "carmen",
            Some("2026-12-08"),
        )
        .expect("request");
        let text = request.to_text();
        assert!(text.contains("custodian carmen\nnot-before 2026-12-08\nreasons-sha256 "));
        assert!(text.contains("\nciphertext 0909"));
        assert_eq!(Opening::parse(&text).expect("parse"), request);
        let facts = Facts::decision(
            Kind::IdentityDisclosureRequested,
            2,
            crate::classification::Classification {
                sector: crate::classification::Sector::Public,
                area: crate::classification::Area::Other,
                outcome: None,
            },
        );
        let v2 = request.clone().with_facts(facts).expect("v2");
        assert_eq!(v2.entry().to_text().lines().count(), 5, "kind, day, weeks");
        assert_eq!(Opening::parse(&v2.to_text()).expect("parse"), v2);
        for kind in [
            Kind::IdentityNoticeWaived,
            Kind::IdentityDisclosureApproved,
            Kind::IdentityDisclosed,
        ] {
            let o = step(kind, "dmitri", None).expect("step");
            assert_eq!(Opening::parse(&o.to_text()).expect("parse"), o);
            assert!(
                step(kind, "dmitri", Some("2026-12-08")).is_err(),
                "not-before on {kind}"
            );
        }
        assert!(step(Kind::IdentityDisclosureRequested, "carmen", None).is_err());
        assert!(step(Kind::IdentityDisclosed, "two words", None).is_err());
        assert!(step(Kind::StatusRecognized, "carmen", None).is_err());
        // Without reasons, or a decision that names a custodian: refused.
        // Left out, the reasons still count (committed); an identity step without any is
        // refused.
        let without = request.without_reasons().expect("committed apart");
        assert_eq!(Opening::parse(&without.to_text()).expect("parse"), without);
        let none = Opening {
            reasons_sha256: None,
            ..without
        };
        assert!(Opening::parse(&none.to_text()).is_err());
        let decided = decision()
            .to_text()
            .replace("measure", "custodian carmen\nmeasure");
        assert!(Opening::parse(&decided).is_err());
        let swapped = text.replace(
            "custodian carmen\nnot-before 2026-12-08",
            "not-before 2026-12-08\ncustodian carmen",
        );
        assert!(Opening::parse(&swapped).is_err());
    }

    /// A decision issued to someone and bound to a holder key; its reasons may be left out
    /// of a certificate and it still commits the same; any edit of what is left breaks it.
    #[test]
    fn holders_and_reasons_left_out() {
        let holder = crate::keys::generate_signer("candor-holder")
            .expect("key")
            .verifier()
            .to_vkey();
        let o = decision()
            .with_holder(Some("Jane Roe, born 1980-02-03"), Some(&holder))
            .expect("holder");
        let text = o.to_text();
        assert!(text.contains(&format!(
            "issued-to Jane Roe, born 1980-02-03\nholder {holder}\nreasons-sha256 "
        )));
        assert!(text.contains("\n\nreasons-salt "));
        assert_eq!(Opening::parse(&text).expect("parse"), o);
        let without = o.without_reasons().expect("apart");
        let short = without.to_text();
        assert!(!short.contains("Reprisal") && !short.contains("reasons-salt"));
        let parsed = Opening::parse(&short).expect("parse");
        assert_eq!(parsed.commitment(), o.commitment());
        assert!(parsed.reasons.is_empty());
        // An edited "issued to", other reasons, or a holder key that is not one: refused or
        // committed differently.
        let edited = Opening::parse(&short.replace("Jane Roe", "John Doe")).expect("parse");
        assert_ne!(edited.commitment(), o.commitment());
        let other_reasons = text.replace("Reprisal was threatened.", "Nothing happened.");
        assert!(Opening::parse(&other_reasons).is_err());
        assert!(decision().with_holder(None, Some("not a key")).is_err());
        assert!(decision().with_holder(Some("two\nlines"), None).is_err());
        // A receipt names no holder.
        let received = Opening::new(
            "A-B",
            Kind::ReportReceived,
            "2026-12-01",
            "Body",
            None,
            vec![[7; 32]],
            "",
        )
        .expect("opening");
        assert!(received.with_holder(None, Some(&holder)).is_err());
    }

    #[test]
    fn salts_unlink_equal_openings() {
        let a = decision();
        let mut b = a.clone();
        b.salt = [0; 32];
        assert_ne!(a.commitment(), b.commitment());
    }

    #[test]
    fn invalid_openings() {
        assert!(
            Opening::new(
                "R",
                Kind::ProtectionGranted,
                "2026-12-01",
                "B",
                None,
                vec![],
                ""
            )
            .is_err()
        );
        assert!(
            Opening::new(
                "R",
                Kind::StatusRecognized,
                "2026-12-01",
                "B",
                Some(Measure::InterimRelief),
                vec![],
                ""
            )
            .is_err()
        );
        assert!(
            Opening::new(
                "R",
                Kind::ReportReceived,
                "2026-12-01",
                "B",
                None,
                vec![],
                ""
            )
            .is_err()
        );
        assert!(
            Opening::new(
                "R",
                Kind::StatusRecognized,
                "2026-13-01",
                "B",
                None,
                vec![],
                ""
            )
            .is_err()
        );
        assert!(
            Opening::new(
                "R",
                Kind::StatusRecognized,
                "2026-12-01",
                "B\nC",
                None,
                vec![],
                ""
            )
            .is_err()
        );
        assert!(
            Opening::new(
                "R",
                Kind::StatusRecognized,
                "2026-12-01",
                "B",
                None,
                vec![],
                "-----END OPENING-----"
            )
            .is_err()
        );
        assert!(
            Opening::new(
                "R",
                Kind::StatusRecognized,
                "2026-12-01",
                "B",
                None,
                vec![],
                "bell \u{7}"
            )
            .is_err()
        );
        let text = decision().to_text();
        assert!(Opening::parse(&text.replace("salt ", "salt  ")).is_err());
        assert!(
            Opening::parse(&format!("{text}\n")).is_err(),
            "not canonical"
        );
        assert!(Opening::parse(text.trim_end()).is_err());
        assert!(
            Entry::parse("candor.entry/v1\nkind acknowledged\nday 2026-12-01\ncommitment AAAA\n")
                .is_err()
        );
        assert!(Entry::parse("candor.entry/v2\n").is_err());
        assert!(Entry::parse("candor.entry/v3\n").is_err());
    }

    proptest! {
        #[test]
        fn parsers_never_panic(text in "\\PC{0,300}") {
            fuzz_parse(text.as_bytes());
        }

        #[test]
        fn reasons_round_trip(reasons in "[a-zA-Z0-9 .,\n]{0,200}", day in 1u8..28) {
            let day = format!("2026-11-{day:02}");
            let o = Opening::new("REF-1", Kind::StatusDeclined, &day, "Body", None, vec![], &reasons).expect("opening");
            prop_assert_eq!(Opening::parse(&o.to_text()).expect("parse"), o);
        }

        #[test]
        fn any_change_breaks_the_commitment(pos in 0usize..200, bit in 0u8..8) {
            let o = decision();
            let mut text = o.to_text().into_bytes();
            let pos = pos % text.len();
            if let Some(b) = text.get_mut(pos) { *b ^= 1 << bit; }
            prop_assert_ne!(commitment_of(&text), o.commitment());
        }
    }
}
