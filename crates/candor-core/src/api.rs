//! The reviewer API's wire format (JSON, version 1), shared by the server and the
//! workstation. Every request body type refuses unknown fields; see `docs/api.md`.

use serde::{Deserialize, Serialize};

/// Path prefix of the API.
pub const PREFIX: &str = "/api/v1";
/// Largest JSON request body.
pub const MAX_JSON_BYTES: usize = 16 * 1024;
/// Largest `POST /api/v1/sync` body ([`SYNC_BUCKETS`] digests of about 40 bytes).
pub const MAX_SYNC_REQUEST_BYTES: usize = 64 * 1024;
/// Largest `POST /api/v1/items/bulk` body ([`MAX_BULK_ITEMS`] items of about 40 bytes).
pub const MAX_BULK_REQUEST_BYTES: usize = 128 * 1024;

/// `POST /api/v1/auth/challenge`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChallengeRequest {
    pub reviewer: String,
}

/// A random challenge, age-encrypted to the reviewer's configured recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChallengeResponse {
    pub challenge_id: String,
    /// The age file, armored (`-----BEGIN AGE ENCRYPTED FILE-----`).
    pub encrypted_challenge: String,
    pub expires_in_seconds: u64,
}

/// `POST /api/v1/auth/token`: an answer derived from the decrypted challenge proves the
/// reviewer's identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    pub challenge_id: String,
    /// [`challenge::answer`] of the decrypted challenge (64 hex characters); never the
    /// plaintext itself.
    pub answer: String,
}

/// The sign-in challenge's plaintext and the answer derived from it.
///
/// A workstation decrypts what the server sends as a challenge. If it sent the plaintext
/// back, a seized server could send any report's ciphertext as a "challenge" and read the
/// answer: the workstation would be a decryption oracle. So the plaintext has one fixed,
/// domain-separated shape that the workstation checks byte for byte before it answers,
/// and the answer is a hash of it under its own domain, never the plaintext:
///
/// ```text
/// candor.challenge/v1
/// reviewer alice
/// nonce <64 lowercase hex characters>
/// ```
///
/// A ciphertext whose plaintext is not exactly such a text gets no answer at all. One that
/// is (a "report" a reporter crafted in this shape) yields only a hash of a text its
/// author already knows.
pub mod challenge {
    use sha2::{Digest, Sha256};

    /// First line of every challenge.
    pub const FORMAT: &str = "candor.challenge/v1";
    /// The largest armored challenge a workstation decrypts (a real one is about 400 bytes).
    pub const MAX_ARMORED_BYTES: usize = 2048;
    const ANSWER_DOMAIN: &[u8] = b"candor.challenge-answer/v1\n";

    /// The plaintext of a challenge for `reviewer` with this nonce (32 bytes).
    pub fn plaintext(reviewer: &str, nonce: &[u8; 32]) -> String {
        format!(
            "{FORMAT}\nreviewer {reviewer}\nnonce {}\n",
            hex::encode(nonce)
        )
    }

    /// Checks that a decrypted challenge is exactly a challenge for `reviewer`.
    pub fn check(plaintext: &[u8], reviewer: &str) -> Result<(), &'static str> {
        let text = std::str::from_utf8(plaintext).map_err(|_| "it is not text")?;
        let rest = text
            .strip_prefix(FORMAT)
            .and_then(|r| r.strip_prefix("\nreviewer "))
            .ok_or("it does not have the challenge's shape")?;
        let rest = rest
            .strip_prefix(reviewer)
            .and_then(|r| r.strip_prefix("\nnonce "))
            .ok_or("it names another reviewer")?;
        let nonce = rest
            .strip_suffix('\n')
            .ok_or("it does not have the challenge's shape")?;
        if nonce.len() != 64
            || !nonce
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            return Err("its nonce is not 64 lowercase hex characters");
        }
        Ok(())
    }

    /// The answer to a challenge: hex SHA-256 of the plaintext under the answer's domain.
    pub fn answer(plaintext: &[u8]) -> String {
        let mut hash = Sha256::new();
        hash.update(ANSWER_DOMAIN);
        hash.update(plaintext);
        hex::encode(hash.finalize())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenResponse {
    pub token: String,
    pub reviewer: String,
    pub expires_in_seconds: u64,
}

/// `GET /api/v1/info`: what a workstation needs to know about the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Info {
    pub api_version: u32,
    pub body_name: String,
    pub feedback_months: u8,
    pub max_upload_bytes: u64,
    /// The reviewers every new item is encrypted to.
    pub reviewers: Vec<ReviewerInfo>,
    /// Days between a disclosure request and the earliest disclosure of an identity
    /// statement (`[identity] notice_days`); `None` without custodians.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_notice_days: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewerInfo {
    pub name: String,
    pub recipient: String,
}

