// axe-core (the npm package, injected from node_modules) over every page of the demo, signed in as
// the administrator (who sees every page) and signed out, in English and in Chinese, and on a
// phone: no violation of any rule axe runs by default (WCAG 2.x A and AA, and its best practices).

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { TEXT, demoPages, launchBrowser, login, openPage, visit } from './support.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** axe's violations on the page as it is now, one line each: rule, impact, where. */
async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')), count: v.nodes.length }));
  });
  return found.map((v) => `${v.id} (${v.impact}, ${v.count}×): ${v.targets.join(' | ')}`);
}

const PHONE = { width: 390, height: 844 };
for (const [language, locale, text, viewport, where] of [
  ['English', 'en-US', TEXT.en, undefined, 'at 1280 px'],
  ['Chinese', 'zh-CN', TEXT.zh, undefined, 'at 1280 px'],
  // On a phone the charts and wide tables scroll inside the page: each must be reachable by keyboard.
  ['English', 'en-US', TEXT.en, PHONE, 'on a 390 px phone'],
]) {
  test(`axe finds nothing on any page in ${language} ${where}`, { timeout: 600_000 }, async (t) => {
    const { page, console } = await openPage(browser, t, { locale, viewport });
    await visit(page, '/login');
    const problems = (await violations(page)).map((v) => `/login: ${v}`);
    await login(page, 'admin', { text });
    for (const path of await demoPages(page)) {
      await visit(page, path);
      problems.push(...(await violations(page)).map((v) => `${path}: ${v}`));
    }
    assert.deepEqual(problems, [], `axe violations:\n${problems.join('\n')}`);
    console.assertClean();
  });
}

