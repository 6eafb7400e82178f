import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';
import { worldBasemapPlugin } from '../build/world-basemap';

const here = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  root: here,
  base: './',
  // The bundled world map is written as static files beside the bundle, not into it.
  plugins: [react(), worldBasemapPlugin()],
  // Static files copied as they are (the favicon); everything else is bundled.
  publicDir: path.resolve(here, '../resources/icons'),
  build: {
    outDir: path.resolve(here, '../dist/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
