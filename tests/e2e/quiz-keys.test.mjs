// Enter always answers (issue 14, L1) and ↑/↓ reach the options from anywhere (L10): after the
// shortcut list, Bookmark, Copy link, Keep going, a flag or a hint, focus is back on the question.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, watchedPage, shot, expectQuestion, openQuiz,
} from './harness.mjs';
import { focused, singleIds, answerDigits } from './quiz-helpers.mjs';

const env = useBrowser();
const singles = (n) => singleIds(env.bank, n);
const digits = (id) => answerDigits(env.bank, id);

test('Enter answers after the shortcut list closes (Escape, ?, Close), after Bookmark and after Copy link', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 720 } });
  const page = await watchedPage(context);
  const ids = singles(6);
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
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
    await page.locator('h1.q-heading:focus').waitFor(); // focus is back on the question (an effect)
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
    await page.locator('h1.q-heading:focus').waitFor();
  });
  // Bookmark: Enter must not un-bookmark the question.
  await answerWith(3, async () => {
    await page.getByRole('button', { name: '☆ Bookmark' }).click();
    await page.getByRole('button', { name: '★ Bookmarked' }).waitFor();
    await page.locator('h1.q-heading:focus').waitFor(); // the toolbar lets go of focus
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
    await page.locator('h1.q-heading:focus').waitFor();
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
  await page.locator('button.primary:focus').waitFor(); // after an answer focus rests on Next
  // …also after the toolbar is used on an answered question.
  await page.locator('.bookmark').click();
  await page.getByRole('button', { name: '☆ Bookmark' }).waitFor();
  await page.locator('button.primary:focus').waitFor();
  page.assertClean();
  await context.close();
});

test('Keep going, a flag or a hint gives focus back too, so Enter answers', async () => {
  const context = await env.browser.newContext();
  const page = await watchedPage(context);
  const hinted = [...env.bank.values()].find((q) => q.body.type === 'single' && q.hint);
  const ids = singles(3).filter((id) => id !== hinted.id).slice(0, 2);
  await openQuiz(page, `${env.server.url}#/q/${hinted.id}`);
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

  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}/exam`);
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
  await openQuiz(page, `${env.server.url}#/q/${single}.${multi.id}`);
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
