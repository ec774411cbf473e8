// The one place the UI talks HTTP to weft: GET a JSON document, turning weft's error shape
// ({"error": ..., "parameter": ...}) and network failures into ApiError.

export class ApiError extends Error {
  // HTTP status, or 0 when no answer arrived (weft down, network error).
  readonly status: number;
  // The query parameter weft named as wrong, if any.
  readonly parameter: string | undefined;

  constructor(status: number, message: string, parameter?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.parameter = parameter;
  }
}

function errorFromBody(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: unknown; parameter?: unknown };
    if (typeof body.error === 'string') {
      const parameter = typeof body.parameter === 'string' ? body.parameter : undefined;
      return new ApiError(status, body.error, parameter);
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  return new ApiError(status, text.trim() || `HTTP ${status}`);
}

// GETs `path` (with its query string) from the origin the UI was served by.
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, signal: signal ?? null });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, `weft did not answer (${e instanceof Error ? e.message : String(e)})`);
  }
  const text = await response.text();
  if (!response.ok) throw errorFromBody(response.status, text);
  return JSON.parse(text) as T;
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}
