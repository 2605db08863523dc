// Solution options, concerns, change requests and baselines, by three people in three browsers:
// the PM (小张, A, English) proposes an option on a new requirement of the demo project and sees
// its schedule impact change as they edit an effort, before saving; the architect (陈工, B,
// Chinese) raises a concern and resolves it; the PM chooses the option; the leaders of A and B
// (赵总, 孙总, one browser, signing in in turn) approve, and the schedule tab shows the new
// baseline. Then the PM lengthens B's work on the chosen option, gives the reason, and the change
// request shows the before/after Gantt and the launch move; approved, it is one more baseline.
//
// The demo project already has baselines (the seed story), so the choice is a "new baseline"
// request measured against the current one. Baseline numbers are read at the start, not assumed.
// This file uses xiaozhang, chengong, zhaozong and sunzong and never changes their language.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, DEMO_PROJECT, TEXT, launchBrowser, login, openPage, unique, visit, waitForHydration } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** The demo project's id and its current baseline number, through the REST API (cookie session). */
async function demoProject(page) {
  const projects = await (await page.request.get('/api/v1/projects')).json();
  const project = projects.find((p) => p.code === 'PAY');
  assert.ok(project, 'the demo project PAY exists');
  const schedule = await (await page.request.get(`/api/v1/projects/${project.id}/baselines`)).json();
  const current = Math.max(0, ...schedule.baselines.map((b) => b.number));
  assert.equal(schedule.requests.filter((r) => r.status === 'pending').length, 0, 'no request of the demo project is pending');
  return { id: project.id, baseline: current };
}

/** A new requirement with two scenarios in the demo project (setup by API: not what is under test). */
async function newRequirement(page, projectId, title) {
  const response = await page.request.post(`/api/v1/projects/${projectId}/requirements`, {
    headers: { Origin: BASE_URL },
    data: {
      title,
      goal: 'A refund is paid only after B has approved it.',
      scenarios: [{ name: 'refund approved before payout' }, { name: 'refund approved after the first check' }],
    },
  });
  assert.equal(response.status(), 201, await response.text());
  return (await response.json()).id;
}

/** The launch the editor shows beside the save button, computed in the browser. */
async function liveLaunch(page) {
  const summary = page.locator('.live-summary .launch-summary[data-launch]');
  await summary.waitFor();
  return { launch: await summary.getAttribute('data-launch'), moved: Number(await summary.getAttribute('data-moved')) };
}

/** Fills one row of the work-plan table (rows are numbered from 1 in the cells' labels). */
async function fillItem(page, row, { title, department, effort, after = '' }) {
  await page.getByLabel(`Title · ${row}`, { exact: true }).fill(title);
  await page.getByLabel(`Department · ${row}`, { exact: true }).selectOption(department);
  await page.getByLabel(`Effort (working days) · ${row}`, { exact: true }).fill(String(effort));
  await page.getByLabel(`After (predecessors) · ${row}`, { exact: true }).fill(after);
}

