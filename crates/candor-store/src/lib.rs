//! The store: cases, conversation items and encrypted blobs in chunks, the reviewers'
//! tokens and audit trail, and the sealed status log's tables.
//!
//! The rows live in a database; the ciphertext in a blob folder, each blob a file written
//! once ([`blobs`]). A submission is durable exactly when its final transaction commits,
//! after its files were synced into place; what a failed request or a crash leaves is
//! deleted (at once, or at the next start).
//!
//! [`Store`] and [`Upload`] are the interface; [`open`] picks the implementation from the
//! database URL. The one implementation today is [`sqlite`]; a second database (PostgreSQL)
//! is a module beside it implementing the same traits, with its own migrations, and a case
//! in [`open`]. SQL is kept portable (`$n` placeholders in increasing order, `RETURNING`,
//! no SQLite-only functions) so that it can follow.
#![forbid(unsafe_code)]

pub mod blobs;
pub mod migrate;
pub mod sql;

#[cfg(feature = "tamper")]
pub mod tamper;

use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;
use futures_util::stream::BoxStream;

use candor_core::days::Day;
// The store speaks the domain's types; callers may name them from here.
pub use candor_core::domain::{Author, ItemKind, SealedPart, Status};
use candor_core::receipt::KdfParams;

/// Opens (creating if needed) the database at `url` (`sqlite://PATH`) and the blob folder
/// `blobs`, applies the database's migrations, fixes the install values on first start,
/// and removes what interrupted uploads left behind.
pub async fn open(url: &str, blobs: &Path) -> Result<Arc<dyn Store>, StoreError> {
    Ok(Arc::new(sql::SqlStore::open(url, blobs).await?))
}

/// Opens the database at `url` of a server that may be running, for a command beside it
/// (`candor backup`): no migrations, no clean-up of uploads in progress.
pub async fn attach(url: &str, blobs: &Path) -> Result<Arc<dyn Store>, StoreError> {
    Ok(Arc::new(
        sql::SqlStore::open_beside_server(url, blobs).await?,
    ))
}

/// The file of a `sqlite://PATH` URL (without its `?options`).
pub fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    let rest = url.strip_prefix("sqlite://")?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty()).then(|| std::path::PathBuf::from(path))
}

/// What an unsupported URL is, for the error (its scheme only: a URL may hold a password).
pub(crate) fn scheme(url: &str) -> String {
    let scheme: String = url
        .split(':')
        .next()
        .unwrap_or_default()
        .chars()
        .take(20)
        .collect();
    format!("databases of kind {scheme:?} (use sqlite://PATH or postgres://…)")
}

/// Opens an existing SQLite database without changing anything (for inspection and tests).
pub async fn open_read_only(path: &Path, blobs: &Path) -> Result<Arc<dyn Store>, StoreError> {
    Ok(Arc::new(sql::SqlStore::open_read_only(path, blobs).await?))
}

/// Opens the SQLite database of a server that may be running, for a command beside it.
pub async fn open_beside_server(path: &Path, blobs: &Path) -> Result<Arc<dyn Store>, StoreError> {
    Ok(Arc::new(
        sql::SqlStore::open_beside_server(&format!("sqlite://{}", path.display()), blobs).await?,
    ))
}

/// The sealed status log's tables: entries waiting for integration, the stored hashes of
/// the tree, checkpoints and their cosignatures (a part of [`Store`]).
#[async_trait]
pub trait LogStore: Send + Sync + 'static {
    /// Queues a signed entry for the next integration.
    async fn queue_log_entry(&self, note: &[u8]) -> Result<(), StoreError>;
    /// Entries waiting for integration, in a random order.
    async fn pending_log_entries(&self) -> Result<Vec<(i64, Vec<u8>)>, StoreError>;
    /// Number of leaves in the log.
    async fn log_size(&self) -> Result<u64, StoreError>;
    /// Stored hashes by index; `None` where nothing is stored.
    async fn log_hashes(&self, indexes: &[u64]) -> Result<Vec<Option<[u8; 32]>>, StoreError>;
    /// The leaf whose entry carries `commitment`, if integrated.
    async fn log_entry_by_commitment(
        &self,
        commitment: &[u8; 32],
    ) -> Result<Option<LogEntryRow>, StoreError>;
    /// Writes an integration batch atomically.
    async fn integrate_log(&self, batch: &Integration) -> Result<(), StoreError>;
    /// The newest checkpoint: size and signed note.
    async fn latest_checkpoint(&self) -> Result<Option<(u64, String)>, StoreError>;
    /// The checkpoint of a given size.
    async fn checkpoint_at(&self, size: u64) -> Result<Option<String>, StoreError>;
    /// Whether a pending (not yet integrated) entry has this exact note.
    async fn log_entry_pending(&self, note: &[u8]) -> Result<bool, StoreError>;
    /// Leaves `start..end`, in order.
    async fn log_entries(&self, start: u64, end: u64) -> Result<Vec<Vec<u8>>, StoreError>;
    /// Records a witness's cosignature line for the checkpoint of `size`, and who sent it.
    async fn add_cosignature(
        &self,
        size: u64,
        witness: &str,
        line: &str,
        audit: &Audit,
    ) -> Result<(), StoreError>;
    /// Cosignature lines of the checkpoint of `size`.
    async fn cosignatures(&self, size: u64) -> Result<Vec<String>, StoreError>;
}

