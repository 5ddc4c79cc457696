import path from 'node:path'

export interface DataDirContext {
  platform: NodeJS.Platform
  isPackaged: boolean
  /** Electron's per-user `userData` folder (`%APPDATA%\Loket` on Windows). */
  userData: string
  env: Record<string, string | undefined>
}

/**
 * Where the desktop keeps its database, keys, backups and logs: never inside the install folder,
 * which an update replaces.
 *
 * The Windows installer installs per machine (for all users), and the host PC of an office is often
 * shared: the cashier and the owner sign in to Windows under their own accounts. A per-user folder
 * (`%APPDATA%`) would give each Windows account its own, separate company database, and a roaming
 * profile would copy the live SQLite file around the domain. So an installed Loket on Windows keeps
 * one data directory for the machine, `%ProgramData%\Loket\data`; the installer makes it writable
 * for every local user (build/installer.nsh). Who may do what is decided by Loket's own sign-in,
 * not by the Windows account. `npm run dev` and other platforms keep Electron's per-user folder.
 */
export function desktopDataDir(context: DataDirContext): string {
  if (context.platform === 'win32' && context.isPackaged) {
    const programData = context.env.ProgramData ?? context.env.PROGRAMDATA ?? 'C:\\ProgramData'
    return path.win32.join(programData, 'Loket', 'data')
  }
  return path.join(context.userData, 'data')
}
