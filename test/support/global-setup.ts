// Bundles the Node-side entry points once per test run, so tests exercise the same store worker
// and CLI that ship, not a test-only variant.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error build/bundle.mjs is plain JavaScript without type declarations
import { bundle } from '../../build/bundle.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  // Inside the repository, so the bundles' external packages resolve from node_modules.
  const parent = path.resolve(import.meta.dirname, '../../dist');
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, 'test-'));
  await (bundle as (d: string) => Promise<void>)(dir);
  project.provide('distDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
