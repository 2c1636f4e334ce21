//! The intake of a reporter's form (a first report, or an answer): each part is sealed
//! with age to the case's recipients as it arrives, piece by piece, and streamed into the
//! store; only its SHA-256 and length are kept in clear, in memory. A text must be UTF-8
//! (checked incrementally, across pieces); a file's name and type are sealed beside it as
//! its metadata.

use zeroize::Zeroizing;

use candor_core::conversation::FileMeta;
use candor_core::identity::{
    Custodians, IdentityError, MAX_ISSUED_TO_BYTES, MAX_STATEMENT_BYTES, normalize_issued_to,
    normalize_statement,
};
use candor_core::seal::{SealError, Sealer, seal_bytes};
use candor_store::{BlobRef, ItemKind, NewItem, StoreError, Upload};

use super::{Intake, IntakeError};

/// Largest message text; longer texts can be attached as files.
pub const MAX_MESSAGE_BYTES: u64 = 1024 * 1024;
/// Most files in one submission.
pub const MAX_FILES: usize = 10_000;
/// Most parts of a reporter's form: the files, the message and a form token, with room
/// for a few empty ones (every part counts, empty or not).
pub const MAX_FORM_PARTS: usize = MAX_FILES + 8;

/// Why a form's parts were not all sealed and stored.
#[derive(Debug)]
pub enum PlainError {
    Intake(IntakeError),
    /// The message is not UTF-8 text.
    NotUtf8,
    TooManyFiles,
    /// A part other than `message` (once), `files`, and `identity` and `issued_to` (once
    /// each, where custodians are configured).
    UnexpectedPart,
    /// The identity statement, or the name for certificates, is too long or not text.
    Identity(IdentityError),
    Store(StoreError),
    Seal(SealError),
}

impl From<IntakeError> for PlainError {
    fn from(err: IntakeError) -> Self {
        PlainError::Intake(err)
    }
}

impl From<StoreError> for PlainError {
    fn from(err: StoreError) -> Self {
        PlainError::Store(err)
    }
}

impl From<SealError> for PlainError {
    fn from(err: SealError) -> Self {
        PlainError::Seal(err)
    }
}

/// What a form's parts became.
#[derive(Default)]
pub struct Parts {
    pub items: Vec<NewItem>,
    /// How many files.
    pub files: usize,
    /// The SHA-256 of each text's and file's plaintext, in item order.
    pub plaintexts: Vec<[u8; 32]>,
    /// `Some(true)` if the form gave words that certificates may name the reporter by,
    /// `Some(false)` if it withdrew them (an empty `issued_to`).
    pub named: Option<bool>,
}

/// Reads every part of the form into sealed blobs. An identity statement (the `identity`
/// part, accepted only when `custodians` is given) becomes an item sealed to the
/// custodians alone; its plaintext hash is listed nowhere, since a short statement could
/// be found again from its hash by guessing. So does the name for certificates (the
/// `issued_to` part, one line, also only with custodians), sealed to the case's
/// recipients like a text.
pub async fn read_parts(
    intake: &mut Intake,
    upload: &mut dyn Upload,
    recipients: &[age::x25519::Recipient],
    custodians: Option<&Custodians>,
) -> Result<Parts, PlainError> {
    let mut parts = Parts::default();
    let Parts {
        items,
        files,
        plaintexts,
        named,
    } = &mut parts;
    let mut seen_message = false;
    let mut seen_identity = false;
    while let Some(mut field) = intake.next_part().await? {
        match field.name() {
            Some("identity") if !seen_identity => {
                seen_identity = true;
                let custodians = custodians.ok_or(PlainError::UnexpectedPart)?;
                let typed =
                    read_bounded(&mut field, MAX_STATEMENT_BYTES, IdentityError::TooLong).await?;
                let statement = normalize_statement(&typed).map_err(PlainError::Identity)?;
                if statement.is_empty() {
                    continue;
                }
                // Up to a few thousand age encryptions (MAX_COPIES copies of up to
                // MAX_THRESHOLD layers): off the runtime's threads.
                let custodians = custodians.clone();
                let bundle = tokio::task::spawn_blocking(move || custodians.seal(&statement))
                    .await
                    .map_err(|_| PlainError::Seal(SealError::Encrypt))?
                    .map_err(PlainError::Identity)?;
                let blob = upload.new_blob();
                upload.append(blob, bundle.as_bytes()).await?;
                upload.finish_blob(blob).await?;
                items.push(NewItem {
                    kind: ItemKind::Identity,
                    blob,
                    meta: None,
                });
            }
            Some("issued_to") if named.is_none() => {
                if custodians.is_none() {
                    return Err(PlainError::UnexpectedPart);
                }
                let typed =
                    read_bounded(&mut field, MAX_ISSUED_TO_BYTES, IdentityError::NameTooLong)
                        .await?;
                let words = normalize_issued_to(&typed).map_err(PlainError::Identity)?;
                *named = Some(!words.is_empty());
                // Padded with spaces (which reading trims) to the longest a name may be:
                // every agreement and withdrawal has the same size at rest.
                let mut padded = Zeroizing::new(Vec::with_capacity(MAX_ISSUED_TO_BYTES));
                padded.extend_from_slice(words.as_bytes());
                padded.resize(MAX_ISSUED_TO_BYTES, b' ');
                let blob = upload.new_blob();
                upload
                    .append(blob, &seal_bytes(recipients, &padded)?)
                    .await?;
                upload.finish_blob(blob).await?;
                items.push(NewItem {
                    kind: ItemKind::IssuedTo,
                    blob,
                    meta: None,
                });
            }
            Some("message") if !seen_message => {
                seen_message = true;
                let blob = upload.new_blob();
                let mut sealer = Sealer::new(recipients)?;
                let mut text = TextCheck::default();
                while let Some(chunk) = field.chunk().await? {
                    text.feed(&chunk)?;
                    seal_piece(&mut sealer, upload, blob, &chunk).await?;
                }
                text.finish()?;
                if text.has_content {
                    plaintexts.push(finish_blob(sealer, upload, blob).await?.1);
                    items.push(NewItem {
                        kind: ItemKind::Text,
                        blob,
                        meta: None,
                    });
                } else {
                    upload.discard_blob(blob)?;
                }
            }
            Some("files") => {
                let name = Zeroizing::new(field.file_name().unwrap_or("").to_string());
                let content_type = Zeroizing::new(
                    field
                        .content_type()
                        .unwrap_or_else(|| "application/octet-stream".to_string()),
                );
                let blob = upload.new_blob();
                let mut sealer = Sealer::new(recipients)?;
                while let Some(chunk) = field.chunk().await? {
                    seal_piece(&mut sealer, upload, blob, &chunk).await?;
                }
                // A file input left empty still sends a part with no name and no bytes.
                if name.is_empty() && sealer.plaintext_len() == 0 {
                    upload.discard_blob(blob)?;
                    continue;
                }
                *files += 1;
                if *files > MAX_FILES {
                    return Err(PlainError::TooManyFiles);
                }
                let summary = finish_blob(sealer, upload, blob).await?;
                plaintexts.push(summary.1);
                let meta_json = FileMeta::new(&name, &content_type, summary.0, summary.1).to_json();
                let meta_blob = upload.new_blob();
                upload
                    .append(meta_blob, &seal_bytes(recipients, &meta_json)?)
                    .await?;
                upload.finish_blob(meta_blob).await?;
                items.push(NewItem {
                    kind: ItemKind::File,
                    blob,
                    meta: Some(meta_blob),
                });
            }
            _ => return Err(PlainError::UnexpectedPart),
        }
    }
    Ok(parts)
}

