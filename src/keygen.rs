//! Key files: reviewer identities (age) written so that the stock `age` CLI reads them.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::config::validate_reviewer_name;
use crate::days::Day;
use crate::seal::identity_to_secret_string;

/// Why a key could not be written.
#[derive(Debug, thiserror::Error)]
pub enum KeygenError {
    #[error("--name: {0}")]
    Name(String),
    #[error("{0} already exists; refusing to overwrite a key")]
    Exists(PathBuf),
    #[error("cannot write {path}: {err}")]
    Io { path: PathBuf, err: std::io::Error },
}

/// The files written for a reviewer.
#[derive(Debug, Clone)]
pub struct ReviewerKeyFiles {
    pub identity: PathBuf,
    pub recipient_file: PathBuf,
    pub recipient: String,
}

/// Writes `DIR/NAME.key` (mode 0600, an age identity file) and `DIR/NAME.pub` (the
/// `age1…` recipient). Never overwrites an existing file.
pub fn reviewer(name: &str, dir: &Path) -> Result<ReviewerKeyFiles, KeygenError> {
    validate_reviewer_name(name).map_err(KeygenError::Name)?;
    fs::create_dir_all(dir).map_err(|err| KeygenError::Io {
        path: dir.to_path_buf(),
        err,
    })?;
    let identity_path = dir.join(format!("{name}.key"));
    let recipient_path = dir.join(format!("{name}.pub"));
    for p in [&identity_path, &recipient_path] {
        if p.exists() {
            return Err(KeygenError::Exists(p.clone()));
        }
    }
    let identity = age::x25519::Identity::generate();
    let recipient = identity.to_public().to_string();
    let secret = identity_to_secret_string(&identity);
    let contents = zeroize::Zeroizing::new(format!(
        "# created: {} by candor keygen reviewer\n# public key: {recipient}\n{}\n",
        Day::today(),
        secret.as_str()
    ));
    write_new(&identity_path, contents.as_bytes(), 0o600)?;
    write_new(&recipient_path, format!("{recipient}\n").as_bytes(), 0o644)?;
    Ok(ReviewerKeyFiles {
        identity: identity_path,
        recipient_file: recipient_path,
        recipient,
    })
}

/// Creates a new file with `mode`, failing if it exists, and syncs it.
pub fn write_new(path: &Path, contents: &[u8], mode: u32) -> Result<(), KeygenError> {
    let io = |err| KeygenError::Io {
        path: path.to_path_buf(),
        err,
    };
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
        .map_err(|err| {
            if err.kind() == std::io::ErrorKind::AlreadyExists {
                KeygenError::Exists(path.to_path_buf())
            } else {
                io(err)
            }
        })?;
    file.write_all(contents).map_err(io)?;
    file.sync_all().map_err(io)
}

/// The files written for the body's decision key.
#[derive(Debug, Clone)]
pub struct BodyKeyFiles {
    pub private: PathBuf,
    pub vkey_file: PathBuf,
    pub vkey: String,
    /// The vkey of the witness (cosigner) key the workstation derives from the decision
    /// key, for `candor verify --witness-key`.
    pub witness_vkey_file: PathBuf,
}

/// Writes `DIR/decision.key` (mode 0600), `DIR/decision.vkey`, and `DIR/witness.vkey` (the
/// workstation's cosigner key, derived from the decision key) for the body.
pub fn body(name: &str, dir: &Path) -> Result<BodyKeyFiles, KeygenError> {
    if !crate::log::note::is_valid_key_name(name) {
        return Err(KeygenError::Name(
            "a key name may not be empty or contain spaces or '+'".into(),
        ));
    }
    fs::create_dir_all(dir).map_err(|err| KeygenError::Io {
        path: dir.to_path_buf(),
        err,
    })?;
    let private = dir.join("decision.key");
    let vkey_file = dir.join("decision.vkey");
    let witness_vkey_file = dir.join("witness.vkey");
    for p in [&private, &vkey_file, &witness_vkey_file] {
        if p.exists() {
            return Err(KeygenError::Exists(p.clone()));
        }
    }
    let signer =
        crate::log::service::generate_signer(name).map_err(|e| KeygenError::Name(e.to_string()))?;
    let vkey = signer.verifier().to_vkey();
    let secret = zeroize::Zeroizing::new(format!("{}\n", signer.to_private_key()));
    write_new(&private, secret.as_bytes(), 0o600)?;
    write_new(&vkey_file, format!("{vkey}\n").as_bytes(), 0o644)?;
    let witness = crate::log::service::witness_for(&signer)
        .map_err(|e| KeygenError::Name(e.to_string()))?
        .verifier()
        .to_vkey();
    write_new(&witness_vkey_file, format!("{witness}\n").as_bytes(), 0o644)?;
    Ok(BodyKeyFiles {
        private,
        vkey_file,
        vkey,
        witness_vkey_file,
    })
}
