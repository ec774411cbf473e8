// Empty, loading and error states: what happened, and what to do next.
import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/index.ts';

export function Notice({ title, children, tone = 'info' }:
    { title: string; children?: ComponentChildren; tone?: 'info' | 'error' }) {
  return (
    <div class={`notice ${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <strong>{title}</strong>
      {children && <div class="notice-body">{children}</div>}
    </div>
  );
}

// An API failure explained, with a retry button.
export function ErrorNotice({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const retry = onRetry && <button type="button" onClick={onRetry}>try again</button>;
  if (error instanceof ApiError && error.status === 0) {
    return (
      <Notice title="weft is not answering" tone="error">
        Is <code>weft serve</code> still running? ({error.message}) {retry}
      </Notice>
    );
  }
  if (error instanceof ApiError && error.status === 503) {
    return (
      <Notice title="weft is starting" tone="error">
        It is replaying its write-ahead log and answers queries in a moment. {retry}
      </Notice>
    );
  }
  const where = error instanceof ApiError && error.parameter ? ` (${error.parameter})` : '';
  return <Notice title={`The query failed${where}`} tone="error">{error.message} {retry}</Notice>;
}

// What to say when weft has no data at all.
export function NoDataYet() {
  return (
    <Notice title="No data yet">
      Send OpenTelemetry logs and traces over OTLP/HTTP to port 4318 of this weft (the SDKs'
      default endpoint), or run <code>weft demo</code> to feed it a simulated shop.
    </Notice>
  );
}
