//! Cases: the list with the legal clocks, one case's messages and items, its status, and
//! the audit trail.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use bytes::Bytes;
use serde::Deserialize;

use super::auth::Reviewer;
use super::{ApiError, ApiResult, find_case, hex_of, json_body};
use crate::app::AppState;
use candor_core::api::*;
use candor_core::days::Clocks;
use candor_store::{Audit, CaseRow, Status};

pub(super) async fn info(
    State(app): State<AppState>,
    _reviewer: Reviewer,
) -> ApiResult<axum::Json<Info>> {
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
        identity_notice_days: app.config.identity.as_ref().map(|i| i.notice_days),
    }))
}

pub(super) fn clocks(app: &AppState, case: &CaseRow) -> Clocks {
    Clocks::new(case.received_day, app.config.feedback_months)
}

pub(super) async fn list_cases(
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
                    reprisal_day: case.reprisal_day.map(|d| d.to_string()),
                }
            })
            .collect(),
    ))
}

pub(super) async fn case_detail(
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
    Ok(axum::Json(detail(&app, &case, &messages)))
}

/// A case as the reviewer API shows it.
pub(super) fn detail(
    app: &AppState,
    case: &CaseRow,
    messages: &[candor_store::MessageRow],
) -> CaseDetail {
    let c = clocks(app, case);
    CaseDetail {
        reference: case.reference.clone(),
        status: case.status.as_str().to_string(),
        received_day: case.received_day.to_string(),
        acknowledge_by: c.acknowledge_by.to_string(),
        feedback_by: c.feedback_by.to_string(),
        reporter_recipient: case.reporter_recipient.clone(),
        reprisal_day: case.reprisal_day.map(|d| d.to_string()),
        holder_key: case.holder_key.clone(),
        legal_hold: case.legal_hold,
        deletion_day: messages.last().and_then(|last| {
            crate::retention::deletion_day(case, last.day, app.config.retention_months)
                .map(|day| day.to_string())
        }),
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
    }
}

pub(super) async fn set_status(
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

pub(super) async fn set_legal_hold(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
    Path(reference): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let request: HoldRequest = json_body(&headers, &body)?;
    let case = find_case(&app, &reference).await?;
    let action = if request.hold {
        "placed a legal hold"
    } else {
        "lifted the legal hold"
    };
    let audit = Audit::new(&reviewer, action).case(&case.reference);
    app.store
        .set_legal_hold(case.id, request.hold, &audit)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AuditQuery {
    case: Option<String>,
    limit: Option<i64>,
}

pub(super) async fn audit(
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
