// Screenshots of every demo page at a phone's and a laptop's width, in English (and the pages'
// widths and the header's height, printed as a table), so a layout change can be compared by eye.
//
//   make screenshots   (or: CONCORD_URL=http://127.0.0.1:3000 node end2end/screenshots.mjs [out-dir])
//
// Against a running `concord serve --demo`; writes PNGs to target/screenshots/<width>/ by default.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoPages, launchBrowser, login, recordListeners, visit } from './tests/support.mjs';

const out = process.argv[2] ?? join(import.meta.dirname, '..', 'target', 'screenshots');
const widths = [390, 1366];

/** Where a page is wider than the screen, outside the parts meant to scroll sideways. */
function overflow() {
  const scrollers = '.gantt-wrap, .plan-table-wrap, .compare-wrap, .stakeholder-map, .table-wrap, pre';
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter((el) => {
    if (el.closest(scrollers)) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1;
  });
  const outermost = wide.filter((el) => !wide.some((other) => other !== el && other.contains(el)));
  return {
    page: document.documentElement.scrollWidth,
    header: Math.round(document.querySelector('header.site-header')?.getBoundingClientRect().height ?? 0),
    wide: outermost.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`),
  };
}

const browser = await launchBrowser();
let problems = 0;
try {
  for (const width of widths) {
    const context = await browser.newContext({ baseURL: process.env.CONCORD_URL ?? 'http://127.0.0.1:3000', viewport: { width, height: 900 }, locale: 'en-US' });
    await context.addInitScript(recordListeners);
    const page = await context.newPage();
    const dir = join(out, String(width));
    mkdirSync(dir, { recursive: true });
    await visit(page, '/login');
    await page.screenshot({ path: join(dir, 'login.png'), fullPage: true });
    await login(page, 'admin');
    const paths = await demoPages(page);
    for (const [i, path] of paths.entries()) {
      await visit(page, path);
      const name = `${String(i + 1).padStart(2, '0')}-${path.replace(/\/[0-9a-f-]{36}/g, '/id').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}`;
      await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
      const measured = await page.evaluate(overflow);
      const tooWide = measured.page > width;
      if (tooWide) problems += 1;
      console.log(`${width}px  ${tooWide ? 'WIDE' : 'ok  '}  page ${measured.page}px  header ${measured.header}px  ${path}${tooWide ? `  (${measured.wide.join(', ')})` : ''}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(`screenshots in ${out}; ${problems} page(s) wider than the screen`);
