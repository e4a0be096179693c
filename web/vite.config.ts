import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The workspace is built once, at build time, into dist/ and served by the gateway at /. The
// tables (@samverkan/tables) are compiled from their TypeScript source, the same code the
// gateway's downloads run.
// `vite` and `vite preview` (development only) pass the hub's routes on to a running hub.
const hub = process.env.SAMVERKAN_HUB_URL ?? 'http://localhost:4000';
const proxy = Object.fromEntries(['/graphql', '/downloads', '/workspace-config.json'].map((route) => [route, { target: hub, changeOrigin: true }]));

export default defineConfig({
  server: { proxy },
  preview: { proxy },
  base: '/',
  resolve: { alias: { '@samverkan/tables': fileURLToPath(new URL('../packages/tables/src/index.ts', import.meta.url)) } },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022', assetsInlineLimit: 0 },
});