/// The store: everything Candor keeps, behind one interface with one implementation
/// per database ([`sqlite`]; PostgreSQL follows). Every change is one transaction; no method
/// returns content in clear (the store holds ciphertext and the few values of the
/// protocol), and no database type crosses it. The log's part is [`LogStore`].
#[async_trait]
pub trait Store: LogStore {
    /// Closes the connections, after the writes in flight.
    async fn close(&self);
    /// The install's receipt salt and KDF parameters.
    async fn install(&self) -> Result<Install, StoreError>;
    /// Deletes every blob whose upload never committed (the server stopped mid-request).
    async fn remove_interrupted_uploads(&self) -> Result<u64, StoreError>;
    /// Starts an upload: blobs written through it stay invisible until it commits.
    fn begin_upload(&self) -> Result<Box<dyn Upload>, StoreError>;
    /// Adds a message made of already sealed parts to a case, in one transaction.
    async fn add_sealed_message(
        &self,
        case_id: i64,
        author: Author,
        day: Day,
        parts: Vec<SealedPart>,
        log_entry: Option<Vec<u8>>,
    ) -> Result<Committed, StoreError>;
    /// Changes a case's status, and records who did it.
    async fn set_status(
        &self,
        case_id: i64,
        status: Status,
        audit: &Audit,
    ) -> Result<(), StoreError>;
    /// An item, only if it belongs to `case_id`.
    async fn case_item(&self, case_id: i64, item_id: i64) -> Result<Option<ItemRow>, StoreError>;
    /// An item and the id of its case.
    async fn item(&self, item_id: i64) -> Result<Option<(i64, ItemRow)>, StoreError>;
    /// Many items in one query, each with its case's reference (the ids of a bulk
    /// request); ids that name no item are absent from the answer.
    async fn items_with_case(
        &self,
        item_ids: &[i64],
    ) -> Result<std::collections::HashMap<i64, (String, ItemRow)>, StoreError>;
    /// Finds a case by its reference.
    async fn case_by_reference(&self, reference: &str) -> Result<Option<CaseRow>, StoreError>;
    /// Records a reviewer's bearer token (its hash), bound to the reviewer's recipient and
    /// valid until `expires_at` (Unix seconds); tokens expired before `now` are dropped.
    async fn insert_token(
        &self,
        token_hash: &[u8],
        reviewer: &str,
        recipient: &str,
        expires_at: i64,
        now: i64,
        audit: &Audit,
    ) -> Result<(), StoreError>;
    /// The reviewer, recipient and expiry of a token hash.
    async fn token(&self, token_hash: &[u8]) -> Result<Option<(String, String, i64)>, StoreError>;
    /// Drops tokens that expired before `now` (Unix seconds).
    async fn remove_expired_tokens(&self, now: i64) -> Result<(), StoreError>;
    /// Appends to the reviewers' audit trail on its own: for reading actions, recorded
    /// before what was read is served.
    async fn audit(&self, audit: &Audit) -> Result<(), StoreError>;
    /// Appends several entries in one transaction (the reads of one bulk request).
    async fn audit_many(&self, audits: &[Audit]) -> Result<(), StoreError>;
    /// The newest `limit` audit entries, newest first, optionally for one case.
    async fn audit_entries(
        &self,
        case_reference: Option<&str>,
        limit: i64,
    ) -> Result<Vec<AuditRow>, StoreError>;
    /// The number of messages of each case.
    async fn message_counts(&self) -> Result<std::collections::HashMap<i64, i64>, StoreError>;
    /// Notes that `reviewer` has seen a case up to its newest message.
    async fn mark_read(&self, reviewer: &str, case_id: i64) -> Result<(), StoreError>;
    /// For each case, the number of the reporter's items `reviewer` has not opened yet.
    async fn unread_items(
        &self,
        reviewer: &str,
    ) -> Result<std::collections::HashMap<i64, i64>, StoreError>;
    /// Finds the case a lookup key opens.
    async fn case_by_lookup(&self, lookup_key: &[u8]) -> Result<Option<CaseRow>, StoreError>;

