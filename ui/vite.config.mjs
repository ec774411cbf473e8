// Vite configuration of weft's UI.
//
//   npm run dev     the UI at http://127.0.0.1:5173 with its API calls proxied to a running weft
//                   ($WEFT_URL, default http://127.0.0.1:3100)
//   npm run build   type-checks, then writes the bundle to $WEFT_UI_OUT_DIR (default dist/);
//                   weft's CMake build runs it and embeds the result (cmake/weft_ui.cmake)
import { defineConfig } from 'vite';

const weft = process.env.WEFT_URL || 'http://127.0.0.1:3100';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: process.env.WEFT_UI_OUT_DIR || 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser that runs ES2022 has modulepreload: no polyfill.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': weft },
  },
});
