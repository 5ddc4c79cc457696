import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const dir = (p: string) => fileURLToPath(new URL(p, import.meta.url))

export default defineConfig({
  resolve: {
    alias: {
      '@shared': dir('./src/shared'),
      '@core': dir('./src/main/core'),
      '@api': dir('./src/main/api'),
      '@server': dir('./src/main/server'),
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // scrypt N=2^17 takes a few hundred ms per hash on a slow CPU.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
