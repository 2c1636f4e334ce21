//! `GET /submit` and `POST /submit`: a report streams from the form into age encryption
//! and into the store, chunk by chunk; the receipt code is shown once it is durable.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use bytes::Bytes;
use multer::{Constraints, SizeLimit};
use serde::Serialize;
use zeroize::Zeroizing;

use super::intake::{DRAIN_BYTES, IDLE_TIMEOUT, Intake, IntakeError, drain};
use super::{AppState, page_response, pages};
use candor_core::days::Day;
use candor_core::receipt::{DeriveError, Receipt};
use candor_core::seal::{SealError, Sealer, seal_bytes};
use candor_store::{
    Author, BlobRef, CaseTarget, CommitPlan, ItemKind, NewItem, StoreError, Upload,
};

/// Largest message text; longer texts can be attached as files.
pub const MAX_MESSAGE_BYTES: u64 = 1024 * 1024;
/// Most files in one submission.
pub const MAX_FILES: usize = 10_000;
/// Most parts of a reporter's form: the files, the message and a form token, with room
/// for a few empty ones (every part counts, empty or not).
pub const MAX_FORM_PARTS: usize = MAX_FILES + 8;

pub async fn form(State(app): State<AppState>) -> Response {
    pages::submit_form(&app.site, None).into_response()
}

/// Browsers declare the size of a form: an oversized one is refused before it is read
/// (and drained, if small enough, so that the browser sees the answer). Gives the body back
/// when it may be read.
pub(crate) async fn refuse_oversized(
    app: &AppState,
    headers: &HeaderMap,
    body: Body,
) -> Result<Body, Response> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(len) = declared.filter(|&len| len > app.config.max_upload_bytes) {
        if len <= DRAIN_BYTES {
            let _ = tokio::time::timeout(IDLE_TIMEOUT, drain(body.into_data_stream(), DRAIN_BYTES))
                .await;
        }
        return Err(SubmitError::TooLarge.into_page(app));
    }
    Ok(body)
}

pub async fn post(State(app): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    let body = match refuse_oversized(&app, &headers, body).await {
        Ok(body) => body,
        Err(refused) => return refused,
    };
    let Some(_place) = app.upload_place().await else {
        return SubmitError::Busy.into_page(&app);
    };
    match receive(&app, &headers, body).await {
        Ok(done) => pages::receipt(&app.site, done.receipt.expose(), done.files).into_response(),
        Err(problem) => problem.into_page(&app),
    }
}