/// A case in the list (`GET /api/v1/cases`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseSummary {
    pub reference: String,
    pub status: String,
    pub received_day: String,
    pub acknowledge_by: String,
    pub feedback_by: String,
    pub messages: u64,
    /// Items of the reporter this reviewer has not opened yet.
    pub unread_items: u64,
    /// The reporter's age recipient, so that a workstation pins it the first time it sees
    /// the case (see `CaseDetail::reporter_recipient`).
    pub reporter_recipient: String,
    /// The day the reporter reported reprisal, until the body next answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reprisal_day: Option<String>,
}

/// A case with its conversation, ciphertext references only (`GET /api/v1/cases/{ref}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseDetail {
    pub reference: String,
    pub status: String,
    pub received_day: String,
    pub acknowledge_by: String,
    pub feedback_by: String,
    /// The reporter's age recipient: replies are encrypted to it and to every reviewer.
    pub reporter_recipient: String,
    /// Kept whatever retention says (`POST /api/v1/cases/{ref}/hold`).
    #[serde(default)]
    pub legal_hold: bool,
    /// The day retention will delete the case (closed, not held, retention configured).
    #[serde(default)]
    pub deletion_day: Option<String>,
    /// The day the reporter reported reprisal, until the body next answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reprisal_day: Option<String>,
    /// The reporter's holder key (C2SP verifier key), which decisions may be bound to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder_key: Option<String>,
    pub messages: Vec<MessageInfo>,
}

/// A workstation's sync groups cases into this many buckets by the hash of their reference
/// (see [`sync_bucket`]): it sends one digest per bucket, a request of a few KiB whatever
/// the number of cases, and gets back only the buckets that differ.
pub const SYNC_BUCKETS: usize = 256;

/// The bucket a case falls in: the first byte of the SHA-256 of its reference.
pub fn sync_bucket(reference: &str) -> u8 {
    <sha2::Sha256 as sha2::Digest>::digest(reference.as_bytes())[0]
}

/// The digest of a set of cases, from each one's reference and digest (any order).
pub fn bucket_digest<'a>(cases: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    use sha2::Digest;
    let mut cases: Vec<(&str, &str)> = cases.into_iter().collect();
    cases.sort_unstable();
    let mut hash = sha2::Sha256::new();
    for (reference, digest) in cases {
        hash.update(reference.as_bytes());
        hash.update(b" ");
        hash.update(digest.as_bytes());
        hash.update(b"\n");
    }
    hex::encode(&hash.finalize()[..16])
}

/// The digests of every non-empty bucket of a set of cases (reference, digest): what a
/// workstation sends in a [`SyncRequest`].
pub fn sync_buckets<'a>(
    cases: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> std::collections::BTreeMap<u8, String> {
    let mut grouped: std::collections::BTreeMap<u8, Vec<(&str, &str)>> = Default::default();
    for (reference, digest) in cases {
        grouped
            .entry(sync_bucket(reference))
            .or_default()
            .push((reference, digest));
    }
    grouped
        .into_iter()
        .map(|(bucket, cases)| (bucket, bucket_digest(cases)))
        .collect()
}

/// `POST /api/v1/sync`: the digest of each bucket the workstation holds cases in (see
/// [`sync_buckets`]); a bucket it holds nothing in is left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncRequest {
    pub buckets: std::collections::BTreeMap<u8, String>,
}

/// Every bucket whose digest differs from the workstation's, each whole: the cases it
/// holds on the server now (none, when its cases are gone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncResponse {
    pub buckets: Vec<SyncedBucket>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncedBucket {
    pub bucket: u8,
    pub cases: Vec<SyncedCase>,
}

/// A case as a sync gives it: its detail, how many of the reporter's items this reviewer
/// has not opened yet, and a digest of both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncedCase {
    pub digest: String,
    pub unread_items: u64,
    pub detail: CaseDetail,
}

