//! Ciphertext in files, each written once.
//!
//! Every blob (the age ciphertext of a text, a file, a file's metadata or a log record) is
//! a file of its own in the blob folder, named by its random row id: `BLOBS/ab/<16 hex>`,
//! where `ab` is the id's last byte (256 subfolders). An upload writes its blobs into
//! `BLOBS/incoming/` beside the request (one write in flight per upload, hashed off the
//! request's task), syncing and dropping what is synced from the page cache every 64 MiB.
//! At commit each file is synced, renamed into place and the folders synced; only then does
//! the database's transaction record it. So:
//!
//! - a receipt (sent after that transaction) names only files that are durable;
//! - a crash before the rename leaves files in `incoming/`, emptied at start;
//! - a crash between the rename and the transaction leaves files that no row names,
//!   removed at start (the store compares [`BlobDir::stored_ids`] with its rows).
//!
//! The database keeps each blob's size and SHA-256. A file shorter than its row is an
//! error for its reader, never short data.
//!
//! Written by hand: it is `std::fs` in the order above. Object-store crates target remote
//! stores, and `tempfile`'s `persist` syncs neither the file nor the folder.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use sha2::{Digest, Sha256};

use crate::{BlobRef, CHUNK_BYTES, StoreError};

/// Ciphertext an upload holds per blob before handing it to its writer.
const WRITE_BYTES: usize = 256 * 1024;

/// A blob being written is synced, and its synced pages dropped from the page cache,
/// every time this much has been written (see BENCHMARKS.md: on a virtual machine that
/// returns freed memory to its host, reusing the same pages is several times faster).
const SYNC_EVERY: u64 = 64 * 1024 * 1024;

const INCOMING: &str = "incoming";
/// The file naming the install a blob folder belongs to.
const OWNER: &str = ".owner";

impl From<io::Error> for StoreError {
    fn from(err: io::Error) -> StoreError {
        // An `io::Error`'s message names no path: only the kind and the OS's words.
        StoreError::Blob(err.to_string())
    }
}

/// The blob folder.
#[derive(Debug)]
pub struct BlobDir {
    root: PathBuf,
}

impl BlobDir {
    /// Opens the blob folder, creating it (owner only) and its `incoming/` if needed.
    pub fn open(root: &Path) -> Result<Arc<BlobDir>, StoreError> {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(root.join(INCOMING))?;
        Ok(Arc::new(BlobDir {
            root: root.to_path_buf(),
        }))
    }

    /// The blob folder at `root`, as it is (for reading only: nothing is created).
    pub fn at(root: &Path) -> BlobDir {
        BlobDir {
            root: root.to_path_buf(),
        }
    }

