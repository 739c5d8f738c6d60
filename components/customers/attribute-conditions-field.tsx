'use client';

import { Plus, X } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import {
  ATTRIBUTE_OPERATORS,
  ATTRIBUTE_OPERATOR_KEYS,
  MAX_ATTRIBUTE_CONDITIONS,
  operatorTakesValue,
  type AttributeCondition,
  type AttributeOperator,
} from '@/lib/validation/attribute-conditions';

type Row = { id: number; key: string; op: AttributeOperator; value: string };
type AttributeKey = { key: string; type: 'number' | 'boolean' | 'string' };

const TYPE_GROUPS = [
  { type: 'number', label: 'Number' },
  { type: 'text', label: 'Text' },
  { type: 'boolean', label: 'Yes / no' },
  { type: 'any', label: 'Any' },
] as const;

const DEFAULT_OP: Record<AttributeKey['type'], AttributeOperator> = { number: 'gte', string: 'is', boolean: 'isTrue' };

let nextId = 0;
const rowOf = (c?: AttributeCondition): Row => ({
  id: nextId++,
  key: c?.key ?? '',
  op: c?.op ?? 'is',
  value: c && 'value' in c ? String(c.value) : '',
});

/**
 * Conditions on imported attributes as repeated attr/op/val fields of the filter form (the URL keeps them in that
 * order). Attribute names are suggested from the data; the operator says whether the value is a number or text.
 */
export function AttributeConditionsField({
  conditions,
  keys,
}: {
  conditions: AttributeCondition[];
  keys: AttributeKey[];
}) {
  const [rows, setRows] = useState<Row[]>(() => (conditions.length ? conditions.map(rowOf) : []));
  const update = (id: number, patch: Partial<Row>) =>
    setRows((current) => current.map((r) => (r.id === id ? { ...r, ...patch } : r)));

  function chooseKey(id: number, key: string) {
    const known = keys.find((k) => k.key === key);
    update(id, known ? { key, op: DEFAULT_OP[known.type] } : { key });
  }

  return (
    <fieldset className="sm:col-span-2 lg:col-span-4">
      <legend className="text-sm font-medium text-zinc-800">Imported attributes</legend>
      <datalist id="attribute-keys">
        {keys.map((k) => (
          <option key={k.key} value={k.key} />
        ))}
      </datalist>
      <div className="mt-1.5 space-y-2">
        {rows.map((row, index) => (
          <div key={row.id} className="flex flex-wrap items-center gap-2">
            <Input
              name={row.key ? 'attr' : undefined}
              list="attribute-keys"
              aria-label={`Attribute ${index + 1}`}
              placeholder="Attribute, e.g. employees"
              value={row.key}
              onChange={(e) => chooseKey(row.id, e.currentTarget.value)}
              className="w-56"
            />
            <Select
              name={row.key ? 'op' : undefined}
              aria-label={`Comparison ${index + 1}`}
              value={row.op}
              onChange={(e) => update(row.id, { op: e.currentTarget.value as AttributeOperator })}
              className="w-40"
            >
              {TYPE_GROUPS.map((group) => (
                <optgroup key={group.type} label={group.label}>
                  {ATTRIBUTE_OPERATOR_KEYS.filter((op) => ATTRIBUTE_OPERATORS[op].type === group.type).map((op) => (
                    <option key={op} value={op}>
                      {ATTRIBUTE_OPERATORS[op].label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
            {/* A row is sent whole or not at all (no name until it has an attribute), so attr, op and val stay aligned. */}
            <Input
              name={row.key ? 'val' : undefined}
              aria-label={`Value ${index + 1}`}
              value={operatorTakesValue(row.op) ? row.value : ''}
              disabled={!operatorTakesValue(row.op)}
              onChange={(e) => update(row.id, { value: e.currentTarget.value })}
              className="w-40"
              inputMode={ATTRIBUTE_OPERATORS[row.op].type === 'number' ? 'decimal' : undefined}
            />
            {row.key && !operatorTakesValue(row.op) && <input type="hidden" name="val" value="" />}
            <Button
              variant="ghost"
              size="sm"
              className="px-2"
              aria-label={`Remove attribute condition ${index + 1}`}
              onClick={() => setRows((current) => current.filter((r) => r.id !== row.id))}
            >
              <X aria-hidden />
            </Button>
          </div>
        ))}
        {rows.length < MAX_ATTRIBUTE_CONDITIONS && (
          <Button
            variant="ghost"
            size="sm"
            className="text-accent-800"
            onClick={() => setRows((current) => [...current, rowOf()])}
          >
            <Plus aria-hidden /> Add attribute condition
          </Button>
        )}
      </div>
    </fieldset>
  );
}
