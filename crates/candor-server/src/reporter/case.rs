//! The reporter's case (`/case`): the conversation opened with the key derived from the
//! receipt, downloads, certificates, and answers streamed and sealed like a first report.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use bytes::Bytes;
use futures_util::StreamExt;
use multer::{Constraints, SizeLimit};

use super::session::{COOKIE, SessionData};
use super::submit::SubmitError;
use crate::app::{AppState, Problem, page_response};
use crate::conversation;
use crate::intake::plain::{MAX_FORM_PARTS, MAX_MESSAGE_BYTES, read_parts};
use crate::log_service::Arrived;
use crate::reporter::pages;
use candor_core::conversation::{OpenedItem, case_recipients};
use candor_core::days::{Clocks, Day};
use candor_core::domain::same_secret;
use candor_log::classification::Message;
use candor_store::{Author, CaseTarget, CommitPlan, ItemKind};
use candor_ui::content_disposition;
use candor_ui::t;
use candor_ui::text::href;

pub(super) fn internal() -> Response {
    page_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        t!("error-internal-title"),
        t!("error-internal"),
    )
}

/// The signed-in reporter's session, from the session cookie; a request without one is
/// answered with the "not signed in" page before the handler runs.
pub struct Reporter(pub Arc<SessionData>);

impl axum::extract::FromRequestParts<AppState> for Reporter {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        app: &AppState,
    ) -> Result<Reporter, Response> {
        CookieJar::from_headers(&parts.headers)
            .get(COOKIE)
            .and_then(|c| app.sessions.get(c.value()))
            .map(Reporter)
            .ok_or_else(|| Problem::not_signed_in().into_response())
    }
}

/// `GET /case`: the case of the signed-in reporter.
pub async fn case(State(app): State<AppState>, Reporter(session): Reporter) -> Response {
    let case = match app.store.case_by_id(session.case_id).await {
        Ok(case) => case,
        Err(_) => return internal(),
    };
    let identities = [session.identity.clone()];
    let messages = match conversation::open_conversation(&*app.store, case.id, &identities).await {
        Ok(m) => m,
        Err(err) => {
            tracing::error!(error = %err, "a case could not be opened");
            return internal();
        }
    };
    let flash = session.take_flash();
    let view = pages::CaseView {
        status: case.status,
        retention: crate::retention::outlook(
            &case,
            messages.last().map(|m| m.day),
            app.config.retention_months,
        ),
        clocks: Clocks::new(case.received_day, app.config.feedback_months),
        today: Day::today(),
        messages: &messages,
        csrf: &session.csrf,
        flash: flash.as_deref(),
        reprisal_day: case.reprisal_day,
        holder: candor_core::receipt::holder_signer(&session.holder_seed)
            .ok()
            .map(|h| h.verifier().to_vkey()),
    };
    pages::case_page(&app.site, &view).into_response()
}

