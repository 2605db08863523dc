// The plan sandbox: the schedule engine running in the browser. A person loads the seed case's two
// plans, sees the Gantt with the baseline as ghosts, the critical chain and the explained impact;
// an invalid plan shows the same error as the CLI; a plan file can be loaded from disk; Chinese.

import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { TEXT, launchBrowser, login, openPage, visit } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test('the seed example shows the Gantt overlay, the chain and why the launch moved', { timeout: 120_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  await login(page, 'laowang');
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Plan sandbox', exact: true }).click();
  await page.getByRole('heading', { name: 'Plan sandbox', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Load the seed example', exact: true }).click();

  const explanation = page.getByTestId('explanation');
  await explanation.waitFor();
  const text = await explanation.textContent();
  assert.match(text, /^Launch \+4 working days \(2025-02-11 → 2025-02-17\)/);
  assert.match(text, /B's new “B 审批通过消息 approval-passed message” \(5 d\) runs after “B 审批查询接口 approval query API” because B runs one item at a time/);
  assert.equal(await page.locator('time.launch-date').textContent(), '2025-02-17');

  const gantt = page.getByRole('img', { name: 'Gantt chart', exact: true });
  await gantt.waitFor();
  assert.equal(await gantt.locator('rect.bar').count(), 6, 'one bar per candidate item');
  assert.equal(await gantt.locator('rect.ghost').count(), 4, 'one ghost per baseline item');
  assert.ok((await gantt.locator('rect.bar.critical').count()) >= 4);
  assert.equal(await gantt.locator('path.milestone').count(), 2);
  assert.match(await gantt.locator('text.launch-move').textContent(), /Launch \+4 working days/);
  assert.match(await gantt.locator('rect.day-holiday title').first().textContent(), /2025-01-28 … 2025-02-04 holiday/);
  const chain = page.locator('ol.critical-chain li');
  assert.equal(await chain.count(), 5);
  assert.match(await chain.nth(1).textContent(), /runs after/);
  assert.match(await page.getByTestId('launch-move').textContent(), /2025-02-11 → 2025-02-17/);
  assert.ok(Number(await page.locator('.compute-time').getAttribute('data-compute-ms')) >= 0);

  // An invalid edit shows the engine's error at once, naming the cycle.
  const plan = page.getByLabel('Plan (JSON)');
  await plan.fill(JSON.stringify({ start: '2025-01-06', items: [
    { id: 'a', department: 'A', effort: 1, after: ['b'] },
    { id: 'b', department: 'A', effort: 1, after: ['a'] },
  ] }));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /dependency cycle: (a → b → a|b → a → b)/);

  // A plan file loaded from disk replaces the text and is scheduled.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  const dir = mkdtempSync(join(tmpdir(), 'concord-e2e-'));
  const file = join(dir, 'plan.json');
  writeFileSync(file, JSON.stringify({ start: '2025-03-03', items: [{ id: 'solo', name: 'Solo task', department: 'A', effort: 3 }] }));
  await page.locator('input[name="plan-file"]').setInputFiles(file);
  await page.locator('time.launch-date', { hasText: '2025-03-05' }).waitFor();
  assert.equal(await gantt.locator('rect.bar').count(), 1);
  console.assertClean();
});

test('在中文界面里，沙盘用中文解释上线为何推迟', { timeout: 120_000 }, async (t) => {
  const { page, console } = await openPage(browser, t, { locale: 'zh-CN' });
  await login(page, 'chengong', { text: TEXT.zh });
  await visit(page, '/plan-sandbox');
  await page.getByRole('heading', { name: '计划沙盘', level: 1 }).waitFor();
  await page.getByRole('button', { name: '载入案例示例', exact: true }).click();
  const explanation = page.getByTestId('explanation');
  await explanation.waitFor();
  assert.match(await explanation.textContent(), /^上线推迟 4 个工作日（2025-02-11 → 2025-02-17）：B 新增的“B 审批通过消息 approval-passed message”（5 天）排在“B 审批查询接口 approval query API”之后，因为 B 同时只能做 1 项/);
  await page.getByRole('img', { name: '甘特图', exact: true }).waitFor();
  await page.getByLabel('计划（JSON）').fill('{"start":"2025-01-06","items":[{"id":"a","department":"A","effort":0}]}');
  assert.match(await page.getByRole('alert').textContent(), /工作项 "a"：工作量须为 ≥ 1 的整数工作日（现为 0）/);
  console.assertClean();
});

test('the sandbox asks visitors to sign in', async (t) => {
  const { page } = await openPage(browser, t);
  await page.goto('/plan-sandbox');
  await page.waitForURL((url) => url.pathname === '/login');
});
