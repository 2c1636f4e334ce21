//! One module per subcommand: its arguments and what it runs.

pub mod demo;
pub mod keygen;
pub mod log;
pub mod review;
pub mod safe_view;
pub mod serve;
pub mod verify;

use crate::error::CliError;

/// The async runtime a command runs on.
pub fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(CliError::Runtime)
}
