//! The public side of the sealed status log: the C2SP tlog-tiles read API under `/log/`,
//! the public keys, and `/transparency` (statistics anyone can recompute).

use std::collections::BTreeMap;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::app::{AppState, page_response};
use crate::reporter::pages;
use candor_log::entry::Kind;

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

/// `GET /transparency`: decisions and receipts by month, computed from the public log.
pub async fn transparency(State(app): State<AppState>) -> Response {
    let stats = match app.log.statistics().await {
        Ok(s) => s,
        Err(e) => return unavailable(&e),
    };
    let size = app
        .log
        .signed_checkpoint()
        .await
        .map(|(s, _)| s)
        .unwrap_or(0);
    let mut months: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    let mut totals: BTreeMap<String, u64> = BTreeMap::new();
    for (month, kind, n) in stats {
        *months
            .entry(month)
            .or_default()
            .entry(kind.clone())
            .or_default() += n;
        *totals.entry(kind).or_default() += n;
    }
    let origin = app.log.origin().to_string();
    pages::layout(
        &app.site,
        "Transparency",
        html! {
            h1 { "Transparency: what the body decided" }
            p {
                "Every report received and every decision of " (app.site.body_name)
                " about a whistleblower's status and protection is an entry of a public, append-only log ("
                code { (origin) } ", " (size) " entries). Entries show only their kind and day: nothing in them identifies a person or a case."
            }
            table {
                caption { "Entries by month and kind" }
                thead {
                    tr {
                        th scope="col" { "Month" }
                        @for k in Kind::ALL { th scope="col" { (k.describe()) } }
                    }
                }
                tbody {
                    @for (month, kinds) in months.iter().rev() {
                        tr {
                            th scope="row" { (month) }
                            @for k in Kind::ALL { td { (kinds.get(k.as_str()).copied().unwrap_or(0)) } }
                        }
                    }
                    tr {
                        th scope="row" { "Total" }
                        @for k in Kind::ALL { td { strong { (totals.get(k.as_str()).copied().unwrap_or(0)) } } }
                    }
                }
            }
            h2 { "Check these numbers yourself" }
            ol.steps {
                li { "Obtain the log's and the body's public keys from a source you trust (they are also at " a href="/log/keys" { "/log/keys" } ")." }
                li { "Run " code { "candor log verify --server ADDRESS --state log-state.txt --log-key LOG-KEY" } ". It downloads the signed checkpoint and every tile of the log (c2sp.org/tlog-tiles: " code { "/log/checkpoint" } ", " code { "/log/tile/…" } ", " code { "/log/tile/entries/…" } "), recomputes the Merkle root, checks that the log only grew since your last run, and prints this table from the entries themselves." }
                li { "Or do it by hand: each entry is a signed note whose text is " code { "candor.entry/v1" } ", " code { "kind …" } ", " code { "day YYYY-MM-DD" } ", " code { "commitment …" } "; count them by kind and by the month of their day." }
            }
        },
    )
    .into_response()
}
