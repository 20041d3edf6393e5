import { z } from 'zod';
import type { BuyerCoverKind } from '../../../core/model/index.js';
import { isCurrencyCode, parseMinor } from '../../../core/money/index.js';
import { fail, ok, type Result } from '../../../core/shared/index.js';
import { addDays, isLocalDate, type LocalDate } from '../../../core/time/index.js';
import { DEFAULT_HTTP, type HttpOptions, requestJson } from './http.js';
import type { ConnectorSettings } from './settings.js';
import type { BuyerGrade, ClaimStatus, CoverDecision, InsurerConnector } from './types.js';

const PAGE_SIZE = 100;
const MAX_PAGES = 1000;

const date = () => z.string().refine(isLocalDate, 'a date YYYY-MM-DD');
const amount = () => z.union([z.number().finite().min(0), z.string().regex(/^\d+(\.\d+)?$/)]);
const currency = () => z.string().refine(isCurrencyCode, 'an ISO 4217 code');

/** The token answer of the identity provider (documented: access_token, token_type, expires_in). */
const tokenBody = z.object({ access_token: z.string().min(1), token_type: z.string(), expires_in: z.number() });

/** One cover of the Cover API (one decision per buyer: granted, refused, cancelled or expired). */
const coverBody = z.object({
  coverId: z.string().min(1),
  policyId: z.string(),
  company: z.object({
    companyId: z.string().min(1),
    companyName: z.string(),
    nationalId: z.string().nullish(),
  }),
  coverType: z.enum(['CREDIT_LIMIT', 'DISCRETIONARY_LIMIT']),
  coverStatus: z.enum(['ACTIVE', 'REFUSED', 'CANCELLED', 'EXPIRED']),
  decision: z.object({
    amount: amount(),
    currency: currency(),
    effectiveDate: date(),
    /** The last day deliveries are covered, when the decision ends. */
    expiryDate: date().nullish(),
  }),
});

const gradeBody = z.object({
  gradeId: z.string(),
  companyId: z.string().min(1),
  companyName: z.string(),
  grade: z.int().min(1).max(10),
  gradeDate: date(),
});

const claimBody = z.object({
  claimId: z.string().min(1),
  debtorId: z.string().min(1),
  debtorName: z.string(),
  claimStatus: z.string(),
  claimAmount: amount(),
  approvedAmount: amount().nullish(),
  currency: currency(),
  lossDate: date().nullish(),
});

const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });

/** A body that is JSON but not the documented shape: the first wrong field, by its path. */
function badBody(what: string, error: z.ZodError): Result<never> {
  const issue = error.issues[0];
  return fail('INS_API_BAD_BODY', {
    endpoint: what,
    field: (issue?.path ?? []).map(String).join('.') || '(body)',
    expected: issue?.message ?? '',
  });
}

function minor(value: number | string, cur: string): number | null {
  return parseMinor(typeof value === 'number' ? String(value) : value, cur) ?? null;
}

/** A cover as a limit decision: a refusal excludes the buyer, an end date cuts the limit the day after. */
function toDecision(c: z.infer<typeof coverBody>, at: string): Result<CoverDecision> {
  const amountMinor = minor(c.decision.amount, c.decision.currency);
  if (amountMinor === null)
    return fail('INS_API_BAD_BODY', {
      endpoint: 'covers',
      field: `${at}.decision.amount`,
      expected: `an amount with at most the decimals of ${c.decision.currency}`,
    });
  const ended = c.coverStatus === 'CANCELLED' || c.coverStatus === 'EXPIRED';
  if (ended && !c.decision.expiryDate)
    return fail('INS_API_BAD_BODY', {
      endpoint: 'covers',
      field: `${at}.decision.expiryDate`,
      expected: `the last covered day of a ${c.coverStatus} cover`,
    });
  const kind: BuyerCoverKind =
    c.coverStatus === 'REFUSED'
      ? 'excluded'
      : c.coverType === 'DISCRETIONARY_LIMIT'
        ? 'discretionary'
        : 'insurer_limit';
  return ok({
    coverId: c.coverId,
    buyerId: c.company.companyId,
    buyerName: c.company.companyName,
    nationalId: c.company.nationalId ?? null,
    kind,
    currency: c.decision.currency,
    limitMinor: kind === 'excluded' ? 0 : amountMinor,
    effectiveFrom: c.decision.effectiveDate,
    cancelledOn: c.decision.expiryDate ? addDays(c.decision.expiryDate as LocalDate, 1) : null,
  });
}

/**
 * Allianz Trade's API (developers.allianz-trade.com): a bearer token from the identity provider
 * (the API key, or an OAuth client id and secret with the client-credentials grant), then the
 * covers, company grades and claims of one policy, page by page (page/pageSize, Total-Pages).
 * The secrets go only into the token request; no error or log line carries them.
 */
