#include "query/traceql/traceql_value.h"

#include <re2/re2.h>

#include "query/traceql/traceql_printer.h"

namespace weft::query::traceql {

namespace {

Literal string_literal(std::string text) {
  Literal l;
  l.kind = Literal::Kind::kString;
  l.text = std::move(text);
  return l;
}

Literal int_literal(Literal::Kind kind, int64_t v, std::string_view text = {}) {
  Literal l;
  l.kind = kind;
  l.int_value = v;
  l.text = std::string(text);
  return l;
}

Literal scoped_attribute(const Span& span, const AttributeRef& a) {
  const AnyValue* v = nullptr;
  if (a.scope != AttrScope::kResource) v = find_attribute(span.attributes, a.name);
  if (!v && a.scope != AttrScope::kSpan && span.resource)
    v = find_attribute(span.resource->attributes, a.name);
  return v ? literal_from_any(*v) : Literal{};
}

Literal trace_level(const TraceContext& trace, Intrinsic intrinsic) {
  const Span* root = trace.root();
  switch (intrinsic) {
    case Intrinsic::kTraceId: return string_literal(trace.trace_id().hex());
    case Intrinsic::kTraceDuration:
      return int_literal(Literal::Kind::kDuration, trace.end() - trace.start());
    case Intrinsic::kRootName: return root ? string_literal(root->name) : Literal{};
    case Intrinsic::kRootService:
      return root ? string_literal(std::string(service_name(*root))) : Literal{};
    default: return Literal{};
  }
}

template <typename T>
bool ordered(const T& a, CompareOp op, const T& b) {
  switch (op) {
    case CompareOp::kEq: return a == b;
    case CompareOp::kNeq: return a != b;
    case CompareOp::kGt: return a > b;
    case CompareOp::kGte: return a >= b;
    case CompareOp::kLt: return a < b;
    case CompareOp::kLte: return a <= b;
    default: return false;
  }
}

bool is_number(Literal::Kind k) {
  return k == Literal::Kind::kInt || k == Literal::Kind::kFloat || k == Literal::Kind::kDuration;
}

}  // namespace

Literal literal_from_any(const AnyValue& value) {
  switch (value.kind()) {
    case AnyValue::Kind::kEmpty: return Literal{};
    case AnyValue::Kind::kString: return string_literal(*value.as_string());
    case AnyValue::Kind::kBool:
      return int_literal(Literal::Kind::kBool, std::get<bool>(value.v) ? 1 : 0);
    case AnyValue::Kind::kInt: return int_literal(Literal::Kind::kInt, std::get<int64_t>(value.v));
    case AnyValue::Kind::kDouble: {
      Literal l;
      l.kind = Literal::Kind::kFloat;
      l.float_value = std::get<double>(value.v);
      return l;
    }
    default: return string_literal(any_value_to_text(value));
  }
}

Literal attribute_value(const TraceContext& trace, uint32_t index, const AttributeRef& a) {
  const Span& span = trace.span(index);
  if (a.scope != AttrScope::kIntrinsic) return scoped_attribute(span, a);
  switch (a.intrinsic) {
    case Intrinsic::kName: return string_literal(span.name);
    case Intrinsic::kStatus: {
      auto code = span.status_code;
      return int_literal(Literal::Kind::kStatus, static_cast<int64_t>(code), span_status_name(code));
    }
    case Intrinsic::kStatusMessage: return string_literal(span.status_message);
    case Intrinsic::kKind:
      return int_literal(Literal::Kind::kKind, static_cast<int64_t>(span.kind),
                         span_kind_name(span.kind));
    case Intrinsic::kDuration: return int_literal(Literal::Kind::kDuration, span.duration_nanos());
    case Intrinsic::kSpanId: return string_literal(span.span_id.hex());
    case Intrinsic::kParentId:
      return span.parent_span_id.present() ? string_literal(span.parent_span_id.hex()) : Literal{};
    case Intrinsic::kEventName:
      return span.events.empty() ? Literal{} : string_literal(span.events.front().name);
    default: return trace_level(trace, a.intrinsic);
  }
}

bool compare_values(const Literal& v, CompareOp op, const Literal& operand, const re2::RE2* regex) {
  if (operand.kind == Literal::Kind::kNil) {
    if (op == CompareOp::kEq) return v.kind == Literal::Kind::kNil;
    if (op == CompareOp::kNeq) return v.kind != Literal::Kind::kNil;
    return false;
  }
  if (v.kind == Literal::Kind::kNil) return false;
  if (op == CompareOp::kRegex || op == CompareOp::kNotRegex) {
    if (v.kind != Literal::Kind::kString || !regex) return false;
    return re2::RE2::FullMatch(v.text, *regex) == (op == CompareOp::kRegex);
  }
  if (is_number(v.kind) && is_number(operand.kind)) {
    if (v.kind != Literal::Kind::kFloat && operand.kind != Literal::Kind::kFloat)
      return ordered(v.int_value, op, operand.int_value);
    double a = 0, b = 0;
    numeric_value(v, a);
    numeric_value(operand, b);
    return ordered(a, op, b);
  }
  if (v.kind != operand.kind) return false;
  if (v.kind == Literal::Kind::kString) return ordered(v.text, op, operand.text);
  if (op != CompareOp::kEq && op != CompareOp::kNeq) return false;
  return ordered(v.int_value, op, operand.int_value);
}

bool compare_attribute(const TraceContext& trace, uint32_t index, const AttributeRef& a,
                       CompareOp op, const Literal& operand, const re2::RE2* regex) {
  if (a.scope == AttrScope::kIntrinsic && a.intrinsic == Intrinsic::kEventName) {
    const Span& span = trace.span(index);
    if (span.events.empty()) return compare_values(Literal{}, op, operand, regex);
    for (const SpanEvent& e : span.events)
      if (compare_values(string_literal(e.name), op, operand, regex)) return true;
    return false;
  }
  return compare_values(attribute_value(trace, index, a), op, operand, regex);
}

bool numeric_value(const Literal& value, double& out) {
  switch (value.kind) {
    case Literal::Kind::kInt:
    case Literal::Kind::kDuration: out = static_cast<double>(value.int_value); return true;
    case Literal::Kind::kFloat: out = value.float_value; return true;
    default: return false;
  }
}

std::string value_text(const Literal& value) {
  switch (value.kind) {
    case Literal::Kind::kString: return value.text;
    case Literal::Kind::kDuration: return std::to_string(value.int_value);
    case Literal::Kind::kNil: return "nil";
    default: return print_literal(value);
  }
}

}  // namespace weft::query::traceql
