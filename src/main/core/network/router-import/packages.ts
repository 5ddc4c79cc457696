import type { RouterDbRow } from '../../db'
import type { RouterLogin, RouterProfile, RouterSnapshot } from './read'

/** A package made for a profile no product has yet: price 0 until someone sets it. */
export interface PlannedProduct {
  key: string
  kind: 'pppoe' | 'hotspot'
  profile: string
  name: string
  downloadMbps: number | null
  uploadMbps: number | null
}

interface ProductRow {
  id: number
  name: string
  service_type: string
  router_profile: string | null
}

const productKey = (kind: string, profile: string) => `${kind}:${profile}`
const lower = (s: string) => s.trim().toLowerCase()

/**
 * Which package a router login belongs to: the product whose router profile is the login's
 * (active products first), else one this import plans for the profile (named after it, never
 * clashing with an existing name). Isolated logins name their package in the comment, or take
 * the package the operator chose for them.
 */
export function packagePlanner(
  router: RouterDbRow,
  products: ProductRow[],
  snapshot: RouterSnapshot,
  options: { isolirProductId?: number | null },
) {
  const productByProfile = new Map<string, ProductRow>()
  for (const p of products) {
    if (!p.router_profile) continue
    const k = productKey(p.service_type, p.router_profile)
    if (!productByProfile.has(k)) productByProfile.set(k, p)
  }
  const productNames = new Set(products.map((p) => lower(p.name)))
  const isolirProduct = products.find((p) => p.id === options.isolirProductId) ?? null
  const profiles = new Map(snapshot.profiles.map((p) => [productKey(p.kind, p.name), p]))
  const planned = new Map<string, PlannedProduct>()

  const freeName = (profile: string, kind: 'pppoe' | 'hotspot') => {
    const base = profile === 'default' ? `${profile} (${router.name})` : profile
    const candidates = [base, `${base} (${kind === 'pppoe' ? 'PPPoE' : 'Hotspot'})`]
    for (let n = 2; ; n++) {
      const name = candidates.shift() ?? `${base} ${n}`
      if (!productNames.has(lower(name))) {
        productNames.add(lower(name))
        return name
      }
    }
  }
  const productFor = (kind: 'pppoe' | 'hotspot', profile: string) => {
    const k = productKey(kind, profile)
    const found = productByProfile.get(k)
    if (found) return { productId: found.id, productKey: null, productName: found.name }
    let p = planned.get(k)
    if (!p) {
      const info: RouterProfile = profiles.get(k) ?? {
        kind,
        name: profile,
        downloadMbps: null,
        uploadMbps: null,
        rateLimit: '',
      }
      p = {
        key: k,
        kind,
        profile,
        name: freeName(profile, kind),
        downloadMbps: info.downloadMbps,
        uploadMbps: info.uploadMbps,
      }
      planned.set(k, p)
    }
    return { productId: null, productKey: k, productName: p.name }
  }
  /** The package of an isolated login: a profile named in its comment, else the chosen one. */
  const isolirPackage = (login: RouterLogin) => {
    for (const token of login.comment.split(/[\s,;|:/()]+/)) {
      if (!token || token === router.isolir_profile) continue
      if (profiles.has(productKey(login.kind, token))) return productFor(login.kind, token)
    }
    if (isolirProduct)
      return { productId: isolirProduct.id, productKey: null, productName: isolirProduct.name }
    return null
  }

  return {
    /** The package a login gets when it becomes a service: its profile's, or the isolir one's. */
    packageOf: (login: RouterLogin) =>
      login.profile === router.isolir_profile
        ? isolirPackage(login)
        : productFor(login.kind, login.profile),
    /** The existing package a service would follow to, for "follow the router" (none: null). */
    followed: (login: RouterLogin) =>
      productByProfile.get(productKey(login.kind, login.profile)) ?? null,
    planned: () => [...planned.values()],
  }
}
