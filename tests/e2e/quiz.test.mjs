// A whole quiz in a real browser, keyboard only; resuming after a reload; progress after it;
// the share link in a fresh browser. Run by `npm run e2e` against the release build in dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, watchedPage, shot, idsOfType, oneOfEachType, currentId, answerWithKeyboard } from './harness.mjs';

const env = useBrowser();

test('home lists topics and starts a quiz from the keyboard', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.goto(env.server.url);
  await page.locator('button.start').waitFor();
  assert.match(await page.locator('.showing').innerText(), new RegExp(`Showing ${env.bank.size} of ${env.bank.size} questions`));
  await shot(page, 'home-desktop');
  // Tab to "Start quiz", then Enter: no mouse anywhere.
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.classList.contains('start'))) break;
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/quiz$/);
  assert.equal(await page.locator('.quiz-progress .counter').innerText(), '1 / 10');
  page.assertClean();
  await context.close();
});

test('every question type answered by keyboard, then the score and the review', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const ids = oneOfEachType(env.bank);
  await page.goto(`${env.server.url}#/q/${ids.join('.')}`);
  await page.waitForURL(/#\/quiz$/);
  for (let i = 0; i < ids.length; i++) {
    assert.equal(await currentId(page), ids[i], 'questions come in link order');
    const correct = i !== 1; // miss the second one on purpose
    await answerWithKeyboard(page, env.bank.get(ids[i]), { correct });
    const verdict = page.locator('.feedback .verdict');
    await verdict.waitFor();
    assert.equal(await verdict.innerText(), correct ? 'Correct' : 'Not quite');
    if (i === 0) await shot(page, 'quiz-feedback');
    await page.keyboard.press('Enter'); // Next, or Finish on the last one
  }
  await page.waitForURL(/#\/results$/);
  assert.equal(await page.locator('.score-value').innerText(), `4 / ${ids.length}`);
  assert.equal(await page.locator('.review-item').count(), ids.length);
  assert.equal(await page.locator('.review-item.wrong').count(), 1);
  await shot(page, 'results');
  page.assertClean();
  await context.close();
});

test('reloading mid-quiz continues where you were, and progress is kept after', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const ids = idsOfType(env.bank, 'single', 4);
  await page.goto(`${env.server.url}#/q/${ids.join('.')}`);
  await page.waitForURL(/#\/quiz$/);
  for (let i = 0; i < 2; i++) {
    await answerWithKeyboard(page, env.bank.get(ids[i]));
    await page.locator('.feedback').waitFor();
    await page.keyboard.press('Enter');
  }
  assert.equal(await currentId(page), ids[2]);
  await page.reload();
  assert.equal(await currentId(page), ids[2], 'the same question after a reload');
  assert.equal(await page.locator('.quiz-progress .counter').innerText(), '3 / 4');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await currentId(page), ids[1]);
  assert.equal(await page.locator('.feedback .verdict').innerText(), 'Correct', 'earlier answers survive the reload');

  // Home offers to continue.
  await page.goto(env.server.url);
  await page.locator('.continue').waitFor();
  assert.match(await page.locator('.continue').innerText(), /2 of 4 answered/);

  // Finish, reload, and the progress page counts the four answers.
  await page.goto(`${env.server.url}#/quiz`);
  await page.locator('.continue, .question-card').first().waitFor();
  for (let i = 2; i < 4; i++) {
    await page.keyboard.press('ArrowRight');
    const id = await currentId(page);
    if (id === ids[i]) {
      await answerWithKeyboard(page, env.bank.get(ids[i]), { correct: false });
      await page.locator('.feedback').waitFor();
    }
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/results$/);
  assert.equal(await page.locator('.score-value').innerText(), '2 / 4');
  await page.goto(`${env.server.url}#/progress`);
  await page.reload();
  await page.locator('[data-stat=answered]').waitFor();
  assert.equal(await page.locator('[data-stat=answered]').innerText(), '4');
  assert.equal(await page.locator('[data-stat=correct]').innerText(), '2');
  assert.equal(await page.locator('[data-stat=percent]').innerText(), '50%');
  await shot(page, 'progress');

  // Reset asks first, then clears.
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Yes, erase my progress' }).click();
  assert.equal(await page.locator('[data-stat=answered]').innerText(), '0');
  page.assertClean();
  await context.close();
});

