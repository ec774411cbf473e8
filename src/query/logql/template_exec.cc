// Running a parsed Template over one line's labels.
#include <map>

#include "query/logql/template.h"
#include "query/logql/template_ast.h"
#include "query/logql/template_funcs.h"

namespace weft::logql {

namespace {

struct ExecError {
  std::string message;
};

// The value of "." : the label map at the top, or a value inside with/range.
struct Dot {
  bool is_root = true;
  TemplateValue value;
};

class Executor {
 public:
  Executor(const TemplateContext& context, std::string_view name, std::string& out)
      : context_(context), name_(name), out_(out) {}

  void run(const TemplateNode& root) {
    scopes_.emplace_back();
    walk_list(root.list, Dot{});
  }

 private:
  [[noreturn]] void fail(int line, const std::string& m) const {
    throw ExecError{"template: " + std::string(name_) + ":" + std::to_string(line) + ": " + m};
  }

  void walk_list(const std::vector<std::shared_ptr<TemplateNode>>& list, const Dot& dot) {
    for (const auto& n : list) walk(*n, dot);
  }

  void walk(const TemplateNode& n, const Dot& dot) {
    line_ = n.line;
    switch (n.kind) {
      case TemplateNode::Kind::kText: out_ += n.text; return;
      case TemplateNode::Kind::kList: walk_list(n.list, dot); return;
      case TemplateNode::Kind::kAction: {
        TemplateValue v = pipeline(*n.pipeline, dot);
        if (n.pipeline->declare.empty()) out_ += v.print();
        return;
      }
      case TemplateNode::Kind::kIf:
      case TemplateNode::Kind::kWith: {
        scopes_.emplace_back();
        TemplateValue v = pipeline(*n.pipeline, dot);
        if (v.truthy()) walk_list(n.list, n.kind == TemplateNode::Kind::kWith ? Dot{false, v} : dot);
        else walk_list(n.else_list, dot);
        scopes_.pop_back();
        return;
      }
      case TemplateNode::Kind::kRange: range(n, dot); return;
    }
  }

  // range over the label map: {{ range $k, $v := . }} / {{ range $v := . }} / {{ range . }}.
  void range(const TemplateNode& n, const Dot& dot) {
    const TemplatePipeline& p = *n.pipeline;
    if (p.commands.size() != 1 || p.commands[0].args.size() != 1 ||
        (p.commands[0].args[0].kind != TemplateArg::Kind::kDot &&
         !(p.commands[0].args[0].kind == TemplateArg::Kind::kVariable && p.commands[0].args[0].name == "$")) ||
        !dot.is_root)
      fail(n.line, "range can only iterate over the labels (. or $)");
    auto labels = context_.all_labels();
    if (labels.empty()) {
      walk_list(n.else_list, dot);
      return;
    }
    std::string key_var, value_var;
    if (size_t comma = p.declare.find(','); comma != std::string::npos) {
      key_var = p.declare.substr(0, comma);
      value_var = p.declare.substr(comma + 1);
    } else {
      value_var = p.declare;
    }
    for (const auto& [k, v] : labels) {
      scopes_.emplace_back();
      if (!key_var.empty()) scopes_.back()[key_var] = TemplateValue(k);
      if (!value_var.empty()) scopes_.back()[value_var] = TemplateValue(v);
      walk_list(n.list, Dot{false, TemplateValue(v)});
      scopes_.pop_back();
    }
  }

  TemplateValue pipeline(const TemplatePipeline& p, const Dot& dot) {
    TemplateValue value;
    bool has_value = false;
    for (const auto& cmd : p.commands) {
      value = command(cmd, dot, has_value ? &value : nullptr);
      has_value = true;
    }
    if (!p.declare.empty() && p.declare.find(',') == std::string::npos) {
      if (p.assign) {
        for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it)
          if (it->count(p.declare)) {
            (*it)[p.declare] = value;
            return value;
          }
        fail(line_, "undefined variable: " + p.declare);
      }
      scopes_.back()[p.declare] = value;
    }
    return value;
  }

  TemplateValue command(const TemplateCommand& cmd, const Dot& dot, const TemplateValue* piped) {
    const TemplateArg& first = cmd.args[0];
    if (first.kind == TemplateArg::Kind::kFunction) {
      std::vector<TemplateValue> args;
      for (size_t i = 1; i < cmd.args.size(); ++i) args.push_back(operand(cmd.args[i], dot));
      if (piped) args.push_back(*piped);
      return call(first.name, args);
    }
    if (cmd.args.size() > 1 || piped) fail(line_, "can't give argument to non-function");
    return operand(first, dot);
  }

  TemplateValue call(const std::string& name, std::vector<TemplateValue>& args) {
    // and/or evaluate like Go's: the first falsy (and) / truthy (or) argument, else the last.
    if (name == "and" || name == "or") {
      if (args.empty()) fail(line_, "wrong number of args for " + name + ": want at least 1 got 0");
      for (auto& a : args)
        if (a.truthy() == (name == "or")) return a;
      return args.back();
    }
    FunctionContext fc{context_.line, context_.timestamp};
    auto r = call_template_function(name, args, fc);
    if (!r.is_ok()) fail(line_, "error calling " + name + ": " + r.status().message());
    return std::move(*r);
  }

  TemplateValue operand(const TemplateArg& a, const Dot& dot) {
    TemplateValue v;
    size_t field = 0;
    switch (a.kind) {
      case TemplateArg::Kind::kLiteral: return a.literal;
      case TemplateArg::Kind::kFunction: {
        std::vector<TemplateValue> none;
        return call(a.name, none);
      }
      case TemplateArg::Kind::kPipeline: v = pipeline(*a.pipeline, dot); break;
      case TemplateArg::Kind::kDot:
        if (dot.is_root) return TemplateValue(map_text());
        v = dot.value;
        break;
      case TemplateArg::Kind::kField:
        if (dot.is_root) {
          auto label = context_.label(a.fields[0]);
          v = TemplateValue(std::string(label ? *label : std::string_view()));
          field = 1;
        } else {
          v = dot.value;
        }
        break;
      case TemplateArg::Kind::kVariable:
        if (a.name == "$") {
          if (!a.fields.empty()) {
            auto label = context_.label(a.fields[0]);
            v = TemplateValue(std::string(label ? *label : std::string_view()));
            field = 1;
          } else {
            return TemplateValue(map_text());
          }
        } else {
          v = variable(a.name);
        }
        break;
    }
    if (field < a.fields.size())
      fail(line_, "can't evaluate field " + a.fields[field] + " in type string");
    return v;
  }

  TemplateValue variable(const std::string& name) {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      auto found = it->find(name);
      if (found != it->end()) return found->second;
    }
    fail(line_, "undefined variable: " + name);
  }

  // {{ . }} at the top prints the label map as Go prints a map.
  std::string map_text() const {
    std::string out = "map[";
    bool first = true;
    for (const auto& [k, v] : context_.all_labels()) {
      if (!first) out += ' ';
      out += k + ":" + v;
      first = false;
    }
    return out + "]";
  }

  const TemplateContext& context_;
  std::string_view name_;
  std::string& out_;
  std::vector<std::map<std::string, TemplateValue>> scopes_;
  int line_ = 1;
};

}  // namespace

Status Template::execute(const TemplateContext& context, std::string& out) const {
  out.clear();
  try {
    Executor(context, name_, out).run(*root_);
  } catch (const ExecError& e) {
    return Status::invalid(e.message);
  }
  return Status::ok();
}

}  // namespace weft::logql
