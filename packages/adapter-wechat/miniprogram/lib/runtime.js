// The component's seams, resolved lazily: the HealthCode core (code view and renderer)
// and the host (for the Canvas 2D node). Defaults load the npm packages; configure()
// replaces them, which is also how tests inject fakes without a build.
const settings = { locale: 'zh-CN' };

module.exports = {
  configure: (overrides) => Object.assign(settings, overrides),
  core: () => settings.core || (settings.core = require('@healthcode/core')),
  // Components run inside the plugin, where identity would use pluginLogin.
  host: () => settings.host || (settings.host = require('@healthcode/adapter-wechat').wechatHost({ wx, context: 'plugin' })),
  locale: () => settings.locale,
};
