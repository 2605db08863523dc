// The "Calendar and team capacity" page: a department's leader edits their team's row in the
// browser (the engine's message beside a refused calendar), and sees everything else read-only.
// B's settings belong to this file (its leader sunzong); other files leave them alone.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, login, openPage, visit } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test("a department's leader edits their team's schedule settings and only those", { timeout: 120_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  await login(page, 'sunzong');
  await visit(page, '/admin/schedule');
  await page.getByRole('heading', { name: 'Calendar and team capacity', level: 1 }).waitFor();

  const rowOf = (name) => page.locator('table.schedule-settings tbody tr', { hasText: name });
  const [rowA, rowB] = [rowOf('Order payment'), rowOf('Order approval')];
  assert.equal(await rowA.locator('td').nth(1).textContent(), '2', "A's demo capacity is shown");
  assert.equal(await rowA.getByText('Edit', { exact: true }).count(), 0, "B's leader may not edit A");
  const organisation = page.locator('section', { has: page.getByRole('heading', { name: 'Organisation calendar' }) });
  // The demo's organisation calendar is the shipped mainland-China calendar, as it is.
  await organisation.getByText('Mainland-China working calendar (cn)', { exact: true }).first().waitFor();
  assert.equal(await organisation.getByText('Edit', { exact: true }).count(), 0, 'only admins edit the organisation calendar');

  // A calendar the engine refuses: its own words appear beside the field; nothing is saved.
  await rowB.getByText('Edit', { exact: true }).click();
  await rowB.getByRole('spinbutton', { name: /Capacity/ }).fill('2');
  await rowB.getByRole('combobox', { name: 'Calendar' }).selectOption('custom');
  const json = rowB.getByRole('textbox', { name: /Custom calendar/ });
  await json.fill('{"base": "mars"}');
  console.allowHttpError(422, '/_sfn/schedule-settings/department', 'the refused calendar answers 422');
  await rowB.getByRole('button', { name: 'Save', exact: true }).click();
  const error = rowB.locator('.field-error[data-field="calendar"]');
  await error.waitFor();
  assert.match(await error.textContent(), /unknown calendar "mars"/);
  assert.equal(await rowB.locator('td').nth(1).textContent(), '1', 'nothing was saved');

  // Corrected, it saves: the row shows the new values at once and after a reload.
  await json.fill('{"base": "cn", "holidays": ["2026-12-24"]}');
  await rowB.getByRole('button', { name: 'Save', exact: true }).click();
  await rowB.getByRole('status').getByText('Saved.').waitFor();
  assert.equal(await rowB.locator('td').nth(1).textContent(), '2');
  await visit(page, '/admin/schedule');
  assert.equal(await rowB.locator('td').nth(1).textContent(), '2', 'the capacity was stored');
  await rowB.locator('td').nth(3).getByText('Custom').waitFor();
  assert.match(await rowB.locator('td').nth(4).textContent(), /孙总/, 'the last change names its author');

  console.assertClean();
});
