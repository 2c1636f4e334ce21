//! Starting and stopping the server: data directory, store, listener, shutdown.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, PermissionsExt};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::{TcpListener, UnixListener};

use crate::app::{AppState, Surface, router};
use crate::config::{Config, Listen};
use crate::log_service::LogService;
use candor_core::receipt::Deriver;
use candor_store::StoreError;

/// Why the server could not start; each message is one line naming what to fix.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("setting `data_dir`: {0}")]
    DataDir(String),
    #[error("setting `listen`: {0}")]
    Listen(String),
    #[error("setting `reviewer_listen`: {0}")]
    ReviewerListen(String),
    #[error("the database could not be opened: {0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Log(#[from] crate::log_service::LogError),
    #[error("the server stopped with an error: {0}")]
    Io(#[from] std::io::Error),
    #[error("the operating system's random generator failed: {0}")]
    Random(String),
}

/// Creates `data_dir` (mode 0700) if needed and checks that it is a writable directory.
pub fn prepare_data_dir(dir: &Path) -> Result<(), ServeError> {
    if !dir.exists() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| ServeError::DataDir(format!("cannot create {}: {e}", dir.display())))?;
    }
    if !dir.is_dir() {
        return Err(ServeError::DataDir(format!(
            "{} is not a directory",
            dir.display()
        )));
    }
    let probe = dir.join(".candor-write-test");
    let written =
        fs::File::create(&probe).and_then(|mut f| f.write_all(b"ok").and_then(|_| f.sync_all()));
    let _ = fs::remove_file(&probe);
    written.map_err(|e| ServeError::DataDir(format!("{} is not writable: {e}", dir.display())))?;
    Ok(())
}

/// Either kind of listener.
pub enum Bound {
    Tcp(TcpListener),
    Unix(UnixListener),
}

impl Bound {
    /// The address to print, with the real port when port 0 was asked for.
    pub fn describe(&self) -> String {
        match self {
            Bound::Tcp(l) => l
                .local_addr()
                .map(|a| format!("http://{a}"))
                .unwrap_or_else(|_| "tcp".into()),
            Bound::Unix(l) => l
                .local_addr()
                .ok()
                .and_then(|a| a.as_pathname().map(|p| format!("unix:{}", p.display())))
                .unwrap_or_else(|| "unix socket".into()),
        }
    }
}

/// Binds the configured address. A stale Unix socket is replaced; any other file at that
/// path is left alone and reported. The socket gets mode 0660 so that Tor's group can be
/// given access.
pub async fn bind(listen: &Listen) -> Result<Bound, ServeError> {
    match listen {
        Listen::Tcp(addr) => TcpListener::bind(addr)
            .await
            .map(Bound::Tcp)
            .map_err(|e| ServeError::Listen(format!("cannot listen on {addr}: {e}"))),
        Listen::Unix(path) => {
            match fs::symlink_metadata(path) {
                Ok(meta) if meta.file_type().is_socket() => {
                    fs::remove_file(path).map_err(|e| {
                        ServeError::Listen(format!(
                            "cannot replace the old socket {}: {e}",
                            path.display()
                        ))
                    })?;
                }
                Ok(_) => {
                    return Err(ServeError::Listen(format!(
                        "{} exists and is not a socket; refusing to replace it",
                        path.display()
                    )));
                }
                Err(_) => {}
            }
            let listener = UnixListener::bind(path).map_err(|e| {
                ServeError::Listen(format!("cannot listen on {}: {e}", path.display()))
            })?;
            fs::set_permissions(path, fs::Permissions::from_mode(0o660)).map_err(|e| {
                ServeError::Listen(format!("cannot set permissions of {}: {e}", path.display()))
            })?;
            Ok(Bound::Unix(listener))
        }
    }
}

