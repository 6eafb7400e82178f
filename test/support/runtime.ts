import path from 'node:path';
import { startRuntime, type Runtime } from '../../electron/services/runtime/runtime';
import type { RuntimeOptions } from '../../electron/services/runtime/options';
import { workerPath } from './store';

/**
 * The services exactly as a host assembles them, on a real database in `dataDir`. `opened` records
 * the windows main was asked to open. The backup schedule is off unless a test turns it on: its
 * first run at start would add audit rows under tests that count them.
 */
export function startTestRuntime(dataDir: string, options: Partial<RuntimeOptions> = {}, opened: [string, string | undefined][] = []): Promise<Runtime> {
  return startRuntime(
    // The keyring sits in the test's own folder, so tests never touch the user's config folder.
    { dataDir, hubUrl: null, hubSecret: null, keyringFile: path.join(dataDir, 'test-keyring.json'), demo: { incidentsPerHour: 0, cameras: 10 }, workstationId: 'ws-dispatch-03', operatorName: '张伟', maintenance: { schedule: false }, ...options },
    {
      host: 'browser',
      workerPath: workerPath(),
      openWindow: async (role, monitor) => {
        opened.push([role, monitor]);
      },
      stderrLogs: false,
    },
  );
}
