export * from './layout-result';
export * from './wall-schema';
