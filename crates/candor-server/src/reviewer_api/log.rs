//! The log, for the body's workstation: an entry's index, and the cosignatures it makes as
//! the log's witness.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use bytes::Bytes;

use super::auth::Reviewer;
use super::{ApiError, ApiResult, json_body};
use crate::app::AppState;
use candor_core::api::*;
use candor_store::Audit;

/// `GET /api/v1/log/entries/{commitment}` (hex): the index of an integrated entry.
pub(super) async fn log_entry(
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
pub(super) async fn cosign(
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
