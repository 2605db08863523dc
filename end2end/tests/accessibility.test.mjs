// axe-core (the npm package, injected from node_modules) over every page of the demo, signed in as
// the administrator (who sees every page) and signed out, in English and in Chinese, and on a
// phone: no violation of any rule axe runs by default (WCAG 2.x A and AA, and its best practices).

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { TEXT, launchBrowser, login, openPage, visit } from './support.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** axe's violations on the page as it is now, one line each: rule, impact, where. */
async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')), count: v.nodes.length }));
  });
  return found.map((v) => `${v.id} (${v.impact}, ${v.count}×): ${v.targets.join(' | ')}`);
}

/** The first link in the page's main part to `prefix` followed by an id (a page to visit next). */
async function firstLink(page, prefix) {
  const hrefs = await page.locator(`main a[href^="${prefix}"]`).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const href = hrefs.map((h) => h.split('?')[0]).find((h) => /^[^/]+$/.test(h.slice(prefix.length)) && !h.endsWith('/new'));
  assert.ok(href, `a link to ${prefix}<id> among ${hrefs.join(', ')}`);
  return href;
}

/** Every page of the demo, found by following its links as the administrator. */
async function demoPages(page) {
  await visit(page, '/');
  const project = await firstLink(page, '/projects/');
  await visit(page, `${project}/requirements`);
  // PAY-1, the demo's requirement with revisions (other tests may have added requirements).
  const requirement = await page.getByRole('row').filter({ hasText: 'PAY-1' }).locator('a[href^="/requirements/"]').first().getAttribute('href');
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

const PHONE = { width: 390, height: 844 };
for (const [language, locale, text, viewport, where] of [
  ['English', 'en-US', TEXT.en, undefined, 'at 1280 px'],
  ['Chinese', 'zh-CN', TEXT.zh, undefined, 'at 1280 px'],
  // On a phone the charts and wide tables scroll inside the page: each must be reachable by keyboard.
  ['English', 'en-US', TEXT.en, PHONE, 'on a 390 px phone'],
]) {
  test(`axe finds nothing on any page in ${language} ${where}`, { timeout: 600_000 }, async (t) => {
    const { page, console } = await openPage(browser, t, { locale, viewport });
    await visit(page, '/login');
    const problems = (await violations(page)).map((v) => `/login: ${v}`);
    await login(page, 'admin', { text });
    for (const path of await demoPages(page)) {
      await visit(page, path);
      problems.push(...(await violations(page)).map((v) => `${path}: ${v}`));
    }
    assert.deepEqual(problems, [], `axe violations:\n${problems.join('\n')}`);
    console.assertClean();
  });
}

