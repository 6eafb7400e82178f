import type { Migration } from '../migration';
import { initial } from './0010-initial';
import { sync } from './0020-sync';
import { operators } from './0040-operators';

/** Every migration, oldest first. Never edit one that has shipped: add the next. */
export const migrations: readonly Migration[] = [initial, sync, operators];
