//! A workstation's sync in few round trips: `POST /api/v1/sync` answers every case at once
//! (details only where the workstation's digest differs), from two queries whatever the
//! number of cases; `POST /api/v1/items/bulk` streams many ciphertexts in one response,
//! each after a one-line header (`BulkFrame`), and records their reads in one transaction.

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
    let mut changed = 0usize;
    let synced: Vec<SyncedCase> = cases
        .iter()
        .map(|case| {
            let detail = detail(&app, case, &messages.remove(&case.id).unwrap_or_default());
            let digest = detail.digest();
            let known = request.known.get(&case.reference) == Some(&digest);
            changed += usize::from(!known);
            SyncedCase {
                reference: case.reference.clone(),
                digest,
                detail: (!known).then_some(detail),
            }
        })
        .collect();
    app.store
        .audit(
            &Audit::new(&reviewer, "synced cases")
                .detail(format!("{changed} of {} changed", synced.len())),
        )
        .await?;
    Ok(axum::Json(SyncResponse { cases: synced }))
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
    let references: std::collections::HashMap<i64, String> = app
        .store
        .cases()
        .await?
        .into_iter()
        .map(|c| (c.id, c.reference))
        .collect();
    let mut blobs = Vec::with_capacity(request.items.len());
    let mut audits = Vec::with_capacity(request.items.len());
    for wanted in &request.items {
        let (case_id, item) = app
            .store
            .item(wanted.id)
            .await?
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
        let reference = references.get(&case_id).cloned().unwrap_or_default();
        audits.push(
            Audit::new(&reviewer, action)
                .case(&reference)
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
