//! The public side of the sealed status log: the C2SP tlog-tiles read API under `/log/`
//! and the public keys. Its statistics are [`crate::transparency`]'s.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

use crate::app::{AppState, page_response};

fn text(body: String, cache: &'static str) -> Response {
    let mut r = Response::new(Body::from(body));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    r
}

fn unavailable(err: &crate::log_service::LogError) -> Response {
    tracing::error!(error = %err, "the log could not be read");
    page_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        "The log is unavailable",
        "The log could not be read. Please try again later.",
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
        Ok(Some(data)) => {
            let mut r = Response::new(Body::from(data));
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/octet-stream"),
            );
            r.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            );
            r
        }
        Ok(None) => page_response(
            StatusCode::NOT_FOUND,
            "No such tile",
            "This tile is not in the log.",
        ),
        Err(e) => unavailable(&e),
    }
}
