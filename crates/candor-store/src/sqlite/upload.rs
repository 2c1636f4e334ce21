//! Writing a submission: ciphertext arrives piece by piece, is cut into chunks, and is
//! written in batches; nothing becomes visible until [`SqliteUpload::commit`].

use sha2::{Digest, Sha256};
use sqlx::{Row, SqliteConnection};

use super::{SqliteStore, insert_audit, insert_pending_blob};
use crate::{
    BlobRef, CHUNK_BYTES, CaseTarget, CommitPlan, Committed, Replacement, Status, StoreError,
    Upload,
};
use async_trait::async_trait;

/// Ciphertext held in memory per upload before it is written in one transaction.
const FLUSH_BYTES: usize = 8 * CHUNK_BYTES;

/// Ciphertext held by all uploads of the process together beyond which each upload writes
/// its full chunks as soon as it has any: many slow uploads at once then hold about a
/// chunk each, not a whole batch each.
const SERVER_HELD_BYTES: usize = 64 * CHUNK_BYTES;

/// Ciphertext held in memory by every upload of this process (not counting batches being
/// written).
static HELD: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn held_all() -> usize {
    HELD.load(std::sync::atomic::Ordering::Relaxed)
}

struct BlobBuf {
    /// Row id, once the blob has been written to the database.
    id: Option<i64>,
    next_seq: i64,
    /// The chunk being filled.
    current: Vec<u8>,
    /// Full chunks waiting to be written.
    full: Vec<Vec<u8>>,
    size: u64,
    hash: CiphertextHash,
    finished: bool,
    discarded: bool,
}

/// The SHA-256 of a blob's ciphertext, computed by the batch writer as it writes full
/// chunks (off the request's task) and completed with the rest when the blob is finished.
enum CiphertextHash {
    /// Everything before the blob's chunks in `full` and `current` is hashed.
    Hashing(Sha256),
    /// With the batch in flight, which hashes the chunks it writes and gives it back.
    InFlight,
    Done([u8; 32]),
}

/// Chunks of one blob written by a batch.
struct BatchBlob {
    index: usize,
    /// The blob's row, or `None` if the batch must create it.
    id: Option<i64>,
    first_seq: i64,
    chunks: Vec<Vec<u8>>,
    /// The blob's ciphertext hash so far, to be continued with these chunks (`None` once
    /// the blob is finished: its hash is complete).
    hash: Option<Sha256>,
}

/// What a batch written in the background gives back.
struct Written {
    /// Rows the batch created: blob index and id.
    created: Vec<(usize, i64)>,
    /// Blob index and hash state, continued over the chunks written.
    hashes: Vec<(usize, Sha256)>,
    /// The chunk buffers, for reuse.
    buffers: Vec<Vec<u8>>,
}

type BatchResult = Result<Written, StoreError>;

/// An upload in progress. Dropping it without committing deletes what it wrote.
///
/// Full chunks are written in batches by a background task while the request goes on
/// reading and encrypting (one batch in flight at a time, so at most two batches of
/// ciphertext are in memory); that task also hashes the chunks it writes, so the
/// request's task does not. `commit` waits for the batch in flight first.
pub struct SqliteUpload {
    store: SqliteStore,
    token: [u8; 16],
    blobs: Vec<BlobBuf>,
    held_bytes: usize,
    wrote_any: bool,
    /// Whether batches were written: only then can this upload have filled the WAL
    /// enough for a checkpoint to write into the database file.
    batched: bool,
    done: bool,
    in_flight: Option<tokio::task::JoinHandle<BatchResult>>,
    /// Bytes of the batch in flight, counted as held until it is written.
    in_flight_bytes: usize,
    /// Chunk buffers given back by written batches.
    spare: Vec<Vec<u8>>,
}

impl SqliteUpload {
    pub(super) fn new(store: SqliteStore) -> Result<SqliteUpload, StoreError> {
        let mut token = [0u8; 16];
        getrandom::fill(&mut token).map_err(|_| StoreError::Random)?;
        Ok(SqliteUpload {
            store,
            token,
            blobs: Vec::new(),
            held_bytes: 0,
            wrote_any: false,
            batched: false,
            done: false,
            in_flight: None,
            in_flight_bytes: 0,
            spare: Vec::new(),
        })
    }

    fn hold(&mut self, bytes: usize) {
        self.held_bytes += bytes;
        HELD.fetch_add(bytes, std::sync::atomic::Ordering::Relaxed);
    }

