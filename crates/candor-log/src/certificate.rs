//! Certificates: what a reporter carries to prove a decision (or the receipt of a report)
//! to anyone, offline, with only the log's and the body's public keys.
//!
//! ```text
//! candor.certificate/v1
//!
//! -----BEGIN OPENING-----
//! <the opening: candor.opening/v1 or v2 …>
//! -----END OPENING-----
//! -----BEGIN ENTRY-----
//! <the signed entry note: candor.entry/v1 … and its signature line>
//! -----END ENTRY-----
//! -----BEGIN PROOF-----
//! <c2sp.org/tlog-proof@v1: index, inclusion proof, signed checkpoint with cosignatures>
//! -----END PROOF-----
//! ```
//!
//! Verification: the opening's commitment is the entry's; the entry is signed by the body
//! (decisions) or the log (report-received); the entry, as a leaf, is included in a
//! checkpoint signed by the log.

use crate::checkpoint::CheckpointVerifier;
use crate::entry::{Entry, EntryError, Kind, Opening};
use crate::note::{Note, Verifier, Verifiers};
use crate::policy::Policy;
use crate::proof::{ProofError, TlogProof};

/// First line of a certificate.
pub const HEADER: &str = "candor.certificate/v1";
/// Largest certificate accepted: the largest opening, and room for the entry and proof.
pub const MAX_CERTIFICATE_BYTES: usize = crate::entry::MAX_OPENING_BYTES + 64 * 1024;

const SECTIONS: [&str; 3] = ["OPENING", "ENTRY", "PROOF"];

