//! The intake of items a workstation sealed (replies, re-encrypted items): each part must
//! be an age file (a well-formed header at its start, a payload of a possible length) and
//! is stored as it arrives, unchanged. The server never holds a key that could open it.

use axum::body::Body;
use axum::http::HeaderMap;

use candor_core::seal;
use candor_store::{BlobRef, StoreError, Upload};

use super::IntakeError;
use super::plain::MAX_FILES;

/// Most parts of an upload of sealed items: a text, and a file and its metadata for each
/// of as many files as a reporter may send.
pub const MAX_SEALED_PARTS: usize = 1 + 2 * MAX_FILES;
/// The prefix of an upload that must hold the whole age header.
const HEADER_PREFIX: usize = 64 * 1024;

/// Why sealed parts were not all stored.
#[derive(Debug)]
pub enum SealedError {
    /// The body is not `multipart/form-data`.
    NotMultipart,
    /// Larger than the limit (given).
    TooLarge(u64),
    Intake(IntakeError),
    /// A part that is not a well-formed age file (its name).
    NotAge(String),
    /// A part not among those allowed.
    Unexpected {
        name: String,
        allowed: Vec<String>,
    },
    Store(StoreError),
}

impl From<StoreError> for SealedError {
    fn from(err: StoreError) -> Self {
        SealedError::Store(err)
    }
}

/// Reads a multipart body of age files: each part is checked to start with a well-formed
/// age header and streamed into a blob. Returns the part names with their blobs. A name in
/// `allowed` that ends in `:` admits that prefix followed by an item id (`content:12`).
pub async fn read_sealed_parts(
    max_upload_bytes: u64,
    headers: &HeaderMap,
    body: Body,
    upload: &mut dyn Upload,
    allowed: &[&str],
) -> Result<Vec<(String, BlobRef)>, SealedError> {
    let mut intake = super::open(
        headers,
        body,
        max_upload_bytes,
        MAX_SEALED_PARTS,
        multer::Constraints::new(),
    )
    .map_err(|_| SealedError::NotMultipart)?;
    let intake_error = |e: IntakeError| match e {
        IntakeError::TooLarge | IntakeError::FieldTooLarge => {
            SealedError::TooLarge(max_upload_bytes)
        }
        e => SealedError::Intake(e),
    };
    let mut parts = Vec::new();
    while let Some(mut field) = intake.next_part().await.map_err(intake_error)? {
        let name = field.name().unwrap_or("").to_string();
        if !is_allowed(&name, allowed) {
            return Err(SealedError::Unexpected {
                name,
                allowed: allowed.iter().map(|a| a.to_string()).collect(),
            });
        }
        let blob = upload.new_blob();
        let mut prefix: Vec<u8> = Vec::new();
        let mut header: Option<usize> = None;
        let mut total: u64 = 0;
        while let Some(chunk) = field.chunk().await.map_err(intake_error)? {
            total = total.saturating_add(chunk.len() as u64);
            if header.is_some() {
                upload.append(blob, &chunk).await?;
                continue;
            }
            prefix.extend_from_slice(&chunk);
            if prefix.len() >= HEADER_PREFIX {
                header = Some(check_age_header(&name, &prefix)?);
                upload.append(blob, &std::mem::take(&mut prefix)).await?;
            }
        }
        let header = match header {
            Some(h) => h,
            None => {
                let h = check_age_header(&name, &prefix)?;
                upload.append(blob, &prefix).await?;
                h
            }
        };
        // Without the key the payload cannot be authenticated, but its shape can: a
        // truncated or padded file is refused here rather than found unreadable later.
        if !seal::is_age_payload_length(total.saturating_sub(header as u64)) {
            return Err(SealedError::NotAge(name));
        }
        upload.finish_blob(blob).await?;
        parts.push((name, blob));
    }
    Ok(parts)
}

fn is_allowed(name: &str, allowed: &[&str]) -> bool {
    allowed.iter().any(|a| match a.strip_suffix(':') {
        Some(_) => name.strip_prefix(a).is_some_and(|id| {
            !id.is_empty() && id.len() <= 19 && id.bytes().all(|b| b.is_ascii_digit())
        }),
        None => name == *a,
    })
}

/// Checks the age header at the start of the part `name`; returns its length.
pub fn check_age_header(name: &str, prefix: &[u8]) -> Result<usize, SealedError> {
    match seal::age_header_len(prefix) {
        Some(len) if seal::is_age_header(prefix) => Ok(len),
        _ => Err(SealedError::NotAge(name.to_string())),
    }
}