    /// Claims the folder for the install whose receipt salt is `salt` (a hash of it is
    /// written in `.owner` the first time), or refuses a folder another install claimed:
    /// a server pointed at a new database beside an old blob folder would otherwise take
    /// every file in it for a leftover of a crash, and delete it.
    pub(crate) fn claim(&self, salt: &[u8]) -> Result<(), StoreError> {
        let mut hash = Sha256::new();
        hash.update(b"candor blob folder owner\n");
        hash.update(salt);
        let tag = format!("{}\n", hex(&hash.finalize()));
        let path = self.root.join(OWNER);
        match fs::read_to_string(&path) {
            Ok(found) if found == tag => Ok(()),
            Ok(_) => Err(StoreError::Refused(format!(
                "the blob folder {} belongs to another database: check database_url and blob_dir (to move an install to PostgreSQL, use candor migrate)",
                self.root.display()
            ))),
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                let mut file = create(&path)?;
                file.write_all(tag.as_bytes())?;
                file.sync_all()?;
                sync_dir(&self.root)?;
                Ok(())
            }
            Err(err) => Err(err.into()),
        }
    }

    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the blob of row `id` lives.
    pub fn path(&self, id: i64) -> PathBuf {
        self.root
            .join(format!("{:02x}", id & 0xff))
            .join(format!("{id:016x}"))
    }

    /// The blob id a file name stands for, only if it is exactly the name [`Self::path`]
    /// gives that id (no sign, lower-case, sixteen digits).
    pub fn id_of_name(name: &str) -> Option<i64> {
        let id = i64::from_str_radix(name, 16).ok()?;
        (format!("{id:016x}") == name).then_some(id)
    }

    fn incoming(&self, name: &str) -> PathBuf {
        self.root.join(INCOMING).join(name)
    }

    /// Empties `incoming/` (what interrupted uploads left); returns how many files it held.
    pub(crate) fn clear_incoming(&self) -> Result<u64, StoreError> {
        let mut removed = 0;
        for entry in fs::read_dir(self.root.join(INCOMING))? {
            fs::remove_file(entry?.path())?;
            removed += 1;
        }
        if removed > 0 {
            sync_dir(&self.root.join(INCOMING))?;
        }
        Ok(removed)
    }

    /// Files in `incoming/`: uploads in progress (or interrupted).
    pub fn incoming_count(&self) -> Result<u64, StoreError> {
        Ok(fs::read_dir(self.root.join(INCOMING))?.count() as u64)
    }

    /// The ids of every blob file in place.
    pub fn stored_ids(&self) -> Result<Vec<i64>, StoreError> {
        let mut ids = Vec::new();
        for sub in fs::read_dir(&self.root)? {
            let sub = sub?;
            let name = sub.file_name();
            let Some(name) = name.to_str() else { continue };
            if name.len() != 2 || !sub.file_type()?.is_dir() {
                continue;
            }
            for file in fs::read_dir(sub.path())? {
                let file = file?;
                if let Some(id) = file.file_name().to_str().and_then(Self::id_of_name) {
                    ids.push(id);
                }
            }
        }
        Ok(ids)
    }

    /// Removes blob files for good: each is overwritten with zeros and synced before it is
    /// unlinked (so that its blocks do not keep the ciphertext on a file system that
    /// writes in place), then the folders are synced. Missing files are not an error.
    pub(crate) fn remove(&self, ids: &[i64]) -> Result<(), StoreError> {
        let mut dirs = std::collections::BTreeSet::new();
        for &id in ids {
            let path = self.path(id);
            match OpenOptions::new().write(true).open(&path) {
                Ok(mut file) => {
                    let len = file.metadata()?.len();
                    let zeros = vec![0u8; CHUNK_BYTES];
                    let mut left = len;
                    while left > 0 {
                        let n = left.min(CHUNK_BYTES as u64) as usize;
                        file.write_all(&zeros[..n])?;
                        left -= n as u64;
                    }
                    file.sync_data()?;
                    drop_cache(&file);
                    fs::remove_file(&path)?;
                    if let Some(parent) = path.parent() {
                        dirs.insert(parent.to_path_buf());
                    }
                }
                Err(err) if err.kind() == io::ErrorKind::NotFound => {}
                Err(err) => return Err(err.into()),
            }
        }
        for dir in dirs {
            sync_dir(&dir)?;
        }
        Ok(())
    }

    /// Writes a whole blob (already durable elsewhere, such as a chunk kept by an older
    /// version) into place, durably.
    pub(crate) fn put(&self, id: i64, pieces: &[Vec<u8>]) -> Result<(), StoreError> {
        let mut token = [0u8; 8];
        getrandom::fill(&mut token).map_err(|_| StoreError::Random)?;
        let incoming = self.incoming(&format!("put-{}", hex(&token)));
        let mut file = create(&incoming)?;
        for piece in pieces {
            file.write_all(piece)?;
        }
        stamp_day(&file)?;
        file.sync_all()?;
        drop_cache(&file);
        self.place_file(&incoming, id)?;
        sync_dir(&self.root.join(INCOMING))?;
        Ok(())
    }

    /// Copies blob `blob` to the new file `to` (synced, owner only), checking its size and
    /// SHA-256 on the way: a damaged file is an error, not a copy.
    pub fn copy_verified(&self, blob: &crate::BlobInfo, to: &Path) -> Result<(), StoreError> {
        let mut from = match File::open(self.path(blob.id)) {
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                return Err(StoreError::Corrupt("a blob's file is missing"));
            }
            other => other?,
        };
        let mut out = create(to)?;
        let (size, sha256) = digest(&mut from, |piece| out.write_all(piece))?;
        if size != blob.size || sha256 != blob.sha256 {
            drop(out);
            let _ = fs::remove_file(to);
            return Err(StoreError::Corrupt(
                "a blob's file does not match its recorded size and hash",
            ));
        }
        stamp_day(&out)?;
        out.sync_all()?;
        drop_cache(&out);
        drop_cache(&from);
        Ok(())
    }

    /// Whether blob `blob`'s file is there with its recorded size and SHA-256.
    pub fn matches(&self, blob: &crate::BlobInfo) -> Result<bool, StoreError> {
        Ok(file_digest(&self.path(blob.id))? == Some((blob.size, blob.sha256)))
    }

    /// Renames a synced file of `incoming/` to the place of blob `id` and syncs that folder.
    fn place_file(&self, incoming: &Path, id: i64) -> Result<(), StoreError> {
        let target = self.path(id);
        let parent = target
            .parent()
            .ok_or(StoreError::Corrupt("a blob path has no folder"))?;
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)?;
        fs::rename(incoming, &target)?;
        sync_dir(parent)?;
        Ok(())
    }

    /// The bytes of blob `id` (of `size` bytes) from `offset` on, in chunks of at most
    /// [`CHUNK_BYTES`]; nothing when `offset` is at or past the end.
    pub(crate) fn chunks_from(
        self: &Arc<Self>,
        id: i64,
        size: u64,
        offset: u64,
    ) -> BoxStream<'static, Result<Vec<u8>, StoreError>> {
        let path = self.path(id);
        futures_util::stream::try_unfold((None::<File>, offset), move |(file, pos)| {
            let path = path.clone();
            async move {
                if pos >= size {
                    return Ok(None);
                }
                let want = (size - pos).min(CHUNK_BYTES as u64) as usize;
                let (file, data) = tokio::task::spawn_blocking(move || {
                    let mut file = match file {
                        Some(file) => file,
                        None => {
                            let mut file = File::open(&path)?;
                            file.seek(SeekFrom::Start(pos))?;
                            file
                        }
                    };
                    let mut data = vec![0u8; want];
                    file.read_exact(&mut data).map_err(|err| {
                        if err.kind() == io::ErrorKind::UnexpectedEof {
                            StoreError::Corrupt("a blob file is shorter than recorded")
                        } else {
                            err.into()
                        }
                    })?;
                    Ok::<_, StoreError>((file, data))
                })
                .await
                .map_err(|_| StoreError::Corrupt("a blob reader stopped"))??;
                Ok(Some((data, (Some(file), pos + want as u64))))
            }
        })
        .boxed()
    }
}

