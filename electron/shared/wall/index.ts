export * from './layout-result';
export * from './wall-schema';
export * from './wall-edits';
