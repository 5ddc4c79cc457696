import type { SharedMessages } from './id'

/**
 * English texts of the error codes and the `validation.*` keys of the shared zod
 * schemas: shared by the UI (i18next resources) and the CLI, so both say the same thing.
 */
export const enMessages: SharedMessages = {
  errors: {
    INTERNAL: 'Something went wrong. Try again; if it keeps happening, contact your admin.',
    VALIDATION: 'Some fields are not filled in correctly. Please check the form.',
    NOT_FOUND: 'Not found.',
    UNAUTHENTICATED: 'Please sign in first.',
    SESSION_EXPIRED: 'Your session has ended. Please sign in again.',
    FORBIDDEN: 'You do not have permission to do this.',
    PASSWORD_CHANGE_REQUIRED: 'You must change your password before you continue.',
    AUTH_INVALID_CREDENTIALS: 'Wrong username or password.',
    AUTH_LOCKED: 'Too many failed attempts. Try again in {{minutes}} minutes.',
    AUTH_USER_INACTIVE: 'This account has been deactivated. Contact your admin.',
    PASSWORD_TOO_WEAK:
      'Password too weak: at least 10 characters, not a common password, and not containing the username.',
    PASSWORD_REUSED: 'The new password must differ from the old one.',
    SETUP_ALREADY_DONE: 'Setup has already been done. Please sign in.',
    SETUP_REQUIRED: 'Loket has not been set up yet. Finish the first-run setup first.',
    USERNAME_TAKEN: 'This username is already taken. Choose another.',
    CANNOT_CHANGE_OWN_ACCOUNT:
      'You cannot change the role of, deactivate or reset the password of your own account.',
    LAST_SUPERADMIN: 'There must always be at least one active Superadmin.',
    SUPERADMIN_ONLY: 'Only a Superadmin may do this.',
    DB_NEWER_THAN_APP: 'The database was made by a newer version of Loket. Update this app.',
    DB_ON_NETWORK_PATH:
      'The database must not be opened from a network folder. Use host/client mode.',
    DB_NATIVE_MODULE_MISMATCH: 'The database module does not match this app. Reinstall Loket.',
    DB_URL_INVALID: 'The database must be a postgres://USER:PASSWORD@HOST:PORT/DB_NAME address.',
    DB_NUMBER_OUT_OF_RANGE: 'A number in the database is too large to read exactly.',
    DB_TARGET_NOT_EMPTY:
      'The target database is not empty. Move only into a new, empty PostgreSQL database.',
    CODE_TAKEN: 'This code is already in use. Choose another one.',
    NAME_TAKEN: 'This name is already in use. Choose another one.',
    PPPOE_USERNAME_TAKEN:
      'This PPPoE username is already used by another service on the same router.',
    ROUTER_PROFILE_SPEED_CONFLICT:
      'Router profile "{{profile}}" is already used by package "{{product}}" with another speed. One profile carries one speed: use another profile name, or leave it empty and Loket names it.',
    INVALID_STATUS_CHANGE: 'This status change is not allowed.',
    SERVICE_TERMINATED:
      'The service has been terminated; its records are kept but can no longer change.',
    IMPORT_HAS_ERRORS: 'The file still has errors. Fix the marked rows and import again.',
    INVOICE_IMMUTABLE:
      'An issued invoice cannot be changed. Use a credit note, or void an unpaid invoice.',
    INVOICE_NOT_ISSUED: 'This invoice is not issued, or it was voided.',
    INVOICE_HAS_PAYMENTS:
      'An invoice with payments cannot be voided. Reverse the payments first or issue a credit note.',
    CREDIT_EXCEEDS_INVOICE:
      'The credit note exceeds the invoice (at most {{max}} can still be credited).',
    PAYMENT_BELOW_MINIMUM: 'The minimum payment is {{min}}.',
    PAYMENT_EXCEEDS_DUE:
      'The payment exceeds the amount due ({{due}}); overpayment is not allowed.',
    REFERENCE_TAKEN: 'This reference is already used by another payment ({{number}}).',
    DAY_CLOSED: 'The cash closing for this day is done; that day cannot change.',
    PAYMENT_ALREADY_REVERSED: 'This payment was already reversed.',
    BILLING_RUN_BUSY: 'An invoice run for this period is in progress. Wait for it to finish.',
    ROUTER_AUTH: 'The router refused the login: wrong API user name or password.',
    ROUTER_REFUSED:
      'The router refused the connection to {{host}}:{{port}}. Check that the API service (IP → Services → api) is enabled and the port is right.',
    ROUTER_TIMEOUT:
      'The router {{host}}:{{port}} did not answer in time. Check the address, firewall and network.',
    ROUTER_UNREACHABLE: 'The router {{host}} cannot be reached from this computer.',
    ROUTER_TLS:
      'TLS does not match port {{port}}. Turn the TLS option on or off to match the router’s api / api-ssl service.',
    ROUTER_TRAP: 'The router refused the command: {{message}}',
    ROUTER_DISCONNECTED:
      'The connection to the router dropped. Changes will be retried automatically.',
    ROUTER_NOT_SET: 'This service has no router yet. Set one in the service’s network settings.',
    ACS_NOT_SET: 'The ACS (GenieACS) is not set up. Enter the NBI address in Settings → ACS.',
    ACS_UNREACHABLE:
      'The ACS at {{url}} cannot be reached ({{reason}}). Check the NBI address, port 7557 and the network; everything else keeps working.',
    ACS_TIMEOUT:
      'The ACS at {{url}} did not answer within {{seconds}} seconds. Check the GenieACS server; everything else keeps working.',
    ACS_AUTH: 'The ACS refused the NBI login: wrong user name or password.',
    ACS_BAD_ANSWER:
      'The ACS gave an answer Loket does not understand (HTTP {{status}}): {{detail}}',
    CPE_NOT_FOUND:
      "This customer's CPE was not found on the ACS (searched by the services' PPPoE user names and CPE serials).",
    CPE_AMBIGUOUS: 'This customer has {{count}} CPEs on the ACS. Choose one: {{devices}}',
    OLT_TIMEOUT:
      'The OLT does not answer (check the address, port and community). Target: {{host}}:{{port}}.',
    OLT_SNMP_ERROR: 'OLT {{host}} answered with an SNMP error: {{message}}',
    OLT_SECRET_REQUIRED: 'Enter the SNMP community (v2c) or the SNMPv3 user and keys of this OLT.',
    ODP_PORT_TAKEN:
      'Port {{port}} of {{odp}} is already used by {{customer}}. Choose another port.',
    ODP_PORT_OUT_OF_RANGE: '{{odp}} has only {{ports}} ports; there is no port {{port}}.',
    ODP_HAS_CUSTOMERS:
      '{{odp}} still serves {{count}} customers. Move them to another ODP before removing it or reducing its ports.',
    ODC_HAS_ODPS: '{{odc}} still has {{count}} ODPs. Move or remove them first.',
    OUTAGE_RESOLVED: 'This outage has already been marked resolved.',
    OUTAGE_NO_SERVICES: 'No customer service is behind {{label}}; nobody is affected.',
    CHANNEL_NOT_SET: 'The {{channel}} channel is not set up. Set it up in Messages → Channels.',
    CHANNEL_SEND_FAILED: 'The message was not sent: {{detail}}',
    CHANNEL_NOT_LINKED:
      'WhatsApp is not linked. Open Messages → Channels and scan the QR code with WhatsApp on the phone.',
    TEMPLATE_UNKNOWN_VARIABLE: 'The template uses unknown variables: {{names}}.',
    JOB_UNKNOWN: 'Unknown job "{{job}}". List them with: jobs list',
    JOB_BUSY: 'The {{job}} job is running. Wait until it finishes.',
    ROUTER_IMPORT_UNDECIDED:
      '{{count}} secret(s) are enabled on the router while their customer is terminated in Loket ({{logins}}). Choose for each: disable the secret, or reactivate the customer.',
    ROUTER_IMPORT_NO_PACKAGE:
      'No package has the router profile {{profiles}} (login {{logins}}). Choose "Keep Loket\'s package" for that login, or first create a package with that profile.',
    ROUTER_IMPORT_ISOLIR_PACKAGE:
      'Choose the package of the secrets in the isolir profile ({{logins}}) before their customers are reactivated.',
    IMPORT_ROUTER_REQUIRED:
      '{{count}} active service(s) have no router. Fill in the router column of the file, or choose a router for area {{areas}}.',
    OTP_INVALID: 'Wrong code. Check the code we sent you.',
    OTP_EXPIRED: 'This code is no longer valid. Ask for a new one.',
    OTP_LOCKED: 'Too many wrong codes. Try again in {{minutes}} minutes.',
    OTP_RESEND_TOO_SOON: 'Wait {{seconds}} seconds before asking for a new code.',
    OTP_TOO_MANY_SENDS: 'The code was sent too often. Try again in {{minutes}} minutes.',
    OTP_NO_PHONE:
      'Your account must use two-step verification over WhatsApp but has no WhatsApp number. Ask a Superadmin to enter your WhatsApp number on the Users page.',
    OTP_CHANNEL_OFF:
      'The verification code cannot be sent because the WhatsApp channel is not active. Ask a Superadmin to turn it on in Messages → Channels.',
    TWO_FACTOR_NEEDS_WHATSAPP:
      'Turn on the WhatsApp channel in Messages → Channels first: verification codes are sent over WhatsApp.',
    TWO_FACTOR_SELF_NO_PHONE:
      'This rule applies to your own account too, which has no WhatsApp number yet. Enter your number on the Users page first.',
    METHOD_NOT_SUPPORTED:
      'This request uses the wrong HTTP method (for example GET for a change). Use the Loket app or a proper API client.',
    UNSUPPORTED_MEDIA_TYPE: 'The request body must be JSON (Content-Type: application/json).',
    HOST_NOT_ALLOWED:
      'Change refused: Loket was opened under the name "{{host}}", which is not a name or address of the host computer. Open Loket by the host\'s IP address or computer name, or ask the admin to add this name (option --allow-host).',
    SETUP_CODE_REQUIRED:
      'Setting up from another computer needs the setup code. It is shown on the host computer: in the Loket window, or where "npm run serve" runs.',
    SETUP_CODE_INVALID:
      'Wrong setup code. Check the code on the host computer (tries left: {{attemptsLeft}}).',
    SECRET_DESTINATION_CHANGED:
      'The destination changed since the password or token was saved, so it is not sent to the new address. Enter the password or token again.',
    BACKUP_NOT_A_BACKUP: 'This file is not a Loket backup (.loket-backup).',
    BACKUP_NEWER_THAN_APP: 'This backup was made by a newer Loket. Update this app to use it.',
    BACKUP_PASSPHRASE_REQUIRED:
      'This backup is encrypted. Enter the backup passphrase (LOKET_BACKUP_PASSPHRASE).',
    BACKUP_PASSPHRASE_WRONG:
      'Wrong backup passphrase. The file cannot be opened without the passphrase it was made with.',
    BACKUP_DAMAGED:
      'The backup file is damaged or was changed. Do not restore from it; use another backup.',
    BACKUP_EXISTS: 'A file with this name exists already. Choose another name.',
    RESTORE_TARGET_NOT_EMPTY:
      'The restore folder is not empty. Restore only into a new, empty data folder.',
    BACKUP_BUSY: 'Another backup is being made. Wait until it has finished.',
    BACKUP_NOT_FOUND: 'This backup file is not in the backup folders.',
    BACKUP_FOLDER_INVALID:
      "This folder cannot be used. Write the folder's full path (e.g. E:\\Loket Backup).",
    BACKUP_COPY_FAILED:
      'The backup was made, but copying it to the second folder failed. Check the USB disk or drive.',
    BACKUP_TOO_LARGE:
      'This backup is too large to download from the page. Copy the file from the backup folder (data folder → backups) or set a second folder.',
    BACKUP_PASSPHRASE_UNREADABLE:
      'The stored backup passphrase cannot be opened on this PC (a different secrets key). Set the passphrase again on the Backup & Restore page.',
    RESTORE_LIVE_POSTGRES:
      'The data is in PostgreSQL: restore into a new folder, then move it with db move-to-postgres.',
    RESTORE_LIVE_UNAVAILABLE:
      'This host cannot restore over the data in use. Restore into a new data folder.',
    HOST_RESTORING: 'Loket is restoring data, try again in a moment.',
    RESTORE_LIVE_DONE:
      'The data was restored from a backup and the host restarted. Everyone needs to sign in again.',
    MODULE_DISABLED:
      'The {{nameEn}} module is switched off. The owner can switch it on in Settings → Modules.',
    TICKET_STATUS_REFUSED:
      'A ticket cannot go from "{{fromWords}}" to "{{toWords}}". The order is: baru → dalam proses → menunggu konfirmasi → selesai; an open ticket may be cancelled (dibatalkan), and a closed one can only be reopened to "dalam proses".',
    TICKET_REOPEN_REASON_REQUIRED:
      'A ticket that is selesai or dibatalkan can only be reopened with a reason. Write the reason.',
    TICKET_ASSIGNEE_INVALID:
      'A ticket can only be assigned to an active user of this company whose role may work tickets (the "Manage tickets" permission).',
    TICKET_CATEGORY_UNKNOWN:
      'Ticket category "{{category}}" does not exist or is no longer active. Pick a category from the ticket settings.',
    TICKET_CATEGORY_IN_USE:
      'Category "{{category}}" is still used by tickets, so it cannot be removed. Switch it off instead.',
    STOCK_INSUFFICIENT:
      'Not enough stock: {{item}} at {{holder}} has {{available}} {{unit}} left, {{requested}} {{unit}} asked for.',
    STOCK_REQUEST_STATUS_REFUSED:
      'An item request in status "{{status}}" cannot be {{action}}. The order is: requested → approved → issued (or rejected).',
    STOCK_SERIAL_INVALID: 'Serial numbers of {{item}} do not match: {{problem}}',
    STOCK_ITEM_NAME_TAKEN: 'An item named "{{name}}" already exists. Use another name.',
    WAREHOUSE_NAME_TAKEN: 'A warehouse named "{{name}}" already exists. Use another name.',
    FIELD_KIND_UNKNOWN:
      'The host does not know the command "{{kind}}" yet. Update Loket on the host PC, then send again.',
    FIELD_PAYLOAD_INVALID:
      'The "{{kind}}" command is incomplete or invalid, so it was not applied.',
    FIELD_NOT_ASSIGNED:
      'Ticket {{number}} is not (or no longer) assigned to you, so the change from this phone was not applied. Contact the office.',
    FIELD_TICKET_CLOSED:
      'Ticket {{number}} was already {{statusWords}} at the office, so the change from this phone was not applied. Ask the office to reopen it if needed.',
    REGISTRATION_STEP_REFUSED:
      'The registration card is at step "{{stepWords}}", so the "{{wantedWords}}" form cannot be saved. The steps go in order: Registration → Survey → Account → Product → Installation → Finalisation.',
    REGISTRATION_CLOSED:
      'This registration card is finished (active or not feasible) and can no longer change.',
    REGISTRATION_OPEN_EXISTS:
      'This customer already has a registration card in progress. Continue that card on the Registration board.',
    REGISTRATION_FILE_INVALID:
      'Invalid picture: {{problem}}. A signature must be a PNG (max. 300 KB), a photo JPG/PNG/WEBP (max. 5 MB).',
    FIELD_REGISTRATION_NOT_ASSIGNED:
      'The {{taskWords}} of customer {{customer}} is not (or no longer) assigned to you, so the report from this phone was not applied. Contact the office.',
    GATEWAY_NOT_CONFIGURED:
      'Online payment is not enabled. Set up a gateway in Settings → Online payment.',
    GATEWAY_UNAVAILABLE:
      'Payment gateway {{gateway}} cannot be reached or refused the request: {{reason}}',
    GATEWAY_CHANNEL_UNKNOWN:
      'Payment method "{{channel}}" is not available. Choose another one from the list.',
    GATEWAY_INVOICE_NOT_PAYABLE:
      "The chosen invoices cannot be paid online: already paid, cancelled, or not this customer's.",
    GATEWAY_TRANSACTION_NOT_HELD:
      'Transaction {{reference}} is not held for review (state: {{state}}).',
    PORTAL_RATE_LIMITED:
      'Too many requests from this device or number. Try again in {{minutes}} minutes.',
    PORTAL_READ_ONLY:
      'This portal view is read-only (opened by staff). Changes and payments cannot be made here.',
    PORTAL_REGISTRATION_OFF: 'Self-registration is not open. Contact the office to sign up.',
    PORTAL_PHONE_TAKEN:
      'This WhatsApp number is already used by another customer. Contact the office if it is yours.',
  },
  validation: {
    quantity: 'Quantity must be a whole number, at least 1.',
    serial_duplicate: 'A serial number is written twice.',
    serial_count: 'The number of serial numbers must equal the quantity.',
    stock_lines_required: 'Add at least one item.',
    stock_line_duplicate: 'The same item is listed twice; combine the quantities.',
    serial_locked: 'An item with stock history cannot change whether it has serial numbers.',
    reject_reason_required: 'Write the reason for rejecting.',
    time: 'Invalid time, write it like 09:30.',
    too_many: 'Too many entries.',
    reason_required: 'Write the reason.',
    survey_decision: 'Choose the survey result: feasible or not feasible.',
    tax_type: 'Choose the tax type.',
    rx_power: 'RX power in dBm between -50 and 10, e.g. -19.5.',
    survey_priority: 'Choose a priority.',
    sla_order: 'The first-response target may not be longer than the resolution target.',
    ticket_category_key:
      'A category key is lowercase letters, digits and underscores only, e.g. pindah_alamat.',
    ticket_category_duplicate: 'A category key is used twice.',
    ticket_nothing_to_change: 'Give a status, a note or the person to assign.',
    ticket_photo_type: 'A ticket photo must be a JPG, PNG or WEBP image.',
    ticket_photo_size: 'The photo is too large (5 MB at most).',
    backup_passphrase_short: 'The backup passphrase needs at least 8 characters.',
    backup_passphrase_mismatch: 'The second passphrase differs from the first.',
    token_destination_changed: 'Enter the token again: the destination changed.',
    password_destination_changed: 'Enter the password again: the destination changed.',
    rate_limit: 'Write the rate limit as RouterOS does: upload/download, e.g. 2M/2M or 512k/1M.',
    validity: 'Write the validity like 1d, 7d, 12h or 1w2d (a number, then w/d/h/m).',
    router_host: 'Enter only the router’s IP address or host name, without http:// or a port.',
    host_address:
      'Enter an IPv4 address (e.g. 192.168.88.10) or a host name (e.g. loket.lan) only.',
    router_name: 'RouterOS names cannot contain spaces, =, ? or quotes.',
    wifi_ssid: 'The SSID must be 1–32 letters, digits or plain punctuation (ASCII).',
    wifi_password:
      'The WiFi (WPA2) password must be 8–63 letters, digits or plain punctuation (ASCII).',
    cpe_serial:
      'A CPE serial may hold letters, digits, dots, colons, underscores and hyphens only.',
    router_port: 'The port must be a number 1–65535 (API 8728, API-SSL 8729).',
    olt_host: 'Enter only the OLT’s IP address or host name, without http:// or a port.',
    olt_port: 'The SNMP port must be a number 1–65535 (usually 161).',
    olt_vendor: 'Choose the OLT vendor: ZTE (1012 or 1082), Huawei or C-Data.',
    olt_weak_rx: 'The weak-signal line must be between −40 and −8 dBm.',
    odp_ports: 'The number of ODP ports must be a whole number 1–128, e.g. 8 or 16.',
    odp_port: 'The port number must be a whole number from 1.',
    odp_photo_type: 'The ODP photo must be a JPG, PNG or WEBP image.',
    url: 'The address must start with http:// or https://.',
    smtp_host:
      'Enter the SMTP server host name only, e.g. smtp.gmail.com, without http:// or a port.',
    url_template: 'The URL template must contain {phone} and {message}.',
    reminder_offsets: 'Reminder days between -30 and 60, e.g. -3, 0, 3.',
    date_not_past: 'The date cannot be before today.',
    period: 'Invalid period, e.g. 2026-12.',
    number_pattern: 'The pattern needs a sequence such as {000000}; {YYYY} becomes the year.',
    amount_positive: 'The amount must be more than zero.',
    reference_required: 'A reference is required for transfers and e-wallets.',
    document_kind: 'Choose the kind of document.',
    sid_pattern: 'The SID pattern needs a running number such as {000000} (no {AREA}).',
    pppoe_rule_chars:
      'Use lowercase letters, digits, dot, underscore, @ or hyphen, and {kode}, {nama}, {sid}.',
    pppoe_rule: 'The rule must contain {kode} or {sid} so every username is unique.',
    file_type: 'Unsupported file type. Use JPG, PNG, WEBP or PDF.',
    file_name: 'Invalid file name. Give the file a name, e.g. ktp-budi.jpg.',
    file_size: 'The file is too large (10 MB at most).',
    amount: 'Enter a whole rupiah amount, e.g. 150000.',
    area_code: 'Area code: 2–10 capital letters or digits, e.g. CBG01.',
    code_pattern: 'The pattern must contain a running number, e.g. {AREA}-{0000}.',
    speed: 'Speed in Mbps, 0 to 100,000.',
    speed_required: 'Enter both download and upload speed so Loket can set it on the router.',
    burst_incomplete:
      'Fill in the whole burst: burst rates, thresholds and time — or leave all empty.',
    burst_rate: 'The burst rate must be higher than the normal speed.',
    burst_threshold: 'The burst threshold must be above 0 and below the burst rate.',
    burst_time: 'Burst time is 1 to 3,600 seconds.',
    fup_incomplete: 'Enter both FUP download and upload speed, or leave both empty.',
    fup_above_speed: 'The FUP speed must be below the package speed.',
    needs_quota: 'Enter the package quota (GB) first: FUP and the extra price apply past it.',
    usage_price_twice: 'Choose one: a price per GB past the quota, or a price per GB of all usage.',
    service_type: 'Choose a service type.',
    number: 'Enter a whole number.',
    voucher_quota: 'A quota in whole MB, or in GB with at most 2 decimals.',
    category: 'Choose a customer category.',
    status: 'Choose a status.',
    billing_day: 'Billing day 1 to 28.',
    ip: 'Not a valid IP address, e.g. 10.10.10.2.',
    nik: 'The ID number (NIK) must be 16 digits.',
    coordinates: 'Not valid coordinates.',
    host_url: 'Write the host address like http://192.168.1.10:8080 (no path after it).',
    required: 'Required.',
    too_long: 'Too long.',
    invalid_text: 'The text holds a character that cannot be stored (such as NUL).',
    phone: 'Not a valid phone number. Example: 0812-3456-7890.',
    email: 'Not a valid email address.',
    username: '3–32 characters: lowercase letters, digits, dot, underscore or hyphen.',
    password_too_short: 'The password needs at least {{min}} characters.',
    password_too_common: 'This password is too common and easy to guess.',
    password_contains_username: 'The password must not contain the username.',
    password_mismatch: 'The passwords do not match.',
    price_list_product_twice: 'Each package may appear only once in a price list.',
    date: 'Not a valid date.',
    npwp: 'An NPWP has 15 or 16 digits.',
    time_zone: 'Choose a time zone.',
    role: 'Choose a role.',
    permission: 'Unknown permission.',
    gateway_url: 'Write an address like https://tripay.co.id/api-sandbox/ (http/https, no ? or #).',
    gateway_key_required: 'This key is required.',
    out_of_range: 'The value is outside the allowed range.',
    invalid: 'Invalid value.',
    otp_code: 'The code is 6 digits.',
    portal_pick_invoice: 'Pick at least one invoice.',
  },
}
