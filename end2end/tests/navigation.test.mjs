// Hydration: once the page is live, links change the page in the browser (no new document), and
// every page renders in the browser exactly as the server sent it (no hydration warnings).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_PROJECT, hasMarker, launchBrowser, login, openPage, setMarker, visit } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** Counts real document loads of the page (a client-side navigation adds none). */
function countLoads(page) {
  const loads = { count: 0 };
  page.on('load', () => loads.count++);
  return loads;
}

test('after hydration, links navigate in the browser without loading a page', { timeout: 180_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  await login(page, 'laowang');
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  const loads = countLoads(page);
  await setMarker(page);

  // The list → the demo project, drawn C → B → A.
  await page.getByRole('link', { name: DEMO_PROJECT, exact: true }).click();
  await page.waitForURL(/\/projects\/[^/]+$/);
  await page.getByRole('heading', { name: DEMO_PROJECT, level: 1 }).waitFor();
  const map = page.getByRole('img', { name: 'Stakeholder map', exact: true });
  await map.waitFor();
  assert.equal(await map.locator('g[data-department]').count(), 3);
  assert.equal(await map.locator('line.map-arrow').count(), 2);
  const x = async (code) => Number(await map.locator(`g[data-department="${code}"] rect`).getAttribute('x'));
  const [a, b, c] = [await x('A'), await x('B'), await x('C')];
  assert.ok(c < b && b < a, `expected C left of B left of A, got x C=${c} B=${b} A=${a}`);
  assert.ok(await hasMarker(page), 'the project link loaded a new page');

  // The header's "Projects" link → back to the list.
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Projects', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  assert.ok(await hasMarker(page), 'the Projects link loaded a new page');

  // "My account", then the browser's Back button, still within the same document.
  await page.getByRole('link', { name: 'My account', exact: true }).click();
  await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  assert.ok(await hasMarker(page), 'going back loaded a new page');
  assert.equal(loads.count, 0, 'a document was loaded during client-side navigation');

  console.assertClean();
});

test('every page hydrates without console errors or warnings', { timeout: 240_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);

  // Anonymous: the login page (and the favicon every page links to).
  await visit(page, '/login');
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  const favicon = await page.request.get('/favicon.svg');
  assert.equal(favicon.status(), 200);

  // An administrator sees every page; each is loaded fresh so each is hydrated from server HTML.
  await login(page, 'admin');
  const nav = page.getByRole('navigation', { name: 'main' });
  for (const link of ['Projects', 'Departments', 'People', 'My account']) {
    await nav.getByRole('link', { name: link, exact: true }).waitFor();
  }
  await nav.getByRole('button', { name: 'Sign out', exact: true }).waitFor();

  const pages = [
    ['/', 'Projects'],
    ['/projects/new', 'New project'],
    ['/admin/departments', 'Departments'],
    ['/admin/people', 'People'],
    ['/account', 'My account'],
  ];
  for (const [path, heading] of pages) {
    const response = await visit(page, path);
    assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
    await page.getByRole('heading', { name: heading, level: 1, exact: true }).waitFor();
  }

  // The demo project's page, loaded fresh (its map is server-rendered SVG, then hydrated).
  await visit(page, '/');
  const href = await page.getByRole('link', { name: DEMO_PROJECT, exact: true }).getAttribute('href');
  const response = await visit(page, href);
  assert.equal(response.status(), 200);
  await page.getByRole('heading', { name: DEMO_PROJECT, level: 1 }).waitFor();
  await page.getByRole('img', { name: 'Stakeholder map', exact: true }).waitFor();

  // The requirement pages, each loaded fresh: the list, the new form, PAY-1, its edit form and diff.
  const requirementPages = [
    [`${href}/requirements`, /^Requirements/],
    [`${href}/requirements/new`, /^New requirement$/],
  ];
  for (const [path, heading] of requirementPages) {
    const answer = await visit(page, path);
    assert.equal(answer.status(), 200, `${path} answered ${answer.status()}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  }
  await visit(page, `${href}/requirements`);
  const pay1 = await page.locator('table.requirements').getByRole('link', { name: DEMO_PROJECT, exact: true }).getAttribute('href');
  for (const [path, heading] of [
    [pay1, /^PAY-1/],
    [`${pay1}/edit`, /^Edit requirement$/],
    [`${pay1}/diff?from=1&to=2`, /^Changes from revision 1 to revision 2$/],
  ]) {
    const answer = await visit(page, path);
    assert.equal(answer.status(), 200, `${path} answered ${answer.status()}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  }
  await visit(page, href);

  // The admin pages again, this time reached by client-side navigation from the project page.
  await setMarker(page);
  await nav.getByRole('link', { name: 'Departments', exact: true }).click();
  await page.getByRole('heading', { name: 'Departments', level: 1 }).waitFor();
  await page.getByRole('cell', { name: 'Order approval', exact: true }).waitFor();
  await nav.getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  await page.getByRole('cell', { name: 'xiaozhang', exact: true }).waitFor();
  assert.ok(await hasMarker(page), 'the admin links loaded a new page');

  // Signing out ends on the login page (a deliberate full load).
  await nav.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL('**/login');
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();

  console.assertClean();
});
