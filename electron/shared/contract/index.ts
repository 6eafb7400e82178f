export * from './envelope';
export * from './errors';
export * from './events';
export * from './requests';
export * from './status';
