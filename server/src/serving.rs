//! Accepting connections and serving them with hyper, bounded in time:
//! - a client gets [`HEADER_READ_TIMEOUT`] to send a request's headers (one that trickles them in
//!   to hold a connection open is cut off; `axum::serve` sets no timer, so hyper's own default
//!   never applies there);
//! - the router answers 408 to a request that takes longer than [`REQUEST_TIMEOUT`] to answer or
//!   whose body arrives slower than that (see `startup::router`);
//! - at shutdown it stops accepting, lets in-flight requests finish, and gives up on those still
//!   running after [`SHUTDOWN_DEADLINE`], so a stuck request cannot keep a deploy waiting.

use axum::extract::ConnectInfo;
use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::pin::pin;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// How long a client may take to send a request's headers.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a request may take, its body included, before it is answered 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long in-flight requests get to finish once shutdown begins.
pub const SHUTDOWN_DEADLINE: Duration = Duration::from_secs(20);

/// Serves `router` on `listener` until `shutdown` completes, then drains as described above.
pub async fn serve(listener: TcpListener, router: Router, shutdown: impl Future<Output = ()>) {
    let graceful = GracefulShutdown::new();
    let mut shutdown = pin!(shutdown);
    loop {
        let (tcp, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(connection) => connection,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Pages are streamed in several writes; without TCP_NODELAY, Nagle's algorithm meets the
        // client's delayed ACK and every page waits ~40 ms for nothing.
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::warn!(error = %e, "could not set TCP_NODELAY");
        }
        let service = router.clone().map_request(move |mut request: axum::extract::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            request
        });
        let mut builder = Builder::new(TokioExecutor::new());
        builder.http1().timer(TokioTimer::new()).header_read_timeout(HEADER_READ_TIMEOUT);
        let connection = builder.serve_connection_with_upgrades(TokioIo::new(tcp), TowerToHyperService::new(service)).into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    tracing::info!("shutting down: finishing in-flight requests");
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(SHUTDOWN_DEADLINE) => {
            tracing::warn!(deadline_secs = SHUTDOWN_DEADLINE.as_secs(), "requests still running at the shutdown deadline were dropped");
        }
    }
}