/// The size and SHA-256 of the file at `path`, read once (and dropped from the page cache
/// after); `None` if there is no such file.
pub fn file_digest(path: &Path) -> Result<Option<(u64, [u8; 32])>, StoreError> {
    let mut file = match File::open(path) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        other => other?,
    };
    let digest = digest(&mut file, |_| Ok(()))?;
    drop_cache(&file);
    Ok(Some(digest))
}

/// Reads `file` to its end in pieces of [`CHUNK_BYTES`], handing each to `sink`; returns
/// the size and SHA-256 of what was read.
fn digest(
    file: &mut File,
    mut sink: impl FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<(u64, [u8; 32])> {
    let mut hash = Sha256::new();
    let mut buf = vec![0u8; CHUNK_BYTES];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            return Ok((size, hash.finalize().into()));
        }
        hash.update(&buf[..n]);
        sink(&buf[..n])?;
        size += n as u64;
    }
}

/// Runs file work on the blocking pool, off the async runtime's threads.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| StoreError::Corrupt("a blob folder task stopped"))?
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn create(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

/// Sets a file's access and modification times to the start of the current UTC day: the
/// store keeps no time finer than the day, and a file's times would. (Its inode change
/// time cannot be set by any program; see SECURITY.md.)
fn stamp_day(file: &File) -> io::Result<()> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let day = std::time::UNIX_EPOCH + std::time::Duration::from_secs(now - now % 86_400);
    file.set_times(fs::FileTimes::new().set_accessed(day).set_modified(day))
}

fn sync_dir(path: &Path) -> io::Result<()> {
    File::open(path)?.sync_all()
}

/// Drops a file's pages that are on disk from the page cache. Advice only: pages not yet
/// written stay, and a failure changes nothing stored.
fn drop_cache(file: &File) {
    #[cfg(target_os = "linux")]
    {
        let _ = rustix::fs::fadvise(file, 0, None, rustix::fs::Advice::DontNeed);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = file;
}

/// A blob of an upload, as [`BlobWriter`] writes it.
struct Pending {
    /// The file in `incoming/`, once created; `None` while a write of it is in flight.
    file: Option<File>,
    created: bool,
    /// The hash of what has been handed to the writer; `None` while in flight.
    hash: Option<Sha256>,
    since_sync: u64,
    /// Ciphertext not yet handed to the writer.
    buf: Vec<u8>,
    size: u64,
    digest: Option<[u8; 32]>,
    discarded: bool,
}

/// An open (neither finished nor discarded) blob of `blobs`.
fn open_in(blobs: &mut [Pending], blob: BlobRef) -> Result<&mut Pending, StoreError> {
    match blobs.get_mut(blob.0) {
        Some(p) if p.digest.is_none() && !p.discarded => Ok(p),
        Some(_) => Err(StoreError::Corrupt("write to a closed blob")),
        None => Err(StoreError::Corrupt("unknown blob in upload")),
    }
}

/// What a write in the background gives back.
struct Written {
    index: usize,
    file: File,
    hash: Sha256,
    since_sync: u64,
    buf: Vec<u8>,
}

/// A blob put in place by [`BlobWriter::place`]: its row's values.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placed {
    pub blob: BlobRef,
    pub id: i64,
    pub size: u64,
    pub sha256: [u8; 32],
}

