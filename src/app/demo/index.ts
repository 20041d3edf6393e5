export { CHINESE_NEW_YEAR } from './calendar.js';
export { type DemoCompany, emptyRecords, generateDemoCompany } from './company.js';
export { DEMO_NAME, DEMO_NAME_EN, demoOrganisation, namedCustomers, streamDemoCompany } from './generate.js';
export {
  DEFAULT_CUSTOMERS,
  DEFAULT_INVOICES,
  DEFAULT_SEED,
  type DemoOptions,
  type DemoParams,
  resolveOptions,
} from './options.js';
export { recurringOutflowsOn } from './recurring.js';
export type {
  DemoBatch,
  DemoCreditLimit,
  DemoOrganisation,
  DemoPayment,
  DemoReceipt,
  DemoRecordKind,
  DemoRecords,
  FxConversion,
  NamedCustomers,
} from './types.js';
export { type CreateDemoParams, type CreateDemoResult, createDemoCompany } from './write.js';
