// Exams and their answers (issue 14): the gotcha tag kept for after the answer (L21), the exam
// grid (L11), self-graded flashcards in exam scores (L12), and "Finish the quiz?", which counts
// only really unanswered questions and says what finishing does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, watchedPage, shot, idsOfType, expectQuestion, answerWithKeyboard,
  assertAccessible, horizontalOverflow, flushSaves, openQuiz,
} from './harness.mjs';
import { singleIds, answerDigits, tops, lefts } from './quiz-helpers.mjs';

const env = useBrowser();
const singles = (n) => singleIds(env.bank, n);
const digits = (id) => answerDigits(env.bank, id);

/** Answers `a`, moves on to `b` and leaves an answer picked there but not submitted (saved),
 * then holds back `b`'s topic chunk. The returned function checks that chunk was asked for and
 * lets it through. */
async function leaveDraftWithItsTopicHeld(page, a, b) {
  await page.keyboard.press(digits(a).right);
  await page.keyboard.press('Enter');
  await expectQuestion(page, b);
  await page.keyboard.press(digits(b).right); // a draft, left on screen
  await flushSaves(page);
  let held;
  await page.route(`**/bank/${env.bank.get(b).topic}.*`, (route) => { held = route; });
  return async () => {
    assert.ok(held, 'the held download was asked for');
    await held.continue();
  };
}

test('the gotcha tag shows after a practice answer, never during an exam, and in the exam review', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const gotchas = [...env.bank.values()].filter((q) => q.body.type === 'single' && q.tags?.includes('gotcha')).map((q) => q.id).slice(0, 2);
  assert.equal(gotchas.length, 2, 'the bank has gotcha questions');
  const badge = page.locator('.question-card .badge.gotcha');

  await openQuiz(page, `${env.server.url}#/q/${gotchas.join('.')}`);
  await expectQuestion(page, gotchas[0]);
  assert.equal(await badge.count(), 0, 'not before answering: it would give the trap away');
  await page.keyboard.press(digits(gotchas[0]).wrong);
  assert.equal(await badge.count(), 0, 'not for a pick either');
  await page.keyboard.press('Enter');
  await page.locator('.feedback').waitFor();
  assert.equal(await badge.innerText(), 'gotcha', 'with the feedback');

  await openQuiz(page, `${env.server.url}#/q/${gotchas.join('.')}/exam`);
  await expectQuestion(page, gotchas[0]);
  assert.equal(await badge.count(), 0);
  await page.keyboard.press(digits(gotchas[0]).right);
  await page.keyboard.press('Enter');
  await expectQuestion(page, gotchas[1]);
  assert.equal(await badge.count(), 0);
  await page.keyboard.press('ArrowLeft');
  await expectQuestion(page, gotchas[0]);
  assert.equal(await badge.count(), 0, 'an answered exam question still hides it');
  await page.getByRole('button', { name: 'End quiz' }).click();
  await page.getByRole('button', { name: 'Finish anyway' }).click();
  await page.waitForURL(/#\/results$/);
  const first = page.locator('.review-item').first();
  await first.locator(':scope > details > summary').click();
  assert.equal(await first.locator('.badge.gotcha').innerText(), 'gotcha', 'the exam is over: the review explains the trap');
  page.assertClean();
  await context.close();
});

