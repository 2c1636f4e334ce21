//! `candor serve`: the server, with the settings of a configuration file.

use std::path::PathBuf;

use candor_server::config::Config;

use crate::error::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, default_value = "candor.toml")]
    config: PathBuf,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let config = Config::load(&args.config)?;
    super::runtime()?.block_on(candor_server::server::serve(config, |addr| {
        println!("Candor is listening on {addr}");
    }))?;
    Ok(())
}
