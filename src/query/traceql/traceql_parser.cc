#include "query/traceql/traceql_parser.h"

#include <re2/re2.h>

#include "query/traceql/traceql_intrinsics.h"
#include "query/traceql/traceql_lexer.h"

namespace weft::query::traceql {

namespace {

struct Keyword {
  std::string_view word;
  Literal::Kind kind;
  int64_t code;
};

constexpr Keyword kKeywords[] = {
    {"true", Literal::Kind::kBool, 1},        {"false", Literal::Kind::kBool, 0},
    {"nil", Literal::Kind::kNil, 0},          {"error", Literal::Kind::kStatus, 2},
    {"ok", Literal::Kind::kStatus, 1},        {"unset", Literal::Kind::kStatus, 0},
    {"unspecified", Literal::Kind::kKind, 0}, {"internal", Literal::Kind::kKind, 1},
    {"server", Literal::Kind::kKind, 2},      {"client", Literal::Kind::kKind, 3},
    {"producer", Literal::Kind::kKind, 4},    {"consumer", Literal::Kind::kKind, 5},
};

const Keyword* find_keyword(std::string_view word) {
  for (const Keyword& k : kKeywords)
    if (k.word == word) return &k;
  return nullptr;
}

std::optional<CompareOp> compare_op(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEq: return CompareOp::kEq;
    case TokenKind::kNeq: return CompareOp::kNeq;
    case TokenKind::kGt: return CompareOp::kGt;
    case TokenKind::kGte: return CompareOp::kGte;
    case TokenKind::kLt: return CompareOp::kLt;
    case TokenKind::kLte: return CompareOp::kLte;
    case TokenKind::kRegex: return CompareOp::kRegex;
    case TokenKind::kNotRegex: return CompareOp::kNotRegex;
    default: return std::nullopt;
  }
}

std::optional<SpansetOp> structural_op(TokenKind kind) {
  switch (kind) {
    case TokenKind::kGt: return SpansetOp::kChild;
    case TokenKind::kDescendant: return SpansetOp::kDescendant;
    case TokenKind::kLt: return SpansetOp::kParent;
    case TokenKind::kAncestor: return SpansetOp::kAncestor;
    case TokenKind::kTilde: return SpansetOp::kSibling;
    case TokenKind::kNotChild: return SpansetOp::kNotChild;
    case TokenKind::kNotDescendant: return SpansetOp::kNotDescendant;
    case TokenKind::kNotParent: return SpansetOp::kNotParent;
    case TokenKind::kNotAncestor: return SpansetOp::kNotAncestor;
    case TokenKind::kNotRegex: return SpansetOp::kNotSibling;
    default: return std::nullopt;
  }
}

// The comparison that reads the same with its operands swapped: `3 < x` is `x > 3`.
CompareOp mirrored(CompareOp op) {
  switch (op) {
    case CompareOp::kGt: return CompareOp::kLt;
    case CompareOp::kGte: return CompareOp::kLte;
    case CompareOp::kLt: return CompareOp::kGt;
    case CompareOp::kLte: return CompareOp::kGte;
    default: return op;
  }
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens)
      : text_(text), tokens_(std::move(tokens)) {}

  Result<Query> run() {  // the whole text as a query
    Query query;
    Status s = parse_pipeline(query.pipeline, &query.metrics);
    if (s.is_ok() && peek().kind != TokenKind::kEnd) s = unexpected("'|', '&&', '||' or end of query");
    if (!s.is_ok()) return s;
    return query;
  }

 private:
  const Token& peek(size_t ahead = 0) const {
    size_t i = std::min(pos_ + ahead, tokens_.size() - 1);
    return tokens_[i];
  }
  const Token& take() {
    const Token& t = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }
  bool accept(TokenKind kind) {
    if (peek().kind != kind) return false;
    take();
    return true;
  }
  bool peek_word(std::string_view word, size_t ahead = 0) const {
    return peek(ahead).kind == TokenKind::kIdentifier && peek(ahead).text == word;
  }

