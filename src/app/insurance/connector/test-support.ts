import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const FIXTURES = new URL('../../../../fixtures/insurer/allianz-trade/', import.meta.url);

/** A recorded answer of the insurer: status, body (a fixture file's text) and headers. */
export interface Recorded {
  readonly status: number;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

/** The recorded answers of a healthy insurer, by path (and page). */
export function healthyAnswer(path: string, page: string | null): Recorded {
  const json = { 'content-type': 'application/json' };
  if (path === '/v1/idp/oauth2/authorize' || path === '/oauth2/token')
    return { status: 200, body: fixture('token.json'), headers: json };
  if (path === '/v3/covers')
    return {
      status: 200,
      body: fixture(page === '2' ? 'covers-page-2.json' : 'covers-page-1.json'),
      headers: { ...json, 'total-pages': '2' },
    };
  if (path === '/v1/company-grades') return { status: 200, body: fixture('company-grades.json'), headers: json };
  if (path === '/v1/claims') return { status: 200, body: fixture('claims.json'), headers: json };
  return { status: 404, body: '{"code":"NOT_FOUND","message":"no such path"}', headers: json };
}

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

/**
 * A stand-in for the insurer on 127.0.0.1 (a free port): `answer` gives the recorded answer of
 * each request (by default the healthy one), `null` never answers (a hung server). Every request
 * is kept in `seen`.
 */
export class RecordedInsurer {
  readonly seen: SeenRequest[] = [];
  answer: (path: string, page: string | null, n: number) => Recorded | null = healthyAnswer;
  #server: Server | null = null;
  #url = '';

  get url(): string {
    return this.#url;
  }

  async start(): Promise<void> {
    const server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        this.seen.push({
          method: req.method ?? '',
          url: req.url ?? '',
          authorization: req.headers.authorization,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const a = this.answer(url.pathname, url.searchParams.get('page'), this.seen.length);
        if (a === null) return; // never answers
        res.writeHead(a.status, a.headers ?? {});
        res.end(a.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    this.#url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const s = this.#server;
    if (s === null) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
