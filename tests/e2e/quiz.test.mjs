// Taking quizzes in a real browser: keyboard only, every question type, results, share links,
// and the interaction bugs a new user ran into (each reproduced here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, watchedPage, shot, idsOfType, oneOfEachType, currentId, expectQuestion, answerWithKeyboard, rightPositions, openQuiz } from './harness.mjs';

const env = useBrowser();

test('home: the start action, the modes and every topic are explained up front', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  await page.goto(env.server.url);
  await page.locator('button.start').waitFor();
  assert.equal(await page.title(), 'pyquiz · Python interview practice');
  assert.match(await page.locator('.showing').innerText(), new RegExp(`${env.bank.size} of ${env.bank.size} questions match`));
  assert.ok(await page.locator('button.start').isVisible(), 'above the fold on a desktop');
  const box = await page.locator('button.start').boundingBox();
  assert.ok(box.y + box.height < 900, `Start is at y=${box.y}`);
  assert.match(await page.locator('.modes').innerText(), /Practice — see right or wrong after each question/);
  assert.match(await page.locator('.modes').innerText(), /Exam — no hints or answers until the end/);
  const about = page.locator('.topic-about').first();
  assert.ok(await about.isVisible(), 'topic descriptions show without hovering');
  await shot(page, 'home-desktop');
  // Keyboard only: a handful of Tabs reach Start (skip link, brand, three links, theme, Start).
  let tabs = 0;
  for (; tabs < 12; tabs++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.classList.contains('start'))) break;
  }
  assert.ok(tabs < 12, 'Start is reachable within a few Tab presses');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/q\//);
  assert.equal(await page.locator('.q-heading').innerText(), 'Question 1 of 10');
  await page.waitForFunction(() => document.title === 'Quiz · pyquiz'); // set in an effect
  page.assertClean();
  await context.close();
});

test('on a phone the start action is never far away', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await watchedPage(context);
  await page.goto(env.server.url);
  await page.locator('button.start').waitFor();
  assert.ok(await page.locator('button.start').isVisible());
  await page.mouse.wheel(0, 1500);
  await page.waitForFunction(() => scrollY > 500);
  const box = await page.locator('button.start').boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 844, `the start bar sticks on screen while the topics scroll by (y=${box.y})`);
  await shot(page, 'home-phone');
  page.assertClean();
  await context.close();
});

