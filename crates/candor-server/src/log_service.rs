//! The server side of the sealed status log: its key, entries for receipts and decisions,
//! integration in shuffled batches, checkpoints, tiles, certificates, cosignatures and
//! statistics. Storage goes through [`Store`]; the Merkle work runs on the blocking pool.

use std::collections::HashMap;

use std::path::Path;
use std::sync::Arc;

use candor_log::keys::{KeyError, generate_signer, read_private_key, write_private_key};

use tokio::runtime::Handle;

use candor_core::days::Day;
use candor_log::certificate::Certificate;
use candor_log::checkpoint::Checkpoint;
use candor_log::classification::{Facts, Message};
use candor_log::entry::{Entry, EntryError, Kind, Opening};
use candor_log::merkle::{self, EMPTY_ROOT, Hash, HashReader, leaf_hash, stored_hash_count};
use candor_log::note::{KeyType, Note, NoteSignature, Signer, Verifier, Verifiers};
use candor_log::proof::TlogProof;
use candor_log::stats::{Statistics, Tally};
use candor_log::tiles::{self, Tile, TileKind};
use candor_store::{Audit, Integration, NewLeaf, Store, StoreError};

/// File in `data_dir` holding the log's private key.
pub const LOG_KEY_FILE: &str = "log.key";
/// Entries read from the database at a time when the statistics catch up.
const STATISTICS_BATCH: u64 = 4096;

/// Errors of the log service; messages never include content.
#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error("{0}")]
    Key(String),
    #[error(transparent)]
    KeyFile(#[from] KeyError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the log's data is inconsistent: {0}")]
    Internal(String),
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Entry(#[from] EntryError),
}

fn internal(e: impl std::fmt::Display) -> LogError {
    LogError::Internal(e.to_string())
}

/// Reads the log's stored hashes from the database (blocking; call on the blocking pool),
/// with the hashes of a batch being integrated laid over them.
struct DbHashes<'a> {
    store: &'a dyn Store,
    handle: Handle,
    overlay: &'a HashMap<u64, Hash>,
}

#[derive(Debug, thiserror::Error)]
#[error("log storage: {0}")]
struct ReadError(String);

impl HashReader for DbHashes<'_> {
    type Error = ReadError;

    fn read_hashes(&self, indexes: &[u64]) -> Result<Vec<Hash>, ReadError> {
        let missing: Vec<u64> = indexes
            .iter()
            .copied()
            .filter(|i| !self.overlay.contains_key(i))
            .collect();
        let fetched = if missing.is_empty() {
            Vec::new()
        } else {
            self.handle
                .block_on(self.store.log_hashes(&missing))
                .map_err(|e| ReadError(e.to_string()))?
        };
        let fetched: HashMap<u64, [u8; 32]> = missing
            .iter()
            .zip(fetched)
            .filter_map(|(i, h)| h.map(|h| (*i, h)))
            .collect();
        indexes
            .iter()
            .map(|i| {
                self.overlay
                    .get(i)
                    .copied()
                    .or_else(|| fetched.get(i).map(|h| Hash(*h)))
                    .ok_or_else(|| ReadError(format!("hash {i} is missing")))
            })
            .collect()
    }
}

/// Where a certificate stands.
pub enum CertificateState {
    /// Not yet in the log: it will be after the next integration.
    Pending,
    Ready(String),
}

/// What a reporter's message is, for the record the server signs: a report or a
/// follow-up (`report-received`), or a report of reprisal (`reprisal-reported`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrived {
    Message(Message),
    Reprisal,
}

/// The sealed status log of this server.
pub struct LogService {
    store: Arc<dyn Store>,
    signer: Signer,
    body: Option<Verifier>,
    body_name: String,
    integration: tokio::sync::Mutex<()>,
    /// The statistics counted so far: entries counted, and their tally.
    tally: tokio::sync::Mutex<(u64, Tally)>,
}

