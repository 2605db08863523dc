//! `concord audit verify` as an operator runs it: the real binary on a demo database (SQLite),
//! exit status 0 and a summary while the record is intact, then exit status 1 naming the entry
//! after one entry is altered directly in the database.

use sqlx::Connection;
use std::process::{Command, Output};

fn concord(database_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_concord")).args(args).env("DATABASE_URL", database_url).output().expect("the binary runs")
}

#[tokio::test]
async fn verify_passes_on_the_demo_and_names_an_entry_altered_in_the_database() {
    let dir = std::env::temp_dir().join(format!("concord-audit-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let url = format!("sqlite://{}/audit.db", dir.display());
    let seeded = concord(&url, &["seed-demo"]);
    assert!(seeded.status.success(), "seed-demo: {}", String::from_utf8_lossy(&seeded.stderr));

    let intact = concord(&url, &["audit", "verify"]);
    let said = String::from_utf8_lossy(&intact.stdout);
    assert_eq!(intact.status.code(), Some(0), "{said} {}", String::from_utf8_lossy(&intact.stderr));
    assert!(said.starts_with("audit log verified:"), "{said}");

    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(&url).await.expect("the demo database opens");
    let entries: i64 = sqlx::query_scalar("select count(*) from audit_log").fetch_one(&mut conn).await.unwrap();
    assert!(entries > 5, "the demo writes its story to the audit log ({entries} entries)");
    sqlx::query("update audit_log set payload = '{}' where seq = 3").execute(&mut conn).await.unwrap();
    conn.close().await.unwrap();

    let altered = concord(&url, &["audit", "verify"]);
    let said = String::from_utf8_lossy(&altered.stderr);
    assert_eq!(altered.status.code(), Some(1), "{said}");
    assert!(said.contains("audit log entry 3 does not match"), "{said}");
    let _ = std::fs::remove_dir_all(&dir);
}