test('exam grid on a desktop: filled answers, flags, the current question, a legend and even rows', async () => {
  for (const scheme of ['light', 'dark']) {
    const context = await env.browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const page = await watchedPage(context);
    const ids = singles(18);
    await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}/exam`);
    await expectQuestion(page, ids[0]);
    assert.ok(!(await page.locator('.grid-toggle').isVisible()), 'no toggle on a wide screen');
    for (const i of [0, 1, 2]) {
      await expectQuestion(page, ids[i]);
      await page.keyboard.press(digits(ids[i]).right);
      if (i === 1) await page.keyboard.press('f');
      await page.keyboard.press('Enter');
    }
    await expectQuestion(page, ids[3]);
    await page.keyboard.press('f'); // flagged, not answered
    await page.locator('.q-grid .cell.current.flagged').waitFor();
    const cells = page.locator('.q-grid .cell');
    const fill = (i) => cells.nth(i).evaluate((b) => getComputedStyle(b).backgroundColor);
    const [answered, unanswered, flagged, later] = [await fill(0), await fill(5), await fill(3), await fill(6)];
    assert.notEqual(answered, unanswered, 'answered cells are filled');
    assert.notEqual(flagged, unanswered, 'a flagged cell stands out');
    assert.notEqual(flagged, answered);
    assert.equal(unanswered, later);
    assert.notEqual(await cells.nth(3).evaluate((b) => getComputedStyle(b).boxShadow), 'none', 'the current cell is ringed');
    assert.equal(await cells.nth(4).evaluate((b) => getComputedStyle(b).boxShadow), 'none');
    assert.match(await cells.nth(1).getAttribute('aria-label'), /Question 2, answered, flagged/);
    assert.equal(await page.locator('.grid-legend').innerText().then((t) => t.replace(/\s+/g, ' ').trim()), 'answered not answered current flagged');
    const rows = Object.values((await tops(page, '.q-grid .cell')).reduce((n, y) => ({ ...n, [y]: (n[y] ?? 0) + 1 }), {}));
    assert.deepEqual(rows, [9, 9], '18 questions: two rows of 9');
    await assertAccessible(page, `exam grid (${scheme})`);
    if (scheme === 'light') await shot(page, 'exam-grid-desktop');
    page.assertClean();
    await context.close();
  }
});

test('exam grid on a 390 px phone: folded away under a toggle that counts, the question in view', async () => {
  for (const scheme of ['light', 'dark']) {
    const context = await env.browser.newContext({ colorScheme: scheme, viewport: { width: 390, height: 844 } });
    const page = await watchedPage(context);
    const ids = singles(50);
    await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}/exam`);
    await expectQuestion(page, ids[0]);
    const toggle = page.locator('.grid-toggle');
    assert.equal((await toggle.innerText()).replace('▾', '').trim(), 'Questions (0 of 50 answered)');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.ok(!(await page.locator('.q-grid .cell').first().isVisible()), 'collapsed by default');
    const options = await page.locator('.options').boundingBox();
    assert.ok(options.y < 844, `the options start on the first screen (y=${options.y})`);
    for (const i of [0, 1]) {
      await page.keyboard.press(digits(ids[i]).right);
      await page.keyboard.press('Enter');
      await expectQuestion(page, ids[i + 1]);
    }
    await page.keyboard.press('f');
    await page.locator('.grid-toggle', { hasText: 'Questions (2 of 50 answered, 1 flagged)' }).waitFor();
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.locator('.q-grid .cell').first().waitFor({ state: 'visible' });
    assert.ok(await page.locator('.grid-legend').isVisible());
    const counts = Object.values((await tops(page, '.q-grid .cell')).reduce((n, y) => ({ ...n, [y]: (n[y] ?? 0) + 1 }), {}));
    assert.ok(counts.slice(0, -1).every((c) => c === counts[0]) && counts.at(-1) <= counts[0], `rows wrap evenly: ${counts}`);
    assert.ok(await horizontalOverflow(page) <= 0);
    await assertAccessible(page, `exam grid open at 390 px (${scheme})`);
    if (scheme === 'light') await shot(page, 'exam-grid-390');
    // A tap on a cell goes there and folds the grid away again.
    await page.getByRole('button', { name: 'Question 10, not answered' }).click();
    await expectQuestion(page, ids[9]);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.ok(!(await page.locator('.q-grid .cell').first().isVisible()));
    await assertAccessible(page, `exam grid folded at 390 px (${scheme})`);
    page.assertClean();
    await context.close();
  }
});

test('a self-graded flashcard in an exam is marked as such and not counted as right; the results say so', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const [single, card, short] = ['single', 'flashcard', 'short'].map((t) => idsOfType(env.bank, t, 1)[0]);
  await openQuiz(page, `${env.server.url}#/q/${single}.${card}.${short}/exam`);
  await expectQuestion(page, single);
  await answerWithKeyboard(page, env.bank.get(single));
  await expectQuestion(page, card);
  await page.keyboard.press('Space');
  await page.locator('.grades').waitFor();
  await page.keyboard.press('3'); // Good: final at once, and the exam moves on
  await expectQuestion(page, short);
  await answerWithKeyboard(page, env.bank.get(short)); // the last: Enter finishes
  await page.waitForURL(/#\/results$/);
  assert.equal(await page.locator('.score-value').innerText(), '2 / 3', 'the flashcard adds no point');
  assert.equal(await page.locator('.self-graded-note').innerText(),
    "1 self-graded flashcard is not counted as right: an exam's score counts only answers pyquiz can check. Your grade still schedules its review.");
  const verdicts = await page.locator('.review-item summary .verdict').allInnerTexts();
  assert.deepEqual(verdicts, ['✓ Right', 'Self-graded: Good', '✓ Right']);
  const x = await lefts(page, '.review-item summary .review-prompt');
  assert.equal(new Set(x).size, 1, `the longer verdict keeps to its column: prompts at ${x}`);
  await shot(page, 'exam-results-self-graded');
  assert.ok(!(await page.getByRole('button', { name: /Retry the/ }).isVisible()), 'a card graded Good is nothing to retry');
  await assertAccessible(page, 'exam results with a self-graded flashcard');
  // The grade still went into the learner's history, as before.
  await flushSaves(page);
  await page.goto(`${env.server.url}#/progress`);
  await page.reload();
  assert.equal(await page.locator('[data-stat=answered]').innerText(), '3');
  // Practice keeps counting the learner's own grade, with no note.
  await openQuiz(page, `${env.server.url}#/q/${card}`);
  await expectQuestion(page, card);
  await answerWithKeyboard(page, env.bank.get(card));
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/results$/);
  assert.equal(await page.locator('.score-value').innerText(), '1 / 1');
  assert.equal(await page.locator('.self-graded-note').count(), 0);
  page.assertClean();
  await context.close();
});

