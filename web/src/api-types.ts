import type { components, paths } from './api-types.gen.js';

/**
 * The API's shapes for the pages, taken from the types generated from the served OpenAPI document
 * (api-types.gen.ts, `npm run generate:api-types`): a server change that breaks a page fails the
 * web's typecheck. No response type is written by hand here.
 */
type Schemas = components['schemas'];
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The paths that answer GET with JSON. */
export type GetPath = {
  [P in keyof paths]: paths[P] extends { get: { responses: { 200: { content: { 'application/json': unknown } } } } }
    ? P
    : never;
}[keyof paths];

/** What GET `P` answers. */
export type GetAnswer<P extends GetPath> = paths[P] extends { get: { responses: { 200: infer R } } }
  ? JsonOf<R>
  : never;

/** The query parameters GET `P` takes. */
export type GetQuery<P extends GetPath> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;

/** The path parameters of `P` ('/customers/{id}' → { id: string }). */
export type PathParams<P extends keyof paths> = paths[P] extends { get: { parameters: { path: infer A } } }
  ? NonNullable<A>
  : never;

/** What a write (POST, PATCH, DELETE) of `P` answers. */
export type WriteAnswer<P extends keyof paths, M extends 'post' | 'patch' | 'delete'> = paths[P] extends {
  [m in M]: { responses: infer R };
}
  ? JsonOf<R[keyof R & (200 | 201)]>
  : never;

/** The request body of a write of `P`. */
export type WriteBody<P extends keyof paths, M extends 'post' | 'patch'> = paths[P] extends {
  [m in M]: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

export type Me = GetAnswer<'/api/v1/auth/me'>;
export type Summary = Schemas['Summary'];
export type Forecast = Schemas['Forecast'];
export type StressReport = Schemas['StressReport'];
export type StressHorizon = StressReport['horizons'][number];
export type MonteCarlo = Schemas['MonteCarlo'];
export type ScenarioForecast = Forecast['scenarios'][number];
export type ForecastPeriod = Schemas['ForecastPeriod'];
export type ForecastPeriodDetail = Schemas['ForecastPeriodDetail'];
export type AgingSeries = Schemas['AgingSeries'];
export type AgingBucket = AgingSeries['buckets'][number];
export type Metrics = Schemas['Metrics'];
export type CustomerRows = Schemas['CustomerRows'];
export type CustomerRow = CustomerRows['items'][number];
export type CustomerPage = Schemas['CustomerPage'];
export type CreditScore = Schemas['CreditScore'];
export type RiskState = Schemas['RiskState'];
export type CreditLimitView = Schemas['CreditLimitView'];
export type CreditReviewStatus = Schemas['CreditReviewStatus'];
export type CreditReason = Schemas['CreditReason'];
export type Onboarding = Schemas['Onboarding'];
export type ChecklistLine = Onboarding['lines'][number];
export type Organisation = GetAnswer<'/api/v1/organisation'>;
export type ImportReport = WriteAnswer<'/api/v1/imports', 'post'>;
export type ApprovedLimit = Schemas['ApprovedLimit'];
export type RecordedReview = Schemas['RecordedReview'];
export type RecordedCheck = Schemas['RecordedCheck'];

export type ScenarioName = 'optimistic' | 'base' | 'pessimistic';
export const SCENARIOS: readonly ScenarioName[] = ['optimistic', 'base', 'pessimistic'];
