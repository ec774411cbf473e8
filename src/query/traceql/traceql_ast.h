// The syntax tree of a TraceQL query (docs/traceql.md): spanset filters, spanset combinators
// and structural operators, pipelines of aggregates, by() and select(), and metrics functions.
//
// A Query owns its tree through unique_ptr; regular expressions are compiled once by the
// parser and shared (immutable RE2 objects are safe to use from many threads).
// Thread safety: an immutable tree may be read from any number of threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace weft::query::traceql {

// Where an attribute lives: `span.x`, `resource.x`, `.x` (span, else resource), or an
// intrinsic (`name`, `duration`, `trace:rootService`, ...).
enum class AttrScope { kUnscoped, kSpan, kResource, kIntrinsic };

enum class Intrinsic {
  kNone,
  kName,
  kStatus,
  kStatusMessage,
  kKind,
  kDuration,
  kSpanId,
  kParentId,
  kTraceId,
  kTraceDuration,
  kRootName,
  kRootService,
  kEventName,
};

struct AttributeRef {
  AttrScope scope = AttrScope::kUnscoped;
  std::string name;  // "http.method"; for intrinsics the canonical spelling ("trace:rootName")
  Intrinsic intrinsic = Intrinsic::kNone;

  bool operator==(const AttributeRef&) const = default;
};

// A literal: `"x"`, `3`, `1.5`, `100ms`, `true`, `nil`, `error`, `server`.
struct Literal {
  enum class Kind { kNil, kString, kInt, kFloat, kDuration, kBool, kStatus, kKind };
  Kind kind = Kind::kNil;
  std::string text;     // kString; kStatus/kKind: the keyword ("error", "server")
  int64_t int_value = 0;  // kInt; kDuration in nanoseconds; kBool 0/1; kStatus/kKind: the code
  double float_value = 0;
};

enum class CompareOp { kEq, kNeq, kGt, kGte, kLt, kLte, kRegex, kNotRegex };

// An expression inside `{ }`: a comparison, a lone attribute (true when it is boolean true),
// or && / || of two expressions.
struct FieldExpr {
  enum class Kind { kCompare, kAttribute, kBoolLiteral, kAnd, kOr, kNot };
  Kind kind = Kind::kCompare;
  AttributeRef attribute;                   // kCompare, kAttribute
  CompareOp op = CompareOp::kEq;            // kCompare
  Literal literal;                          // kCompare; kBoolLiteral
  std::shared_ptr<const re2::RE2> regex;    // kCompare with kRegex/kNotRegex
  std::unique_ptr<FieldExpr> left, right;   // kAnd, kOr (both); kNot (left)
};

struct Pipeline;

// A spanset expression: a filter, a parenthesised pipeline, or two spanset expressions joined
// by a combinator or a structural operator.
enum class SpansetOp {
  kAnd,            // &&
  kOr,             // ||
  kChild,          // >
  kDescendant,     // >>
  kParent,         // <
  kAncestor,       // <<
  kSibling,        // ~
  kNotChild,       // !>
  kNotDescendant,  // !>>
  kNotParent,      // !<
  kNotAncestor,    // !<<
  kNotSibling,     // !~
};

struct SpansetExpr {
  enum class Kind { kFilter, kPipeline, kBinary };
  Kind kind = Kind::kFilter;
  std::unique_ptr<FieldExpr> filter;           // kFilter; null for `{}` (every span)
  std::unique_ptr<Pipeline> pipeline;          // kPipeline
  SpansetOp op = SpansetOp::kAnd;              // kBinary
  std::unique_ptr<SpansetExpr> left, right;    // kBinary
};

// `count() > 2`, `avg(duration) >= 1s`: an aggregate of each spanset compared with a literal.
enum class AggregateFn { kCount, kAvg, kMin, kMax, kSum };

struct ScalarFilter {
  AggregateFn fn = AggregateFn::kCount;
  std::optional<AttributeRef> attribute;  // absent for count()
  CompareOp op = CompareOp::kGt;
  Literal literal;
};

// One stage after the first `|`.
struct PipelineStage {
  enum class Kind { kSpanset, kScalarFilter, kBy, kSelect, kCoalesce };
  Kind kind = Kind::kSpanset;
  std::unique_ptr<SpansetExpr> spanset;       // kSpanset
  ScalarFilter scalar;                        // kScalarFilter
  std::vector<AttributeRef> attributes;       // kBy, kSelect
};

struct Pipeline {
  std::unique_ptr<SpansetExpr> head;
  std::vector<PipelineStage> stages;
};

// A metrics function closing a query: `| rate() by (resource.service.name)`.
enum class MetricsFn { kRate, kCountOverTime, kQuantileOverTime, kMinOverTime, kMaxOverTime,
                       kAvgOverTime, kSumOverTime };

struct MetricsStage {
  MetricsFn fn = MetricsFn::kRate;
  std::optional<AttributeRef> attribute;  // the *_over_time functions but count_over_time
  std::vector<double> quantiles;          // quantile_over_time
  std::vector<AttributeRef> by;
};

struct Query {
  Pipeline pipeline;
  std::optional<MetricsStage> metrics;
};

}  // namespace weft::query::traceql
