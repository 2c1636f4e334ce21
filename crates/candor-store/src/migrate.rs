//! `candor migrate`: every row of one database copied into another (SQLite to PostgreSQL
//! for a body that moves to a replicated deployment), then checked: each table's rows,
//! read back in key order from both, must hash the same, and every blob the target names
//! must match its recorded size and SHA-256 in the blob folder.
//!
//! The copy is generic over the tables' columns, listed here once with their kinds, so
//! that it reads and writes any of the store's databases the same way.

use std::path::Path;

use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::sql::{Backend, SqlStore};
use crate::{Store, StoreError};

#[derive(Clone, Copy)]
enum Kind {
    Int,
    Text,
    Bytes,
}

use Kind::{Bytes, Int, Text};

/// A table's name, key (its `ORDER BY`) and columns with their kinds.
type Table = (&'static str, &'static str, &'static [(&'static str, Kind)]);

/// Every table, in an order that respects its references.
const TABLES: &[Table] = &[
    (
        "install",
        "id",
        &[
            ("id", Int),
            ("receipt_salt", Bytes),
            ("kdf_memory_kib", Int),
            ("kdf_iterations", Int),
            ("kdf_parallelism", Int),
        ],
    ),
    (
        "cases",
        "id",
        &[
            ("id", Int),
            ("reference", Text),
            ("lookup_key", Bytes),
            ("reporter_recipient", Text),
            ("status", Text),
            ("received_day", Text),
            ("legal_hold", Int),
            ("reprisal_day", Text),
            ("holder_key", Text),
        ],
    ),
    (
        "blobs",
        "id",
        &[("id", Int), ("size", Int), ("sha256", Bytes)],
    ),
    (
        "messages",
        "id",
        &[
            ("id", Int),
            ("case_id", Int),
            ("author", Text),
            ("day", Text),
            ("seq", Int),
        ],
    ),
    (
        "items",
        "id",
        &[
            ("id", Int),
            ("message_id", Int),
            ("position", Int),
            ("kind", Text),
            ("blob_id", Int),
            ("meta_blob_id", Int),
        ],
    ),
    (
        "reviewer_tokens",
        "token_hash",
        &[
            ("token_hash", Bytes),
            ("reviewer", Text),
            ("expires_at", Int),
            ("recipient", Text),
        ],
    ),
    (
        "audit",
        "id",
        &[
            ("id", Int),
            ("day", Text),
            ("reviewer", Text),
            ("action", Text),
            ("case_reference", Text),
            ("detail", Text),
        ],
    ),
    (
        "reviewer_reads",
        "reviewer, case_id",
        &[("reviewer", Text), ("case_id", Int), ("last_seq", Int)],
    ),
    ("log_pending", "id", &[("id", Int), ("note", Bytes)]),
    (
        "log_entries",
        "idx",
        &[
            ("idx", Int),
            ("note", Bytes),
            ("commitment", Bytes),
            ("kind", Text),
            ("day", Text),
        ],
    ),
    ("log_hashes", "idx", &[("idx", Int), ("hash", Bytes)]),
    ("log_checkpoints", "size", &[("size", Int), ("note", Text)]),
    (
        "log_cosignatures",
        "size, witness",
        &[("size", Int), ("witness", Text), ("line", Text)],
    ),
];

/// One value of a row, as read from either database.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    Int(Option<i64>),
    Text(Option<String>),
    Bytes(Option<Vec<u8>>),
}

impl Value {
    fn hash_into(&self, hash: &mut Sha256) {
        let (tag, bytes): (u8, Option<Vec<u8>>) = match self {
            Value::Int(v) => (1, v.map(|v| v.to_be_bytes().to_vec())),
            Value::Text(v) => (2, v.as_ref().map(|v| v.as_bytes().to_vec())),
            Value::Bytes(v) => (3, v.clone()),
        };
        hash.update([tag]);
        match bytes {
            None => hash.update([0]),
            Some(bytes) => {
                hash.update([1]);
                hash.update((bytes.len() as u64).to_be_bytes());
                hash.update(bytes);
            }
        }
    }
}

