//! The conversation of a case: sealing messages for it and opening them with a key.
//!
//! The same code serves the reporter's `/case` page (opened with the identity derived from
//! the receipt), the body's side (replies sealed to the reporter and the reviewers), and
//! the workstation. Reading a conversation from the database is the server's
//! (`candor_server::conversation`).

use age::x25519::Recipient;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::days::Day;
use crate::domain::{Author, ItemKind, SealedPart};
use crate::seal::{self, SealError};

/// Errors of the conversation layer.
#[derive(Debug, thiserror::Error)]
pub enum ConversationError {
    #[error(transparent)]
    Seal(#[from] SealError),
    #[error("the case's reporter recipient is not a valid age recipient")]
    BadRecipient,
    #[error("the message is empty")]
    Empty,
}

/// What is known about a file, sealed next to it: enough to handle the evidence. Its name
/// may identify the reporter: wiped when dropped.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, zeroize::Zeroize, zeroize::ZeroizeOnDrop,
)]
#[serde(deny_unknown_fields)]
pub struct FileMeta {
    pub version: u8,
    pub name: String,
    #[serde(rename = "type")]
    pub content_type: String,
    pub size: u64,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
}

impl FileMeta {
    pub fn new(name: &str, content_type: &str, size: u64, sha256: [u8; 32]) -> FileMeta {
        FileMeta {
            version: 1,
            name: crate::filename::original(name),
            content_type: content_type.to_string(),
            size,
            sha256: hex::encode(sha256),
        }
    }

    /// The plaintext SHA-256 the metadata records, if it is well formed.
    pub fn sha256_bytes(&self) -> Option<[u8; 32]> {
        hex::decode(&self.sha256).ok()?.try_into().ok()
    }

    pub fn to_json(&self) -> Zeroizing<Vec<u8>> {
        // Serializing a struct of strings and numbers cannot fail.
        Zeroizing::new(serde_json::to_vec(self).unwrap_or_default())
    }

    /// Parses decrypted metadata; anything unexpected is an error, never a panic.
    pub fn from_json(bytes: &[u8]) -> Result<FileMeta, serde_json::Error> {
        serde_json::from_slice(bytes)
    }

    /// The name to save the file under (see [`crate::filename::clean`]).
    pub fn safe_name(&self) -> String {
        crate::filename::clean(&self.name)
    }
}

/// A file in plaintext, to be sealed into a message.
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    pub bytes: Zeroizing<Vec<u8>>,
}

/// Everyone a case's items are sealed to: the reviewers and the case's reporter.
pub fn case_recipients(
    reviewers: &[Recipient],
    reporter_recipient: &str,
) -> Result<Vec<Recipient>, ConversationError> {
    let reporter: Recipient = reporter_recipient
        .parse()
        .map_err(|_| ConversationError::BadRecipient)?;
    let mut all = reviewers.to_vec();
    all.push(reporter);
    Ok(all)
}

/// Seals a text and files into message parts (in memory: for replies and tests).
pub fn seal_message(
    recipients: &[Recipient],
    text: Option<&str>,
    files: &[Attachment],
) -> Result<Vec<SealedPart>, ConversationError> {
    let mut parts = Vec::new();
    if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
        parts.push(SealedPart {
            kind: ItemKind::Text,
            content: seal::seal_bytes(recipients, text.as_bytes())?,
            meta: None,
        });
    }
    for file in files {
        let meta = FileMeta::new(
            &file.name,
            &file.content_type,
            file.bytes.len() as u64,
            Sha256::digest(&file.bytes[..]).into(),
        );
        parts.push(SealedPart {
            kind: ItemKind::File,
            content: seal::seal_bytes(recipients, &file.bytes)?,
            meta: Some(seal::seal_bytes(recipients, &meta.to_json())?),
        });
    }
    if parts.is_empty() {
        return Err(ConversationError::Empty);
    }
    Ok(parts)
}

/// An item opened with a key.
#[derive(Debug)]
pub enum OpenedItem {
    Text {
        id: i64,
        text: Zeroizing<String>,
        /// SHA-256 of the decrypted bytes.
        sha256: [u8; 32],
    },
    File {
        id: i64,
        meta: FileMeta,
    },
    /// A log record: the opening of an entry about the case (a receipt or a decision).
    Record {
        id: i64,
        opening: Box<candor_log::entry::Opening>,
    },
    /// An identity statement: nobody's key opens it alone; what is public about it is who
    /// holds its layers and how many of them must agree.
    Identity {
        id: i64,
        threshold: usize,
        custodians: Vec<String>,
        /// Layers a custodian took off during a disclosure (not a statement of its own).
        peeled: bool,
    },
    /// The words the reporter agreed that certificates may name them by; empty when the
    /// reporter withdrew the agreement.
    IssuedTo {
        id: i64,
        words: Zeroizing<String>,
    },
    /// The item could not be opened with the given key (or is damaged).
    Unreadable {
        id: i64,
    },
}

/// A message with its items opened.
#[derive(Debug)]
pub struct OpenedMessage {
    pub id: i64,
    pub author: Author,
    pub day: Day,
    pub items: Vec<OpenedItem>,
    /// For each item, whether it differs from what the reporter sent (see
    /// [`altered_items`]).
    pub altered: Vec<bool>,
}

