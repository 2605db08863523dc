// The schedule engine in the browser (issue 4): a 1,000-item plan re-scheduled on each edit in
// the plan sandbox, timed by the app itself with the Performance API (`performance.now()` around
// parse + schedule (+ impact), shown as data-compute-ms). Release build, Debian's Chromium.
// Usage: node scripts/bench/schedule_wasm.mjs http://127.0.0.1:PORT   (see schedule_wasm.sh)

import { chromium } from '../../end2end/node_modules/playwright-core/index.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';

/** A 1,000-item plan: 3,000 dependencies within a window of recent items, 10 teams of capacity 1–3, CN calendar. */
function plan(items, seed, bump = 0) {
  let x = seed;
  const rand = (n) => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x % n;
  };
  const out = [];
  for (let i = 0; i < items; i++) {
    const after = new Set();
    while (i > 0 && after.size < Math.min(3, i)) after.add(`w${i - 1 - rand(Math.min(100, i))}`);
    out.push({ id: `w${i}`, department: `D${rand(10)}`, effort: 1 + rand(3) + (i === 0 ? bump : 0), after: [...after] });
  }
  const departments = Array.from({ length: 10 }, (_, d) => ({ id: `D${d}`, capacity: 1 + (d % 3) }));
  return { start: '2025-01-06', calendar: 'cn', departments, items: out, milestones: [{ id: 'launch', after: [`w${items - 1}`] }] };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ baseURL: base });
await page.goto('/login');
await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
await page.getByLabel('Username', { exact: true }).fill('laowang');
await page.getByLabel('Password', { exact: true }).fill('concord-demo');
await page.getByRole('button', { name: 'Sign in', exact: true }).click();
await page.waitForURL((u) => u.pathname === '/');
await page.goto('/plan-sandbox');
await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
await page.getByRole('heading', { name: 'Plan sandbox' }).waitFor();

async function measure(label, textarea, runs) {
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const text = JSON.stringify(plan(1000, 0x9e3779b9, r % 5));
    const before = await page.locator('.compute-time').getAttribute('data-compute-ms');
    await page.getByLabel(textarea).fill(text);
    // The time of this edit's computation, once the page shows it (a new figure).
    await page.waitForFunction((prev) => {
      const now = document.querySelector('.compute-time')?.getAttribute('data-compute-ms');
      return now && now !== prev && document.querySelector('time.launch-date') !== null;
    }, before);
    samples.push(Number(await page.locator('.compute-time').getAttribute('data-compute-ms')));
  }
  samples.sort((a, b) => a - b);
  const q = (p) => samples[Math.round((samples.length - 1) * p)];
  console.log(`${label.padEnd(62)} min ${q(0).toFixed(1)} ms  median ${q(0.5).toFixed(1)} ms  p90 ${q(0.9).toFixed(1)} ms  (${runs} edits)`);
}

await measure('1,000 items, 3,000 deps: parse + schedule (wasm)', 'Plan (JSON)', 25);
await page.getByLabel('Candidate plan (optional)').fill(JSON.stringify(plan(1000, 0x9e3779b9, 7)));
await measure('same, with a second 1,000-item plan: both + impact (wasm)', 'Plan (JSON)', 15);
const launch = await page.locator('time.launch-date').textContent();
console.log(`launch shown: ${launch}; Gantt bars: ${await page.locator('svg.gantt rect.bar').count()}`);
await browser.close();
