import type { i18n as I18n } from 'i18next';
import type { Messages } from '../i18n/zh-CN';

type RefusalCode = keyof Messages['wall']['refusal'];

/** A refusal in the operator's language when its code is known, else main's own words. */
export function refusalText(i18n: I18n, code: string, message: string): string {
  const key = `wall.refusal.${code}`;
  return i18n.exists(key) ? i18n.t(`wall.refusal.${code as RefusalCode}`) : message;
}
