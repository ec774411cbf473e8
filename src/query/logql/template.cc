// Parsing of Go text/template text into a TemplateNode tree.
#include "query/logql/template.h"

#include <cctype>
#include <charconv>

#include "query/logql/go_quote.h"
#include "query/logql/template_ast.h"

namespace weft::logql {

namespace {

struct TemplateError {
  std::string message;
};

// Tokens inside one {{ action }}.
struct ActionToken {
  enum class Kind { kField, kDot, kVariable, kString, kNumber, kIdent, kPipe, kOpen, kClose, kDeclare, kAssign, kComma };
  Kind kind;
  std::string text;
  bool joined = false;  // no space before it (".a.b" is one chained field)
};

class ActionLexer {
 public:
  ActionLexer(std::string_view s, int line) : s_(s), line_(line) {}

  std::vector<ActionToken> run() {
    std::vector<ActionToken> out;
    while (true) {
      size_t before = i_;
      while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
      if (i_ >= s_.size()) return out;
      bool joined = i_ == before && !out.empty();
      out.push_back(next());
      out.back().joined = joined;
    }
  }

 private:
  [[noreturn]] void fail(const std::string& m) const {
    throw TemplateError{"line:" + std::to_string(line_) + ": " + m};
  }

  std::string ident_chars() {
    size_t start = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_')) ++i_;
    return std::string(s_.substr(start, i_ - start));
  }

  ActionToken next() {
    char c = s_[i_];
    using K = ActionToken::Kind;
    if (c == '|') { ++i_; return {K::kPipe, "|"}; }
    if (c == '(') { ++i_; return {K::kOpen, "("}; }
    if (c == ')') { ++i_; return {K::kClose, ")"}; }
    if (c == ',') { ++i_; return {K::kComma, ","}; }
    if (c == ':' && i_ + 1 < s_.size() && s_[i_ + 1] == '=') { i_ += 2; return {K::kDeclare, ":="}; }
    if (c == '=') { ++i_; return {K::kAssign, "="}; }
    if (c == '.') {
      ++i_;
      if (i_ < s_.size() && (std::isalpha(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_'))
        return {K::kField, ident_chars()};
      return {K::kDot, "."};
    }
    if (c == '$') {
      ++i_;
      return {K::kVariable, "$" + ident_chars()};
    }
    if (c == '"' || c == '`' || c == '\'') return quoted(c);
    if (std::isdigit(static_cast<unsigned char>(c)) || ((c == '-' || c == '+') && i_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_ + 1])))) {
      size_t start = i_++;
      while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' || s_[i_] == '_' ||
                                ((s_[i_] == '-' || s_[i_] == '+') && (s_[i_ - 1] == 'e' || s_[i_ - 1] == 'E'))))
        ++i_;
      return {K::kNumber, std::string(s_.substr(start, i_ - start))};
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') return {K::kIdent, ident_chars()};
    fail("unexpected \"" + std::string(1, c) + "\" in command");
  }

  ActionToken quoted(char q) {
    size_t start = i_++;
    while (i_ < s_.size() && s_[i_] != q) {
      if (q != '`' && s_[i_] == '\\') ++i_;
      ++i_;
    }
    if (i_ >= s_.size()) fail(q == '`' ? "unterminated raw quoted string" : "unterminated quoted string");
    ++i_;
    std::string_view lit = s_.substr(start, i_ - start);
    auto v = go_unquote(lit);
    if (!v.is_ok()) fail("invalid syntax: " + std::string(lit));
    if (q == '\'') {
      uint32_t cp;
      decode_utf8(*v, 0, &cp);
      return {ActionToken::Kind::kNumber, std::to_string(cp)};
    }
    return {ActionToken::Kind::kString, std::move(*v)};
  }

  std::string_view s_;
  size_t i_ = 0;
  int line_;
};

class TemplateParser {
 public:
  TemplateParser(std::string_view text) : text_(text) {}

  std::shared_ptr<TemplateNode> run() {
    auto root = std::make_shared<TemplateNode>();
    std::string end = parse_list(root->list);
    if (!end.empty()) fail("unexpected {{" + end + "}}");
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& m) const {
    throw TemplateError{"line:" + std::to_string(line_) + ": " + m};
  }

  void count_lines(std::string_view s) {
    for (char c : s)
      if (c == '\n') ++line_;
  }

