// Offline and installable: after one visit the whole app (every topic's questions included)
// works without a network, a new deploy is offered as a reload, and every page runs under the
// strict Content-Security-Policy the README recommends, with no violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, watchedPage, serve, DIST, CSP, idsOfType, answerWithKeyboard, currentId, openQuiz } from './harness.mjs';

const env = useBrowser();

/** Waits until the service worker has installed (its cache filled) and is active. */
async function installed(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

test('visit once, go offline, reload, and take a whole quiz on a topic never opened before', async () => {
  const server = await serve();
  try {
    const context = await env.browser.newContext();
    const page = await watchedPage(context, { allow: [/net::ERR_|Failed to load resource/] });
    await page.goto(server.url);
    await page.locator('button.start').waitFor();
    await installed(page);
    server.offline();
    await context.setOffline(true);
    await page.reload();
    await page.locator('button.start').waitFor();
    // A topic whose questions were never downloaded while online.
    const topic = 'context-managers';
    await page.locator(`#topic-${topic}`).check();
    await page.locator('.builder select').last().selectOption('5');
    await page.locator('button.start').click();
    for (let i = 0; i < 5; i++) {
      await page.locator('.q-heading', { hasText: `Question ${i + 1} of 5` }).waitFor();
      const q = env.bank.get(await currentId(page));
      assert.equal(q.topic, topic);
      await answerWithKeyboard(page, q);
      await page.locator('.feedback, .flashcard.revealed').first().waitFor();
      await page.keyboard.press('Enter');
    }
    await page.waitForURL(/#\/results$/);
    assert.equal(await page.locator('.score-value').innerText(), '5 / 5');
    page.assertClean();
    await context.close();
  } finally {
    await server.close();
  }
});

test('a new deploy installs beside the old one, the page offers a reload, and old caches go', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pyquiz-next-'));
  await cp(DIST, dir, { recursive: true });
  const sw = await readFile(join(dir, 'sw.js'), 'utf8');
  await writeFile(join(dir, 'sw.js'), sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "next-$1"'));
  const server = await serve();
  try {
    const context = await env.browser.newContext();
    const page = await watchedPage(context);
    await page.goto(server.url);
    await installed(page);
    await page.reload(); // now controlled by the first version
    await page.locator('button.start').waitFor();
    server.setRoot(dir);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.locator('.update-ready').waitFor();
    assert.match(await page.locator('.update-ready').innerText(), /A new version of pyquiz is ready/);
    // In the page's flow, so it covers none of the quiz's buttons, and it can wait.
    assert.equal(await page.locator('.update-ready').evaluate((el) => getComputedStyle(el).position), 'static');
    assert.equal(await page.locator('.update-ready').getByRole('button', { name: 'Later' }).count(), 1);
    await Promise.all([page.waitForEvent('load'), page.locator('.update-ready').getByRole('button', { name: 'Reload' }).click()]);
    await page.locator('button.start').waitFor();
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, `old caches removed: ${caches}`);
    assert.match(caches[0], /^pyquiz-next-/);
    page.assertClean();
    await context.close();
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('every page and the embed run under the strict CSP with no violation', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const [a, b] = idsOfType(env.bank, 'single', 2);
  const response = await page.goto(env.server.url);
  assert.equal(response.headers()['content-security-policy'], CSP, 'the test server sends the policy');
  await page.locator('button.start').waitFor();
  for (const path of [`#/q/${a}.${b}`, '#/progress', '#/browse', `#/question/${a}`, `#/score/1-2/${a}.${b}`, '#/nowhere', 'embed/#topic=scope', 'embed-demo.html']) {
    await page.goto(`${env.server.url}${path}`);
    await page.locator('main h1, .q-heading, .question-card, iframe').first().waitFor();
    await page.waitForTimeout(200);
  }
  const frame = page.frames().find((f) => f.url().includes('/embed/#'));
  await frame.locator('.question-card').waitFor();
  // Answering renders feedback (raw HTML from the bank): still no violation.
  await openQuiz(page, `${env.server.url}#/q/${a}`);
  await answerWithKeyboard(page, env.bank.get(a));
  await page.locator('.feedback').waitFor();
  page.assertClean();
  await context.close();
});
