// The blog embed: embed-demo.html holds three quizzes; their iframes must size themselves,
// load only when near the screen, report answers to the host page, and end with a results
// summary. Bad options fall back, and the author (not the reader) is told why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, watchedPage, shot, answerWithKeyboard, currentId, SHOTS } from './harness.mjs';

const env = useBrowser();

/**
 * Waits until the iframe is at least as tall as its content (it grows to fit, and never shrinks
 * so the post does not jump); returns both heights.
 */
async function fitted(page, frameEl) {
  const frame = await frameEl.contentFrame();
  await frame.locator('.question-card, .embed-done').first().waitFor();
  let last;
  // Polls until it fits; the bound is generous so a busy machine is slow, not red.
  for (let i = 0; i < 300; i++) {
    const outer = await frameEl.evaluate((el) => el.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => Math.ceil(document.querySelector('.embed').getBoundingClientRect().height));
    last = { outer, inner };
    if (outer >= inner - 1) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`iframe never fitted its content: ${JSON.stringify(last)}`);
}

test('the demo page: embeds size themselves, report events, end with a review, and load lazily', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await watchedPage(context);
  const before = env.server.requests.length;
  await page.goto(`${env.server.url}embed-demo.html`);
  const frames = page.locator('iframe[data-pyquiz]');
  await frames.last().waitFor({ state: 'attached' });
  assert.equal(await frames.count(), 7);
  assert.equal(await frames.first().getAttribute('loading'), 'eager', 'the embed on the first screen loads at once');
  assert.equal(await frames.last().getAttribute('loading'), 'lazy', 'the one far below waits');
  const sizes = [];
  for (let i = 0; i < 2; i++) sizes.push(await fitted(page, await frames.nth(i).elementHandle()));
  for (const s of sizes) assert.ok(s.outer >= 560, `keeps at least the reserved height: ${s.outer}`);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'loading embeds does not scroll the post');
  const fetched = () => env.server.requests.slice(before);
  assert.ok(!fetched().some((p) => p.startsWith('/bank/iterators.')), 'the embed far below the fold has not loaded its questions');
  assert.ok(!fetched().some((p) => p.startsWith('/sw.js')), 'embeds do not install the app');

  const first = await (await frames.nth(0).elementHandle()).contentFrame();
  assert.match(await first.locator('.q-heading').innerText(), /^Question 1 of 3$/);
  assert.match(await first.locator('.question-card .topic-name').innerText(), /Scope/);
  assert.equal(await first.locator('.site-header').count(), 0, 'no app chrome in the embed');
  const second = await (await frames.nth(1).elementHandle()).contentFrame();
  assert.equal(await second.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await second.locator('.mode-badge').innerText(), 'Exam');

  // Answer in the first embed: its height changes with the feedback, and the host hears of it.
  const id = await currentId(first);
  await first.locator('.q-heading').focus();
  await answerWithKeyboard(page, env.bank.get(id), { frame: first });
  await first.locator('.feedback').waitFor();
  const after = await fitted(page, await frames.nth(0).elementHandle());
  assert.ok(after.inner > sizes[0].inner, `the feedback takes room: ${sizes[0].inner} → ${after.inner}`);
  assert.ok(after.outer >= sizes[0].outer, `the frame never shrinks: ${sizes[0].outer} → ${after.outer}`);
  await page.locator('#events div').first().waitFor();
  assert.match(await page.locator('#events div').first().innerText(), new RegExp(`pyquiz:answered .*"id":"${id}"`));
  await shot(page, 'embed-demo');

  // Finish the first embed: a score with a review of each answer, and `completed` for the host.
  await page.keyboard.press('Enter');
  for (let i = 1; i < 3; i++) {
    await first.locator('.q-heading', { hasText: `Question ${i + 1} of 3` }).waitFor();
    const next = await currentId(first);
    await answerWithKeyboard(page, env.bank.get(next), { frame: first, correct: i === 1 });
    await first.locator('.feedback, .flashcard.revealed').first().waitFor();
    await page.keyboard.press('Enter');
  }
  await first.locator('.embed-done').waitFor();
  assert.equal(await first.locator('.embed-done .score-value').innerText(), '2 / 3');
  assert.equal(await first.locator('.embed-done .review-item').count(), 3);
  assert.equal(await first.locator('.embed-done .review-item.wrong').count(), 1);
  await page.locator('#events div', { hasText: 'pyquiz:completed' }).waitFor();
  assert.match(await page.locator('#events div', { hasText: 'pyquiz:completed' }).innerText(), /"score":2,"total":3/);
  await fitted(page, await frames.nth(0).elementHandle());
  await shot(page, 'embed-results');

  // "Try again" restarts the same questions, and the host hears the new answers too.
  await first.getByRole('button', { name: 'Try again' }).click();
  await first.locator('.q-heading', { hasText: 'Question 1 of 3' }).waitFor();
  await answerWithKeyboard(page, env.bank.get(id), { frame: first });
  await page.locator('#events div', { hasText: 'pyquiz:answered' }).nth(3).waitFor();
  assert.equal(await page.locator('#events div', { hasText: 'pyquiz:answered' }).count(), 4);

  // Scrolling near the last embed loads it.
  await page.locator('#further').scrollIntoViewIfNeeded();
  const third = await (await frames.last().elementHandle()).contentFrame();
  await third.locator('.question-card').waitFor();
  assert.ok(fetched().some((p) => p.startsWith('/bank/iterators.')));
  page.assertClean();
  await context.close();
});

