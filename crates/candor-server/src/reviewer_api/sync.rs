//! A workstation's sync in few round trips: `POST /api/v1/sync` compares the workstation's
//! digest of each bucket of cases with its own and sends the buckets that differ, from
//! three queries whatever the number of cases; `POST /api/v1/items/bulk` streams many ciphertexts in one response,
//! each after a one-line header (`BulkFrame`), looks them all up in one query and records
//! their reads in one transaction.

use std::collections::BTreeMap;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use bytes::Bytes;
use futures_util::StreamExt;

use super::auth::Reviewer;
use super::cases::detail;
use super::{ApiError, ApiResult, json_body_within};
use crate::app::AppState;
use candor_core::api::*;
use candor_store::Audit;

pub(super) async fn sync(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<axum::Json<SyncResponse>> {
    let request: SyncRequest = json_body_within(&headers, &body, MAX_SYNC_REQUEST_BYTES)?;
    let cases = app.store.cases().await?;
    let mut messages = app.store.all_messages().await?;
    let unread = app.store.unread_items(&reviewer).await?;
    let total = cases.len();
    let mut buckets: BTreeMap<u8, Vec<SyncedCase>> = BTreeMap::new();
    for case in &cases {
        let detail = detail(&app, case, &messages.remove(&case.id).unwrap_or_default());
        let unread = unread.get(&case.id).copied().unwrap_or(0).max(0) as u64;
        buckets
            .entry(sync_bucket(&case.reference))
            .or_default()
            .push(SyncedCase::new(detail, unread));
    }
    // Buckets the workstation holds that are empty here now come back empty.
    for bucket in request.buckets.keys() {
        buckets.entry(*bucket).or_default();
    }
    let differing: Vec<SyncedBucket> = buckets
        .into_iter()
        .filter(|(bucket, cases)| {
            let ours = (!cases.is_empty())
                .then(|| bucket_digest(cases.iter().map(|c| (c.reference(), c.digest.as_str()))));
            ours.as_ref() != request.buckets.get(bucket)
        })
        .map(|(bucket, cases)| SyncedBucket { bucket, cases })
        .collect();
    let sent: usize = differing.iter().map(|b| b.cases.len()).sum();
    app.store
        .audit(&Audit::new(&reviewer, "synced cases").detail(format!("{sent} of {total} sent")))
        .await?;
    Ok(axum::Json(SyncResponse { buckets: differing }))
}

pub(super) async fn items(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let request: BulkRequest = json_body_within(&headers, &body, MAX_BULK_REQUEST_BYTES)?;
    if request.items.is_empty() || request.items.len() > MAX_BULK_ITEMS {
        return Err(ApiError::bad_request(format!(
            "ask for 1 to {MAX_BULK_ITEMS} items at a time"
        )));
    }
    let ids: Vec<i64> = request.items.iter().map(|w| w.id).collect();
    let found = app.store.items_with_case(&ids).await?;
    let mut blobs = Vec::with_capacity(request.items.len());
    let mut audits = Vec::with_capacity(request.items.len());
    for wanted in &request.items {
        let (reference, item) = found
            .get(&wanted.id)
            .ok_or_else(|| ApiError::not_found("item"))?;
        let (blob, size, action) = match wanted.part {
            BulkPart::Content => (Some(item.blob_id), item.blob_size, "downloaded item"),
            BulkPart::Meta => (
                item.meta_blob_id,
                item.meta_size.unwrap_or(0),
                "read file details",
            ),
        };
        let blob = blob.ok_or_else(|| ApiError::not_found("metadata for this item"))?;
        audits.push(
            Audit::new(&reviewer, action)
                .case(reference)
                .detail(wanted.id.to_string()),
        );
        blobs.push((*wanted, blob, size.max(0) as u64));
    }
    // Every read is recorded, in one transaction, before anything is served.
    app.store.audit_many(&audits).await?;
    let store = std::sync::Arc::clone(&app.store);
    let stream = futures_util::stream::iter(blobs).flat_map(move |(wanted, blob, size)| {
        let mut header = serde_json::to_vec(&BulkFrame {
            id: wanted.id,
            part: wanted.part,
            size,
        })
        .unwrap_or_default();
        header.push(b'\n');
        futures_util::stream::once(async move { Ok(Bytes::from(header)) }).chain(
            store
                .blob_chunks(blob)
                .map(|r| r.map(Bytes::from).map_err(std::io::Error::other)),
        )
    });
    let mut response = Response::new(Body::from_stream(stream));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    Ok(response)
}
