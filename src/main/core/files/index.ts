export { directoryFileStore, memoryFileStore } from './file-store'
export type { FileStore } from './file-store'