    async fn case_by_id(&self, id: i64) -> Result<CaseRow, StoreError>;
    /// All cases, oldest first (by day; within a day by reference, which is random).
    async fn cases(&self) -> Result<Vec<CaseRow>, StoreError>;
    /// The conversation of a case, in order, with every item.
    async fn messages(&self, case_id: i64) -> Result<Vec<MessageRow>, StoreError>;
    /// Every case's conversation, by case id, in one query (for a workstation's sync).
    async fn all_messages(
        &self,
    ) -> Result<std::collections::HashMap<i64, Vec<MessageRow>>, StoreError>;
    /// The chunks of a committed blob, in order, as they are read from the database.
    fn blob_chunks(&self, blob_id: i64) -> BoxStream<'static, Result<Vec<u8>, StoreError>> {
        self.blob_chunks_from(blob_id, 0)
    }
    /// The bytes of a committed blob from `offset` on (a download resumed), in chunks;
    /// nothing when `offset` is at or past its end.
    fn blob_chunks_from(
        &self,
        blob_id: i64,
        offset: u64,
    ) -> BoxStream<'static, Result<Vec<u8>, StoreError>>;
    /// A whole committed blob in memory (for small items such as metadata and messages).
    async fn read_blob(&self, blob_id: i64) -> Result<Vec<u8>, StoreError>;
    /// Counts used by tests and health checks: committed blobs, pending blobs, and chunks
    /// that belong to no blob.
    async fn blob_counts(&self) -> Result<(i64, i64, i64), StoreError>;
    /// Runs SQLite's integrity check; `Ok(())` when the database reports "ok".
    async fn integrity_check(&self) -> Result<(), StoreError>;
    /// Places or lifts a case's legal hold (kept whatever retention says), and records who.
    async fn set_legal_hold(
        &self,
        case_id: i64,
        hold: bool,
        audit: &Audit,
    ) -> Result<(), StoreError>;
    /// Sets (the reporter reported reprisal) or clears (the body decided) a case's
    /// reprisal day.
    async fn set_reprisal(&self, case_id: i64, day: Option<Day>) -> Result<(), StoreError>;
    /// Records a case's holder key, unless it has one already.
    async fn set_holder_key(&self, case_id: i64, vkey: &str) -> Result<(), StoreError>;
    /// Closed cases, each with the day of its last message (for retention).
    async fn closed_cases(&self) -> Result<Vec<(CaseRow, Day)>, StoreError>;
    /// Deletes a case for good: its messages, items, reads, blob rows and their files
    /// (overwritten, then unlinked), with the audit record in the same transaction. The
    /// public log keeps its entries (they hold only commitments). Call [`Store::shred`]
    /// after a batch of deletions.
    async fn delete_case(&self, case_id: i64, audit: &Audit) -> Result<(), StoreError>;
    /// Removes what deleted rows leave in the database's own files. SQLite: the WAL is
    /// checkpointed and emptied (`secure_delete` has overwritten the rows' pages in the
    /// database file). PostgreSQL: the case tables are rewritten (`VACUUM FULL`: new
    /// files without the rows; the old ones are emptied), then the WAL moves to a new
    /// segment and a checkpoint lets PostgreSQL remove the segments that held the rows
    /// (`deploy/REPLICATION.md` gives the settings and grants this needs; without them it
    /// is logged and the segments go at PostgreSQL's own pace).
    async fn shred(&self) -> Result<(), StoreError>;
    /// Writes a consistent copy of the database into the new file `out` while the server
    /// runs, and returns the blobs that copy names.
    async fn snapshot(&self, out: &Path) -> Result<Vec<BlobInfo>, StoreError>;
    /// Every committed blob (for checks after a restore or a migration).
    async fn blob_infos(&self) -> Result<Vec<BlobInfo>, StoreError>;
    /// The blob folder.
    fn blob_dir(&self) -> &blobs::BlobDir;
}

