; Loket's additions to electron-builder's NSIS installer (nsis.include in electron-builder.yml).
; The installer runs elevated (per-machine install), which netsh and icacls below need.

; The desktop host's LAN port: DEFAULT_LAN_PORT in src/main/desktop/startup.ts. NSIS cannot read
; TypeScript, so the number is repeated here; test/installer/electron-builder-config.test.ts fails
; when the two differ.
!define LOKET_LAN_PORT 8080
!define LOKET_FIREWALL_RULE "Loket LAN"

!macro loketDeleteFirewallRule
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${LOKET_FIREWALL_RULE}" protocol=TCP localport=${LOKET_LAN_PORT}'
  Pop $0
!macroend

!macro customInstall
  ; Clients, technicians' phones and the portal reach the host on this port. The rule is limited to
  ; Loket.exe and to private and domain networks (an office LAN), never public ones, so a laptop
  ; host on a café's Wi-Fi is not open to strangers. A rule from an earlier install is removed
  ; first so reinstalling or updating never stacks duplicates.
  !insertmacro loketDeleteFirewallRule
  nsExec::ExecToLog 'netsh advfirewall firewall add rule name="${LOKET_FIREWALL_RULE}" dir=in action=allow protocol=TCP localport=${LOKET_LAN_PORT} program="$INSTDIR\${APP_EXECUTABLE_FILENAME}" profile=private,domain'
  Pop $0

  ; The data directory is one per PC, outside the install folder (src/main/desktop/data-dir.ts).
  ; Folders under ProgramData are writable only by their creator, so every local user (BUILTIN\Users,
  ; named by SID because the group's name is translated on Indonesian Windows) gets Modify on it;
  ; otherwise the database created by one Windows account could not be written by the next.
  ReadEnvStr $1 ProgramData
  CreateDirectory "$1\Loket\data"
  nsExec::ExecToLog 'icacls "$1\Loket" /grant *S-1-5-32-545:(OI)(CI)M /Q'
  Pop $0
!macroend

!macro customUnInstall
  ; An update runs the old uninstaller first; its firewall rule stays (customInstall of the new
  ; version replaces it). The data directory is never removed: it holds the company's books.
  ${ifNot} ${isUpdated}
    !insertmacro loketDeleteFirewallRule
  ${endIf}
!macroend
