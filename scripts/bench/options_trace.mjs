// Where the time of an effort edit goes (diagnostic for options_wasm.mjs, not a benchmark): the same
// 300-item option editor, with a Chromium performance trace of 15 edits written to the path in
// argv[3]; scripts/bench/trace_summary.py sums it per event. Originally:
// Issue 5 in the browser: editing one item's effort in a 300-item work plan on the option editor
// (/options/{id}/edit) must update the Gantt and the impact within 50 ms of the keystroke.
// Each sample sets a new effort on the first item and dispatches the `input` event the keystroke
// would, then waits until the browser has rendered the next frame; the figure is the wall time from
// the event to that frame (performance.now(), in page), with the Gantt scrolled into view (a
// 1280×800 window) so that its redrawing is part of what is measured.
// `data-compute-ms` (assess: schedule the plan and the baseline, compare) is reported beside it.
// Usage: node scripts/bench/options_wasm.mjs http://127.0.0.1:PORT   (see options_wasm.sh)

import { chromium } from '../../end2end/node_modules/playwright-core/index.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const ITEMS = 300;

/** 300 items over A, B and C (the demo's teams), each after up to two of the previous ten. */
function workPlan() {
  let x = 0x2545f491;
  const rand = (n) => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x % n;
  };
  const items = [];
  for (let i = 0; i < ITEMS; i++) {
    const after = new Set();
    while (i > 0 && after.size < Math.min(2, i)) after.add(`w${i - 1 - rand(Math.min(10, i))}`);
    items.push({ id: `w${i}`, name: `Work item ${i}`, department: ['A', 'B', 'C'][rand(3)], effort: 1 + rand(2), after: [...after] });
  }
  return { items, milestones: [{ id: 'launch', after: [`w${ITEMS - 1}`] }] };
}

async function api(context, method, path, body) {
  const response = await context.request.fetch(path, { method, data: body, headers: { Origin: base } });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return response.json();
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ baseURL: base });
await api(context, 'POST', '/api/v1/session', { username: 'xiaozhang', password: 'concord-demo' });
const project = (await api(context, 'GET', '/api/v1/projects')).find((p) => p.code === 'PAY');
const requirement = (await api(context, 'GET', `/api/v1/projects/${project.id}/requirements`)).items[0];
const option = await api(context, 'POST', `/api/v1/requirements/${requirement.id}/options`, {
  title: `${ITEMS}-item plan`, plan: workPlan(), covered_scenarios: ['S1'],
});

const page = await context.newPage();
await page.setViewportSize({ width: 1280, height: 800 });
await page.goto(`/options/${option.id}/edit`);
await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
await page.locator('input.item-effort').nth(ITEMS - 1).waitFor();
await page.locator('.launch-summary[data-launch]').waitFor();
// The chart in view, as someone reading it while editing sees it: parts out of view (the table,
// here) are not rendered by the browser (content-visibility), parts in view are.
await page.evaluate(() => document.querySelector('section.live-impact .gantt-wrap').scrollIntoView({ block: 'start' }));


// Diagnostic: trace 15 edits and sum the main thread's time per event name.
const edit = (effort) => page.evaluate(async (effort) => {
  const input = document.querySelector('input.item-effort');
  const t0 = performance.now();
  input.value = String(effort);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - t0;
}, effort);
for (let i = 0; i < 5; i++) await edit(2 + i);
await browser.startTracing(page, { path: process.argv[3] ?? 'trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink'] });
const times = [];
for (let i = 0; i < 15; i++) times.push(await edit(1 + (i % 7) * 3));
await browser.stopTracing();
console.log('edits', times.map((t) => t.toFixed(1)).join(' '));
await browser.close();
