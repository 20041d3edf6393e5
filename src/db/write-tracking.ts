import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type OperationNode,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Every write of an organisation's data bumps that organisation's row of `data_generations` in the
 * same transaction (docs/adr/0015), so a reader in any process can tell whether what it computed
 * or stored earlier (a cached report, a ledger snapshot) still describes the data: the generation
 * it was made at is still the current one. `generation` counts every write, `ledger_generation`
 * those of the tables the receivables and payables ledgers are read from. Done here, under every query the application runs,
 * rather than at each write site or in SQL triggers: a trigger on a table made each row written to
 * it about three times as slow on SQLite (about 18 µs a row), which a million-row import cannot
 * afford; here a transaction pays one upsert per organisation it wrote, at its commit.
 *
 * A write whose organisation cannot be read from the statement (a raw `UPDATE … WHERE id = ?`)
 * bumps the generation of every organisation (the row `ALL_ORGANISATIONS`): never stale, only
 * sometimes more recomputation than needed.
 */
export const ALL_ORGANISATIONS = '*';

/** Tables whose writes change no figure: sign-in, audit, alerts and this bookkeeping itself. */
const UNTRACKED = new Set([
  'alerts',
  'alert_transitions',
  'alert_outbox',
  'data_generations',
  'ledger_snapshots',
  'sessions',
  'api_tokens',
  'memberships',
  'invitations',
  'users',
  'login_attempts',
  'audit_log',
  'kysely_migration',
  'kysely_migration_lock',
]);

/** The tables the receivables and payables ledgers are read from: their writes also raise `ledger_generation`. */
const LEDGER_TABLES = new Set([
  'invoices',
  'receipts',
  'receipt_allocations',
  'credit_notes',
  'bills',
  'payments',
  'payment_allocations',
]);

const bumpSql = (org: string, ledger: string) =>
  `INSERT INTO data_generations (org_id, generation, ledger_generation) VALUES (${org}, 1, ${ledger}) ` +
  'ON CONFLICT (org_id) DO UPDATE SET generation = data_generations.generation + 1, ' +
  'ledger_generation = data_generations.ledger_generation + excluded.ledger_generation';
const BUMP_SQLITE = bumpSql('?', '?');
const BUMP_POSTGRES = bumpSql('$1', '$2');

/** The organisations a statement writes: a list, `null` when it writes rows of unknown ones, or `undefined` for none. */
export type WrittenOrgs = readonly string[] | null | undefined;

/** What a write raises: the organisations' generations, and their ledger generations too when it writes a ledger table. */
interface Written {
  readonly orgs: readonly string[] | null;
  readonly isLedger: boolean;
}

/** What one connection has written in its open transaction and not yet counted: organisation → wrote the ledger. */
interface Pending {
  inTransaction: boolean;
  readonly orgs: Map<string, boolean>;
}

/** By connection: the better-sqlite3 handle (SQLite has one) or the pooled PostgreSQL connection. */
const pendingByConnection = new WeakMap<object, Pending>();

function pendingOf(key: object): Pending {
  let p = pendingByConnection.get(key);
  if (!p) {
    p = { inTransaction: false, orgs: new Map() };
    pendingByConnection.set(key, p);
  }
  return p;
}

/**
 * The dialect with every connection's writes counted. `sqlite` is the SQLite handle when there is
 * one, so that the bulk insert path (`noteRowsWritten`), which writes through it directly, shares
 * the open transaction's bookkeeping.
 */