  // Reads nodes into `out` until {{end}} / {{else ...}} (returned: "end", "else", "else if ...")
  // or the end of the text (returns "").
  std::string parse_list(std::vector<std::shared_ptr<TemplateNode>>& out) {
    while (pos_ < text_.size()) {
      size_t open = text_.find("{{", pos_);
      std::string_view text = text_.substr(pos_, open == std::string_view::npos ? std::string_view::npos : open - pos_);
      bool trim_left = open != std::string_view::npos && text_.substr(open, 4) == "{{- ";
      if (trim_left) while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
      if (!text.empty()) add_text(out, text);
      if (open == std::string_view::npos) {
        count_lines(text_.substr(pos_));
        pos_ = text_.size();
        return "";
      }
      count_lines(text_.substr(pos_, open - pos_));
      std::optional<std::string_view> read = read_action(open, trim_left);
      if (!read) continue;  // a comment
      std::string_view action = *read;
      std::string keyword = first_word(action);
      if (keyword == "end" || keyword == "else") return std::string(action);
      if (keyword == "if" || keyword == "with" || keyword == "range") {
        out.push_back(parse_branch(keyword, action.substr(keyword.size())));
        continue;
      }
      if (keyword == "define" || keyword == "template" || keyword == "block" || keyword == "break" || keyword == "continue")
        fail("{{" + keyword + "}} is not supported");
      auto node = std::make_shared<TemplateNode>();
      node->kind = TemplateNode::Kind::kAction;
      node->line = line_;
      node->pipeline = parse_pipeline(action, true);
      out.push_back(std::move(node));
    }
    return "";
  }

  void add_text(std::vector<std::shared_ptr<TemplateNode>>& out, std::string_view text) {
    auto node = std::make_shared<TemplateNode>();
    node->kind = TemplateNode::Kind::kText;
    node->text = std::string(text);
    out.push_back(std::move(node));
  }

  static std::string first_word(std::string_view action) {
    size_t i = 0;
    while (i < action.size() && std::isalpha(static_cast<unsigned char>(action[i]))) ++i;
    if (i < action.size() && !std::isspace(static_cast<unsigned char>(action[i])) && action[i] != '(') return "";
    return std::string(action.substr(0, i));
  }

  // The inside of the action starting at `open`, trimmed (nullopt for a comment); moves pos_
  // past it and applies a trailing "-}}" to the text that follows.
  std::optional<std::string_view> read_action(size_t open, bool trim_left) {
    size_t i = open + (trim_left ? 4 : 2);
    if (text_.substr(i, 2) == "/*") {
      size_t end = text_.find("*/", i + 2);
      if (end == std::string_view::npos) fail("unclosed comment");
      size_t close = end + 2;
      while (close < text_.size() && std::isspace(static_cast<unsigned char>(text_[close]))) ++close;
      bool trim_right = text_.substr(close, 3) == "-}}";
      if (!trim_right && text_.substr(close, 2) != "}}") fail("comment ends before closing delimiter");
      count_lines(text_.substr(open, close - open));
      finish_action(close + (trim_right ? 3 : 2), trim_right);
      return std::nullopt;
    }
    char quote = 0;
    size_t j = i;
    for (; j < text_.size(); ++j) {
      char c = text_[j];
      if (quote) {
        if (c == '\\' && quote != '`') ++j;
        else if (c == quote) quote = 0;
        continue;
      }
      if (c == '"' || c == '`' || c == '\'') quote = c;
      else if (c == '}' && text_.substr(j, 2) == "}}") break;
      else if (c == '\n' && quote == 0) { /* newlines inside actions are allowed in Go 1.16+ */ }
    }
    if (j >= text_.size()) fail("unclosed action");
    bool trim_right = j >= 2 && text_[j - 1] == '-' && std::isspace(static_cast<unsigned char>(text_[j - 2]));
    std::string_view inner = text_.substr(i, (trim_right ? j - 1 : j) - i);
    count_lines(text_.substr(open, j - open));
    finish_action(j + 2, trim_right);
    while (!inner.empty() && std::isspace(static_cast<unsigned char>(inner.front()))) inner.remove_prefix(1);
    while (!inner.empty() && std::isspace(static_cast<unsigned char>(inner.back()))) inner.remove_suffix(1);
    if (inner.empty()) fail("missing value for command");
    return inner;
  }

  void finish_action(size_t after, bool trim_right) {
    pos_ = after;
    if (trim_right)
      while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) {
        if (text_[pos_] == '\n') ++line_;
        ++pos_;
      }
  }

  std::shared_ptr<TemplateNode> parse_branch(const std::string& keyword, std::string_view rest) {
    auto node = std::make_shared<TemplateNode>();
    node->kind = keyword == "if" ? TemplateNode::Kind::kIf
                 : keyword == "with" ? TemplateNode::Kind::kWith : TemplateNode::Kind::kRange;
    node->line = line_;
    node->pipeline = parse_pipeline(rest, true);
    std::string end = parse_list(node->list);
    if (end.empty()) fail("unexpected EOF");
    if (end.rfind("else", 0) == 0) {
      std::string_view after = std::string_view(end).substr(4);
      while (!after.empty() && std::isspace(static_cast<unsigned char>(after.front()))) after.remove_prefix(1);
      if (!after.empty()) {
        std::string nested = first_word(after);
        if (nested != "if" && nested != "with") fail("unexpected \"" + std::string(after) + "\" in else");
        // {{else if x}} ... {{end}} is an if nested in the else branch sharing its {{end}}.
        node->else_list.push_back(parse_branch(nested, after.substr(nested.size())));
        return node;
      }
      end = parse_list(node->else_list);
      if (end.empty()) fail("unexpected EOF");
    }
    if (end != "end") fail("expected end; found {{" + end + "}}");
    return node;
  }

