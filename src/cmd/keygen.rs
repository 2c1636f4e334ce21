//! Key files: reviewer identities (age) written so that the stock `age` CLI reads them,
//! the body's decision key, and Tor client-authorization keys for the reviewer onion.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::error::CliError;

use candor_core::days::Day;
use candor_core::domain::validate_reviewer_name;
use candor_core::seal::identity_to_secret_string;

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
    if !candor_log::note::is_valid_key_name(name) {
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
        candor_log::keys::generate_signer(name).map_err(|e| KeygenError::Name(e.to_string()))?;
    let vkey = signer.verifier().to_vkey();
    let secret = zeroize::Zeroizing::new(format!("{}\n", signer.to_private_key()));
    write_new(&private, secret.as_bytes(), 0o600)?;
    write_new(&vkey_file, format!("{vkey}\n").as_bytes(), 0o644)?;
    let witness = candor_log::keys::witness_for(&signer)
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

/// Writes `DIR/witness.key` (mode 0600) and `DIR/witness.vkey` for a witness named
/// `name` (a partner body running `candor witness serve`).
pub fn witness(name: &str, dir: &Path) -> Result<(PathBuf, PathBuf, String), KeygenError> {
    if !candor_log::note::is_valid_key_name(name) {
        return Err(KeygenError::Name(
            "a key name may not be empty or contain spaces or '+'".into(),
        ));
    }
    fs::create_dir_all(dir).map_err(|err| KeygenError::Io {
        path: dir.to_path_buf(),
        err,
    })?;
    let private = dir.join("witness.key");
    let vkey_file = dir.join("witness.vkey");
    for p in [&private, &vkey_file] {
        if p.exists() {
            return Err(KeygenError::Exists(p.clone()));
        }
    }
    let cosigner =
        candor_log::keys::generate_cosigner(name).map_err(|e| KeygenError::Name(e.to_string()))?;
    candor_log::keys::write_cosigner_key(&private, &cosigner)
        .map_err(|e| KeygenError::Name(e.to_string()))?;
    let vkey = cosigner.verifier().to_vkey();
    write_new(&vkey_file, format!("{vkey}\n").as_bytes(), 0o644)?;
    Ok((private, vkey_file, vkey))
}

/// The files written for one workstation's Tor client authorization.
#[derive(Debug, Clone)]
pub struct TorClientKeyFiles {
    /// `NAME.auth`, for the server's `HiddenServiceDir/authorized_clients/`.
    pub auth: PathBuf,
    /// `NAME.auth_private` (secret), for the workstation Tor's `ClientOnionAuthDir`.
    pub auth_private: PathBuf,
}

/// Writes a v3 onion client-authorization key pair for the reviewer onion `onion`:
/// `DIR/NAME.auth` (`descriptor:x25519:<public key>`, given to the server's Tor) and
/// `DIR/NAME.auth_private` (mode 0600, `<onion>:descriptor:x25519:<secret key>`, for the
/// workstation's Tor). Keys are base32 without padding, as Tor writes them; the format is
/// Tor's `CLIENT AUTHORIZATION` section of its manual. Without a matching key a Tor client
/// cannot decrypt the reviewer onion's descriptor, so it cannot even reach the sign-in.
pub fn tor_client(name: &str, onion: &str, dir: &Path) -> Result<TorClientKeyFiles, KeygenError> {
    validate_reviewer_name(name).map_err(KeygenError::Name)?;
    let onion = onion
        .trim()
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let host = onion.strip_suffix(".onion").unwrap_or(onion);
    if host.len() != 56
        || !host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b))
    {
        return Err(KeygenError::Name(
            "--onion: expected the reviewer onion's v3 address (56 characters, then .onion)".into(),
        ));
    }
    fs::create_dir_all(dir).map_err(|err| KeygenError::Io {
        path: dir.to_path_buf(),
        err,
    })?;
    let auth = dir.join(format!("{name}.auth"));
    let auth_private = dir.join(format!("{name}.auth_private"));
    for p in [&auth, &auth_private] {
        if p.exists() {
            return Err(KeygenError::Exists(p.clone()));
        }
    }
    let mut secret = zeroize::Zeroizing::new([0u8; 32]);
    getrandom::fill(secret.as_mut()).map_err(|e| KeygenError::Io {
        path: auth_private.clone(),
        err: std::io::Error::other(e.to_string()),
    })?;
    let static_secret = x25519_dalek::StaticSecret::from(*secret);
    let public = x25519_dalek::PublicKey::from(&static_secret);
    let b32 = |bytes: &[u8]| data_encoding::BASE32_NOPAD.encode(bytes);
    let private_line = zeroize::Zeroizing::new(format!(
        "{host}:descriptor:x25519:{}\n",
        zeroize::Zeroizing::new(b32(static_secret.as_bytes())).as_str()
    ));
    write_new(&auth_private, private_line.as_bytes(), 0o600)?;
    write_new(
        &auth,
        format!("descriptor:x25519:{}\n", b32(public.as_bytes())).as_bytes(),
        0o644,
    )?;
    Ok(TorClientKeyFiles { auth, auth_private })
}

