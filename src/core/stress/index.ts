export * from './monte-carlo/index.js';
export type { BreakingPoint, BreakTarget, ReverseDriver } from './reverse.js';
export { REVERSE_LIMITS, reverseStress } from './reverse.js';
export type { StressBase } from './run-shocks.js';
export { measure, runShocks, runStressBase, shockForecast } from './run-shocks.js';
export { ShockedFxTable } from './shocked-fx.js';
export type { ShockedForecast } from './shocks.js';
export { applyShock, largestCustomers, largestSuppliers } from './shocks.js';
export type { NamedShock } from './standard.js';
export { foreignCurrencies, STANDARD_SHOCKS, standardShocks } from './standard.js';
export type {
  PeriodRef,
  Shock,
  ShockKind,
  ShockOutcome,
  StressCustomer,
  StressInput,
  StressSettings,
  StressSupplier,
} from './types.js';
