//! C2SP transparency log checkpoints (c2sp.org/tlog-checkpoint).
//!
//! A checkpoint is the text of a signed note:
//!
//! ```text
//! <origin>
//! <tree size, decimal, no leading zeros>
//! <root hash, standard base64>
//! [extension lines, each non-empty]
//! ```
//!
//! [`Checkpoint`] is the body; [`CheckpointVerifier`] opens a signed
//! checkpoint under a trust policy (expected origin, the log's Ed25519 key,
//! optional witness cosigners and a cosignature quorum).

use std::fmt;

use crate::merkle::Hash;
use crate::note::{self, Cosigner, NoteError, NoteSignature, Signer, VerifiedSignature, Verifier};

/// Errors of checkpoint parsing and verification.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CheckpointError {
    /// The text is larger than [`note::MAX_NOTE_SIZE`].
    #[error("checkpoint is {0} bytes, larger than the note limit")]
    TooLarge(usize),
    /// The text does not end with a newline.
    #[error("checkpoint text must end with a newline")]
    NotTerminated,
    /// The text contains a control character other than newline.
    #[error("checkpoint contains a control character other than newline")]
    ControlCharacter,
    /// Fewer than three lines.
    #[error("checkpoint needs origin, tree size and root hash lines")]
    MissingLines,
    /// Empty origin line.
    #[error("checkpoint origin is empty")]
    EmptyOrigin,
    /// The tree size line is not a canonical decimal `u64`.
    #[error("invalid tree size line {0:?}: want a decimal without leading zeros")]
    InvalidSize(String),
    /// The root hash line is not base64 of 32 bytes.
    #[error("invalid root hash line {0:?}: want standard base64 of 32 bytes")]
    InvalidRoot(String),
    /// An extension line is empty or contains a newline.
    #[error("checkpoint extension lines must be non-empty single lines")]
    InvalidExtension,
    /// The signed note failed to parse or verify.
    #[error("checkpoint note: {0}")]
    Note(#[from] NoteError),
    /// The origin is not the expected one.
    #[error("checkpoint origin {got:?} is not the expected {want:?}")]
    WrongOrigin {
        /// Expected origin.
        want: String,
        /// Origin found.
        got: String,
    },
    /// The log key is not an Ed25519 note key (type `0x01`).
    #[error("the log key must be an Ed25519 note key (type 0x01)")]
    LogKeyType,
    /// No valid signature from the log key.
    #[error("checkpoint is not signed by the log key {0}")]
    MissingLogSignature(String),
    /// Fewer valid witness cosignatures than the quorum.
    #[error("checkpoint has {got} valid witness cosignatures, policy requires {want}")]
    NotEnoughCosignatures {
        /// Required.
        want: usize,
        /// Found.
        got: usize,
    },
    /// The quorum is larger than the number of witnesses.
    #[error("quorum {quorum} exceeds the {witnesses} configured witnesses")]
    InvalidQuorum {
        /// Quorum.
        quorum: usize,
        /// Number of witnesses.
        witnesses: usize,
    },
}

fn clip(s: &str) -> String {
    s.chars().take(64).collect()
}

fn check_line(s: &str) -> bool {
    !s.is_empty() && !s.bytes().any(|b| b < 0x20)
}

/// Parses a canonical decimal `u64`: digits only, no leading zeros except
/// for `0` itself, no sign, no overflow. Every strict format of Candor's reads its
/// numbers with it, so that a parsed value encodes back to the same bytes.
pub fn parse_decimal(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 20 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if s.len() > 1 && s.starts_with('0') {
        return None;
    }
    s.parse().ok()
}

/// A checkpoint body (the note text).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Checkpoint {
    origin: String,
    size: u64,
    root: Hash,
    extensions: Vec<String>,
}

impl Checkpoint {
    /// A checkpoint without extension lines. The origin must be a non-empty
    /// line without control characters.
    pub fn new(origin: &str, size: u64, root: Hash) -> Result<Self, CheckpointError> {
        if !check_line(origin) {
            return Err(CheckpointError::EmptyOrigin);
        }
        Ok(Self {
            origin: origin.to_owned(),
            size,
            root,
            extensions: Vec::new(),
        })
    }

    /// Adds extension lines (each non-empty, no control characters). Their
    /// use is NOT RECOMMENDED by the spec, as monitors cannot audit them.
    pub fn with_extensions(
        mut self,
        lines: impl IntoIterator<Item = String>,
    ) -> Result<Self, CheckpointError> {
        for l in lines {
            if !check_line(&l) {
                return Err(CheckpointError::InvalidExtension);
            }
            self.extensions.push(l);
        }
        Ok(self)
    }

