// Sharing as people do it: the address bar during a quiz is the quiz's own link, "Share this
// quiz" mid-quiz, a friend's link opens with a card that says what it is (the learner's own
// link goes straight on), a score link's quiz compares the two scores, and a permalink opened
// from outside says what pyquiz is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, watchedPage, shot, idsOfType, currentId, expectQuestion, answerWithKeyboard,
  openQuiz, assertAccessible, horizontalOverflow,
} from './harness.mjs';

const env = useBrowser();

/** Answers every question of the quiz on screen by keyboard, moving on, until the results. */
async function finishQuiz(page, ids, correct = () => true) {
  for (const [i, id] of ids.entries()) {
    await expectQuestion(page, id);
    await answerWithKeyboard(page, env.bank.get(id), { correct: correct(i) });
    await page.locator('.feedback, .flashcard.revealed').first().waitFor();
    await page.keyboard.press('Enter');
  }
  await page.waitForURL(/#\/results$/);
}

test('during a quiz the address bar is its link: copied, it opens the same quiz for a friend', async () => {
  const context = await env.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await watchedPage(context);
  await page.goto(env.server.url);
  await page.locator('#topic-scope').check();
  await page.locator('.builder select').last().selectOption('5');
  await page.locator('button.start').click();
  await page.waitForURL(/#\/q\/[a-z0-9.-]+$/);
  const address = page.url();
  const ids = address.split('#/q/')[1].split('.');
  assert.equal(ids.length, 5);
  assert.ok(ids.every((id) => env.bank.get(id).topic === 'scope'));
  assert.equal(await currentId(page), ids[0], 'the link lists the questions in quiz order');
  assert.equal(await page.locator('.quiz-purpose').innerText(), 'Practice quiz on Scope & closures');
  // "Share this quiz" mid-quiz copies the same address.
  const share = page.getByRole('button', { name: 'Share this quiz' });
  assert.equal(await share.getAttribute('data-copy'), address);
  await share.click();
  await page.locator('.quiz-share .copy-status', { hasText: 'Copied!' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), address);
  // The link also stays in view, in a read-only field, to check or copy by hand.
  const field = page.locator('.quiz-share input.copy-field');
  assert.equal(await field.inputValue(), address);
  assert.ok(await field.evaluate((f) => f.readOnly));
  // The old address still works: it sends the running quiz on to its link.
  await page.goto(`${env.server.url}#/quiz`);
  await page.waitForURL(address);
  await expectQuestion(page, ids[0]);
  // A reload keeps the address and the quiz, with no card in the way.
  await answerWithKeyboard(page, env.bank.get(ids[0]));
  await page.locator('.feedback').waitFor();
  await page.reload();
  await expectQuestion(page, ids[0]);
  await page.locator('.feedback').waitFor(); // the answer given is kept, not asked again
  assert.equal(await page.locator('.quiz-intro').count(), 0, 'your own quiz goes straight on');
  assert.equal(page.url(), address);

  // A friend opens the address: a card says what it is, then Start (by keyboard).
  const fresh = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const friend = await watchedPage(fresh);
  await friend.goto(address);
  const intro = friend.locator('.quiz-intro');
  await intro.waitFor();
  assert.equal(await intro.locator('h1').innerText(), '5 questions on Scope & closures');
  assert.match(await intro.innerText(), /A friend shared this quiz with you\./);
  assert.match(await intro.innerText(), /pyquiz is Python interview practice that runs in your browser/);
  assert.match(await intro.innerText(), /Practice: see right or wrong after each question\./);
  const level = await intro.locator('.badge').innerText();
  assert.match(level, /^(Junior|Mid|Senior)( (and|to) (Mid|Senior))?$/, 'its difficulty');
  assert.ok(ids.some((id) => level.toLowerCase().includes(env.bank.get(id).difficulty)), `${level} names a level of its questions`);
  assert.ok(await intro.locator('h1').evaluate((h) => h === document.activeElement), 'focus on the card');
  assert.equal(await friend.locator('.q-heading').count(), 0, 'nothing started yet');
  await shot(friend, 'shared-quiz-intro');
  await assertAccessible(friend, 'shared quiz intro');
  await friend.keyboard.press('Tab');
  assert.equal(await friend.evaluate(() => document.activeElement.textContent), 'Start the quiz');
  await friend.keyboard.press('Enter');
  await expectQuestion(friend, ids[0]);
  assert.equal(await friend.locator('.q-heading').innerText(), 'Question 1 of 5');
  assert.equal(friend.url(), address, 'the address is still the link');
  // On a phone too, sharing on mid-quiz shows the link without widening the page.
  assert.equal(await friend.locator('.quiz-share input.copy-field').count(), 0, 'no field until asked');
  await friend.getByRole('button', { name: 'Share this quiz' }).click();
  assert.equal(await friend.locator('.quiz-share input.copy-field').inputValue(), address);
  assert.ok(await horizontalOverflow(friend) <= 0, 'no sideways scrolling at 390 px');
  page.assertClean();
  friend.assertClean();
  await context.close();
  await fresh.close();
});

test('an exam lives at its link with /exam; its results say which quiz they are', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.goto(env.server.url);
  await page.getByRole('radio', { name: /Exam/ }).check();
  await page.locator('#topic-decorators').check();
  await page.locator('.builder select').last().selectOption('5');
  await page.locator('button.start').click();
  await page.waitForURL(/#\/q\/[a-z0-9.-]+\/exam$/);
  assert.equal(await page.locator('.quiz-purpose').innerText(), 'Exam quiz on Decorators & functools');
  assert.match(await page.getByRole('button', { name: 'Share this quiz' }).getAttribute('data-copy'), /\/exam$/);
  await page.getByRole('button', { name: 'End quiz' }).click();
  await page.getByRole('button', { name: 'Finish anyway' }).click();
  await page.waitForURL(/#\/results$/);
  assert.equal(await page.locator('.score .quiz-purpose').innerText(), 'Exam quiz on Decorators & functools');
  // Back to the quiz's address: the finished quiz is offered again, not restarted behind your back.
  await page.goBack();
  await page.locator('.quiz-intro').waitFor();
  assert.match(await page.locator('.quiz-intro').innerText(), /You took this quiz before: 0 \/ 5\./);
  assert.match(await page.locator('.quiz-intro').innerText(), /Exam: no hints, answers at the end\./);
  await page.getByRole('button', { name: 'Take it again' }).click();
  await page.locator('.q-heading', { hasText: 'Question 1 of 5' }).waitFor();
  page.assertClean();
  await context.close();
});

test("a friend's score link: what it is, then your results compare the two scores", async () => {
  const ids = idsOfType(env.bank, 'single', 3);
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await watchedPage(context);
  await page.goto(`${env.server.url}#/score/1-3/${ids.join('.')}`);
  const card = page.locator('.score-share');
  await card.waitFor();
  assert.equal(await card.locator('h1').innerText(), 'A friend scored 1 / 3');
  const topic = env.bank.get(ids[0]).topic;
  assert.match(await card.innerText(), /3 questions on /);
  assert.match(await card.innerText(), /pyquiz is Python interview practice that runs in your browser/);
  assert.ok(await card.locator('.badge').isVisible(), 'the difficulty');
  await card.getByRole('link', { name: 'Take the same quiz' }).click();
  await page.waitForURL(new RegExp(`#/q/${ids.join('\\.')}$`));
  assert.equal(await page.locator('.quiz-purpose').innerText(), "A friend's quiz: they scored 1 / 3");
  await finishQuiz(page, ids, (i) => i !== 2);
  const comparison = page.locator('.comparison');
  assert.equal(await comparison.innerText(), 'You 2 / 3 · your friend 1 / 3');
  assert.ok(topic);
  await shot(page, 'score-comparison');
  await assertAccessible(page, 'score comparison');
  page.assertClean();
  await context.close();
});

test('your own unfinished quiz link continues it from another tab; a friend link while it runs keeps it', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const ids = idsOfType(env.bank, 'single', 3);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
  await answerWithKeyboard(page, env.bank.get(ids[0]));
  await page.locator('.feedback').waitFor();
  await page.keyboard.press('Enter');
  await expectQuestion(page, ids[1]);
  const address = page.url();
  await page.evaluate(() => dispatchEvent(new Event('pagehide')));
  const other = await watchedPage(context);
  await other.goto(address);
  await other.locator('.q-heading', { hasText: 'Question 2 of 3' }).waitFor();
  assert.equal(await other.locator('.quiz-intro').count(), 0, 'no card for your own quiz');
  other.assertClean();
  page.assertClean();
  await context.close();
});

test('a permalink opened from outside says what pyquiz is; one reached inside the app does not', async () => {
  const id = idsOfType(env.bank, 'output', 1)[0];
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.goto(`${env.server.url}#/question/${id}`);
  const intro = page.locator('.shared-intro');
  await intro.waitFor();
  assert.match(await intro.innerText(), /^A friend shared this (junior|mid|senior) question with you\. pyquiz is Python interview practice that runs in your browser/);
  await page.locator('.question-page .prompt').waitFor();
  await page.goto(`${env.server.url}#/browse?q=${id}`);
  await page.locator('.browse-item a', { hasText: `Open ${id}` }).click();
  await page.locator('.question-page .prompt').waitFor();
  assert.equal(await page.locator('.shared-intro').count(), 0);
  page.assertClean();
  await context.close();
});