/// `GET /case/files/{id}`: a file of the case, decrypted as it streams out.
pub async fn download(
    State(app): State<AppState>,
    Path(item_id): Path<i64>,
    Reporter(session): Reporter,
) -> Response {
    let not_found = || {
        page_response(
            StatusCode::NOT_FOUND,
            t!("case-file-not-found-title"),
            t!("case-file-not-found"),
        )
    };
    let item = match app.store.case_item(session.case_id, item_id).await {
        Ok(Some(item)) if item.kind == ItemKind::File => item,
        Ok(_) => return not_found(),
        Err(_) => return internal(),
    };
    let identities = vec![session.identity.clone()];
    let (name, expected) =
        match conversation::open_conversation_item(&*app.store, &item, &identities).await {
            Ok(OpenedItem::File { meta, .. }) => (meta.safe_name(), meta.sha256_bytes()),
            Ok(_) => return not_found(),
            Err(_) => return internal(),
        };
    let mut stream = Box::pin(candor_core::conversation::checked_stream(
        Box::pin(conversation::open_blob_stream(
            &*app.store,
            item.blob_id,
            identities,
        )),
        expected,
    ));
    // Open the first piece before answering, so that a damaged file gets an error page
    // rather than a broken download.
    let first = match stream.next().await {
        Some(Ok(first)) => first,
        None => Bytes::new(),
        Some(Err(_)) => return internal(),
    };
    let body = Body::from_stream(
        futures_util::stream::once(async move { Ok::<_, std::io::Error>(first) }).chain(stream),
    );
    let mut response = Response::new(body);
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    if let Ok(value) = HeaderValue::from_str(&content_disposition(&name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `GET /case/certificates/{id}`: the certificate of a log record of the case.
pub async fn certificate(
    State(app): State<AppState>,
    Path(item_id): Path<i64>,
    Query(query): Query<CertificateQuery>,
    Reporter(session): Reporter,
) -> Response {
    let opening = match record_of(&app, &session, item_id).await {
        Ok(opening) => opening,
        Err(response) => return response,
    };
    // The reporter may leave the reasons out (committed apart, the certificate still
    // verifies).
    let opening = match query.reasons.as_deref() {
        Some("leave-out") => opening.without_reasons().unwrap_or(opening),
        _ => opening,
    };
    certificate_response(&app, &opening).await
}

/// `?reasons=leave-out` on a certificate's address.
#[derive(Debug, serde::Deserialize)]
pub struct CertificateQuery {
    reasons: Option<String>,
}

/// `POST /case/certificates/{id}/presentation`: a presentation of a decision bound to this
/// reporter's holder key, for the challenge a verifier gave (`csrf`, `challenge`).
pub async fn presentation(
    State(app): State<AppState>,
    Path(item_id): Path<i64>,
    Reporter(session): Reporter,
    body: Bytes,
) -> Response {
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    if !same_secret(field("csrf").as_bytes(), session.csrf.as_bytes()) {
        return forbidden();
    }
    let opening = match record_of(&app, &session, item_id).await {
        Ok(opening) => opening,
        Err(response) => return response,
    };
    let Ok(holder) = candor_core::receipt::holder_signer(&session.holder_seed) else {
        return internal();
    };
    if opening.holder.as_deref() != Some(holder.verifier().to_vkey().as_str()) {
        session.set_flash(&t!("case-present-not-bound"));
        return Redirect::to(&href("/case")).into_response();
    }
    match candor_log::presentation::present(&holder, &opening.commitment(), field("challenge")) {
        Ok(text) => text_file("presentation", &opening, text),
        Err(_) => {
            session.set_flash(&t!(
                "case-present-bad-challenge",
                max = candor_log::presentation::MAX_CHALLENGE_BYTES
            ));
            Redirect::to(&href("/case")).into_response()
        }
    }
}

/// The opening of a record of this reporter's case, or the page that says why not.
async fn record_of(
    app: &AppState,
    session: &SessionData,
    item_id: i64,
) -> Result<candor_log::entry::Opening, Response> {
    let item = match app.store.case_item(session.case_id, item_id).await {
        Ok(Some(item)) if item.kind == ItemKind::Record => item,
        Ok(_) => {
            return Err(page_response(
                StatusCode::NOT_FOUND,
                t!("case-record-not-found-title"),
                t!("case-record-not-found"),
            ));
        }
        Err(_) => return Err(internal()),
    };
    let identities = vec![session.identity.clone()];
    match conversation::open_conversation_item(&*app.store, &item, &identities).await {
        Ok(OpenedItem::Record { opening, .. }) => Ok(*opening),
        _ => Err(internal()),
    }
}

/// A text file to download, named after what it is and the record it is about
/// (`candor-certificate-status-recognized-2026-12-01.txt`).
fn text_file(what: &str, opening: &candor_log::entry::Opening, text: String) -> Response {
    let name = format!("candor-{what}-{}-{}.txt", opening.kind, opening.day);
    let mut response = Response::new(Body::from(text));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&content_disposition(&name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

async fn certificate_response(app: &AppState, opening: &candor_log::entry::Opening) -> Response {
    match app.log.certificate(&opening.to_text()).await {
        Ok(crate::log_service::CertificateState::Ready(text)) => {
            text_file("certificate", opening, text)
        }
        Ok(crate::log_service::CertificateState::Pending) => page_response(
            StatusCode::ACCEPTED,
            t!("case-certificate-pending-title"),
            t!(
                "case-certificate-pending",
                interval = humantime::format_duration(app.config.log_interval).to_string()
            ),
        ),
        Err(err) => {
            tracing::error!(error = %err, "a certificate could not be made");
            internal()
        }
    }
}

/// `POST /case/reply`: the reporter answers and adds files, streamed and sealed like a
/// first report.
pub async fn reply(
    State(app): State<AppState>,
    Reporter(session): Reporter,
    headers: HeaderMap,
    body: Body,
) -> Response {
    answer(
        app,
        session,
        headers,
        body,
        Arrived::Message(Message::FollowUp),
    )
    .await
}

/// `POST /case/reprisal`: the reporter says they suffer reprisal, in words and with any
/// documents. Recorded like an answer, as a `reprisal-reported` entry, and the case gets a
/// clock of its own in the reviewers' inbox until the body answers.
pub async fn reprisal(
    State(app): State<AppState>,
    Reporter(session): Reporter,
    headers: HeaderMap,
    body: Body,
) -> Response {
    answer(app, session, headers, body, Arrived::Reprisal).await
}

async fn answer(
    app: AppState,
    session: Arc<SessionData>,
    headers: HeaderMap,
    body: Body,
    what: Arrived,
) -> Response {
    let body = match super::submit::refuse_oversized(&app, &headers, body).await {
        Ok(body) => body,
        Err(refused) => return refused,
    };
    let Some(_place) = app.upload_place().await else {
        return SubmitError::Busy.into_response();
    };
    match receive_reply(&app, &session, &headers, body, what).await {
        Ok(Sent { identity: true, .. }) => {
            session.set_flash(&t!("case-identity-sent"));
            Redirect::to(&href("/case")).into_response()
        }
        Ok(Sent {
            named: Some(named), ..
        }) => {
            session.set_flash(&if named {
                t!("case-issued-to-sent")
            } else {
                t!("case-issued-to-withdrawn")
            });
            Redirect::to(&href("/case")).into_response()
        }
        Ok(_) if what == Arrived::Reprisal => {
            session.set_flash(&t!("case-reprisal-sent"));
            Redirect::to(&href("/case")).into_response()
        }
        Ok(Sent { files, .. }) => {
            session.set_flash(&t!("case-answer-sent", files = files));
            Redirect::to(&href("/case")).into_response()
        }
        Err(ReplyError::Submit(SubmitError::Identity(e))) => {
            session.set_flash(&super::submit::identity_problem(&e));
            Redirect::to(&href("/case")).into_response()
        }
        Err(ReplyError::Forbidden) => forbidden(),
        Err(ReplyError::Submit(SubmitError::Empty)) => {
            session.set_flash(&t!("case-answer-empty"));
            Redirect::to(&href("/case")).into_response()
        }
        Err(ReplyError::Submit(SubmitError::NotUtf8)) => {
            session.set_flash(&t!("case-answer-not-utf8"));
            Redirect::to(&href("/case")).into_response()
        }
        Err(ReplyError::Submit(problem)) => problem.into_response(),
    }
}

pub(super) enum ReplyError {
    Forbidden,
    Submit(SubmitError),
}

impl From<SubmitError> for ReplyError {
    fn from(e: SubmitError) -> Self {
        ReplyError::Submit(e)
    }
}

pub(super) fn forbidden() -> Response {
    page_response(
        StatusCode::FORBIDDEN,
        t!("error-refused-title"),
        t!("case-csrf"),
    )
}

pub(super) async fn receive_reply(
    app: &AppState,
    session: &SessionData,
    headers: &HeaderMap,
    body: Body,
    what: Arrived,
) -> Result<Sent, ReplyError> {
    let mut intake = crate::intake::open(
        headers,
        body,
        app.config.max_upload_bytes,
        MAX_FORM_PARTS,
        Constraints::new().size_limit(
            SizeLimit::new()
                .for_field("message", MAX_MESSAGE_BYTES)
                .for_field("csrf", 256),
        ),
    )
    .map_err(SubmitError::from)?;
    let case = app
        .store
        .case_by_id(session.case_id)
        .await
        .map_err(SubmitError::from)?;
    let recipients = case_recipients(&app.config.reviewer_recipients(), &case.reporter_recipient)
        .map_err(|_| SubmitError::Internal("recipient"))?;
    // The form's first field is its token: checked before any content is read.
    let token_field = intake
        .next_part()
        .await
        .map_err(SubmitError::from)?
        .ok_or(SubmitError::Malformed)?;
    if token_field.name() != Some("csrf") {
        return Err(ReplyError::Forbidden);
    }
    // The parser hands out the next part only once this one is gone.
    let token = token_field.bytes().await.map_err(SubmitError::from)?;
    if !same_secret(&token, session.csrf.as_bytes()) {
        return Err(ReplyError::Forbidden);
    }
    let mut upload = app.store.begin_upload().map_err(SubmitError::from)?;
    let parts = read_parts(
        &mut intake,
        &mut *upload,
        &recipients,
        app.config.identity.as_ref().map(|i| &i.custodians),
    )
    .await
    .map_err(SubmitError::from)?;
    if parts.items.is_empty() {
        return Err(SubmitError::Empty.into());
    }
    let sent = Sent {
        files: parts.files,
        identity: parts.items.iter().any(|i| i.kind == ItemKind::Identity),
        named: parts.named,
    };
    let day = Day::today();
    let (items, log_entry) = super::submit::with_receipt_record(
        app,
        &mut *upload,
        (parts.items, parts.plaintexts),
        (&case.reference, what),
        &recipients,
        day,
    )
    .await?;
    upload
        .commit(CommitPlan {
            case: CaseTarget::Existing(case.id),
            author: Author::Reporter,
            day,
            items,
            log_entry: Some(log_entry),
            audit: None,
        })
        .await
        .map_err(SubmitError::from)?;
    if what == Arrived::Reprisal {
        app.store
            .set_reprisal(case.id, Some(day))
            .await
            .map_err(SubmitError::from)?;
    }
    Ok(sent)
}

/// What an answer held.
pub(super) struct Sent {
    files: usize,
    identity: bool,
    /// Words for certificates given (`Some(true)`) or withdrawn (`Some(false)`).
    named: Option<bool>,
}
