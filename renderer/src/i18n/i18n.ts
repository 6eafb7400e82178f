// One i18next instance for the window. zh-CN is the default; the language actually shown is
// the workstation's saved choice, which main returns with the session.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../electron/shared/domain/identity';
import { en } from './en';
import { zhCN } from './zh-CN';

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } } as const;

export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = 'zh-CN';
  return i18next;
}

export async function applyLanguage(language: Language): Promise<void> {
  if (i18next.language !== language) await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.title = i18next.t('app.product');
}