/// The keys `candor keygen` makes.
#[derive(clap::Subcommand)]
pub enum Kind {
    /// A reviewer's age identity: DIR/NAME.key (secret, for `age -d -i`) and DIR/NAME.pub.
    Reviewer {
        #[arg(long)]
        name: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// A workstation's Tor client-authorization key for the reviewer onion: DIR/NAME.auth
    /// (for the server's authorized_clients/) and DIR/NAME.auth_private (secret, for the
    /// workstation Tor's ClientOnionAuthDir).
    TorClient {
        #[arg(long)]
        name: String,
        /// The reviewer onion's address (xxxx.onion).
        #[arg(long)]
        onion: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// A witness's key (for `candor witness serve`): DIR/witness.key (secret) and
    /// DIR/witness.vkey (C2SP vkey, for the logs' `[[witnesses]]` and verifiers' policies).
    Witness {
        /// The witness's name, e.g. the partner body's domain (no spaces, no '+').
        #[arg(long)]
        name: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// The body's decision key: DIR/decision.key (secret) and DIR/decision.vkey (C2SP vkey).
    Body {
        /// The key's name, e.g. the body's domain or short name (no spaces, no '+').
        #[arg(long)]
        name: String,
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(kind: Kind) -> Result<(), CliError> {
    match kind {
        Kind::Reviewer { name, out } => {
            let files = reviewer(&name, &out)?;
            println!(
                "Wrote {} (secret: keep it on the reviewer's workstation)",
                files.identity.display()
            );
            println!("Wrote {}", files.recipient_file.display());
            println!("Add to the server's candor.toml:");
            println!();
            println!("[[reviewers]]");
            println!("name = \"{name}\"");
            println!("recipient = \"{}\"", files.recipient);
            Ok(())
        }
        Kind::TorClient { name, onion, out } => {
            let files = tor_client(&name, &onion, &out)?;
            println!(
                "Wrote {} (give it to the server's operator: HiddenServiceDir/authorized_clients/)",
                files.auth.display()
            );
            println!(
                "Wrote {} (secret: put it in this workstation's ClientOnionAuthDir, then restart Tor)",
                files.auth_private.display()
            );
            Ok(())
        }
        Kind::Witness { name, out } => {
            let (private, vkey_file, vkey) = witness(&name, &out)?;
            println!(
                "Wrote {} (secret: keep it on the witness's machine only)",
                private.display()
            );
            println!("Wrote {}: {vkey}", vkey_file.display());
            Ok(())
        }
        Kind::Body { name, out } => {
            let files = body(&name, &out)?;
            println!(
                "Wrote {} (secret: keep it on the body's workstations only)",
                files.private.display()
            );
            println!("Wrote {}", files.vkey_file.display());
            println!(
                "Wrote {} (the workstation's witness key, for `candor verify --witness-key`)",
                files.witness_vkey_file.display()
            );
            println!("Add to the server's candor.toml:");
            println!();
            println!("[body]");
            println!("decision_key = \"{}\"", files.vkey);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tor_client_tests {
    use super::*;

    const ONION: &str = "p53lf57qovyuvwsc6xnrppyply3vtqm7l6pcobkmyqsiofyeznfu5uqd.onion";

    #[test]
    fn writes_a_matching_pair_in_tors_format() {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = tor_client("alice", ONION, dir.path()).expect("keys");
        let auth = fs::read_to_string(&files.auth).expect("auth");
        let private = fs::read_to_string(&files.auth_private).expect("private");
        let public = auth
            .trim()
            .strip_prefix("descriptor:x25519:")
            .expect("prefix");
        let host = ONION.trim_end_matches(".onion");
        let secret = private
            .trim()
            .strip_prefix(&format!("{host}:descriptor:x25519:"))
            .expect("prefix");
        assert_eq!((public.len(), secret.len()), (52, 52));
        let secret: [u8; 32] = data_encoding::BASE32_NOPAD
            .decode(secret.as_bytes())
            .expect("base32")
            .try_into()
            .expect("32 bytes");
        let derived = x25519_dalek::PublicKey::from(&x25519_dalek::StaticSecret::from(secret));
        assert_eq!(
            data_encoding::BASE32_NOPAD.encode(derived.as_bytes()),
            public,
            "the public key is the secret's"
        );
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&files.auth_private)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        assert!(matches!(
            tor_client("alice", ONION, dir.path()),
            Err(KeygenError::Exists(_))
        ));
    }

    #[test]
    fn refuses_what_is_not_a_v3_onion() {
        let dir = tempfile::tempdir().expect("tempdir");
        for bad in [
            "example.org",
            "abc.onion",
            &"A".repeat(56),
            &format!("{}1.onion", "a".repeat(55)),
        ] {
            assert!(tor_client("alice", bad, dir.path()).is_err(), "{bad}");
        }
        assert!(tor_client("bad name", ONION, dir.path()).is_err());
    }
}
