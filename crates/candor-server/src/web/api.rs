//! The reviewer API (`/api/v1/…`): JSON, authenticated by an age-encrypted challenge and
//! short-lived bearer tokens stored only as hashes. The server hands out ciphertext and
//! accepts ciphertext; it never sees a reviewer's key or a reply in clear.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use bytes::Bytes;
use futures_util::StreamExt;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::AppState;
use super::intake::{Intake, IntakeError};
use candor_core::api::*;
use candor_core::days::{Clocks, Day};
use candor_core::domain::same_secret;
use candor_core::seal;
use candor_store::{Audit, Author, CaseRow, ItemKind, Status, StoreError, Upload};

/// Most parts of an upload of sealed items: a text, and a file and its metadata for each
/// of as many files as a reporter may send.
const MAX_SEALED_PARTS: usize = 1 + 2 * super::submit::MAX_FILES;

/// How long a challenge can be answered.
pub const CHALLENGE_LIFETIME: Duration = Duration::from_secs(60);
/// The prefix of an upload that must hold the whole age header.
const HEADER_PREFIX: usize = 64 * 1024;

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

type ApiResult<T> = Result<T, ApiError>;

/// Sign-in challenges, without server-side state per challenge: a flood of challenge
/// requests costs memory for nothing and cannot push a reviewer's challenge out.
///
/// A challenge is a fixed-shape text holding 32 random bytes ([`challenge`]), encrypted to
/// the reviewer's recipient; its *answer* is a hash of that text, never the text. Its id is `hex(expiry ‖ MAC)`, the MAC (HMAC-SHA256 with a key
/// drawn at start-up) binding the reviewer's name and recipient, the expiry and the
/// answer's hash. At `/auth/token` the server recomputes the MAC for each configured
/// reviewer: only the holder of the identity, who could decrypt the answer, can present a
/// matching pair. Used challenges are remembered until they expire, so an answer works
/// once; only successful answers are remembered (they need the identity), so the memory
/// this takes is bounded by real sign-ins.
pub struct Challenges {
    key: zeroize::Zeroizing<[u8; 32]>,
    used: Mutex<HashMap<[u8; 32], i64>>,
}

impl Challenges {
    pub fn new() -> Result<Challenges, getrandom::Error> {
        let mut key = zeroize::Zeroizing::new([0u8; 32]);
        getrandom::fill(key.as_mut())?;
        Ok(Challenges {
            key,
            used: Mutex::new(HashMap::new()),
        })
    }

    fn mac(&self, reviewer: &str, recipient: &str, expires: i64, answer: &[u8]) -> [u8; 32] {
        use hmac::{KeyInit, Mac};
        let mut mac = match hmac::Hmac::<Sha256>::new_from_slice(self.key.as_ref()) {
            Ok(m) => m,
            // HMAC takes keys of any length: unreachable, but never a panic.
            Err(_) => return [0; 32],
        };
        for field in [
            b"candor/v1/reviewer-challenge".as_slice(),
            reviewer.as_bytes(),
            recipient.as_bytes(),
            &expires.to_be_bytes(),
            &Sha256::digest(answer),
        ] {
            mac.update(&(field.len() as u64).to_be_bytes());
            mac.update(field);
        }
        mac.finalize().into_bytes().into()
    }

    fn id(expires: i64, mac: &[u8; 32]) -> String {
        let mut raw = expires.to_be_bytes().to_vec();
        raw.extend_from_slice(mac);
        hex::encode(raw)
    }

    fn parse_id(id: &str) -> Option<(i64, [u8; 32])> {
        let raw = hex::decode(id).ok()?;
        let (expires, mac) = raw.split_first_chunk::<8>()?;
        Some((
            i64::from_be_bytes(*expires),
            <[u8; 32]>::try_from(mac).ok()?,
        ))
    }

    /// Marks a challenge used; false if it already was.
    fn use_once(&self, mac: [u8; 32], expires: i64, now: i64) -> bool {
        let mut used = self.used.lock().unwrap_or_else(|p| p.into_inner());
        used.retain(|_, e| *e >= now);
        used.insert(mac, expires).is_none()
    }
}

