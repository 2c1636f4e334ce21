//! Messages and items: replies sealed on the workstation, items re-encrypted for the
//! current reviewers, and items' ciphertext read (and audited).

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures_util::StreamExt;

use super::auth::Reviewer;
use super::{ApiError, ApiResult, find_case};
use crate::app::AppState;
use crate::intake::sealed::read_sealed_parts;
use candor_core::api::*;
use candor_core::days::Day;
use candor_store::{Audit, Author, BlobRef, ItemKind, Replacement};

pub(super) async fn stream_blob(app: &AppState, blob_id: i64) -> Response {
    stream_blob_from(app, blob_id, 0)
}

/// A blob's bytes from `offset` on.
fn stream_blob_from(app: &AppState, blob_id: i64, offset: u64) -> Response {
    let stream = app
        .store
        .blob_chunks_from(blob_id, offset)
        .map(|r| r.map(Bytes::from).map_err(std::io::Error::other));
    let mut response = Response::new(Body::from_stream(stream));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    response
}

/// The one form of `Range` served, `bytes=N-` (a download resumed at byte N): `None`
/// without the header; an error for any other form, which a workstation never sends.
fn resume_offset(headers: &HeaderMap) -> ApiResult<Option<u64>> {
    let Some(value) = headers.get(header::RANGE) else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("bytes="))
        .and_then(|v| v.strip_suffix('-'))
        .filter(|n| !n.is_empty() && n.len() <= 19 && n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.parse().ok())
        .map(Some)
        .ok_or_else(|| ApiError::bad_request("only a Range of the form bytes=N- is served"))
}

/// Looks an item up and records in the audit trail that `reviewer` read it.
pub(super) async fn audited_item(
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

/// `GET /api/v1/items/{id}/content`: the whole ciphertext, or with `Range: bytes=N-` the
/// rest of it from byte N (206, or 416 when N is at or past its end).
pub(super) async fn item_content(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let offset = resume_offset(&headers)?;
    let item = audited_item(&app, &reviewer, id, "downloaded item").await?;
    let size = item.blob_size.max(0) as u64;
    let mut response = match offset {
        None => stream_blob(&app, item.blob_id).await,
        Some(from) if from >= size => {
            let mut response = ApiError::new(
                StatusCode::RANGE_NOT_SATISFIABLE,
                "range_not_satisfiable",
                format!("the item has {size} bytes: nothing is left from byte {from}"),
            )
            .into_response();
            if let Ok(v) = HeaderValue::from_str(&format!("bytes */{size}")) {
                response.headers_mut().insert(header::CONTENT_RANGE, v);
            }
            return Ok(response);
        }
        Some(from) => {
            let mut response = stream_blob_from(&app, item.blob_id, from);
            *response.status_mut() = StatusCode::PARTIAL_CONTENT;
            if let Ok(v) =
                HeaderValue::from_str(&format!("bytes {from}-{}/{size}", size.saturating_sub(1)))
            {
                response.headers_mut().insert(header::CONTENT_RANGE, v);
            }
            response
        }
    };
    response
        .headers_mut()
        .insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    Ok(response)
}

pub(super) async fn item_meta(
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

/// `POST /api/v1/cases/{ref}/messages`: a reply sealed on the workstation. Parts: an
/// optional `text`, then `file` and `meta` pairs, each an age file.
pub(super) async fn post_message(
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
        &mut *upload,
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
    // The body answered: a reported reprisal's clock stops.
    if case.reprisal_day.is_some() {
        app.store.set_reprisal(case.id, None).await?;
    }
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
    store: &dyn candor_store::Store,
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
        &mut *upload,
        &["text", "file", "meta"],
    )
    .await
    .map_err(|e| ApiError::from(e).message)?;
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
pub(super) async fn replace_item(
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
        &mut *upload,
        &["content", "meta"],
    )
    .await?;
    let content = parts
        .iter()
        .find(|(n, _)| n == "content")
        .map(|(_, b)| *b)
        .ok_or_else(|| ApiError::bad_request("a content part is required"))?;
    let meta = parts.iter().find(|(n, _)| n == "meta").map(|(_, b)| *b);
    refuse_identity(&item)?;
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
    upload
        .commit_replacements(&[Replacement {
            item_id: id,
            content,
            meta,
            audit,
        }])
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An identity statement is never replaced: no reviewer can read it, so none can
/// re-encrypt it, and a replacement could only swap it for another.
fn refuse_identity(item: &candor_store::ItemRow) -> ApiResult<()> {
    if item.kind == ItemKind::Identity {
        return Err(ApiError::bad_request(
            "an identity statement cannot be replaced: only its custodians together open it",
        ));
    }
    Ok(())
}

/// `POST /api/v1/items/replace`: many items re-encrypted at once (a grant). Parts
/// `content:ID`, each file's followed by `meta:ID`; at most [`MAX_REPLACE_ITEMS`] items,
/// all replaced in one transaction with one audit record each.
pub(super) async fn replace_items(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<StatusCode> {
    let mut upload = app.store.begin_upload()?;
    let parts = read_sealed_parts(
        app.config.max_upload_bytes,
        &headers,
        body,
        &mut *upload,
        &["content:", "meta:"],
    )
    .await?;
    let mut items: Vec<(i64, BlobRef, Option<BlobRef>)> = Vec::new();
    for (name, blob) in parts {
        let (part, id) = name.split_once(':').unwrap_or_default();
        let id: i64 = id
            .parse()
            .map_err(|_| ApiError::bad_request("parts are named content:ID and meta:ID"))?;
        let seen = items.iter().any(|(i, _, _)| *i == id);
        match (part, items.last_mut()) {
            ("content", _) if !seen => items.push((id, blob, None)),
            ("meta", Some((last, _, meta @ None))) if *last == id => *meta = Some(blob),
            _ => {
                return Err(ApiError::bad_request(
                    "send each item once: content:ID, then meta:ID for a file",
                ));
            }
        }
    }
    if items.is_empty() || items.len() > MAX_REPLACE_ITEMS {
        return Err(ApiError::bad_request(format!(
            "replace 1 to {MAX_REPLACE_ITEMS} items at a time"
        )));
    }
    let ids: Vec<i64> = items.iter().map(|(id, _, _)| *id).collect();
    let found = app.store.items_with_case(&ids).await?;
    let mut replacements = Vec::with_capacity(items.len());
    for (id, content, meta) in items {
        let (reference, item) = found.get(&id).ok_or_else(|| ApiError::not_found("item"))?;
        refuse_identity(item)?;
        if meta.is_some() != item.meta_blob_id.is_some() {
            return Err(ApiError::bad_request(
                "send a meta part for each file, and for nothing else",
            ));
        }
        replacements.push(Replacement {
            item_id: id,
            content,
            meta,
            audit: Audit::new(&reviewer, "re-encrypted item")
                .case(reference)
                .detail(id.to_string()),
        });
    }
    upload.commit_replacements(&replacements).await?;
    Ok(StatusCode::NO_CONTENT)
}
