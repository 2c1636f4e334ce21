//! Offline-verifiable inclusion proofs (c2sp.org/tlog-proof@v1).
//!
//! ```text
//! c2sp.org/tlog-proof@v1
//! extra <base64>            (optional, unauthenticated)
//! index <decimal>
//! <base64 hash>             (zero or more: audit path, leaf sibling first)
//!
//! <signed checkpoint, verbatim, with any cosignatures>
//! ```
//!
//! A reporter keeps such a proof (file extension `.tlog-proof`) and checks it
//! offline against the log's origin and public key, and optionally a set of
//! witness keys and a quorum ([`CheckpointVerifier`]).

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use crate::checkpoint::{
    Checkpoint, CheckpointError, CheckpointVerifier, SignedCheckpoint, parse_decimal,
};
use crate::merkle::{self, Hash, HashReader, MAX_PROOF_LEN, MerkleError, leaf_hash};
use crate::note::{MAX_NOTE_SIZE, Note};

/// First line of a proof.
pub const PROOF_HEADER: &str = "c2sp.org/tlog-proof@v1";

/// Largest proof accepted by the parser: a maximal note plus header lines.
pub const MAX_PROOF_SIZE: usize = MAX_NOTE_SIZE + 16 * 1024;

/// Errors of proof parsing and verification.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProofError {
    /// Larger than [`MAX_PROOF_SIZE`].
    #[error("proof is {0} bytes, larger than the limit")]
    TooLarge(usize),
    /// Not UTF-8.
    #[error("proof is not valid UTF-8")]
    NotUtf8,
    /// A line is missing its newline, or the text ends early.
    #[error("proof ends before the {0}")]
    Truncated(&'static str),
    /// The first line is not `c2sp.org/tlog-proof@v1`.
    #[error("first line must be {PROOF_HEADER:?}")]
    MissingHeader,
    /// The extra line is not `extra <non-empty standard base64>`.
    #[error("malformed extra line: want \"extra \" and non-empty standard base64")]
    MalformedExtra,
    /// The index line is not `index <canonical decimal>`.
    #[error("malformed index line {0:?}")]
    MalformedIndex(String),
    /// A proof line is not base64 of 32 bytes.
    #[error("proof line {line} is not standard base64 of a 32-byte hash")]
    MalformedHash {
        /// 1-based line number.
        line: usize,
    },
    /// More than 64 proof hashes.
    #[error("inclusion proof has more than {MAX_PROOF_LEN} hashes")]
    TooManyHashes,
    /// The embedded checkpoint is malformed, unsigned or fails the policy.
    #[error("checkpoint: {0}")]
    Checkpoint(#[from] CheckpointError),
    /// The index is not below the checkpoint's tree size.
    #[error("index {index} is not in the checkpoint's tree of size {size}")]
    IndexNotInTree {
        /// Entry index.
        index: u64,
        /// Tree size.
        size: u64,
    },
    /// The inclusion proof does not verify, or building it failed.
    #[error("inclusion: {0}")]
    Inclusion(#[from] MerkleError),
}

/// A parsed c2sp.org/tlog-proof@v1 proof (not yet verified).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlogProof {
    extra: Option<Vec<u8>>,
    index: u64,
    inclusion: Vec<Hash>,
    signed_checkpoint: String,
    checkpoint: Checkpoint,
}

/// Splits off the next line (without its newline); the line must end with one.
fn next_line<'a>(rest: &mut &'a str, what: &'static str) -> Result<&'a str, ProofError> {
    let (line, tail) = rest.split_once('\n').ok_or(ProofError::Truncated(what))?;
    *rest = tail;
    Ok(line)
}

impl TlogProof {
    /// A proof from its parts. `signed_checkpoint` is the log's signed note
    /// (with cosignatures), checked here for syntax only; an empty `extra`
    /// is the same as none.
    pub fn new(
        index: u64,
        inclusion: Vec<Hash>,
        signed_checkpoint: &str,
        extra: Option<Vec<u8>>,
    ) -> Result<Self, ProofError> {
        if inclusion.len() > MAX_PROOF_LEN {
            return Err(ProofError::TooManyHashes);
        }
        let note = Note::parse(signed_checkpoint.as_bytes()).map_err(CheckpointError::from)?;
        let checkpoint = Checkpoint::parse(note.text())?;
        Ok(Self {
            extra: extra.filter(|e| !e.is_empty()),
            index,
            inclusion,
            signed_checkpoint: signed_checkpoint.to_owned(),
            checkpoint,
        })
    }

    /// Builds the proof for record `index` in the tree of the signed
    /// checkpoint, reading hashes from the log's storage.
    pub fn for_record<R: HashReader + ?Sized>(
        index: u64,
        signed_checkpoint: &str,
        reader: &R,
        extra: Option<Vec<u8>>,
    ) -> Result<Self, ProofError> {
        let mut p = Self::new(index, Vec::new(), signed_checkpoint, extra)?;
        let size = p.checkpoint.size();
        if index >= size {
            return Err(ProofError::IndexNotInTree { index, size });
        }
        p.inclusion = merkle::prove_record(size, index, reader)?;
        Ok(p)
    }

    /// Parses a proof strictly.
    pub fn parse(data: &[u8]) -> Result<Self, ProofError> {
        if data.len() > MAX_PROOF_SIZE {
            return Err(ProofError::TooLarge(data.len()));
        }
        let text = std::str::from_utf8(data).map_err(|_| ProofError::NotUtf8)?;
        let mut rest = text;
        if next_line(&mut rest, "header line")? != PROOF_HEADER {
            return Err(ProofError::MissingHeader);
        }
        let mut line = next_line(&mut rest, "index line")?;
        let mut line_no = 2;
        let extra = match line.strip_prefix("extra ") {
            Some(b64) => {
                let e = BASE64.decode(b64).map_err(|_| ProofError::MalformedExtra)?;
                if e.is_empty() {
                    return Err(ProofError::MalformedExtra);
                }
                line = next_line(&mut rest, "index line")?;
                line_no += 1;
                Some(e)
            }
            None if line.starts_with("extra") => return Err(ProofError::MalformedExtra),
            None => None,
        };
        let index = line
            .strip_prefix("index ")
            .and_then(parse_decimal)
            .ok_or_else(|| ProofError::MalformedIndex(line.chars().take(64).collect()))?;
        let mut inclusion = Vec::new();
        loop {
            let l = next_line(&mut rest, "blank line before the checkpoint")?;
            line_no += 1;
            if l.is_empty() {
                break;
            }
            if inclusion.len() >= MAX_PROOF_LEN {
                return Err(ProofError::TooManyHashes);
            }
            inclusion.push(
                Hash::from_base64(l).map_err(|_| ProofError::MalformedHash { line: line_no })?,
            );
        }
        Self::new(index, inclusion, rest, None).map(|p| Self { extra, ..p })
    }

    /// The proof text.
    pub fn to_text(&self) -> String {
        let mut s = format!("{PROOF_HEADER}\n");
        if let Some(e) = &self.extra {
            s.push_str(&format!("extra {}\n", BASE64.encode(e)));
        }
        s.push_str(&format!("index {}\n", self.index));
        for h in &self.inclusion {
            s.push_str(&h.to_base64());
            s.push('\n');
        }
        s.push('\n');
        s.push_str(&self.signed_checkpoint);
        s
    }

    /// Entry index.
    pub fn index(&self) -> u64 {
        self.index
    }

    /// Inclusion proof hashes.
    pub fn inclusion(&self) -> &[Hash] {
        &self.inclusion
    }

    /// Opaque extra data (unauthenticated).
    pub fn extra(&self) -> Option<&[u8]> {
        self.extra.as_deref()
    }

    /// The signed checkpoint note, verbatim.
    pub fn signed_checkpoint(&self) -> &str {
        &self.signed_checkpoint
    }

    /// The checkpoint body (not verified: use [`TlogProof::verify`]).
    pub fn unverified_checkpoint(&self) -> &Checkpoint {
        &self.checkpoint
    }

    /// Verifies the proof for the entry `leaf_data`: the checkpoint must pass
    /// `policy` (origin, log signature, cosignature quorum) and the inclusion
    /// proof must lead from `leaf_hash(leaf_data)` at `index` to its root.
    pub fn verify(
        &self,
        leaf_data: &[u8],
        policy: &CheckpointVerifier,
    ) -> Result<SignedCheckpoint, ProofError> {
        self.verify_leaf_hash(&leaf_hash(leaf_data), policy)
    }

    /// Like [`TlogProof::verify`], given the leaf hash.
    pub fn verify_leaf_hash(
        &self,
        leaf: &Hash,
        policy: &CheckpointVerifier,
    ) -> Result<SignedCheckpoint, ProofError> {
        let signed = policy.verify(self.signed_checkpoint.as_bytes())?;
        let cp = signed.checkpoint();
        if self.index >= cp.size() {
            return Err(ProofError::IndexNotInTree {
                index: self.index,
                size: cp.size(),
            });
        }
        merkle::check_record(&self.inclusion, cp.size(), cp.root(), self.index, leaf)?;
        Ok(signed)
    }
}

impl fmt::Display for TlogProof {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}

/// Fuzz entry point: parse arbitrary bytes as a proof; check it round-trips.
pub fn fuzz_parse_proof(data: &[u8]) {
    if let Ok(p) = TlogProof::parse(data) {
        debug_assert_eq!(p.to_text().as_bytes(), data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merkle::MemoryLog;
    use crate::note::{Cosigner, Signer};
    use proptest::prelude::*;

    const ORIGIN: &str = "candor.example/status";

    struct Fixture {
        log: MemoryLog,
        signer: Signer,
        witnesses: Vec<Cosigner>,
        signed: String,
    }

    fn fixture(n: u64) -> Fixture {
        let mut log = MemoryLog::new();
        for i in 0..n {
            log.append(format!("decision {i}").as_bytes()).unwrap();
        }
        let signer = Signer::from_seed(ORIGIN, &[7; 32]).unwrap();
        let witnesses: Vec<Cosigner> = (0..3)
            .map(|i| Cosigner::from_seed(&format!("w{i}.example"), &[20 + i; 32]).unwrap())
            .collect();
        let cp = Checkpoint::new(ORIGIN, n, log.root().unwrap()).unwrap();
        let mut note = Note::parse(cp.sign(&signer).unwrap().as_bytes()).unwrap();
        for (i, w) in witnesses.iter().enumerate().take(2) {
            note.add_signature(cp.cosign(w, 1_700_000_000 + i as u64).unwrap())
                .unwrap();
        }
        Fixture {
            log,
            signer,
            witnesses,
            signed: note.to_text(),
        }
    }

    fn policy(f: &Fixture, quorum: usize) -> CheckpointVerifier {
        CheckpointVerifier::with_witnesses(
            ORIGIN,
            f.signer.verifier(),
            f.witnesses.iter().map(Cosigner::verifier).collect(),
            quorum,
        )
        .unwrap()
    }

    #[test]
    fn build_format_parse_verify() {
        let f = fixture(1000);
        let p = TlogProof::for_record(733, &f.signed, &f.log, Some(b"ctx".to_vec())).unwrap();
        let text = p.to_text();
        assert!(text.starts_with("c2sp.org/tlog-proof@v1\nextra Y3R4\nindex 733\n"));
        assert!(text.ends_with(&f.signed));
        let q = TlogProof::parse(text.as_bytes()).unwrap();
        assert_eq!(q, p);
        let sc = q.verify(b"decision 733", &policy(&f, 2)).unwrap();
        assert_eq!(sc.checkpoint().size(), 1000);
        assert_eq!(sc.cosignatures().len(), 2);
        // Wrong entry, wrong index, quorum not met, wrong log key.
        assert!(matches!(
            q.verify(b"decision 734", &policy(&f, 0)),
            Err(ProofError::Inclusion(_))
        ));
        let mut wrong_index = q.clone();
        wrong_index.index = 734;
        assert!(wrong_index.verify(b"decision 733", &policy(&f, 0)).is_err());
        assert!(matches!(
            q.verify(b"decision 733", &policy(&f, 3)),
            Err(ProofError::Checkpoint(
                CheckpointError::NotEnoughCosignatures { .. }
            ))
        ));
        let other = Signer::from_seed(ORIGIN, &[8; 32]).unwrap();
        let bad_policy = CheckpointVerifier::new(ORIGIN, other.verifier()).unwrap();
        assert!(q.verify(b"decision 733", &bad_policy).is_err());
        // Index beyond the tree.
        assert!(TlogProof::for_record(1000, &f.signed, &f.log, None).is_err());
        let mut beyond = q.clone();
        beyond.index = 5000;
        assert!(matches!(
            beyond.verify(b"decision 733", &policy(&f, 0)),
            Err(ProofError::IndexNotInTree { .. })
        ));
    }

    #[test]
    fn edge_sizes() {
        // One entry: empty audit path.
        let f = fixture(1);
        let p = TlogProof::for_record(0, &f.signed, &f.log, None).unwrap();
        assert!(p.inclusion().is_empty());
        let text = p.to_text();
        assert!(text.starts_with("c2sp.org/tlog-proof@v1\nindex 0\n\n"));
        let q = TlogProof::parse(text.as_bytes()).unwrap();
        q.verify(b"decision 0", &policy(&f, 2)).unwrap();
        // Empty extra is omitted.
        let e = TlogProof::new(0, vec![], &f.signed, Some(vec![])).unwrap();
        assert_eq!(e.extra(), None);
    }

    #[test]
    fn malformed_proofs() {
        let f = fixture(10);
        let good = TlogProof::for_record(3, &f.signed, &f.log, None)
            .unwrap()
            .to_text();
        let h = f.log.root().unwrap().to_base64();
        let cases = [
            String::new(),
            "c2sp.org/tlog-proof@v1".to_owned(),
            good.replacen("@v1", "@v2", 1),
            good.replacen("index 3", "index 03", 1),
            good.replacen("index 3", "index  3", 1),
            good.replacen("index 3", "index -3", 1),
            good.replacen("index 3", "Index 3", 1),
            good.replacen("index 3\n", "", 1),
            good.replacen("index 3\n", "index 3\nextra AAAA\n", 1),
            good.replacen("index 3\n", "extra \nindex 3\n", 1),
            good.replacen("index 3\n", "extra !!\nindex 3\n", 1),
            good.replacen("index 3\n", "extraAAAA\nindex 3\n", 1),
            good.replacen("index 3\n", &format!("index 3\n{}\n", &h[..40]), 1),
            good.replacen("index 3\n", "index 3\nZG9uJ3QgY2FyZSAy\n", 1),
            good.replacen("\n\n", "\n", 1),
            good.replacen(&f.signed, "", 1),
            good.replacen(&f.signed, "garbage\n", 1),
            format!("{good}trailing"),
            good.replacen("\n", "\r\n", 1),
            format!(
                "{PROOF_HEADER}\nindex 0\n{}\n{}",
                format!("{h}\n").repeat(65),
                f.signed
            ),
        ];
        for c in &cases {
            assert!(TlogProof::parse(c.as_bytes()).is_err(), "accepted {c:?}");
        }
        assert!(TlogProof::parse(&[0xff, 0xfe]).is_err());
        assert!(TlogProof::parse(&vec![b'a'; MAX_PROOF_SIZE + 1]).is_err());
        // 64 hashes is syntactically fine.
        let ok64 = format!(
            "{PROOF_HEADER}\nindex 0\n{}\n{}",
            format!("{h}\n").repeat(64),
            f.signed
        );
        assert!(TlogProof::parse(ok64.as_bytes()).is_ok());
    }

    #[test]
    fn bit_flips_in_proof_fail() {
        let f = fixture(300);
        let pol = policy(&f, 1);
        let p = TlogProof::for_record(123, &f.signed, &f.log, None).unwrap();
        p.verify(b"decision 123", &pol).unwrap();
        for j in 0..p.inclusion.len() {
            for bit in [0usize, 77, 255] {
                let mut q = p.clone();
                q.inclusion[j].0[bit / 8] ^= 1 << (bit % 8);
                assert!(q.verify(b"decision 123", &pol).is_err());
            }
        }
        // Flipping a byte of the signed checkpoint (root line or a signature).
        let text = p.to_text();
        let cp_start = text.len() - f.signed.len();
        for off in [cp_start + ORIGIN.len() + 6, text.len() - 10] {
            let mut bytes = text.clone().into_bytes();
            bytes[off] = if bytes[off] == b'A' { b'B' } else { b'A' };
            if let Ok(q) = TlogProof::parse(&bytes) {
                assert!(q.verify(b"decision 123", &pol).is_err(), "offset {off}");
            }
        }
    }

    proptest! {
        #[test]
        fn round_trip_and_verify(n in 1u64..500, idx in any::<u64>(), extra in proptest::collection::vec(any::<u8>(), 0..20)) {
            let f = fixture(n);
            let i = idx % n;
            let p = TlogProof::for_record(i, &f.signed, &f.log, Some(extra)).unwrap();
            let q = TlogProof::parse(p.to_text().as_bytes()).unwrap();
            prop_assert_eq!(&q, &p);
            let entry = format!("decision {i}");
            prop_assert!(q.verify(entry.as_bytes(), &policy(&f, 2)).is_ok());
        }

        #[test]
        fn parse_never_panics(data in proptest::collection::vec(any::<u8>(), 0..400)) {
            fuzz_parse_proof(&data);
        }

        #[test]
        fn parse_never_panics_near_valid(prefix in "(c2sp.org/tlog-proof@v1\n)?(extra [A-Za-z0-9+/=]{0,8}\n)?(index [0-9]{0,3}\n)?([A-Za-z0-9+/=]{0,44}\n){0,3}\n?", body in "[a-z0-9\n—+/= ]{0,80}") {
            fuzz_parse_proof(format!("{prefix}{body}").as_bytes());
        }
    }
}
