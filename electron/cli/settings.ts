// `vigil settings …` and the settings every other command starts from: one place that finds the
// workstation's settings file and lays the command line over it.
import { describeSettings, EXAMPLE_SETTINGS, mergeSettings, settingsDefaults, type EffectiveSettings, type SettingValues } from '../services/config/effective-settings';
import { findSettings, settingsCandidates } from '../services/config/settings-file';

/** Refuses (throws SettingsFileError) a file that cannot be trusted or understood. */
export function effectiveSettings(config: string | undefined, flags: Partial<SettingValues>): EffectiveSettings {
  const file = findSettings(config ? { flag: config } : {});
  return mergeSettings(settingsDefaults(), file, flags);
}

export function settingsCheck(config: string | undefined): string {
  const looked = settingsCandidates(config ? { flag: config } : {}).map((c) => c.file);
  return describeSettings(effectiveSettings(config, {}), looked);
}

export function settingsExample(): string {
  return `${JSON.stringify(EXAMPLE_SETTINGS, null, 2)}\n`;
}
