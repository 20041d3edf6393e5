export { assert, defined, InvariantError } from './assert.js';
export { groupBy } from './collections.js';
export type { BillId, CustomerId, InvoiceId, OrganisationId, SupplierId } from './ids.js';
export { toCamel, toSnake } from './names.js';
export type { Rng } from './random.js';
export { createRng } from './random.js';
export type { DomainError, ErrorDetails, Result } from './result.js';
export { DomainFailure, err, fail, ok, unwrap } from './result.js';
