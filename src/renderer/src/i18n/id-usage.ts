/** Indonesian texts of data usage: the Laporan tab and the customer page (issue 18). */
export const idUsage = {
  usage: {
    period: 'Periode',
    summary: '{{services}} layanan · unduh {{download}} · unggah {{upload}} · total {{total}}',
    packages: 'Per paket',
    top: 'Pemakai terbesar',
    trend: 'Tren 12 bulan',
    colPackage: 'Paket',
    colServices: 'Layanan',
    colCustomer: 'Pelanggan',
    colMonth: 'Bulan',
    colDownload: 'Unduh',
    colUpload: 'Unggah',
    colTotal: 'Total',
    colAverage: 'Rata-rata per layanan',
    empty: 'Belum ada pemakaian tercatat pada periode ini',
    emptyHint:
      'Pemakaian dicatat dari penghitung byte router setiap 15 menit (jadwal “Pencatatan pemakaian”).',
    basis: 'Dalam satuan desimal: 1 GB = 1.000.000.000 byte. Unduh dan unggah dari sisi pelanggan.',
    customerTitle: 'Pemakaian data',
    thisMonth: 'Bulan ini',
    customerEmpty: 'Belum ada pemakaian tercatat',
    customerEmptyHint:
      'Pemakaian layanan pelanggan ini dicatat dari penghitung byte router oleh jadwal “Pencatatan pemakaian” (setiap 15 menit).',
    customerBasis: 'Batang: 12 bulan terakhir, bulan ini paling kanan. 1 GB = 1.000.000.000 byte.',
    downUp: 'Unduh {{down}} · unggah {{up}}',
    monthBar: '{{month}}: {{total}}',
  },
}
