//! `candor witness serve --config FILE`: the witness's HTTP server.
//!
//! ```toml
//! listen = "127.0.0.1:7380"
//! key_file = "witness.key"          # from `candor keygen witness`
//! state_dir = "witness-state"
//!
//! [[logs]]
//! origin = "demo.candor.example/log"
//! vkey = "demo.candor.example/log+1a2b3c4d+AV…"
//! ```
//!
//! `POST /add-checkpoint` answers as tlog-witness v1 says: `200` with the cosignature
//! line, `400` for a malformed request, `403` when the log's signature does not verify,
//! `404` for a log it does not witness, `409` (`text/x.tlog.size`, its latest size) when
//! the client's old size is not the witness's, or when the checkpoint has the witness's
//! size but another root (a fork), and `422` when the consistency proof fails.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use figment::Figment;
use figment::providers::{Format, Toml};
use serde::Deserialize;

use super::request::{AddCheckpoint, MAX_BODY_BYTES};
use super::state::StateDir;
use candor_log::checkpoint::{Checkpoint, CheckpointVerifier};
use candor_log::merkle::check_tree;
use candor_log::note::{Cosigner, Note, Verifier};

/// The witness's configuration file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub listen: SocketAddr,
    pub key_file: PathBuf,
    pub state_dir: PathBuf,
    #[serde(default)]
    pub logs: Vec<LogConfig>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    pub origin: String,
    pub vkey: String,
}

/// Why the witness cannot start; one sentence.
#[derive(Debug, thiserror::Error)]
pub enum WitnessError {
    #[error("{0}")]
    Config(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl Config {
    /// Reads the configuration; relative paths are taken from the file's folder.
    pub fn load(path: &Path) -> Result<Config, WitnessError> {
        let mut config: Config = Figment::new()
            .merge(Toml::file_exact(path))
            .extract()
            .map_err(|e| WitnessError::Config(format!("{}: {e}", path.display())))?;
        let base = path.parent().unwrap_or(Path::new("."));
        config.key_file = base.join(&config.key_file);
        config.state_dir = base.join(&config.state_dir);
        Ok(config)
    }
}

struct Log {
    origin: String,
    policy: CheckpointVerifier,
}

struct Witness {
    cosigner: Cosigner,
    logs: Vec<Log>,
    state: StateDir,
    /// One checkpoint at a time: check, record, cosign.
    busy: tokio::sync::Mutex<()>,
}

/// Serves until `shutdown` completes. `on_ready` gets the address listened on.
pub async fn serve(
    config: Config,
    on_ready: impl FnOnce(SocketAddr),
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), WitnessError> {
    let cosigner = candor_log::keys::read_cosigner_key(&config.key_file)
        .map_err(|e| WitnessError::Config(e.to_string()))?;
    let mut logs = Vec::new();
    for log in &config.logs {
        let key = Verifier::from_vkey(log.vkey.trim()).map_err(|_| {
            WitnessError::Config(format!(
                "the vkey of log {:?} is not a verifier key",
                log.origin
            ))
        })?;
        let policy = CheckpointVerifier::new(&log.origin, key)
            .map_err(|e| WitnessError::Config(format!("log {:?}: {e}", log.origin)))?;
        logs.push(Log {
            origin: log.origin.clone(),
            policy,
        });
    }
    let witness = Arc::new(Witness {
        cosigner,
        logs,
        state: StateDir::open(&config.state_dir)?,
        busy: tokio::sync::Mutex::new(()),
    });
    let app = Router::new()
        .route("/add-checkpoint", post(add_checkpoint))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(witness);
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| WitnessError::Config(format!("cannot listen on {}: {e}", config.listen)))?;
    on_ready(listener.local_addr()?);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await?;
    Ok(())
}

fn plain(status: StatusCode, text: &str) -> Response {
    (status, format!("{text}\n")).into_response()
}

/// 409 with the witness's latest size, as `text/x.tlog.size`.
fn conflict(size: u64) -> Response {
    let mut response = (StatusCode::CONFLICT, format!("{size}\n")).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/x.tlog.size"),
    );
    response
}

async fn add_checkpoint(State(w): State<Arc<Witness>>, body: Bytes) -> Response {
    let request = match AddCheckpoint::parse(&body) {
        Ok(r) => r,
        Err(e) => return plain(StatusCode::BAD_REQUEST, &e.to_string()),
    };
    // The origin, read before any signature is checked, only to find the log.
    let Some(origin) = Note::parse(&request.checkpoint)
        .ok()
        .and_then(|n| n.text().lines().next().map(str::to_string))
    else {
        return plain(
            StatusCode::BAD_REQUEST,
            "the checkpoint is not a signed note",
        );
    };
    let Some(log) = w.logs.iter().find(|l| l.origin == origin) else {
        return plain(
            StatusCode::NOT_FOUND,
            "this witness does not witness that log",
        );
    };
    let Ok(signed) = log.policy.verify(&request.checkpoint) else {
        return plain(
            StatusCode::FORBIDDEN,
            "the checkpoint is not signed by the log's key",
        );
    };
    let new = signed.checkpoint();
    let _one_at_a_time = w.busy.lock().await;
    let latest = match w.state.latest(&log.origin) {
        Ok(Some(bytes)) => match log.policy.verify(&bytes) {
            Ok(s) => Some(s.checkpoint().clone()),
            Err(_) => {
                tracing::error!("the witness's own state for a log does not verify");
                return plain(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "the witness's state is damaged",
                );
            }
        },
        Ok(None) => None,
        Err(e) => {
            tracing::error!(error = %e, "cannot read the witness's state");
            return plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the witness's state cannot be read",
            );
        }
    };
    let latest_size = latest.as_ref().map_or(0, Checkpoint::size);
    if request.old_size != latest_size {
        return conflict(latest_size);
    }
    if new.size() < request.old_size {
        return plain(
            StatusCode::BAD_REQUEST,
            "the checkpoint is older than the old size",
        );
    }
    let fork = latest
        .as_ref()
        .is_some_and(|l| l.size() == new.size() && l.root() != new.root());
    if fork {
        tracing::warn!(size = new.size(), "refused a fork of a witnessed log");
        return conflict(latest_size);
    }
    // From nothing, or at the same size, the proof is empty; otherwise it must lead from
    // the witnessed tree to the new one.
    let proven = match &latest {
        Some(l) if l.size() < new.size() => {
            check_tree(&request.proof, new.size(), new.root(), l.size(), l.root()).is_ok()
        }
        _ => request.proof.is_empty(),
    };
    if !proven {
        return plain(
            StatusCode::UNPROCESSABLE_ENTITY,
            "the consistency proof does not verify",
        );
    }
    // Recorded durably before anything is cosigned.
    if let Err(e) = w.state.record(&log.origin, signed.signed_note().as_bytes()) {
        tracing::error!(error = %e, "cannot record the witness's state");
        return plain(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the witness's state cannot be written",
        );
    }
    let today = candor_log::checkpoint::cosignature_day(jiff::Timestamp::now().as_second());
    match new.cosign(&w.cosigner, today) {
        Ok(signature) => (StatusCode::OK, signature.to_line()).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "cannot cosign");
            plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the witness cannot cosign",
            )
        }
    }
}
