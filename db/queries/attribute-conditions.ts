import { sql, type SQL } from 'drizzle-orm';
import { customers } from '@/db/schema';
import type { AttributeCondition } from '@/lib/validation/attribute-conditions';
import { likePattern } from './like-pattern';

const attrs = customers.attributes;

/** The attribute's value when it has the JSON type, else null (so a comparison is unknown rather than a cast error). */
function typed(key: string, type: 'number' | 'string'): SQL {
  return type === 'number'
    ? sql`(case when jsonb_typeof(${attrs} -> ${key}::text) = 'number' then (${attrs} ->> ${key}::text)::numeric end)`
    : sql`(case when jsonb_typeof(${attrs} -> ${key}::text) = 'string' then ${attrs} ->> ${key}::text end)`;
}

/** `attributes @> {"key": value}`: equality that the GIN index on attributes answers. */
function contains(key: string, value: SQL): SQL {
  return sql`${attrs} @> jsonb_build_object(${key}::text, ${value})`;
}

/** One imported-attribute condition as SQL; the key and value are always parameters, never SQL text. */
export function attributeConditionSql(c: AttributeCondition): SQL {
  switch (c.op) {
    case 'eq':
      return contains(c.key, sql`${c.value}::numeric`);
    case 'ne':
      return sql`${typed(c.key, 'number')} <> ${c.value}::numeric`;
    case 'gt':
      return sql`${typed(c.key, 'number')} > ${c.value}::numeric`;
    case 'gte':
      return sql`${typed(c.key, 'number')} >= ${c.value}::numeric`;
    case 'lt':
      return sql`${typed(c.key, 'number')} < ${c.value}::numeric`;
    case 'lte':
      return sql`${typed(c.key, 'number')} <= ${c.value}::numeric`;
    case 'is':
      return contains(c.key, sql`${c.value}::text`);
    case 'isNot':
      // Customers without the attribute are "not" the value too.
      return sql`not (${contains(c.key, sql`${c.value}::text`)})`;
    case 'contains':
      return sql`${typed(c.key, 'string')} ilike ${likePattern(c.value)}`;
    case 'isTrue':
      return contains(c.key, sql`true`);
    case 'isFalse':
      return contains(c.key, sql`false`);
    case 'exists':
      // `?` is answered by the GIN index; the importer keeps a blank cell as JSON null, which is no value.
      return sql`(${attrs} ? ${c.key}::text and jsonb_typeof(${attrs} -> ${c.key}::text) <> 'null')`;
    case 'missing':
      return sql`coalesce(jsonb_typeof(${attrs} -> ${c.key}::text), 'null') = 'null'`;
  }
}
