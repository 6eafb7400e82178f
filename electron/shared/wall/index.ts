export * from './layout-result';
export * from './wall-schema';
export * from './wall-edits';
export * from './wall-sources';
export * from './wall-state';
export * from './alarm-routing';
export * from './schedule';