/// Why a certificate does not verify; one sentence each.
#[derive(Debug, thiserror::Error)]
pub enum CertificateError {
    #[error("this is not a Candor certificate (version 1): {0}")]
    Format(String),
    #[error("the opening is invalid: {0}")]
    Opening(EntryError),
    #[error("the entry is invalid: {0}")]
    Entry(EntryError),
    #[error("the entry does not match its opening: {0}")]
    Mismatch(&'static str),
    #[error("the entry's signature does not verify with the {0} key")]
    Signature(&'static str),
    #[error("the inclusion proof does not verify: {0}")]
    Proof(ProofError),
    #[error("the key given as {0} is not a valid C2SP verifier key")]
    Key(&'static str),
    #[error("the checkpoint's cosignatures do not meet the policy's quorum (valid ones from: {0})")]
    Quorum(String),
}

/// A parsed certificate (not yet verified).
#[derive(Debug, Clone)]
pub struct Certificate {
    pub opening: String,
    pub entry: String,
    pub proof: String,
}

/// What a verified certificate proves.
#[derive(Debug, Clone)]
pub struct Verified {
    pub opening: Opening,
    pub entry: Entry,
    pub index: u64,
    pub checkpoint_size: u64,
    pub origin: String,
    pub signed_by: String,
    /// Witnesses whose cosignatures were verified (every `--witness-key`).
    pub checked_cosignatures: Vec<String>,
    /// Other cosignatures: present, but not checked without their keys.
    pub cosignatures: Vec<String>,
}

impl Verified {
    /// One sentence, then the details.
    pub fn summary(&self) -> String {
        let o = &self.opening;
        let what = match (o.kind, o.measure) {
            (Kind::ProtectionGranted, Some(m)) => format!("Protection granted ({})", m.describe()),
            (k, _) => k.describe().to_string(),
        };
        let mut s = format!(
            "{what} on {} by {}; entry {} of log {}, checkpoint of size {}",
            o.day, o.body, self.index, self.origin, self.checkpoint_size
        );
        s.push_str(&format!("\nCase: {}", o.case));
        if let Some(issued_to) = &o.issued_to {
            s.push_str(&format!("\nIssued to: {issued_to}"));
        }
        if let Some(holder) = &o.holder {
            s.push_str(&format!(
                "\nHolder key: {holder} (its holder proves it with a presentation)"
            ));
        }
        if let Some(f) = &o.facts {
            let mut public = Vec::new();
            public.extend(f.sector.map(|v| v.describe().to_string()));
            public.extend(f.area.map(|v| v.describe().to_string()));
            public.extend(f.outcome.map(|v| v.describe().to_string()));
            public.extend(f.weeks.map(|w| format!("{w} whole weeks after the report")));
            public.extend(f.message.map(|v| v.describe().to_string()));
            s.push_str(&format!("\nPublic classification: {}", public.join("; ")));
        }
        s.push_str(&format!("\nSigned by: {}", self.signed_by));
        if !o.kind.is_decision() {
            s.push_str(&format!(
                "\nStored items (SHA-256 of their ciphertext): {}",
                o.ciphertexts.len()
            ));
            for c in &o.ciphertexts {
                s.push_str(&format!("\n  {}", hex::encode(c)));
            }
            if !o.plaintexts.is_empty() {
                s.push_str(&format!(
                    "\nTexts and files (SHA-256 of what the reporter sent): {}",
                    o.plaintexts.len()
                ));
                for p in &o.plaintexts {
                    s.push_str(&format!("\n  {}", hex::encode(p)));
                }
            }
        }
        if o.reasons.is_empty() && o.reasons_sha256.is_some() {
            s.push_str("\nReasons: left out by the holder (committed to, not shown)");
        }
        if !o.reasons.is_empty() {
            s.push_str("\nReasons:");
            for line in o.reasons.lines() {
                s.push_str(&format!("\n  {line}"));
            }
        }
        if !self.checked_cosignatures.is_empty() {
            s.push_str(&format!(
                "\nCosigned by witnesses (verified): {}",
                self.checked_cosignatures.join(", ")
            ));
        }
        if !self.cosignatures.is_empty() {
            s.push_str(&format!(
                "\nOther witness cosignatures (not checked: give their keys with --witness-key): {}",
                self.cosignatures.join(", ")
            ));
        }
        s
    }
}

fn format_err(detail: impl Into<String>) -> CertificateError {
    CertificateError::Format(detail.into())
}

impl Certificate {
    /// Builds a certificate from an opening, its signed entry and a tlog-proof.
    pub fn new(opening: &str, entry_note: &str, proof: &TlogProof) -> Certificate {
        Certificate {
            opening: opening.to_string(),
            entry: entry_note.to_string(),
            proof: proof.to_text(),
        }
    }

    pub fn to_text(&self) -> String {
        let mut out = format!("{HEADER}\n\n");
        for (name, body) in SECTIONS
            .iter()
            .zip([&self.opening, &self.entry, &self.proof])
        {
            out.push_str(&format!(
                "-----BEGIN {name}-----\n{body}-----END {name}-----\n"
            ));
        }
        out
    }

    /// Parses the three sections; each must end with a newline.
    pub fn parse(data: &[u8]) -> Result<Certificate, CertificateError> {
        if data.len() > MAX_CERTIFICATE_BYTES {
            return Err(format_err("it is too large"));
        }
        let text = std::str::from_utf8(data).map_err(|_| format_err("it is not UTF-8 text"))?;
        let text = text.replace("\r\n", "\n");
        let mut rest = text
            .strip_prefix(HEADER)
            .and_then(|r| r.strip_prefix("\n\n"))
            .ok_or_else(|| format_err(format!("the first line must be {HEADER}")))?;
        let mut bodies = Vec::with_capacity(3);
        for name in SECTIONS {
            let begin = format!("-----BEGIN {name}-----\n");
            let end = format!("-----END {name}-----\n");
            rest = rest
                .strip_prefix(begin.as_str())
                .ok_or_else(|| format_err(format!("the {name} section is missing")))?;
            let (body, after) = match rest.find(end.as_str()) {
                Some(at) => (rest.get(..at), rest.get(at + end.len()..)),
                None => (None, None),
            };
            let (Some(body), Some(after)) = (body, after) else {
                return Err(format_err(format!("the {name} section is not closed")));
            };
            if !body.ends_with('\n') || body.contains("-----BEGIN ") {
                return Err(format_err(format!("the {name} section is malformed")));
            }
            bodies.push(body.to_string());
            rest = after;
        }
        if !rest.trim().is_empty() {
            return Err(format_err("unexpected text after the proof"));
        }
        let mut bodies = bodies.into_iter();
        match (bodies.next(), bodies.next(), bodies.next()) {
            (Some(opening), Some(entry), Some(proof)) => Ok(Certificate {
                opening,
                entry,
                proof,
            }),
            _ => Err(format_err("a section is missing")),
        }
    }

    /// Verifies everything offline with the log's and the body's public keys. Every key in
    /// `witnesses` must have cosigned the proof's checkpoint; other cosignatures are listed
    /// but not checked.
    pub fn verify(
        &self,
        log_key: &Verifier,
        body_key: &Verifier,
        witnesses: &[Verifier],
    ) -> Result<Verified, CertificateError> {
        self.verify_under(log_key, body_key, witnesses, None)
    }

    /// [`Certificate::verify`] under a witness policy: the checkpoint's cosignatures by the
    /// policy's witnesses must satisfy its quorum.
    pub fn verify_with_policy(
        &self,
        log_key: &Verifier,
        body_key: &Verifier,
        policy: &Policy,
    ) -> Result<Verified, CertificateError> {
        self.verify_under(log_key, body_key, &policy.witness_keys(), Some(policy))
    }

    fn verify_under(
        &self,
        log_key: &Verifier,
        body_key: &Verifier,
        witnesses: &[Verifier],
        policy: Option<&Policy>,
    ) -> Result<Verified, CertificateError> {
        let opening = Opening::parse(&self.opening).map_err(CertificateError::Opening)?;
        let note = Note::parse(self.entry.as_bytes()).map_err(|e| {
            CertificateError::Entry(EntryError::Malformed {
                what: "signed entry",
                detail: e.to_string(),
            })
        })?;
        let entry = Entry::parse(note.text()).map_err(CertificateError::Entry)?;
        if entry.commitment != opening.commitment() {
            return Err(CertificateError::Mismatch("the commitment differs"));
        }
        if entry.kind != opening.kind {
            return Err(CertificateError::Mismatch("the kind differs"));
        }
        if entry.day != opening.day {
            return Err(CertificateError::Mismatch("the day differs"));
        }
        if entry.facts != opening.facts {
            return Err(CertificateError::Mismatch("the classification differs"));
        }
        let (signer, role) = if entry.kind.is_decision() {
            (body_key, "body")
        } else {
            (log_key, "log")
        };
        let known =
            Verifiers::new([signer.clone()]).map_err(|_| CertificateError::Signature(role))?;
        let verified = note
            .verify(&known)
            .map_err(|_| CertificateError::Signature(role))?;
        if !verified.is_signed_by(signer) {
            return Err(CertificateError::Signature(role));
        }
        let proof = TlogProof::parse(self.proof.as_bytes()).map_err(CertificateError::Proof)?;
        // Without a policy every witness given must have cosigned; with one, its quorum.
        let required = if policy.is_some() { 0 } else { witnesses.len() };
        let checkpoints = CheckpointVerifier::with_witnesses(
            log_key.name(),
            log_key.clone(),
            witnesses.to_vec(),
            required,
        )
        .map_err(|e| CertificateError::Proof(ProofError::from(e)))?;
        let signed = proof
            .verify(self.entry.as_bytes(), &checkpoints)
            .map_err(CertificateError::Proof)?;
        if let Some(policy) = policy
            && !policy.satisfied_by(signed.cosignatures())
        {
            return Err(CertificateError::Quorum(
                policy.cosigned_by(signed.cosignatures()).join(", "),
            ));
        }
        let valid = signed.cosignatures();
        let checked = |name: &str| valid.iter().any(|w| w.name == name);
        let (checked_cosignatures, cosignatures) =
            Note::parse(proof.signed_checkpoint().as_bytes())
                .map(|n| {
                    n.signatures()
                        .iter()
                        .filter(|s| s.name() != log_key.name())
                        .map(|s| s.name().to_string())
                        .partition(|name| checked(name))
                })
                .unwrap_or_default();
        Ok(Verified {
            opening,
            entry,
            index: proof.index(),
            checkpoint_size: signed.checkpoint().size(),
            origin: signed.checkpoint().origin().to_string(),
            signed_by: signer.name().to_string(),
            checked_cosignatures,
            cosignatures,
        })
    }
}

/// Fuzz entry point: certificates never panic the parser and round-trip.
pub fn fuzz_parse_certificate(data: &[u8]) {
    if let Ok(c) = Certificate::parse(data) {
        let again = Certificate::parse(c.to_text().as_bytes());
        debug_assert!(again.is_ok());
    }
}