    /// Parses a checkpoint body strictly.
    pub fn parse(text: &str) -> Result<Self, CheckpointError> {
        if text.len() > note::MAX_NOTE_SIZE {
            return Err(CheckpointError::TooLarge(text.len()));
        }
        let body = text
            .strip_suffix('\n')
            .ok_or(CheckpointError::NotTerminated)?;
        if text.bytes().any(|b| b < 0x20 && b != b'\n') {
            return Err(CheckpointError::ControlCharacter);
        }
        let mut lines = body.split('\n');
        let origin = lines.next().ok_or(CheckpointError::MissingLines)?;
        let size_line = lines.next().ok_or(CheckpointError::MissingLines)?;
        let root_line = lines.next().ok_or(CheckpointError::MissingLines)?;
        if origin.is_empty() {
            return Err(CheckpointError::EmptyOrigin);
        }
        let size = parse_decimal(size_line)
            .ok_or_else(|| CheckpointError::InvalidSize(clip(size_line)))?;
        let root = Hash::from_base64(root_line)
            .map_err(|_| CheckpointError::InvalidRoot(clip(root_line)))?;
        let mut extensions = Vec::new();
        for l in lines {
            if l.is_empty() {
                return Err(CheckpointError::InvalidExtension);
            }
            extensions.push(l.to_owned());
        }
        Ok(Self {
            origin: origin.to_owned(),
            size,
            root,
            extensions,
        })
    }

    /// The checkpoint body, ending with a newline.
    pub fn to_text(&self) -> String {
        let mut s = format!("{}\n{}\n{}\n", self.origin, self.size, self.root);
        for e in &self.extensions {
            s.push_str(e);
            s.push('\n');
        }
        s
    }

    /// Origin line.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Tree size.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Root hash.
    pub fn root(&self) -> &Hash {
        &self.root
    }

    /// Extension lines.
    pub fn extensions(&self) -> &[String] {
        &self.extensions
    }

    /// Signs the checkpoint with the log key and returns the signed note.
    pub fn sign(&self, log: &Signer) -> Result<String, CheckpointError> {
        Ok(note::sign(&self.to_text(), &[log])?)
    }

    /// A witness cosignature over this checkpoint at `timestamp`.
    pub fn cosign(
        &self,
        witness: &Cosigner,
        timestamp: u64,
    ) -> Result<NoteSignature, CheckpointError> {
        Ok(witness.cosign(&self.to_text(), timestamp)?)
    }
}

impl fmt::Display for Checkpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}

/// The timestamp a Candor cosignature carries for a moment given in Unix seconds: the start
/// of its UTC day. A cosignature is public, so it times nobody's action more finely than
/// the day.
pub fn cosignature_day(unix_seconds: i64) -> u64 {
    u64::try_from(unix_seconds.max(0) / 86_400 * 86_400).unwrap_or(0)
}

/// A checkpoint whose signatures verified under a [`CheckpointVerifier`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedCheckpoint {
    checkpoint: Checkpoint,
    cosignatures: Vec<VerifiedSignature>,
    signed_note: String,
}

impl SignedCheckpoint {
    /// The checkpoint body.
    pub fn checkpoint(&self) -> &Checkpoint {
        &self.checkpoint
    }

    /// Valid cosignatures from configured witnesses (with timestamps).
    pub fn cosignatures(&self) -> &[VerifiedSignature] {
        &self.cosignatures
    }

    /// The signed note exactly as received (all signature lines kept).
    pub fn signed_note(&self) -> &str {
        &self.signed_note
    }
}

/// Trust policy for signed checkpoints: the expected origin, the log's
/// Ed25519 key, witness keys (usually cosigners, type `0x04`) and how many
/// distinct witnesses must have cosigned.
#[derive(Debug, Clone)]
pub struct CheckpointVerifier {
    origin: String,
    log: Verifier,
    witnesses: Vec<Verifier>,
    quorum: usize,
    known: note::Verifiers,
}

impl CheckpointVerifier {
    /// A policy trusting only the log key (no witnesses required).
    pub fn new(origin: &str, log: Verifier) -> Result<Self, CheckpointError> {
        Self::with_witnesses(origin, log, Vec::new(), 0)
    }

    /// A policy that also requires `quorum` valid cosignatures from distinct
    /// keys among `witnesses`.
    pub fn with_witnesses(
        origin: &str,
        log: Verifier,
        witnesses: Vec<Verifier>,
        quorum: usize,
    ) -> Result<Self, CheckpointError> {
        if log.key_type() != note::KeyType::Ed25519 {
            return Err(CheckpointError::LogKeyType);
        }
        if !check_line(origin) {
            return Err(CheckpointError::EmptyOrigin);
        }
        let known =
            note::Verifiers::new(std::iter::once(log.clone()).chain(witnesses.iter().cloned()))?;
        let distinct = known.iter().count().saturating_sub(1);
        if quorum > distinct {
            return Err(CheckpointError::InvalidQuorum {
                quorum,
                witnesses: distinct,
            });
        }
        Ok(Self {
            origin: origin.to_owned(),
            log,
            witnesses,
            quorum,
            known,
        })
    }

