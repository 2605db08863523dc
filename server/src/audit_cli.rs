//! `concord audit verify`: recomputes the audit log's hash chain and every stored sign-off
//! fingerprint, checks every closed meeting (its minutes, attendance, decisions and amendments)
//! against the entries that recorded it, and names the first entry or record that does not match. Exit status 0 when
//! everything matches, 1 when something does not (and on errors).

use app::audit::dto::AuditVerifyReport;
use app::db;
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Recompute the audit chain, the sign-off fingerprints and the closed meetings' records; exit 1 at the first mismatch
    Verify {
        /// Print the report as JSON instead of a sentence
        #[arg(long)]
        json: bool,
    },
}

/// Verifies the database at `database_url` (read-only: it neither migrates nor writes).
pub async fn verify(database_url: &str) -> anyhow::Result<AuditVerifyReport> {
    let (pool, _) = db::connect(database_url).await?;
    let report = verify_pool(&pool).await;
    pool.close().await;
    report
}

/// Verifies the database behind `pool` (what the command runs once connected).
pub async fn verify_pool(pool: &db::Db) -> anyhow::Result<AuditVerifyReport> {
    app::trail::verify(pool).await.map_err(|e| anyhow::anyhow!("verifying the audit log failed: {e}"))
}

/// The report as one line for people.
pub fn describe(report: &AuditVerifyReport) -> String {
    match &report.first_mismatch {
        None => {
            format!(
                "audit log verified: {} entries chained correctly, {} sign-off fingerprints and {} meeting records (closed meetings, decisions, amendments) match",
                report.entries, report.signoffs, report.meeting_records
            )
        }
        Some(m) => match (&m.seq, &m.subject_kind, &m.subject_id) {
            (Some(seq), Some(kind), Some(id)) => format!("audit log entry {seq} (about {kind} {id}) does not match: {}", m.problem),
            (Some(seq), _, _) => format!("audit log entry {seq} does not match: {}", m.problem),
            (None, Some(kind), Some(id)) => format!("{} {id} does not match: {}", kind.replace("signoff", "sign-off"), m.problem),
            _ => format!("audit log does not match: {}", m.problem),
        },
    }
}

/// Runs the command; answers the process's exit status.
pub async fn run(database_url: &str, command: AuditCommand) -> anyhow::Result<i32> {
    match command {
        AuditCommand::Verify { json } => {
            let report = verify(database_url).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else if report.first_mismatch.is_some() {
                eprintln!("{}", describe(&report));
            } else {
                println!("{}", describe(&report));
            }
            Ok(if report.first_mismatch.is_some() { 1 } else { 0 })
        }
    }
}