test('every question type answered by keyboard, then the score and the review', async () => {
  for (const scheme of ['light', 'dark']) {
    const context = await env.browser.newContext({ colorScheme: scheme, viewport: { width: 390, height: 844 } });
    const page = await watchedPage(context);
    const ids = oneOfEachType(env.bank);
    await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
    for (let i = 0; i < ids.length; i++) {
      const q = env.bank.get(ids[i]);
      await page.locator('.q-heading', { hasText: `Question ${i + 1} of` }).waitFor();
      await expectQuestion(page, ids[i]);
      await shot(page, `type-${q.body.type}-${scheme}-390-before`);
      const correct = i !== 1; // miss the second one on purpose
      await answerWithKeyboard(page, q, { correct });
      const verdict = page.locator('.feedback .verdict');
      await verdict.waitFor();
      if (q.body.type !== 'flashcard') assert.equal(await verdict.innerText(), correct ? '✓ Correct' : '✗ Not quite');
      await shot(page, `type-${q.body.type}-${scheme}-390-after`);
      assert.match(page.url(), /#\/q\//, 'the shared address stays in the address bar');
      await page.keyboard.press('Enter'); // Next, or Finish on the last one
    }
    await page.waitForURL(/#\/results$/);
    // The title follows the page once it has drawn (the address changes first).
    await page.waitForFunction(() => document.title === 'Results · pyquiz', null, { timeout: 3000 });
    assert.equal(await page.locator('.score-value').innerText(), `4 / ${ids.length}`);
    assert.equal(await page.locator('.review-item').count(), ids.length);
    assert.equal(await page.locator('.review-item.wrong').count(), 1);
    // An output question is told apart by its code's first telling line, not only its prompt.
    const output = ids.findIndex((id) => env.bank.get(id).body.type === 'output');
    const firstLine = env.bank.get(ids[output]).code.split('\n').map((l) => l.trim())
      .find((l) => l && !l.startsWith('#') && !l.startsWith('import ') && !l.startsWith('from '));
    assert.equal(await page.locator('.review-item').nth(output).locator('.review-code').innerText(), firstLine.length > 60 ? `${firstLine.slice(0, 59).trimEnd()}…` : firstLine);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'score-title', 'focus moves to the results heading');
    await shot(page, `results-${scheme}`);
    page.assertClean();
    await context.close();
  }
});

test('Enter on a focused option submits it; a digit pick is not switched back', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const ids = idsOfType(env.bank, 'single', 3);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
  // Click option 2, press Enter: the answer is option 2.
  await page.locator('.option').nth(1).locator('label').click();
  await page.keyboard.press('Enter');
  await page.locator('.feedback').waitFor();
  assert.equal(await page.locator('.option.picked').count(), 1);
  assert.equal(await page.locator('.option').nth(1).getAttribute('class').then((c) => c.includes('picked')), true);
  await page.keyboard.press('Enter');
  // Tab onto option 1, then pick 3 with a digit, then Enter: 3 stays picked.
  await expectQuestion(page, ids[1]);
  await page.locator('.option input').first().focus();
  await page.keyboard.press('3');
  await page.keyboard.press('Enter');
  await page.locator('.feedback').waitFor();
  assert.ok((await page.locator('.option').nth(2).getAttribute('class')).includes('picked'), 'the digit pick stands');
  page.assertClean();
  await context.close();
});

test('single and multi questions say how many to pick; after a multi answer each option has its verdict and why', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const single = idsOfType(env.bank, 'single', 1)[0];
  const multi = [...env.bank.values()].find((q) => q.body.type === 'multi' && rightPositions(q).length >= 2);
  await openQuiz(page, `${env.server.url}#/q/${single}.${multi.id}`);
  await currentId(page);
  assert.equal(await page.locator('.options input[type=radio]').count(), env.bank.get(single).body.options.length);
  assert.equal(await page.locator('.pick-how').innerText(), 'Pick one answer');
  await answerWithKeyboard(page, env.bank.get(single));
  await page.locator('.feedback').waitFor();
  await page.keyboard.press('Enter');
  await expectQuestion(page, multi.id); // moving on re-renders asynchronously
  const right = rightPositions(multi);
  assert.equal(await page.locator('.options input[type=checkbox]').count(), multi.body.options.length);
  assert.equal(await page.locator('.pick-how').innerText(), `Select all that apply (${right.length} are right)`);
  // Pick the first right option and a wrong one: the other right ones show as missed, and the
  // wrong pick explains itself next to it.
  const wrong = multi.body.options.findIndex((o) => !o.correct);
  await page.keyboard.press(String(right[0] + 1));
  await page.keyboard.press(String(wrong + 1));
  await page.keyboard.press('Enter');
  await page.locator('.feedback').waitFor();
  assert.equal(await page.locator('.option.right .verdict-tag').innerText(), '✓ Your answer: right');
  assert.equal(await page.locator('.option.wrong .verdict-tag').innerText(), '✗ Your answer: wrong');
  assert.equal(await page.locator('.option.missed').count(), right.length - 1);
  assert.match(await page.locator('.option.missed .verdict-tag').first().innerText(), /missed it/);
  assert.ok(await page.locator('.option.wrong .why').isVisible(), 'the wrong pick says why, next to it');
  await shot(page, 'multi-verdicts');
  page.assertClean();
  await context.close();
});