/// The routes under `/api/v1`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/auth/challenge", post(challenge))
        .route("/auth/token", post(token))
        .route("/info", get(info))
        .route("/cases", get(list_cases))
        .route("/cases/{reference}", get(case_detail))
        .route("/cases/{reference}/status", post(set_status))
        .route(
            "/cases/{reference}/messages",
            post(post_message).layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/items/{id}",
            axum::routing::put(replace_item).layer(DefaultBodyLimit::disable()),
        )
        .route("/items/{id}/content", get(item_content))
        .route("/items/{id}/meta", get(item_meta))
        .route("/audit", get(audit))
        .route(
            "/cases/{reference}/decisions",
            post(post_decision).layer(DefaultBodyLimit::disable()),
        )
        .route("/log/entries/{commitment}", get(log_entry))
        .route("/log/cosignatures", post(cosign))
        .fallback(|| async { ApiError::not_found("API endpoint") })
        .layer(DefaultBodyLimit::max(MAX_JSON_BYTES))
        .layer(axum::middleware::map_response(json_errors))
}

/// Every error of the API is JSON, including the framework's own rejections (a path that
/// is not a number, a body over the limit, a wrong method).
pub(super) async fn json_errors(response: Response) -> Response {
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

fn json_body<T: serde::de::DeserializeOwned>(headers: &HeaderMap, body: &[u8]) -> ApiResult<T> {
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
    parse_json(body).map_err(ApiError::bad_request)
}

fn random_hex<const N: usize>() -> ApiResult<String> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|_| ApiError::internal())?;
    Ok(hex::encode(bytes))
}

fn unix_now() -> i64 {
    jiff::Timestamp::now().as_second()
}

async fn challenge(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let request: ChallengeRequest = json_body(&headers, &body)?;
    let mut nonce = zeroize::Zeroizing::new([0u8; 32]);
    getrandom::fill(nonce.as_mut()).map_err(|_| ApiError::internal())?;
    let expires = unix_now() + i64::try_from(CHALLENGE_LIFETIME.as_secs()).unwrap_or(60);
    // An unknown name gets a challenge nobody can answer, encrypted to a throwaway key:
    // the answer does not tell which reviewer names exist.
    let known = app
        .config
        .reviewers
        .iter()
        .find(|r| r.name == request.reviewer);
    let name = known.map_or(request.reviewer.as_str(), |r| r.name.as_str());
    let plaintext = zeroize::Zeroizing::new(challenge::plaintext(name, &nonce));
    let answer = zeroize::Zeroizing::new(challenge::answer(plaintext.as_bytes()));
    let (recipient, mac) = match known {
        Some(r) => (
            r.recipient.clone(),
            app.challenges.mac(
                &r.name,
                &r.recipient.to_string(),
                expires,
                answer.as_bytes(),
            ),
        ),
        None => (
            age::x25519::Identity::generate().to_public(),
            Sha256::digest(random_hex::<32>()?.as_bytes()).into(),
        ),
    };
    let encrypted =
        seal::seal_armored(&recipient, plaintext.as_bytes()).map_err(|_| ApiError::internal())?;
    Ok(axum::Json(ChallengeResponse {
        challenge_id: Challenges::id(expires, &mac),
        encrypted_challenge: encrypted,
        expires_in_seconds: CHALLENGE_LIFETIME.as_secs(),
    })
    .into_response())
}

