import { Anchor } from 'lucide-react';
import Link from 'next/link';

export function Brand({ onClick }: { onClick?: () => void }) {
  return (
    <Link
      href="/"
      onClick={onClick}
      className="flex items-center gap-2 rounded-md text-base font-semibold tracking-tight text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-700"
    >
      <span className="grid size-7 place-items-center rounded-md bg-accent-700 text-white">
        <Anchor aria-hidden className="size-4" />
      </span>
      Holdfast
    </Link>
  );
}
