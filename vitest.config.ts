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
    // Vitest's default is one fewer than the cores: one file at a time on this 2-core machine,
    // while most files spend their time waiting on a spawned CLI, a host's HTTP answer or
    // PostgreSQL. Two at a time keeps both cores busy.
    maxWorkers: 2,
    // scrypt N=2^17 takes a few hundred ms per hash on a slow CPU.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
