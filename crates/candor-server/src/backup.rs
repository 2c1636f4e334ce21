//! `candor backup` and `candor restore`: a consistent copy of everything a server keeps,
//! taken while it runs, and its return to an empty data folder.
//!
//! A backup folder holds `candor.db` (the database as of one commit, made by the store's
//! snapshot), `blobs/` (every file that copy names, each checked against its recorded size
//! and SHA-256 on the way), `log.key` (the log's signing key: certificates verify only with
//! it) and `MANIFEST.sha256`, one line per file in `sha256sum` format, so that
//! `sha256sum -c MANIFEST.sha256` checks it with no Candor at hand. Restoring checks every
//! line first and refuses a folder with a missing, extra or changed file, or a data folder
//! that already holds an install.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use candor_store::sql::SqlStore;
use candor_store::{BlobInfo, Store, StoreError};

use crate::config::Config;
use crate::log_service::LOG_KEY_FILE;

/// The manifest's name in a backup folder.
pub const MANIFEST: &str = "MANIFEST.sha256";
const DATABASE: &str = "candor.db";
const BLOBS: &str = "blobs";
/// A manifest larger than this is refused (about 600,000 files).
pub const MAX_MANIFEST_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{what}: {source}")]
    Io {
        what: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Refused(String),
    #[error("the backup's manifest, line {line}: {why}")]
    Manifest { line: usize, why: &'static str },
}

fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> BackupError {
    let what = what.into();
    move |source| BackupError::Io { what, source }
}

/// What a backup or a restore handled.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub blobs: usize,
    pub bytes: u64,
}

/// Takes a backup of the server of `config` (running or not) into `out`, a folder that
/// does not exist yet or is empty.
pub async fn backup(config: &Config, out: &Path) -> Result<Summary, BackupError> {
    if out.exists()
        && fs::read_dir(out)
            .map_err(io(format!("cannot read {}", out.display())))?
            .next()
            .is_some()
    {
        return Err(BackupError::Refused(format!(
            "{} is not empty; back up into a new folder",
            out.display()
        )));
    }
    make_dir(out)?;
    let store = candor_store::attach(&config.database_url, &config.blob_dir).await?;
    let blobs = store.snapshot(&out.join(DATABASE)).await;
    let blobs = match blobs {
        Ok(blobs) => blobs,
        Err(err) => {
            store.close().await;
            return Err(err.into());
        }
    };
    let copied = copy_blobs(store.blob_dir(), &blobs, &out.join(BLOBS));
    store.close().await;
    let bytes = copied?;
    let key = config.data_dir.join(LOG_KEY_FILE);
    if key.exists() {
        copy_file(&key, &out.join(LOG_KEY_FILE))?;
    }
    write_manifest(out)?;
    Ok(Summary {
        blobs: blobs.len(),
        bytes,
    })
}

fn copy_blobs(
    dir: &candor_store::blobs::BlobDir,
    blobs: &[BlobInfo],
    out: &Path,
) -> Result<u64, BackupError> {
    let target = candor_store::blobs::BlobDir::at(out);
    let mut bytes = 0;
    for blob in blobs {
        let to = target.path(blob.id);
        if let Some(parent) = to.parent() {
            make_dir(parent)?;
        }
        dir.copy_verified(blob, &to).map_err(|err| match err {
            StoreError::Corrupt(why) => BackupError::Refused(format!(
                "{why} (blob {}); if the server deleted it since the snapshot, run the backup again",
                blob.id
            )),
            other => other.into(),
        })?;
        bytes += blob.size;
    }
    Ok(bytes)
}