test('"Finish anyway?" does not count drafts waiting for their question as skipped', async () => {
  // Two topics: the second one's questions are held back after the reload.
  const [b, c] = singles(2);
  const slow = env.bank.get(b).topic;
  const a = singles(60).find((id) => env.bank.get(id).topic !== slow);
  assert.equal(env.bank.get(c).topic, slow);
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await watchedPage(context);
  await openQuiz(page, `${env.server.url}#/q/${a}.${b}.${c}/exam`);
  await expectQuestion(page, a);
  const release = await leaveDraftWithItsTopicHeld(page, a, b);
  // Reopened at #/quiz, the quiz page's old address, which sends it on to its own link. Set
  // without a hashchange, so this page stays put and the reload always starts there (the
  // redirect used to be made before the router listened, and hung on "Opening the quiz…").
  await page.evaluate(() => history.replaceState(null, '', '#/quiz'));
  await page.reload();
  await page.waitForURL(/#\/q\/[^/]+\/exam$/);
  await page.locator('.q-heading', { hasText: 'Question 2 of 3' }).waitFor();
  await page.locator('.loading').waitFor();
  assert.equal(await page.locator('.answered-count').innerText(), '2 of 3 answered', 'the waiting draft is an answer');
  await page.getByRole('button', { name: 'End quiz' }).click();
  assert.equal(await page.locator('#confirm-text').innerText(), '1 question is unanswered: finishing now hands in the exam, counts it as skipped and shows your results.');
  await page.getByRole('button', { name: 'Finish anyway' }).click();
  await page.locator('.finishing').waitFor();
  await release();
  await page.waitForURL(/#\/results$/);
  assert.equal(await page.locator('.score-value').innerText(), '2 / 3', 'both drafts were graded');
  assert.equal(await page.locator('.review-item.skipped').count(), 1);
  page.assertClean();
  await context.close();
});

test('a timed exam reopened after its deadline grades a draft whose question is still downloading, never as skipped', async () => {
  // B4: the clock ran out while the learner was away; handing the exam in used to turn the draft
  // of a question whose chunk had not arrived yet into a skip (and a lapse for FSRS).
  const T0 = new Date('2026-11-02T09:00:00Z');
  const [b] = singles(1);
  const slow = env.bank.get(b).topic;
  const a = singles(60).find((id) => env.bank.get(id).topic !== slow);
  const context = await env.browser.newContext({ serviceWorkers: 'block', timezoneId: 'UTC' });
  const page = await watchedPage(context);
  await page.clock.install({ time: T0.getTime() - 60_000 });
  await page.clock.pauseAt(T0);
  await page.goto(env.server.url);
  await page.getByRole('radio', { name: /Exam/ }).check();
  await page.locator('.modes select').selectOption('10');
  await openQuiz(page, `${env.server.url}#/q/${a}.${b}/exam`);
  assert.equal(await page.locator('.timer').innerText(), '10:00 left');
  const release = await leaveDraftWithItsTopicHeld(page, a, b);
  await page.clock.setSystemTime(new Date(T0.getTime() + 20 * 60_000)); // away for twenty minutes
  await page.reload();
  await page.locator('.finishing').waitFor();
  await release();
  await page.waitForURL(/#\/results$/);
  assert.match(await page.locator('.timed-out').innerText(), /Time ran out/);
  assert.equal(await page.locator('.score-value').innerText(), '2 / 2', 'the draft was graded once its question arrived');
  assert.equal(await page.locator('.review-item.skipped').count(), 0);
  page.assertClean();
  await context.close();
});
