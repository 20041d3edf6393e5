/**
 * Field names between the database (snake_case columns) and the domain and API (camelCase).
 *
 * @example
 * toCamel('amount_minor') // 'amountMinor'
 */
export function toCamel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** @example toSnake('amountMinor') // 'amount_minor' */
export function toSnake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
