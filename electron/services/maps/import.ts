// Brings an operator's MBTiles file into the workstation's maps folder. The file is examined
// before a single byte is copied, the copy is written under a temporary name beside its final
// place and examined again, and only then given its name — one that no other file has.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MbtilesError, openMbtiles, type MbtilesMetadata } from './mbtiles';

export type ImportedMap = {
  /** Where the copy now lives, inside the maps folder. */
  file: string;
  /** Its name in the maps folder, e.g. "beijing-2.mbtiles". */
  fileName: string;
  metadata: MbtilesMetadata;
};

const EXTENSION = '.mbtiles';
const TEMP_SUFFIX = '.importing';
const MAX_STEM_BYTES = 120; // UTF-8; file names may have 255 bytes, and the temporary name adds some
const MAX_ATTEMPTS = 1000;

/**
 * Copies an MBTiles file into mapsDir and returns what it holds. Throws an MbtilesError (and
 * leaves mapsDir as it was) when the file is missing or is not a usable MBTiles file. Never
 * replaces a file already in mapsDir: a name that is taken gets a number ("name-2.mbtiles").
 */
export async function importMbtiles(sourceFile: string, mapsDir: string): Promise<ImportedMap> {
  const source = openMbtiles(sourceFile);
  const metadata = source.metadata;
  source.close();

  fs.mkdirSync(mapsDir, { recursive: true });
  const stem = safeMapFileStem(sourceFile);
  const temp = path.join(mapsDir, `.${stem}.${crypto.randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  try {
    await fs.promises.copyFile(sourceFile, temp, fs.constants.COPYFILE_EXCL);
    await settleCopy(temp, sourceFile);
    const file = placeWithoutOverwriting(temp, mapsDir, stem);
    return { file, fileName: path.basename(file), metadata };
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(temp + suffix, { force: true });
  }
}

/**
 * Makes the copy one self-contained file and checks that it reads back as a map. A source in WAL
 * mode may keep recent pages in its "-wal" file: that is copied too and folded into the copy,
 * which is switched to the ordinary journal so that reading it later leaves no "-wal" and "-shm"
 * files beside it.
 */
async function settleCopy(temp: string, sourceFile: string): Promise<void> {
  try {
    if (isWalMode(temp)) {
      if (fs.existsSync(`${sourceFile}-wal`)) await fs.promises.copyFile(`${sourceFile}-wal`, `${temp}-wal`, fs.constants.COPYFILE_EXCL);
      const db = new Database(temp, { fileMustExist: true });
      try {
        db.pragma('journal_mode = DELETE');
      } finally {
        db.close();
      }
    }
    openMbtiles(temp).close();
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new MbtilesError('unreadable', sourceFile, `"${path.basename(sourceFile)}" could not be copied intact into the maps folder (${detail}).`, err);
  }
}

/**
 * Gives the finished copy its final name: the first of "stem.mbtiles", "stem-2.mbtiles", … that
 * is free. A hard link claims a name atomically (it fails if the name exists, even when another
 * import claims it at the same moment); where the file system has no hard links, an empty file
 * created exclusively claims the name and the copy is renamed over it.
 */
function placeWithoutOverwriting(temp: string, mapsDir: string, stem: string): string {
  let canLink = true;
  for (let i = 1; i <= MAX_ATTEMPTS; i++) {
    const target = path.join(mapsDir, `${i === 1 ? stem : `${stem}-${i}`}${EXTENSION}`);
    if (canLink) {
      try {
        fs.linkSync(temp, target);
        return target; // the caller removes the temporary name
      } catch (err) {
        if (errno(err) === 'EEXIST') continue;
        canLink = false;
      }
    }
    try {
      fs.closeSync(fs.openSync(target, 'wx'));
    } catch (err) {
      if (errno(err) === 'EEXIST') continue;
      throw err;
    }
    try {
      fs.renameSync(temp, target);
    } catch (err) {
      fs.rmSync(target, { force: true }); // our empty placeholder
      throw err;
    }
    return target;
  }
  throw new Error(`no free name for "${stem}${EXTENSION}" in ${mapsDir} after ${MAX_ATTEMPTS} tries`);
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A file name stem derived from the original name that is safe on every platform: letters
 * (any script), digits, spaces, '.', '_', '-' and parentheses only; no leading dot; no Windows
 * device name; at most MAX_STEM_BYTES bytes in UTF-8; never empty.
 */
export function safeMapFileStem(original: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  const withoutExt = base.replace(/\.[^.]*$/, '');
  let stem = withoutExt
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N} ._()-]+/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/_+/g, '_')
    .replace(/^[\s._-]+/, '')
    .replace(/[\s.]+$/, '');
  stem = truncateUtf8(stem, MAX_STEM_BYTES).replace(/[\s.]+$/, '');
  if (stem === '') return 'map';
  if (WINDOWS_RESERVED.test(stem.split('.')[0]!.trim())) return `map-${stem}`;
  return stem;
}

function truncateUtf8(s: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > maxBytes) break;
    out += ch;
  }
  return out;
}

/** Bytes 18 and 19 of the SQLite header are 2 for a database in WAL mode. */
function isWalMode(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(20);
    return fs.readSync(fd, header, 0, 20, 0) === 20 && (header[18] === 2 || header[19] === 2);
  } finally {
    fs.closeSync(fd);
  }
}

function errno(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | null)?.code;
}
