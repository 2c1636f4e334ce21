//! Decisions: a log entry signed on the workstation with the body's key, and its opening
//! sealed to the reporter and the reviewers.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};

use super::auth::Reviewer;
use super::{ApiError, ApiResult, find_case};
use crate::app::AppState;
use crate::intake::IntakeError;
use crate::intake::sealed::{SealedError, check_age_header};
use candor_core::api::*;
use candor_core::days::Day;
use candor_core::seal;
use candor_store::{Audit, Author, ItemKind};

/// Largest signed entry accepted.
pub(super) const MAX_ENTRY_BYTES: usize = 16 * 1024;

/// `POST /api/v1/cases/{ref}/decisions`: a decision signed on the workstation with the
/// body's key. Parts: `entry` (the signed note, text) and `opening` (an age file sealed to
/// the reporter and the reviewers). The server checks the signature against the configured
/// body key and queues the entry; the opening joins the case's conversation.
pub(super) async fn post_decision(
    State(app): State<AppState>,
    Reviewer(reviewer): Reviewer,
    Path(reference): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<(StatusCode, axum::Json<Created>)> {
    let case = find_case(&app, &reference).await?;
    let mut intake = crate::intake::open(
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
        return Err(SealedError::NotAge("opening".into()).into());
    }
    let entry = app
        .log
        .check_decision(&note, Day::today(), case.received_day)?;
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
