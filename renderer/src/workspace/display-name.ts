// How a display is named to the operator: its label, or its place in the list when it has none.
import type { TFunction } from 'i18next';
import type { Display } from '../../../electron/shared/workspace/display';

export function displayName(t: TFunction, displays: readonly Display[], id: string): string {
  const i = displays.findIndex((d) => d.id === id);
  return displays[i]?.label || t('displays.unnamed', { n: i + 1 });
}
