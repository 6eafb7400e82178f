// Proves the import rules of docs/architecture.md bite: each forbidden import below must be
// reported by the project's own ESLint configuration, and each allowed one must not.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const forbidden: Array<[string, string]> = [
  ['renderer/src/views/x.ts', "import fs from 'node:fs';"],
  ['renderer/src/views/x.ts', "import { ipcRenderer } from 'electron';"],
  ['renderer/src/views/x.ts', "import { Store } from '../../../electron/services/store/store';"],
  ['renderer/src/views/x.ts', "import Database from 'better-sqlite3';"],
  ['electron/shared/domain/x.ts', "import path from 'path';"],
  ['electron/shared/domain/x.ts', "import { app } from 'electron';"],
  ['electron/shared/domain/x.ts', "import { dispatch } from '../../services/api/dispatch';"],
  ['electron/shared/domain/x.ts', "import { useState } from 'react';"],
  ['electron/services/api/x.ts', "import { BrowserWindow } from 'electron';"],
  ['electron/services/api/x.ts', "import { start } from '../../cli/start';"],
  ['electron/browser-host/x.ts', "import { app } from 'electron';"],
  ['electron/preload/x.ts', "import fs from 'node:fs';"],
  ['electron/preload/x.ts', "import { dispatch } from '../services/api/dispatch';"],
  ['electron/main/x.ts', "import { startBrowserHost } from '../browser-host/server';"],
  ['electron/hub/x.ts', "import { app } from 'electron';"],
  ['electron/hub/x.ts', "import { startBrowserHost } from '../browser-host/server';"],
  ['electron/shared/sync/x.ts', "import { HubStore } from '../../hub/hub-store';"],
];

const allowed: Array<[string, string]> = [
  ['renderer/src/views/x.ts', "import { Incident } from '../../../electron/shared/domain/incident';"],
  ['electron/shared/domain/x.ts', "import { z } from 'zod';"],
  ['electron/hub/x.ts', "import { migrate } from '../services/store/migration';\nimport { Server } from 'socket.io';"],
  ['electron/services/api/x.ts', "import fs from 'node:fs';"],
  ['electron/main/x.ts', "import { app } from 'electron';\nimport { dispatch } from '../services/api/dispatch';"],
  ['electron/preload/x.ts', "import { contextBridge } from 'electron';"],
];

describe('architecture import rules (lint)', () => {
  it.each(forbidden)('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toHaveLength(1);
  });
  it.each(allowed)('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
