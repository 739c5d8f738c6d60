import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

/** The From and To days (inclusive, UTC) of a log's filter form. */
export function DateRangeFields({ from, to }: { from?: string; to?: string }) {
  return (
    <>
      <Field name="from" label="From">
        {(control) => <Input {...control} type="date" defaultValue={from ?? ''} />}
      </Field>
      <Field name="to" label="To">
        {(control) => <Input {...control} type="date" defaultValue={to ?? ''} />}
      </Field>
    </>
  );
}

/** Apply, and Clear back to the unfiltered log. */
export function FilterButtons({ clearHref }: { clearHref: string }) {
  return (
    <div className="flex items-center gap-2">
      <Button type="submit">Apply</Button>
      <Button asChild variant="ghost">
        <Link href={clearHref}>Clear</Link>
      </Button>
    </div>
  );
}
