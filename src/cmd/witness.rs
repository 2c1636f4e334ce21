//! `candor witness serve --config FILE`: a tlog-witness v1 server for the logs a partner
//! body watches (see the `candor-witness` crate).

use std::path::PathBuf;

use crate::error::CliError;

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Serve tlog-witness v1 (`POST /add-checkpoint`) for the logs in the configuration.
    Serve {
        /// The witness's configuration (listen, key_file, state_dir, [[logs]] origin, vkey).
        #[arg(long)]
        config: PathBuf,
    },
}

pub fn run(command: Command) -> Result<(), CliError> {
    let Command::Serve { config } = command;
    let config = candor_witness::Config::load(&config)?;
    let logs = config.logs.len();
    Ok(super::runtime()?.block_on(candor_witness::serve(
        config,
        |addr| println!("Witnessing {logs} logs on http://{addr}/add-checkpoint"),
        async {
            let _ = tokio::signal::ctrl_c().await;
        },
    ))?)
}
