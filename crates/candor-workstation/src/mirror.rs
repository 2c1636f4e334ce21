//! What the workstation's pages keep between syncs, in memory for the run: every case as
//! the last sync gave it ([`Client::sync`]: one round trip for any number of cases), the
//! small ciphertexts already read (texts, records, file metadata; each checked against the
//! SHA-256 its case's detail gives, at most [`MAX_CACHED_BYTES`] in all), and the log
//! positions of the records found. Nothing is kept in clear and nothing is written to
//! disk: a restarted workstation syncs again.
//!
//! A case page then needs one request for the case (fresh, and so that the server notes
//! it read) and at most one bulk request for what is not here yet, whatever the number of
//! its messages and files; opening it again needs only the first.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};

use sha2::{Digest, Sha256};

use super::{Client, ClientError};
use candor_core::api::{CaseDetail, CaseSummary, SyncedCase, sync_bucket, sync_buckets};

/// At most this many bytes of ciphertext are kept.
pub const MAX_CACHED_BYTES: usize = 256 * 1024 * 1024;

#[derive(Default)]
pub struct Mirror {
    cases: Mutex<BTreeMap<String, SyncedCase>>,
    ciphertexts: Mutex<Ciphertexts>,
    log_index: Mutex<HashMap<[u8; 32], u64>>,
}

/// Ciphertexts by their SHA-256 (hex), the oldest dropped first when over the bound.
#[derive(Default)]
struct Ciphertexts {
    by_hash: HashMap<String, Arc<Vec<u8>>>,
    order: VecDeque<String>,
    bytes: usize,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Mirror {
    pub fn new() -> Mirror {
        Mirror::default()
    }

    /// Brings every case up to date in one round trip: the server sends only the buckets
    /// of cases whose digest differs from ours, each whole. Returns the cases that changed.
    pub async fn sync(&self, client: &Client) -> Result<usize, ClientError> {
        let buckets = {
            let cases = lock(&self.cases);
            sync_buckets(cases.values().map(|c| (c.reference(), c.digest.as_str())))
        };
        let answer = client.sync(&buckets).await?;
        let mut cases = lock(&self.cases);
        let mut changed = 0;
        for bucket in answer.buckets {
            cases.retain(|reference, _| sync_bucket(reference) != bucket.bucket);
            for case in bucket.cases {
                changed += 1;
                cases.insert(case.reference().to_string(), case);
            }
        }
        Ok(changed)
    }

    /// Every case, as the inbox lists them.
    pub fn summaries(&self) -> Vec<CaseSummary> {
        lock(&self.cases)
            .values()
            .map(|c| {
                let d = &c.detail;
                CaseSummary {
                    reference: d.reference.clone(),
                    status: d.status.clone(),
                    received_day: d.received_day.clone(),
                    acknowledge_by: d.acknowledge_by.clone(),
                    feedback_by: d.feedback_by.clone(),
                    messages: d.messages.len() as u64,
                    unread_items: c.unread_items,
                    reporter_recipient: d.reporter_recipient.clone(),
                    reprisal_day: d.reprisal_day.clone(),
                }
            })
            .collect()
    }

    /// A case as last seen, if it has been.
    pub fn case(&self, reference: &str) -> Option<CaseDetail> {
        lock(&self.cases).get(reference).map(|c| c.detail.clone())
    }

    /// A case just read from the server (which noted that this reviewer read it all).
    pub fn seen(&self, detail: CaseDetail) {
        let case = SyncedCase::new(detail, 0);
        lock(&self.cases).insert(case.reference().to_string(), case);
    }

    /// A ciphertext kept before, by its SHA-256 (hex).
    pub fn ciphertext(&self, sha256: &str) -> Option<Arc<Vec<u8>>> {
        lock(&self.ciphertexts).by_hash.get(sha256).cloned()
    }

    /// Keeps a ciphertext if it is the one `sha256` names; `false` (and nothing kept) if
    /// it is not.
    pub fn keep(&self, sha256: &str, bytes: Vec<u8>) -> bool {
        if hex::encode(Sha256::digest(&bytes)) != sha256 {
            return false;
        }
        let mut c = lock(&self.ciphertexts);
        if c.by_hash.contains_key(sha256) || bytes.len() > MAX_CACHED_BYTES {
            return true;
        }
        while c.bytes + bytes.len() > MAX_CACHED_BYTES {
            let Some(oldest) = c.order.pop_front() else {
                break;
            };
            if let Some(gone) = c.by_hash.remove(&oldest) {
                c.bytes -= gone.len();
            }
        }
        c.bytes += bytes.len();
        c.order.push_back(sha256.to_string());
        c.by_hash.insert(sha256.to_string(), Arc::new(bytes));
        true
    }

    /// Where the record with this commitment is in the log, once found.
    pub fn log_index(&self, commitment: &[u8; 32]) -> Option<u64> {
        lock(&self.log_index).get(commitment).copied()
    }

    pub fn set_log_index(&self, commitment: [u8; 32], index: u64) {
        lock(&self.log_index).insert(commitment, index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_named_ciphertext_is_kept_and_the_bound_holds() {
        let mirror = Mirror::new();
        let bytes = vec![1u8; 100];
        let sha = hex::encode(Sha256::digest(&bytes));
        assert!(!mirror.keep(&"0".repeat(64), bytes.clone()));
        assert!(mirror.ciphertext(&"0".repeat(64)).is_none());
        assert!(mirror.keep(&sha, bytes.clone()));
        assert_eq!(mirror.ciphertext(&sha).as_deref(), Some(&bytes));
        let big = vec![2u8; MAX_CACHED_BYTES - 50];
        let big_sha = hex::encode(Sha256::digest(&big));
        assert!(mirror.keep(&big_sha, big));
        assert!(mirror.ciphertext(&sha).is_none(), "the oldest made room");
        assert!(mirror.ciphertext(&big_sha).is_some());
        assert!(lock(&mirror.ciphertexts).bytes <= MAX_CACHED_BYTES);
    }
}
