//! What the witness saw of each log: the last checkpoint it cosigned, exactly as signed by
//! the log, one file per log in the state folder (named after the SHA-256 of the origin).
//! A new checkpoint is written aside, synced, renamed into place and the folder synced
//! *before* the cosignature is sent: a witness killed at any moment has either the old
//! state or the new one, and never cosigned anything it has not recorded.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// Largest state file read (a checkpoint with its signatures).
const MAX_STATE_BYTES: u64 = 64 * 1024;

pub struct StateDir {
    dir: PathBuf,
}

impl StateDir {
    /// Opens (creating it, mode 0700) the state folder.
    pub fn open(dir: &Path) -> std::io::Result<StateDir> {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        Ok(StateDir {
            dir: dir.to_path_buf(),
        })
    }

    fn path(&self, origin: &str) -> PathBuf {
        self.dir.join(format!(
            "{}.checkpoint",
            hex::encode(Sha256::digest(origin))
        ))
    }

    /// The last signed checkpoint recorded for `origin`, if any.
    pub fn latest(&self, origin: &str) -> std::io::Result<Option<Vec<u8>>> {
        let path = self.path(origin);
        match fs::metadata(&path) {
            Ok(m) if m.len() > MAX_STATE_BYTES => Err(std::io::Error::other(format!(
                "{} is larger than a checkpoint",
                path.display()
            ))),
            Ok(_) => fs::read(&path).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Records `signed` as the latest checkpoint of `origin`, durably.
    pub fn record(&self, origin: &str, signed: &[u8]) -> std::io::Result<()> {
        use std::os::unix::fs::OpenOptionsExt;
        let path = self.path(origin);
        let staged = path.with_extension("partial");
        let _ = fs::remove_file(&staged);
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&staged)?;
        f.write_all(signed)?;
        f.sync_all()?;
        fs::rename(&staged, &path)?;
        fs::File::open(&self.dir)?.sync_all()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_checkpoint_is_read_back_and_replaced_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = StateDir::open(&dir.path().join("state")).expect("open");
        assert_eq!(state.latest("a").expect("read"), None);
        state.record("a", b"one").expect("record");
        state.record("b", b"other").expect("record");
        state.record("a", b"two").expect("record");
        assert_eq!(
            state.latest("a").expect("read").as_deref(),
            Some(&b"two"[..])
        );
        assert_eq!(
            state.latest("b").expect("read").as_deref(),
            Some(&b"other"[..])
        );
        // A staged file left by a crash is not the state.
        fs::write(state.path("c").with_extension("partial"), b"half").expect("write");
        assert_eq!(state.latest("c").expect("read"), None);
    }
}
