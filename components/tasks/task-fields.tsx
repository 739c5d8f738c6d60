import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { PRIORITIES, PRIORITY_LABELS, type Priority } from '@/lib/work/catalog';
import type { FieldErrors } from '@/server/errors';

type TaskFieldsProps = {
  /** Prefix for element ids, unique on the page (several task forms can be open). */
  idPrefix: string;
  errors: FieldErrors | undefined;
  values?: { title: string; description: string | null; priority: Priority; dueDate: string | null };
};

/** Title, priority, due day and description: the fields of creating and of editing a task. */
export function TaskFields({ idPrefix, errors, values }: TaskFieldsProps) {
  return (
    <>
      <Field name="title" id={`${idPrefix}-title`} label="Title" errors={errors?.title}>
        {(control) => <Input {...control} defaultValue={values?.title} maxLength={200} required />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="priority" id={`${idPrefix}-priority`} label="Priority" errors={errors?.priority}>
          {(control) => (
            <Select {...control} defaultValue={values?.priority ?? 'normal'}>
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_LABELS[priority]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          name="dueDate"
          id={`${idPrefix}-due`}
          label="Due date"
          hint="Due by the end of the day, UTC."
          errors={errors?.dueDate}
        >
          {(control) => <Input {...control} type="date" defaultValue={values?.dueDate ?? ''} />}
        </Field>
      </div>
      <Field name="description" id={`${idPrefix}-description`} label="Details (optional)" errors={errors?.description}>
        {(control) => <Textarea {...control} defaultValue={values?.description ?? ''} maxLength={2000} />}
      </Field>
    </>
  );
}
