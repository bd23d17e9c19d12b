// Renders any field of a form definition (docs/forms.md) as GOV.UK-style markup. Driven by
// the definition only: the same code draws every step of every form. `ctx` supplies the
// answers, the shown errors and what to do on a change:
//   ctx.value(pointer) ctx.change(pointer, value) ctx.error(pointer) ctx.rerender()
//   ctx.suggestAddresses(text) ctx.settlements ctx.districts ctx.visible (the report's visible pointers)
//   ctx.attachFile(pointer, file, {replace, onProgress}) ctx.detachFile(pointer, index)
//   ctx.errorWithin(pointer) (file fields: an error about one of its files)
import { combobox } from './combobox.mjs';
import { h, idFor } from './dom.mjs';
import { formatBytes, nameIn, t, tr } from './i18n.mjs';
import { insetText } from './ui.mjs';

const INPUTS = {
  text: { type: 'text' },
  egn: { type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'input input--10' },
  lnch: { type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'input input--10' },
  phone: { type: 'tel', autocomplete: 'tel', class: 'input input--20' },
  email: { type: 'email', autocomplete: 'email', spellcheck: 'false' },
  number: { type: 'text', inputmode: 'decimal', class: 'input input--10' },
  date: { type: 'date', class: 'input input--date' },
};

export const ADDRESS_PARTS = ['street', 'number', 'complex', 'block', 'entrance', 'floor', 'apartment', 'postal_code'];

export function renderField(field, pointer, ctx) {
  const wrap = (content, error) => h('div', {
    class: `form-group${error ? ' form-group--error' : ''}`, 'data-pointer': pointer, 'data-type': field.type,
    hidden: ctx.visible ? !ctx.visible.has(pointer) : null,
  }, content);
  const error = ctx.error(pointer);
  switch (field.type) {
    case 'choice':
    case 'multi_choice':
      return wrap(choices(field, pointer, ctx, error), error);
    case 'consent':
      return wrap(consent(field, pointer, ctx, error), error);
    case 'address':
      return wrap(address(field, pointer, ctx, error), error);
    case 'group':
      return wrap(fieldset(field, pointer, error, field.fields.map((child) => renderField(child, `${pointer}/${child.id}`, ctx))), error);
    case 'repeat':
      return wrap(repeat(field, pointer, ctx, error), error);
    case 'file':
      return wrap(fileField(field, pointer, ctx, error), error);
    default:
      return wrap(input(field, pointer, ctx, error), error);
  }
}

function labelText(field) {
  return field.required ? tr(field.label) : `${tr(field.label)} ${t('field.optional')}`;
}

function hintAndError(id, field, error) {
  return [
    field.help && h('div', { class: 'hint', id: `${id}-hint` }, tr(field.help)),
    error && h('p', { class: 'error-message', id: `${id}-error` },
      h('span', { class: 'visually-hidden' }, `${t('error.prefix')}: `), tr(error.message)),
  ];
}