impl LogService {
    /// Loads the log key from `data_dir` (creating it, named `origin`, on first start),
    /// and signs the empty tree's checkpoint if the log has none.
    pub async fn open(
        store: Arc<dyn Store>,
        data_dir: &Path,
        origin: &str,
        body_vkey: Option<&str>,
        body_name: &str,
    ) -> Result<LogService, LogError> {
        let key_path = data_dir.join(LOG_KEY_FILE);
        let signer = if key_path.exists() {
            let signer = read_private_key(&key_path)?;
            if signer.name() != origin {
                return Err(LogError::Key(format!(
                    "setting `log_origin`: the log in data_dir has origin {:?}; a log's origin cannot change",
                    signer.name()
                )));
            }
            signer
        } else {
            // A new key would go on signing the same log under another key: followers and
            // certificates would stop verifying, silently. Only a new log gets a new key.
            if store.latest_checkpoint().await?.is_some() {
                return Err(LogError::Key(format!(
                    "setting `data_dir`: {} is missing but the database holds a log; restore it from the backup",
                    key_path.display()
                )));
            }
            let signer = generate_signer(origin).map_err(|_| {
                LogError::Key(format!(
                    "setting `log_origin`: {origin:?} cannot name a key"
                ))
            })?;
            write_private_key(&key_path, &signer)?;
            signer
        };
        let body = match body_vkey {
            Some(v) => Some(Verifier::from_vkey(v).map_err(|_| {
                LogError::Key("setting `body.decision_key`: not a C2SP verifier key (see `candor keygen body`)".into())
            })?),
            None => None,
        };
        let service = LogService {
            store,
            signer,
            body,
            body_name: body_name.to_string(),
            integration: tokio::sync::Mutex::new(()),
            tally: tokio::sync::Mutex::new((0, Tally::default())),
        };
        if service.store.latest_checkpoint().await?.is_none() {
            let note = Checkpoint::new(origin, 0, EMPTY_ROOT)
                .and_then(|c| c.sign(&service.signer))
                .map_err(internal)?;
            service
                .store
                .integrate_log(&Integration {
                    pending_ids: Vec::new(),
                    entries: Vec::new(),
                    hashes: Vec::new(),
                    checkpoint: Some((0, note)),
                })
                .await?;
        }
        Ok(service)
    }

    pub fn origin(&self) -> &str {
        self.signer.name()
    }

    /// The log's public key (C2SP vkey).
    pub fn vkey(&self) -> String {
        self.signer.verifier().to_vkey()
    }

    /// The body's decision key, if configured.
    pub fn body_vkey(&self) -> Option<String> {
        self.body.as_ref().map(Verifier::to_vkey)
    }

    /// The entry for a stored submission: its opening (to seal into the conversation) and
    /// the entry signed by the log key (to queue).
    pub fn report_received(
        &self,
        case: &str,
        (ciphertexts, plaintexts): (Vec<[u8; 32]>, Vec<[u8; 32]>),
        what: Arrived,
        day: Day,
    ) -> Result<(String, Vec<u8>), LogError> {
        let (kind, facts) = match what {
            Arrived::Message(message) => (Kind::ReportReceived, Facts::received(message)),
            Arrived::Reprisal => (Kind::ReprisalReported, Facts::default()),
        };
        let opening = Opening::new(
            case,
            kind,
            &day.to_string(),
            &self.body_name,
            None,
            ciphertexts,
            "",
        )?
        .with_plaintexts(plaintexts)?
        .with_facts(facts)?;
        let note = candor_log::note::sign(&opening.entry().to_text(), &[&self.signer])
            .map_err(internal)?;
        Ok((opening.to_text(), note.into_bytes()))
    }

    /// Checks a decision signed on a workstation: signed by the configured body key, a
    /// decision kind, dated today (or yesterday/tomorrow, for time zones), and (version 2)
    /// counting the whole weeks since the case's first report (`received`) right.
    pub fn check_decision(
        &self,
        note: &[u8],
        today: Day,
        received: Day,
    ) -> Result<Entry, LogError> {
        let body = self.body.as_ref().ok_or_else(|| {
            LogError::Refused(
                "no body decision key is configured on the server (setting `body.decision_key`)"
                    .into(),
            )
        })?;
        let parsed = Note::parse(note)
            .map_err(|e| LogError::Refused(format!("the signed entry is malformed: {e}")))?;
        let known = Verifiers::new([body.clone()]).map_err(internal)?;
        let verified = parsed.verify(&known).map_err(|_| {
            LogError::Refused("the decision is not signed by the body's decision key".into())
        })?;
        if !verified.is_signed_by(body) {
            return Err(LogError::Refused(
                "the decision is not signed by the body's decision key".into(),
            ));
        }
        let entry = Entry::parse(parsed.text())?;
        if !entry.kind.is_decision() {
            return Err(LogError::Refused(format!(
                "{} is not a decision",
                entry.kind
            )));
        }
        let day: Day = entry
            .day
            .parse()
            .map_err(|_| LogError::Refused("bad day".into()))?;
        if (today.days_until(day)).abs() > 1 {
            return Err(LogError::Refused(format!(
                "a decision must be dated today ({today})"
            )));
        }
        if let Some(weeks) = entry.facts.and_then(|f| f.weeks) {
            let expected = Facts::weeks_between(received, day);
            if expected != Some(weeks) {
                return Err(LogError::Refused(format!(
                    "the decision counts {weeks} weeks since the report, but the case was received on {received}"
                )));
            }
        }
        Ok(entry)
    }

