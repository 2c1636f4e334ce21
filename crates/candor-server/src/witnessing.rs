//! The server as a witness client ([tlog-witness v1](https://c2sp.org/tlog-witness)): every
//! new checkpoint goes to each configured witness (`[[witnesses]]`) with a consistency
//! proof from the size that witness last cosigned, and the cosignatures that come back are
//! kept with the checkpoint (published at `/log/checkpoint`, carried by certificates).
//!
//! A witness that does not answer is tried again with a growing wait (one minute, doubling
//! to a day); a `409` tells the size it has, and the next try proves from there. Each
//! checkpoint is sent to each witness until it cosigns it: at most a few requests a day,
//! as checkpoints change at most once per `log_interval`.

use std::sync::Arc;
use std::time::Duration;

use candor_log::checkpoint::Checkpoint;
use candor_log::note::Note;
use candor_store::Audit;

use crate::config::Witness;
use crate::log_service::LogService;

/// The longest request body or answer exchanged with a witness.
const MAX_ANSWER_BYTES: usize = 64 * 1024;
const FIRST_WAIT: Duration = Duration::from_secs(60);
const LONGEST_WAIT: Duration = Duration::from_secs(24 * 3600);

/// What the server knows of one witness.
struct Known {
    witness: Witness,
    http: reqwest::Client,
    /// The size it last cosigned (0 until it says otherwise).
    size: u64,
    /// The size of the checkpoint it cosigned last, to skip it until the next one.
    cosigned: Option<u64>,
    wait: Duration,
    next_try: tokio::time::Instant,
}

/// Why one exchange with a witness did not end in a cosignature.
#[derive(Debug, thiserror::Error)]
enum Failed {
    #[error("cannot reach it: {0}")]
    Unreachable(String),
    #[error("it has size {0}")]
    Conflict(u64),
    #[error("it answered {0}")]
    Refused(u16),
    #[error("{0}")]
    Log(String),
}

/// Runs for ever: sends the newest checkpoint to every witness whenever it changed or a
/// try is due. `wake` is notified after each integration.
pub async fn run(log: Arc<LogService>, witnesses: Vec<Witness>, wake: Arc<tokio::sync::Notify>) {
    let now = tokio::time::Instant::now();
    let mut known: Vec<Known> = witnesses
        .into_iter()
        .filter_map(|witness| {
            let mut builder = reqwest::Client::builder()
                .timeout(Duration::from_secs(120))
                .redirect(reqwest::redirect::Policy::none());
            builder = match &witness.proxy {
                Some(p) => builder.proxy(reqwest::Proxy::all(p).ok()?),
                None => builder.no_proxy(),
            };
            Some(Known {
                http: builder.build().ok()?,
                witness,
                size: 0,
                cosigned: None,
                wait: FIRST_WAIT,
                next_try: now,
            })
        })
        .collect();
    if known.is_empty() {
        return;
    }
    loop {
        for k in &mut known {
            let due = tokio::time::Instant::now() >= k.next_try;
            match send(&log, k).await {
                Ok(None) => {}
                Ok(Some(size)) => {
                    tracing::info!(witness = %k.witness.name, size, "checkpoint cosigned");
                    k.wait = FIRST_WAIT;
                }
                Err(Failed::Conflict(size)) => {
                    // Proved from its size at once, not after a wait.
                    k.size = size;
                    if let Err(e) = send(&log, k).await {
                        backoff(k, &e, due);
                    }
                }
                Err(e) => backoff(k, &e, due),
            }
        }
        let next = known.iter().map(|k| k.next_try).min();
        tokio::select! {
            _ = wake.notified() => {
                for k in &mut known {
                    k.next_try = tokio::time::Instant::now();
                }
            }
            _ = tokio::time::sleep_until(next.unwrap_or_else(|| tokio::time::Instant::now() + FIRST_WAIT)) => {}
        }
    }
}

fn backoff(k: &mut Known, e: &Failed, due: bool) {
    tracing::warn!(witness = %k.witness.name, error = %e, "the witness did not cosign");
    if due {
        k.wait = (k.wait * 2).min(LONGEST_WAIT);
    }
    k.next_try = tokio::time::Instant::now() + k.wait;
}

/// Sends the newest checkpoint to one witness unless it cosigned it already; returns the
/// size cosigned now, if any.
async fn send(log: &LogService, k: &mut Known) -> Result<Option<u64>, Failed> {
    if tokio::time::Instant::now() < k.next_try {
        return Ok(None);
    }
    let (size, note) = log
        .bare_checkpoint()
        .await
        .map_err(|e| Failed::Log(e.to_string()))?;
    if k.cosigned == Some(size) {
        k.next_try = tokio::time::Instant::now() + LONGEST_WAIT;
        return Ok(None);
    }
    let old = k.size.min(size);
    let proof = log
        .consistency_proof(old, size)
        .await
        .map_err(|e| Failed::Log(e.to_string()))?;
    let body = candor_witness::request::AddCheckpoint {
        old_size: old,
        proof,
        checkpoint: note.clone().into_bytes(),
    }
    .to_body();
    let answer = k
        .http
        .post(&k.witness.url)
        .header("content-type", "text/plain; charset=utf-8")
        .body(body)
        .send()
        .await
        .map_err(|e| Failed::Unreachable(e.without_url().to_string()))?;
    let status = answer.status().as_u16();
    // Read chunk by chunk up to the bound: a witness cannot make the server hold more.
    let mut answer = answer;
    let mut bytes = Vec::new();
    while let Some(chunk) = answer
        .chunk()
        .await
        .map_err(|e| Failed::Unreachable(e.without_url().to_string()))?
    {
        if bytes.len() + chunk.len() > MAX_ANSWER_BYTES {
            return Err(Failed::Refused(status));
        }
        bytes.extend_from_slice(&chunk);
    }
    let text = String::from_utf8(bytes).map_err(|_| Failed::Refused(status))?;
    match status {
        200 => {}
        409 => {
            let theirs = text
                .trim()
                .parse::<u64>()
                .map_err(|_| Failed::Refused(status))?;
            if theirs > size {
                return Err(Failed::Log(format!(
                    "it has cosigned {theirs} entries of this log, more than the {size} here: the log was rolled back or forked"
                )));
            }
            return Err(Failed::Conflict(theirs));
        }
        s => return Err(Failed::Refused(s)),
    }
    // Every line must be a cosignature of this checkpoint by this witness's key; the log
    // service checks it before keeping it.
    let body_text = Note::parse(note.as_bytes())
        .ok()
        .map(|n| n.text().to_string())
        .and_then(|t| Checkpoint::parse(&t).ok())
        .map(|c| c.size());
    if body_text != Some(size) {
        return Err(Failed::Log(
            "the log's own checkpoint does not parse".into(),
        ));
    }
    let mut kept = false;
    for line in text.lines().filter(|l| !l.is_empty()) {
        let audit = Audit::new("server", "witness cosigned").detail(k.witness.name.clone());
        match log
            .add_cosignature(size, &k.witness.vkey, line, &audit)
            .await
        {
            Ok(()) => kept = true,
            Err(e) => return Err(Failed::Log(format!("its answer was refused: {e}"))),
        }
    }
    if !kept {
        return Err(Failed::Refused(status));
    }
    k.size = size;
    k.cosigned = Some(size);
    Ok(Some(size))
}