export function trackingDialect(inner: Dialect, sqlite: SQLite.Database | null): Dialect {
  return {
    createDriver: () => new TrackingDriver(inner.createDriver(), sqlite),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createAdapter: () => inner.createAdapter(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}

class TrackingConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    readonly pending: Pending,
    private readonly sqlite: SQLite.Database | null,
  ) {}

  get bumpSql(): string {
    return this.sqlite ? BUMP_SQLITE : BUMP_POSTGRES;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const written = writeOf(query);
    if (written === undefined) return this.inner.executeQuery<R>(query);
    if (this.pending.inTransaction) {
      addPending(this.pending, written);
      return this.inner.executeQuery<R>(query);
    }
    if (this.sqlite?.inTransaction) {
      // A transaction opened outside the query builder: count the write now, inside it.
      await bump(this.inner, pendingFor(written), this.bumpSql);
      return this.inner.executeQuery<R>(query);
    }
    // A statement on its own: run it and its count as one transaction.
    await this.inner.executeQuery(CompiledQuery.raw('BEGIN'));
    try {
      await bump(this.inner, pendingFor(written), this.bumpSql);
      const result = await this.inner.executeQuery<R>(query);
      await this.inner.executeQuery(CompiledQuery.raw('COMMIT'));
      return result;
    } catch (error) {
      await this.inner.executeQuery(CompiledQuery.raw('ROLLBACK'));
      throw error;
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (writtenOrgs(query) !== undefined) throw new Error('writes are not streamed');
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class TrackingDriver implements Driver {
  private readonly connections = new WeakMap<DatabaseConnection, TrackingConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly sqlite: SQLite.Database | null,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.inner.acquireConnection();
    let wrapped = this.connections.get(inner);
    if (!wrapped) {
      wrapped = new TrackingConnection(inner, pendingOf(this.sqlite ?? inner), this.sqlite);
      this.connections.set(inner, wrapped);
    }
    return wrapped;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as TrackingConnection;
    await this.inner.beginTransaction(c.inner, settings);
    c.pending.inTransaction = true;
    c.pending.orgs.clear();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as TrackingConnection;
    if (c.pending.orgs.size > 0) await bump(c.inner, c.pending.orgs, c.bumpSql);
    c.pending.inTransaction = false;
    c.pending.orgs.clear();
    await this.inner.commitTransaction(c.inner);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as TrackingConnection;
    c.pending.inTransaction = false;
    c.pending.orgs.clear();
    await this.inner.rollbackTransaction(c.inner);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as TrackingConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return savepointMethod(this.inner, 'savepoint').call(
      this.inner,
      (connection as TrackingConnection).inner,
      name,
      compile,
    );
  }

  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    const method = savepointMethod(this.inner, 'rollbackToSavepoint');
    return method.call(this.inner, (connection as TrackingConnection).inner, name, compile);
  }

  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    const method = savepointMethod(this.inner, 'releaseSavepoint');
    return method.call(this.inner, (connection as TrackingConnection).inner, name, compile);
  }
}

function savepointMethod(driver: Driver, name: 'savepoint' | 'rollbackToSavepoint' | 'releaseSavepoint') {
  const method = driver[name];
  if (!method) throw new Error(`the database driver has no ${name}`);
  return method;
}

function addPending(pending: Pending, written: Written): void {
  for (const org of written.orgs ?? [ALL_ORGANISATIONS]) {
    pending.orgs.set(org, written.isLedger || pending.orgs.get(org) === true);
  }
}

function pendingFor(written: Written): Map<string, boolean> {
  const orgs = new Map<string, boolean>();
  for (const org of written.orgs ?? [ALL_ORGANISATIONS]) orgs.set(org, written.isLedger);
  return orgs;
}

async function bump(connection: DatabaseConnection, orgs: ReadonlyMap<string, boolean>, sql: string): Promise<void> {
  for (const [org, isLedger] of orgs) {
    await connection.executeQuery(CompiledQuery.raw(sql, [org, isLedger ? 1 : 0]));
  }
}

/**
 * Counts rows that `insertRows` writes through the SQLite handle directly (one prepared statement
 * a row, outside the query builder). Inside a transaction of the query builder they are counted at
 * its commit; otherwise the count runs now, and the caller must make the rows and this count one
 * transaction (`insertRows` does).
 */
export function noteRowsWritten(sqlite: SQLite.Database, table: string, orgs: readonly string[]): void {
  if (UNTRACKED.has(table)) return;
  const written = { orgs, isLedger: LEDGER_TABLES.has(table) };
  const pending = pendingOf(sqlite);
  if (pending.inTransaction) {
    addPending(pending, written);
    return;
  }
  const stmt = sqlite.prepare(BUMP_SQLITE);
  for (const [org, isLedger] of pendingFor(written)) stmt.run(org, isLedger ? 1 : 0);
}

/** True when `table`'s writes bump a generation. */
export function isTracked(table: string): boolean {
  return !UNTRACKED.has(table);
}

type Node = OperationNode & Record<string, unknown>;

function writeOf(query: CompiledQuery): Written | undefined {
  const orgs = writtenOrgs(query);
  if (orgs === undefined) return undefined;
  const table = writtenTable(query);
  return { orgs, isLedger: table === undefined || LEDGER_TABLES.has(table) };
}

/** The table a write statement writes (undefined for reads). */
function writtenTable(query: CompiledQuery): string | undefined {
  const node = query.query as Node;
  switch (node.kind) {
    case 'InsertQueryNode':
      return tableName(node.into as Node | undefined);
    case 'UpdateQueryNode':
      return tableName(node.table as Node);
    case 'DeleteQueryNode':
      return tableName(((node.from as Node).froms as Node[])[0]);
    case 'RawNode':
      return RAW_WRITE.exec(query.sql)?.[1]?.toLowerCase();
    default:
      return undefined;
  }
}

