// The quiz runner as a learner drives it, for the frictions of the UX tour (issue 14): Enter
// that always answers (L1), arrows from the heading (L10), tags kept for after the answer
// (L21), the exam grid (L11), self-graded flashcards in exam scores (L12), phones (L19), and
// a finish that counts only really unanswered questions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, watchedPage, shot, idsOfType, currentId, expectQuestion, answerWithKeyboard,
  rightPositions, assertAccessible, horizontalOverflow, flushSaves, SHOTS,
} from './harness.mjs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const env = useBrowser();

/** What has focus, in words a failure message can show. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}#${el.id}` : 'none';
});

/** Single-choice questions whose options the keyboard picks by digit. */
const singles = (n) => idsOfType(env.bank, 'single', n);

/** A right and a wrong option's digit for question `id`. */
const digits = (id) => {
  const q = env.bank.get(id);
  return { right: String(rightPositions(q)[0] + 1), wrong: String(q.body.options.findIndex((o) => !o.correct) + 1) };
};

/** Tops of the visible elements matching `selector` under `scope`, rounded. */
const tops = (scope, selector) => scope.locator(selector).evaluateAll((els) => els
  .filter((el) => el.getClientRects().length > 0)
  .map((el) => Math.round(el.getBoundingClientRect().top)));

test('Enter answers after the shortcut list closes (Escape, ?, Close), after Bookmark and after Copy link', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 720 } });
  const page = await watchedPage(context);
  const ids = singles(6);
  await page.goto(`${env.server.url}#/q/${ids.join('.')}`);
  const answerWith = async (i, close, name) => {
    await expectQuestion(page, ids[i]);
    await page.locator('.q-heading:focus').waitFor();
    await page.keyboard.press(digits(ids[i]).right);
    await close();
    await page.keyboard.press('Enter');
    await page.locator('.feedback').waitFor();
    assert.equal(await page.locator('.shortcuts').count(), 0, `question ${i + 1}: Enter did not open the list again`);
    assert.equal(await page.locator('.feedback .verdict').innerText(), '✓ Correct', `question ${i + 1}: the pick was submitted`);
    if (name) await shot(page, name);
    await page.keyboard.press('Enter'); // and Enter goes on
  };

  // Escape. The list opens as a modal near the top of the window; the page does not scroll.
  await answerWith(0, async () => {
    await page.evaluate(() => scrollTo(0, 200));
    const scrolled = await page.evaluate(() => scrollY);
    await page.keyboard.press('?');
    const dialog = page.locator('dialog.shortcuts');
    await dialog.waitFor();
    assert.ok(await dialog.evaluate((d) => d.matches(':modal')), 'a modal dialog');
    const box = await dialog.boundingBox();
    assert.ok(box.y >= 0 && box.y < 120 && box.y + box.height <= 720, `in view near the top (y=${box.y}, height ${box.height})`);
    assert.equal(await page.evaluate(() => scrollY), scrolled, 'the question was not scrolled away');
    await page.locator('.shortcuts .close:focus').waitFor();
    await shot(page, 'quiz-shortcuts-open');
    await page.keyboard.press('Escape');
    await page.locator('.shortcuts').waitFor({ state: 'detached' });
    assert.match(await focused(page), /^h1\.q-heading/, 'focus is back on the question');
  }, 'quiz-keyboard-after-help');
  // `?` again.
  await answerWith(1, async () => {
    await page.keyboard.press('?');
    await page.locator('.shortcuts .close:focus').waitFor();
    await page.keyboard.press('?');
    await page.locator('.shortcuts').waitFor({ state: 'detached' });
  });
  // The mouse: the `?` button, then Close. Neither keeps focus.
  await answerWith(2, async () => {
    await page.locator('.help-button').click();
    await page.getByRole('button', { name: 'Close' }).click();
    await page.locator('.shortcuts').waitFor({ state: 'detached' });
    assert.match(await focused(page), /^h1\.q-heading/);
  });
  // Bookmark: Enter must not un-bookmark the question.
  await answerWith(3, async () => {
    await page.getByRole('button', { name: '☆ Bookmark' }).click();
    await page.getByRole('button', { name: '★ Bookmarked' }).waitFor();
    assert.match(await focused(page), /^h1\.q-heading/, 'the toolbar lets go of focus');
  });
  await expectQuestion(page, ids[4]);
  await page.keyboard.press('ArrowLeft');
  await expectQuestion(page, ids[3]);
  assert.equal(await page.locator('.bookmark').getAttribute('aria-pressed'), 'true', 'still bookmarked');
  await page.keyboard.press('ArrowRight');
  // Copy link: Enter must not copy again.
  await answerWith(4, async () => {
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.locator('.copy-status', { hasText: 'Copied!' }).waitFor();
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), new RegExp(`#/question/${ids[4]}$`));
    await page.evaluate(() => navigator.clipboard.writeText('left alone'));
    assert.match(await focused(page), /^h1\.q-heading/);
  });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'left alone', 'Enter did not copy again');
  // Keyboard users still reach the toolbar with Tab; it gives focus back once used.
  await expectQuestion(page, ids[5]);
  await page.locator('.q-heading:focus').waitFor();
  await page.keyboard.press(digits(ids[5]).wrong);
  await page.locator('.bookmark').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '★ Bookmarked' }).waitFor();
  await page.locator('.q-heading:focus').waitFor();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.feedback .verdict').innerText(), '✗ Not quite');
  assert.match(await focused(page), /^button\.primary/, 'after an answer focus rests on Next');
  // …also after the toolbar is used on an answered question.
  await page.locator('.bookmark').click();
  await page.getByRole('button', { name: '☆ Bookmark' }).waitFor();
  assert.match(await focused(page), /^button\.primary/);
  page.assertClean();
  await context.close();
});

