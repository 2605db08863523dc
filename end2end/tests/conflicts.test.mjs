// Someone else saved first: the browser says so and keeps what the person typed. Each test makes
// the other person's save through the API (same-origin, like another tab) between typing and
// saving, then checks the message, the typed text still in its field, and that nothing of it was
// written. Uses xiaozhang (English) and admin; department C's English name is put back.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, launchBrowser, login, openPage, unique, visit } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** A same-origin API call with the page's session, as another tab of the same person would make. */
async function api(page, method, path, data) {
  const reply = await page.request.fetch(path, { method, data, headers: { Origin: BASE_URL } });
  assert.ok(reply.ok(), `${method} ${path}: ${reply.status()} ${await reply.text()}`);
  return reply.json();
}

async function demoProject(page) {
  const projects = await api(page, 'GET', '/api/v1/projects');
  return projects.find((p) => p.code === 'PAY');
}

test('minutes saved after someone else saved the same item name them and keep the typed text', async (t) => {
  const { page } = await openPage(browser, t);
  await login(page, 'xiaozhang');
  const project = await demoProject(page);
  const meeting = await api(page, 'POST', `/api/v1/projects/${project.id}/meetings`, {
    title: `Conflict check ${unique()}`, kind: 'requirement_review', time_zone: 'Asia/Shanghai',
    start: '2026-12-01T10:00', end: '2026-12-01T11:00', place: 'Room 3', invitee_ids: [],
    agenda: [{ title: 'Approval-status API' }],
  });
  const id = meeting.meeting.id;
  await api(page, 'POST', `/api/v1/meetings/${id}/status`, { status: 'in_progress' });
  await visit(page, `/meetings/${id}`);
  const item = page.locator('.agenda-item').first();
  await item.locator('textarea.minutes-input').fill('Mine: B ships on Friday.');

  const itemId = meeting.agenda[0].id;
  await api(page, 'PUT', `/api/v1/agenda-items/${itemId}/minutes`, { minutes: 'Theirs: B ships on Monday.', version: 1 });
  await item.getByRole('button', { name: 'Save minutes', exact: true }).click();

  const alert = item.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /小张 saved revision 2 while you were editing/);
  assert.equal(await item.locator('textarea.minutes-input').inputValue(), 'Mine: B ships on Friday.', 'the typed minutes stay');
  const stored = await api(page, 'GET', `/api/v1/meetings/${id}`);
  assert.equal(stored.agenda[0].minutes, 'Theirs: B ships on Monday.', 'the stale save wrote nothing');
});

test('a status change after someone saved a new revision is refused and keeps the typed reason', async (t) => {
  const { page } = await openPage(browser, t);
  await login(page, 'xiaozhang');
  const project = await demoProject(page);
  const created = await api(page, 'POST', `/api/v1/projects/${project.id}/requirements`, { title: `Refund approval ${unique()}` });
  await visit(page, `/requirements/${created.id}`);
  const workflow = page.locator('section.workflow');
  await workflow.getByLabel('Reason (optional)', { exact: true }).fill('Ready for B to review');

  await api(page, 'PATCH', `/api/v1/requirements/${created.id}`, { version: 1, goal: 'Refund only approved orders.' });
  await workflow.locator('button[data-to="in_review"]').click();

  const alert = workflow.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /saved revision 2 while you were editing/);
  assert.equal(await workflow.getByLabel('Reason (optional)', { exact: true }).inputValue(), 'Ready for B to review', 'the typed reason stays');
  const stored = await api(page, 'GET', `/api/v1/requirements/${created.id}`);
  assert.equal(stored.status, 'draft', 'nobody moved a revision they had not seen');
});

test('a department renamed meanwhile refuses the older edit and keeps the typed name', async (t) => {
  const { page } = await openPage(browser, t);
  await login(page, 'admin');
  const departments = await api(page, 'GET', '/api/v1/departments');
  const c = departments.find((d) => d.code === 'C');
  await visit(page, '/admin/departments');
  const row = page.locator('tr', { has: page.locator('td', { hasText: /^C$/ }) });
  await row.getByText('Edit', { exact: true }).click();
  await row.getByLabel('Name (English)', { exact: true }).fill('Order data');

  const renamed = await api(page, 'PATCH', `/api/v1/departments/${c.id}`, { name_en: 'Order records', version: c.version });
  try {
    await row.getByRole('button', { name: 'Save', exact: true }).click();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Someone else saved this meanwhile/);
    assert.equal(await row.getByLabel('Name (English)', { exact: true }).inputValue(), 'Order data', 'the typed name stays');
    const stored = await api(page, 'GET', `/api/v1/departments/${c.id}`);
    assert.equal(stored.name_en, 'Order records', 'the stale save wrote nothing');
  } finally {
    await api(page, 'PATCH', `/api/v1/departments/${c.id}`, { name_en: c.name_en, version: renamed.version });
  }
});
