// An accessible autocomplete (WAI-ARIA 1.2 combobox with a listbox popup): type to get
// suggestions, Down/Up to move, Enter to choose, Escape to close. The active option is
// announced through aria-activedescendant; the count through a polite live region. When
// nothing matches, `noMatch(text)` is shown under the field (and announced).
import { h } from './dom.mjs';
import { t, tn } from './i18n.mjs';

export function combobox({ id, label, hint, suggest, describe, noMatch, onChoose }) {
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const emptyId = `${id}-none`;
  const input = h('input', {
    id, class: 'input', type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
    'aria-describedby': [hint && hintId, emptyId].filter(Boolean).join(' '),
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'combobox__list', 'aria-label': label, hidden: true });
  const status = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const empty = h('p', { class: 'combobox__none', id: emptyId, hidden: true });
  let options = [];
  let active = -1;

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(index) {
    active = index;
    [...list.children].forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    if (index < 0) input.removeAttribute('aria-activedescendant');
    else {
      input.setAttribute('aria-activedescendant', list.children[index].id);
      list.children[index].scrollIntoView({ block: 'nearest' });
    }
  }

  function choose(index) {
    const choice = options[index];
    close();
    input.value = choice.label;
    onChoose(choice);
  }

  function update() {
    options = input.value.trim() ? suggest(input.value) : [];
    list.replaceChildren(...options.map((option, i) => h('li', {
      id: `${id}-opt-${i}`, role: 'option', class: 'combobox__option', 'aria-selected': 'false',
      onmousedown: (event) => event.preventDefault(), onclick: () => choose(i),
    }, option.label, h('span', { class: 'combobox__detail' }, describe(option)))));
    const open = options.length > 0;
    const typed = input.value.trim();
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    empty.hidden = !typed || open;
    empty.textContent = empty.hidden ? '' : noMatch(typed);
    status.textContent = !typed ? '' : open ? tn('combobox.results', options.length) : t('combobox.none');
  }

  input.addEventListener('input', update);
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) update();
      if (options.length) highlight((active + 1) % options.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length) highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  });

  return h('div', { class: 'form-group combobox' },
    h('label', { class: 'label', for: id }, label),
    hint && h('div', { class: 'hint', id: hintId }, hint),
    h('div', { class: 'combobox__wrapper' }, input, list),
    empty,
    status);
}