/// Restores the backup in `from` into the (empty) data folder and blob folder of
/// `config`, after checking every file against the manifest; then opens the store and
/// checks every blob against its row.
pub async fn restore(config: &Config, from: &Path) -> Result<Summary, BackupError> {
    let listed = check_backup(from)?;
    let sqlite = candor_store::sqlite_path(&config.database_url);
    if let Some(db_path) = &sqlite
        && db_path.exists()
    {
        return Err(BackupError::Refused(format!(
            "{} already holds a database; restore into an empty data folder",
            db_path.display()
        )));
    }
    let key_path = config.data_dir.join(LOG_KEY_FILE);
    if key_path.exists() {
        return Err(BackupError::Refused(format!(
            "{} already holds a log key; restore into an empty data folder",
            key_path.display()
        )));
    }
    if config.blob_dir.exists()
        && candor_store::blobs::BlobDir::at(&config.blob_dir)
            .stored_ids()
            .map(|ids| !ids.is_empty())
            .unwrap_or(true)
    {
        return Err(BackupError::Refused(format!(
            "{} already holds files; restore into an empty blob folder",
            config.blob_dir.display()
        )));
    }
    make_dir(&config.data_dir)?;
    let mut bytes = 0;
    match &sqlite {
        Some(db_path) => bytes += copy_file(&from.join(DATABASE), db_path)?,
        None => {
            // PostgreSQL: the backup's rows copied into the (empty) database, checked.
            let source = SqlStore::open_read_only(&from.join(DATABASE), &from.join(BLOBS)).await?;
            let target = SqlStore::open_for_copy(&config.database_url, &config.blob_dir).await;
            let copied = match &target {
                Ok(target) => candor_store::migrate::copy(&source, target, false)
                    .await
                    .map(|_| ()),
                Err(_) => Ok(()),
            };
            source.close().await;
            let target = target?;
            target.close().await;
            copied?;
        }
    }
    let target = candor_store::blobs::BlobDir::open(&config.blob_dir)?;
    for relative in listed.keys() {
        if relative == DATABASE {
            continue;
        }
        let source = from.join(relative);
        let to = if relative == LOG_KEY_FILE {
            key_path.clone()
        } else {
            let id = blob_id(relative).ok_or(BackupError::Refused(format!(
                "the backup holds an unexpected file: {relative}"
            )))?;
            let to = target.path(id);
            if let Some(parent) = to.parent() {
                make_dir(parent)?;
            }
            to
        };
        bytes += copy_file(&source, &to)?;
    }
    for dir in [&config.data_dir, target.root()] {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(io(format!("cannot sync {}", dir.display())))?;
    }
    // The restored database, opened as the server would (migrations, clean-up), and every
    // blob it names checked against its row.
    let store = candor_store::open(&config.database_url, &config.blob_dir).await?;
    let blobs = store.blob_infos().await;
    let checked = match blobs {
        Ok(blobs) => check_blobs(store.blob_dir(), &blobs),
        Err(err) => Err(err.into()),
    };
    store.close().await;
    let blobs = checked?;
    Ok(Summary { blobs, bytes })
}

/// Reads every blob's file, comparing size and SHA-256 with its row.
fn check_blobs(
    dir: &candor_store::blobs::BlobDir,
    blobs: &[BlobInfo],
) -> Result<usize, BackupError> {
    for blob in blobs {
        if !dir.matches(blob)? {
            return Err(BackupError::Refused(format!(
                "blob {} does not match its recorded size and hash",
                blob.id
            )));
        }
    }
    Ok(blobs.len())
}

