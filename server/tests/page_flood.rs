//! Many page renders at once against one Concord, on SQLite and then on PostgreSQL.
//!
//! Regression: the page title was a closure over the language signal, and leptos_axum reads it
//! after the render; under concurrent renders the signal was sometimes already disposed and the
//! request panicked mid-response (about 1 in 100 pages under `wrk -c32`).
//!
//! One engine after the other: with two Concord apps rendering at once in one test process, a
//! response occasionally stalled (never with one app per process, as in production, where
//! 5 × 256 parallel requests and `wrk -c64` all completed); `scripts/test.sh` runs tests serially.

#[expect(dead_code, unused_macros, reason = "this test uses the start-up helpers only")]
#[path = "api/helpers.rs"]
mod helpers;

use helpers::{run, Engine, TestApp};

async fn many_pages_at_once_all_arrive_whole(app: TestApp) {
    let reader = app.login("xiaozhang").await;
    let path = format!("/projects/{}", reader.demo_project_id().await);
    let renders: Vec<_> = (0..256)
        .map(|_| {
            let (reader, path) = (reader.clone(), path.clone());
            tokio::spawn(async move { reader.page(&path).await })
        })
        .collect();
    for render in renders {
        let reply = render.await.expect("a page request");
        assert_eq!(reply.status, 200, "{reply}");
        assert!(reply.text.contains("</html>") && reply.text.contains("Stakeholder map"), "a page arrived cut short");
    }
}

#[tokio::test]
async fn many_pages_rendered_at_once_all_arrive_whole() {
    run(Engine::Sqlite, true, many_pages_at_once_all_arrive_whole).await;
    run(Engine::Postgres, true, many_pages_at_once_all_arrive_whole).await;
}
