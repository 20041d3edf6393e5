export { formatFxReport } from './format-fx.js';
export type { FxReport } from './get-fx-report.js';
export { getFxReport } from './get-fx-report.js';
export type { FxSettings } from './settings.js';
export { DEFAULT_FX_SHOCK_PCT, readFxSettings } from './settings.js';
