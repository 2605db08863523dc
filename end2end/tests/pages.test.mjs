// The login page in demo mode, wrong passwords, unknown addresses and a refused new project.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, login, openPage, unique, visit, waitForHydration } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test('in demo mode the login page lists the demo accounts', { timeout: 120_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  await visit(page, '/login');
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  const demo = page.getByRole('region', { name: 'Demo accounts', exact: true });
  await demo.getByRole('table').waitFor();
  for (const username of ['xiaozhang', 'xiaolan', 'xiaoming', 'admin']) {
    await demo.getByRole('cell', { name: username, exact: true }).waitFor();
  }
  const xiaozhang = demo.getByRole('row').filter({ has: page.getByRole('cell', { name: 'xiaozhang', exact: true }) });
  assert.deepEqual(await xiaozhang.getByRole('cell').allTextContents(), ['xiaozhang', '小张', 'A', 'Product manager']);
  const admin = demo.getByRole('row').filter({ has: page.getByRole('cell', { name: 'admin', exact: true }) });
  assert.match(await admin.textContent(), /Administrator/);
  await demo.getByText('concord-demo', { exact: true }).waitFor();
  console.assertClean();
});

test('a wrong password is refused with a message next to the form', { timeout: 120_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  await visit(page, '/login');
  await page.getByLabel('Username', { exact: true }).fill('xiaowu');
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  const form = page.locator('main form');
  await form.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0, 'signed in with a wrong password');
  // The typed username stays for another try.
  assert.equal(await page.getByLabel('Username', { exact: true }).inputValue(), 'xiaowu');

  // The login server function answers 401, which Chromium logs as a failed resource: expected
  // here, the refusal is the point of the test.
  console.allowHttpError(401, '/_sfn/login', 'the refused sign-in');
  console.assertClean();
});

test('an unknown address shows "Page not found" with a 404 status', { timeout: 120_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  const path = `/no-such-page-${unique()}`;
  const response = await page.goto(path);
  await waitForHydration(page);
  assert.equal(response.status(), 404);
  await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Back to projects', exact: true }).waitFor();

  // Signed in, an unknown project is "not found" too.
  await login(page, 'xiaoli');
  const project = await page.goto(`/projects/no-such-project-${unique()}`);
  await waitForHydration(page);
  await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
  assert.equal(project.status(), 404);

  // The 404 status of these pages is by design; Chromium logs it for the document itself.
  console.allowHttpError(404, path, 'the unknown address');
  console.allowHttpError(404, '/projects/no-such-project-', 'the unknown project');
  console.assertClean();
});

test('a launch before the kick-off is refused and creates nothing', { timeout: 120_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  await login(page, 'xiaoming');
  await visit(page, '/projects/new');
  await page.getByRole('heading', { name: 'New project', level: 1 }).waitFor();

  const name = `Backwards schedule ${unique()}`;
  await page.getByLabel('Project name', { exact: true }).fill(name);
  await page.getByLabel('Kick-off date', { exact: true }).fill('2026-12-01');
  await page.getByLabel('Target launch date', { exact: true }).fill('2026-11-01');
  await page.getByRole('button', { name: 'Create', exact: true }).click();

  // The message is beside the launch date field, inside the form.
  await page.locator('main form').getByRole('alert').filter({ hasText: 'The launch cannot be before the kick-off.' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/projects/new');
  // What was typed is still there to correct.
  assert.equal(await page.getByLabel('Project name', { exact: true }).inputValue(), name);

  // Nothing was created.
  await visit(page, '/');
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  await page.getByRole('table').waitFor();
  assert.equal(await page.getByRole('link', { name }).count(), 0, 'the refused project was created');

  // The server function answers 422 (invalid input), which Chromium logs as a failed resource.
  console.allowHttpError(422, '/_sfn/projects/create', 'the refused project');
  console.assertClean();
});
