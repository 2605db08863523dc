// The schedule engine in the browser: a 1,000-item plan re-scheduled on each edit in
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
// The page is live once the example button works (the lazy route's code has loaded).
await page.getByRole('button', { name: 'Load the seed example' }).click();
await page.locator('[data-testid="explanation"]').waitFor();
await page.getByRole('button', { name: 'Clear' }).click();

async function measure(label, textarea, runs) {
  const samples = [];
  for (let r = 0; r < runs; r++) {
    // A one-item plan in between, so each measured edit is a fresh 1,000-item computation whose
    // result is recognisable (1,000 bars).
    await page.getByLabel(textarea).fill(JSON.stringify(plan(1, 1)));
    await page.waitForFunction(() => document.querySelectorAll('svg.gantt rect.bar').length <= 2).catch(async (e) => {
      const bars = await page.locator('svg.gantt rect.bar').count();
      const alert = await page.locator('[role=alert]').allTextContents();
      const value = (await page.getByLabel(textarea).inputValue()).slice(0, 200);
      throw new Error(`after the one-item plan: ${bars} bars, errors ${JSON.stringify(alert)}, text ${value}: ${e.message}`);
    });
    await page.getByLabel(textarea).fill(JSON.stringify(plan(1000, 0x9e3779b9, r % 5)));
    await page.waitForFunction(() => document.querySelectorAll('svg.gantt rect.bar').length >= 1000, null, { timeout: 120_000 });
    samples.push(Number(await page.locator('.compute-time').getAttribute('data-compute-ms')));
  }
  samples.sort((a, b) => a - b);
  const q = (p) => samples[Math.round((samples.length - 1) * p)];
  console.log(`${label.padEnd(62)} min ${q(0).toFixed(1)} ms  median ${q(0.5).toFixed(1)} ms  p90 ${q(0.9).toFixed(1)} ms  (${runs} edits)`);
}

await measure('1,000 items, 3,000 deps: parse + schedule (wasm)', 'Plan (JSON)', 25);
// The first plan stays at 1,000 items; the candidate alternates, so each edit schedules both and
// compares them (the chart shows the candidate's bars).
await measure('1,000 + 1,000 items: both schedules + impact (wasm)', 'Candidate plan (optional)', 15);
const launch = await page.locator('time.launch-date').textContent();
console.log(`launch shown: ${launch}; Gantt bars: ${await page.locator('svg.gantt rect.bar').count()}`);
await browser.close();
