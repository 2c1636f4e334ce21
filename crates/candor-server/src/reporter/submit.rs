//! `GET /submit` and `POST /submit`: a report streams from the form into age encryption
//! and into the store, chunk by chunk; the receipt code is shown once it is durable.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use candor_log::classification::Message;
use candor_ui::t;

use bytes::Bytes;
use multer::{Constraints, SizeLimit};

use crate::app::{AppState, Problem};
use crate::intake::plain::{MAX_FILES, MAX_FORM_PARTS, MAX_MESSAGE_BYTES, PlainError, read_parts};
use crate::intake::{DRAIN_BYTES, IDLE_TIMEOUT, Intake, IntakeError, drain};
use crate::log_service::Arrived;
use crate::reporter::pages;
use candor_core::days::Day;
use candor_core::receipt::{DeriveError, Receipt};
use candor_core::seal::{SealError, seal_bytes};
use candor_store::{Author, CaseTarget, CommitPlan, ItemKind, NewItem, StoreError, Upload};

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
        return Err(SubmitError::TooLarge.into_response());
    }
    Ok(body)
}

pub async fn post(State(app): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    let body = match refuse_oversized(&app, &headers, body).await {
        Ok(body) => body,
        Err(refused) => return refused,
    };
    let Some(_place) = app.upload_place().await else {
        return SubmitError::Busy.into_response();
    };
    match receive(&app, &headers, body).await {
        Ok(done) => pages::receipt(&app.site, done.receipt.expose(), done.files).into_response(),
        Err(problem) => problem.into_response(),
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
    /// The identity statement is too long or not text.
    Identity(candor_core::identity::IdentityError),
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

impl From<PlainError> for SubmitError {
    fn from(err: PlainError) -> Self {
        match err {
            PlainError::Intake(e) => e.into(),
            PlainError::NotUtf8 => SubmitError::NotUtf8,
            PlainError::TooManyFiles => SubmitError::TooManyFiles,
            PlainError::UnexpectedPart => SubmitError::Malformed,
            PlainError::Identity(candor_core::identity::IdentityError::Seal(e)) => e.into(),
            PlainError::Identity(e) => SubmitError::Identity(e),
            PlainError::Store(e) => e.into(),
            PlainError::Seal(e) => e.into(),
        }
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

impl IntoResponse for SubmitError {
    fn into_response(self) -> Response {
        let problem = match self {
            SubmitError::Empty => Problem::submit_form(StatusCode::BAD_REQUEST, t!("submit-empty")),
            SubmitError::NotUtf8 => {
                Problem::submit_form(StatusCode::BAD_REQUEST, t!("submit-not-utf8"))
            }
            SubmitError::Identity(e) => {
                Problem::submit_form(StatusCode::BAD_REQUEST, identity_problem(&e))
            }
            SubmitError::MessageTooLong => Problem::page(
                StatusCode::PAYLOAD_TOO_LARGE,
                t!("submit-too-long-title"),
                t!("submit-too-long"),
            ),
            SubmitError::TooLarge => Problem::report_too_large(),
            SubmitError::TooManyFiles => Problem::page(
                StatusCode::PAYLOAD_TOO_LARGE,
                t!("submit-too-many-files-title"),
                t!("submit-too-many-files", max = MAX_FILES),
            ),
            SubmitError::Malformed => Problem::page(
                StatusCode::BAD_REQUEST,
                t!("submit-malformed-title"),
                t!("submit-malformed"),
            ),
            SubmitError::Timeout => Problem::page(
                StatusCode::REQUEST_TIMEOUT,
                t!("submit-timeout-title"),
                t!("submit-timeout"),
            ),
            SubmitError::Busy => Problem::page(
                StatusCode::SERVICE_UNAVAILABLE,
                t!("busy-title"),
                t!("submit-busy"),
            )
            .retry_in_a_minute(),
            SubmitError::Internal(stage) => {
                tracing::error!(stage, "a submission failed");
                Problem::page(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    t!("submit-internal-title"),
                    t!("submit-internal"),
                )
            }
        };
        problem.into_response()
    }
}

/// What to tell a reporter whose identity statement, or name for certificates, was refused.
pub(crate) fn identity_problem(err: &candor_core::identity::IdentityError) -> String {
    use candor_core::identity::{IdentityError, MAX_ISSUED_TO_CHARS, MAX_STATEMENT_BYTES};
    match err {
        IdentityError::TooLong => t!("identity-too-long", max = MAX_STATEMENT_BYTES),
        IdentityError::NameTooLong => t!("issued-to-too-long", max = MAX_ISSUED_TO_CHARS),
        IdentityError::NameNotText => t!("issued-to-not-text"),
        _ => t!("identity-not-text"),
    }
}

pub(crate) struct Received {
    pub receipt: Receipt,
    pub files: usize,
}

async fn receive(app: &AppState, headers: &HeaderMap, body: Body) -> Result<Received, SubmitError> {
    let mut intake = crate::intake::open(
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
    let parts = read_parts(
        &mut intake,
        &mut *upload,
        &recipients,
        app.config.identity.as_ref().map(|i| &i.custodians),
    )
    .await?;
    if parts.items.is_empty() {
        return Err(SubmitError::Empty);
    }
    let reference = candor_store::new_reference()?;
    let day = Day::today();
    let (items, log_entry) = with_receipt_record(
        app,
        &mut *upload,
        (parts.items, parts.plaintexts),
        (&reference, Arrived::Message(Message::Report)),
        &recipients,
        day,
    )
    .await?;
    let holder = derived
        .holder()
        .map_err(|_| SubmitError::Internal("holder"))?
        .verifier()
        .to_vkey();
    upload
        .commit(CommitPlan {
            case: CaseTarget::New {
                reference,
                lookup_key: *derived.lookup_key,
                reporter_recipient: reporter.to_string(),
                holder_key: Some(holder),
            },
            author: Author::Reporter,
            day,
            items,
            log_entry: Some(log_entry),
            audit: None,
        })
        .await?;
    Ok(Received {
        receipt,
        files: parts.files,
    })
}

/// Adds the `report-received` (or `reprisal-reported`) record to a reporter's message: the opening (sealed to the
/// reporter and the reviewers) as an item, and the entry signed by the log, to be queued
/// in the same transaction. The entry commits to the SHA-256 of every stored ciphertext
/// and of every text's and file's plaintext (`plaintexts`, in item order).
pub(crate) async fn with_receipt_record(
    app: &AppState,
    upload: &mut dyn Upload,
    (mut items, plaintexts): (Vec<NewItem>, Vec<[u8; 32]>),
    (reference, what): (&str, Arrived),
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
        .report_received(reference, (hashes, plaintexts), what, day)
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
/// without committing: for fuzzing and property tests. Returns the number of items. An
/// `identity` part is sealed for two custodians who both hold the first recipient.
pub async fn parse_submission_body(
    store: &dyn candor_store::Store,
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
    let custodians = recipients
        .first()
        .map(|r| {
            candor_core::identity::Custodians::new(
                2,
                vec![("c0".into(), r.clone()), ("c1".into(), r.clone())],
            )
        })
        .transpose()
        .map_err(|e| e.to_string())?;
    let mut upload = store.begin_upload().map_err(|e| e.to_string())?;
    read_parts(&mut intake, &mut *upload, recipients, custodians.as_ref())
        .await
        .map(|parts| parts.items.len())
        .map_err(|e| format!("{e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::plain::TextCheck;
    use proptest::prelude::*;

    fn fixture() -> (
        tokio::runtime::Runtime,
        std::sync::Arc<dyn candor_store::Store>,
        tempfile::TempDir,
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let dir = tempfile::tempdir().expect("tempdir");
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let store = runtime
            .block_on(candor_store::open(&url, &dir.path().join("blobs")))
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
            let _ = runtime.block_on(parse_submission_body(&*store, &recipients, noise));
            let form = format!(
                "--FUZZ\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\n{message}\r\n--FUZZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nfile\r\n--FUZZ\r\nContent-Disposition: form-data; name=\"identity\"\r\n\r\nJane {message}\r\n--FUZZ--\r\n"
            ).into_bytes();
            let whole = runtime.block_on(parse_submission_body(&*store, &recipients, form.clone()));
            prop_assert!(whole.is_ok(), "{whole:?}");
            prop_assert_eq!(whole.ok(), Some(if message.trim().is_empty() { 2 } else { 3 }));
            let cut = cut.min(form.len());
            let _ = runtime.block_on(parse_submission_body(&*store, &recipients, form[..cut].to_vec()));
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
