import type { ImportKind } from './columns';
import type { Delimiter } from './delimiter';
import type { NumberLocale } from './numbers';

/** How the import page names and explains each kind of file (README: "Import files"). */
export const KIND_LABELS: Record<ImportKind, { label: string; description: string }> = {
  customers: {
    label: 'Customers',
    description: 'One row per customer; unmapped columns are kept as customer attributes.',
  },
  orders: { label: 'Orders', description: 'One row per order, for customers by their id.' },
  subscriptions: { label: 'Subscriptions', description: 'MRR from a date on, until the customer’s next row.' },
  events: { label: 'Usage events', description: 'Logins, feature use and other activity with a time.' },
  tickets: { label: 'Support tickets', description: 'Tickets with their open and resolve times.' },
  feedback: { label: 'Feedback', description: 'NPS, CSAT and CES survey answers.' },
};

export const DELIMITER_LABELS: Record<Delimiter, string> = {
  ',': 'Comma',
  ';': 'Semicolon',
  '\t': 'Tab',
  '|': 'Pipe',
};

export const LOCALE_LABELS: Record<NumberLocale, string> = {
  en: '1,234.56 (English)',
  'pt-BR': '1.234,56 (Portuguese, Brazil)',
};

/** Common date layouts, offered as suggestions; any dayjs format is accepted. */
export const DATE_FORMAT_SUGGESTIONS = [
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'M/D/YYYY H:mm',
  'DD.MM.YYYY',
  'YYYY-MM-DD HH:mm:ss',
];
