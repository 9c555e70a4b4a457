#include "pes/form.h"

namespace pes {

void FundsRow::reset(std::uint64_t at) {
  present = false;
  offset = at;
  label.value.clear();
  label.reset(at);
  for (Number* n : {&initial, &annual, &executed, &rate, &score}) *n = Number{{}, FieldState::Missing, WrittenIn::Table, at};
}

void Indicator::reset(std::uint64_t at) {
  offset = at;
  for (Text* t : {&level1, &level2, &name, &target, &actual, &reason}) {
    t->value.clear();
    t->reset(at);
  }
  weight.reset(at);
  score.reset(at);
  sub_item = {};
  sub_item.reset(at);
}

void Form::reset(std::uint64_t at) {
  offset = at;
  year = {};
  year.reset(at);
  for (Text* t : {&project, &department, &implementer, &unit, &goals_expected, &goals_achieved,
                  &grade, &template_name}) {
    t->value.clear();
    t->reset(at);
  }
  tmpl = {};
  funds_weight = {};
  funds_weight.reset(at);
  for (FundsRow& row : funds) row.reset(at);
  indicators.clear();
  indicators_state = FieldState::Missing;
  total = {};
  total.reset(at);
}

}  // namespace pes
