//! The store in SQL, one implementation for its two databases through sqlx's `Any`
//! driver: the statements are portable (`$n` placeholders, `RETURNING`, `ON CONFLICT`),
//! and the few that are not are chosen by [`Backend`].
//!
//! - **SQLite** (the embedded default): one file with its WAL, one writing connection and
//!   several reading ones, `secure_delete`, full sync at every commit.
//! - **PostgreSQL** (for a replicated body): a pool of connections; row locks where SQLite
//!   relies on its single writer.
//!
//! Ciphertext is in neither: each blob is a file of the blob folder ([`crate::blobs`]),
//! written once; the rows keep its id, size and SHA-256.
mod log;
mod upload;

use std::path::Path;

use async_trait::async_trait;
use futures_util::stream::BoxStream;
use futures_util::{StreamExt, TryStreamExt};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, AnyPool, ConnectOptions, Row};

use candor_core::days::Day;

pub use upload::SqlUpload;

use candor_core::receipt::KdfParams;
use std::sync::Arc;

use crate::blobs::{BlobDir, blocking};
use crate::{
    Audit, AuditRow, Author, BlobInfo, CaseRow, CaseTarget, CommitPlan, Committed, Install,
    ItemRow, MessageRow, NewItem, SealedPart, Status, Store, StoreError, Upload,
};

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> StoreError {
        StoreError::Db(err.to_string())
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(err: sqlx::migrate::MigrateError) -> StoreError {
        StoreError::Migrate(err.to_string())
    }
}

/// Which database a store speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The backend of a database URL.
    pub fn of(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

async fn insert_audit(conn: &mut AnyConnection, audit: &Audit) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit (day, reviewer, action, case_reference, detail) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(Day::today().to_string())
    .bind(&audit.reviewer)
    .bind(audit.action)
    .bind(audit.case_reference.as_deref())
    .bind(audit.detail.as_deref())
    .execute(conn)
    .await?;
    Ok(())
}

/// The columns [`item_from_row`] reads, in order; `i`, `b` and `mb` are the item, its blob
/// and its metadata blob (macros, so that queries stay literal strings).
macro_rules! item_columns {
    () => {
        "i.id, i.position, i.kind, i.blob_id, b.size, b.sha256, i.meta_blob_id, mb.size, mb.sha256"
    };
}
macro_rules! item_joins {
    () => {
        "JOIN blobs b ON b.id = i.blob_id LEFT JOIN blobs mb ON mb.id = i.meta_blob_id"
    };
}

fn item_from_row(row: &sqlx::any::AnyRow, first: usize) -> Result<ItemRow, StoreError> {
    let kind: String = row.try_get(first + 2)?;
    Ok(ItemRow {
        id: row.try_get(first)?,
        position: row.try_get(first + 1)?,
        kind: kind.parse().map_err(StoreError::Corrupt)?,
        blob_id: row.try_get(first + 3)?,
        blob_size: row.try_get(first + 4)?,
        blob_sha256: row
            .try_get::<Option<Vec<u8>>, _>(first + 5)?
            .unwrap_or_default(),
        meta_blob_id: row.try_get(first + 6)?,
        meta_size: row.try_get(first + 7)?,
        meta_sha256: row.try_get(first + 8)?,
    })
}

/// Handle to the database: for SQLite one connection for writes (SQLite has one writer; a
/// queue in the pool is fairer than lock retries) and several for reads; for PostgreSQL
/// the same pool for both.
#[derive(Clone)]
pub struct SqlStore {
    backend: Backend,
    write: AnyPool,
    read: AnyPool,
    blobs: Arc<BlobDir>,
}

/// Settings of every SQLite connection: WAL, full sync at every commit, deleted content
/// overwritten, foreign keys, and a wait (not an error) when the writer is busy.
const SQLITE_SETTINGS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
     PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";

/// The options of `url`, with statement logging off: sqlx logs statements, and slow ones
/// with their exact duration, which would time reporters' actions in the server's log.
fn connect_options(url: &str) -> Result<AnyConnectOptions, StoreError> {
    sqlx::any::install_default_drivers();
    Ok(url
        .parse::<AnyConnectOptions>()?
        .disable_statement_logging())
}

/// What a read-only SQLite connection can set (its journal mode is the file's).
const SQLITE_READ_ONLY_SETTINGS: &str = "PRAGMA busy_timeout = 10000;";

/// A pool whose SQLite connections get [`SQLITE_SETTINGS`].
fn pool(backend: Backend, max: u32) -> AnyPoolOptions {
    settings_pool(backend, max, SQLITE_SETTINGS)
}

fn settings_pool(backend: Backend, max: u32, settings: &'static str) -> AnyPoolOptions {
    let options = AnyPoolOptions::new().max_connections(max);
    match backend {
        Backend::Postgres => options,
        Backend::Sqlite => options.after_connect(move |conn, _| {
            Box::pin(async move {
                sqlx::raw_sql(settings).execute(conn).await?;
                Ok(())
            })
        }),
    }
}

/// A SQLite URL that creates the file if needed (`mode=rwc`), or opens it read-only.
fn sqlite_url(path: &Path, mode: &str) -> String {
    format!("sqlite://{}?mode={mode}", path.display())
}

/// The backend of `url` and its connection options; a SQLite file is opened in `mode`
/// (`rwc` creates it, `rw` does not).
fn backend_options(url: &str, mode: &str) -> Result<(Backend, AnyConnectOptions), StoreError> {
    let backend = Backend::of(url).ok_or(StoreError::Unsupported(crate::scheme(url)))?;
    let options = match (backend, crate::sqlite_path(url)) {
        (Backend::Sqlite, Some(path)) => connect_options(&sqlite_url(&path, mode))?,
        _ => connect_options(url)?,
    };
    Ok((backend, options))
}

impl SqlStore {
    /// Opens (creating if needed) the database, applies migrations, fixes the install
    /// values on first start, and removes what interrupted uploads left behind.
    pub async fn open(url: &str, blobs: &Path) -> Result<SqlStore, StoreError> {
        let store = SqlStore::open_for_copy(url, blobs).await?;
        store.ensure_install().await?;
        // The blob folder must be this database's: a server pointed at a new database
        // beside an old blob folder would otherwise take every file for a leftover.
        let install = store.install().await?;
        let owner = store.blobs.clone();
        blocking(move || owner.claim(&install.receipt_salt)).await?;
        if store.backend == Backend::Sqlite {
            store.move_chunks_to_files().await?;
        }
        store.remove_interrupted_uploads().await?;
        Ok(store)
    }

    /// Opens (creating if needed) a database with its migrations applied and nothing else:
    /// no install values, no claim of the blob folder, no clean-up (the target of a
    /// migration, a restore or a snapshot, whose rows come from elsewhere).
    pub async fn open_for_copy(url: &str, blobs: &Path) -> Result<SqlStore, StoreError> {
        let (backend, options) = backend_options(url, "rwc")?;
        let blobs = BlobDir::open(blobs)?;
        let (write, read) = match backend {
            Backend::Sqlite => {
                let write = pool(backend, 1).connect_with(options.clone()).await?;
                sqlx::migrate!("./migrations/sqlite").run(&write).await?;
                let read = pool(backend, 8).connect_with(options).await?;
                (write, read)
            }
            Backend::Postgres => {
                let write = pool(backend, 16).connect_with(options).await?;
                sqlx::migrate!("./migrations/postgres").run(&write).await?;
                (write.clone(), write)
            }
        };
        Ok(SqlStore {
            backend,
            write,
            read,
            blobs,
        })
    }

