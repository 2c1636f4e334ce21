//! A case's conversation read from the store and opened with a key: the reporter's
//! `/case` page (the identity derived from the receipt) and the body's replies before a
//! workstation exists. Sealing and checking are [`candor_core::conversation`]'s.

use age::x25519::{Identity, Recipient};
use futures_util::TryStreamExt;
use sha2::Digest;
use zeroize::Zeroizing;

use candor_core::conversation::{
    Attachment, ConversationError, FileMeta, OpenedItem, OpenedMessage, case_recipients,
    check_evidence, seal_message,
};
use candor_core::days::Day;
use candor_core::domain::{Author, ItemKind};
use candor_core::seal;
use candor_store::{Committed, ItemRow, Store, StoreError};

/// A conversation that cannot be read or added to.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Conversation(#[from] ConversationError),
}

/// The body's side of the conversation, for use before (and by) the workstation: seals a
/// reply to the case's reporter and to the reviewers, and stores it.
pub async fn reply_as_body(
    store: &dyn Store,
    reviewers: &[Recipient],
    case_id: i64,
    text: Option<&str>,
    files: &[Attachment],
) -> Result<Committed, OpenError> {
    let case = store.case_by_id(case_id).await?;
    let recipients = case_recipients(reviewers, &case.reporter_recipient)?;
    let parts = seal_message(&recipients, text, files)?;
    Ok(store
        .add_sealed_message(case_id, Author::Body, Day::today(), parts, None)
        .await?)
}

/// Reads and decrypts a case's whole conversation (texts and file metadata; file contents
/// are opened separately, streamed, when downloaded).
pub async fn open_conversation(
    store: &dyn Store,
    case_id: i64,
    identities: &[Identity],
) -> Result<Vec<OpenedMessage>, OpenError> {
    let messages = store.messages(case_id).await?;
    let mut out = Vec::with_capacity(messages.len());
    for message in messages {
        let mut items = Vec::with_capacity(message.items.len());
        for item in &message.items {
            items.push(open_conversation_item(store, item, identities).await?);
        }
        out.push(OpenedMessage {
            id: message.id,
            author: message.author,
            day: message.day,
            altered: check_evidence(&items),
            items,
        });
    }
    Ok(out)
}

/// Opens one item: a text, or a file's metadata.
pub async fn open_conversation_item(
    store: &dyn Store,
    item: &ItemRow,
    identities: &[Identity],
) -> Result<OpenedItem, OpenError> {
    let unreadable = OpenedItem::Unreadable { id: item.id };
    Ok(match item.kind {
        ItemKind::Text => {
            let ciphertext = store.read_blob(item.blob_id).await?;
            match seal::open_bytes(identities, &ciphertext) {
                Ok(plain) => OpenedItem::Text {
                    id: item.id,
                    sha256: sha2::Sha256::digest(&plain).into(),
                    text: Zeroizing::new(String::from_utf8_lossy(&plain).into_owned()),
                },
                Err(_) => unreadable,
            }
        }
        ItemKind::Record => {
            let ciphertext = store.read_blob(item.blob_id).await?;
            match seal::open_bytes(identities, &ciphertext)
                .ok()
                .and_then(|plain| String::from_utf8(plain.to_vec()).ok().map(Zeroizing::new))
                .and_then(|text| candor_log::entry::Opening::parse(&text).ok())
            {
                Some(opening) => OpenedItem::Record {
                    id: item.id,
                    opening: Box::new(opening),
                },
                None => unreadable,
            }
        }
        ItemKind::Identity => {
            let bundle = store.read_blob(item.blob_id).await?;
            match candor_core::identity::Bundle::parse(&bundle) {
                Ok(bundle) => OpenedItem::Identity {
                    id: item.id,
                    threshold: bundle.threshold,
                    custodians: bundle.custodians().iter().map(|c| c.to_string()).collect(),
                    peeled: bundle.peeled_from.is_some(),
                },
                Err(_) => unreadable,
            }
        }
        ItemKind::IssuedTo => {
            let ciphertext = store.read_blob(item.blob_id).await?;
            match seal::open_bytes(identities, &ciphertext)
                .ok()
                .and_then(|plain| candor_core::identity::normalize_issued_to(&plain).ok())
            {
                Some(words) => OpenedItem::IssuedTo { id: item.id, words },
                None => unreadable,
            }
        }
        ItemKind::File => {
            let Some(meta_id) = item.meta_blob_id else {
                return Ok(unreadable);
            };
            let ciphertext = store.read_blob(meta_id).await?;
            match seal::open_bytes(identities, &ciphertext)
                .ok()
                .and_then(|plain| FileMeta::from_json(&plain).ok())
            {
                Some(meta) => OpenedItem::File { id: item.id, meta },
                None => unreadable,
            }
        }
    })
}

/// A committed blob's plaintext as a stream, decrypted chunk by chunk as it is read from
/// the database: a file of any size is never held in memory whole.
pub fn open_blob_stream(
    store: &dyn Store,
    blob_id: i64,
    identities: Vec<Identity>,
) -> impl futures_util::Stream<Item = Result<bytes::Bytes, std::io::Error>> + Send + 'static {
    let ciphertext = Box::pin(store.blob_chunks(blob_id))
        .map_err(std::io::Error::other)
        .into_async_read();
    seal::open_async_stream(identities, ciphertext)
}
