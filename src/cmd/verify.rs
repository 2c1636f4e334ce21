//! `candor verify`: a certificate checked offline with the log's and the body's public
//! keys (and the witnesses' it must carry), and, with `--presentation`, that whoever gave
//! it holds the key it is bound to.

use std::io::Read;
use std::path::{Path, PathBuf};

use candor_log::certificate::{Certificate, MAX_CERTIFICATE_BYTES};
use candor_log::keys::read_vkey;
use candor_log::policy::MAX_POLICY_BYTES;
use candor_log::presentation::MAX_PRESENTATION_BYTES;

use crate::error::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The certificate file a reporter downloaded.
    certificate: PathBuf,
    /// The log's verifier key (C2SP vkey), or a file holding it.
    #[arg(long)]
    log_key: String,
    /// The body's decision verifier key (C2SP vkey), or a file holding it.
    #[arg(long)]
    body_key: String,
    /// A witness whose cosignature the checkpoint must carry (C2SP vkey or a file
    /// holding it, e.g. the body's witness.vkey); may be given several times.
    #[arg(long, conflicts_with = "policy")]
    witness_key: Vec<String>,
    /// A witness policy (witnesses and the quorum of them that must have cosigned; see
    /// README, "Witnessing"), instead of --witness-key.
    #[arg(long)]
    policy: Option<PathBuf>,
    /// A presentation the holder gave (from their case page), to check that the
    /// certificate is theirs; needs --challenge.
    #[arg(long, requires = "challenge")]
    presentation: Option<PathBuf>,
    /// The challenge you gave the holder for --presentation (a few words of your choice).
    #[arg(long, requires = "presentation")]
    challenge: Option<String>,
}

/// Reads a file someone else may have made: at most `max` bytes are read, and a larger
/// file is refused (a certificate handed over could be any size).
fn read_bounded(path: &Path, max: usize, what: &str) -> Result<Vec<u8>, CliError> {
    let read = |source| CliError::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut data = Vec::new();
    std::fs::File::open(path)
        .map_err(read)?
        .take(max as u64 + 1)
        .read_to_end(&mut data)
        .map_err(read)?;
    if data.len() > max {
        return Err(CliError::Outcome(format!(
            "{what} {}: larger than {max} bytes, not read",
            path.display()
        )));
    }
    Ok(data)
}

/// Reads a witness policy file.
pub fn read_policy(path: &Path) -> Result<candor_log::policy::Policy, CliError> {
    let data = read_bounded(path, MAX_POLICY_BYTES, "--policy")?;
    let text = String::from_utf8(data)
        .map_err(|_| CliError::Outcome(format!("--policy {}: not UTF-8", path.display())))?;
    candor_log::policy::Policy::parse(&text)
        .map_err(|e| CliError::Outcome(format!("--policy {}: {e}", path.display())))
}

pub fn run(args: Args) -> Result<(), CliError> {
    let log_key = read_vkey(&args.log_key).map_err(CliError::key("--log-key"))?;
    let body_key = read_vkey(&args.body_key).map_err(CliError::key("--body-key"))?;
    let witnesses = args
        .witness_key
        .iter()
        .map(|k| read_vkey(k).map_err(CliError::key("--witness-key")))
        .collect::<Result<Vec<_>, _>>()?;
    let data = read_bounded(&args.certificate, MAX_CERTIFICATE_BYTES, "the certificate")?;
    let certificate = Certificate::parse(&data)?;
    let verified = match &args.policy {
        Some(path) => certificate.verify_with_policy(&log_key, &body_key, &read_policy(path)?)?,
        None => certificate.verify(&log_key, &body_key, &witnesses)?,
    };
    println!("{}", verified.summary());
    if let (Some(path), Some(challenge)) = (&args.presentation, &args.challenge) {
        let presentation = read_bounded(path, MAX_PRESENTATION_BYTES, "--presentation")?;
        candor_log::presentation::verify(&verified, &presentation, challenge)
            .map_err(|e| CliError::Outcome(format!("--presentation {}: {e}", path.display())))?;
        println!("Presented by its holder, for the challenge {challenge:?}");
    }
    println!("VERIFIED");
    Ok(())
}
