import { AppError } from '@shared/errors'
import {
  PACKAGE_CHOICES,
  PUTUS_CHOICES,
  type PackageChoice,
  type PutusChoice,
} from '@shared/schemas'
import type { RouterLogin } from './read'

/*
 * PackageChoice, for a linked login whose router profile is not its Loket package's:
 * - loket: keep Loket's package; the device queue puts the package's profile on the router;
 * - router: follow the router; the service moves to the package whose router profile that is.
 * PutusChoice, for a login enabled on the router while its customer (or the service holding it)
 * is putus in Loket — never decided silently:
 * - disable: the customer stays putus; the device queue disables the secret (never deletes it);
 * - reactivate: the customer comes back with a new service on this login (putus is final, so the
 *   terminated service stays as a record and hands its login over).
 */
export type { PackageChoice, PutusChoice }

export type RowChoice = PackageChoice | PutusChoice

/** The package decision of one linked login (PlannedLogin.packageDiff). */
export interface PackageDifference {
  loketProductId: number
  loketProduct: string
  /** The profile Loket's package gives on the router ('default' when the package names none). */
  loketProfile: string
  /** The package whose router profile is the login's: what "follow the router" moves it to. */
  routerProductId: number | null
  routerProduct: string | null
  choice: PackageChoice
}

/** The decision about an enabled login of a putus customer (PlannedLogin.conflict). */
export interface PutusConflict {
  /** The putus service holding the login; null when only the comment names the customer. */
  putusServiceId: number | null
  /** A package is known for the login (else re-activation waits for the isolir package). */
  canReactivate: boolean
  choice: PutusChoice | null
}

/** How a row is named in the operator's per-row choices: `pppoe:budi`, `hotspot:kos-a1`. */
export const loginKey = (l: Pick<RouterLogin, 'kind' | 'name'>) => `${l.kind}:${l.name}`

export interface ChoiceOptions {
  /** For every package difference without a row choice; default 'loket'. */
  packages?: PackageChoice
  /** For every putus conflict without a row choice; default none: each must be decided. */
  putus?: PutusChoice | null
  /** Per row, by loginKey. */
  choices?: Record<string, RowChoice>
}

const isPackageChoice = (c: unknown): c is PackageChoice =>
  (PACKAGE_CHOICES as readonly unknown[]).includes(c)
const isPutusChoice = (c: unknown): c is PutusChoice =>
  (PUTUS_CHOICES as readonly unknown[]).includes(c)

export function packageChoiceFor(login: RouterLogin, options: ChoiceOptions): PackageChoice {
  const row = options.choices?.[loginKey(login)]
  return isPackageChoice(row) ? row : (options.packages ?? 'loket')
}

export function putusChoiceFor(login: RouterLogin, options: ChoiceOptions): PutusChoice | null {
  const row = options.choices?.[loginKey(login)]
  return isPutusChoice(row) ? row : (options.putus ?? null)
}

interface Decidable {
  login: RouterLogin
  packageDiff: PackageDifference | null
  conflict: PutusConflict | null
}

/**
 * Before anything is written: every putus conflict has a decision that can be carried out, and
 * every "follow the router" has a package to follow. Otherwise the commit is refused with the
 * logins named, so the operator knows which rows to decide.
 */
export function assertDecided(rows: Decidable[]): void {
  const undecided = rows.filter((r) => r.conflict && r.conflict.choice === null)
  if (undecided.length) {
    throw new AppError('ROUTER_IMPORT_UNDECIDED', `${undecided.length} putus login(s) undecided`, {
      count: undecided.length,
      logins: names(undecided),
    })
  }
  const stuck = rows.filter((r) => r.conflict?.choice === 'reactivate' && !r.conflict.canReactivate)
  if (stuck.length) {
    throw new AppError('ROUTER_IMPORT_ISOLIR_PACKAGE', 'no package for a login to reactivate', {
      count: stuck.length,
      logins: names(stuck),
    })
  }
  const unfollowable = rows.filter(
    (r) => r.packageDiff?.choice === 'router' && r.packageDiff.routerProductId === null,
  )
  if (unfollowable.length) {
    throw new AppError('ROUTER_IMPORT_NO_PACKAGE', 'no package has the router profile', {
      count: unfollowable.length,
      logins: names(unfollowable),
      profiles: profiles(unfollowable),
    })
  }
}

/** The first few logins, enough for a sentence ("budi, siti, joko +4"). */
function names(rows: Decidable[]): string {
  const shown = rows.slice(0, 5).map((r) => r.login.name)
  return rows.length > 5 ? `${shown.join(', ')} +${rows.length - 5}` : shown.join(', ')
}

function profiles(rows: Decidable[]): string {
  return [...new Set(rows.map((r) => r.login.profile))].join(', ')
}
