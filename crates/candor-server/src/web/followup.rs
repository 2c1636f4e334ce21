//! Returning reporters: sign in with the receipt code, read the case, answer, sign out.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use bytes::Bytes;
use futures_util::StreamExt;
use multer::{Constraints, SizeLimit};
use zeroize::Zeroizing;

use super::intake::Intake;
use super::session::{COOKIE, SessionData};
use super::submit::{MAX_MESSAGE_BYTES, SubmitError, read_parts};
use super::{AppState, page_response, pages};
use crate::conversation;
use candor_core::conversation::{OpenedItem, case_recipients};
use candor_core::days::{Clocks, Day};
use candor_core::domain::same_secret;
use candor_core::receipt::{DeriveError, Receipt, ReceiptError};
use candor_store::{Author, CaseTarget, CommitPlan, ItemKind};
use candor_ui::content_disposition;

/// Largest sign-in form body.
pub const MAX_SIGNIN_FORM_BYTES: usize = 4096;

/// Why a sign-in form is refused before any key derivation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigninFormError {
    /// Not a form, or no `receipt` field.
    Malformed,
    Receipt(ReceiptError),
}

/// Parses the urlencoded sign-in form and the receipt code in it.
pub fn parse_signin_form(body: &[u8]) -> Result<Receipt, SigninFormError> {
    if body.len() > MAX_SIGNIN_FORM_BYTES {
        return Err(SigninFormError::Receipt(ReceiptError::TooLong));
    }
    let fields: Vec<(Zeroizing<String>, Zeroizing<String>)> =
        serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
            .map_err(|_| SigninFormError::Malformed)?
            .into_iter()
            .map(|(k, v)| (Zeroizing::new(k), Zeroizing::new(v)))
            .collect();
    let code = fields
        .iter()
        .find(|(k, _)| k.as_str() == "receipt")
        .map(|(_, v)| v)
        .ok_or(SigninFormError::Malformed)?;
    Receipt::parse(code).map_err(SigninFormError::Receipt)
}

pub async fn form(State(app): State<AppState>) -> Response {
    pages::followup_form(&app.site, None).into_response()
}

fn signin_problem(app: &AppState, status: StatusCode, text: &str) -> Response {
    (status, pages::followup_form(&app.site, Some(text))).into_response()
}