/// The blob id of a manifest path `blobs/ab/<16 hex>`, if it is one.
fn blob_id(relative: &str) -> Option<i64> {
    let mut parts = relative.split('/');
    let (Some(BLOBS), Some(sub), Some(name), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let id = candor_store::blobs::BlobDir::id_of_name(name)?;
    (sub == format!("{:02x}", id & 0xff)).then_some(id)
}

/// Checks a backup folder against its manifest: every listed file present with its hash,
/// nothing else there. Returns the listed paths and hashes.
pub fn check_backup(from: &Path) -> Result<BTreeMap<String, [u8; 32]>, BackupError> {
    let manifest_path = from.join(MANIFEST);
    let file = File::open(&manifest_path)
        .map_err(io(format!("cannot read {}", manifest_path.display())))?;
    let mut text = String::new();
    file.take(MAX_MANIFEST_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(io(format!("cannot read {}", manifest_path.display())))?;
    if text.len() as u64 > MAX_MANIFEST_BYTES {
        return Err(BackupError::Refused(
            "the backup's manifest is too large".into(),
        ));
    }
    let listed = parse_manifest(&text)?;
    if !listed.contains_key(DATABASE) {
        return Err(BackupError::Refused("the backup holds no database".into()));
    }
    let present = list_files(from)?;
    for path in &present {
        if path != MANIFEST && !listed.contains_key(path) {
            return Err(BackupError::Refused(format!(
                "the backup holds a file its manifest does not list: {path}"
            )));
        }
    }
    for (path, expected) in &listed {
        let (_, actual) = hash_file(&from.join(path)).map_err(|_| {
            BackupError::Refused(format!(
                "a file of the backup is missing or unreadable: {path}"
            ))
        })?;
        if &actual != expected {
            return Err(BackupError::Refused(format!(
                "a file of the backup was changed since it was taken: {path}"
            )));
        }
    }
    Ok(listed)
}

/// Parses a `sha256sum` manifest: `<64 hex>  <relative path>` per line. Paths are
/// relative, without `.` or `..`, listed once.
pub fn parse_manifest(text: &str) -> Result<BTreeMap<String, [u8; 32]>, BackupError> {
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let bad = |why| BackupError::Manifest { line: line_no, why };
        let (hash, path) = line
            .split_once("  ")
            .ok_or_else(|| bad("expected \"HASH  PATH\""))?;
        let hash: [u8; 32] = hex::decode(hash)
            .ok()
            .and_then(|h| h.try_into().ok())
            .ok_or_else(|| bad("the hash is not 64 hexadecimal digits"))?;
        // Components named one by one: `Path::components` would quietly drop a `.` inside.
        let clean = !path.contains('\\')
            && path
                .split('/')
                .all(|c| !c.is_empty() && c != "." && c != "..");
        if !clean {
            return Err(bad("the path is not a plain relative path"));
        }
        if out.insert(path.to_string(), hash).is_some() {
            return Err(bad("a path is listed twice"));
        }
    }
    Ok(out)
}

/// Writes the manifest of every file under `root` (synced).
fn write_manifest(root: &Path) -> Result<(), BackupError> {
    let mut text = String::new();
    for path in list_files(root)? {
        let (_, hash) = hash_file(&root.join(&path))?;
        text.push_str(&format!("{}  {path}\n", hex::encode(hash)));
    }
    let manifest = root.join(MANIFEST);
    let mut file = create(&manifest)?;
    file.write_all(text.as_bytes())
        .and_then(|_| file.sync_all())
        .map_err(io(format!("cannot write {}", manifest.display())))?;
    File::open(root)
        .and_then(|d| d.sync_all())
        .map_err(io(format!("cannot sync {}", root.display())))?;
    Ok(())
}

/// Every file under `root`, as relative paths with `/`, sorted.
fn list_files(root: &Path) -> Result<Vec<String>, BackupError> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(relative) = stack.pop() {
        let dir = root.join(&relative);
        for entry in fs::read_dir(&dir).map_err(io(format!("cannot read {}", dir.display())))? {
            let entry = entry.map_err(io(format!("cannot read {}", dir.display())))?;
            let kind = entry
                .file_type()
                .map_err(io(format!("cannot read {}", dir.display())))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                return Err(BackupError::Refused(format!(
                    "{} holds a file whose name is not UTF-8",
                    dir.display()
                )));
            };
            let path = relative.join(name);
            if kind.is_dir() {
                stack.push(path);
            } else {
                out.push(path.to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    Ok(out)
}

fn hash_file(path: &Path) -> Result<(u64, [u8; 32]), BackupError> {
    candor_store::blobs::file_digest(path)?
        .ok_or_else(|| BackupError::Refused(format!("{} is missing", path.display())))
}

fn create(path: &Path) -> Result<File, BackupError> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io(format!("cannot create {}", path.display())))
}

fn make_dir(path: &Path) -> Result<(), BackupError> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(path)
        .map_err(io(format!("cannot create {}", path.display())))
}

/// Copies a file to a new one (owner only, synced); returns its size.
fn copy_file(from: &Path, to: &Path) -> Result<u64, BackupError> {
    let mut source = File::open(from).map_err(io(format!("cannot read {}", from.display())))?;
    let mut out = create(to)?;
    let size = std::io::copy(&mut source, &mut out)
        .and_then(|n| out.sync_all().map(|_| n))
        .map_err(io(format!("cannot write {}", to.display())))?;
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn manifests_with_escaping_or_doubled_paths_are_refused() {
        let h = "ab".repeat(32);
        assert!(
            parse_manifest(&format!("{h}  candor.db\n{h}  blobs/01/0000000100000001\n")).is_ok()
        );
        for bad in [
            format!("{h}  ../etc/passwd"),
            format!("{h}  /etc/passwd"),
            format!("{h}  blobs/./x"),
            format!("{h}  blobs/"),
            format!("{h}  a\\b"),
            format!("{h}  candor.db\n{h}  candor.db"),
            format!("{}  candor.db", &h[..62]),
            format!("{h} candor.db"),
            "zz".repeat(32) + "  candor.db",
        ] {
            assert!(parse_manifest(&bad).is_err(), "{bad}");
        }
        assert_eq!(blob_id("blobs/01/0000000100000001"), Some(0x1_0000_0001));
        assert_eq!(blob_id("blobs/02/0000000100000001"), None);
        assert_eq!(blob_id("blobs/01/1"), None);
        assert_eq!(blob_id("blobs/01/0000000100000001/x"), None);
    }

    proptest! {
        /// Any text: parsed or refused with a line number, never a panic; what parses is
        /// written back the same.
        #[test]
        fn any_manifest_is_parsed_or_refused(text in "(?s).{0,400}") {
            if let Ok(listed) = parse_manifest(&text) {
                for path in listed.keys() {
                    prop_assert!(!path.starts_with('/') && !path.split('/').any(|c| c == ".." || c == "."));
                }
            }
        }
    }
}