test('the demo page documents every attribute with a live example: ids, seed, inherit and an own quiz', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await watchedPage(context);
  await page.goto(`${env.server.url}embed-demo.html`);
  const attrs = await page.locator('table code').allInnerTexts();
  for (const a of ['data-topic', 'data-ids', 'data-count', 'data-difficulty', 'data-mode', 'data-theme', 'data-seed', 'data-title', 'data-src']) {
    assert.ok(attrs.includes(a), `${a} is documented`);
  }
  const frame = async (title) => {
    const el = page.locator(`iframe[title="${title}"]`);
    await el.scrollIntoViewIfNeeded();
    return (await el.elementHandle()).contentFrame();
  };
  const ids = await frame('Two chosen questions');
  await ids.locator('.question-card .prompt[id="prompt-scp-01"]').waitFor();
  assert.equal(await ids.locator('.q-heading').innerText(), 'Question 1 of 2');
  const seeded = await frame('Scope, another pick');
  await seeded.locator('.question-card').waitFor();
  assert.match(await seeded.locator('.question-card .prompt').getAttribute('id'), /^prompt-scp-/);

  // inherit: the page's own background shows through, in its text colour.
  const inherit = await frame('Quiz on classes, in the page\'s colours');
  await inherit.locator('.question-card').waitFor();
  const look = await inherit.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    bg: getComputedStyle(document.body).backgroundColor,
    color: getComputedStyle(document.body).color,
  }));
  assert.deepEqual(look, { theme: 'dark', bg: 'rgba(0, 0, 0, 0)', color: 'rgb(233, 228, 216)' });
  const host = await page.locator('.dark-aside').evaluate((el) => getComputedStyle(el).color);
  assert.equal(host, look.color);
  await page.locator('.dark-aside').screenshot({ path: join(SHOTS, "embed-inherit.png") });

  const own = await frame('Quiz on tally');
  await own.locator('.own-title', { hasText: 'Counting calls with tally' }).waitFor();
  assert.equal(await own.locator('.q-heading').innerText(), 'Question 1 of 5');
  page.assertClean();
  await context.close();
});

test("an author's mistakes go to the console and pyquiz:error, never to readers; a typo'd topic falls back to the closest", async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${env.server.url}embed/#topic=scoep,no-such-topic&theme=%3Cb%3E&count=lots&mode=party`);
  await page.locator('.question-card').waitFor();
  assert.equal(await page.locator('.notices, .notice').count(), 0, 'no notice for readers');
  assert.match(await page.locator('.question-card .topic-name').innerText(), /Scope/, 'scoep → scope');
  assert.equal(await page.locator('.q-heading').innerText(), 'Question 1 of 5');
  const said = warnings.join('\n');
  assert.match(said, /data-topic “scoep” is not a topic; using “scope”/);
  assert.match(said, /data-topic “no-such-topic” is not a topic; it was left out/);
  assert.match(said, /data-theme “<b>”/);
  assert.match(said, /data-count “lots” is not a number of questions; showing 5/);
  assert.match(said, /data-mode “party”/);
  // Nothing left to show: one neutral line, the reason in the console.
  for (const hash of ['ids=NOT!VALID', 'topic=no-such-topic']) {
    warnings.length = 0;
    await page.goto('about:blank');
    await page.goto(`${env.server.url}embed/#${hash}`);
    await page.locator('.link-error').waitFor();
    assert.equal(await page.locator('.link-error').innerText(), 'This quiz has no questions to show.', hash);
    await page.waitForFunction(() => true);
    assert.ok(warnings.some((w) => /pyquiz embed: data-/.test(w)), `${hash}: ${warnings}`);
  }
  page.assertClean();
  await context.close();
});

