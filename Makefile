# Concord: the two commands a newcomer needs.
#   make run    build and serve the demo at http://127.0.0.1:3000 (SQLite under ./data/)
#   make test   every test: unit, HTTP integration on SQLite and PostgreSQL, browser (Chromium)
# Both install what is missing first (scripts/setup.sh) and skip what is already in place.

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/end2end/node_modules/.bin:$(PATH)

.PHONY: run test setup build release lint bench screenshots

run: setup release
	DATABASE_URL=$${DATABASE_URL:-sqlite://data/concord.db} ./target/release/concord serve --demo --site-root target/site-release

test:
	scripts/test.sh

setup:
	scripts/setup.sh

build: setup
	cargo leptos build --split

# The release site lives apart from the dev/test one (target/site), so neither overwrites the other.
# --precompress writes .gz and .br beside each static file; the server sends them as they are.
# --split cuts the lazy pages (app/src/lazy_pages.rs) out of the main wasm into files fetched on demand.
release: setup
	LEPTOS_SITE_ROOT=target/site-release cargo leptos build --release --split --precompress

lint:
	cargo fmt --all -- --check
	cargo clippy -p app --features ssr -- -D warnings
	cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p server --all-targets -- -D warnings

bench: release
	scripts/bench/all.sh

# Screenshots of every demo page at 390 and 1366 px into target/screenshots/, with each page's
# width, against a running demo (`make run` in another terminal, or CONCORD_URL=...).
screenshots:
	scripts/setup.sh --with-browser
	CONCORD_URL=$${CONCORD_URL:-http://127.0.0.1:3000} node end2end/screenshots.mjs
