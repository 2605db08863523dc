// Sign-offs in the browser: B's leader (孙总, English) opens the demo project's sign-off matrix,
// signs the current baseline — the panel shows exactly what is signed (subject, revision, the
// SHA-256 fingerprint) and the fixed meaning text, and asks for the password again (a wrong one is
// refused next to the field) — and the cell turns "Signed". Then A's PM (小张) changes the chosen
// solution (a new revision, set up through the API) and the matrix shows the solution's cells
// stale by themselves, with "Sign again" on his own.
//
// Other test files may add baselines to the demo project before this one runs, so the test reads
// the current subjects from the API instead of assuming numbers. This file uses sunzong and
// xiaozhang and never changes their language.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, launchBrowser, login, openPage, visit } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

async function demoProjectId(page) {
  const projects = await (await page.request.get('/api/v1/projects')).json();
  const project = projects.find((p) => p.code === 'PAY');
  assert.ok(project, 'the demo project PAY exists');
  return project.id;
}

async function matrix(page, projectId) {
  const response = await page.request.get(`/api/v1/projects/${projectId}/signoffs`);
  assert.equal(response.status(), 200, await response.text());
  return response.json();
}

test('a leader signs the baseline with the password re-entered', async (t) => {
  const { page, console } = await openPage(browser, t);
  await login(page, 'sunzong');
  const projectId = await demoProjectId(page);
  const baseline = (await matrix(page, projectId)).subjects.find((s) => s.kind === 'baseline');
  assert.ok(baseline, 'the demo project has a baseline');

  // From the project page, through its link.
  await visit(page, `/projects/${projectId}`);
  await page.getByRole('link', { name: 'Sign-offs', exact: true }).click();
  await page.waitForURL((url) => url.pathname === `/projects/${projectId}/signoffs`);
  const cell = page.locator('[data-testid="cell-baseline-sunzong"]');
  assert.notEqual(await cell.getAttribute('data-state'), 'signed', 'not signed yet');
  await cell.getByRole('button').first().click();

  const panel = page.getByRole('dialog', { name: 'Sign' });
  await panel.waitFor();
  assert.equal(await panel.getByTestId('sign-fingerprint').textContent(), baseline.fingerprint, 'the full fingerprint of what is signed');
  assert.match(await panel.getByTestId('sign-subject').textContent(), new RegExp(`Baseline.*revision ${baseline.revision}`));
  assert.equal(await panel.getByTestId('sign-meaning').textContent(), 'On behalf of my department, I commit to delivering to this baseline schedule.');

  console.allowHttpError(422, '/_sfn/signoffs/sign', 'the wrong password is refused on purpose');
  await panel.getByLabel('Your password', { exact: true }).fill('not my password');
  await panel.getByRole('button', { name: 'Sign with my password' }).click();
  const refusal = panel.locator('[data-field="password"][role="alert"]');
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /password/i);

  await panel.getByLabel('Your password', { exact: true }).fill('concord-demo');
  await panel.getByRole('button', { name: 'Sign with my password' }).click();
  await page.locator('[data-testid="cell-baseline-sunzong"][data-state="signed"]').waitFor();
  assert.match(await page.locator('[data-testid="cell-baseline-sunzong"]').textContent(), /Signed/);
  await panel.waitFor({ state: 'detached' });
  // The audit log section lists the signature.
  await page.locator('.audit-log tr[data-action="sign_off_signed"]').first().waitFor();

  const me = (await (await page.request.get('/api/v1/me')).json());
  const mine = (await matrix(page, projectId)).cells.find((c) => c.kind === 'baseline' && c.signer_id === me.id);
  assert.equal(mine.state, 'signed');
  assert.equal(mine.signature.revision, baseline.revision, 'stored as signed at the revision shown');
  assert.equal(mine.signature.fingerprint, baseline.fingerprint);
  console.assertClean();
});

test('after a solution change the matrix shows the stale cells', async (t) => {
  const { page, console } = await openPage(browser, t);
  await login(page, 'xiaozhang');
  const projectId = await demoProjectId(page);
  const before = await matrix(page, projectId);
  const solution = before.subjects.find((s) => s.kind === 'solution' && s.label.startsWith('PAY-1 '));
  assert.ok(solution, "the demo requirement PAY-1's solution");
  const requirement = before.subjects.find((s) => s.kind === 'requirement' && s.subject_id === solution.subject_id);

  // The change itself is set up through the API: what is under test is the matrix. The reason is
  // needed when an earlier test (options.test.mjs) made another option the project's baseline:
  // then any revision of this one is a schedule change request.
  const option = await (await page.request.get(`/api/v1/options/${solution.subject_ref}`)).json();
  const saved = await page.request.patch(`/api/v1/options/${solution.subject_ref}`, {
    headers: { Origin: BASE_URL },
    data: { version: option.version, description: `${option.description}\n\nClarified ${Date.now()}.`, summary: 'clarified', reason: 'clarified' },
  });
  assert.equal(saved.status(), 200, await saved.text());

  await visit(page, `/projects/${projectId}/signoffs`);
  for (const who of ['xiaozhang', 'laowang', 'xiaolan', 'chengong']) {
    const cell = page.locator(`[data-testid="cell-solution-${who}"][data-subject="${solution.subject_id}"]`);
    assert.equal(await cell.getAttribute('data-state'), 'stale', `${who}'s solution sign-off is stale`);
    assert.match(await cell.textContent(), /Stale/);
  }
  const mine = page.locator(`[data-testid="cell-solution-xiaozhang"][data-subject="${solution.subject_id}"]`);
  await mine.getByRole('button', { name: 'Sign again' }).waitFor();
  const me = await (await page.request.get('/api/v1/me')).json();
  const requirementBefore = before.cells.find((c) => c.kind === 'requirement' && c.subject_id === requirement.subject_id && c.signer_id === me.id);
  const requirementCell = page.locator(`[data-testid="cell-requirement-xiaozhang"][data-subject="${requirement.subject_id}"]`);
  assert.equal(await requirementCell.getAttribute('data-state'), requirementBefore.state, 'the requirement cell did not change');
  const stale = await page.locator('.signoff-summary').getAttribute('data-stale');
  assert.ok(Number(stale) >= 4, `at least the four solution cells are stale (${stale})`);
  console.assertClean();
});
