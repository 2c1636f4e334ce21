//! The reviewer API (`/api/v1/…`): JSON, authenticated by an age-encrypted challenge and
//! short-lived bearer tokens stored only as hashes. The server hands out ciphertext and
//! accepts ciphertext; it never sees a reviewer's key or a reply in clear.
//!
//! One module per resource: [`auth`], [`cases`], [`messages`] (and items), [`decisions`],
//! [`log`]; here the routes and what they share (errors, JSON bodies).
mod auth;
mod cases;
mod decisions;
mod log;
mod messages;
mod sync;

pub use auth::{CHALLENGE_LIFETIME, Challenges, Reviewer};
pub use messages::{pair_message_parts, parse_sealed_message_body};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::app::AppState;
use crate::intake::IntakeError;
use crate::intake::sealed::SealedError;
use candor_core::api::*;
use candor_store::{CaseRow, StoreError};

/// An API error: status, stable code, one sentence.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    fn unauthorized(code: &'static str, message: &str) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, code, message)
    }

    fn not_found(what: &str) -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no such {what}"),
        )
    }

    fn internal() -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the server could not complete the request; nothing was changed",
        )
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NoSuchCase => ApiError::not_found("case"),
            err => {
                tracing::error!(error = %err, "reviewer API storage error");
                ApiError::internal()
            }
        }
    }
}

impl From<SealedError> for ApiError {
    fn from(err: SealedError) -> ApiError {
        match err {
            SealedError::NotMultipart => {
                ApiError::bad_request("send the sealed items as multipart/form-data")
            }
            SealedError::TooLarge(limit) => ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                format!("the request is larger than the limit of {limit} bytes"),
            ),
            SealedError::Intake(IntakeError::Timeout) => {
                ApiError::new(StatusCode::REQUEST_TIMEOUT, "timeout", "the upload stalled")
            }
            SealedError::Intake(e) => ApiError::bad_request(e.to_string()),
            SealedError::NotAge(name) => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "not_age",
                format!("part {name:?} is not a well-formed age file"),
            ),
            SealedError::Unexpected { name, allowed } => ApiError::bad_request(format!(
                "unexpected part {name:?}; expected one of {allowed:?}"
            )),
            SealedError::Store(e) => e.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_string(),
                message: self.message,
            },
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

pub(super) type ApiResult<T> = Result<T, ApiError>;

/// The routes under `/api/v1`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/auth/challenge", post(auth::challenge))
        .route("/auth/token", post(auth::token))
        .route("/info", get(cases::info))
        .route("/cases", get(cases::list_cases))
        .route("/cases/{reference}", get(cases::case_detail))
        .route("/cases/{reference}/status", post(cases::set_status))
        .route("/cases/{reference}/hold", post(cases::set_legal_hold))
        .route(
            "/cases/{reference}/messages",
            post(messages::post_message).layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/items/{id}",
            axum::routing::put(messages::replace_item).layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/sync",
            post(sync::sync).layer(DefaultBodyLimit::max(MAX_SYNC_REQUEST_BYTES)),
        )
        .route(
            "/items/replace",
            post(messages::replace_items).layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/items/bulk",
            post(sync::items).layer(DefaultBodyLimit::max(MAX_BULK_REQUEST_BYTES)),
        )
        .route("/items/{id}/content", get(messages::item_content))
        .route("/items/{id}/meta", get(messages::item_meta))
        .route("/audit", get(cases::audit))
        .route(
            "/cases/{reference}/decisions",
            post(decisions::post_decision).layer(DefaultBodyLimit::disable()),
        )
        .route("/log/entries/{commitment}", get(log::log_entry))
        .route("/log/cosignatures", post(log::cosign))
        .fallback(|| async { ApiError::not_found("API endpoint") })
        .layer(DefaultBodyLimit::max(MAX_JSON_BYTES))
        .layer(axum::middleware::map_response(json_errors))
}

/// Every error of the API is JSON, including the framework's own rejections (a path that
/// is not a number, a body over the limit, a wrong method).
pub(crate) async fn json_errors(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let code = match status {
        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::FORBIDDEN => "forbidden",
        s if s.is_server_error() => "internal",
        _ => "bad_request",
    };
    let message = status
        .canonical_reason()
        .unwrap_or("request refused")
        .to_lowercase();
    ApiError::new(status, code, message).into_response()
}

pub(super) fn json_body<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: &[u8],
) -> ApiResult<T> {
    json_body_within(headers, body, MAX_JSON_BYTES)
}

/// [`json_body`] for a route that takes larger bodies (sync, bulk).
pub(super) fn json_body_within<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: &[u8],
    limit: usize,
) -> ApiResult<T> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|t| t.trim() == "application/json")
        });
    if !is_json {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the request body as application/json",
        ));
    }
    parse_json_within(body, limit).map_err(ApiError::bad_request)
}

pub(super) fn random_hex<const N: usize>() -> ApiResult<String> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|_| ApiError::internal())?;
    Ok(hex::encode(bytes))
}

pub(super) fn unix_now() -> i64 {
    jiff::Timestamp::now().as_second()
}

pub(super) async fn find_case(app: &AppState, reference: &str) -> ApiResult<CaseRow> {
    app.store
        .case_by_reference(reference)
        .await?
        .ok_or_else(|| ApiError::not_found("case"))
}

pub(super) fn hex_of(bytes: &[u8]) -> String {
    hex::encode(bytes)
}

impl From<crate::log_service::LogError> for ApiError {
    fn from(err: crate::log_service::LogError) -> Self {
        use crate::log_service::LogError;
        match err {
            LogError::Refused(message) => {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "refused", message)
            }
            LogError::Entry(e) => {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "refused", e.to_string())
            }
            LogError::Store(e) => e.into(),
            other => {
                tracing::error!(error = %other, "reviewer API log error");
                ApiError::internal()
            }
        }
    }
}
