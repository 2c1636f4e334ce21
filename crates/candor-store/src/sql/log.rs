//! Storage of the sealed status log: pending entries, leaves, tree hashes, checkpoints and
//! cosignatures. Only the log service writes here.

use sqlx::Row;

use async_trait::async_trait;

use super::{SqlStore, insert_audit};
use crate::{Audit, Integration, LogEntryRow, LogStore, StoreError};

fn to_i64(v: u64) -> Result<i64, StoreError> {
    i64::try_from(v).map_err(|_| StoreError::Corrupt("log index out of range"))
}

fn to_u64(v: i64) -> Result<u64, StoreError> {
    u64::try_from(v).map_err(|_| StoreError::Corrupt("negative log index"))
}

#[async_trait]
impl LogStore for SqlStore {
    async fn queue_log_entry(&self, note: &[u8]) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO log_pending (id, note) VALUES ($1, $2)")
            .bind(crate::random_id()?)
            .bind(note)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    async fn pending_log_entries(&self) -> Result<Vec<(i64, Vec<u8>)>, StoreError> {
        let rows = sqlx::query("SELECT id, note FROM log_pending ORDER BY random()")
            .fetch_all(&self.read)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    async fn log_size(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query("SELECT COUNT(*) FROM log_entries")
            .fetch_one(&self.read)
            .await?
            .try_get(0)?;
        to_u64(n)
    }

    async fn log_hashes(&self, indexes: &[u64]) -> Result<Vec<Option<[u8; 32]>>, StoreError> {
        let mut found = std::collections::HashMap::with_capacity(indexes.len());
        for chunk in indexes.chunks(500) {
            // The indexes go into the statement as numbers (nothing else can be written
            // there): one statement per 500, on either database.
            let list = chunk
                .iter()
                .map(|i| to_i64(*i).map(|i| i.to_string()))
                .collect::<Result<Vec<_>, _>>()?
                .join(", ");
            let q = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT idx, hash FROM log_hashes WHERE idx IN ({list})"
            )));
            for row in q.fetch_all(&self.read).await? {
                let idx: i64 = row.try_get(0)?;
                let hash: Vec<u8> = row.try_get(1)?;
                let hash = <[u8; 32]>::try_from(hash.as_slice())
                    .map_err(|_| StoreError::Corrupt("a log hash is not 32 bytes"))?;
                found.insert(to_u64(idx)?, hash);
            }
        }
        Ok(indexes.iter().map(|i| found.get(i).copied()).collect())
    }

    async fn integrate_log(&self, batch: &Integration) -> Result<(), StoreError> {
        let mut tx = self.writer().begin().await?;
        for leaf in &batch.entries {
            sqlx::query("INSERT INTO log_entries (idx, note, commitment, kind, day) VALUES ($1, $2, $3, $4, $5)")
                .bind(to_i64(leaf.index)?)
                .bind(&leaf.note)
                .bind(&leaf.commitment[..])
                .bind(&leaf.kind)
                .bind(&leaf.day)
                .execute(&mut *tx)
                .await?;
        }
        for (idx, hash) in &batch.hashes {
            sqlx::query("INSERT INTO log_hashes (idx, hash) VALUES ($1, $2)")
                .bind(to_i64(*idx)?)
                .bind(&hash[..])
                .execute(&mut *tx)
                .await?;
        }
        for id in &batch.pending_ids {
            sqlx::query("DELETE FROM log_pending WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        if let Some((size, note)) = &batch.checkpoint {
            sqlx::query("INSERT INTO log_checkpoints (size, note) VALUES ($1, $2)")
                .bind(to_i64(*size)?)
                .bind(note)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn latest_checkpoint(&self) -> Result<Option<(u64, String)>, StoreError> {
        let row = sqlx::query("SELECT size, note FROM log_checkpoints ORDER BY size DESC LIMIT 1")
            .fetch_optional(&self.read)
            .await?;
        row.map(|r| Ok((to_u64(r.try_get(0)?)?, r.try_get(1)?)))
            .transpose()
    }

    async fn checkpoint_at(&self, size: u64) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT note FROM log_checkpoints WHERE size = $1")
            .bind(to_i64(size)?)
            .fetch_optional(&self.read)
            .await?;
        row.map(|r| Ok(r.try_get(0)?)).transpose()
    }

    async fn log_entry_by_commitment(
        &self,
        commitment: &[u8; 32],
    ) -> Result<Option<LogEntryRow>, StoreError> {
        let row = sqlx::query(
            "SELECT idx, note FROM log_entries WHERE commitment = $1 ORDER BY idx LIMIT 1",
        )
        .bind(&commitment[..])
        .fetch_optional(&self.read)
        .await?;
        row.map(|r| {
            Ok(LogEntryRow {
                index: to_u64(r.try_get(0)?)?,
                note: r.try_get(1)?,
            })
        })
        .transpose()
    }

    async fn log_entry_pending(&self, note: &[u8]) -> Result<bool, StoreError> {
        Ok(sqlx::query("SELECT id FROM log_pending WHERE note = $1")
            .bind(note)
            .fetch_optional(&self.read)
            .await?
            .is_some())
    }

    async fn log_entries(&self, start: u64, end: u64) -> Result<Vec<Vec<u8>>, StoreError> {
        let rows =
            sqlx::query("SELECT note FROM log_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx")
                .bind(to_i64(start)?)
                .bind(to_i64(end)?)
                .fetch_all(&self.read)
                .await?;
        rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
    }

    async fn add_cosignature(
        &self,
        size: u64,
        witness: &str,
        line: &str,
        audit: &Audit,
    ) -> Result<(), StoreError> {
        let mut tx = self.writer().begin().await?;
        sqlx::query(
            "INSERT INTO log_cosignatures (size, witness, line) VALUES ($1, $2, $3) \
             ON CONFLICT (size, witness) DO UPDATE SET line = excluded.line",
        )
        .bind(to_i64(size)?)
        .bind(witness)
        .bind(line)
        .execute(&mut *tx)
        .await?;
        insert_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn cosignatures(&self, size: u64) -> Result<Vec<String>, StoreError> {
        let rows =
            sqlx::query("SELECT line FROM log_cosignatures WHERE size = $1 ORDER BY witness")
                .bind(to_i64(size)?)
                .fetch_all(&self.read)
                .await?;
        rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
    }
}
