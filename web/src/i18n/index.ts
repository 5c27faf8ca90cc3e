export { en, zh, type MessageKey } from './catalogue.js';
export { I18nProvider, useI18n, translate, isMessageKey, type I18n, type Translate, type Params } from './context.js';
export { parameterLabel, templateLabel } from './parameters.js';
export { formatMoney, formatNumber, formatPercent } from './format.js';
