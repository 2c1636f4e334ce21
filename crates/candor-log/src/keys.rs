//! Key files of the log: the body's signing keys (`PRIVATE+KEY+…`, C2SP signed-note
//! private keys, one per file, mode 0600) and verifier keys (`name+hex8+base64`), read
//! from and written to the paths the caller names.

use std::fs;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use crate::note::{Cosigner, Signer, Verifier};

/// A key file that cannot be made, read or used; the sentence names the file, never the
/// key.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct KeyError(String);

/// Generates a new Ed25519 note signer with a random seed.
pub fn generate_signer(name: &str) -> Result<Signer, KeyError> {
    let mut seed = zeroize::Zeroizing::new([0u8; 32]);
    getrandom::fill(seed.as_mut())
        .map_err(|e| KeyError(format!("the random generator failed: {e}")))?;
    Signer::from_seed(name, &seed).map_err(|e| KeyError(format!("invalid key name {name:?}: {e}")))
}

/// Writes a private key file (mode 0600, never overwriting).
pub fn write_private_key(path: &Path, signer: &Signer) -> Result<(), KeyError> {
    write_secret(path, &signer.to_private_key())
}

/// Generates a new witness (cosigner) key with a random seed.
pub fn generate_cosigner(name: &str) -> Result<Cosigner, KeyError> {
    let mut seed = zeroize::Zeroizing::new([0u8; 32]);
    getrandom::fill(seed.as_mut())
        .map_err(|e| KeyError(format!("the random generator failed: {e}")))?;
    Cosigner::from_seed(name, &seed)
        .map_err(|e| KeyError(format!("invalid key name {name:?}: {e}")))
}

/// Writes a witness's private key file (mode 0600, never overwriting).
pub fn write_cosigner_key(path: &Path, cosigner: &Cosigner) -> Result<(), KeyError> {
    write_secret(path, &cosigner.to_private_key())
}

/// Reads a witness's private key file written by [`write_cosigner_key`].
pub fn read_cosigner_key(path: &Path) -> Result<Cosigner, KeyError> {
    let text = zeroize::Zeroizing::new(
        fs::read_to_string(path)
            .map_err(|e| KeyError(format!("cannot read {}: {e}", path.display())))?,
    );
    Cosigner::from_private_key(text.trim()).map_err(|_| {
        KeyError(format!(
            "{} does not hold a witness key (PRIVATE+KEY+…)",
            path.display()
        ))
    })
}

fn write_secret(path: &Path, key: &str) -> Result<(), KeyError> {
    let err = |e: std::io::Error| KeyError(format!("cannot write {}: {e}", path.display()));
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(err)?;
    let key = zeroize::Zeroizing::new(format!("{key}\n"));
    f.write_all(key.as_bytes()).map_err(err)?;
    f.sync_all().map_err(err)
}

/// Reads a private key file written by [`write_private_key`].
pub fn read_private_key(path: &Path) -> Result<Signer, KeyError> {
    let text = zeroize::Zeroizing::new(
        fs::read_to_string(path)
            .map_err(|e| KeyError(format!("cannot read {}: {e}", path.display())))?,
    );
    Signer::from_private_key(text.trim()).map_err(|_| {
        KeyError(format!(
            "{} does not hold a signing key (PRIVATE+KEY+…)",
            path.display()
        ))
    })
}

/// A verifier key given on the command line: the vkey itself, or a file holding it.
pub fn read_vkey(arg: &str) -> Result<Verifier, KeyError> {
    let text = if Path::new(arg).is_file() {
        fs::read_to_string(arg).map_err(|e| KeyError(format!("cannot read {arg}: {e}")))?
    } else {
        arg.to_string()
    };
    Verifier::from_vkey(text.trim()).map_err(|_| {
        KeyError(format!(
            "{:?} is not a C2SP verifier key (name+hex8+base64)",
            text.trim().chars().take(80).collect::<String>()
        ))
    })
}

/// The witness (cosigner) key a body's workstation derives from its decision key.
pub fn witness_for(decision: &Signer) -> Result<Cosigner, KeyError> {
    use sha2::{Digest, Sha256};
    let private = zeroize::Zeroizing::new(decision.to_private_key());
    let mut h = Sha256::new();
    h.update(b"candor/v1/witness-key\n");
    h.update(private.as_bytes());
    let seed = zeroize::Zeroizing::new(<[u8; 32]>::from(h.finalize()));
    Cosigner::from_seed(&format!("{}-witness", decision.name()), &seed)
        .map_err(|e| KeyError(e.to_string()))
}
