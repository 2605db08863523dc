// The option editor of a 300-item plan, open in Chromium and ready to edit: shared by the browser
// benchmark (options_wasm.mjs) and its diagnostic trace (options_trace.mjs). Signs in as the
// demo's PM, creates the option through the API, opens /options/{id}/edit in a 1280×800 window,
// waits for hydration and for the whole table, and scrolls the live Gantt into view.

import { chromium } from '../../end2end/node_modules/playwright-core/index.mjs';

/** Answers `{ browser, page, ITEMS }` with the editor open on `base`. */
export async function openOptionEditor(base) {
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
  // The chart in view, as someone reading it while editing sees it; parts out of view are not
  // rendered by the browser (content-visibility), parts in view are — the top of the plan table,
  // below the chart, among them.
  await page.evaluate(() => document.querySelector('section.live-impact .gantt-wrap').scrollIntoView({ block: 'start' }));
  return { browser, page, ITEMS };
}
