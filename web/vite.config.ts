import { defineConfig } from 'vite';

// The workspace is built once, at build time, into dist/ and served by the gateway at /.
export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