/// The files of one upload. Dropped before [`BlobWriter::placed`] is called, it removes
/// every file it wrote (in `incoming/` or already in place).
pub(crate) struct BlobWriter {
    dir: Arc<BlobDir>,
    token: String,
    blobs: Vec<Pending>,
    in_flight: Option<tokio::task::JoinHandle<Result<Written, StoreError>>>,
    /// The buffer the last write gave back, for the next one: an upload allocates two
    /// buffers, not one per write.
    spare: Vec<u8>,
    /// Files renamed into place, removed if the upload does not commit.
    placed: Vec<i64>,
    done: bool,
}

impl BlobWriter {
    pub(crate) fn new(dir: Arc<BlobDir>) -> Result<BlobWriter, StoreError> {
        let mut token = [0u8; 16];
        getrandom::fill(&mut token).map_err(|_| StoreError::Random)?;
        Ok(BlobWriter {
            dir,
            token: hex(&token),
            blobs: Vec::new(),
            in_flight: None,
            spare: Vec::new(),
            placed: Vec::new(),
            done: false,
        })
    }

    fn incoming_name(&self, index: usize) -> String {
        format!("{}-{index}", self.token)
    }

    pub(crate) fn new_blob(&mut self) -> BlobRef {
        self.blobs.push(Pending {
            file: None,
            created: false,
            hash: Some(Sha256::new()),
            since_sync: 0,
            buf: Vec::new(),
            size: 0,
            digest: None,
            discarded: false,
        });
        BlobRef(self.blobs.len() - 1)
    }

    fn open_blob(&mut self, blob: BlobRef) -> Result<&mut Pending, StoreError> {
        open_in(&mut self.blobs, blob)
    }

    pub(crate) async fn append(&mut self, blob: BlobRef, data: &[u8]) -> Result<(), StoreError> {
        let pending = open_in(&mut self.blobs, blob)?;
        if pending.buf.capacity() == 0 {
            pending.buf = std::mem::take(&mut self.spare);
        }
        pending.size += data.len() as u64;
        pending.buf.extend_from_slice(data);
        if pending.buf.len() >= WRITE_BYTES {
            self.write(blob.0, false).await?;
        }
        Ok(())
    }

    /// Waits for the write in flight, if any, and gives its blob back its file and hash.
    async fn settle(&mut self) -> Result<(), StoreError> {
        let Some(task) = self.in_flight.take() else {
            return Ok(());
        };
        let written = task
            .await
            .map_err(|_| StoreError::Corrupt("a blob writer stopped"))??;
        if let Some(p) = self.blobs.get_mut(written.index) {
            p.file = Some(written.file);
            p.hash = Some(written.hash);
            p.since_sync = written.since_sync;
        }
        self.spare = written.buf;
        Ok(())
    }

    /// Hands a blob's held bytes to a background write (after the one in flight), creating
    /// its file first if needed; with `last`, waits for it.
    async fn write(&mut self, index: usize, last: bool) -> Result<(), StoreError> {
        self.settle().await?;
        let path = self.dir.incoming(&self.incoming_name(index));
        let p = self
            .blobs
            .get_mut(index)
            .ok_or(StoreError::Corrupt("unknown blob in upload"))?;
        if p.buf.is_empty() && p.created {
            return Ok(());
        }
        let file = p.file.take();
        let create_file = !p.created;
        p.created = true;
        let mut hash = p
            .hash
            .take()
            .ok_or(StoreError::Corrupt("blob hash not available"))?;
        let mut since_sync = p.since_sync;
        let mut buf = std::mem::replace(&mut p.buf, std::mem::take(&mut self.spare));
        self.in_flight = Some(tokio::task::spawn_blocking(move || {
            let mut file = match file {
                Some(file) => file,
                None if create_file => create(&path)?,
                None => return Err(StoreError::Corrupt("a blob file went missing")),
            };
            file.write_all(&buf)?;
            hash.update(&buf);
            since_sync += buf.len() as u64;
            if since_sync >= SYNC_EVERY {
                file.sync_data()?;
                drop_cache(&file);
                since_sync = 0;
            }
            buf.clear();
            Ok(Written {
                index,
                file,
                hash,
                since_sync,
                buf,
            })
        }));
        if last {
            self.settle().await?;
        }
        Ok(())
    }