test('Keep going, a flag or a hint gives focus back too, so Enter answers', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const hinted = [...env.bank.values()].find((q) => q.body.type === 'single' && q.hint);
  const ids = singles(3).filter((id) => id !== hinted.id).slice(0, 2);
  await page.goto(`${env.server.url}#/q/${hinted.id}`);
  await expectQuestion(page, hinted.id);
  await page.keyboard.press(digits(hinted.id).right);
  // "Finish the quiz?" says in one sentence what finishing does; Keep going leaves the question
  // with focus, not End quiz (where Enter would ask again).
  await page.getByRole('button', { name: 'End quiz' }).click();
  assert.equal(await page.locator('#confirm-text').innerText(),
    '1 question is unanswered: finishing now ends the quiz, counts it as skipped and shows your results.');
  await page.getByRole('button', { name: 'Keep going' }).click();
  await page.locator('.confirm').waitFor({ state: 'detached' });
  await page.locator('.q-heading:focus').waitFor();
  await page.getByRole('button', { name: /Show a hint/ }).click();
  await page.locator('.hint').waitFor();
  await page.locator('.q-heading:focus').waitFor();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.feedback .verdict').innerText(), '✓ Correct');

  await page.goto(`${env.server.url}#/q/${ids.join('.')}/exam`);
  await expectQuestion(page, ids[0]);
  await page.keyboard.press(digits(ids[0]).right);
  await page.getByRole('button', { name: 'Flag for review' }).click();
  await page.getByRole('button', { name: 'Flagged', exact: true }).waitFor();
  await page.locator('.q-heading:focus').waitFor();
  await page.keyboard.press('Enter'); // Save and next, not un-flag
  await expectQuestion(page, ids[1]);
  assert.match(await page.locator('.q-grid .cell').first().getAttribute('aria-label'), /Question 1, answered, flagged/);
  page.assertClean();
  await context.close();
});