    fn release(&mut self, bytes: usize) {
        let bytes = bytes.min(self.held_bytes);
        self.held_bytes -= bytes;
        HELD.fetch_sub(bytes, std::sync::atomic::Ordering::Relaxed);
    }

    pub(crate) fn new_blob(&mut self) -> BlobRef {
        self.blobs.push(BlobBuf {
            id: None,
            next_seq: 0,
            current: Vec::new(),
            full: Vec::new(),
            size: 0,
            hash: CiphertextHash::Hashing(Sha256::new()),
            finished: false,
            discarded: false,
        });
        BlobRef(self.blobs.len() - 1)
    }

    fn buf(&mut self, blob: BlobRef) -> Result<&mut BlobBuf, StoreError> {
        self.blobs
            .get_mut(blob.0)
            .ok_or(StoreError::Corrupt("unknown blob in upload"))
    }

    pub(crate) async fn append(
        &mut self,
        blob: BlobRef,
        mut data: &[u8],
    ) -> Result<(), StoreError> {
        let spare = &mut self.spare;
        let buf = self
            .blobs
            .get_mut(blob.0)
            .ok_or(StoreError::Corrupt("unknown blob in upload"))?;
        if buf.finished || buf.discarded {
            return Err(StoreError::Corrupt("append to a closed blob"));
        }
        buf.size += data.len() as u64;
        let added = data.len();
        while !data.is_empty() {
            if buf.current.capacity() == 0 {
                match spare.pop() {
                    Some(reused) => buf.current = reused,
                    None => buf
                        .current
                        .reserve_exact(CHUNK_BYTES.min(data.len().max(64 * 1024))),
                }
            }
            let room = CHUNK_BYTES - buf.current.len();
            let take = room.min(data.len());
            buf.current.extend_from_slice(&data[..take]);
            data = &data[take..];
            if buf.current.len() == CHUNK_BYTES {
                let chunk = std::mem::take(&mut buf.current);
                buf.full.push(chunk);
            }
        }
        self.hold(added);
        let crowded =
            held_all() >= SERVER_HELD_BYTES && self.blobs.iter().any(|b| !b.full.is_empty());
        if self.held_bytes.saturating_sub(self.in_flight_bytes) >= FLUSH_BYTES || crowded {
            self.flush().await?;
        }
        Ok(())
    }

    pub(crate) async fn finish_blob(
        &mut self,
        blob: BlobRef,
    ) -> Result<(u64, [u8; 32]), StoreError> {
        if matches!(self.buf(blob)?.hash, CiphertextHash::InFlight) {
            self.settle().await?;
        }
        let buf = self.buf(blob)?;
        if buf.finished || buf.discarded {
            return Err(StoreError::Corrupt("finish of a closed blob"));
        }
        let CiphertextHash::Hashing(mut hash) =
            std::mem::replace(&mut buf.hash, CiphertextHash::InFlight)
        else {
            return Err(StoreError::Corrupt("blob hash not available"));
        };
        for chunk in buf.full.iter().chain(std::iter::once(&buf.current)) {
            hash.update(chunk);
        }
        let digest: [u8; 32] = hash.finalize().into();
        buf.hash = CiphertextHash::Done(digest);
        buf.finished = true;
        // The partial chunk is the blob's last: it joins the full ones for the next batch,
        // trimmed to its length. Kept as it was, each small file of a request would hold a
        // chunk buffer (64 KiB or more) until the commit.
        let mut last = std::mem::take(&mut buf.current);
        if !last.is_empty() {
            last.shrink_to_fit();
            buf.full.push(last);
        }
        Ok((buf.size, digest))
    }

    pub(crate) fn blob_sha256(&self, blob: BlobRef) -> Option<[u8; 32]> {
        match self.blobs.get(blob.0)? {
            BlobBuf {
                finished: true,
                discarded: false,
                hash: CiphertextHash::Done(digest),
                ..
            } => Some(*digest),
            _ => None,
        }
    }

    pub(crate) fn discard_blob(&mut self, blob: BlobRef) -> Result<(), StoreError> {
        let buf = self.buf(blob)?;
        buf.discarded = true;
        let held = buf.current.len() + buf.full.iter().map(Vec::len).sum::<usize>();
        buf.current = Vec::new();
        buf.full = Vec::new();
        self.release(held);
        Ok(())
    }

