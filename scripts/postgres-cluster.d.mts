/** See postgres-cluster.mjs. */
export function postgresBin(): string | null
export function startPostgresCluster(
  bin?: string | null,
  o?: { durable: boolean },
): Promise<{ url: string; stop(): void }>