  Status error_at(size_t offset, std::string_view message) const {
    return Status::invalid("parse error at " + position_text(text_, offset) + ": " +
                           std::string(message));
  }
  Status unexpected(std::string_view expected) const {
    const Token& t = peek();
    std::string got(token_kind_name(t.kind));
    if (t.kind == TokenKind::kIdentifier) got = "'" + t.text + "'";
    return error_at(t.offset, "syntax error: unexpected " + got + ", expecting " +
                                  std::string(expected));
  }
  Status expect(TokenKind kind) {
    if (accept(kind)) return Status::ok();
    return unexpected(token_kind_name(kind));
  }
  Status count_operator() {
    if (++operators_ > kMaxOperators)
      return error_at(peek().offset, "query has more than " + std::to_string(kMaxOperators) +
                                         " operators");
    return Status::ok();
  }
  Status enter() {
    if (++depth_ > kMaxNesting) return error_at(peek().offset, "query nests too deeply");
    return Status::ok();
  }

  // --- pipelines -------------------------------------------------------------------------

  Status parse_pipeline(Pipeline& pipeline, std::optional<MetricsStage>* metrics) {
    WEFT_RETURN_IF_ERROR(enter());
    pipeline.head = std::make_unique<SpansetExpr>();
    WEFT_RETURN_IF_ERROR(parse_spanset_or(*pipeline.head));
    while (accept(TokenKind::kPipe)) {
      if (metrics && is_metrics_function()) {
        metrics->emplace();
        WEFT_RETURN_IF_ERROR(parse_metrics(**metrics));
        break;
      }
      pipeline.stages.emplace_back();
      WEFT_RETURN_IF_ERROR(parse_stage(pipeline.stages.back()));
    }
    --depth_;
    return Status::ok();
  }

  Status parse_stage(PipelineStage& stage) {
    if (peek().kind == TokenKind::kLBrace || peek().kind == TokenKind::kLParen) {
      stage.kind = PipelineStage::Kind::kSpanset;
      stage.spanset = std::make_unique<SpansetExpr>();
      return parse_spanset_or(*stage.spanset);
    }
    if (peek_word("by") || peek_word("select")) {
      stage.kind = take().text == "by" ? PipelineStage::Kind::kBy : PipelineStage::Kind::kSelect;
      return parse_attribute_list(stage.attributes);
    }
    if (peek_word("coalesce")) {
      take();
      stage.kind = PipelineStage::Kind::kCoalesce;
      WEFT_RETURN_IF_ERROR(expect(TokenKind::kLParen));
      return expect(TokenKind::kRParen);
    }
    stage.kind = PipelineStage::Kind::kScalarFilter;
    return parse_scalar_filter(stage.scalar);
  }

  Status parse_scalar_filter(ScalarFilter& filter) {
    static const std::pair<std::string_view, AggregateFn> kFns[] = {
        {"count", AggregateFn::kCount}, {"avg", AggregateFn::kAvg}, {"min", AggregateFn::kMin},
        {"max", AggregateFn::kMax}, {"sum", AggregateFn::kSum}};
    const Token& t = peek();
    bool found = false;
    for (const auto& [name, fn] : kFns) {
      if (t.kind != TokenKind::kIdentifier || t.text != name) continue;
      filter.fn = fn;
      found = true;
    }
    if (!found)
      return unexpected("a spanset filter, count, avg, min, max, sum, by, select or coalesce");
    take();
    WEFT_RETURN_IF_ERROR(expect(TokenKind::kLParen));
    if (filter.fn != AggregateFn::kCount) {
      filter.attribute.emplace();
      WEFT_RETURN_IF_ERROR(parse_attribute(*filter.attribute));
    }
    WEFT_RETURN_IF_ERROR(expect(TokenKind::kRParen));
    auto op = compare_op(peek().kind);
    if (!op || *op == CompareOp::kRegex || *op == CompareOp::kNotRegex)
      return unexpected("a comparison (= != > >= < <=)");
    take();
    filter.op = *op;
    WEFT_RETURN_IF_ERROR(parse_literal(filter.literal));
    if (filter.literal.kind != Literal::Kind::kInt && filter.literal.kind != Literal::Kind::kFloat &&
        filter.literal.kind != Literal::Kind::kDuration)
      return error_at(peek().offset, "aggregates compare with a number or a duration");
    return Status::ok();
  }

  Status parse_attribute_list(std::vector<AttributeRef>& attributes) {
    WEFT_RETURN_IF_ERROR(expect(TokenKind::kLParen));
    do {
      attributes.emplace_back();
      WEFT_RETURN_IF_ERROR(parse_attribute(attributes.back()));
    } while (accept(TokenKind::kComma));
    return expect(TokenKind::kRParen);
  }

  // --- metrics ---------------------------------------------------------------------------