    /// Waits for the batch in flight, if any, and records the rows it created and the
    /// hash states it continued.
    async fn settle(&mut self) -> Result<(), StoreError> {
        let Some(task) = self.in_flight.take() else {
            return Ok(());
        };
        let written = std::mem::take(&mut self.in_flight_bytes);
        self.release(written);
        let written = task
            .await
            .map_err(|_| StoreError::Corrupt("a batch writer stopped"))??;
        for (index, id) in written.created {
            if let Some(buf) = self.blobs.get_mut(index) {
                buf.id = Some(id);
            }
        }
        for (index, hash) in written.hashes {
            if let Some(buf) = self.blobs.get_mut(index) {
                buf.hash = CiphertextHash::Hashing(hash);
            }
        }
        for mut b in written.buffers {
            if b.capacity() == CHUNK_BYTES && self.spare.len() < 8 {
                b.clear();
                self.spare.push(b);
            }
        }
        Ok(())
    }

    /// Hands the full chunks held to a background task that writes them in one
    /// transaction (still invisible: marked with the token), after the previous batch.
    async fn flush(&mut self) -> Result<(), StoreError> {
        self.settle().await?;
        let mut batch = Vec::new();
        let mut moved = 0usize;
        for (index, buf) in self.blobs.iter_mut().enumerate() {
            if buf.discarded || buf.full.is_empty() {
                continue;
            }
            let chunks = std::mem::take(&mut buf.full);
            moved += chunks.iter().map(Vec::len).sum::<usize>();
            let first_seq = buf.next_seq;
            buf.next_seq +=
                i64::try_from(chunks.len()).map_err(|_| StoreError::Corrupt("too many chunks"))?;
            let hash = match std::mem::replace(&mut buf.hash, CiphertextHash::InFlight) {
                CiphertextHash::Hashing(hash) => Some(hash),
                done @ CiphertextHash::Done(_) => {
                    buf.hash = done;
                    None
                }
                CiphertextHash::InFlight => {
                    return Err(StoreError::Corrupt("two batches of one blob in flight"));
                }
            };
            batch.push(BatchBlob {
                index,
                id: buf.id,
                first_seq,
                chunks,
                hash,
            });
        }
        if batch.is_empty() {
            return Ok(());
        }
        // The batch's bytes stay counted as held (by the process: see HELD) until it has
        // been written, so that uploads waiting for the one writer count too.
        self.in_flight_bytes = moved;
        self.wrote_any = true;
        self.batched = true;
        let pool = self.store.writer().clone();
        let token = self.token;
        let cache = self.store.cache.clone();
        self.in_flight = Some(tokio::spawn(async move {
            let mut conn = pool.acquire().await?;
            // Restored to FULL when the connection goes back to the pool (see writer_pool).
            sqlx::query("PRAGMA synchronous = NORMAL")
                .execute(&mut *conn)
                .await?;
            let mut tx = sqlx::Connection::begin(&mut *conn).await?;
            let mut created = Vec::new();
            let mut hashes = Vec::new();
            let mut buffers = Vec::new();
            for mut b in batch {
                let id = match b.id {
                    Some(id) => id,
                    None => {
                        let id = insert_pending_blob(&mut tx, &token).await?;
                        created.push((b.index, id));
                        id
                    }
                };
                for (seq, chunk) in (b.first_seq..).zip(b.chunks) {
                    let insert = sqlx::query(
                        "INSERT INTO blob_chunks (blob_id, seq, data) VALUES ($1, $2, $3)",
                    )
                    .bind(id)
                    .bind(seq)
                    .bind(&chunk)
                    .execute(&mut *tx);
                    // Hash the chunk while SQLite's thread writes it.
                    let hashing = async {
                        if let Some(hash) = &mut b.hash {
                            hash.update(&chunk);
                        }
                    };
                    let (inserted, ()) = tokio::join!(insert, hashing);
                    inserted?;
                    buffers.push(chunk);
                }
                if let Some(hash) = b.hash {
                    hashes.push((b.index, hash));
                }
            }
            tx.commit().await?;
            // The commit may have run a checkpoint: what it synced to the database file
            // need not stay in memory.
            cache.release_written();
            Ok(Written {
                created,
                hashes,
                buffers,
            })
        }));
        Ok(())
    }

    async fn write_held(
        &mut self,
        conn: &mut SqliteConnection,
        all: bool,
    ) -> Result<(), StoreError> {
        let token = self.token;
        let mut written = 0usize;
        for buf in self.blobs.iter_mut().filter(|b| !b.discarded) {
            // The partial chunk of a finished blob is its last chunk: write it too.
            if (buf.finished || all) && !buf.current.is_empty() {
                let last = std::mem::take(&mut buf.current);
                buf.full.push(last);
            }
            let needs_row = buf.id.is_none() && (!buf.full.is_empty() || buf.finished || all);
            if needs_row {
                buf.id = Some(insert_pending_blob(conn, &token).await?);
                self.wrote_any = true;
            }
            let Some(id) = buf.id else { continue };
            for chunk in buf.full.drain(..) {
                sqlx::query("INSERT INTO blob_chunks (blob_id, seq, data) VALUES ($1, $2, $3)")
                    .bind(id)
                    .bind(buf.next_seq)
                    .bind(&chunk)
                    .execute(&mut *conn)
                    .await?;
                buf.next_seq += 1;
                written += chunk.len();
            }
        }
        self.release(written);
        Ok(())
    }

