import { fileURLToPath } from 'node:url'
import { defineConfig } from 'electron-vite'
import { rendererConfig } from './src/renderer/vite.config'

const fromRoot = (p: string): string => fileURLToPath(new URL(p, import.meta.url))

/** Same aliases as tsconfig.base.json and vitest.config.ts. */
const mainAliases = {
  '@shared': fromRoot('./src/shared'),
  '@core': fromRoot('./src/main/core'),
  '@api': fromRoot('./src/main/api'),
  '@server': fromRoot('./src/main/server'),
}

/**
 * `npm run dev` / `npm run build`: out/main/index.js (ESM, dependencies stay in node_modules),
 * out/preload/index.cjs and out/renderer/. The renderer section is the one `npm run build:web`
 * uses (src/renderer/vite.config.ts), so the desktop and LAN browsers get the same bundle.
 */
export default defineConfig({
  main: {
    resolve: { alias: mainAliases },
    build: {
      rolldownOptions: { input: { index: fromRoot('./src/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias: { '@shared': mainAliases['@shared'] } },
    build: {
      // A sandboxed preload is loaded as a CommonJS script that may require only 'electron':
      // bundle everything into one .cjs file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: fromRoot('./src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
})
