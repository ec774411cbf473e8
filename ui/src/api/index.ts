// The UI's data layer: every request the UI makes to weft goes through this module, so the
// pages do not know which API answers them. Today that is weft's native API (docs/api.md);
// LogQL (Loki API) and TraceQL (Tempo API) can take its place behind the same functions.
export { ApiError, isAbort } from './http.ts';
export { logsUrl, searchLogs } from './logs.ts';
export { getTrace } from './traces.ts';
export { listServices } from './services.ts';
export type * from './types.ts';
