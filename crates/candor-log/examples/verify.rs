//! Checks a reporter's certificate with `candor-log` alone: no server, no network, no
//! Candor installation; what a court, a journalist or a partner body would run.
//!
//! ```text
//! cargo run -p candor-log --example verify -- CERTIFICATE \
//!     --log-key LOG.vkey --body-key DECISION.vkey [--witness-key WITNESS.vkey]...
//! ```
//!
//! Each key is a C2SP verifier key (`name+hex8+base64`) or a file holding one; `candor
//! demo` prints the three it made. Prints what the certificate proves and `VERIFIED`, or
//! `NOT VERIFIED: why` and exits with 1.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use candor_log::certificate::Certificate;
use candor_log::keys::read_vkey;
use candor_log::note::Verifier;

struct Args {
    certificate: String,
    log_key: Verifier,
    body_key: Verifier,
    witnesses: Vec<Verifier>,
}

const USAGE: &str = "usage: verify CERTIFICATE --log-key KEY --body-key KEY [--witness-key KEY]...";

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let (mut certificate, mut log_key, mut body_key) = (None, None, None);
    let mut witnesses = Vec::new();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            let v = args.next().ok_or(format!("{name} needs a key"))?;
            read_vkey(&v).map_err(|e| format!("{name}: {e}"))
        };
        match arg.as_str() {
            "--log-key" => log_key = Some(value("--log-key")?),
            "--body-key" => body_key = Some(value("--body-key")?),
            "--witness-key" => witnesses.push(value("--witness-key")?),
            _ if arg.starts_with('-') || certificate.is_some() => return Err(USAGE.into()),
            _ => certificate = Some(arg),
        }
    }
    match (certificate, log_key, body_key) {
        (Some(certificate), Some(log_key), Some(body_key)) => Ok(Args {
            certificate,
            log_key,
            body_key,
            witnesses,
        }),
        _ => Err(USAGE.into()),
    }
}

fn run() -> Result<String, String> {
    let args = parse_args(std::env::args().skip(1))?;
    let data = std::fs::read(&args.certificate)
        .map_err(|e| format!("cannot read {}: {e}", args.certificate))?;
    let certificate = Certificate::parse(&data).map_err(|e| format!("NOT VERIFIED: {e}"))?;
    let verified = certificate
        .verify(&args.log_key, &args.body_key, &args.witnesses)
        .map_err(|e| format!("NOT VERIFIED: {e}"))?;
    Ok(verified.summary())
}

fn main() -> ExitCode {
    match run() {
        Ok(summary) => {
            println!("{summary}");
            println!("VERIFIED");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
