// A new user's first hour: a shared link survives signing in, tabs are titled by what they show,
// and a requirement's scenarios read Given → When → Then.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, DEMO_PASSWORD, DEMO_PROJECT, TEXT, launchBrowser, login, openPage, visit, waitForHydration } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/**
 * Waits until the tab's title is `expected` (a page sets it once its data is there, which after a
 * client-side navigation can come a moment after hydration), failing with the title it has.
 */
async function expectTitle(page, expected, message = '') {
  try {
    await page.waitForFunction((title) => document.title === title, expected, { timeout: 10_000 });
  } catch {
    assert.equal(await page.title(), expected, message);
  }
}

/** The demo requirement PAY-1's address, found as a signed-in person would. */
async function requirementAddress(page) {
  await login(page, 'xiaoli');
  await page.getByRole('link', { name: DEMO_PROJECT, exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/projects/'));
  await waitForHydration(page);
  await page.getByRole('link', { name: 'Requirements', exact: true }).first().click();
  await page.waitForURL((url) => url.pathname.endsWith('/requirements'));
  await waitForHydration(page);
  // PAY-1's row (other tests may have added requirements to the demo project).
  const href = await page.locator('main tr', { hasText: 'PAY-1' }).locator('a[href^="/requirements/"]').first().getAttribute('href');
  assert.match(href, /^\/requirements\/[^/]+$/);
  return href;
}

test('a link to a requirement shared with someone signed out lands on the requirement after sign-in', { timeout: 180_000 }, async (t) => {
  const { page: finder } = await openPage(browser, t);
  const address = await requirementAddress(finder);

  const { page, console } = await openPage(browser, t);
  await visit(page, address);
  const login = new URL(page.url());
  assert.equal(login.pathname, '/login');
  assert.equal(login.searchParams.get('next'), address, 'the sign-in page knows where the visitor was going');
  await page.getByLabel('Username', { exact: true }).fill('xiaoming');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === address);
  await waitForHydration(page);
  await page.getByRole('heading', { name: /PAY-1/, level: 1 }).waitFor();

  // The tab names the requirement.
  await expectTitle(page, 'PAY-1 付款前须审批 Payment requires approval · Concord');
  console.assertClean();
});

test('a return address off the site is not followed: signing in lands on the project list', { timeout: 120_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  await visit(page, '/login?next=//example.com/');
  await page.getByLabel('Username', { exact: true }).fill('xiaoming');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await waitForHydration(page);
  assert.equal(new URL(page.url()).origin, new URL(BASE_URL).origin, 'still on Concord');
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  console.assertClean();
});

test('each page is titled by what it shows, in the reader language', { timeout: 180_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  await visit(page, '/login');
  await expectTitle(page, 'Sign in · Concord');
  await login(page, 'xiaoli');
  await expectTitle(page, 'Projects · Concord');
  await page.getByRole('link', { name: DEMO_PROJECT, exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/projects/'));
  await waitForHydration(page);
  await expectTitle(page, `${DEMO_PROJECT} · Concord`, 'the project page, after client-side navigation');
  const projectPath = new URL(page.url()).pathname;

  // Loaded anew from the server, the title is the same.
  await visit(page, projectPath);
  await expectTitle(page, `${DEMO_PROJECT} · Concord`);
  await visit(page, `${projectPath}/meetings`);
  await page.waitForFunction(() => document.title.endsWith(' · Concord') && document.title !== 'Concord', null, { timeout: 10_000 });
  console.assertClean();

  // A reader whose browser asks for Chinese gets Chinese titles.
  const zh = await openPage(browser, t, { locale: 'zh-CN' });
  await visit(zh.page, '/login');
  await expectTitle(zh.page, '登录 · 协同 Concord');
  await login(zh.page, 'xiaoli', { text: TEXT.zh });
  await expectTitle(zh.page, '项目 · 协同 Concord');
  zh.console.assertClean();
});

test('a requirement\'s scenarios read Given, When, Then, each beside its text', { timeout: 180_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  const address = await requirementAddress(page);
  await visit(page, address);
  const scenario = page.locator('li.scenario').first();
  const terms = scenario.locator('dl.gwt dt');
  const texts = scenario.locator('dl.gwt dd');
  assert.deepEqual(await terms.allTextContents(), ['Given', 'When', 'Then']);
  const boxes = async (list) => Promise.all((await list.all()).map((el) => el.boundingBox()));
  const [termBoxes, textBoxes] = [await boxes(terms), await boxes(texts)];
  for (let i = 0; i < 3; i += 1) {
    assert.ok(Math.abs(termBoxes[i].y - textBoxes[i].y) < 2, `step ${i + 1}: the text sits beside its term`);
    assert.ok(textBoxes[i].x > termBoxes[i].x, `step ${i + 1}: the text is to the right of its term`);
    if (i > 0) assert.ok(termBoxes[i].y > termBoxes[i - 1].y, `step ${i + 1} comes below step ${i}`);
  }
  console.assertClean();
});

test('a comparison with a revision that does not exist says which, under a heading, with the way back', { timeout: 180_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  const address = await requirementAddress(page);
  await visit(page, `${address}/diff?from=1&to=99`);
  await page.getByRole('heading', { name: 'These revisions cannot be compared', level: 1 }).waitFor();
  await page.getByRole('alert').filter({ hasText: 'This requirement has no revision 99.' }).waitFor();
  await page.getByRole('link', { name: 'Back to the requirement', exact: true }).click();
  await page.waitForURL((url) => url.pathname === address);
  await page.getByRole('heading', { name: /PAY-1/, level: 1 }).waitFor();
  console.allowHttpError(422, '/diff', 'the comparison page answers with the status of its error');
  console.assertClean();
});

test('the calendar settings say what a custom calendar is made of, not its JSON', { timeout: 120_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  await login(page, 'admin');
  await visit(page, '/admin/schedule');
  const section = page.getByRole('region', { name: 'Organisation calendar', exact: true });
  const current = section.locator('.calendar-current');
  const edit = async (choice, json) => {
    const details = section.locator('details').first();
    if (!(await details.evaluate((d) => d.open))) await section.getByText('Edit', { exact: true }).click();
    await section.getByRole('combobox', { name: 'Calendar', exact: true }).selectOption(choice);
    if (json) await section.locator('textarea[name="calendar_json"]').fill(json);
    await section.getByRole('button', { name: 'Save', exact: true }).click();
  };
  await edit('custom', '{"base":"cn","until":"2027-12-31"}');
  await current.filter({ hasText: 'based on' }).waitFor();
  const text = await current.textContent();
  assert.equal(text, 'Custom (based on Mainland-China working calendar (cn) · holidays known until 31 Dec 2027)');
  assert.doesNotMatch(text, /[{}"]/, 'no JSON on the page');
  // Who changed it last is a line of its own, never a dangling "· Last change:".
  await section.locator('p.hint').filter({ hasText: /^Last change: .+, \d/ }).waitFor();

  // Back to the shipped calendar, for the tests that follow.
  await edit('cn');
  await current.filter({ hasText: /^Mainland-China working calendar \(cn\)$/ }).waitFor();
  console.assertClean();
});

test('the demo administrator belongs to IT, and the audit log says why its dates are the load day', { timeout: 120_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  await login(page, 'admin');
  await visit(page, '/admin/people');
  const row = page.locator('main tr', { hasText: '系统管理员' });
  const cells = (await row.first().locator(':scope > td').allTextContents()).map((cell) => cell.trim());
  assert.ok(cells.includes('IT · Information technology'), `the administrator's department: ${cells}`);
  assert.ok(!cells.includes('C · Order info'), `not one of C's engineers: ${cells}`);

  await visit(page, '/');
  const project = await page.getByRole('link', { name: DEMO_PROJECT, exact: true }).first().getAttribute('href');
  await visit(page, `${project}/signoffs`);
  const note = page.getByTestId('audit-demo-dates');
  await note.waitFor();
  assert.match(await note.textContent(), /Nothing redates an audit entry/);
  console.assertClean();
});

test('a Gantt chart spans its card, also after the window is resized', { timeout: 120_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  await login(page, 'xiaozhang');
  const project = await page.getByRole('link', { name: DEMO_PROJECT, exact: true }).first().getAttribute('href');
  await visit(page, `${project}/schedule`);
  await waitForHydration(page);
  // Every chart fills its frame to within one day's width (40 px at most), or scrolls inside it.
  const gaps = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.gantt-wrap')].map((wrap) => wrap.clientWidth - wrap.querySelector('svg').getBoundingClientRect().width),
    );
  const filled = async (why) => {
    await page
      .waitForFunction(() => [...document.querySelectorAll('.gantt-wrap')].every((w) => w.clientWidth - w.querySelector('svg').getBoundingClientRect().width <= 40), null, { timeout: 10_000 })
      .catch(() => {});
    const now = await gaps();
    assert.ok(now.length > 0, 'the schedule page has charts');
    assert.ok(now.every((gap) => gap <= 40), `${why}: unused width per chart ${now.join(', ')} px`);
  };
  await filled('at 1280 px');
  await page.setViewportSize({ width: 1600, height: 900 });
  await filled('after widening the window to 1600 px');
  console.assertClean();
});
