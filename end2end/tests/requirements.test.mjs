// Requirements in the browser: a PM fills one in (two scenarios, change points for two
// departments), edits it, reads the diff; a second person edits meanwhile and the first gets the
// conflict with their text intact; the same flow in Chinese.
//
// This file uses xiaozhang (PM, A) and xiaoming (PM, C) and never changes their language.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_PROJECT, TEXT, launchBrowser, login, openPage, unique, visit, waitForHydration } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** Opens the demo project's requirement list from the project list. */
async function openRequirements(page, { requirements = 'Requirements' } = {}) {
  await page.getByRole('link', { name: DEMO_PROJECT, exact: true }).click();
  await page.getByRole('link', { name: requirements, exact: true }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/requirements'));
  await waitForHydration(page);
}

async function addScenario(page, index, name, { given = '', then = '' } = {}, addLabel = 'Add scenario') {
  await page.getByRole('button', { name: addLabel, exact: true }).click();
  const row = page.locator('li.scenario').nth(index);
  await row.locator('.scenario-name').fill(name);
  if (given) await row.locator('.scenario-given').fill(given);
  if (then) await row.locator('.scenario-then').fill(then);
}

async function addChangePoint(page, index, departmentLabel, text, addLabel = 'Add change point') {
  await page.getByRole('button', { name: addLabel, exact: true }).click();
  const row = page.locator('li.change-point').nth(index);
  await row.locator('select').selectOption({ label: departmentLabel });
  await row.locator('.change-point-text').fill(text);
}

/** Saves the form and waits for the requirement page (the URL and its hydration). */
async function saveAndWait(page, saveLabel = 'Save') {
  await page.getByRole('button', { name: saveLabel, exact: true }).click();
  await page.waitForURL((url) => /^\/requirements\/[^/]+$/.test(url.pathname));
  await waitForHydration(page);
}

test('a PM fills in a requirement, edits it and reads the diff; a concurrent edit is refused without losing text', { timeout: 240_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  await login(page, 'xiaozhang');
  await openRequirements(page);
  await page.getByRole('heading', { name: /^Requirements/, level: 1 }).waitFor();
  // The demo's requirement is listed.
  await page.getByRole('cell', { name: 'PAY-1', exact: true }).waitFor();

  await page.getByRole('link', { name: 'New requirement', exact: true }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/requirements/new'));
  await waitForHydration(page);
  const title = `Refund needs approval ${unique()}`;
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Background', { exact: true }).fill('## Customer view\n\nRefunds are paid before approval.');
  await addScenario(page, 0, 'approved before first query', { given: 'the refund is approved', then: 'A pays' });
  await addScenario(page, 1, 'approved after first query', { then: 'B sends a message' });
  await addChangePoint(page, 0, 'A · Order payment', 'call the approval-status API');
  await addChangePoint(page, 1, 'B · Order approval', 'new approval-passed message');
  await saveAndWait(page);

  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  const key = (await page.locator('h1 .key').textContent()).trim();
  assert.match(key, /^PAY-\d+$/);
  await page.getByRole('heading', { name: 'Customer view', level: 2 }).waitFor();
  assert.equal(await page.locator('ol.scenarios > li').count(), 2);
  assert.deepEqual(await page.locator('h3.change-point-department').allTextContents(), ['A · Order payment', 'B · Order approval']);
  await page.getByText('Revision 1', { exact: true }).first().waitFor();
  const requirementUrl = new URL(page.url()).pathname;

  // Edit: a new title and a third scenario → revision 2, and its diff.
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/edit'));
  await waitForHydration(page);
  await page.getByLabel('Title', { exact: true }).fill(`${title} (v2)`);
  await addScenario(page, 2, 'auto-approved by the system');
  await page.getByLabel('Change summary (optional)', { exact: true }).fill('adds the auto-approval case');
  await saveAndWait(page);
  await page.getByRole('heading', { name: `${title} (v2)`, level: 1 }).waitFor();
  await page.getByRole('link', { name: 'View changes', exact: true }).first().click();
  await page.waitForURL((url) => url.pathname.endsWith('/diff'));
  await page.getByRole('heading', { name: 'Changes from revision 1 to revision 2', level: 1 }).waitFor();
  assert.equal(await page.locator('dd.diff-text[data-field="title"] ins').first().textContent(), ' (v2)');
  await page.locator('li.diff-item.added', { hasText: 'auto-approved by the system' }).waitFor();

  // Both PMs open the editor at revision 2; xiaoming (C) saves first.
  const other = await openPage(browser, t);
  await login(other.page, 'xiaoming');
  await visit(other.page, `${requirementUrl}/edit`);
  await visit(page, `${requirementUrl}/edit`);
  await other.page.getByLabel('Goal', { exact: true }).fill('No refund without approval (xiaoming)');
  await saveAndWait(other.page);

  console.allowHttpError(409, '/_sfn/requirements/update', 'the edit conflict under test');
  const mine = 'My background, typed while xiaoming was saving.';
  await page.getByLabel('Background', { exact: true }).fill(mine);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const alert = page.locator('p.form-error[data-code="edit_conflict"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /小明 saved revision 3/);
  // Their change is shown, and my text is still in the form.
  await page.locator('.their-change dd.diff-text[data-field="goal"] ins', { hasText: 'xiaoming' }).waitFor();
  assert.equal(await page.getByLabel('Background', { exact: true }).inputValue(), mine);
  assert.ok(page.url().endsWith('/edit'), 'the refused save left the form');

  // Having seen their change, saving again puts mine on top of theirs.
  await saveAndWait(page);
  await page.getByText('Revision 4', { exact: true }).first().waitFor();
  await page.getByText(mine).waitFor();
  await page.getByText('No refund without approval (xiaoming)').waitFor();
  console.assertClean();
  other.console.assertClean();
});

test('the Chinese interface shows the same flow, and the seed history marks the late scenario', { timeout: 180_000 }, async (t) => {
  const { page, console } = await openPage(browser, t, { locale: 'zh-CN' });
  await login(page, 'xiaozhang', { text: TEXT.zh });
  await openRequirements(page, { requirements: '需求' });
  await page.getByRole('heading', { name: /^需求/, level: 1 }).waitFor();

  // The seed requirement: revision 2 added "approved after the first query" after agreement.
  await page.locator('table.requirements').getByRole('link', { name: '付款前须审批 Payment requires approval', exact: true }).click();
  await page.waitForURL((url) => /^\/requirements\/[^/]+$/.test(url.pathname));
  await waitForHydration(page);
  await page.locator('li.revision[data-revision="2"] .badge.late', { hasText: '后期变更' }).waitFor();
  await page.locator('li.revision[data-revision="2"]').getByRole('link', { name: '查看变化', exact: true }).click();
  await page.getByRole('heading', { name: '第 1 版到第 2 版的变化', level: 1 }).waitFor();
  await page.locator('li.diff-item.added', { hasText: '首次查询后才审批通过' }).waitFor();

  // Create one in Chinese.
  await openRequirementsFromHeader(page);
  await page.getByRole('link', { name: '新建需求', exact: true }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/requirements/new'));
  await waitForHydration(page);
  const title = `退款须审批 ${unique()}`;
  await page.getByLabel('标题', { exact: true }).fill(title);
  await addScenario(page, 0, '首次查询前已审批', {}, '添加场景');
  await addChangePoint(page, 0, 'B · 订单审批', '新增退款审批接口', '添加改动点');
  await saveAndWait(page, '保存');
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  await page.getByText('第 1 版', { exact: true }).first().waitFor();
  await page.getByRole('heading', { name: '场景', level: 2 }).waitFor();

  // Search finds it by a Chinese word from its title.
  await openRequirementsFromHeader(page);
  await page.getByRole('searchbox').fill(title);
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  // The unfiltered list shows the new one too: count only once the search's page is in.
  await page.waitForURL((url) => url.searchParams.get('q') === title);
  await page.getByRole('link', { name: title, exact: true }).waitFor();
  await page.locator('table.requirements tbody tr').nth(1).waitFor({ state: 'detached' });
  assert.equal(await page.locator('table.requirements tbody tr').count(), 1);
  console.assertClean();
});

/** Back to the demo project's requirement list through the header's project list. */
async function openRequirementsFromHeader(page) {
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: '项目', exact: true }).click();
  await openRequirements(page, { requirements: '需求' });
}
