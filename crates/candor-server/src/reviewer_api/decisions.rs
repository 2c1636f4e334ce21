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

/// The layers a custodian took off with an approval: a peeled bundle of one of this case's
/// identity statements, and only with an approval.
async fn check_layers(
    app: &AppState,
    case_id: i64,
    kind: candor_log::entry::Kind,
    layers: &[u8],
) -> ApiResult<()> {
    if kind != candor_log::entry::Kind::IdentityDisclosureApproved {
        return Err(ApiError::bad_request(
            "only an identity-disclosure-approved decision carries layers",
        ));
    }
    let bundle = candor_core::identity::Bundle::parse(layers)
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    let original = bundle
        .peeled_from
        .ok_or_else(|| ApiError::bad_request("the layers are not a peeled identity bundle"))?;
    let statements = app.store.messages(case_id).await?;
    let known = statements
        .iter()
        .filter(|m| m.author == Author::Reporter)
        .flat_map(|m| &m.items)
        .any(|i| i.kind == ItemKind::Identity && i.blob_sha256 == original);
    if !known {
        return Err(ApiError::bad_request(
            "the layers were not peeled from an identity statement of this case",
        ));
    }
    Ok(())
}

/// Largest signed entry accepted.
pub(super) const MAX_ENTRY_BYTES: usize = 16 * 1024;

/// `POST /api/v1/cases/{ref}/decisions`: a decision signed on the workstation with the
/// body's key. Parts: `entry` (the signed note, text) and `opening` (an age file sealed to
/// the reporter and the reviewers), and with an `identity-disclosure-approved` entry the
/// `layers` the approving custodian took off (a peeled identity bundle of one of the
/// case's statements). The server checks the signature against the configured body key
/// and queues the entry; the opening (and the layers) join the case's conversation.
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
        3,
        multer::Constraints::new().size_limit(
            multer::SizeLimit::new()
                .for_field("entry", MAX_ENTRY_BYTES as u64)
                .for_field("layers", candor_core::identity::MAX_BUNDLE_BYTES as u64)
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
    let mut layers: Option<Vec<u8>> = None;
    while let Some(field) = intake.next_part().await.map_err(bad)? {
        let name = field.name().unwrap_or("").to_string();
        let bytes = field.bytes().await.map_err(bad)?;
        match name.as_str() {
            "entry" if note.is_none() => note = Some(bytes),
            "opening" if opening.is_none() => opening = Some(bytes),
            "layers" if layers.is_none() => layers = Some(bytes),
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
    if let Some(layers) = &layers {
        check_layers(&app, case.id, entry.kind, layers).await?;
    }
    let mut upload = app.store.begin_upload()?;
    let mut items = Vec::new();
    for (kind, bytes) in [
        (ItemKind::Record, Some(&opening)),
        (ItemKind::Identity, layers.as_ref()),
    ] {
        let Some(bytes) = bytes else { continue };
        let blob = upload.new_blob();
        upload.append(blob, bytes).await?;
        upload.finish_blob(blob).await?;
        items.push(candor_store::NewItem {
            kind,
            blob,
            meta: None,
        });
    }
    let committed = upload
        .commit(candor_store::CommitPlan {
            case: candor_store::CaseTarget::Existing(case.id),
            author: Author::Body,
            day: Day::today(),
            items,
            log_entry: Some(note),
            audit: Some(
                Audit::new(&reviewer, "recorded decision")
                    .case(&case.reference)
                    .detail(entry.kind.as_str()),
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
