/**
 * The one IPC channel the API travels on. Kept here, free of Node imports, because the sandboxed
 * preload may bundle nothing else; src/main/api/ipc.ts repeats it and test/lint checks they agree.
 */
export const IPC_CHANNEL = 'loket:trpc'
