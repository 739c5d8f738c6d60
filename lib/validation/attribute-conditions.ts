import { z } from 'zod';
import { CONTROL_CHARACTERS, hasControlCharacters, safeText } from './text';

/**
 * Conditions on imported attributes (customers.attributes, typed number / boolean / text by the importer). The
 * operator decides how the value is read, so that "employees > 100" compares numbers and "plan_code is 100" text.
 */
export const ATTRIBUTE_OPERATORS = {
  eq: { label: '=', type: 'number' },
  ne: { label: '≠', type: 'number' },
  gt: { label: '>', type: 'number' },
  gte: { label: '≥', type: 'number' },
  lt: { label: '<', type: 'number' },
  lte: { label: '≤', type: 'number' },
  is: { label: 'is', type: 'text' },
  isNot: { label: 'is not', type: 'text' },
  contains: { label: 'contains', type: 'text' },
  isTrue: { label: 'is true', type: 'boolean' },
  isFalse: { label: 'is false', type: 'boolean' },
  exists: { label: 'has a value', type: 'any' },
  missing: { label: 'has no value', type: 'any' },
} as const;
export type AttributeOperator = keyof typeof ATTRIBUTE_OPERATORS;
export const ATTRIBUTE_OPERATOR_KEYS = Object.keys(ATTRIBUTE_OPERATORS) as [AttributeOperator, ...AttributeOperator[]];

/** Operators that take no value: the operator says it all. */
export function operatorTakesValue(op: AttributeOperator): boolean {
  const { type } = ATTRIBUTE_OPERATORS[op];
  return type === 'number' || type === 'text';
}

export type AttributeCondition =
  | { key: string; op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; value: number }
  | { key: string; op: 'is' | 'isNot' | 'contains'; value: string }
  | { key: string; op: 'isTrue' | 'isFalse' | 'exists' | 'missing' };

export const MAX_ATTRIBUTE_CONDITIONS = 5;

const key = safeText()
  .trim()
  .min(1, { error: 'Name the attribute.' })
  .max(100, { error: 'Use at most 100 characters.' });

export const attributeConditionSchema = z
  .object({
    key,
    op: z.enum(ATTRIBUTE_OPERATOR_KEYS, { error: 'Choose how to compare the attribute.' }),
    value: z.unknown().optional(),
  })
  .transform((c, ctx): AttributeCondition => {
    const type = ATTRIBUTE_OPERATORS[c.op].type;
    const raw = typeof c.value === 'number' ? String(c.value) : typeof c.value === 'string' ? c.value.trim() : '';
    if (type === 'number') {
      const value = raw === '' ? NaN : Number(raw);
      if (!Number.isFinite(value)) {
        ctx.addIssue({ code: 'custom', message: `Give a number to compare ${c.key} with.`, path: ['value'] });
        return z.NEVER;
      }
      return { key: c.key, op: c.op as 'eq', value };
    }
    if (type === 'text') {
      if (hasControlCharacters(raw)) {
        ctx.addIssue({ code: 'custom', message: CONTROL_CHARACTERS, path: ['value'] });
        return z.NEVER;
      }
      if (!raw || raw.length > 200) {
        ctx.addIssue({
          code: 'custom',
          message: `Give the text to compare ${c.key} with (at most 200 characters).`,
          path: ['value'],
        });
        return z.NEVER;
      }
      return { key: c.key, op: c.op as 'is', value: raw };
    }
    return { key: c.key, op: c.op as 'exists' };
  });

/** A condition in words, for filter chips and audit entries. */
export function describeAttributeCondition(c: AttributeCondition): string {
  const { label } = ATTRIBUTE_OPERATORS[c.op];
  return 'value' in c ? `${c.key} ${label} ${c.value}` : `${c.key} ${label}`;
}
