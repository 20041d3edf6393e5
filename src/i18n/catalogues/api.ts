/** Messages of the 'api' namespace, keyed by error or message code, in both languages. */
export const en: Record<string, string> = {};
export const zhCN: Record<string, string> = {};