    /// Opens an existing SQLite database without changing anything (for inspection and
    /// tests).
    pub async fn open_read_only(path: &Path, blobs: &Path) -> Result<SqlStore, StoreError> {
        let options = connect_options(&sqlite_url(path, "ro"))?;
        let pool = settings_pool(Backend::Sqlite, 2, SQLITE_READ_ONLY_SETTINGS)
            .connect_with(options)
            .await?;
        Ok(SqlStore {
            backend: Backend::Sqlite,
            write: pool.clone(),
            read: pool,
            blobs: Arc::new(BlobDir::at(blobs)),
        })
    }

    /// Opens an existing database next to a running server (for tools and tests that act
    /// as the body): no migrations, no clean-up of uploads the server has in progress.
    pub async fn open_beside_server(url: &str, blobs: &Path) -> Result<SqlStore, StoreError> {
        let (backend, options) = backend_options(url, "rw")?;
        let blobs = BlobDir::open(blobs)?;
        let write = pool(backend, 1).connect_with(options.clone()).await?;
        let read = pool(backend, 2).connect_with(options).await?;
        Ok(SqlStore {
            backend,
            write,
            read,
            blobs,
        })
    }

    async fn ensure_install(&self) -> Result<(), StoreError> {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|_| StoreError::Random)?;
        let p = KdfParams::DEFAULT;
        // Inserted once; later starts keep the first values.
        sqlx::query(
            "INSERT INTO install (id, receipt_salt, kdf_memory_kib, kdf_iterations, kdf_parallelism) \
             VALUES (1, $1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&salt[..])
        .bind(i64::from(p.memory_kib))
        .bind(i64::from(p.iterations))
        .bind(i64::from(p.parallelism))
        .execute(&self.write)
        .await?;
        Ok(())
    }

    /// Checkpoints the WAL into the database file and empties it, so that pages of rows
    /// just deleted do not stay in the WAL (`secure_delete` overwrites them in the database
    /// file at the checkpoint). Best effort: readers in progress may keep part of it.
    pub(crate) async fn truncate_wal(&self) {
        if self.backend != Backend::Sqlite {
            return;
        }
        if let Err(err) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.write)
            .await
        {
            tracing::debug!(error = %err, "the WAL could not be checkpointed after a deletion");
        }
    }

    /// Blob files in place that no row names (a crash came between placing them and the
    /// transaction, or between a deletion's transaction and the files' removal).
    async fn orphan_files(&self) -> Result<Vec<i64>, StoreError> {
        let known: std::collections::HashSet<i64> = sqlx::query_scalar("SELECT id FROM blobs")
            .fetch_all(&self.read)
            .await?
            .into_iter()
            .collect();
        let blobs = self.blobs.clone();
        let stored = blocking(move || blobs.stored_ids()).await?;
        Ok(stored
            .into_iter()
            .filter(|id| !known.contains(id))
            .collect())
    }

    pub(crate) fn begin_upload(&self) -> Result<SqlUpload, StoreError> {
        SqlUpload::new(self.clone())
    }

    pub(crate) fn reader(&self) -> &AnyPool {
        &self.read
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The number of rows of `table` (one of the store's own table names).
    pub(crate) async fn count(&self, table: &str) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(&self.read)
                .await?,
        )
    }

    pub(crate) fn writer(&self) -> &AnyPool {
        &self.write
    }

    /// Removes blob files whose rows are gone (best effort: what stays is removed at
    /// the next start).
    pub(crate) async fn remove_blob_files(&self, ids: Vec<i64>) {
        let blobs = self.blobs.clone();
        if blocking(move || blobs.remove(&ids)).await.is_err() {
            tracing::warn!(
                "could not remove deleted ciphertext; it will be removed at the next start"
            );
        }
    }

    /// Moves ciphertext that an older version kept in the database (`blob_chunks`) to
    /// files, blob by blob, each durable before its chunks are deleted.
    async fn move_chunks_to_files(&self) -> Result<(), StoreError> {
        let mut moved = 0u64;
        loop {
            let ids: Vec<i64> = sqlx::query_scalar(
                "SELECT DISTINCT c.blob_id FROM blob_chunks c JOIN blobs b ON b.id = c.blob_id \
                 WHERE b.upload IS NULL LIMIT 64",
            )
            .fetch_all(&self.write)
            .await?;
            if ids.is_empty() {
                break;
            }
            for id in ids {
                let chunks: Vec<Vec<u8>> = sqlx::query_scalar(
                    "SELECT data FROM blob_chunks WHERE blob_id = $1 ORDER BY seq",
                )
                .bind(id)
                .fetch_all(&self.write)
                .await?;
                let blobs = self.blobs.clone();
                blocking(move || blobs.put(id, &chunks)).await?;
                sqlx::query("DELETE FROM blob_chunks WHERE blob_id = $1")
                    .bind(id)
                    .execute(&self.write)
                    .await?;
                moved += 1;
            }
        }
        if moved > 0 {
            tracing::info!(
                blobs = moved,
                "moved ciphertext from the database to the blob folder"
            );
            self.truncate_wal().await;
        }
        Ok(())
    }
}

