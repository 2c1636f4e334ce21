//! The command line's one error type: every failure is one sentence for the user, printed
//! as `candor: …` with exit status 1; never a backtrace, never a secret or content.

use std::path::PathBuf;

use candor_log::certificate::CertificateError;
use candor_log::keys::KeyError;
use candor_server::config::ConfigError;
use candor_server::server::ServeError;
use candor_workstation::follow::FollowError;
use candor_workstation::trust::TrustError;
use candor_workstation::{ClientError, WorkstationError};

use crate::cmd::demo::DemoError;
use crate::cmd::keygen::KeygenError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Serve(#[from] ServeError),
    #[error(transparent)]
    Demo(#[from] DemoError),
    #[error(transparent)]
    Keygen(#[from] KeygenError),
    #[error(transparent)]
    Workstation(#[from] WorkstationError),
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error(transparent)]
    Trust(#[from] TrustError),
    #[error(transparent)]
    Follow(#[from] FollowError),
    #[error(transparent)]
    Witness(#[from] candor_witness::WitnessError),
    #[error(transparent)]
    Backup(#[from] candor_server::backup::BackupError),
    /// A key given with an option (`--log-key`, `--decision-key`, …).
    #[error("{option}: {source}")]
    Key {
        option: &'static str,
        source: KeyError,
    },
    #[error("NOT VERIFIED: {0}")]
    NotVerified(#[from] CertificateError),
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read the answer: {0}")]
    Stdin(std::io::Error),
    #[error("cannot start the async runtime: {0}")]
    Runtime(std::io::Error),
    /// The command ran and found what it reports (bundle problems, a refusal).
    #[error("{0}")]
    Outcome(String),
}

impl CliError {
    /// A key option's error, naming the option.
    pub fn key(option: &'static str) -> impl FnOnce(KeyError) -> CliError {
        move |source| CliError::Key { option, source }
    }
}
