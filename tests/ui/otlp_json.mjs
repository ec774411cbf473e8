// Builders of OTLP/HTTP JSON requests (ExportLogsServiceRequest, ExportTraceServiceRequest) for
// the UI tests: traces and logs with known ids, an error chain, and traces of many spans.
import { randomBytes } from 'node:crypto';

export const hex = (bytes) => randomBytes(bytes).toString('hex');

const str = (v) => ({ stringValue: String(v) });
const attrs = (obj) => Object.entries(obj).map(([key, v]) => ({
  key, value: typeof v === 'number' ? { intValue: String(v) } : str(v),
}));
const resource = (service, env) => ({
  attributes: attrs({ 'service.name': service, 'deployment.environment.name': env }),
});

// A span: times in ms after `baseNs` (a BigInt of unix nanoseconds).
export function span({ traceId, spanId, parentId = '', name, start, duration, baseNs, error = '' }) {
  const startNs = baseNs + BigInt(Math.round(start * 1e6));
  return {
    traceId, spanId, parentSpanId: parentId, name, kind: 2,
    startTimeUnixNano: startNs.toString(),
    endTimeUnixNano: (startNs + BigInt(Math.round(duration * 1e6))).toString(),
    attributes: attrs({ 'ui.test': 'yes' }),
    status: error ? { code: 2, message: error } : {},
    events: error ? [{ timeUnixNano: startNs.toString(), name: 'exception', attributes: attrs({ 'exception.message': error }) }] : [],
  };
}

export function tracesRequest(byService, env = 'prod') {
  return {
    resourceSpans: Object.entries(byService).map(([service, spans]) => ({
      resource: resource(service, env),
      scopeSpans: [{ scope: { name: 'ui-test' }, spans }],
    })),
  };
}

// A log record at `ms` after baseNs.
export function log({ traceId = '', spanId = '', ms, baseNs, severity, body, attributes = {} }) {
  const numbers = { DEBUG: 5, INFO: 9, WARN: 13, ERROR: 17 };
  return {
    timeUnixNano: (baseNs + BigInt(Math.round(ms * 1e6))).toString(),
    severityNumber: numbers[severity], severityText: severity,
    body: str(body), attributes: attrs(attributes), traceId, spanId,
  };
}

export function logsRequest(byService, env = 'prod') {
  return {
    resourceLogs: Object.entries(byService).map(([service, logRecords]) => ({
      resource: resource(service, env),
      scopeLogs: [{ scope: { name: 'ui-test' }, logRecords }],
    })),
  };
}

// POSTs an OTLP JSON request and expects a 200.
export async function post(otlpUrl, signal, body) {
  const res = await fetch(`${otlpUrl}/v1/${signal}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`POST /v1/${signal}: ${res.status} ${text}`);
}
