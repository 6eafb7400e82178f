// `vigil` — the command line: start the workstation; probe a camera; read a drone stream's telemetry.
import { Command, InvalidArgumentError, Option } from 'commander';
import path from 'node:path';
import { defaultRuntimeOptions } from '../services/runtime/options';
import { VERSION } from '../services/runtime/version';
import { start } from './start';
import { printReport, probe } from './probe';
import { klv } from './klv';
import { readDisplaysFile } from './displays-file';
import { forgetLocked, rotateKeys, setHubSecret } from './secret';
import { effectiveSettings, settingsCheck, settingsExample } from './settings';
import { SettingsFileError } from '../services/config/settings-file';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is an integer from 0 to 65535');
  return n;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) throw new InvalidArgumentError('a whole number from 0 to 1000000');
  return n;
}

function displaysFile(value: string): ReturnType<typeof readDisplaysFile> {
  try {
    return readDisplaysFile(path.resolve(value));
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

function hours(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0.1 || n > 24 * 7) throw new InvalidArgumentError('hours between 0.1 and 168');
  return n;
}

function logSize(value: string): string {
  if (!/^[1-9]\d{0,5}[KMG]$/.test(value)) throw new InvalidArgumentError('a size like 10M, 512K or 1G');
  return value;
}

function hubUrl(value: string): string {
  try {
    const u = new URL(value);
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) throw new Error();
    return u.toString();
  } catch {
    throw new InvalidArgumentError('the hub is an http(s):// or ws(s):// address');
  }
}

const defaults = defaultRuntimeOptions();
const program = new Command('vigil')
  .description('Vigil 值守 — command-centre workstation')
  .version(VERSION)
  .showHelpAfterError();

