//! Messages and items: replies sealed on the workstation, items re-encrypted for the
//! current reviewers, and items' ciphertext read (and audited).

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use bytes::Bytes;
use futures_util::StreamExt;

use super::auth::Reviewer;
use super::{ApiError, ApiResult, find_case};
use crate::app::AppState;
use crate::intake::sealed::read_sealed_parts;
use candor_core::api::*;
use candor_core::days::Day;
use candor_store::{Audit, Author, ItemKind};

pub(super) async fn stream_blob(app: &AppState, blob_id: i64) -> Response {
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

pub(super) async fn item_content(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    let item = audited_item(&app, &reviewer, id, "downloaded item").await?;
    Ok(stream_blob(&app, item.blob_id).await)
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
