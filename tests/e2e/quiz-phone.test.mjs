// The quiz on phones and touch screens (issue 14, L19): no key hints on touch, the nav and the
// toolbar on one row at 390 px, nothing wider than the screen; the review's columns (L14).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, watchedPage, shot, currentId, expectQuestion, rightPositions, assertAccessible,
  horizontalOverflow, SHOTS, openQuiz,
} from './harness.mjs';
import { singleIds, answerDigits, tops, lefts } from './quiz-helpers.mjs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const env = useBrowser();
const singles = (n) => singleIds(env.bank, n);
const digits = (id) => answerDigits(env.bank, id);

test('on a 390 px touch screen: no key hints, the nav on one row, the toolbar on one row', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await watchedPage(context);
  const ids = singles(3);
  const oneRow = async (selector, label) => {
    const ys = await tops(page, selector);
    assert.ok(ys.length >= 2, `${label}: ${ys.length} items`);
    assert.ok(Math.max(...ys) - Math.min(...ys) <= 4, `${label} on one row: tops ${ys}`);
  };
  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
  await expectQuestion(page, ids[0]);
  assert.equal(await page.locator('.help-button').isVisible(), false, 'no ? button');
  assert.deepEqual(await tops(page, 'button kbd'), [], 'no key hints in buttons');
  assert.deepEqual(await tops(page, '.option .key'), [], 'no digit keys before the options');
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

  await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}/exam`);
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
      await openQuiz(page, `${env.server.url}#/q/${path}`);
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
  await openQuiz(page, `${env.server.url}#/q/${singles(2).join('.')}`);
  await currentId(page);
  assert.ok(await page.locator('.help-button').isVisible());
  assert.deepEqual(await page.locator('.quiz-nav kbd:visible').allInnerTexts(), ['←', 'Enter']);
  assert.ok(await page.locator('.option .key').first().isVisible(), 'digit keys before the options');
  page.assertClean();
  await context.close();
});

test('the review lines its prompts up whatever the verdict, on a desktop and at 390 and 320 px', async () => {
  for (const width of [1280, 390, 320]) {
    const context = await env.browser.newContext({ viewport: { width, height: 800 } });
    const page = await watchedPage(context);
    const ids = singles(3);
    await openQuiz(page, `${env.server.url}#/q/${ids.join('.')}`);
    for (const [i, pick] of [[0, 'right'], [1, 'wrong']]) {
      await expectQuestion(page, ids[i]);
      await page.keyboard.press(digits(ids[i])[pick]);
      await page.keyboard.press('Enter');
      await page.locator('.feedback').waitFor();
      await page.keyboard.press('Enter');
    }
    await expectQuestion(page, ids[2]);
    await page.getByRole('button', { name: 'End quiz' }).click();
    await page.getByRole('button', { name: 'Finish anyway' }).click();
    await page.waitForURL(/#\/results$/);
    await page.locator('.review-item').nth(2).waitFor();
    assert.deepEqual(await page.locator('.review-item summary .verdict').allInnerTexts(), ['✓ Right', '✗ Wrong', '– Skipped']);
    const x = await lefts(page, '.review-item summary .review-prompt');
    assert.equal(x.length, 3);
    assert.equal(new Set(x).size, 1, `${width} px: every prompt starts at the same x (${x})`);
    assert.ok(await horizontalOverflow(page) <= 0, `${width} px`);
    if (width === 390) await shot(page, 'review-columns-390');
    page.assertClean();
    await context.close();
  }
});
