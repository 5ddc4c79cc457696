/** Indonesian texts of penagihan: pengingat, isolir otomatis, janji bayar, kebijakan. */
export const idCollections = {
  collections: {},
}