/// What went wrong with a submission, in terms the reporter can act on.
#[derive(Debug)]
pub(crate) enum SubmitError {
    /// Nothing to store: re-show the form.
    Empty,
    NotUtf8,
    MessageTooLong,
    TooLarge,
    TooManyFiles,
    Malformed,
    Timeout,
    Busy,
    Internal(&'static str),
}

impl From<StoreError> for SubmitError {
    fn from(err: StoreError) -> Self {
        tracing::error!(error = %err, "a submission could not be stored");
        SubmitError::Internal("store")
    }
}

impl From<SealError> for SubmitError {
    fn from(err: SealError) -> Self {
        tracing::error!(error = %err, "a submission could not be encrypted");
        SubmitError::Internal("seal")
    }
}

impl From<IntakeError> for SubmitError {
    fn from(err: IntakeError) -> Self {
        match err {
            IntakeError::TooLarge => SubmitError::TooLarge,
            IntakeError::FieldTooLarge => SubmitError::MessageTooLong,
            IntakeError::TooManyParts(_) => SubmitError::TooManyFiles,
            IntakeError::Timeout => SubmitError::Timeout,
            IntakeError::HeadersTooLarge | IntakeError::Malformed(_) => SubmitError::Malformed,
        }
    }
}

impl SubmitError {
    pub(crate) fn into_page(self, app: &AppState) -> Response {
        let site = &app.site;
        let limit = candor_ui::human_size(app.config.max_upload_bytes);
        match self {
            SubmitError::Empty => (
                StatusCode::BAD_REQUEST,
                pages::submit_form(site, Some("Your report is empty. Please write a message or choose at least one file.")),
            )
                .into_response(),
            SubmitError::NotUtf8 => (
                StatusCode::BAD_REQUEST,
                pages::submit_form(site, Some("Your message contains characters that could not be read. Nothing was stored. Please type the message again, or attach it as a file.")),
            )
                .into_response(),
            SubmitError::MessageTooLong => page_response(
                site,
                StatusCode::PAYLOAD_TOO_LARGE,
                "Message too long",
                "Your message is longer than 1 MiB of text. Nothing was stored. Please attach long texts as a file and send again.",
            ),
            SubmitError::TooLarge => page_response(
                site,
                StatusCode::PAYLOAD_TOO_LARGE,
                "Report too large",
                &format!("Your report is larger than the limit of {limit}. Nothing was stored. Please send fewer or smaller files at once: you can add more later with your receipt code."),
            ),
            SubmitError::TooManyFiles => page_response(
                site,
                StatusCode::PAYLOAD_TOO_LARGE,
                "Too many files",
                &format!("A report can hold at most {MAX_FILES} files. Nothing was stored. Please put the files in an archive, or send them in parts."),
            ),
            SubmitError::Malformed => page_response(
                site,
                StatusCode::BAD_REQUEST,
                "The form could not be read",
                "The form arrived incomplete or damaged, so nothing was stored. Please go back, choose your files again and resend.",
            ),
            SubmitError::Timeout => page_response(
                site,
                StatusCode::REQUEST_TIMEOUT,
                "The upload stopped",
                "Nothing arrived for several minutes, so the upload was stopped and nothing was stored. Please try again.",
            ),
            SubmitError::Busy => {
                let mut response = page_response(
                    site,
                    StatusCode::SERVICE_UNAVAILABLE,
                    "Busy, please try again in a minute",
                    "Many people are using this service right now. Nothing was stored. Please wait a minute and send again.",
                );
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, axum::http::HeaderValue::from_static("60"));
                response
            }
            SubmitError::Internal(stage) => {
                tracing::error!(stage, "a submission failed");
                page_response(
                site,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Your report was not stored",
                "Something went wrong on our side and your report was NOT stored. Nothing of it was kept. Please try again later.",
                )
            }
        }
    }
}

pub(crate) struct Received {
    pub receipt: Receipt,
    pub files: usize,
}

/// Encrypted file metadata: everything the reviewers need to handle the evidence.
#[derive(Serialize)]
struct FileMeta<'a> {
    version: u8,
    name: &'a str,
    #[serde(rename = "type")]
    content_type: &'a str,
    size: u64,
    sha256: String,
}

async fn receive(app: &AppState, headers: &HeaderMap, body: Body) -> Result<Received, SubmitError> {
    let mut intake = Intake::new(
        headers,
        body,
        app.config.max_upload_bytes,
        MAX_FORM_PARTS,
        Constraints::new().size_limit(SizeLimit::new().for_field("message", MAX_MESSAGE_BYTES)),
    )?;

    let receipt = Receipt::generate().map_err(|_| SubmitError::Internal("random"))?;
    let derived = app
        .deriver
        .derive(
            candor_core::receipt::Purpose::Submission,
            receipt.clone(),
            app.install.receipt_salt.clone(),
        )
        .await
        .map_err(|e| match e {
            DeriveError::Busy => SubmitError::Busy,
            _ => SubmitError::Internal("kdf"),
        })?;
    let reporter = derived.recipient();
    let mut recipients = app.config.reviewer_recipients();
    recipients.push(reporter.clone());

    let mut upload = app.store.begin_upload()?;
    let (items, files, plaintexts) = read_parts(&mut intake, &mut upload, &recipients).await?;
    if items.is_empty() {
        return Err(SubmitError::Empty);
    }
    let reference = candor_store::new_reference()?;
    let day = Day::today();
    let (items, log_entry) = with_receipt_record(
        app,
        &mut upload,
        (items, plaintexts),
        &reference,
        &recipients,
        day,
    )
    .await?;
    upload
        .commit(CommitPlan {
            case: CaseTarget::New {
                reference,
                lookup_key: *derived.lookup_key,
                reporter_recipient: reporter.to_string(),
            },
            author: Author::Reporter,
            day,
            items,
            log_entry: Some(log_entry),
            audit: None,
        })
        .await?;
    Ok(Received { receipt, files })
}