program
  .command('start')
  .description('start the workstation (Electron, or the browser host where Electron is not installed)')
  .addOption(new Option('--host <host>', 'which host runs the console').choices(['auto', 'electron', 'browser']).default('auto'))
  .option('--config <file>', 'the workstation\'s settings file (default: $VIGIL_CONFIG, /etc/vigil/vigil.json, ~/.config/vigil/vigil.json; see docs/install.md); flags override it')
  .option('--hub <url>', 'command-centre hub to sync with; its secret comes from VIGIL_HUB_SECRET or `vigil secret set-hub` (default: the settings file\'s, else an embedded demo hub with a simulated city)', hubUrl)
  .option('--keyring <file>', `the secret box's keyring, outside the data folder (default: settings file, VIGIL_KEYRING, ${defaults.keyringFile})`)
  .option('--demo-incidents-per-hour <n>', 'embedded demo hub: simulated incidents per hour (0 = none)', count, 30)
  .option('--demo-cameras <n>', 'embedded demo hub: size of the simulated camera catalogue', count, 200)
  .option('--demo-camera-file <file>', 'embedded demo hub: also register these cameras (JSON, as vigil-hub --camera-file)')
  .addOption(new Option('--demo-drones <which>', 'embedded demo hub: simulated drones synced as hub records — hub: a dock drone flown by hub position messages; all: also a STANAG 4609 stream over loopback UDP (needs ffmpeg)').choices(['none', 'hub', 'all']).default('none'))
  .option('--demo-drone', 'also receive a simulated drone: a generated STANAG 4609 stream (H.264 + ST 0601 KLV) played in a loop (needs ffmpeg)')
  .option('--drone-file <file>', 'drones this workstation receives, a JSON list (see docs/drones.md)')
  .option('--data <dir>', `data folder: database, logs, pairing token (default: settings file, ${defaults.dataDir})`)
  .option('--workstation <id>', `name of this workstation, recorded on every action (default: settings file, ${defaults.workstationId})`)
  .option('--operator <name>', 'operator on duty, recorded on every action', defaults.operatorName)
  .option('--bind <address>', 'browser host: address to listen on, loopback unless you mean otherwise (default: settings file, 127.0.0.1)')
  .option('--port <port>', 'browser host: port, 0 picks a free one (default: settings file, 7410)', port)
  .option('--no-open', 'browser host: print the address instead of opening a Chromium app window')
  .option('--displays <file>', 'browser host: this workstation\'s monitors, a JSON list (see docs/operations.md); Electron reads them from the system', displaysFile)
  .option('--backup-every <hours>', 'check and back up the database this often, see docs/operations.md "Running for months" (default: settings file, 6)', hours)
  .option('--backups-kept <n>', 'scheduled and manual backups kept in <data>/backups (default: settings file, 14)', count)
  .option('--log-max-size <size>', 'rotate vigil.log at this size (default: settings file, 10M)', logSize)
  .option('--log-max-files <n>', 'rotated log files kept (default: settings file, 10)', count)
  .action(async (o: { config?: string; host: 'auto' | 'electron' | 'browser'; hub?: string; keyring?: string; demoIncidentsPerHour: number; demoCameras: number; demoCameraFile?: string; demoDrones: 'none' | 'hub' | 'all'; demoDrone?: boolean; droneFile?: string; data?: string; workstation?: string; operator: string; bind?: string; port?: number; open: boolean; displays?: ReturnType<typeof readDisplaysFile>; backupEvery?: number; backupsKept?: number; logMaxSize?: string; logMaxFiles?: number }) => {
    const { values: v, origins } = effectiveSettings(o.config, {
      hubUrl: o.hub,
      keyringFile: o.keyring !== undefined ? path.resolve(o.keyring) : undefined,
      dataDir: o.data !== undefined ? path.resolve(o.data) : undefined,
      workstationId: o.workstation,
      bind: o.bind,
      port: o.port,
      backupEveryHours: o.backupEvery,
      backupsKept: o.backupsKept,
      logMaxSize: o.logMaxSize,
      logMaxFiles: o.logMaxFiles,
    });
    await start({
      host: o.host,
      hubUrl: v.hubUrl,
      hubSecret: defaults.hubSecret,
      keyringFile: v.keyringFile,
      keyringChosen: origins.keyringFile === 'command line' || origins.keyringFile === 'settings file',
      demo: { incidentsPerHour: o.demoIncidentsPerHour, cameras: o.demoCameras, drones: o.demoDrones, ...(o.demoCameraFile ? { cameraFile: path.resolve(o.demoCameraFile) } : {}) },
      drones: { demo: !!o.demoDrone, ...(o.droneFile ? { file: path.resolve(o.droneFile) } : {}) },
      dataDir: v.dataDir,
      workstationId: v.workstationId,
      operatorName: o.operator,
      bind: v.bind,
      port: v.port,
      open: o.open,
      ...(o.displays ? { displays: o.displays } : {}),
      maintenance: { backupEveryHours: v.backupEveryHours, backupsKept: Math.max(1, v.backupsKept) },
      log: { maxSize: v.logMaxSize, maxFiles: Math.max(1, v.logMaxFiles) },
    });
  });

const settings = program.command('settings').description('the workstation\'s settings file, vigil.json (see docs/install.md, "Settings file")');
settings
  .command('check')
  .description('print the settings Vigil would start with, each with where it came from, or why the file is refused (exit 2)')
  .option('--config <file>', 'check this file instead of the one Vigil would find')
  .action((o: { config?: string }) => {
    process.stdout.write(settingsCheck(o.config));
  });
settings
  .command('example')
  .description('print an example settings file (every field is described in docs/install.md)')
  .action(() => {
    process.stdout.write(settingsExample());
  });

const secret = program.command('secret').description('secrets at rest: the hub secret, the keyring (run these while Vigil is stopped; see docs/operations.md)');
// The same data folder and keyring `vigil start` would use: the settings file's, unless given here.
const secretPlaces = (c: Command) =>
  c.option('--config <file>', 'the workstation\'s settings file, for its data folder and keyring')
    .option('--data <dir>', `data folder (default: settings file, ${defaults.dataDir})`)
    .option('--keyring <file>', `keyring file (default: settings file, VIGIL_KEYRING, ${defaults.keyringFile})`);
