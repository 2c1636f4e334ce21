//! The body of `POST /add-checkpoint` (tlog-witness v1):
//!
//! ```text
//! old 15
//! <consistency proof line, base64>…
//!
//! <signed checkpoint note>
//! ```

use candor_log::checkpoint::parse_decimal;
use candor_log::merkle::Hash;

/// Largest request body accepted.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// Most proof lines (a consistency proof of any tree up to 2^63 entries is shorter).
pub const MAX_PROOF_LINES: usize = 63;

/// A parsed `add-checkpoint` request: the size the client believes the witness last
/// cosigned, a consistency proof from it, and the signed checkpoint (not verified yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddCheckpoint {
    pub old_size: u64,
    pub proof: Vec<Hash>,
    pub checkpoint: Vec<u8>,
}

/// Why a request is malformed (400).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Malformed(pub &'static str);

impl AddCheckpoint {
    pub fn parse(body: &[u8]) -> Result<AddCheckpoint, Malformed> {
        if body.len() > MAX_BODY_BYTES {
            return Err(Malformed("the request is too large"));
        }
        let text = std::str::from_utf8(body).map_err(|_| Malformed("the request is not UTF-8"))?;
        let (head, checkpoint) = text
            .split_once("\n\n")
            .ok_or(Malformed("no blank line before the checkpoint"))?;
        let mut lines = head.split('\n');
        let old = lines
            .next()
            .and_then(|l| l.strip_prefix("old "))
            .ok_or(Malformed("the first line is not \"old SIZE\""))?;
        let old_size =
            parse_decimal(old).ok_or(Malformed("the old size is not a decimal number"))?;
        let mut proof = Vec::new();
        for line in lines {
            if proof.len() == MAX_PROOF_LINES {
                return Err(Malformed("the consistency proof is too long"));
            }
            proof.push(
                Hash::from_base64(line).map_err(|_| Malformed("a proof line is not a hash"))?,
            );
        }
        Ok(AddCheckpoint {
            old_size,
            proof,
            checkpoint: checkpoint.as_bytes().to_vec(),
        })
    }

    /// The request's body.
    pub fn to_body(&self) -> Vec<u8> {
        let mut out = format!("old {}\n", self.old_size);
        for h in &self.proof {
            out.push_str(&h.to_base64());
            out.push('\n');
        }
        out.push('\n');
        let mut out = out.into_bytes();
        out.extend_from_slice(&self.checkpoint);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_parse_and_bad_ones_are_refused() {
        let h = Hash::from_slice(&[7; 32]).expect("hash");
        let good = AddCheckpoint {
            old_size: 5,
            proof: vec![h, h],
            checkpoint: b"example.com/log\n8\nroot\n\n- sig\n".to_vec(),
        };
        assert_eq!(AddCheckpoint::parse(&good.to_body()), Ok(good.clone()));
        let none = AddCheckpoint {
            old_size: 0,
            proof: vec![],
            checkpoint: b"x\n".to_vec(),
        };
        assert_eq!(AddCheckpoint::parse(&none.to_body()), Ok(none));
        for bad in [
            &b"old 5\n"[..],
            b"old\n\nx",
            b"old 05\n\nx",
            b"old -1\n\nx",
            b"old +5\n\nx",
            b"old 99999999999999999999999\n\nx",
            b"new 5\n\nx",
            b"old 5\nnot base64!\n\nx",
            b"\xff\n\n",
        ] {
            assert!(AddCheckpoint::parse(bad).is_err(), "{bad:?}");
        }
        let long = format!("old 1\n{}\nx", format!("{}\n", h.to_base64()).repeat(64));
        assert!(AddCheckpoint::parse(long.as_bytes()).is_err());
        assert!(AddCheckpoint::parse(&vec![b'a'; MAX_BODY_BYTES + 1]).is_err());
    }

    proptest::proptest! {
        #[test]
        fn parsing_never_panics(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512)) {
            let _ = AddCheckpoint::parse(&body);
        }
    }
}
