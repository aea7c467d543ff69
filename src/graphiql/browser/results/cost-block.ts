// GraphiQL (browser): the `extensions.cost` block every answer ends with (what the query cost
// against the client's allowance) is for integrators, not for a journalist reading results:
// the result pane leaves it out unless "Show cost" is on. The fetcher keeps each answer whole,
// so switching the toggle rewrites the shown answer without running the query again.
import type { Json } from './table-data.js';
import { isObject } from './table-data.js';

const STORAGE_KEY = 'armstrail:showCost';

let showCost = readSetting();
/** The last answer, whole, and the text GraphiQL shows for it (how GraphiQL formats answers). */
let last: { whole: Json; shown: string } | null = null;

export function costShown(): boolean {
  return showCost;
}

/** What GraphiQL gets to show for an answer; called by the fetcher with every answer. */
export function answerToShow<T>(whole: T): T {
  const shown = showCost ? whole : withoutCost(whole as Json);
  last = { whole: whole as Json, shown: JSON.stringify(shown, null, 2) };
  return shown as T;
}

/**
 * Switches the setting; returns the text the result pane should now show when it shows the
 * last answer (`current` is its text), or null when it shows something else.
 */
export function setCostShown(show: boolean, current: string): string | null {
  showCost = show;
  try {
    window.localStorage.setItem(STORAGE_KEY, String(show));
  } catch {
    // Storage refused (private mode): the setting lasts for this page only.
  }
  if (!last || current !== last.shown) return null;
  last = {
    whole: last.whole,
    shown: JSON.stringify(show ? last.whole : withoutCost(last.whole), null, 2),
  };
  return last.shown;
}

function withoutCost(answer: Json): Json {
  if (!isObject(answer) || !isObject(answer.extensions) || !('cost' in answer.extensions)) {
    return answer;
  }
  const { cost: _cost, ...extensions } = answer.extensions;
  const { extensions: _extensions, ...rest } = answer;
  return Object.keys(extensions).length > 0 ? { ...rest, extensions } : rest;
}

function readSetting(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}