test('old embeds (#/embed?… on the app page) are sent on to the embed page', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.goto(`${env.server.url}#/embed?topic=scope&count=2`);
  await page.waitForURL(/\/embed\/#topic=scope&count=2$/);
  assert.equal(await page.locator('.q-heading').innerText(), 'Question 1 of 2');
  page.assertClean();
  await context.close();
});

test("the topic's questions download while the wasm is still downloading, not after", async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const chunkRequested = [];
  page.on('request', (r) => { if (/\/bank\/scope\.[0-9a-f]+\.json$/.test(r.url())) chunkRequested.push(Date.now()); });
  let wasmHeld = null;
  await page.route('**/*.wasm', async (route) => {
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 700)); // a slow network for the biggest file
    wasmHeld = { started, ended: Date.now() };
    await route.continue();
  });
  await page.goto(`${env.server.url}embed/#topic=scope&count=3`);
  await page.locator('.question-card').waitFor();
  assert.equal(chunkRequested.length, 1, 'the chunk is fetched once');
  assert.ok(chunkRequested[0] < wasmHeld.ended, `chunk requested at +${chunkRequested[0] - wasmHeld.started} ms, wasm arrived at +${wasmHeld.ended - wasmHeld.started} ms`);
  page.assertClean();
  await context.close();
});

test('a chunk that arrived before the wasm is drawn in the first render, with no "Loading" before it', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.addInitScript(() => {
    window.__inserted = [];
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) window.__inserted.push(n.textContent ?? "");
    }).observe(document, { childList: true, subtree: true });
  });
  await page.route('**/*.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 400)); // the chunk surely arrives first
    await route.continue();
  });
  await page.goto(`${env.server.url}embed/#topic=scope&count=3`);
  await page.locator('.question-card .prompt').waitFor();
  const inserted = await page.evaluate(() => window.__inserted);
  assert.ok(inserted.some((t) => t.includes('Question 1 of 3')), 'the observer saw the quiz');
  assert.deepEqual(inserted.filter((t) => /Loading the question|No quiz is running/.test(t)), []);
  page.assertClean();
  await context.close();
});

test('the chunk is requested while the page is still being parsed, and the wasm is downloaded once', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await watchedPage(context);
  for (const [url, chunk] of [
    [`${env.server.url}embed/#topic=scope&count=3`, 'scope'],
    [`${env.server.url}#/q/${[...env.bank.values()].find((q) => q.topic === 'iterators').id}`, 'iterators'],
  ]) {
    await page.goto(url);
    await page.locator('.question-card, .quiz-intro').first().waitFor();
    await page.waitForFunction((t) => performance.getEntriesByType('resource').some((e) => e.name.includes(`/bank/${t}.`)), chunk);
    const timing = await page.evaluate((topic) => {
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource');
      const chunks = resources.filter((e) => e.name.includes(`/bank/${topic}.`));
      return {
        parsed: nav.domInteractive,
        chunks: chunks.map((e) => e.startTime),
        wasm: resources.filter((e) => e.name.endsWith('.wasm')).length,
      };
    }, chunk);
    assert.equal(timing.chunks.length, 1, `${url}: the chunk is fetched once`);
    // A module script would only run once parsing is over (domInteractive).
    assert.ok(timing.chunks[0] < timing.parsed, `${url}: chunk requested at ${timing.chunks[0]} ms, parsing over at ${timing.parsed} ms`);
    assert.equal(timing.wasm, 1, `${url}: the compile takes over the preload's download`);
  }
  page.assertClean();
  await context.close();
});
