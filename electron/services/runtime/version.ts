// Replaced at bundle time from package.json (build/bundle.mjs); 'dev' when run from source.
declare const __VIGIL_VERSION__: string | undefined;
export const VERSION: string = typeof __VIGIL_VERSION__ === 'string' ? __VIGIL_VERSION__ : 'dev';
