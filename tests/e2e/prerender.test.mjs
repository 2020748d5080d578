// Home is pre-rendered into index.html at build time (issue 18): it paints before the wasm
// arrives, a topic ticked meanwhile is kept when the wasm hydrates the page, other addresses
// never show a Home they did not ask for, and no mismatch or CSP violation reaches the console.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, watchedPage, flushSaves, DIST } from './harness.mjs';

const env = useBrowser();
const topics = () => [...new Set([...env.bank.values()].map((q) => q.topic))];

/** Holds every wasm download until `release()` is called. */
async function holdWasm(page) {
  const held = [];
  let holding = true;
  await page.route('**/*.wasm', (route) => (holding ? held.push(route) : route.continue()));
  return async () => {
    holding = false;
    for (const r of held.splice(0)) await r.continue();
  };
}

test('the served index.html holds Home, with every topic box', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  assert.match(html, /<div id=app data-prerendered>/);
  assert.match(html, /<h1 tabindex="-1">Python interview practice<\/h1>/);
  assert.equal((html.match(/<input [^>]*id="topic-/g) ?? []).length, topics().length);
  const served = await (await fetch(env.server.url)).text();
  assert.equal(served, html, 'served as built');
  // The wasm starts after Home's first paint (preload.js), not from a preload link in <head>.
  assert.doesNotMatch(html, /<link [^>]*\.wasm/);
  assert.match(html, /<meta name="pyquiz-wasm" content="\.\/app-[0-9a-f]+_bg\.wasm" data-integrity="sha384-/);
});

test('before the wasm: Home is readable and a topic can be ticked; after hydration the tick is kept and saved', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await watchedPage(context);
  const release = await holdWasm(page);
  await page.goto(env.server.url, { hydrated: false });
  await page.getByRole('heading', { level: 1, name: 'Python interview practice' }).waitFor();
  assert.equal(await page.locator('#app[data-prerendered]').count(), 1, 'the wasm has not run');
  const topic = topics()[3];
  const box = page.locator(`#topic-${topic}`);
  await page.locator(`label[for="topic-${topic}"]`).click();
  assert.ok(await box.isChecked(), 'ticked before the wasm arrived');
  const start = page.getByRole('button', { name: /^Start/ }).first();
  assert.equal(await start.evaluate((b) => getComputedStyle(b).pointerEvents), 'none', 'Start is not ready yet, and looks it');

  await release();
  await page.locator('#app:not([data-prerendered])').waitFor({ state: 'attached' });
  await page.locator('.topic.checked').first().waitFor();
  assert.ok(await box.isChecked(), 'hydration kept the tick');
  assert.deepEqual(await page.locator('.topic.checked input').evaluateAll((els) => els.map((e) => e.id)), [`topic-${topic}`]);
  assert.equal(await start.evaluate((b) => getComputedStyle(b).pointerEvents), 'auto');

  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
  assert.equal(wasm, 1, 'the wasm is downloaded once');

  await flushSaves(page);
  await page.reload();
  await page.locator('#app:not([data-prerendered])').waitFor({ state: 'attached' });
  await page.locator(`#topic-${topic}:checked`).waitFor();
  page.assertClean();
  await context.close();
});

test('a first visit to a quiz link shows the frame and waits for the app instead of showing Home', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await watchedPage(context);
  const release = await holdWasm(page);
  const id = [...env.bank.keys()][0];
  await page.goto(`${env.server.url}#/q/${id}`, { hydrated: false });
  await page.locator('main .loading', { hasText: 'Loading the quiz…' }).waitFor();
  assert.equal(await page.locator('.home').count(), 0, 'no Home for a quiz link');
  assert.ok(await page.locator('.site-header nav').isVisible(), 'the frame around it is there');
  assert.equal(await page.locator('nav [aria-current]').count(), 0, 'Home is not the current page');
  await release();
  await page.locator('.quiz-intro, .question-card').first().waitFor();
  page.assertClean();
  await context.close();
});

test('a returning learner: the pre-rendered Home gives way to their own, with no console error', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await watchedPage(context);
  await page.goto(env.server.url);
  await page.locator('#app:not([data-prerendered])').waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Pick all topics' }).click();
  await flushSaves(page);
  await page.reload();
  await page.locator('#app:not([data-prerendered])').waitFor({ state: 'attached' });
  await page.waitForFunction((n) => document.querySelectorAll('.topic.checked').length === n, topics().length);
  page.assertClean();
  await context.close();
});

test('the held-back controls start working only once the page shows what storage holds', async () => {
  // A click between hydration and reading storage was undone when the saved state replaced the
  // first visit's: the controls must not work before then.
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    // Every stretch of work looks longer than 16 ms, so yew yields to the browser wherever it
    // may, as on a busy phone.
    const now = Date.now;
    let skew = 0;
    Date.now = () => now.call(Date) + (skew += 1000);
    window.whenReady = [];
    const watch = new MutationObserver(() => {
      const app = document.getElementById('app');
      if (app && !app.hasAttribute('data-prerendered') && !window.whenReady.length) {
        window.whenReady.push(document.querySelector('input[name=mode]:checked')?.id ?? 'none');
      }
    });
    watch.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-prerendered'] });
  });
  const page = await watchedPage(context);
  await page.goto(env.server.url);
  await page.locator('#mode-exam').check();
  await flushSaves(page);
  await page.reload();
  assert.deepEqual(await page.evaluate(() => window.whenReady), ['mode-exam'], 'the saved mode was on screen when clicks began to count');
  page.assertClean();
  await context.close();
});

test('a chosen theme is on the pre-rendered page before it paints, and hydration never drops it', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block', colorScheme: 'light' });
  // Every change of <html data-theme>, from the moment the document exists.
  await context.addInitScript(() => {
    window.themes = [];
    // The whole document: there is no <html> element yet when this runs.
    new MutationObserver(() => window.themes.push(document.documentElement.dataset.theme ?? null))
      .observe(document, { subtree: true, attributes: true, attributeFilter: ['data-theme'] });
  });
  const page = await watchedPage(context);
  await page.goto(env.server.url);
  await page.locator('#app:not([data-prerendered])').waitFor({ state: 'attached' });
  await page.getByLabel('Colour scheme').selectOption('dark');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await flushSaves(page);

  const release = await holdWasm(page);
  await page.reload({ hydrated: false });
  await page.getByRole('heading', { level: 1, name: 'Python interview practice' }).waitFor();
  assert.equal(await page.locator('#app[data-prerendered]').count(), 1, 'the wasm has not run');
  assert.deepEqual(await page.evaluate(() => window.themes), ['dark'], 'set by web/theme.js before the body');
  await release();
  await page.locator('#app:not([data-prerendered])').waitFor({ state: 'attached' });
  await page.locator('select[aria-label="Colour scheme"] option[value="dark"]:checked').waitFor({ state: 'attached' });
  const themes = await page.evaluate(() => window.themes);
  assert.ok(themes.every((t) => t === 'dark'), `never removed or changed, not even for a frame: ${themes}`);
  page.assertClean();
  await context.close();
});