  bool is_metrics_function() const {
    static const std::string_view kNames[] = {"rate", "count_over_time", "quantile_over_time",
                                              "min_over_time", "max_over_time", "avg_over_time",
                                              "sum_over_time"};
    for (std::string_view name : kNames)
      if (peek_word(name)) return true;
    return false;
  }

  Status parse_metrics(MetricsStage& m) {
    static const std::pair<std::string_view, MetricsFn> kFns[] = {
        {"rate", MetricsFn::kRate}, {"count_over_time", MetricsFn::kCountOverTime},
        {"quantile_over_time", MetricsFn::kQuantileOverTime},
        {"min_over_time", MetricsFn::kMinOverTime}, {"max_over_time", MetricsFn::kMaxOverTime},
        {"avg_over_time", MetricsFn::kAvgOverTime}, {"sum_over_time", MetricsFn::kSumOverTime}};
    std::string name = take().text;
    for (const auto& [n, fn] : kFns)
      if (n == name) m.fn = fn;
    WEFT_RETURN_IF_ERROR(expect(TokenKind::kLParen));
    if (m.fn != MetricsFn::kRate && m.fn != MetricsFn::kCountOverTime) {
      m.attribute.emplace();
      WEFT_RETURN_IF_ERROR(parse_attribute(*m.attribute));
    }
    if (m.fn == MetricsFn::kQuantileOverTime) WEFT_RETURN_IF_ERROR(parse_quantiles(m.quantiles));
    WEFT_RETURN_IF_ERROR(expect(TokenKind::kRParen));
    if (peek_word("by")) {
      take();
      WEFT_RETURN_IF_ERROR(parse_attribute_list(m.by));
    }
    return Status::ok();
  }

  Status parse_quantiles(std::vector<double>& quantiles) {
    while (accept(TokenKind::kComma)) {
      const Token& t = peek();
      if (t.kind != TokenKind::kFloat && t.kind != TokenKind::kInt) return unexpected("a quantile");
      double q = t.kind == TokenKind::kFloat ? t.float_value : static_cast<double>(t.int_value);
      if (q < 0 || q > 1) return error_at(t.offset, "a quantile is between 0 and 1");
      quantiles.push_back(q);
      take();
    }
    if (quantiles.empty()) return unexpected("','");
    return Status::ok();
  }

  // --- spanset expressions ---------------------------------------------------------------

  using Level = Status (Parser::*)(SpansetExpr&);

  // Binary levels: || below &&, && below the structural operators (as Tempo binds them).
  Status parse_spanset_or(SpansetExpr& out) {
    return parse_binary(out, &Parser::parse_spanset_and,
                        [](TokenKind k) -> std::optional<SpansetOp> {
                          if (k == TokenKind::kOrOr) return SpansetOp::kOr;
                          return std::nullopt;
                        });
  }
  Status parse_spanset_and(SpansetExpr& out) {
    return parse_binary(out, &Parser::parse_spanset_structural,
                        [](TokenKind k) -> std::optional<SpansetOp> {
                          if (k == TokenKind::kAndAnd) return SpansetOp::kAnd;
                          return std::nullopt;
                        });
  }
  Status parse_spanset_structural(SpansetExpr& out) {
    return parse_binary(out, &Parser::parse_spanset_primary, structural_op);
  }

  template <typename OpOf>
  Status parse_binary(SpansetExpr& out, Level next, OpOf op_of) {
    WEFT_RETURN_IF_ERROR((this->*next)(out));
    while (auto op = op_of(peek().kind)) {
      take();
      WEFT_RETURN_IF_ERROR(count_operator());
      WEFT_RETURN_IF_ERROR(enter());
      auto left = std::make_unique<SpansetExpr>(std::move(out));
      auto right = std::make_unique<SpansetExpr>();
      WEFT_RETURN_IF_ERROR((this->*next)(*right));
      --depth_;
      out = SpansetExpr{};
      out.kind = SpansetExpr::Kind::kBinary;
      out.op = *op;
      out.left = std::move(left);
      out.right = std::move(right);
    }
    return Status::ok();
  }

