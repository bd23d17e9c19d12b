// The file fields of a form and the files its canonical answers describe (civic/forms.hpp).
#include "../core/json_pointer.hpp"
#include "definition.hpp"

namespace civic::forms {

namespace {

FileField limits_of(const Field& field) {
  return FileField{field.id, field.accept, field.max_size};
}

class FileCollector {
 public:
  explicit FileCollector(const Form& form) : form_(form) {}

  void fields(const std::vector<int>& indices, const Json& answers, const std::string& at) {
    if (!answers.is_object()) return;
    for (const int index : indices) {
      const Field& field = form_.fields[static_cast<std::size_t>(index)];
      const auto answer = answers.find(field.id);
      if (answer == answers.end()) continue;
      field_answer(field, *answer, at + "/" + json_pointer_token(field.id));
    }
  }

  std::vector<FileAnswer> found;

 private:
  void field_answer(const Field& field, const Json& answer, const std::string& at) {
    switch (field.type) {
      case FieldType::group: fields(field.children, answer, at); return;
      case FieldType::repeat:
        if (!answer.is_array()) return;
        for (std::size_t i = 0; i < answer.size(); ++i) {
          fields(field.children, answer[i], at + "/" + std::to_string(i));
        }
        return;
      case FieldType::file:
        if (!answer.is_array()) return;
        for (std::size_t i = 0; i < answer.size(); ++i) {
          found.push_back(FileAnswer{at + "/" + std::to_string(i), limits_of(field), answer[i]});
        }
        return;
      default: return;
    }
  }

  const Form& form_;
};

}  // namespace

std::vector<FileField> file_fields(const Form& form) {
  std::vector<FileField> out;
  for (const Field& field : form.fields) {
    if (field.type == FieldType::file) out.push_back(limits_of(field));
  }
  return out;
}

std::vector<FileAnswer> file_answers(const Form& form, const Json& answers) {
  FileCollector collector(form);
  collector.fields(form.top, answers, "");
  return std::move(collector.found);
}

}  // namespace civic::forms