async fn token(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let request: TokenRequest = json_body(&headers, &body)?;
    let invalid = || {
        ApiError::unauthorized(
            "invalid_challenge",
            "the challenge is unknown, used or expired",
        )
    };
    let (expires, mac) = Challenges::parse_id(&request.challenge_id).ok_or_else(invalid)?;
    let now = unix_now();
    if expires < now || expires > now + 2 * CHALLENGE_LIFETIME.as_secs() as i64 {
        return Err(invalid());
    }
    let answer = request.answer.trim().as_bytes();
    let mut matched = None;
    for r in &app.config.reviewers {
        let recipient = r.recipient.to_string();
        let expected = app.challenges.mac(&r.name, &recipient, expires, answer);
        if same_secret(&expected, &mac) {
            matched = Some((r.name.clone(), recipient));
        }
    }
    // A wrong key and an unknown name look the same.
    let (reviewer, recipient) = matched.ok_or_else(|| {
        ApiError::unauthorized("wrong_answer", "the answer does not match the challenge")
    })?;
    if !app.challenges.use_once(mac, expires, now) {
        return Err(invalid());
    }
    let token = random_hex::<32>()?;
    let lifetime = app.config.reviewer_token_lifetime;
    let expires_at = unix_now() + i64::try_from(lifetime.as_secs()).unwrap_or(3600);
    let hash: [u8; 32] = Sha256::digest(token.as_bytes()).into();
    let audit = Audit::new(&reviewer, "signed in");
    app.store
        .insert_token(&hash, &reviewer, &recipient, expires_at, now, &audit)
        .await?;
    Ok(axum::Json(TokenResponse {
        token,
        reviewer,
        expires_in_seconds: lifetime.as_secs(),
    })
    .into_response())
}

/// A request made with a valid bearer token of a reviewer who is still configured.
pub struct Reviewer(pub String);

impl FromRequestParts<AppState> for Reviewer {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                ApiError::unauthorized("missing_token", "send Authorization: Bearer TOKEN")
            })?;
        let hash: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        let invalid = || {
            ApiError::unauthorized(
                "invalid_token",
                "the token is unknown or expired; sign in again",
            )
        };
        let (reviewer, recipient, expires_at) =
            app.store.token(&hash).await?.ok_or_else(invalid)?;
        if expires_at <= unix_now() {
            return Err(invalid());
        }
        // A reviewer removed from the configuration, or whose key was replaced, loses
        // access at once.
        if !app
            .config
            .reviewers
            .iter()
            .any(|r| r.name == reviewer && r.recipient.to_string() == recipient)
        {
            return Err(ApiError::unauthorized(
                "unknown_reviewer",
                "this reviewer is no longer configured on the server",
            ));
        }
        Ok(Reviewer(reviewer))
    }
}

async fn info(State(app): State<AppState>, _reviewer: Reviewer) -> ApiResult<axum::Json<Info>> {
    Ok(axum::Json(Info {
        api_version: 1,
        body_name: app.config.body.name.clone(),
        feedback_months: app.config.feedback_months,
        max_upload_bytes: app.config.max_upload_bytes,
        reviewers: app
            .config
            .reviewers
            .iter()
            .map(|r| ReviewerInfo {
                name: r.name.clone(),
                recipient: r.recipient.to_string(),
            })
            .collect(),
    }))
}

fn clocks(app: &AppState, case: &CaseRow) -> Clocks {
    Clocks::new(case.received_day, app.config.feedback_months)
}

async fn list_cases(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
) -> ApiResult<axum::Json<Vec<CaseSummary>>> {
    let cases = app.store.cases().await?;
    let unread = app.store.unread_items(&reviewer).await?;
    let counts = app.store.message_counts().await?;
    app.store
        .audit(&Audit::new(&reviewer, "listed cases"))
        .await?;
    Ok(axum::Json(
        cases
            .iter()
            .map(|case| {
                let c = clocks(&app, case);
                CaseSummary {
                    reference: case.reference.clone(),
                    status: case.status.as_str().to_string(),
                    received_day: case.received_day.to_string(),
                    acknowledge_by: c.acknowledge_by.to_string(),
                    feedback_by: c.feedback_by.to_string(),
                    messages: counts.get(&case.id).copied().unwrap_or(0).max(0) as u64,
                    unread_items: unread.get(&case.id).copied().unwrap_or(0).max(0) as u64,
                    reporter_recipient: case.reporter_recipient.clone(),
                }
            })
            .collect(),
    ))
}