/// Opens everything and serves until SIGINT or SIGTERM. `on_ready` receives the address
/// once the server accepts connections.
pub async fn serve(config: Config, on_ready: impl FnOnce(&str)) -> Result<(), ServeError> {
    prepare_data_dir(&config.data_dir)?;
    let store = candor_store::open(&config.database_url, &config.blob_dir).await?;
    let install = store.install().await?;
    let deriver = Deriver::for_this_machine(install.kdf);
    let log = Arc::new(
        LogService::open(
            store.clone(),
            &config.data_dir,
            &config.log_origin,
            config.body.decision_key.as_deref(),
            &config.body.name,
        )
        .await?,
    );
    let bound = bind(&config.listen).await?;
    let reviewer_bound = match &config.reviewer_listen {
        Some(listen) => Some(bind(listen).await.map_err(|e| match e {
            ServeError::Listen(why) => ServeError::ReviewerListen(why),
            other => other,
        })?),
        None => None,
    };
    let unix_paths: Vec<std::path::PathBuf> =
        [Some(&config.listen), config.reviewer_listen.as_ref()]
            .into_iter()
            .flatten()
            .filter_map(|l| match l {
                Listen::Unix(p) => Some(p.clone()),
                Listen::Tcp(_) => None,
            })
            .collect();
    let interval = config.log_interval;
    let max_connections = config.max_connections;
    // Each new checkpoint goes to the configured witnesses; their cosignatures are kept.
    let wake_witnesses = Arc::new(tokio::sync::Notify::new());
    let witnessing = tokio::spawn(crate::witnessing::run(
        Arc::clone(&log),
        config.witnesses.clone(),
        Arc::clone(&wake_witnesses),
    ));
    let retention = tokio::spawn(crate::retention::run(
        store.clone(),
        config.retention_months,
    ));
    let state = AppState::new(config, store.clone(), install, deriver, Arc::clone(&log))
        .map_err(|e| ServeError::Random(e.to_string()))?;
    // New log entries are integrated on a fixed schedule, in shuffled batches, so that the
    // log's growth does not time anyone's action.
    let integrator = tokio::spawn(async move {
        let first = first_integration(interval, jiff::Timestamp::now().as_second());
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + first, interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match log.integrate().await {
                Ok(Some(_)) => wake_witnesses.notify_one(),
                Ok(None) => {}
                Err(err) => {
                    tracing::error!(error = %err, "the log could not integrate new entries")
                }
            }
        }
    });
    let sessions = Arc::clone(&state.sessions);
    // Expired sessions go within a minute, so their identities do not linger in memory;
    // expired reviewer tokens go too, so the database keeps no old sign-in times.
    let sweeper = {
        let sessions = Arc::clone(&sessions);
        let store = store.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(30));
            loop {
                tick.tick().await;
                sessions.sweep();
                let now = jiff::Timestamp::now().as_second();
                if let Err(err) = store.remove_expired_tokens(now).await {
                    tracing::warn!(error = %err, "expired reviewer tokens could not be removed");
                }
            }
        })
    };
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let reviewers = reviewer_bound.map(|bound| {
        let app = router(state.clone(), Surface::Reviewers);
        println!("Candor's reviewer API is listening on {}", bound.describe());
        tokio::spawn(serve_on(bound, app, max_connections, stop_rx.clone()))
    });
    let surface = if reviewers.is_some() {
        Surface::Reporters
    } else {
        Surface::All
    };
    let app = router(state, surface);
    on_ready(&bound.describe());
    let signal = tokio::spawn(async move {
        shutdown_signal().await;
        let _ = stop_tx.send(true);
    });
    let mut result = serve_on(bound, app, max_connections, stop_rx).await;
    if let Some(reviewers) = reviewers {
        let done = reviewers
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e)));
        result = result.and(done);
    }
    signal.abort();
    sweeper.abort();
    retention.abort();
    integrator.abort();
    witnessing.abort();
    sessions.clear();
    store.close().await;
    for path in unix_paths {
        let _ = fs::remove_file(path);
    }
    result.map_err(ServeError::Io)
}

/// How long until the first integration: with an interval of a day or more, the next
/// midnight (UTC), so that the public log grows on day boundaries whenever the server
/// was started or restarted; with a shorter one (the demo), at once.
pub fn first_integration(interval: Duration, now_unix: i64) -> Duration {
    const DAY: i64 = 86_400;
    if interval < Duration::from_secs(DAY as u64) {
        return Duration::ZERO;
    }
    let into_day = now_unix.rem_euclid(DAY);
    Duration::from_secs(u64::try_from(DAY - into_day).unwrap_or(0))
}