test('a share link opens the same questions in the same order in a fresh browser', async () => {
  const first = await env.browser.newContext();
  const page = await watchedPage(first);
  await page.goto(env.server.url);
  await page.locator('button.start').click();
  await page.waitForURL(/#\/quiz$/);
  const seen = [];
  for (let i = 0; i < 10; i++) {
    const id = await currentId(page);
    seen.push(id);
    await answerWithKeyboard(page, env.bank.get(id));
    await page.locator('.feedback').waitFor();
    await page.keyboard.press('Enter');
  }
  await page.waitForURL(/#\/results$/);
  const link = await page.getByRole('button', { name: 'Share this quiz' }).getAttribute('data-copy');
  assert.match(link, /#\/q\/[a-z0-9.-]+$/);
  const order = link.split('#/q/')[1].split('.');
  assert.deepEqual(order, seen);

  const fresh = await env.browser.newContext();
  const friend = await watchedPage(fresh);
  await friend.goto(link);
  await friend.waitForURL(/#\/quiz$/);
  const got = [];
  for (let i = 0; i < order.length; i++) {
    const id = await currentId(friend);
    got.push(id);
    await answerWithKeyboard(friend, env.bank.get(id));
    await friend.locator('.feedback').waitFor();
    if (i < order.length - 1) await friend.keyboard.press('Enter');
  }
  assert.deepEqual(got, order);
  page.assertClean();
  friend.assertClean();
  await first.close();
  await fresh.close();
});

test('a link naming deleted questions opens the rest with a notice; a malformed one explains itself', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const [a, b] = [...env.bank.keys()];
  await page.goto(`${env.server.url}#/q/${a}.gone-999.${b}`);
  await page.waitForURL(/#\/quiz$/);
  assert.match(await page.locator('.notice').innerText(), /1 question in this quiz no longer exist/);
  assert.equal(await page.locator('.quiz-progress .counter').innerText(), '1 / 2');

  // A question's permalink (from its "Copy link" button) opens that question alone.
  const permalink = await page.locator('.permalink button').getAttribute('data-copy');
  assert.ok(permalink.endsWith(`#/question/${a}`), permalink);
  await page.goto(`${env.server.url}#/progress`);
  await page.goto(permalink);
  // The two-question quiz above is unfinished: the app asks before replacing it.
  await page.getByRole('button', { name: 'Start the shared quiz' }).click();
  await page.waitForURL(/#\/quiz$/);
  assert.equal(await page.locator('.quiz-progress .counter').innerText(), '1 / 1');
  assert.equal(await currentId(page), a);

  await page.goto(`${env.server.url}#/q/BAD!!`);
  await page.locator('.link-error').waitFor();
  assert.match(await page.locator('.link-error').innerText(), /This link does not work/);
  await page.locator('.link-error a').click();
  await page.locator('button.start').waitFor();

  await page.goto(`${env.server.url}#/score/3-2/${a}.${b}`);
  assert.match(await page.locator('.link-error').innerText(), /score link is damaged/);
  await page.goto(`${env.server.url}#/score/1-2/${a}.${b}`);
  assert.match(await page.locator('.score-share h1').innerText(), /1 \/ 2/);
  page.assertClean();
  await context.close();
});

test('corrupted localStorage: the app loads, keeps a backup and says so', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.goto(env.server.url);
  await page.evaluate(() => localStorage.setItem('pyquiz.progress', '{"version":1,"questions":{"x":'));
  await page.reload();
  await page.locator('.notice').waitFor();
  assert.match(await page.locator('.notice').innerText(), /could not be read/);
  assert.ok(await page.locator('button.start').isVisible());
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pyquiz.progress.backup.')));
  assert.equal(backups.length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), backups[0]), '{"version":1,"questions":{"x":');
  await shot(page, 'corrupted-storage-notice');
  page.assertClean();
  await context.close();
});

test('a phone-sized screen (320 px) has no horizontal scrolling', async () => {
  const context = await env.browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await watchedPage(context);
  const ids = oneOfEachType(env.bank);
  await page.goto(`${env.server.url}#/q/${ids[2]}`);
  await page.locator('.question-card').waitFor();
  await shot(page, 'quiz-phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await page.goto(env.server.url);
  await page.locator('button.start').waitFor();
  await shot(page, 'home-phone');
  page.assertClean();
  await context.close();
});

test('full storage: the quiz still runs and a notice says progress is not saved', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const ids = oneOfEachType(env.bank);
  await page.goto(`${env.server.url}#/q/${ids.slice(0, 2).join('.')}`);
  await currentId(page);
  await page.evaluate(() => {
    // Fill what is left of the quota, halving the value size until nothing fits.
    for (let size = 1 << 20, n = 0; size >= 16; ) {
      try { localStorage.setItem(`filler-${n++}`, 'x'.repeat(size)); } catch { size >>= 1; }
    }
  });
  await answerWithKeyboard(page, env.bank.get(ids[0]));
  await page.locator('.feedback').waitFor();
  assert.match(await page.locator('.notice').innerText(), /Progress is not being saved/);
  await page.keyboard.press('Enter');
  assert.equal(await currentId(page), ids[1], 'the quiz goes on');
  page.assertClean();
  await context.close();
});

test('two tabs: answers given in one show up in the other, and neither save loses them', async () => {
  const context = await env.browser.newContext();
  const quizTab = await watchedPage(context);
  const progressTab = await watchedPage(context);
  await progressTab.goto(`${env.server.url}#/progress`);
  await progressTab.locator('[data-stat=answered]').waitFor();
  assert.equal(await progressTab.locator('[data-stat=answered]').innerText(), '0');

  const [a, b] = idsOfType(env.bank, 'single', 2);
  await quizTab.goto(`${env.server.url}#/q/${a}.${b}`);
  await answerWithKeyboard(quizTab, env.bank.get(a));
  await quizTab.locator('.feedback').waitFor();
  await progressTab.locator('[data-stat=answered]', { hasText: '1' }).waitFor();

  // The progress tab now saves without reloading (a settings change on its home page); the
  // quiz tab's answer must survive that save.
  await progressTab.getByRole('link', { name: 'Topics' }).click();
  await progressTab.getByRole('radio', { name: 'Exam' }).check();
  assert.match(await progressTab.evaluate(() => localStorage.getItem('pyquiz.progress')), /"mode":"exam"/);
  await progressTab.goto(`${env.server.url}#/progress`);
  await progressTab.reload();
  assert.equal(await progressTab.locator('[data-stat=answered]').innerText(), '1');
  quizTab.assertClean();
  progressTab.assertClean();
  await context.close();
});

test('skipping questions: they show as skipped and count as missed', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const ids = idsOfType(env.bank, 'output', 3);
  await page.goto(`${env.server.url}#/q/${ids.join('.')}`);
  await currentId(page);
  await page.getByRole('button', { name: 'Skip' }).click();
  await answerWithKeyboard(page, env.bank.get(ids[1]));
  await page.locator('.feedback').waitFor();
  await page.keyboard.press('Enter');
  assert.equal(await currentId(page), ids[2]);
  await page.getByRole('button', { name: 'Finish without answering' }).click();
  await page.waitForURL(/#\/results$/);
  assert.equal(await page.locator('.score-value').innerText(), '1 / 3');
  assert.equal(await page.locator('.review-item.skipped').count(), 2);
  assert.match(await page.getByRole('button', { name: /Retry the 2 I missed/ }).innerText(), /2/);
  page.assertClean();
  await context.close();
});
