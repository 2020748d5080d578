// Helpers shared by the quiz-*.test.mjs files (issue 14's quiz flows).
import { idsOfType, rightPositions } from './harness.mjs';

/** What has focus, in words a failure message can show. */
export const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}#${el.id}` : 'none';
});

/** `n` single-choice questions, whose options the keyboard picks by digit. */
export const singleIds = (bank, n) => idsOfType(bank, 'single', n);

/** A right and a wrong option's digit for the single-choice question `id`. */
export const answerDigits = (bank, id) => {
  const q = bank.get(id);
  return { right: String(rightPositions(q)[0] + 1), wrong: String(q.body.options.findIndex((o) => !o.correct) + 1) };
};

/** Tops of the visible elements matching `selector` under `scope`, rounded. */
export const tops = (scope, selector) => scope.locator(selector).evaluateAll((els) => els
  .filter((el) => el.getClientRects().length > 0)
  .map((el) => Math.round(el.getBoundingClientRect().top)));

/** Lefts of the visible elements matching `selector` under `scope`, rounded. */
export const lefts = (scope, selector) => scope.locator(selector).evaluateAll((els) => els
  .filter((el) => el.getClientRects().length > 0)
  .map((el) => Math.round(el.getBoundingClientRect().left)));
