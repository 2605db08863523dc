// A product manager creates a project and draws its stakeholder map: C → B → A.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, login, openPage, unique, waitForHydration } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** The x of a department's box on the map (its <rect>). */
async function boxX(map, code) {
  return Number(await map.locator(`g[data-department="${code}"] rect`).getAttribute('x'));
}

test('a PM creates a project and maps its stakeholders from upstream to downstream', { timeout: 180_000 }, async (t) => {
  const { page, console } = await openPage(browser, t);
  await login(page, 'xiaozhang');

  // The projects page offers "New project" to a PM (a client-side link).
  await page.getByRole('link', { name: 'New project', exact: true }).click();
  await page.waitForURL('**/projects/new');
  await page.getByRole('heading', { name: 'New project', level: 1 }).waitFor();
  await waitForHydration(page);

  const name = `Refund needs approval ${unique()}`;
  await page.getByLabel('Project name', { exact: true }).fill(name);
  await page.getByLabel('Goal', { exact: true }).fill('Refunds wait for the approval of the order.');
  // Selects are found by role: their label wraps them, and Playwright's getByLabel would then
  // match the label's whole text, options included (the accessible name is just the label's).
  const lead = page.getByRole('combobox', { name: 'Lead department', exact: true });
  // The lead department defaults to the PM's own (A).
  assert.equal(await lead.evaluate((select) => select.selectedOptions[0]?.textContent), 'A · Order payment');
  await lead.selectOption({ label: 'A · Order payment' });
  await page.getByLabel('Kick-off date', { exact: true }).fill('2026-12-01');
  await page.getByLabel('Target launch date', { exact: true }).fill('2027-03-31');
  await page.getByRole('button', { name: 'Create', exact: true }).click();

  // Lands on the new project's page.
  await page.waitForURL(/\/projects\/(?!new$)[^/]+$/);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  await waitForHydration(page);
  const facts = page.locator('dl.facts');
  await assertText(facts, 'A · Order payment');
  await assertText(facts, '1 Dec 2026');
  await assertText(facts, '31 Mar 2027');

  const map = page.getByRole('img', { name: 'Stakeholder map', exact: true });
  await map.waitFor();
  // A new project has its lead department only.
  assert.equal(await map.locator('g[data-department]').count(), 1);
  assert.equal(await map.locator('g[data-department="A"]').count(), 1);
  await page.getByText('No links yet.', { exact: true }).waitFor();
  // With one stakeholder there is nothing to link: the form says so instead of offering A → A.
  await page.getByText('A link needs two stakeholder departments: add another department first.', { exact: true }).waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Upstream', exact: true }).count(), 0);

  // Stakeholders: B collaborates, C is consulted, IT (where the administrator belongs) is informed.
  await addStakeholder(page, 'B · Order approval', 'Collaborator');
  await map.locator('g[data-department="B"]').waitFor();
  // The link form starts on two different departments.
  const selected = (name) => page.getByRole('combobox', { name, exact: true }).evaluate((select) => select.selectedOptions[0]?.textContent);
  assert.equal(await selected('Upstream'), 'A · Order payment');
  assert.equal(await selected('Downstream'), 'B · Order approval');
  await addStakeholder(page, 'C · Order info', 'Consulted');
  await map.locator('g[data-department="C"]').waitFor();
  await addStakeholder(page, 'IT · Information technology', 'Informed');
  await map.locator('g[data-department="IT"]').waitFor();
  // Every department is now a stakeholder: no empty select with a live button.
  await page.getByText('Every department is already a stakeholder of this project.', { exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Add stakeholder', exact: true }).count(), 0);
  const stakeholders = page.getByRole('region', { name: 'Stakeholders', exact: true });
  await stakeholders.getByRole('listitem').filter({ hasText: 'B · Order approval — Collaborator' }).waitFor();
  await stakeholders.getByRole('listitem').filter({ hasText: 'C · Order info — Consulted' }).waitFor();
  assert.equal(await map.locator('g[data-department="C"] .map-role').textContent(), 'Consulted');

  // Links: B → A, then C → B.
  await addLink(page, 'B · Order approval', 'A · Order payment');
  await waitForCount(map.locator('line.map-arrow'), 1);
  await addLink(page, 'C · Order info', 'B · Order approval');
  await waitForCount(map.locator('line.map-arrow'), 2);

  const links = page.getByRole('region', { name: 'Upstream → downstream', exact: true });
  await links.getByRole('listitem').filter({ hasText: 'B · Order approval → A · Order payment' }).waitFor();
  await links.getByRole('listitem').filter({ hasText: 'C · Order info → B · Order approval' }).waitFor();

  // The picture: four boxes (IT has no link), two arrows, upstream on the left: C, then B, then A.
  assert.equal(await map.locator('g[data-department]').count(), 4);
  assert.equal(await map.locator('line.map-arrow').count(), 2);
  const [a, b, c] = [await boxX(map, 'A'), await boxX(map, 'B'), await boxX(map, 'C')];
  assert.ok(c < b && b < a, `expected C left of B left of A, got x C=${c} B=${b} A=${a}`);
  // Every arrow points rightwards (upstream → downstream).
  for (const line of await map.locator('line.map-arrow').all()) {
    assert.ok(Number(await line.getAttribute('x1')) < Number(await line.getAttribute('x2')), 'arrow points left');
  }

  // The map is the server's too: a fresh load of the page shows the same picture.
  await page.reload();
  await waitForHydration(page);
  assert.equal(await map.locator('g[data-department]').count(), 4);
  assert.equal(await map.locator('line.map-arrow').count(), 2);

  // And the project is in the list.
  await page.getByRole('link', { name: 'Projects', exact: true }).click();
  await page.getByRole('link', { name, exact: true }).waitFor();

  console.assertClean();
});

async function addStakeholder(page, department, role) {
  await page.getByRole('combobox', { name: 'Department', exact: true }).selectOption({ label: department });
  await page.getByRole('combobox', { name: 'Role', exact: true }).selectOption({ label: role });
  await page.getByRole('button', { name: 'Add stakeholder', exact: true }).click();
}

async function addLink(page, upstream, downstream) {
  await page.getByRole('combobox', { name: 'Upstream', exact: true }).selectOption({ label: upstream });
  await page.getByRole('combobox', { name: 'Downstream', exact: true }).selectOption({ label: downstream });
  await page.getByRole('button', { name: 'Add link', exact: true }).click();
}

async function waitForCount(locator, n) {
  const deadline = Date.now() + 20_000;
  let count;
  while ((count = await locator.count()) !== n) {
    if (Date.now() > deadline) assert.fail(`expected ${n} of ${locator}, found ${count}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function assertText(locator, text) {
  const content = await locator.textContent();
  assert.ok(content.includes(text), `expected “${text}” in “${content}”`);
}
