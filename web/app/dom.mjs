// The smallest DOM builder: h('p', {class: 'x', onclick: f}, 'text', child...).
// Attributes that are null/undefined/false are left out; `true` sets an empty attribute.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'value' || name === 'checked') element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

/** A DOM id for a JSON pointer into the answers: "/new_address/street" → "f-new_address-street". */
export function idFor(pointer) {
  return `f${pointer.replace(/[^A-Za-z0-9_]/g, '-')}`;
}