/// What a migration copied.
#[derive(Debug, Clone, Default)]
pub struct Migrated {
    /// Rows per table, in [`TABLES`] order.
    pub rows: Vec<(&'static str, usize)>,
    pub blobs: usize,
}

/// Copies every row of `from` into `to` (whose database must hold no case and no log
/// yet), as of one moment of `from` (one read transaction, repeatable in PostgreSQL), then
/// reads `to` back and compares every table with what was read. With `check_blobs`, every
/// blob the copy names must also be in `to`'s blob folder, whole.
pub async fn copy(
    from: &SqlStore,
    to: &SqlStore,
    check_blobs: bool,
) -> Result<Migrated, StoreError> {
    for table in ["cases", "log_entries", "log_pending", "audit"] {
        if to.count(table).await? > 0 {
            return Err(StoreError::Refused(format!(
                "the target database already holds rows in {table}; migrate into a new, empty database"
            )));
        }
    }
    let mut source = from.reader().begin().await?;
    if from.backend() == Backend::Postgres {
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .execute(&mut *source)
            .await?;
    }
    let mut migrated = Migrated::default();
    let mut digests = Vec::new();
    let mut tx = to.writer().begin().await?;
    // The target's own install values (if it made any) give way to the source's: its
    // receipt salt is what every receipt code was derived with.
    sqlx::query("DELETE FROM install").execute(&mut *tx).await?;
    for (table, key, columns) in TABLES {
        let rows = read_table(&mut source, table, key, columns).await?;
        let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
        let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("${i}")).collect();
        let insert = format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            names.join(", "),
            placeholders.join(", ")
        );
        for row in &rows {
            let mut query = sqlx::query(sqlx::AssertSqlSafe(insert.clone()));
            for value in row {
                query = match value {
                    Value::Int(v) => query.bind(*v),
                    Value::Text(v) => query.bind(v.clone()),
                    Value::Bytes(v) => query.bind(v.clone()),
                };
            }
            query.execute(&mut *tx).await?;
        }
        digests.push(digest(&rows));
        migrated.rows.push((table, rows.len()));
    }
    if to.backend() == Backend::Postgres {
        // New audit lines continue after the copied ones.
        sqlx::query(
            "SELECT setval(pg_get_serial_sequence('audit', 'id'), COALESCE((SELECT MAX(id) FROM audit), 0) + 1, false)",
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    source.rollback().await?;

    // The check: every table of the copy, read back, the same as what was read.
    let mut target = to.reader().acquire().await?;
    for ((table, key, columns), expected) in TABLES.iter().zip(&digests) {
        let rows = read_table(&mut target, table, key, columns).await?;
        if &digest(&rows) != expected {
            return Err(StoreError::Refused(format!(
                "the copy of table {table} differs from the original"
            )));
        }
    }
    drop(target);
    if check_blobs {
        let blobs = to.blob_infos().await?;
        let dir = to.blob_dir();
        for blob in &blobs {
            if !dir.matches(blob)? {
                return Err(StoreError::Refused(format!(
                    "blob {} is missing from the blob folder or does not match its recorded size and hash",
                    blob.id
                )));
            }
        }
        migrated.blobs = blobs.len();
    }
    Ok(migrated)
}

async fn read_table(
    conn: &mut sqlx::AnyConnection,
    table: &str,
    key: &str,
    columns: &[(&str, Kind)],
) -> Result<Vec<Vec<Value>>, StoreError> {
    let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
    let select = format!("SELECT {} FROM {table} ORDER BY {key}", names.join(", "));
    let rows = sqlx::query(sqlx::AssertSqlSafe(select))
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|row| {
            columns
                .iter()
                .enumerate()
                .map(|(i, (_, kind))| {
                    Ok(match kind {
                        Int => Value::Int(row.try_get(i)?),
                        Text => Value::Text(row.try_get(i)?),
                        Bytes => Value::Bytes(row.try_get(i)?),
                    })
                })
                .collect()
        })
        .collect()
}

/// The number of rows and a hash of all of them, in order.
fn digest(rows: &[Vec<Value>]) -> (usize, [u8; 32]) {
    let mut hash = Sha256::new();
    for row in rows {
        for value in row {
            value.hash_into(&mut hash);
        }
    }
    (rows.len(), hash.finalize().into())
}

/// Opens the source and target of `candor migrate` and copies: the source as a server
/// would open it (migrations, old chunks moved to files, leftovers removed), the target
/// with its migrations only, sharing the blob folder `blobs` (claimed by the same install,
/// since the copy carries its receipt salt).
pub async fn migrate(from_url: &str, to_url: &str, blobs: &Path) -> Result<Migrated, StoreError> {
    let from = SqlStore::open(from_url, blobs).await?;
    let to = match SqlStore::open_for_copy(to_url, blobs).await {
        Ok(to) => to,
        Err(err) => {
            from.close().await;
            return Err(err);
        }
    };
    let result = copy(&from, &to, true).await;
    from.close().await;
    to.close().await;
    result
}