test('the short-answer box has focus when its question appears', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const [a] = idsOfType(env.bank, 'single', 1);
  const [s] = idsOfType(env.bank, 'short', 1);
  await openQuiz(page, `${env.server.url}#/q/${a}.${s}`);
  await answerWithKeyboard(page, env.bank.get(a));
  await page.keyboard.press('Enter');
  await page.locator('.short-input:focus').waitFor();
  await page.keyboard.type('typed straight away');
  assert.equal(await page.locator('.short-input').inputValue(), 'typed straight away');
  page.assertClean();
  await context.close();
});

test('a permalink opens the question itself, not a quiz of one', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const id = idsOfType(env.bank, 'output', 1)[0];
  await openQuiz(page, `${env.server.url}#/q/${id}.${idsOfType(env.bank, 'single', 1)[0]}`);
  const permalink = await page.locator('.question-links button[data-copy]').getAttribute('data-copy');
  assert.ok(permalink.endsWith(`#/question/${id}`), permalink);
  await page.goto(permalink);
  await page.locator('.question-page').waitFor();
  assert.match(page.url(), new RegExp(`#/question/${id}$`));
  assert.equal(await page.locator('.q-heading').count(), 0, 'no quiz counter');
  await answerOnItsPage(page, env.bank.get(id));
  await page.locator('.feedback').waitFor();
  assert.match(page.url(), new RegExp(`#/question/${id}$`), 'no results page');
  assert.ok(await page.getByRole('button', { name: /^Quiz on / }).isVisible());
  page.assertClean();
  await context.close();
});

/** A question's own page has no quiz shortcuts: pick the right option, press Submit. */
async function answerOnItsPage(page, q) {
  await page.locator('.option input').nth(rightPositions(q)[0]).check();
  await page.getByRole('button', { name: 'Submit' }).click();
}

test('starting a new quiz keeps the unfinished one; a quiz can be ended early', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const ids = idsOfType(env.bank, 'single', 3);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
  await answerWithKeyboard(page, env.bank.get(ids[0]));
  await page.locator('.feedback').waitFor();
  await page.goto(env.server.url);
  await page.locator('.continue').waitFor();
  await page.locator('button.start').click();
  await page.waitForURL(/#\/q\//);
  assert.match(await page.locator('.notice').innerText(), /unfinished quiz is kept/);
  await page.goto(env.server.url);
  assert.match(await page.locator('.continue').innerText(), /1 of 3 answered/, 'the first quiz is still there');
  assert.equal(await page.locator('.continue li').count(), 2, 'and the new one too');
  // End the newest early: it asks, then shows the results.
  await page.locator('.continue li').first().getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'End quiz' }).click();
  assert.match(await page.locator('.confirm').innerText(), /10 questions are unanswered/);
  await page.getByRole('button', { name: 'Finish anyway' }).click();
  await page.waitForURL(/#\/results$/);
  assert.equal(await page.locator('.score-value').innerText(), '0 / 10');
  page.assertClean();
  await context.close();
});

test("the home page's embed snippet keeps the exam mode", async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.goto(env.server.url);
  await page.getByRole('radio', { name: /Exam/ }).check();
  await page.getByRole('button', { name: 'Embed this quiz' }).click();
  const snippet = await page.locator('textarea.snippet').inputValue();
  assert.match(snippet, /data-mode="exam"/);
  assert.match(snippet, /embed\.js"/);
  page.assertClean();
  await context.close();
});

test('progress counts answers, not position; the live region announces feedback; ? shows the shortcuts', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const ids = idsOfType(env.bank, 'single', 3);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
  await currentId(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('.q-heading').innerText(), 'Question 3 of 3');
  assert.equal(await page.locator('.answered-bar').getAttribute('value'), '0', 'moving is not answering');
  await answerWithKeyboard(page, env.bank.get(ids[2]), { correct: false });
  await page.locator('.feedback').waitFor();
  assert.equal(await page.locator('.answered-bar').getAttribute('value'), '1');
  assert.match(await page.locator('[aria-live=polite]').last().innerText(), /Not quite/);
  assert.ok((await page.locator('.quiz-nav kbd').allInnerTexts()).includes('Enter'), 'keys are shown next to the controls');
  await page.keyboard.press('?');
  await page.locator('.shortcuts').waitFor();
  assert.match(await page.locator('.shortcuts').innerText(), /flag the question for review/);
  await page.getByRole('button', { name: 'Close' }).click();
  assert.equal(await page.locator('.shortcuts').count(), 0);
  page.assertClean();
  await context.close();
});