/// Adds the `report-received` record to a reporter's message: the opening (sealed to the
/// reporter and the reviewers) as an item, and the entry signed by the log, to be queued
/// in the same transaction. The entry commits to the SHA-256 of every stored ciphertext
/// and of every text's and file's plaintext (`plaintexts`, in item order).
pub(crate) async fn with_receipt_record(
    app: &AppState,
    upload: &mut Upload,
    (mut items, plaintexts): (Vec<NewItem>, Vec<[u8; 32]>),
    reference: &str,
    recipients: &[age::x25519::Recipient],
    day: Day,
) -> Result<(Vec<NewItem>, Vec<u8>), SubmitError> {
    let mut hashes = Vec::new();
    for item in &items {
        for blob in std::iter::once(item.blob).chain(item.meta) {
            hashes.push(
                upload
                    .blob_sha256(blob)
                    .ok_or(SubmitError::Internal("hash"))?,
            );
        }
    }
    let (opening, note) = app
        .log
        .report_received(reference, hashes, plaintexts, day)
        .map_err(|e| {
            tracing::error!(error = %e, "the receipt record could not be made");
            SubmitError::Internal("log")
        })?;
    let blob = upload.new_blob();
    upload
        .append(blob, &seal_bytes(recipients, opening.as_bytes())?)
        .await?;
    upload.finish_blob(blob).await?;
    items.push(NewItem {
        kind: ItemKind::Record,
        blob,
        meta: None,
    });
    Ok((items, note))
}

/// Runs the submission parser on a raw multipart body (boundary `FUZZ`) against `store`,
/// without committing: for fuzzing and property tests. Returns the number of items.
pub async fn parse_submission_body(
    store: &candor_store::Store,
    recipients: &[age::x25519::Recipient],
    body: Vec<u8>,
) -> Result<usize, String> {
    let stream = futures_util::stream::iter([Ok::<_, std::io::Error>(Bytes::from(body))]);
    let mut intake = Intake::from_stream(
        stream,
        "FUZZ".into(),
        u64::MAX,
        MAX_FORM_PARTS,
        Constraints::new().size_limit(SizeLimit::new().for_field("message", MAX_MESSAGE_BYTES)),
    );
    let mut upload = store.begin_upload().map_err(|e| e.to_string())?;
    read_parts(&mut intake, &mut upload, recipients)
        .await
        .map(|(items, _, _)| items.len())
        .map_err(|e| format!("{e:?}"))
}

/// Reads every part of the form into sealed blobs. Returns the items, the file count and
/// the SHA-256 of each item's plaintext (in item order).
pub(crate) async fn read_parts(
    intake: &mut Intake,
    upload: &mut Upload,
    recipients: &[age::x25519::Recipient],
) -> Result<(Vec<NewItem>, usize, Vec<[u8; 32]>), SubmitError> {
    let mut plaintexts = Vec::new();
    let mut items = Vec::new();
    let mut files = 0usize;
    let mut seen_message = false;
    while let Some(mut field) = intake.next_part().await? {
        match field.name() {
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
                files += 1;
                if files > MAX_FILES {
                    return Err(SubmitError::TooManyFiles);
                }
                let summary = finish_blob(sealer, upload, blob).await?;
                plaintexts.push(summary.1);
                let meta = FileMeta {
                    version: 1,
                    name: &name,
                    content_type: &content_type,
                    size: summary.0,
                    sha256: hex::encode(summary.1),
                };
                let meta_json = Zeroizing::new(
                    serde_json::to_vec(&meta).map_err(|_| SubmitError::Internal("meta"))?,
                );
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
            _ => return Err(SubmitError::Malformed),
        }
    }
    Ok((items, files, plaintexts))
}

async fn seal_piece(
    sealer: &mut Sealer,
    upload: &mut Upload,
    blob: BlobRef,
    plaintext: &[u8],
) -> Result<(), SubmitError> {
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
    upload: &mut Upload,
    blob: BlobRef,
) -> Result<(u64, [u8; 32]), SubmitError> {
    let summary = sealer.finish()?;
    upload.append(blob, &summary.tail).await?;
    upload.finish_blob(blob).await?;
    Ok((summary.plaintext_len, summary.plaintext_sha256))
}

