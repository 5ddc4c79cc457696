/** English texts of data usage: the reports tab and the customer page (issue 18). */
export const enUsage = {
  usage: {
    period: 'Period',
    summary: '{{services}} services · download {{download}} · upload {{upload}} · total {{total}}',
    packages: 'By package',
    top: 'Top users',
    trend: '12-month trend',
    colPackage: 'Package',
    colServices: 'Services',
    colCustomer: 'Customer',
    colMonth: 'Month',
    colDownload: 'Download',
    colUpload: 'Upload',
    colTotal: 'Total',
    colAverage: 'Average per service',
    empty: 'No usage recorded in this period yet',
    emptyHint:
      'Usage is collected from the routers’ byte counters every 15 minutes (the “Usage collection” job).',
    basis:
      'Decimal units: 1 GB = 1,000,000,000 bytes. Download and upload from the customer’s side.',
    customerTitle: 'Data usage',
    thisMonth: 'This month',
    customerEmpty: 'No usage recorded yet',
    customerEmptyHint:
      'This customer’s services are recorded from the routers’ byte counters by the “Usage collection” job (every 15 minutes).',
    customerBasis: 'Bars: the last 12 months, this month on the right. 1 GB = 1,000,000,000 bytes.',
    downUp: 'Download {{down}} · upload {{up}}',
    monthBar: '{{month}}: {{total}}',
  },
}