test('reloading mid-quiz continues where you were, and progress is kept after', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const ids = idsOfType(env.bank, 'single', 4);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
  for (let i = 0; i < 2; i++) {
    await answerWithKeyboard(page, env.bank.get(ids[i]));
    await page.locator('.feedback').waitFor();
    await page.keyboard.press('Enter');
  }
  await expectQuestion(page, ids[2]);
  await page.reload(); // leaving the page writes what the debounce still held
  await expectQuestion(page, ids[2]);
  assert.equal(await page.locator('.q-heading').innerText(), 'Question 3 of 4');
  await page.keyboard.press('ArrowLeft');
  await expectQuestion(page, ids[1]);
  assert.equal(await page.locator('.feedback .verdict').innerText(), '✓ Correct', 'earlier answers survive the reload');

  await page.goto(env.server.url);
  await page.locator('.continue').waitFor();
  assert.match(await page.locator('.continue').innerText(), /2 of 4 answered/);

  await page.locator('.continue').getByRole('button', { name: 'Continue' }).click();
  await page.locator('.q-heading', { hasText: 'Question 2 of 4' }).waitFor();
  await expectQuestion(page, ids[1]); // keys count once the question itself is there
  for (let i = 2; i < 4; i++) {
    await page.keyboard.press('ArrowRight');
    await page.locator('.q-heading', { hasText: `Question ${i + 1} of 4` }).waitFor();
    await answerWithKeyboard(page, env.bank.get(ids[i]), { correct: false });
    await page.locator('.feedback').waitFor();
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
  page.assertClean();
  await context.close();
});

