// A two-column table of fields (name, value); trace and span ids link to their trace.
import type { Field } from '../lib/fields.ts';
import { Link } from '../router.tsx';

interface Props {
  fields: readonly Field[];
  traceId?: string;   // the trace span_id links point into
}

export function FieldsTable({ fields, traceId }: Props) {
  return (
    <table class="fields">
      <tbody>
        {fields.map((field) => (
          <tr key={field.name}>
            <th>{field.name}</th>
            <td>{fieldValue(field, traceId)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function fieldValue(field: Field, traceId: string | undefined) {
  if (field.name === 'trace_id' && field.value) {
    return <Link href={`/trace/${field.value}`}>{field.value}</Link>;
  }
  if (field.name === 'span_id' && field.value && traceId) {
    return <Link href={`/trace/${traceId}?span=${field.value}`}>{field.value}</Link>;
  }
  return field.value;
}
