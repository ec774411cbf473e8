// Trace ids as people paste them: with or without dashes or spaces, upper case, or the 16
// hex digits of a 64-bit id (left-padded with zeros to 32, as Jaeger and Tempo do).

// The id as 32 lowercase hex characters, or null when the input is not a trace id.
export function normalizeTraceId(input: string): string | null {
  const hex = input.trim().toLowerCase().replace(/[\s-]/g, '');
  if (!/^[0-9a-f]{1,32}$/.test(hex)) return null;
  if (/^0+$/.test(hex)) return null;  // the all-zero id means "no trace"
  return hex.padStart(32, '0');
}