test('a share link opens the same questions in the same order in a fresh browser', async () => {
  const first = await env.browser.newContext();
  const page = await watchedPage(first);
  await page.goto(env.server.url);
  await page.locator('button.start').click();
  await page.waitForURL(/#\/q\//);
  const seen = [];
  for (let i = 0; i < 10; i++) {
    await page.locator('.q-heading', { hasText: `Question ${i + 1} of` }).waitFor();
    const id = await currentId(page);
    seen.push(id);
    await answerWithKeyboard(page, env.bank.get(id));
    await page.locator('.feedback, .flashcard.revealed').first().waitFor();
    await page.keyboard.press('Enter');
  }
  await page.waitForURL(/#\/results$/);
  const link = await page.getByRole('button', { name: 'Share this quiz' }).getAttribute('data-copy');
  assert.match(link, /#\/q\/[a-z0-9.-]+$/);
  const order = link.split('#/q/')[1].split('.');
  assert.deepEqual(order, seen);

  const fresh = await env.browser.newContext();
  const friend = await watchedPage(fresh);
  await openQuiz(friend, link);
  const got = [];
  for (let i = 0; i < order.length; i++) {
    await friend.locator('.q-heading', { hasText: `Question ${i + 1} of` }).waitFor();
    got.push(await currentId(friend));
    // Skip rather than an arrow key: in a short answer's text box arrows move the caret.
    if (i < order.length - 1) await friend.getByRole('button', { name: 'Skip' }).click();
  }
  assert.deepEqual(got, order);
  assert.equal(friend.url(), link, 'the address is still the link');
  page.assertClean();
  friend.assertClean();
  await first.close();
  await fresh.close();
});

test('links: deleted questions are left out with a notice; broken links explain themselves', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const [a, b] = [...env.bank.keys()];
  await openQuiz(page, `${env.server.url}#/q/${a}.gone-999.${b}`);
  await currentId(page);
  assert.match(await page.locator('.notice').innerText(), /1 question in this quiz no longer exists and was left out/);
  assert.equal(await page.locator('.q-heading').innerText(), 'Question 1 of 2');

  await page.goto(`${env.server.url}#/q/BAD!!`);
  await page.locator('.link-error').waitFor();
  assert.match(await page.locator('.link-error').innerText(), /This link does not work/);
  await page.waitForFunction(() => document.title === 'Broken link · pyquiz');
  await page.locator('.link-error a').click();
  await page.locator('button.start').waitFor();

  await page.goto(`${env.server.url}#/q/gone-1.gone-2`);
  await page.locator('.link-error').waitFor();
  assert.match(await page.locator('.link-error').innerText(), /None of the questions in this link exist/);

  await page.goto(`${env.server.url}#/score/3-2/${a}.${b}`);
  // The card before said something else: wait for this one's words.
  await page.locator('.link-error', { hasText: 'score link is damaged' }).waitFor();
  await page.goto(`${env.server.url}#/score/1-2/${a}.${b}`);
  assert.match(await page.locator('.score-share h1').innerText(), /1 \/ 2/);
  page.assertClean();
  await context.close();
});

test('a hostile link of 300,000 ids is refused with a message, and the page keeps working', async () => {
  // How little work the refusal takes is counted natively (share::link tests); here the reader
  // must see the message and be able to go on.
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.goto(env.server.url);
  await page.locator('button.start').waitFor();
  const ids = Array.from({ length: 300_000 }, (_, i) => `q${i}`).join('.');
  await page.evaluate((hash) => { location.hash = hash; }, `/q/${ids}`);
  await page.locator('.link-error').waitFor({ timeout: 15_000 });
  assert.match(await page.locator('.link-error').innerText(), /names 300000 questions; at most 100/);
  await page.evaluate(() => { location.hash = '/'; });
  await page.locator('button.start').waitFor();
  page.assertClean();
  await context.close();
});

test('phone widths (320 and 390 px): no horizontal scrolling, and the progress table shows every column', async () => {
  for (const width of [320, 390]) {
    const context = await env.browser.newContext({ viewport: { width, height: 700 } });
    const page = await watchedPage(context);
    const ids = oneOfEachType(env.bank);
    for (const path of [`#/q/${ids[2]}`, '', '#/progress', '#/browse']) {
      // The quiz itself, past the card that introduces a shared one.
      if (path.startsWith('#/q/')) await openQuiz(page, `${env.server.url}${path}`);
      else await page.goto(`${env.server.url}${path}`);
      await page.locator('main h1, .q-heading').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path || 'home'} at ${width}px is ${overflow}px too wide`);
    }
    await page.goto(`${env.server.url}#/progress`);
    const due = page.locator('.topic-table td[data-label=Due]').first();
    await due.waitFor();
    assert.ok(await due.isVisible(), 'the Due column is shown');
    await shot(page, `progress-${width}`);
    page.assertClean();
    await context.close();
  }
});

test('skipping questions: they show as skipped and count as missed', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const ids = idsOfType(env.bank, 'output', 3);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
  await currentId(page);
  await page.getByRole('button', { name: 'Skip' }).click();
  await answerWithKeyboard(page, env.bank.get(ids[1]));
  await page.locator('.feedback').waitFor();
  await page.keyboard.press('Enter');
  await expectQuestion(page, ids[2]);
  await page.getByRole('button', { name: 'End quiz' }).click();
  await page.getByRole('button', { name: 'Finish anyway' }).click();
  await page.waitForURL(/#\/results$/);
  assert.equal(await page.locator('.score-value').innerText(), '1 / 3');
  assert.equal(await page.locator('.review-item.skipped').count(), 2);
  assert.ok(await page.getByRole('button', { name: 'Retry the 2 I missed' }).isVisible());
  page.assertClean();
  await context.close();
});

test('the review of a finished exam shows the answer of every skipped question', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const [single, short, flash] = ['single', 'short', 'flashcard'].map((t) => idsOfType(env.bank, t, 1)[0]);
  await openQuiz(page, `${env.server.url}#/q/${single}.${short}.${flash}/exam`);
  await expectQuestion(page, single);
  await page.getByRole('button', { name: 'End quiz' }).click();
  await page.getByRole('button', { name: 'Finish anyway' }).click();
  await page.waitForURL(/#\/results$/);
  const items = page.locator('.review-item');
  for (let i = 0; i < 3; i++) await items.nth(i).locator(':scope > details > summary').click();
  const first = items.nth(0);
  assert.equal(await first.locator('.option.missed').count(), rightPositions(env.bank.get(single)).length, 'the right option is marked');
  assert.match(await first.locator('.feedback.skipped').innerText(), /Skipped/);
  assert.match(await items.nth(1).locator('.expected').innerText(), new RegExp(`The answer is ${env.bank.get(short).body.answers[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.ok(await items.nth(2).locator('.model-answer').isVisible(), "the flashcard's model answer");
  assert.equal(await items.nth(2).locator('.grade:enabled').count(), 0, 'and nothing to grade any more');
  page.assertClean();
  await context.close();
});

test('dialogs by keyboard: focus moves in, Escape closes, focus comes back; ? toggles the shortcuts', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const ids = idsOfType(env.bank, 'single', 2);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}/exam`);
  await expectQuestion(page, ids[0]);
  await page.getByRole('button', { name: 'End quiz' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('.confirm .keep-going:focus').waitFor();
  assert.match(await page.locator('.confirm').innerText(), /2 questions are unanswered/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.confirm').count(), 0);
  // Back on the question, not on End quiz, where the next Enter would ask again.
  await page.locator('.q-heading:focus').waitFor();
  // One question left unanswered: the sentence agrees with the number and says what finishing does.
  await answerWithKeyboard(page, env.bank.get(ids[0]));
  await expectQuestion(page, ids[1]);
  await page.getByRole('button', { name: 'End quiz' }).click();
  assert.equal(await page.locator('#confirm-text').innerText(),
    '1 question is unanswered: finishing now hands in the exam, counts it as skipped and shows your results.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await page.locator('.shortcuts .close:focus').waitFor();
  await page.keyboard.press('?');
  assert.equal(await page.locator('.shortcuts').count(), 0, '? hides it again');
  await page.keyboard.press('?');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.shortcuts').count(), 0);
  // Back on the question, not on the `?` button, where Enter would open the list again.
  await page.locator('.q-heading:focus').waitFor();
  page.assertClean();
  await context.close();
});

test("a question's own page takes the quiz keys; the home page counts an exam's answers", async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const id = idsOfType(env.bank, 'output', 1)[0];
  await page.goto(`${env.server.url}#/question/${id}`);
  await page.locator('.question-page .prompt').waitFor();
  await page.keyboard.press(String(rightPositions(env.bank.get(id))[0] + 1));
  await page.keyboard.press('Enter');
  assert.match(await page.locator('.feedback').innerText(), /Correct/);

  const ids = idsOfType(env.bank, 'single', 3);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}/exam`);
  await answerWithKeyboard(page, env.bank.get(ids[0]));
  await expectQuestion(page, ids[1]);
  await page.goto(env.server.url);
  const saved = await page.locator('.continue li').first().innerText();
  assert.match(saved, /Exam quiz on .+: 1 of 3 answered, at question 2/);
  await page.goto(`${env.server.url}#/score/abc`);
  assert.match(await page.locator('.link-error').innerText(), /score link is damaged/, 'a cut-short score link is a broken link, not a missing page');
  page.assertClean();
  await context.close();
});
