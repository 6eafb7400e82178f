import type { Migration } from '../migration';
import { initial } from './0010-initial';
import { sync } from './0020-sync';
import { drones } from './0030-drones';
import { operators } from './0040-operators';
import { sealedCredentials } from './0050-sealed-credentials';

/** Every migration, oldest first. Never edit one that has shipped: add the next. */
export const migrations: readonly Migration[] = [initial, sync, drones, operators, sealedCredentials];