async fn find_case(app: &AppState, reference: &str) -> ApiResult<CaseRow> {
    app.store
        .case_by_reference(reference)
        .await?
        .ok_or_else(|| ApiError::not_found("case"))
}

fn hex_of(bytes: &[u8]) -> String {
    hex::encode(bytes)
}

async fn case_detail(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
    Path(reference): Path<String>,
) -> ApiResult<axum::Json<CaseDetail>> {
    let case = find_case(&app, &reference).await?;
    let messages = app.store.messages(case.id).await?;
    app.store.mark_read(&reviewer, case.id).await?;
    app.store
        .audit(&Audit::new(&reviewer, "opened case").case(&case.reference))
        .await?;
    let c = clocks(&app, &case);
    Ok(axum::Json(CaseDetail {
        reference: case.reference.clone(),
        status: case.status.as_str().to_string(),
        received_day: case.received_day.to_string(),
        acknowledge_by: c.acknowledge_by.to_string(),
        feedback_by: c.feedback_by.to_string(),
        reporter_recipient: case.reporter_recipient.clone(),
        messages: messages
            .iter()
            .map(|m| MessageInfo {
                id: m.id,
                author: m.author.as_str().to_string(),
                day: m.day.to_string(),
                items: m
                    .items
                    .iter()
                    .map(|i| ItemInfo {
                        id: i.id,
                        kind: i.kind.as_str().to_string(),
                        size: i.blob_size.max(0) as u64,
                        sha256: hex_of(&i.blob_sha256),
                        meta: i.meta_blob_id.map(|_| BlobInfo {
                            size: i.meta_size.unwrap_or(0).max(0) as u64,
                            sha256: hex_of(i.meta_sha256.as_deref().unwrap_or(&[])),
                        }),
                    })
                    .collect(),
            })
            .collect(),
    }))
}

