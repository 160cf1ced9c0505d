// Plugin entry, what `requirePlugin('healthcode')` returns to the host app.
const runtime = require('./lib/runtime.js');

module.exports = {
  /**
   * Replaces the component's defaults, e.g. `configure({ host })` to share the app's own
   * host, or `configure({ locale: 'en' })`.
   */
  configure: runtime.configure,
};
