// <health-code>: shows a live health code on a Canvas 2D node, with its status, a ticking
// clock and a refresh button. Drawing and state come from core's code view; this file
// only adapts it to Alipay's Component API (props, didMount/didUpdate/didUnmount). Calls
// the `onRefresh` prop when the user asks for a new code.
const runtime = require('../../lib/runtime.js');

Component({
  props: {
    qrText: '',
    name: '',
    documentTail: '',
    regionName: '',
    status: '',
    /** ISO 8601 time the code expires. */
    expiresAt: '',
    refreshAfter: '',
    /** From the app's refresh controller: '', 'fresh', 'refreshing', 'stale' or 'expired'. */
    freshness: '',
    screenshotWarning: false,
    refreshing: false,
    refreshText: '刷新',
    onRefresh: () => {},
  },

  data: { statusLabel: '', clock: '', error: '', status: '', refreshing: false, refreshText: '' },

  // The template reads data only, so the props it shows are mirrored here (component2).
  deriveDataFromProps(nextProps) {
    const { status, refreshing, refreshText } = nextProps;
    this.setData({ status, refreshing, refreshText });
  },

  didMount() {
    const core = runtime.core();
    this.watched = core.CODE_VIEW_PROPS;
    this.view = core.createCodeView({ locale: runtime.locale() });
    this.setData(this.view.setProps(this.props));
    this.timer = setInterval(() => this.setData(this.view.tick()), 1000);
    const { canvas } = runtime.host();
    if (!canvas) return this.setData({ error: 'Canvas 2D is not available in this Alipay version' });
    canvas.getCanvas(`#hc-canvas-${this.$id}`, { scope: this }).then(
      (target) => this.view && this.setData(this.view.setCanvas(target)),
      (error) => this.setData({ error: error.message }),
    );
  },

  // Runs after every props or data change, setData included: redraw only for new props.
  didUpdate(prevProps) {
    if (this.view && this.watched.some((key) => prevProps[key] !== this.props[key])) {
      this.setData(this.view.setProps(this.props));
    }
  },

  didUnmount() {
    clearInterval(this.timer);
    this.view = null;
  },

  methods: {
    onRefreshTap() {
      this.props.onRefresh();
    },
  },
});