test('↑ and ↓ move between the options from the heading and the toolbar, for radio buttons and checkboxes', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const single = singles(1)[0];
  const multi = [...env.bank.values()].find((q) => q.body.type === 'multi' && q.body.options.length >= 3);
  await page.goto(`${env.server.url}#/q/${single}.${multi.id}`);
  await expectQuestion(page, single);
  await page.locator('.q-heading:focus').waitFor();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), `input.#opt-${single}-0`, 'the first option');
  await page.keyboard.press('ArrowDown'); // a radio group moves (and picks) by itself
  assert.equal(await focused(page), `input.#opt-${single}-1`);
  assert.ok(await page.locator(`#opt-${single}-1`).isChecked());
  // From the toolbar, ↑ comes back to the pick.
  await page.locator('.bookmark').focus();
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), `input.#opt-${single}-1`, 'at the pick');
  await page.keyboard.press('Enter');
  await page.locator('.feedback').waitFor();
  assert.ok((await page.locator('.option').nth(1).getAttribute('class')).includes('picked'));
  await page.keyboard.press('Enter');

  await expectQuestion(page, multi.id);
  await page.locator('.q-heading:focus').waitFor();
  const last = multi.body.options.length - 1;
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), `input.#opt-${multi.id}-${last}`, 'from the heading ↑ goes to the last option');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), `input.#opt-${multi.id}-0`, 'and wraps around');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  assert.deepEqual(await page.locator('.options input').evaluateAll((els) => els.map((e) => e.checked)).then((c) => c.slice(0, 3)), [true, true, false]);
  await page.keyboard.press('Enter');
  await page.locator('.feedback').waitFor();
  assert.equal(await page.locator('.option.picked').count(), 2, 'both picks were submitted');
  // The theme menu keeps its own arrows.
  const menu = page.getByRole('combobox', { name: 'Colour scheme' });
  await menu.focus();
  await page.keyboard.press('ArrowDown');
  assert.match(await focused(page), /^select/);
  page.assertClean();
  await context.close();
});

test('the gotcha tag shows after a practice answer, never during an exam, and in the exam review', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const gotchas = [...env.bank.values()].filter((q) => q.body.type === 'single' && q.tags?.includes('gotcha')).map((q) => q.id).slice(0, 2);
  assert.equal(gotchas.length, 2, 'the bank has gotcha questions');
  const badge = page.locator('.question-card .badge.gotcha');

  await page.goto(`${env.server.url}#/q/${gotchas.join('.')}`);
  await expectQuestion(page, gotchas[0]);
  assert.equal(await badge.count(), 0, 'not before answering: it would give the trap away');
  await page.keyboard.press(digits(gotchas[0]).wrong);
  assert.equal(await badge.count(), 0, 'not for a pick either');
  await page.keyboard.press('Enter');
  await page.locator('.feedback').waitFor();
  assert.equal(await badge.innerText(), 'gotcha', 'with the feedback');

  await page.goto(`${env.server.url}#/q/${gotchas.join('.')}/exam`);
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
    await page.goto(`${env.server.url}#/q/${ids.join('.')}/exam`);
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
    await page.goto(`${env.server.url}#/q/${ids.join('.')}/exam`);
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
  await page.goto(`${env.server.url}#/q/${single}.${card}.${short}/exam`);
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
  assert.ok(!(await page.getByRole('button', { name: /Retry the/ }).isVisible()), 'a card graded Good is nothing to retry');
  await assertAccessible(page, 'exam results with a self-graded flashcard');
  // The grade still went into the learner's history, as before.
  await flushSaves(page);
  await page.goto(`${env.server.url}#/progress`);
  await page.reload();
  assert.equal(await page.locator('[data-stat=answered]').innerText(), '3');
  // Practice keeps counting the learner's own grade, with no note.
  await page.goto(`${env.server.url}#/q/${card}`);
  await expectQuestion(page, card);
  await answerWithKeyboard(page, env.bank.get(card));
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/results$/);
  assert.equal(await page.locator('.score-value').innerText(), '1 / 1');
  assert.equal(await page.locator('.self-graded-note').count(), 0);
  page.assertClean();
  await context.close();
});

