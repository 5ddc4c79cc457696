import type { RouterOutputs } from '../../session/session'

export type UserRow = RouterOutputs['users']['list'][number]

/** Which dialog of the users page is open, and for whom. */
export type UserDialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserRow }
  | { kind: 'reset'; user: UserRow }
  | { kind: 'deactivate'; user: UserRow }
  | { kind: 'devices'; user: UserRow }
  | null
