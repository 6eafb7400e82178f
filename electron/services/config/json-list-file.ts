// Lists an operator or installer writes by hand (the hub's camera file, a workstation's drone
// file): read through their schema, and refused as a whole with the file and the first entry at
// fault, so nothing starts on half a list.
import fs from 'node:fs';
import type { z } from 'zod';

export function readJsonListFile<S extends z.ZodType>(file: string, schema: S, entry: string, fail: (message: string) => Error): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw fail(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw fail(`${file}: ${entry} ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
