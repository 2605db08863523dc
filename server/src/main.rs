//! `concord`: read the command line, run the command.

use clap::Parser;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = concord_server::cli::Cli::parse();
    concord_server::telemetry::init(&cli.log);
    concord_server::cli::run(cli).await
}
