export type { RunStressOptions, StressHorizon, StressReport } from './run.js';
export { loadStressInput, runStress, stressCustomers } from './run.js';
