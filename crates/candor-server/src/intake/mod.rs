//! The one way an upload enters the server: multipart → limits → seal → store.
//!
//! The body is read by [`candor_core::multipart`] (limits, idle timeout, parts, the
//! parser's overhead); its two consumers store the parts: [`plain`] seals a reporter's
//! texts and files as they arrive; [`sealed`] checks the age files a workstation sealed
//! and stores them as they are.

pub mod plain;
pub mod sealed;

use axum::body::Body;
use axum::http::{HeaderMap, header};
use futures_util::StreamExt;

pub use candor_core::multipart::{DRAIN_BYTES, IDLE_TIMEOUT, Intake, IntakeError, drain};

/// Starts reading a request's multipart body.
pub fn open(
    headers: &HeaderMap,
    body: Body,
    limit: u64,
    max_parts: usize,
    constraints: multer::Constraints,
) -> Result<Intake, IntakeError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let body = body
        .into_data_stream()
        .map(|r| r.map_err(std::io::Error::other));
    Intake::new(content_type, body, limit, max_parts, constraints)
}
