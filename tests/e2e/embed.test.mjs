// The blog embed: embed-demo.html holds two quizzes; their iframes must size themselves to their
// content and report answers to the host page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, watchedPage, shot, answerWithKeyboard } from './harness.mjs';

const env = useBrowser();

/** Waits until the iframe's height equals its content's height (within a pixel). */
async function fitted(page, frameEl) {
  const frame = await frameEl.contentFrame();
  await frame.locator('.question-card, .embed-done').first().waitFor();
  let last;
  for (let i = 0; i < 50; i++) {
    const outer = await frameEl.evaluate((el) => el.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => Math.ceil(document.querySelector('.embed').getBoundingClientRect().height));
    last = { outer, inner };
    if (Math.abs(outer - inner) <= 1) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`iframe never fitted its content: ${JSON.stringify(last)}`);
}

test('the demo page embeds two quizzes that size themselves and report events', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.goto(`${env.server.url}embed-demo.html`);
  const frames = page.locator('iframe[data-pyquiz]');
  await frames.nth(1).waitFor();
  assert.equal(await frames.count(), 2);

  const sizes = [];
  for (let i = 0; i < 2; i++) sizes.push(await fitted(page, await frames.nth(i).elementHandle()));
  for (const s of sizes) assert.notEqual(s.outer, 240, 'moved off the initial height');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'loading embeds does not scroll the post');

  // The first embed asked for 3 scope questions; the second is dark and in exam mode.
  const first = await (await frames.nth(0).elementHandle()).contentFrame();
  assert.match(await first.locator('.quiz-progress .counter').innerText(), /^1 \/ 3$/);
  assert.match(await first.locator('.question-card .topic-name').innerText(), /Scope/);
  assert.equal(await first.locator('.site-header').count(), 0, 'no app chrome in the embed');
  const second = await (await frames.nth(1).elementHandle()).contentFrame();
  assert.equal(await second.evaluate(() => document.documentElement.dataset.theme), 'dark');

  // Answer in the first embed: its height changes with the feedback, and the host hears of it.
  const id = (await first.locator('.question-card .prompt').getAttribute('id')).replace(/^q-/, '');
  await first.locator('.question-card .prompt').focus();
  await answerWithKeyboard(page, env.bank.get(id), { frame: first });
  await first.locator('.feedback').waitFor();
  const after = await fitted(page, await frames.nth(0).elementHandle());
  assert.ok(after.outer > sizes[0].outer, `grew with the feedback: ${sizes[0].outer} → ${after.outer}`);
  await page.locator('#events div').first().waitFor();
  const event = await page.locator('#events div').first().innerText();
  assert.match(event, new RegExp(`pyquiz:answered .*"id":"${id}"`));
  await shot(page, 'embed-demo');

  // Finish the first embed: its score shows inside, and the host hears `completed`.
  await page.keyboard.press('Enter'); // Next
  for (let i = 1; i < 3; i++) {
    await first.locator('.quiz-progress .counter', { hasText: `${i + 1} / 3` }).waitFor();
    const next = (await first.locator('.question-card .prompt').getAttribute('id')).replace(/^q-/, '');
    await answerWithKeyboard(page, env.bank.get(next), { frame: first, correct: i === 1 });
    await first.locator('.feedback').waitFor();
    await page.keyboard.press('Enter');
  }
  assert.equal(await first.locator('.embed-done .score-value').innerText(), '2 / 3');
  await page.locator('#events div', { hasText: 'pyquiz:completed' }).waitFor();
  const done = await page.locator('#events div', { hasText: 'pyquiz:completed' }).innerText();
  assert.match(done, /"score":2,"total":3/);
  await fitted(page, await frames.nth(0).elementHandle());

  // "Try again" restarts the same questions, and the host hears the new answers too.
  await first.getByRole('button', { name: 'Try again' }).click();
  await answerWithKeyboard(page, env.bank.get(id), { frame: first });
  await page.locator('#events div', { hasText: 'pyquiz:answered' }).nth(3).waitFor();
  assert.equal(await page.locator('#events div', { hasText: 'pyquiz:answered' }).count(), 4);
  page.assertClean();
  await context.close();
});

test('an embed with a bad option explains itself inside the frame', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.goto(`${env.server.url}#/embed?topic=no-such-topic`);
  await page.locator('.link-error').waitFor();
  assert.match(await page.locator('.link-error').innerText(), /unknown topic “no-such-topic”/);
  page.assertClean();
  await context.close();
});
