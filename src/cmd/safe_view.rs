//! `candor safe-view-convert`: the safe view's converter. Hidden: the workstation starts
//! it inside its sandbox (see `candor_workstation::files::safe_view`); nobody runs it by
//! hand.

use std::process::ExitCode;

use candor_workstation::files::safe_view::{Input, Limits, child};

#[derive(clap::Args)]
pub struct Args {
    /// pdf, office, image or text.
    input: String,
    #[arg(long, default_value = "")]
    extension: String,
    #[arg(long)]
    max_pages: u32,
    #[arg(long)]
    max_side: u32,
    #[arg(long)]
    max_input: u64,
    #[arg(long)]
    memory: u64,
    #[arg(long)]
    cpu_seconds: u64,
}

pub fn run(args: Args) -> ExitCode {
    let Some(input) = Input::parse(&args.input) else {
        return ExitCode::FAILURE;
    };
    let limits = Limits {
        max_pages: args.max_pages,
        max_side: args.max_side,
        max_input: args.max_input,
        memory: args.memory,
        cpu_seconds: args.cpu_seconds,
        ..Limits::default()
    };
    child::run(input, &args.extension, &limits)
}