test('on a 390 px touch screen: no key hints, the nav on one row, the toolbar on one row', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await watchedPage(context);
  const ids = singles(3);
  const oneRow = async (selector, label) => {
    const ys = await tops(page, selector);
    assert.ok(ys.length >= 2, `${label}: ${ys.length} items`);
    assert.ok(Math.max(...ys) - Math.min(...ys) <= 4, `${label} on one row: tops ${ys}`);
  };
  await page.goto(`${env.server.url}#/q/${ids.join('.')}`);
  await expectQuestion(page, ids[0]);
  assert.equal(await page.locator('.help-button').isVisible(), false, 'no ? button');
  assert.deepEqual(await tops(page, 'button kbd'), [], 'no key hints in buttons');
  await oneRow('.quiz-nav > button', 'practice nav (Previous, Skip, End quiz, Submit)');
  await oneRow('.question-links > *:not(.copy-status)', 'toolbar');
  await page.getByRole('button', { name: 'Copy link' }).tap();
  await page.locator('.copy-status', { hasText: 'Copied!' }).waitFor();
  await oneRow('.question-links .copy-link button, .question-links .bookmark, .question-links .report', 'toolbar with "Copied!"');
  await page.locator('.option label').nth(rightPositions(env.bank.get(ids[0]))[0]).tap();
  // The window's own pixels: a full-page capture drops the touch emulation while it draws.
  await page.setViewportSize({ width: 390, height: 1200 });
  assert.equal(await page.locator('.help-button').isVisible(), false, 'still a touch screen');
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'quiz-390-touch.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Submit' }).tap();
  await page.locator('.feedback').waitFor();
  await oneRow('.quiz-nav > button', 'nav after an answer');
  assert.ok(await horizontalOverflow(page) <= 0);

  await page.goto(`${env.server.url}#/q/${ids.join('.')}/exam`);
  await expectQuestion(page, ids[0]);
  await page.getByRole('button', { name: 'Save and next' }).tap();
  await expectQuestion(page, ids[1]);
  await oneRow('.quiz-nav > button', 'exam nav (Previous, Flag, End quiz, Save and next)');
  assert.equal(await page.getByRole('button', { name: 'Flag for review' }).count(), 1, 'the short label keeps its full name');
  await page.getByRole('button', { name: 'Flag for review' }).tap();
  await oneRow('.quiz-nav > button', 'exam nav with Flagged');
  assert.deepEqual(await tops(page, 'button kbd'), []);
  await assertAccessible(page, 'exam on a touch phone');
  page.assertClean();
  await context.close();
});

test('without touch, 390 and 320 px: the nav fits (one row at 390), nothing scrolls sideways; a desktop shows key hints', async () => {
  for (const width of [390, 320]) {
    const context = await env.browser.newContext({ viewport: { width, height: 700 } });
    const page = await watchedPage(context);
    const ids = singles(3);
    for (const path of [ids.join('.'), `${ids.join('.')}/exam`]) {
      await page.goto(`${env.server.url}#/q/${path}`);
      await expectQuestion(page, ids[0]);
      await page.keyboard.press('ArrowRight');
      await expectQuestion(page, ids[1]);
      assert.ok(await horizontalOverflow(page) <= 0, `${path} at ${width}px`);
      if (width === 390) {
        const ys = await tops(page, '.quiz-nav > button');
        assert.ok(Math.max(...ys) - Math.min(...ys) <= 4, `${path}: the nav on one row (${ys})`);
      }
    }
    page.assertClean();
    await context.close();
  }
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  await page.goto(`${env.server.url}#/q/${singles(2).join('.')}`);
  await currentId(page);
  assert.ok(await page.locator('.help-button').isVisible());
  assert.deepEqual(await page.locator('.quiz-nav kbd:visible').allInnerTexts(), ['←', 'Enter']);
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
  await page.goto(`${env.server.url}#/q/${a}.${b}.${c}/exam`);
  await expectQuestion(page, a);
  await page.keyboard.press(digits(a).right);
  await page.keyboard.press('Enter');
  await expectQuestion(page, b);
  await page.keyboard.press(digits(b).right); // a draft, left on screen
  await flushSaves(page);
  let release;
  await page.route(`**/bank/${slow}.*`, (route) => { release = () => route.continue(); });
  // Reopened at #/quiz, where Home's Continue takes it.
  await page.goto(`${env.server.url}#/quiz`);
  await page.reload();
  await page.locator('.q-heading', { hasText: 'Question 2 of 3' }).waitFor();
  await page.locator('.loading').waitFor();
  assert.equal(await page.locator('.answered-count').innerText(), '2 of 3 answered', 'the waiting draft is an answer');
  await page.getByRole('button', { name: 'End quiz' }).click();
  assert.equal(await page.locator('#confirm-text').innerText(), '1 question is unanswered: finishing now hands in the exam, counts it as skipped and shows your results.');
  await page.getByRole('button', { name: 'Finish anyway' }).click();
  await page.locator('.finishing').waitFor();
  assert.ok(release, 'the held download was asked for');
  await release();
  await page.waitForURL(/#\/results$/);
  assert.equal(await page.locator('.score-value').innerText(), '2 / 3', 'both drafts were graded');
  assert.equal(await page.locator('.review-item.skipped').count(), 1);
  page.assertClean();
  await context.close();
});