    /// Integrates the pending entries (shuffled) and signs a new checkpoint. Returns the
    /// new size, or `None` when nothing was pending (an unchanged tree is not re-signed).
    pub async fn integrate(&self) -> Result<Option<u64>, LogError> {
        let _one_at_a_time = self.integration.lock().await;
        let pending = self.store.pending_log_entries().await?;
        if pending.is_empty() {
            return Ok(None);
        }
        let start = self.store.log_size().await?;
        let store = self.store.clone();
        let signer = self.signer.clone();
        let batch =
            tokio::task::spawn_blocking(move || build_batch(&*store, &signer, start, pending))
                .await
                .map_err(internal)??;
        let size = batch.checkpoint.as_ref().map(|c| c.0);
        self.store.integrate_log(&batch).await?;
        Ok(size)
    }

    /// The newest checkpoint as the log signed it (without cosignatures), and its size.
    pub async fn bare_checkpoint(&self) -> Result<(u64, String), LogError> {
        self.store
            .latest_checkpoint()
            .await?
            .ok_or_else(|| internal("no checkpoint"))
    }

    /// A consistency proof from the tree of `old` entries to that of `new` (RFC 9162).
    pub async fn consistency_proof(&self, old: u64, new: u64) -> Result<Vec<Hash>, LogError> {
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || {
            let overlay = HashMap::new();
            let reader = DbHashes {
                store: &*store,
                handle: Handle::current(),
                overlay: &overlay,
            };
            candor_log::merkle::prove_tree(new, old, &reader).map_err(internal)
        })
        .await
        .map_err(internal)?
    }

    /// The newest signed checkpoint, with the cosignatures witnesses sent for it.
    pub async fn signed_checkpoint(&self) -> Result<(u64, String), LogError> {
        let (size, note) = self
            .store
            .latest_checkpoint()
            .await?
            .ok_or_else(|| internal("no checkpoint"))?;
        let cosignatures = self.store.cosignatures(size).await?;
        if cosignatures.is_empty() {
            return Ok((size, note));
        }
        let mut parsed = Note::parse(note.as_bytes()).map_err(internal)?;
        for line in cosignatures {
            if let Ok(sig) = NoteSignature::parse_line(&line) {
                let _ = parsed.add_signature(sig);
            }
        }
        Ok((size, parsed.to_text()))
    }

    /// The data of a tile (`tile/…` path without the `/log/` prefix); `None` when the path
    /// names no tile of the current tree.
    pub async fn tile(&self, path: &str) -> Result<Option<Vec<u8>>, LogError> {
        let Ok(tile) = Tile::from_path(path) else {
            return Ok(None);
        };
        let (size, _) = self
            .store
            .latest_checkpoint()
            .await?
            .ok_or_else(|| internal("no checkpoint"))?;
        if !tile.is_within(size) {
            return Ok(None);
        }
        match tile.kind() {
            TileKind::Entries => {
                let start = tile.index().saturating_mul(256);
                let notes = self
                    .store
                    .log_entries(start, start + u64::from(tile.width()))
                    .await?;
                tiles::encode_entry_bundle(notes.iter().map(Vec::as_slice))
                    .map(Some)
                    .map_err(internal)
            }
            TileKind::Hashes { .. } => {
                let store = self.store.clone();
                tokio::task::spawn_blocking(move || {
                    let overlay = HashMap::new();
                    let reader = DbHashes {
                        store: &*store,
                        handle: Handle::current(),
                        overlay: &overlay,
                    };
                    tiles::read_tile_data(&tile, size, &reader)
                        .map(Some)
                        .map_err(internal)
                })
                .await
                .map_err(internal)?
            }
        }
    }

    /// The certificate for an opening: its entry, with an inclusion proof in the newest
    /// checkpoint (and that checkpoint's cosignatures).
    pub async fn certificate(&self, opening_text: &str) -> Result<CertificateState, LogError> {
        let opening = Opening::parse(opening_text)?;
        let Some(row) = self
            .store
            .log_entry_by_commitment(&opening.commitment())
            .await?
        else {
            return Ok(CertificateState::Pending);
        };
        let (_, checkpoint) = self.signed_checkpoint().await?;
        let store = self.store.clone();
        let proof = tokio::task::spawn_blocking(move || {
            let overlay = HashMap::new();
            let reader = DbHashes {
                store: &*store,
                handle: Handle::current(),
                overlay: &overlay,
            };
            TlogProof::for_record(row.index, &checkpoint, &reader, None).map_err(internal)
        })
        .await
        .map_err(internal)??;
        let entry = String::from_utf8(row.note).map_err(internal)?;
        Ok(CertificateState::Ready(
            Certificate::new(opening_text, &entry, &proof).to_text(),
        ))
    }

    /// Accepts a witness cosignature of the checkpoint of `size` (c2sp.org/tlog-cosignature)
    /// after verifying it against that checkpoint.
    pub async fn add_cosignature(
        &self,
        size: u64,
        vkey: &str,
        line: &str,
        audit: &Audit,
    ) -> Result<(), LogError> {
        let witness = Verifier::from_vkey(vkey)
            .map_err(|_| LogError::Refused("not a C2SP verifier key".into()))?;
        if witness.key_type() != KeyType::CosignatureV1 {
            return Err(LogError::Refused(
                "a witness key must be a cosignature/v1 key (type 0x04)".into(),
            ));
        }
        let note =
            self.store.checkpoint_at(size).await?.ok_or_else(|| {
                LogError::Refused(format!("there is no checkpoint of size {size}"))
            })?;
        let parsed = Note::parse(note.as_bytes()).map_err(internal)?;
        let sig = NoteSignature::parse_line(line.trim_end())
            .map_err(|_| LogError::Refused("not a signature line (— name base64)".into()))?;
        if sig.name() != witness.name() || sig.key_id() != witness.key_id() {
            return Err(LogError::Refused(
                "the signature line is not from this key".into(),
            ));
        }
        match witness.verify(parsed.text(), sig.signature()) {
            Ok(Some(_timestamp)) => {}
            _ => return Err(LogError::Refused("the cosignature does not verify".into())),
        }
        // Stored by name and key id: a cosignature under the same name from another key
        // never replaces this one.
        let witness_id = format!("{}+{:08x}", witness.name(), witness.key_id());
        self.store
            .add_cosignature(size, &witness_id, &sig.to_line(), audit)
            .await?;
        Ok(())
    }

    /// The published statistics of the log as of its newest signed checkpoint, counted
    /// from the entries themselves (as `candor log verify --stats` counts them). The
    /// count is kept between calls and extended by the entries added since.
    pub async fn statistics(&self, suppress_below: u64) -> Result<Statistics, LogError> {
        let (size, _) = self.signed_checkpoint().await?;
        let mut tally = self.tally.lock().await;
        let (counted, counts) = &mut *tally;
        if *counted > size {
            // The log never shrinks; a restored, older database starts the count anew.
            *counted = 0;
            *counts = Tally::default();
        }
        while *counted < size {
            let end = size.min(*counted + STATISTICS_BATCH);
            for note in self.store.log_entries(*counted, end).await? {
                counts.add_note(&note);
            }
            *counted = end;
        }
        Ok(counts.statistics(self.origin(), size, suppress_below))
    }
}