    /// Writes what a blob still holds and closes it; returns its size and SHA-256.
    pub(crate) async fn finish(&mut self, blob: BlobRef) -> Result<(u64, [u8; 32]), StoreError> {
        self.open_blob(blob)?;
        self.write(blob.0, true).await?;
        let p = self.open_blob(blob)?;
        // Closed now, reopened to be synced at commit: a request of thousands of small
        // files must not hold thousands of descriptors.
        p.file = None;
        let digest: [u8; 32] = p
            .hash
            .take()
            .ok_or(StoreError::Corrupt("blob hash not available"))?
            .finalize()
            .into();
        p.digest = Some(digest);
        let (size, freed) = (p.size, std::mem::take(&mut p.buf));
        if freed.capacity() > self.spare.capacity() {
            self.spare = freed;
        }
        Ok((size, digest))
    }

    pub(crate) fn sha256(&self, blob: BlobRef) -> Option<[u8; 32]> {
        self.blobs
            .get(blob.0)
            .filter(|p| !p.discarded)
            .and_then(|p| p.digest)
    }

    pub(crate) fn discard(&mut self, blob: BlobRef) -> Result<(), StoreError> {
        let p = self
            .blobs
            .get_mut(blob.0)
            .ok_or(StoreError::Corrupt("unknown blob in upload"))?;
        p.discarded = true;
        p.buf = Vec::new();
        Ok(())
    }

    /// Makes `blobs` (each finished) durable in place: synced, renamed, folders synced; the
    /// other files of the upload are removed. The caller records them in its transaction,
    /// then calls [`BlobWriter::committed`]; until then they are removed if it drops this.
    pub(crate) async fn place(&mut self, blobs: &[BlobRef]) -> Result<Vec<Placed>, StoreError> {
        self.settle().await?;
        let mut placed = Vec::with_capacity(blobs.len());
        let mut moves = Vec::with_capacity(blobs.len());
        for &blob in blobs {
            let p = self
                .blobs
                .get_mut(blob.0)
                .ok_or(StoreError::Corrupt("unknown blob in upload"))?;
            let (Some(sha256), false) = (p.digest, p.discarded) else {
                return Err(StoreError::Corrupt("commit of an unfinished blob"));
            };
            if placed.iter().any(|q: &Placed| q.blob == blob) {
                return Err(StoreError::Corrupt("a blob is committed twice"));
            }
            // The file's name in place is its row id, drawn now.
            let id = crate::random_id()?;
            placed.push(Placed {
                blob,
                id,
                size: p.size,
                sha256,
            });
            moves.push((blob.0, id));
        }
        let dir = self.dir.clone();
        let names: Vec<(PathBuf, i64)> = moves
            .into_iter()
            .map(|(index, id)| (dir.incoming(&self.incoming_name(index)), id))
            .collect();
        let rest: Vec<PathBuf> = (0..self.blobs.len())
            .filter(|i| !blobs.iter().any(|b| b.0 == *i))
            .filter(|i| self.blobs[*i].created)
            .map(|i| dir.incoming(&self.incoming_name(i)))
            .collect();
        let ids: Vec<i64> = placed.iter().map(|p| p.id).collect();
        self.placed.extend(&ids);
        blocking(move || {
            for (incoming, _) in &names {
                let file = File::open(incoming)?;
                stamp_day(&file)?;
                file.sync_all()?;
                drop_cache(&file);
            }
            for (incoming, id) in &names {
                dir.place_file(incoming, *id)?;
            }
            for path in rest {
                match fs::remove_file(path) {
                    Err(err) if err.kind() != io::ErrorKind::NotFound => return Err(err.into()),
                    _ => {}
                }
            }
            sync_dir(&dir.root.join(INCOMING))?;
            Ok::<_, StoreError>(())
        })
        .await?;
        Ok(placed)
    }

    /// The transaction that records the placed blobs has committed: they stay.
    pub(crate) fn committed(&mut self) {
        self.done = true;
    }
}