type Places = { config?: string; data?: string; keyring?: string };
const placesOf = (o: Places) => {
  const { values } = effectiveSettings(o.config, { dataDir: o.data !== undefined ? path.resolve(o.data) : undefined, keyringFile: o.keyring !== undefined ? path.resolve(o.keyring) : undefined });
  return { dataDir: values.dataDir, keyringFile: values.keyringFile };
};

secretPlaces(secret.command('set-hub').description('store this workstation\'s secret at the hub, read from standard input, sealed in the data folder'))
  .action(async (o: Places) => {
    const places = placesOf(o);
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    console.log(setHubSecret(places, text));
  });
secretPlaces(secret.command('rotate').description('make a new key, seal every stored secret again with it, retire the old keys'))
  .action((o: Places) => console.log(rotateKeys(placesOf(o))));
secretPlaces(secret.command('forget-locked').description('after a lost keyring: drop the camera credentials no key opens; the hub sends them again at the next sync'))
  .option('--workstation <id>', 'name of this workstation, for the audit log', defaults.workstationId)
  .option('--operator <name>', 'who does this, for the audit log', defaults.operatorName)
  .action((o: Places & { workstation: string; operator: string }) => console.log(forgetLocked(placesOf(o), { workstationId: o.workstation, operatorName: o.operator })));

program
  .command('probe')
  .description('check a camera stream with the workstation\'s own RTSP client: codec, profile, resolution, frame rate, bitrate, keyframe interval as measured')
  .argument('<url>', 'rtsp://[user[:password]@]host[:port]/path')
  .option('--seconds <n>', 'how long to measure', (v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 1 || n > 600) throw new InvalidArgumentError('1 to 600 seconds');
    return n;
  }, 5)
  .option('--user <name>', 'user name (the password then comes from VIGIL_CAMERA_PASSWORD, never the command line)')
  .option('--json', 'print the report as JSON')
  .action(async (url: string, o: { seconds: number; user?: string; json?: boolean }) => {
    const report = await probe({ url, seconds: o.seconds, json: !!o.json, ...(o.user !== undefined ? { username: o.user, password: process.env.VIGIL_CAMERA_PASSWORD ?? '' } : {}) });
    process.stdout.write(o.json ? `${JSON.stringify(report, null, 2)}\n` : printReport(report));
    process.exitCode = report.ok ? 0 : 1;
  });

program
  .command('klv')
  .description("print a drone stream's MISB ST 0601 telemetry (KLV in MPEG-TS, STANAG 4609) as JSON lines: one per KLV packet, one per packet skipped with the reason, a summary last")
  .argument('<source>', 'an MPEG-TS file, - for standard input, or a udp:// srt:// rtmp:// rtmps:// address (remuxed by ffmpeg, never decoded)')
  .option('--seconds <n>', 'stop after this long (a live source does not end by itself)', (v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0 || n > 86_400) throw new InvalidArgumentError('more than 0, at most 86400 seconds');
    return n;
  })
  .addHelpText('after', '\nExit codes: 0 telemetry decoded; 1 the source could not be read; 2 read, but no telemetry could be decoded.\nCtrl-C stops reading and still prints the summary.')
  .action(async (source: string, o: { seconds?: number }) => {
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    // Piped into head or a closed pager: stop quietly, as command-line tools do.
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
    process.exitCode = await klv({ source, signal: controller.signal, ...(o.seconds !== undefined ? { seconds: o.seconds } : {}) }, (line) => process.stdout.write(line));
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`vigil: ${(err as Error).message}`);
  // A refused settings file is its own exit code, so an installer's check can tell it apart.
  process.exit(err instanceof SettingsFileError ? 2 : 1);
});
