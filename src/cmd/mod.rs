//! One module per subcommand: its arguments and what it runs.

pub mod backup;
pub mod demo;
pub mod keygen;
pub mod log;
pub mod migrate;
pub mod review;
pub mod safe_view;
pub mod serve;
pub mod verify;
pub mod witness;

use crate::error::CliError;

/// The async runtime a command runs on.
pub fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(CliError::Runtime)
}

/// A progress bar on standard error; indicatif draws nothing when that is not a terminal,
/// so scripts and logs stay quiet.
pub fn progress_bar(template: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}
