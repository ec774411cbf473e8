#include "query/traceql/traceql_printer.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace weft::query::traceql {

namespace {

std::string_view compare_text(CompareOp op) {
  switch (op) {
    case CompareOp::kEq: return "=";
    case CompareOp::kNeq: return "!=";
    case CompareOp::kGt: return ">";
    case CompareOp::kGte: return ">=";
    case CompareOp::kLt: return "<";
    case CompareOp::kLte: return "<=";
    case CompareOp::kRegex: return "=~";
    case CompareOp::kNotRegex: return "!~";
  }
  return "=";
}

std::string_view spanset_op_text(SpansetOp op) {
  switch (op) {
    case SpansetOp::kAnd: return "&&";
    case SpansetOp::kOr: return "||";
    case SpansetOp::kChild: return ">";
    case SpansetOp::kDescendant: return ">>";
    case SpansetOp::kParent: return "<";
    case SpansetOp::kAncestor: return "<<";
    case SpansetOp::kSibling: return "~";
    case SpansetOp::kNotChild: return "!>";
    case SpansetOp::kNotDescendant: return "!>>";
    case SpansetOp::kNotParent: return "!<";
    case SpansetOp::kNotAncestor: return "!<<";
    case SpansetOp::kNotSibling: return "!~";
  }
  return "&&";
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default: out.push_back(c);
    }
  }
  return out + "\"";
}

bool plain_attribute_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '\\' ||
        std::string_view("{}()=~!<>&|^,\"'`").find(c) != std::string_view::npos)
      return false;
  }
  return true;
}

std::string duration_text(int64_t nanos) {
  static const std::pair<int64_t, std::string_view> kUnits[] = {
      {3600000000000, "h"}, {60000000000, "m"}, {1000000000, "s"},
      {1000000, "ms"},      {1000, "us"},       {1, "ns"}};
  std::string sign = nanos < 0 ? "-" : "";
  uint64_t n = nanos < 0 ? 0 - static_cast<uint64_t>(nanos) : static_cast<uint64_t>(nanos);
  for (const auto& [scale, unit] : kUnits) {
    if (n % scale == 0 && n != 0) return sign + std::to_string(n / scale) + std::string(unit);
  }
  return "0s";
}

