// The parse tree of a Template (template.h); internal to the template implementation.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "query/logql/template_value.h"

namespace weft::logql {

struct TemplatePipeline;

struct TemplateArg {
  enum class Kind { kField, kDot, kVariable, kLiteral, kFunction, kPipeline } kind = Kind::kLiteral;
  std::vector<std::string> fields;  // .a.b -> {a, b}; also fields after a variable or (pipeline)
  std::string name;                 // function or variable name ("$", "$x")
  TemplateValue literal;
  std::shared_ptr<TemplatePipeline> pipeline;
};

struct TemplateCommand {
  std::vector<TemplateArg> args;
};

struct TemplatePipeline {
  std::string declare;  // "$x" of "$x := ..." / "$x = ..."; "" without
  bool assign = false;  // "=" rather than ":="
  std::vector<TemplateCommand> commands;
};

struct TemplateNode {
  enum class Kind { kList, kText, kAction, kIf, kWith, kRange } kind = Kind::kList;
  std::string text;                                 // kText
  std::shared_ptr<TemplatePipeline> pipeline;       // kAction, kIf, kWith
  std::vector<std::shared_ptr<TemplateNode>> list;  // kList; kIf/kWith body
  std::vector<std::shared_ptr<TemplateNode>> else_list;
  int line = 1;
};

// Whether a function name is known (parse-time check, as Go does).
bool template_function_exists(std::string_view name);

}  // namespace weft::logql