/// A committed blob's row: its id (its file's name), size and SHA-256.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlobInfo {
    pub id: i64,
    pub size: u64,
    pub sha256: [u8; 32],
}

/// An upload in progress: blobs written through it stay invisible until it commits;
/// dropped without a commit, what it wrote is deleted.
#[async_trait]
pub trait Upload: Send {
    /// Starts a new blob.
    fn new_blob(&mut self) -> BlobRef;
    /// Appends ciphertext to a blob; writes a batch to the database when enough is held.
    async fn append(&mut self, blob: BlobRef, data: &[u8]) -> Result<(), StoreError>;
    /// Marks a blob complete; returns its ciphertext size and SHA-256.
    async fn finish_blob(&mut self, blob: BlobRef) -> Result<(u64, [u8; 32]), StoreError>;
    /// SHA-256 of a finished blob's ciphertext.
    fn blob_sha256(&self, blob: BlobRef) -> Option<[u8; 32]>;
    /// Drops a blob that turned out not to be needed (an empty message, an empty file
    /// field); anything already written for it goes at commit or cleanup.
    fn discard_blob(&mut self, blob: BlobRef) -> Result<(), StoreError>;
    /// Writes what is left, records the message and its items, and makes everything
    /// visible in one transaction. After this returns, the submission is durable.
    async fn commit(self: Box<Self>, plan: CommitPlan) -> Result<Committed, StoreError>;
    /// Replaces items' ciphertext (and, for files, their metadata's) with blobs of this
    /// upload, and deletes the old ones, all in one transaction with the audit records:
    /// readers see either the old items or the new ones, never a mix, and the old
    /// ciphertext is gone afterwards.
    async fn commit_replacements(
        self: Box<Self>,
        replacements: &[Replacement],
    ) -> Result<(), StoreError>;
}

/// An item's new ciphertext (and, for a file, its new metadata's), written through the
/// upload, and the audit record of the change.
#[derive(Debug, Clone)]
pub struct Replacement {
    pub item_id: i64,
    pub content: BlobRef,
    pub meta: Option<BlobRef>,
    pub audit: Audit,
}

/// Size of the pieces in which a blob is read.
pub const CHUNK_BYTES: usize = 1024 * 1024;

/// Errors of the store. Messages never include stored content.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(String),
    #[error("database migration failed: {0}")]
    Migrate(String),
    #[error("not supported: {0}")]
    Unsupported(String),
    #[error("the operating system's random generator failed")]
    Random,
    #[error("blob storage error: {0}")]
    Blob(String),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(&'static str),
    #[error("no such case")]
    NoSuchCase,
    /// An operation refused for a reason its caller should read (one sentence).
    #[error("{0}")]
    Refused(String),
}

/// A reviewer's action for the audit trail. Actions that change something write it in
/// their own transaction, so that the trail holds exactly the actions that happened.
#[derive(Debug, Clone)]
pub struct Audit {
    pub reviewer: String,
    pub action: &'static str,
    pub case_reference: Option<String>,
    pub detail: Option<String>,
}

impl Audit {
    pub fn new(reviewer: &str, action: &'static str) -> Audit {
        Audit {
            reviewer: reviewer.to_string(),
            action,
            case_reference: None,
            detail: None,
        }
    }

