// The Electron host started from the desktop menu has no `vigil` command in front of it: it finds
// the settings file itself, by the same rules, so an installed workstation uses its site's hub.
import { findSettings } from './settings-file';
import { configFlagOf, mergeSettings, settingsDefaults, withSettings, type EffectiveSettings } from './effective-settings';
import type { RuntimeOptions } from '../runtime/options';

/**
 * `base` holds the host's own defaults (Electron: its user-data folder and the keyring in it).
 * Throws SettingsFileError for a file that is refused; nothing has been opened or written then.
 */
export function hostOptionsFromSettings(base: RuntimeOptions, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): { options: RuntimeOptions; effective: EffectiveSettings } {
  const flag = configFlagOf(argv);
  const file = findSettings({ env, ...(flag ? { flag } : {}) });
  const defaults = settingsDefaults(env);
  defaults.values.dataDir = base.dataDir;
  defaults.values.workstationId = base.workstationId;
  if (base.keyringFile) {
    defaults.values.keyringFile = base.keyringFile;
    delete defaults.origins.keyringFile;
  }
  const effective = mergeSettings(defaults, file, {});
  return { options: withSettings(base, effective), effective };
}
