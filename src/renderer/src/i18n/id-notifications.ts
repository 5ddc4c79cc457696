/** Indonesian texts of pusat notifikasi. */
export const idNotifications = {
  notifications: {
    bell: 'Notifikasi',
    bellUnread: 'Notifikasi, {{count}} belum dibaca',
    title: 'Notifikasi',
    markAll: 'Tandai semua dibaca',
    empty: 'Belum ada notifikasi',
    emptyHint: 'Hal yang perlu perhatian akan muncul di sini.',
    loadFailed: 'Notifikasi gagal dimuat.',
    kinds: {
      due_today: '{{count}} tagihan jatuh tempo hari ini',
      overdue: '{{count}} pelanggan menunggak',
      isolir_done: '{{count}} layanan diisolir otomatis',
      restore_done: '{{count}} layanan dibuka isolirnya otomatis',
      messages_failing: '{{count}} pesan gagal terkirim dalam 24 jam terakhir',
      router_jobs_failing: '{{count}} pekerjaan router gagal',
      job_failed: 'Tugas “{{jobName}}” gagal',
      reconcile_differences: '{{count}} selisih antara router dan Loket',
      backup_failed: 'Backup terjadwal {{date}} gagal: {{problemText}}',
      backup_missed:
        'Backup terjadwal {{date}} terlewat (host mati pukul {{time}}); backup dibuat sekarang',
      stock_low: 'Stok {{name}} menipis: tersisa {{count}} {{unit}} (batas {{threshold}})',
      gateway_payment_held:
        'Pembayaran online {{reference}} ({{customer}}) ditahan: dibayar {{paid}}, diminta {{asked}}. Periksa lalu setujui atau tolak.',
      ticket_new: 'Tiket baru {{number}} ({{priority}}): {{title}}',
      ticket_sla_first_response:
        'Tiket {{number}} ({{priority}}) belum ditanggapi melewati target SLA: {{title}}',
      ticket_sla_resolution:
        'Tiket {{number}} ({{priority}}) belum selesai melewati target SLA: {{title}}',
    },
    unknownKind: 'Pemberitahuan baru',
    justNow: 'baru saja',
  },
}