impl Drop for BlobWriter {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        // The request failed, or the transaction did: remove what was written, once the
        // write in flight (if any) is over. What a crash leaves is removed at start.
        let incoming: Vec<PathBuf> = (0..self.blobs.len())
            .filter(|&i| self.blobs[i].created)
            .map(|i| self.dir.incoming(&self.incoming_name(i)))
            .collect();
        let placed = std::mem::take(&mut self.placed);
        if incoming.is_empty() && placed.is_empty() {
            return;
        }
        let dir = self.dir.clone();
        let in_flight = self.in_flight.take();
        let clean = move || {
            for path in incoming {
                let _ = fs::remove_file(path);
            }
            if dir.remove(&placed).is_err() {
                tracing::warn!(
                    "could not remove an interrupted upload; it will be removed at the next start"
                );
            }
        };
        match tokio::runtime::Handle::try_current() {
            Ok(handle) => {
                handle.spawn(async move {
                    if let Some(task) = in_flight {
                        let _ = task.await;
                    }
                    let _ = tokio::task::spawn_blocking(clean).await;
                });
            }
            Err(_) => clean(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_name_a_blob_is_given_names_it() {
        let dir = BlobDir::at(Path::new("/nowhere"));
        assert_eq!(BlobDir::id_of_name("00000000000000a1"), Some(0xa1));
        let name = dir.path(0xa1);
        assert_eq!(
            name.file_name().and_then(|n| n.to_str()),
            Some("00000000000000a1")
        );
        for bad in [
            "+0000000000000a1",
            "-0000000000000a1",
            "00000000000000A1",
            "0000000000000a1",
            "000000000000000a1",
            "ffffffffffffffff",
            "",
        ] {
            assert_eq!(BlobDir::id_of_name(bad), None, "{bad}");
        }
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_blob_is_in_place_only_once_placed_and_gone_if_never_committed() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = BlobDir::open(&tmp.path().join("blobs")).expect("open");
        let mut writer = BlobWriter::new(dir.clone()).expect("writer");
        let kept = writer.new_blob();
        let dropped = writer.new_blob();
        let data: Vec<u8> = (0..(3 * WRITE_BYTES + 17)).map(|i| i as u8).collect();
        for piece in data.chunks(70_000) {
            writer.append(kept, piece).await.expect("append");
            writer.append(dropped, piece).await.expect("append");
        }
        let (size, digest) = writer.finish(kept).await.expect("finish");
        assert_eq!(size, data.len() as u64);
        assert_eq!(digest, <[u8; 32]>::from(Sha256::digest(&data)));
        assert!(writer.append(kept, b"more").await.is_err(), "closed");
        writer.discard(dropped).expect("discard");
        assert!(dir.stored_ids().expect("ids").is_empty());
        assert_eq!(dir.incoming_count().expect("incoming"), 2);

        let placed = writer.place(&[kept]).await.expect("place");
        assert_eq!(dir.stored_ids().expect("ids"), vec![placed[0].id]);
        // Its times say the day, nothing finer.
        let meta = fs::metadata(dir.path(placed[0].id)).expect("metadata");
        for time in [
            meta.modified().expect("mtime"),
            meta.accessed().expect("atime"),
        ] {
            let secs = time
                .duration_since(std::time::UNIX_EPOCH)
                .expect("after 1970")
                .as_secs();
            assert_eq!(secs % 86_400, 0, "a file time finer than the day");
        }
        assert_eq!(dir.incoming_count().expect("incoming"), 0);
        let read: Vec<Vec<u8>> =
            futures_util::TryStreamExt::try_collect(dir.chunks_from(placed[0].id, size, 5))
                .await
                .expect("read");
        assert_eq!(read.concat(), data[5..]);
        // Never committed: dropping the writer removes the placed file.
        drop(writer);
        for _ in 0..200 {
            if dir.stored_ids().expect("ids").is_empty() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        assert!(dir.stored_ids().expect("ids").is_empty());
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_short_file_is_an_error_not_short_data() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = BlobDir::open(tmp.path()).expect("open");
        dir.put(42, &[vec![7; 100]]).expect("put");
        let read: Result<Vec<Vec<u8>>, _> =
            futures_util::TryStreamExt::try_collect(dir.chunks_from(42, 200, 0)).await;
        assert!(matches!(read, Err(StoreError::Corrupt(_))));
        dir.remove(&[42, 43]).expect("remove");
        assert!(!dir.path(42).exists());
    }
}
