export * from './assignment';
export * from './display';
export * from './placement';
export * from './rect';
export * from './role-window';
export * from './screens';
export * from './state';
export * from './reopen';
