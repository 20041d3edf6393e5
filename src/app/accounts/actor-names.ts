import type { Db } from '../../db/connection.js';
import { listActorNames } from '../../db/stores/accounts.js';

/** The name to show people for an actor id as records keep it ('user:…', 'token:…', 'cli:…'). */
export type NameOf = (actor: string) => string;

const USER = 'user:';
const TOKEN = 'token:';
const CLI = 'cli:';

/** The name a person reads for an actor nothing was found for: a `cli:` actor's name, else the id itself. */
function fallbackName(actor: string): string {
  return actor.startsWith(CLI) && actor.length > CLI.length ? actor.slice(CLI.length) : actor;
}

/**
 * Names the actors of an answer with one query (none when no user or token is among them): a
 * member of the organisation by user name, else e-mail; an API token of the organisation by its
 * name; a `cli:` actor by the name after the prefix. A user who is not (or no longer) a member,
 * an unknown token and any other text keep the id as their name, so nothing of another
 * organisation's users is ever read.
 *
 * @example
 * const nameOf = await nameActors(db, { orgId, actors: ['user:9f1…', 'cli:wang.li'] });
 * nameOf('user:9f1…'); // '李娜'
 * nameOf('cli:wang.li'); // 'wang.li'
 */
export async function nameActors(
  db: Db,
  p: { orgId: string; actors: Iterable<string | null | undefined> },
): Promise<NameOf> {
  const userIds = new Set<string>();
  const tokenIds = new Set<string>();
  for (const actor of p.actors) {
    if (actor?.startsWith(USER)) userIds.add(actor.slice(USER.length));
    else if (actor?.startsWith(TOKEN)) tokenIds.add(actor.slice(TOKEN.length));
  }
  const rows = await listActorNames(db, { orgId: p.orgId, userIds: [...userIds], tokenIds: [...tokenIds] });
  const names = new Map<string, string>();
  for (const r of rows) {
    const name = r.name.trim() || r.email?.trim() || '';
    if (name !== '') names.set(`${r.kind}:${r.id}`, name);
  }
  return (actor) => names.get(actor) ?? fallbackName(actor);
}