/// Deletes blob rows (and, in a SQLite database of an older version, their chunks).
async fn delete_blob_rows(
    conn: &mut AnyConnection,
    backend: Backend,
    ids: &[i64],
) -> Result<(), StoreError> {
    for id in ids {
        if backend == Backend::Sqlite {
            sqlx::query("DELETE FROM blob_chunks WHERE blob_id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
        sqlx::query("DELETE FROM blobs WHERE id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The start of a query for whole case rows, in the column order [`case_from_row`] reads.
macro_rules! select_cases {
    () => {
        "SELECT id, reference, reporter_recipient, status, received_day, legal_hold, \
         reprisal_day, holder_key FROM cases"
    };
}

fn case_from_row(row: &sqlx::any::AnyRow) -> Result<CaseRow, StoreError> {
    let status: String = row.try_get(3)?;
    let day: String = row.try_get(4)?;
    Ok(CaseRow {
        id: row.try_get(0)?,
        reference: row.try_get(1)?,
        reporter_recipient: row.try_get(2)?,
        status: status.parse().map_err(StoreError::Corrupt)?,
        received_day: day.parse().map_err(StoreError::Corrupt)?,
        legal_hold: row.try_get::<i64, _>(5)? != 0,
        reprisal_day: row
            .try_get::<Option<String>, _>(6)?
            .map(|d| d.parse().map_err(StoreError::Corrupt))
            .transpose()?,
        holder_key: row.try_get(7)?,
    })
}

#[async_trait]
impl Store for SqlStore {
    async fn close(&self) {
        self.read.close().await;
        self.write.close().await;
    }

    async fn install(&self) -> Result<Install, StoreError> {
        let row = sqlx::query(
            "SELECT receipt_salt, kdf_memory_kib, kdf_iterations, kdf_parallelism FROM install WHERE id = 1",
        )
        .fetch_one(&self.read)
        .await?;
        let salt: Vec<u8> = row.try_get(0)?;
        let param = |i: usize| -> Result<u32, StoreError> {
            let v: i64 = row.try_get(i)?;
            u32::try_from(v).map_err(|_| StoreError::Corrupt("KDF parameter out of range"))
        };
        Ok(Install {
            receipt_salt: Arc::from(salt),
            kdf: KdfParams {
                memory_kib: param(1)?,
                iterations: param(2)?,
                parallelism: param(3)?,
            },
        })
    }

    async fn remove_interrupted_uploads(&self) -> Result<u64, StoreError> {
        // Rows an older version left for uploads in progress.
        let mut tx = self.write.begin().await?;
        if self.backend == Backend::Sqlite {
            sqlx::query(
                "DELETE FROM blob_chunks WHERE blob_id IN (SELECT id FROM blobs WHERE upload IS NOT NULL)",
            )
            .execute(&mut *tx)
            .await?;
        }
        let rows = sqlx::query("DELETE FROM blobs WHERE upload IS NOT NULL")
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        // Files of uploads that never reached their transaction.
        let blobs = self.blobs.clone();
        let incoming = blocking(move || blobs.clear_incoming()).await?;
        let orphans = self.orphan_files().await?;
        let removed = rows + incoming + orphans.len() as u64;
        self.remove_blob_files(orphans).await;
        if removed > 0 {
            tracing::info!(
                blobs = removed,
                "removed the remains of interrupted uploads"
            );
            self.truncate_wal().await;
        }
        Ok(removed)
    }

    async fn add_sealed_message(
        &self,
        case_id: i64,
        author: Author,
        day: Day,
        parts: Vec<SealedPart>,
        log_entry: Option<Vec<u8>>,
    ) -> Result<Committed, StoreError> {
        if parts.is_empty() {
            return Err(StoreError::Corrupt("a message needs at least one item"));
        }
        let mut upload = self.begin_upload()?;
        let mut items = Vec::with_capacity(parts.len());
        for part in parts {
            let blob = upload.new_blob();
            upload.append(blob, &part.content).await?;
            upload.finish_blob(blob).await?;
            let meta = match part.meta {
                Some(meta) => {
                    let m = upload.new_blob();
                    upload.append(m, &meta).await?;
                    upload.finish_blob(m).await?;
                    Some(m)
                }
                None => None,
            };
            items.push(NewItem {
                kind: part.kind,
                blob,
                meta,
            });
        }
        upload
            .commit(CommitPlan {
                case: CaseTarget::Existing(case_id),
                author,
                day,
                items,
                log_entry,
                audit: None,
            })
            .await
    }

    async fn set_status(
        &self,
        case_id: i64,
        status: Status,
        audit: &Audit,
    ) -> Result<(), StoreError> {
        let mut tx = self.write.begin().await?;
        let updated = sqlx::query("UPDATE cases SET status = $1 WHERE id = $2")
            .bind(status.as_str())
            .bind(case_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if updated != 1 {
            return Err(StoreError::NoSuchCase);
        }
        insert_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn case_item(&self, case_id: i64, item_id: i64) -> Result<Option<ItemRow>, StoreError> {
        Ok(self
            .item(item_id)
            .await?
            .filter(|(owner, _)| *owner == case_id)
            .map(|(_, item)| item))
    }

    async fn item(&self, item_id: i64) -> Result<Option<(i64, ItemRow)>, StoreError> {
        let sql = concat!(
            "SELECT m.case_id, ",
            item_columns!(),
            " FROM items i JOIN messages m ON m.id = i.message_id ",
            item_joins!(),
            " WHERE i.id = $1"
        );
        let row = sqlx::query(sql)
            .bind(item_id)
            .fetch_optional(&self.read)
            .await?;
        row.map(|row| Ok((row.try_get(0)?, item_from_row(&row, 1)?)))
            .transpose()
    }

    async fn items_with_case(
        &self,
        item_ids: &[i64],
    ) -> Result<std::collections::HashMap<i64, (String, ItemRow)>, StoreError> {
        if item_ids.is_empty() {
            return Ok(std::collections::HashMap::new());
        }
        // The ids go into the statement as numbers (nothing else can be written there): one
        // statement whatever their number, on either database.
        let ids = item_ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let sql = format!(
            concat!(
                "SELECT c.reference, ",
                item_columns!(),
                " FROM items i JOIN messages m ON m.id = i.message_id JOIN cases c ON c.id = m.case_id ",
                item_joins!(),
                " WHERE i.id IN ({})"
            ),
            ids
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.read)
            .await?;
        rows.iter()
            .map(|row| {
                let item = item_from_row(row, 1)?;
                Ok((item.id, (row.try_get(0)?, item)))
            })
            .collect()
    }

    async fn case_by_reference(&self, reference: &str) -> Result<Option<CaseRow>, StoreError> {
        let row = sqlx::query(concat!(select_cases!(), " WHERE reference = $1"))
            .bind(reference)
            .fetch_optional(&self.read)
            .await?;
        row.map(|r| case_from_row(&r)).transpose()
    }

    async fn insert_token(
        &self,
        token_hash: &[u8],
        reviewer: &str,
        recipient: &str,
        expires_at: i64,
        now: i64,
        audit: &Audit,
    ) -> Result<(), StoreError> {
        let mut tx = self.write.begin().await?;
        sqlx::query("DELETE FROM reviewer_tokens WHERE expires_at < $1")
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO reviewer_tokens (token_hash, reviewer, recipient, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(reviewer)
        .bind(recipient)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        insert_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn token(&self, token_hash: &[u8]) -> Result<Option<(String, String, i64)>, StoreError> {
        let row = sqlx::query(
            "SELECT reviewer, recipient, expires_at FROM reviewer_tokens WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.read)
        .await?;
        row.map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .transpose()
    }

    async fn remove_expired_tokens(&self, now: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM reviewer_tokens WHERE expires_at < $1")
            .bind(now)
            .execute(&self.write)
            .await?;
        Ok(())
    }

    async fn audit(&self, audit: &Audit) -> Result<(), StoreError> {
        let mut conn = self.write.acquire().await?;
        insert_audit(&mut conn, audit).await
    }

    async fn audit_many(&self, audits: &[Audit]) -> Result<(), StoreError> {
        let mut tx = self.write.begin().await?;
        for audit in audits {
            insert_audit(&mut tx, audit).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn audit_entries(
        &self,
        case_reference: Option<&str>,
        limit: i64,
    ) -> Result<Vec<AuditRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, day, reviewer, action, case_reference, detail FROM audit \
             WHERE ($1 IS NULL OR case_reference = $1) ORDER BY id DESC LIMIT $2",
        )
        .bind(case_reference)
        .bind(limit)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AuditRow {
                    id: r.try_get(0)?,
                    day: r.try_get(1)?,
                    reviewer: r.try_get(2)?,
                    action: r.try_get(3)?,
                    case_reference: r.try_get(4)?,
                    detail: r.try_get(5)?,
                })
            })
            .collect()
    }

    async fn message_counts(&self) -> Result<std::collections::HashMap<i64, i64>, StoreError> {
        let rows = sqlx::query("SELECT case_id, COUNT(*) FROM messages GROUP BY case_id")
            .fetch_all(&self.read)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    async fn mark_read(&self, reviewer: &str, case_id: i64) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO reviewer_reads (reviewer, case_id, last_seq) \
             SELECT $1, $2, COALESCE(MAX(seq), 0) FROM messages WHERE case_id = $2 \
             ON CONFLICT (reviewer, case_id) DO UPDATE SET last_seq = excluded.last_seq",
        )
        .bind(reviewer)
        .bind(case_id)
        .execute(&self.write)
        .await?;
        Ok(())
    }

    async fn unread_items(
        &self,
        reviewer: &str,
    ) -> Result<std::collections::HashMap<i64, i64>, StoreError> {
        let rows = sqlx::query(
            "SELECT m.case_id, COUNT(i.id) FROM messages m JOIN items i ON i.message_id = m.id \
             LEFT JOIN reviewer_reads r ON r.case_id = m.case_id AND r.reviewer = $1 \
             WHERE m.author = 'reporter' AND i.kind <> 'record' AND m.seq > COALESCE(r.last_seq, 0) GROUP BY m.case_id",
        )
        .bind(reviewer)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    async fn case_by_lookup(&self, lookup_key: &[u8]) -> Result<Option<CaseRow>, StoreError> {
        let row = sqlx::query(concat!(select_cases!(), " WHERE lookup_key = $1"))
            .bind(lookup_key)
            .fetch_optional(&self.read)
            .await?;
        row.map(|r| case_from_row(&r)).transpose()
    }

    async fn case_by_id(&self, id: i64) -> Result<CaseRow, StoreError> {
        let row = sqlx::query(concat!(select_cases!(), " WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.read)
            .await?
            .ok_or(StoreError::NoSuchCase)?;
        case_from_row(&row)
    }

    async fn cases(&self) -> Result<Vec<CaseRow>, StoreError> {
        let rows = sqlx::query(concat!(
            select_cases!(),
            " ORDER BY received_day, reference"
        ))
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(case_from_row).collect()
    }

    async fn messages(&self, case_id: i64) -> Result<Vec<MessageRow>, StoreError> {
        // Messages always have items; the inner joins keep the query simple.
        let sql = concat!(
            "SELECT m.id, m.author, m.day, ",
            item_columns!(),
            " FROM messages m JOIN items i ON i.message_id = m.id ",
            item_joins!(),
            " WHERE m.case_id = $1 ORDER BY m.seq, i.position"
        );
        let rows = sqlx::query(sql).bind(case_id).fetch_all(&self.read).await?;
        let mut out: Vec<MessageRow> = Vec::new();
        for row in rows {
            let id: i64 = row.try_get(0)?;
            if out.last().map(|m| m.id) != Some(id) {
                let author: String = row.try_get(1)?;
                let day: String = row.try_get(2)?;
                out.push(MessageRow {
                    id,
                    author: author.parse().map_err(StoreError::Corrupt)?,
                    day: day.parse().map_err(StoreError::Corrupt)?,
                    items: Vec::new(),
                });
            }
            if let Some(message) = out.last_mut() {
                message.items.push(item_from_row(&row, 3)?);
            }
        }
        Ok(out)
    }

    async fn all_messages(
        &self,
    ) -> Result<std::collections::HashMap<i64, Vec<MessageRow>>, StoreError> {
        let sql = concat!(
            "SELECT m.case_id, m.id, m.author, m.day, ",
            item_columns!(),
            " FROM messages m JOIN items i ON i.message_id = m.id ",
            item_joins!(),
            " ORDER BY m.case_id, m.seq, i.position"
        );
        let rows = sqlx::query(sql).fetch_all(&self.read).await?;
        let mut out: std::collections::HashMap<i64, Vec<MessageRow>> =
            std::collections::HashMap::new();
        for row in rows {
            let case_id: i64 = row.try_get(0)?;
            let id: i64 = row.try_get(1)?;
            let messages = out.entry(case_id).or_default();
            if messages.last().map(|m| m.id) != Some(id) {
                let author: String = row.try_get(2)?;
                let day: String = row.try_get(3)?;
                messages.push(MessageRow {
                    id,
                    author: author.parse().map_err(StoreError::Corrupt)?,
                    day: day.parse().map_err(StoreError::Corrupt)?,
                    items: Vec::new(),
                });
            }
            if let Some(message) = messages.last_mut() {
                message.items.push(item_from_row(&row, 4)?);
            }
        }
        Ok(out)
    }

    async fn read_blob(&self, blob_id: i64) -> Result<Vec<u8>, StoreError> {
        let chunks: Vec<Vec<u8>> = self.blob_chunks(blob_id).try_collect().await?;
        Ok(chunks.concat())
    }

    async fn blob_counts(&self) -> Result<(i64, i64, i64), StoreError> {
        let committed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM blobs WHERE upload IS NULL")
            .fetch_one(&self.read)
            .await?;
        let pending = i64::try_from(self.blobs.incoming_count()?).unwrap_or(i64::MAX);
        let orphans = i64::try_from(self.orphan_files().await?.len()).unwrap_or(i64::MAX);
        Ok((committed, pending, orphans))
    }

    async fn integrity_check(&self) -> Result<(), StoreError> {
        if self.backend == Backend::Postgres {
            // PostgreSQL checks its pages itself (with data checksums, if the cluster has
            // them); a query that reads every table is the check left to us.
            sqlx::query("SELECT (SELECT COUNT(*) FROM cases) + (SELECT COUNT(*) FROM blobs)")
                .fetch_one(&self.read)
                .await?;
            return Ok(());
        }
        let rows = sqlx::query("PRAGMA integrity_check")
            .fetch_all(&self.read)
            .await?;
        let first: Option<String> = rows.first().map(|r| r.try_get(0)).transpose()?;
        if rows.len() == 1 && first.as_deref() == Some("ok") {
            Ok(())
        } else {
            Err(StoreError::Corrupt("integrity check failed"))
        }
    }

    fn begin_upload(&self) -> Result<Box<dyn Upload>, StoreError> {
        Ok(Box::new(SqlStore::begin_upload(self)?))
    }

    async fn set_legal_hold(
        &self,
        case_id: i64,
        hold: bool,
        audit: &Audit,
    ) -> Result<(), StoreError> {
        let mut tx = self.write.begin().await?;
        let updated = sqlx::query("UPDATE cases SET legal_hold = $1 WHERE id = $2")
            .bind(i64::from(hold))
            .bind(case_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if updated != 1 {
            return Err(StoreError::NoSuchCase);
        }
        insert_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn set_reprisal(&self, case_id: i64, day: Option<Day>) -> Result<(), StoreError> {
        let updated = sqlx::query("UPDATE cases SET reprisal_day = $1 WHERE id = $2")
            .bind(day.map(|d| d.to_string()))
            .bind(case_id)
            .execute(&self.write)
            .await?
            .rows_affected();
        if updated != 1 {
            return Err(StoreError::NoSuchCase);
        }
        Ok(())
    }

    async fn set_holder_key(&self, case_id: i64, vkey: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE cases SET holder_key = $1 WHERE id = $2 AND holder_key IS NULL")
            .bind(vkey)
            .bind(case_id)
            .execute(&self.write)
            .await?;
        Ok(())
    }

    async fn closed_cases(&self) -> Result<Vec<(CaseRow, Day)>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.id, c.reference, c.reporter_recipient, c.status, c.received_day, c.legal_hold, \
             c.reprisal_day, c.holder_key, MAX(m.day) FROM cases c JOIN messages m ON m.case_id = c.id \
             WHERE c.status = 'closed' GROUP BY c.id",
        )
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|row| {
                let last: String = row.try_get(8)?;
                Ok((
                    case_from_row(row)?,
                    last.parse().map_err(StoreError::Corrupt)?,
                ))
            })
            .collect()
    }

    async fn delete_case(&self, case_id: i64, audit: &Audit) -> Result<(), StoreError> {
        let mut tx = self.write.begin().await?;
        let blobs: Vec<(i64, Option<i64>)> = sqlx::query_as(
            "SELECT i.blob_id, i.meta_blob_id FROM items i JOIN messages m ON m.id = i.message_id \
             WHERE m.case_id = $1",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        for sql in [
            "DELETE FROM items WHERE message_id IN (SELECT id FROM messages WHERE case_id = $1)",
            "DELETE FROM messages WHERE case_id = $1",
            "DELETE FROM reviewer_reads WHERE case_id = $1",
        ] {
            sqlx::query(sql).bind(case_id).execute(&mut *tx).await?;
        }
        let deleted = sqlx::query("DELETE FROM cases WHERE id = $1")
            .bind(case_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if deleted != 1 {
            return Err(StoreError::NoSuchCase);
        }
        let ids: Vec<i64> = blobs
            .iter()
            .flat_map(|(blob, meta)| std::iter::once(*blob).chain(*meta))
            .collect();
        delete_blob_rows(&mut tx, self.backend, &ids).await?;
        insert_audit(&mut tx, audit).await?;
        tx.commit().await?;
        // The files are overwritten and unlinked; the rows' copies go with `shred`.
        self.remove_blob_files(ids).await;
        Ok(())
    }

    async fn shred(&self) -> Result<(), StoreError> {
        if self.backend == Backend::Sqlite {
            self.truncate_wal().await;
            return Ok(());
        }
        // One statement each: VACUUM runs outside a transaction. Each waits for the lock
        // on its table at most 10 s (a transaction left open elsewhere would otherwise
        // hold it, and every request queued behind it, for good): the next sweep retries.
        let mut conn = self.write.acquire().await?;
        sqlx::query("SET lock_timeout = '10s'")
            .execute(&mut *conn)
            .await?;
        let mut rewritten = Ok(());
        for sql in [
            "VACUUM FULL items",
            "VACUUM FULL messages",
            "VACUUM FULL reviewer_reads",
            "VACUUM FULL blobs",
            "VACUUM FULL cases",
        ] {
            rewritten = sqlx::query(sql).execute(&mut *conn).await.map(drop);
            if rewritten.is_err() {
                break;
            }
        }
        if sqlx::query("RESET lock_timeout")
            .execute(&mut *conn)
            .await
            .is_err()
        {
            conn.close_on_drop();
        }
        drop(conn);
        rewritten?;
        // (As text: the Any driver cannot decode a `pg_lsn`.)
        for sql in ["SELECT pg_switch_wal()::text", "CHECKPOINT"] {
            if let Err(err) = sqlx::query(sql).execute(&self.write).await {
                tracing::warn!(
                    error = %err,
                    "PostgreSQL's WAL keeps the deleted rows until its own checkpoints \
                     (deploy/REPLICATION.md says what Candor's role needs)"
                );
                break;
            }
        }
        Ok(())
    }

    async fn snapshot(&self, out: &Path) -> Result<Vec<BlobInfo>, StoreError> {
        if self.backend == Backend::Postgres {
            // Every row as of one moment (a repeatable-read transaction), copied into a
            // new SQLite file: a backup is the same folder whatever the database.
            let scratch = out.with_extension("scratch-blobs");
            let snapshot =
                SqlStore::open_for_copy(&format!("sqlite://{}", out.display()), &scratch).await?;
            let copied = crate::migrate::copy(self, &snapshot, false).await;
            let blobs = snapshot.blob_infos().await;
            snapshot.close().await;
            let _ = std::fs::remove_dir_all(&scratch);
            copied?;
            return blobs;
        }
        let target = out
            .to_str()
            .ok_or(StoreError::Corrupt("the snapshot's path is not UTF-8"))?;
        // One read transaction: the copy is the database as of one commit.
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(&self.read)
            .await?;
        let snapshot = SqlStore::open_read_only(out, self.blobs.root()).await?;
        let blobs = snapshot.blob_infos().await;
        snapshot.close().await;
        blobs
    }

    async fn blob_infos(&self) -> Result<Vec<BlobInfo>, StoreError> {
        let rows =
            sqlx::query("SELECT id, size, sha256 FROM blobs WHERE upload IS NULL ORDER BY id")
                .fetch_all(&self.read)
                .await?;
        rows.iter()
            .map(|row| {
                let size: i64 = row.try_get(1)?;
                let sha256: Vec<u8> = row.try_get::<Option<Vec<u8>>, _>(2)?.unwrap_or_default();
                Ok(BlobInfo {
                    id: row.try_get(0)?,
                    size: u64::try_from(size)
                        .map_err(|_| StoreError::Corrupt("negative blob size"))?,
                    sha256: sha256
                        .try_into()
                        .map_err(|_| StoreError::Corrupt("a blob's hash is not 32 bytes"))?,
                })
            })
            .collect()
    }

    fn blob_dir(&self) -> &BlobDir {
        &self.blobs
    }

    fn blob_chunks_from(
        &self,
        blob_id: i64,
        offset: u64,
    ) -> BoxStream<'static, Result<Vec<u8>, StoreError>> {
        let read = self.read.clone();
        let blobs = self.blobs.clone();
        futures_util::stream::once(async move {
            let size: Option<i64> =
                sqlx::query_scalar("SELECT size FROM blobs WHERE id = $1 AND upload IS NULL")
                    .bind(blob_id)
                    .fetch_optional(&read)
                    .await?;
            Ok::<_, StoreError>(match size {
                Some(size) => blobs.chunks_from(
                    blob_id,
                    u64::try_from(size).map_err(|_| StoreError::Corrupt("negative blob size"))?,
                    offset,
                ),
                None => futures_util::stream::empty().boxed(),
            })
        })
        .try_flatten()
        .boxed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BlobRef, CHUNK_BYTES, ItemKind, LogStore};

    async fn pragma(pool: &AnyPool, name: &str) -> String {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA {name}")))
            .fetch_one(pool)
            .await
            .expect("pragma");
        row.try_get::<i64, _>(0)
            .map(|v| v.to_string())
            .or_else(|_| row.try_get::<String, _>(0))
            .expect("value")
    }

    /// WAL, `synchronous=FULL` and `secure_delete` on every connection.
    #[tokio::test]
    async fn durable_and_shredding_settings() {
        let dir = tempfile::tempdir().expect("tempdir");
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let store = SqlStore::open(&url, &dir.path().join("blobs"))
            .await
            .expect("open");
        for pool in [&store.write, &store.read] {
            assert_eq!(pragma(pool, "journal_mode").await, "wal");
            assert_eq!(pragma(pool, "synchronous").await, "2", "FULL");
            assert_eq!(pragma(pool, "secure_delete").await, "1");
        }
        store.close().await;
    }

    /// Ciphertext an older version kept in the database moves to the blob folder at
    /// start, byte for byte, and leaves the database; what a crash left (a file in
    /// `incoming/`, a file in place that no row names) is removed; committed files stay.
    #[tokio::test(flavor = "multi_thread")]
    async fn old_chunks_move_to_files_and_crash_leftovers_go() {
        let dir = tempfile::tempdir().expect("tempdir");
        let blobs = dir.path().join("blobs");
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let store = SqlStore::open(&url, &blobs).await.expect("open");
        let (upload, blob) = upload_of(&store, b"committed").await;
        let committed = upload
            .commit(one_item(
                new_case("kept"),
                Author::Reporter,
                ItemKind::Text,
                blob,
                None,
            ))
            .await
            .expect("commit");
        let mut seed = 3;
        let old = noise(&mut seed, CHUNK_BYTES + 5);
        sqlx::query("INSERT INTO blobs (id, size, sha256) VALUES (77, $1, x'00')")
            .bind(old.len() as i64)
            .execute(&store.write)
            .await
            .expect("old blob");
        for (seq, chunk) in old.chunks(CHUNK_BYTES).enumerate() {
            sqlx::query("INSERT INTO blob_chunks (blob_id, seq, data) VALUES (77, $1, $2)")
                .bind(seq as i64)
                .bind(chunk)
                .execute(&store.write)
                .await
                .expect("old chunk");
        }
        store.close().await;
        std::fs::write(blobs.join("incoming/interrupted-0"), b"half").expect("incoming");
        let orphan = store.blobs.path(0x0000_0001_2345_6789);
        std::fs::create_dir_all(orphan.parent().expect("parent")).expect("dir");
        std::fs::write(&orphan, b"placed, never recorded").expect("orphan");

        let store = SqlStore::open(&url, &blobs).await.expect("reopen");
        assert_eq!(store.read_blob(77).await.expect("moved"), old);
        assert_eq!(count(&store, "SELECT COUNT(*) FROM blob_chunks").await, 0);
        assert!(!orphan.exists());
        assert_eq!(store.blob_counts().await.expect("counts"), (2, 0, 0));
        let messages = store.messages(committed.case_id).await.expect("messages");
        assert_eq!(
            store
                .read_blob(messages[0].items[0].blob_id)
                .await
                .expect("kept"),
            b"committed"
        );
        store.close().await;
    }

    /// A replaced item's old ciphertext file is gone once the replacement commits.
    #[tokio::test(flavor = "multi_thread")]
    async fn replaced_ciphertext_leaves_the_blob_folder() {
        for (store, _dir) in stores().await {
            let (upload, blob) = upload_of(&store, b"old ciphertext").await;
            let committed = upload
                .commit(one_item(
                    new_case("swap"),
                    Author::Reporter,
                    ItemKind::Text,
                    blob,
                    None,
                ))
                .await
                .expect("commit");
            let item =
                store.messages(committed.case_id).await.expect("messages")[0].items[0].clone();
            let old_path = store.blobs.path(item.blob_id);
            assert!(old_path.exists());
            let (upload, blob) = upload_of(&store, b"new ciphertext").await;
            upload
                .commit_replacements(&[crate::Replacement {
                    item_id: item.id,
                    content: blob,
                    meta: None,
                    audit: Audit::new("ana", "re-encrypt"),
                }])
                .await
                .expect("replace");
            assert!(!old_path.exists());
            let item =
                store.messages(committed.case_id).await.expect("messages")[0].items[0].clone();
            assert_eq!(
                store.read_blob(item.blob_id).await.expect("new"),
                b"new ciphertext"
            );
            assert_eq!(store.blob_counts().await.expect("counts"), (1, 0, 0));
            store.close().await;
        }
    }

    /// Rows about reporters carry random ids: a copy of the database does not tell in
    /// which order cases, messages, items and blobs were made. Order within a case is kept
    /// by `seq`, and unread counts follow it.
    #[tokio::test]
    async fn reporter_rows_have_random_ids_and_cases_keep_their_order() {
        for (store, _dir) in stores().await {
            let mut case_ids = Vec::new();
            for n in 0..6u8 {
                let (upload, blob) = upload_of(&store, &[n; 100]).await;
                let committed = upload
                    .commit(one_item(
                        CaseTarget::New {
                            reference: format!("CASE-{n}"),
                            lookup_key: [n; 32],
                            reporter_recipient: "age1test".into(),
                            holder_key: None,
                        },
                        Author::Reporter,
                        ItemKind::Text,
                        blob,
                        None,
                    ))
                    .await
                    .expect("commit");
                case_ids.push(committed.case_id);
            }
            // A conversation of five turns in the first case.
            let first = case_ids[0];
            store.mark_read("alice", first).await.expect("read");
            for n in 0..4u8 {
                let author = if n % 2 == 0 {
                    Author::Body
                } else {
                    Author::Reporter
                };
                let (upload, blob) = upload_of(&store, &[100 + n; 10]).await;
                upload
                    .commit(one_item(
                        CaseTarget::Existing(first),
                        author,
                        ItemKind::Text,
                        blob,
                        None,
                    ))
                    .await
                    .expect("commit");
            }
            for table in ["cases", "messages", "items", "blobs"] {
                // In the order of writing: SQLite's rowid, PostgreSQL's physical order.
                let order = match store.backend {
                    Backend::Sqlite => "rowid",
                    Backend::Postgres => "ctid",
                };
                let ids: Vec<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                    "SELECT id FROM {table} ORDER BY {order}"
                )))
                .fetch_all(&store.read)
                .await
                .expect("ids");
                assert!(ids.len() >= 6, "{table}");
                assert!(
                    ids.iter().all(|id| (1 << 32..1 << 53).contains(id)),
                    "{table}: {ids:?}"
                );
                let sequential = ids.windows(2).filter(|w| w[1] == w[0] + 1).count();
                assert_eq!(sequential, 0, "{table}: {ids:?}");
            }
            let messages = store.messages(first).await.expect("messages");
            let contents: Vec<Vec<u8>> = {
                let mut out = Vec::new();
                for m in &messages {
                    out.push(store.read_blob(m.items[0].blob_id).await.expect("blob"));
                }
                out
            };
            assert_eq!(
                contents,
                vec![
                    vec![0; 100],
                    vec![100; 10],
                    vec![101; 10],
                    vec![102; 10],
                    vec![103; 10]
                ],
                "the conversation in the order it was written"
            );
            let unread = store.unread_items("alice").await.expect("unread");
            assert_eq!(
                unread.get(&first),
                Some(&2),
                "two reporter turns since the read"
            );
            store.close().await;
        }
    }

    /// A fresh store of each database the tests can reach: SQLite always, PostgreSQL when
    /// `TEST_POSTGRES_URL` names a server (`test.sh` starts one; in CI it must).
    async fn stores() -> Vec<(SqlStore, tempfile::TempDir)> {
        let mut out = Vec::new();
        let dir = tempfile::tempdir().expect("tempdir");
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let store = SqlStore::open(&url, &dir.path().join("blobs"))
            .await
            .expect("open");
        out.push((store, dir));
        if let Some(url) = fresh_postgres().await {
            let dir = tempfile::tempdir().expect("tempdir");
            let store = SqlStore::open(&url, &dir.path().join("blobs"))
                .await
                .expect("open PostgreSQL");
            assert_eq!(store.backend, Backend::Postgres);
            out.push((store, dir));
        }
        out
    }

    /// A new, empty database on the PostgreSQL server of `TEST_POSTGRES_URL`.
    async fn fresh_postgres() -> Option<String> {
        use sqlx::Connection;
        let Ok(base) = std::env::var("TEST_POSTGRES_URL") else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must test PostgreSQL too: set TEST_POSTGRES_URL (test.sh does)"
            );
            return None;
        };
        let name = format!("candor_store_{:x}", crate::random_id().expect("random"));
        let mut conn = sqlx::PgConnection::connect(&base)
            .await
            .expect("PostgreSQL");
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut conn)
            .await
            .expect("create database");
        let (path, query) = base.split_once('?').unwrap_or((&base, ""));
        let (server, _) = path.rsplit_once('/').expect("a database in the URL");
        Some(format!("{server}/{name}?{query}"))
    }

    /// A transaction left open elsewhere (here: one that read `cases`) does not hold a
    /// PostgreSQL shred, and every request queued behind its table lock, for good: the
    /// rewrite gives up (an error; the next sweep retries), the connection it used is
    /// back to no lock timeout, and once the other transaction ends it succeeds.
    #[tokio::test(flavor = "multi_thread")]
    async fn a_shred_does_not_wait_for_an_open_transaction_for_good() {
        use sqlx::Connection;
        let Some(url) = fresh_postgres().await else {
            return;
        };
        let dir = tempfile::tempdir().expect("tempdir");
        let store = SqlStore::open(&url, &dir.path().join("blobs"))
            .await
            .expect("open");
        store.shred().await.expect("nothing in the way");
        let mut other = sqlx::PgConnection::connect(&url).await.expect("connect");
        sqlx::query("BEGIN")
            .execute(&mut other)
            .await
            .expect("begin");
        sqlx::query("SELECT count(*) FROM cases")
            .execute(&mut other)
            .await
            .expect("read");
        assert!(store.shred().await.is_err(), "gave up on the lock");
        let timeouts: Vec<String> = futures_util::future::join_all((0..16).map(|_| async {
            sqlx::query_scalar::<_, String>("SHOW lock_timeout")
                .fetch_one(&store.write)
                .await
                .expect("show")
        }))
        .await;
        assert!(timeouts.iter().all(|t| t == "0"), "{timeouts:?}");
        sqlx::query("COMMIT")
            .execute(&mut other)
            .await
            .expect("commit");
        store.shred().await.expect("nothing in the way any more");
    }

    /// Pseudo-random bytes (xorshift): incompressible test data without a dependency.
    fn noise(seed: &mut u64, len: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(len + 8);
        while out.len() < len {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            out.extend_from_slice(&seed.to_le_bytes());
        }
        out.truncate(len);
        out
    }

    fn new_case(reference: &str) -> CaseTarget {
        CaseTarget::New {
            reference: reference.into(),
            lookup_key: [9; 32],
            reporter_recipient: "age1test".into(),
            holder_key: None,
        }
    }

    /// A message of one item (`blob`, finished), written today.
    fn one_item(
        case: CaseTarget,
        author: Author,
        kind: ItemKind,
        blob: BlobRef,
        audit: Option<Audit>,
    ) -> CommitPlan {
        CommitPlan {
            case,
            author,
            day: Day::today(),
            items: vec![NewItem {
                kind,
                blob,
                meta: None,
            }],
            log_entry: None,
            audit,
        }
    }

    /// An upload holding one finished blob of `bytes`.
    async fn upload_of(store: &SqlStore, bytes: &[u8]) -> (SqlUpload, BlobRef) {
        let mut upload = store.begin_upload().expect("upload");
        let blob = upload.new_blob();
        upload.append(blob, bytes).await.expect("append");
        upload.finish_blob(blob).await.expect("finish");
        (upload, blob)
    }

    /// The ciphertext hashes an upload reports (continued by the batch writer over the
    /// chunks it writes, completed when a blob is finished) are those of the bytes stored,
    /// for pieces that cross chunk and batch boundaries, for blobs written in turn, and for
    /// a small blob written only by the commit.
    #[tokio::test(flavor = "multi_thread")]
    async fn blob_hashes_are_those_of_the_stored_bytes() {
        use sha2::{Digest, Sha256};
        for (store, _dir) in stores().await {
            let mut upload = store.begin_upload().expect("upload");
            let blobs = [upload.new_blob(), upload.new_blob(), upload.new_blob()];
            let mut expected = [Sha256::new(), Sha256::new(), Sha256::new()];
            let sizes = [
                1,
                65_536,
                CHUNK_BYTES - 1,
                CHUNK_BYTES,
                3 * CHUNK_BYTES + 7,
                17,
                9 * CHUNK_BYTES + 1,
            ];
            let mut seed = 0x9e37_79b9_7f4a_7c15;
            for round in 0..6 {
                for i in 0..2 {
                    let data = noise(&mut seed, sizes[(round * 2 + i) % sizes.len()]);
                    upload.append(blobs[i], &data).await.expect("append");
                    expected[i].update(&data);
                }
            }
            let small = noise(&mut seed, 300);
            upload.append(blobs[2], &small).await.expect("append");
            expected[2].update(&small);
            let expected: Vec<[u8; 32]> = expected.map(|h| h.finalize().into()).to_vec();
            for (blob, digest) in blobs.iter().zip(&expected) {
                let (_, finished) = upload.finish_blob(*blob).await.expect("finish");
                assert_eq!(&finished, digest);
                assert_eq!(upload.blob_sha256(*blob).as_ref(), Some(digest));
            }
            let committed = upload
                .commit(CommitPlan {
                    case: new_case("hashes"),
                    author: Author::Reporter,
                    day: Day::today(),
                    items: vec![
                        NewItem {
                            kind: ItemKind::File,
                            blob: blobs[0],
                            meta: Some(blobs[2]),
                        },
                        NewItem {
                            kind: ItemKind::Text,
                            blob: blobs[1],
                            meta: None,
                        },
                    ],
                    log_entry: None,
                    audit: None,
                })
                .await
                .expect("commit");
            assert_eq!(
                committed.ciphertext_sha256,
                vec![expected[0], expected[2], expected[1]]
            );
            let rows = sqlx::query("SELECT id, sha256 FROM blobs")
                .fetch_all(&store.read)
                .await
                .expect("blobs");
            assert_eq!(rows.len(), 3);
            let mut stored = Vec::new();
            for row in rows {
                let id: i64 = row.get(0);
                let column: Vec<u8> = row.get(1);
                let actual: [u8; 32] =
                    Sha256::digest(store.read_blob(id).await.expect("read")).into();
                assert_eq!(column, actual.to_vec(), "the sha256 column of blob {id}");
                stored.push(actual);
            }
            stored.sort();
            let mut want = expected.clone();
            want.sort();
            assert_eq!(stored, want);
            store.close().await;
        }
    }

    /// A download resumed at any offset (inside a chunk, on a boundary, at or past the
    /// end) gets exactly the blob's remaining bytes; a bulk request's items come in one
    /// query with their case's reference, and unknown ids are simply absent.
    #[tokio::test(flavor = "multi_thread")]
    async fn blobs_resume_at_any_offset_and_items_come_in_one_query() {
        for (store, _dir) in stores().await {
            let mut seed = 7;
            let data = noise(&mut seed, 2 * CHUNK_BYTES + 300);
            let (upload, blob) = upload_of(&store, &data).await;
            let committed = upload
                .commit(CommitPlan {
                    case: new_case("resume"),
                    author: Author::Reporter,
                    day: Day::today(),
                    items: vec![NewItem {
                        kind: ItemKind::Text,
                        blob,
                        meta: None,
                    }],
                    log_entry: None,
                    audit: None,
                })
                .await
                .expect("commit");
            let messages = store.messages(committed.case_id).await.expect("messages");
            let item = messages[0].items[0].clone();
            let len = data.len() as u64;
            let c = CHUNK_BYTES as u64;
            for offset in [0, 1, c - 1, c, c + 1, 2 * c, len - 1, len, len + 5] {
                let chunks: Vec<Vec<u8>> = store
                    .blob_chunks_from(item.blob_id, offset)
                    .try_collect()
                    .await
                    .expect("read");
                let start = (offset as usize).min(data.len());
                assert_eq!(chunks.concat(), data[start..], "from {offset}");
                assert!(chunks.iter().all(|c| !c.is_empty()));
            }
            let found = store
                .items_with_case(&[item.id, 12345, item.id])
                .await
                .expect("items");
            assert_eq!(found.len(), 1);
            let (reference, row) = &found[&item.id];
            assert_eq!(reference, "resume");
            assert_eq!((row.blob_id, row.blob_size), (item.blob_id, item.blob_size));
            assert!(store.items_with_case(&[]).await.expect("none").is_empty());
            store.close().await;
        }
    }

    /// Bytes of `path` in the page cache, as `fincore` (util-linux) reports them.
    fn cached_bytes(path: &Path) -> u64 {
        let out = std::process::Command::new("fincore")
            .args(["--bytes", "--noheadings", "--output", "RES"])
            .arg(path)
            .output()
            .expect("fincore (Debian package util-linux-extra) must be installed");
        assert!(out.status.success(), "fincore failed");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("a byte count")
    }

    /// An upload's ciphertext, once synced, does not stay in the page cache. (Not on
    /// tmpfs, where nothing leaves memory: the blob folder lives under `target/`.)
    #[tokio::test(flavor = "multi_thread")]
    async fn uploads_leave_the_page_cache() {
        let dir = tempfile::Builder::new()
            .prefix("candor-cache-test-")
            .tempdir_in(concat!(env!("CARGO_MANIFEST_DIR"), "/../../target"))
            .expect("tempdir");
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let store = SqlStore::open(&url, &dir.path().join("blobs"))
            .await
            .expect("open");
        let mut upload = store.begin_upload().expect("upload");
        let blob = upload.new_blob();
        let mut seed = 7;
        for _ in 0..160 {
            let data = noise(&mut seed, CHUNK_BYTES);
            upload.append(blob, &data).await.expect("append");
        }
        upload.finish_blob(blob).await.expect("finish");
        let committed = upload
            .commit(one_item(
                new_case("cache"),
                Author::Reporter,
                ItemKind::File,
                blob,
                None,
            ))
            .await
            .expect("commit");
        let item = store.messages(committed.case_id).await.expect("messages")[0].items[0].clone();
        let path = store.blobs.path(item.blob_id);
        assert_eq!(std::fs::metadata(&path).expect("size").len(), 160 << 20);
        let cached = cached_bytes(&path);
        assert!(
            cached < 16 << 20,
            "{} MiB of the 160 MiB blob file left in the page cache",
            cached >> 20,
        );
        store.close().await;
    }

    async fn count(store: &SqlStore, sql: &'static str) -> i64 {
        sqlx::query(sql)
            .fetch_one(&store.read)
            .await
            .expect("count")
            .get(0)
    }

    /// An action that changes something and its audit record are one transaction: when
    /// the record cannot be written, the action does not happen either (and when it can,
    /// both are there).
    #[tokio::test(flavor = "multi_thread")]
    async fn actions_and_their_audit_records_commit_together() {
        let dir = tempfile::tempdir().expect("tempdir");
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let store = SqlStore::open(&url, &dir.path().join("blobs"))
            .await
            .expect("open");
        let (upload, blob) = upload_of(&store, b"first").await;
        let first = upload
            .commit(one_item(
                new_case("audited"),
                Author::Reporter,
                ItemKind::Text,
                blob,
                None,
            ))
            .await
            .expect("first message");
        let item_id: i64 = sqlx::query("SELECT id FROM items WHERE message_id = $1")
            .bind(first.message_id)
            .fetch_one(&store.read)
            .await
            .expect("item")
            .get(0);
        let audit = Audit::new("ana", "test").case("audited").detail("1");

        sqlx::query(
            "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit \
             BEGIN SELECT RAISE(ABORT, 'the audit trail is unavailable'); END",
        )
        .execute(&store.write)
        .await
        .expect("trigger");
        assert!(
            store
                .set_status(first.case_id, Status::Closed, &audit)
                .await
                .is_err()
        );
        assert!(
            store
                .insert_token(&[1; 32], "ana", "age1test", i64::MAX, 0, &audit)
                .await
                .is_err()
        );
        assert!(
            store
                .add_cosignature(1, "witness", "— witness AAAA", &audit)
                .await
                .is_err()
        );
        let (upload, blob) = upload_of(&store, b"reply").await;
        let reply = upload
            .commit(one_item(
                CaseTarget::Existing(first.case_id),
                Author::Body,
                ItemKind::Text,
                blob,
                Some(audit.clone()),
            ))
            .await;
        assert!(reply.is_err());
        let (upload, blob) = upload_of(&store, b"re-encrypted").await;
        assert!(
            upload
                .commit_replacements(&[crate::Replacement {
                    item_id,
                    content: blob,
                    meta: None,
                    audit: audit.clone(),
                }])
                .await
                .is_err()
        );

        let case = store.case_by_id(first.case_id).await.expect("case");
        assert_eq!(case.status, Status::Received, "status unchanged");
        assert_eq!(
            count(&store, "SELECT COUNT(*) FROM reviewer_tokens").await,
            0
        );
        assert_eq!(
            count(&store, "SELECT COUNT(*) FROM log_cosignatures").await,
            0
        );
        assert_eq!(count(&store, "SELECT COUNT(*) FROM messages").await, 1);
        let kept = store
            .read_blob(
                sqlx::query("SELECT blob_id FROM items WHERE id = $1")
                    .bind(item_id)
                    .fetch_one(&store.read)
                    .await
                    .expect("item")
                    .get(0),
            )
            .await
            .expect("blob");
        assert_eq!(kept, b"first", "item not replaced");
        assert_eq!(count(&store, "SELECT COUNT(*) FROM audit").await, 0);

        sqlx::query("DROP TRIGGER refuse_audit")
            .execute(&store.write)
            .await
            .expect("drop trigger");
        store
            .set_status(first.case_id, Status::Closed, &audit)
            .await
            .expect("status");
        store
            .insert_token(&[1; 32], "ana", "age1test", i64::MAX, 0, &audit)
            .await
            .expect("token");
        store
            .add_cosignature(1, "witness", "— witness AAAA", &audit)
            .await
            .expect("cosignature");
        assert_eq!(
            store.case_by_id(first.case_id).await.expect("case").status,
            Status::Closed
        );
        assert_eq!(count(&store, "SELECT COUNT(*) FROM audit").await, 3);
        store.close().await;
    }
}
