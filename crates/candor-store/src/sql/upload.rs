//! Writing a submission: its blobs go to files as the ciphertext arrives
//! ([`crate::blobs`]); the commit puts them in place, then records them with the message
//! in one transaction. Nothing becomes visible until [`SqlUpload::commit`].

use sqlx::{AnyConnection, Row};

use super::{Backend, SqlStore, delete_blob_rows, insert_audit};
use crate::blobs::{BlobWriter, Placed};
use crate::{
    BlobRef, CaseTarget, CommitPlan, Committed, Replacement, Status, StoreError, Upload, random_id,
};
use async_trait::async_trait;

/// An upload in progress. Dropping it without committing deletes what it wrote.
pub struct SqlUpload {
    store: SqlStore,
    files: BlobWriter,
}

impl SqlUpload {
    pub(super) fn new(store: SqlStore) -> Result<SqlUpload, StoreError> {
        Ok(SqlUpload {
            files: BlobWriter::new(store.blobs.clone())?,
            store,
        })
    }

    pub(crate) async fn commit(mut self, plan: CommitPlan) -> Result<Committed, StoreError> {
        let refs: Vec<BlobRef> = plan
            .items
            .iter()
            .flat_map(|item| std::iter::once(item.blob).chain(item.meta))
            .collect();
        let placed = self.files.place(&refs).await?;
        let mut tx = self.store.writer().begin().await?;
        insert_blobs(&mut tx, &placed).await?;
        let id_of = |blob: BlobRef| placed_id(&placed, blob);

        let case_id = match &plan.case {
            CaseTarget::New {
                reference,
                lookup_key,
                reporter_recipient,
                holder_key,
            } => {
                let row = sqlx::query(
                    "INSERT INTO cases (id, reference, lookup_key, reporter_recipient, status, received_day, holder_key) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                )
                .bind(random_id()?)
                .bind(reference)
                .bind(&lookup_key[..])
                .bind(reporter_recipient)
                .bind(Status::Received.as_str())
                .bind(plan.day.to_string())
                .bind(holder_key)
                .fetch_one(&mut *tx)
                .await?;
                row.try_get::<i64, _>(0)?
            }
            CaseTarget::Existing(id) => {
                // The case's row, locked in PostgreSQL until the commit, so that two
                // messages of one case at once cannot take the same `seq` (SQLite has one
                // writer).
                let lock = match self.store.backend {
                    Backend::Sqlite => "SELECT id FROM cases WHERE id = $1",
                    Backend::Postgres => "SELECT id FROM cases WHERE id = $1 FOR UPDATE",
                };
                sqlx::query(lock)
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
        .bind(random_id()?)
        .bind(case_id)
        .bind(plan.author.as_str())
        .bind(plan.day.to_string())
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;

        for (position, item) in plan.items.iter().enumerate() {
            sqlx::query(
                "INSERT INTO items (id, message_id, position, kind, blob_id, meta_blob_id) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(random_id()?)
            .bind(message_id)
            .bind(i64::try_from(position).map_err(|_| StoreError::Corrupt("too many items"))?)
            .bind(item.kind.as_str())
            .bind(id_of(item.blob)?)
            .bind(item.meta.map(id_of).transpose()?)
            .execute(&mut *tx)
            .await?;
        }
        if let Some(note) = &plan.log_entry {
            sqlx::query("INSERT INTO log_pending (id, note) VALUES ($1, $2)")
                .bind(random_id()?)
                .bind(note)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(audit) = &plan.audit {
            insert_audit(&mut tx, audit).await?;
        }
        tx.commit().await?;
        self.files.committed();
        Ok(Committed {
            case_id,
            message_id,
            ciphertext_sha256: placed.iter().map(|p| p.sha256).collect(),
        })
    }

    pub(crate) async fn commit_replacements(
        mut self,
        replacements: &[Replacement],
    ) -> Result<(), StoreError> {
        let refs: Vec<BlobRef> = replacements
            .iter()
            .flat_map(|r| std::iter::once(r.content).chain(r.meta))
            .collect();
        let placed = self.files.place(&refs).await?;
        let id_of = |blob: BlobRef| placed_id(&placed, blob);
        let mut tx = self.store.writer().begin().await?;
        insert_blobs(&mut tx, &placed).await?;
        let mut old_blobs = Vec::new();
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
            sqlx::query("UPDATE items SET blob_id = $1, meta_blob_id = $2 WHERE id = $3")
                .bind(id_of(r.content)?)
                .bind(r.meta.map(id_of).transpose()?)
                .bind(r.item_id)
                .execute(&mut *tx)
                .await?;
            let old: Vec<i64> = std::iter::once(old_blob).chain(old_meta).collect();
            delete_blob_rows(&mut tx, self.store.backend, &old).await?;
            old_blobs.extend(old);
            insert_audit(&mut tx, &r.audit).await?;
        }
        tx.commit().await?;
        self.files.committed();
        // The old ciphertext goes now; a crash before this leaves files no row names, which
        // the next start removes.
        self.store.remove_blob_files(old_blobs).await;
        self.store.truncate_wal().await;
        Ok(())
    }
}

/// The row id a blob of this upload was placed under.
fn placed_id(placed: &[Placed], blob: BlobRef) -> Result<i64, StoreError> {
    placed
        .iter()
        .find(|p| p.blob == blob)
        .map(|p| p.id)
        .ok_or(StoreError::Corrupt("a blob was not placed"))
}

/// Records placed blobs (committed: no upload mark).
async fn insert_blobs(conn: &mut AnyConnection, placed: &[Placed]) -> Result<(), StoreError> {
    for p in placed {
        sqlx::query("INSERT INTO blobs (id, size, sha256) VALUES ($1, $2, $3)")
            .bind(p.id)
            .bind(i64::try_from(p.size).map_err(|_| StoreError::Corrupt("blob too large"))?)
            .bind(&p.sha256[..])
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

#[async_trait]
impl Upload for SqlUpload {
    fn new_blob(&mut self) -> BlobRef {
        self.files.new_blob()
    }

    async fn append(&mut self, blob: BlobRef, data: &[u8]) -> Result<(), StoreError> {
        self.files.append(blob, data).await
    }

    async fn finish_blob(&mut self, blob: BlobRef) -> Result<(u64, [u8; 32]), StoreError> {
        self.files.finish(blob).await
    }

    fn blob_sha256(&self, blob: BlobRef) -> Option<[u8; 32]> {
        self.files.sha256(blob)
    }

    fn discard_blob(&mut self, blob: BlobRef) -> Result<(), StoreError> {
        self.files.discard(blob)
    }

    async fn commit(self: Box<Self>, plan: CommitPlan) -> Result<Committed, StoreError> {
        SqlUpload::commit(*self, plan).await
    }

    async fn commit_replacements(
        self: Box<Self>,
        replacements: &[Replacement],
    ) -> Result<(), StoreError> {
        SqlUpload::commit_replacements(*self, replacements).await
    }
}