function describedBy(id, field, error) {
  return [field.help && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || null;
}

function input(field, pointer, ctx, error) {
  const id = idFor(pointer);
  const kind = INPUTS[field.type] ?? INPUTS.text;
  const value = ctx.value(pointer);
  return [
    h('label', { class: 'label', for: id }, labelText(field)),
    hintAndError(id, field, error),
    h('input', {
      ...kind, id, name: pointer, class: `${kind.class ?? 'input'}${error ? ' input--error' : ''}`,
      value: value === undefined || value === null ? '' : String(value),
      'aria-describedby': describedBy(id, field, error), 'aria-invalid': error ? 'true' : null,
      oninput: (event) => ctx.change(pointer, event.target.value === '' ? null : event.target.value),
    }),
  ];
}

function fieldset(field, pointer, error, children) {
  const id = idFor(pointer);
  return h('fieldset', { class: 'fieldset', 'aria-describedby': describedBy(id, field, error) },
    h('legend', { class: 'fieldset__legend' }, labelText(field)),
    hintAndError(id, field, error),
    children);
}

function choices(field, pointer, ctx, error) {
  const multiple = field.type === 'multi_choice';
  const chosen = ctx.value(pointer);
  const isChosen = (value) => (multiple ? (chosen ?? []).includes(value) : chosen === value);
  const items = field.options.map((option, i) => {
    const id = i === 0 ? idFor(pointer) : `${idFor(pointer)}-${i}`;
    return h('div', { class: multiple ? 'checkboxes__item' : 'radios__item' },
      h('input', {
        id, type: multiple ? 'checkbox' : 'radio', name: pointer, value: String(option.value),
        class: multiple ? 'checkboxes__input' : 'radios__input', checked: isChosen(option.value),
        onchange: () => {
          if (!multiple) return ctx.change(pointer, option.value);
          const next = field.options.map((o) => o.value).filter((v) => (v === option.value ? !isChosen(v) : isChosen(v)));
          return ctx.change(pointer, next.length ? next : null);
        },
      }),
      h('label', { class: 'label label--choice', for: id }, tr(option.label)));
  });
  return fieldset(field, pointer, error, h('div', { class: multiple ? 'checkboxes' : 'radios' }, items));
}

function consent(field, pointer, ctx, error) {
  const id = idFor(pointer);
  return [
    hintAndError(id, field, error),
    h('div', { class: 'checkboxes__item' },
      h('input', {
        id, type: 'checkbox', class: 'checkboxes__input', checked: ctx.value(pointer) === true,
        'aria-describedby': describedBy(id, field, error),
        onchange: (event) => ctx.change(pointer, event.target.checked),
      }),
      h('label', { class: 'label label--choice', for: id }, tr(field.label))),
  ];
}

function repeat(field, pointer, ctx, error) {
  const items = ctx.value(pointer) ?? [];
  const rows = items.map((_, index) => h('fieldset', { class: 'fieldset repeat__item' },
    h('legend', { class: 'fieldset__legend fieldset__legend--s' }, `${tr(field.label)} ${index + 1}`),
    field.fields.map((child) => renderField(child, `${pointer}/${index}/${child.id}`, ctx)),
    h('button', {
      type: 'button', class: 'button button--secondary',
      onclick: () => { ctx.change(pointer, items.filter((__, i) => i !== index)); ctx.rerender(); },
    }, t('repeat.remove'), h('span', { class: 'visually-hidden' }, ` ${tr(field.label)} ${index + 1}`))));
  const add = h('button', {
    type: 'button', class: 'button button--secondary', id: idFor(pointer),
    onclick: () => { ctx.change(pointer, [...items, {}]); ctx.rerender(); },
  }, t('repeat.add'), h('span', { class: 'visually-hidden' }, ` ${tr(field.label)}`));
  return fieldset(field, pointer, error, [rows, add]);
}

// The files attached (each with Replace and Remove), a file input to add one while the field
// takes more, and the progress of the one being sealed. An error about one file is shown on
// the field.
function fileField(field, pointer, ctx, error) {
  const id = idFor(pointer);
  const files = ctx.value(pointer) ?? [];
  const shown = error ?? ctx.errorWithin(pointer);
  const accept = field.accept.join(',');
  const progress = h('p', { class: 'file-progress', id: `${id}-progress`, role: 'status' });
  const busy = (input) => (done, total) => {
    input.disabled = true;
    progress.replaceChildren(t('file.sealing', { done, total }), ' ', h('progress', { max: total, value: done, 'aria-hidden': 'true' }));
  };
  const choose = (replace) => async (event) => {
    const [file] = event.target.files;
    if (file) await ctx.attachFile(pointer, file, { replace, onProgress: busy(event.target) });
  };
  const items = files.map((file, index) => {
    const name = h('span', { class: 'file-list__name' }, file.name);
    const replaceInput = h('input', {
      type: 'file', accept, hidden: true, id: `${id}-replace-${index}`, onchange: choose(index),
    });
    return h('li', { class: 'file-list__item' },
      name, h('span', { class: 'hint file-list__size' }, ` ${formatBytes(file.size)}`),
      h('div', { class: 'file-list__actions' },
        h('button', { type: 'button', class: 'button button--secondary', onclick: () => replaceInput.click() },
          t('file.replace'), h('span', { class: 'visually-hidden' }, ` ${file.name}`)),
        h('button', { type: 'button', class: 'button button--secondary', onclick: () => ctx.detachFile(pointer, index) },
          t('file.remove'), h('span', { class: 'visually-hidden' }, ` ${file.name}`)),
        replaceInput));
  });
  const full = files.length >= (field.max_items ?? Infinity);
  return fieldset(field, pointer, shown, [
    files.length > 0 && h('ul', { class: 'file-list' }, items),
    full ? h('p', { class: 'hint' }, t('file.full', { count: field.max_items })) : [
      h('label', { class: 'label', for: id }, files.length ? t('file.add_another') : t('file.add')),
      h('input', {
        type: 'file', id, accept, class: `file-upload${shown ? ' file-upload--error' : ''}`,
        'aria-describedby': describedBy(id, field, shown), onchange: choose(null),
      }),
    ],
    progress,
  ]);
}

// The parts a suggestion names (the street or the complex and block) replace the old ones;
// the others (entrance, floor ...) change only when the suggestion carries what was typed.
const NAMED_PARTS = ['district', 'settlement', 'street_type', 'street', 'number', 'complex', 'block'];
// After choosing, the first of these the suggestion did not fill takes the focus.
const FOCUS_AFTER = {
  street: ['number', 'entrance', 'floor', 'apartment'],
  block: ['entrance', 'floor', 'apartment'],
  place: ['block', 'entrance', 'floor', 'apartment'],
  settlement: ['street'],
};

function address(field, pointer, ctx, error) {
  const part = (name) => `${pointer}/${name}`;
  const fill = (choice) => {
    for (const name of NAMED_PARTS) ctx.change(part(name), choice.address[name] ?? null);
    for (const name of ['entrance', 'floor', 'apartment', 'postal_code']) {
      if (choice.address[name]) ctx.change(part(name), choice.address[name]);
    }
    ctx.rerender(part(FOCUS_AFTER[choice.kind].find((name) => !choice.address[name]) ?? 'postal_code'));
  };
  const district = districtOf(ctx.districts, ctx.value(part('district')), ctx.value(part('settlement')));
  const finder = combobox({
    id: idFor(pointer), label: t('address.find'), hint: t('address.find_hint'),
    suggest: (text) => ctx.suggestAddresses(text).map((choice) => ({ ...choice, label: nameIn(choice.label) })),
    describe: (choice) => ` — ${[choice.settlementName, choice.districtName].filter(Boolean).join(', ')}${
      choice.kind === 'place' || choice.kind === 'settlement' ? ` ${t('address.not_live_short')}` : ''}`,
    noMatch: (text) => t('address.no_match', { text }),
    onChoose: fill,
  });
  const settlementId = idFor(part('settlement'));
  const settlementError = ctx.error(part('settlement'));
  const settlement = h('div', { class: `form-group${settlementError ? ' form-group--error' : ''}` },
    h('label', { class: 'label', for: settlementId }, t('address.settlement')),
    settlementError && h('p', { class: 'error-message', id: `${settlementId}-error` }, tr(settlementError.message)),
    h('select', {
      id: settlementId, class: 'select', 'aria-describedby': settlementError ? `${settlementId}-error` : null,
      onchange: (event) => ctx.change(part('settlement'), event.target.value || null),
    }, h('option', { value: '' }, t('address.settlement_choose')),
    ctx.settlements.map((s) => h('option', { value: s.ekatte, selected: ctx.value(part('settlement')) === s.ekatte }, tr(s.name)))));
  const notice = district && !district.live && notLive(district, ctx.districts);
  // The parts are plain text inputs; which of them are needed depends on the address (a
  // street and number, or a block), so none is marked optional and the core says what is missing.
  const parts = ADDRESS_PARTS.map((name) => renderField(
    { id: name, type: 'text', required: true, label: t(`address.${name}`) }, part(name), { ...ctx, visible: null }));
  for (const element of parts) {
    element.classList.add(`address__${element.dataset.pointer.split('/').pop()}`);
    delete element.dataset.pointer;  // a part, not a field: its visibility is the address's
    delete element.dataset.type;
  }
  return fieldset(field, pointer, error, [finder, notice, settlement, h('div', { class: 'address__parts' }, parts)]);
}

// The district the address names, or the one its settlement lies in (the city lies in all).
function districtOf(districts, id, settlement) {
  if (id) return districts.find((d) => d.id === id);
  const holders = districts.filter((d) => (d.settlements ?? []).some((s) => s.ekatte === settlement));
  return holders.length === 1 ? holders[0] : undefined;
}

// A district without a register: what the service covers today, where to apply instead, and
// that the answers are kept.
function notLive(district, districts) {
  const name = tr(district.name);
  const live = districts.filter((d) => d.live).map((d) => tr(d.name)).join(', ');
  return insetText(
    h('h3', { class: 'heading-s', id: 'not-live-title' }, t('address.not_live.title', { district: name })),
    h('p', {}, t('address.not_live.covers', { districts: live })),
    h('p', {}, t('address.not_live.in_person', { district: name })),
    h('p', {}, t('address.not_live.draft'), ' ', h('a', { href: '#/applications' }, t('address.not_live.drafts_link'))));
}
