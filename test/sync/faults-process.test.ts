// Process faults: workstations killed mid-upload and restarted on their files, hub restarts,
// change-log truncation forcing resyncs, and all faults at once. See fault-suite.ts.
import { describeFaults } from './fault-suite';

describeFaults(['kills', 'hub-restarts', 'truncation', 'everything']);
