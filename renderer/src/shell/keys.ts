// Keyboard helpers shared by the views. They take plain shapes rather than DOM classes so the
// rules are testable without a browser.

interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'number', 'email', 'tel', 'url', 'password', 'date', 'time', 'datetime-local']);

/** The key is meant for a field the operator is typing in, not for a shortcut. */
export function isTypingTarget(target: EventTarget | TargetLike | null): boolean {
  if (!target || typeof target !== 'object') return false;
  const t = target as TargetLike;
  if (t.isContentEditable) return true;
  const tag = t.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((t.type ?? 'text').toLowerCase());
  return false;
}

interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
  keyCode?: number;
}

/**
 * Enter that should submit. Not while an IME is composing: a Chinese operator presses Enter
 * to pick a candidate, and that must never send a half-typed note. Chromium reports the
 * composing Enter as isComposing or keyCode 229. Shift+Enter is left for a new line.
 */
export function isSubmitEnter(e: KeyLike): boolean {
  if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return false;
  return !e.isComposing && e.keyCode !== 229;
}

/** No modifier held: single-letter shortcuts only fire on a bare key. */
export const isBareKey = (e: KeyLike): boolean => !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey;
