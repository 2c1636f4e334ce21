//! `candor verify`: a certificate checked offline with the log's and the body's public
//! keys (and the witnesses' it must carry), and, with `--presentation`, that whoever gave
//! it holds the key it is bound to.

use std::path::PathBuf;

use candor_log::certificate::Certificate;
use candor_log::keys::read_vkey;

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

/// Reads a witness policy file.
pub fn read_policy(path: &std::path::Path) -> Result<candor_log::policy::Policy, CliError> {
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.to_path_buf(),
        source,
    })?;
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
    let data = std::fs::read(&args.certificate).map_err(|source| CliError::Read {
        path: args.certificate.clone(),
        source,
    })?;
    let certificate = Certificate::parse(&data)?;
    let verified = match &args.policy {
        Some(path) => certificate.verify_with_policy(&log_key, &body_key, &read_policy(path)?)?,
        None => certificate.verify(&log_key, &body_key, &witnesses)?,
    };
    println!("{}", verified.summary());
    if let (Some(path), Some(challenge)) = (&args.presentation, &args.challenge) {
        let presentation = std::fs::read(path).map_err(|source| CliError::Read {
            path: path.clone(),
            source,
        })?;
        candor_log::presentation::verify(&verified, &presentation, challenge)
            .map_err(|e| CliError::Outcome(format!("--presentation {}: {e}", path.display())))?;
        println!("Presented by its holder, for the challenge {challenge:?}");
    }
    println!("VERIFIED");
    Ok(())
}