/// A connection that has not sent a whole request head within this long is closed (also
/// an idle keep-alive connection): a client that stalls halfway through a request line
/// cannot hold a connection open.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(30);
/// Serves `app` on one listener until `stop` turns true, with [`HEADER_READ_TIMEOUT`], at
/// most `max_connections` connections at once (beyond it new connections wait in the
/// kernel's queue until one closes: nothing is refused, nothing grows) and `TCP_NODELAY` (a response's last small piece is not held back
/// for a delayed acknowledgement). Open connections finish their requests at shutdown.
async fn serve_on(
    bound: Bound,
    app: axum::Router,
    max_connections: usize,
    mut stop: tokio::sync::watch::Receiver<bool>,
) -> std::io::Result<()> {
    let slots = Arc::new(tokio::sync::Semaphore::new(max_connections));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    loop {
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            _ = stop.wait_for(|s| *s) => break,
        };
        let accepted = tokio::select! {
            accepted = accept(&bound) => accepted,
            _ = stop.wait_for(|s| *s) => break,
        };
        let io = match accepted {
            Ok(io) => io,
            Err(err) => {
                // Out of file descriptors and the like: wait a little rather than spin.
                tracing::warn!(error = %err, "a connection could not be accepted");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(hyper_util::rt::TokioTimer::new())
            .header_read_timeout(HEADER_READ_TIMEOUT)
            .max_buf_size(64 * 1024);
        let connection = graceful.watch(builder.serve_connection(io, service));
        tokio::spawn(async move {
            // A client that goes away mid-request is not an error of the server.
            let _ = connection.await;
            drop(slot);
        });
    }
    tokio::select! {
        _ = graceful.shutdown() => {}
        _ = tokio::time::sleep(Duration::from_secs(30)) => {
            tracing::warn!("connections still open 30 seconds after shutdown began were cut");
        }
    }
    Ok(())
}

/// Either kind of accepted connection.
enum Io {
    Tcp(hyper_util::rt::TokioIo<tokio::net::TcpStream>),
    Unix(hyper_util::rt::TokioIo<tokio::net::UnixStream>),
}

async fn accept(bound: &Bound) -> std::io::Result<Io> {
    match bound {
        Bound::Tcp(l) => {
            let (stream, _) = l.accept().await?;
            stream.set_nodelay(true)?;
            Ok(Io::Tcp(hyper_util::rt::TokioIo::new(stream)))
        }
        Bound::Unix(l) => {
            let (stream, _) = l.accept().await?;
            Ok(Io::Unix(hyper_util::rt::TokioIo::new(stream)))
        }
    }
}

impl hyper::rt::Read for Io {
    fn poll_read(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: hyper::rt::ReadBufCursor<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        match self.get_mut() {
            Io::Tcp(io) => std::pin::Pin::new(io).poll_read(cx, buf),
            Io::Unix(io) => std::pin::Pin::new(io).poll_read(cx, buf),
        }
    }
}

impl hyper::rt::Write for Io {
    fn poll_write(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        match self.get_mut() {
            Io::Tcp(io) => std::pin::Pin::new(io).poll_write(cx, buf),
            Io::Unix(io) => std::pin::Pin::new(io).poll_write(cx, buf),
        }
    }

    fn poll_flush(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        match self.get_mut() {
            Io::Tcp(io) => std::pin::Pin::new(io).poll_flush(cx),
            Io::Unix(io) => std::pin::Pin::new(io).poll_flush(cx),
        }
    }

    fn poll_shutdown(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        match self.get_mut() {
            Io::Tcp(io) => std::pin::Pin::new(io).poll_shutdown(cx),
            Io::Unix(io) => std::pin::Pin::new(io).poll_shutdown(cx),
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn daily_integration_waits_for_midnight() {
        let day = Duration::from_secs(86_400);
        // 2026-12-03 07:30:00 UTC
        let now = 1_796_283_000;
        let wait = first_integration(day, now);
        assert_eq!((now + wait.as_secs() as i64) % 86_400, 0, "at midnight");
        assert!(wait <= day && wait > Duration::ZERO);
        assert_eq!(
            first_integration(day, 1_796_256_000),
            day,
            "at midnight: the next one"
        );
        assert_eq!(
            first_integration(Duration::from_secs(10), now),
            Duration::ZERO
        );
    }
}