fn busy(app: &AppState) -> Response {
    let mut response = page_response(
        &app.site,
        StatusCode::SERVICE_UNAVAILABLE,
        "Busy, please try again in a minute",
        "Many people are signing in right now. Please wait a minute and try again.",
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
    response
}

/// `POST /followup`: derives the keys from the code, finds the case, opens a session.
pub async fn sign_in(State(app): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let receipt = match parse_signin_form(&body) {
        Ok(receipt) => receipt,
        Err(SigninFormError::Malformed) => {
            return signin_problem(
                &app,
                StatusCode::BAD_REQUEST,
                "Please type your receipt code in the field below.",
            );
        }
        Err(SigninFormError::Receipt(problem)) => {
            return signin_problem(&app, StatusCode::BAD_REQUEST, &problem.to_string());
        }
    };
    if !app.signin_limit.try_take() {
        return busy(&app);
    }
    let derived = match app
        .deriver
        .derive(
            candor_core::receipt::Purpose::SignIn,
            receipt,
            Arc::clone(&app.install.receipt_salt),
        )
        .await
    {
        Ok(d) => d,
        Err(DeriveError::Busy) => return busy(&app),
        Err(_) => return internal(&app),
    };
    let case = match app.store.case_by_lookup(&derived.lookup_key[..]).await {
        Ok(Some(case)) => case,
        Ok(None) => {
            return signin_problem(
                &app,
                StatusCode::UNAUTHORIZED,
                "This code does not open a report. Please check each word against your note and try again.",
            );
        }
        Err(err) => {
            tracing::error!(error = %err, "sign-in lookup failed");
            return internal(&app);
        }
    };
    // A session this browser still had ends: one browser, one session.
    if let Some(old) = CookieJar::from_headers(&headers).get(COOKIE) {
        app.sessions.end(old.value());
    }
    let Ok((cookie_value, _)) = app.sessions.create(case.id, derived.identity) else {
        return internal(&app);
    };
    let cookie = Cookie::build((COOKIE, cookie_value.to_string()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(is_https(&headers));
    let mut response = Redirect::to("/case").into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// Whether the browser reached us over HTTPS (through a TLS proxy) or an onion service,
/// where cookies can be `Secure`.
fn is_https(headers: &HeaderMap) -> bool {
    let forwarded_https = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("https"));
    let onion = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|h| h.split(':').next().unwrap_or(h).ends_with(".onion"));
    forwarded_https || onion
}

fn internal(app: &AppState) -> Response {
    page_response(
        &app.site,
        StatusCode::INTERNAL_SERVER_ERROR,
        "Something went wrong",
        "Something went wrong on our side. Please try again later.",
    )
}

fn not_signed_in(app: &AppState) -> Response {
    (StatusCode::UNAUTHORIZED, pages::not_signed_in(&app.site)).into_response()
}

fn session_of(app: &AppState, jar: &CookieJar) -> Option<Arc<SessionData>> {
    jar.get(COOKIE).and_then(|c| app.sessions.get(c.value()))
}

/// `GET /case`: the case of the signed-in reporter.
pub async fn case(State(app): State<AppState>, jar: CookieJar) -> Response {
    let Some(session) = session_of(&app, &jar) else {
        return not_signed_in(&app);
    };
    let case = match app.store.case_by_id(session.case_id).await {
        Ok(case) => case,
        Err(_) => return internal(&app),
    };
    let identities = [session.identity.clone()];
    let messages = match conversation::open_conversation(&app.store, case.id, &identities).await {
        Ok(m) => m,
        Err(err) => {
            tracing::error!(error = %err, "a case could not be opened");
            return internal(&app);
        }
    };
    let flash = session.take_flash();
    let view = pages::CaseView {
        status: case.status,
        clocks: Clocks::new(case.received_day, app.config.feedback_months),
        today: Day::today(),
        messages: &messages,
        csrf: &session.csrf,
        flash: flash.as_deref(),
    };
    pages::case_page(&app.site, &view).into_response()
}

/// `GET /case/files/{id}`: a file of the case, decrypted as it streams out.
pub async fn download(
    State(app): State<AppState>,
    jar: CookieJar,
    Path(item_id): Path<i64>,
) -> Response {
    let Some(session) = session_of(&app, &jar) else {
        return not_signed_in(&app);
    };
    let not_found = || {
        page_response(
            &app.site,
            StatusCode::NOT_FOUND,
            "File not found",
            "There is no such file in your case.",
        )
    };
    let item = match app.store.case_item(session.case_id, item_id).await {
        Ok(Some(item)) if item.kind == ItemKind::File => item,
        Ok(_) => return not_found(),
        Err(_) => return internal(&app),
    };
    let identities = vec![session.identity.clone()];
    let (name, expected) =
        match conversation::open_conversation_item(&app.store, &item, &identities).await {
            Ok(OpenedItem::File { meta, .. }) => (meta.safe_name(), meta.sha256_bytes()),
            Ok(_) => return not_found(),
            Err(_) => return internal(&app),
        };
    let mut stream = Box::pin(candor_core::conversation::checked_stream(
        Box::pin(conversation::open_blob_stream(
            &app.store,
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
        Some(Err(_)) => return internal(&app),
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
    jar: CookieJar,
    Path(item_id): Path<i64>,
) -> Response {
    let Some(session) = session_of(&app, &jar) else {
        return not_signed_in(&app);
    };
    let item = match app.store.case_item(session.case_id, item_id).await {
        Ok(Some(item)) if item.kind == ItemKind::Record => item,
        Ok(_) => {
            return page_response(
                &app.site,
                StatusCode::NOT_FOUND,
                "Not found",
                "There is no such record in your case.",
            );
        }
        Err(_) => return internal(&app),
    };
    let identities = vec![session.identity.clone()];
    let opening = match conversation::open_conversation_item(&app.store, &item, &identities).await {
        Ok(OpenedItem::Record { opening, .. }) => opening,
        _ => return internal(&app),
    };
    match app.log.certificate(&opening.to_text()).await {
        Ok(crate::log_service::CertificateState::Ready(text)) => {
            let name = format!("candor-certificate-{}-{}.txt", opening.kind, opening.day);
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
        Ok(crate::log_service::CertificateState::Pending) => page_response(
            &app.site,
            StatusCode::ACCEPTED,
            "Certificate not ready yet",
            &format!(
                "This record is added to the public log at the next scheduled update (at most {} from now). Please come back later to download its certificate.",
                humantime::format_duration(app.config.log_interval)
            ),
        ),
        Err(err) => {
            tracing::error!(error = %err, "a certificate could not be made");
            internal(&app)
        }
    }
}

/// `POST /case/reply`: the reporter answers and adds files, streamed and sealed like a
/// first report.
pub async fn reply(
    State(app): State<AppState>,
    jar: CookieJar,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Some(session) = session_of(&app, &jar) else {
        return not_signed_in(&app);
    };
    let body = match super::submit::refuse_oversized(&app, &headers, body).await {
        Ok(body) => body,
        Err(refused) => return refused,
    };
    let Some(_place) = app.upload_place().await else {
        return SubmitError::Busy.into_page(&app);
    };
    match receive_reply(&app, &session, &headers, body).await {
        Ok(files) => {
            session.set_flash(&match files {
                0 => "Your answer was sent.".to_string(),
                1 => "Your answer and 1 file were sent.".to_string(),
                n => format!("Your answer and {n} files were sent."),
            });
            Redirect::to("/case").into_response()
        }
        Err(ReplyError::Forbidden) => forbidden(&app),
        Err(ReplyError::Submit(SubmitError::Empty)) => {
            session.set_flash(
                "Your answer was empty, so nothing was sent. Write a message or choose a file.",
            );
            Redirect::to("/case").into_response()
        }
        Err(ReplyError::Submit(SubmitError::NotUtf8)) => {
            session.set_flash(
                "Your answer contains characters that could not be read, so nothing was sent. Please type it again, or attach it as a file.",
            );
            Redirect::to("/case").into_response()
        }
        Err(ReplyError::Submit(problem)) => problem.into_page(&app),
    }
}

enum ReplyError {
    Forbidden,
    Submit(SubmitError),
}

impl From<SubmitError> for ReplyError {
    fn from(e: SubmitError) -> Self {
        ReplyError::Submit(e)
    }
}

fn forbidden(app: &AppState) -> Response {
    page_response(
        &app.site,
        StatusCode::FORBIDDEN,
        "Request refused",
        "This form is out of date or was not sent from this site, so it was refused. Open your case again and retry.",
    )
}

async fn receive_reply(
    app: &AppState,
    session: &SessionData,
    headers: &HeaderMap,
    body: Body,
) -> Result<usize, ReplyError> {
    let mut intake = Intake::new(
        headers,
        body,
        app.config.max_upload_bytes,
        super::submit::MAX_FORM_PARTS,
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
    let (items, files, plaintexts) = read_parts(&mut intake, &mut upload, &recipients).await?;
    if items.is_empty() {
        return Err(SubmitError::Empty.into());
    }
    let day = Day::today();
    let (items, log_entry) = super::submit::with_receipt_record(
        app,
        &mut upload,
        (items, plaintexts),
        &case.reference,
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
    Ok(files)
}

/// `POST /logout`: ends the session and tells the browser to forget this site's data.
pub async fn logout(State(app): State<AppState>, jar: CookieJar, body: Bytes) -> Response {
    if let Some(cookie) = jar.get(COOKIE) {
        if let Some(session) = app.sessions.get(cookie.value()) {
            let token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body)
                .ok()
                .and_then(|fields| {
                    fields
                        .into_iter()
                        .find(|(k, _)| k == "csrf")
                        .map(|(_, v)| v)
                });
            if !token.is_some_and(|t| same_secret(t.as_bytes(), session.csrf.as_bytes())) {
                return forbidden(&app);
            }
        }
        app.sessions.end(cookie.value());
    }
    let mut response = pages::signed_out(&app.site).into_response();
    let headers = response.headers_mut();
    headers.insert(
        HeaderName::from_static("clear-site-data"),
        HeaderValue::from_static("\"cache\", \"cookies\", \"storage\""),
    );
    let mut expired = Cookie::build((COOKIE, ""))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .build();
    expired.make_removal();
    if let Ok(value) = HeaderValue::from_str(&expired.to_string()) {
        headers.insert(header::SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn word() -> impl Strategy<Value = &'static str> {
        (0usize..7776).prop_map(|i| candor_core::receipt::words()[i])
    }

    fn percent_decode(text: &str) -> Option<Vec<u8>> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b == b'%' {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            } else {
                out.push(b);
                i += 1;
            }
        }
        Some(out)
    }

    #[test]
    fn signin_form_errors() {
        assert_eq!(
            parse_signin_form(b"").err(),
            Some(SigninFormError::Malformed)
        );
        assert_eq!(
            parse_signin_form(b"other=x").err(),
            Some(SigninFormError::Malformed)
        );
        assert!(matches!(
            parse_signin_form(b"receipt=one+two").err(),
            Some(SigninFormError::Receipt(ReceiptError::WrongLength {
                found: 2
            }))
        ));
        assert!(matches!(
            parse_signin_form(&[b'x'; MAX_SIGNIN_FORM_BYTES + 1]).err(),
            Some(SigninFormError::Receipt(ReceiptError::TooLong))
        ));
    }

    proptest! {
        #[test]
        fn signin_form_never_panics(body in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = parse_signin_form(&body);
        }

        /// A code typed back in any case, with extra spaces, among other fields, in any
        /// form encoding, is the code.
        #[test]
        fn signin_form_reads_the_code(
            words in proptest::collection::vec(word(), 8),
            upper in any::<bool>(),
            plus in any::<bool>(),
            before in any::<bool>(),
        ) {
            let code = words.join(" ");
            let typed = format!("  {}  ", if upper { code.to_uppercase() } else { code.clone() });
            let encoded = if plus {
                typed.replace(' ', "+")
            } else {
                typed.replace(' ', "%20")
            };
            let body = if before {
                format!("csrf=x&receipt={encoded}")
            } else {
                format!("receipt={encoded}&other=y")
            };
            let parsed = parse_signin_form(body.as_bytes()).expect("valid");
            prop_assert_eq!(parsed.expose(), code.as_str());
        }

        /// Any file name gives a valid header whose two forms say the same thing.
        #[test]
        fn content_disposition_is_a_valid_header(name in "\\PC{0,60}") {
            let value = content_disposition(&name);
            prop_assert!(HeaderValue::from_str(&value).is_ok(), "{value}");
            let (ascii, encoded) = value
                .strip_prefix("attachment; filename=\"")
                .and_then(|rest| rest.split_once("\"; filename*=UTF-8''"))
                .expect("shape");
            prop_assert!(!ascii.contains(['"', '\\']) && ascii.chars().all(|c| c.is_ascii() && !c.is_control()));
            prop_assert_eq!(ascii.chars().count(), name.chars().count());
            prop_assert_eq!(percent_decode(encoded).expect("decodes"), name.as_bytes().to_vec());
        }
    }
}
