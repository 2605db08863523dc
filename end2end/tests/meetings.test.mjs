// A PM runs a meeting in the browser from agenda to close: 小张 (A, English) opens the demo
// project's meetings, schedules a requirement review with 小蓝 invited and two agenda items, starts
// it, records who came, writes minutes, records a decision on the chosen option and an action item
// for 小蓝, and closes it. The closed meeting shows the locked record without forms, the decision
// is in the project's decision log, and the action item in 小蓝's "my action items".
// This file uses xiaozhang and xiaolan and never changes their language.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, login, openPage, unique, visit, waitForHydration } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test('a PM runs a meeting from agenda to close with a decision and an action item', async (t) => {
  const { page, console } = await openPage(browser, t);
  await login(page, 'xiaozhang');
  const projects = await (await page.request.get('/api/v1/projects')).json();
  const project = projects.find((p) => p.code === 'PAY');
  const title = `Requirement review ${unique()}`;

  // The project page links to its meetings; the form schedules one.
  await visit(page, `/projects/${project.id}`);
  await page.locator('a.meetings-link').click();
  await page.waitForURL((url) => url.pathname === `/projects/${project.id}/meetings`);
  await waitForHydration(page);
  const form = page.locator('section.new-meeting form');
  await form.getByLabel('Title', { exact: true }).fill(title);
  await form.locator('select[name="kind"]').selectOption('requirement_review');
  await form.getByLabel('Starts', { exact: true }).fill('2026-12-01T10:00');
  await form.getByLabel('Ends', { exact: true }).fill('2026-12-01T11:00');
  await form.getByLabel('Place or link', { exact: true }).fill('Room 3');
  await form.getByLabel('小蓝 (B)', { exact: true }).check();
  await form.getByLabel('Agenda', { exact: true }).fill('Approval-status API\nLaunch date');
  await form.getByRole('button', { name: 'Schedule', exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/meetings/'));
  await waitForHydration(page);
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  assert.equal(await page.locator('.meeting-status').getAttribute('data-status'), 'planned');
  assert.equal(await page.locator('.agenda-item h3').count(), 2);

  // Start it.
  await page.getByRole('button', { name: 'Start the meeting', exact: true }).click();
  await page.locator('.meeting-status[data-status="in_progress"]').waitFor();

  // Attendance.
  const attendance = page.locator('form.attendance-form');
  await attendance.getByLabel('小张 (A)', { exact: true }).check();
  await attendance.getByLabel('小蓝 (B)', { exact: true }).check();
  await attendance.getByRole('button', { name: 'Save attendance', exact: true }).click();
  await page.locator('section.attendance li', { hasText: '小蓝 (B)' }).waitFor();

  // Minutes of the first agenda item (Markdown).
  const first = page.locator('.agenda-item').first();
  await first.locator('textarea.minutes-input').fill('B offers the API. **Agreed**.');
  await first.getByRole('button', { name: 'Save minutes', exact: true }).click();
  await page.locator('.agenda-item').first().locator('.minutes strong', { hasText: 'Agreed' }).waitFor();

  // A decision on the chosen option.
  const decision = page.locator('form.meeting-decision-form');
  await decision.getByLabel('Decision', { exact: true }).fill('A queries B before charging');
  await decision.getByLabel('小张 (A)', { exact: true }).check();
  await decision.getByLabel('小蓝 (B)', { exact: true }).check();
  const option = await decision.locator('select[name="decision_link"] option', { hasText: "A queries B's approval-status API" }).first().getAttribute('value');
  await decision.locator('select[name="decision_link"]').selectOption(option);
  await decision.getByRole('button', { name: 'Record the decision', exact: true }).click();
  const recorded = page.locator('section.meeting-decisions li.meeting-decision', { hasText: 'A queries B before charging' });
  await recorded.waitFor();
  assert.ok((await recorded.locator('a.subject-link').textContent()).includes("A queries B's approval-status API"));

  // An action item for 小蓝.
  const actionTitle = `Send the API document ${unique()}`;
  const action = page.locator('form.action-form');
  await action.getByLabel('Action', { exact: true }).fill(actionTitle);
  await action.locator('select[name="owner"]').selectOption({ label: '小蓝 (B)' });
  await action.getByLabel('Due', { exact: true }).fill('2026-12-08');
  await action.getByRole('button', { name: 'Add the action item', exact: true }).click();
  await page.locator('table.action-table tr', { hasText: actionTitle }).waitFor();

  // Close: the record is locked, the forms are gone, amendments are offered.
  await page.getByRole('button', { name: 'Close the meeting', exact: true }).click();
  await page.locator('.meeting-status[data-status="closed"]').waitFor();
  await page.locator('.locked-note').waitFor();
  assert.equal(await page.locator('textarea.minutes-input').count(), 0, 'no minutes editing after the close');
  assert.equal(await page.locator('form.meeting-decision-form').count(), 0);
  assert.equal(await page.locator('form.amend-form').count(), 1);
  const meetingPath = new URL(page.url()).pathname;

  // The decision log has the decision with its meeting.
  await visit(page, `/projects/${project.id}/decision-log`);
  const logged = page.locator('ol.decision-log li.meeting-decision', { hasText: 'A queries B before charging' });
  await logged.waitFor();
  assert.equal(await logged.locator(`a[href="${meetingPath}"]`).textContent(), title);
  console.assertClean();

  // 小蓝 sees the action item among hers.
  const other = await openPage(browser, t);
  await login(other.page, 'xiaolan');
  await visit(other.page, '/action-items');
  await other.page.locator('table.action-table tr', { hasText: actionTitle }).waitFor();
  other.console.assertClean();
});