impl SyncedCase {
    pub fn new(detail: CaseDetail, unread_items: u64) -> SyncedCase {
        SyncedCase {
            digest: SyncedCase::digest_of(&detail, unread_items),
            unread_items,
            detail,
        }
    }

    /// A short fingerprint of everything a workstation keeps of a case (its status, clocks,
    /// messages, every item's ciphertext hash, its unread count): equal digests, nothing
    /// to fetch.
    pub fn digest_of(detail: &CaseDetail, unread_items: u64) -> String {
        let json = serde_json::to_vec(detail).unwrap_or_default();
        let mut hash = <sha2::Sha256 as sha2::Digest>::new();
        sha2::Digest::update(&mut hash, unread_items.to_be_bytes());
        sha2::Digest::update(&mut hash, &json);
        hex::encode(&sha2::Digest::finalize(hash)[..16])
    }

    /// Whether the digest is that of the detail and count it came with.
    pub fn is_whole(&self) -> bool {
        SyncedCase::digest_of(&self.detail, self.unread_items) == self.digest
    }

    pub fn reference(&self) -> &str {
        &self.detail.reference
    }
}

/// At most this many items re-encrypted in one `POST /api/v1/items/replace`.
pub const MAX_REPLACE_ITEMS: usize = 500;

/// At most this many items in one `POST /api/v1/items/bulk`.
pub const MAX_BULK_ITEMS: usize = 2000;

/// `POST /api/v1/items/bulk`: ciphertexts to send in one streamed response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulkRequest {
    pub items: Vec<BulkItem>,
}

/// One ciphertext: an item's content, or a file item's sealed metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulkItem {
    pub id: i64,
    pub part: BulkPart,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BulkPart {
    Content,
    Meta,
}

/// The header of each ciphertext in a bulk response: one JSON line, then `size` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulkFrame {
    pub id: i64,
    pub part: BulkPart,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageInfo {
    pub id: i64,
    /// `reporter` or `body`.
    pub author: String,
    pub day: String,
    pub items: Vec<ItemInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemInfo {
    pub id: i64,
    /// `text` or `file`.
    pub kind: String,
    /// Size of the ciphertext (`GET /api/v1/items/{id}/content`).
    pub size: u64,
    /// SHA-256 of the ciphertext, hex.
    pub sha256: String,
    /// For files: the encrypted metadata (`GET /api/v1/items/{id}/meta`).
    pub meta: Option<BlobInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlobInfo {
    pub size: u64,
    pub sha256: String,
}

/// `POST /api/v1/cases/{ref}/status`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    pub status: String,
}

/// `POST /api/v1/cases/{ref}/hold`: place (`true`) or lift a legal hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoldRequest {
    pub hold: bool,
}

/// An entry of the audit trail (`GET /api/v1/audit`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditEntry {
    pub id: i64,
    pub day: String,
    pub reviewer: String,
    pub action: String,
    pub case: Option<String>,
    pub detail: Option<String>,
}

/// The result of a write (`POST …/messages`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Created {
    pub message_id: i64,
}

/// `GET /api/v1/log/entries/{commitment}`: where an entry is in the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntryInfo {
    pub index: u64,
}

/// `POST /api/v1/log/cosignatures`: a witness cosignature of a checkpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CosignatureRequest {
    /// Size of the checkpoint cosigned.
    pub size: u64,
    /// The witness's verifier key (type 0x04, cosignature/v1).
    pub vkey: String,
    /// The signature line (`— name base64`).
    pub line: String,
}

/// Every error: a stable code and one clear sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
}

/// Parses a JSON request body of type `T`, refusing anything malformed or unexpected.
pub fn parse_json<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, String> {
    parse_json_within(body, MAX_JSON_BYTES)
}

