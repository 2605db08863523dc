// Shared helpers for the browser tests: one Chromium per test file, one fresh context (cookies,
// language) per test, signing in, waiting for hydration, and collecting console problems.
//
// The server under test is `concord serve --demo` on a fresh database (see scripts/e2e.sh), so the
// demo organisation exists. Each test file uses its own demo users where a test changes a
// person's settings (the language test owns xiaolan), and new data is named with a unique suffix.

import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.CONCORD_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
export const DEMO_PASSWORD = 'concord-demo';

/** The demo project, seeded with the map C → B → A. */
export const DEMO_PROJECT = '付款前须审批 Payment requires approval';

/** The visible texts the helpers need, per language (from app/src/i18n.rs). */
export const TEXT = {
  en: { username: 'Username', password: 'Password', signIn: 'Sign in' },
  zh: { username: '用户名', password: '密码', signIn: '登录' },
};

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium; nothing is downloaded. Call once per test file (`before`), close in `after`. */
export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Runs in every page before the app's scripts: remembers which event types got a listener on which
// element, so a test can tell when hydration has attached the handlers (see `waitForHydration`).
export function recordListeners() {
  const original = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    try {
      if (!Object.prototype.hasOwnProperty.call(this, '__e2eListeners')) {
        Object.defineProperty(this, '__e2eListeners', { value: new Set(), enumerable: false });
      }
      this.__e2eListeners.add(type);
    } catch {
      // Some exotic targets refuse new properties; they are not what the tests wait for.
    }
    return original.call(this, type, listener, options);
  };
}

/**
 * A fresh browser context (no cookies) in `locale` (which also sets Accept-Language), with one
 * page whose console is watched. Closed automatically when the test `t` ends.
 *
 * Returns { context, page, console } where `console` is a ConsoleWatch.
 */
export async function openPage(browser, t, { locale = 'en-US', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, locale, viewport });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  await context.addInitScript(recordListeners);
  const page = await context.newPage();
  const watch = new ConsoleWatch(page);
  t.after(() => context.close());
  return { context, page, console: watch };
}

const watches = new WeakMap();

/**
 * Collects what the browser reports as going wrong on a page: console messages of type error and
 * warning (these include Leptos' hydration warnings and the browser's own "Failed to load
 * resource" lines for HTTP errors) and uncaught exceptions (`pageerror`, e.g. a Rust panic).
 */
export class ConsoleWatch {
  constructor(page) {
    watches.set(page, this);
    this.problems = [];
    this.allowed = [];
    page.on('console', (msg) => {
      const type = msg.type();
      if (type === 'error' || type === 'warning') {
        this.problems.push({ type, text: msg.text(), url: msg.location()?.url ?? '', page: page.url() });
      }
    });
    page.on('pageerror', (error) => {
      this.problems.push({ type: 'pageerror', text: String(error?.stack || error?.message || error), url: '', page: page.url() });
    });
  }

  /**
   * Accepts the browser's own log line for one HTTP error response the test provoked on purpose
   * (Chromium logs every 4xx/5xx response as "Failed to load resource: the server responded with
   * a status of N"). `urlPart` must appear in the failing resource's address; `reason` says why
   * the error is expected (for the reader of the test).
   */
  allowHttpError(status, urlPart, reason) {
    this.allowed.push({ status, urlPart, reason });
  }

  /** Fails the test if anything was logged that was not explicitly allowed. */
  assertClean() {
    const allowed = (p) =>
      this.allowed.some(
        (a) => p.type === 'error' && p.text.startsWith(`Failed to load resource: the server responded with a status of ${a.status} `) && p.url.includes(a.urlPart),
      );
    const unexpected = this.problems.filter((p) => !allowed(p));
    assert.deepEqual(unexpected, [], `console errors/warnings or page errors:\n${JSON.stringify(unexpected, null, 2)}`);
  }
}

/**
 * Waits until the app in the browser has hydrated: the app has marked `<html data-hydrated>`
 * (set right after `hydrate_body` returns), the header's language switch has its click handler,
 * and every form in the page has its submit handler. The last check matters because content inside
 * <Suspense> may hydrate after the marker is set (its futures resolve later), and an ActionForm submits through its
 * server function only then (before, a click would post the form the old-fashioned way).
 */
