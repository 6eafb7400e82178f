import type { Actor } from '../../electron/shared/domain/identity';

export const dutyOfficer: Actor = { operatorId: 'local:zhang.wei', operatorName: '张伟', workstationId: 'ws-dispatch-03' };