/// [`parse_json`] for a body allowed up to `limit` bytes.
pub fn parse_json_within<T: serde::de::DeserializeOwned>(
    body: &[u8],
    limit: usize,
) -> Result<T, String> {
    if body.len() > limit {
        return Err(format!("the request body is larger than {limit} bytes"));
    }
    serde_json::from_slice(body).map_err(|e| {
        // serde_json's messages name the field and position, never echo values in full
        // (but an unknown field's name is the sender's, in any script: cut on a char).
        let msg = e.to_string();
        let msg = &msg[..msg.floor_char_boundary(200)];
        format!("the request body is not valid: {msg}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_parsing() {
        assert!(parse_json::<ChallengeRequest>(br#"{"reviewer":"alice"}"#).is_ok());
        assert!(parse_json::<ChallengeRequest>(br#"{"reviewer":"alice","x":1}"#).is_err());
        assert!(parse_json::<ChallengeRequest>(br#"{"reviewer":5}"#).is_err());
        assert!(parse_json::<ChallengeRequest>(b"not json").is_err());
        assert!(parse_json::<StatusRequest>(&vec![b' '; MAX_JSON_BYTES + 1]).is_err());
        // Found by the fuzzer: the message quotes an unknown field's name, and was cut
        // in the middle of a character (a panic).
        for pad in 0..4 {
            let body = format!(r#"{{"{}{}":1}}"#, "R".repeat(160 + pad), "é".repeat(40));
            let err = parse_json::<StatusRequest>(body.as_bytes()).expect_err("unknown");
            assert!(err.len() < 260, "{err}");
        }
    }

    #[test]
    fn challenges_have_one_shape() {
        let text = challenge::plaintext("alice", &[7; 32]);
        assert!(challenge::check(text.as_bytes(), "alice").is_ok());
        assert!(challenge::check(text.as_bytes(), "alic").is_err());
        assert!(challenge::check(text.as_bytes(), "bob").is_err());
        for bad in [
            text.replace("v1", "v2"),
            text.trim_end().to_string(),
            format!("{text}\n"),
            format!("{text}more"),
            text.replace("0707", "0A07"),
            text.replacen("07", "", 1),
            format!("x{text}"),
            "a report written by a reporter".to_string(),
        ] {
            assert!(
                challenge::check(bad.as_bytes(), "alice").is_err(),
                "{bad:?}"
            );
        }
        assert!(challenge::check(&[0xff, 0xfe], "alice").is_err());
        let answer = challenge::answer(text.as_bytes());
        assert_eq!(answer.len(), 64);
        assert!(!answer.contains(&hex::encode([7u8; 32])));
    }

    proptest::proptest! {
        #[test]
        fn challenge_check_never_panics(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..256), name in "[a-z]{0,8}") {
            let _ = challenge::check(&body, &name);
        }

        #[test]
        fn parsers_never_panic(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512)) {
            let _ = parse_json::<ChallengeRequest>(&body);
            let _ = parse_json::<TokenRequest>(&body);
            let _ = parse_json::<StatusRequest>(&body);
            let _ = parse_json::<CosignatureRequest>(&body);
            let _ = parse_json_within::<SyncRequest>(&body, MAX_SYNC_REQUEST_BYTES);
            let _ = parse_json_within::<BulkRequest>(&body, MAX_BULK_REQUEST_BYTES);
            let _ = serde_json::from_slice::<SyncResponse>(&body);
        }

        /// A set of cases has one set of bucket digests, whatever their order; each case
        /// counts in its own bucket only, and a changed digest changes its bucket's alone.
        #[test]
        fn bucket_digests_are_those_of_the_set(
            cases in proptest::collection::btree_map("[A-Z0-9]{4}-[A-Z0-9]{4}", "[0-9a-f]{32}", 1..40),
            pick in 0usize..40,
        ) {
            let list: Vec<(&str, &str)> = cases.iter().map(|(r, d)| (r.as_str(), d.as_str())).collect();
            let mut reversed = list.clone();
            reversed.reverse();
            let buckets = sync_buckets(list.clone());
            proptest::prop_assert_eq!(&buckets, &sync_buckets(reversed));
            let non_empty: std::collections::BTreeSet<u8> = list.iter().map(|(r, _)| sync_bucket(r)).collect();
            proptest::prop_assert_eq!(buckets.keys().copied().collect::<std::collections::BTreeSet<u8>>(), non_empty);
            let (changed, _) = list[pick % list.len()];
            let other = "f".repeat(32);
            let edited: Vec<(&str, &str)> = list
                .iter()
                .map(|&(r, d)| if r == changed { (r, other.as_str()) } else { (r, d) })
                .collect();
            let after = sync_buckets(edited);
            for (bucket, digest) in &buckets {
                let same = after.get(bucket) == Some(digest);
                proptest::prop_assert_eq!(same, *bucket != sync_bucket(changed) || cases[changed] == other);
            }
        }
    }
}