async fn set_status(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
    Path(reference): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let request: StatusRequest = json_body(&headers, &body)?;
    let status: Status = request.status.parse().map_err(|_| {
        ApiError::bad_request(
            "status must be one of received, acknowledged, in-review, decided, closed",
        )
    })?;
    let case = find_case(&app, &reference).await?;
    let audit = Audit::new(&reviewer, "changed status")
        .case(&case.reference)
        .detail(status.as_str());
    app.store.set_status(case.id, status, &audit).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn stream_blob(app: &AppState, blob_id: i64) -> Response {
    let stream = app
        .store
        .blob_chunks(blob_id)
        .map(|r| r.map(Bytes::from).map_err(std::io::Error::other));
    let mut response = Response::new(Body::from_stream(stream));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    response
}

/// Looks an item up and records in the audit trail that `reviewer` read it.
async fn audited_item(
    app: &AppState,
    reviewer: &str,
    id: i64,
    action: &'static str,
) -> ApiResult<candor_store::ItemRow> {
    let (case_id, item) = app
        .store
        .item(id)
        .await?
        .ok_or_else(|| ApiError::not_found("item"))?;
    let case = app.store.case_by_id(case_id).await?;
    app.store
        .audit(
            &Audit::new(reviewer, action)
                .case(&case.reference)
                .detail(id.to_string()),
        )
        .await?;
    Ok(item)
}

async fn item_content(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    let item = audited_item(&app, &reviewer, id, "downloaded item").await?;
    Ok(stream_blob(&app, item.blob_id).await)
}

async fn item_meta(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    // The metadata names the file: reading it is recorded like reading the file.
    let item = audited_item(&app, &reviewer, id, "read file details").await?;
    let meta = item
        .meta_blob_id
        .ok_or_else(|| ApiError::not_found("metadata for this item"))?;
    Ok(stream_blob(&app, meta).await)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuditQuery {
    case: Option<String>,
    limit: Option<i64>,
}

async fn audit(
    State(app): State<AppState>,
    Reviewer(_reviewer): Reviewer,
    query: Result<Query<AuditQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<axum::Json<Vec<AuditEntry>>> {
    let Query(query) =
        query.map_err(|_| ApiError::bad_request("query parameters: case=REF, limit=N"))?;
    let limit = query.limit.unwrap_or(200).clamp(1, 10_000);
    let rows = app
        .store
        .audit_entries(query.case.as_deref(), limit)
        .await?;
    Ok(axum::Json(
        rows.into_iter()
            .map(|r| AuditEntry {
                id: r.id,
                day: r.day,
                reviewer: r.reviewer,
                action: r.action,
                case: r.case_reference,
                detail: r.detail,
            })
            .collect(),
    ))
}

/// Reads a multipart body of age files: each part is checked to start with a well-formed
/// age header and streamed into a blob. Returns the part names with their blobs.
async fn read_sealed_parts(
    max_upload_bytes: u64,
    headers: &HeaderMap,
    body: Body,
    upload: &mut Upload,
    allowed: &[&str],
) -> ApiResult<Vec<(String, candor_store::BlobRef)>> {
    let mut intake = Intake::new(
        headers,
        body,
        max_upload_bytes,
        MAX_SEALED_PARTS,
        multer::Constraints::new(),
    )
    .map_err(|_| ApiError::bad_request("send the sealed items as multipart/form-data"))?;
    let intake_error = |e: IntakeError| match e {
        IntakeError::TooLarge | IntakeError::FieldTooLarge => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("the request is larger than the limit of {max_upload_bytes} bytes"),
        ),
        IntakeError::Timeout => {
            ApiError::new(StatusCode::REQUEST_TIMEOUT, "timeout", "the upload stalled")
        }
        e => ApiError::bad_request(e.to_string()),
    };
    let mut parts = Vec::new();
    while let Some(mut field) = intake.next_part().await.map_err(intake_error)? {
        let name = field.name().unwrap_or("").to_string();
        if !allowed.contains(&name.as_str()) {
            return Err(ApiError::bad_request(format!(
                "unexpected part {name:?}; expected one of {allowed:?}"
            )));
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
            return Err(not_age(&name));
        }
        upload.finish_blob(blob).await?;
        parts.push((name, blob));
    }
    Ok(parts)
}

fn not_age(name: &str) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "not_age",
        format!("part {name:?} is not a well-formed age file"),
    )
}

/// Checks the age header at the start of a part; returns its length.
fn check_age_header(name: &str, prefix: &[u8]) -> ApiResult<usize> {
    match seal::age_header_len(prefix) {
        Some(len) if seal::is_age_header(prefix) => Ok(len),
        _ => Err(not_age(name)),
    }
}

/// `POST /api/v1/cases/{ref}/messages`: a reply sealed on the workstation. Parts: an
/// optional `text`, then `file` and `meta` pairs, each an age file.
async fn post_message(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
    Path(reference): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<(StatusCode, axum::Json<Created>)> {
    let case = find_case(&app, &reference).await?;
    let mut upload = app.store.begin_upload()?;
    let parts = read_sealed_parts(
        app.config.max_upload_bytes,
        &headers,
        body,
        &mut upload,
        &["text", "file", "meta"],
    )
    .await?;
    let items = pair_message_parts(&parts)?;
    let count = items.len();
    let committed = upload
        .commit(candor_store::CommitPlan {
            case: candor_store::CaseTarget::Existing(case.id),
            author: Author::Body,
            day: Day::today(),
            items,
            log_entry: None,
            audit: Some(
                Audit::new(&reviewer, "replied")
                    .case(&case.reference)
                    .detail(format!("{count} items")),
            ),
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(Created {
            message_id: committed.message_id,
        }),
    ))
}

/// Orders the parts of a reply into items: `text` first (at most one), then every `file`
/// followed by its `meta`.
/// Runs the reviewer API's parser of a sealed reply (multipart body, boundary `FUZZ`, every
/// part an age file, then text/file/meta pairing) against `store`, without committing:
/// for fuzzing and property tests. Returns the number of items.
pub async fn parse_sealed_message_body(
    store: &candor_store::Store,
    body: Vec<u8>,
) -> Result<usize, String> {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("multipart/form-data; boundary=FUZZ"),
    );
    let mut upload = store.begin_upload().map_err(|e| e.to_string())?;
    let parts = read_sealed_parts(
        1024 * 1024,
        &headers,
        Body::from(body),
        &mut upload,
        &["text", "file", "meta"],
    )
    .await
    .map_err(|e| e.message)?;
    pair_message_parts(&parts)
        .map(|items| items.len())
        .map_err(|e| e.message)
}

