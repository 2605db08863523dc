//! The OpenAPI document is committed (`docs/openapi.json`): the document the server serves must be
//! that file, so a change to the REST API is always a visible diff in review. After changing the
//! API on purpose, write the file anew with `cargo run -p server -- openapi > docs/openapi.json`.

use std::path::Path;
use std::process::Command;

#[test]
fn the_served_openapi_document_is_the_committed_one() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root");
    let committed = std::fs::read_to_string(repo.join("docs/openapi.json")).expect("docs/openapi.json is committed");
    let out = Command::new(env!("CARGO_BIN_EXE_concord")).arg("openapi").output().expect("the binary runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8(out.stdout).expect("UTF-8");

    let (committed_value, printed_value): (serde_json::Value, serde_json::Value) =
        (serde_json::from_str(&committed).expect("the committed file is JSON"), serde_json::from_str(&printed).expect("JSON"));
    assert!(
        committed_value == printed_value,
        "the REST API changed: docs/openapi.json differs from what the server serves. If the change is intended, run \
         `cargo run -p server -- openapi > docs/openapi.json` and commit the diff"
    );
    assert_eq!(committed.trim_end(), printed.trim_end(), "docs/openapi.json is written as `concord openapi` prints it");
}
