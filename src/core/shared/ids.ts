/**
 * Identifiers are plain strings in storage, on the wire and in code. They are aliases rather than
 * brands (see docs/adr/0002-dates-and-ids.md): importers, stores and tests pass them through
 * untouched, and a brand would add casts at every edge without catching real mistakes.
 */
export type OrganisationId = string;
export type CustomerId = string;
export type SupplierId = string;
export type InvoiceId = string;
export type BillId = string;
