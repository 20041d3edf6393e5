import { statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `scripts/build-web.mjs` writes the dashboard. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

const YEAR_MS = 365 * 24 * 3600 * 1000;

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function decodePath(url: string): string | null {
  try {
    return decodeURIComponent(url.split('?')[0] ?? '/');
  } catch (error) {
    if (error instanceof URIError) return null; // malformed %-escape: not a page of ours
    throw error;
  }
}

function sendIndex(reply: FastifyReply, root: string) {
  if (!isFile(resolve(root, 'index.html'))) {
    return reply
      .code(503)
      .type('text/plain; charset=utf-8')
      .send('The web app is not built yet: run `npm run build`.\n网页端尚未构建：请运行 `npm run build`。\n');
  }
  reply.header('cache-control', 'no-cache');
  return reply.sendFile('index.html', { cacheControl: false });
}

/**
 * Serves the built dashboard from `web/dist`: hashed files under /assets/ cached for a year,
 * any other path outside /api answered with index.html (the app routes in the browser), so a
 * reload of /forecast works. Unknown /api paths and missing files keep the JSON 404.
 *
 * @example
 * registerWebApp(app); // after buildServer's routes, before listen()
 */
export function registerWebApp(app: FastifyInstance, root: string = WEB_DIST): void {
  app.register(async (web) => {
    await web.register(fastifyStatic, { root, serve: false });
    web.get('/*', { schema: { hide: true }, config: { permission: 'public' } }, async (req, reply) => {
      const path = decodePath(req.url);
      if (path === null || path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
      const file = resolve(root, `.${path}`);
      if (file.startsWith(root + sep) && isFile(file)) {
        const isHashed = path.startsWith('/assets/');
        return reply.sendFile(path.slice(1), { maxAge: isHashed ? YEAR_MS : 0, immutable: isHashed });
      }
      // A missing asset is a 404, not the app: a stale page must not get HTML for its script.
      if (path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
      return sendIndex(reply, root);
    });
  });
}
