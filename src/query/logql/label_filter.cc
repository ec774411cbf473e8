#include "query/logql/label_filter.h"

#include <cmath>
#include <cstdlib>

#include "query/logql/units.h"

namespace weft::logql {

Result<double> parse_go_float(std::string_view text) {
  std::string s(text);
  std::string bad = "strconv.ParseFloat: parsing \"" + s + "\": invalid syntax";
  if (s.empty() || std::isspace(static_cast<unsigned char>(s[0]))) return Status::invalid(bad);
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view l = lower;
  if (!l.empty() && (l[0] == '+' || l[0] == '-')) l.remove_prefix(1);
  if (l == "inf" || l == "infinity") return s[0] == '-' ? -INFINITY : INFINITY;
  if (l == "nan") return NAN;
  for (char c : l)
    if (!(std::isxdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'x' || c == 'p' || c == '+' || c == '-'))
      return Status::invalid(bad);
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return Status::invalid(bad);
  return v;
}

Result<std::shared_ptr<const LabelFilter>> LabelFilter::compile(const LabelFilterExpr& e) {
  auto f = std::make_shared<LabelFilter>();
  f->kind_ = e.kind;
  f->name_ = e.name;
  f->op_ = e.op;
  f->number_ = e.number;
  f->nanos_ = e.nanos;
  f->bytes_ = e.bytes;
  using K = LabelFilterExpr::Kind;
  if (e.kind == K::kMatcher) {
    auto m = LabelMatcher::compile(e.matcher);
    if (!m.is_ok()) return m.status();
    f->matcher_ = std::move(*m);
  } else if (e.kind == K::kIp) {
    auto ip = IpMatcher::parse(e.ip);
    if (!ip.is_ok()) return ip.status();
    f->ip_ = std::move(*ip);
  } else if (e.kind == K::kAnd || e.kind == K::kOr) {
    auto l = compile(*e.left);
    if (!l.is_ok()) return l.status();
    auto r = compile(*e.right);
    if (!r.is_ok()) return r.status();
    f->left_ = std::move(*l);
    f->right_ = std::move(*r);
  }
  return std::shared_ptr<const LabelFilter>(std::move(f));
}

bool LabelFilter::matches(LabelsBuilder& labels) const {
  using K = LabelFilterExpr::Kind;
  switch (kind_) {
    case K::kAnd: return left_->matches(labels) && right_->matches(labels);
    case K::kOr: return left_->matches(labels) || right_->matches(labels);
    case K::kMatcher: {
      auto v = labels.get(matcher_->name());
      return matcher_->matches(v ? *v : std::string_view());
    }
    default: break;
  }
  auto v = labels.get(name_);
  if (!v) return false;
  switch (kind_) {
    case K::kIp: {
      bool in = ip_->matches_value(*v);
      return op_ == CompareOp::kNotEqual ? !in : in;
    }
    case K::kNumber: {
      auto n = parse_go_float(*v);
      if (!n.is_ok()) {
        labels.set_error(kLabelFilterError, n.status().message());
        return true;
      }
      return compare(op_, *n, number_);
    }
    case K::kDuration: {
      auto d = parse_go_duration(*v);
      if (!d.is_ok()) {
        labels.set_error(kLabelFilterError, d.status().message());
        return true;
      }
      return compare(op_, *d, nanos_);
    }
    case K::kBytes: {
      auto b = parse_bytes(*v);
      if (!b.is_ok()) {
        labels.set_error(kLabelFilterError, b.status().message());
        return true;
      }
      return compare(op_, *b, bytes_);
    }
    default:
      return false;
  }
}

}  // namespace weft::logql