  Status parse_spanset_primary(SpansetExpr& out) {
    if (accept(TokenKind::kLParen)) {
      auto pipeline = std::make_unique<Pipeline>();
      WEFT_RETURN_IF_ERROR(parse_pipeline(*pipeline, nullptr));
      WEFT_RETURN_IF_ERROR(expect(TokenKind::kRParen));
      if (pipeline->stages.empty()) {
        out = std::move(*pipeline->head);
        return Status::ok();
      }
      out.kind = SpansetExpr::Kind::kPipeline;
      out.pipeline = std::move(pipeline);
      return Status::ok();
    }
    if (!accept(TokenKind::kLBrace)) return unexpected("'{' or '('");
    out.kind = SpansetExpr::Kind::kFilter;
    if (accept(TokenKind::kRBrace)) return Status::ok();
    out.filter = std::make_unique<FieldExpr>();
    WEFT_RETURN_IF_ERROR(parse_field_or(*out.filter));
    return expect(TokenKind::kRBrace);
  }

  // --- field expressions -----------------------------------------------------------------

  Status parse_field_or(FieldExpr& out) {
    return parse_field_binary(out, TokenKind::kOrOr, FieldExpr::Kind::kOr,
                              &Parser::parse_field_and);
  }
  Status parse_field_and(FieldExpr& out) {
    return parse_field_binary(out, TokenKind::kAndAnd, FieldExpr::Kind::kAnd,
                              &Parser::parse_field_unary);
  }

  Status parse_field_binary(FieldExpr& out, TokenKind token, FieldExpr::Kind kind,
                            Status (Parser::*next)(FieldExpr&)) {
    WEFT_RETURN_IF_ERROR((this->*next)(out));
    while (accept(token)) {
      WEFT_RETURN_IF_ERROR(count_operator());
      WEFT_RETURN_IF_ERROR(enter());
      auto left = std::make_unique<FieldExpr>(std::move(out));
      auto right = std::make_unique<FieldExpr>();
      WEFT_RETURN_IF_ERROR((this->*next)(*right));
      --depth_;
      out = FieldExpr{};
      out.kind = kind;
      out.left = std::move(left);
      out.right = std::move(right);
    }
    return Status::ok();
  }

  Status parse_field_unary(FieldExpr& out) {
    WEFT_RETURN_IF_ERROR(enter());
    Status s = parse_field_unary_inner(out);
    --depth_;
    return s;
  }

  Status parse_field_unary_inner(FieldExpr& out) {
    if (accept(TokenKind::kNot)) {
      out.kind = FieldExpr::Kind::kNot;
      out.left = std::make_unique<FieldExpr>();
      return parse_field_unary(*out.left);
    }
    if (accept(TokenKind::kLParen)) {
      WEFT_RETURN_IF_ERROR(parse_field_or(out));
      return expect(TokenKind::kRParen);
    }
    if (is_attribute_start()) return parse_comparison(out);
    if (peek_word("true") || peek_word("false")) {
      out.kind = FieldExpr::Kind::kBoolLiteral;
      out.literal.kind = Literal::Kind::kBool;
      out.literal.int_value = take().text == "true";
      return Status::ok();
    }
    if (is_literal_start()) return parse_reversed_comparison(out);
    return unexpected("an attribute, an intrinsic or '('");
  }

  bool is_attribute_start() const {
    const Token& t = peek();
    if (t.kind == TokenKind::kAttribute) return true;
    return t.kind == TokenKind::kIdentifier && find_intrinsic(t.text) != nullptr;
  }
  bool is_literal_start() const {
    switch (peek().kind) {
      case TokenKind::kString: case TokenKind::kInt: case TokenKind::kFloat:
      case TokenKind::kDuration: case TokenKind::kMinus:
        return true;
      case TokenKind::kIdentifier: return find_keyword(peek().text) != nullptr;
      default: return false;
    }
  }

  Status parse_comparison(FieldExpr& out) {
    out.kind = FieldExpr::Kind::kCompare;
    WEFT_RETURN_IF_ERROR(parse_attribute(out.attribute));
    auto op = compare_op(peek().kind);
    if (!op) {
      out.kind = FieldExpr::Kind::kAttribute;  // `{ span.cache_hit }`: true when boolean true
      return Status::ok();
    }
    take();
    out.op = *op;
    return parse_compared_literal(out);
  }

  // `"GET" = span.http.method`: kept as `span.http.method = "GET"`.
  Status parse_reversed_comparison(FieldExpr& out) {
    out.kind = FieldExpr::Kind::kCompare;
    WEFT_RETURN_IF_ERROR(parse_literal(out.literal));
    auto op = compare_op(peek().kind);
    if (!op || *op == CompareOp::kRegex || *op == CompareOp::kNotRegex)
      return unexpected("a comparison (= != > >= < <=)");
    take();
    out.op = mirrored(*op);
    if (!is_attribute_start()) return unexpected("an attribute or an intrinsic");
    return parse_attribute(out.attribute);
  }