    pub(crate) async fn commit(mut self, plan: CommitPlan) -> Result<Committed, StoreError> {
        for item in &plan.items {
            for blob in std::iter::once(item.blob).chain(item.meta) {
                let buf = self.buf(blob)?;
                if !buf.finished || buf.discarded {
                    return Err(StoreError::Corrupt("commit of an unfinished blob"));
                }
            }
        }
        self.settle().await?;
        let mut tx = self.store.writer().begin().await?;
        self.write_held(&mut tx, true).await?;

        let case_id = match &plan.case {
            CaseTarget::New {
                reference,
                lookup_key,
                reporter_recipient,
            } => {
                let row = sqlx::query(
                    "INSERT INTO cases (id, reference, lookup_key, reporter_recipient, status, received_day) \
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(super::random_id()?)
                .bind(reference)
                .bind(&lookup_key[..])
                .bind(reporter_recipient)
                .bind(Status::Received.as_str())
                .bind(plan.day.to_string())
                .fetch_one(&mut *tx)
                .await?;
                row.try_get::<i64, _>(0)?
            }
            CaseTarget::Existing(id) => {
                sqlx::query("SELECT id FROM cases WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or(StoreError::NoSuchCase)?;
                *id
            }
        };

        let message_id: i64 = sqlx::query(
            "INSERT INTO messages (id, case_id, author, day, seq) VALUES ($1, $2, $3, $4, \
             (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE case_id = $2)) RETURNING id",
        )
        .bind(super::random_id()?)
        .bind(case_id)
        .bind(plan.author.as_str())
        .bind(plan.day.to_string())
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;

        let mut ciphertext_sha256 = Vec::new();
        for (position, item) in plan.items.iter().enumerate() {
            let blob_id = self
                .seal_blob(&mut tx, item.blob, &mut ciphertext_sha256)
                .await?;
            let meta_id = match item.meta {
                Some(meta) => Some(
                    self.seal_blob(&mut tx, meta, &mut ciphertext_sha256)
                        .await?,
                ),
                None => None,
            };
            sqlx::query(
                "INSERT INTO items (id, message_id, position, kind, blob_id, meta_blob_id) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(super::random_id()?)
            .bind(message_id)
            .bind(i64::try_from(position).map_err(|_| StoreError::Corrupt("too many items"))?)
            .bind(item.kind.as_str())
            .bind(blob_id)
            .bind(meta_id)
            .execute(&mut *tx)
            .await?;
        }
        if let Some(note) = &plan.log_entry {
            sqlx::query("INSERT INTO log_pending (id, note) VALUES ($1, $2)")
                .bind(super::random_id()?)
                .bind(note)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(audit) = &plan.audit {
            insert_audit(&mut tx, audit).await?;
        }
        // Blobs written but not part of the message (discarded ones) go now.
        sqlx::query("DELETE FROM blobs WHERE upload = $1")
            .bind(&self.token[..])
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.done = true;
        // A small message leaves the cache alone (readers keep their pages).
        if self.batched {
            self.store.cache.release_written();
        }
        Ok(Committed {
            case_id,
            message_id,
            ciphertext_sha256,
        })
    }

    pub(crate) async fn commit_replacements(
        mut self,
        replacements: &[Replacement],
    ) -> Result<(), StoreError> {
        for blob in replacements
            .iter()
            .flat_map(|r| std::iter::once(r.content).chain(r.meta))
        {
            let buf = self.buf(blob)?;
            if !buf.finished || buf.discarded {
                return Err(StoreError::Corrupt("commit of an unfinished blob"));
            }
        }
        self.settle().await?;
        let mut tx = self.store.writer().begin().await?;
        self.write_held(&mut tx, true).await?;
        let mut hashes = Vec::new();
        for r in replacements {
            let old = sqlx::query("SELECT blob_id, meta_blob_id FROM items WHERE id = $1")
                .bind(r.item_id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::Corrupt("no such item"))?;
            let old_blob: i64 = old.try_get(0)?;
            let old_meta: Option<i64> = old.try_get(1)?;
            if old_meta.is_some() != r.meta.is_some() {
                return Err(StoreError::Corrupt(
                    "metadata must be replaced with the file",
                ));
            }
            let new_blob = self.seal_blob(&mut tx, r.content, &mut hashes).await?;
            let new_meta = match r.meta {
                Some(m) => Some(self.seal_blob(&mut tx, m, &mut hashes).await?),
                None => None,
            };
            sqlx::query("UPDATE items SET blob_id = $1, meta_blob_id = $2 WHERE id = $3")
                .bind(new_blob)
                .bind(new_meta)
                .bind(r.item_id)
                .execute(&mut *tx)
                .await?;
            for old in std::iter::once(old_blob).chain(old_meta) {
                sqlx::query("DELETE FROM blob_chunks WHERE blob_id = $1")
                    .bind(old)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM blobs WHERE id = $1")
                    .bind(old)
                    .execute(&mut *tx)
                    .await?;
            }
            insert_audit(&mut tx, &r.audit).await?;
        }
        sqlx::query("DELETE FROM blobs WHERE upload = $1")
            .bind(&self.token[..])
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.done = true;
        // The old ciphertext's pages are overwritten in the database file (secure_delete)
        // only when the WAL is checkpointed: do it now rather than at some later moment.
        self.store.truncate_wal().await;
        self.store.cache.release_written();
        Ok(())
    }

    async fn seal_blob(
        &mut self,
        conn: &mut SqliteConnection,
        blob: BlobRef,
        hashes: &mut Vec<[u8; 32]>,
    ) -> Result<i64, StoreError> {
        let buf = self.buf(blob)?;
        let id = buf.id.ok_or(StoreError::Corrupt("blob without a row"))?;
        let size = i64::try_from(buf.size).map_err(|_| StoreError::Corrupt("blob too large"))?;
        let CiphertextHash::Done(hash) = buf.hash else {
            return Err(StoreError::Corrupt("commit of an unfinished blob"));
        };
        let updated =
            sqlx::query("UPDATE blobs SET upload = NULL, size = $1, sha256 = $2 WHERE id = $3")
                .bind(size)
                .bind(&hash[..])
                .bind(id)
                .execute(conn)
                .await?
                .rows_affected();
        if updated != 1 {
            return Err(StoreError::Corrupt("blob row missing at commit"));
        }
        hashes.push(hash);
        Ok(id)
    }
}

impl Drop for SqliteUpload {
    fn drop(&mut self) {
        let held = self.held_bytes;
        self.release(held);
        if self.done || !self.wrote_any {
            return;
        }
        // The request failed or the client went away: remove what was written, once the
        // batch in flight (if any) has finished writing.
        let store = self.store.clone();
        let token = self.token;
        let in_flight = self.in_flight.take();
        if let Ok(handle) = tokio::runtime::Handle::try_current() {
            handle.spawn(async move {
                if let Some(task) = in_flight {
                    let _ = task.await;
                }
                let result = sqlx::query("DELETE FROM blobs WHERE upload = $1")
                    .bind(&token[..])
                    .execute(store.writer())
                    .await;
                match result {
                    Ok(_) => store.truncate_wal().await,
                    Err(_) => tracing::warn!(
                        "could not remove an interrupted upload; it will be removed at the next start"
                    ),
                }
            });
        }
    }
}

#[async_trait]
impl Upload for SqliteUpload {
    fn new_blob(&mut self) -> BlobRef {
        SqliteUpload::new_blob(self)
    }

    async fn append(&mut self, blob: BlobRef, data: &[u8]) -> Result<(), StoreError> {
        SqliteUpload::append(self, blob, data).await
    }

    async fn finish_blob(&mut self, blob: BlobRef) -> Result<(u64, [u8; 32]), StoreError> {
        SqliteUpload::finish_blob(self, blob).await
    }

    fn blob_sha256(&self, blob: BlobRef) -> Option<[u8; 32]> {
        SqliteUpload::blob_sha256(self, blob)
    }

    fn discard_blob(&mut self, blob: BlobRef) -> Result<(), StoreError> {
        SqliteUpload::discard_blob(self, blob)
    }

    async fn commit(self: Box<Self>, plan: CommitPlan) -> Result<Committed, StoreError> {
        SqliteUpload::commit(*self, plan).await
    }

    async fn commit_replacements(
        self: Box<Self>,
        replacements: &[Replacement],
    ) -> Result<(), StoreError> {
        SqliteUpload::commit_replacements(*self, replacements).await
    }
}
