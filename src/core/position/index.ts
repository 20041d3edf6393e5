export type { CashPosition, Exposure, PositionInput } from './cash-position.js';
export { computeCashPosition } from './cash-position.js';