    /// The expected origin.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The log key.
    pub fn log_key(&self) -> &Verifier {
        &self.log
    }

    /// Parses and verifies a signed checkpoint: the note must verify (no
    /// failing known signature), carry a valid log signature, have the
    /// expected origin, and meet the cosignature quorum.
    pub fn verify(&self, signed_note: &[u8]) -> Result<SignedCheckpoint, CheckpointError> {
        let verified = note::open(signed_note, &self.known)?;
        if !verified.is_signed_by(&self.log) {
            return Err(CheckpointError::MissingLogSignature(self.log.to_vkey()));
        }
        let checkpoint = Checkpoint::parse(verified.text())?;
        if checkpoint.origin != self.origin {
            return Err(CheckpointError::WrongOrigin {
                want: self.origin.clone(),
                got: clip(&checkpoint.origin),
            });
        }
        let cosignatures: Vec<VerifiedSignature> = verified
            .verified()
            .iter()
            .filter(|s| {
                !(s.name == self.log.name() && s.key_id == self.log.key_id())
                    && self
                        .witnesses
                        .iter()
                        .any(|w| w.name() == s.name && w.key_id() == s.key_id)
            })
            .cloned()
            .collect();
        if cosignatures.len() < self.quorum {
            return Err(CheckpointError::NotEnoughCosignatures {
                want: self.quorum,
                got: cosignatures.len(),
            });
        }
        // Parsing succeeded on these bytes, so they are UTF-8.
        let signed_note = String::from_utf8_lossy(signed_note).into_owned();
        Ok(SignedCheckpoint {
            checkpoint,
            cosignatures,
            signed_note,
        })
    }
}

