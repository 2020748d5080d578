// The page is never left blank or frozen: a wasm that cannot load, a crash after start, and
// saved choices that no longer fit the bank each end in a message the learner can act on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, watchedPage } from './harness.mjs';

const env = useBrowser();

test('a wasm that cannot load gives a message with a reload button, not "Loading…" forever', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage(); // the failed download is logged: that is the point here
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(env.server.url);
  const problem = page.locator('.boot-problem[role=alert]');
  await problem.waitFor({ timeout: 5000 });
  assert.match(await problem.innerText(), /could not start/);
  // Reload really retries: with the network back, the app starts.
  await page.unroute('**/*.wasm');
  await problem.getByRole('button', { name: 'Reload' }).click();
  // The h1 is pre-rendered: the app has started once it has taken the page over.
  await page.locator('#app:not([data-prerendered])').waitFor({ state: 'attached' });
  assert.equal(await page.locator('.boot-problem').count(), 0);
  await context.close();
});

test('a crash inside the wasm says so instead of leaving a page that no longer responds', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.locator('h1').first().waitFor();
  // A panic (panic = "abort") reaches the page as a WebAssembly.RuntimeError thrown from an event.
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
  const problem = page.locator('.boot-problem[role=alert]');
  await problem.waitFor({ timeout: 5000 });
  assert.match(await problem.innerText(), /stopped.*your progress is saved/s);
  await context.close();
});

test('saved topics the bank no longer has are left out with a notice, never "0 of N" forever', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.addInitScript(() => {
    if (localStorage.getItem('pyquiz.settings')) return;
    localStorage.setItem('pyquiz.settings', JSON.stringify({
      version: 2, updated: 1, filters: { topics: ['scope', 'old-topic'], difficulties: [], count: 10 },
    }));
  });
  await page.goto(env.server.url);
  const notice = page.locator('.notice', { hasText: 'no longer exist' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /old-topic/);
  const showing = await page.locator('.showing').innerText();
  const [, available] = showing.match(/^(\d+) of/);
  assert.equal(Number(available), [...env.bank.values()].filter((q) => q.topic === 'scope').length, showing);
  page.assertClean();
  await context.close();
});
