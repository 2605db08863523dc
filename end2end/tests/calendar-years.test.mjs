// Calendars past the years they know, in the browser: an option whose plan runs into 2027 is saved
// at once and its page warns — in English and in Chinese — that 2027's holidays are not entered;
// an admin imports 2027 from an .ics file on the settings page, previews which open options move,
// imports, and the option's launch and warning change. The test removes the year again at the end,
// so the other files see the shipped calendar as the demo has it.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, TEXT, launchBrowser, login, openPage, unique, visit } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** Test data, not the official 2027 calendar: New Year 1–3 January and a make-up Saturday. */
const FEED_2027 = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Concord browser tests//holidays//EN',
  'BEGIN:VEVENT',
  'UID:ny-2027@e2e',
  'DTSTART;VALUE=DATE:20270101',
  'DTEND;VALUE=DATE:20270104',
  'SUMMARY:元旦 New Year (test)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:makeup-2027@e2e',
  'DTSTART;VALUE=DATE:20270130',
  'SUMMARY:调休上班 (test)',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

/** A project led by A (kick-off 2026-12-07, target 2027-03-31) with an option of 30 days of A's work. */
async function optionIntoNextYear(page) {
  const post = async (path, data) => {
    const response = await page.request.post(path, { headers: { Origin: BASE_URL }, data });
    assert.equal(response.status(), 201, `${path}: ${await response.text()}`);
    return response.json();
  };
  const departments = await (await page.request.get('/api/v1/departments')).json();
  const a = departments.find((d) => d.code === 'A');
  const project = await post('/api/v1/projects', {
    name: `Plan into next year ${unique()}`,
    goal: 'Hold payments until approval.',
    lead_department_id: a.id,
    kickoff_on: '2026-12-07',
    target_launch_on: '2027-03-31',
    visibility: 'internal',
  });
  const requirement = await post(`/api/v1/projects/${project.id}/requirements`, {
    title: 'Payment waits for approval',
    goal: 'No order is charged before approval.',
    scenarios: [{ name: 'approved' }],
  });
  const option = await post(`/api/v1/requirements/${requirement.id}/options`, {
    title: `Hold in A ${unique()}`,
    covered_scenarios: ['S1'],
    plan: {
      items: [{ id: 'f-payment-hold', name: 'Hold payment', department: 'A', effort: 30 }],
      milestones: [{ id: 'launch', after: ['f-payment-hold'] }],
    },
  });
  return option;
}

test('a plan into next year is saved with a warning, and importing the year from an .ics file moves its dates', { timeout: 180_000 }, async (t) => {
  const pm = await openPage(browser, t);
  await login(pm.page, 'xiaozhang');
  const option = await optionIntoNextYear(pm.page);

  // The option's page warns, and the Gantt draws the unknown stretch differently.
  await visit(pm.page, `/options/${option.id}`);
  const warning = pm.page.getByTestId('holidays-unknown').first();
  assert.equal(
    (await warning.textContent()).trim(),
    'Holidays after 2026-12-31 are not entered; dates beyond it count weekends only.',
  );
  assert.match(await pm.page.getByTestId('launch-line').first().textContent(), /2027-01-15/);
  assert.ok((await pm.page.locator('svg.gantt rect.days-unknown').count()) > 0, 'the Gantt hatches the stretch after 2026');

  // The same page in Chinese.
  const zh = await openPage(browser, t, { locale: 'zh-CN' });
  await login(zh.page, 'xiaozhang', { text: TEXT.zh });
  await visit(zh.page, `/options/${option.id}`);
  assert.equal(
    (await zh.page.getByTestId('holidays-unknown').first().textContent()).trim(),
    '2026-12-31 之后的节假日尚未录入；此后的日期只按周末计算。',
  );

  // The admin imports 2027 from a file: preview first, then import.
  const admin = await openPage(browser, t);
  await login(admin.page, 'admin');
  await visit(admin.page, '/admin/schedule');
  const section = admin.page.locator('section.calendar-years');
  await section.getByTestId('known-until').getByText('Holidays known until 31 Dec 2026; later dates count weekends only.').waitFor();
  await section.getByText('Import from a file', { exact: true }).click();
  await section.getByLabel('File', { exact: true }).setInputFiles({ name: 'holidays-2027.ics', mimeType: 'text/calendar', buffer: Buffer.from(FEED_2027) });
  await admin.page.waitForFunction(() => document.querySelector('section.calendar-years textarea[name="content"]')?.value.includes('BEGIN:VCALENDAR'));
  await section.getByRole('button', { name: 'Preview', exact: true }).click();
  const result = section.getByTestId('import-result');
  await result.locator('tr[data-year="2027"][data-status="added"]').waitFor();
  assert.match(await result.textContent(), /31 Dec 2026 → 31 Dec 2027/, 'what the calendar will know');
  const moved = result.locator(`li[data-option="${option.id}"]`);
  assert.match(await moved.textContent(), /launch 15 Jan 2027 → 18 Jan 2027, 1 work item\(s\) move/);
  assert.equal(await result.getAttribute('data-applied'), 'false', 'a preview stores nothing');

  await section.getByRole('button', { name: 'Import', exact: true }).click();
  await section.getByRole('status').getByText('Imported 1 year(s).').waitFor();
  await section.getByTestId('known-until').getByText('Holidays known until 31 Dec 2027; later dates count weekends only.').waitFor();
  await section.locator('tr[data-year="2027"][data-source="entered"]').waitFor();

  // The option's dates and warning follow.
  await visit(pm.page, `/options/${option.id}`);
  assert.match(await pm.page.getByTestId('launch-line').first().textContent(), /2027-01-18/);
  assert.equal(await pm.page.getByTestId('holidays-unknown').count(), 0, 'no warning: the plan ends inside the known years');

  // The change is in the history; then the admin removes the year again.
  await section.getByText('Calendar changes', { exact: true }).click();
  await section.locator('table.calendar-changes tbody tr', { hasText: 'imported' }).first().waitFor();
  await section.getByRole('button', { name: 'Remove 2027', exact: true }).click();
  await section.getByTestId('known-until').getByText('Holidays known until 31 Dec 2026; later dates count weekends only.').waitFor();

  pm.console.assertClean();
  zh.console.assertClean();
  admin.console.assertClean();
});