/** What a compiled statement writes (see `WrittenOrgs`), read from its query tree or, for raw SQL, its text. */
export function writtenOrgs(query: CompiledQuery): WrittenOrgs {
  const node = query.query as Node;
  switch (node.kind) {
    case 'InsertQueryNode':
      return insertedOrgs(node);
    case 'UpdateQueryNode':
      return filteredOrgs(tableName(node.table as Node), node.where as Node | undefined);
    case 'DeleteQueryNode':
      return filteredOrgs(tableName(((node.from as Node).froms as Node[])[0]), node.where as Node | undefined);
    case 'RawNode':
      return rawWrittenOrgs(query.sql, query.parameters);
    default:
      return undefined;
  }
}

function tableName(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'AliasNode') return tableName(node.node as Node);
  if (node.kind !== 'TableNode') return undefined;
  return ((node.table as Node).identifier as { name: string }).name;
}

/** The column naming the organisation: `id` of `organisations`, `org_id` everywhere else. */
function orgColumn(table: string): string {
  return table === 'organisations' ? 'id' : 'org_id';
}

function insertedOrgs(node: Node): WrittenOrgs {
  const table = tableName(node.into as Node | undefined);
  if (table === undefined || UNTRACKED.has(table)) return table === undefined ? null : undefined;
  const columns = ((node.columns as Node[] | undefined) ?? []).map((c) => (c.column as { name: string }).name);
  const at = columns.indexOf(orgColumn(table));
  const values = node.values as Node | undefined;
  if (at < 0 || values?.kind !== 'ValuesNode') return null;
  const orgs = new Set<string>();
  for (const row of values.values as Node[]) {
    const cell =
      row.kind === 'PrimitiveValueListNode'
        ? (row.values as unknown[])[at]
        : ((row.values as Node[])[at] as Node | undefined)?.kind === 'ValueNode'
          ? ((row.values as Node[])[at] as Node).value
          : undefined;
    if (typeof cell !== 'string') return null;
    orgs.add(cell);
  }
  return [...orgs];
}

/** Organisations an UPDATE or DELETE is limited to by `org = value` (or `org in (…)`) in its AND-ed filter. */
function filteredOrgs(table: string | undefined, where: Node | undefined): WrittenOrgs {
  if (table === undefined) return null;
  if (UNTRACKED.has(table)) return undefined;
  const column = orgColumn(table);
  return where ? orgsInFilter(where.where as Node, column) : null;
}

function orgsInFilter(node: Node, column: string): string[] | null {
  if (node.kind === 'ParensNode') return orgsInFilter(node.node as Node, column);
  if (node.kind === 'AndNode')
    return orgsInFilter(node.left as Node, column) ?? orgsInFilter(node.right as Node, column);
  if (node.kind !== 'BinaryOperationNode') return null;
  const left = node.leftOperand as Node;
  const ref = left.kind === 'ReferenceNode' ? (left.column as Node) : left;
  if (ref.kind !== 'ColumnNode' || (ref.column as { name: string }).name !== column) return null;
  const operator = (node.operator as { operator?: string }).operator;
  const right = node.rightOperand as Node;
  if (operator === '=' && right.kind === 'ValueNode' && typeof right.value === 'string') return [right.value];
  if (operator === 'in' && right.kind === 'PrimitiveValueListNode') {
    const values = right.values as unknown[];
    return values.every((v) => typeof v === 'string') ? (values as string[]) : null;
  }
  return null;
}

const RAW_WRITE = /^\s*(?:insert\s+into|update|delete\s+from)\s+"?([a-z_][a-z0-9_]*)"?/i;
const RAW_INSERT_COLUMNS = /^\s*insert\s+into\s+"?[a-z_][a-z0-9_]*"?\s*\(([^)]*)\)\s*values\s*\(/i;

/**
 * A raw statement: a write when it starts with INSERT, UPDATE or DELETE; the organisations of a
 * multi-row `INSERT INTO t (…, org_id, …) VALUES (?, …), …` whose parameters are its values in order.
 */
function rawWrittenOrgs(sql: string, parameters: readonly unknown[]): WrittenOrgs {
  const write = RAW_WRITE.exec(sql);
  if (!write) return undefined;
  const table = (write[1] as string).toLowerCase();
  if (UNTRACKED.has(table)) return undefined;
  const columns = RAW_INSERT_COLUMNS.exec(sql)?.[1]
    ?.split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''));
  if (!columns) return null;
  const at = columns.indexOf(orgColumn(table));
  if (at < 0 || parameters.length === 0 || parameters.length % columns.length !== 0) return null;
  const orgs = new Set<string>();
  for (let i = at; i < parameters.length; i += columns.length) {
    const org = parameters[i];
    if (typeof org !== 'string') return null;
    orgs.add(org);
  }
  return [...orgs];
}
