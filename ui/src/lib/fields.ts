// Every field of a log record or span as (name, value) rows for the details views, with
// attribute values as text.
import type { Attributes, JsonValue, LogRecord } from '../api/types.ts';

export interface Field {
  name: string;
  value: string;
}

// Strings as they are; everything else as compact JSON.
export function formatValue(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// Attributes as fields named prefix + key, sorted by key.
export function attributeFields(attributes: Attributes, prefix = ''): Field[] {
  return Object.keys(attributes)
    .sort()
    .map((key) => ({ name: prefix + key, value: formatValue(attributes[key] as JsonValue) }));
}

export function logRecordFields(record: LogRecord): Field[] {
  const fields: Field[] = [
    { name: 'time', value: record.time },
    { name: 'time_unix_nano', value: record.time_unix_nano },
    { name: 'observed_time_unix_nano', value: record.observed_time_unix_nano },
    { name: 'severity', value: record.severity },
    { name: 'severity_number', value: String(record.severity_number) },
    { name: 'service', value: record.service },
    { name: 'trace_id', value: record.trace_id },
    { name: 'span_id', value: record.span_id },
    { name: 'flags', value: String(record.flags) },
  ];
  if (record.event_name) fields.push({ name: 'event_name', value: record.event_name });
  fields.push(...attributeFields(record.attributes));
  if (record.dropped_attributes_count) {
    fields.push({ name: 'dropped_attributes_count', value: String(record.dropped_attributes_count) });
  }
  fields.push(...attributeFields(record.resource.attributes, 'resource.'));
  if (record.scope.name) fields.push({ name: 'scope.name', value: record.scope.name });
  if (record.scope.version) fields.push({ name: 'scope.version', value: record.scope.version });
  fields.push(...attributeFields(record.scope.attributes, 'scope.'));
  return fields.filter((f) => f.value !== '');
}

// The deployment environment of a resource (the newer attribute name first).
export function environmentOf(resource: { attributes: Attributes }): string {
  const value = resource.attributes['deployment.environment.name'] ?? resource.attributes['deployment.environment'];
  return typeof value === 'string' ? value : '';
}
