// The embedded demo hub's accounts, one per role: what docs/operations.md lists for trying Vigil.
import type { Role } from '../shared/domain/operator';

export interface OperatorAccount {
  username: string;
  name: string;
  role: Role;
  password: string;
}

/** The embedded demo hub's accounts, one per role (docs/operations.md lists them). */
export const DEMO_OPERATORS: readonly OperatorAccount[] = [
  { username: 'operator', name: '李娜', role: 'operator', password: 'vigil-operator' },
  { username: 'supervisor', name: '张伟', role: 'supervisor', password: 'vigil-supervisor' },
  { username: 'wall', name: '王强', role: 'wall', password: 'vigil-wall' },
  { username: 'viewer', name: '赵敏', role: 'viewer', password: 'vigil-viewer' },
];
