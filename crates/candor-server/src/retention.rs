//! Retention (EU Directive 2019/1937, Art. 18: records kept no longer than necessary):
//! with `[retention] closed_after_months = N`, a closed case is deleted for good N months
//! after its last message, unless the body placed a legal hold on it. The sweep runs at
//! start and then every day at midnight (UTC); each deletion removes the case's rows and
//! ciphertext files and is recorded in the audit trail. The public log keeps its entries:
//! they hold only commitments. The reporter's case page shows the day ahead of time.

use std::sync::Arc;

use candor_core::days::Day;
use candor_store::{Audit, CaseRow, Status, Store, StoreError};

/// The day a case will be deleted, if retention applies to it now: closed, not held.
pub fn deletion_day(case: &CaseRow, last_message: Day, months: Option<u8>) -> Option<Day> {
    let months = months?;
    (case.status == Status::Closed && !case.legal_hold)
        .then(|| last_message.plus_months(i64::from(months)))
}

/// What retention will do with a case, as its reporter is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outlook {
    /// Not closed, or no retention configured.
    Kept,
    /// Closed: deleted on `day`, `months` after the last message.
    Until { day: Day, months: u8 },
    /// Closed, but under a legal hold.
    Held,
}

/// The outlook of `case`, whose last message is of `last_message`.
pub fn outlook(case: &CaseRow, last_message: Option<Day>, months: Option<u8>) -> Outlook {
    match (months, last_message) {
        (Some(_), _) if case.status == Status::Closed && case.legal_hold => Outlook::Held,
        (Some(months), Some(last)) => match deletion_day(case, last, Some(months)) {
            Some(day) => Outlook::Until { day, months },
            None => Outlook::Kept,
        },
        _ => Outlook::Kept,
    }
}

/// Deletes every case whose deletion day has come, then shreds what deleted rows left in
/// the database's files; returns how many cases.
pub async fn sweep(store: &dyn Store, months: Option<u8>, today: Day) -> Result<usize, StoreError> {
    let Some(n) = months else { return Ok(0) };
    let mut deleted = 0;
    for (case, last) in store.closed_cases().await? {
        if deletion_day(&case, last, months).is_some_and(|day| day <= today) {
            let audit = Audit::new("retention", "deleted case")
                .case(&case.reference)
                .detail(format!("closed, last message {last}, kept {n} months"));
            store.delete_case(case.id, &audit).await?;
            deleted += 1;
        }
    }
    // At every sweep, not only after deletions: rows that a transaction still saw at the
    // last one (a backup running then) were kept, and go now.
    store.shred().await?;
    if deleted > 0 {
        tracing::info!(cases = deleted, "retention deleted closed cases");
    }
    Ok(deleted)
}

/// Sweeps at start, then every day at midnight (UTC).
pub async fn run(store: Arc<dyn Store>, months: Option<u8>) {
    if months.is_none() {
        return;
    }
    loop {
        if let Err(err) = sweep(&*store, months, Day::today()).await {
            tracing::error!(error = %err, "the retention sweep did not finish");
        }
        let wait = crate::server::first_integration(
            std::time::Duration::from_secs(86_400),
            jiff::Timestamp::now().as_second(),
        );
        tokio::time::sleep(wait.max(std::time::Duration::from_secs(1))).await;
    }
}
