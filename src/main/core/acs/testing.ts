import { addService, createCustomer, setServiceCpeSerial } from '../customers'
import { catalogFixture, customerInput, serviceInput } from '../customers/testing'
import { saveAcsSettings } from './settings'
import type { AcsDeps } from './settings'

/**
 * Tests only: a company with three customers — Budi (PPPoE `budi`), Siti (PPPoE `siti`) and Rina
 * (no PPPoE login, CPE serial `ZTEGC8A1B2C3`) — and the ACS at `url` saved, login optional.
 */
export async function acsFixture(url: string, login?: { username: string; password: string }) {
  const f = await catalogFixture()
  // Short enough that a hanging ACS fails the test quickly, long enough for a loaded machine.
  const deps: AcsDeps = { ...f.deps, acsTimeoutMs: 3000 }
  const customer = async (name: string, pppoe: string | null) => {
    const c = await createCustomer(deps, f.actor, customerInput(f.cbg.id, name))
    const s = await addService(
      deps,
      f.actor,
      { ...serviceInput(c.id, f.p10.id), pppoeUsername: pppoe },
      f.tz,
    )
    return { id: c.id, code: c.code, serviceId: s.id }
  }
  const budi = await customer('Budi Santoso', 'budi')
  const siti = await customer('Siti Aminah', 'siti')
  const rina = await customer('Rina Wati', null)
  await setServiceCpeSerial(deps, f.actor, { serviceId: rina.serviceId, serial: 'ZTEGC8A1B2C3' })
  await saveAcsSettings(deps, f.actor, {
    url,
    username: login?.username ?? '',
    password: login?.password ?? '',
  })
  return { ...f, deps, budi, siti, rina }
}
