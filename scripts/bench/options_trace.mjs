// Where the time of an effort edit goes (a diagnostic beside options_wasm.mjs, not a benchmark):
// the same 300-item option editor, with a Chromium performance trace of 15 edits (after 5 warm-up
// edits) written to the path in argv[3]; scripts/bench/trace_summary.py sums it per event.
// Usage: node scripts/bench/options_trace.mjs http://127.0.0.1:PORT trace.json   (see options_trace.sh)

import { openOptionEditor } from './option_editor.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const { browser, page } = await openOptionEditor(base);

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
