// A demo page: shows a sample code and "refreshes" it locally. A real app gets the code
// from its HealthCode service with the client (`createClient({ host, baseUrl }).getCode()`).
const STATUSES = ['green', 'yellow', 'red'];

function sampleCode(round) {
  return {
    qrText: `HCODE2:DEMO-${round}-NOT-A-VALID-CODE`,
    name: '李*四',
    documentTail: '5678',
    regionName: '示例市',
    status: STATUSES[round % STATUSES.length],
    expiresAt: new Date(Date.now() + 5 * 60 * 1000).toISOString(),
  };
}

Page({
  data: { code: sampleCode(0), refreshing: false, round: 0 },

  onShow() {
    my.setKeepScreenOn({ keepScreenOn: true });
  },

  onRefresh() {
    const round = this.data.round + 1;
    this.setData({ refreshing: true });
    setTimeout(() => this.setData({ code: sampleCode(round), round, refreshing: false }), 300);
  },
});
