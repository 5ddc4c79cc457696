export {
  assignServicePort,
  customerPorts,
  getOdp,
  mapsUrl,
  odpChoices,
  removeOdc,
  removeOdp,
  saveOdc,
  saveOdp,
  setOltPop,
} from './topology'
export type { CompanyActor, OdpDetail, OdpPortView } from './topology'
export { topologyTree } from './tree'
export type {
  TopologyTree,
  TreeCustomer,
  TreeOdc,
  TreeOdp,
  TreeOlt,
  TreePon,
  TreePop,
} from './tree'
export {
  affectedServices,
  declareOutage,
  getOutage,
  listOutages,
  outagePreview,
  resolveOutage,
} from './outages'
export type { AffectedService, OutageView } from './outages'
export { setOdpPhoto, readOdpPhoto } from './photo'
