// `vigil start --displays FILE`: the monitors of a workstation whose host cannot see them (the
// browser host without the Window Management API). A JSON list of displays; anything wrong is
// refused with where and why, before anything starts.
import fs from 'node:fs';
import { DisplayConfigList, type Display } from '../shared/workspace/display';

export class DisplaysFileError extends Error {
  override name = 'DisplaysFileError';
}

export function readDisplaysFile(file: string): Display[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new DisplaysFileError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DisplaysFileError(`${file} is not JSON: ${(err as Error).message}`);
  }
  const parsed = DisplayConfigList.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : '(the list)'}: ${i.message}`);
    throw new DisplaysFileError(`${file} is not a list of displays: ${where.join('; ')}`);
  }
  return parsed.data;
}
