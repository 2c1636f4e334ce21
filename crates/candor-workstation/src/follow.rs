//! Following the server's sealed status log from outside: the workstation's check at every
//! sync, and `candor log verify`, an independent follower anyone can run.
//!
//! The state file remembers the log's public key and the last checkpoint verified:
//!
//! ```text
//! candor.log-state/v1
//! vkey <the log's verifier key>
//!
//! <the last verified signed checkpoint>
//! ```

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

use tokio::runtime::Handle;

use candor_log::checkpoint::{Checkpoint, CheckpointVerifier};
use candor_log::merkle::{Hash, MemoryLog};
use candor_log::note::{Note, Verifier};
use candor_log::stats::Tally;
use candor_log::tiles::{self, Tile, TileKind, TileReader};

const STATE_HEADER: &str = "candor.log-state/v1";

/// Why following the log failed. `Inconsistent` is the one that matters: the server showed
/// a log that does not extend what was seen before.
#[derive(Debug, thiserror::Error)]
pub enum FollowError {
    #[error(
        "THE LOG IS INCONSISTENT: {0}. The server's history was rolled back, forked or rewritten. Do not continue; keep the state file as evidence and alert the body."
    )]
    Inconsistent(String),
    /// Inconsistent, with the evidence: two checkpoints, both signed by the log's key, that
    /// cannot both be true (`before` as saved, `now` as served).
    #[error(
        "THE LOG IS INCONSISTENT: {why}. The server's history was rolled back, forked or rewritten. Do not continue; keep the state file as evidence and alert the body."
    )]
    Fork {
        why: String,
        before: String,
        now: String,
    },
    #[error("the log could not be verified: {0}")]
    Invalid(String),
    #[error("the log could not be fetched: {0}")]
    Fetch(String),
    #[error("the state file {0}")]
    State(String),
}

/// What was verified.
#[derive(Debug, Clone)]
pub struct Followed {
    pub origin: String,
    pub size: u64,
    pub previous_size: Option<u64>,
    /// The verified signed checkpoint (as served, with cosignatures).
    pub signed_checkpoint: String,
    /// Whether the log key was pinned now, on first use.
    pub pinned_now: bool,
}

/// The saved state: the pinned key and the last verified checkpoint.
pub struct State {
    pub vkey: String,
    pub checkpoint: Option<String>,
}

impl State {
    pub fn load(path: &Path) -> Result<Option<State>, FollowError> {
        if !path.exists() {
            return Ok(None);
        }
        let text = fs::read_to_string(path)
            .map_err(|e| FollowError::State(format!("{} cannot be read: {e}", path.display())))?;
        let bad =
            || FollowError::State(format!("{} is not a Candor log state file", path.display()));
        let rest = text
            .strip_prefix(STATE_HEADER)
            .and_then(|r| r.strip_prefix("\nvkey "))
            .ok_or_else(bad)?;
        let (vkey, rest) = rest.split_once('\n').ok_or_else(bad)?;
        let checkpoint = match rest.strip_prefix('\n') {
            Some(cp) if !cp.is_empty() => Some(cp.to_string()),
            _ => None,
        };
        Ok(Some(State {
            vkey: vkey.to_string(),
            checkpoint,
        }))
    }

    /// Writes the state atomically (temporary file, then rename).
    pub fn save(&self, path: &Path) -> Result<(), FollowError> {
        let err = |e: std::io::Error| {
            FollowError::State(format!("{} cannot be written: {e}", path.display()))
        };
        let tmp = path.with_extension("tmp");
        let mut f = fs::File::create(&tmp).map_err(err)?;
        f.write_all(
            format!(
                "{STATE_HEADER}\nvkey {}\n\n{}",
                self.vkey,
                self.checkpoint.as_deref().unwrap_or("")
            )
            .as_bytes(),
        )
        .map_err(err)?;
        f.sync_all().map_err(err)?;
        fs::rename(&tmp, path).map_err(err)
    }
}

