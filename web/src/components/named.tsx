import { Fragment, type ReactNode } from 'react';
import type { MessageKey, TFunction } from '../i18n/index.js';

const MARK = '\u0001';

/**
 * A message with people's or records' names in it, each name marked translate="no" (a proper
 * name, never translated, and left out of the page's language check): the message is formatted
 * with markers in the names' places and the names put back as elements.
 */
export function withNames(
  t: TFunction,
  key: MessageKey,
  values: Readonly<Record<string, unknown>>,
  names: Readonly<Record<string, string>>,
): ReactNode {
  const order = Object.keys(names);
  const marked = Object.fromEntries(order.map((k, i) => [k, `${MARK}${i}${MARK}`]));
  const parts = t(key, { ...values, ...marked }).split(MARK);
  return parts.map((part, i) => {
    const key = `${i}:${part}`;
    if (i % 2 === 0) return <Fragment key={key}>{part}</Fragment>;
    const name = names[order[Number(part)] ?? ''] ?? '';
    return (
      <span key={key} translate="no">
        {name}
      </span>
    );
  });
}
