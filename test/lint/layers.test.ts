import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') })
})

/** The layer-rule messages for `code` as if it were the file at `file` (a virtual path in src/). */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(root, file) })
  const messages = result?.messages ?? []
  const fatal = messages.filter((m) => m.fatal)
  expect(fatal, 'the snippet should parse').toEqual([])
  return messages.filter((m) => m.ruleId === 'loket/layers').map((m) => m.message)
}

const use = '\nexport const used = [x]'

describe('loket/layers lint rule', () => {
  it("refuses 'electron' in core, and allows it in the desktop glue and the preload", async () => {
    expect(
      await layerErrors(
        'src/main/core/billing/run.ts',
        `import { app as x } from 'electron'${use}`,
      ),
    ).toEqual([expect.stringMatching(/Only src\/main\/desktop.*'electron'/)])
    expect(
      await layerErrors('src/main/desktop/menu.ts', `import { app as x } from 'electron'${use}`),
    ).toEqual([])
    expect(
      await layerErrors(
        'src/preload/extra.ts',
        `import { ipcRenderer as x } from 'electron'${use}`,
      ),
    ).toEqual([])
    expect(
      await layerErrors('test/helpers/x.ts', `import { app as x } from 'electron'${use}`),
    ).toHaveLength(1)
  })

  it('refuses core importing the API', async () => {
    const errors = await layerErrors(
      'src/main/core/billing/run.ts',
      `import { appRouter as x } from '@api/router'${use}`,
    )
    expect(errors).toEqual([expect.stringMatching(/src\/main\/core may not import src\/main\/api/)])
    expect(
      await layerErrors(
        'src/main/core/billing/run.ts',
        `import { x } from '../../api/router'${use}`,
      ),
    ).toHaveLength(1)
  })

  it('refuses Node built-ins in shared code', async () => {
    expect(
      await layerErrors('src/shared/money.ts', `import { readFileSync as x } from 'node:fs'${use}`),
    ).toEqual([expect.stringMatching(/src\/shared runs without Node/)])
    expect(await layerErrors('src/shared/money.ts', `import x from 'path'${use}`)).toHaveLength(1)
    expect(
      await layerErrors('src/shared/money.ts', `import { useState as x } from 'react'${use}`),
    ).toHaveLength(1)
    expect(await layerErrors('src/shared/money.ts', `import { z as x } from 'zod'${use}`)).toEqual(
      [],
    )
  })

  it('lets the renderer import the API router as a type only', async () => {
    const file = 'src/renderer/src/api/client.ts'
    expect(await layerErrors(file, `import { appRouter as x } from '@api/router'${use}`)).toEqual([
      expect.stringMatching(/with `import type` only/),
    ])
    expect(
      await layerErrors(
        file,
        `import type { AppRouter } from '@api/router'\nexport type X = AppRouter`,
      ),
    ).toEqual([])
    expect(
      await layerErrors(
        file,
        `import { type AppRouter } from '@api/index'\nexport type X = AppRouter`,
      ),
    ).toEqual([])
    expect(
      await layerErrors(file, `import type { Db } from '@core/db'\nexport type X = Db`),
    ).toHaveLength(1)
    expect(
      await layerErrors(file, `import { x } from '../../../main/server/http-server'${use}`),
    ).toHaveLength(1)
  })

  it("makes a core domain use another domain's index, never its internals", async () => {
    const file = 'src/main/core/billing/invoices.ts'
    expect(
      await layerErrors(file, `import { resolveSession as x } from '../auth/sessions'${use}`),
    ).toEqual([expect.stringMatching(/'auth' core domain through its index\.ts/)])
    expect(await layerErrors(file, `import { resolveSession as x } from '../auth'${use}`)).toEqual(
      [],
    )
    expect(
      await layerErrors(file, `import { resolveSession as x } from '../auth/index'${use}`),
    ).toEqual([])
    expect(await layerErrors(file, `import { writeTx as x } from '../db/write-tx'${use}`)).toEqual(
      [],
    )
    expect(await layerErrors(file, `import { systemClock as x } from '../clock'${use}`)).toEqual([])
    expect(await layerErrors(file, `import { x } from './periods/run'${use}`)).toEqual([])
  })

  it('lets the API import core and shared, and keeps the server off core', async () => {
    expect(
      await layerErrors(
        'src/main/api/routers/billing.ts',
        `import { login as x } from '@core/auth'${use}`,
      ),
    ).toEqual([])
    expect(
      await layerErrors(
        'src/main/api/routers/billing.ts',
        `import { x } from '@shared/money'${use}`,
      ),
    ).toEqual([])
    expect(
      await layerErrors(
        'src/main/server/http-server.ts',
        `import { login as x } from '@core/auth'${use}`,
      ),
    ).toHaveLength(1)
    expect(
      await layerErrors('src/main/host.ts', `import { x } from '@server/http-server'${use}`),
    ).toEqual([])
  })

  it('leaves config files alone', async () => {
    expect(
      await layerErrors(
        'src/renderer/vite.config.ts',
        `import { x } from '../main/api/router'${use}`,
      ),
    ).toEqual([])
  })
})
