import type { idCollections } from './id-collections'

/** English texts of the collections pages. */
export const enCollections: typeof idCollections = {
  collections: {},
}
