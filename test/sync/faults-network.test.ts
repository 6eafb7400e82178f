// Network faults: disconnects, one-way partitions, lost answers after commit, duplicated and
// reordered delivery, clocks hours off. See fault-suite.ts for what is checked.
import { describeFaults } from './fault-suite';

describeFaults(['disconnects', 'partitions', 'dropped-acks', 'duplicates', 'clock-skew']);
