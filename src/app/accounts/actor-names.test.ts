import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  UnknownRow,
} from 'kysely';
import type { Db } from '../../db/connection.js';
import { insertApiToken, insertMembership, insertUser } from '../../db/stores/accounts.js';
import { createOrganisation } from '../../db/stores/organisations.js';
import { describeEachDialect } from '../../db/test-support.js';
import { nameActors } from './actor-names.js';

/** Counts the statements run through the connection it is plugged into. */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    return args.node;
  }
  // Called once per statement run (a union's parts are transformed as queries of their own).
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count += 1;
    return args.result;
  }
}

const at = '2026-01-01T00:00:00Z';

async function addUser(db: Db, id: string, name: string, orgId: string | null) {
  await insertUser(db, {
    id,
    email: `${id}@example.cn`,
    name,
    password_hash: 'x',
    created_at: at,
    password_changed_at: at,
  });
  if (orgId) await insertMembership(db, { org_id: orgId, user_id: id, role: 'viewer', created_at: at });
}

async function addToken(db: Db, orgId: string, id: string, name: string) {
  const row = {
    org_id: orgId,
    id,
    name,
    role: 'viewer',
    token_hash: `hash-${id}`,
    created_by: 'user:x',
    created_at: at,
  };
  await insertApiToken(db, { ...row, last_used_at: null, revoked_at: null });
}

describeEachDialect('actor names', (open) => {
  let db: Db;
  before(async () => {
    db = await open();
    for (const id of ['a', 'b']) await createOrganisation(db, { id, name: id, baseCurrency: 'CNY', createdAt: at });
    await addUser(db, 'u-li', '李娜', 'a');
    await addUser(db, 'u-noname', '  ', 'a');
    await addUser(db, 'u-left', '离职员工', null);
    await addUser(db, 'u-b', 'ORG-B 张伟', 'b');
    await addToken(db, 'a', 't-a', '月结机器人');
    await addToken(db, 'b', 't-b', 'ORG-B token');
  });
  after(async () => db.close());

  test('members by name (else e-mail), own tokens by name, cli by its name; anyone else keeps the id', async () => {
    const actors = ['user:u-li', 'user:u-noname', 'user:u-left', 'user:u-b', 'token:t-a', 'token:t-b'];
    const nameOf = await nameActors(db, { orgId: 'a', actors: [...actors, 'cli:wang.li', '李伟', null] });
    assert.deepEqual([...actors, 'cli:wang.li', 'cli:', '李伟', 'user:u-unknown'].map(nameOf), [
      '李娜',
      'u-noname@example.cn',
      'user:u-left',
      'user:u-b',
      '月结机器人',
      'token:t-b',
      'wang.li',
      'cli:',
      '李伟',
      'user:u-unknown',
    ]);
  });

  test('one query for all the actors of an answer, none without users or tokens', async () => {
    const counter = new QueryCounter();
    const counted: Db = { ...db, kysely: db.kysely.withPlugin(counter) };
    const actors = Array.from({ length: 50 }, (_, i) => (i % 2 ? 'user:u-li' : 'token:t-a'));
    const nameOf = await nameActors(counted, { orgId: 'a', actors: [...actors, 'user:u-b', 'token:t-b'] });
    assert.deepEqual([counter.count, nameOf('user:u-li'), nameOf('token:t-a')], [1, '李娜', '月结机器人']);
    await nameActors(counted, { orgId: 'a', actors: ['cli:wang.li', '李伟'] });
    assert.equal(counter.count, 1);
  });
});
