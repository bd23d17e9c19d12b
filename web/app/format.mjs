// Answers as a citizen reads them on "Check your answers".
import { formatBytes, formatDate, nameIn, t, tr } from './i18n.mjs';

export function formatAnswer(field, value, engine) {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) return t('check.not_provided');
  switch (field.type) {
    case 'choice':
      return tr(field.options.find((o) => o.value === value)?.label) || String(value);
    case 'multi_choice':
      return value.map((v) => tr(field.options.find((o) => o.value === v)?.label) || String(v)).join(', ');
    case 'consent':
      return value ? t('check.yes') : t('check.no');
    case 'address':
      return formatAddress(value, engine);
    case 'date':
      return formatDate(value);
    case 'group':
      return field.fields.map((child) => `${tr(child.label)}: ${formatAnswer(child, value[child.id], engine)}`).join('\n');
    case 'file':
      return value.map((file) => `${file.name} (${formatBytes(file.size)})`).join('\n');
    case 'repeat':
      return value.map((item, i) => `${i + 1}. ${field.fields.map((child) => formatAnswer(child, item[child.id], engine)).join(', ')}`).join('\n');
    default:
      return String(value);
  }
}

export function formatAddress(address, engine) {
  const settlement = engine.settlements.find((s) => s.ekatte === address.settlement);
  const prefixed = (key, value) => value && `${t(`address.short_${key}`)} ${value}`;
  return [
    nameIn([address.street_type, address.street, address.number].filter(Boolean).join(' ')),
    nameIn(address.complex),
    prefixed('block', address.block), prefixed('entrance', address.entrance),
    prefixed('floor', address.floor), prefixed('apartment', address.apartment),
    [address.postal_code, settlement ? tr(settlement.name) : address.settlement].filter(Boolean).join(' '),
  ].filter(Boolean).join(', ');
}
