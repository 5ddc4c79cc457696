import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestHost, type TestHost } from '../../../test/helpers/http-host'

let host: TestHost
beforeEach(async () => {
  host = await startTestHost()
})
afterEach(async () => {
  await host.stop()
})

/** The `{code, messageKey}` of an answer that is not one a tRPC client would send. */
async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { data: { error: unknown } } }
  return { status: res.status, error: body.error.data.error }
}

describe('transport errors carry their own codes (issue 13, finding 11)', () => {
  it('a GET on a mutation is 405 METHOD_NOT_SUPPORTED, not INTERNAL', async () => {
    const res = await fetch(`${host.url}api/trpc/auth.login?input=${encodeURIComponent('{}')}`)
    expect(await errorOf(res)).toEqual({
      status: 405,
      error: { code: 'METHOD_NOT_SUPPORTED', messageKey: 'errors.METHOD_NOT_SUPPORTED' },
    })
  })

  it('a POST whose body is text/plain is 415 UNSUPPORTED_MEDIA_TYPE, not INTERNAL', async () => {
    const res = await fetch(`${host.url}api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ username: 'owner', password: 'Sangat-Rahasia-42' }),
    })
    expect(await errorOf(res)).toEqual({
      status: 415,
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', messageKey: 'errors.UNSUPPORTED_MEDIA_TYPE' },
    })
  })
})