/// Fuzz entry point: parse arbitrary bytes as a checkpoint body and as a
/// signed checkpoint; check the body round-trips.
pub fn fuzz_parse_checkpoint(data: &[u8]) {
    if let Ok(s) = std::str::from_utf8(data)
        && let Ok(c) = Checkpoint::parse(s)
    {
        debug_assert_eq!(c.to_text(), s);
    }
    if let Ok(n) = note::Note::parse(data) {
        let _ = Checkpoint::parse(n.text());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merkle::{EMPTY_ROOT, leaf_hash};
    use proptest::prelude::*;

    const ORIGIN: &str = "candor.example/log";

    fn log_signer() -> Signer {
        Signer::from_seed(ORIGIN, &[1; 32]).unwrap()
    }

    #[test]
    fn format_and_parse() {
        let root = leaf_hash(b"x");
        let c = Checkpoint::new(ORIGIN, 42, root).unwrap();
        let text = c.to_text();
        assert_eq!(text, format!("{ORIGIN}\n42\n{root}\n"));
        assert_eq!(Checkpoint::parse(&text).unwrap(), c);
        let e = c
            .clone()
            .with_extensions(["ext one".to_owned(), "two".to_owned()])
            .unwrap();
        assert_eq!(Checkpoint::parse(&e.to_text()).unwrap(), e);
        assert!(e.to_text().ends_with("ext one\ntwo\n"));
        let zero = Checkpoint::new(ORIGIN, 0, EMPTY_ROOT).unwrap();
        assert_eq!(Checkpoint::parse(&zero.to_text()).unwrap().size(), 0);
        // The C2SP example body.
        let ex =
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        assert_eq!(Checkpoint::parse(ex).unwrap().size(), 20852163);
    }

    #[test]
    fn malformed_bodies() {
        let r = leaf_hash(b"x").to_base64();
        let bad = [
            String::new(),
            "o\n1\n".to_owned(),
            format!("o\n1\n{r}"),
            format!("\n1\n{r}\n"),
            format!("o\n01\n{r}\n"),
            format!("o\n+1\n{r}\n"),
            format!("o\n-1\n{r}\n"),
            format!("o\n 1\n{r}\n"),
            format!("o\n0x1\n{r}\n"),
            format!("o\n18446744073709551616\n{r}\n"),
            format!("o\n1\n{}\n", &r[..43]),
            "o\n1\nZG9uJ3QgY2FyZSAy\n".to_owned(),
            format!("o\n1\n{r}\n\n"),
            format!("o\n1\n{r}\next\n\n"),
            format!("o\n1\n{r}\next\n\nmore\n"),
            format!("o\r\n1\n{r}\n"),
            format!("o\n1\n{r}\r\n"),
        ];
        for b in &bad {
            assert!(Checkpoint::parse(b).is_err(), "{b:?}");
        }
        assert_eq!(
            Checkpoint::parse(&format!("o\n{}\n{r}\n", u64::MAX))
                .unwrap()
                .size(),
            u64::MAX
        );
        assert!(Checkpoint::new("", 1, EMPTY_ROOT).is_err());
        assert!(Checkpoint::new("a\nb", 1, EMPTY_ROOT).is_err());
        assert!(
            Checkpoint::new("o", 1, EMPTY_ROOT)
                .unwrap()
                .with_extensions([String::new()])
                .is_err()
        );
    }

    #[test]
    fn signed_checkpoint_policy() {
        let log = log_signer();
        let w1 = Cosigner::from_seed("w1.example", &[2; 32]).unwrap();
        let w2 = Cosigner::from_seed("w2.example", &[3; 32]).unwrap();
        let c = Checkpoint::new(ORIGIN, 7, leaf_hash(b"r")).unwrap();
        let mut n = note::Note::parse(c.sign(&log).unwrap().as_bytes()).unwrap();
        n.add_signature(c.cosign(&w1, 1000).unwrap()).unwrap();
        let msg = n.to_text();

        let only_log = CheckpointVerifier::new(ORIGIN, log.verifier()).unwrap();
        let sc = only_log.verify(msg.as_bytes()).unwrap();
        assert_eq!(sc.checkpoint(), &c);
        assert!(sc.cosignatures().is_empty());
        assert_eq!(sc.signed_note(), msg);

        let policy = CheckpointVerifier::with_witnesses(
            ORIGIN,
            log.verifier(),
            vec![w1.verifier(), w2.verifier()],
            1,
        )
        .unwrap();
        let sc = policy.verify(msg.as_bytes()).unwrap();
        assert_eq!(sc.cosignatures().len(), 1);
        assert_eq!(sc.cosignatures()[0].timestamp, Some(1000));

        let two = CheckpointVerifier::with_witnesses(
            ORIGIN,
            log.verifier(),
            vec![w1.verifier(), w2.verifier()],
            2,
        )
        .unwrap();
        assert!(matches!(
            two.verify(msg.as_bytes()),
            Err(CheckpointError::NotEnoughCosignatures { want: 2, got: 1 })
        ));

        // Wrong origin.
        let other = CheckpointVerifier::new("other.example/log", log.verifier()).unwrap();
        assert!(matches!(
            other.verify(msg.as_bytes()),
            Err(CheckpointError::WrongOrigin { .. })
        ));
        // Signed only by a witness: the log signature is required.
        let mut wn = note::Note::new(&c.to_text()).unwrap();
        wn.add_signature(c.cosign(&w1, 5).unwrap()).unwrap();
        assert!(matches!(
            policy.verify(wn.to_text().as_bytes()),
            Err(CheckpointError::MissingLogSignature(_))
        ));
        // Signed by another log key: no known signature.
        let impostor = Signer::from_seed(ORIGIN, &[9; 32]).unwrap();
        assert!(matches!(
            only_log.verify(c.sign(&impostor).unwrap().as_bytes()),
            Err(CheckpointError::Note(NoteError::NoVerifiedSignature))
        ));
        // Any single-bit change of the signed body fails.
        let signed = c.sign(&log).unwrap();
        let tampered = signed.replacen("\n7\n", "\n8\n", 1);
        assert!(only_log.verify(tampered.as_bytes()).is_err());
        // Policy errors.
        assert!(matches!(
            CheckpointVerifier::new(ORIGIN, w1.verifier()),
            Err(CheckpointError::LogKeyType)
        ));
        assert!(matches!(
            CheckpointVerifier::with_witnesses(ORIGIN, log.verifier(), vec![w1.verifier()], 2),
            Err(CheckpointError::InvalidQuorum { .. })
        ));
        // A signed note whose body is not a checkpoint.
        let junk = note::sign("not a checkpoint\n", &[&log]).unwrap();
        assert!(only_log.verify(junk.as_bytes()).is_err());
    }

    proptest! {
        #[test]
        fn round_trip(
            origin in "[a-z./]{1,30}", size in any::<u64>(), root in any::<[u8; 32]>(),
            ext in proptest::collection::vec("[ -~]{1,20}", 0..3)
        ) {
            let c = Checkpoint::new(&origin, size, Hash(root)).unwrap().with_extensions(ext).unwrap();
            prop_assert_eq!(Checkpoint::parse(&c.to_text()).unwrap(), c);
        }

        #[test]
        fn parse_never_panics(data in proptest::collection::vec(any::<u8>(), 0..256)) {
            fuzz_parse_checkpoint(&data);
        }

        #[test]
        fn parse_never_panics_on_near_checkpoints(s in "[a-z0-9\n+/=]{0,120}") {
            fuzz_parse_checkpoint(s.as_bytes());
            fuzz_parse_checkpoint(format!("o\n{s}\n").as_bytes());
        }
    }
}
