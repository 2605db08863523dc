// The header and the page widths: every page fits a 390 px phone (wide tables and charts scroll
// inside themselves), the header folds its links behind "Menu" there and is one line on a laptop,
// and what it links to is readable by whoever sees the link.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { demoPages, launchBrowser, login, openPage, visit, waitForHydration } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

const PHONE = { width: 390, height: 844 };

test('on a 390 px phone no page is wider than the screen and the header stays one line', { timeout: 600_000 }, async (t) => {
  const { page, console } = await openPage(browser, t, { viewport: PHONE });
  await login(page, 'admin');
  const problems = [];
  for (const path of ['/login', ...(await demoPages(page))]) {
    await visit(page, path);
    const { width, header } = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      header: document.querySelector('header.site-header').getBoundingClientRect().height,
    }));
    if (width > PHONE.width) problems.push(`${path}: ${width} px wide`);
    if (header > 60) problems.push(`${path}: header ${header} px tall`);
  }
  assert.deepEqual(problems, []);
  console.assertClean();
});

test('on a phone the navigation opens from "Menu", leads to a page and folds again', { timeout: 120_000 }, async (t) => {
  const { page, console } = await openPage(browser, t, { viewport: PHONE });
  await login(page, 'xiaolan');
  const nav = page.getByRole('navigation', { name: 'main' });
  const menu = page.getByRole('button', { name: 'Menu' });
  assert.equal(await nav.isVisible(), false, 'folded at first');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await nav.getByRole('link', { name: 'Decisions', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/decisions');
  await waitForHydration(page);
  await page.getByRole('heading', { name: 'Waiting for my decision', level: 1 }).waitFor();
  assert.equal(await nav.isVisible(), false, 'folded again after the navigation');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  console.assertClean();
});

for (const width of [1280, 1366]) {
  test(`at ${width} px the administrator's English header is one line with no menu button`, { timeout: 120_000 }, async (t) => {
    const { page, console } = await openPage(browser, t, { viewport: { width, height: 900 } });
    await login(page, 'admin');
    const header = await page.locator('header.site-header').boundingBox();
    assert.ok(header.height < 60, `header ${header.height} px tall`);
    assert.equal(await page.getByRole('button', { name: 'Menu' }).isVisible(), false);
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'People', exact: true }).waitFor();
    console.assertClean();
  });
}

test('everyone reads the departments and people from the header; only administrators see the forms', { timeout: 120_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  await login(page, 'xiaoming');
  const nav = page.getByRole('navigation', { name: 'main' });
  const header = await page.locator('header.site-header').boundingBox();
  assert.ok(header.height < 60, `a non-administrator's header is one line too (${header.height} px)`);
  await nav.getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  await page.getByRole('cell', { name: 'xiaozhang', exact: true }).waitFor();
  assert.equal(await page.locator('main form').count(), 0, 'no form to add or change people');
  await nav.getByRole('link', { name: 'Departments', exact: true }).click();
  await page.getByRole('heading', { name: 'Departments', level: 1 }).waitFor();
  await page.getByRole('cell', { name: 'Order approval', exact: true }).waitFor();
  assert.equal(await page.locator('main form').count(), 0, 'no form to add or change departments');
  console.assertClean();
});