export async function waitForHydration(page) {
  try {
    await page.waitForFunction(hydrated, null, { polling: 50 });
  } catch (error) {
    // Say what was missing, and what the browser logged meanwhile (often a panic).
    const state = await page.evaluate(hydrationState).catch((e) => String(e));
    const logged = watches.get(page)?.problems ?? [];
    error.message += `\nat ${page.url()}: ${JSON.stringify(state)}\nconsole: ${JSON.stringify(logged, null, 2)}`;
    throw error;
  }
}

function hydrationState() {
  const has = (el, type) => !!el && ((el.__e2eListeners && el.__e2eListeners.has(type)) || `$$$${type}` in el);
  const button = document.querySelector('header button.lang');
  const forms = [...document.querySelectorAll('main form')];
  return { marked: document.documentElement.dataset.hydrated === 'true', languageSwitch: has(button, 'click'), forms: forms.length, formsWithoutHandler: forms.filter((f) => !has(f, 'submit')).map((f) => f.outerHTML.slice(0, 200)) };
}

function hydrated() {
  const has = (el, type) => !!el && ((el.__e2eListeners && el.__e2eListeners.has(type)) || `$$$${type}` in el);
  const button = document.querySelector('header button.lang');
  return (
    document.documentElement.dataset.hydrated === 'true' &&
    has(button, 'click') &&
    [...document.querySelectorAll('main form')].every((form) => has(form, 'submit'))
  );
}

/** Loads `path` as a new page (a real document load) and waits for hydration. Returns the response. */
export async function visit(page, path) {
  const response = await page.goto(path);
  await waitForHydration(page);
  return response;
}

/**
 * Signs in through the login page as a person would, then waits for the projects page that follows
 * (a full page load) to hydrate. `text` are the login page's labels (TEXT.en or TEXT.zh).
 */
export async function login(page, username, { password = DEMO_PASSWORD, text = TEXT.en } = {}) {
  await visit(page, '/login');
  await page.getByLabel(text.username, { exact: true }).fill(username);
  await page.getByLabel(text.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: text.signIn, exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await waitForHydration(page);
}

/** Puts a marker on `window`: it survives client-side navigation and disappears on a page load. */
export async function setMarker(page) {
  await page.evaluate(() => {
    window.__marker = 1;
  });
}

export async function hasMarker(page) {
  return page.evaluate(() => window.__marker === 1);
}

/** A suffix that makes names unique across tests and runs. */
export function unique() {
  return `${Date.now()}-${Math.floor(Math.random() * 1000)}`;
}

/** The first link in the page's main part to `prefix` followed by an id (a page to visit next). */
async function firstLink(page, prefix) {
  const hrefs = await page.locator(`main a[href^="${prefix}"]`).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const href = hrefs.map((h) => h.split('?')[0]).find((h) => /^[^/]+$/.test(h.slice(prefix.length)) && !h.endsWith('/new'));
  assert.ok(href, `a link to ${prefix}<id> among ${hrefs.join(', ')}`);
  return href;
}

/**
 * Every page of the demo, found by following its links: signed in as the administrator, each
 * kind of page once (a project, PAY-1, its chosen option, a change request, a meeting…).
 */
export async function demoPages(page) {
  await visit(page, '/');
  const project = await page.getByRole('link', { name: DEMO_PROJECT, exact: true }).first().getAttribute('href');
  await visit(page, `${project}/requirements`);
  // PAY-1, the demo's requirement with revisions (other tests may have added requirements).
  const requirement = await page.locator('main tr', { hasText: 'PAY-1' }).locator('a[href^="/requirements/"]').first().getAttribute('href');
  await visit(page, requirement);
  const option = await firstLink(page, '/options/');
  await visit(page, `${project}/schedule`);
  const changeRequest = await firstLink(page, '/change-requests/');
  await visit(page, `${project}/meetings`);
  const meeting = await firstLink(page, '/meetings/');
  return [
    '/',
    project,
    `${project}/requirements`,
    `${project}/requirements/new`,
    requirement,
    `${requirement}/edit`,
    `${requirement}/diff?from=1&to=2`,
    `${requirement}/options/new`,
    `${requirement}/options/compare`,
    option,
    `${option}/edit`,
    changeRequest,
    `${project}/schedule`,
    `${project}/meetings`,
    meeting,
    `${project}/decision-log`,
    `${project}/signoffs`,
    '/decisions',
    '/inbox',
    '/action-items',
    '/calendar-feed',
    '/account',
    '/projects/new',
    '/admin/departments',
    '/admin/people',
    '/admin/schedule',
    '/plan-sandbox',
  ];
}
