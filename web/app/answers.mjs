// Reading a form's answers and report by JSON pointer, and what belongs to which step.

/** The value at a JSON pointer ("/new_address/street"), or undefined. */
export function valueAt(answers, pointer) {
  let value = answers;
  for (const token of pointer.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = value[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

/** True when `path` is `pointer` or lies inside it. */
export function within(path, pointer) {
  return path === pointer || path.startsWith(`${pointer}/`);
}

/** The report's errors about the fields of `step`. */
export function stepErrors(report, step) {
  return report.errors.filter((error) => step.fields.some((field) => within(error.path, `/${field.id}`)));
}

export function visibleSteps(form, report) {
  const visible = new Set(report.steps.filter((s) => s.visible).map((s) => s.id));
  return form.steps.filter((step) => visible.has(step.id));
}

/** The step a form error belongs to (form rules without a path: none). */
export function stepOf(form, path) {
  return form.steps.find((step) => step.fields.some((field) => path && within(path, `/${field.id}`)));
}

/** The policy deciding who may use `form`: the profile's policy with the form's id. */
export function eligibilityOf(engine, form, report, { final }) {
  const policy = (engine.bundle.policies ?? []).find((p) => p.id === form.id);
  if (!policy) return { eligible: true, reasons: [] };
  const decision = engine.profile.checkEligibility(policy.id, { ...report.answers, ...report.computed });
  // Before the last step a rule may still lack its facts ("unknown"); only a rule that is
  // false stops the citizen early. At the end every rule must hold.
  const refused = final ? !decision.eligible : decision.rules.some((rule) => rule.outcome === 'not_met');
  return { eligible: !refused, reasons: decision.reasons, decision };
}
