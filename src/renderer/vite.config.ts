import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import postcssPresetMantine from 'postcss-preset-mantine'
import postcssSimpleVars from 'postcss-simple-vars'
import { defineConfig, type Plugin, type UserConfig } from 'vite'

const fromHere = (p: string): string => fileURLToPath(new URL(p, import.meta.url))

/**
 * The dev server injects an inline React Refresh preamble that the strict CSP in index.html
 * would block; only `vite serve` relaxes it, built pages keep `script-src 'self'`.
 */
const devCspRelax: Plugin = {
  name: 'loket-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
}

/**
 * The admin UI's build, on its own (`npm run build:web`, e2e tests, the LAN host) and as the
 * `renderer` section of electron.vite.config.ts, so the browser and the desktop get the same bundle.
 */
export const rendererConfig: UserConfig = {
  root: fromHere('.'),
  // Relative asset URLs: the packaged desktop loads index.html from file://, the host from `/`.
  base: './',
  plugins: [react(), devCspRelax],
  resolve: {
    alias: {
      '@shared': fromHere('../shared'),
      // Type-only: the renderer never bundles main-process code (lint checks `import type`).
      '@api': fromHere('../main/api'),
    },
  },
  css: {
    postcss: {
      plugins: [
        postcssPresetMantine(),
        postcssSimpleVars({
          variables: {
            'mantine-breakpoint-xs': '36em',
            'mantine-breakpoint-sm': '48em',
            'mantine-breakpoint-md': '62em',
            'mantine-breakpoint-lg': '75em',
            'mantine-breakpoint-xl': '88em',
          },
        }),
      ],
    },
  },
  build: {
    outDir: fromHere('../../out/renderer'),
    emptyOutDir: true,
    // Old office PCs run whatever Chromium Electron ships; LAN browsers are recent enough too.
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // Explicit: electron-vite would otherwise leave the renderer unminified; phones on the LAN load it too.
    minify: true,
    cssMinify: true,
  },
  server: {
    host: '127.0.0.1',
    // `vite` alone (a browser, no Electron) talks to a headless host: `npm run serve` on 8080.
    proxy: { '/api': process.env.LOKET_API_URL ?? 'http://127.0.0.1:8080' },
  },
}

export default defineConfig(rendererConfig)
