import type { RouterInput } from '@shared/schemas'

/** Tests only: a router registered against a RouterOS simulator on 127.0.0.1 (admin/admin). */
export function simRouterInput(port: number, name = 'POP Utama'): RouterInput {
  return {
    name,
    host: '127.0.0.1',
    port,
    tls: false,
    username: 'admin',
    password: 'admin',
    areaId: null,
    popId: null,
    isolirProfile: 'ISOLIR',
    isolirList: 'isolir',
    notes: null,
    active: true,
  }
}