pub fn pair_message_parts(
    parts: &[(String, candor_store::BlobRef)],
) -> ApiResult<Vec<candor_store::NewItem>> {
    let mut items = Vec::new();
    let mut pending_file = None;
    for (i, (name, blob)) in parts.iter().enumerate() {
        match name.as_str() {
            "text" if i == 0 => items.push(candor_store::NewItem {
                kind: ItemKind::Text,
                blob: *blob,
                meta: None,
            }),
            "file" if pending_file.is_none() => pending_file = Some(*blob),
            "meta" => {
                let file = pending_file.take().ok_or_else(|| {
                    ApiError::bad_request("a meta part must follow its file part")
                })?;
                items.push(candor_store::NewItem {
                    kind: ItemKind::File,
                    blob: file,
                    meta: Some(*blob),
                });
            }
            _ => {
                return Err(ApiError::bad_request(
                    "parts must be: an optional text, then file and meta pairs",
                ));
            }
        }
    }
    if pending_file.is_some() {
        return Err(ApiError::bad_request(
            "every file part needs a meta part after it",
        ));
    }
    if items.is_empty() {
        return Err(ApiError::bad_request("the message is empty"));
    }
    Ok(items)
}

/// `PUT /api/v1/items/{id}`: the item re-encrypted on a workstation (for the current
/// reviewers), replacing the stored ciphertext atomically. Parts: `content`, and `meta`
/// for files.
async fn replace_item(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<StatusCode> {
    let (case_id, item) = app
        .store
        .item(id)
        .await?
        .ok_or_else(|| ApiError::not_found("item"))?;
    let case = app.store.case_by_id(case_id).await?;
    let mut upload = app.store.begin_upload()?;
    let parts = read_sealed_parts(
        app.config.max_upload_bytes,
        &headers,
        body,
        &mut upload,
        &["content", "meta"],
    )
    .await?;
    let content = parts
        .iter()
        .find(|(n, _)| n == "content")
        .map(|(_, b)| *b)
        .ok_or_else(|| ApiError::bad_request("a content part is required"))?;
    let meta = parts.iter().find(|(n, _)| n == "meta").map(|(_, b)| *b);
    if parts.len() != 1 + usize::from(meta.is_some())
        || meta.is_some() != item.meta_blob_id.is_some()
    {
        return Err(ApiError::bad_request(
            "send exactly one content part, and one meta part if and only if the item is a file",
        ));
    }
    let audit = Audit::new(&reviewer, "re-encrypted item")
        .case(&case.reference)
        .detail(id.to_string());
    upload.commit_replacement(id, content, meta, &audit).await?;
    Ok(StatusCode::NO_CONTENT)
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

/// Largest signed entry accepted.
const MAX_ENTRY_BYTES: usize = 16 * 1024;

/// `POST /api/v1/cases/{ref}/decisions`: a decision signed on the workstation with the
/// body's key. Parts: `entry` (the signed note, text) and `opening` (an age file sealed to
/// the reporter and the reviewers). The server checks the signature against the configured
/// body key and queues the entry; the opening joins the case's conversation.
async fn post_decision(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
    Path(reference): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<(StatusCode, axum::Json<Created>)> {
    let case = find_case(&app, &reference).await?;
    let mut intake = Intake::new(
        &headers,
        body,
        app.config.max_upload_bytes,
        2,
        multer::Constraints::new().size_limit(
            multer::SizeLimit::new()
                .for_field("entry", MAX_ENTRY_BYTES as u64)
                .for_field(
                    "opening",
                    // An age file of a decision opening: the opening and age's overhead.
                    candor_log::entry::MAX_DECISION_OPENING_BYTES as u64 + 4096,
                ),
        ),
    )
    .map_err(|_| ApiError::bad_request("send the decision as multipart/form-data"))?;
    let bad = |e: IntakeError| match e {
        IntakeError::TooLarge | IntakeError::FieldTooLarge => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            "the decision is larger than a signed entry and its opening can be",
        ),
        IntakeError::TooManyParts(_) => {
            ApiError::bad_request("parts must be one entry and one opening")
        }
        e => ApiError::bad_request(e.to_string()),
    };
    let mut note: Option<Vec<u8>> = None;
    let mut opening: Option<Vec<u8>> = None;
    while let Some(field) = intake.next_part().await.map_err(bad)? {
        let name = field.name().unwrap_or("").to_string();
        let bytes = field.bytes().await.map_err(bad)?;
        match name.as_str() {
            "entry" if note.is_none() => note = Some(bytes),
            "opening" if opening.is_none() => opening = Some(bytes),
            _ => {
                return Err(ApiError::bad_request(
                    "parts must be one entry and one opening",
                ));
            }
        }
    }
    let (Some(note), Some(opening)) = (note, opening) else {
        return Err(ApiError::bad_request(
            "parts must be one entry and one opening",
        ));
    };
    let header = check_age_header("opening", &opening)?;
    if !seal::is_age_payload_length(opening.len().saturating_sub(header) as u64) {
        return Err(not_age("opening"));
    }
    let entry = app.log.check_decision(&note, Day::today())?;
    let mut upload = app.store.begin_upload()?;
    let blob = upload.new_blob();
    upload.append(blob, &opening).await?;
    upload.finish_blob(blob).await?;
    let committed = upload
        .commit(candor_store::CommitPlan {
            case: candor_store::CaseTarget::Existing(case.id),
            author: Author::Body,
            day: Day::today(),
            items: vec![candor_store::NewItem {
                kind: ItemKind::Record,
                blob,
                meta: None,
            }],
            log_entry: Some(note),
            audit: Some(
                Audit::new(&reviewer, "recorded decision")
                    .case(&case.reference)
                    .detail(entry.kind.as_str()),
            ),
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(Created {
            message_id: committed.message_id,
        }),
    ))
}

/// `GET /api/v1/log/entries/{commitment}` (hex): the index of an integrated entry.
async fn log_entry(
    State(app): State<AppState>,
    Reviewer(_reviewer): Reviewer,
    Path(commitment): Path<String>,
) -> ApiResult<axum::Json<LogEntryInfo>> {
    let bytes = hex::decode(&commitment)
        .map_err(|_| ApiError::bad_request("the commitment is 64 hex characters"))?;
    let commitment: [u8; 32] = bytes
        .try_into()
        .map_err(|_| ApiError::bad_request("the commitment is 64 hex characters"))?;
    let row = app
        .store
        .log_entry_by_commitment(&commitment)
        .await?
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "not_integrated",
                "the entry is not in the log yet",
            )
        })?;
    Ok(axum::Json(LogEntryInfo { index: row.index }))
}

/// `POST /api/v1/log/cosignatures`: a witness (the body's workstation) cosigns a
/// checkpoint it verified; later certificates carry the cosignature.
async fn cosign(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let request: CosignatureRequest = json_body(&headers, &body)?;
    // Only the witnesses the body configured: a reviewer's token is not a licence to add
    // (or replace) a cosignature under any key.
    if !app
        .config
        .body
        .witness_keys
        .iter()
        .any(|k| k == request.vkey.trim())
    {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "refused",
            "this witness key is not configured on the server ([body] witness_keys)",
        ));
    }
    let audit = Audit::new(&reviewer, "cosigned checkpoint").detail(request.size.to_string());
    app.log
        .add_cosignature(request.size, &request.vkey, &request.line, &audit)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
