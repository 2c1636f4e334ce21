//! What the operator of a seized server can do to its database by hand: the
//! integration tests use it to check that the workstation and the log's followers notice.
//! Built only with the `tamper` feature (a dev-dependency of the tests); a server never
//! has it.

use sqlx::{AnyConnection, Connection};

use crate::StoreError;

/// A connection to the database at `url` (`sqlite://PATH` or `postgres://…`).
async fn connect(url: &str) -> Result<AnyConnection, StoreError> {
    sqlx::any::install_default_drivers();
    Ok(AnyConnection::connect(url).await?)
}

/// The stored signed note of the log entry at `index`.
pub async fn log_entry_note(db: &str, index: u64) -> Result<Vec<u8>, StoreError> {
    let mut conn = connect(db).await?;
    Ok(
        sqlx::query_scalar("SELECT note FROM log_entries WHERE idx = $1")
            .bind(index as i64)
            .fetch_one(&mut conn)
            .await?,
    )
}

/// Replaces the stored signed note of the log entry at `index`.
pub async fn set_log_entry_note(db: &str, index: u64, note: &[u8]) -> Result<(), StoreError> {
    let mut conn = connect(db).await?;
    sqlx::query("UPDATE log_entries SET note = $1 WHERE idx = $2")
        .bind(note)
        .bind(index as i64)
        .execute(&mut conn)
        .await?;
    Ok(())
}

/// The stored hash at `index` of the log's tree (stored-hash order).
pub async fn log_hash(db: &str, index: u64) -> Result<Vec<u8>, StoreError> {
    let mut conn = connect(db).await?;
    Ok(
        sqlx::query_scalar("SELECT hash FROM log_hashes WHERE idx = $1")
            .bind(index as i64)
            .fetch_one(&mut conn)
            .await?,
    )
}

/// Replaces the stored hash at `index` of the log's tree.
pub async fn set_log_hash(db: &str, index: u64, hash: &[u8]) -> Result<(), StoreError> {
    let mut conn = connect(db).await?;
    sqlx::query("UPDATE log_hashes SET hash = $1 WHERE idx = $2")
        .bind(hash)
        .bind(index as i64)
        .execute(&mut conn)
        .await?;
    Ok(())
}

/// Gives every case the same reporter recipient (a server swapping the reporter's key).
pub async fn set_reporter_recipients(db: &str, recipient: &str) -> Result<(), StoreError> {
    let mut conn = connect(db).await?;
    sqlx::query("UPDATE cases SET reporter_recipient = $1")
        .bind(recipient)
        .execute(&mut conn)
        .await?;
    Ok(())
}

/// Moves the day a case was received to `day`: how the tests let weeks pass before a
/// decision (the day is all the database keeps of when).
pub async fn set_case_received_day(db: &str, reference: &str, day: &str) -> Result<(), StoreError> {
    let mut conn = connect(db).await?;
    sqlx::query("UPDATE cases SET received_day = $1 WHERE reference = $2")
        .bind(day)
        .bind(reference)
        .execute(&mut conn)
        .await?;
    Ok(())
}
