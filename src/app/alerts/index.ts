export { type AlertActionParams, actOnAlert, getAlertDetail } from './actions.js';
export { type DeliveryResult, deliverAlertNotifications } from './deliver.js';
export { alertSettings, evaluateOrganisation, forecastFacts } from './evaluate.js';
export { wordAlert } from './format.js';
export { type AlertView, formatAlerts, listAlerts, viewOf } from './list.js';
export { type AlertRunResult, alertsAfterImport, escalateUnacknowledged, runAlerts } from './run.js';
export { RETRY_PATTERN, runAndNotify } from './scheduler.js';
export { chatText, defaultSender, dingtalkSign, feishuSign, type Sender, webhookSignature } from './senders.js';
