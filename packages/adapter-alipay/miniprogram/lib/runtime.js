// Seams of the component, resolved lazily: the HealthCode core and the host (for the
// Canvas 2D node). Defaults load the npm packages; configure() replaces them (tests do).
const settings = { locale: 'zh-CN' };

module.exports = {
  configure: (overrides) => Object.assign(settings, overrides),
  core: () => settings.core || (settings.core = require('@healthcode/core')),
  host: () => settings.host || (settings.host = require('@healthcode/adapter-alipay').alipayHost({ my })),
  locale: () => settings.locale,
};