export class AllianzTradeConnector implements InsurerConnector {
  readonly insurer = 'Allianz Trade';
  #token: { value: string; until: number } | null = null;
  readonly #base: string;
  readonly #http: HttpOptions;

  constructor(
    private readonly settings: ConnectorSettings,
    http: Partial<HttpOptions> = {},
  ) {
    this.#base = settings.baseUrl.replace(/\/+$/, '');
    this.#http = {
      ...DEFAULT_HTTP,
      ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
      ...(settings.retries !== undefined ? { retries: settings.retries } : {}),
      ...http,
    };
  }

  async #bearer(): Promise<Result<string>> {
    if (this.#token !== null && this.#token.until > Date.now()) return ok(this.#token.value);
    const { apiKey, clientId, clientSecret } = this.settings;
    const r =
      apiKey !== undefined
        ? await requestJson(
            'token',
            `${this.#base}/v1/idp/oauth2/authorize`,
            { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apiKey }) },
            this.#http,
          )
        : await requestJson(
            'token',
            `${this.#base}/oauth2/token`,
            {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({
                grant_type: 'client_credentials',
                client_id: clientId ?? '',
                client_secret: clientSecret ?? '',
              }).toString(),
            },
            this.#http,
          );
    if (!r.ok) return r;
    const t = tokenBody.safeParse(r.value.body);
    if (!t.success) return badBody('token', t.error);
    // Renewed a minute before it runs out.
    this.#token = { value: t.data.access_token, until: Date.now() + Math.max(0, t.data.expires_in - 60) * 1000 };
    return ok(t.data.access_token);
  }

  /** Every item of a paged list of the policy. */
  async #list<T extends z.ZodType>(what: string, path: string, item: T): Promise<Result<z.infer<T>[]>> {
    const token = await this.#bearer();
    if (!token.ok) return token;
    const out: z.infer<T>[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const query = new URLSearchParams({
        policyId: this.settings.policyId,
        page: String(page),
        pageSize: String(PAGE_SIZE),
      });
      const r = await requestJson(
        what,
        `${this.#base}${path}?${query}`,
        { headers: { authorization: `Bearer ${token.value}`, accept: 'application/json' } },
        this.#http,
      );
      if (!r.ok) return r;
      const body = listOf(item).safeParse(r.value.body);
      if (!body.success) return badBody(what, body.error);
      out.push(...(body.data.data as z.infer<T>[]));
      const pages = Number(r.value.headers.get('total-pages'));
      if (Number.isFinite(pages) && pages > 0 ? page >= pages : body.data.data.length < PAGE_SIZE) break;
    }
    return ok(out);
  }

  async coverDecisions(): Promise<Result<CoverDecision[]>> {
    const r = await this.#list('covers', '/v3/covers', coverBody);
    if (!r.ok) return r;
    const out: CoverDecision[] = [];
    for (const [i, c] of r.value.entries()) {
      const d = toDecision(c, `data.${i}`);
      if (!d.ok) return d;
      out.push(d.value);
    }
    return ok(out);
  }

  async buyerGrades(): Promise<Result<BuyerGrade[]>> {
    const r = await this.#list('company-grades', '/v1/company-grades', gradeBody);
    if (!r.ok) return r;
    return ok(
      r.value.map((g) => ({ buyerId: g.companyId, buyerName: g.companyName, grade: g.grade, gradedOn: g.gradeDate })),
    );
  }

  async claims(): Promise<Result<ClaimStatus[]>> {
    const r = await this.#list('claims', '/v1/claims', claimBody);
    if (!r.ok) return r;
    const out: ClaimStatus[] = [];
    for (const [i, c] of r.value.entries()) {
      const claimed = minor(c.claimAmount, c.currency);
      const approved = c.approvedAmount == null ? null : minor(c.approvedAmount, c.currency);
      if (claimed === null || (c.approvedAmount != null && approved === null))
        return fail('INS_API_BAD_BODY', {
          endpoint: 'claims',
          field: `data.${i}.${claimed === null ? 'claimAmount' : 'approvedAmount'}`,
          expected: `an amount with at most the decimals of ${c.currency}`,
        });
      out.push({
        claimId: c.claimId,
        buyerId: c.debtorId,
        buyerName: c.debtorName,
        status: c.claimStatus,
        currency: c.currency,
        claimedMinor: claimed,
        approvedMinor: approved,
        lossOn: c.lossDate ?? null,
      });
    }
    return ok(out);
  }
}

/** The connector the organisation's settings name. */
export function connectorFor(settings: ConnectorSettings, http: Partial<HttpOptions> = {}): InsurerConnector {
  return new AllianzTradeConnector(settings, http);
}
