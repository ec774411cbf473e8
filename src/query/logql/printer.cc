#include "query/logql/printer.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "query/logql/go_quote.h"
#include "query/logql/units.h"

namespace weft::logql {

namespace {

const char* match_op(MatchType t) {
  switch (t) {
    case MatchType::kEqual: return "=";
    case MatchType::kNotEqual: return "!=";
    case MatchType::kRegex: return "=~";
    case MatchType::kNotRegex: return "!~";
  }
  return "=";
}

const char* compare_op(CompareOp op) {
  switch (op) {
    case CompareOp::kEqual: return "==";
    case CompareOp::kNotEqual: return "!=";
    case CompareOp::kGreater: return ">";
    case CompareOp::kGreaterEqual: return ">=";
    case CompareOp::kLess: return "<";
    case CompareOp::kLessEqual: return "<=";
  }
  return "==";
}

const char* line_filter_op(LineFilterType t) {
  switch (t) {
    case LineFilterType::kContains: return "|=";
    case LineFilterType::kNotContains: return "!=";
    case LineFilterType::kRegex: return "|~";
    case LineFilterType::kNotRegex: return "!~";
    case LineFilterType::kPattern: return "|>";
    case LineFilterType::kNotPattern: return "!>";
  }
  return "|=";
}

std::string matcher_text(const LabelMatcherExpr& m) {
  return m.name + match_op(m.type) + go_quote(m.value);
}

std::string term_text(const LineFilterTerm& t) {
  return t.ip ? "ip(" + go_quote(t.value) + ")" : go_quote(t.value);
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

std::string extractions_text(const std::vector<Extraction>& list) {
  std::vector<std::string> parts;
  for (const auto& e : list) parts.push_back(e.label + "=" + go_quote(e.expression));
  return join(parts, ",");
}

struct StagePrinter {
  std::string operator()(const LineFilterStage& f) const {
    std::string out = std::string(line_filter_op(f.type)) + " " + term_text(f.terms[0]);
    for (size_t i = 1; i < f.terms.size(); ++i) out += " or " + term_text(f.terms[i]);
    return out;
  }
  std::string operator()(const ParserStage& p) const {
    switch (p.kind) {
      case ParserKind::kJson:
        return p.extractions.empty() ? "| json" : "| json " + extractions_text(p.extractions);
      case ParserKind::kLogfmt: {
        std::string out = "| logfmt";
        if (p.extractions.empty()) {
          if (p.strict) out += " --strict";
          if (p.keep_empty) out += " --keep-empty";
          return out;
        }
        out += " ";
        if (p.strict) out += "--strict ";
        if (p.keep_empty) out += "--keep-empty ";
        return out + extractions_text(p.extractions);
      }
      case ParserKind::kRegexp: return "| regexp " + go_quote(p.param);
      case ParserKind::kPattern: return "| pattern " + go_quote(p.param);
      case ParserKind::kUnpack: return "| unpack";
    }
    return "";
  }
  std::string operator()(const LabelFilterStage& f) const { return "| " + print_label_filter(*f.filter); }
  std::string operator()(const LineFormatStage& f) const { return "| line_format " + go_quote(f.tmpl); }
  std::string operator()(const LabelFormatStage& f) const {
    std::vector<std::string> parts;
    for (const auto& item : f.items)
      parts.push_back(item.name + "=" + (item.rename ? item.value : go_quote(item.value)));
    return "| label_format " + join(parts, ",");
  }
  std::string operator()(const DecolorizeStage&) const { return "| decolorize"; }
  std::string operator()(const DropKeepStage& s) const {
    std::vector<std::string> parts;
    for (const auto& item : s.items)
      parts.push_back(item.matcher ? matcher_text(*item.matcher) : item.name);
    return std::string(s.keep ? "| keep " : "| drop ") + join(parts, ",");
  }
};

std::string unwrap_text(const Unwrap& u) {
  std::string out = u.conversion.empty() ? " | unwrap " + u.label
                                         : " | unwrap " + u.conversion + "(" + u.label + ")";
  for (const auto& f : u.post_filters) out += " | " + print_label_filter(*f);
  return out;
}

std::string log_range_text(const LogRange& r) {
  std::string out = print_log_selector(r.selector);
  if (r.unwrap) out += unwrap_text(*r.unwrap);
  out += "[" + format_prometheus_duration(r.range_nanos) + "]";
  if (r.offset_nanos != 0) out += " offset " + format_go_duration(r.offset_nanos);
  return out;
}

std::string grouping_text(const Grouping& g) {
  return std::string(g.without ? " without " : " by ") + "(" + join(g.labels, ",") + ")";
}

std::string binary_text(const BinaryExpr& b) {
  std::string op = b.op;
  if (b.return_bool) op += " bool";
  const VectorMatching& m = b.matching;
  if (m.has_labels) {
    std::string group;
    if (m.card == Cardinality::kManyToOne) group = "group_left";
    if (m.card == Cardinality::kOneToMany) group = "group_right";
    if (!m.include.empty()) group += " (" + join(m.include, ",") + ")";
    op += std::string(" ") + (m.on ? "on" : "ignoring") + " (" + join(m.labels, ",") + ") " + group;
  }
  return "(" + print_sample(*b.lhs) + " " + op + " " + print_sample(*b.rhs) + ")";
}

}  // namespace

std::string format_go_float(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  if (v == 0) return std::signbit(v) ? "-0" : "0";
  int exp10 = static_cast<int>(std::floor(std::log10(std::fabs(v))));
  char buf[64];
  if (exp10 < -4 || exp10 >= 21) {
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    std::string s(buf, p);
    // C++ writes "1e+21" / "1e-05" like Go already; keep at least two exponent digits.
    return s;
  }
  return format_float_plain(v);
}

std::string print_matchers(const std::vector<LabelMatcherExpr>& matchers) {
  std::vector<std::string> parts;
  for (const auto& m : matchers) parts.push_back(matcher_text(m));
  return "{" + join(parts, ", ") + "}";
}

std::string print_label_filter(const LabelFilterExpr& f) {
  using K = LabelFilterExpr::Kind;
  switch (f.kind) {
    case K::kMatcher: return matcher_text(f.matcher);
    case K::kNumber: return f.name + compare_op(f.op) + format_float_plain(f.number);
    case K::kDuration: return f.name + compare_op(f.op) + format_go_duration(f.nanos);
    case K::kBytes: {
      std::string b = format_bytes_si(f.bytes);
      std::erase(b, ' ');
      return f.name + compare_op(f.op) + b;
    }
    case K::kIp:
      return f.name + (f.op == CompareOp::kNotEqual ? "!=" : "=") + "ip(" + go_quote(f.ip) + ")";
    case K::kAnd:
      return "( " + print_label_filter(*f.left) + " , " + print_label_filter(*f.right) + " )";
    case K::kOr:
      return "( " + print_label_filter(*f.left) + " or " + print_label_filter(*f.right) + " )";
  }
  return "";
}

std::string print_log_selector(const LogSelector& s) {
  std::string out = print_matchers(s.matchers);
  for (const auto& stage : s.stages) out += " " + std::visit(StagePrinter{}, stage);
  return out;
}

std::string print_sample(const SampleExpr& e) {
  switch (e.kind) {
    case SampleKind::kRangeAggregation: {
      const auto& a = static_cast<const RangeAggregation&>(e);
      std::string out = a.op + "(";
      if (a.param) out += format_float_plain(*a.param) + ",";
      out += log_range_text(a.range) + ")";
      if (a.grouping) out += grouping_text(*a.grouping);
      return out;
    }
    case SampleKind::kVectorAggregation: {
      const auto& a = static_cast<const VectorAggregation&>(e);
      std::string out = a.op;
      if (a.has_grouping && (a.grouping.without || !a.grouping.labels.empty()))
        out += grouping_text(a.grouping);
      out += "(";
      if (a.param != 0 || a.op == "topk" || a.op == "bottomk") out += std::to_string(a.param) + ",";
      return out + print_sample(*a.inner) + ")";
    }
    case SampleKind::kBinary: return binary_text(static_cast<const BinaryExpr&>(e));
    case SampleKind::kLiteral: return format_go_float(static_cast<const LiteralExpr&>(e).value);
    case SampleKind::kVector: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%f", static_cast<const VectorExpr&>(e).value);
      return std::string("vector(") + buf + ")";
    }
    case SampleKind::kLabelReplace: {
      const auto& l = static_cast<const LabelReplaceExpr&>(e);
      return "label_replace(" + print_sample(*l.inner) + "," + go_quote(l.dst) + "," +
             go_quote(l.replacement) + "," + go_quote(l.src) + "," + go_quote(l.regex) + ")";
    }
  }
  return "";
}

std::string print_query(const Query& q) {
  return q.log ? print_log_selector(*q.log) : print_sample(*q.sample);
}

}  // namespace weft::logql
