import type { Command } from 'commander';
import {
  actOnAlert,
  deliverAlertNotifications,
  formatAlerts,
  listAlerts,
  runAlerts,
  viewOf,
} from '../../app/alerts/index.js';
import { systemClock } from '../../app/clock.js';
import type { AlertAction, AlertLevel } from '../../core/alerts/index.js';
import { translate } from '../../i18n/index.js';
import { orThrow } from '../context.js';
import { type Common, cliActor, print, withOrg } from './credit.js';

/** An alert in the JSON the command prints: level, rule, customer, evidence, words and lifecycle. */
function jsonOf(a: ReturnType<typeof viewOf>) {
  return {
    id: a.id,
    level: a.level,
    rule: a.rule,
    customer:
      a.customerId === null
        ? null
        : { id: a.customerId, code: a.evidence.data.customer ?? null, name: a.evidence.data.name ?? null },
    status: a.status,
    reason: a.reasonText,
    action: a.actionText,
    evidence: a.evidence,
    key: a.key,
    assignee: a.assignee,
    snoozedUntil: a.snoozedUntil,
    firstSeenOn: a.firstSeenOn,
    lastSeenOn: a.lastSeenOn,
  };
}

interface ActOptions extends Common {
  until?: string;
  reason?: string;
  note?: string;
  actor?: string;
}

/**
 * `cashguard alerts` (what is open, by level), `alerts run` (evaluate every rule as of a date,
 * store, and print what is open), and `alerts acknowledge|snooze|assign|resolve <id>`.
 */
export function addAlertsCommands(program: Command): void {
  const alerts = program
    .command('alerts')
    .description('early warnings by level: what needs attention and why / 分级预警');
  // `cashguard alerts` lists (the default subcommand): options stay with the subcommand that reads them.
  alerts
    .command('list', { isDefault: true })
    .description('what is open, most serious first / 待处理的预警')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--json', 'print JSON')
    .option('--level <levels>', 'only these levels, comma-separated (info,watch,warning,critical)')
    .action(
      withOrg<[], Common & { level?: string }>(async (ctx, db) => {
        const level = ctx.options.level?.split(',').map((l) => l.trim()) as AlertLevel[] | undefined;
        const r = await listAlerts(db, { orgId: ctx.orgId, locale: ctx.locale, ...(level ? { level } : {}) });
        print(ctx.json, { asOf: ctx.asOf, alerts: r.alerts.map(jsonOf) }, () =>
          formatAlerts(ctx.asOf, r.alerts, ctx.locale),
        );
      }),
    );
  alerts
    .command('run')
    .description('evaluate every rule as of a date, store the alerts, print what is open / 运行全部预警规则')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--json', 'print JSON')
    .action(
      withOrg<[]>(async (ctx, db) => {
        const run = orThrow(await runAlerts(db, { orgId: ctx.orgId, asOf: ctx.asOf, clock: systemClock }));
        // What the run queued goes out now (the organisation's channels; none by default).
        orThrow(await deliverAlertNotifications(db, { orgId: ctx.orgId, clock: systemClock }));
        const r = await listAlerts(db, { orgId: ctx.orgId, locale: ctx.locale });
        const summary = translate(
          'ALERT_CLI_RUN',
          { raised: run.raised, updated: run.updated, resolved: run.resolved },
          ctx.locale,
        );
        print(
          ctx.json,
          {
            asOf: run.asOf,
            raised: run.raised,
            updated: run.updated,
            resolved: run.resolved,
            byLevel: run.byLevel,
            alerts: r.alerts.map(jsonOf),
          },
          () => `${summary}\n${formatAlerts(ctx.asOf, r.alerts, ctx.locale)}`,
        );
      }),
    );
  const act = (name: AlertAction, description: string, extra: (c: Command) => Command = (c) => c) =>
    extra(
      alerts
        .command(`${name} <id>${name === 'assign' ? ' <assignee>' : ''}`)
        .description(description)
        .option('--note <text>', 'a note for the history')
        .option('--as-of <date>', 'the date the answer is headed with (default today)')
        .option('--actor <name>', 'who acts (default: cli:<your user name>)')
        .option('--json', 'print JSON'),
    ).action(
      withOrg<[string, string | undefined], ActOptions>(async (ctx, db, id, assignee) => {
        const o = ctx.options;
        const r = orThrow(
          await actOnAlert(db, {
            orgId: ctx.orgId,
            id,
            action: name,
            actor: o.actor ?? cliActor(),
            clock: systemClock,
            ...(o.until === undefined ? {} : { until: o.until }),
            ...(o.reason === undefined ? {} : { reason: o.reason }),
            ...(o.note === undefined ? {} : { note: o.note }),
            ...(name === 'assign' ? { assignee: assignee ?? '' } : {}),
          }),
        );
        const v = viewOf(r, ctx.locale, ctx.baseCurrency);
        print(ctx.json, jsonOf(v), () => formatAlerts(ctx.asOf, [v], ctx.locale));
      }),
    );
  act('acknowledge', 'acknowledge an open alert / 确认预警');
  act('snooze', 'snooze an alert until a date, with a reason / 暂缓预警', (c) =>
    c.requiredOption('--until <date>', 'the last day it stays quiet').requiredOption('--reason <text>', 'why'),
  );
  act('assign', 'assign an alert to someone / 指派预警');
  act('resolve', 'resolve an alert / 解除预警');
}