    pub fn case(mut self, reference: &str) -> Audit {
        self.case_reference = Some(reference.to_string());
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Audit {
        self.detail = Some(detail.into());
        self
    }
}

/// A case as stored (no content).
#[derive(Debug, Clone)]
pub struct CaseRow {
    pub id: i64,
    pub reference: String,
    pub reporter_recipient: String,
    pub status: Status,
    pub received_day: Day,
    /// Kept whatever the retention settings say.
    pub legal_hold: bool,
    /// The day the reporter last reported reprisal, until the body's next decision.
    pub reprisal_day: Option<Day>,
    /// The reporter's holder key (C2SP verifier key), once known.
    pub holder_key: Option<String>,
}

/// A message of a case, with its items.
#[derive(Debug, Clone)]
pub struct MessageRow {
    pub id: i64,
    pub author: Author,
    pub day: Day,
    pub items: Vec<ItemRow>,
}

/// An item: the blob of its content and, for files, the blob of its metadata.
#[derive(Debug, Clone)]
pub struct ItemRow {
    pub id: i64,
    pub position: i64,
    pub kind: ItemKind,
    pub blob_id: i64,
    pub blob_size: i64,
    /// SHA-256 of the stored ciphertext.
    pub blob_sha256: Vec<u8>,
    pub meta_blob_id: Option<i64>,
    pub meta_size: Option<i64>,
    pub meta_sha256: Option<Vec<u8>>,
}

/// An entry of the reviewers' audit trail.
#[derive(Debug, Clone)]
pub struct AuditRow {
    pub id: i64,
    pub day: String,
    pub reviewer: String,
    pub action: String,
    pub case_reference: Option<String>,
    pub detail: Option<String>,
}

/// Values fixed at installation.
#[derive(Debug, Clone)]
pub struct Install {
    pub receipt_salt: Arc<[u8]>,
    pub kdf: KdfParams,
}

/// A random row id for cases, messages, items, blobs and pending log entries: sequential
/// ids would order every action across cases for whoever holds a copy of the database (or
/// lists the blob folder). Between 2^32 and 2^53 (exact in any JSON reader), so never one of
/// the small sequential ids of rows made before. A collision (about one in 10^4 after a
/// million rows) fails its transaction, which the caller reports like any storage error.
pub(crate) fn random_id() -> Result<i64, StoreError> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|_| StoreError::Random)?;
    Ok((i64::from_be_bytes(bytes) & 0x001f_ffff_ffff_ffff) | 0x0000_0001_0000_0000)
}

/// A random case reference: 12 Crockford base32 characters in groups of four (60 bits).
pub fn new_reference() -> Result<String, StoreError> {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut bytes = [0u8; 12];
    getrandom::fill(&mut bytes).map_err(|_| StoreError::Random)?;
    let mut out = String::with_capacity(14);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(char::from(ALPHABET[usize::from(b & 31)]));
    }
    Ok(out)
}

/// A leaf of the log.
#[derive(Debug, Clone)]
pub struct LogEntryRow {
    pub index: u64,
    pub note: Vec<u8>,
}

/// A new leaf of the log, with the public fields of its entry repeated for look-ups.
pub struct NewLeaf {
    pub index: u64,
    pub note: Vec<u8>,
    pub commitment: [u8; 32],
    pub kind: String,
    pub day: String,
}

/// What one integration adds, written in one transaction.
pub struct Integration {
    /// Pending rows consumed.
    pub pending_ids: Vec<i64>,
    /// New leaves, in index order.
    pub entries: Vec<NewLeaf>,
    /// New stored hashes: stored-hash index and hash.
    pub hashes: Vec<(u64, [u8; 32])>,
    /// The new checkpoint: size and signed note (none when nothing was added).
    pub checkpoint: Option<(u64, String)>,
}

/// A blob being written by an [`Upload`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlobRef(pub(crate) usize);

/// Where a committed message goes.
pub enum CaseTarget {
    /// A first report opens a case (its random reference made with
    /// [`super::new_reference`]).
    New {
        reference: String,
        lookup_key: [u8; 32],
        reporter_recipient: String,
        /// The reporter's holder key (C2SP verifier key), which decisions may be bound to.
        holder_key: Option<String>,
    },
    Existing(i64),
}

/// One item of the committed message.
pub struct NewItem {
    pub kind: ItemKind,
    pub blob: BlobRef,
    pub meta: Option<BlobRef>,
}

/// What to record when an upload commits.
pub struct CommitPlan {
    pub case: CaseTarget,
    pub author: Author,
    pub day: Day,
    pub items: Vec<NewItem>,
    /// A signed log entry about this message, queued in the same transaction.
    pub log_entry: Option<Vec<u8>>,
    /// The reviewer's action, recorded in the same transaction.
    pub audit: Option<Audit>,
}

/// The result of a commit.
#[derive(Debug, Clone)]
pub struct Committed {
    pub case_id: i64,
    pub message_id: i64,
    /// SHA-256 of each committed blob's ciphertext, in item order (content, then meta).
    pub ciphertext_sha256: Vec<[u8; 32]>,
}
