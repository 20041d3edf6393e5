import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../app/accounts/organisations-admin.js';
import { isCurrencyCode } from '../../core/money/index.js';
import { isLocalDate } from '../../core/time/index.js';

/**
 * Building blocks of the request and response schemas. Inputs are strict (unknown fields are
 * rejected), strings refuse NUL (PostgreSQL cannot store it) and numbers must be finite.
 */
const noNul = (s: string) => !s.includes('\u0000');

export const text = (max = 200) => z.string().min(1).max(max).refine(noNul, 'must not contain NUL characters');
export const optionalText = (max = 200) => z.string().max(max).refine(noNul, 'must not contain NUL characters');
export const localDate = () =>
  z
    .string()
    .refine((s) => isLocalDate(s), 'must be a calendar date YYYY-MM-DD')
    .meta({ format: 'date', example: '2026-03-31' });
export const instant = () => z.iso.datetime({ offset: true });
export const currency = () =>
  z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY')
    .refine((s) => isCurrencyCode(s), 'must be a known ISO 4217 currency');
export const country = () => z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code such as CN');
export const money = () => z.int().describe('integer amount in minor units (fen for CNY)');
export const rate = () => z.number().refine(Number.isFinite, 'must be a finite number');
export const email = () => z.email().max(254);
/** The password rule of every account (organisations-admin.ts), wherever one is set. */
export const password = () =>
  z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH).refine(noNul, 'must not contain NUL characters');
export const id = () => text(100);

/** `?limit=&offset=` with sane bounds. */
export const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('page size, 1-500'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe('rows to skip'),
};

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe('stable SCREAMING_SNAKE code'),
      message: z.string().describe('in the language of Accept-Language (zh-CN or en)'),
      field: z.string().optional(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: 'Error' });

/** A page of items and the offset of the next page (null on the last). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextOffset: z.int().nullable() });

export const okBody = z.object({ ok: z.literal(true) });