/** Opens the "waiting for my decision" list, finds the request for `optionTitle`, opens it and approves for `code`. */
async function approveFromDecisions(page, optionTitle, code, linkName) {
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Decisions', exact: true }).click();
  await page.getByRole('heading', { name: 'Waiting for my decision', level: 1 }).waitFor();
  const row = page.locator('table.decisions tbody tr', { hasText: optionTitle });
  await row.waitFor();
  assert.equal(await row.count(), 1);
  await row.getByRole('link', { name: linkName, exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/change-requests/'));
  await waitForHydration(page);
  const form = page.locator(`section.decision-form[data-department="${code}"]`);
  await form.getByRole('heading', { name: new RegExp(`^Your decision for ${code} · `) }).waitFor();
  assert.equal(await page.locator('section.decision-form').count(), 1, 'a leader decides for their own department only');
  await form.getByRole('button', { name: 'Approve', exact: true }).click();
  await page.locator(`table.approvals tr[data-department="${code}"][data-decision="approved"]`).waitFor();
  assert.equal(await page.locator('section.decision-form').count(), 0, 'the department has decided: no second decision');
  return new URL(page.url()).pathname;
}

async function signOut(page) {
  await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await waitForHydration(page);
}

/** The schedule tab's current baseline: its number, its launch, and its row. */
async function currentBaseline(page) {
  const row = page.locator('table.baselines tbody tr.current');
  await row.waitFor();
  return {
    number: Number(await row.getAttribute('data-number')),
    launch: await page.getByTestId('agreed-launch').locator('time').getAttribute('datetime'),
    row,
  };
}

test('a PM proposes and edits an option live, an architect raises and resolves a concern, the leaders approve two baselines', { timeout: 420_000 }, async (t) => {
  // --- The PM (context 1, English) sets up a requirement and proposes an option. ---
  const pm = await openPage(browser, t);
  await login(pm.page, 'xiaozhang');
  const project = await demoProject(pm.page);
  const suffix = unique();
  const requirementTitle = `Refunds need approval ${suffix}`;
  const requirementId = await newRequirement(pm.page, project.id, requirementTitle);

  await visit(pm.page, `/requirements/${requirementId}`);
  const options = pm.page.locator('section.requirement-options');
  await options.getByRole('heading', { name: 'Solution options', level: 2 }).waitFor();
  await options.getByText('No options proposed yet.', { exact: true }).waitFor();
  await options.getByRole('link', { name: 'Propose an option', exact: true }).click();
  await pm.page.waitForURL((url) => url.pathname === `/requirements/${requirementId}/options/new`);
  await waitForHydration(pm.page);
  await pm.page.getByRole('heading', { name: 'Propose a solution option', level: 1 }).waitFor();

  // Every save the editor sends, to show that the impact below changes before any of them.
  const saves = [];
  pm.page.on('request', (r) => {
    if (/\/_sfn\/options\/(create|update)/.test(r.url())) saves.push(r.url());
  });

  const optionTitle = `B approves refunds, A checks ${suffix}`;
  await pm.page.getByLabel('Title', { exact: true }).fill(optionTitle);
  await pm.page.getByLabel('Description', { exact: true }).fill('B adds a **refund approval** API; A checks it before paying out.');
  await pm.page.getByRole('checkbox', { name: 'refund approved before payout', exact: true }).check();
  await pm.page.getByRole('checkbox', { name: 'refund approved after the first check', exact: true }).check();
  const live = pm.page.locator('section.live-impact');
  await live.getByText('Add work items to the plan to see its schedule and impact.', { exact: true }).waitFor();

  // Three items in a chain: B's API, then A's check, then A's test; the launch waits for the test.
  const addItem = pm.page.getByRole('button', { name: 'Add a work item', exact: true });
  await addItem.click();
  await fillItem(pm.page, 1, { title: 'B refund approval API', department: 'B', effort: 2 });
  await addItem.click();
  await fillItem(pm.page, 2, { title: 'A checks the approval before payout', department: 'A', effort: 3, after: 'w1' });
  await addItem.click();
  await fillItem(pm.page, 3, { title: 'A–B refund integration test', department: 'A', effort: 2, after: 'w2' });
  assert.deepEqual(await pm.page.locator('table.plan-items input.item-id').evaluateAll((inputs) => inputs.map((i) => i.value)), ['w1', 'w2', 'w3']);
  await pm.page.getByRole('button', { name: 'Wait for the last items · Launch', exact: true }).click();
  assert.equal(await pm.page.getByLabel('After (items or milestones) · Launch', { exact: true }).inputValue(), 'w3');

  // The live block: the launch against the current baseline, both departments, the Gantt with the
  // baseline's bars as ghosts, and how long the browser took.
  const first = await liveLaunch(pm.page);
  const launchLine = live.getByTestId('launch-line');
  await launchLine.filter({ hasText: first.launch }).waitFor();
  assert.match(await launchLine.textContent(), new RegExp(`^Launch: ${first.launch}, .* against baseline ${project.baseline} \\(agreed launch \\d{4}-\\d\\d-\\d\\d\\)$`));
  assert.deepEqual(await live.locator('table.impact-departments tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.code)), ['A', 'B']);
  await live.locator('.all-covered').waitFor();
  const gantt = live.locator('.gantt-wrap[data-gantt="editor-gantt"] svg[role="img"]');
  await gantt.waitFor();
  assert.equal(await gantt.locator('rect.bar').count(), 3, 'one bar per item');
  assert.ok((await gantt.locator('rect.ghost').count()) > 0, "the baseline's items as ghosts");
  const computeMs = Number(await live.getAttribute('data-compute-ms'));
  assert.ok(Number.isFinite(computeMs) && computeMs >= 0, `data-compute-ms = ${computeMs}`);
  t.diagnostic(`live impact of a 3-item plan computed in ${computeMs} ms`);

  // Three more days for B's API: the launch moves three working days, on screen, unsaved.
  await pm.page.getByLabel('Effort (working days) · 1', { exact: true }).fill('5');
  await pm.page.locator(`.live-summary .launch-summary[data-moved="${first.moved + 3}"]`).waitFor();
  const longer = await liveLaunch(pm.page);
  assert.notEqual(longer.launch, first.launch, 'the launch date changed');
  assert.ok(longer.launch > first.launch, `${longer.launch} is later than ${first.launch}`);
  await launchLine.filter({ hasText: `Launch: ${longer.launch}, ` }).waitFor();
  assert.equal(await live.locator('.impact-view').getAttribute('data-launch'), longer.launch);
  assert.match(await live.locator('table.impact-departments tr[data-code="B"]').textContent(), /5/);
  assert.deepEqual(saves, [], 'nothing was saved while the impact changed');
  assert.ok(pm.page.url().endsWith('/options/new'), 'still on the form');

  await pm.page.getByLabel('What changed (shown in the history)', { exact: true }).fill('first proposal');
  await pm.page.getByRole('button', { name: 'Save', exact: true }).click();
  await pm.page.waitForURL((url) => /^\/options\/[^/]+$/.test(url.pathname));
  await waitForHydration(pm.page);
  const optionPath = new URL(pm.page.url()).pathname;
  assert.equal(saves.length, 1);
  await pm.page.getByRole('heading', { name: optionTitle, level: 1 }).waitFor();
  assert.equal(await pm.page.locator('h1 .option-status').getAttribute('data-status'), 'proposed');
  assert.equal(await pm.page.locator('section.option-impact .impact-view').getAttribute('data-launch'), longer.launch, 'the server computed the same launch');
  await pm.page.locator('li.revision[data-revision="1"]', { hasText: 'first proposal' }).waitFor();

  // --- The architect (context 2, Chinese) raises a concern. ---
  const architect = await openPage(browser, t, { locale: 'zh-CN' });
  await login(architect.page, 'chengong', { text: TEXT.zh });
  assert.equal(await architect.page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await visit(architect.page, optionPath);
  await architect.page.getByRole('heading', { name: optionTitle, level: 1 }).waitFor();
  await architect.page.locator('h1 .option-status', { hasText: '已提出' }).waitFor();
  await architect.page.getByRole('heading', { name: '排期影响', level: 2 }).waitFor();
  assert.equal(await architect.page.getByRole('button', { name: '选定该方案', exact: true }).count(), 0, 'only the lead PM chooses');
  const comments = architect.page.locator('section.option-comments');
  await comments.getByRole('heading', { name: '评论与关切', level: 2 }).waitFor();
  await comments.getByText('还没有评论。', { exact: true }).waitFor();
  const concernText = 'B 的退款审批接口需要幂等，否则 A 重试会重复放款。';
  await comments.getByLabel('发表评论', { exact: true }).fill(concernText);
  await comments.getByRole('checkbox', { name: '作为关切提出（在你解决之前阻塞选定）', exact: true }).check();
  await comments.getByRole('button', { name: '发表评论', exact: true }).click();
  const concern = comments.locator('article.comment.open-concern', { hasText: concernText });
  await concern.waitFor();
  await concern.locator('.badge.concern', { hasText: '未解决的关切' }).waitFor();
  await concern.locator('.badge.role', { hasText: '架构师' }).waitFor();
  await comments.getByText('有 1 项关切尚未解决。', { exact: true }).waitFor();

  // The PM sees it: choosing now needs a reason for overriding the open concern.
  await visit(pm.page, `/requirements/${requirementId}`);
  const listed = pm.page.locator('table.options-list tbody tr', { hasText: optionTitle });
  await listed.waitFor();
  assert.equal((await listed.locator('td.has-open-concerns').textContent()).trim(), '1');
  await listed.getByRole('link', { name: optionTitle, exact: true }).click();
  await pm.page.waitForURL((url) => url.pathname === optionPath);
  await waitForHydration(pm.page);
  const choose = pm.page.locator('section.choose');
  await choose.getByRole('heading', { name: 'Choose this option', level: 2 }).waitFor();
  assert.equal(
    await choose.getByRole('note').textContent(),
    '1 concern is still open: choosing now needs a reason, which is recorded and shown with the choice.',
  );
  const override = choose.getByLabel('Why choose it despite the open concerns', { exact: true });
  assert.equal(await override.getAttribute('required'), '');
  await choose.getByLabel('Rationale', { exact: true }).fill('Smallest change for B');
  await choose.getByRole('button', { name: 'Choose this option', exact: true }).click();
  assert.ok(await override.evaluate((el) => el.validity.valueMissing), 'the override reason is required');
  assert.equal(new URL(pm.page.url()).pathname, optionPath, 'nothing was chosen without the reason');
  assert.equal(await pm.page.locator('dd[data-open-concerns]').getAttribute('data-open-concerns'), '1');

  // The architect resolves the concern with a note.
  await concern.getByLabel('解决说明', { exact: true }).fill('第 1 版已约定按退款单号幂等');
  await concern.getByRole('button', { name: '解决该关切', exact: true }).click();
  const resolved = comments.locator('article.comment.concern', { hasText: concernText });
  await resolved.locator('.badge.concern', { hasText: '已解决的关切' }).waitFor();
  assert.equal(await resolved.evaluate((el) => el.classList.contains('open-concern')), false);
  assert.match(await resolved.locator('.resolution').textContent(), /^陈工 于 .+ 解决: 第 1 版已约定按退款单号幂等$/);
  assert.equal(await comments.locator('form.resolve-form').count(), 0);

  // --- The PM chooses: no override needed any more; the request for a new baseline opens. ---
  await visit(pm.page, optionPath);
  assert.equal(await pm.page.locator('dd[data-open-concerns]').getAttribute('data-open-concerns'), '0');
  assert.equal(await choose.getByRole('note').count(), 0, 'no open concern, no override');
  const rationale = `B owns the approval; the smallest change ${suffix}`;
  await choose.getByLabel('Rationale', { exact: true }).fill(rationale);
  await choose.getByRole('button', { name: 'Choose this option', exact: true }).click();
  await pm.page.waitForURL((url) => url.pathname.startsWith('/change-requests/'));
  await waitForHydration(pm.page);
  const choicePath = new URL(pm.page.url()).pathname;
  await pm.page.getByRole('heading', { name: 'Request for a new baseline', level: 1 }).waitFor();
  assert.equal(await pm.page.locator('.page-title .status').getAttribute('data-status'), 'pending');
  assert.equal((await pm.page.locator('dd.request-reason').textContent()).trim(), rationale);
  assert.equal(await pm.page.getByTestId('launch-line').locator('time').nth(1).getAttribute('datetime'), longer.launch);
  assert.deepEqual(
    await pm.page.locator('table.approvals tbody tr').evaluateAll((rows) => rows.map((r) => [r.dataset.department, r.dataset.decision])),
    [['A', 'waiting'], ['B', 'waiting']],
  );
  assert.match(await pm.page.locator('table.approvals tr[data-department="A"]').textContent(), /leads the project/);
  assert.equal(await pm.page.locator('section.decision-form').count(), 0, 'a PM does not decide');
  await pm.page.locator('.gantt-wrap[data-gantt="request-gantt"] svg rect.ghost').first().waitFor();

  // --- The leaders (context 3, English) approve, A then B. ---
  const leaders = await openPage(browser, t);
  await login(leaders.page, 'zhaozong');
  const replacement = 'Another option chosen: a new baseline';
  assert.equal(await approveFromDecisions(leaders.page, optionTitle, 'A', replacement), choicePath);
  assert.equal(await leaders.page.locator('.page-title .status').getAttribute('data-status'), 'pending', 'B has not decided yet');
  await signOut(leaders.page);
  await login(leaders.page, 'sunzong');
  await approveFromDecisions(leaders.page, optionTitle, 'B', replacement);
  await leaders.page.locator('.page-title .status[data-status="approved"]', { hasText: 'Approved' }).waitFor();
  await leaders.page.locator('table.approvals tr[data-department="B"] td', { hasText: '孙总' }).first().waitFor();

  // The schedule tab (from the project page): the option's plan is the new baseline.
  await visit(pm.page, `/projects/${project.id}`);
  await pm.page.getByRole('link', { name: 'Schedule', exact: true }).click();
  await pm.page.waitForURL((url) => url.pathname === `/projects/${project.id}/schedule`);
  await waitForHydration(pm.page);
  await pm.page.getByRole('heading', { name: `${DEMO_PROJECT}: schedule`, level: 1 }).waitFor();
  const chosenBaseline = await currentBaseline(pm.page);
  assert.equal(chosenBaseline.number, project.baseline + 1);
  assert.equal(chosenBaseline.launch, longer.launch);
  assert.match(await chosenBaseline.row.textContent(), new RegExp(`Baseline ${project.baseline + 1}`));
  await chosenBaseline.row.getByRole('link', { name: optionTitle, exact: true }).waitFor();
  assert.match(await chosenBaseline.row.locator('ul.approved-by').textContent(), /赵总.*孙总|孙总.*赵总/);
  await pm.page.locator('.gantt-wrap[data-gantt="schedule-gantt"] svg rect.bar').first().waitFor();
  assert.equal(await pm.page.locator('.gantt-wrap[data-gantt="schedule-gantt"] svg rect.bar').count(), 3);

  // --- The PM changes the chosen plan: four more days for B moves the agreed launch. ---
  await visit(pm.page, `${optionPath}/edit`);
  await pm.page.getByRole('heading', { name: 'Edit solution option', level: 1 }).waitFor();
  await pm.page.getByText('This option is chosen: saving a change that moves the launch', { exact: false }).waitFor();
  assert.equal((await liveLaunch(pm.page)).moved, 0, 'the chosen plan is the baseline: nothing moved');
  assert.equal(await pm.page.getByLabel('Effort (working days) · 1', { exact: true }).inputValue(), '5');
  await pm.page.getByLabel('Effort (working days) · 1', { exact: true }).fill('9');
  await pm.page.locator('.live-summary .launch-summary[data-moved="4"]').waitFor();
  const changed = await liveLaunch(pm.page);
  await pm.page.getByRole('status').filter({ hasText: 'This change moves the agreed schedule' }).waitFor();
  const reasonField = pm.page.getByLabel('Reason for the schedule change', { exact: true });
  assert.equal(await reasonField.getAttribute('aria-required'), 'true');
  await live.getByTestId('explanation').filter({ hasText: /\+4 working days/ }).waitFor();

  // Without a reason the server refuses, and says so beside the field.
  pm.console.allowHttpError(422, '/_sfn/options/update', 'a schedule change without a reason is refused');
  await pm.page.getByRole('button', { name: 'Save', exact: true }).click();
  await pm.page.locator('.field-error[data-field="reason"]', { hasText: 'Required.' }).waitFor();
  assert.ok(pm.page.url().endsWith('/edit'), 'the refused save left the form');

  const reason = `B needs four more days for idempotent refunds ${suffix}`;
  await reasonField.fill(reason);
  await pm.page.getByRole('button', { name: 'Save', exact: true }).click();
  await pm.page.waitForURL((url) => url.pathname.startsWith('/change-requests/'));
  await waitForHydration(pm.page);
  const changePath = new URL(pm.page.url()).pathname;
  assert.notEqual(changePath, choicePath);
  await pm.page.getByRole('heading', { name: 'Schedule change request', level: 1 }).waitFor();
  assert.equal((await pm.page.locator('dd.request-reason').textContent()).trim(), reason);
  const move = pm.page.getByTestId('launch-line').locator('strong.launch-move');
  assert.equal(await move.getAttribute('data-moved'), '4');
  assert.equal((await move.textContent()).trim(), '(4 working days later)');
  assert.deepEqual(
    await pm.page.getByTestId('launch-line').locator('time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime'))),
    [longer.launch, changed.launch],
  );
  // The before/after Gantt: the agreed plan's ghosts under the requested bars.
  const overlay = pm.page.locator('section.request-gantt');
  await overlay.getByRole('heading', { name: 'Before and after', level: 2 }).waitFor();
  const requestGantt = overlay.locator('.gantt-wrap[data-gantt="request-gantt"] svg');
  await requestGantt.waitFor();
  assert.equal(await requestGantt.locator('rect.bar').count(), 3);
  assert.equal(await requestGantt.locator('rect.ghost').count(), 3);
  // The impact: why the launch moves, B's item changed, the effort by department.
  const impact = pm.page.locator('section.request-impact');
  assert.match(await impact.getByTestId('explanation').textContent(), /\+4 working days/);
  assert.match(await impact.getByTestId('items-changed').textContent(), /B refund approval API/);
  assert.deepEqual(
    await impact.locator('table.effort tr[data-department="B"] td').allTextContents(),
    ['5', '9', '+4'],
  );
  assert.deepEqual(
    await pm.page.locator('table.approvals tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.department)),
    ['A', 'B'],
  );

  // The leaders approve again (孙总 is still signed in; then 赵总).
  const change = 'Schedule change of the chosen option';
  await approveFromDecisions(leaders.page, optionTitle, 'B', change);
  await signOut(leaders.page);
  await login(leaders.page, 'zhaozong');
  assert.equal(await approveFromDecisions(leaders.page, optionTitle, 'A', change), changePath);
  await leaders.page.locator('.page-title .status[data-status="approved"]').waitFor();
  await leaders.page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Decisions', exact: true }).click();
  await leaders.page.getByTestId('no-decisions').waitFor();

  // The schedule tab shows one more baseline, four working days later than the one before.
  await visit(pm.page, `/projects/${project.id}/schedule`);
  const changedBaseline = await currentBaseline(pm.page);
  assert.equal(changedBaseline.number, project.baseline + 2);
  assert.equal(changedBaseline.launch, changed.launch);
  const moveCell = changedBaseline.row.locator('td.launch-move');
  assert.equal(await moveCell.getAttribute('data-moved'), '4');
  assert.equal((await moveCell.textContent()).trim(), '4 working days later');
  assert.match(await changedBaseline.row.textContent(), new RegExp(reason));
  assert.equal(await pm.page.locator('table.requests tbody tr[data-status="pending"]').count(), 0);

  // The architect reads the same history in Chinese.
  await visit(architect.page, `/projects/${project.id}/schedule`);
  const zhRow = architect.page.locator(`table.baselines tbody tr[data-number="${project.baseline + 2}"]`);
  await zhRow.locator('th', { hasText: `基线 ${project.baseline + 2}` }).waitFor();
  await zhRow.locator('.badge', { hasText: '当前' }).waitFor();
  assert.equal((await zhRow.locator('td.launch-move').textContent()).trim(), '推迟 4 个工作日');
  await architect.page.getByRole('heading', { name: '基线', level: 2 }).waitFor();

  pm.console.assertClean();
  architect.console.assertClean();
  leaders.console.assertClean();
});
