export * from './camera-coverage';
export * from './distance';
export * from './gcj02';
export * from './unit-recommendation';