/// A short part read whole into one buffer of its bound (a growing buffer would leave
/// copies of it behind); longer is refused with `too_long`.
async fn read_bounded(
    field: &mut candor_core::multipart::Part,
    bound: usize,
    too_long: IdentityError,
) -> Result<Zeroizing<Vec<u8>>, PlainError> {
    let mut typed = Zeroizing::new(Vec::with_capacity(bound));
    while let Some(chunk) = field.chunk().await? {
        if typed.len() + chunk.len() > bound {
            return Err(PlainError::Identity(too_long));
        }
        typed.extend_from_slice(&chunk);
    }
    Ok(typed)
}

async fn seal_piece(
    sealer: &mut Sealer,
    upload: &mut dyn Upload,
    blob: BlobRef,
    plaintext: &[u8],
) -> Result<(), PlainError> {
    sealer.write(plaintext)?;
    let ciphertext = sealer.take();
    if !ciphertext.is_empty() {
        upload.append(blob, &ciphertext).await?;
    }
    Ok(())
}

/// Finishes a blob; returns the plaintext size and SHA-256.
async fn finish_blob(
    sealer: Sealer,
    upload: &mut dyn Upload,
    blob: BlobRef,
) -> Result<(u64, [u8; 32]), PlainError> {
    let summary = sealer.finish()?;
    upload.append(blob, &summary.tail).await?;
    upload.finish_blob(blob).await?;
    Ok((summary.plaintext_len, summary.plaintext_sha256))
}

/// Incremental UTF-8 validation of a streamed text, and whether it holds anything but
/// white space.
#[derive(Default)]
pub struct TextCheck {
    carry: Zeroizing<Vec<u8>>,
    pub has_content: bool,
}

impl TextCheck {
    pub fn feed(&mut self, mut bytes: &[u8]) -> Result<(), PlainError> {
        let mut joined = Zeroizing::new(Vec::new());
        if !self.carry.is_empty() {
            // Complete the character split across the previous chunk boundary.
            joined.extend_from_slice(&self.carry);
            let need = 4usize.min(bytes.len());
            joined.extend_from_slice(&bytes[..need]);
            let valid_upto = match std::str::from_utf8(&joined) {
                Ok(s) => s.len(),
                Err(e) if e.valid_up_to() > 0 => e.valid_up_to(),
                Err(e) if e.error_len().is_none() && need == bytes.len() => {
                    // Still incomplete and nothing more in this chunk.
                    self.carry = Zeroizing::new(joined.to_vec());
                    return Ok(());
                }
                Err(_) => return Err(PlainError::NotUtf8),
            };
            if valid_upto < self.carry.len() {
                return Err(PlainError::NotUtf8);
            }
            self.note(&joined[..valid_upto]);
            bytes = &bytes[valid_upto - self.carry.len()..];
            self.carry.clear();
        }
        match std::str::from_utf8(bytes) {
            Ok(_) => self.note(bytes),
            Err(e) if e.error_len().is_none() => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                self.note(valid);
                self.carry = Zeroizing::new(rest.to_vec());
            }
            Err(_) => return Err(PlainError::NotUtf8),
        }
        Ok(())
    }

    fn note(&mut self, valid: &[u8]) {
        if !self.has_content {
            self.has_content = std::str::from_utf8(valid)
                .map(|s| s.chars().any(|c| !c.is_whitespace()))
                .unwrap_or(false);
        }
    }

    pub fn finish(&self) -> Result<(), PlainError> {
        if self.carry.is_empty() {
            Ok(())
        } else {
            Err(PlainError::NotUtf8)
        }
    }
}
