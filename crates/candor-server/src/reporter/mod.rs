//! What a reporter reaches through Tor Browser, no JavaScript: the report form
//! ([`submit`]), signing in with the receipt code ([`signin`]), the case with its
//! conversation, files and certificates ([`case`]), the session that holds the derived key
//! ([`session`]), and the pages ([`pages`]).

mod case;
pub mod pages;
pub mod session;
mod signin;
pub(crate) mod submit;

pub use signin::parse_signin_form;
pub use submit::parse_submission_body;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use crate::app::AppState;

/// The reporters' pages and the public log.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(crate::app::index))
        .route("/submit", get(submit::form).post(submit::post))
        .route(
            "/followup",
            get(signin::form)
                .post(signin::sign_in)
                .layer(DefaultBodyLimit::max(signin::MAX_SIGNIN_FORM_BYTES)),
        )
        .route("/case", get(case::case))
        .route("/case/files/{id}", get(case::download))
        .route("/case/certificates/{id}", get(case::certificate))
        .route("/transparency", get(crate::transparency::overview))
        .route("/transparency/{year}", get(crate::transparency::annual))
        .route("/transparency.csv", get(crate::transparency::csv))
        .route("/transparency.json", get(crate::transparency::json))
        .route("/datapackage.json", get(crate::transparency::datapackage))
        .route("/case/reply", post(case::reply))
        .route("/case/reprisal", post(case::reprisal))
        .route(
            "/case/certificates/{id}/presentation",
            post(case::presentation).layer(DefaultBodyLimit::max(4096)),
        )
        .route(
            "/logout",
            post(signin::logout).layer(DefaultBodyLimit::max(4096)),
        )
        .route("/static/candor.css", get(candor_ui::stylesheet))
}
