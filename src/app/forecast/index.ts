export { backtestJson, backtestReceipts, backtestReceiptsFromFile } from './backtest.js';
export { exportForecastXlsx } from './export-xlsx.js';
export { loadForecastInput } from './load-input.js';
export type { ForecastWithSaved, RunForecastOptions } from './run.js';
export { forecastAccuracy, freezeForecast, runForecast } from './run.js';
export { readForecastSettings } from './settings.js';