  std::shared_ptr<TemplatePipeline> parse_pipeline(std::string_view action, bool allow_declare) {
    std::vector<ActionToken> tokens = ActionLexer(action, line_).run();
    size_t i = 0;
    auto p = pipeline_tokens(tokens, i, allow_declare);
    if (i != tokens.size()) fail("unexpected \"" + tokens[i].text + "\" in command");
    return p;
  }

  std::shared_ptr<TemplatePipeline> pipeline_tokens(const std::vector<ActionToken>& t, size_t& i, bool allow_declare) {
    using K = ActionToken::Kind;
    auto p = std::make_shared<TemplatePipeline>();
    if (allow_declare && i + 1 < t.size() && t[i].kind == K::kVariable) {
      size_t j = i + 1;
      if (t[j].kind == K::kComma && j + 2 < t.size() && t[j + 1].kind == K::kVariable) {
        // range $k, $v := ...
        p->declare = t[i].text + "," + t[j + 1].text;
        j += 2;
      } else {
        p->declare = t[i].text;
      }
      if (j < t.size() && (t[j].kind == K::kDeclare || t[j].kind == K::kAssign)) {
        p->assign = t[j].kind == K::kAssign;
        i = j + 1;
      } else {
        p->declare.clear();
      }
    }
    while (true) {
      TemplateCommand cmd;
      while (i < t.size() && t[i].kind != K::kPipe && t[i].kind != K::kClose) cmd.args.push_back(arg(t, i));
      if (cmd.args.empty()) fail("missing value for command");
      p->commands.push_back(std::move(cmd));
      if (i < t.size() && t[i].kind == K::kPipe) {
        ++i;
        continue;
      }
      return p;
    }
  }

  TemplateArg arg(const std::vector<ActionToken>& t, size_t& i) {
    using K = ActionToken::Kind;
    TemplateArg a;
    const ActionToken& tok = t[i++];
    switch (tok.kind) {
      case K::kField:
        a.kind = TemplateArg::Kind::kField;
        a.fields.push_back(tok.text);
        break;
      case K::kDot: a.kind = TemplateArg::Kind::kDot; break;
      case K::kVariable:
        a.kind = TemplateArg::Kind::kVariable;
        a.name = tok.text;
        break;
      case K::kString: a.literal = TemplateValue(tok.text); break;
      case K::kNumber: a.literal = number(tok.text); break;
      case K::kIdent:
        if (tok.text == "true" || tok.text == "false") {
          a.literal = TemplateValue(tok.text == "true");
        } else if (tok.text == "nil") {
          a.literal = TemplateValue();
        } else {
          if (!template_function_exists(tok.text)) fail("function \"" + tok.text + "\" not defined");
          a.kind = TemplateArg::Kind::kFunction;
          a.name = tok.text;
        }
        break;
      case K::kOpen: {
        a.kind = TemplateArg::Kind::kPipeline;
        a.pipeline = pipeline_tokens(t, i, false);
        if (i >= t.size() || t[i].kind != K::kClose) fail("unclosed left paren");
        ++i;
        break;
      }
      default:
        fail("unexpected \"" + tok.text + "\" in operand");
    }
    // Chained fields: .a.b, $x.a, (pipeline).a. The lexer splits ".a.b" into two fields.
    while (i < t.size() && t[i].kind == K::kField && t[i].joined && a.kind != TemplateArg::Kind::kFunction)
      a.fields.push_back(t[i++].text);
    return a;
  }

  TemplateValue number(const std::string& text) {
    int64_t i = 0;
    const char* b = text.data();
    const char* e = b + text.size();
    auto [p, ec] = std::from_chars(b + (text[0] == '+' ? 1 : 0), e, i);
    if (ec == std::errc() && p == e) return TemplateValue(i);
    char* end = nullptr;
    double d = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) fail("bad number syntax: \"" + text + "\"");
    return TemplateValue(d);
  }

  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

Result<Template> Template::parse(std::string_view text, std::string_view name) {
  Template t;
  t.name_ = std::string(name);
  try {
    t.root_ = TemplateParser(text).run();
  } catch (const TemplateError& e) {
    return Status::invalid("template: " + std::string(name) + ":" + e.message.substr(5));
  }
  const auto& nodes = t.root_->list;
  if (nodes.size() == 1 && nodes[0]->kind == TemplateNode::Kind::kAction &&
      nodes[0]->pipeline->declare.empty() && nodes[0]->pipeline->commands.size() == 1) {
    const auto& args = nodes[0]->pipeline->commands[0].args;
    if (args.size() == 1 && args[0].kind == TemplateArg::Kind::kField && args[0].fields.size() == 1)
      t.simple_field_ = args[0].fields[0];
  }
  return t;
}

}  // namespace weft::logql