/// Fetches tiles over HTTP (blocking: use on the blocking pool), caching what it got.
struct HttpTiles {
    http: reqwest::Client,
    base: String,
    handle: Handle,
    cache: Mutex<HashMap<Tile, Vec<u8>>>,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct FetchError(String);

impl HttpTiles {
    fn get(&self, path: &str) -> Result<Vec<u8>, FetchError> {
        let url = format!("{}/log/{path}", self.base);
        self.handle.block_on(async {
            let r = self
                .http
                .get(&url)
                .send()
                .await
                .map_err(|e| FetchError(super::client::explain(&url, None, &e)))?;
            if !r.status().is_success() {
                return Err(FetchError(format!("{url}: HTTP {}", r.status())));
            }
            r.bytes()
                .await
                .map(|b| b.to_vec())
                .map_err(|_| FetchError(format!("cannot read {url}")))
        })
    }
}

impl TileReader for HttpTiles {
    type Error = FetchError;

    fn read_tiles(&self, tiles: &[Tile]) -> Result<Vec<Vec<u8>>, FetchError> {
        tiles
            .iter()
            .map(|t| {
                if let Some(d) = self.cache.lock().unwrap_or_else(|p| p.into_inner()).get(t) {
                    return Ok(d.clone());
                }
                let d = self.get(&t.path())?;
                self.cache
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert(*t, d.clone());
                Ok(d)
            })
            .collect()
    }
}

async fn fetch_text(http: &reqwest::Client, url: &str) -> Result<String, FollowError> {
    let r = http
        .get(url)
        .send()
        .await
        .map_err(|e| FollowError::Fetch(super::client::explain(url, None, &e)))?;
    if !r.status().is_success() {
        return Err(FollowError::Fetch(format!("{url}: HTTP {}", r.status())));
    }
    r.text()
        .await
        .map_err(|_| FollowError::Fetch(format!("cannot read {url}")))
}

/// The log key to use: given, else pinned in the state, else fetched now and pinned
/// (trust on first use, reported to the caller).
async fn log_key(
    http: &reqwest::Client,
    base: &str,
    given: Option<&Verifier>,
    state: Option<&State>,
) -> Result<(Verifier, bool), FollowError> {
    if let Some(v) = given {
        if let Some(s) = state
            && s.vkey != v.to_vkey()
        {
            return Err(FollowError::Inconsistent(
                "the log key given differs from the one pinned in the state file".into(),
            ));
        }
        return Ok((v.clone(), state.is_none()));
    }
    if let Some(s) = state {
        return Verifier::from_vkey(&s.vkey)
            .map(|v| (v, false))
            .map_err(|_| FollowError::State("holds an invalid log key".into()));
    }
    let keys = fetch_text(http, &format!("{base}/log/keys")).await?;
    let vkey = keys
        .lines()
        .find_map(|l| l.strip_prefix("log "))
        .ok_or_else(|| FollowError::Invalid("/log/keys does not list the log key".into()))?;
    Verifier::from_vkey(vkey)
        .map(|v| (v, true))
        .map_err(|_| FollowError::Invalid("/log/keys lists an invalid log key".into()))
}

/// The signed entry note at `index`, proven (with tiles from `server`) to be in the tree of
/// the last checkpoint this workstation verified (the state file at `state_path`): what a
/// record about a case must be before the workstation acts on it. `Ok(None)`: the entry is
/// beyond that checkpoint (not verified yet).
pub async fn proven_entry(
    http: &reqwest::Client,
    server: &str,
    state_path: &Path,
    index: u64,
) -> Result<Option<Vec<u8>>, FollowError> {
    let checkpoint = State::load(state_path)?
        .and_then(|s| s.checkpoint)
        .map(|text| parse_checkpoint(&text))
        .transpose()?;
    let Some(checkpoint) = checkpoint.filter(|c| index < c.size()) else {
        return Ok(None);
    };
    let tiles = HttpTiles {
        http: http.clone(),
        base: server.trim_end_matches('/').to_string(),
        handle: Handle::current(),
        cache: Mutex::new(HashMap::new()),
    };
    tokio::task::spawn_blocking(move || {
        let (size, root) = (checkpoint.size(), *checkpoint.root());
        let bundle = Tile::in_tree(TileKind::Entries, index / 256, size)
            .ok_or_else(|| FollowError::Invalid(format!("no entry bundle holds entry {index}")))?;
        let data = tiles
            .get(&bundle.path())
            .map_err(|e| FollowError::Fetch(e.to_string()))?;
        let entries = tiles::parse_entry_bundle(&data)
            .map_err(|e| FollowError::Invalid(format!("{}: {e}", bundle.path())))?;
        let note = entries
            .get((index % 256) as usize)
            .ok_or_else(|| FollowError::Invalid(format!("{} is short", bundle.path())))?
            .to_vec();
        let proof = tiles::prove_record_with_tiles(size, &root, index, &tiles)
            .map_err(|e| FollowError::Invalid(e.to_string()))?;
        candor_log::merkle::check_record(
            &proof,
            size,
            &root,
            index,
            &candor_log::merkle::leaf_hash(&note),
        )
        .map_err(|e| FollowError::Invalid(format!("entry {index} is not in the log: {e}")))?;
        Ok(Some(note))
    })
    .await
    .map_err(|e| FollowError::Fetch(e.to_string()))?
}

fn parse_checkpoint(note: &str) -> Result<Checkpoint, FollowError> {
    Note::parse(note.as_bytes())
        .ok()
        .and_then(|n| Checkpoint::parse(n.text()).ok())
        .ok_or_else(|| FollowError::State("holds an unreadable checkpoint".into()))
}

/// Hears (downloads done, downloads in all) as a full audit goes: entry bundles, then
/// hash tiles.
pub type Progress = std::sync::Arc<dyn Fn(u64, u64) + Send + Sync>;

/// Fetches and verifies the newest checkpoint, and proves with tiles that it extends the
/// one in `state_path` (if any). With `full`, also downloads every entry and tile and
/// recomputes the whole tree from the entries, telling `progress` how far it is. Saves the
/// new state on success; returns the entries' statistics when `full`.
pub async fn follow(
    http: &reqwest::Client,
    server: &str,
    state_path: &Path,
    given_key: Option<&Verifier>,
    full: bool,
    witnesses: Option<&candor_log::policy::Policy>,
    progress: Progress,
) -> Result<(Followed, Tally), FollowError> {
    let base = server.trim_end_matches('/').to_string();
    let state = State::load(state_path)?;
    let (key, pinned_now) = log_key(http, &base, given_key, state.as_ref()).await?;
    let signed = fetch_text(http, &format!("{base}/log/checkpoint")).await?;
    let policy = CheckpointVerifier::new(key.name(), key.clone())
        .map_err(|e| FollowError::Invalid(e.to_string()))?;
    let verified = policy.verify(signed.as_bytes()).map_err(|e| {
        FollowError::Inconsistent(format!(
            "the checkpoint is not signed by the pinned log key: {e}"
        ))
    })?;
    if let Some(policy) = witnesses {
        let cosigned =
            CheckpointVerifier::with_witnesses(key.name(), key.clone(), policy.witness_keys(), 0)
                .and_then(|v| v.verify(signed.as_bytes()))
                .map_err(|e| {
                    FollowError::Invalid(format!("a witness's cosignature does not verify: {e}"))
                })?;
        if !policy.satisfied_by(cosigned.cosignatures()) {
            return Err(FollowError::Invalid(format!(
                "the checkpoint's cosignatures do not meet the policy's quorum (valid ones from: {})",
                policy.cosigned_by(cosigned.cosignatures()).join(", ")
            )));
        }
    }
    let new = verified.checkpoint().clone();
    let old = match state.as_ref().and_then(|s| s.checkpoint.as_deref()) {
        Some(text) => Some(parse_checkpoint(text)?),
        None => None,
    };
    let saved_note = state
        .as_ref()
        .and_then(|s| s.checkpoint.clone())
        .unwrap_or_default();
    let fork = |why: String| FollowError::Fork {
        why,
        before: saved_note.clone(),
        now: signed.clone(),
    };
    if let Some(old) = &old {
        if new.size() < old.size() {
            return Err(fork(format!(
                "the log shrank from {} to {} entries",
                old.size(),
                new.size()
            )));
        }
        if new.size() == old.size() && new.root() != old.root() {
            return Err(fork(format!("two different trees of size {}", new.size())));
        }
    }
    let tiles = HttpTiles {
        http: http.clone(),
        base: base.clone(),
        handle: Handle::current(),
        cache: Mutex::new(HashMap::new()),
    };
    let (old_c, new_c) = (old.clone(), new.clone());
    let (before_note, now_note) = (saved_note.clone(), signed.clone());
    let stats = tokio::task::spawn_blocking(move || -> Result<Tally, FollowError> {
        if let Some(old) = &old_c
            && old.size() < new_c.size()
        {
            tiles::check_consistency_with_tiles(
                old.size(),
                old.root(),
                new_c.size(),
                new_c.root(),
                &tiles,
            )
            .map_err(|e| FollowError::Fork {
                why: format!(
                    "the tree of {} entries does not extend the one of {} seen before ({e})",
                    new_c.size(),
                    old.size()
                ),
                before: before_note,
                now: now_note,
            })?;
        }
        if full {
            audit_everything(&tiles, &new_c, old_c.as_ref(), &*progress)
        } else {
            Ok(Tally::default())
        }
    })
    .await
    .map_err(|e| FollowError::Fetch(e.to_string()))??;
    State {
        vkey: key.to_vkey(),
        checkpoint: Some(signed.clone()),
    }
    .save(state_path)?;
    Ok((
        Followed {
            origin: new.origin().to_string(),
            size: new.size(),
            previous_size: old.map(|o| o.size()),
            signed_checkpoint: signed,
            pinned_now,
        },
        stats,
    ))
}

/// Downloads every entry bundle and hash tile of the tree, recomputes every hash from the
/// entries, and compares: the root with the checkpoint's, every tile with what was served,
/// and the old root (if any) with the new tree's prefix.
fn audit_everything(
    reader: &HttpTiles,
    cp: &Checkpoint,
    old: Option<&Checkpoint>,
    progress: &(dyn Fn(u64, u64) + Send + Sync),
) -> Result<Tally, FollowError> {
    let size = cp.size();
    let mut log = MemoryLog::default();
    let mut stats = Tally::default();
    let bundles = tiles::entry_bundles_for_size(size);
    let hash_tiles: Vec<Tile> = tiles::tiles_for_size(size)
        .into_iter()
        .filter(|t| matches!(t.kind(), TileKind::Hashes { .. }))
        .collect();
    let total = (bundles.len() + hash_tiles.len()) as u64;
    let mut done = 0u64;
    progress(done, total);
    for bundle in bundles {
        let data = reader
            .get(&bundle.path())
            .map_err(|e| FollowError::Fetch(e.to_string()))?;
        let entries = tiles::parse_entry_bundle(&data)
            .map_err(|e| FollowError::Invalid(format!("{}: {e}", bundle.path())))?;
        if entries.len() != usize::from(bundle.width()) {
            return Err(FollowError::Invalid(format!(
                "{} has {} entries, not {}",
                bundle.path(),
                entries.len(),
                bundle.width()
            )));
        }
        for e in entries {
            log.append(e)
                .map_err(|e| FollowError::Invalid(e.to_string()))?;
            stats.add_note(e);
        }
        done += 1;
        progress(done, total);
    }
    let root = log
        .root()
        .map_err(|e| FollowError::Invalid(e.to_string()))?;
    if &root != cp.root() {
        return Err(FollowError::Inconsistent(format!(
            "the entries do not hash to the signed root of size {size}: an entry was changed"
        )));
    }
    for tile in hash_tiles {
        let expected = tiles::read_tile_data(&tile, size, &log)
            .map_err(|e| FollowError::Invalid(e.to_string()))?;
        let served = reader
            .get(&tile.path())
            .map_err(|e| FollowError::Fetch(e.to_string()))?;
        if served != expected {
            return Err(FollowError::Inconsistent(format!(
                "{} does not match the entries: a stored hash was changed",
                tile.path()
            )));
        }
        done += 1;
        progress(done, total);
    }
    if let Some(old) = old {
        let old_root: Hash = log
            .root_at(old.size())
            .map_err(|e| FollowError::Invalid(e.to_string()))?;
        if &old_root != old.root() {
            return Err(FollowError::Inconsistent(format!(
                "the first {} entries changed since the last check",
                old.size()
            )));
        }
    }
    Ok(stats)
}