/// Incremental UTF-8 validation of a streamed text, and whether it holds anything but
/// white space.
#[derive(Default)]
pub(crate) struct TextCheck {
    carry: Zeroizing<Vec<u8>>,
    pub has_content: bool,
}

impl TextCheck {
    pub(crate) fn feed(&mut self, mut bytes: &[u8]) -> Result<(), SubmitError> {
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
                Err(_) => return Err(SubmitError::NotUtf8),
            };
            if valid_upto < self.carry.len() {
                return Err(SubmitError::NotUtf8);
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
            Err(_) => return Err(SubmitError::NotUtf8),
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

    pub(crate) fn finish(&self) -> Result<(), SubmitError> {
        if self.carry.is_empty() {
            Ok(())
        } else {
            Err(SubmitError::NotUtf8)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fixture() -> (
        tokio::runtime::Runtime,
        candor_store::Store,
        tempfile::TempDir,
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let dir = tempfile::tempdir().expect("tempdir");
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let store = runtime
            .block_on(candor_store::Store::open(&url))
            .expect("store");
        (runtime, store, dir)
    }

    fn check(pieces: &[&[u8]]) -> Result<bool, ()> {
        let mut t = TextCheck::default();
        for p in pieces {
            t.feed(p).map_err(|_| ())?;
        }
        t.finish().map_err(|_| ())?;
        Ok(t.has_content)
    }

    #[test]
    fn text_checks() {
        assert_eq!(check(&[b"hello"]), Ok(true));
        assert_eq!(check(&[b"  \n\t "]), Ok(false));
        assert_eq!(check(&[b""]), Ok(false));
        assert_eq!(check(&[b"\xff"]), Err(()));
        assert_eq!(check(&[b"ok \xe2\x82"]), Err(()));
        let euro = "€".as_bytes();
        assert_eq!(check(&[&euro[..1], &euro[1..2], &euro[2..]]), Ok(true));
        assert_eq!(check(&[b" ", &euro[..2], &euro[2..], b" "]), Ok(true));
        assert_eq!(check(&[&euro[..2], b"x"]), Err(()));
    }

    proptest! {
        #[test]
        fn split_anywhere_matches_std(bytes in proptest::collection::vec(any::<u8>(), 0..64), cuts in proptest::collection::vec(0usize..64, 0..6)) {
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(bytes.len())).collect();
            cuts.sort_unstable();
            let mut pieces = Vec::new();
            let mut start = 0;
            for c in cuts { pieces.push(&bytes[start..c]); start = c; }
            pieces.push(&bytes[start..]);
            let expected = std::str::from_utf8(&bytes).map(|s| s.chars().any(|c| !c.is_whitespace())).map_err(|_| ());
            prop_assert_eq!(check(&pieces), expected);
        }

        /// The whole submission parser on arbitrary bodies and on mangled real forms:
        /// a clean error or a parse, never a panic.
        #[test]
        fn submission_bodies_never_panic(
            noise in proptest::collection::vec(any::<u8>(), 0..300),
            message in "\\PC{0,60}",
            cut in 0usize..400,
        ) {
            let (runtime, store, _dir) = fixture();
            let recipients = [age::x25519::Identity::generate().to_public()];
            let _ = runtime.block_on(parse_submission_body(&store, &recipients, noise));
            let form = format!(
                "--FUZZ\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\n{message}\r\n--FUZZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nfile\r\n--FUZZ--\r\n"
            ).into_bytes();
            let whole = runtime.block_on(parse_submission_body(&store, &recipients, form.clone()));
            prop_assert!(whole.is_ok(), "{whole:?}");
            let cut = cut.min(form.len());
            let _ = runtime.block_on(parse_submission_body(&store, &recipients, form[..cut].to_vec()));
        }

        #[test]
        fn valid_text_split_anywhere(text in "\\PC{0,40}", cut in 0usize..200) {
            let bytes = text.as_bytes();
            let cut = cut.min(bytes.len());
            let expected = text.chars().any(|c| !c.is_whitespace());
            prop_assert_eq!(check(&[&bytes[..cut], &bytes[cut..]]), Ok(expected));
        }
    }
}
