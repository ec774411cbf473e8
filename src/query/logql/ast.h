// The syntax tree of a LogQL query, as the parser builds it (parser.h) and the printer
// (printer.h) and the engine read it.
//
// A query is either a log query (a LogSelector: stream matchers and a pipeline of stages) or
// a metric query (a SampleExpr tree: range aggregations over log ranges, vector aggregations,
// binary operations, literals, vector(), label_replace()). Nodes own their children; a tree is
// immutable once parsed and may be read from many threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace weft::logql {

enum class MatchType { kEqual, kNotEqual, kRegex, kNotRegex };

// name="value", name!="value", name=~"regex", name!~"regex"
struct LabelMatcherExpr {
  std::string name;
  MatchType type = MatchType::kEqual;
  std::string value;
};

// |= != |~ !~ |> !>
enum class LineFilterType { kContains, kNotContains, kRegex, kNotRegex, kPattern, kNotPattern };

struct LineFilterTerm {
  bool ip = false;  // ip("...")
  std::string value;
};

// One line filter with its `or` alternatives: `|= "a" or "b"` keeps lines holding either; for
// the negative types (`!= "a" or "b"`) a line must hold none of them.
struct LineFilterStage {
  LineFilterType type = LineFilterType::kContains;
  std::vector<LineFilterTerm> terms;  // at least one
};

enum class ParserKind { kJson, kLogfmt, kRegexp, kPattern, kUnpack };

// `label="expression"` of `| json label="a.b[0]"` or `| logfmt label="key"`; a bare `label`
// has expression == label.
struct Extraction {
  std::string label;
  std::string expression;
};

struct ParserStage {
  ParserKind kind = ParserKind::kJson;
  std::string param;                // the regexp or pattern
  bool strict = false;              // logfmt --strict
  bool keep_empty = false;          // logfmt --keep-empty
  std::vector<Extraction> extractions;  // json/logfmt with parameters
};

enum class CompareOp { kEqual, kNotEqual, kGreater, kGreaterEqual, kLess, kLessEqual };

// A label filter tree: leaves compare one label; kAnd/kOr combine two filters.
struct LabelFilterExpr {
  enum class Kind { kMatcher, kNumber, kDuration, kBytes, kIp, kAnd, kOr };
  Kind kind = Kind::kMatcher;
  LabelMatcherExpr matcher;  // kMatcher
  std::string name;          // kNumber, kDuration, kBytes, kIp
  CompareOp op = CompareOp::kEqual;
  double number = 0;
  int64_t nanos = 0;
  uint64_t bytes = 0;
  std::string ip;  // the ip("...") argument
  std::unique_ptr<LabelFilterExpr> left, right;  // kAnd, kOr
};

struct LabelFilterStage {
  std::shared_ptr<const LabelFilterExpr> filter;
};

struct LineFormatStage {
  std::string tmpl;
};

// `dst=src` (rename) or `dst="template"`.
struct LabelFormatItem {
  std::string name;
  bool rename = false;
  std::string value;
};

struct LabelFormatStage {
  std::vector<LabelFormatItem> items;
};

struct DecolorizeStage {};

// `name` or `name="value"` (any matcher) of drop/keep.
struct NamedMatcher {
  std::string name;
  std::optional<LabelMatcherExpr> matcher;
};

struct DropKeepStage {
  bool keep = false;
  std::vector<NamedMatcher> items;
};

using Stage = std::variant<LineFilterStage, ParserStage, LabelFilterStage, LineFormatStage,
                           LabelFormatStage, DecolorizeStage, DropKeepStage>;

struct LogSelector {
  std::vector<LabelMatcherExpr> matchers;
  std::vector<Stage> stages;
};

struct Unwrap {
  std::string label;
  std::string conversion;  // "", "bytes", "duration", "duration_seconds"
  std::vector<std::shared_ptr<const LabelFilterExpr>> post_filters;
};

struct LogRange {
  LogSelector selector;
  int64_t range_nanos = 0;
  int64_t offset_nanos = 0;
  std::optional<Unwrap> unwrap;
};

struct Grouping {
  bool without = false;
  std::vector<std::string> labels;
};

enum class SampleKind { kRangeAggregation, kVectorAggregation, kBinary, kLiteral, kVector, kLabelReplace };

struct SampleExpr {
  explicit SampleExpr(SampleKind k) : kind(k) {}
  virtual ~SampleExpr() = default;
  SampleKind kind;
};

using SampleExprPtr = std::unique_ptr<SampleExpr>;

// rate, count_over_time, bytes_rate, bytes_over_time, absent_over_time, and with unwrap:
// sum/avg/min/max/stddev/stdvar/quantile/first/last_over_time, rate.
struct RangeAggregation : SampleExpr {
  RangeAggregation() : SampleExpr(SampleKind::kRangeAggregation) {}
  std::string op;
  std::optional<double> param;  // quantile_over_time's quantile
  LogRange range;
  std::optional<Grouping> grouping;
};

// sum, avg, min, max, count, stddev, stdvar, topk, bottomk, sort, sort_desc.
struct VectorAggregation : SampleExpr {
  VectorAggregation() : SampleExpr(SampleKind::kVectorAggregation) {}
  std::string op;
  int64_t param = 0;  // topk/bottomk's k
  Grouping grouping;
  bool has_grouping = false;
  SampleExprPtr inner;
};

enum class Cardinality { kOneToOne, kManyToOne, kOneToMany };

struct VectorMatching {
  Cardinality card = Cardinality::kOneToOne;
  bool on = false;              // on(...) rather than ignoring(...)
  bool has_labels = false;      // on/ignoring was written
  std::vector<std::string> labels;
  std::vector<std::string> include;  // group_left(...)/group_right(...) labels
};

struct BinaryExpr : SampleExpr {
  BinaryExpr() : SampleExpr(SampleKind::kBinary) {}
  std::string op;  // or and unless + - * / % ^ == != > >= < <=
  bool return_bool = false;
  VectorMatching matching;
  SampleExprPtr lhs, rhs;
};

struct LiteralExpr : SampleExpr {
  LiteralExpr() : SampleExpr(SampleKind::kLiteral) {}
  double value = 0;
};

struct VectorExpr : SampleExpr {
  VectorExpr() : SampleExpr(SampleKind::kVector) {}
  double value = 0;
};

struct LabelReplaceExpr : SampleExpr {
  LabelReplaceExpr() : SampleExpr(SampleKind::kLabelReplace) {}
  SampleExprPtr inner;
  std::string dst, replacement, src, regex;
};

// A parsed query: exactly one of `log` and `sample` is set.
struct Query {
  std::unique_ptr<LogSelector> log;
  SampleExprPtr sample;
  bool is_log() const { return log != nullptr; }
};

bool is_comparison_op(std::string_view op);
bool is_set_op(std::string_view op);  // and, or, unless

}  // namespace weft::logql