/// Which items of a reporter's message no longer match the plaintext SHA-256 that its
/// `report-received` opening commits to (an opening in the public log: replacing an item
/// later, even re-encrypted by a reviewer, cannot change it). `hashes` holds each item's
/// plaintext hash as opened (a text's bytes, a file's hash from its metadata; `None` for
/// the record and for items this key cannot open), in the message's order. Items beyond
/// or short of the opening's count are all flagged; a message without such an opening
/// (the body's, or one made before openings listed plaintexts) flags nothing.
pub fn altered_items(hashes: &[Option<[u8; 32]>], plaintexts: &[[u8; 32]]) -> Vec<bool> {
    let mut flags = vec![false; hashes.len()];
    if plaintexts.is_empty() {
        return flags;
    }
    let contents: Vec<usize> = (0..hashes.len()).filter(|&i| hashes[i].is_some()).collect();
    let count_differs = contents.len() != plaintexts.len();
    for (n, &i) in contents.iter().enumerate() {
        flags[i] = count_differs || hashes[i] != plaintexts.get(n).copied();
    }
    flags
}

/// The plaintext hashes listed by the first `report-received` opening among a message's
/// openings (none if it has no such opening: the body's messages, older reports).
pub fn receipt_plaintexts<'a>(
    openings: impl IntoIterator<Item = &'a candor_log::entry::Opening>,
) -> &'a [[u8; 32]] {
    openings
        .into_iter()
        .find(|o| o.kind == candor_log::entry::Kind::ReportReceived)
        .map_or(&[], |o| &o.plaintexts)
}

/// [`altered_items`] for opened items.
pub fn check_evidence(items: &[OpenedItem]) -> Vec<bool> {
    let hashes: Vec<Option<[u8; 32]>> = items.iter().map(OpenedItem::plaintext_sha256).collect();
    let openings = items.iter().filter_map(|i| match i {
        OpenedItem::Record { opening, .. } => Some(&**opening),
        _ => None,
    });
    altered_items(&hashes, receipt_plaintexts(openings))
}

impl OpenedItem {
    /// The plaintext SHA-256 of a text (its bytes) or a file (from its metadata).
    pub fn plaintext_sha256(&self) -> Option<[u8; 32]> {
        match self {
            OpenedItem::Text { sha256, .. } => Some(*sha256),
            OpenedItem::File { meta, .. } => meta.sha256_bytes(),
            _ => None,
        }
    }
}

/// A decrypted stream that ends in an error instead of its normal end when its bytes do
/// not hash to `expected` (a file's recorded SHA-256): a download of a replaced or damaged
/// file then fails, rather than handing the reader a file that looks complete.
pub fn checked_stream<S>(
    stream: S,
    expected: Option<[u8; 32]>,
) -> impl futures_util::Stream<Item = Result<bytes::Bytes, std::io::Error>> + Send + 'static
where
    S: futures_util::Stream<Item = Result<bytes::Bytes, std::io::Error>> + Send + Unpin + 'static,
{
    use futures_util::StreamExt;
    futures_util::stream::unfold(
        (stream, Sha256::new(), false),
        move |(mut stream, mut hash, done)| async move {
            if done {
                return None;
            }
            match stream.next().await {
                Some(Ok(chunk)) => {
                    hash.update(&chunk);
                    Some((Ok(chunk), (stream, hash, false)))
                }
                Some(Err(e)) => Some((Err(e), (stream, hash, true))),
                None => {
                    let got: [u8; 32] = hash.clone().finalize().into();
                    match expected {
                        Some(want) if want != got => Some((
                            Err(std::io::Error::other(
                                "the file differs from the SHA-256 recorded when it arrived",
                            )),
                            (stream, hash, true),
                        )),
                        _ => None,
                    }
                }
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn altered_items_follow_the_opening() {
        let (a, b, c) = ([1u8; 32], [2u8; 32], [3u8; 32]);
        // Text, file, record: both content items match.
        assert_eq!(
            altered_items(&[Some(a), Some(b), None], &[a, b]),
            vec![false, false, false]
        );
        // The file was replaced.
        assert_eq!(
            altered_items(&[Some(a), Some(c), None], &[a, b]),
            vec![false, true, false]
        );
        // An item more (or fewer) than the opening lists: all content flagged.
        assert_eq!(
            altered_items(&[Some(a), Some(b), Some(c), None], &[a, b]),
            vec![true, true, true, false]
        );
        // No opening, or one made before plaintexts were listed: nothing to check.
        assert_eq!(altered_items(&[Some(c)], &[]), vec![false]);
    }

    #[tokio::test]
    async fn checked_streams_fail_on_a_different_file() {
        use futures_util::StreamExt;
        let pieces = || {
            futures_util::stream::iter(vec![
                Ok(bytes::Bytes::from_static(b"hello ")),
                Ok(bytes::Bytes::from_static(b"world")),
            ])
        };
        let right: [u8; 32] = Sha256::digest(b"hello world").into();
        let read = |expected| async move {
            checked_stream(pieces(), expected)
                .collect::<Vec<Result<bytes::Bytes, std::io::Error>>>()
                .await
        };
        assert!(read(Some(right)).await.iter().all(Result::is_ok));
        assert!(read(None).await.iter().all(Result::is_ok));
        let wrong = read(Some([0; 32])).await;
        assert!(wrong.last().expect("items").is_err(), "ends in an error");
    }

    #[test]
    fn meta_round_trip_and_rejects_garbage() {
        let m = FileMeta::new("a.pdf", "application/pdf", 3, [1; 32]);
        assert_eq!(FileMeta::from_json(&m.to_json()).expect("parse"), m);
        assert!(FileMeta::from_json(b"{}").is_err());
        assert!(FileMeta::from_json(b"\xff").is_err());
        assert!(
            FileMeta::from_json(br#"{"version":1,"name":"a","type":"b","size":-1,"sha256":""}"#)
                .is_err()
        );
    }
}
