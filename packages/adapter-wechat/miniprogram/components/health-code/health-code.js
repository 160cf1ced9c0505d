// <health-code>: shows a live health code on a Canvas 2D node, with its status, a ticking
// clock and a refresh button. Drawing and state come from core's code view; this file
// only adapts it to WeChat's Component API. Fires `refresh` when the user asks for a new code.
const runtime = require('../../lib/runtime.js');

Component({
  properties: {
    qrText: { type: String, value: '' },
    name: { type: String, value: '' },
    documentTail: { type: String, value: '' },
    regionName: { type: String, value: '' },
    status: { type: String, value: '' },
    /** ISO 8601 time the code expires. */
    expiresAt: { type: String, value: '' },
    refreshAfter: { type: String, value: '' },
    /** From the app's refresh controller: '', 'fresh', 'refreshing', 'stale' or 'expired'. */
    freshness: { type: String, value: '' },
    screenshotWarning: { type: Boolean, value: false },
    refreshing: { type: Boolean, value: false },
    refreshText: { type: String, value: '刷新' },
  },

  data: { statusLabel: '', clock: '', error: '' },

  observers: {
    // The code view's props (CODE_VIEW_PROPS); WeChat needs them spelled out here.
    'qrText, name, documentTail, regionName, status, expiresAt, refreshAfter, freshness, screenshotWarning'() {
      if (this.view) this.setData(this.view.setProps(this.data));
    },
  },

  lifetimes: {
    attached() {
      this.view = runtime.core().createCodeView({ locale: runtime.locale() });
      this.setData(this.view.setProps(this.data));
      this.timer = setInterval(() => this.setData(this.view.tick()), 1000);
    },
    ready() {
      const { canvas } = runtime.host();
      if (!canvas) return this.setData({ error: 'Canvas 2D is not available in this WeChat version' });
      canvas.getCanvas('#hc-canvas', { scope: this }).then(
        (target) => this.view && this.setData(this.view.setCanvas(target)),
        (error) => this.setData({ error: error.message }),
      );
    },
    detached() {
      clearInterval(this.timer);
      this.view = null;
    },
  },

  methods: {
    onRefresh() {
      this.triggerEvent('refresh');
    },
  },
});
