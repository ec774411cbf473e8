// A recursive-descent parser for Loki's LogQL grammar. Syntax errors are thrown inside the
// parser (ParseFailure) and turned into a Status at parse_query(); nothing escapes it.
#include "query/logql/parser.h"

#include <charconv>

#include "query/logql/lexer.h"
#include "query/logql/parse_validate.h"

namespace weft::logql {

namespace {

struct ParseFailure {
  std::string message;
  Position pos;
  bool has_pos = true;
};

bool is_line_filter_start(Tok t) {
  return t == Tok::kPipeExact || t == Tok::kPipeMatch || t == Tok::kPipePattern ||
         t == Tok::kNeq || t == Tok::kNre || t == Tok::kNpa;
}

LineFilterType line_filter_type(Tok t) {
  switch (t) {
    case Tok::kPipeExact: return LineFilterType::kContains;
    case Tok::kNeq: return LineFilterType::kNotContains;
    case Tok::kPipeMatch: return LineFilterType::kRegex;
    case Tok::kNre: return LineFilterType::kNotRegex;
    case Tok::kPipePattern: return LineFilterType::kPattern;
    default: return LineFilterType::kNotPattern;
  }
}

// Binary operator precedence (higher binds tighter); 0 for a non-operator.
int precedence(Tok t) {
  switch (t) {
    case Tok::kOr: return 1;
    case Tok::kAnd: case Tok::kUnless: return 2;
    case Tok::kCmpEq: case Tok::kNeq: case Tok::kGt: case Tok::kGte: case Tok::kLt: case Tok::kLte:
      return 3;
    case Tok::kAdd: case Tok::kSub: return 4;
    case Tok::kMul: case Tok::kDiv: case Tok::kMod: return 5;
    case Tok::kPow: return 6;
    default: return 0;
  }
}

std::optional<CompareOp> compare_op(Tok t) {
  switch (t) {
    case Tok::kEq: case Tok::kCmpEq: return CompareOp::kEqual;
    case Tok::kNeq: return CompareOp::kNotEqual;
    case Tok::kGt: return CompareOp::kGreater;
    case Tok::kGte: return CompareOp::kGreaterEqual;
    case Tok::kLt: return CompareOp::kLess;
    case Tok::kLte: return CompareOp::kLessEqual;
    default: return std::nullopt;
  }
}

std::optional<MatchType> match_type(Tok t) {
  switch (t) {
    case Tok::kEq: return MatchType::kEqual;
    case Tok::kNeq: return MatchType::kNotEqual;
    case Tok::kRe: return MatchType::kRegex;
    case Tok::kNre: return MatchType::kNotRegex;
    default: return std::nullopt;
  }
}

double parse_number(const std::string& text) {
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
    return static_cast<double>(std::strtoull(text.c_str() + 2, nullptr, 16));
  return std::strtod(text.c_str(), nullptr);
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : toks_(std::move(tokens)) {}

  Query query() {
    Query q;
    Operand top = expr(1);
    expect_end();
    if (top.log) q.log = std::move(top.log);
    else q.sample = std::move(top.sample);
    return q;
  }

  std::vector<LabelMatcherExpr> selector_only() {
    auto matchers = selector();
    expect_end();
    return matchers;
  }

 private:
  // An operand of a binary expression: a log selector (only valid alone) or a sample expr.
  struct Operand {
    std::unique_ptr<LogSelector> log;
    SampleExprPtr sample;
  };

  const Token& peek(size_t k = 0) const {
    size_t at = std::min(i_ + k, toks_.size() - 1);
    return toks_[at];
  }
  bool at(Tok t) const { return peek().kind == t; }
  Token take() {
    Token t = peek();
    if (i_ < toks_.size() - 1) ++i_;
    return t;
  }
  bool accept(Tok t) {
    if (!at(t)) return false;
    take();
    return true;
  }

  [[noreturn]] void unexpected(std::initializer_list<std::string_view> expected) const {
    std::string msg = "syntax error: unexpected " + token_display_name(peek());
    if (expected.size() > 0) {
      msg += ", expecting ";
      bool first = true;
      for (auto e : expected) {
        if (!first) msg += " or ";
        msg += e;
        first = false;
      }
    }
    throw ParseFailure{msg, peek().pos};
  }

  Token expect(Tok t) {
    if (!at(t)) unexpected({token_kind_name(t)});
    return take();
  }

  void expect_end() {
    if (!at(Tok::kEnd)) unexpected({});
  }

  [[noreturn]] void fail_whole(std::string message) const {
    throw ParseFailure{std::move(message), {}, false};
  }

  // ---- expressions -------------------------------------------------------------------

  Operand expr(int min_prec) {
    Operand left = operand();
    while (true) {
      int prec = precedence(peek().kind);
      if (prec == 0 || prec < min_prec) return left;
      Token op = take();
      auto bin = std::make_unique<BinaryExpr>();
      bin->op = op.text;
      modifiers(*bin);
      int next_min = op.kind == Tok::kPow ? prec : prec + 1;  // ^ is right-associative
      Operand right = expr(next_min);
      left = combine(std::move(left), std::move(bin), std::move(right));
    }
  }

  Operand combine(Operand left, std::unique_ptr<BinaryExpr> bin, Operand right) {
    if (left.log)
      fail_whole("unexpected type for left leg of binary operation (" + bin->op + "): log selector");
    if (right.log)
      fail_whole("unexpected type for right leg of binary operation (" + bin->op + "): log selector");
    bin->lhs = std::move(left.sample);
    bin->rhs = std::move(right.sample);
    Operand out;
    out.sample = fold_binary(std::move(bin));
    return out;
  }

  void modifiers(BinaryExpr& bin) {
    if (accept(Tok::kBool)) bin.return_bool = true;
    if (at(Tok::kOn) || at(Tok::kIgnoring)) {
      bin.matching.on = take().kind == Tok::kOn;
      bin.matching.has_labels = true;
      bin.matching.labels = label_list();
      if (at(Tok::kGroupLeft) || at(Tok::kGroupRight)) {
        bin.matching.card = take().kind == Tok::kGroupLeft ? Cardinality::kManyToOne
                                                          : Cardinality::kOneToMany;
        if (at(Tok::kOpenParen)) bin.matching.include = label_list();
      }
    }
  }

  // ( a, b, c ) — possibly empty.
  std::vector<std::string> label_list() {
    expect(Tok::kOpenParen);
    std::vector<std::string> labels;
    if (accept(Tok::kCloseParen)) return labels;
    while (true) {
      labels.push_back(expect(Tok::kIdentifier).text);
      if (accept(Tok::kCloseParen)) return labels;
      if (!at(Tok::kComma)) unexpected({")", ","});
      take();
    }
  }

  Operand operand() {
    Operand out;
    switch (peek().kind) {
      case Tok::kOpenBrace:
        out.log = std::make_unique<LogSelector>(log_selector());
        return out;
      case Tok::kOpenParen: {
        take();
        Operand inner = expr(1);
        expect(Tok::kCloseParen);
        return inner;
      }
      case Tok::kRangeOp:
        out.sample = range_aggregation();
        return out;
      case Tok::kVectorOp:
        out.sample = vector_aggregation();
        return out;
      case Tok::kVector:
        out.sample = vector_expr();
        return out;
      case Tok::kLabelReplace:
        out.sample = label_replace();
        return out;
      case Tok::kNumber: case Tok::kAdd: case Tok::kSub:
        out.sample = literal();
        return out;
      default:
        unexpected({});
    }
  }

  SampleExprPtr literal() {
    bool negative = false;
    if (at(Tok::kAdd) || at(Tok::kSub)) negative = take().kind == Tok::kSub;
    Token n = expect(Tok::kNumber);
    auto lit = std::make_unique<LiteralExpr>();
    lit->value = negative ? -parse_number(n.text) : parse_number(n.text);
    return lit;
  }

  SampleExprPtr vector_expr() {
    take();
    expect(Tok::kOpenParen);
    Token n = expect(Tok::kNumber);
    expect(Tok::kCloseParen);
    auto v = std::make_unique<VectorExpr>();
    v->value = parse_number(n.text);
    return v;
  }

  SampleExprPtr label_replace() {
    take();
    expect(Tok::kOpenParen);
    auto lr = std::make_unique<LabelReplaceExpr>();
    Operand inner = expr(1);
    if (inner.log) fail_whole("label_replace needs a metric query, not a log selector");
    lr->inner = std::move(inner.sample);
    for (std::string* field : {&lr->dst, &lr->replacement, &lr->src, &lr->regex}) {
      expect(Tok::kComma);
      *field = expect(Tok::kString).text;
    }
    expect(Tok::kCloseParen);
    return lr;
  }

  Grouping grouping() {
    Grouping g;
    g.without = take().kind == Tok::kWithout;
    g.labels = label_list();
    return g;
  }

  SampleExprPtr vector_aggregation() {
    auto agg = std::make_unique<VectorAggregation>();
    agg->op = take().text;
    if (at(Tok::kBy) || at(Tok::kWithout)) {
      agg->grouping = grouping();
      agg->has_grouping = true;
    }
    expect(Tok::kOpenParen);
    std::optional<std::string> param;
    if (at(Tok::kNumber) && peek(1).kind == Tok::kComma) {
      param = take().text;
      take();
    }
    Operand inner = expr(1);
    if (inner.log) fail_whole("unexpected type for " + agg->op + ": a log selector is not a metric query");
    agg->inner = std::move(inner.sample);
    expect(Tok::kCloseParen);
    if (!agg->has_grouping && (at(Tok::kBy) || at(Tok::kWithout))) {
      agg->grouping = grouping();
      agg->has_grouping = true;
    }
    set_vector_param(*agg, param);
    return agg;
  }

  void set_vector_param(VectorAggregation& agg, const std::optional<std::string>& param) {
    bool takes_k = agg.op == "topk" || agg.op == "bottomk" || agg.op == "approx_topk";
    if (!takes_k) {
      if (param) fail_whole("unsupported parameter for operation " + agg.op + "(" + *param + ",");
      return;
    }
    if (!param) fail_whole("parameter required for operation " + agg.op);
    int64_t k = 0;
    auto [p, ec] = std::from_chars(param->data(), param->data() + param->size(), k);
    if (ec != std::errc() || p != param->data() + param->size())
      fail_whole("invalid parameter " + agg.op + "(" + *param + ",");
    if (k <= 0) fail_whole("invalid parameter (must be greater than 0) " + agg.op + "(" + *param);
    agg.param = k;
  }

  SampleExprPtr range_aggregation() {
    auto agg = std::make_unique<RangeAggregation>();
    agg->op = take().text;
    expect(Tok::kOpenParen);
    std::optional<std::string> param;
    if (at(Tok::kNumber) && peek(1).kind == Tok::kComma) {
      param = take().text;
      take();
    }
    agg->range = log_range();
    expect(Tok::kCloseParen);
    if (at(Tok::kBy) || at(Tok::kWithout)) agg->grouping = grouping();
    if (param) {
      if (agg->op != "quantile_over_time")
        fail_whole("parameter " + *param + " not supported for operation " + agg->op);
      agg->param = parse_number(*param);
    } else if (agg->op == "quantile_over_time") {
      fail_whole("parameter required for operation " + agg->op);
    }
    return agg;
  }

  // ---- log ranges ---------------------------------------------------------------------

  // The forms of Loki's logRangeExpr: a selector with its pipeline and unwrap, the range
  // either after all of them or right after the selector (then the pipeline follows it),
  // an optional offset after the range; parentheses around the selector part or the whole.
  LogRange log_range() {
    LogRange r;
    if (at(Tok::kOpenParen)) {
      take();
      LogRange inner = log_range_body(/*inside_parens=*/true);
      expect(Tok::kCloseParen);
      if (inner.range_nanos > 0) return inner;
      if (!at(Tok::kRange)) unexpected({"RANGE"});
      inner.range_nanos = take().nanos;
      range_offset(inner);
      return inner;
    }
    return log_range_body(false);
  }

  LogRange log_range_body(bool inside_parens) {
    if (at(Tok::kOpenParen)) return log_range();
    LogRange r;
    r.selector.matchers = selector();
    bool before = pipeline_with_unwrap(r);
    if (at(Tok::kRange)) {
      r.range_nanos = take().nanos;
      if (r.range_nanos <= 0) r.range_nanos = 0;
      range_offset(r);
      if (!before) pipeline_with_unwrap(r);
      return r;
    }
    if (!inside_parens) unexpected({"RANGE"});
    return r;
  }

  void range_offset(LogRange& r) {
    if (!accept(Tok::kOffset)) return;
    r.offset_nanos = expect(Tok::kDuration).nanos;
  }

  // Stages and an optional unwrap with its label filters; whether anything was read.
  bool pipeline_with_unwrap(LogRange& r) {
    bool any = false;
    while (true) {
      if (is_line_filter_start(peek().kind)) {
        if (r.unwrap) unexpected({"|"});
        r.selector.stages.push_back(line_filter());
      } else if (at(Tok::kPipe) && peek(1).kind == Tok::kUnwrap) {
        if (r.unwrap) unexpected({"RANGE"});
        take();
        take();
        r.unwrap = unwrap();
      } else if (at(Tok::kPipe) && r.unwrap) {
        take();
        r.unwrap->post_filters.push_back(label_filter());
      } else if (at(Tok::kPipe)) {
        take();
        r.selector.stages.push_back(pipe_stage());
      } else {
        return any;
      }
      any = true;
    }
  }

  Unwrap unwrap() {
    Unwrap u;
    if (at(Tok::kConvOp)) {
      u.conversion = take().text;
      expect(Tok::kOpenParen);
      u.label = expect(Tok::kIdentifier).text;
      expect(Tok::kCloseParen);
    } else {
      u.label = expect(Tok::kIdentifier).text;
    }
    return u;
  }

  // ---- log selectors and pipelines ------------------------------------------------------

  LogSelector log_selector() {
    LogSelector s;
    s.matchers = selector();
    while (true) {
      if (is_line_filter_start(peek().kind)) {
        s.stages.push_back(line_filter());
      } else if (at(Tok::kPipe)) {
        if (peek(1).kind == Tok::kUnwrap) unexpected({});
        take();
        s.stages.push_back(pipe_stage());
      } else {
        return s;
      }
    }
  }

  std::vector<LabelMatcherExpr> selector() {
    expect(Tok::kOpenBrace);
    std::vector<LabelMatcherExpr> matchers;
    if (accept(Tok::kCloseBrace)) return matchers;
    while (true) {
      matchers.push_back(matcher());
      if (accept(Tok::kCloseBrace)) return matchers;
      if (!at(Tok::kComma)) unexpected({"}", ","});
      take();
    }
  }

  LabelMatcherExpr matcher() {
    LabelMatcherExpr m;
    m.name = expect(Tok::kIdentifier).text;
    auto type = match_type(peek().kind);
    if (!type) unexpected({"=", "!=", "=~", "!~"});
    take();
    m.type = *type;
    m.value = expect(Tok::kString).text;
    return m;
  }

  LineFilterTerm line_filter_term() {
    LineFilterTerm term;
    if (at(Tok::kIp)) {
      take();
      expect(Tok::kOpenParen);
      term.ip = true;
      term.value = expect(Tok::kString).text;
      expect(Tok::kCloseParen);
      return term;
    }
    if (!at(Tok::kString)) unexpected({"STRING", "ip"});
    term.value = take().text;
    return term;
  }

  Stage line_filter() {
    LineFilterStage f;
    f.type = line_filter_type(take().kind);
    f.terms.push_back(line_filter_term());
    while (at(Tok::kOr) && (peek(1).kind == Tok::kString || peek(1).kind == Tok::kIp)) {
      take();
      f.terms.push_back(line_filter_term());
    }
    return f;
  }

  Stage pipe_stage() {
    switch (peek().kind) {
      case Tok::kJson: return json_stage();
      case Tok::kLogfmt: return logfmt_stage();
      case Tok::kRegexp: case Tok::kPattern: {
        ParserStage p;
        p.kind = take().kind == Tok::kRegexp ? ParserKind::kRegexp : ParserKind::kPattern;
        p.param = expect(Tok::kString).text;
        return p;
      }
      case Tok::kUnpack: {
        take();
        ParserStage p;
        p.kind = ParserKind::kUnpack;
        return p;
      }
      case Tok::kLineFmt: {
        take();
        return LineFormatStage{expect(Tok::kString).text};
      }
      case Tok::kLabelFmt: return label_format();
      case Tok::kDecolorize: take(); return DecolorizeStage{};
      case Tok::kDrop: case Tok::kKeep: return drop_keep();
      case Tok::kIdentifier: case Tok::kOpenParen: return LabelFilterStage{label_filter()};
      default:
        unexpected({});
    }
  }

  Stage json_stage() {
    take();
    ParserStage p;
    p.kind = ParserKind::kJson;
    if (at(Tok::kIdentifier)) p.extractions = extractions();
    return p;
  }

  Stage logfmt_stage() {
    take();
    ParserStage p;
    p.kind = ParserKind::kLogfmt;
    while (at(Tok::kFunctionFlag)) {
      std::string flag = take().text;
      if (flag == "--strict") p.strict = true;
      else p.keep_empty = true;
    }
    if (at(Tok::kIdentifier)) p.extractions = extractions();
    return p;
  }

  std::vector<Extraction> extractions() {
    std::vector<Extraction> out;
    while (true) {
      Extraction e;
      e.label = expect(Tok::kIdentifier).text;
      if (accept(Tok::kEq)) e.expression = expect(Tok::kString).text;
      else e.expression = e.label;
      out.push_back(std::move(e));
      if (!at(Tok::kComma)) return out;
      take();
    }
  }

  Stage label_format() {
    take();
    LabelFormatStage s;
    while (true) {
      LabelFormatItem item;
      item.name = expect(Tok::kIdentifier).text;
      expect(Tok::kEq);
      if (at(Tok::kIdentifier)) {
        item.rename = true;
        item.value = take().text;
      } else if (at(Tok::kString)) {
        item.value = take().text;
      } else {
        unexpected({"IDENTIFIER", "STRING"});
      }
      s.items.push_back(std::move(item));
      if (!at(Tok::kComma)) return s;
      take();
    }
  }

  Stage drop_keep() {
    DropKeepStage s;
    s.keep = take().kind == Tok::kKeep;
    while (true) {
      NamedMatcher item;
      if (at(Tok::kIdentifier) && match_type(peek(1).kind) && peek(2).kind == Tok::kString) {
        item.matcher = matcher();
        item.name = item.matcher->name;
      } else {
        item.name = expect(Tok::kIdentifier).text;
      }
      s.items.push_back(std::move(item));
      if (!at(Tok::kComma)) return s;
      take();
    }
  }

  // ---- label filters: or < and (and, ',', juxtaposition) < primary ----------------------

  std::shared_ptr<const LabelFilterExpr> label_filter() {
    return std::shared_ptr<const LabelFilterExpr>(label_filter_or().release());
  }

  std::unique_ptr<LabelFilterExpr> label_filter_or() {
    auto left = label_filter_and();
    while (at(Tok::kOr)) {
      take();
      auto node = std::make_unique<LabelFilterExpr>();
      node->kind = LabelFilterExpr::Kind::kOr;
      node->left = std::move(left);
      node->right = label_filter_and();
      left = std::move(node);
    }
    return left;
  }

  std::unique_ptr<LabelFilterExpr> label_filter_and() {
    auto left = label_filter_primary();
    while (true) {
      if (at(Tok::kAnd) || at(Tok::kComma)) take();
      else if (!at(Tok::kIdentifier) && !at(Tok::kOpenParen)) return left;
      auto node = std::make_unique<LabelFilterExpr>();
      node->kind = LabelFilterExpr::Kind::kAnd;
      node->left = std::move(left);
      node->right = label_filter_primary();
      left = std::move(node);
    }
  }

  std::unique_ptr<LabelFilterExpr> label_filter_primary() {
    if (accept(Tok::kOpenParen)) {
      auto inner = label_filter_or();
      expect(Tok::kCloseParen);
      return inner;
    }
    auto f = std::make_unique<LabelFilterExpr>();
    f->name = expect(Tok::kIdentifier).text;
    Tok op = peek().kind;
    auto cmp = compare_op(op);
    auto mt = match_type(op);
    if (!cmp && !mt) unexpected({"=", "!=", "=~", "!~", ">", ">=", "<", "<=", "=="});
    take();
    const Token& value = peek();
    if (value.kind == Tok::kString && mt) {
      f->kind = LabelFilterExpr::Kind::kMatcher;
      f->matcher = {f->name, *mt, take().text};
      return f;
    }
    if (!cmp) unexpected({"STRING"});
    f->op = *cmp;
    if (value.kind == Tok::kIp && (op == Tok::kEq || op == Tok::kNeq)) {
      take();
      expect(Tok::kOpenParen);
      f->kind = LabelFilterExpr::Kind::kIp;
      f->ip = expect(Tok::kString).text;
      expect(Tok::kCloseParen);
      return f;
    }
    if (value.kind == Tok::kDuration) {
      f->kind = LabelFilterExpr::Kind::kDuration;
      f->nanos = take().nanos;
      return f;
    }
    if (value.kind == Tok::kBytes) {
      f->kind = LabelFilterExpr::Kind::kBytes;
      f->bytes = take().bytes;
      return f;
    }
    if (value.kind == Tok::kNumber || value.kind == Tok::kAdd || value.kind == Tok::kSub) {
      bool negative = false;
      if (value.kind != Tok::kNumber) negative = take().kind == Tok::kSub;
      f->kind = LabelFilterExpr::Kind::kNumber;
      double v = parse_number(expect(Tok::kNumber).text);
      f->number = negative ? -v : v;
      return f;
    }
    if (mt) unexpected({"STRING", "NUMBER", "DURATION", "BYTES"});
    unexpected({"NUMBER", "DURATION", "BYTES"});
  }

  std::vector<Token> toks_;
  size_t i_ = 0;
};

std::string format_error(const ParseFailure& f) {
  if (!f.has_pos) return "parse error : " + f.message;
  return "parse error at line " + std::to_string(f.pos.line) + ", col " + std::to_string(f.pos.col) +
         ": " + f.message;
}

Result<std::vector<Token>> tokens_of(std::string_view text) {
  if (text.size() >= kMaxQueryBytes)
    return Status::invalid("parse error : input size too long (" + std::to_string(text.size()) +
                           " > " + std::to_string(kMaxQueryBytes) + ")");
  LexResult lexed = lex(text);
  if (!lexed.ok) return Status::invalid(format_error({lexed.error.message, lexed.error.pos}));
  return std::move(lexed.tokens);
}

}  // namespace

Result<Query> parse_query(std::string_view text) {
  auto tokens = tokens_of(text);
  if (!tokens.is_ok()) return tokens.status();
  Query q;
  try {
    q = Parser(std::move(*tokens)).query();
  } catch (const ParseFailure& f) {
    return Status::invalid(format_error(f));
  }
  Status valid = validate_query(q);
  if (!valid.is_ok()) return Status::invalid("parse error : " + valid.message());
  return q;
}

Result<std::vector<LabelMatcherExpr>> parse_stream_selector(std::string_view text, bool validate) {
  auto tokens = tokens_of(text);
  if (!tokens.is_ok()) return tokens.status();
  std::vector<LabelMatcherExpr> matchers;
  try {
    matchers = Parser(std::move(*tokens)).selector_only();
  } catch (const ParseFailure& f) {
    return Status::invalid(format_error(f));
  }
  Status valid = validate_matchers(matchers, validate);
  if (!valid.is_ok()) return Status::invalid("parse error : " + valid.message());
  return matchers;
}

bool is_comparison_op(std::string_view op) {
  return op == "==" || op == "!=" || op == ">" || op == ">=" || op == "<" || op == "<=";
}

bool is_set_op(std::string_view op) { return op == "and" || op == "or" || op == "unless"; }

}  // namespace weft::logql
