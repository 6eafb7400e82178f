import { describe, expect, it } from 'vitest';
import { isBareKey, isSubmitEnter, isTypingTarget } from './keys';

const key = (over: Partial<Parameters<typeof isSubmitEnter>[0]> = {}) => ({ key: 'Enter', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, isComposing: false, keyCode: 13, ...over });

describe('keyboard helpers', () => {
  it('submits on a plain Enter only', () => {
    expect(isSubmitEnter(key())).toBe(true);
    expect(isSubmitEnter(key({ shiftKey: true }))).toBe(false);
    expect(isSubmitEnter(key({ ctrlKey: true }))).toBe(false);
    expect(isSubmitEnter(key({ key: 'a' }))).toBe(false);
  });

  it('never submits the Enter that picks an IME candidate', () => {
    expect(isSubmitEnter(key({ isComposing: true }))).toBe(false);
    expect(isSubmitEnter(key({ keyCode: 229 }))).toBe(false);
  });

  it('treats text fields, selects and editable content as typing, not buttons or checkboxes', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'number' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('counts any modifier as not a bare key', () => {
    expect(isBareKey(key({ key: 'd' }))).toBe(true);
    expect(isBareKey(key({ key: 'd', altKey: true }))).toBe(false);
    expect(isBareKey(key({ key: 'd', metaKey: true }))).toBe(false);
  });
});
