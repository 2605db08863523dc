// In the browser: editing one item's effort in a 300-item work plan on the option editor
// (/options/{id}/edit) must update the Gantt and the impact within 50 ms of the keystroke.
// Each sample sets a new effort on the first item and dispatches the `input` event the keystroke
// would, then waits until the browser has rendered the next frame; the figure is the wall time from
// the event to that frame (performance.now(), in page), with the Gantt scrolled into view (a
// 1280×800 window) so that its redrawing is part of what is measured.
// `data-compute-ms` (assess: schedule the plan and the baseline, compare) is reported beside it.
// Usage: node scripts/bench/options_wasm.mjs http://127.0.0.1:PORT   (see options_wasm.sh)

import { openOptionEditor } from './option_editor.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const { browser, page, ITEMS } = await openOptionEditor(base);

const samples = [];
const compute = [];
for (let run = 0; run < 40; run++) {
  const effort = 1 + (run % 7) * 3;
  const result = await page.evaluate(async (effort) => {
    const input = document.querySelector('input.item-effort');
    const section = document.querySelector('section.live-impact');
    const before = section.dataset.computeMs;
    const t0 = performance.now();
    input.value = String(effort);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Reactive updates run in microtasks; wait for the frame that paints them.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const elapsed = performance.now() - t0;
    const box = document.querySelector('section.live-impact .gantt-wrap').getBoundingClientRect();
    if (box.top >= innerHeight || box.bottom <= 0) throw new Error(`the Gantt is out of view: ${JSON.stringify(box)}`);
    return { elapsed, computeMs: Number(section.dataset.computeMs), changed: section.dataset.computeMs !== before, bars: document.querySelectorAll('section.live-impact svg rect.bar').length, items: Number(document.querySelector('section.live-impact svg').dataset.items) };
  }, effort);
  if (run >= 5) {
    samples.push(result.elapsed);
    compute.push(result.computeMs);
  }
  // The chart is of all 300 items; it draws the rows scrolled into view (and a screen around them).
  if (run === 0 && (result.items !== ITEMS || result.bars === 0)) throw new Error(`the live Gantt: ${JSON.stringify(result)}`);
  if (run === 0) console.log(`chart of ${result.items} items, ${result.bars} bars drawn around the scrolled window`);
}
const stats = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const q = (p) => s[Math.round((s.length - 1) * p)];
  return `min ${q(0).toFixed(1)} ms  median ${q(0.5).toFixed(1)} ms  p90 ${q(0.9).toFixed(1)} ms  max ${q(1).toFixed(1)} ms`;
};
console.log(`${ITEMS}-item plan, effort edit → next frame painted:`.padEnd(58), stats(samples), `(${samples.length} edits, budget 50 ms)`);
console.log('  of which assess (schedule plan + baseline, impact):'.padEnd(58), stats(compute));
await browser.close();