std::string float_text(double d) {
  char buf[40];
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string s = buf;
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

void print_field(std::string& out, const FieldExpr& e, bool nested);

// How tightly a binary expression binds: the left operand of a left-associative chain needs no
// parentheses when it binds at least as tightly as its parent (keeps long chains flat).
int field_precedence(const FieldExpr& e) {
  return e.kind == FieldExpr::Kind::kOr ? 1 : e.kind == FieldExpr::Kind::kAnd ? 2 : 3;
}

void print_binary_field(std::string& out, const FieldExpr& e, std::string_view op, bool nested) {
  if (nested) out += "(";
  print_field(out, *e.left, field_precedence(*e.left) < field_precedence(e));
  out += " ";
  out += op;
  out += " ";
  print_field(out, *e.right, true);
  if (nested) out += ")";
}

void print_field(std::string& out, const FieldExpr& e, bool nested) {
  switch (e.kind) {
    case FieldExpr::Kind::kCompare:
      out += print_attribute(e.attribute) + " " + std::string(compare_text(e.op)) + " " +
             print_literal(e.literal);
      return;
    case FieldExpr::Kind::kAttribute: out += print_attribute(e.attribute); return;
    case FieldExpr::Kind::kBoolLiteral: out += print_literal(e.literal); return;
    case FieldExpr::Kind::kNot:
      // `!x = 1` already reads as !(x = 1); parentheses only around && and ||, so that the
      // printed query never nests deeper than the parsed one.
      out += "!";
      print_field(out, *e.left, true);
      return;
    case FieldExpr::Kind::kAnd: print_binary_field(out, e, "&&", nested); return;
    case FieldExpr::Kind::kOr: print_binary_field(out, e, "||", nested); return;
  }
}

void print_pipeline(std::string& out, const Pipeline& p);

int spanset_precedence(const SpansetExpr& e) {
  if (e.kind != SpansetExpr::Kind::kBinary) return 4;
  return e.op == SpansetOp::kOr ? 1 : e.op == SpansetOp::kAnd ? 2 : 3;
}

void print_spanset(std::string& out, const SpansetExpr& e, bool nested) {
  switch (e.kind) {
    case SpansetExpr::Kind::kFilter:
      if (!e.filter) {
        out += "{ }";
        return;
      }
      out += "{ ";
      print_field(out, *e.filter, false);
      out += " }";
      return;
    case SpansetExpr::Kind::kPipeline:
      out += "(";
      print_pipeline(out, *e.pipeline);
      out += ")";
      return;
    case SpansetExpr::Kind::kBinary:
      if (nested) out += "(";
      print_spanset(out, *e.left, spanset_precedence(*e.left) < spanset_precedence(e));
      out += " ";
      out += spanset_op_text(e.op);
      out += " ";
      print_spanset(out, *e.right, true);
      if (nested) out += ")";
      return;
  }
}

std::string attribute_list(const std::vector<AttributeRef>& attributes) {
  std::string out = "(";
  for (size_t i = 0; i < attributes.size(); ++i) {
    if (i) out += ", ";
    out += print_attribute(attributes[i]);
  }
  return out + ")";
}

std::string_view aggregate_name(AggregateFn fn) {
  switch (fn) {
    case AggregateFn::kCount: return "count";
    case AggregateFn::kAvg: return "avg";
    case AggregateFn::kMin: return "min";
    case AggregateFn::kMax: return "max";
    case AggregateFn::kSum: return "sum";
  }
  return "count";
}

void print_stage(std::string& out, const PipelineStage& s) {
  switch (s.kind) {
    case PipelineStage::Kind::kSpanset: print_spanset(out, *s.spanset, false); return;
    case PipelineStage::Kind::kBy: out += "by" + attribute_list(s.attributes); return;
    case PipelineStage::Kind::kSelect: out += "select" + attribute_list(s.attributes); return;
    case PipelineStage::Kind::kCoalesce: out += "coalesce()"; return;
    case PipelineStage::Kind::kScalarFilter:
      out += std::string(aggregate_name(s.scalar.fn)) + "(";
      if (s.scalar.attribute) out += print_attribute(*s.scalar.attribute);
      out += ") " + std::string(compare_text(s.scalar.op)) + " " + print_literal(s.scalar.literal);
      return;
  }
}

void print_pipeline(std::string& out, const Pipeline& p) {
  print_spanset(out, *p.head, false);
  for (const PipelineStage& s : p.stages) {
    out += " | ";
    print_stage(out, s);
  }
}

std::string_view metrics_name(MetricsFn fn) {
  switch (fn) {
    case MetricsFn::kRate: return "rate";
    case MetricsFn::kCountOverTime: return "count_over_time";
    case MetricsFn::kQuantileOverTime: return "quantile_over_time";
    case MetricsFn::kMinOverTime: return "min_over_time";
    case MetricsFn::kMaxOverTime: return "max_over_time";
    case MetricsFn::kAvgOverTime: return "avg_over_time";
    case MetricsFn::kSumOverTime: return "sum_over_time";
  }
  return "rate";
}

void print_metrics(std::string& out, const MetricsStage& m) {
  out += " | " + std::string(metrics_name(m.fn)) + "(";
  if (m.attribute) out += print_attribute(*m.attribute);
  for (double q : m.quantiles) out += ", " + float_text(q);
  out += ")";
  if (!m.by.empty()) out += " by" + attribute_list(m.by);
}

}  // namespace

std::string print_attribute(const AttributeRef& a) {
  if (a.scope == AttrScope::kIntrinsic) return a.name;
  std::string prefix = a.scope == AttrScope::kSpan       ? "span."
                       : a.scope == AttrScope::kResource ? "resource."
                                                         : ".";
  return prefix + (plain_attribute_name(a.name) ? a.name : quoted(a.name));
}

std::string print_literal(const Literal& l) {
  switch (l.kind) {
    case Literal::Kind::kNil: return "nil";
    case Literal::Kind::kString: return quoted(l.text);
    case Literal::Kind::kInt: return std::to_string(l.int_value);
    case Literal::Kind::kFloat: return float_text(l.float_value);
    case Literal::Kind::kDuration: return duration_text(l.int_value);
    case Literal::Kind::kBool: return l.int_value ? "true" : "false";
    case Literal::Kind::kStatus:
    case Literal::Kind::kKind: return l.text;
  }
  return "nil";
}

std::string print_query(const Query& query) {
  std::string out;
  print_pipeline(out, query.pipeline);
  if (query.metrics) print_metrics(out, *query.metrics);
  return out;
}

}  // namespace weft::query::traceql
