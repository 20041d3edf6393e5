export type { CashPosition, Exposure, PositionInput } from './cash-position.js';
export { computeCashPosition } from './cash-position.js';
export type { OpenBill } from './open-bills.js';
export { computeOpenBills } from './open-bills.js';
