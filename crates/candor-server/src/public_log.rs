//! The public side of the sealed status log: the C2SP tlog-tiles read API under `/log/`
//! and the public keys. Its statistics are [`crate::transparency`]'s.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

use crate::app::{AppState, page_response};
use candor_ui::t;

/// A public file of the log or its statistics: its bytes, type and caching.
pub(crate) fn file(
    body: impl Into<Body>,
    content_type: &'static str,
    cache: &'static str,
) -> Response {
    let mut r = Response::new(body.into());
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    r
}

fn text(body: String, cache: &'static str) -> Response {
    file(body, "text/plain; charset=utf-8", cache)
}

/// The page for a log that cannot be read (the error is logged, not shown).
pub(crate) fn unavailable(err: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %err, "the log could not be read");
    page_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        t!("log-unavailable-title"),
        t!("log-unavailable"),
    )
}

/// `GET /log/checkpoint`: the newest signed checkpoint, with witness cosignatures.
pub async fn checkpoint(State(app): State<AppState>) -> Response {
    match app.log.signed_checkpoint().await {
        Ok((_, note)) => text(note, "no-cache"),
        Err(e) => unavailable(&e),
    }
}

/// `GET /log/keys`: the public keys that verify the log and the body's decisions. Pin them
/// out of band: a server that lies about its keys is exactly what they protect against.
pub async fn keys(State(app): State<AppState>) -> Response {
    let mut out = format!("log {}\n", app.log.vkey());
    if let Some(body) = app.log.body_vkey() {
        out.push_str(&format!("body {body}\n"));
    }
    text(out, "no-cache")
}

/// `GET /log/tile/…`: hash tiles and entry bundles (c2sp.org/tlog-tiles). Tiles never
/// change once served, partial ones included, so they may be cached for ever.
pub async fn tile(State(app): State<AppState>, Path(path): Path<String>) -> Response {
    match app.log.tile(&format!("tile/{path}")).await {
        Ok(Some(data)) => file(
            data,
            "application/octet-stream",
            "public, max-age=31536000, immutable",
        ),
        Ok(None) => page_response(
            StatusCode::NOT_FOUND,
            t!("log-no-tile-title"),
            t!("log-no-tile"),
        ),
        Err(e) => unavailable(&e),
    }
}
