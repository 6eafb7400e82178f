// The workstation's settings file, `vigil.json`: where an installer or a site's administrator
// points an installed Vigil at its hub. A file that cannot be trusted or understood is refused as
// a whole, with the reason, before anything is opened: Vigil never starts on half a file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export const SETTINGS_FILE = 'vigil.json';

const absolutePath = z.string().min(1).refine((p) => path.isAbsolute(p), 'must be an absolute path');

export const WorkstationSettings = z.strictObject({
  hubUrl: z.string().refine((v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// address').optional(),
  workstationId: z.string().trim().min(1).max(100).optional(),
  dataDir: absolutePath.optional(),
  keyringFile: absolutePath.optional(),
  /** Whether to run the embedded demo hub (a simulated city) when there is no hubUrl. */
  demo: z.boolean().optional(),
  browserHost: z.strictObject({
    bind: z.string().min(1).optional(),
    port: z.int().min(0).max(65535).optional(),
  }).optional(),
  log: z.strictObject({
    maxSize: z.string().regex(/^[1-9]\d{0,5}[KMG]$/, 'must be a size like 10M, 512K or 1G').optional(),
    maxFiles: z.int().min(1).max(1000).optional(),
  }).optional(),
  backups: z.strictObject({
    everyHours: z.number().min(0.1).max(168).optional(),
    kept: z.int().min(1).max(1000).optional(),
  }).optional(),
});
export type WorkstationSettings = z.infer<typeof WorkstationSettings>;

export type SettingsProblem = 'missing' | 'unreadable' | 'not-json' | 'invalid' | 'writable-by-others' | 'not-owner' | 'credentials-in-url' | 'no-hub';

export class SettingsFileError extends Error {
  override readonly name = 'SettingsFileError';
  constructor(readonly problem: SettingsProblem, readonly file: string, message: string) {
    super(`settings file ${file}: ${message}`);
  }
}

/** Which file was chosen, and why that one (for `vigil settings check`). */
export type SettingsPlace = 'command line (--config)' | 'VIGIL_CONFIG' | 'site-wide' | 'user';

export interface SettingsLookup {
  /** `--config FILE` as given on the command line. */
  flag?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
  /** Where the site-wide file is (tests: a temp folder instead of /etc/vigil). */
  siteFile?: string;
}

/** The places looked at, in order; the first two only when named, and then they must exist. */
export function settingsCandidates(o: SettingsLookup = {}): { file: string; place: SettingsPlace; named: boolean }[] {
  const env = o.env ?? process.env;
  const platform = o.platform ?? process.platform;
  const home = o.home ?? os.homedir();
  const out: { file: string; place: SettingsPlace; named: boolean }[] = [];
  if (o.flag) out.push({ file: path.resolve(o.flag), place: 'command line (--config)', named: true });
  if (env.VIGIL_CONFIG) out.push({ file: path.resolve(env.VIGIL_CONFIG), place: 'VIGIL_CONFIG', named: true });
  const siteDir = platform === 'win32' ? path.join(env.ProgramData || 'C:\\ProgramData', 'Vigil') : '/etc/vigil';
  out.push({ file: o.siteFile ?? path.join(siteDir, SETTINGS_FILE), place: 'site-wide', named: false });
  // The same rule as the keyring's folder (keyring-file.ts), so both live side by side.
  out.push({ file: path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'vigil', SETTINGS_FILE), place: 'user', named: false });
  return out;
}

export interface FoundSettings {
  file: string;
  place: SettingsPlace;
  settings: WorkstationSettings;
}

/**
 * The settings from the first file found, or null when there is none. A file named by --config
 * or VIGIL_CONFIG that does not exist is refused (a typo must not start the demo silently);
 * the site-wide and user files are optional, and the first one that exists wins whole.
 */
export function findSettings(o: SettingsLookup = {}): FoundSettings | null {
  for (const c of settingsCandidates(o)) {
    if (c.named || fs.existsSync(c.file)) return { file: c.file, place: c.place, settings: readSettingsFile(c.file) };
  }
  return null;
}

export function readSettingsFile(file: string): WorkstationSettings {
  if (!fs.existsSync(file)) throw new SettingsFileError('missing', file, 'does not exist');
  checkPermissions(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new SettingsFileError('unreadable', file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let json: unknown;
  try {
    // V8's message carries the line and column ("… at position 33 (line 2 column 32)").
    json = JSON.parse(text);
  } catch (err) {
    throw new SettingsFileError('not-json', file, `is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = WorkstationSettings.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `field ${issue.path.join('.')}: ` : '';
    throw new SettingsFileError('invalid', file, `${where}${issue.message}`);
  }
  const s = parsed.data;
  if (s.hubUrl) {
    const u = new URL(s.hubUrl);
    // Never echo the address: it holds the password.
    if (u.username || u.password) {
      throw new SettingsFileError('credentials-in-url', file, 'field hubUrl carries a user name or password (user:password@); remove them and store the hub secret sealed with `vigil secret set-hub`');
    }
  }
  if (s.hubUrl && s.demo === true) throw new SettingsFileError('invalid', file, 'fields hubUrl and "demo": true contradict each other: a workstation syncs with its hub or runs the demo, not both');
  return s;
}

/**
 * Whoever can write the settings file chooses the hub this workstation trusts: it must be
 * writable only by its owner, and owned by root or by the user running Vigil (as the keyring is,
 * keyring-file.ts). The folder counts too, unless sticky (like /tmp), as it lets the file be replaced.
 */
function checkPermissions(file: string): void {
  if (process.platform === 'win32') return;
  const st = fs.statSync(file);
  if (!st.isFile()) throw new SettingsFileError('unreadable', file, 'is not a regular file');
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== 0 && st.uid !== uid) {
    throw new SettingsFileError('not-owner', file, `belongs to user ${st.uid}, neither root nor the user running Vigil (${uid}); run chown root: on it`);
  }
  if ((st.mode & 0o022) !== 0) {
    throw new SettingsFileError('writable-by-others', file, `mode ${(st.mode & 0o777).toString(8)} lets other users change it; run chmod 644 on it (and check what it says: it may have been altered)`);
  }
  const dir = fs.statSync(path.dirname(file));
  if ((dir.mode & 0o022) !== 0 && (dir.mode & 0o1000) === 0) {
    throw new SettingsFileError('writable-by-others', file, `its folder ${path.dirname(file)} (mode ${(dir.mode & 0o777).toString(8)}) lets other users replace it; run chmod 755 on the folder`);
  }
}

