//! Keeping uploaded ciphertext out of the kernel's page cache once it is on disk.
//!
//! An upload's chunks are written once and read back rarely, and later (when the
//! workstation fetches a report). Once SQLite's checkpoint has copied them into the
//! database file and synced it, their cached pages only push other data out of memory:
//! a 2 GiB upload would leave 2 GiB of cache behind. Dropping them also lets the kernel
//! reuse the same memory for the next pages, which matters on virtual machines whose
//! freed memory goes back to the host: there, filling fresh memory was measured at about
//! five times the cost of reusing it (BENCHMARKS.md).
//!
//! `POSIX_FADV_DONTNEED` only drops clean pages; pages not yet written are left (their
//! write-back is started), so the hint changes neither durability nor what SQLite reads:
//! a dropped page is read from disk again when needed.

use std::path::Path;
use std::sync::Arc;

/// The database file's page cache, told what it need not keep. Best effort: where the
/// file cannot be opened (an in-memory database) or the hint is not available, nothing
/// happens.
#[derive(Clone, Default)]
pub(super) struct PageCache(Option<Arc<HintFile>>);

struct HintFile(Option<std::fs::File>);

impl Drop for HintFile {
    fn drop(&mut self) {
        // Closing any descriptor of a file releases every POSIX lock the process holds on
        // that file, SQLite's included (fcntl locks belong to the process and the file,
        // not to the descriptor), and the store's connections may still be open. So the
        // descriptor is left open until the process ends: one per database opened.
        if let Some(file) = self.0.take() {
            let _ = std::os::fd::IntoRawFd::into_raw_fd(file);
        }
    }
}

impl PageCache {
    /// A read-only descriptor on the database file at `path`, for the hints.
    pub(super) fn open(path: &Path) -> PageCache {
        PageCache(
            std::fs::File::open(path)
                .ok()
                .map(|file| Arc::new(HintFile(Some(file)))),
        )
    }

    /// Drops the database file's pages that are already on disk from the page cache.
    pub(super) fn release_written(&self) {
        #[cfg(target_os = "linux")]
        if let Some(HintFile(Some(file))) = self.0.as_deref() {
            // Advice only: a failure changes nothing stored, so it is not an error.
            let _ = rustix::fs::fadvise(file, 0, None, rustix::fs::Advice::DontNeed);
        }
    }

    #[cfg(test)]
    pub(super) fn is_open(&self) -> bool {
        self.0.is_some()
    }
}