  Status parse_compared_literal(FieldExpr& out) {
    size_t offset = peek().offset;
    WEFT_RETURN_IF_ERROR(parse_literal(out.literal));
    if (out.op != CompareOp::kRegex && out.op != CompareOp::kNotRegex) return Status::ok();
    if (out.literal.kind != Literal::Kind::kString)
      return error_at(offset, "a regular expression must be a string");
    auto regex = std::make_shared<re2::RE2>(out.literal.text, re2::RE2::Quiet);
    if (!regex->ok())
      return error_at(offset, "invalid regular expression: " + regex->error());
    out.regex = std::move(regex);
    return Status::ok();
  }

  Status parse_literal(Literal& literal) {
    bool negative = accept(TokenKind::kMinus);
    const Token& t = peek();
    switch (t.kind) {
      case TokenKind::kString:
        if (negative) return unexpected("a number or a duration");
        literal.kind = Literal::Kind::kString;
        literal.text = t.text;
        break;
      case TokenKind::kInt:
        literal.kind = Literal::Kind::kInt;
        literal.int_value = negative ? -t.int_value : t.int_value;
        break;
      case TokenKind::kFloat:
        literal.kind = Literal::Kind::kFloat;
        literal.float_value = negative ? -t.float_value : t.float_value;
        break;
      case TokenKind::kDuration:
        literal.kind = Literal::Kind::kDuration;
        literal.int_value = negative ? -t.int_value : t.int_value;
        break;
      case TokenKind::kIdentifier: {
        const Keyword* k = find_keyword(t.text);
        if (!k || negative) return unexpected("a value");
        literal.kind = k->kind;
        literal.int_value = k->code;
        if (k->kind == Literal::Kind::kStatus || k->kind == Literal::Kind::kKind)
          literal.text = std::string(k->word);
        break;
      }
      default:
        return unexpected("a value");
    }
    take();
    return Status::ok();
  }


 public:
  // The whole text as one attribute.
  Status parse_lone_attribute(AttributeRef& attribute) {
    WEFT_RETURN_IF_ERROR(parse_attribute(attribute));
    if (peek().kind != TokenKind::kEnd) return unexpected("end of the tag name");
    return Status::ok();
  }

 private:
  Status parse_attribute(AttributeRef& attribute) {
    const Token& t = peek();
    if (t.kind == TokenKind::kIdentifier) {
      const IntrinsicInfo* info = find_intrinsic(t.text);
      if (!info) return unexpected("an attribute or an intrinsic");
      attribute.scope = AttrScope::kIntrinsic;
      attribute.intrinsic = info->intrinsic;
      attribute.name = std::string(info->canonical);
      take();
      return Status::ok();
    }
    if (t.kind != TokenKind::kAttribute) return unexpected("an attribute or an intrinsic");
    if (t.scope == "span") {
      attribute.scope = AttrScope::kSpan;
    } else if (t.scope == "resource") {
      attribute.scope = AttrScope::kResource;
    } else if (t.scope.empty()) {
      attribute.scope = AttrScope::kUnscoped;
    } else {
      return error_at(t.offset, "attributes of scope '" + t.scope + "' are not supported");
    }
    attribute.name = t.text;
    take();
    return Status::ok();
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;
  int operators_ = 0;
};

}  // namespace

Result<Query> parse_traceql(std::string_view text) {
  if (text.size() > kMaxQueryBytes)
    return Status::invalid("query is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
  auto tokens = lex_traceql(text);
  if (!tokens.is_ok()) return tokens.status();
  return Parser(text, std::move(*tokens)).run();
}

Result<AttributeRef> parse_tag_name(std::string_view text) {
  if (text.empty()) return Status::invalid("empty tag name");
  if (text.size() > kMaxQueryBytes) return Status::invalid("tag name too long");
  AttributeRef attribute;
  auto tokens = lex_traceql(text);
  if (tokens.is_ok()) {
    Parser parser(text, std::move(*tokens));
    if (parser.parse_lone_attribute(attribute).is_ok()) return attribute;
  }
  attribute = AttributeRef{AttrScope::kUnscoped, std::string(text), Intrinsic::kNone};
  return attribute;
}

}  // namespace weft::query::traceql