fn build_batch(
    store: &dyn Store,
    signer: &Signer,
    start: u64,
    pending: Vec<(i64, Vec<u8>)>,
) -> Result<Integration, LogError> {
    let mut overlay: HashMap<u64, Hash> = HashMap::new();
    let mut entries = Vec::new();
    let mut hashes = Vec::new();
    let mut pending_ids = Vec::new();
    let mut size = start;
    for (id, note) in pending {
        pending_ids.push(id);
        // Entries were checked before they were queued; anything unreadable is dropped.
        let Some(entry) = Note::parse(&note)
            .ok()
            .and_then(|n| Entry::parse(n.text()).ok())
        else {
            tracing::warn!("dropped an unreadable pending log entry");
            continue;
        };
        let reader = DbHashes {
            store,
            handle: Handle::current(),
            overlay: &overlay,
        };
        let new = merkle::stored_hashes(size, leaf_hash(&note), &reader).map_err(internal)?;
        let first = stored_hash_count(size);
        for (k, h) in (0u64..).zip(new) {
            overlay.insert(first + k, h);
            hashes.push((first + k, h.0));
        }
        entries.push(NewLeaf {
            index: size,
            note,
            commitment: entry.commitment,
            kind: entry.kind.as_str().to_string(),
            day: entry.day,
        });
        size += 1;
    }
    if entries.is_empty() {
        return Ok(Integration {
            pending_ids,
            entries,
            hashes,
            checkpoint: None,
        });
    }
    let reader = DbHashes {
        store,
        handle: Handle::current(),
        overlay: &overlay,
    };
    let root = merkle::tree_hash(size, &reader).map_err(internal)?;
    let note = Checkpoint::new(signer.name(), size, root)
        .and_then(|c| c.sign(signer))
        .map_err(internal)?;
    Ok(Integration {
        pending_ids,
        entries,
        hashes,
        checkpoint: Some((size, note)),
    })
}
