import { ChevronLeft, ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/lib/cn';

const linkClasses = cn(buttonVariants({ variant: 'secondary', size: 'sm' }));
const disabledClasses = cn(linkClasses, 'pointer-events-none opacity-50');

/** Previous / Next buttons of a keyset-paged list; a missing href shows the button disabled. */
export function PrevNextLinks({ previousHref, nextHref }: { previousHref: string | null; nextHref: string | null }) {
  return (
    <div className="flex gap-2">
      {previousHref ? (
        <Link href={previousHref} className={linkClasses}>
          <ChevronLeft aria-hidden /> Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClasses}>
          <ChevronLeft aria-hidden /> Previous
        </span>
      )}
      {nextHref ? (
        <Link href={nextHref} className={linkClasses}>
          Next <ChevronRight aria-hidden />
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClasses}>
          Next <ChevronRight aria-hidden />
        </span>
      )}
    </div>
  );
}
